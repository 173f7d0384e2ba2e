export { createCuratedLimitRepository, type CuratedLimitRepository } from './curated-limit.repository.js';
export { createCuratedLimitService, type CuratedLimitService } from './curated-limit.service.js';
export { registerCuratedLimitRoutes } from './curated-limit.routes.js';
export { createListRepository, type ListRepository } from './list.repository.js';
export { createListService, type ListService } from './list.service.js';
export { registerListRoutes } from './list.routes.js';
export { loadShippedLists } from './shipped.js';
