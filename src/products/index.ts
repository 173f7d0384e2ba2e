export { createProductRepository, type ProductRepository } from './product.repository.js';
export { createProductService, type ProductService } from './product.service.js';
export { registerProductRoutes } from './product.routes.js';
