// Curated-limit use cases: read chemreg's table with this installation's overrides, and create, replace or delete an
// override. Each change re-screens every product in the background, since a changed limit can turn a "below" into
// an "exceeds" (issue 5: Annex XVII and POPs limits are "curated, overridable").
import type { AuditService } from '../audit/index.js';
import type { Actor } from '../shared/actor.js';
import { invalidReference, notFound } from '../shared/errors.js';
import type { RunInTransaction, Session } from '../storage/transaction.js';
import type { CuratedLimitChange, CuratedLimitOverrideRecord } from './curated-limit.schema.js';
import type { CuratedLimitRepository, StoredOverride } from './curated-limit.repository.js';
import { CURATED_LIMITS, CURATED_LIMITS_EDITED, findCuratedLimit, type CuratedLimitOverride, type CuratedLimitRow } from './curated-limits.js';
import type { ListEntry } from './list-entry.js';
import type { ListRepository } from './list.repository.js';

/** Called after an override changed; answers the id of the re-screen job it started (null: none). */
export type AfterLimitChange = (actor: Actor, reason: string) => Promise<string | null>;

export function createCuratedLimitService(deps: {
  overrides: CuratedLimitRepository;
  lists: ListRepository;
  audit: AuditService;
  inTransaction: RunInTransaction;
  afterChange: AfterLimitChange;
}) {
  const { overrides, lists, audit, inTransaction, afterChange } = deps;

  /** The entries of the list's latest version whose limit may come from the curated table (none printed in the file). */
  async function curatedEntries(listId: string, session?: Session): Promise<ListEntry[]> {
    const version = await lists.latestVersion(listId, session);
    if (!version) return [];
    return (await lists.entries(version.id)).filter((e) => e.limit === null || e.limit.source === 'curated');
  }

  /** Each override with the entries it sets the limit of, given every override (a newer one shadows an older). */
  async function withMatches(stored: readonly StoredOverride[], all: readonly StoredOverride[], session?: Session): Promise<CuratedLimitOverrideRecord[]> {
    const entriesByList = new Map<string, ListEntry[]>();
    for (const listId of new Set(stored.map((o) => o.listId))) entriesByList.set(listId, await curatedEntries(listId, session));
    return stored.map((override) => ({
      ...override,
      matchedEntries: (entriesByList.get(override.listId) ?? [])
        .filter((entry) => findCuratedLimit(override.listId, entry, all)?.row === override)
        .map((e) => ({ key: e.key, name: e.name, entryNumber: e.entryNumber })),
    }));
  }

  /** An override that would set no entry's limit is a mistake (a wrong entry number or CAS): refuse it. */
  async function assertMatchesSomething(row: CuratedLimitOverride, session: Session): Promise<void> {
    const entries = await curatedEntries(row.listId, session);
    if (entries.some((entry) => findCuratedLimit(row.listId, entry, [row])?.row === row)) return;
    const path = row.listId === 'reach-annex-xvii' ? 'body.entryNumber' : 'body.cas';
    throw invalidReference(path, `the row matches no entry of the latest version of ${row.listId}${entries.length === 0 ? ' (the list has no version with entries whose limit chemreg curates)' : ''}`);
  }

  async function recordOf(stored: StoredOverride, session?: Session): Promise<CuratedLimitOverrideRecord> {
    const all = await overrides.all(session);
    const current = all.find((o) => o.id === stored.id);
    // A deleted override is answered as it was: it matches nothing any more.
    if (!current) return { ...stored, matchedEntries: [] };
    const [record] = await withMatches([current], all, session);
    return record!;
  }

  const describe = (o: Pick<CuratedLimitRow, 'listId' | 'entryNumber' | 'substance'>): string =>
    o.listId === 'reach-annex-xvii' ? `Annex XVII entry ${o.entryNumber ?? '?'}` : `POPs row "${o.substance}"`;

  return {
    /** The raw overrides, newest first, as screening applies them. */
    async overridesForScreening(): Promise<StoredOverride[]> {
      return overrides.all();
    },

    async table(): Promise<{ edited: string; shipped: readonly CuratedLimitRow[]; overrides: CuratedLimitOverrideRecord[] }> {
      const all = await overrides.all();
      return { edited: CURATED_LIMITS_EDITED, shipped: CURATED_LIMITS, overrides: await withMatches(all, all) };
    },

    async create(actor: Actor, row: CuratedLimitOverride): Promise<CuratedLimitChange> {
      const stored = await inTransaction(async (session) => {
        await assertMatchesSomething(row, session);
        const created = await overrides.insert(actor, row, session);
        await audit.record(actor, { action: 'curated-limit.created', entityType: 'curated-limit', entityId: created.id, before: null, after: created }, session);
        return created;
      });
      return { override: await recordOf(stored), rescreenJobId: await afterChange(actor, `curated limit override for ${describe(stored)} created`) };
    },

    async replace(actor: Actor, id: string, row: CuratedLimitOverride): Promise<CuratedLimitChange> {
      const stored = await inTransaction(async (session) => {
        const before = await overrides.findById(id, session);
        if (!before) throw notFound('curated limit override', id);
        await assertMatchesSomething(row, session);
        const after = await overrides.replace(actor, id, row, session);
        if (!after) throw notFound('curated limit override', id);
        await audit.record(actor, { action: 'curated-limit.replaced', entityType: 'curated-limit', entityId: id, before, after }, session);
        return after;
      });
      return { override: await recordOf(stored), rescreenJobId: await afterChange(actor, `curated limit override for ${describe(stored)} changed`) };
    },

    async delete(actor: Actor, id: string): Promise<CuratedLimitChange> {
      const removed = await inTransaction(async (session) => {
        const before = await overrides.delete(id, session);
        if (!before) throw notFound('curated limit override', id);
        await audit.record(actor, { action: 'curated-limit.deleted', entityType: 'curated-limit', entityId: id, before, after: null }, session);
        return before;
      });
      return { override: { ...removed, matchedEntries: [] }, rescreenJobId: await afterChange(actor, `curated limit override for ${describe(removed)} deleted`) };
    },
  };
}
export type CuratedLimitService = ReturnType<typeof createCuratedLimitService>;
