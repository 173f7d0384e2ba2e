// Conformance: where the engine cannot do what MongoDB does, it must fail with a server error — never answer
// differently. Where real MongoDB itself errors, the test demands an error; where real MongoDB succeeds, the test
// accepts either MongoDB's correct answer or a server error, but never a different answer.
import { expect } from 'chai';
import { Decimal128, Double, Int32, Long, MongoClient, MongoServerError, type Db, type Document } from 'mongodb';
import { openTarget, rejectionOf, type Target } from '../target.js';

type Outcome<T> = { ok: true; value: T } | { ok: false; error: MongoServerError };

/** Either the operation succeeds (value) or the server refuses it with a proper command/write error. */
async function correctOrRefused<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (err) {
    expect(err, 'a refusal must be a server error, not a crash or timeout').to.be.instanceOf(MongoServerError);
    return { ok: false, error: err as MongoServerError };
  }
}

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: neither a result nor an error within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

describe('engine conformance: honesty (refuse rather than answer differently)', function () {
  let target: Target | undefined;
  let client: MongoClient | undefined;
  let db: Db;

  before(async function () {
    target = await openTarget();
    client = new MongoClient(target.uri, { serverSelectionTimeoutMS: 5000 });
    await client.connect();
    db = client.db(target.dbName);
    await db.collection('words').insertMany([
      { _id: 1, name: 'a', body: 'flammable liquid and vapour' },
      { _id: 2, name: 'A', body: 'causes serious eye irritation' },
      { _id: 3, name: 'á', body: 'harmful if swallowed' },
      { _id: 4, name: 'ä', body: 'flammable solid' },
      { _id: 5, name: 'b', body: 'toxic to aquatic life' },
    ] as Document[]);
    await db.collection('places').insertMany([
      { _id: 'origin', loc: { type: 'Point', coordinates: [0, 0] } },
      { _id: 'near', loc: { type: 'Point', coordinates: [5, 5] } },
      { _id: 'far', loc: { type: 'Point', coordinates: [40, 40] } },
    ] as Document[]);
  });

  after(async function () {
    await client?.close();
    await target?.close();
  });

  describe('text search', function () {
    it('when $text is queried on a collection without a text index, then the query is rejected', async function () {
      // Act
      const err = await rejectionOf(db.collection('words').find({ $text: { $search: 'flammable' } }).toArray());
      // Assert
      expect(err.code).to.be.a('number');
    });

    it('when $text is used in an aggregate $match without a text index, then the aggregate is rejected', async function () {
      // Act
      const err = await rejectionOf(
        db.collection('words').aggregate([{ $match: { $text: { $search: 'flammable' } } }]).toArray(),
      );
      // Assert
      expect(err.code).to.be.a('number');
    });

    it('when a text index exists and $text is queried, then either exactly the documents containing the term are returned or the request is refused', async function () {
      // Arrange
      const coll = db.collection('words_text');
      await coll.insertMany([
        { _id: 1, body: 'flammable liquid and vapour' },
        { _id: 2, body: 'causes serious eye irritation' },
        { _id: 3, body: 'Flammable solid' },
      ] as Document[]);
      // Act
      const outcome = await correctOrRefused(
        (async () => {
          await coll.createIndex({ body: 'text' });
          return coll.find({ $text: { $search: 'flammable' } }).toArray();
        })(),
      );
      // Assert
      if (outcome.ok) {
        expect(outcome.value.map((d) => d._id).sort()).to.deep.equal([1, 3]);
      }
    });
  });

  describe('geospatial', function () {
    it('when $near is queried without a geospatial index, then the query is rejected', async function () {
      // Act
      const err = await rejectionOf(
        db
          .collection('places')
          .find({ loc: { $near: { $geometry: { type: 'Point', coordinates: [0, 0] }, $maxDistance: 1_000_000 } } })
          .toArray(),
      );
      // Assert
      expect(err.code).to.be.a('number');
    });

    it('when $geoNear is used as an aggregate stage without a geospatial index, then the aggregate is rejected', async function () {
      // Act
      const err = await rejectionOf(
        db
          .collection('places')
          .aggregate([{ $geoNear: { near: { type: 'Point', coordinates: [0, 0] }, distanceField: 'd', spherical: true } }])
          .toArray(),
      );
      // Assert
      expect(err.code).to.be.a('number');
    });

    it('when $geoWithin asks for points inside a polygon, then either exactly the contained points are returned or the query is refused', async function () {
      // Act
      const outcome = await correctOrRefused(
        db
          .collection('places')
          .find({
            loc: {
              $geoWithin: {
                $geometry: {
                  type: 'Polygon',
                  coordinates: [
                    [
                      [-1, -1],
                      [10, -1],
                      [10, 10],
                      [-1, 10],
                      [-1, -1],
                    ],
                  ],
                },
              },
            },
          })
          .toArray(),
      );
      // Assert
      if (outcome.ok) {
        expect(outcome.value.map((d) => d._id).sort()).to.deep.equal(['near', 'origin']);
      }
    });

    it('when a 2dsphere index exists and $near is queried, then either the points come nearest first within $maxDistance or the request is refused', async function () {
      // Arrange
      const coll = db.collection('places_indexed');
      await coll.insertMany([
        { _id: 'far', loc: { type: 'Point', coordinates: [40, 40] } },
        { _id: 'near', loc: { type: 'Point', coordinates: [5, 5] } },
        { _id: 'origin', loc: { type: 'Point', coordinates: [0, 0] } },
      ] as Document[]);
      // Act
      const outcome = await correctOrRefused(
        (async () => {
          await coll.createIndex({ loc: '2dsphere' });
          return coll
            .find({ loc: { $near: { $geometry: { type: 'Point', coordinates: [0.1, 0.1] }, $maxDistance: 2_000_000 } } })
            .toArray();
        })(),
      );
      // Assert: [5,5] is ~770 km from [0.1,0.1]; [40,40] is ~6000 km away
      if (outcome.ok) {
        expect(outcome.value.map((d) => d._id)).to.deep.equal(['origin', 'near']);
      }
    });
  });

  describe('collation', function () {
    it("when a find uses collation { locale: 'sv', strength: 1 }, then either a/A/á match 'a' (but not ä) or the query is refused", async function () {
      // Act
      const outcome = await correctOrRefused(
        db.collection('words').find({ name: 'a' }, { collation: { locale: 'sv', strength: 1 } }).toArray(),
      );
      // Assert: in Swedish, ä is a separate letter; at strength 1 case and the acute accent are ignored
      if (outcome.ok) {
        expect(outcome.value.map((d) => d._id).sort()).to.deep.equal([1, 2, 3]);
      }
    });

    it("when a sort uses collation { locale: 'sv' }, then either Swedish alphabetical order (z < å < ä < ö) is returned or the query is refused", async function () {
      // Arrange
      const coll = db.collection('sv_sort');
      await coll.insertMany(['ö', 'z', 'ä', 'b', 'å'].map((name, i) => ({ _id: i, name })) as Document[]);
      // Act
      const outcome = await correctOrRefused(
        coll.find({}, { collation: { locale: 'sv' }, projection: { _id: 0, name: 1 } }).sort({ name: 1 }).toArray(),
      );
      // Assert
      if (outcome.ok) {
        expect(outcome.value.map((d): unknown => d['name'])).to.deep.equal(['b', 'z', 'å', 'ä', 'ö']);
      }
    });

    it('when countDocuments uses a case-insensitive collation, then either the case-insensitive count is returned or the request is refused', async function () {
      // Act
      const outcome = await correctOrRefused(
        db.collection('words').countDocuments({ name: 'a' }, { collation: { locale: 'en', strength: 2 } }),
      );
      // Assert: strength 2 ignores case but not accents
      if (outcome.ok) {
        expect(outcome.value).to.equal(2);
      }
    });
  });

  describe('change streams', function () {
    it('when collection.watch() is used and a document is inserted, then either the insert event arrives or the watch is refused', async function () {
      // Arrange
      const coll = db.collection('watched');
      await coll.insertOne({ seed: true });
      const stream = coll.watch([], { maxAwaitTimeMS: 200 });
      try {
        // Act
        const opened = await correctOrRefused(withTimeout(stream.tryNext(), 5000, 'opening the change stream'));
        if (!opened.ok) return;
        await coll.insertOne({ _id: 'evt', v: 1 } as Document);
        const event = await withTimeout(
          (async () => {
            for (;;) {
              const next = await stream.tryNext();
              if (next) return next;
            }
          })(),
          5000,
          'waiting for the insert event',
        );
        // Assert
        expect(event.operationType).to.equal('insert');
        expect((event as Document)['documentKey']).to.deep.equal({ _id: 'evt' });
        expect((event as Document)['fullDocument']).to.deep.equal({ _id: 'evt', v: 1 });
      } finally {
        await stream.close();
      }
    });
  });

  describe('administrative commands', function () {
    it('when a collection is renamed, then either its documents are reachable under the new name only or the rename is refused and nothing moves', async function () {
      // Arrange
      await db.collection('rn_from').insertOne({ _id: 1, v: 'kept' } as Document);
      // Act
      const outcome = await correctOrRefused(db.renameCollection('rn_from', 'rn_to'));
      // Assert
      if (outcome.ok) {
        expect(await db.collection('rn_to').find({}).toArray()).to.deep.equal([{ _id: 1, v: 'kept' }]);
        expect(await db.collection('rn_from').countDocuments()).to.equal(0);
      } else {
        expect(await db.collection('rn_from').find({}).toArray()).to.deep.equal([{ _id: 1, v: 'kept' }]);
        expect(await db.collection('rn_to').countDocuments()).to.equal(0);
      }
    });
  });

  describe('values and operators mingo handles differently', function () {
    it('when numbers of different BSON types hold the same value, then either an equality query matches all of them or storing them is refused', async function () {
      // Arrange
      const coll = db.collection('numeric_eq');
      const stored = await correctOrRefused(
        coll.insertMany([
          { _id: 1, v: new Int32(1) },
          { _id: 2, v: new Double(1) },
          { _id: 3, v: Long.fromNumber(1) },
          { _id: 4, v: Decimal128.fromString('1.0') },
          { _id: 5, v: new Int32(2) },
        ] as Document[]),
      );
      if (!stored.ok) return;
      // Act
      const byNumber = await correctOrRefused(coll.find({ v: 1 }).sort({ _id: 1 }).toArray());
      const byDecimal = await correctOrRefused(coll.find({ v: Decimal128.fromString('1') }).sort({ _id: 1 }).toArray());
      const byIn = await correctOrRefused(coll.find({ v: { $in: [1] } }).sort({ _id: 1 }).toArray());
      // Assert
      if (byNumber.ok) expect(byNumber.value.map((d) => d._id)).to.deep.equal([1, 2, 3, 4]);
      if (byDecimal.ok) expect(byDecimal.value.map((d) => d._id)).to.deep.equal([1, 2, 3, 4]);
      if (byIn.ok) expect(byIn.value.map((d) => d._id)).to.deep.equal([1, 2, 3, 4]);
    });

    it('when $inc is applied to a 64-bit integer beyond 2^53, then either the result is exact and stays a long or storing the long is refused', async function () {
      // Arrange
      const coll = db.collection('long_inc');
      const stored = await correctOrRefused(coll.insertOne({ _id: 1, n: Long.fromString('9007199254740993') } as Document));
      if (!stored.ok) return;
      // Act
      const inc = await correctOrRefused(coll.updateOne({ _id: 1 } as Document, { $inc: { n: 1 } }));
      const back = await coll.findOne({ _id: 1 } as Document, { promoteLongs: false });
      // Assert
      expect(back?.['n']).to.be.instanceOf(Long);
      expect((back?.['n'] as Long).toString()).to.equal(inc.ok ? '9007199254740994' : '9007199254740993');
    });

    it('when an upsert copies a whole-number double or a long from its query, then either they are stored with their types or the upsert is refused', async function () {
      // Arrange
      const coll = db.collection('upsert_seed_types');
      // Act
      const upserted = await correctOrRefused(
        coll.updateOne({ _id: 1, d: new Double(2), l: Long.fromNumber(3) } as Document, { $set: { a: 1 } }, { upsert: true }),
      );
      const back = await coll.findOne({ _id: 1 } as Document, { promoteValues: false });
      // Assert
      if (upserted.ok) {
        expect(back?.['d']).to.be.instanceOf(Double);
        expect(back?.['l']).to.be.instanceOf(Long);
      } else {
        expect(back).to.equal(null);
      }
    });

    it('when Decimal128 values are range-queried and sorted, then either numeric order is used or the request is refused', async function () {
      // Arrange
      const coll = db.collection('decimals');
      const stored = await correctOrRefused(
        coll.insertMany([
          { _id: 1, price: Decimal128.fromString('9.5') },
          { _id: 2, price: Decimal128.fromString('10.25') },
          { _id: 3, price: Decimal128.fromString('100') },
          { _id: 4, price: 11 },
        ] as Document[]),
      );
      if (!stored.ok) return;
      // Act
      const range = await correctOrRefused(
        coll.find({ price: { $gt: Decimal128.fromString('10') } }).sort({ _id: 1 }).toArray(),
      );
      const sorted = await correctOrRefused(coll.find({}).sort({ price: 1 }).toArray());
      // Assert
      if (range.ok) expect(range.value.map((d) => d._id)).to.deep.equal([2, 3, 4]);
      if (sorted.ok) expect(sorted.value.map((d) => d._id)).to.deep.equal([1, 2, 4, 3]);
    });

    it('when $type distinguishes int, double and long, then either each alias matches only its own type or the request is refused', async function () {
      // Arrange
      const coll = db.collection('numeric_types');
      const stored = await correctOrRefused(
        coll.insertMany([
          { _id: 1, v: new Int32(1) },
          { _id: 2, v: new Double(1) },
          { _id: 3, v: Long.fromNumber(1) },
        ] as Document[]),
      );
      if (!stored.ok) return; // refusing to store a value it cannot keep exactly is honest too
      const ids = (alias: string): Promise<unknown[]> =>
        coll
          .find({ v: { $type: alias } })
          .sort({ _id: 1 })
          .toArray()
          .then((docs) => docs.map((d) => d._id));
      // Act
      const int = await correctOrRefused(ids('int'));
      const double = await correctOrRefused(ids('double'));
      const long = await correctOrRefused(ids('long'));
      // Assert
      if (int.ok) expect(int.value).to.deep.equal([1]);
      if (double.ok) expect(double.value).to.deep.equal([2]);
      if (long.ok) expect(long.value).to.deep.equal([3]);
    });

    it('when a filter uses an unknown top-level operator, then the query is rejected', async function () {
      // Act
      const err = await rejectionOf(db.collection('words').find({ $frobnicate: 1 } as Document).toArray());
      // Assert
      expect(err.code).to.be.a('number');
    });

    it('when a filter uses an unknown field operator, then the query is rejected', async function () {
      // Act
      const err = await rejectionOf(db.collection('words').find({ name: { $frobnicate: 1 } }).toArray());
      // Assert
      expect(err.code).to.be.a('number');
    });

    it('when an update uses an unknown update operator, then the update is rejected and nothing changes', async function () {
      // Act
      const err = await rejectionOf(db.collection('words').updateOne({ _id: 1 } as Document, { $frobnicate: { name: 'z' } }));
      // Assert
      expect(err.code).to.be.a('number');
      expect(await db.collection('words').findOne({ _id: 1 } as Document, { projection: { name: 1 } })).to.deep.equal({ _id: 1, name: 'a' });
    });

    it('when a find hints an index that does not exist, then the query is rejected', async function () {
      // Act
      const err = await rejectionOf(db.collection('words').find({ name: 'a' }).hint('no_such_index_1').toArray());
      // Assert
      expect(err.code).to.be.a('number');
    });

    it('when $where is used, then either the JavaScript predicate is evaluated correctly or the query is refused', async function () {
      // Act
      const outcome = await correctOrRefused(
        db.collection('words').find({ $where: 'this.body.length > 22' }).sort({ _id: 1 }).toArray(),
      );
      // Assert: lengths are 27, 29, 20, 15, 21
      if (outcome.ok) {
        expect(outcome.value.map((d) => d._id)).to.deep.equal([1, 2]);
      }
    });
  });
});
