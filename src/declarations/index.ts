export { createDeclarationRepository, type DeclarationRepository, type DeclarationForScreening } from './declaration.repository.js';
export { createDeclarationService, type DeclarationService } from './declaration.service.js';
export { registerDeclarationRoutes } from './declaration.routes.js';
export { substancesOfDeclaration } from './screened-substances.js';
export { createBulkDeclarationService, type BulkDeclarationService } from './bulk-declaration.service.js';
