// chemreg's own list formats, for lists nobody publishes as data (a region's phase-out list, a contract's list) and
// for the snapshots chemreg ships (data/lists/*.json, scripts/build-list-snapshot.ts).
//
// CSV (UTF-8, BOM allowed; comma- or semicolon-separated, whichever the header line uses; RFC 4180 quoting; one
// header row, column names case-insensitive, spaces and dashes read as underscores):
//   name           required  the substance or group name as the list prints it
//   cas            optional  CAS RN(s); several separated by `|` or a line break inside the quoted cell
//   ec             optional  EC / list number(s), separated the same way
//   index_number   optional  CLP Annex VI index number(s)
//   limit_percent  optional  concentration limit in % w/w (decimal point or comma); empty = presence counts
//   basis          optional  article | mixture | homogeneous-material | any (default any) — where the limit applies
//   reason         optional  why the substance is listed; several separated by `|`
//   hazard_codes   optional  H/EUH codes, separated by `|`, space or comma: a substance classified with any of them
//                            matches the entry (prefix match, "H360" covers "H360FD") — criteria rows such as
//                            "CMR 1A/1B" have only a name and codes
// Other columns are ignored with a warning. The list id comes from the import (option `listId`): the file names no list.
// Key: official EC, else CAS, else index number, else the normalised name.
//
// JSON: { "chemreg": "list", "version": 1, "listId", "name", "kind", "listDate", "entries": [ListEntry, …] }, plus the
// optional "generated" header (who produced the file from which sources, and when) and "warnings" (the warnings of the
// import that produced it, carried into every later import). It round-trips an ImportedList: importing
// toChemregJson(list) gives back list with format 'chemreg-json' and rowCount = entries.length.
import { z } from 'zod';
import { findHazardCodes } from '../../chemistry/hazard-codes.js';
import { parseIndexNumber } from '../../chemistry/identifiers.js';
import {
  blankEntry, LimitBasis, ListEntry, ListId, ListKind, WELL_KNOWN_LISTS, type ImportedList, type ImportWarning, type WellKnownListId,
} from '../list-entry.js';
import { invalidFile, ListImportError } from './errors.js';
import {
  addUnique, cellAt, elementOf, ensureUniqueKeys, isGroupName, isOfficialEc, nameKey, normaliseHeader, validCas, validEc,
  Warnings,
} from './common.js';
import { decodeUtf8, isBlankRecord, parseDelimited, type CsvRecord } from './csv.js';

// --- CSV -------------------------------------------------------------------------------------------------------------

const CSV_COLUMNS = ['name', 'cas', 'ec', 'index_number', 'limit_percent', 'basis', 'reason', 'hazard_codes'] as const;
type CsvColumn = (typeof CSV_COLUMNS)[number];

function columnName(header: string): string {
  return normaliseHeader(header).replace(/[\s-]+/gu, '_');
}

/** The delimiter of a header line: the one of `,` and `;` that occurs more often outside quotes. */
export function csvDelimiter(firstLine: string): ',' | ';' {
  const unquoted = firstLine.replace(/"[^"]*"/gu, '');
  const count = (ch: string) => unquoted.split(ch).length - 1;
  return count(';') > count(',') ? ';' : ',';
}

function firstLineOf(text: string): string {
  const start = text.search(/\S/u);
  if (start < 0) return '';
  const end = text.indexOf('\n', start);
  return text.slice(start, end < 0 ? undefined : end).replace(/\r$/u, '');
}

/** The header of chemreg's CSV format, or null when the text does not start with one (no `name` column). */
export function chemregCsvHeader(text: string): { delimiter: ',' | ';'; records: CsvRecord[] } | null {
  const delimiter = csvDelimiter(firstLineOf(text));
  const records = parseDelimited(text, delimiter).filter((r) => !isBlankRecord(r));
  const header = (records[0]?.fields ?? []).map(columnName);
  return header.includes('name') ? { delimiter, records } : null;
}

/** Cell values separated by `|` or line breaks (the delimiter itself may be a comma or semicolon). */
function listValues(cell: string): string[] {
  return cell.split(/\||\r?\n/u).map((v) => v.trim()).filter((v) => v !== '' && v !== '-');
}

export interface CustomListOptions {
  listId?: string;
  name?: string;
  kind?: ListKind;
}

export function importChemregCsv(bytes: Uint8Array, fileName: string, options: CustomListOptions): ImportedList {
  const text = decodeUtf8(bytes);
  if (text === null) throw invalidFile(`${fileName} is not UTF-8 text`, "chemreg's list CSV in UTF-8", 'file');
  const parsed = chemregCsvHeader(text);
  if (parsed === null) throw invalidFile(`${fileName} has no name column`, "chemreg's list CSV with a header row naming the columns name, cas, ec, …", 'name');
  const listId = requireListId(options.listId, fileName);
  const warnings = new Warnings();
  const [headerRecord, ...rows] = parsed.records as [CsvRecord, ...CsvRecord[]];
  const header = headerRecord.fields.map(columnName);
  const col = Object.fromEntries(CSV_COLUMNS.map((name) => [name, header.indexOf(name)])) as Record<CsvColumn, number>;
  header.forEach((name, i) => {
    if (name !== '' && !(CSV_COLUMNS as readonly string[]).includes(name)) warnings.add(headerRecord.line, headerRecord.fields[i] ?? name, 'column not part of chemreg\'s list CSV; ignored');
  });

  const entries: ListEntry[] = [];
  for (const { line, fields } of rows) {
    const name = cellAt(fields, col.name);
    if (name === '') {
      warnings.add(line, 'name', 'row without a name left out');
      continue;
    }
    const cas = validCas(listValues(cellAt(fields, col.cas)), { row: line, field: 'cas' }, warnings);
    const ec = validEc(listValues(cellAt(fields, col.ec)), { row: line, field: 'ec' }, warnings);
    const indexNumbers: string[] = [];
    for (const value of listValues(cellAt(fields, col.index_number))) {
      const index = parseIndexNumber(value);
      if (index.valid && index.normalised !== null) addUnique(indexNumbers, [index.normalised]);
      else warnings.add(line, 'index_number', `index number "${value}" left out: ${index.reason ?? 'invalid'}`);
    }
    const codesText = cellAt(fields, col.hazard_codes);
    const found = findHazardCodes(codesText);
    const ruleHazardCodes = addUnique<string>([], [...found.hazard, ...found.euh].map((h) => h.code));
    if (codesText !== '' && ruleHazardCodes.length === 0) warnings.add(line, 'hazard_codes', `no H or EUH code in "${codesText}"`);
    const element = elementOf(name);
    entries.push({
      ...blankEntry(ec.find(isOfficialEc) ?? cas[0] ?? indexNumbers[0] ?? nameKey(name), name),
      cas,
      ec,
      indexNumbers,
      group: isGroupName(name) || element !== null || (cas.length === 0 && ec.length === 0 && indexNumbers.length === 0 && ruleHazardCodes.length === 0),
      element,
      reasons: listValues(cellAt(fields, col.reason)),
      limit: limitOf(fields, col, line, warnings),
      ruleHazardCodes,
    });
  }
  if (entries.length === 0) throw invalidFile(`${fileName} has no rows with a name`, 'one substance per line below the header', 'name');
  return {
    listId,
    name: options.name ?? (WELL_KNOWN_LISTS as Record<string, string>)[listId] ?? listId,
    kind: options.kind ?? 'custom',
    format: 'chemreg-csv',
    listDate: null,
    rowCount: rows.length,
    entries: ensureUniqueKeys(entries, warnings),
    warnings: warnings.list,
  };
}

function limitOf(fields: readonly string[], col: Record<CsvColumn, number>, line: number, warnings: Warnings): ListEntry['limit'] {
  const text = cellAt(fields, col.limit_percent).replace(/\s*%$/u, '');
  if (text === '') return null;
  const percent = Number(text.replace(',', '.'));
  if (!Number.isFinite(percent) || percent < 0 || percent > 100) {
    warnings.add(line, 'limit_percent', `"${text}" is not a percentage between 0 and 100; the entry has no limit`);
    return null;
  }
  const basisText = cellAt(fields, col.basis).toLowerCase();
  const basis = LimitBasis.safeParse(basisText === '' ? 'any' : basisText);
  if (!basis.success) warnings.add(line, 'basis', `"${basisText}" is not one of ${LimitBasis.options.join(', ')}; read as any`);
  return { percent, basis: basis.success ? basis.data : 'any', scope: 'as stated in the list', source: 'list' };
}

function requireListId(listId: string | undefined, fileName: string): string {
  const expected = 'a list id (lowercase letters, digits and dashes), e.g. region-stockholm-phase-out';
  if (listId === undefined) {
    throw new ListImportError('LIST_ID_REQUIRED', `${fileName} is a custom list in chemreg's CSV format, which names no list: give the list id: expected ${expected}`, { field: 'listId', expected });
  }
  const parsed = ListId.safeParse(listId);
  if (!parsed.success) throw invalidFile(`"${listId}" is not a list id`, expected, 'listId');
  return parsed.data;
}

// --- JSON ------------------------------------------------------------------------------------------------------------

const GeneratedHeader = z.strictObject({
  by: z.string().max(500),
  at: z.iso.datetime(),
  sources: z.array(z.strictObject({ fileName: z.string().max(500), sha256: z.string().regex(/^[0-9a-f]{64}$/u), format: z.string().max(50) })),
});
export type GeneratedHeader = z.infer<typeof GeneratedHeader>;

const ImportWarningSchema = z.strictObject({ row: z.number().int().nullable(), field: z.string().nullable(), message: z.string() });

/** The JSON document; validated in full, so a snapshot that does not fit the ListEntry schema is refused whole. */
export const ChemregListDocument = z.strictObject({
  chemreg: z.literal('list'),
  version: z.literal(1),
  listId: ListId,
  name: z.string().trim().min(1).max(300),
  kind: ListKind,
  listDate: z.iso.date().nullable(),
  generated: GeneratedHeader.optional(),
  warnings: z.array(ImportWarningSchema).optional(),
  entries: z.array(ListEntry),
});
export type ChemregListDocument = z.infer<typeof ChemregListDocument>;

/** Whether parsed JSON says it is a chemreg list document (whatever else is wrong with it). */
export function isChemregListJson(value: unknown): boolean {
  return typeof value === 'object' && value !== null && (value as { chemreg?: unknown }).chemreg === 'list';
}

export function importChemregJson(document: unknown, fileName: string): ImportedList {
  const parsed = ChemregListDocument.safeParse(document);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    // A JSON path ($.entries[3].cas), so that a bad `listId` inside the file is not taken for the listId option.
    const path = issue === undefined ? null : `$${issue.path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('')}`;
    throw invalidFile(`${fileName} is not a valid chemreg list: ${path ?? ''} ${issue?.message ?? ''}`.trim(), 'a chemreg list document whose entries fit the ListEntry schema', path);
  }
  const doc = parsed.data;
  const seen = new Set<string>();
  doc.entries.forEach((entry, i) => {
    if (seen.has(entry.key)) throw invalidFile(`${fileName} has two entries with the key ${entry.key}`, 'a unique key per entry', `$.entries[${i}].key`);
    seen.add(entry.key);
  });
  return {
    listId: doc.listId,
    name: doc.name,
    kind: doc.kind,
    format: 'chemreg-json',
    listDate: doc.listDate,
    rowCount: doc.entries.length,
    entries: doc.entries,
    warnings: doc.warnings ?? [],
  };
}

/**
 * chemreg's JSON for a list: the header fields first, then one entry per line, so a version diff of a snapshot in
 * git shows the changed entries.
 */
export function toChemregJson(list: ImportedList, generated?: GeneratedHeader): string {
  const header: Omit<ChemregListDocument, 'entries'> = {
    chemreg: 'list',
    version: 1,
    listId: list.listId,
    name: list.name,
    kind: list.kind,
    listDate: list.listDate,
    ...(generated === undefined ? {} : { generated }),
    ...(list.warnings.length === 0 ? {} : { warnings: list.warnings.map((w: ImportWarning) => ({ row: w.row, field: w.field, message: w.message })) }),
  };
  const head = JSON.stringify(header, null, 2).replace(/\n\}$/u, '');
  const entries = list.entries.map((e) => `    ${JSON.stringify(e)}`).join(',\n');
  return `${head},\n  "entries": [${entries === '' ? '' : `\n${entries}\n  `}]\n}\n`;
}

/** Well-known list ids, for callers checking an id against a file. */
export function isWellKnownListId(id: string): id is WellKnownListId {
  return Object.hasOwn(WELL_KNOWN_LISTS, id);
}
