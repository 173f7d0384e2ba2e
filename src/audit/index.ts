export { createAuditRepository } from './audit.repository.js';
export { createAuditService, SYSTEM_ACTOR, type AuditService, type Change } from './audit.service.js';
export { registerAuditRoutes } from './audit.routes.js';
