// The follow-up downloads on their own: CSV quoting and formula guarding, whole numbers, and file names.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { COLUMNS, renderFollowUp } from '../../src/follow-up/follow-up.export.js';
import type { ProductFollowUp, SupplierFollowUp } from '../../src/follow-up/follow-up.schema.js';
import { totalsOf } from '../../src/follow-up/follow-up.service.js';

const ID = '665f1c2b9d3e4a0012345678';

function productRow(name: string, overrides: Partial<ProductFollowUp> = {}): ProductFollowUp {
  return {
    product: { id: ID, name, kind: 'mixture', category: null, supplierArticleNumbers: ['0012345', '7310000000017'] },
    contracts: [{ id: ID, number: 'RS-2026-0142', title: 'Städkemikalier' }],
    openFindings: { total: 1234567, bySeverity: { red: 1234567, orange: 0, yellow: 0, info: 0 }, byStatus: { open: 1234567, confirmed: 0, 'substitution-requested': 0 } },
    sds: { required: true, status: 'stale', latest: { id: ID, revisionNumber: 2, revisionDate: '2021-03-15', uploadedAt: '2026-05-04T10:00:00.000Z' }, ageMonths: 62 },
    declaration: { required: false, status: 'not-required', missing: false, overdue: false, latest: null, openRequest: null },
    exceptionsExpiring: [],
    changes: { findingsRaised: 0, findingsResolved: 0, severityChanged: 0, findingsReopened: 0, decisions: 0, sdsRevisions: 0, declarations: 0, findingEvents: [] },
    ...overrides,
  };
}

function supplierReport(supplierName: string, products: ProductFollowUp[]): SupplierFollowUp {
  return {
    generatedAt: '2026-05-04T10:00:00.000Z',
    today: '2026-05-04',
    rules: { sdsMaxAgeMonths: 36, exceptionWarningDays: 60 },
    changesSince: { at: null, basis: 'beginning', listVersion: null },
    supplier: { id: ID, name: supplierName, orgNumber: '556036-0793' },
    products,
    totals: totalsOf(products),
  };
}

const csvLines = (body: Buffer): string[] => body.toString('utf8').replace(/^\uFEFF/, '').split('\r\n');

describe('follow-up downloads', () => {
  it('when a name starts like a formula, then the CSV cell is prefixed so that a spreadsheet shows it as text', async () => {
    // Act
    const { body } = await renderFollowUp(supplierReport('Kemi AB', [productRow('=HYPERLINK("http://example.com")'), productRow('-20 Frysspray')]), 'csv');

    // Assert
    const [, first, second] = csvLines(body);
    expect(first).to.include('"\'=HYPERLINK(""http://example.com"")"');
    expect(second).to.include(",'-20 Frysspray,");
  });

  it('when text holds commas or quotes, then the CSV cell is quoted with its quotes doubled, and every row has every column', async () => {
    // Act
    const { body } = await renderFollowUp(supplierReport('Kemi, "Bäst" AB', [productRow('Plain')]), 'csv');

    // Assert
    const [header, row] = csvLines(body);
    expect(row!.startsWith('"Kemi, ""Bäst"" AB",556036-0793,RS-2026-0142,Plain,')).to.equal(true);
    expect(header!.split(',')).to.have.length(COLUMNS.length);
    expect(row).to.include(',0012345; 7310000000017,');
  });

  it('when counts are large, then they are written as whole numbers, never in exponent form', async () => {
    // Act
    const { body } = await renderFollowUp(supplierReport('Kemi AB', [productRow('Plain')]), 'csv');

    // Assert: the row has no quoted cells, so a plain split finds the columns
    const cells = csvLines(body)[1]!.split(',');
    expect(cells[COLUMNS.findIndex((c) => c.header === 'Open findings')]).to.equal('1234567');
    COLUMNS.forEach((column, i) => {
      if (column.kind === 'integer') expect(cells[i], column.header).to.match(/^\d*$/);
    });
  });

  it('when the subject has Swedish letters and signs, then the file name is ASCII with the day, and the type says what it is', async () => {
    // Act
    const csv = await renderFollowUp(supplierReport('Städ & Hygien AB', []), 'csv');
    const xlsx = await renderFollowUp(supplierReport('Ö/Ä', []), 'xlsx');

    // Assert
    expect(csv.fileName).to.equal('follow-up-Stad-Hygien-AB-2026-05-04.csv');
    expect(csv.contentType).to.equal('text/csv; charset=utf-8');
    expect(csv.body.toString('utf8')).to.equal(`\uFEFF${COLUMNS.map((c) => c.header).join(',')}\r\n`);
    expect(xlsx.fileName).to.equal('follow-up-O-A-2026-05-04.xlsx');
    expect(xlsx.contentType).to.equal('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
  });

  it('when a day is empty, then the XLSX cell is empty rather than a zero date', async () => {
    // Arrange
    const row = productRow('Utan SDS', { sds: { required: true, status: 'missing', latest: null, ageMonths: null } });

    // Act
    const { body } = await renderFollowUp(supplierReport('Kemi AB', [row]), 'xlsx');

    // Assert
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(body as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet('Products')!;
    const column = COLUMNS.findIndex((c) => c.header === 'SDS revision date') + 1;
    expect(sheet.getRow(2).getCell(column).value).to.equal(null);
    expect(sheet.getRow(2).getCell(COLUMNS.findIndex((c) => c.header === 'SDS status') + 1).value).to.equal('missing');
  });
});
