// Contract follow-up end to end through the API, over a seeded registry: two contracts, three suppliers, mixtures with
// fresh, stale, undated and missing SDSs, articles declared, undeclared and overdue, an exception about to end, a
// list applied only through the other contract, and a new list version that the "changes since" window starts at.
import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { Types } from 'mongoose';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { chemregListForm } from '../support/list-files/index.js';
import { buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';
import { declarationForm, sdsForm } from '../support/forms.js';

const show = (res: Response): string => `${res.status} ${typeof res.body === 'string' ? res.body : JSON.stringify(res.body)}`;

// The generated Swedish SDS declares these (test/support/sds-pdf): 2-(2-butoxietoxi)etanol 5–10 %, natriumhydroxid 1–5 %.
const BUTOXY = '112-34-5';
const NAOH = '1310-73-2';
const DEHP = '117-81-7';
const ZINC_OXIDE = '1314-13-2';

const DAY_MS = 86_400_000;
const isoDay = (d: Date): string => d.toISOString().slice(0, 10);
const today = (): string => isoDay(new Date());
const inDays = (days: number): string => isoDay(new Date(Date.now() + days * DAY_MS));

const entry = (cas: string, name: string): ListEntry => ({ ...blankEntry(cas, name), cas: [cas], reasons: ['follow-up test'] });

/** RFC 4180: quoted fields may hold commas, doubled quotes and line breaks. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') { row.push(field); field = ''; }
    else if (c === '\r' && text[i + 1] === '\n') { row.push(field); rows.push(row); row = []; field = ''; i++; }
    else field += c;
  }
  if (field !== '' || row.length > 0) { row.push(field); rows.push(row); }
  return rows;
}

/** The file name of an attachment (RFC 6266: quoted only when it must be). */
function attachmentName(res: { headers: Headers }): string | undefined {
  return /^attachment; filename="?([^";]+)"?$/.exec(res.headers.get('content-disposition') ?? '')?.[1];
}

/** Whole months from `from` to `to` (YYYY-MM-DD), counted by hand for the expectation. */
function monthsBetween(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number) as [number, number, number];
  const [ty, tm, td] = to.split('-').map(Number) as [number, number, number];
  return (ty - fy) * 12 + (tm - fm) - (td < fd ? 1 : 0);
}

interface FindingItem {
  id: string;
  status: string;
  severity: string;
  substance: { cas: string | null };
}

interface Row {
  product: { id: string; name: string };
  contracts: Array<{ id: string; number: string }>;
  openFindings: { total: number; bySeverity: Record<string, number>; byStatus: Record<string, number> };
  sds: { required: boolean; status: string; latest: { id: string; revisionDate: string | null } | null; ageMonths: number | null };
  declaration: { required: boolean; status: string; missing: boolean; overdue: boolean; latest: unknown; openRequest: { id: string; dueDate: string; overdue: boolean } | null };
  exceptionsExpiring: Array<{ findingId: string; until: string; daysLeft: number; substance: string }>;
  changes: Record<string, number> & { findingEvents: Array<{ findingId: string; action: string }> };
}

describe('follow-up API', function () {
  this.timeout(120_000);

  let t: TestApp;
  let admin: Client;
  let procurement: Client;
  let expert: Client;
  let asCleaning: Client;
  const ids = {} as Record<
    | 'cleaning' | 'gloves' | 'other' | 'contract' | 'otherContract' | 'floor' | 'allround' | 'sanitary' | 'window' | 'nitrile' | 'vinyl' | 'apron' | 'dish'
    | 'floorSds' | 'allroundSds' | 'sanitarySds' | 'vinylRequest' | 'floorFinding',
    string
  >;
  const staleDate = '2021-03-15';
  const freshDate = inDays(-200);

  const created = async (client: Client, path: string, body: unknown): Promise<any> => {
    const res = await client.post(path, body);
    expect(res.status, show(res)).to.equal(201);
    return res.body;
  };
  const findingsOf = async (productId: string): Promise<FindingItem[]> => {
    const res = await admin.get(`/api/v1/findings?productId=${productId}&limit=200`);
    expect(res.status, show(res)).to.equal(200);
    return res.body.items as FindingItem[];
  };
  const followUp = async (client: Client, path: string): Promise<any> => {
    const res = await client.get(path);
    expect(res.status, show(res)).to.equal(200);
    return res.body;
  };
  const rowsOf = (report: any): Row[] => ('suppliers' in report ? (report.suppliers as Array<{ products: Row[] }>).flatMap((s) => s.products) : (report.products as Row[]));
  const supplierNames = (report: any): string[] => (report.suppliers as Array<{ supplier: { name: string } }>).map((s) => s.supplier.name);
  const rowNamed = (report: any, name: string): Row => {
    const row = rowsOf(report).find((r) => r.product.name === name);
    expect(row, `no row for ${name}`).to.not.equal(undefined);
    return row!;
  };

  const issuesOf = async (path: string): Promise<string[]> => {
    const res = await admin.get(path);
    expect(res.status, show(res)).to.equal(400);
    expect(res.body.code).to.equal('VALIDATION_FAILED');
    return (res.body.issues as Array<{ path: string }>).map((i) => i.path);
  };

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    procurement = t.as((await t.issueToken('procurement')).token);
    expert = t.as((await t.issueToken('expert')).token);

    ids.cleaning = (await created(admin, '/api/v1/suppliers', { name: 'Städ & Hygien AB', orgNumber: swedishOrgNumber() })).id;
    ids.gloves = (await created(admin, '/api/v1/suppliers', { name: 'Plastprodukter Norden AB', orgNumber: swedishOrgNumber() })).id;
    ids.other = (await created(admin, '/api/v1/suppliers', { name: 'Övrigt Förråd AB', orgNumber: swedishOrgNumber() })).id;
    asCleaning = t.as((await t.issueToken('supplier', ids.cleaning)).token);
    ids.contract = (await created(admin, '/api/v1/contracts', {
      number: 'RS-2026-0142', title: 'Rengöring och handskar', buyer: 'Region Stockholm', supplierIds: [ids.cleaning, ids.gloves],
      validFrom: '2026-01-01', validTo: '2028-12-31', category: 'cleaning chemicals',
    })).id;
    // The other contract applies the region's own phase-out list: its findings are that contract's business.
    ids.otherContract = (await created(admin, '/api/v1/contracts', {
      number: 'RS-2026-0200', title: 'Skyddskläder', buyer: 'Region Stockholm', supplierIds: [ids.gloves, ids.other],
      validFrom: '2026-01-01', validTo: '2028-12-31', category: 'protective clothing',
      requirementProfile: { lists: [{ list: 'region-utfasning', severity: 'yellow' }], clauses: [] },
    })).id;

    expect((await admin.post('/api/v1/lists/import', chemregListForm('echa-candidate-list', [entry(BUTOXY, '2-(2-butoxyethoxy)ethanol'), entry(DEHP, 'Bis(2-ethylhexyl) phthalate')]))).status).to.equal(201);
    expect((await admin.post('/api/v1/lists/import', chemregListForm('region-utfasning', [entry(ZINC_OXIDE, 'Zinc oxide')], '2026-03-01', { kind: 'custom', name: 'Lista region-utfasning' }))).status).to.equal(201);
    await t.services.jobs.whenIdle();

    const product = async (supplierId: string, name: string, kind: string, contractIds: string[], extra: Record<string, unknown> = {}) =>
      (await created(admin, '/api/v1/products', { supplierId, name, kind, contractIds, ...extra })).id as string;
    ids.floor = await product(ids.cleaning, 'Golvrent Neutral', 'mixture', [ids.contract], { supplierArticleNumbers: ['GR-1001'], category: 'floor cleaner' });
    ids.allround = await product(ids.cleaning, 'Allrent Citrus', 'mixture', [ids.contract]);
    ids.sanitary = await product(ids.cleaning, 'Sanitetsrent, "extra" stark', 'mixture', [ids.contract]);
    ids.window = await product(ids.cleaning, 'Fönsterputs', 'mixture', [ids.contract]);
    ids.nitrile = await product(ids.gloves, 'Nitrilhandske Blå', 'article', [ids.contract, ids.otherContract], { supplierArticleNumbers: ['7310000000017'] });
    ids.vinyl = await product(ids.gloves, 'Vinylhandske', 'article', [ids.contract]);
    ids.apron = await product(ids.gloves, 'Engångsförkläde', 'article', [ids.otherContract]);
    ids.dish = await product(ids.other, 'Diskmedel', 'mixture', [ids.otherContract]);

    const stale = buildSdsPdf(defaultSpec('sv', { revisionDate: staleDate }));
    const fresh = buildSdsPdf(defaultSpec('sv', { revisionDate: freshDate }));
    ids.floorSds = (await created(admin, `/api/v1/products/${ids.floor}/sds`, sdsForm(stale.bytes))).id;
    ids.allroundSds = (await created(admin, `/api/v1/products/${ids.allround}/sds`, sdsForm(fresh.bytes))).id;
    ids.sanitarySds = (await created(admin, `/api/v1/products/${ids.sanitary}/sds`, sdsForm(fresh.bytes))).id;
    // A revision whose date the extractor could not read (a scan, an odd layout): its age is unknown.
    await t.storage.connection.db!.collection('sdsRevisions').updateOne({ _id: new Types.ObjectId(ids.sanitarySds) }, { $set: { 'summary.revisionDate': null } });

    await created(admin, `/api/v1/products/${ids.nitrile}/declarations`, declarationForm([
      { name: 'Dietylhexylftalat', cas: DEHP, percent: 12 }, { name: 'Zinkoxid', cas: ZINC_OXIDE, percent: 3 },
    ]));
    const request = await created(procurement, '/api/v1/declaration-requests', { productId: ids.vinyl, dueDate: inDays(10) });
    ids.vinylRequest = request.items[0].id;
    await t.storage.connection.db!.collection('declarationRequests').updateOne({ _id: new Types.ObjectId(ids.vinylRequest) }, { $set: { dueDate: inDays(-1) } });

    const [floorFinding] = await findingsOf(ids.floor);
    ids.floorFinding = floorFinding!.id;
    const granted = await expert.post(`/api/v1/findings/${ids.floorFinding}/decisions`, { action: 'grant-exception', comment: 'ersätts vid nästa avrop', until: inDays(30) });
    expect(granted.status, show(granted)).to.equal(200);
    const dehp = (await findingsOf(ids.nitrile)).find((f) => f.substance.cas === DEHP)!;
    const confirmed = await expert.post(`/api/v1/findings/${dehp.id}/decisions`, { action: 'confirm' });
    expect(confirmed.status, show(confirmed)).to.equal(200);

    // The last list update: sodium hydroxide joins the list, and the re-screen raises it on every product declaring it.
    const v2 = await admin.post('/api/v1/lists/import', chemregListForm('echa-candidate-list', [
      entry(BUTOXY, '2-(2-butoxyethoxy)ethanol'), entry(DEHP, 'Bis(2-ethylhexyl) phthalate'), entry(NAOH, 'Sodium hydroxide'),
    ], '2026-06-01'));
    expect(v2.status, show(v2)).to.equal(201);
    await t.services.jobs.whenIdle();
  });
  after(async () => {
    await t?.close();
  });

  describe('GET /api/v1/contracts/:id/follow-up', () => {
    it('when procurement asks for a contract\'s follow-up, then each supplier on it comes with its products on the contract, by name', async () => {
      // Act
      const report = await followUp(procurement, `/api/v1/contracts/${ids.contract}/follow-up`);

      // Assert
      expect(report.contract).to.deep.include({ id: ids.contract, number: 'RS-2026-0142', buyer: 'Region Stockholm' });
      expect(report.today).to.equal(today());
      expect(report.rules).to.deep.equal({ sdsMaxAgeMonths: 36, exceptionWarningDays: 60 });
      expect(supplierNames(report)).to.deep.equal(['Plastprodukter Norden AB', 'Städ & Hygien AB']);
      const [gloves, cleaning] = report.suppliers;
      expect(gloves.products.map((r: Row) => r.product.name)).to.deep.equal(['Nitrilhandske Blå', 'Vinylhandske']);
      expect(cleaning.products.map((r: Row) => r.product.name)).to.deep.equal(['Allrent Citrus', 'Fönsterputs', 'Golvrent Neutral', 'Sanitetsrent, "extra" stark']);
      expect(rowNamed(report, 'Nitrilhandske Blå').contracts.map((c) => c.number)).to.deep.equal(['RS-2026-0142', 'RS-2026-0200']);
    });

    it('when a product has open findings, then they are counted by severity and status as the findings API lists them, and an excepted one is not open', async () => {
      // Arrange: the oracle is the findings API itself
      const standing = (await findingsOf(ids.allround)).filter((f) => ['open', 'confirmed', 'substitution-requested'].includes(f.status));

      // Act
      const report = await followUp(admin, `/api/v1/contracts/${ids.contract}/follow-up`);

      // Assert
      const allround = rowNamed(report, 'Allrent Citrus');
      expect(standing.map((f) => f.substance.cas)).to.have.members([BUTOXY, NAOH]);
      expect(allround.openFindings.total).to.equal(2);
      for (const severity of ['red', 'orange', 'yellow', 'info']) {
        expect(allround.openFindings.bySeverity[severity], severity).to.equal(standing.filter((f) => f.severity === severity).length);
      }
      expect(allround.openFindings.byStatus).to.deep.equal({ open: 2, confirmed: 0, 'substitution-requested': 0 });
      const floor = rowNamed(report, 'Golvrent Neutral');
      expect(floor.openFindings.total, 'the butoxy finding is excepted; only sodium hydroxide stands').to.equal(1);
      const nitrile = rowNamed(report, 'Nitrilhandske Blå');
      expect(nitrile.openFindings.byStatus).to.deep.equal({ open: 0, confirmed: 1, 'substitution-requested': 0 });
    });

    it('when a list applies only through another contract, then its findings count on that contract\'s follow-up and not on this one', async () => {
      // Act
      const here = await followUp(admin, `/api/v1/contracts/${ids.contract}/follow-up`);
      const there = await followUp(admin, `/api/v1/contracts/${ids.otherContract}/follow-up`);

      // Assert
      expect(rowNamed(here, 'Nitrilhandske Blå').openFindings.total, 'DEHP only').to.equal(1);
      expect(rowNamed(there, 'Nitrilhandske Blå').openFindings.total, 'DEHP and the region\'s zinc oxide').to.equal(2);
      expect(rowNamed(there, 'Nitrilhandske Blå').openFindings.bySeverity.yellow).to.be.at.least(1);
      expect(supplierNames(there), 'Ö sorts last in Swedish').to.deep.equal(['Plastprodukter Norden AB', 'Övrigt Förråd AB']);
    });

    it('when SDSs are old, fresh, undated or missing, then each mixture says so by the SDS\'s own revision date, with its age in months', async () => {
      // Act
      const report = await followUp(admin, `/api/v1/contracts/${ids.contract}/follow-up`);

      // Assert
      const floor = rowNamed(report, 'Golvrent Neutral').sds;
      expect(floor).to.deep.include({ required: true, status: 'stale', ageMonths: monthsBetween(staleDate, today()) });
      expect(floor.latest).to.deep.include({ id: ids.floorSds, revisionDate: staleDate });
      expect(rowNamed(report, 'Allrent Citrus').sds).to.deep.include({ status: 'current', ageMonths: monthsBetween(freshDate, today()) });
      expect(rowNamed(report, 'Sanitetsrent, "extra" stark').sds).to.deep.include({ status: 'date-unknown', ageMonths: null });
      expect(rowNamed(report, 'Fönsterputs').sds).to.deep.equal({ required: true, status: 'missing', latest: null, ageMonths: null });
      expect(rowNamed(report, 'Vinylhandske').sds, 'an article needs no SDS').to.deep.equal({ required: false, status: 'not-required', latest: null, ageMonths: null });
    });

    it('when an article is undeclared and its request is past due, then it is missing and overdue; a declared article is declared; a mixture needs none', async () => {
      // Act
      const report = await followUp(admin, `/api/v1/contracts/${ids.contract}/follow-up`);

      // Assert
      const vinyl = rowNamed(report, 'Vinylhandske').declaration;
      expect(vinyl).to.deep.include({ required: true, status: 'overdue', missing: true, overdue: true, latest: null });
      expect(vinyl.openRequest).to.deep.equal({ id: ids.vinylRequest, dueDate: inDays(-1), overdue: true });
      expect(rowNamed(report, 'Nitrilhandske Blå').declaration).to.deep.include({ required: true, status: 'declared', missing: false, overdue: false, openRequest: null });
      expect(rowNamed(report, 'Golvrent Neutral').declaration).to.deep.include({ required: false, status: 'not-required', missing: false });
    });

    it('when an exception ends within 60 days, then it is listed with its last day and the days left', async () => {
      // Act
      const report = await followUp(admin, `/api/v1/contracts/${ids.contract}/follow-up`);

      // Assert
      const [exception, ...others] = rowNamed(report, 'Golvrent Neutral').exceptionsExpiring;
      expect(others).to.deep.equal([]);
      expect(exception).to.deep.include({ findingId: ids.floorFinding, until: inDays(30), daysLeft: 30 });
      expect(exception!.substance).to.include(BUTOXY);
      expect(rowNamed(report, 'Allrent Citrus').exceptionsExpiring).to.deep.equal([]);
    });

    it('when no day is given, then changes count from the last list import: only what the new list version raised', async () => {
      // Act
      const report = await followUp(admin, `/api/v1/contracts/${ids.contract}/follow-up`);

      // Assert
      expect(report.changesSince).to.deep.include({ basis: 'last-list-update', listVersion: { listId: 'echa-candidate-list', version: 2 } });
      for (const name of ['Golvrent Neutral', 'Allrent Citrus', 'Sanitetsrent, "extra" stark']) {
        const changes = rowNamed(report, name).changes;
        expect(changes, name).to.deep.include({ findingsRaised: 1, decisions: 0, sdsRevisions: 0, declarations: 0 });
        expect(changes.findingEvents.map((e) => e.action), name).to.deep.equal(['raised']);
      }
      expect(rowNamed(report, 'Nitrilhandske Blå').changes).to.deep.include({ findingsRaised: 0, decisions: 0, declarations: 0 });
      expect(report.totals.changes).to.deep.include({ findingsRaised: 3, decisions: 0, sdsRevisions: 0, declarations: 0 });
    });

    it('when since is today, then every change of the seeding counts: findings raised, decisions, SDS revisions and declarations', async () => {
      // Act
      const report = await followUp(admin, `/api/v1/contracts/${ids.contract}/follow-up?since=${today()}`);

      // Assert
      expect(report.changesSince).to.deep.equal({ at: `${today()}T00:00:00.000Z`, basis: 'since-parameter', listVersion: null });
      expect(rowNamed(report, 'Golvrent Neutral').changes).to.deep.include({ findingsRaised: 2, decisions: 1, sdsRevisions: 1, declarations: 0 });
      expect(rowNamed(report, 'Nitrilhandske Blå').changes, 'the zinc oxide finding belongs to the other contract').to.deep.include({ findingsRaised: 1, decisions: 1, declarations: 1 });
      expect(report.totals.changes).to.deep.equal({
        findingsRaised: 7, findingsResolved: 0, severityChanged: 0, findingsReopened: 0, decisions: 2, sdsRevisions: 3, declarations: 1,
      });
    });

    it('when since is a day to come, then nothing has changed yet', async () => {
      // Act
      const report = await followUp(admin, `/api/v1/contracts/${ids.contract}/follow-up?since=${inDays(2)}`);

      // Assert
      for (const count of Object.values(report.totals.changes)) expect(count).to.equal(0);
      for (const row of rowsOf(report)) expect(row.changes.findingEvents).to.deep.equal([]);
    });

    it('when the follow-up has totals, then they add up per supplier and for the whole contract', async () => {
      // Act
      const report = await followUp(admin, `/api/v1/contracts/${ids.contract}/follow-up`);

      // Assert
      const [gloves, cleaning] = report.suppliers;
      expect(cleaning.totals).to.deep.include({ products: 4, sdsStale: 1, sdsDateUnknown: 1, sdsMissing: 1, declarationsMissing: 0, declarationsOverdue: 0, exceptionsExpiring: 1 });
      expect(gloves.totals).to.deep.include({ products: 2, sdsStale: 0, sdsMissing: 0, declarationsMissing: 1, declarationsOverdue: 1, exceptionsExpiring: 0 });
      expect(report.totals).to.deep.include({ products: 6, sdsStale: 1, sdsDateUnknown: 1, sdsMissing: 1, declarationsMissing: 1, declarationsOverdue: 1, exceptionsExpiring: 1 });
      const sum = (rows: Row[]) => rows.reduce((n, r) => n + r.openFindings.total, 0);
      expect(cleaning.totals.openFindings.total).to.equal(sum(cleaning.products));
      expect(report.totals.openFindings.total).to.equal(sum(rowsOf(report))).and.to.equal(cleaning.totals.openFindings.total + gloves.totals.openFindings.total);
    });
  });

  describe('downloads', () => {
    it('when the follow-up is asked for as CSV, then it is a UTF-8 attachment with a BOM, a header row and one row per product in real columns', async () => {
      // Act
      const res = await admin.bytes(`/api/v1/contracts/${ids.contract}/follow-up?format=csv`);

      // Assert
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('text/csv; charset=utf-8');
      expect(attachmentName(res)).to.equal(`follow-up-RS-2026-0142-${today()}.csv`);
      expect([...res.body.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
      const [header, ...rows] = parseCsv(res.body.subarray(3).toString('utf8'));
      expect(header).to.include.members(['Supplier', 'Product', 'Open findings', 'Red', 'SDS status', 'SDS revision date', 'Declaration due', 'Findings raised']);
      expect(rows).to.have.length(6);
      for (const row of rows) expect(row, 'every row has every column').to.have.length(header!.length);
      const cell = (product: string, column: string): string => {
        const row = rows.find((r) => r[header!.indexOf('Product')] === product);
        expect(row, product).to.not.equal(undefined);
        return row![header!.indexOf(column)]!;
      };
      expect(cell('Golvrent Neutral', 'Supplier')).to.equal('Städ & Hygien AB');
      expect(cell('Golvrent Neutral', 'SDS status')).to.equal('stale');
      expect(cell('Golvrent Neutral', 'SDS revision date')).to.equal(staleDate);
      expect(cell('Golvrent Neutral', 'Next exception end')).to.equal(inDays(30));
      expect(cell('Golvrent Neutral', 'Supplier article numbers')).to.equal('GR-1001');
      expect(cell('Vinylhandske', 'Declaration due')).to.equal(inDays(-1));
      expect(cell('Vinylhandske', 'Declaration status')).to.equal('overdue');
      expect(cell('Nitrilhandske Blå', 'Contracts')).to.equal('RS-2026-0142; RS-2026-0200');
      expect(cell('Nitrilhandske Blå', 'Supplier article numbers'), 'a 13-digit article number stays as written').to.equal('7310000000017');
      expect(cell('Allrent Citrus', 'Open findings')).to.equal('2');
      expect(rows.some((r) => r[header!.indexOf('Product')] === 'Sanitetsrent, "extra" stark'), 'quotes and commas survive quoting').to.equal(true);
      for (const column of ['Open findings', 'Red', 'Orange', 'SDS age (months)', 'Findings raised']) {
        for (const row of rows) expect(row[header!.indexOf(column)], column).to.match(/^\d*$/);
      }
    });

    it('when the follow-up is asked for as XLSX, then dates are date cells and counts are numbers, with a summary of the totals', async () => {
      // Act
      const res = await admin.bytes(`/api/v1/contracts/${ids.contract}/follow-up?format=xlsx`);

      // Assert
      expect(res.status).to.equal(200);
      expect(res.headers.get('content-type')).to.equal('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
      expect(attachmentName(res)).to.equal(`follow-up-RS-2026-0142-${today()}.xlsx`);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.load(res.body as unknown as ArrayBuffer);
      const sheet = wb.getWorksheet('Products')!;
      const header = (sheet.getRow(1).values as unknown[]).slice(1);
      expect(sheet.rowCount).to.equal(7);
      const column = (name: string): number => header.indexOf(name) + 1;
      let floorRow: ExcelJS.Row | undefined;
      sheet.eachRow((row, n) => {
        if (n > 1 && row.getCell(column('Product')).value === 'Golvrent Neutral') floorRow = row;
      });
      expect(floorRow).to.not.equal(undefined);
      const revisionDate = floorRow!.getCell(column('SDS revision date'));
      expect(revisionDate.value).to.be.instanceOf(Date);
      expect((revisionDate.value as Date).toISOString()).to.equal(`${staleDate}T00:00:00.000Z`);
      expect(revisionDate.numFmt).to.equal('yyyy-mm-dd');
      expect(floorRow!.getCell(column('Next exception end')).value).to.deep.equal(new Date(`${inDays(30)}T00:00:00.000Z`));
      for (const name of ['Open findings', 'Exceptions expiring', 'SDS age (months)', 'Findings raised']) {
        expect(floorRow!.getCell(column(name)).type, name).to.equal(ExcelJS.ValueType.Number);
      }
      expect(floorRow!.getCell(column('Exceptions expiring')).value).to.equal(1);
      expect(floorRow!.getCell(column('Supplier')).value).to.equal('Städ & Hygien AB');

      const summary = wb.getWorksheet('Summary')!;
      let whole: ExcelJS.Row | undefined;
      summary.eachRow((row) => {
        if (row.getCell(1).value === 'Whole contract') whole = row;
      });
      expect(whole, 'a totals row for the whole contract').to.not.equal(undefined);
      expect(whole!.getCell(2).value, 'products').to.equal(6);
    });

    it('when a supplier\'s follow-up is asked for as CSV, then each row names the contracts its product is sold under', async () => {
      // Act
      const res = await admin.bytes(`/api/v1/suppliers/${ids.gloves}/follow-up?format=csv`);

      // Assert
      expect(res.status).to.equal(200);
      expect(attachmentName(res)).to.equal(`follow-up-Plastprodukter-Norden-AB-${today()}.csv`);
      const [header, ...rows] = parseCsv(res.body.subarray(3).toString('utf8'));
      const byProduct = new Map(rows.map((r) => [r[header!.indexOf('Product')], r[header!.indexOf('Contracts')]]));
      expect(Object.fromEntries(byProduct)).to.deep.equal({
        'Engångsförkläde': 'RS-2026-0200',
        'Nitrilhandske Blå': 'RS-2026-0142; RS-2026-0200',
        'Vinylhandske': 'RS-2026-0142',
      });
    });
  });

  describe('GET /api/v1/suppliers/:id/follow-up', () => {
    it('when an expert asks for a supplier\'s follow-up, then its products on any contract come with every finding and totals', async () => {
      // Act
      const report = await followUp(expert, `/api/v1/suppliers/${ids.gloves}/follow-up`);

      // Assert
      expect(report.supplier).to.deep.include({ id: ids.gloves, name: 'Plastprodukter Norden AB' });
      expect(report.products.map((r: Row) => r.product.name)).to.deep.equal(['Engångsförkläde', 'Nitrilhandske Blå', 'Vinylhandske']);
      expect(rowNamed(report, 'Nitrilhandske Blå').openFindings.total, 'DEHP and zinc oxide').to.equal(2);
      expect(rowNamed(report, 'Engångsförkläde').declaration).to.deep.include({ status: 'missing', missing: true });
      expect(report.totals).to.deep.include({ products: 3, declarationsMissing: 2, declarationsOverdue: 1 });
    });
  });

  describe('tenancy', () => {
    it('when a supplier asks for a contract\'s follow-up, then it gets only its own products and nothing of the other supplier', async () => {
      // Act
      const report = await followUp(asCleaning, `/api/v1/contracts/${ids.contract}/follow-up`);
      const csv = await asCleaning.bytes(`/api/v1/contracts/${ids.contract}/follow-up?format=csv`);

      // Assert
      expect((report.suppliers as Array<{ supplier: { id: string } }>).map((s) => s.supplier.id)).to.deep.equal([ids.cleaning]);
      expect(report.totals.products).to.equal(4);
      const text = JSON.stringify(report);
      for (const marker of [ids.gloves, 'Plastprodukter', ids.nitrile, 'Nitrilhandske', 'Vinylhandske', ids.otherContract]) expect(text).to.not.include(marker);
      expect(csv.status).to.equal(200);
      const rows = parseCsv(csv.body.subarray(3).toString('utf8')).slice(1);
      expect(rows).to.have.length(4);
      expect(csv.body.toString('utf8')).to.not.include('Plastprodukter');
    });

    it('when a supplier asks for the follow-up of a contract it is not party to, then 404 NOT_FOUND as for a contract that does not exist', async () => {
      // Act
      const other = await asCleaning.get(`/api/v1/contracts/${ids.otherContract}/follow-up`);
      const unknownId = new Types.ObjectId().toHexString();
      const unknown = await asCleaning.get(`/api/v1/contracts/${unknownId}/follow-up?format=csv`);

      // Assert
      expect(other.status, show(other)).to.equal(404);
      expect(other.body.code).to.equal('NOT_FOUND');
      expect(unknown.status).to.equal(404);
      expect(unknown.body.message.replace(unknownId, '<id>')).to.equal(other.body.message.replace(ids.otherContract, '<id>'));
    });

    it('when a supplier asks for another supplier\'s follow-up, then 404 NOT_FOUND; its own follow-up it gets', async () => {
      // Act
      const other = await asCleaning.get(`/api/v1/suppliers/${ids.gloves}/follow-up?format=xlsx`);
      const own = await followUp(asCleaning, `/api/v1/suppliers/${ids.cleaning}/follow-up`);

      // Assert
      expect(other.status, show(other)).to.equal(404);
      expect(other.body.code).to.equal('NOT_FOUND');
      expect(own.products).to.have.length(4);
    });
  });

  describe('bad input', () => {
    it('when the id, the day, the format or a parameter is wrong, then 400 names each offending field', async () => {
      // Act + Assert
      expect(await issuesOf('/api/v1/contracts/not-an-id/follow-up')).to.deep.equal(['params.id']);
      expect(await issuesOf(`/api/v1/contracts/${ids.contract}/follow-up?since=2026-02-30`)).to.deep.equal(['query.since']);
      expect(await issuesOf(`/api/v1/contracts/${ids.contract}/follow-up?since=yesterday`)).to.deep.equal(['query.since']);
      expect(await issuesOf(`/api/v1/suppliers/${ids.gloves}/follow-up?format=pdf`)).to.deep.equal(['query.format']);
      expect(await issuesOf(`/api/v1/suppliers/${ids.gloves}/follow-up?sinse=2026-01-01`)).to.deep.equal(['query.sinse']);
    });

    it('when the contract does not exist, then 404 NOT_FOUND', async () => {
      // Act
      const res = await admin.get(`/api/v1/contracts/${new Types.ObjectId().toHexString()}/follow-up`);

      // Assert
      expect(res.status, show(res)).to.equal(404);
      expect(res.body.code).to.equal('NOT_FOUND');
    });
  });
  describe('documents of several products', () => {
    const OPEN = 'open,confirmed,substitution-requested';

    it('when an expert asks for several products, then each comes in the order asked with its latest SDS, latest declaration and open findings as their own routes give them', async () => {
      // Act
      const res = await expert.get(`/api/v1/follow-up/products?ids=${ids.window},${ids.floor},${ids.nitrile}`);

      // Assert
      expect(res.status, show(res)).to.equal(200);
      const items = res.body.items as Array<{ productId: string; sds: any; declaration: any; openFindings: number }>;
      expect(items.map((i) => i.productId)).to.deep.equal([ids.window, ids.floor, ids.nitrile]);
      for (const item of items) {
        const sds = (await admin.get(`/api/v1/products/${item.productId}/sds?limit=1`)).body.items[0];
        const declaration = (await admin.get(`/api/v1/products/${item.productId}/declarations?limit=1`)).body.items[0];
        const open = (await admin.get(`/api/v1/findings?productId=${item.productId}&status=${OPEN}&limit=1`)).body.total as number;
        expect(item.sds, 'sds').to.deep.equal(sds === undefined ? null : {
          id: sds.id, revisionNumber: sds.revisionNumber, status: sds.status, revisionDate: sds.summary.revisionDate ?? null, uploadedAt: sds.uploadedAt,
        });
        expect(item.declaration, 'declaration').to.deep.equal(declaration === undefined ? null : { id: declaration.id, revisionNumber: declaration.revisionNumber, submittedAt: declaration.submittedAt });
        expect(item.openFindings, 'open findings').to.equal(open);
      }
      expect(items[0]).to.deep.include({ sds: null, declaration: null, openFindings: 0 });
      expect(items[1]!.sds).to.include({ id: ids.floorSds, revisionDate: staleDate });
      expect(items[2]!.declaration).to.not.equal(null);
      expect(items[2]!.openFindings).to.be.above(0);
    });

    it('when a supplier asks for its own products and another supplier\'s, then only its own come back, as for an unknown id', async () => {
      // Act
      const res = await asCleaning.get(`/api/v1/follow-up/products?ids=${ids.nitrile},${ids.floor},${new Types.ObjectId().toHexString()}`);

      // Assert
      expect(res.status, show(res)).to.equal(200);
      expect((res.body.items as Array<{ productId: string }>).map((i) => i.productId)).to.deep.equal([ids.floor]);
    });

    it('when the ids are missing, malformed or too many, then 400 names query.ids', async () => {
      // Act + Assert
      expect(await issuesOf('/api/v1/follow-up/products')).to.deep.equal(['query.ids']);
      expect(await issuesOf(`/api/v1/follow-up/products?ids=${ids.floor},floor`)).to.deep.equal(['query.ids.1']);
      const many = Array.from({ length: 201 }, () => ids.floor).join(',');
      expect(await issuesOf(`/api/v1/follow-up/products?ids=${many}`)).to.deep.equal(['query.ids']);
    });
  });
});
