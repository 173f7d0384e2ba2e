import type { ApiRegistry } from '../shared/http/route.js';
import { AuditListQuery, AuditPage } from './audit.schema.js';
import type { AuditService } from './audit.service.js';

export function registerAuditRoutes(api: ApiRegistry, audit: AuditService): void {
  api.define(
    {
      method: 'get',
      path: '/audit',
      operationId: 'listAudit',
      summary: 'Read the audit trail, newest first',
      description: 'Every state change is recorded with who, when, what, and the record before and after. Entries cannot be edited or deleted.',
      tag: 'audit',
      roles: ['admin', 'expert'],
      query: AuditListQuery,
      responses: { 200: { description: 'a page of audit entries', schema: AuditPage } },
    },
    async ({ query }, res) => {
      res.json(await audit.list(query));
    },
  );
}
