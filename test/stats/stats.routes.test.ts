// The dashboard's counts end to end through the API, over a seeded registry: suppliers, contracts (active, expired,
// future), products of every kind, declarations and SDS revisions, two lists that raise findings of each severity,
// expert decisions, declaration requests in every status, and findings and decisions backdated into earlier months.
import { expect } from 'chai';
import { ObjectId, type Document } from 'mongodb';
import { blankEntry } from '../../src/lists/list-entry.js';
import { Stats } from '../../src/stats/stats.schema.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { chemregListForm } from '../support/list-files/index.js';
import { brokenPdfs, buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';
import { declarationForm, sdsForm } from '../support/forms.js';

const show = (res: Response): string => `${res.status} ${JSON.stringify(res.body)}`;

const DEHP = '117-81-7';
const BPA = '80-05-7';
const SODIUM_HYDROXIDE = '1310-73-2';
const REGION_LIST = 'region-phase-out';
const REGION_LIST_NAME = 'Regionens utfasningslista';
const CANDIDATE_LIST = 'echa-candidate-list';
const POPS_LIST = 'eu-pops';
const PFOS = '1763-23-1';

/** Months back from the current UTC month: 0 is this month. Mid-month, so no time zone moves a date across a border. */
const monthsAgo = (k: number, from = new Date()): Date => new Date(Date.UTC(from.getUTCFullYear(), from.getUTCMonth() - k, 15, 12));
const monthKey = (k: number): string => monthsAgo(k).toISOString().slice(0, 7);

interface Month {
  month: string;
  raised: { red: number; orange: number; yellow: number; info: number };
  resolved: number;
  dismissed: number;
}
/** The series of the `count` months up to this one, all zero, oldest first: tests set the months that are not. */
const zeroMonths = (count: number): Month[] =>
  Array.from({ length: count }, (_, i) => ({ month: monthKey(count - 1 - i), raised: { red: 0, orange: 0, yellow: 0, info: 0 }, resolved: 0, dismissed: 0 }));
const monthOf = (series: Month[], k: number): Month => series.find((m) => m.month === monthKey(k))!;

describe('stats API', function () {
  this.timeout(120_000);

  let t: TestApp;
  let admin: Client;
  let expert: Client;
  let procurement: Client;
  type Key = 'gloves' | 'cleaning' | 'office' | 'active' | 'expired' | 'future' | 'vinyl' | 'nitrile' | 'floor' | 'polish' | 'lye' | 'pen' | 'penRequest';
  const ids = {} as Record<Key, string>;
  /** A finding as stored, as far as backdating reads and writes it. */
  interface RawFinding {
    _id: ObjectId;
    createdAt: Date;
    history: Array<Document & { action: string; at: Date }>;
  }
  const rawFindings = () => t.storage.connection.db!.collection<RawFinding>('findings');

  const stats = async (client: Client, query = ''): Promise<Stats> => {
    const res = await client.get<Stats>(`/api/v1/stats${query}`);
    expect(res.status, show(res)).to.equal(200);
    return res.body;
  };

  /** Moves a finding's creation, and the history events named by action, to other dates, straight in the database. */
  async function backdate(findingId: string, createdAt: Date, events: Record<string, Date>): Promise<void> {
    const doc = await rawFindings().findOne({ _id: new ObjectId(findingId) });
    const history = doc!.history.map((event) => ({ ...event, at: events[event.action] ?? event.at }));
    for (const action of Object.keys(events)) expect(history.map((e) => e.action), `finding ${findingId} has a ${action} event`).to.include(action);
    await rawFindings().updateOne({ _id: new ObjectId(findingId) }, { $set: { createdAt, history } });
  }

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    expert = t.as((await t.issueToken('expert')).token);
    procurement = t.as((await t.issueToken('procurement')).token);
    const created = async <T = { id: string }>(path: string, body: unknown, as = admin): Promise<T> => {
      const res = await as.post<T>(path, body);
      expect(res.status, `${path}: ${show(res)}`).to.equal(201);
      return res.body;
    };
    const ok = async (path: string, body: unknown, as = admin): Promise<void> => {
      const res = await as.post(path, body);
      expect(res.status, `${path}: ${show(res)}`).to.equal(200);
    };

    // Lists first, so that each declaration below is screened against both at once.
    await created('/api/v1/lists/import', chemregListForm(CANDIDATE_LIST, [{ ...blankEntry(DEHP, 'Bis(2-ethylhexyl) phthalate'), cas: [DEHP] }]));
    await created('/api/v1/lists/import', chemregListForm(REGION_LIST, [{ ...blankEntry(BPA, 'Bisfenol A'), cas: [BPA] }], '2026-01-15', { kind: 'custom', name: REGION_LIST_NAME }));
    // No product declares PFOS: the POPs list raises nothing, and still has its row.
    await created('/api/v1/lists/import', chemregListForm(POPS_LIST, [{ ...blankEntry(PFOS, 'Perfluorooctane sulfonic acid'), cas: [PFOS] }]));
    await t.services.jobs.whenIdle();

    ids.gloves = (await created('/api/v1/suppliers', { name: 'Plastprodukter Norden AB', orgNumber: swedishOrgNumber() })).id;
    ids.cleaning = (await created('/api/v1/suppliers', { name: 'Städ & Hygien AB', orgNumber: swedishOrgNumber() })).id;
    ids.office = (await created('/api/v1/suppliers', { name: 'Kontorsvaror i Mälardalen AB', orgNumber: swedishOrgNumber() })).id;
    const contract = async (number: string, validFrom: string, validTo: string, supplierIds: string[], lists: unknown[]): Promise<string> =>
      (await created('/api/v1/contracts', { number, title: number, buyer: 'Region Stockholm', supplierIds, validFrom, validTo, category: 'förbrukning', requirementProfile: { lists, clauses: [] } })).id;
    // The region's list gives red under the running contract and yellow under the expired one.
    ids.active = await contract('RS-2020-0001', '2020-01-01', '2099-12-31', [ids.gloves, ids.cleaning], [{ list: REGION_LIST, severity: 'red' }]);
    ids.expired = await contract('RS-2018-0001', '2018-01-01', '2019-12-31', [ids.gloves], [{ list: REGION_LIST, severity: 'yellow' }]);
    ids.future = await contract('RS-2098-0001', '2098-01-01', '2099-12-31', [ids.office], []);

    const product = async (supplierId: string, name: string, kind: string, contractIds: string[] = []): Promise<string> =>
      (await created('/api/v1/products', { supplierId, name, kind, contractIds })).id;
    ids.vinyl = await product(ids.gloves, 'Vinylhandske', 'article', [ids.active]);
    ids.nitrile = await product(ids.gloves, 'Nitrilhandske', 'article', [ids.expired]);
    ids.floor = await product(ids.cleaning, 'Golvrent', 'mixture', [ids.active]);
    ids.polish = await product(ids.cleaning, 'Golvpolish', 'mixture');
    ids.lye = await product(ids.cleaning, 'Natriumhydroxid', 'substance');
    ids.pen = await product(ids.office, 'Märkpenna', 'article-with-mixture');

    // Requests: the lye's is answered by its declaration below, the vinyl glove's cancelled, the pen's overdue, the nitrile glove's open.
    const request = async (productId: string): Promise<string> =>
      (await created<{ items: Array<{ id: string }> }>('/api/v1/declaration-requests', { productId, dueDate: monthsAgo(-1).toISOString().slice(0, 10) })).items[0]!.id;
    await request(ids.lye);
    await ok(`/api/v1/declaration-requests/${await request(ids.vinyl)}/cancel`, undefined);
    ids.penRequest = await request(ids.pen);
    // A request cannot be made due in the past: the pen's is backdated in the database.
    await t.storage.connection.db!.collection('declarationRequests').updateOne({ _id: new ObjectId(ids.penRequest) }, { $set: { dueDate: '2020-01-01' } });

    const declare = (productId: string, substances: Array<{ name: string; cas: string; percent: number }>) =>
      created(`/api/v1/products/${productId}/declarations`, declarationForm(substances));
    await declare(ids.vinyl, [{ name: 'Dietylhexylftalat', cas: DEHP, percent: 12 }]); // Candidate List, article > 0.1 %: orange
    await declare(ids.vinyl, [{ name: 'Dietylhexylftalat', cas: DEHP, percent: 11 }]); // a second revision of the same product
    await declare(ids.nitrile, [{ name: 'Bisfenol A', cas: BPA, percent: 0.5 }, { name: 'Dietylhexylftalat', cas: DEHP, percent: 0.05 }]); // yellow; info (below 0.1 %)
    await declare(ids.floor, [{ name: 'Bisfenol A', cas: BPA, percent: 3 }]); // red
    await declare(ids.lye, [{ name: 'Natriumhydroxid', cas: SODIUM_HYDROXIDE, percent: 99 }]); // nothing
    await request(ids.nitrile);

    const sds = await created<{ status: string }>(`/api/v1/products/${ids.polish}/sds`, sdsForm(buildSdsPdf(defaultSpec('sv')).bytes));
    expect(sds.status).to.equal('extracted');
    const scan = await created<{ status: string }>(`/api/v1/products/${ids.polish}/sds`, sdsForm(brokenPdfs.scanned()));
    expect(scan.status).to.equal('needs-ocr');

    type FindingItem = { id: string; severity: string; list: { id: string } };
    const findingsOf = async (productId: string): Promise<FindingItem[]> => {
      const res = await admin.get<{ items: FindingItem[] }>(`/api/v1/findings?productId=${productId}`);
      expect(res.status, show(res)).to.equal(200);
      return res.body.items;
    };
    const [vinylOrange, ...vinylOthers] = await findingsOf(ids.vinyl);
    expect(vinylOthers).to.deep.equal([]);
    expect(vinylOrange!.severity).to.equal('orange');
    const nitrile = await findingsOf(ids.nitrile);
    const nitrileYellow = nitrile.find((f) => f.list.id === REGION_LIST)!;
    const nitrileInfo = nitrile.find((f) => f.list.id === CANDIDATE_LIST)!;
    expect([nitrile.length, nitrileYellow.severity, nitrileInfo.severity]).to.deep.equal([2, 'yellow', 'info']);
    const [floorRed, ...floorOthers] = await findingsOf(ids.floor);
    expect([floorRed!.severity, floorOthers.length]).to.deep.equal(['red', 0]);
    for (const id of [ids.polish, ids.lye, ids.pen]) expect(await findingsOf(id)).to.deep.equal([]);

    await ok(`/api/v1/findings/${floorRed!.id}/decisions`, { action: 'confirm' }, expert);
    await ok(`/api/v1/findings/${floorRed!.id}/decisions`, { action: 'resolve', comment: 'Receptet ändrat, BPA borttaget' }, expert);
    await ok(`/api/v1/findings/${nitrileYellow.id}/decisions`, { action: 'dismiss', comment: 'Fel artikel i deklarationen' }, expert);

    // History: the vinyl glove's finding is older than a year; the floor cleaner's was raised three months ago and
    // resolved last month; the nitrile glove's info finding was raised two months ago.
    await backdate(vinylOrange!.id, monthsAgo(14), { raised: monthsAgo(14) });
    await backdate(floorRed!.id, monthsAgo(3), { raised: monthsAgo(3), confirm: monthsAgo(1), resolve: monthsAgo(1) });
    await backdate(nitrileInfo.id, monthsAgo(2), { raised: monthsAgo(2) });
    // A re-screen that changes the severity of a resolved finding writes an event that keeps the status: no resolution.
    await rawFindings().updateOne({ _id: new ObjectId(floorRed!.id) }, {
      $push: { history: { at: monthsAgo(0), by: { tokenId: 'system', tokenName: 'screening', role: 'system' }, action: 'severity-changed', from: 'resolved', to: 'resolved', comment: 'orange → red', until: null, documentId: null } },
    });
  });
  after(async () => {
    await t?.close();
  });

  it('when an admin asks for the stats, then products, suppliers, contracts and documents are counted as seeded, every kind and status present', async () => {
    // Act
    const body = await stats(admin);

    // Assert
    expect(Stats.parse(body), 'the answer is exactly the documented schema').to.deep.equal(body);
    expect(Date.now() - Date.parse(body.generatedAt)).to.be.within(0, 60_000);
    expect(body.products).to.deep.equal({ total: 6, byKind: { article: 2, mixture: 2, substance: 1, 'article-with-mixture': 1 } });
    expect(body.suppliers).to.deep.equal({ total: 3 });
    expect(body.contracts).to.deep.equal({ total: 3, active: 1 });
    expect(body.documents).to.deep.equal({
      sdsRevisions: { total: 2, byStatus: { extracted: 1, 'needs-review': 0, 'needs-ocr': 1 } },
      declarations: { total: 5 },
      declarationRequests: { total: 4, byStatus: { open: 2, fulfilled: 1, cancelled: 1 }, overdue: 1 },
    });
  });

  it('when findings were raised, resolved and dismissed, then they are counted by severity, status and list (every list, also one without findings), the open ones apart', async () => {
    // Act
    const { findings } = await stats(procurement);

    // Assert
    expect(findings.total).to.equal(4);
    expect(findings.open).to.equal(2);
    expect(findings.bySeverity).to.deep.equal({ red: 1, orange: 1, yellow: 1, info: 1 });
    expect(findings.openBySeverity).to.deep.equal({ red: 0, orange: 1, yellow: 0, info: 1 });
    expect(findings.byStatus).to.deep.equal({ open: 2, confirmed: 0, dismissed: 1, exception: 0, 'substitution-requested': 0, resolved: 1 });
    expect(findings.byList).to.deep.equal([
      { listId: CANDIDATE_LIST, listName: 'REACH Candidate List of SVHC (Art. 59)', total: 2, open: 2 },
      { listId: REGION_LIST, listName: REGION_LIST_NAME, total: 2, open: 0 },
      { listId: POPS_LIST, listName: 'EU POPs Regulation (EU) 2019/1021', total: 0, open: 0 },
    ]);
  });

  it('when the default window is asked for, then the series has the 12 months up to this one, oldest first, zeros included, each finding in the month it was raised and each resolution or dismissal in the month it happened', async () => {
    // Arrange
    const expected = zeroMonths(12);
    monthOf(expected, 0).raised.yellow = 1; // the nitrile glove's, dismissed this month
    monthOf(expected, 0).dismissed = 1;
    monthOf(expected, 1).resolved = 1; // the floor cleaner's, confirmed and resolved last month (its severity change this month is none)
    monthOf(expected, 2).raised.info = 1;
    monthOf(expected, 3).raised.red = 1;

    // Act
    const { findings } = await stats(expert);

    // Assert
    expect(findings.perMonth).to.deep.equal(expected);
    expect(findings.perMonth.map((m) => m.month)).to.deep.equal([...findings.perMonth.map((m) => m.month)].sort());
  });

  it('when a longer window is asked for, then the finding raised 14 months ago appears in its month; with months=1 only this month is shown', async () => {
    // Arrange
    const longer = zeroMonths(24);
    monthOf(longer, 0).raised.yellow = 1;
    monthOf(longer, 0).dismissed = 1;
    monthOf(longer, 1).resolved = 1;
    monthOf(longer, 2).raised.info = 1;
    monthOf(longer, 3).raised.red = 1;
    monthOf(longer, 14).raised.orange = 1;

    // Act
    const twoYears = await stats(admin, '?months=24');
    const thisMonth = await stats(admin, '?months=1');

    // Assert
    expect(twoYears.findings.perMonth).to.deep.equal(longer);
    expect(thisMonth.findings.perMonth).to.deep.equal([{ month: monthKey(0), raised: { red: 0, orange: 0, yellow: 1, info: 0 }, resolved: 0, dismissed: 1 }]);
    expect(thisMonth.findings.total, 'the window narrows the series only').to.equal(4);
  });

  it('when products have documents, then those without an open red or orange finding count as clean, and the share is clean over screened', async () => {
    // Act
    const { screening } = await stats(admin);

    // Assert: screened are the five products with a declaration or an SDS (not the pen); the vinyl glove's orange
    // finding is open, the floor cleaner's red one resolved, the nitrile glove has only a dismissed yellow and an info.
    expect(screening).to.deep.equal({ screened: 5, clean: 4, share: 0.8 });
  });

  it('when a supplier token asks, then 403 FORBIDDEN and no counts', async () => {
    // Arrange
    const supplier = t.as((await t.issueToken('supplier', ids.gloves)).token);

    // Act
    const res = await supplier.get('/api/v1/stats');

    // Assert
    expect(res.status, show(res)).to.equal(403);
    expect(res.body).to.include({ code: 'FORBIDDEN', statusCode: 403 });
    expect(res.body).to.not.have.property('products');
  });

  for (const [query, why] of [
    ['months=0', 'zero months'],
    ['months=61', 'more than five years'],
    ['months=1.5', 'a fraction'],
    ['months=many', 'not a number'],
  ] as const) {
    it(`when months is ${why} (${query}), then 400 VALIDATION_FAILED naming query.months`, async () => {
      // Act
      const res = await admin.get(`/api/v1/stats?${query}`);

      // Assert
      expect(res.status, show(res)).to.equal(400);
      expect(res.body.code).to.equal('VALIDATION_FAILED');
      expect(res.body.issues.map((i: { path: string }) => i.path)).to.deep.equal(['query.months']);
    });
  }

  it('when an unknown query parameter is given, then 400 VALIDATION_FAILED naming it', async () => {
    // Act
    const res = await admin.get('/api/v1/stats?supplierId=abc');

    // Assert
    expect(res.status, show(res)).to.equal(400);
    expect(res.body.code).to.equal('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.issues)).to.include('supplierId');
  });
});

describe('stats API on an empty registry', function () {
  this.timeout(60_000);

  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t?.close();
  });

  it('when nothing is registered, then every count is zero, the series has 12 months of zeros and the clean share is null', async () => {
    // Act
    const res = await t.as(t.adminToken).get<Stats>('/api/v1/stats');

    // Assert
    expect(res.status, show(res)).to.equal(200);
    const { generatedAt: _at, ...body } = res.body;
    expect(body).to.deep.equal({
      products: { total: 0, byKind: { article: 0, mixture: 0, substance: 0, 'article-with-mixture': 0 } },
      suppliers: { total: 0 },
      contracts: { total: 0, active: 0 },
      documents: {
        sdsRevisions: { total: 0, byStatus: { extracted: 0, 'needs-review': 0, 'needs-ocr': 0 } },
        declarations: { total: 0 },
        declarationRequests: { total: 0, byStatus: { open: 0, fulfilled: 0, cancelled: 0 }, overdue: 0 },
      },
      findings: {
        total: 0, open: 0,
        bySeverity: { red: 0, orange: 0, yellow: 0, info: 0 },
        openBySeverity: { red: 0, orange: 0, yellow: 0, info: 0 },
        byStatus: { open: 0, confirmed: 0, dismissed: 0, exception: 0, 'substitution-requested': 0, resolved: 0 },
        byList: [],
        perMonth: zeroMonths(12),
      },
      screening: { screened: 0, clean: 0, share: null },
    });
  });
});
