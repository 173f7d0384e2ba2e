// The lists a fresh install starts with (issue 5: "A fresh install loads them on first start"), and what a restart
// or a release with a newer snapshot does to lists that are already there.
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';
import type { ListVersion } from '../../src/lists/list.schema.js';
import { loadShippedLists } from '../../src/lists/shipped.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const PRIO = 'prio-phase-out-derived';

function listJson(listId: string, listDate: string, cas: string[]): string {
  const entries: ListEntry[] = cas.map((c) => ({ ...blankEntry(c, `substance ${c}`), cas: [c] }));
  return JSON.stringify({ chemreg: 'list', version: 1, listId, name: `Shipped ${listId}`, kind: 'regulatory', listDate, entries });
}

describe('lists/shipped', function () {
  this.timeout(60_000);
  let t: TestApp;
  let dir: string;

  beforeEach(async () => {
    t = await startTestApp();
    dir = await mkdtemp(join(tmpdir(), 'chemreg-shipped-'));
  });
  afterEach(async () => {
    await t?.close();
    await rm(dir, { recursive: true, force: true });
  });

  const versionsOf = async (listId: string): Promise<ListVersion[]> =>
    (await t.services.lists.versions(listId, { limit: 50, offset: 0 })).items;

  it('when chemreg starts on an empty database, then the snapshot in data/lists and the derived PRIO criteria are loaded as version 1, with the counts the official exports have', async () => {
    const loaded = await loadShippedLists(t.services.lists);
    expect(loaded).to.have.members([
      'clp-annex-vi-cmr', 'echa-candidate-list', 'eu-pops', 'reach-annex-xiv', 'reach-annex-xvii', 'rohs-annex-ii', PRIO,
    ]);
    const counts = Object.fromEntries(
      await Promise.all(loaded.map(async (id) => [id, (await t.services.lists.get(id)).latestVersion?.entryCount] as const)),
    );
    expect(counts).to.include({ 'echa-candidate-list': 253, 'reach-annex-xiv': 59, 'reach-annex-xvii': 78, 'eu-pops': 34, 'rohs-annex-ii': 10 });
    expect(counts['clp-annex-vi-cmr']).to.be.greaterThan(1000);
    expect((await t.services.lists.get(PRIO)).latestVersion).to.include({ origin: 'derived', version: 1 });
  });

  it('when chemreg restarts with the same files, then nothing is loaded again', async () => {
    await writeFile(join(dir, 'region-list.json'), listJson('region-list', '2026-01-01', ['50-00-0']));
    expect(await loadShippedLists(t.services.lists, { dir })).to.have.members(['region-list', PRIO]);
    expect(await loadShippedLists(t.services.lists, { dir })).to.deep.equal([]);
    expect(await versionsOf('region-list')).to.have.length(1);
  });

  it('when a release ships a newer snapshot of a list, then it becomes the next version and products already registered are re-screened against it', async () => {
    await writeFile(join(dir, 'region-list.json'), listJson('region-list', '2026-01-01', ['50-00-0']));
    await loadShippedLists(t.services.lists, { dir });
    // A product whose SDS declares 2-(2-butoxietoxi)etanol (112-34-5), not on version 1.
    const admin = t.as(t.adminToken);
    const supplier = await admin.post('/api/v1/suppliers', { name: 'Städ AB', orgNumber: swedishOrgNumber() });
    const product = await admin.post('/api/v1/products', { supplierId: supplier.body.id, name: 'Golvrent', kind: 'mixture' });
    const form = new FormData();
    form.append('file', new Blob([buildSdsPdf(defaultSpec('sv')).bytes], { type: 'application/pdf' }), 'sdb.pdf');
    expect((await admin.post(`/api/v1/products/${product.body.id}/sds`, form)).status).to.equal(201);
    const findings = async () => (await admin.get(`/api/v1/findings?productId=${product.body.id}&listId=region-list`)).body.items as Array<{ list: { version: number } }>;
    expect(await findings()).to.deep.equal([]);

    await writeFile(join(dir, 'region-list.json'), listJson('region-list', '2026-06-01', ['50-00-0', '112-34-5']));
    expect(await loadShippedLists(t.services.lists, { dir })).to.deep.equal(['region-list']);
    const versions = await versionsOf('region-list');
    expect(versions.map((v) => [v.version, v.listDate, v.origin])).to.deep.equal([[2, '2026-06-01', 'shipped'], [1, '2026-01-01', 'shipped']]);
    await t.services.jobs.whenIdle();
    expect((await findings()).map((f) => f.list.version)).to.deep.equal([2]);
  });

  it('when a user has imported a list dated later than the shipped file, then the shipped file does not replace it', async () => {
    const form = new FormData();
    form.append('file', new Blob([listJson('region-list', '2026-09-01', ['71-43-2'])], { type: 'application/json' }), 'region-list.json');
    const res = await t.as(t.adminToken).post('/api/v1/lists/import', form);
    expect(res.status, JSON.stringify(res.body)).to.equal(201);

    await writeFile(join(dir, 'region-list.json'), listJson('region-list', '2026-06-01', ['50-00-0']));
    expect(await loadShippedLists(t.services.lists, { dir })).to.not.include('region-list');
    expect((await versionsOf('region-list')).map((v) => [v.version, v.origin])).to.deep.equal([[1, 'upload']]);
  });
});
