export { createSupplierRepository, type SupplierRepository } from './supplier.repository.js';
export { createSupplierService, type SupplierService, type SupplierReferences } from './supplier.service.js';
export { registerSupplierRoutes } from './supplier.routes.js';
