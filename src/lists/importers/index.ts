// Turns an uploaded list file into an ImportedList: detects the format and the list from the file's content (users
// rename downloads, so the file name only appears in messages), then hands it to that format's importer. Pure: bytes
// and a file name in, an ImportedList or a ListImportError out — never a partial list.
//
// Formats (src/lists/list-entry.ts ListFormat; README of the list data for the real files and their quirks):
//   echa-chem-xlsx     ECHA CHEM `*_full.xlsx`, sheet List_results          echa-chem.ts
//   echa-legacy-xlsx   echa.europa.eu export, sheets results + criteria     echa-legacy.ts
//   echa-legacy-csv    echa.europa.eu export, tab-separated, any UI language echa-legacy.ts
//   clp-annex-vi-xlsx  ECHA's annex_vi_clp_table_atpNN_en.xlsx             clp-annex-vi.ts
//   sin-list-xlsx      ChemSec SIN List export, sheet SIN List             sin-list.ts
//   rohs-csv           RoHS Annex II CSV                                    rohs.ts
//   chemreg-csv/json   chemreg's own formats                                chemreg.ts
import type { ImportedList, ListFormat, ListKind } from '../list-entry.js';
import { cmrSubset, findAnnexViLayout, importClpAnnexVi, type AnnexViLayout } from './clp-annex-vi.js';
import { chemregCsvHeader, importChemregCsv, importChemregJson, isChemregListJson, isWellKnownListId } from './chemreg.js';
import { decodeUtf8, parseDelimited } from './csv.js';
import { ECHA_CHEM_LIST_IDS, ECHA_CHEM_SHEET, identifyEchaChemList, importEchaChem, type EchaChemList } from './echa-chem.js';
import { importLegacy, legacyFromCsvText, legacyFromWorkbook, recogniseLegacy, type LegacyExport, type LegacyList } from './echa-legacy.js';
import { invalidFile, ListImportError, unknownFormat } from './errors.js';
import { importRohsCsv, isRohsHeader } from './rohs.js';
import { findSinSheet, importSinList } from './sin-list.js';
import { isZip, readWorkbook, type Sheet } from './workbook.js';

export { ListImportError, KNOWN_FORMATS_TEXT, type ListImportErrorCode } from './errors.js';
export { cmrSubset } from './clp-annex-vi.js';
export { toChemregJson, ChemregListDocument, type GeneratedHeader } from './chemreg.js';
export { foldGroupMembers, type FoldResult } from './merge.js';

export interface ImportOptions {
  /** The list the file is a version of: required for chemreg's CSV; for other formats it must match the detected list. */
  listId?: string;
  /** Display name of a new custom list (chemreg CSV). */
  name?: string;
  /** Kind of a new custom list (chemreg CSV; default custom). */
  kind?: ListKind;
}

export interface DetectedList {
  format: ListFormat;
  /** The list the file is, or null when the file names none (chemreg CSV: the list id comes from the import). */
  listId: string | null;
}

type Sniffed =
  | { format: 'echa-chem-xlsx'; list: EchaChemList; sheet: Sheet }
  | { format: 'echa-legacy-xlsx' | 'echa-legacy-csv'; list: LegacyList; export: LegacyExport }
  | { format: 'clp-annex-vi-xlsx'; layout: AnnexViLayout; modified: Date | null }
  | { format: 'sin-list-xlsx'; sheet: Sheet }
  | { format: 'rohs-csv' }
  | { format: 'chemreg-csv' }
  | { format: 'chemreg-json'; document: unknown };

async function sniffWorkbook(bytes: Uint8Array, fileName: string): Promise<Sniffed> {
  const workbook = await readWorkbook(bytes, fileName);
  const chem = workbook.sheets.find((s) => s.name.trim() === ECHA_CHEM_SHEET);
  if (chem !== undefined) {
    const list = identifyEchaChemList(chem.rows[0] ?? []);
    if (list === null) throw unknownFormat(fileName, `sheet ${ECHA_CHEM_SHEET} has no columns of a known ECHA CHEM list on row 1`);
    return { format: 'echa-chem-xlsx', list, sheet: chem };
  }
  const legacy = legacyFromWorkbook(workbook);
  if (legacy !== null) {
    const list = recogniseLegacy(legacy);
    if (list === null) throw unknownFormat(fileName, 'sheets results and criteria, but not the Candidate List or restriction list columns');
    return { format: 'echa-legacy-xlsx', list, export: legacy };
  }
  const annexVi = findAnnexViLayout(workbook.sheets);
  if (annexVi !== null) return { format: 'clp-annex-vi-xlsx', layout: annexVi, modified: workbook.modified };
  const sin = findSinSheet(workbook.sheets);
  if (sin !== null) return { format: 'sin-list-xlsx', sheet: sin };
  throw unknownFormat(fileName, `a workbook with sheets ${workbook.sheets.map((s) => s.name).join(', ') || '(none)'}`);
}

function sniffText(bytes: Uint8Array, fileName: string): Sniffed {
  const text = decodeUtf8(bytes);
  if (text === null) throw unknownFormat(fileName, 'neither an xlsx workbook nor UTF-8 text');
  const body = text.replace(/^\uFEFF/u, '');
  if (body.trim() === '') throw unknownFormat(fileName, 'the file is empty');
  if (body.trimStart().startsWith('{')) {
    let document: unknown;
    try {
      document = JSON.parse(body) as unknown;
    } catch (err) {
      // A damaged chemreg list (cut off in transfer, edited by hand) is a known format with unusable content.
      if (/"chemreg"\s*:\s*"list"/u.test(body)) {
        throw invalidFile(`${fileName} is not valid JSON (${err instanceof Error ? err.message : String(err)})`, 'a chemreg list document in valid JSON', 'file');
      }
      throw unknownFormat(fileName, 'text starting with "{" that is not JSON');
    }
    if (!isChemregListJson(document)) throw unknownFormat(fileName, 'JSON without "chemreg": "list"');
    return { format: 'chemreg-json', document };
  }
  const legacy = legacyFromCsvText(body);
  if (legacy !== null) {
    const list = recogniseLegacy(legacy);
    if (list !== null) return { format: 'echa-legacy-csv', list, export: legacy };
  }
  const firstRecord = parseDelimited(body.slice(0, 4096).split('\n')[0] ?? '', ',')[0]?.fields ?? [];
  if (isRohsHeader(firstRecord)) return { format: 'rohs-csv' };
  if (chemregCsvHeader(body) !== null) return { format: 'chemreg-csv' };
  throw unknownFormat(fileName, 'text that is none of the CSV layouts');
}

async function sniff(bytes: Uint8Array, fileName: string): Promise<Sniffed> {
  if (bytes.length === 0) throw unknownFormat(fileName, 'the file is empty');
  return isZip(bytes) ? await sniffWorkbook(bytes, fileName) : sniffText(bytes, fileName);
}

function detectedListId(s: Sniffed): string | null {
  switch (s.format) {
    case 'echa-chem-xlsx':
      return ECHA_CHEM_LIST_IDS[s.list];
    case 'echa-legacy-xlsx':
    case 'echa-legacy-csv':
      return s.list === 'candidate' ? 'echa-candidate-list' : 'reach-annex-xvii';
    case 'clp-annex-vi-xlsx':
      return 'clp-annex-vi';
    case 'sin-list-xlsx':
      return 'chemsec-sin-list';
    case 'rohs-csv':
      return 'rohs-annex-ii';
    case 'chemreg-csv':
      return null;
    case 'chemreg-json':
    {
      const listId = (s.document as { listId?: unknown }).listId;
      return typeof listId === 'string' ? listId : null;
    }
  }
}

/** Which format a file is and which list it holds, without importing it. Throws ListImportError like importListFile. */
export async function detectListFormat(bytes: Uint8Array, fileName: string): Promise<DetectedList> {
  const s = await sniff(bytes, fileName);
  return { format: s.format, listId: detectedListId(s) };
}

function importSniffed(s: Sniffed, bytes: Uint8Array, fileName: string, options: ImportOptions): ImportedList {
  switch (s.format) {
    case 'echa-chem-xlsx':
      return importEchaChem({ header: s.sheet.rows[0] ?? [], rows: s.sheet.rows.slice(1).map((cells, i) => ({ row: i + 2, cells })) }, s.list, fileName);
    case 'echa-legacy-xlsx':
    case 'echa-legacy-csv':
      return importLegacy(s.export, s.list, fileName);
    case 'clp-annex-vi-xlsx':
      return importClpAnnexVi(s.layout, s.modified, fileName);
    case 'sin-list-xlsx':
      return importSinList(s.sheet, fileName);
    case 'rohs-csv':
      return importRohsCsv(bytes, fileName);
    case 'chemreg-csv':
      return importChemregCsv(bytes, fileName, options);
    case 'chemreg-json':
      return importChemregJson(s.document, fileName);
  }
}

/**
 * An explicit list id must be the list the file is: importing the Annex XIV export as the Candidate List would
 * corrupt that list's history. The one allowed difference: a CLP Annex VI file imported as `clp-annex-vi-cmr` gives
 * its CMR 1A/1B subset.
 */
function applyListId(list: ImportedList, requested: string | undefined, fileName: string): ImportedList {
  if (requested === undefined || requested === list.listId || list.format === 'chemreg-csv') return list;
  if (list.listId === 'clp-annex-vi' && requested === 'clp-annex-vi-cmr') return cmrSubset(list);
  const expected = list.listId === 'clp-annex-vi' ? 'clp-annex-vi or clp-annex-vi-cmr (or no list id)' : `${list.listId} (or no list id)`;
  const hint = isWellKnownListId(requested) ? '' : '; custom lists are imported from chemreg\'s CSV or JSON format';
  throw new ListImportError('LIST_FILE_INVALID', `${fileName} is ${list.listId}, not ${requested}${hint}: expected list id ${expected}`, { field: 'listId', expected: `list id ${expected}` });
}

/** Detects the format and the list of a file and imports it. */
export async function importListFile(bytes: Uint8Array, fileName: string, options: ImportOptions = {}): Promise<ImportedList> {
  const sniffed = await sniff(bytes, fileName);
  const list = importSniffed(sniffed, bytes, fileName, options);
  return applyListId(list, options.listId, fileName);
}
