// Append and read the audit trail. There is deliberately no update or delete here.
import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../shared/http/pagination.js';
import { findPage, modelOn } from '../shared/mongo.js';
import type { Session } from '../storage/transaction.js';
import { AuditSchema, type AuditDoc } from './audit.model.js';
import type { AuditEntry, EntityType } from './audit.schema.js';

export interface AuditFilter {
  entityType?: EntityType;
  entityId?: string;
  action?: string;
  tokenId?: string;
  supplierId?: string;
  from?: Date;
  to?: Date;
}

const toEntry = (doc: AuditDoc): AuditEntry => ({
  id: doc._id.toHexString(),
  at: doc.at,
  requestId: doc.requestId,
  actor: doc.actor,
  action: doc.action,
  entityType: doc.entityType,
  entityId: doc.entityId,
  ...(doc.supplierId !== undefined ? { supplierId: doc.supplierId } : {}),
  before: doc.before,
  after: doc.after,
});

export function createAuditRepository(connection: Connection) {
  const Audit = modelOn(connection, 'AuditEntry', AuditSchema);

  return {
    model: Audit,

    async append(entry: Omit<AuditEntry, 'id'>, session: Session): Promise<void> {
      await Audit.create([entry], { session });
    },

    /** Records of these types deleted at or after `since`, oldest first (the search index drops them). */
    async deletedSince(since: Date, entityTypes: readonly EntityType[]): Promise<Array<{ entityType: EntityType; entityId: string }>> {
      const docs = await Audit.find({ at: { $gte: since }, action: { $in: entityTypes.map((t) => `${t}.deleted`) } }, { entityType: 1, entityId: 1 })
        .sort({ at: 1, _id: 1 }).lean<Array<Pick<AuditDoc, 'entityType' | 'entityId'>>>();
      return docs.map((d) => ({ entityType: d.entityType, entityId: d.entityId }));
    },

    async list(filter: AuditFilter, page: PageRequest): Promise<Page<AuditEntry>> {
      const query: Record<string, unknown> = {};
      if (filter.entityType) query.entityType = filter.entityType;
      if (filter.entityId) query.entityId = filter.entityId;
      if (filter.action) query.action = filter.action;
      if (filter.tokenId) query['actor.tokenId'] = filter.tokenId;
      if (filter.supplierId) query.supplierId = filter.supplierId;
      if (filter.from || filter.to) query.at = { ...(filter.from ? { $gte: filter.from } : {}), ...(filter.to ? { $lt: filter.to } : {}) };
      return findPage(Audit, query, { at: -1, _id: -1 }, page, toEntry);
    },
  };
}
export type AuditRepository = ReturnType<typeof createAuditRepository>;
