// ECHA's official CLP Annex VI Table 3 Excel, `annex_vi_clp_table_atpNN_en.xlsx` (README §5, file #9): a sheet named
// after the newest ATP (`ATP23`) holding the consolidated table, and a `History` sheet of past versions, which is
// ignored (the consolidated sheet is what applies). Disclaimer on row 1, row 2 blank, header on row 3, data from row 4.
//
// Key: the index number (CLP Annex VI Part 1 §1.1.1.1), which identifies an entry across ATPs.
import { parseCas, parseEc, parseIndexNumber } from '../../chemistry/identifiers.js';
import { blankEntry, WELL_KNOWN_LISTS, type GroupMember, type ImportedList, type ListEntry } from '../list-entry.js';
import { findLongDate, latestDate } from './dates.js';
import { invalidFile } from './errors.js';
import {
  addUnique, cellAt, dateAt, elementOf, ensureUniqueKeys, findColumns, isGroupName, joinDescription, splitCell,
  validCas, validEc, valueAt, Warnings, type MarkedValue, type Table,
} from './common.js';
import { CMR_1A_1B, parseClpHazardLines, parseSpecificLimits } from './clp-hazards.js';
import type { Sheet } from './workbook.js';

const COLUMNS = {
  index: ['Index No', 'Index No.', 'Index number'],
  atp: ['ATP'],
  celex: ['CELEX'],
  name: ['Chemical Name', 'International Chemical Identification'],
  ec: ['EC No', 'EC No.'],
  cas: ['CAS No', 'CAS No.'],
  classes: ['Hazard Class and Category Code(s)'],
  codes: ['Classification Hazard Statement Code(s)'],
  limits: ['M, SCL, ATE', 'Specific Conc. Limits, M-factors and ATE', 'Specific Conc. Limits, M-factors'],
  notes: ['Notes'],
  inApplication: ['In application'],
  link: ['EUR-Lex Link'],
} as const;

/** The consolidated-table sheet: named after its ATP (`ATP23`). */
const ATP_SHEET = /^ATP\s*\d+$/iu;

export interface AnnexViLayout {
  sheet: Sheet;
  /** 0-based index of the header row (row 3 in ECHA's file). */
  headerRow: number;
}

/** Finds the consolidated sheet and its header row (searched in the first 10 rows, so a moved disclaimer still reads). */
export function findAnnexViLayout(sheets: readonly Sheet[]): AnnexViLayout | null {
  for (const sheet of sheets) {
    if (!ATP_SHEET.test(sheet.name.trim())) continue;
    for (let i = 0; i < Math.min(10, sheet.rows.length); i++) {
      const c = findColumns(sheet.rows[i] ?? [], COLUMNS);
      if (c.index >= 0 && c.name >= 0 && c.classes >= 0) return { sheet, headerRow: i };
    }
  }
  return null;
}

/** The per-marker values of a `[1] [2]` cell; unmarked values belong to every member. */
function byMarker(values: readonly MarkedValue[], marker: number): string[] {
  return values.filter((v) => v.marker === marker || v.marker === null).map((v) => v.value);
}

/** Multi-substance entries (README: "164 have several CAS in one cell … with [1] [2] markers") become members. */
function membersOf(names: MarkedValue[], ecs: MarkedValue[], cass: MarkedValue[]): GroupMember[] {
  const markers = [...new Set([...names, ...ecs, ...cass].map((v) => v.marker).filter((m): m is number => m !== null))].sort((a, b) => a - b);
  if (markers.length < 2) return [];
  const firstValid = (values: string[], parse: (v: string) => { valid: boolean; normalised: string | null }) =>
    values.map(parse).find((p) => p.valid)?.normalised ?? null;
  return markers.map((m) => ({
    name: (byMarker(names, m).join('; ') || names.map((n) => n.value).join('; ')).slice(0, 2000),
    ec: firstValid(byMarker(ecs, m), parseEc),
    cas: firstValid(byMarker(cass, m), parseCas),
  }));
}

/**
 * The date against which `upcoming` is judged: the date the file was produced, i.e. the workbook's last-modified
 * stamp (2025-10-29 for #9), or else the adoption date of the newest ATP that the disclaimer on row 1 names
 * ("Commission Delegated Regulation (EU) No 2025/1222 of 20 June 2025"). Deliberately not today's date: the same
 * file must import to the same list on any day; screening compares `appliesFrom` with its own `today`.
 */
function referenceDate(modified: Date | null, disclaimer: string): string | null {
  if (modified !== null) return modified.toISOString().slice(0, 10);
  return findLongDate(disclaimer);
}

export function importClpAnnexVi(layout: AnnexViLayout, modified: Date | null, fileName: string): ImportedList {
  const { sheet, headerRow } = layout;
  const table: Table = {
    header: sheet.rows[headerRow] ?? [],
    rows: sheet.rows.slice(headerRow + 1).map((cells, i) => ({ row: headerRow + i + 2, cells })),
  };
  const c = findColumns(table.header, COLUMNS);
  const warnings = new Warnings();
  const rows = table.rows.filter((r) => cellAt(r.cells, c.index) !== '');
  if (rows.length === 0) throw invalidFile(`${fileName} has no Annex VI entries on sheet ${sheet.name}`, 'index numbers in the Index No column below the header', sheet.name);

  const entries: ListEntry[] = [];
  for (const r of rows) {
    const at = (field: string) => ({ row: r.row, field });
    const index = parseIndexNumber(cellAt(r.cells, c.index));
    if (index.normalised === null) {
      warnings.add(r.row, 'Index No', `row left out: ${index.reason ?? 'no index number'}`);
      continue;
    }
    if (!index.valid) warnings.add(r.row, 'Index No', `${index.reason ?? 'invalid index number'}; kept as printed because it is the entry's key`);
    const names = splitCell(cellAt(r.cells, c.name));
    const ecs = splitCell(cellAt(r.cells, c.ec), { commas: true });
    const cass = splitCell(cellAt(r.cells, c.cas), { commas: true });
    const name = addUnique<string>([], names.map((n) => n.value)).join('; ').slice(0, 5000) || index.normalised;
    const ec = validEc(ecs.map((v) => v.value), at('EC No'), warnings);
    const cas = validCas(cass.map((v) => v.value), at('CAS No'), warnings);
    const hazards = parseClpHazardLines(cellAt(r.cells, c.classes), cellAt(r.cells, c.codes));
    const limits = parseSpecificLimits(cellAt(r.cells, c.limits));
    for (const problem of limits.problems) warnings.add(r.row, 'M, SCL, ATE', problem);
    const notes = splitCell(cellAt(r.cells, c.notes), { commas: true }).map((n) => n.value);
    const atp = valueAt(r.cells, c.atp);
    const celex = valueAt(r.cells, c.celex);
    const element = elementOf(name);
    entries.push({
      ...blankEntry(index.normalised, name),
      description: joinDescription([
        atp === null ? null : `${atp}${celex === null ? '' : ` (CELEX ${celex})`}`,
        notes.length > 0 ? `Notes: ${notes.join(', ')}` : null,
        limits.other.length > 0 ? `M-factors, ATE: ${limits.other.join('; ')}` : null,
      ]),
      cas,
      ec,
      indexNumbers: [index.normalised],
      group: (ec.length === 0 && cas.length === 0) || isGroupName(name) || element !== null,
      members: membersOf(names, ecs, cass),
      element,
      hazardClasses: hazards.classes,
      hazardCodes: hazards.codes,
      specificLimits: limits.limits,
      appliesFrom: dateAt(r.cells, c.inApplication, at('In application'), warnings),
      link: valueAt(r.cells, c.link),
    });
  }

  // listDate: the date the latest ATP that was in application when the file was produced started to apply
  // (ATP21, 2025-09-01, for #9). Rows applying later (README: 43 ATP22 rows from 2026-05-01, 32 ATP23 rows from
  // 2027-02-01) are `upcoming`. Without any reference date every row counts as in application.
  const reference = referenceDate(modified, sheet.rows[0]?.join(' ') ?? '');
  const dates = entries.map((e) => e.appliesFrom).filter((d): d is string => d !== null);
  const listDate = latestDate(reference === null ? dates : dates.filter((d) => d <= reference));
  const finished = entries.map((e) => ({ ...e, upcoming: e.appliesFrom !== null && listDate !== null && e.appliesFrom > listDate }));
  return {
    listId: 'clp-annex-vi',
    name: WELL_KNOWN_LISTS['clp-annex-vi'],
    kind: 'classification',
    format: 'clp-annex-vi-xlsx',
    listDate,
    rowCount: rows.length,
    entries: ensureUniqueKeys(finished, warnings),
    warnings: warnings.list,
  };
}

/**
 * The CMR subset of an Annex VI list (`clp-annex-vi-cmr`): entries classified Carc./Muta./Repr. category 1A or 1B,
 * the criterion contracts usually use (domain.md "Lists"). Upcoming entries stay, still marked upcoming.
 */
export function cmrSubset(list: ImportedList): ImportedList {
  return {
    ...list,
    listId: 'clp-annex-vi-cmr',
    name: WELL_KNOWN_LISTS['clp-annex-vi-cmr'],
    kind: 'classification',
    entries: list.entries.filter((e) => e.hazardClasses.some((cls) => CMR_1A_1B.test(cls))),
  };
}
