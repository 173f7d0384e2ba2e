export { createStatsService, type StatsService } from './stats.service.js';
export { registerStatsRoutes } from './stats.routes.js';
