// A follow-up as a download: one row per product, the same columns in CSV and XLSX. Numbers are whole numbers written
// as such (never in exponent form), days are days (ISO YYYY-MM-DD in CSV, real date cells in XLSX), and every cell
// holds one value, so that a spreadsheet can sort and filter the report.
import ExcelJS from 'exceljs';
import type { ContractFollowUp, FollowUpTotals, ProductFollowUp, SupplierFollowUp } from './follow-up.schema.js';

export type DownloadFormat = 'csv' | 'xlsx';

export const MEDIA_TYPES: Record<DownloadFormat, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
const CONTENT_TYPES: Record<DownloadFormat, string> = { csv: `${MEDIA_TYPES.csv}; charset=utf-8`, xlsx: MEDIA_TYPES.xlsx };

export interface Download {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/** One product's row, with the supplier it belongs to (a contract's report groups products by supplier). */
interface ExportRow {
  supplier: { name: string; orgNumber: string };
  product: ProductFollowUp;
  /** The day the change columns count from; null when they count every change. */
  since: string | null;
}

type Value = string | number | null;
interface Column {
  header: string;
  kind: 'text' | 'integer' | 'date';
  width: number;
  value: (row: ExportRow) => Value;
}

const yesNo = (flag: boolean): string => (flag ? 'yes' : 'no');
const day = (iso: string | null | undefined): string | null => (iso ? iso.slice(0, 10) : null);

export const COLUMNS: readonly Column[] = [
  { header: 'Supplier', kind: 'text', width: 28, value: (r) => r.supplier.name },
  { header: 'Org. number', kind: 'text', width: 14, value: (r) => r.supplier.orgNumber },
  { header: 'Contracts', kind: 'text', width: 20, value: (r) => r.product.contracts.map((c) => c.number).join('; ') },
  { header: 'Product', kind: 'text', width: 32, value: (r) => r.product.product.name },
  { header: 'Product id', kind: 'text', width: 26, value: (r) => r.product.product.id },
  { header: 'Kind', kind: 'text', width: 12, value: (r) => r.product.product.kind },
  { header: 'Category', kind: 'text', width: 20, value: (r) => r.product.product.category },
  { header: 'Supplier article numbers', kind: 'text', width: 20, value: (r) => r.product.product.supplierArticleNumbers.join('; ') },
  { header: 'Open findings', kind: 'integer', width: 9, value: (r) => r.product.openFindings.total },
  { header: 'Red', kind: 'integer', width: 6, value: (r) => r.product.openFindings.bySeverity.red },
  { header: 'Orange', kind: 'integer', width: 7, value: (r) => r.product.openFindings.bySeverity.orange },
  { header: 'Yellow', kind: 'integer', width: 7, value: (r) => r.product.openFindings.bySeverity.yellow },
  { header: 'Info', kind: 'integer', width: 6, value: (r) => r.product.openFindings.bySeverity.info },
  { header: 'Status open', kind: 'integer', width: 8, value: (r) => r.product.openFindings.byStatus.open },
  { header: 'Status confirmed', kind: 'integer', width: 10, value: (r) => r.product.openFindings.byStatus.confirmed },
  { header: 'Status substitution requested', kind: 'integer', width: 12, value: (r) => r.product.openFindings.byStatus['substitution-requested'] },
  { header: 'SDS status', kind: 'text', width: 13, value: (r) => r.product.sds.status },
  { header: 'SDS revision', kind: 'integer', width: 8, value: (r) => r.product.sds.latest?.revisionNumber ?? null },
  { header: 'SDS revision date', kind: 'date', width: 12, value: (r) => r.product.sds.latest?.revisionDate ?? null },
  { header: 'SDS age (months)', kind: 'integer', width: 9, value: (r) => r.product.sds.ageMonths },
  { header: 'Declaration required', kind: 'text', width: 10, value: (r) => yesNo(r.product.declaration.required) },
  { header: 'Declaration status', kind: 'text', width: 13, value: (r) => r.product.declaration.status },
  { header: 'Last declaration', kind: 'date', width: 12, value: (r) => day(r.product.declaration.latest?.submittedAt) },
  { header: 'Declaration due', kind: 'date', width: 12, value: (r) => r.product.declaration.openRequest?.dueDate ?? null },
  { header: 'Exceptions expiring', kind: 'integer', width: 10, value: (r) => r.product.exceptionsExpiring.length },
  { header: 'Next exception end', kind: 'date', width: 12, value: (r) => r.product.exceptionsExpiring[0]?.until ?? null },
  { header: 'Changes since', kind: 'date', width: 12, value: (r) => r.since },
  { header: 'Findings raised', kind: 'integer', width: 9, value: (r) => r.product.changes.findingsRaised },
  { header: 'Findings resolved', kind: 'integer', width: 9, value: (r) => r.product.changes.findingsResolved },
  { header: 'Severity changed', kind: 'integer', width: 9, value: (r) => r.product.changes.severityChanged },
  { header: 'Findings reopened', kind: 'integer', width: 9, value: (r) => r.product.changes.findingsReopened },
  { header: 'Decisions', kind: 'integer', width: 9, value: (r) => r.product.changes.decisions },
  { header: 'New SDS revisions', kind: 'integer', width: 9, value: (r) => r.product.changes.sdsRevisions },
  { header: 'New declarations', kind: 'integer', width: 9, value: (r) => r.product.changes.declarations },
];

type Report = ContractFollowUp | SupplierFollowUp;

function rowsOf(report: Report): ExportRow[] {
  const since = day(report.changesSince.at);
  if ('contract' in report) {
    return report.suppliers.flatMap((section) => section.products.map((product) => ({ supplier: section.supplier, product, since })));
  }
  return report.products.map((product) => ({ supplier: report.supplier, product, since }));
}

/** The report as a file to download. */
export async function renderFollowUp(report: Report, format: DownloadFormat): Promise<Download> {
  const rows = rowsOf(report);
  const body = format === 'csv' ? Buffer.from(toCsv(rows), 'utf8') : await toXlsx(report, rows);
  return { fileName: fileNameOf(report, format), contentType: CONTENT_TYPES[format], body };
}

// ---------------------------------------------------------------------------------------------------------
// CSV (RFC 4180)

/** Excel reads a CSV as UTF-8 only when it starts with a byte order mark; without it, å, ä and ö come out garbled. */
const BOM = '\uFEFF';

// OWASP "CSV Injection": a cell starting with one of these is run as a formula by spreadsheet programs. Product and
// supplier names are the supplier's own text, so such a cell is prefixed with an apostrophe, which shows it as text.
const FORMULA_START = /^[=+\-@\t\r]/;

function csvCell(value: Value, kind: Column['kind']): string {
  if (value === null) return '';
  // Every number here is a count: toFixed(0) never switches to exponent form as String() does for large values.
  if (typeof value === 'number') return value.toFixed(0);
  const text = kind === 'text' && FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(rows: readonly ExportRow[]): string {
  const lines = [COLUMNS.map((c) => csvCell(c.header, 'text')).join(',')];
  for (const row of rows) lines.push(COLUMNS.map((c) => csvCell(c.value(row), c.kind)).join(','));
  return `${BOM}${lines.join('\r\n')}\r\n`;
}

// ---------------------------------------------------------------------------------------------------------
// XLSX

const DATE_FORMAT = 'yyyy-mm-dd';
const INTEGER_FORMAT = '0';

/** A YYYY-MM-DD day as the Date exceljs writes as that day's serial number (it counts in UTC). */
const dateCell = (iso: string): Date => new Date(`${iso}T00:00:00.000Z`);

const TOTAL_COLUMNS: ReadonlyArray<{ header: string; value: (t: FollowUpTotals) => number }> = [
  { header: 'Products', value: (t) => t.products },
  { header: 'Open findings', value: (t) => t.openFindings.total },
  { header: 'Red', value: (t) => t.openFindings.bySeverity.red },
  { header: 'Orange', value: (t) => t.openFindings.bySeverity.orange },
  { header: 'Yellow', value: (t) => t.openFindings.bySeverity.yellow },
  { header: 'Info', value: (t) => t.openFindings.bySeverity.info },
  { header: 'SDS stale', value: (t) => t.sdsStale },
  { header: 'SDS date unknown', value: (t) => t.sdsDateUnknown },
  { header: 'SDS missing', value: (t) => t.sdsMissing },
  { header: 'Declarations missing', value: (t) => t.declarationsMissing },
  { header: 'Declarations overdue', value: (t) => t.declarationsOverdue },
  { header: 'Exceptions expiring', value: (t) => t.exceptionsExpiring },
  { header: 'Findings raised', value: (t) => t.changes.findingsRaised },
  { header: 'Findings resolved', value: (t) => t.changes.findingsResolved },
  { header: 'Severity changed', value: (t) => t.changes.severityChanged },
  { header: 'Findings reopened', value: (t) => t.changes.findingsReopened },
  { header: 'Decisions', value: (t) => t.changes.decisions },
  { header: 'New SDS revisions', value: (t) => t.changes.sdsRevisions },
  { header: 'New declarations', value: (t) => t.changes.declarations },
];

async function toXlsx(report: Report, rows: readonly ExportRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chemreg';
  wb.created = new Date(report.generatedAt);
  addProductSheet(wb, rows);
  addSummarySheet(wb, report);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addProductSheet(wb: ExcelJS.Workbook, rows: readonly ExportRow[]): void {
  const ws = wb.addWorksheet('Products', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = COLUMNS.map((c, i) => ({
    key: String(i), header: c.header, width: c.width,
    ...(c.kind === 'date' ? { style: { numFmt: DATE_FORMAT } } : c.kind === 'integer' ? { style: { numFmt: INTEGER_FORMAT } } : {}),
  }));
  ws.getRow(1).font = { bold: true };
  for (const row of rows) {
    ws.addRow(COLUMNS.map((c) => {
      const value = c.value(row);
      return c.kind === 'date' && typeof value === 'string' ? dateCell(value) : value;
    }));
  }
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: COLUMNS.length } };
}

function addSummarySheet(wb: ExcelJS.Workbook, report: Report): void {
  const ws = wb.addWorksheet('Summary');
  ws.getColumn(1).width = 24;
  const fact = (label: string, value: string | Date | null, numFmt?: string): void => {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    if (numFmt) row.getCell(2).numFmt = numFmt;
  };
  const title = ws.addRow(['contract' in report ? 'Contract follow-up' : 'Supplier follow-up']);
  title.font = { bold: true, size: 14 };
  if ('contract' in report) {
    fact('Contract', `${report.contract.number} – ${report.contract.title}`);
    fact('Buyer', report.contract.buyer);
    fact('Valid from', dateCell(report.contract.validFrom), DATE_FORMAT);
    fact('Valid to', dateCell(report.contract.validTo), DATE_FORMAT);
  } else {
    fact('Supplier', `${report.supplier.name} (${report.supplier.orgNumber})`);
  }
  fact('Generated', new Date(report.generatedAt), 'yyyy-mm-dd hh:mm');
  const since = report.changesSince;
  fact('Changes since', since.at === null ? 'the beginning' : new Date(since.at), 'yyyy-mm-dd hh:mm');
  if (since.listVersion) fact('List update', `${since.listVersion.listId} version ${since.listVersion.version}`);
  ws.addRow([]);

  const header = ws.addRow(['Totals', ...TOTAL_COLUMNS.map((c) => c.header)]);
  header.font = { bold: true };
  const totalsRow = (label: string, totals: FollowUpTotals): void => {
    const row = ws.addRow([label, ...TOTAL_COLUMNS.map((c) => c.value(totals))]);
    for (let i = 2; i <= TOTAL_COLUMNS.length + 1; i++) row.getCell(i).numFmt = INTEGER_FORMAT;
  };
  if ('contract' in report) {
    for (const section of report.suppliers) totalsRow(section.supplier.name, section.totals);
    totalsRow('Whole contract', report.totals);
  } else {
    totalsRow(report.supplier.name, report.totals);
  }
}

// ---------------------------------------------------------------------------------------------------------
// File name

/** ASCII only (å → a), so that every browser and mail client keeps it: `follow-up-RS-2026-0142-2026-05-04.csv`. */
function fileNameOf(report: Report, format: DownloadFormat): string {
  const subject = 'contract' in report ? report.contract.number : report.supplier.name;
  const slug = subject
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 80);
  return `follow-up-${slug || 'report'}-${report.today}.${format}`;
}
