export { createListRepository, type ListRepository } from './list.repository.js';
export { createListService, type ListService } from './list.service.js';
export { registerListRoutes } from './list.routes.js';
export { loadShippedLists } from './shipped.js';
