export { createExtractionPool, type ExtractionPool } from './extraction-pool.js';
export { createSdsRepository, type SdsRepository } from './sds.repository.js';
export { createSdsService, type SdsService } from './sds.service.js';
export { registerSdsRoutes } from './sds.routes.js';
