// Findings in MongoDB, returned as plain objects.
import type { AnyBulkWriteOperation, Connection } from 'mongoose';
import type { Page, PageRequest } from '../shared/http/pagination.js';
import { toObjectId } from '../shared/ids.js';
import { countBy, findPage, modelOn } from '../shared/mongo.js';
import type { Session } from '../storage/transaction.js';
import { FindingSchema, ScreeningDigestSchema, type FindingDoc, type ScreeningDigestDoc } from './finding.model.js';
import { OPEN_STATUSES, type Finding, type FindingEvent, type FindingFields, type FindingStatus } from './finding.schema.js';

export interface FindingFilter {
  contractId?: string;
  supplierId?: string;
  productId?: string;
  listId?: string;
  severity?: string;
  /** Any of these. */
  status?: readonly FindingStatus[];
  matchType?: string;
}

export type StoredFinding = Finding & { key: string; evidenceDigest: string };

/** What a product's summary shows of one of its open findings. */
export interface OpenFindingSummary {
  productId: string;
  severity: Finding['severity'];
  status: FindingStatus;
  list: { id: string; name: string; entryKey: string };
  substance: { name: string | null; cas: string | null; ec: string | null; concentration: string | null };
  concentrationTest: Finding['concentrationTest'];
  limitPercent: number | null;
}

/** What a contract follow-up reads of a finding: where it stands, and when and how it got there. */
export interface FollowUpFinding {
  id: string;
  productId: string;
  contractIds: string[];
  list: { id: string; name: string };
  substance: { name: string | null; cas: string | null };
  severity: Finding['severity'];
  status: FindingStatus;
  exceptionUntil: string | null;
  history: Array<Pick<FindingEvent, 'at' | 'action' | 'from' | 'to'>>;
}

type Severity = Finding['severity'];

/** How many findings share one severity, status and list (the dashboard's breakdowns are sums of these). */
export interface FindingTally {
  severity: Severity;
  status: FindingStatus;
  listId: string;
  listName: string;
  count: number;
}

/** A UTC calendar month as YYYY-MM: what the per-month counts below are keyed by. */
const monthOf = (date: string): Record<string, unknown> => ({ $dateToString: { format: '%Y-%m', date } });

/** A digest no screening computes (those are hex): the product's findings must be compared in full. */
const STALE_DIGEST = 'stale';

/** What re-screening needs of a stored finding to decide whether to write it: no facts, no history. */
export interface FindingState {
  id: string;
  key: string;
  productId: string;
  supplierId: string;
  contractIds: string[];
  list: { id: string };
  severity: string;
  status: FindingStatus;
  exceptionUntil: string | null;
  evidenceDigest: string;
  factsDigest: string;
  lastAction: string;
}
const STATE_FIELDS = {
  key: 1, productId: 1, supplierId: 1, contractIds: 1, 'list.id': 1, severity: 1, status: 1, exceptionUntil: 1, evidenceDigest: 1, factsDigest: 1, lastAction: 1,
} as const;

const toFinding = (doc: FindingDoc): StoredFinding => ({
  id: doc._id.toHexString(),
  key: doc.key,
  evidenceDigest: doc.evidenceDigest,
  productId: doc.productId,
  supplierId: doc.supplierId,
  contractIds: [...doc.contractIds],
  substance: doc.substance,
  list: doc.list,
  matchType: doc.matchType,
  certainty: doc.certainty,
  score: doc.score,
  matchedOn: doc.matchedOn,
  limit: doc.limit,
  concentrationTest: doc.concentrationTest,
  severity: doc.severity,
  severityReason: doc.severityReason,
  evidence: doc.evidence,
  status: doc.status,
  exceptionUntil: doc.exceptionUntil,
  history: doc.history,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

/** What screening writes: a new finding, or fields and history events for an existing one. */
export type FindingWrite =
  | { kind: 'insert'; key: string; evidenceDigest: string; factsDigest: string; fields: FindingFields; event: FindingEvent }
  | { kind: 'update'; id: string; set: Partial<FindingFields> & { evidenceDigest?: string; factsDigest?: string }; event: FindingEvent | null };

export function createFindingRepository(connection: Connection) {
  const Findings = modelOn(connection, 'Finding', FindingSchema);
  const Digests = modelOn(connection, 'ScreeningDigest', ScreeningDigestSchema);

  return {
    model: Findings,

    async findById(id: string, session?: Session): Promise<StoredFinding | undefined> {
      const doc = await Findings.findById(toObjectId(id)).session(session ?? null).lean<FindingDoc>();
      return doc ? toFinding(doc) : undefined;
    },

    /** The state of every finding of these products (screening reconciles a batch of products with one read). */
    async statesForProducts(productIds: readonly string[]): Promise<FindingState[]> {
      if (productIds.length === 0) return [];
      const filter = productIds.length === 1 ? { productId: productIds[0] } : { productId: { $in: [...productIds] } };
      const docs = await Findings.find(filter, STATE_FIELDS).lean<Array<Omit<FindingState, 'id'> & { _id: FindingDoc['_id'] }>>();
      return docs.map(({ _id, ...state }) => ({ id: _id.toHexString(), ...state }));
    },

    async list(filter: FindingFilter, page: PageRequest): Promise<Page<Finding>> {
      const query: Record<string, unknown> = {};
      if (filter.contractId !== undefined) query.contractIds = filter.contractId;
      if (filter.supplierId !== undefined) query.supplierId = filter.supplierId;
      if (filter.productId !== undefined) query.productId = filter.productId;
      if (filter.listId !== undefined) query['list.id'] = filter.listId;
      if (filter.severity !== undefined) query.severity = filter.severity;
      if (filter.status !== undefined) query.status = filter.status.length === 1 ? filter.status[0] : { $in: [...filter.status] };
      if (filter.matchType !== undefined) query.matchType = filter.matchType;
      return findPage(Findings, query, { createdAt: -1, _id: -1 }, page, (doc) => {
        const { key: _key, evidenceDigest: _digest, ...finding } = toFinding(doc);
        return finding;
      });
    },

    /** Applies screening's writes in one bulk operation (only changed findings are written). */
    async write(writes: readonly FindingWrite[], session?: Session): Promise<void> {
      if (writes.length === 0) return;
      const now = new Date();
      const ops: AnyBulkWriteOperation<FindingDoc>[] = writes.map((w) =>
        w.kind === 'insert'
          ? { insertOne: { document: { ...w.fields, key: w.key, evidenceDigest: w.evidenceDigest, factsDigest: w.factsDigest, lastAction: w.event.action, history: [w.event], createdAt: now, updatedAt: now } as unknown as FindingDoc } }
          : { updateOne: { filter: { _id: toObjectId(w.id) }, update: { $set: { ...w.set, ...(w.event ? { lastAction: w.event.action } : {}), updatedAt: now }, ...(w.event ? { $push: { history: w.event } } : {}) } } },
      );
      await Findings.bulkWrite(ops, { ordered: true, ...(session ? { session } : {}), timestamps: false });
    },

    /** A decision: the new status (and exception end) plus its history event, only if the status is still `from`. */
    async decide(id: string, from: FindingStatus, set: { status: FindingStatus; exceptionUntil: string | null }, event: FindingEvent, session: Session): Promise<StoredFinding | undefined> {
      const doc = await Findings.findOneAndUpdate(
        { _id: toObjectId(id), status: from },
        { $set: { ...set, lastAction: event.action }, $push: { history: event } },
        { returnDocument: 'after', session },
      ).lean<FindingDoc>();
      return doc ? toFinding(doc) : undefined;
    },

    /** How many findings of each of these products stand open (OPEN_STATUSES); products with none are absent. */
    async openCountsForProducts(productIds: readonly string[]): Promise<Map<string, number>> {
      if (productIds.length === 0) return new Map();
      return countBy(Findings, 'productId', { productId: { $in: [...productIds] }, status: { $in: [...OPEN_STATUSES] } });
    },

    /** The open findings (OPEN_STATUSES) of these products, without evidence or history. */
    async openForProducts(productIds: readonly string[]): Promise<OpenFindingSummary[]> {
      if (productIds.length === 0) return [];
      const docs = await Findings.find(
        { productId: { $in: [...productIds] }, status: { $in: [...OPEN_STATUSES] } },
        { productId: 1, severity: 1, status: 1, 'list.id': 1, 'list.name': 1, 'list.entryKey': 1, substance: 1, concentrationTest: 1, 'limit.percent': 1 },
      ).lean<Array<Pick<FindingDoc, 'productId' | 'severity' | 'status' | 'list' | 'substance' | 'concentrationTest'> & { limit: { percent: number } | null }>>();
      return docs.map(({ productId, severity, status, list, substance, concentrationTest, limit }) => ({
        productId, severity, status, list: { id: list.id, name: list.name, entryKey: list.entryKey },
        substance: { name: substance.name, cas: substance.cas, ec: substance.ec, concentration: substance.concentration },
        concentrationTest, limitPercent: limit?.percent ?? null,
      }));
    },

    /**
     * The findings of these products a follow-up reports: those standing (OPEN_STATUSES) or excepted, and, for what
     * changed, any other that was written at or after `changedSince` (every history event also sets updatedAt).
     * With `changedSince` null, every finding of the products.
     */
    async forFollowUp(productIds: readonly string[], changedSince: Date | null): Promise<FollowUpFinding[]> {
      if (productIds.length === 0) return [];
      const query: Record<string, unknown> = { productId: { $in: [...productIds] } };
      if (changedSince !== null) query.$or = [{ status: { $in: [...OPEN_STATUSES, 'exception'] } }, { updatedAt: { $gte: changedSince } }];
      const docs = await Findings.find(query, { productId: 1, contractIds: 1, list: 1, substance: 1, severity: 1, status: 1, exceptionUntil: 1, history: 1 })
        .sort({ _id: 1 })
        .lean<Array<Pick<FindingDoc, '_id' | 'productId' | 'contractIds' | 'list' | 'substance' | 'severity' | 'status' | 'exceptionUntil' | 'history'>>>();
      return docs.map((doc) => ({
        id: doc._id.toHexString(),
        productId: doc.productId,
        contractIds: [...doc.contractIds],
        list: { id: doc.list.id, name: doc.list.name },
        substance: { name: doc.substance.name, cas: doc.substance.cas },
        severity: doc.severity,
        status: doc.status,
        exceptionUntil: doc.exceptionUntil,
        history: doc.history.map((e) => ({ at: new Date(e.at), action: e.action, from: e.from, to: e.to })),
      }));
    },

    /** Products with a finding raised or changed (by screening or a decision) at or after `since`. */
    async productIdsChangedSince(since: Date): Promise<string[]> {
      return Findings.distinct('productId', { updatedAt: { $gte: since } });
    },

    async countForProduct(productId: string, session?: Session): Promise<number> {
      return Findings.countDocuments({ productId }).session(session ?? null);
    },

    /**
     * Every finding counted by severity, status and list in one $group: at most severities × statuses × lists rows
     * come back, never the findings themselves.
     */
    async tally(): Promise<FindingTally[]> {
      const rows = await Findings.aggregate<{ _id: Omit<FindingTally, 'listName' | 'count'>; listName: string; count: number }>([
        { $group: { _id: { severity: '$severity', status: '$status', listId: '$list.id' }, listName: { $max: '$list.name' }, count: { $sum: 1 } } },
      ]);
      return rows.map(({ _id, listName, count }) => ({ severity: _id.severity, status: _id.status, listId: _id.listId, listName, count }));
    },

    /** Findings created at or after `since`, counted per UTC calendar month (YYYY-MM) and severity. */
    async raisedPerMonth(since: Date): Promise<Array<{ month: string; severity: Severity; count: number }>> {
      const rows = await Findings.aggregate<{ _id: { month: string; severity: Severity }; count: number }>([
        { $match: { createdAt: { $gte: since } } },
        { $group: { _id: { month: monthOf('$createdAt'), severity: '$severity' }, count: { $sum: 1 } } },
      ]);
      return rows.map(({ _id, count }) => ({ month: _id.month, severity: _id.severity, count }));
    },

    /**
     * Changes into one of `statuses` at or after `since`, read from the findings' history events, counted per UTC
     * calendar month (YYYY-MM) and status reached. An event that keeps the status (a severity change on a resolved
     * finding) is no change; a finding dismissed, reopened and dismissed again counts twice.
     */
    async statusChangesPerMonth(statuses: readonly FindingStatus[], since: Date): Promise<Array<{ month: string; status: FindingStatus; count: number }>> {
      const event = { at: { $gte: since }, to: { $in: [...statuses] } };
      const rows = await Findings.aggregate<{ _id: { month: string; status: FindingStatus }; count: number }>([
        { $match: { history: { $elemMatch: event } } },
        { $project: { history: 1 } },
        { $unwind: '$history' },
        { $match: { 'history.at': event.at, 'history.to': event.to, $expr: { $ne: ['$history.from', '$history.to'] } } },
        { $group: { _id: { month: monthOf('$history.at'), status: '$history.to' }, count: { $sum: 1 } } },
      ]);
      return rows.map(({ _id, count }) => ({ month: _id.month, status: _id.status, count }));
    },

    /** Products with an open finding (OPEN_STATUSES) of one of these severities, each once. */
    async productIdsWithOpenFindings(severities: readonly Severity[]): Promise<string[]> {
      return Findings.distinct('productId', { status: { $in: [...OPEN_STATUSES] }, severity: { $in: [...severities] } });
    },

    /** The findings digest stored for each of these products that has one. */
    async digestsFor(productIds: readonly string[]): Promise<Map<string, string>> {
      if (productIds.length === 0) return new Map();
      const docs = await Digests.find({ _id: { $in: [...productIds] } }).lean<ScreeningDigestDoc[]>();
      return new Map(docs.map((d) => [d._id, d.digest]));
    },

    /**
     * Stores products' new findings digests, each only if the product's digest is still the one screening read
     * (`previous`; undefined when it had none). A decision made meanwhile has marked it stale (forgetDigest), and then
     * the stale mark stays, so that the next screening compares the product in full.
     */
    async saveDigests(digests: ReadonlyArray<{ productId: string; digest: string; previous: string | undefined }>): Promise<void> {
      if (digests.length === 0) return;
      const updatedAt = new Date();
      const ops: AnyBulkWriteOperation<ScreeningDigestDoc>[] = digests.map(({ productId, digest, previous }) =>
        previous === undefined
          ? { insertOne: { document: { _id: productId, digest, updatedAt } } }
          : { updateOne: { filter: { _id: productId, digest: previous }, update: { $set: { digest, updatedAt } } } },
      );
      try {
        await Digests.bulkWrite(ops, { ordered: false });
      } catch (err) {
        // A digest inserted meanwhile (a decision's stale mark) wins over this one, as above.
        const writeErrors = (err as { writeErrors?: Array<{ code?: number }> }).writeErrors;
        if (!writeErrors?.length || writeErrors.some((e) => e.code !== 11000)) throw err;
      }
    },

    /** Marks a product's digest stale (inside a decision's transaction): its next screening compares it in full. */
    async forgetDigest(productId: string, session: Session): Promise<void> {
      await Digests.updateOne({ _id: productId }, { $set: { digest: STALE_DIGEST, updatedAt: new Date() } }, { upsert: true, session });
    },

    /** Those of these products with an exception that ended before `today` (YYYY-MM-DD): it reopens at screening. */
    async withExpiredExceptions(productIds: readonly string[], today: string): Promise<Set<string>> {
      if (productIds.length === 0) return new Set();
      const ids = await Findings.distinct('productId', { productId: { $in: [...productIds] }, status: 'exception', exceptionUntil: { $lt: today } });
      return new Set(ids);
    },
  };
}
export type FindingRepository = ReturnType<typeof createFindingRepository>;
