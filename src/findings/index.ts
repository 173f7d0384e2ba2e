export { createFindingRepository, type FindingRepository } from './finding.repository.js';
export { createFindingService, type FindingService, type FindingChanges, type ScreenedProduct } from './finding.service.js';
export { registerFindingRoutes } from './finding.routes.js';
