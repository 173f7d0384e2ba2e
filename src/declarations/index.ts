export { createDeclarationRepository, type DeclarationRepository, type DeclarationForScreening } from './declaration.repository.js';
export { createDeclarationService, type DeclarationService } from './declaration.service.js';
export { registerDeclarationRoutes } from './declaration.routes.js';
export { substancesOfDeclaration } from './screened-substances.js';
export { createBulkDeclarationService, type BulkDeclarationService } from './bulk-declaration.service.js';
export { createDeclarationRequestRepository, type DeclarationRequestRepository } from './declaration-request.repository.js';
export { createDeclarationRequestService, type DeclarationRequestService } from './declaration-request.service.js';
export { registerDeclarationRequestRoutes } from './declaration-request.routes.js';
