// Bulk declaration spreadsheets (issue 6) built in memory from a small row spec, in the dialects suppliers send:
// comma CSV with decimal points, semicolon CSV with decimal commas as Swedish Excel writes it, Swedish headers, and
// XLSX (exceljs) with real number and date cells. Plus the broken files the parser must refuse as a whole. Tests
// never read files from outside the repository: everything here is generated.
//
// Substance names, CAS RNs and EC numbers are real (public regulatory facts); where a fixture breaks a check digit on
// purpose, the comment says so.
import ExcelJS from 'exceljs';
import type { BulkColumnName } from '../../../src/declarations/formats/bulk.js';

export type BulkCell = string | number | Date | null;
/** One spreadsheet row by canonical column name; columns a row leaves out are empty cells. */
export type BulkRowSpec = Partial<Record<BulkColumnName, BulkCell>>;

export interface BulkFile {
  fileName: string;
  bytes: Uint8Array;
}

export type HeaderStyle = 'canonical' | 'swedish' | 'titled';

export interface BulkFileOptions {
  /** Columns in file order; default: every column some row fills, in the order of COLUMN_ORDER. */
  columns?: readonly BulkColumnName[];
  headers?: HeaderStyle;
  fileName?: string;
}

export interface CsvOptions extends BulkFileOptions {
  /** comma: comma-separated with decimal points; semicolon-sv: Swedish Excel, semicolons and decimal commas; tab. */
  dialect?: 'comma' | 'semicolon-sv' | 'tab';
}

export interface XlsxOptions extends BulkFileOptions {
  /** Blank rows above the header (templates often leave some). */
  blankRowsAbove?: number;
}

/** The order columns are written in when a test does not choose one. */
const COLUMN_ORDER: readonly BulkColumnName[] = [
  'product_number', 'product_name', 'product_kind', 'product_mass', 'product_mass_unit', 'declared_at',
  'component', 'component_mass', 'component_mass_unit', 'material', 'material_mass', 'material_mass_unit',
  'substance_name', 'cas', 'ec', 'concentration', 'concentration_value', 'concentration_min', 'concentration_max',
  'concentration_unit', 'substance_mass', 'substance_mass_unit', 'scip_number', 'statement',
];

// Written by hand, not taken from the parser's alias list, so that the tests check the parser accepts what a Swedish
// template says.
const SWEDISH_HEADERS: Readonly<Record<BulkColumnName, string>> = {
  product_number: 'Artikelnummer', product_name: 'Produktnamn', product_kind: 'Produkttyp',
  product_mass: 'Produktvikt', product_mass_unit: 'Produktvikt enhet', declared_at: 'Deklarationsdatum',
  component: 'Komponent', component_mass: 'Komponentvikt', component_mass_unit: 'Komponentvikt enhet',
  material: 'Material', material_mass: 'Materialvikt', material_mass_unit: 'Materialvikt enhet',
  substance_name: 'Ämne', cas: 'CAS-nummer', ec: 'EG-nummer', concentration: 'Halt', concentration_value: 'Haltvärde',
  concentration_min: 'Lägsta halt', concentration_max: 'Högsta halt', concentration_unit: 'Enhet',
  substance_mass: 'Ämnesvikt', substance_mass_unit: 'Ämnesvikt enhet', scip_number: 'SCIP-nummer', statement: 'Försäkran',
};

/** "Product mass unit": how a hand-made English sheet titles the columns. */
const titled = (name: string): string => name.split('_').map((w) => `${w.charAt(0).toUpperCase()}${w.slice(1)}`).join(' ');

function headerText(name: BulkColumnName, style: HeaderStyle): string {
  if (style === 'swedish') return SWEDISH_HEADERS[name];
  return style === 'titled' ? titled(name) : name;
}

function columnsOf(rows: readonly BulkRowSpec[], options: BulkFileOptions): readonly BulkColumnName[] {
  if (options.columns !== undefined) return options.columns;
  return COLUMN_ORDER.filter((c) => rows.some((r) => r[c] !== undefined && r[c] !== null));
}

/** Columns holding numbers, where a Swedish CSV writes a decimal comma. */
const NUMERIC = /^(?:concentration|concentration_value|concentration_min|concentration_max|\w+_mass)$/u;

function csvCell(value: BulkCell | undefined, column: BulkColumnName, dialect: NonNullable<CsvOptions['dialect']>): string {
  if (value === undefined || value === null) return '';
  const text = value instanceof Date ? value.toISOString().slice(0, 10) : String(value);
  return dialect === 'semicolon-sv' && NUMERIC.test(column) ? text.replace(/(\d)\.(\d)/gu, '$1,$2') : text;
}

/** RFC 4180: a field with the delimiter, a quote or a line break is quoted, quotes doubled. */
function quote(field: string, delimiter: string): string {
  return field.includes(delimiter) || /["\r\n]/u.test(field) ? `"${field.replace(/"/gu, '""')}"` : field;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

/** A CSV file of `rows` under a header row; CRLF line ends, as Excel writes them. */
export function bulkCsv(rows: readonly BulkRowSpec[], options: CsvOptions = {}): BulkFile {
  const dialect = options.dialect ?? 'comma';
  const delimiter = dialect === 'comma' ? ',' : dialect === 'tab' ? '\t' : ';';
  const columns = columnsOf(rows, options);
  const lines = [
    columns.map((c) => quote(headerText(c, options.headers ?? 'canonical'), delimiter)),
    ...rows.map((r) => columns.map((c) => quote(csvCell(r[c], c, dialect), delimiter))),
  ].map((fields) => fields.join(delimiter));
  return { fileName: options.fileName ?? 'declarations.csv', bytes: encode(`${lines.join('\r\n')}\r\n`) };
}

/**
 * The same CSV as Swedish Excel's plain "CSV (semikolonavgränsad)" saves it: Windows-1252, not UTF-8. Every character
 * the fixtures use (å, ä, ö, é, µ) has the same code in Windows-1252 as in Latin-1.
 */
export function asWindows1252(file: BulkFile): BulkFile {
  const text = new TextDecoder().decode(file.bytes);
  if ([...text].some((c) => c.charCodeAt(0) > 0xff || (c.charCodeAt(0) >= 0x80 && c.charCodeAt(0) < 0xa0))) {
    throw new Error('asWindows1252: the text has a character outside Latin-1');
  }
  return { fileName: file.fileName, bytes: Uint8Array.from(text, (c) => c.charCodeAt(0)) };
}

/** An xlsx workbook whose first worksheet holds the rows; numbers and dates are real number and date cells. */
export async function bulkXlsx(rows: readonly BulkRowSpec[], options: XlsxOptions = {}): Promise<BulkFile> {
  const columns = columnsOf(rows, options);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chemreg test fixtures';
  const ws = wb.addWorksheet('Deklaration');
  for (let i = 0; i < (options.blankRowsAbove ?? 0); i++) ws.addRow([]);
  ws.addRow(columns.map((c) => headerText(c, options.headers ?? 'canonical')));
  for (const r of rows) ws.addRow(columns.map((c) => r[c] ?? null));
  // A second sheet the parser must not read: only the first worksheet holds declarations.
  wb.addWorksheet('Instruktioner').addRow(['product_number', 'product_name']);
  const buffer = await wb.xlsx.writeBuffer();
  return { fileName: options.fileName ?? 'declarations.xlsx', bytes: new Uint8Array(buffer) };
}

// --- The sample declaration -------------------------------------------------------------------------------------------

export const SCIP_UUID = '3fa85f64-5717-4562-b3fc-2c963f66afa6';

/**
 * Three products in eight rows. As CSV (header on line 1) and as XLSX (header on row 1), SAMPLE_ROWS[i] is row i + 2.
 * - P-100, an infusion set: two components, each with one homogeneous material, substances in % of the material;
 *   masses in g; one row only declares the SCIP number.
 * - P-200, an office chair: a substance declared on the component as a range, and a statement row.
 * - P-300, a hand disinfectant (mixture): substances on the product, one in mg/kg.
 */
export const SAMPLE_ROWS: readonly BulkRowSpec[] = [
  {
    product_number: 'P-100', product_name: 'Infusionsset', product_kind: 'article', product_mass: 25, product_mass_unit: 'g',
    declared_at: new Date(Date.UTC(2026, 2, 1)), component: 'Slang', component_mass: 12, component_mass_unit: 'g',
    material: 'PVC', material_mass: 12, material_mass_unit: 'g',
    substance_name: 'Bis(2-ethylhexyl) phthalate', cas: '117-81-7', ec: '204-211-0', concentration: '30.5 %',
  },
  { product_number: 'P-100', component: 'Slang', material: 'PVC', substance_name: 'Epoxidised soybean oil', cas: '8013-07-8', concentration_value: 2.5, concentration_unit: '%' },
  {
    product_number: 'P-100', component: 'Koppling', component_mass: 3, component_mass_unit: 'g', material: 'ABS', material_mass: 2.5, material_mass_unit: 'g',
    substance_name: 'Lead', cas: '7439-92-1', concentration: '500 ppm',
  },
  { product_number: 'P-100', scip_number: SCIP_UUID },
  {
    product_number: 'P-200', product_name: 'Kontorsstol', product_kind: 'article', component: 'Sits',
    substance_name: 'Bis(pentabromophenyl) ether', cas: '1163-19-5', concentration_min: 0.01, concentration_max: 0.1, concentration_unit: '%',
  },
  { product_number: 'P-200', statement: 'no-intentionally-added-pfas' },
  { product_number: 'P-300', product_name: 'Handdesinfektion', product_kind: 'mixture', substance_name: 'Ethanol', cas: '64-17-5', ec: '200-578-6', concentration: '70-80 %' },
  { product_number: 'P-300', substance_name: 'Glycerol', cas: '56-81-5', concentration_value: 1000, concentration_unit: 'mg/kg' },
];

/** The sample with `extra` rows appended; extra[i] is row SAMPLE_ROWS.length + 2 + i. */
export const sampleWith = (extra: readonly BulkRowSpec[]): BulkRowSpec[] => [...SAMPLE_ROWS, ...extra];
export const rowOfExtra = (i: number): number => SAMPLE_ROWS.length + 2 + i;

// --- Broken files -----------------------------------------------------------------------------------------------------

/** The sample without its product_number column. */
export function missingColumnCsv(): BulkFile {
  const columns = columnsOf(SAMPLE_ROWS, {}).filter((c) => c !== 'product_number');
  return bulkCsv(SAMPLE_ROWS, { columns, fileName: 'no-product-number.csv' });
}

/** The start of a PDF: bytes that are not UTF-8 (the binary comment line PDF writers add). */
export function notASpreadsheet(): BulkFile {
  const bytes = new Uint8Array([...encode('%PDF-1.7\n%'), 0xe2, 0xe3, 0xcf, 0xd3, ...encode('\n1 0 obj\n<< /Type /Catalog >>\nendobj\n')]);
  return { fileName: 'declaration.pdf', bytes };
}

/** An old binary Excel workbook (.xls): the OLE2 compound-file signature and some padding. */
export function oldExcelFile(): BulkFile {
  return { fileName: 'declarations.xls', bytes: new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array<number>(504).fill(0)]) };
}

/** An xlsx file cut short (an interrupted upload): a zip signature, but no readable workbook. */
export async function damagedXlsx(): Promise<BulkFile> {
  const whole = await bulkXlsx(SAMPLE_ROWS);
  return { fileName: 'damaged.xlsx', bytes: whole.bytes.slice(0, 200) };
}

/** P-100 is named "Infusionsset" on row 2 and "Infusion set, 150 cm" on row 10. */
export function conflictingNamesCsv(): BulkFile {
  return bulkCsv(sampleWith([{ product_number: 'P-100', product_name: 'Infusion set, 150 cm', component: 'Slang' }]), { fileName: 'conflicting-names.csv' });
}

export const emptyFile = (): BulkFile => ({ fileName: 'empty.csv', bytes: new Uint8Array(0) });

/** A header row and nothing else. */
export const headerOnlyCsv = (): BulkFile => bulkCsv([], { columns: ['product_number', 'product_name', 'cas', 'concentration'], fileName: 'header-only.csv' });

/** `count` minimal rows, one product each. */
export function manyRowsCsv(count: number): BulkFile {
  const lines = ['product_number,substance_name'];
  for (let i = 0; i < count; i++) lines.push(`A-${i},Ethanol`);
  return { fileName: 'many-rows.csv', bytes: encode(`${lines.join('\n')}\n`) };
}
