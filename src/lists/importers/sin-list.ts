// ChemSec SIN List export from sinsearch.chemsec.org (README §6, file #10): sheet `SIN List`, header on row 1 (bold
// rich text), one row per CAS number — ChemSec expands groups into their substances. `Date for inclusion on the SIN
// List` reads `2023 January`. The `SIN Producers` sheet (substance × company) and copies such as `Sheet1` are ignored.
// Licence: ChemSec's terms of use; chemreg imports the file a user has downloaded and never ships it.
//
// Key: the `CAS Number` cell as printed. It is ChemSec's row identifier and unique by construction: besides plain CAS
// numbers it holds several CAS ("10124-36-4 / 31119-53-6"), numbered repeats of one CAS ("142844-00-6_1", "_2") and
// placeholders for substances without a CAS ("EC-402-660-9", "No-Cas-1", "Various_1"). Empty cell: the normalised name.
import { blankEntry, WELL_KNOWN_LISTS, type ImportedList, type ListEntry } from '../list-entry.js';
import { latestDate, parseYearMonth } from './dates.js';
import { invalidFile } from './errors.js';
import {
  cellAt, cellValues, ensureUniqueKeys, findColumns, isMissing, joinDescription, nameKey, validCas, validEc,
  valueAt, Warnings, type Table,
} from './common.js';
import { parseClpHazardLines } from './clp-hazards.js';
import type { Sheet } from './workbook.js';

export const SIN_SHEET = 'SIN List';

// Header texts of the `SIN List` sheet, "envornmental" misspelt as ChemSec prints it; the snake_case names are the
// headers of the uploader's `Sheet1` copy, accepted so a re-saved export still reads.
const COLUMNS = {
  cas: ['CAS Number', 'cas_number'],
  ec: ['EC Number', 'ec_number'],
  name: ['Name', 'name'],
  groups: ['SIN Groups', 'sin_groups'],
  date: ['Date for inclusion on the SIN List', 'inclusion_date'],
  reasonText: ['Reasons for inclusion on the SIN List', 'reasons'],
  concern: ['Health and envornmental concern', 'Health and environmental concern', 'health_env_concern'],
  classes: ['Hazard class and category code(s)', 'hazard_classes'],
  codes: ['Hazard statement code(s)', 'hazard_statements'],
} as const;

/** The sheet holding the SIN List: `SIN List` by name, else any sheet with its columns. */
export function findSinSheet(sheets: readonly Sheet[]): Sheet | null {
  const looksLikeSin = (s: Sheet) => {
    const c = findColumns(s.rows[0] ?? [], COLUMNS);
    return c.cas >= 0 && c.name >= 0 && c.groups >= 0 && c.concern >= 0;
  };
  return sheets.find((s) => s.name.trim() === SIN_SHEET && looksLikeSin(s)) ?? sheets.find(looksLikeSin) ?? null;
}

// ChemSec's stand-ins in the CAS column (see the key rule above): not CAS numbers, and not typos either.
const PLACEHOLDER = /^(?:EC-\d{3}-\d{3}-\d|No-Cas-\d+|Various[\s_]*\d*)$/iu;

/** The CAS numbers of a `CAS Number` cell: placeholders dropped, the `_1` repeat suffix removed. */
function casValues(cell: string): string[] {
  return cellValues(cell, { commas: true })
    .filter((v) => !PLACEHOLDER.test(v))
    .map((v) => v.replace(/_\d+$/u, ''));
}

export function importSinList(sheet: Sheet, fileName: string): ImportedList {
  const table: Table = { header: sheet.rows[0] ?? [], rows: sheet.rows.slice(1).map((cells, i) => ({ row: i + 2, cells })) };
  const c = findColumns(table.header, COLUMNS);
  const warnings = new Warnings();
  const rows = table.rows.filter((r) => cellAt(r.cells, c.name) !== '' || cellAt(r.cells, c.cas) !== '');
  if (rows.length === 0) throw invalidFile(`${fileName} has no substances on sheet ${sheet.name}`, 'one substance per row below the header', sheet.name);
  const entries: ListEntry[] = [];
  for (const r of rows) {
    const name = cellAt(r.cells, c.name) || cellAt(r.cells, c.cas);
    const casCell = cellAt(r.cells, c.cas);
    const cas = validCas(casValues(casCell), { row: r.row, field: 'CAS Number' }, warnings);
    const ec = validEc(cellValues(cellAt(r.cells, c.ec), { commas: true }), { row: r.row, field: 'EC Number' }, warnings);
    let dateOfInclusion: string | null = null;
    const dateText = cellAt(r.cells, c.date);
    if (!isMissing(dateText)) {
      const parsed = parseYearMonth(dateText);
      if (parsed.date === null) warnings.add(r.row, 'Date for inclusion on the SIN List', `date left out: ${parsed.problem}`);
      dateOfInclusion = parsed.date;
    }
    const hazards = parseClpHazardLines(cellAt(r.cells, c.classes), cellAt(r.cells, c.codes));
    const groups = valueAt(r.cells, c.groups);
    entries.push({
      ...blankEntry(casCell === '' ? nameKey(name) : casCell.slice(0, 500), name),
      description: joinDescription([groups === null ? null : `SIN groups: ${groups}`, valueAt(r.cells, c.reasonText)]),
      cas,
      ec,
      // The concern column is comma-separated (README: "Carcinogenic, Mutagenic, … Equivalent concern").
      reasons: cellValues(cellAt(r.cells, c.concern), { commas: true }),
      dateOfInclusion,
      hazardClasses: hazards.classes,
      hazardCodes: hazards.codes,
    });
  }
  return {
    listId: 'chemsec-sin-list',
    name: WELL_KNOWN_LISTS['chemsec-sin-list'],
    kind: 'watch',
    format: 'sin-list-xlsx',
    // listDate: the newest inclusion date (README: "2025 June" for #10); the export states no date of its own.
    listDate: latestDate(entries.map((e) => e.dateOfInclusion)),
    rowCount: rows.length,
    entries: ensureUniqueKeys(entries, warnings),
    warnings: warnings.list,
  };
}
