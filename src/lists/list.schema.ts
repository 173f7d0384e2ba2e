// Regulatory and custom lists through the API: every import is an immutable, numbered version of its list,
// with the source file's hash, the list's own date and counts (issue 5 "Lists").
import { z } from 'zod';
import { Id } from '../shared/ids.js';
import { PageOf, PageQuery } from '../shared/http/pagination.js';
import { ListEntry, ListFormat, ListId, ListKind } from './list-entry.js';

export const ListImportWarning = z.object({ row: z.number().int().nullable(), field: z.string().nullable(), message: z.string() }).meta({ id: 'ListImportWarning' });

export const ListVersionOrigin = z
  .enum(['upload', 'shipped', 'derived'])
  .describe('upload: imported by a user; shipped: the snapshot chemreg ships in data/lists, loaded on first start; derived: built by chemreg from rules');

export const ListVersion = z
  .object({
    id: Id,
    listId: ListId,
    version: z.number().int().min(1).describe('1, 2, 3 … per list, in import order'),
    format: ListFormat,
    origin: ListVersionOrigin,
    source: z.object({ fileName: z.string(), sha256: z.string(), size: z.number().int() }).describe('the imported file'),
    listDate: z.iso.date().nullable().describe('the date the list itself states (export date, last inclusion, ATP)'),
    rowCount: z.number().int().describe('data rows read from the file'),
    entryCount: z.number().int().describe('entries after de-duplication and group folding'),
    warnings: z.array(ListImportWarning).describe('rows or cells the importer skipped or corrected, e.g. an invalid CAS check digit'),
    importedAt: z.iso.datetime(),
    importedBy: z.object({ tokenId: z.string(), tokenName: z.string(), role: z.string() }),
  })
  .meta({ id: 'ListVersion' });
export interface ListVersion extends Omit<z.infer<typeof ListVersion>, 'importedAt'> {
  importedAt: Date;
}

export const RegulatoryList = z
  .object({
    id: ListId,
    name: z.string(),
    kind: ListKind,
    latestVersion: ListVersion.nullable(),
    versionCount: z.number().int(),
  })
  .meta({ id: 'RegulatoryList' });
export type RegulatoryList = Omit<z.infer<typeof RegulatoryList>, 'latestVersion'> & { latestVersion: ListVersion | null };

export const ListPage = PageOf(RegulatoryList, 'RegulatoryListPage');
export const ListVersionPage = PageOf(ListVersion, 'ListVersionPage');
export const ListEntryPage = PageOf(ListEntry.meta({ id: 'ListEntry' }), 'ListEntryPage');

export const ListParams = z.strictObject({ id: ListId });
export const ListVersionParams = z.strictObject({ id: ListId, version: z.coerce.number().int().min(1).describe('version number') });
export const ListVersionDiffParams = z.strictObject({
  id: ListId,
  version: z.coerce.number().int().min(1).describe('the older version'),
  other: z.coerce.number().int().min(1).describe('the newer version'),
});

export const ListImportQuery = z.strictObject({
  listId: ListId.optional().describe('the list this file is a version of; needed for custom CSV lists, otherwise detected from the file'),
  name: z.string().trim().min(1).max(300).optional().describe('display name of a new custom list'),
  kind: ListKind.optional().describe('kind of a new custom list (default custom)'),
});
export type ListImportQuery = z.infer<typeof ListImportQuery>;

export const ListImportResult = z
  .object({
    version: ListVersion,
    created: z.boolean().describe('false when the same file was already imported for this list: that version is answered'),
    rescreenJobId: Id.nullable().describe('the background job re-screening every product against the new version (GET /jobs/{id})'),
  })
  .meta({ id: 'ListImportResult' });
export type ListImportResult = { version: ListVersion; created: boolean; rescreenJobId: string | null };

export const ListEntriesQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().describe('text in the name, or an exact CAS / EC / index number'),
  ...PageQuery,
});
export type ListEntriesQuery = z.infer<typeof ListEntriesQuery>;
export const ListQuery = z.strictObject({ ...PageQuery });

const EntrySummary = z.object({ key: z.string(), name: z.string() });
export const ListVersionDiff = z
  .object({
    listId: ListId,
    from: z.number().int(),
    to: z.number().int(),
    added: z.array(EntrySummary),
    removed: z.array(EntrySummary),
    changed: z.array(EntrySummary.extend({ fields: z.array(z.object({ field: z.string(), before: z.unknown(), after: z.unknown() })) })),
  })
  .meta({ id: 'ListVersionDiff' });
export type ListVersionDiff = z.infer<typeof ListVersionDiff>;
