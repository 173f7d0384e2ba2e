// List use cases: import a file as a new immutable version of its list (auto-detected format), read lists,
// versions, entries and the diff between two versions. Each new version starts a re-screen of every product
// (issue 5 "Screening runs … when a list version is imported").
import type { AuditService } from '../audit/index.js';
import { tokenOf, type Actor } from '../shared/actor.js';
import { ClientError, notFound } from '../shared/errors.js';
import type { Page, PageRequest } from '../shared/http/pagination.js';
import type { RunInTransaction } from '../storage/transaction.js';
import { sha256Of } from '../sds/sds.repository.js';
import { applyCuratedLimits, withCuratedLimits, type CuratedLimitOverride } from './curated-limits.js';
import { ListImportError, importListFile } from './importers/index.js';
import { diffListEntries } from './list-diff.js';
import { listIdentity, type ImportedList, type ListEntry } from './list-entry.js';
import type { ListRepository } from './list.repository.js';
import type { ListEntriesQuery, ListImportQuery, ListImportResult, ListVersion, ListVersionDiff, RegulatoryList } from './list.schema.js';

export interface ListSource {
  bytes: Uint8Array;
  fileName: string;
}

/** Called after a new version is stored; answers the id of the re-screen job it started (null: none). */
export type AfterImport = (actor: Actor, version: ListVersion) => Promise<string | null>;

/** The importer's refusal as a 400 naming the field and what was expected. */
function toClientError(err: ListImportError): ClientError {
  const path = err.field === 'listId' ? 'query.listId' : 'body.file';
  return new ClientError(err.code, err.message, { issues: [{ path, message: `expected ${err.expected}` }] });
}

export function createListService(deps: {
  lists: ListRepository;
  audit: AuditService;
  inTransaction: RunInTransaction;
  /** This installation's curated-limit overrides, newest first: entries are shown with the limits screening applies. */
  curatedOverrides: () => Promise<CuratedLimitOverride[]>;
  afterImport: AfterImport;
}) {
  const { lists, audit, inTransaction, curatedOverrides, afterImport } = deps;

  async function parse(source: ListSource, query: ListImportQuery): Promise<ImportedList> {
    try {
      return await importListFile(source.bytes, source.fileName, query);
    } catch (err) {
      if (err instanceof ListImportError) throw toClientError(err);
      throw err;
    }
  }

  async function versionOf(listId: string, version: number): Promise<ListVersion> {
    const found = await lists.findVersion(listId, version);
    if (!found) throw notFound(`version ${version} of list`, listId);
    return found;
  }

  /** Stores a parsed list as a new version in one transaction: the version and all its entries, or nothing. */
  async function store(actor: Actor, imported: ImportedList, source: ListSource, origin: ListVersion['origin']): Promise<{ version: ListVersion; created: boolean }> {
    const sha256 = sha256Of(source.bytes);
    const list = applyCuratedLimits(imported);
    return inTransaction(async (session) => {
      const existing = await lists.findVersionBySource(list.listId, sha256, session);
      if (existing) return { version: existing, created: false };
      const number = await lists.nextVersion(listIdentity(list), session);
      const version = await lists.insertVersion(
        {
          listId: list.listId, version: number, format: list.format, origin,
          source: { fileName: source.fileName, sha256, size: source.bytes.length },
          listDate: list.listDate, rowCount: list.rowCount, entryCount: list.entries.length, warnings: list.warnings,
          importedAt: new Date(), importedBy: tokenOf(actor),
        },
        list.entries,
        session,
      );
      await audit.record(actor, { action: 'list.version-imported', entityType: 'list', entityId: list.listId, before: null, after: version }, session);
      return { version, created: true };
    });
  }

  return {
    async list(page: PageRequest): Promise<Page<RegulatoryList>> {
      const found = await lists.lists(page);
      const items = await Promise.all(
        found.items.map(async (l) => ({ id: l.listId, name: l.name, kind: l.kind, versionCount: l.versionCount, latestVersion: (await lists.latestVersion(l.listId)) ?? null })),
      );
      return { ...found, items };
    },

    async get(listId: string): Promise<RegulatoryList> {
      const list = await lists.findList(listId);
      if (!list) throw notFound('list', listId);
      return { id: list.listId, name: list.name, kind: list.kind, versionCount: list.versionCount, latestVersion: (await lists.latestVersion(listId)) ?? null };
    },

    async versions(listId: string, page: PageRequest): Promise<Page<ListVersion>> {
      if (!(await lists.findList(listId))) throw notFound('list', listId);
      return lists.versions(listId, page);
    },

    /** Whether a file with this SHA-256 is already a version of the list. */
    async hasVersionFrom(listId: string, sha256: string): Promise<boolean> {
      return (await lists.findVersionBySource(listId, sha256)) !== undefined;
    },

    async version(listId: string, version: number): Promise<ListVersion> {
      return versionOf(listId, version);
    },

    async entries(listId: string, version: number, query: ListEntriesQuery): Promise<Page<ListEntry>> {
      const { q, ...page } = query;
      const found = await lists.entryPage((await versionOf(listId, version)).id, q, page);
      return { ...found, items: withCuratedLimits(listId, found.items, await curatedOverrides()).entries };
    },

    async diff(listId: string, from: number, to: number): Promise<ListVersionDiff> {
      const [a, b] = await Promise.all([versionOf(listId, from), versionOf(listId, to)]);
      const [before, after] = await Promise.all([lists.entries(a.id), lists.entries(b.id)]);
      return diffListEntries(listId, { version: a.version, entries: before }, { version: b.version, entries: after });
    },

    /** A user's upload: detect, parse, store as a new version (or answer the version this file already is), re-screen. */
    async importFile(actor: Actor, source: ListSource, query: ListImportQuery): Promise<ListImportResult> {
      const imported = await parse(source, query);
      const { version, created } = await store(actor, imported, source, 'upload');
      return { version, created, rescreenJobId: created ? await afterImport(actor, version) : null };
    },

    /**
     * A list chemreg ships (data/lists) or derives (PRIO criteria), checked on every start. It is stored when the list
     * has no version yet (a fresh install), or as a new version when its list date is later than the latest version's
     * (a release with a newer snapshot, which then re-screens like any import). A user's import of the same or a
     * newer list is never replaced by an older shipped file.
     */
    async ensureShipped(actor: Actor, imported: ImportedList, source: ListSource, origin: 'shipped' | 'derived'): Promise<ListVersion | null> {
      const latest = await lists.latestVersion(imported.listId);
      if (latest && !(imported.listDate !== null && (latest.listDate === null || imported.listDate > latest.listDate))) return null;
      const { version, created } = await store(actor, imported, source, origin);
      if (!created) return null;
      if (latest) await afterImport(actor, version);
      return version;
    },
  };
}
export type ListService = ReturnType<typeof createListService>;
