import type { ApiRegistry } from '../shared/http/route.js';
import { IdParams } from '../shared/ids.js';
import { Job } from './job.schema.js';
import type { JobService } from './job.service.js';

export function registerJobRoutes(api: ApiRegistry, jobs: JobService): void {
  api.define(
    {
      method: 'get', path: '/jobs/:id', operationId: 'getJob', tag: 'jobs', roles: ['admin', 'expert'],
      summary: 'Progress and result of a background job (a re-screen after a list import)',
      params: IdParams,
      responses: { 200: { description: 'the job', schema: Job }, 404: { description: 'no such job (NOT_FOUND)' } },
    },
    async ({ params }, res) => {
      res.json(await jobs.get(params.id));
    },
  );
}
