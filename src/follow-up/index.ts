export { createFollowUpService, type FollowUpService } from './follow-up.service.js';
export { registerFollowUpRoutes } from './follow-up.routes.js';
