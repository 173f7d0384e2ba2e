// Curated limits through the API: chemreg's table for REACH Annex XVII and POPs entries, and the overrides an expert
// stores on top of it, which screening applies at once (a re-screen job) and the list's entries show.
import { expect } from 'chai';
import { blankEntry } from '../../src/lists/list-entry.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { chemregListForm } from '../support/list-files/index.js';
import { buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';
import { sdsForm } from '../support/forms.js';

const show = (res: Response): string => `${res.status} ${JSON.stringify(res.body)}`;

// REACH Annex XVII entry 55: 2-(2-butoxyethoxy)ethanol (DEGBE) in spray paints and cleaning sprays in aerosol
// dispensers for the general public, ≥ 3 % by weight. chemreg's shipped table has no row for it, so a region's
// expert adds one. The generated Swedish SDS (a cleaning product) declares DEGBE, CAS 112-34-5, at 5–10 %.
const ENTRY_55 = { ...blankEntry('55', '2-(2-butoxyethoxy)ethanol (DEGBE)'), entryNumber: '55', cas: ['112-34-5'], ec: ['203-961-6'] };
const ENTRY_51 = { ...blankEntry('51', 'Bis(2-ethylhexyl) phthalate (DEHP)'), entryNumber: '51', cas: ['117-81-7'] };
const DEGBE_OVERRIDE = {
  listId: 'reach-annex-xvii',
  entryNumber: '55',
  substance: '2-(2-butoxyethoxy)ethanol (DEGBE)',
  percent: 3,
  basis: 'mixture',
  inclusive: true,
  scope: 'Spray paints and cleaning sprays in aerosol dispensers supplied to the general public: equal to or greater than 3 % by weight.',
  reference: 'REACH Annex XVII entry 55 para 1',
};

describe('curated limits API', function () {
  this.timeout(60_000);

  let t: TestApp;
  let admin: Client;
  let expert: Client;
  let procurement: Client;
  let productId: string;
  let overrideId: string;

  /** The product's one Annex XVII finding. */
  async function annexXviiFinding(): Promise<Record<string, any>> {
    const res = await expert.get(`/api/v1/findings?productId=${productId}&listId=reach-annex-xvii`);
    expect(res.status, show(res)).to.equal(200);
    expect(res.body.items, 'one Annex XVII finding').to.have.length(1);
    return res.body.items[0] as Record<string, any>;
  }

  async function jobSucceeded(id: unknown): Promise<Record<string, any>> {
    expect(id, 'a re-screen job id').to.be.a('string');
    await t.services.jobs.whenIdle();
    const job = await admin.get(`/api/v1/jobs/${String(id)}`);
    expect(job.body.status, show(job)).to.equal('succeeded');
    return job.body as Record<string, any>;
  }

  async function overrideCount(): Promise<number> {
    return ((await admin.get('/api/v1/curated-limits')).body.overrides as unknown[]).length;
  }

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    expert = t.as((await t.issueToken('expert')).token);
    procurement = t.as((await t.issueToken('procurement')).token);
    const imported = await admin.post('/api/v1/lists/import', chemregListForm('reach-annex-xvii', [ENTRY_51, ENTRY_55]));
    expect(imported.status, show(imported)).to.equal(201);
    await t.services.jobs.whenIdle();
    const supplier = await admin.post<{ id: string }>('/api/v1/suppliers', { name: 'Städ & Hygien AB', orgNumber: swedishOrgNumber() });
    const product = await admin.post<{ id: string }>('/api/v1/products', { supplierId: supplier.body.id, name: 'Fönsterputs Spray', kind: 'mixture', contractIds: [] });
    productId = product.body.id;
    const upload = await admin.post(`/api/v1/products/${productId}/sds`, sdsForm(buildSdsPdf(defaultSpec('sv')).bytes));
    expect(upload.status, show(upload)).to.equal(201);
  });
  after(async () => {
    await t?.close();
  });

  it('when anyone signed in reads the table, then it has chemreg\'s rows, each saying how far it was checked, and no overrides yet', async () => {
    const res = await procurement.get('/api/v1/curated-limits');

    expect(res.status, show(res)).to.equal(200);
    expect(res.body.edited).to.match(/^\d{4}-\d{2}-\d{2}$/u);
    const dehp = (res.body.shipped as Array<Record<string, unknown>>).find((r) => r.listId === 'reach-annex-xvii' && r.entryNumber === '51');
    expect(dehp).to.include({ percent: 0.1, basis: 'homogeneous-material' });
    expect(dehp?.verified).to.match(/EUR-Lex/u);
    expect(res.body.overrides).to.deep.equal([]);
  });

  it('when an Annex XVII entry has no curated limit, then its finding reports presence without a concentration test', async () => {
    const finding = await annexXviiFinding();

    expect(finding.list).to.include({ entryKey: '55' });
    expect(finding.limit).to.equal(null);
    expect(finding.concentrationTest).to.equal('not-applicable');
  });

  it('when an expert overrides the entry\'s limit, then 201 names the entry it applies to, and the re-screen tests the finding against it', async () => {
    const res = await expert.post('/api/v1/curated-limits/overrides', DEGBE_OVERRIDE);

    expect(res.status, show(res)).to.equal(201);
    overrideId = res.body.override.id;
    expect(res.headers.get('location')).to.equal(`/api/v1/curated-limits/overrides/${overrideId}`);
    expect(res.body.override).to.include({ listId: 'reach-annex-xvii', entryNumber: '55', percent: 3, confidence: 'curated' });
    expect(res.body.override.verified, 'an override says chemreg has not checked it').to.match(/not checked/u);
    expect(res.body.override.matchedEntries).to.deep.equal([{ key: '55', name: ENTRY_55.name, entryNumber: '55' }]);
    expect(res.body.override.createdBy.role).to.equal('expert');
    await jobSucceeded(res.body.rescreenJobId);

    const finding = await annexXviiFinding();
    expect(finding.limit).to.include({ percent: 3, source: 'curated', reference: 'REACH Annex XVII entry 55 para 1' });
    // 5–10 % against ≥ 3 %.
    expect(finding.concentrationTest).to.equal('exceeds');
  });

  it('when the list\'s entries are read, then the entry shows the overridden limit screening uses', async () => {
    const res = await procurement.get('/api/v1/lists/reach-annex-xvii/versions/1/entries?q=112-34-5');

    expect(res.status, show(res)).to.equal(200);
    expect(res.body.items[0].limit).to.include({ percent: 3, source: 'curated' });
    expect(res.body.items[0].limit.scope).to.match(/^\[Set in this installation/u);
  });

  it('when a second override names the same entry (as "055"), then 409 DUPLICATE names the entry number and nothing is added', async () => {
    const res = await expert.post('/api/v1/curated-limits/overrides', { ...DEGBE_OVERRIDE, entryNumber: '055', percent: 1 });

    expect(res.status, show(res)).to.equal(409);
    expect(res.body.code).to.equal('DUPLICATE');
    expect(res.body.issues[0].path).to.equal('body.entryNumber');
    expect(await overrideCount()).to.equal(1);
  });

  it('when an override names an entry the list does not have, then 400 INVALID_REFERENCE names the entry number and nothing is stored', async () => {
    const res = await expert.post('/api/v1/curated-limits/overrides', { ...DEGBE_OVERRIDE, entryNumber: '99' });

    expect(res.status, show(res)).to.equal(400);
    expect(res.body.code).to.equal('INVALID_REFERENCE');
    expect(res.body.issues[0].path).to.equal('body.entryNumber');
    expect(await overrideCount()).to.equal(1);
  });

  it('when an override is invalid, then 400 names each offending field', async () => {
    const over = await expert.post('/api/v1/curated-limits/overrides', { ...DEGBE_OVERRIDE, percent: 150 });
    const noEntry = await expert.post('/api/v1/curated-limits/overrides', { ...DEGBE_OVERRIDE, entryNumber: null });
    const otherList = await expert.post('/api/v1/curated-limits/overrides', { ...DEGBE_OVERRIDE, listId: 'echa-candidate-list' });

    for (const [res, path] of [[over, 'body.percent'], [noEntry, 'body.entryNumber'], [otherList, 'body.listId']] as const) {
      expect(res.status, show(res)).to.equal(400);
      expect(res.body.code).to.equal('VALIDATION_FAILED');
      expect(res.body.issues.map((i: { path: string }) => i.path)).to.include(path);
    }
    expect(await overrideCount()).to.equal(1);
  });

  it('when the override is replaced with a higher limit, then the re-screen finds the product below it and the job reports the severity change', async () => {
    const res = await admin.put(`/api/v1/curated-limits/overrides/${overrideId}`, { ...DEGBE_OVERRIDE, percent: 20, scope: 'test: 20 %' });

    expect(res.status, show(res)).to.equal(200);
    expect(res.body.override).to.include({ id: overrideId, percent: 20 });
    expect(res.body.override.updatedBy.role).to.equal('admin');
    const job = await jobSucceeded(res.body.rescreenJobId);
    expect(job.result.severityChanged).to.equal(1);

    const finding = await annexXviiFinding();
    expect(finding.limit).to.include({ percent: 20 });
    expect(finding.concentrationTest).to.equal('below');
    expect(finding.severity).to.equal('info');
  });

  it('when the override is deleted, then chemreg\'s table applies again (here: none, so presence), and the override is gone', async () => {
    const res = await expert.delete(`/api/v1/curated-limits/overrides/${overrideId}`);

    expect(res.status, show(res)).to.equal(200);
    expect(res.body.override).to.include({ id: overrideId, percent: 20 });
    await jobSucceeded(res.body.rescreenJobId);
    const finding = await annexXviiFinding();
    expect(finding.limit).to.equal(null);
    expect(finding.concentrationTest).to.equal('not-applicable');
    expect(await overrideCount()).to.equal(0);

    const again = await expert.delete(`/api/v1/curated-limits/overrides/${overrideId}`);
    expect(again.status, show(again)).to.equal(404);
    expect(again.body.code).to.equal('NOT_FOUND');
  });

  it('when overrides were created, replaced and deleted, then the audit trail has each with before and after', async () => {
    const res = await admin.get(`/api/v1/audit?entityType=curated-limit&entityId=${overrideId}`);

    expect(res.status, show(res)).to.equal(200);
    const entries = res.body.items as Array<{ action: string; before: Record<string, unknown> | null; after: Record<string, unknown> | null }>;
    expect(entries.map((e) => e.action).sort()).to.deep.equal(['curated-limit.created', 'curated-limit.deleted', 'curated-limit.replaced']);
    const replaced = entries.find((e) => e.action === 'curated-limit.replaced');
    expect(replaced?.before).to.include({ percent: 3 });
    expect(replaced?.after).to.include({ percent: 20 });
  });

  it('when procurement tries to override a limit, then 403 and nothing is stored', async () => {
    const res = await procurement.post('/api/v1/curated-limits/overrides', DEGBE_OVERRIDE);

    expect(res.status, show(res)).to.equal(403);
    expect(await overrideCount()).to.equal(0);
  });
});
