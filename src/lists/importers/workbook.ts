// Reads an xlsx file into plain text grids, the one shape every spreadsheet importer works on. Cell values become the
// text a person sees: rich text is joined, a real date cell becomes its ISO date, a formula its result. Pure: bytes
// in, grids out (exceljs unzips in memory).
import { createInflateRaw } from 'node:zlib';
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

// exceljs (through JSZip) inflates every entry of the archive whole, into a buffer and then a string, on the thread
// that serves requests, before it checks anything. A zip bomb of a 1 MB .xlsx whose sheet inflates to gigabytes, or an
// archive of thousands of tiny entries (about 2.5 ms each), then cost the server its memory or a minute of its main
// thread (test/security/hostile-uploads.test.ts). Real exports are far inside these limits: ECHA's and ChemSec's have
// 9–24 entries, at most 11 MiB inflated, at most 21× compression; 50,000 bulk declaration rows are ~15–30 MiB at 12×.
export const ZIP_LIMITS = { entries: 500, inflatedBytes: 128 * 1024 * 1024, ratio: 100, ratioFloorBytes: 1024 * 1024 } as const;

/** How many bytes raw-deflate `data` inflates to, counted without keeping them; undefined once over `limit`. */
function inflatedSize(data: Uint8Array, limit: number): Promise<number | undefined> {
  return new Promise((resolve) => {
    const inflate = createInflateRaw({ chunkSize: 256 * 1024 });
    let size = 0;
    inflate.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        inflate.destroy();
        resolve(undefined);
      }
    });
    inflate.on('end', () => resolve(size));
    // A damaged entry is exceljs's to report; what it inflated to so far still counts.
    inflate.on('error', () => resolve(size));
    inflate.end(data);
  });
}

/**
 * Checks the archive against ZIP_LIMITS from its central directory (APPNOTE.TXT §4.3.12–16), inflating each deflated
 * entry with a counter rather than trusting its declared size. Refuses with LIST_FILE_INVALID.
 */
async function assertWithinZipLimits(bytes: Uint8Array, fileName: string): Promise<void> {
  const view = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const refuse = (why: string) => invalidFile(`${fileName} is a zip archive beyond what a spreadsheet holds (${why})`, 'an .xlsx file as exported by ECHA or ChemSec', 'file');
  // The end record is the last 22 bytes, or earlier by an archive comment of up to 65,535 bytes.
  let end = -1;
  for (let at = view.length - 22; at >= Math.max(0, view.length - 22 - 0xffff); at--) {
    if (view.readUInt32LE(at) === 0x06054b50) {
      end = at;
      break;
    }
  }
  if (end === -1) return; // not a readable archive: exceljs says so
  const entries = view.readUInt16LE(end + 10);
  if (entries > ZIP_LIMITS.entries) throw refuse(`${entries} entries, at most ${ZIP_LIMITS.entries}`);
  let total = 0;
  let at = view.readUInt32LE(end + 16);
  for (let i = 0; i < entries; i++) {
    if (at + 46 > view.length || view.readUInt32LE(at) !== 0x02014b50) return; // damaged directory: exceljs says so
    const method = view.readUInt16LE(at + 10);
    const compressed = view.readUInt32LE(at + 20);
    const declared = view.readUInt32LE(at + 24);
    const local = view.readUInt32LE(at + 42);
    at += 46 + view.readUInt16LE(at + 28) + view.readUInt16LE(at + 30) + view.readUInt16LE(at + 32);
    let size = declared;
    if (method === 8 && local + 30 <= view.length && view.readUInt32LE(local) === 0x04034b50) {
      const start = local + 30 + view.readUInt16LE(local + 26) + view.readUInt16LE(local + 28);
      const data = view.subarray(start, Math.min(view.length, start + compressed));
      const limit = Math.min(ZIP_LIMITS.inflatedBytes - total, Math.max(ZIP_LIMITS.ratioFloorBytes, ZIP_LIMITS.ratio * compressed));
      const inflated = await inflatedSize(data, limit);
      if (inflated === undefined) {
        throw refuse(limit < ZIP_LIMITS.inflatedBytes - total
          ? `an entry inflates more than ${ZIP_LIMITS.ratio} times its size`
          : `it inflates to more than ${ZIP_LIMITS.inflatedBytes / 1024 / 1024} MiB`);
      }
      size = Math.max(size, inflated);
    }
    total += size;
    if (total > ZIP_LIMITS.inflatedBytes) throw refuse(`it inflates to more than ${ZIP_LIMITS.inflatedBytes / 1024 / 1024} MiB`);
  }
}

/** Parses xlsx bytes; a damaged or non-xlsx zip, or one beyond ZIP_LIMITS, is a LIST_FILE_INVALID. */
export async function readWorkbook(bytes: Uint8Array, fileName: string): Promise<Workbook> {
  await assertWithinZipLimits(bytes, fileName);
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
