// Legacy echa.europa.eu "dissemination list" exports (README "Legacy echa.europa.eu exports", files #2, #3, #6):
// the Candidate List table and the restriction list, with group entries split into one row per member.
// - xlsx: sheet `results` (title row 1, "Note: Group entries are split in different rows." row 2, header row 4) and
//   sheet `criteria` (`Export date: DD-Mon-YYYY HH:MM:SS` and the filters used);
// - csv: 12 preamble lines (title, note, export date, filters), then the header; tab-separated, every field
//   double-quoted, a trailing tab on every line; header text in the UI language (file #3 is Dutch).
//
// Keys: Candidate List entries as common.ts identityKey over the entry's own row (official EC, CAS, normalised name),
// the rule of the ECHA CHEM importer, so both export families key the same entry alike — for 251 of the 253 entries
// of #1/#2: for two single substances ECHA CHEM prints `-` where the legacy export has the EC number, so one is keyed
// by name and the other by EC. Restriction entries by their entry number (echa-chem.ts restrictionEntryKey).
import { blankEntry, WELL_KNOWN_LISTS, type GroupMember, type ImportedList, type ListEntry, type ListFormat } from '../list-entry.js';
import { parseListDate } from './dates.js';
import { invalidFile } from './errors.js';
import {
  addUnique, cellAt, cellValues, dateAt, elementOf, ensureUniqueKeys, findColumns, identityKey, isGroupName,
  joinDescription, nameOf, urlsIn, validCas, validEc, valueAt, Warnings, type Columns,
} from './common.js';
import { decodeUtf8, isBlankRecord, parseDelimited } from './csv.js';
import { restrictionEntryKey } from './echa-chem.js';
import type { Workbook } from './workbook.js';

export type LegacyList = 'candidate' | 'restriction';

/** One legacy export, whatever its container: title, export date, header and data rows. */
export interface LegacyExport {
  format: Extract<ListFormat, 'echa-legacy-xlsx' | 'echa-legacy-csv'>;
  title: string;
  /** The `Export date:` text, e.g. `22-Feb-2026 15:26:38` or `01-apr-2026 23:44:30`. */
  exportDate: string | null;
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

// Column roles and their header texts. English (files #2, #6) and Dutch (file #3) are copied from the real exports;
// the German, French, Swedish and other entries are common translations, not checked against a real export. Any
// column not found by name is taken from its position (LAYOUTS), which does not change with the UI language.
const ALIASES = {
  name: ['Substance name', 'Naam van de stof', 'Name des Stoffes', 'Stoffname', 'Nom de la substance', 'Ämnesnamn', 'Nombre de la sustancia', 'Nome della sostanza', 'Aineen nimi', 'Stoffets navn', 'Nazwa substancji'],
  description: ['Description', 'Beschrijving', 'Beschreibung', 'Beskrivning', 'Descripción', 'Descrizione', 'Kuvaus', 'Beskrivelse', 'Opis'],
  ec: ['EC No.', 'EC No', 'EG-nr.', 'EG-Nr.', 'EG-nr', 'N° CE', 'Nº CE', 'Numéro CE', 'N.º CE', 'N. CE', 'EY-numero', 'EF-nr.', 'Nr WE'],
  cas: ['CAS No.', 'CAS No', 'CAS-nr.', 'CAS-Nr.', 'CAS-nr', 'N° CAS', 'Nº CAS', 'Numéro CAS', 'N.º CAS', 'N. CAS', 'CAS-numero', 'Nr CAS'],
  reason: ['Reason for inclusion', 'Reden voor opname', 'Grund für die Aufnahme', 'Raison de l’inclusion', "Raison de l'inclusion", 'Skäl till upptagande'],
  date: ['Date of inclusion', 'Datum van opname', 'Datum der Aufnahme', "Date d'inclusion", 'Date d’inclusion', 'Datum för upptagande'],
  decision: ['Decision', 'Besluit', 'Beschluss', 'Entscheidung', 'Décision', 'Beslut'],
  remarks: ['Remarks', 'Opmerkingen', 'Bemerkungen', 'Remarques', 'Anmärkningar'],
  entryNo: ['Entry no.', 'Entry no', 'Entry number'],
  conditions: ['Conditions', 'Voorwaarden', 'Bedingungen', 'Villkor'],
  appendices: ['Appendices', 'Aanhangsels', 'Anlagen', 'Appendices', 'Tillägg'],
  history: ['History', 'Geschiedenis', 'Historie', 'Historique', 'Historik'],
  firstPublished: ['First published', 'Eerst gepubliceerd'],
} as const;
type Role = keyof typeof ALIASES;

// Column positions of each layout (README: "Columns (EN)" of #2 and #6); the same in every UI language.
const LAYOUTS: Readonly<Record<LegacyList, Partial<Record<Role, number>> & { width: number }>> = {
  candidate: { width: 11, name: 0, description: 1, ec: 2, cas: 3, reason: 4, date: 5, decision: 6, remarks: 10 },
  restriction: { width: 12, name: 0, description: 1, ec: 2, cas: 3, entryNo: 4, conditions: 5, appendices: 6, history: 8, remarks: 10, firstPublished: 11 },
};
const REQUIRED: Readonly<Record<LegacyList, readonly Role[]>> = {
  candidate: ['name', 'ec', 'cas', 'reason', 'date', 'decision'],
  restriction: ['name', 'ec', 'cas', 'entryNo'],
};

/** Header without the empty field the trailing tab leaves, and without empty columns at the end of a sheet. */
function trimHeader(header: readonly string[]): string[] {
  const out = header.map((h) => h.trim());
  while (out.length > 0 && out[out.length - 1] === '') out.pop();
  return out;
}

/** Candidate List or restriction list: by column names, then by title, then by the number of columns. */
export function identifyLegacyList(exp: Pick<LegacyExport, 'title' | 'header'>): LegacyList | null {
  const c = findColumns(exp.header, ALIASES);
  if (c.entryNo >= 0 || c.conditions >= 0 || c.firstPublished >= 0) return 'restriction';
  if (c.reason >= 0 || c.date >= 0 || c.decision >= 0) return 'candidate';
  if (/candidate/iu.test(exp.title)) return 'candidate';
  if (/restriction/iu.test(exp.title)) return 'restriction';
  const width = trimHeader(exp.header).length;
  if (width === LAYOUTS.candidate.width) return 'candidate';
  if (width === LAYOUTS.restriction.width) return 'restriction';
  return null;
}

function columnsFor(list: LegacyList, header: readonly string[]): Columns<Role> {
  const byName = findColumns(header, ALIASES);
  const layout = LAYOUTS[list];
  const positional = trimHeader(header).length === layout.width;
  const out = { ...byName };
  for (const role of Object.keys(ALIASES) as Role[]) {
    const position = layout[role];
    if (out[role] < 0 && positional && position !== undefined) out[role] = position;
  }
  return out;
}

const EC_OR_CAS = /^(?:-|\d{2,7}-\d{2}-\d|\d{3}-\d{3}-\d)(?:\s*,\s*\d{2,7}-\d{2}-\d)*$/u;

/** Whether the identifier columns hold identifiers: guards position-based mapping against an unrelated file. */
function identifierColumnsPlausible(exp: LegacyExport, c: Columns<Role>): boolean {
  const sample = exp.rows.slice(0, 50);
  const plausible = (index: number) => index >= 0 && sample.some((r) => EC_OR_CAS.test(cellAt(r.cells, index)));
  return plausible(c.ec) || plausible(c.cas);
}

// --- containers ----------------------------------------------------------------------------------------------------

const EXPORT_DATE = /Export date:\s*(.+)$/iu;
const MIN_HEADER_FIELDS = 6;

function headerIndex(rows: readonly string[][], limit: number): number {
  for (let i = 1; i < Math.min(limit, rows.length); i++) {
    if ((rows[i] ?? []).filter((c) => c.trim() !== '').length >= MIN_HEADER_FIELDS) return i;
  }
  return -1;
}

/** The legacy xlsx container, or null when the workbook is not one (no `results` + `criteria` sheets). */
export function legacyFromWorkbook(workbook: Workbook): LegacyExport | null {
  const results = workbook.sheets.find((s) => s.name.trim().toLowerCase() === 'results');
  const criteria = workbook.sheets.find((s) => s.name.trim().toLowerCase() === 'criteria');
  if (results === undefined || criteria === undefined) return null;
  const h = headerIndex(results.rows, 10);
  if (h < 0) return null;
  const dateLine = criteria.rows.flat().find((cell) => EXPORT_DATE.test(cell)) ?? null;
  return {
    format: 'echa-legacy-xlsx',
    title: results.rows[0]?.[0]?.trim() ?? '',
    exportDate: dateLine === null ? null : (EXPORT_DATE.exec(dateLine)?.[1] ?? '').trim(),
    header: results.rows[h] ?? [],
    rows: results.rows.slice(h + 1).map((cells, i) => ({ row: h + i + 2, cells })).filter((r) => r.cells.some((c) => c.trim() !== '')),
  };
}

/** The legacy CSV container (tab-separated, preamble before the header), or null when the text is not one. */
export function legacyFromCsvText(text: string): LegacyExport | null {
  const firstLine = text.slice(0, text.indexOf('\n') < 0 ? text.length : text.indexOf('\n'));
  if (firstLine.includes('\t') && !/^"?[^\t"]+"?\t?\s*$/u.test(firstLine)) {
    // The title line stands alone; a tab-separated first line is a header without preamble: not this format.
    return null;
  }
  const records = parseDelimited(text, '\t');
  const grid = records.map((r) => r.fields);
  // README: 12 preamble lines, but the number depends on the filters used, so the header is found, not counted.
  const h = headerIndex(grid, 40);
  if (h < 0) return null;
  const preamble = grid.slice(0, h).flat();
  const dateLine = preamble.find((cell) => EXPORT_DATE.test(cell)) ?? null;
  return {
    format: 'echa-legacy-csv',
    title: (grid[0]?.[0] ?? '').trim(),
    exportDate: dateLine === null ? null : (EXPORT_DATE.exec(dateLine)?.[1] ?? '').trim(),
    header: grid[h] ?? [],
    rows: records.slice(h + 1).filter((r) => !isBlankRecord(r)).map((r) => ({ row: r.line, cells: r.fields })),
  };
}

/** Reads the bytes of a legacy CSV (UTF-8 without BOM, README). */
export function legacyFromCsvBytes(bytes: Uint8Array): LegacyExport | null {
  const text = decodeUtf8(bytes);
  return text === null ? null : legacyFromCsvText(text);
}

/** Whether an export maps onto one of the two layouts; the list it is, or null. */
export function recogniseLegacy(exp: LegacyExport): LegacyList | null {
  const list = identifyLegacyList(exp);
  if (list === null) return null;
  const c = columnsFor(list, exp.header);
  if (c.name < 0 || !identifierColumnsPlausible(exp, c)) return null;
  return list;
}

// --- entries -------------------------------------------------------------------------------------------------------

interface Row {
  row: number;
  cells: string[];
}

interface RowIdentity {
  name: string;
  ec: string[];
  cas: string[];
}

function rowIdentity(r: Row, c: Columns<Role>, warnings: Warnings): RowIdentity {
  return {
    name: nameOf(cellAt(r.cells, c.name)),
    ec: validEc(cellValues(cellAt(r.cells, c.ec), { commas: true }), { row: r.row, field: 'EC No.' }, warnings),
    cas: validCas(cellValues(cellAt(r.cells, c.cas), { commas: true }), { row: r.row, field: 'CAS No.' }, warnings),
  };
}

/**
 * The legacy exports join several reasons with `#` in the xlsx (#2: "Toxic for reproduction (Article 57c)#PBT
 * (Article 57d)") and with a double quote in the CSV (#3 writes `…human health)""Equivalent level…` inside the quoted
 * field, i.e. one literal `"` between the values). Reasons themselves contain neither.
 */
function legacyReasons(cell: string): string[] {
  return cell.split(/\r?\n|#|"/u).map((v) => v.trim()).filter((v) => v !== '' && v !== '-');
}

/** HTML fragments in `History`/`Appendices` (README: "raw HTML <a href=…> fragments"): the link texts. */
function linkTexts(html: string): string[] {
  const anchors = [...html.matchAll(/<a\b[^>]*>(.*?)<\/a>/gisu)].map((m) => (m[1] ?? '').replace(/<[^>]+>/gu, '').trim());
  if (anchors.length > 0) return anchors.filter((a) => a !== '');
  const plain = html.replace(/<[^>]+>/gu, ' ').trim();
  return plain === '' ? [] : [plain];
}

/**
 * Folds member rows into their entry. Rows of one entry share a key (Decision URL for the Candidate List — README:
 * "group key = Decision URL", 253 distinct URLs for 253 entries; entry number for restrictions). The entry's own row
 * is the first row of its group: true for all 37 split groups in both #2 and #3 although their row orders differ,
 * while the README warns that ECHA documents no such rule. No other rule works without a reference list: the parent
 * row may carry identifiers (Cadmium chloride) or share "-" identifiers with members (MCCP).
 */
function groupRows(rows: Row[], keyOf: (r: Row) => string | null): Row[][] {
  const groups = new Map<string, Row[]>();
  for (const r of rows) {
    const key = keyOf(r) ?? `row:${r.row}`;
    groups.set(key, [...(groups.get(key) ?? []), r]);
  }
  return [...groups.values()];
}

function fold(group: Row[], c: Columns<Role>, warnings: Warnings): { parent: Row; own: RowIdentity; ec: string[]; cas: string[]; members: GroupMember[] } {
  const [parent, ...rest] = group as [Row, ...Row[]];
  const own = rowIdentity(parent, c, warnings);
  const memberIds = rest.map((r) => rowIdentity(r, c, warnings));
  const members = memberIds.map((m) => ({ name: m.name.slice(0, 2000), cas: m.cas[0] ?? null, ec: m.ec[0] ?? null }));
  return {
    parent,
    own,
    ec: addUnique([...own.ec], memberIds.flatMap((m) => m.ec)),
    cas: addUnique([...own.cas], memberIds.flatMap((m) => m.cas)),
    members,
  };
}

function candidateEntries(rows: Row[], c: Columns<Role>, warnings: Warnings): ListEntry[] {
  const decisionKey = (r: Row) => urlsIn(cellAt(r.cells, c.decision)).join(' ') || null;
  return groupRows(rows, decisionKey).map((group) => {
    const { parent, own, ec, cas, members } = fold(group, c, warnings);
    const element = elementOf(own.name);
    const remarks = valueAt(parent.cells, c.remarks);
    const decisions = urlsIn(cellAt(parent.cells, c.decision));
    return {
      ...blankEntry(identityKey(own.ec, own.cas, own.name), own.name),
      description: joinDescription([
        valueAt(parent.cells, c.description),
        remarks === null ? null : `Remarks: ${remarks}`,
        decisions.length > 1 ? `Decisions: ${decisions.join(' ')}` : null,
      ]),
      cas,
      ec,
      group: members.length > 0 || (own.ec.length === 0 && own.cas.length === 0) || isGroupName(own.name) || element !== null,
      members,
      element,
      reasons: legacyReasons(cellAt(parent.cells, c.reason)),
      dateOfInclusion: dateAt(parent.cells, c.date, { row: parent.row, field: 'Date of inclusion' }, warnings),
      // The last decision URL printed: ECHA CHEM prints an entry's decisions oldest first (DBP: 2008, 2017, 2023).
      link: decisions[decisions.length - 1] ?? null,
    };
  });
}

function restrictionEntries(rows: Row[], c: Columns<Role>, warnings: Warnings): ListEntry[] {
  const numbered = rows.filter((r) => {
    if (valueAt(r.cells, c.entryNo) !== null) return true;
    warnings.add(r.row, 'Entry no.', `row without an entry number left out ("${cellAt(r.cells, c.name)}")`);
    return false;
  });
  // Grouped by entry number alone (the key); the Conditions URL is the same for all rows of an entry in #6.
  return groupRows(numbered, (r) => restrictionEntryKey(valueAt(r.cells, c.entryNo) ?? '')).map((group) => {
    const { parent, own, ec, cas, members } = fold(group, c, warnings);
    const element = elementOf(own.name);
    const history = linkTexts(cellAt(parent.cells, c.history));
    const appendices = linkTexts(cellAt(parent.cells, c.appendices));
    const published = dateAt(parent.cells, c.firstPublished, { row: parent.row, field: 'First published' }, warnings);
    const remarks = valueAt(parent.cells, c.remarks);
    const entryNumber = valueAt(parent.cells, c.entryNo) ?? '';
    return {
      ...blankEntry(restrictionEntryKey(entryNumber), own.name),
      description: joinDescription([
        valueAt(parent.cells, c.description),
        appendices.length > 0 ? `Appendices: ${appendices.join(', ')}` : null,
        history.length > 0 ? `Adopted and amended by: ${history.join(', ')}` : null,
        remarks === null ? null : `Remarks: ${remarks}`,
        published === null ? null : `First published by ECHA: ${published}`,
      ]),
      cas,
      ec,
      group: members.length > 0 || (own.ec.length === 0 && own.cas.length === 0) || isGroupName(own.name) || element !== null,
      members,
      element,
      entryNumber,
      link: valueAt(parent.cells, c.conditions),
    };
  });
}

export function importLegacy(exp: LegacyExport, list: LegacyList, fileName: string): ImportedList {
  const c = columnsFor(list, exp.header);
  const missing = REQUIRED[list].filter((role) => c[role] < 0);
  if (missing.length > 0) {
    const names = missing.map((role) => ALIASES[role][0]).join(', ');
    throw invalidFile(`${fileName} looks like an echa.europa.eu export but its columns ${names} were not found`, `the header of the ${list === 'candidate' ? 'Candidate List' : 'restriction list'} export (${names})`, names);
  }
  const warnings = new Warnings();
  const rows = exp.rows.filter((r) => {
    if (cellAt(r.cells, c.name) !== '') return true;
    warnings.add(r.row, 'Substance name', 'row without a substance name left out');
    return false;
  });
  if (rows.length === 0) throw invalidFile(`${fileName} has no data rows`, 'substance rows below the header', null);
  const entries = list === 'candidate' ? candidateEntries(rows, c, warnings) : restrictionEntries(rows, c, warnings);
  // listDate: the export date (criteria sheet / CSV preamble): the legacy exports state when they were taken.
  let listDate: string | null = null;
  if (exp.exportDate !== null) {
    const parsed = parseListDate(exp.exportDate);
    if (parsed.date === null) warnings.add(null, 'Export date', `export date not read: ${parsed.problem}`);
    listDate = parsed.date;
  }
  const listId = list === 'candidate' ? 'echa-candidate-list' : 'reach-annex-xvii';
  return {
    listId,
    name: WELL_KNOWN_LISTS[listId],
    kind: 'regulatory',
    format: exp.format,
    listDate,
    rowCount: exp.rows.length,
    entries: ensureUniqueKeys(entries, warnings),
    warnings: warnings.list,
  };
}
