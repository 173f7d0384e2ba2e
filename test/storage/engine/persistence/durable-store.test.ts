import { expect } from 'chai';
import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Catalog, type Effect } from '../../../../src/storage/engine/catalog/catalog.js';
import { newCollectionUuid } from '../../../../src/storage/engine/catalog/views.js';
import { DurableStore } from '../../../../src/storage/engine/persistence/durable-store.js';

function apply(catalog: Catalog, effects: Effect[]): Effect[] {
  for (const e of effects) catalog.apply(e);
  return effects;
}

describe('DurableStore', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'chemreg-store-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('when the log outgrows the compaction threshold, then a snapshot replaces the old logs and reopening restores the same state', async () => {
    const catalog = new Catalog();
    const { store } = await DurableStore.open(dir, catalog, { compactAfterBytes: 4096 });
    await store.append(apply(catalog, [{ o: 'createColl', db: 'd', c: 'items', options: {}, uuid: newCollectionUuid() }]));
    await store.append(apply(catalog, [{ o: 'createIndex', db: 'd', c: 'items', spec: { v: 2, key: { sku: 1 }, name: 'sku_1', unique: true } }]));
    for (let i = 0; i < 200; i++) {
      await store.append(apply(catalog, [{ o: 'put', db: 'd', c: 'items', doc: { _id: i, sku: `SKU-${i}`, text: 'x'.repeat(40) } }]));
    }
    await store.append(apply(catalog, [{ o: 'del', db: 'd', c: 'items', id: 7 }]));
    await store.close();

    const files = readdirSync(dir);
    expect(files.some((f) => f.startsWith('snapshot-'))).to.equal(true);
    expect(files.filter((f) => f.endsWith('.wal'))).to.have.length(1);

    const reopened = new Catalog();
    const { store: again, recovery } = await DurableStore.open(dir, reopened);
    await again.close();
    const coll = reopened.get('d', 'items')!;
    expect(recovery.snapshot).to.be.a('number');
    expect(coll.size).to.equal(199);
    expect(coll.indexes.map((i) => i.name)).to.deep.equal(['sku_1']);
    expect(coll.candidateIds({ sku: 'SKU-42' })).to.have.property('size', 1);
  });

  it('when the same data directory is opened twice in one process, then the second open fails naming the lock', async () => {
    const { store } = await DurableStore.open(dir, new Catalog());
    try {
      let error: unknown;
      try {
        await DurableStore.open(dir, new Catalog());
      } catch (err) {
        error = err;
      }
      expect(String(error)).to.match(/locked/);
    } finally {
      await store.close();
    }
  });
});
