// The bulk declaration spreadsheet (issue 6): a supplier declares the content of many products at once in one CSV or
// XLSX file, one row per product × component × homogeneous material × substance. This module is the pure parsing part
// of `POST /api/v1/suppliers/:id/declarations/bulk`: bytes in, a per-row report and one DeclarationContent per product
// out. It writes nothing; the route decides what to apply.
//
// Two levels of failure, because a supplier fixing a 5 000-row file needs to know which rows to fix, but a file that
// cannot be read as a whole must never half-apply:
// - whole file (throws DeclarationError, nothing is applied): not CSV/XLSX or not decodable (FORMAT_UNKNOWN); empty,
//   no data rows, a header without the required columns, more than MAX_BULK_ROWS rows, or one product number given
//   two different product names (DECLARATION_INVALID) — the last because the route would not know which product the
//   rows belong to;
// - one row (the row is rejected with its issues, the others go on): an unreadable or impossible value (unknown unit,
//   > 100 %, min > max, a negative mass, text that is no concentration), a value contradicting an earlier row of the
//   same product (its kind, mass or date, a component's or material's mass), or a substance the same part already
//   declares. A CAS RN or EC number with a wrong check digit is not a rejection: it is kept with a warning,
//   as in every declaration format (declared-values.ts).
//
// Grouping: rows are grouped by product_number, then component, then material (names compared case-insensitively).
// Where a row's substance goes decides what its concentration means: with a material it is % of that homogeneous
// material (what RoHS limits), with a component only it is % of the component article (REACH Art. 33), with neither
// it is % of the product. A row without a substance may declare just a component or material (with its mass), a
// product property, a SCIP number or a statement.
//
// Incomplete products: a product is built from its accepted rows only. When any row of it was rejected, the product
// is still returned, with `incomplete: true` and the rejected rows in `rejectedRows`, so that the route can refuse
// it (a declaration missing a substance understates the content) or apply it with a warning. A product all of whose
// rows were rejected has nothing to apply and is not returned; its rows are in the row report.
import { ProductKind } from '../../products/product.schema.js';
import { decodeUtf8, isBlankRecord, parseDelimited } from '../../lists/importers/csv.js';
import { isoDate } from '../../lists/importers/dates.js';
import { isZip, readWorkbook, type Sheet } from '../../lists/importers/workbook.js';
import {
  emptyContent,
  type DeclarationContent,
  type DeclarationStatement,
  type DeclarationWarning,
  type DeclaredComponent,
  type DeclaredMaterial,
  type DeclaredSubstance,
} from '../declaration-content.js';
import {
  concentrationFromMasses,
  concentrationUnit,
  declaredConcentration,
  declaredConcentrationText,
  declaredIdentifier,
  declaredMassMg,
  DeclarationError,
  scipNumber,
  type DeclarationIssue,
} from '../declared-values.js';
import type { ConcentrationValue } from '../../sds/extraction/facts.js';

// --- The column set ---------------------------------------------------------------------------------------------------

export interface BulkColumnDefinition {
  /** The canonical header, as the API docs and the template print it; also the name issue paths use. */
  name: string;
  /**
   * yes: the header row must have the column and every row must fill it; new-product: a row group for a product the
   * supplier does not have yet needs it (the route checks that; the parser cannot know which products exist); no.
   */
  required: 'yes' | 'new-product' | 'no';
  description: string;
  /** Other header texts accepted for the column: Swedish (Swedish Excel templates) and common English variants. */
  aliases: readonly string[];
}

/**
 * The columns of the bulk declaration spreadsheet: the single source of truth for the parser, the API docs and the
 * template. Headers are matched ignoring case, spaces, underscores, dashes, dots, colons and asterisks, so
 * "Product number", "PRODUCT-NUMBER" and "Artikelnummer *" all work. Columns the file has that are not listed here
 * are ignored (and named in `ignoredColumns`).
 */
export const BULK_COLUMNS = [
  {
    name: 'product_number', required: 'yes',
    description: 'the supplier\'s article number; identifies the product among the supplier\'s products, and groups the rows of one product',
    aliases: ['artikelnummer', 'artikelnr', 'art.nr', 'leverantörens artikelnummer', 'produktnummer', 'article number', 'supplier article number', 'product no'],
  },
  {
    name: 'product_name', required: 'new-product',
    description: 'the product name as the supplier sells it; required to create a product, optional for one the supplier already has. Must be the same on every row of the product that gives it',
    aliases: ['produktnamn', 'produktbenämning', 'artikelnamn', 'benämning', 'product name'],
  },
  {
    name: 'product_kind', required: 'no',
    description: 'article, mixture, substance or article-with-mixture (Swedish: artikel/vara, blandning, ämne, artikel med blandning); REACH terms, decide which duties apply',
    aliases: ['produkttyp', 'typ av produkt', 'produktslag', 'product type', 'kind'],
  },
  {
    name: 'product_mass', required: 'no',
    description: 'the mass of one product (a number; decimal comma or point); the unit in product_mass_unit or in the cell ("25 g")',
    aliases: ['produktvikt', 'produktens vikt', 'produktmassa', 'product weight'],
  },
  { name: 'product_mass_unit', required: 'no', description: 'mg, g, kg or µg', aliases: ['produktvikt enhet', 'enhet produktvikt', 'product weight unit'] },
  {
    name: 'component', required: 'no',
    description: 'a component article of the product (REACH Art. 33 applies per component); a substance on a row with a component and no material is declared in % of the component',
    aliases: ['komponent', 'komponentnamn', 'component name'],
  },
  { name: 'component_mass', required: 'no', description: 'the component\'s mass; needs a component', aliases: ['komponentvikt', 'komponentens vikt', 'komponentmassa', 'component weight'] },
  { name: 'component_mass_unit', required: 'no', description: 'mg, g, kg or µg', aliases: ['komponentvikt enhet', 'enhet komponentvikt', 'component weight unit'] },
  {
    name: 'material', required: 'no',
    description: 'a homogeneous material of the component (RoHS Art. 3(20)); needs a component. A substance on a row with a material is declared in % of the material',
    aliases: ['homogent material', 'materialnamn', 'homogeneous material', 'material name'],
  },
  { name: 'material_mass', required: 'no', description: 'the material\'s mass; needs a material', aliases: ['materialvikt', 'materialets vikt', 'materialmassa', 'material weight'] },
  { name: 'material_mass_unit', required: 'no', description: 'mg, g, kg or µg', aliases: ['materialvikt enhet', 'enhet materialvikt', 'material weight unit'] },
  {
    name: 'substance_name', required: 'no',
    description: 'the substance\'s name; a substance needs at least one of substance_name, cas and ec',
    aliases: ['ämne', 'ämnesnamn', 'ämnets namn', 'kemiskt namn', 'substans', 'substance', 'substance name', 'chemical name'],
  },
  {
    name: 'cas', required: 'no',
    description: 'CAS RN, e.g. 117-81-7; a wrong check digit is kept with a warning and not used for screening',
    aliases: ['cas-nummer', 'cas-nr', 'cas number', 'cas no', 'cas rn'],
  },
  {
    name: 'ec', required: 'no',
    description: 'EC (EINECS/ELINCS/NLP) number, e.g. 204-211-0; a wrong check digit is kept with a warning',
    aliases: ['eg', 'eg-nummer', 'eg-nr', 'ec-nummer', 'ec number', 'ec no', 'einecs'],
  },
  {
    name: 'concentration', required: 'no',
    description: 'the concentration as text with its unit: "0,05 %", "500 ppm", "1000 mg/kg", "0.1-1 %", "< 0.1 %"; a cell without a unit takes the one in concentration_unit. Use either this column or concentration_value/min/max on a row',
    aliases: ['halt', 'koncentration', 'halt text', 'concentration text'],
  },
  { name: 'concentration_value', required: 'no', description: 'the concentration as a number (decimal comma or point), with concentration_unit', aliases: ['haltvärde', 'halt värde', 'concentration value'] },
  { name: 'concentration_min', required: 'no', description: 'the lower bound of a concentration range, with concentration_unit', aliases: ['halt min', 'min halt', 'lägsta halt', 'minsta halt', 'min concentration'] },
  { name: 'concentration_max', required: 'no', description: 'the upper bound of a concentration range, with concentration_unit', aliases: ['halt max', 'max halt', 'högsta halt', 'max concentration'] },
  { name: 'concentration_unit', required: 'no', description: '%, ppm or mg/kg (all w/w); converted to %', aliases: ['enhet', 'haltenhet', 'halt enhet', 'enhet halt', 'unit', 'concentration unit'] },
  { name: 'substance_mass', required: 'no', description: 'the substance\'s mass in the part it is declared in, when known', aliases: ['ämnesvikt', 'ämnets vikt', 'substance weight'] },
  { name: 'substance_mass_unit', required: 'no', description: 'mg, g, kg or µg', aliases: ['ämnesvikt enhet', 'enhet ämnesvikt', 'substance weight unit'] },
  {
    name: 'scip_number', required: 'no',
    description: 'the SCIP number (a UUID) of the product\'s notification in ECHA\'s SCIP database; declared for the product as a whole',
    aliases: ['scip', 'scip-nummer', 'scip-nr', 'scip number', 'scip id'],
  },
  {
    name: 'statement', required: 'no',
    description: 'a statement code for the product as a whole, e.g. no-intentionally-added-pfas (capitals and spaces are read as lower case and dashes: "No intentionally added PFAS"); one per row',
    aliases: ['försäkran', 'intygande', 'statement code'],
  },
  {
    name: 'declared_at', required: 'no',
    description: 'the date of the declaration, YYYY-MM-DD (or an Excel date cell); the same on every row of the product that gives it',
    aliases: ['deklarationsdatum', 'datum', 'declaration date', 'date'],
  },
] as const satisfies readonly BulkColumnDefinition[];

export type BulkColumnName = (typeof BULK_COLUMNS)[number]['name'];

/** More data rows than this and the file is refused: the route applies a file in one go. */
export const MAX_BULK_ROWS = 50_000;

/** A header cell reduced for matching: case, spacing, underscores, dashes, dots, colons and "required" asterisks ignored. */
export function bulkHeaderKey(text: string): string {
  return text.normalize('NFC').toLowerCase().replace(/[\s_\-.:*]+/gu, '');
}

const COLUMN_BY_KEY: ReadonlyMap<string, BulkColumnName> = new Map(
  BULK_COLUMNS.flatMap((c) => [c.name, ...c.aliases].map((h) => [bulkHeaderKey(h), c.name] as const)),
);

// --- The result ---------------------------------------------------------------------------------------------------------

export interface RowReport {
  /** 1-based line of the CSV (where the record starts) or row of the worksheet. */
  row: number;
  status: 'accepted' | 'rejected';
  productNumber: string | null;
  /** Why the row was rejected; `path` is `row 14 column cas` with the canonical column name. Empty when accepted. */
  issues: DeclarationIssue[];
  /** Values kept but flagged (a CAS RN with a wrong check digit); also in the product's content. */
  warnings: DeclarationWarning[];
}

export interface BulkProduct {
  productNumber: string;
  /** Null when no row of the product names it: fine for a product the supplier has, not for a new one. */
  productName: string | null;
  productKind: ProductKind | null;
  /** The accepted rows the content was built from, in file order. */
  rows: number[];
  /** The product's rejected rows; not in `content`. */
  rejectedRows: number[];
  /** True when a row of the product was rejected: `content` is then missing what those rows declared. */
  incomplete: boolean;
  content: DeclarationContent;
  /** The cells of the accepted rows, as read, in file order: the product's own part of the file. */
  cells: string[][];
}

export interface BulkParseResult {
  format: 'bulk-csv' | 'bulk-xlsx';
  /** Every non-blank data row, in file order. */
  rows: RowReport[];
  /** Products with at least one accepted row, in order of first appearance. */
  products: BulkProduct[];
  /** Header cells that are not a bulk column (ignored), as written. */
  ignoredColumns: string[];
  /** The header row as written. */
  header: string[];
}

// --- Reading the file into a table ----------------------------------------------------------------------------------

interface Table {
  format: 'bulk-csv' | 'bulk-xlsx';
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

const EXPECTED_FILE = 'a CSV file (UTF-8 or Windows-1252; comma, semicolon or tab separated) or an .xlsx workbook';

function unknownFormat(fileName: string, why: string): DeclarationError {
  const message = `${fileName} is not a bulk declaration spreadsheet chemreg can read: ${why}; expected ${EXPECTED_FILE}`;
  return new DeclarationError('DECLARATION_FORMAT_UNKNOWN', message, [{ path: 'file', message }]);
}

function invalidFile(path: string, message: string): DeclarationError {
  return new DeclarationError('DECLARATION_INVALID', message, [{ path, message }]);
}

/** Old binary Excel (.xls) and other OLE2 compound files start with D0 CF 11 E0. */
function isOle2(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0xd0 && bytes[1] === 0xcf && bytes[2] === 0x11 && bytes[3] === 0xe0;
}

const startsWith = (bytes: Uint8Array, magic: string): boolean => magic.split('').every((c, i) => bytes[i] === c.charCodeAt(0));

/** Control characters other than tab and line ends mean binary content that happens to be valid UTF-8. */
function looksBinary(text: string): boolean {
  const end = Math.min(text.length, 65_536);
  for (let i = 0; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c < 9 || (c > 13 && c < 32) || c === 127) return true;
  }
  return false;
}

const DELIMITERS = [',', ';', '\t'] as const;

/**
 * The delimiter of the header line: the one of comma, semicolon and tab that occurs most often outside quotes
 * (Swedish Excel writes semicolons, because the comma is its decimal separator). A tie goes to the comma.
 */
function detectDelimiter(headerLine: string): string {
  const unquoted = headerLine.replace(/"[^"]*"/gu, '');
  let best: string = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = unquoted.split(d).length - 1;
    if (count > bestCount) {
      best = d;
      bestCount = count;
    }
  }
  return best;
}

function csvTable(text: string): Table {
  const lines = text.split('\n');
  // Excel writes (and honours) a first line "sep=;" naming the delimiter.
  const sep = /^sep=(.)\s*$/iu.exec(lines[0] ?? '');
  const headerLine = lines.slice(sep === null ? 0 : 1).find((l) => l.trim() !== '') ?? '';
  const delimiter = sep?.[1] ?? detectDelimiter(headerLine.replace(/\r$/u, ''));
  const records = parseDelimited(text, delimiter).filter((r) => !isBlankRecord(r) && !(sep !== null && r.line === 1));
  const [header, ...rows] = records;
  return { format: 'bulk-csv', header: header?.fields ?? [], rows: rows.map((r) => ({ row: r.line, cells: r.fields })) };
}

async function xlsxTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  let sheets: Sheet[];
  try {
    ({ sheets } = await readWorkbook(bytes, fileName));
  } catch (err) {
    throw unknownFormat(fileName, `a zip archive that is not an Excel workbook (${err instanceof Error ? err.message : String(err)})`);
  }
  const first = sheets[0];
  if (first === undefined) throw unknownFormat(fileName, 'a zip archive without worksheets');
  // The first worksheet only; its header is the first non-empty row (templates may start with blank rows).
  const numbered = first.rows.map((cells, i) => ({ row: i + 1, cells })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const [header, ...rows] = numbered;
  return { format: 'bulk-xlsx', header: header?.cells ?? [], rows };
}

async function readTable(bytes: Uint8Array, fileName: string): Promise<Table> {
  if (bytes.length === 0) throw invalidFile('file', `${fileName} is empty; expected a header row and one row per product, component, material and substance`);
  if (isZip(bytes)) return xlsxTable(bytes, fileName);
  if (isOle2(bytes)) throw unknownFormat(fileName, 'an old binary Excel workbook (.xls); save it as .xlsx or as CSV UTF-8');
  if (startsWith(bytes, '%PDF-')) throw unknownFormat(fileName, 'a PDF document');
  // Text that is not UTF-8 is read as Windows-1252: what Excel's plain "CSV (semicolon separated)" writes on a Swedish
  // (or any Western European) Windows, the format most hand-made sheets arrive in. Any byte string decodes in it, so
  // binary content is told apart by its control characters.
  const text = decodeUtf8(bytes) ?? new TextDecoder('windows-1252').decode(bytes);
  if (looksBinary(text)) throw unknownFormat(fileName, 'binary content, not text');
  return csvTable(text);
}

// --- The header ---------------------------------------------------------------------------------------------------------

interface Columns {
  index: ReadonlyMap<BulkColumnName, number>;
  /** Units given in a header ("Halt (%)", "Product mass (g)"): the unit of every cell of the column that has none. */
  units: ReadonlyMap<BulkColumnName, string>;
}

const CONCENTRATION_COLUMNS: ReadonlySet<BulkColumnName> = new Set(['concentration', 'concentration_value', 'concentration_min', 'concentration_max']);
const MASS_COLUMNS: ReadonlySet<BulkColumnName> = new Set(['product_mass', 'component_mass', 'material_mass', 'substance_mass']);
const MASS_UNIT = /^(?:µg|μg|ug|mcg|mg|g|kg)$/iu;

/**
 * The column a header names, and the unit it gives in brackets. Spreadsheets made by hand often write the unit in the
 * header; ignoring such a column would silently drop every concentration in it.
 */
function headerColumn(text: string): { name: BulkColumnName; unit: string | null } | null {
  const name = COLUMN_BY_KEY.get(bulkHeaderKey(text));
  if (name !== undefined) return { name, unit: null };
  const bracketed = /^(.*?)\s*[([]\s*([^)\]]+?)\s*[)\]]$/u.exec(text.trim());
  const base = bracketed === null ? undefined : COLUMN_BY_KEY.get(bulkHeaderKey(bracketed[1] ?? ''));
  const unit = bracketed?.[2] ?? '';
  if (base === undefined) return null;
  if (CONCENTRATION_COLUMNS.has(base) && concentrationUnit(unit) !== null) return { name: base, unit };
  if (MASS_COLUMNS.has(base) && MASS_UNIT.test(unit)) return { name: base, unit };
  return null;
}

function mapHeader(header: readonly string[], fileName: string): { columns: Columns; ignored: string[] } {
  const columns = new Map<BulkColumnName, number>();
  const units = new Map<BulkColumnName, string>();
  const ignored: string[] = [];
  const issues: DeclarationIssue[] = [];
  header.forEach((text, index) => {
    if (text.trim() === '') return;
    const found = headerColumn(text);
    if (found === null) {
      ignored.push(text.trim());
      return;
    }
    const { name, unit } = found;
    if (unit !== null) units.set(name, unit);
    const earlier = columns.get(name);
    // Two columns meaning the same thing would make every row ambiguous.
    if (earlier !== undefined) issues.push({ path: 'header', message: `columns "${header[earlier]?.trim()}" and "${text.trim()}" are both ${name}` });
    else columns.set(name, index);
  });
  for (const column of BULK_COLUMNS) {
    if (column.required === 'yes' && !columns.has(column.name)) {
      issues.push({ path: 'header', message: `missing required column ${column.name} (also accepted: ${column.aliases.join(', ')})` });
    }
  }
  if (issues.length > 0) {
    const found = header.filter((h) => h.trim() !== '').map((h) => `"${h.trim()}"`).join(', ') || 'nothing';
    const message = `the header row of ${fileName} cannot be used: ${issues.map((i) => i.message).join('; ')}. The first non-empty row has ${found}`;
    throw new DeclarationError('DECLARATION_INVALID', message, issues);
  }
  return { columns: { index: columns, units }, ignored };
}

// --- One row ------------------------------------------------------------------------------------------------------------

interface Part {
  name: string;
  massMg: number | null;
}

/** What one row declares, checked on its own; `issues` empty when the row can be applied. */
interface RowReading {
  row: number;
  productNumber: string | null;
  productName: string | null;
  productKind: ProductKind | null;
  productMassMg: number | null;
  declaredAt: string | null;
  component: Part | null;
  material: Part | null;
  substance: DeclaredSubstance | null;
  scipNumber: string | null;
  statement: DeclarationStatement | null;
  issues: DeclarationIssue[];
  warnings: DeclarationWarning[];
}

const columnPath = (row: number, column: BulkColumnName): string => `row ${row} column ${column}`;

/** A dash alone is how suppliers leave a cell empty on purpose; it is no value. */
const BLANK_MARKERS = new Set(['-', '–', '—']);

/** A number as typed in Sweden or elsewhere: decimal comma or point, spaces as thousands separators, an exponent (Excel numbers). */
function numberIn(text: string): number | null {
  const compact = text.replace(/[\s\u00a0\u202f]/gu, '').replace(/\u2212/gu, '-');
  if (!/^[+-]?(?:\d+(?:[.,]\d*)?|[.,]\d+)(?:e[+-]?\d+)?$/iu.test(compact)) return null;
  return Number(compact.replace(',', '.'));
}

// `declared-values` names sub-fields with a dot (`<path>.unit`); in the spreadsheet each is its own column.
function asColumns(issues: readonly DeclarationIssue[], base: string, bare: BulkColumnName, row: number): DeclarationIssue[] {
  return issues.map((i) => {
    if (i.path === base) return { ...i, path: columnPath(row, bare) };
    const suffix = i.path.startsWith(`${base}.`) ? i.path.slice(base.length + 1) : null;
    return suffix === null ? i : { ...i, path: `${base}_${suffix}` };
  });
}

const PRODUCT_KINDS: Readonly<Record<string, ProductKind>> = {
  ...Object.fromEntries(ProductKind.options.map((k) => [k, k])),
  artikel: 'article', vara: 'article', blandning: 'mixture', ämne: 'substance', 'artikel-med-blandning': 'article-with-mixture', 'vara-med-blandning': 'article-with-mixture',
};

const MASS_UNIT_IN_CELL = /^(.*?\d)\s*(µg|μg|ug|mcg|mg|g|kg)$/iu;

/** Reads one row against the column set. Pure: every problem becomes an issue at `row N column X`. */
function readRow(cells: readonly string[], row: number, columns: Columns): RowReading {
  const issues: DeclarationIssue[] = [];
  const warnings: DeclarationWarning[] = [];
  const cell = (name: BulkColumnName): string => {
    const index = columns.index.get(name);
    const text = index === undefined ? '' : (cells[index] ?? '').trim();
    return BLANK_MARKERS.has(text) ? '' : text;
  };
  const at = (name: BulkColumnName) => columnPath(row, name);
  // The unit cell, else the unit in the value column's header; both given and different is a contradiction.
  const unitOf: UnitOf = (valueColumn, unitColumn) => {
    const inCell = cell(unitColumn);
    const inHeader = columns.units.get(valueColumn) ?? '';
    if (inCell !== '' && inHeader !== '' && unitKey(inCell) !== unitKey(inHeader)) {
      issues.push({ path: at(unitColumn), message: `"${inCell}" contradicts the unit ${inHeader} in the header of ${valueColumn}` });
      return null;
    }
    return inCell !== '' ? inCell : inHeader;
  };

  const mass = (name: 'product_mass' | 'component_mass' | 'material_mass' | 'substance_mass'): number | null => {
    const raw = cell(name);
    if (raw === '') return null;
    const given = unitOf(name, `${name}_unit`);
    if (given === null) return null;
    const inline = MASS_UNIT_IN_CELL.exec(raw);
    const unit = inline?.[2] ?? given;
    if (inline !== null && given !== '' && unitKey(unit) !== unitKey(given)) {
      issues.push({ path: at(name), message: `"${raw}" contradicts the unit ${given} given for the column` });
      return null;
    }
    const value = numberIn(inline?.[1] ?? raw);
    if (value === null) {
      issues.push({ path: at(name), message: `"${raw}" is not a mass: expected a number, e.g. 12,5` });
      return null;
    }
    if (unit === '') {
      issues.push({ path: at(`${name}_unit`), message: 'a mass needs a unit: mg, g, kg or µg' });
      return null;
    }
    const found: DeclarationIssue[] = [];
    // NFC keeps the micro sign, but a Greek mu typed instead of it means the same.
    const mg = declaredMassMg(value, unit.replace(/μ/gu, 'µ'), at(name), found);
    issues.push(...asColumns(found, at(name), name, row));
    return mg;
  };

  const productNumber = cell('product_number');
  if (productNumber === '') issues.push({ path: at('product_number'), message: 'every row needs the product number (the supplier\'s article number)' });
  else if (productNumber.length > 100) issues.push({ path: at('product_number'), message: 'a product number has at most 100 characters' });
  const productName = cell('product_name').replace(/\s+/gu, ' ');
  if (productName.length > 300) issues.push({ path: at('product_name'), message: 'a product name has at most 300 characters' });

  const kindText = cell('product_kind');
  const productKind = kindText === '' ? null : (PRODUCT_KINDS[kindText.toLowerCase().replace(/[\s_]+/gu, '-')] ?? null);
  if (kindText !== '' && productKind === null) {
    issues.push({ path: at('product_kind'), message: `"${kindText}" is not a product kind; expected ${ProductKind.options.join(', ')}` });
  }

  const productMassMg = mass('product_mass');
  const declaredAt = dateIn(cell('declared_at'), at('declared_at'), issues);

  const componentName = cell('component');
  const materialName = cell('material');
  const component: Part | null = componentName === '' ? null : { name: componentName, massMg: mass('component_mass') };
  const material: Part | null = materialName === '' ? null : { name: materialName, massMg: mass('material_mass') };
  if (componentName === '' && cell('component_mass') !== '') issues.push({ path: at('component'), message: 'component_mass is given without a component' });
  if (materialName === '' && cell('material_mass') !== '') issues.push({ path: at('material'), message: 'material_mass is given without a material' });
  if (material !== null && component === null) {
    // Without a component, "% of the material" and "% of the product" cannot be told apart later.
    issues.push({ path: at('component'), message: `material "${materialName}" needs the component it is part of; for a product made of one material, give the product name as the component` });
  }

  const substance = readSubstance(cell, unitOf, row, mass, issues, warnings);

  const scipText = cell('scip_number');
  const scip = scipText === '' ? null : scipNumber(scipText, at('scip_number'), issues);

  const statementText = cell('statement');
  let statement: DeclarationStatement | null = null;
  if (statementText !== '') {
    const code = statementText.toLowerCase().replace(/[\s_]+/gu, '-');
    if (/^[a-z0-9]+(?:-[a-z0-9]+)*$/u.test(code)) statement = { code, text: statementText };
    else issues.push({ path: at('statement'), message: `"${statementText}" is not a statement code; expected lower-case words joined by dashes, e.g. no-intentionally-added-pfas` });
  }

  return {
    row, productNumber: productNumber === '' ? null : productNumber, productName: productName === '' ? null : productName, productKind,
    productMassMg, declaredAt, component, material, substance, scipNumber: scip, statement, issues, warnings,
  };
}

/** A YYYY-MM-DD date that exists; an xlsx date cell arrives as one (or as an ISO date-time when it has a time). */
function dateIn(raw: string, path: string, issues: DeclarationIssue[]): string | null {
  if (raw === '') return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/u.exec(raw);
  const date = match === null ? null : isoDate(Number(match[1]), Number(match[2]), Number(match[3]));
  if (date === null) issues.push({ path, message: `"${raw}" is not a date; expected YYYY-MM-DD, e.g. 2026-03-01` });
  return date;
}

/** The unit a concentration text states, by the words the SDS parser reads as units; null when it states none. */
function unitInText(text: string): '%' | 'ppm' | 'mg/kg' | null {
  const lower = text.toLowerCase();
  if (/ppm/u.test(lower)) return 'ppm';
  if (/mg\s*\/\s*kg/u.test(lower)) return 'mg/kg';
  return /%|procent|percent|prozent/u.test(lower) ? '%' : null;
}

/** A row's unit for a value column; null when the unit cell contradicts the header (the issue is recorded). */
type UnitOf = (valueColumn: BulkColumnName, unitColumn: BulkColumnName) => string | null;

const CONCENTRATION_UNIT_IN_CELL = /^(.*?\d)\s*(%|ppm|mg\s*\/\s*kg)$/iu;

const unitKey = (unit: string): string => concentrationUnit(unit) ?? unit.trim().toLowerCase().replace(/μ/gu, 'µ');

function readConcentration(cell: (name: BulkColumnName) => string, unitOf: UnitOf, row: number, issues: DeclarationIssue[]): ConcentrationValue | null {
  const at = (name: BulkColumnName) => columnPath(row, name);
  const text = cell('concentration');
  const numbers = (['concentration_value', 'concentration_min', 'concentration_max'] as const).filter((n) => cell(n) !== '');
  if (text === '' && numbers.length === 0) return null;
  const unit = unitOf(text !== '' ? 'concentration' : (numbers[0] ?? 'concentration_value'), 'concentration_unit');
  if (unit === null) return null;
  if (text !== '' && numbers.length > 0) {
    issues.push({ path: at('concentration'), message: `give the concentration either as text in concentration or as numbers in ${numbers.join(', ')}, not both` });
    return null;
  }
  if (text !== '') {
    if (unit === '') return declaredConcentrationText(text, at('concentration'), issues);
    const unitColumn = concentrationUnit(unit);
    if (unitColumn === null) {
      issues.push({ path: at('concentration_unit'), message: `unknown unit "${unit}"; expected %, ppm or mg/kg` });
      return null;
    }
    const stated = unitInText(text);
    if (stated !== null && stated !== unitColumn) {
      issues.push({ path: at('concentration'), message: `"${text}" contradicts the unit ${unit} given for the column` });
      return null;
    }
    return declaredConcentrationText(stated === null ? `${text} ${unitColumn}` : text, at('concentration'), issues);
  }
  const amount: { value?: number; min?: number; max?: number } = {};
  let rowUnit = unit;
  for (const name of numbers) {
    // A number cell may carry its unit ("0,05 %"); it must agree with the unit column, the header and the other cells.
    const inline = CONCENTRATION_UNIT_IN_CELL.exec(cell(name));
    const inlineUnit = inline?.[2]?.replace(/\s+/gu, '') ?? null;
    if (inlineUnit !== null && rowUnit !== '' && unitKey(inlineUnit) !== unitKey(rowUnit)) {
      issues.push({ path: at(name), message: `"${cell(name)}" contradicts the unit ${rowUnit}` });
      continue;
    }
    if (inlineUnit !== null) rowUnit = inlineUnit;
    const n = numberIn(inline?.[1] ?? cell(name));
    if (n === null) issues.push({ path: at(name), message: `"${cell(name)}" is not a number` });
    else amount[name === 'concentration_value' ? 'value' : name === 'concentration_min' ? 'min' : 'max'] = n;
  }
  if (Object.keys(amount).length < numbers.length) return null;
  if (rowUnit === '') {
    issues.push({ path: at('concentration_unit'), message: 'a concentration needs a unit: %, ppm or mg/kg' });
    return null;
  }
  const found: DeclarationIssue[] = [];
  const value = declaredConcentration({ ...amount, unit: rowUnit }, at('concentration'), found);
  issues.push(...asColumns(found, at('concentration'), numbers[0] ?? 'concentration_value', row));
  return value;
}

function readSubstance(
  cell: (name: BulkColumnName) => string,
  unitOf: UnitOf,
  row: number,
  mass: (name: 'substance_mass') => number | null,
  issues: DeclarationIssue[],
  warnings: DeclarationWarning[],
): DeclaredSubstance | null {
  const name = cell('substance_name');
  const cas = declaredIdentifier('cas', cell('cas'), columnPath(row, 'cas'), warnings);
  const ec = declaredIdentifier('ec', cell('ec'), columnPath(row, 'ec'), warnings);
  const concentration = readConcentration(cell, unitOf, row, issues);
  const massMg = mass('substance_mass');
  const amountColumns: readonly BulkColumnName[] = ['concentration', 'concentration_value', 'concentration_min', 'concentration_max', 'substance_mass'];
  const hasAmount = amountColumns.some((column) => cell(column) !== '');
  if (name === '' && cas === null && ec === null) {
    if (hasAmount) issues.push({ path: columnPath(row, 'substance_name'), message: 'a concentration or substance mass needs a substance: give substance_name, cas or ec' });
    return null;
  }
  return { path: `row ${row}`, name: name === '' ? null : name, cas, ec, concentration, massMg };
}

// --- Grouping rows into products ------------------------------------------------------------------------------------

const nameKey = (name: string): string => name.normalize('NFC').toLowerCase().replace(/\s+/gu, ' ').trim();

/** Which substance a row declares, to refuse the same substance twice in one part. */
function substanceKey(s: DeclaredSubstance): string {
  if (s.cas !== null) return `cas:${s.cas.value}`;
  if (s.ec !== null) return `ec:${s.ec.value}`;
  return `name:${nameKey(s.name ?? '')}`;
}

interface ComponentDraft {
  component: DeclaredComponent;
  massRow: number | null;
  materials: Map<string, { material: DeclaredMaterial; massRow: number | null }>;
}

interface ProductDraft {
  number: string;
  kind: ProductKind | null;
  content: DeclarationContent;
  accepted: number[];
  cells: string[][];
  rejected: number[];
  /** Rows that set a product-level value, to name them when a later row contradicts it. */
  setBy: Partial<Record<'productKind' | 'productMassMg' | 'declaredAt', number>>;
  components: Map<string, ComponentDraft>;
  /** part key + substance key → the row that declared it. */
  substances: Map<string, number>;
}

/** Whole-file check: the route identifies products by number, so one number with two names is not a typo it may guess at. */
function checkProductNames(readings: readonly RowReading[], fileName: string): void {
  const first = new Map<string, { name: string; row: number }>();
  const issues: DeclarationIssue[] = [];
  for (const r of readings) {
    if (r.productNumber === null || r.productName === null) continue;
    const seen = first.get(r.productNumber);
    if (seen === undefined) first.set(r.productNumber, { name: r.productName, row: r.row });
    else if (nameKey(seen.name) !== nameKey(r.productName)) {
      issues.push({ path: columnPath(r.row, 'product_name'), message: `product ${r.productNumber} is named "${seen.name}" in row ${seen.row} and "${r.productName}" here` });
    }
  }
  if (issues.length === 0) return;
  const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new DeclarationError('DECLARATION_INVALID', `${fileName} gives ${issues.length} product number(s) a second product name: ${shown}${issues.length > 3 ? '; …' : ''}`, issues);
}

/** What in `reading` contradicts what earlier accepted rows of the product declared; empty when it can be applied. */
function conflicts(draft: ProductDraft, r: RowReading): DeclarationIssue[] {
  const issues: DeclarationIssue[] = [];
  const c = draft.content;
  const differs = <T>(earlier: T | null, now: T | null): boolean => earlier !== null && now !== null && earlier !== now;
  if (differs(draft.kind, r.productKind)) {
    issues.push({ path: columnPath(r.row, 'product_kind'), message: `product ${draft.number} is "${draft.kind}" in row ${draft.setBy.productKind}; this row says "${r.productKind}"` });
  }
  if (differs(c.productMassMg, r.productMassMg)) {
    issues.push({ path: columnPath(r.row, 'product_mass'), message: `product ${draft.number} weighs ${c.productMassMg} mg in row ${draft.setBy.productMassMg}; this row says ${r.productMassMg} mg` });
  }
  if (differs(c.declaredAt, r.declaredAt)) {
    issues.push({ path: columnPath(r.row, 'declared_at'), message: `product ${draft.number} is declared on ${c.declaredAt} in row ${draft.setBy.declaredAt}; this row says ${r.declaredAt}` });
  }
  const component = r.component === null ? undefined : draft.components.get(nameKey(r.component.name));
  if (r.component !== null && component !== undefined && differs(component.component.massMg, r.component.massMg)) {
    issues.push({ path: columnPath(r.row, 'component_mass'), message: `component "${component.component.name}" weighs ${component.component.massMg} mg in row ${component.massRow}; this row says ${r.component.massMg} mg` });
  }
  const material = r.material === null ? undefined : component?.materials.get(nameKey(r.material.name));
  if (r.material !== null && material !== undefined && differs(material.material.massMg, r.material.massMg)) {
    issues.push({ path: columnPath(r.row, 'material_mass'), message: `material "${material.material.name}" weighs ${material.material.massMg} mg in row ${material.massRow}; this row says ${r.material.massMg} mg` });
  }
  if (r.substance !== null) {
    const earlier = draft.substances.get(`${partKey(r)}|${substanceKey(r.substance)}`);
    if (earlier !== undefined) {
      const column: BulkColumnName = r.substance.cas !== null ? 'cas' : r.substance.ec !== null ? 'ec' : 'substance_name';
      issues.push({ path: columnPath(r.row, column), message: `the substance is already declared for the same ${r.material !== null ? 'material' : r.component !== null ? 'component' : 'product'} in row ${earlier}` });
    }
  }
  return issues;
}

const partKey = (r: RowReading): string => `${r.component === null ? '' : nameKey(r.component.name)}|${r.material === null ? '' : nameKey(r.material.name)}`;

/** Applies an accepted row to its product. Only called when `conflicts` found nothing. */
function apply(draft: ProductDraft, r: RowReading): void {
  const c = draft.content;
  c.productName ??= r.productName;
  if (draft.kind === null && r.productKind !== null) {
    draft.kind = r.productKind;
    draft.setBy.productKind = r.row;
  }
  if (c.productMassMg === null && r.productMassMg !== null) {
    c.productMassMg = r.productMassMg;
    draft.setBy.productMassMg = r.row;
  }
  if (c.declaredAt === null && r.declaredAt !== null) {
    c.declaredAt = r.declaredAt;
    draft.setBy.declaredAt = r.row;
  }
  if (r.scipNumber !== null && !c.scipNumbers.includes(r.scipNumber)) c.scipNumbers.push(r.scipNumber);
  if (r.statement !== null && !c.statements.some((s) => s.code === r.statement?.code)) c.statements.push(r.statement);

  let substances = c.substances;
  if (r.component !== null) {
    const key = nameKey(r.component.name);
    let component = draft.components.get(key);
    if (component === undefined) {
      component = { component: { path: `row ${r.row}`, name: r.component.name, massMg: null, materials: [], substances: [] }, massRow: null, materials: new Map() };
      draft.components.set(key, component);
      c.components.push(component.component);
    }
    if (component.component.massMg === null && r.component.massMg !== null) {
      component.component.massMg = r.component.massMg;
      component.massRow = r.row;
    }
    substances = component.component.substances;
    if (r.material !== null) {
      const materialKey = nameKey(r.material.name);
      let material = component.materials.get(materialKey);
      if (material === undefined) {
        material = { material: { path: `row ${r.row}`, name: r.material.name, massMg: null, substances: [] }, massRow: null };
        component.materials.set(materialKey, material);
        component.component.materials.push(material.material);
      }
      if (material.material.massMg === null && r.material.massMg !== null) {
        material.material.massMg = r.material.massMg;
        material.massRow = r.row;
      }
      substances = material.material.substances;
    }
  }
  if (r.substance !== null) {
    substances.push(r.substance);
    draft.substances.set(`${partKey(r)}|${substanceKey(r.substance)}`, r.row);
  }
  c.warnings.push(...r.warnings);
}

/**
 * A substance declared by mass only gets its share of the part it sits in, once every row has been read (the part's
 * mass may come from another row). Answers the rows whose substance weighs more than its part; those substances are
 * taken out of the content.
 */
function deriveConcentrations(content: DeclarationContent): Array<[number, DeclarationIssue]> {
  const refused: Array<[number, DeclarationIssue]> = [];
  const derive = (substances: DeclaredSubstance[], partMassMg: number | null): DeclaredSubstance[] =>
    substances.filter((s) => {
      if (s.concentration !== null || s.massMg === null || partMassMg === null || partMassMg <= 0) return true;
      const row = Number(s.path.replace(/^row /u, ''));
      const issues: DeclarationIssue[] = [];
      s.concentration = concentrationFromMasses(s.massMg, partMassMg, columnPath(row, 'substance_mass'), issues);
      for (const issue of issues) refused.push([row, issue]);
      return issues.length === 0;
    });
  content.substances = derive(content.substances, content.productMassMg);
  for (const component of content.components) {
    component.substances = derive(component.substances, component.massMg);
    for (const material of component.materials) material.substances = derive(material.substances, material.massMg);
  }
  return refused;
}

// --- Entry point --------------------------------------------------------------------------------------------------------

/**
 * Parses a bulk declaration spreadsheet (CSV or XLSX, told apart by content, not by `fileName`, which only names
 * the file in messages). Throws DeclarationError when the file cannot be used as a whole; otherwise answers every
 * data row's fate and the products built from the accepted rows. Pure apart from unzipping in memory.
 */
export async function parseBulkDeclaration(bytes: Uint8Array, fileName: string): Promise<BulkParseResult> {
  const table = await readTable(bytes, fileName);
  if (table.header.every((h) => h.trim() === '')) {
    throw invalidFile('file', `${fileName} is empty; expected a header row and one row per product, component, material and substance`);
  }
  const { columns, ignored } = mapHeader(table.header, fileName);
  if (table.rows.length === 0) throw invalidFile('file', `${fileName} has a header row but no data rows`);
  if (table.rows.length > MAX_BULK_ROWS) {
    throw invalidFile('file', `${fileName} has ${table.rows.length} data rows; at most ${MAX_BULK_ROWS} are accepted in one file: split it`);
  }

  const readings = table.rows.map((r) => readRow(r.cells, r.row, columns));
  const cellsOf = new Map(table.rows.map((r) => [r.row, r.cells]));
  checkProductNames(readings, fileName);

  const format = table.format;
  const drafts = new Map<string, ProductDraft>();
  const reports: RowReport[] = [];
  for (const r of readings) {
    let draft: ProductDraft | undefined;
    if (r.productNumber !== null) {
      draft = drafts.get(r.productNumber);
      if (draft === undefined) {
        const content = { ...emptyContent(format), productNumber: r.productNumber };
        draft = { number: r.productNumber, kind: null, content, accepted: [], cells: [], rejected: [], setBy: {}, components: new Map(), substances: new Map() };
        drafts.set(r.productNumber, draft);
      }
    }
    const issues = r.issues.length > 0 || draft === undefined ? r.issues : conflicts(draft, r);
    if (issues.length === 0 && draft !== undefined) {
      apply(draft, r);
      draft.accepted.push(r.row);
    } else {
      draft?.rejected.push(r.row);
    }
    reports.push({ row: r.row, status: issues.length === 0 ? 'accepted' : 'rejected', productNumber: r.productNumber, issues, warnings: r.warnings });
  }
  const reportOf = new Map(reports.map((r) => [r.row, r]));
  for (const draft of drafts.values()) {
    for (const [row, issue] of deriveConcentrations(draft.content)) {
      // The row was read and grouped, but its mass is more than its part's: it cannot be applied after all.
      const report = reportOf.get(row)!;
      report.status = 'rejected';
      report.issues.push(issue);
      draft.accepted = draft.accepted.filter((r) => r !== row);
      draft.rejected.push(row);
    }
    draft.rejected.sort((a, b) => a - b);
    draft.cells = draft.accepted.map((row) => cellsOf.get(row) ?? []);
  }

  const products = [...drafts.values()]
    .filter((d) => d.accepted.length > 0)
    .map((d): BulkProduct => ({
      productNumber: d.number, productName: d.content.productName, productKind: d.kind,
      rows: d.accepted, rejectedRows: d.rejected, incomplete: d.rejected.length > 0, content: d.content, cells: d.cells,
    }));
  return { format, rows: reports, products, ignoredColumns: ignored, header: table.header };
}
