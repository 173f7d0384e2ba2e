// Reads an xlsx file into plain text grids, the one shape every spreadsheet importer works on. Cell values become the
// text a person sees: rich text is joined, a real date cell becomes its ISO date, a formula its result. Pure: bytes
// in, grids out (exceljs unzips in memory).
import ExcelJS from 'exceljs';
import { invalidFile } from './errors.js';

/** exceljs declares its own minimal Buffer type for load(). */
type XlsxInput = Parameters<ExcelJS.Xlsx['load']>[0];

export interface Sheet {
  name: string;
  /** rows[i] is sheet row i + 1; cells[j] is column j + 1. Empty cells are ''. Trailing empty rows are dropped. */
  rows: string[][];
}

export interface Workbook {
  sheets: Sheet[];
  /** The workbook's "last modified" property (docProps/core.xml), when it has one. */
  modified: Date | null;
}

/** xlsx (and every OOXML file) is a zip archive: local file header signature "PK\x03\x04". */
export function isZip(bytes: Uint8Array): boolean {
  return bytes.length >= 4 && bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

/** A date cell as the ISO date (UTC, which is how exceljs returns date-only serial numbers), or date-time when it has a time. */
function dateText(d: Date): string {
  if (Number.isNaN(d.getTime())) return '';
  const date = `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
  return d.getUTCHours() + d.getUTCMinutes() + d.getUTCSeconds() === 0 ? date : d.toISOString();
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return dateText(value);
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) {
    // A link cell shows its text; when the text is empty or is the address itself, the address is the value.
    const text = typeof value.text === 'string' ? value.text : cellText(value.text);
    return text.trim() === '' ? value.hyperlink : text;
  }
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || (typeof result === 'object' && !(result instanceof Date))) return '';
    return cellText(result);
  }
  // CellErrorValue (#N/A, #REF!): no value.
  return '';
}

/**
 * exceljs 4 refuses to load any workbook with a sheet named "History" (it reserves the name for Excel's change
 * tracking and throws 'The name "History" is protected'). ECHA's official CLP Annex VI Excel has exactly such a
 * sheet (README §5, file #9: sheets `ATP23` and `History`). The importer ignores that sheet anyway, so the workbook
 * model is intercepted while it is applied and the sheet is renamed before exceljs validates the name.
 */
export const RENAMED_HISTORY_SHEET = 'History (renamed on import)';

function tolerateHistorySheet(workbook: ExcelJS.Workbook): void {
  const prototype: object = ExcelJS.Workbook.prototype;
  Object.defineProperty(workbook, 'model', {
    configurable: true,
    get(): ExcelJS.WorkbookModel {
      return Reflect.get(prototype, 'model', workbook) as ExcelJS.WorkbookModel;
    },
    set(value: ExcelJS.WorkbookModel) {
      for (const sheet of value.worksheets as Array<{ name?: string }>) {
        if (sheet.name === 'History') sheet.name = RENAMED_HISTORY_SHEET;
      }
      Reflect.set(prototype, 'model', value, workbook);
    },
  });
}

/**
 * A percent-formatted number cell stores the fraction (0.0005) and shows the percentage ("0.05 %"): read it as shown,
 * with its unit, or a concentration typed as "0,05 %" in Excel would be read a hundred times too small.
 */
function shownText(cell: ExcelJS.Cell): string {
  const value = cell.value;
  if (typeof value === 'number' && (cell.numFmt ?? '').includes('%')) return `${Number((value * 100).toPrecision(12))} %`;
  return cellText(value);
}

function gridOf(worksheet: ExcelJS.Worksheet): string[][] {
  const rows: string[][] = [];
  const width = worksheet.columnCount;
  worksheet.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    const cells: string[] = [];
    for (let c = 1; c <= width; c++) cells.push(shownText(row.getCell(c)));
    while (cells.length > 0 && cells[cells.length - 1] === '') cells.pop();
    rows[rowNumber - 1] = cells;
  });
  // eachRow skips empty rows: fill the holes so that rows[i] is always sheet row i + 1.
  return Array.from(rows, (cells) => cells ?? []);
}

/** Parses xlsx bytes; a damaged or non-xlsx zip is a LIST_FILE_INVALID. */
export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  const workbook = new ExcelJS.Workbook();
  tolerateHistorySheet(workbook);
  try {
    // exceljs declares its own minimal Buffer type; a Node Buffer over the same memory satisfies it.
    await workbook.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as XlsxInput);
  } catch (err) {
    const reason = err instanceof Error ? err.message : String(err);
    throw invalidFile(`${fileName} could not be read as an Excel workbook (${reason})`, 'an .xlsx file as exported by ECHA or ChemSec', 'file');
  }
  const modified = workbook.modified instanceof Date && !Number.isNaN(workbook.modified.getTime()) ? workbook.modified : null;
  return { sheets: workbook.worksheets.map((ws) => ({ name: ws.name, rows: gridOf(ws) })), modified };
}
