export { createFindingRepository, type FindingRepository } from './finding.repository.js';
export { createFindingService, type FindingService, type FindingChanges, type ScreenedProduct, type ReconcileBasis } from './finding.service.js';
export { registerFindingRoutes } from './finding.routes.js';
