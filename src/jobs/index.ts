export { createJobRepository, type JobRepository } from './job.repository.js';
export { createJobService, type JobService, type JobContext } from './job.service.js';
export { registerJobRoutes } from './job.routes.js';
