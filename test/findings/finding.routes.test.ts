// Screening and the findings workflow end to end through the API: a list imported, a contract applying it, an
// SDS uploaded, findings raised with evidence, decisions with history, and a new list version re-screening.
import { expect } from 'chai';
import { SYSTEM_ACTOR } from '../../src/audit/index.js';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';
import { sdsForm } from '../support/forms.js';

const show = (res: Response): string => `${res.status} ${JSON.stringify(res.body)}`;

/** A list in chemreg's JSON format, as a user or the shipped snapshot would import it. */
function listFile(listId: string, kind: string, entries: ListEntry[], listDate = '2026-02-04'): FormData {
  const body = new FormData();
  const json = JSON.stringify({ chemreg: 'list', version: 1, listId, name: `Test list ${listId}`, kind, listDate, entries });
  body.append('file', new Blob([json], { type: 'application/json' }), `${listId}.json`);
  return body;
}

describe('findings API (screening end to end)', function () {
  this.timeout(60_000);

  let t: TestApp;
  let admin: Client;
  let expert: Client;
  let supplierA: string;
  let asSupplierA: Client;
  let asSupplierB: Client;
  let contractId: string;
  let productId: string;
  // The generated Swedish SDS declares 2-(2-butoxietoxi)etanol, CAS 112-34-5, at 5–10 %.
  const sds = buildSdsPdf(defaultSpec('sv'));
  const phaseOut = (entries: ListEntry[]) => listFile('region-phase-out', 'custom', entries);
  const butoxy = { ...blankEntry('112-34-5', '2-(2-butoxyethoxy)ethanol'), cas: ['112-34-5'], reasons: ['region phase-out (test)'] };
  const unrelated = { ...blankEntry('50-00-0', 'Formaldehyde'), cas: ['50-00-0'] };

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    expert = t.as((await t.issueToken('expert')).token);
    const created = async (path: string, body: unknown): Promise<string> => {
      const res = await admin.post<{ id: string }>(path, body);
      expect(res.status, show(res)).to.equal(201);
      return res.body.id;
    };
    supplierA = await created('/api/v1/suppliers', { name: 'Städ & Hygien AB', orgNumber: swedishOrgNumber() });
    const supplierB = await created('/api/v1/suppliers', { name: 'Konkurrent AB', orgNumber: swedishOrgNumber() });
    asSupplierA = t.as((await t.issueToken('supplier', supplierA)).token);
    asSupplierB = t.as((await t.issueToken('supplier', supplierB)).token);
    contractId = await created('/api/v1/contracts', {
      number: 'RS-2026-0042', title: 'Städkemikalier', buyer: 'Region Stockholm', supplierIds: [supplierA],
      validFrom: '2026-01-01', validTo: '2029-12-31', category: 'cleaning chemicals',
      requirementProfile: { lists: [{ list: 'region-phase-out', severity: 'orange', thresholdPercent: 1 }], clauses: [] },
    });
    productId = await created('/api/v1/products', { supplierId: supplierA, name: 'Golvrent Neutral', kind: 'mixture', contractIds: [contractId] });
  });
  after(async () => {
    await t?.close();
  });

  it('when a list is imported, then it is version 1 with its counts, and the re-screen job it started finishes', async () => {
    const res = await admin.post('/api/v1/lists/import', phaseOut([butoxy, unrelated]));
    expect(res.status, show(res)).to.equal(201);
    expect(res.body.version).to.include({ listId: 'region-phase-out', version: 1, entryCount: 2, origin: 'upload' });
    await t.services.jobs.whenIdle();
    const job = await expert.get(`/api/v1/jobs/${res.body.rescreenJobId}`);
    expect(job.status, show(job)).to.equal(200);
    expect(job.body.status).to.equal('succeeded');

    const again = await admin.post('/api/v1/lists/import', phaseOut([butoxy, unrelated]));
    expect(again.status, 'the same file again answers the same version').to.equal(200);
    expect(again.body.version.version).to.equal(1);
  });

  it('when the supplier uploads an SDS declaring a listed substance, then a finding is raised with the contract, the match, the concentration test and the evidence', async () => {
    const upload = await asSupplierA.post(`/api/v1/products/${productId}/sds`, sdsForm(sds.bytes));
    expect(upload.status, show(upload)).to.equal(201);

    const res = await expert.get(`/api/v1/findings?productId=${productId}`);
    expect(res.status, show(res)).to.equal(200);
    expect(res.body.total).to.equal(1);
    const finding = res.body.items[0];
    expect(finding).to.include({ productId, supplierId: supplierA, matchType: 'cas', certainty: 'exact', status: 'open', severity: 'orange' });
    expect(finding.contractIds).to.deep.equal([contractId]);
    expect(finding.list).to.include({ id: 'region-phase-out', version: 1, entryKey: '112-34-5' });
    expect(finding.substance).to.include({ cas: '112-34-5', concentration: '5 - 10 %' });
    // 5–10 % against the contract's 1 % threshold.
    expect(finding.concentrationTest).to.equal('exceeds');
    expect(finding.limit).to.include({ percent: 1, source: 'contract' });
    expect(finding.evidence).to.include({ source: 'sds', documentId: upload.body.id });
    expect(finding.evidence.page).to.be.a('number');
    expect(finding.evidence.quote).to.include('112-34-5');
    expect(finding.history.map((h: { action: string }) => h.action)).to.deep.equal(['raised']);
  });

  it('when suppliers list findings, then each sees only its own', async () => {
    expect((await asSupplierA.get('/api/v1/findings')).body.total).to.equal(1);
    expect((await asSupplierB.get('/api/v1/findings')).body.total).to.equal(0);
    const id = (await expert.get(`/api/v1/findings?productId=${productId}`)).body.items[0].id as string;
    expect((await asSupplierB.get(`/api/v1/findings/${id}`)).status).to.equal(404);
  });

  it('when an expert dismisses without a reason, then 400 names the comment; with one, the finding is dismissed and the history says who and why', async () => {
    const id = (await expert.get(`/api/v1/findings?productId=${productId}`)).body.items[0].id as string;
    const bare = await expert.post(`/api/v1/findings/${id}/decisions`, { action: 'dismiss' });
    expect(bare.status, show(bare)).to.equal(400);
    expect(bare.body.issues.map((i: { path: string }) => i.path)).to.include('body.comment');

    const bySupplier = await asSupplierA.post(`/api/v1/findings/${id}/decisions`, { action: 'dismiss', comment: 'not relevant' });
    expect(bySupplier.status, 'a supplier cannot dismiss its own finding').to.equal(403);

    const res = await expert.post(`/api/v1/findings/${id}/decisions`, { action: 'dismiss', comment: 'solvent evaporates before use; accepted by the contract owner' });
    expect(res.status, show(res)).to.equal(200);
    expect(res.body.status).to.equal('dismissed');
    expect(res.body.history.at(-1)).to.deep.include({ action: 'dismiss', from: 'open', to: 'dismissed', comment: 'solvent evaporates before use; accepted by the contract owner' });

    const confirmAfter = await expert.post(`/api/v1/findings/${id}/decisions`, { action: 'confirm' });
    expect(confirmAfter.status, 'confirm is only allowed from open').to.equal(409);
  });

  it('when findings are filtered by several statuses, then any of them matches, and an unknown status is a 400 naming the field', async () => {
    // Act
    const stillOpen = await expert.get(`/api/v1/findings?productId=${productId}&status=open,confirmed,substitution-requested`);
    const either = await expert.get(`/api/v1/findings?productId=${productId}&status=open,dismissed`);
    const one = await expert.get(`/api/v1/findings?productId=${productId}&status=dismissed`);
    const bad = await expert.get(`/api/v1/findings?productId=${productId}&status=open,closed`);

    // Assert
    expect(stillOpen.body.total, show(stillOpen)).to.equal(0);
    expect(either.body.total, show(either)).to.equal(1);
    expect(one.body.total, show(one)).to.equal(1);
    expect(bad.status, show(bad)).to.equal(400);
    expect(bad.body.issues.map((i: { path: string }) => i.path)).to.include('query.status.1');
  });

  it('when the list is re-imported unchanged in content but as a new file, then the dismissed finding stays dismissed and is not rewritten', async () => {
    const before = (await expert.get(`/api/v1/findings?productId=${productId}`)).body.items[0];
    const res = await admin.post('/api/v1/lists/import', listFile('region-phase-out', 'custom', [butoxy, unrelated], '2026-03-01'));
    expect(res.status, show(res)).to.equal(201);
    expect(res.body.version.version).to.equal(2);
    await t.services.jobs.whenIdle();
    const job = (await expert.get(`/api/v1/jobs/${res.body.rescreenJobId}`)).body;
    expect(job.result).to.include({ raised: 0, resolved: 0, severityChanged: 0, reopened: 0 });
    // Still the version it was raised against: version 2 changed nothing about it, so nothing was written.
    const after = (await expert.get(`/api/v1/findings?productId=${productId}`)).body.items[0];
    expect(after).to.deep.equal(before);
    expect(after.status).to.equal('dismissed');
    expect(after.list.version).to.equal(1);
  });

  it('when a new list version drops the entry, then the re-screen resolves the finding and its report counts it per contract and supplier', async () => {
    const res = await admin.post('/api/v1/lists/import', listFile('region-phase-out', 'custom', [unrelated], '2026-06-01'));
    expect(res.status, show(res)).to.equal(201);
    await t.services.jobs.whenIdle();
    const job = (await expert.get(`/api/v1/jobs/${res.body.rescreenJobId}`)).body;
    expect(job.status).to.equal('succeeded');
    expect(job.result.resolved).to.equal(1);
    expect(job.result.bySupplier[supplierA]).to.include({ resolved: 1 });
    expect(job.result.byContract[contractId]).to.include({ resolved: 1 });

    const finding = (await expert.get(`/api/v1/findings?productId=${productId}`)).body.items[0];
    expect(finding.status).to.equal('resolved');
    expect(finding.history.at(-1)).to.include({ action: 'no-longer-matched', from: 'dismissed', to: 'resolved' });

    const diff = await expert.get('/api/v1/lists/region-phase-out/versions/2/diff/3');
    expect(diff.status, show(diff)).to.equal(200);
    expect(diff.body.removed).to.deep.equal([{ key: '112-34-5', name: '2-(2-butoxyethoxy)ethanol' }]);
  });

  it('when the entry returns and an expert requests substitution, then the finding reopens and the supplier answers with its new SDS revision (only one of its own product)', async () => {
    const res = await admin.post('/api/v1/lists/import', listFile('region-phase-out', 'custom', [butoxy, unrelated], '2026-09-01'));
    expect(res.status, show(res)).to.equal(201);
    await t.services.jobs.whenIdle();
    const job = (await expert.get(`/api/v1/jobs/${res.body.rescreenJobId}`)).body;
    expect(job.result).to.include({ reopened: 1 });
    const finding = (await expert.get(`/api/v1/findings?productId=${productId}`)).body.items[0];
    expect(finding).to.include({ status: 'open' });
    expect(finding.history.at(-1)).to.include({ action: 'matched-again', from: 'resolved', to: 'open' });

    const request = await expert.post(`/api/v1/findings/${finding.id}/decisions`, { action: 'request-substitution', comment: 'please replace 2-(2-butoxyethoxy)ethanol' });
    expect(request.status, show(request)).to.equal(200);
    expect(request.body.status).to.equal('substitution-requested');

    const upload = await asSupplierA.post(`/api/v1/products/${productId}/sds`, sdsForm(buildSdsPdf(defaultSpec('sv', { productName: 'Golvrent Neutral 2' })).bytes));
    expect(upload.status, show(upload)).to.equal(201);
    const foreign = await asSupplierA.post(`/api/v1/findings/${finding.id}/decisions`, { action: 'answer', comment: 'see the attached SDS', documentId: '0123456789abcdef01234567' });
    expect(foreign.status, show(foreign)).to.equal(400);
    expect(foreign.body).to.include({ code: 'INVALID_REFERENCE' });
    expect(foreign.body.issues.map((i: { path: string }) => i.path)).to.deep.equal(['body.documentId']);

    const answer = await asSupplierA.post(`/api/v1/findings/${finding.id}/decisions`, { action: 'answer', comment: 'reformulated; see the new SDS', documentId: upload.body.id });
    expect(answer.status, show(answer)).to.equal(200);
    expect(answer.body.status, 'an answer leaves the decision to the expert').to.equal('substitution-requested');
    expect(answer.body.history.at(-1)).to.include({ action: 'answer', comment: 'reformulated; see the new SDS', documentId: upload.body.id });
    expect(answer.body.history.at(-1).by).to.include({ role: 'supplier' });
  });

  describe('re-screening what experts decided', () => {
    const rescreen = async (): Promise<Record<string, unknown>> => {
      const job = await t.services.jobs.enqueue(SYSTEM_ACTOR, 'rescreen', 'test');
      await t.services.jobs.whenIdle();
      const done = (await expert.get(`/api/v1/jobs/${job.id}`)).body;
      expect(done.status).to.equal('succeeded');
      return done.result as Record<string, unknown>;
    };
    const theFinding = async (): Promise<Record<string, any>> => (await expert.get(`/api/v1/findings?productId=${productId}`)).body.items[0] as Record<string, any>;
    const digests = () => t.storage.connection.db!.collection('screeningDigests');

    it('when an exception\'s last day has passed, then the next re-screen reopens the finding although nothing else changed', async () => {
      const granted = await expert.post(`/api/v1/findings/${(await theFinding()).id}/decisions`, { action: 'grant-exception', comment: 'no alternative on the market yet', until: '2099-12-31' });
      expect(granted.status, show(granted)).to.equal(200);
      expect(await rescreen()).to.include({ raised: 0, resolved: 0, reopened: 0 });
      expect((await theFinding()).status).to.equal('exception');
      // Time passes: the exception's last day is now behind us.
      await t.storage.connection.db!.collection('findings').updateOne({ productId, status: 'exception' }, { $set: { exceptionUntil: '2020-01-31' } });

      expect(await rescreen()).to.include({ reopened: 1 });
      const finding = await theFinding();
      expect(finding).to.include({ status: 'open', exceptionUntil: null });
      expect(finding.history.at(-1)).to.include({ action: 'exception-expired', from: 'exception', to: 'open' });
    });

    it('when an expert reopens a finding that screening resolved as no longer matched, then the next re-screen resolves it again', async () => {
      const dropped = await admin.post('/api/v1/lists/import', listFile('region-phase-out', 'custom', [unrelated], '2026-10-01'));
      expect(dropped.status, show(dropped)).to.equal(201);
      await t.services.jobs.whenIdle();
      const resolved = await theFinding();
      expect(resolved.status).to.equal('resolved');

      const reopened = await expert.post(`/api/v1/findings/${resolved.id}/decisions`, { action: 'reopen', comment: 'checking with the supplier' });
      expect(reopened.status, show(reopened)).to.equal(200);
      expect(await rescreen()).to.include({ resolved: 1 });
      const finding = await theFinding();
      expect(finding.status).to.equal('resolved');
      expect(finding.history.at(-1)).to.include({ action: 'no-longer-matched', from: 'open', to: 'resolved' });
    });

    it('when the stored findings digests are lost, then a re-screen compares every product in full, changes nothing and stores them again', async () => {
      const before = await theFinding();
      await digests().deleteMany({});
      expect(await rescreen()).to.include({ raised: 0, resolved: 0, severityChanged: 0, reopened: 0 });
      expect(await theFinding()).to.deep.equal(before);
      expect(await digests().countDocuments({ _id: productId as never })).to.equal(1);
    });
  });

  it('when an upload was stored but never screened (a crash in between) and the client retries it, then the retry screens the product', async () => {
    // Arrange: a product whose SDS raised a finding, then its findings and screening digest removed, as if screening
    // had never run.
    const fresh = await admin.post<{ id: string }>('/api/v1/products', { supplierId: supplierA, name: 'Golvrent Extra', kind: 'mixture', contractIds: [contractId] });
    const first = await asSupplierA.post(`/api/v1/products/${fresh.body.id}/sds`, sdsForm(sds.bytes));
    expect(first.status, show(first)).to.equal(201);
    const raised = await expert.get(`/api/v1/findings?productId=${fresh.body.id}`);
    expect(raised.body.total, show(raised)).to.be.greaterThan(0);
    await t.storage.connection.db!.collection('findings').deleteMany({ productId: fresh.body.id });
    await t.storage.connection.db!.collection<{ _id: string }>('screeningDigests').deleteOne({ _id: fresh.body.id });

    // Act
    const retry = await asSupplierA.post(`/api/v1/products/${fresh.body.id}/sds`, sdsForm(sds.bytes));
    const after = await expert.get(`/api/v1/findings?productId=${fresh.body.id}`);

    // Assert
    expect(retry.status, show(retry)).to.equal(200);
    expect(after.body.total).to.equal(raised.body.total);
  });
});
