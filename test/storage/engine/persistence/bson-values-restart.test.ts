// DBRef-shaped documents and code values must come back from the log exactly as they were stored:
// the bson library would rebuild `{ $ref, $id }` documents as DBRef objects (reordering their
// fields), so the engine decodes them as plain documents on replay as it does on the wire.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import { Code, DBRef, MongoClient, type Document, type ObjectId } from 'mongodb';
import { startEngine } from '../../../../src/storage/engine/index.js';

function ref(collection: string, id: unknown, db?: string): DBRef {
  return new DBRef(collection, id as ObjectId, db);
}

async function withEngine<T>(dataDir: string, fn: (client: MongoClient) => Promise<T>): Promise<T> {
  const engine = await startEngine({ dataDir });
  const client = new MongoClient(engine.uri, { serverSelectionTimeoutMS: 5000 });
  try {
    await client.connect();
    return await fn(client);
  } finally {
    await client.close();
    await engine.close();
  }
}

describe('engine persistence: BSON values across a restart', function () {
  let dataDir: string;

  beforeEach(async function () {
    dataDir = await mkdtemp(join(tmpdir(), 'chemreg-bson-values-'));
  });

  afterEach(async function () {
    await rm(dataDir, { recursive: true, force: true });
  });

  it('when DBRefs and code are stored and the engine restarts, then they keep their field order, equality and unique keys', async function () {
    // Arrange
    await withEngine(dataDir, async (client) => {
      const coll = client.db('d').collection('refs');
      await coll.createIndex({ r: 1 }, { unique: true });
      await coll.insertMany([
        { _id: 1, r: ref('suppliers', 1) },
        { _id: 2, r: { $id: 7, $ref: 'suppliers' } },
        { _id: 3, r: ref('contracts', 1, 'other') },
        { _id: 4, r: new Code('return 1') },
      ] as Document[]);
    });
    // Act
    const outcome = await withEngine(dataDir, async (client) => {
      const coll = client.db('d').collection('refs');
      const raw = await coll.findOne({ _id: 2 } as Document, { raw: true });
      return {
        raw: Buffer.from(raw as unknown as Uint8Array),
        byDbRef: (await coll.find({ r: ref('suppliers', 1) }).toArray()).map((d) => d._id),
        bySubfield: (await coll.find({ 'r.$id': 1 }).sort({ _id: 1 }).toArray()).map((d) => d._id),
        byCode: (await coll.find({ r: new Code('return 1') }).toArray()).map((d) => d._id),
        duplicate: await coll.insertOne({ _id: 5, r: ref('contracts', 1, 'other') } as Document).then(
          () => undefined,
          (err: { code?: number }) => err.code,
        ),
        distinct: await coll.insertOne({ _id: 6, r: ref('contracts', 1) } as Document).then(() => 'stored'),
      };
    });
    // Assert
    expect(outcome.raw.indexOf('$id')).to.be.lessThan(outcome.raw.indexOf('$ref'));
    expect(outcome.byDbRef).to.deep.equal([1]);
    expect(outcome.bySubfield).to.deep.equal([1, 3]);
    expect(outcome.byCode).to.deep.equal([4]);
    expect(outcome.duplicate).to.equal(11000);
    expect(outcome.distinct).to.equal('stored');
  });
});
