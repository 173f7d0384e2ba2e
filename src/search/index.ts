export { createSearchService, type SearchService } from './search.service.js';
export { registerSearchRoutes } from './search.routes.js';
