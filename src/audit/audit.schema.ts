// The audit trail: one immutable entry per state change — who, when, what, before and after.
import { z } from 'zod';
import { Role } from '../shared/actor.js';
import { Id } from '../shared/ids.js';
import { PageOf, PageQuery } from '../shared/http/pagination.js';

export const EntityType = z.enum(['supplier', 'contract', 'product', 'token', 'sds-revision', 'declaration', 'declaration-request', 'list', 'curated-limit', 'finding']).meta({ id: 'EntityType' });
export type EntityType = z.infer<typeof EntityType>;

export const AuditEntry = z
  .object({
    id: Id,
    at: z.iso.datetime(),
    requestId: z.string().describe('X-Request-Id of the request that made the change'),
    actor: z.object({
      tokenId: z.string().describe('id of the API token used, or "system" for start-up tasks'),
      tokenName: z.string(),
      role: Role.or(z.literal('system')),
      supplierId: z.string().optional(),
    }),
    action: z.string().describe('what happened, `<entity>.<verb>`: supplier.created, token.revoked, …'),
    entityType: EntityType,
    entityId: z.string(),
    supplierId: z.string().optional().describe('the supplier the changed record belongs to, when it belongs to one'),
    before: z.record(z.string(), z.unknown()).nullable().describe('the record before the change (null when created)'),
    after: z.record(z.string(), z.unknown()).nullable().describe('the record after the change (null when deleted)'),
  })
  .meta({ id: 'AuditEntry' });

export interface AuditActor {
  tokenId: string;
  tokenName: string;
  role: Role | 'system';
  supplierId?: string;
}

export interface AuditEntry {
  id: string;
  at: Date;
  requestId: string;
  actor: AuditActor;
  action: string;
  entityType: EntityType;
  entityId: string;
  supplierId?: string;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
}

export const AuditListQuery = z.strictObject({
  entityType: EntityType.optional(),
  entityId: z.string().min(1).max(64).optional(),
  action: z.string().min(1).max(64).optional(),
  tokenId: z.string().min(1).max(64).optional().describe('entries made with this token'),
  supplierId: Id.optional().describe('entries about records of this supplier'),
  from: z.iso.datetime({ offset: true }).optional().describe('entries at or after this instant'),
  to: z.iso.datetime({ offset: true }).optional().describe('entries before this instant'),
  ...PageQuery,
});
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditPage = PageOf(AuditEntry, 'AuditPage');
