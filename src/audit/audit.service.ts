// Recording and reading the audit trail.
import type { Actor } from '../shared/actor.js';
import type { Page } from '../shared/http/pagination.js';
import type { Session } from '../storage/transaction.js';
import type { AuditRepository } from './audit.repository.js';
import type { AuditActor, AuditEntry, AuditListQuery, EntityType } from './audit.schema.js';

export interface Change {
  action: string;
  entityType: EntityType;
  entityId: string;
  supplierId?: string | undefined;
  before: object | null;
  after: object | null;
}

/** Start-up tasks (the first admin token) are attributed to the system, not to a token. */
export const SYSTEM_ACTOR: Actor = { tokenId: 'system', tokenName: 'chemreg start-up', role: 'admin', supplierId: undefined, requestId: 'startup' };

// Dates become ISO strings and undefined fields vanish, so the entry shows the record as the API shows it.
const snapshot = (value: object | null): Record<string, unknown> | null =>
  value === null ? null : (JSON.parse(JSON.stringify(value)) as Record<string, unknown>);

function auditActor(actor: Actor): AuditActor {
  if (actor === SYSTEM_ACTOR) return { tokenId: 'system', tokenName: actor.tokenName, role: 'system' };
  return {
    tokenId: actor.tokenId,
    tokenName: actor.tokenName,
    role: actor.role,
    ...(actor.supplierId !== undefined ? { supplierId: actor.supplierId } : {}),
  };
}

export function createAuditService(audit: AuditRepository) {
  return {
    /** Call inside the transaction that makes the change, so the entry and the change commit together. */
    async record(actor: Actor, change: Change, session: Session): Promise<void> {
      await audit.append(
        {
          at: new Date(),
          requestId: actor.requestId,
          actor: auditActor(actor),
          action: change.action,
          entityType: change.entityType,
          entityId: change.entityId,
          ...(change.supplierId !== undefined ? { supplierId: change.supplierId } : {}),
          before: snapshot(change.before),
          after: snapshot(change.after),
        },
        session,
      );
    },

    async list(query: AuditListQuery): Promise<Page<AuditEntry>> {
      const { limit, offset, from, to, ...filter } = query;
      return audit.list({ ...filter, ...(from ? { from: new Date(from) } : {}), ...(to ? { to: new Date(to) } : {}) }, { limit, offset });
    },
  };
}
export type AuditService = ReturnType<typeof createAuditService>;
