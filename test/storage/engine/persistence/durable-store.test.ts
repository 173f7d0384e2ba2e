import { expect } from 'chai';
import { Binary } from 'bson';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
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

  it('when the log has grown by less than the last snapshot, then no new snapshot is taken until it grows past it', async () => {
    const snapshotNumber = (): number | undefined => readdirSync(dir).map((f) => /^snapshot-(\d+)\.bson$/.exec(f)?.[1]).filter(Boolean).map(Number)[0];
    const snapshotSize = (): number => statSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.bson'))!)).size;
    const put = async (store: DurableStore, catalog: Catalog, from: number, n: number, size: number): Promise<void> => {
      for (let i = from; i < from + n; i++) await store.append(apply(catalog, [{ o: 'put', db: 'd', c: 'items', doc: { _id: i, text: 'x'.repeat(size) } }]));
    };
    // A state of about 100 KiB, snapshotted (the log passed the 4 KiB minimum).
    let catalog = new Catalog();
    let { store } = await DurableStore.open(dir, catalog, { compactAfterBytes: 4096 });
    await store.append(apply(catalog, [{ o: 'createColl', db: 'd', c: 'items', options: {}, uuid: newCollectionUuid() }]));
    await put(store, catalog, 0, 100, 1000);
    await store.close();
    catalog = new Catalog();
    ({ store } = await DurableStore.open(dir, catalog, { compactAfterBytes: 4096 }));
    await store.compact();
    const first = snapshotNumber();
    const size = snapshotSize();
    expect(size).to.be.greaterThan(100_000);
    // Half the snapshot's size of writes: well past 4 KiB, but no snapshot.
    await put(store, catalog, 1000, 50, 1000);
    await store.close();
    expect(snapshotNumber()).to.equal(first);
    // Past the snapshot's size: a new one.
    catalog = new Catalog();
    ({ store } = await DurableStore.open(dir, catalog, { compactAfterBytes: 4096 }));
    await put(store, catalog, 2000, 60, 1000);
    await store.close();
    expect(snapshotNumber()).to.be.greaterThan(first!);
    const reopened = new Catalog();
    const { store: again } = await DurableStore.open(dir, reopened);
    await again.close();
    expect(reopened.get('d', 'items')!.size).to.equal(210);
  });

  it('when writes arrive while a snapshot is written in the background, then reopening restores every one of them', async () => {
    const catalog = new Catalog();
    const { store } = await DurableStore.open(dir, catalog, { compactAfterBytes: 64 * 1024 });
    await store.append(apply(catalog, [{ o: 'createColl', db: 'd', c: 'items', options: {}, uuid: newCollectionUuid() }]));
    await store.append(apply(catalog, [{ o: 'createIndex', db: 'd', c: 'items', spec: { v: 2, key: { sku: 1 }, name: 'sku_1', unique: true } }]));
    // Many concurrent writes: snapshots start between flushes while later writes (replacements, deletes, inserts)
    // keep arriving.
    const writes: Array<Promise<void>> = [];
    for (let i = 0; i < 20_000; i++) {
      const effect: Effect = i % 10 === 9
        ? { o: 'del', db: 'd', c: 'items', id: i - 5 }
        : { o: 'put', db: 'd', c: 'items', doc: { _id: i % 7 === 0 && i > 0 ? i - 7 : i, sku: `SKU-${i}`, text: 'y'.repeat(30) } };
      writes.push(store.append(apply(catalog, [effect])));
      if (i % 500 === 0) await new Promise((r) => setImmediate(r));
    }
    await Promise.all(writes);
    await store.close();
    expect(readdirSync(dir).some((f) => f.startsWith('snapshot-'))).to.equal(true);

    const reopened = new Catalog();
    const { store: again } = await DurableStore.open(dir, reopened);
    await again.close();
    const live = catalog.get('d', 'items')!;
    const restored = reopened.get('d', 'items')!;
    expect(restored.size).to.equal(live.size);
    expect([...restored.docs.entries()]).to.deep.equal([...live.docs.entries()]);
    expect([...restored.candidateIds({ sku: 'SKU-42' })!]).to.deep.equal([...live.candidateIds({ sku: 'SKU-42' })!]);
  });

  it('when the state holds large documents (file chunks), then the snapshot is written in records of a few MiB, and reopening restores them', async () => {
    // Arrange: 24 documents of 1 MiB each, as GridFS stores a file's chunks. The engine thread encodes a record in one
    // go and commands wait meanwhile, so a record must stay small even when its documents are large.
    const MiB = 1024 * 1024;
    const catalog = new Catalog();
    const { store } = await DurableStore.open(dir, catalog, { compactAfterBytes: 1024 });
    await store.append(apply(catalog, [{ o: 'createColl', db: 'd', c: 'fs.chunks', options: {}, uuid: newCollectionUuid() }]));
    for (let n = 0; n < 24; n++) {
      await store.append(apply(catalog, [{ o: 'put', db: 'd', c: 'fs.chunks', doc: { _id: n, n, data: new Binary(Buffer.alloc(MiB, n)) } }]));
    }

    // Act
    await store.compact();
    await store.close();

    // Assert: records are [u32 payload length][u32 CRC-32][payload] (records.ts)
    const snapshot = readFileSync(join(dir, readdirSync(dir).find((f) => f.endsWith('.bson'))!));
    const payloads: number[] = [];
    for (let offset = 0; offset < snapshot.length; offset += 8 + payloads.at(-1)!) payloads.push(snapshot.readUInt32LE(offset));
    expect(payloads.length).to.be.above(4);
    expect(Math.max(...payloads), 'largest record').to.be.at.most(5 * MiB + 1024);
    const reopened = new Catalog();
    const { store: again } = await DurableStore.open(dir, reopened);
    await again.close();
    const chunks = reopened.get('d', 'fs.chunks')!;
    const docs = [...chunks.docs.values()].sort((a, b) => (a.n as number) - (b.n as number));
    expect(docs.map((d) => d.n as number)).to.deep.equal(Array.from({ length: 24 }, (_, n) => n));
    expect(Buffer.from((docs[23]!.data as Binary).buffer).equals(Buffer.alloc(MiB, 23))).to.equal(true);
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
