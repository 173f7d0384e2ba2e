// Conformance: cursor batching, getMore, killCursors and large results as documented by MongoDB.
import { expect } from 'chai';
import { MongoClient, type Db, type Document } from 'mongodb';
import { openTarget, rejectionOf, type Target } from '../target.js';

/** Raw command results decoded with int64 as bigint, so cursor ids round-trip as int64 exactly. */
const RAW = { useBigInt64: true } as const;

interface RawCursor {
  id: bigint;
  ns: string;
  firstBatch?: Document[];
  nextBatch?: Document[];
}

function cursorOf(reply: Document): RawCursor {
  const cursor = reply['cursor'] as RawCursor | undefined;
  expect(cursor, 'reply has a cursor').to.be.an('object');
  return cursor as RawCursor;
}

describe('engine conformance: cursors', function () {
  const N = 250;
  let target: Target | undefined;
  let client: MongoClient | undefined;
  let db: Db;

  before(async function () {
    target = await openTarget();
    client = new MongoClient(target.uri, { serverSelectionTimeoutMS: 5000 });
    await client.connect();
    db = client.db(target.dbName);
    const docs: Document[] = [];
    for (let i = 0; i < N; i++) docs.push({ _id: i, v: i % 10, pad: 'x'.repeat(50) });
    await db.collection('many').insertMany(docs);
  });

  after(async function () {
    await client?.close();
    await target?.close();
  });

  it('when a find is read with a small batchSize, then getMore across many batches returns every document exactly once', async function () {
    // Arrange
    const cursor = db.collection('many').find({}).batchSize(7);
    const seen = new Map<unknown, number>();
    // Act
    for await (const doc of cursor) seen.set(doc._id, (seen.get(doc._id) ?? 0) + 1);
    // Assert
    expect(seen.size).to.equal(N);
    expect([...seen.values()].every((c) => c === 1)).to.equal(true);
  });

  it('when an aggregate is read with a small batchSize, then every document is returned exactly once in pipeline order', async function () {
    // Act
    const docs = await db
      .collection('many')
      .aggregate([{ $sort: { _id: -1 } }, { $project: { _id: 1 } }], { batchSize: 11 })
      .toArray();
    // Assert
    expect(docs.map((d): unknown => d._id)).to.deep.equal(Array.from({ length: N }, (_, i) => N - 1 - i));
  });

  it('when a find has no batchSize, then the first batch holds 101 documents and getMore returns the rest', async function () {
    // Act
    const first = await db.command({ find: 'many', filter: {}, sort: { _id: 1 } }, RAW);
    const c1 = cursorOf(first);
    const more = await db.command({ getMore: c1.id, collection: 'many' }, RAW);
    const c2 = cursorOf(more);
    // Assert
    expect(c1.firstBatch).to.have.length(101);
    expect(c1.id).to.not.equal(0n);
    expect(c1.ns).to.equal(`${db.databaseName}.many`);
    expect(c2.nextBatch).to.have.length(N - 101);
    expect(c2.id).to.equal(0n);
    const ids = [...(c1.firstBatch ?? []), ...(c2.nextBatch ?? [])].map((d) => Number(d['_id']));
    expect(ids).to.deep.equal(Array.from({ length: N }, (_, i) => i));
  });

  it('when find and getMore are given a batchSize, then each batch has exactly that many documents until the end', async function () {
    // Act
    const first = await db.command({ find: 'many', filter: { v: 3 }, batchSize: 10 }, RAW);
    const c1 = cursorOf(first);
    const c2 = cursorOf(await db.command({ getMore: c1.id, collection: 'many', batchSize: 10 }, RAW));
    const c3 = cursorOf(await db.command({ getMore: c2.id, collection: 'many', batchSize: 10 }, RAW));
    // Assert: 25 documents have v === 3
    expect(c1.firstBatch).to.have.length(10);
    expect(c2.nextBatch).to.have.length(10);
    expect(c3.nextBatch).to.have.length(5);
    expect(c3.id).to.equal(0n);
  });

  it('when a find has a limit smaller than the batch, then the cursor is exhausted in the first batch', async function () {
    // Act
    const c = cursorOf(await db.command({ find: 'many', filter: {}, limit: 5 }, RAW));
    // Assert
    expect(c.firstBatch).to.have.length(5);
    expect(c.id).to.equal(0n);
  });

  it('when more than 101 documents match, then toArray returns all of them in sort order', async function () {
    // Act
    const docs = await db.collection('many').find({}, { projection: { pad: 0 } }).sort({ v: 1, _id: 1 }).toArray();
    // Assert
    expect(docs).to.have.length(N);
    const expected = Array.from({ length: N }, (_, i) => i).sort((a, b) => a % 10 - (b % 10) || a - b);
    expect(docs.map((d) => d._id)).to.deep.equal(expected);
  });

  it('when a cursor is closed by the client, then its server cursor is killed and getMore on its id fails with CursorNotFound (43)', async function () {
    // Arrange
    const cursor = db.collection('many').find({}).batchSize(2);
    await cursor.next();
    const id = cursor.id;
    expect(id, 'open server cursor').to.not.equal(undefined);
    expect(id?.isZero()).to.equal(false);
    // Act
    await cursor.close();
    const err = await rejectionOf(db.command({ getMore: id, collection: 'many' }));
    // Assert
    expect(cursor.killed, 'driver sent killCursors').to.equal(true);
    expect(err.code).to.equal(43);
  });

  it('when killCursors names an open cursor, then it is reported as killed and later getMore fails with 43', async function () {
    // Arrange
    const c = cursorOf(await db.command({ find: 'many', filter: {}, batchSize: 3 }, RAW));
    // Act
    const killed = await db.command({ killCursors: 'many', cursors: [c.id] }, RAW);
    const err = await rejectionOf(db.command({ getMore: c.id, collection: 'many' }, RAW));
    // Assert
    expect(killed['cursorsKilled']).to.deep.equal([c.id]);
    expect(err.code).to.equal(43);
  });

  it('when getMore names a cursor id that never existed, then it fails with CursorNotFound (43)', async function () {
    // Act
    const err = await rejectionOf(db.command({ getMore: 123456789n, collection: 'many' }, RAW));
    // Assert
    expect(err.code).to.equal(43);
  });

  it('when the matching documents total more than 16 MiB, then the first batch is cut below 16 MiB and getMore returns the rest', async function () {
    // Arrange: 18 documents of ~1 MiB each (~18 MiB in total)
    const coll = db.collection('big');
    const blob = 'y'.repeat(1024 * 1024);
    const docs: Document[] = [];
    for (let i = 0; i < 18; i++) docs.push({ _id: i, blob });
    await coll.insertMany(docs);
    // Act
    const first = cursorOf(await db.command({ find: 'big', filter: {}, sort: { _id: 1 }, projection: { _id: 1, blob: 1 } }, RAW));
    const viaDriver = await coll.find({}, { projection: { blob: 0 } }).sort({ _id: 1 }).toArray();
    const all = await coll.find({}).sort({ _id: 1 }).toArray();
    // Assert
    expect(first.firstBatch?.length ?? 0).to.be.within(1, 16);
    expect(first.id).to.not.equal(0n);
    await db.command({ killCursors: 'big', cursors: [first.id] }, RAW);
    expect(viaDriver.map((d) => d._id)).to.deep.equal(Array.from({ length: 18 }, (_, i) => i));
    expect(all).to.have.length(18);
    expect(all.every((d) => d['blob'] === blob)).to.equal(true);
  });
});
