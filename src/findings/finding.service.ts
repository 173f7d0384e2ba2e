// Finding use cases: what screening found (reconciled idempotently with what is stored), the list an expert or a
// supplier reads, and the decisions on a finding with their full history (issue 5 "Findings workflow").
import { createHash, hash } from 'node:crypto';
import type { AuditService } from '../audit/index.js';
import { tenantOf, tokenOf, type Actor } from '../shared/actor.js';
import { ClientError, forbidden, invalidReference, notFound } from '../shared/errors.js';
import type { Page } from '../shared/http/pagination.js';
import type { RunInTransaction } from '../storage/transaction.js';
import type { Match, ScreenedSubstance } from '../screening/screening.types.js';
import type { FindingRepository, FindingState, FindingWrite, StoredFinding } from './finding.repository.js';
import type { DecisionInput, Finding, FindingEvent, FindingFields, FindingListQuery, FindingStatus } from './finding.schema.js';
import { TRANSITIONS } from './finding-transitions.js';

const SYSTEM_BY = { tokenId: 'system', tokenName: 'screening', role: 'system' };

// Which statuses each action may start from. `answer` (a supplier's reply) changes no status.

/** What a product's screening changed, for the change report. */
export interface FindingChanges {
  raised: StoredFindingRef[];
  resolved: StoredFindingRef[];
  severityChanged: Array<StoredFindingRef & { from: string; to: string }>;
  reopened: StoredFindingRef[];
}
export interface StoredFindingRef {
  key: string;
  productId: string;
  supplierId: string;
  contractIds: string[];
  listId: string;
  severity: string;
}

/** What the finding is about across revisions: the substance's CAS, else EC, else its name, else its row. */
export function substanceKey(s: ScreenedSubstance): string {
  if (s.cas) return `cas:${s.cas}`;
  if (s.ec) return `ec:${s.ec}`;
  if (s.name) return `name:${s.name.toLowerCase().replace(/\s+/g, ' ').trim()}`;
  return `ref:${s.ref}`;
}

/** Everything an expert's decision rests on; a change reopens a dismissal. The list version alone does not count. */
function digestOf(match: Match, substance: ScreenedSubstance): string {
  const basis = [match.matchType, match.matchedOn, substance.concentration?.text ?? null, match.concentrationTest, match.limit?.percent ?? null, match.severity];
  return createHash('sha256').update(JSON.stringify(basis)).digest('hex').slice(0, 32);
}

const refOf = (f: { key: string; productId: string; supplierId: string; contractIds: string[]; list: { id: string }; severity: string }): StoredFindingRef => ({
  key: f.key, productId: f.productId, supplierId: f.supplierId, contractIds: f.contractIds, listId: f.list.id, severity: f.severity,
});

const event = (action: string, from: FindingStatus | null, to: FindingStatus, comment: string | null, by = SYSTEM_BY): FindingEvent => ({
  at: new Date(), by, action, from, to, comment, until: null, documentId: null,
});

/**
 * What reconcileMany needs to know before reading any finding: each product's findings digest as last reconciled, and
 * which products have an exception that has ended (that reopens without any fact changing).
 */
export interface ReconcileBasis {
  digests: ReadonlyMap<string, string>;
  expiredExceptions: ReadonlySet<string>;
}

/** A product as screening saw it: what matched, and the substances (by ref) the matches point at. */
export interface ScreenedProduct {
  product: { id: string; supplierId: string };
  matches: readonly Match[];
  substances: ReadonlyMap<string, ScreenedSubstance>;
}

/** One finding as screening would write it now. */
interface Candidate {
  key: string;
  match: Match;
  substance: ScreenedSubstance;
  fields: FindingFields;
}

/** The list fields that only say which version a finding was last evaluated against (see reconcileMany). */
const withoutVersion = ({ versionId: _id, version: _v, ...rest }: FindingFields['list']) => rest;

/** The facts screening sets on a finding, except the list version: a new version alone changes nothing. */
function factsOf({ status: _s, exceptionUntil: _e, ...facts }: FindingFields) {
  return { ...facts, list: withoutVersion(facts.list) };
}

/** Every fact screening sets on a finding, except the list version: when it is unchanged, nothing is written. */
function factsDigestOf(fields: FindingFields): string {
  return createHash('sha256').update(JSON.stringify(factsOf(fields))).digest('hex').slice(0, 32);
}

// The facts of a finding in a product's digest, in this order: all that screening sets except its status and
// exception date (which screening sets only when it reopens). The check below fails to compile when a field is added
// to findings and not here, which would let a change to that field go unwritten.
const DIGESTED = ['productId', 'supplierId', 'contractIds', 'substance', 'list', 'matchType', 'certainty', 'score', 'matchedOn', 'limit', 'concentrationTest', 'severity', 'severityReason', 'evidence'] as const;
const everyFactDigested: [Exclude<keyof FindingFields, (typeof DIGESTED)[number] | 'status' | 'exceptionUntil'>] extends [never] ? true : never = true;
void everyFactDigested;

/**
 * All of a product's findings as screening would write them now, in one digest. When it equals the digest stored at
 * the product's last reconcile, every finding's facts and evidence are as stored, none is new and none has gone.
 * Computed for every product in every re-screen, so each finding is one array (no keys to write out) and the hash is
 * one call.
 */
function productDigestOf(candidates: readonly Candidate[]): string {
  const rows = candidates
    .map(({ key, fields }) => [key, ...DIGESTED.map((field) => (field === 'list' ? withoutVersion(fields.list) : fields[field]))] as const)
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return hash('sha256', JSON.stringify(rows), 'hex').slice(0, 32);
}

/** The findings a product's matches make: one per substance and entry, even if the substance is declared twice. */
function candidatesOf({ product, matches, substances }: ScreenedProduct, listNames: ReadonlyMap<string, string>): Candidate[] {
  const seen = new Set<string>();
  const out: Candidate[] = [];
  for (const match of matches) {
    const substance = substances.get(match.substanceRef);
    if (!substance) continue;
    const key = `${product.id}|${match.listId}|${match.entryKey}|${substanceKey(substance)}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const fields: FindingFields = {
      productId: product.id, supplierId: product.supplierId, contractIds: [...match.contractIds].sort(),
      substance: { key: substanceKey(substance), name: substance.name, cas: substance.cas, ec: substance.ec, concentration: substance.concentration?.text ?? null },
      list: { id: match.listId, name: listNames.get(match.listId) ?? match.listId, versionId: match.versionId, version: match.version, entryKey: match.entryKey, entryName: match.entryName },
      matchType: match.matchType, certainty: match.certainty, score: match.score, matchedOn: match.matchedOn,
      limit: match.limit, concentrationTest: match.concentrationTest, severity: match.severity, severityReason: match.severityReason,
      evidence: substance.evidence, status: 'open', exceptionUntil: null,
    };
    out.push({ key, match, substance, fields });
  }
  return out;
}

const noChanges = (): FindingChanges => ({ raised: [], resolved: [], severityChanged: [], reopened: [] });

/** One product's reconcile: pushes its writes onto `writes` and answers what changed. */
function plan(candidates: readonly Candidate[], stored: readonly FindingState[], today: string, writes: FindingWrite[]): FindingChanges {
  const existing = new Map(stored.map((f) => [f.key, f]));
  const changes = noChanges();
  for (const { key, match, substance, fields } of candidates) {
    const digest = digestOf(match, substance);
    const factsDigest = factsDigestOf(fields);
    const old = existing.get(key);
    if (!old) {
      writes.push({ kind: 'insert', key, evidenceDigest: digest, factsDigest, fields, event: event('raised', null, 'open', match.severityReason) });
      changes.raised.push(refOf({ ...fields, key }));
      continue;
    }
    const { status: _s, exceptionUntil: _e, ...facts } = fields;
    const changedFacts = old.evidenceDigest !== digest || old.factsDigest !== factsDigest;
    let status = old.status;
    let note: { action: string; comment: string } | null = null;
    if (old.status === 'resolved' && old.lastAction === 'no-longer-matched') note = { action: 'matched-again', comment: 'the substance matches this entry again' };
    else if (old.status === 'dismissed' && old.evidenceDigest !== digest) note = { action: 'reopened', comment: 'the evidence the dismissal rested on changed (concentration, test, limit or severity)' };
    else if (old.status === 'exception' && old.exceptionUntil !== null && old.exceptionUntil < today) note = { action: 'exception-expired', comment: `the exception ended on ${old.exceptionUntil}` };
    if (note) status = 'open';
    if (!changedFacts && !note) continue;
    if (old.severity !== fields.severity) changes.severityChanged.push({ ...refOf({ ...fields, key }), from: old.severity, to: fields.severity });
    if (note) changes.reopened.push(refOf({ ...fields, key }));
    writes.push({
      kind: 'update', id: old.id,
      set: { ...facts, evidenceDigest: digest, factsDigest, ...(note ? { status, exceptionUntil: null } : {}) },
      event: note ? event(note.action, old.status, status, note.comment) : old.severity !== fields.severity ? event('severity-changed', old.status, old.status, `${old.severity} → ${fields.severity}: ${fields.severityReason}`) : null,
    });
  }
  const current = new Set(candidates.map((c) => c.key));
  for (const old of existing.values()) {
    if (current.has(old.key) || old.status === 'resolved') continue;
    writes.push({ kind: 'update', id: old.id, set: { status: 'resolved', exceptionUntil: null }, event: event('no-longer-matched', old.status, 'resolved', 'screening no longer matches this substance to this entry (the document or the list changed)') });
    changes.resolved.push(refOf(old));
  }
  return changes;
}

export function createFindingService(deps: {
  findings: FindingRepository;
  audit: AuditService;
  inTransaction: RunInTransaction;
  /** Whether a document (an SDS revision) belongs to the product: a supplier's answer may only point at its own. */
  documentOfProduct: (documentId: string, productId: string) => Promise<boolean>;
}) {
  const { findings, audit, inTransaction, documentOfProduct } = deps;

  async function visible(actor: Actor, id: string): Promise<StoredFinding> {
    const finding = await findings.findById(id);
    const tenant = tenantOf(actor);
    if (!finding || (tenant !== undefined && finding.supplierId !== tenant)) throw notFound('finding', id);
    return finding;
  }

  const publicView = ({ key: _key, evidenceDigest: _digest, ...finding }: StoredFinding): Finding => finding;

  return {
    async list(actor: Actor, query: FindingListQuery): Promise<Page<Finding>> {
      const { limit, offset, ...filter } = query;
      const tenant = tenantOf(actor);
      if (tenant !== undefined && filter.supplierId !== undefined && filter.supplierId !== tenant) return { items: [], total: 0, limit, offset };
      return findings.list({ ...filter, ...(tenant !== undefined ? { supplierId: tenant } : {}) }, { limit, offset });
    },

    async get(actor: Actor, id: string): Promise<Finding> {
      return publicView(await visible(actor, id));
    },

    async decide(actor: Actor, id: string, input: DecisionInput): Promise<Finding> {
      const rule = TRANSITIONS[input.action];
      if (!rule.roles.includes(actor.role)) throw forbidden(`a ${actor.role} token may not ${input.action} a finding`);
      const before = await visible(actor, id);
      if (!rule.from.includes(before.status)) {
        throw new ClientError('CONFLICT', `cannot ${input.action} a finding that is ${before.status}`, { issues: [{ path: 'body.action', message: `allowed from: ${rule.from.join(', ')}` }] });
      }
      if (input.documentId !== undefined && !(await documentOfProduct(input.documentId, before.productId))) {
        throw invalidReference('body.documentId', `no document ${input.documentId} of this finding's product`);
      }
      const to = rule.to ?? before.status;
      const entry: FindingEvent = {
        at: new Date(), by: tokenOf(actor), action: input.action,
        from: before.status, to, comment: input.comment ?? null, until: input.until ?? null, documentId: input.documentId ?? null,
      };
      const exceptionUntil = to === 'exception' ? (input.until ?? null) : null;
      return inTransaction(async (session) => {
        const after = await findings.decide(id, before.status, { status: to, exceptionUntil }, entry, session);
        // Someone decided in between: their decision stands, this one is refused rather than silently applied on top.
        if (!after) throw new ClientError('CONFLICT', 'the finding changed while this decision was made; reload it and decide again');
        // The next screening compares this product in full: what it does with a finding can depend on its status.
        await findings.forgetDigest(after.productId, session);
        await audit.record(actor, { action: `finding.${input.action}`, entityType: 'finding', entityId: id, before: { status: before.status }, after: { status: to, comment: entry.comment, until: entry.until } }, session);
        return publicView(after);
      });
    },

    /** What reconcileMany needs first for these products (read ahead of screening them; see ReconcileBasis). */
    async reconcileBasis(productIds: readonly string[], today: string): Promise<ReconcileBasis> {
      const [digests, expiredExceptions] = await Promise.all([findings.digestsFor(productIds), findings.withExpiredExceptions(productIds, today)]);
      return { digests, expiredExceptions };
    },

    /**
     * Brings products' stored findings in line with what screening matched now, writing only what changed in one bulk
     * write for the whole batch: new matches are raised (open); gone ones are resolved by the system; a dismissed
     * finding whose evidence changed and an expired exception reopen; a resolved one that matches again reopens. A new
     * list version alone changes nothing: a finding names the version it was raised or last changed against, so a
     * re-screen after an import writes only the findings the new version really changes.
     *
     * A product whose findings digest is the one stored at its last reconcile, with no exception ended, is left alone
     * without reading its findings: that is nearly every product in a re-screen. A decision on a finding marks its
     * product's digest stale, so that the next screening compares that product in full, even if this one saves its
     * digest after the decision. The digests are saved after the findings, so a crash in between costs only a full
     * comparison next time.
     */
    async reconcileMany(screened: readonly ScreenedProduct[], basis: ReconcileBasis, listNames: ReadonlyMap<string, string>, today: string): Promise<FindingChanges[]> {
      const planned = screened.map((s) => {
        const candidates = candidatesOf(s, listNames);
        const digest = productDigestOf(candidates);
        const unchanged = basis.digests.get(s.product.id) === digest && !basis.expiredExceptions.has(s.product.id);
        return { productId: s.product.id, candidates, digest, unchanged };
      });
      const compare = planned.filter((p) => !p.unchanged);
      if (compare.length === 0) return planned.map(noChanges);
      const stored = new Map<string, FindingState[]>();
      for (const finding of await findings.statesForProducts(compare.map((p) => p.productId))) {
        const list = stored.get(finding.productId);
        if (list) list.push(finding);
        else stored.set(finding.productId, [finding]);
      }
      const writes: FindingWrite[] = [];
      const changes = new Map(compare.map((p) => [p.productId, plan(p.candidates, stored.get(p.productId) ?? [], today, writes)]));
      await findings.write(writes);
      await findings.saveDigests(
        compare.filter((p) => basis.digests.get(p.productId) !== p.digest).map((p) => ({ productId: p.productId, digest: p.digest, previous: basis.digests.get(p.productId) })),
      );
      return planned.map((p) => changes.get(p.productId) ?? noChanges());
    },
  };
}
export type FindingService = ReturnType<typeof createFindingService>;
