// Conformance: CRUD semantics as documented by MongoDB (insert, find, projection, sort/skip/limit, update
// operators, upsert, positional updates, replace, delete, findOneAnd*, counting, distinct).
import { expect } from 'chai';
import {
  Binary,
  Double,
  Int32,
  MaxKey,
  MinKey,
  MongoClient,
  ObjectId,
  type Db,
  type Document,
} from 'mongodb';
import { connectToTarget, rejectionOf } from '../target.js';

describe('engine conformance: CRUD', function () {
  const connection = connectToTarget();
  let db: Db;
  before(function () {
    db = connection.db;
  });

  describe('insert and find', function () {
    it('when a document without _id is inserted, then it is given an ObjectId _id and can be found by it', async function () {
      // Arrange
      const coll = db.collection('ins_autoid');
      // Act
      const res = await coll.insertOne({ name: 'acetone' });
      const found = await coll.findOne({ _id: res.insertedId });
      // Assert
      expect(res.acknowledged).to.equal(true);
      expect(res.insertedId).to.be.instanceOf(ObjectId);
      expect(found).to.deep.equal({ _id: res.insertedId, name: 'acetone' });
    });

    it('when a document reuses an existing _id, then the insert fails with 11000 on the _id key', async function () {
      // Arrange
      const coll = db.collection('ins_dup_id');
      await coll.insertOne({ _id: 'x' as unknown as ObjectId, v: 1 });
      // Act
      const err = await rejectionOf(coll.insertOne({ _id: 'x' as unknown as ObjectId, v: 2 }));
      // Assert
      expect(err.code).to.equal(11000);
      expect(err['keyPattern']).to.deep.equal({ _id: 1 });
      expect(err['keyValue']).to.deep.equal({ _id: 'x' });
      expect(await coll.findOne({ _id: 'x' as unknown as ObjectId })).to.deep.equal({ _id: 'x', v: 1 });
    });

    it('when insertMany is given several documents, then insertedCount and insertedIds cover all of them in order', async function () {
      // Arrange
      const coll = db.collection('ins_many');
      // Act
      const res = await coll.insertMany([{ n: 1 }, { n: 2 }, { n: 3 }]);
      // Assert
      expect(res.insertedCount).to.equal(3);
      expect(Object.keys(res.insertedIds)).to.deep.equal(['0', '1', '2']);
      const docs = await coll.find({}, { projection: { _id: 0 } }).sort({ n: 1 }).toArray();
      expect(docs).to.deep.equal([{ n: 1 }, { n: 2 }, { n: 3 }]);
    });

    it('when filtering with comparison and logical operators, then exactly the matching documents are returned', async function () {
      // Arrange
      const coll = db.collection('find_ops');
      await coll.insertMany([
        { _id: 1, qty: 5, tag: 'a' },
        { _id: 2, qty: 15, tag: 'b' },
        { _id: 3, qty: 25, tag: 'c' },
        { _id: 4, tag: 'd' },
      ] as Document[]);
      const ids = async (filter: Document): Promise<unknown[]> =>
        (await coll.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
      // Act + Assert
      expect(await ids({ qty: { $gt: 5, $lte: 25 } })).to.deep.equal([2, 3]);
      expect(await ids({ tag: { $in: ['a', 'c', 'zz'] } })).to.deep.equal([1, 3]);
      expect(await ids({ tag: { $nin: ['a', 'c'] } })).to.deep.equal([2, 4]);
      expect(await ids({ qty: { $ne: 15 } })).to.deep.equal([1, 3, 4]);
      expect(await ids({ $or: [{ qty: { $lt: 10 } }, { tag: 'd' }] })).to.deep.equal([1, 4]);
      expect(await ids({ $and: [{ qty: { $gte: 5 } }, { qty: { $lt: 20 } }] })).to.deep.equal([1, 2]);
      expect(await ids({ qty: { $exists: false } })).to.deep.equal([4]);
      expect(await ids({ qty: { $not: { $gt: 10 } } })).to.deep.equal([1, 4]);
      expect(await ids({ $nor: [{ tag: 'a' }, { qty: { $gt: 20 } }] })).to.deep.equal([2, 4]);
    });

    it('when a range condition is applied to an array field, then different elements may satisfy each bound but $elemMatch needs one element to satisfy all', async function () {
      // Arrange
      const coll = db.collection('find_arrays');
      await coll.insertMany([
        { _id: 1, scores: [1, 10] },
        { _id: 2, scores: [6] },
        { _id: 3, scores: [1, 2] },
      ] as Document[]);
      // Act
      const plain = await coll.find({ scores: { $gt: 5, $lt: 8 } }).sort({ _id: 1 }).toArray();
      const elem = await coll.find({ scores: { $elemMatch: { $gt: 5, $lt: 8 } } }).sort({ _id: 1 }).toArray();
      const scalar = await coll.find({ scores: 10 }).toArray();
      const whole = await coll.find({ scores: [1, 2] }).toArray();
      // Assert
      expect(plain.map((d) => d._id)).to.deep.equal([1, 2]);
      expect(elem.map((d) => d._id)).to.deep.equal([2]);
      expect(scalar.map((d) => d._id)).to.deep.equal([1]);
      expect(whole.map((d) => d._id)).to.deep.equal([3]);
    });

    it('when filtering on a dotted path through an array of embedded documents, then a document matches if any element matches', async function () {
      // Arrange
      const coll = db.collection('find_dotted');
      await coll.insertMany([
        { _id: 1, items: [{ sku: 'a', qty: 1 }, { sku: 'b', qty: 9 }], meta: { origin: 'SE' } },
        { _id: 2, items: [{ sku: 'c', qty: 3 }], meta: { origin: 'DE' } },
      ] as Document[]);
      // Act
      const bySku = await coll.find({ 'items.sku': 'b' }).toArray();
      const byOrigin = await coll.find({ 'meta.origin': 'DE' }).toArray();
      const byIndex = await coll.find({ 'items.0.sku': 'a' }).toArray();
      // Assert
      expect(bySku.map((d) => d._id)).to.deep.equal([1]);
      expect(byOrigin.map((d) => d._id)).to.deep.equal([2]);
      expect(byIndex.map((d) => d._id)).to.deep.equal([1]);
    });

    it('when filtering for null, then documents whose field is null or missing both match', async function () {
      // Arrange
      const coll = db.collection('find_null');
      await coll.insertMany([{ _id: 1, v: null }, { _id: 2 }, { _id: 3, v: 0 }] as Document[]);
      // Act
      const docs = await coll.find({ v: null }).sort({ _id: 1 }).toArray();
      // Assert
      expect(docs.map((d) => d._id)).to.deep.equal([1, 2]);
    });

    it('when filtering with $regex, then only strings matching the pattern (with options) are returned', async function () {
      // Arrange
      const coll = db.collection('find_regex');
      await coll.insertMany([
        { _id: 1, name: 'Benzene' },
        { _id: 2, name: 'toluene' },
        { _id: 3, name: 'benzaldehyde' },
      ] as Document[]);
      // Act
      const ci = await coll.find({ name: { $regex: '^benz', $options: 'i' } }).sort({ _id: 1 }).toArray();
      const cs = await coll.find({ name: /^benz/ }).sort({ _id: 1 }).toArray();
      // Assert
      expect(ci.map((d) => d._id)).to.deep.equal([1, 3]);
      expect(cs.map((d) => d._id)).to.deep.equal([3]);
    });
  });

  describe('embedded documents and dates', function () {
    it('when an embedded document is matched by equality, then the field order must match exactly', async function () {
      // Arrange
      const coll = db.collection('find_embedded_eq');
      await coll.insertMany([
        { _id: 1, size: { h: 14, w: 21 } },
        { _id: 2, size: { w: 21, h: 14 } },
      ] as Document[]);
      // Act
      const exact = await coll.find({ size: { h: 14, w: 21 } }).toArray();
      const dotted = await coll.find({ 'size.h': 14, 'size.w': 21 }).sort({ _id: 1 }).toArray();
      // Assert
      expect(exact.map((d) => d._id)).to.deep.equal([1]);
      expect(dotted.map((d) => d._id)).to.deep.equal([1, 2]);
    });

    it('when dates are range-queried and sorted, then they compare chronologically', async function () {
      // Arrange
      const coll = db.collection('find_dates');
      await coll.insertMany([
        { _id: 1, due: new Date('2024-03-01T00:00:00Z') },
        { _id: 2, due: new Date('2023-12-31T23:59:59Z') },
        { _id: 3, due: new Date('2024-01-15T12:00:00Z') },
      ] as Document[]);
      // Act
      const docs = await coll
        .find({ due: { $gte: new Date('2024-01-01T00:00:00Z'), $lt: new Date('2024-12-31T00:00:00Z') } })
        .sort({ due: -1 })
        .toArray();
      // Assert
      expect(docs.map((d) => d._id)).to.deep.equal([1, 3]);
    });
  });

  describe('BSON types and comparison', function () {
    // Whole-number doubles, longs and Decimal128 are either stored faithfully (MongoDB) or refused
    // by the embedded engine: honesty.test.ts covers those.
    it('when values of each BSON type are stored, then they come back with the same type and exact value', async function () {
      // Arrange
      const coll = db.collection('types_roundtrip');
      const doc = {
        _id: 1,
        i32: new Int32(7),
        dbl: new Double(7.25),
        date: new Date('2024-02-29T12:34:56.789Z'),
        bin: new Binary(Buffer.from([0, 1, 2, 255]), 0x80),
        oid: new ObjectId('65a1b2c3d4e5f60718293a4b'),
        nested: { arr: [new Int32(1), new Double(2.5), 'x', null, true] },
      };
      // Act
      await coll.insertOne(doc as Document);
      const back = await coll.findOne({ _id: 1 } as Document, { promoteValues: false, promoteLongs: false });
      // Assert
      expect(back?.['i32']).to.be.instanceOf(Int32);
      expect(back?.['dbl']).to.be.instanceOf(Double);
      expect((back?.['dbl'] as Double).value).to.equal(7.25);
      expect((back?.['date'] as Date).toISOString()).to.equal('2024-02-29T12:34:56.789Z');
      expect((back?.['bin'] as Binary).sub_type).to.equal(0x80);
      expect(Buffer.from((back?.['bin'] as Binary).buffer).equals(Buffer.from([0, 1, 2, 255]))).to.equal(true);
      expect((back?.['oid'] as ObjectId).toHexString()).to.equal('65a1b2c3d4e5f60718293a4b');
      const arr = (back?.['nested'] as Document)['arr'] as unknown[];
      expect(arr[0]).to.be.instanceOf(Int32);
      expect(arr[1]).to.be.instanceOf(Double);
      expect(arr.slice(2)).to.deep.equal(['x', null, true]);
    });

    it('when $type filters by "number" or "string", then all numeric types respectively only strings match', async function () {
      // Arrange
      const coll = db.collection('types_type');
      await coll.insertMany([
        { _id: 1, v: new Int32(1) },
        { _id: 2, v: new Double(1.5) },
        { _id: 3, v: 3_000_000_000 },
        { _id: 4, v: '1' },
        { _id: 5, v: null },
      ] as Document[]);
      const ids = async (filter: Document): Promise<unknown[]> =>
        (await coll.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
      // Act + Assert
      expect(await ids({ v: { $type: 'number' } })).to.deep.equal([1, 2, 3]);
      expect(await ids({ v: { $type: 'string' } })).to.deep.equal([4]);
      expect(await ids({ v: { $type: 'null' } })).to.deep.equal([5]);
      expect(await ids({ v: { $type: ['string', 'null'] } })).to.deep.equal([4, 5]);
    });

    it('when strings are sorted without a collation, then they are ordered by binary (UTF-8) comparison', async function () {
      // Arrange
      const coll = db.collection('types_string_sort');
      await coll.insertMany(['b', 'ä', 'B', 'a', 'A'].map((s, i) => ({ _id: i, s })) as Document[]);
      // Act
      const docs = await coll.find({}).sort({ s: 1 }).toArray();
      const gt = await coll.find({ s: { $gt: 'Z' } }).sort({ s: 1 }).toArray();
      // Assert
      expect(docs.map((d): unknown => d['s'])).to.deep.equal(['A', 'B', 'a', 'b', 'ä']);
      expect(gt.map((d): unknown => d['s'])).to.deep.equal(['a', 'b', 'ä']);
    });

    it('when sorting on an array field, then ascending uses the smallest element and descending the largest', async function () {
      // Arrange
      const coll = db.collection('types_array_sort');
      await coll.insertMany([
        { _id: 1, a: [1, 5] },
        { _id: 2, a: [2, 3] },
        { _id: 3, a: 4 },
      ] as Document[]);
      // Act
      const asc = await coll.find({}).sort({ a: 1 }).toArray();
      const desc = await coll.find({}).sort({ a: -1 }).toArray();
      // Assert
      expect(asc.map((d) => d._id)).to.deep.equal([1, 2, 3]);
      expect(desc.map((d) => d._id)).to.deep.equal([1, 3, 2]);
    });

    it('when $expr, $all and $size are used, then fields are compared with each other and arrays by content and length', async function () {
      // Arrange
      const coll = db.collection('types_expr');
      await coll.insertMany([
        { _id: 1, spent: 120, budget: 100, tags: ['a', 'b', 'c'] },
        { _id: 2, spent: 80, budget: 100, tags: ['a', 'c'] },
        { _id: 3, spent: 100, budget: 100, tags: ['b'] },
      ] as Document[]);
      const ids = async (filter: Document): Promise<unknown[]> =>
        (await coll.find(filter).sort({ _id: 1 }).toArray()).map((d) => d._id);
      // Act + Assert
      expect(await ids({ $expr: { $gt: ['$spent', '$budget'] } })).to.deep.equal([1]);
      expect(await ids({ tags: { $all: ['c', 'a'] } })).to.deep.equal([1, 2]);
      expect(await ids({ tags: { $size: 2 } })).to.deep.equal([2]);
    });
  });

  describe('projection', function () {
    before(async function () {
      await db.collection('proj').insertOne({
        _id: 1,
        name: 'ethanol',
        cas: '64-17-5',
        hazard: { code: 'H225', level: 2 },
        tags: ['a', 'b', 'c', 'd'],
        lots: [
          { lot: 'L1', qty: 3 },
          { lot: 'L2', qty: 8 },
        ],
      } as Document);
    });

    it('when an inclusion projection is used, then only the listed fields and _id are returned', async function () {
      // Act
      const doc = await db.collection('proj').findOne({ _id: 1 } as Document, { projection: { name: 1, 'hazard.code': 1 } });
      // Assert
      expect(doc).to.deep.equal({ _id: 1, name: 'ethanol', hazard: { code: 'H225' } });
    });

    it('when an inclusion projection lists fields out of order, then they come back in the document\'s order', async function () {
      // Act
      const doc = await db.collection('proj').findOne({ _id: 1 } as Document, { projection: { 'hazard.level': 1, cas: 1, name: 1 } });
      // Assert
      expect(Object.keys(doc!)).to.deep.equal(['_id', 'name', 'cas', 'hazard']);
      expect(doc).to.deep.equal({ _id: 1, name: 'ethanol', cas: '64-17-5', hazard: { level: 2 } });
    });

    it('when a dotted inclusion path meets a scalar, a document without the field, or an array, then the scalar is left out, the document kept empty and each array element projected', async function () {
      // Arrange
      const coll = db.collection('proj_paths');
      await coll.insertMany([
        { _id: 1, a: 5, n: 1 },
        { _id: 2, a: { c: 1 }, n: 2 },
        { _id: 3, a: [{ b: 1, c: 2 }, { c: 3 }], n: 3 },
      ] as Document[]);
      // Act
      const docs = await coll.find({}, { projection: { 'a.b': 1 } }).sort({ _id: 1 }).toArray();
      // Assert
      expect(docs).to.deep.equal([{ _id: 1 }, { _id: 2, a: {} }, { _id: 3, a: [{ b: 1 }, {}] }]);
    });

    it('when a dotted inclusion path crosses an array holding scalars, null, nested arrays and documents, then scalars and null are dropped, nested arrays projected and documents kept in order', async function () {
      // Arrange
      const coll = db.collection('proj_array_paths');
      await coll.insertOne({ _id: 1, a: [1, { b: { c: 1, d: 2 }, e: 1 }, [{ b: { c: 2, d: 3 } }, 'x'], null, { e: 2 }, { b: [{ c: 3, d: 4 }, 5] }], f: 1 } as Document);
      // Act
      const doc = await coll.findOne({ _id: 1 } as Document, { projection: { 'a.b.c': 1 } });
      // Assert
      expect(doc).to.deep.equal({ _id: 1, a: [{ b: { c: 1 } }, [{ b: { c: 2 } }], {}, { b: [{ c: 3 }] }] });
      expect(Object.keys(doc!)).to.deep.equal(['_id', 'a']);
    });

    it('when _id is excluded from an inclusion projection, then _id is absent', async function () {
      // Act
      const doc = await db.collection('proj').findOne({ _id: 1 } as Document, { projection: { _id: 0, cas: 1 } });
      // Assert
      expect(doc).to.deep.equal({ cas: '64-17-5' });
    });

    it('when an exclusion projection is used, then every other field is returned', async function () {
      // Act
      const doc = await db.collection('proj').findOne({ _id: 1 } as Document, { projection: { tags: 0, lots: 0, 'hazard.level': 0 } });
      // Assert
      expect(doc).to.deep.equal({ _id: 1, name: 'ethanol', cas: '64-17-5', hazard: { code: 'H225' } });
    });

    it('when $slice and $elemMatch projections are used, then the array is cut to the slice and to the first matching element', async function () {
      // Act
      const sliced = await db.collection('proj').findOne({ _id: 1 } as Document, { projection: { tags: { $slice: 2 }, name: 1 } });
      const lastTwo = await db.collection('proj').findOne({ _id: 1 } as Document, { projection: { tags: { $slice: -2 }, _id: 0, name: 1 } });
      const matched = await db
        .collection('proj')
        .findOne({ _id: 1 } as Document, { projection: { lots: { $elemMatch: { qty: { $gt: 5 } } } } });
      // Assert
      expect(sliced).to.deep.equal({ _id: 1, name: 'ethanol', tags: ['a', 'b'] });
      expect(lastTwo).to.deep.equal({ name: 'ethanol', tags: ['c', 'd'] });
      expect(matched).to.deep.equal({ _id: 1, lots: [{ lot: 'L2', qty: 8 }] });
    });

    it('when a projection mixes inclusion and exclusion of non-_id fields, then the query is rejected', async function () {
      // Act
      const err = await rejectionOf(db.collection('proj').findOne({ _id: 1 } as Document, { projection: { name: 1, cas: 0 } }));
      // Assert
      expect(err.code).to.be.a('number');
    });
  });

  describe('sort, skip and limit', function () {
    before(async function () {
      const docs: Document[] = [];
      for (let i = 0; i < 20; i++) docs.push({ _id: i, group: i % 3, rank: 20 - i });
      await db.collection('ssl').insertMany(docs);
    });

    it('when sorting by a compound key with mixed directions, then documents are ordered by the first key then the second', async function () {
      // Act
      const docs = await db.collection('ssl').find({ _id: { $lt: 6 } } as Document).sort({ group: 1, rank: -1 }).toArray();
      // Assert
      expect(docs.map((d) => d._id)).to.deep.equal([0, 3, 1, 4, 2, 5]);
    });

    it('when skip and limit are combined with a sort, then skip applies after sorting and limit caps the result', async function () {
      // Act
      const docs = await db.collection('ssl').find({}).sort({ rank: 1 }).skip(3).limit(4).toArray();
      // Assert
      expect(docs.map((d) => d._id)).to.deep.equal([16, 15, 14, 13]);
    });

    it('when values of different BSON types are sorted, then they follow the MongoDB type comparison order', async function () {
      // Arrange
      const coll = db.collection('sort_types');
      await coll.insertMany([
        { _id: 1, v: 'abc' },
        { _id: 2, v: new Date('2020-01-01T00:00:00Z') },
        { _id: 3 },
        { _id: 4, v: null },
        { _id: 5, v: 2.5 },
        { _id: 6, v: true },
        { _id: 7, v: { x: 1 } },
        { _id: 8, v: new ObjectId('000000000000000000000001') },
        { _id: 9, v: new Binary(Buffer.from([1, 2])) },
        { _id: 10, v: new MaxKey() },
        { _id: 11, v: new MinKey() },
        { _id: 12, v: 1 },
      ] as Document[]);
      // Act
      const docs = await coll.find({}).sort({ v: 1, _id: 1 }).toArray();
      // Assert: MinKey < null/missing < numbers < string < object < binData < ObjectId < boolean < Date < MaxKey
      expect(docs.map((d) => d._id)).to.deep.equal([11, 3, 4, 12, 5, 1, 7, 9, 8, 6, 2, 10]);
    });
  });

  describe('update operators', function () {
    it('when $set, $unset, $inc, $mul, $min, $max, $rename and $currentDate are applied, then each field changes as documented', async function () {
      // Arrange
      const coll = db.collection('upd_fields');
      await coll.insertOne({ _id: 1, a: 1, b: 'drop', c: 10, d: 3, lo: 5, hi: 5, old: 'x', nested: { k: 1 } } as Document);
      const before = Date.now();
      // Act
      const res = await coll.updateOne({ _id: 1 } as Document, {
        $set: { a: 2, 'nested.j': 'new' },
        $unset: { b: '' },
        $inc: { c: 5, fresh: 1 },
        $mul: { d: 2, zero: 4 },
        $min: { lo: 3 },
        $max: { hi: 4 },
        $rename: { old: 'renamed' },
        $currentDate: { touched: true },
      });
      const doc = await coll.findOne({ _id: 1 } as Document);
      // Assert
      expect(res.matchedCount).to.equal(1);
      expect(res.modifiedCount).to.equal(1);
      expect(doc).to.not.equal(null);
      const { touched, ...rest } = (doc ?? {}) as Document;
      expect(rest).to.deep.equal({
        _id: 1,
        a: 2,
        c: 15,
        d: 6,
        lo: 3,
        hi: 5,
        nested: { k: 1, j: 'new' },
        fresh: 1,
        zero: 0,
        renamed: 'x',
      });
      expect(touched).to.be.instanceOf(Date);
      expect((touched as Date).getTime()).to.be.within(before - 5000, Date.now() + 5000);
    });

    it('when $inc targets a non-numeric field, then the update fails with TypeMismatch (14) and the document is unchanged', async function () {
      // Arrange
      const coll = db.collection('upd_inc_string');
      await coll.insertOne({ _id: 1, v: 'text' } as Document);
      // Act
      const err = await rejectionOf(coll.updateOne({ _id: 1 } as Document, { $inc: { v: 1 } }));
      // Assert
      expect(err.code).to.equal(14);
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({ _id: 1, v: 'text' });
    });

    it('when an update tries to change _id, then it fails with ImmutableField (66)', async function () {
      // Arrange
      const coll = db.collection('upd_immutable');
      await coll.insertOne({ _id: 1, v: 1 } as Document);
      // Act
      const err = await rejectionOf(coll.updateOne({ _id: 1 } as Document, { $set: { _id: 2 } }));
      // Assert
      expect(err.code).to.equal(66);
      expect(await coll.countDocuments({ _id: 1 } as Document)).to.equal(1);
    });

    it('when two operators in one update target the same path, then the update fails with ConflictingUpdateOperators (40)', async function () {
      // Arrange
      const coll = db.collection('upd_conflict');
      await coll.insertOne({ _id: 1, v: 1 } as Document);
      // Act
      const err = await rejectionOf(coll.updateOne({ _id: 1 } as Document, { $set: { v: 5 }, $inc: { v: 1 } }));
      // Assert
      expect(err.code).to.equal(40);
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({ _id: 1, v: 1 });
    });

    it('when $push uses $each with $sort and $slice, then the array is appended, sorted and trimmed', async function () {
      // Arrange
      const coll = db.collection('upd_push');
      await coll.insertOne({ _id: 1, top: [{ s: 2 }, { s: 7 }] } as Document);
      // Act
      await coll.updateOne({ _id: 1 } as Document, {
        $push: { top: { $each: [{ s: 3 }, { s: 1 }], $sort: { s: 1 }, $slice: 3 } },
      } as Document);
      // Assert
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({ _id: 1, top: [{ s: 1 }, { s: 2 }, { s: 3 }] });
    });

    it('when $addToSet uses $each, then only values not already present are added, once each', async function () {
      // Arrange
      const coll = db.collection('upd_addtoset');
      await coll.insertOne({ _id: 1, tags: ['a', 'b'] } as Document);
      // Act
      await coll.updateOne({ _id: 1 } as Document, { $addToSet: { tags: { $each: ['b', 'c', 'c', 'd'] } } });
      // Assert
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({ _id: 1, tags: ['a', 'b', 'c', 'd'] });
    });

    it('when $pull, $pullAll and $pop are applied, then the matching elements and the requested end are removed', async function () {
      // Arrange
      const coll = db.collection('upd_pull');
      await coll.insertOne({
        _id: 1,
        scores: [1, 6, 7, 2],
        items: [{ sku: 'a' }, { sku: 'b', qty: 2 }],
        nums: [0, 5, 5, 1],
        queue: [1, 2, 3],
        stack: [1, 2, 3],
      } as Document);
      // Act
      await coll.updateOne({ _id: 1 } as Document, {
        $pull: { scores: { $gte: 6 }, items: { sku: 'b' } },
        $pullAll: { nums: [5] },
        $pop: { queue: -1, stack: 1 },
      } as Document);
      // Assert
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({
        _id: 1,
        scores: [1, 2],
        items: [{ sku: 'a' }],
        nums: [0, 1],
        queue: [2, 3],
        stack: [1, 2],
      });
    });

    it('when $push or $addToSet targets a non-array field, then the update is rejected and the document is unchanged', async function () {
      // Arrange
      const coll = db.collection('upd_push_scalar');
      await coll.insertOne({ _id: 1, tags: 'solo' } as Document);
      // Act
      const push = await rejectionOf(coll.updateOne({ _id: 1 } as Document, { $push: { tags: 'x' } } as Document));
      const add = await rejectionOf(coll.updateOne({ _id: 1 } as Document, { $addToSet: { tags: 'x' } }));
      // Assert
      expect(push.code).to.be.a('number');
      expect(add.code).to.be.a('number');
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({ _id: 1, tags: 'solo' });
    });

    it('when $unset targets an array element and $set targets an index past the end, then the element becomes null and the array is padded with nulls', async function () {
      // Arrange
      const coll = db.collection('upd_array_index');
      await coll.insertOne({ _id: 1, a: ['x', 'y', 'z'], b: ['p'] } as Document);
      // Act
      await coll.updateOne({ _id: 1 } as Document, { $unset: { 'a.1': '' }, $set: { 'b.3': 'q' } });
      // Assert
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({ _id: 1, a: ['x', null, 'z'], b: ['p', null, null, 'q'] });
    });

    it('when updateMany sets a value some documents already have, then matchedCount counts all and modifiedCount only the changed ones', async function () {
      // Arrange
      const coll = db.collection('upd_counts');
      await coll.insertMany([
        { _id: 1, k: 'x', s: 'done' },
        { _id: 2, k: 'x', s: 'open' },
        { _id: 3, k: 'x', s: 'open' },
        { _id: 4, k: 'y', s: 'open' },
      ] as Document[]);
      // Act
      const res = await coll.updateMany({ k: 'x' }, { $set: { s: 'done' } });
      // Assert
      expect(res.matchedCount).to.equal(3);
      expect(res.modifiedCount).to.equal(2);
      expect(res.upsertedCount).to.equal(0);
      expect(res.upsertedId).to.equal(null);
      expect(await coll.countDocuments({ s: 'done' })).to.equal(3);
    });

    it('when an update is an aggregation pipeline, then fields can be computed from other fields of the same document', async function () {
      // Arrange
      const coll = db.collection('upd_pipeline');
      await coll.insertMany([
        { _id: 1, a: 2, b: 3, drop: true },
        { _id: 2, a: 10, b: 1, drop: true },
      ] as Document[]);
      // Act
      const res = await coll.updateMany({}, [{ $set: { total: { $add: ['$a', '$b'] } } }, { $unset: 'drop' }]);
      // Assert
      expect(res.modifiedCount).to.equal(2);
      expect(await coll.find({}).sort({ _id: 1 }).toArray()).to.deep.equal([
        { _id: 1, a: 2, b: 3, total: 5 },
        { _id: 2, a: 10, b: 1, total: 11 },
      ]);
    });

    it('when updateOne matches several documents, then exactly one is modified', async function () {
      // Arrange
      const coll = db.collection('upd_one_of_many');
      await coll.insertMany([{ k: 1 }, { k: 1 }, { k: 1 }]);
      // Act
      const res = await coll.updateOne({ k: 1 }, { $set: { hit: true } });
      // Assert
      expect(res.matchedCount).to.equal(1);
      expect(res.modifiedCount).to.equal(1);
      expect(await coll.countDocuments({ hit: true })).to.equal(1);
    });
  });

  describe('positional updates and arrayFilters', function () {
    it('when the positional $ operator is used, then only the first array element matched by the query is updated', async function () {
      // Arrange
      const coll = db.collection('pos_dollar');
      await coll.insertOne({ _id: 1, grades: [80, 85, 80] } as Document);
      // Act
      await coll.updateOne({ _id: 1, grades: 80 } as Document, { $set: { 'grades.$': 82 } });
      // Assert
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({ _id: 1, grades: [82, 85, 80] });
    });

    it('when the positional $ operator targets a field of a matched embedded document, then only that element changes', async function () {
      // Arrange
      const coll = db.collection('pos_dollar_docs');
      await coll.insertOne({ _id: 1, lots: [{ lot: 'L1', qty: 1 }, { lot: 'L2', qty: 2 }] } as Document);
      // Act
      await coll.updateOne({ _id: 1, 'lots.lot': 'L2' } as Document, { $inc: { 'lots.$.qty': 10 } });
      // Assert
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({
        _id: 1,
        lots: [
          { lot: 'L1', qty: 1 },
          { lot: 'L2', qty: 12 },
        ],
      });
    });

    it('when the all-positional $[] operator is used, then every array element is updated', async function () {
      // Arrange
      const coll = db.collection('pos_all');
      await coll.insertOne({ _id: 1, grades: [1, 2, 3], lots: [{ qty: 1 }, { qty: 2 }] } as Document);
      // Act
      await coll.updateOne({ _id: 1 } as Document, { $inc: { 'grades.$[]': 10 }, $set: { 'lots.$[].checked': true } });
      // Assert
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({
        _id: 1,
        grades: [11, 12, 13],
        lots: [
          { qty: 1, checked: true },
          { qty: 2, checked: true },
        ],
      });
    });

    it('when arrayFilters select elements, then only elements matching the filter identifier are updated', async function () {
      // Arrange
      const coll = db.collection('pos_filtered');
      await coll.insertOne({
        _id: 1,
        grades: [95, 92, 90, 80],
        items: [
          { sku: 'a', qty: 5 },
          { sku: 'b', qty: 5 },
          { sku: 'b', qty: 7 },
        ],
      } as Document);
      // Act
      await coll.updateOne(
        { _id: 1 } as Document,
        { $set: { 'grades.$[g]': 100, 'items.$[it].qty': 0 } },
        { arrayFilters: [{ g: { $gte: 90 } }, { 'it.sku': 'b' }] },
      );
      // Assert
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({
        _id: 1,
        grades: [100, 100, 100, 80],
        items: [
          { sku: 'a', qty: 5 },
          { sku: 'b', qty: 0 },
          { sku: 'b', qty: 0 },
        ],
      });
    });
  });

  describe('upsert', function () {
    it('when an upsert matches nothing, then a document is built from the filter equality fields, $set and $setOnInsert', async function () {
      // Arrange
      const coll = db.collection('ups_insert');
      // Act
      const res = await coll.updateOne(
        { cas: '67-64-1', 'meta.source': 'sds', rank: { $gt: 3 } },
        { $set: { name: 'acetone' }, $setOnInsert: { createdBy: 'import' } },
        { upsert: true },
      );
      const doc = await coll.findOne({ _id: res.upsertedId ?? undefined });
      // Assert
      expect(res.matchedCount).to.equal(0);
      expect(res.modifiedCount).to.equal(0);
      expect(res.upsertedCount).to.equal(1);
      expect(res.upsertedId).to.be.instanceOf(ObjectId);
      expect(doc).to.deep.equal({
        _id: res.upsertedId,
        cas: '67-64-1',
        meta: { source: 'sds' },
        name: 'acetone',
        createdBy: 'import',
      });
    });

    it('when an upsert matches an existing document, then $setOnInsert is ignored and only $set applies', async function () {
      // Arrange
      const coll = db.collection('ups_match');
      await coll.insertOne({ _id: 1, cas: '64-17-5', name: 'old' } as Document);
      // Act
      const res = await coll.updateOne(
        { cas: '64-17-5' },
        { $set: { name: 'ethanol' }, $setOnInsert: { createdBy: 'import' } },
        { upsert: true },
      );
      // Assert
      expect(res.matchedCount).to.equal(1);
      expect(res.modifiedCount).to.equal(1);
      expect(res.upsertedCount).to.equal(0);
      expect(res.upsertedId).to.equal(null);
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({ _id: 1, cas: '64-17-5', name: 'ethanol' });
    });

    it('when an upsert filter has an equality on _id, then the inserted document uses that _id', async function () {
      // Arrange
      const coll = db.collection('ups_id');
      // Act
      const res = await coll.updateOne({ _id: 'fixed' as unknown as ObjectId }, { $inc: { n: 1 } }, { upsert: true });
      // Assert
      expect(res.upsertedId).to.equal('fixed');
      expect(await coll.findOne({ _id: 'fixed' as unknown as ObjectId })).to.deep.equal({ _id: 'fixed', n: 1 });
    });

    it('when updateMany upserts with no match, then exactly one document is inserted', async function () {
      // Arrange
      const coll = db.collection('ups_many');
      // Act
      const res = await coll.updateMany({ k: 'none' }, { $set: { v: 1 } }, { upsert: true });
      // Assert
      expect(res.upsertedCount).to.equal(1);
      expect(await coll.find({}, { projection: { _id: 0 } }).toArray()).to.deep.equal([{ k: 'none', v: 1 }]);
    });
  });

  describe('replace and delete', function () {
    it('when replaceOne is applied, then the whole document is replaced and _id is kept', async function () {
      // Arrange
      const coll = db.collection('repl');
      await coll.insertOne({ _id: 1, a: 1, b: 2 } as Document);
      // Act
      const res = await coll.replaceOne({ _id: 1 } as Document, { c: 3 });
      // Assert
      expect(res.matchedCount).to.equal(1);
      expect(res.modifiedCount).to.equal(1);
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({ _id: 1, c: 3 });
    });

    it('when replaceOne upserts with an _id equality filter, then the replacement is inserted with that _id', async function () {
      // Arrange
      const coll = db.collection('repl_upsert');
      // Act
      const res = await coll.replaceOne({ _id: 'r1' as unknown as ObjectId }, { x: 1 }, { upsert: true });
      // Assert
      expect(res.upsertedCount).to.equal(1);
      expect(res.upsertedId).to.equal('r1');
      expect(await coll.find({}).toArray()).to.deep.equal([{ _id: 'r1', x: 1 }]);
    });

    it('when deleteOne and deleteMany run, then deletedCount reports one and all matching documents respectively', async function () {
      // Arrange
      const coll = db.collection('del');
      await coll.insertMany([{ k: 'a' }, { k: 'a' }, { k: 'a' }, { k: 'b' }]);
      // Act
      const one = await coll.deleteOne({ k: 'a' });
      const many = await coll.deleteMany({ k: 'a' });
      const none = await coll.deleteMany({ k: 'zzz' });
      // Assert
      expect(one.deletedCount).to.equal(1);
      expect(many.deletedCount).to.equal(2);
      expect(none.deletedCount).to.equal(0);
      expect(await coll.find({}, { projection: { _id: 0 } }).toArray()).to.deep.equal([{ k: 'b' }]);
    });
  });

  describe('bulk and unacknowledged writes', function () {
    it('when bulkWrite mixes inserts, updates, upserts, replaces and deletes, then the result counts each kind', async function () {
      // Arrange
      const coll = db.collection('bulk_mixed');
      await coll.insertMany([
        { _id: 1, v: 1 },
        { _id: 2, v: 2 },
        { _id: 3, v: 3 },
      ] as Document[]);
      // Act
      const res = await coll.bulkWrite([
        { insertOne: { document: { _id: 4, v: 4 } as Document } },
        { updateOne: { filter: { _id: 1 } as Document, update: { $set: { v: 10 } } } },
        { updateMany: { filter: { v: { $gte: 2 } }, update: { $set: { seen: true } } } },
        { updateOne: { filter: { _id: 9 } as Document, update: { $set: { v: 9 } }, upsert: true } },
        { replaceOne: { filter: { _id: 2 } as Document, replacement: { v: 20 } } },
        { deleteOne: { filter: { _id: 3 } as Document } },
      ]);
      // Assert
      expect(res.insertedCount).to.equal(1);
      expect(res.matchedCount).to.equal(1 + 4 + 1);
      expect(res.modifiedCount).to.equal(1 + 4 + 1);
      expect(res.upsertedCount).to.equal(1);
      expect(res.upsertedIds).to.deep.equal({ 3: 9 });
      expect(res.deletedCount).to.equal(1);
      expect(await coll.find({}).sort({ _id: 1 }).toArray()).to.deep.equal([
        { _id: 1, v: 10, seen: true },
        { _id: 2, v: 20 },
        { _id: 4, v: 4, seen: true },
        { _id: 9, v: 9 },
      ]);
    });

    it('when a write uses w:0, then it is unacknowledged, the connection stays usable and the write becomes visible', async function () {
      // Arrange: one connection, so the later read is ordered after the unacknowledged write
      const single = new MongoClient(connection.target.uri, { maxPoolSize: 1, serverSelectionTimeoutMS: 5000 });
      try {
        await single.connect();
        const coll = single.db(db.databaseName).collection('w0');
        // Act
        const res = await coll.insertOne({ _id: 'fire-and-forget' } as Document, { writeConcern: { w: 0 } });
        const ping = await single.db('admin').command({ ping: 1 });
        const found = await coll.findOne({ _id: 'fire-and-forget' } as Document);
        // Assert
        expect(res.acknowledged).to.equal(false);
        expect(ping['ok']).to.equal(1);
        expect(found).to.deep.equal({ _id: 'fire-and-forget' });
      } finally {
        await single.close();
      }
    });
  });

  describe('findOneAndUpdate / findOneAndDelete / findOneAndReplace', function () {
    beforeEach(async function () {
      const coll = db.collection('fam');
      await coll.deleteMany({});
      await coll.insertMany([
        { _id: 1, k: 'x', v: 1 },
        { _id: 2, k: 'x', v: 2 },
        { _id: 3, k: 'y', v: 3 },
      ] as Document[]);
    });

    it('when findOneAndUpdate runs without returnDocument, then it returns the document as it was before the update', async function () {
      // Act
      const doc = await db.collection('fam').findOneAndUpdate({ _id: 3 } as Document, { $inc: { v: 10 } });
      // Assert
      expect(doc).to.deep.equal({ _id: 3, k: 'y', v: 3 });
      expect(await db.collection('fam').findOne({ _id: 3 } as Document)).to.deep.equal({ _id: 3, k: 'y', v: 13 });
    });

    it("when findOneAndUpdate runs with returnDocument 'after', then it returns the updated document", async function () {
      // Act
      const doc = await db
        .collection('fam')
        .findOneAndUpdate({ _id: 3 } as Document, { $inc: { v: 10 } }, { returnDocument: 'after' });
      // Assert
      expect(doc).to.deep.equal({ _id: 3, k: 'y', v: 13 });
    });

    it('when findOneAndUpdate has a sort and several matches, then the first document in sort order is updated', async function () {
      // Act
      const doc = await db
        .collection('fam')
        .findOneAndUpdate({ k: 'x' }, { $set: { picked: true } }, { sort: { v: -1 }, returnDocument: 'after' });
      // Assert
      expect(doc).to.deep.equal({ _id: 2, k: 'x', v: 2, picked: true });
      expect(await db.collection('fam').countDocuments({ picked: true })).to.equal(1);
    });

    it('when findOneAndUpdate has a projection, then the returned document is projected', async function () {
      // Act
      const doc = await db
        .collection('fam')
        .findOneAndUpdate({ _id: 1 } as Document, { $set: { v: 5 } }, { projection: { _id: 0, v: 1 }, returnDocument: 'after' });
      // Assert
      expect(doc).to.deep.equal({ v: 5 });
    });

    it("when findOneAndUpdate upserts with returnDocument 'after', then it returns the inserted document", async function () {
      // Act
      const doc = await db
        .collection('fam')
        .findOneAndUpdate(
          { k: 'new' },
          { $set: { v: 9 }, $setOnInsert: { fresh: true } },
          { upsert: true, returnDocument: 'after', projection: { _id: 0 } },
        );
      // Assert
      expect(doc).to.deep.equal({ k: 'new', v: 9, fresh: true });
      expect(await db.collection('fam').countDocuments()).to.equal(4);
    });

    it("when findOneAndUpdate upserts with returnDocument 'before', then it returns null but still inserts", async function () {
      // Act
      const doc = await db
        .collection('fam')
        .findOneAndUpdate({ k: 'new2' }, { $set: { v: 9 } }, { upsert: true, returnDocument: 'before' });
      // Assert
      expect(doc).to.equal(null);
      expect(await db.collection('fam').countDocuments({ k: 'new2', v: 9 })).to.equal(1);
    });

    it('when findOneAndUpdate upserts with includeResultMetadata, then lastErrorObject reports the upsert', async function () {
      // Act
      const res = await db
        .collection('fam')
        .findOneAndUpdate(
          { _id: 50 } as Document,
          { $set: { v: 1 } },
          { upsert: true, returnDocument: 'after', includeResultMetadata: true },
        );
      // Assert
      expect(res.ok).to.equal(1);
      expect(res.value).to.deep.equal({ _id: 50, v: 1 });
      expect(res.lastErrorObject).to.deep.include({ n: 1, updatedExisting: false, upserted: 50 });
    });

    it('when findOneAndUpdate matches nothing without upsert, then it returns null and writes nothing', async function () {
      // Act
      const doc = await db.collection('fam').findOneAndUpdate({ k: 'none' }, { $set: { v: 0 } }, { returnDocument: 'after' });
      // Assert
      expect(doc).to.equal(null);
      expect(await db.collection('fam').countDocuments()).to.equal(3);
    });

    it('when findOneAndDelete runs with a sort, then it removes and returns the first document in sort order', async function () {
      // Act
      const doc = await db.collection('fam').findOneAndDelete({ k: 'x' }, { sort: { v: 1 } });
      const missing = await db.collection('fam').findOneAndDelete({ k: 'none' });
      // Assert
      expect(doc).to.deep.equal({ _id: 1, k: 'x', v: 1 });
      expect(missing).to.equal(null);
      expect(await db.collection('fam').countDocuments()).to.equal(2);
      expect(await db.collection('fam').findOne({ _id: 1 } as Document)).to.equal(null);
    });

    it("when findOneAndReplace runs with returnDocument 'before' and 'after', then it returns the old and the new document", async function () {
      // Act
      const before = await db.collection('fam').findOneAndReplace({ _id: 1 } as Document, { k: 'r', w: 1 });
      const after = await db
        .collection('fam')
        .findOneAndReplace({ _id: 2 } as Document, { k: 'r', w: 2 }, { returnDocument: 'after' });
      // Assert
      expect(before).to.deep.equal({ _id: 1, k: 'x', v: 1 });
      expect(after).to.deep.equal({ _id: 2, k: 'r', w: 2 });
      expect(await db.collection('fam').findOne({ _id: 1 } as Document)).to.deep.equal({ _id: 1, k: 'r', w: 1 });
    });

    it("when findOneAndReplace upserts with returnDocument 'after', then it returns the inserted replacement", async function () {
      // Act
      const doc = await db
        .collection('fam')
        .findOneAndReplace({ _id: 60 } as Document, { k: 'z' }, { upsert: true, returnDocument: 'after' });
      // Assert
      expect(doc).to.deep.equal({ _id: 60, k: 'z' });
    });
  });

  describe('counting and distinct', function () {
    before(async function () {
      await db.collection('cnt').insertMany([
        { _id: 1, cat: 'solvent', tags: ['flammable', 'volatile'], sup: { country: 'SE' } },
        { _id: 2, cat: 'solvent', tags: ['flammable'], sup: { country: 'DE' } },
        { _id: 3, cat: 'acid', tags: 'corrosive', sup: { country: 'SE' } },
        { _id: 4, cat: 'acid' },
        { _id: 5, cat: 'base', tags: [] },
      ] as Document[]);
    });

    it('when countDocuments runs with a filter, skip and limit, then it counts the matching documents within that window', async function () {
      // Act
      const all = await db.collection('cnt').countDocuments();
      const solvents = await db.collection('cnt').countDocuments({ cat: 'solvent' });
      const windowed = await db.collection('cnt').countDocuments({}, { skip: 1, limit: 3 });
      const none = await db.collection('cnt').countDocuments({ cat: 'none' });
      // Assert
      expect(all).to.equal(5);
      expect(solvents).to.equal(2);
      expect(windowed).to.equal(3);
      expect(none).to.equal(0);
    });

    it('when estimatedDocumentCount runs, then it returns the collection size (0 for a missing collection)', async function () {
      // Act
      const n = await db.collection('cnt').estimatedDocumentCount();
      const missing = await db.collection('cnt_does_not_exist').estimatedDocumentCount();
      // Assert
      expect(n).to.equal(5);
      expect(missing).to.equal(0);
    });

    it('when distinct runs on an array field, then array elements are flattened into distinct values', async function () {
      // Act
      const tags = await db.collection('cnt').distinct('tags');
      // Assert
      expect([...tags].sort()).to.deep.equal(['corrosive', 'flammable', 'volatile']);
    });

    it('when distinct runs with a filter on a dotted field, then only values from matching documents are returned', async function () {
      // Act
      const countries = await db.collection('cnt').distinct('sup.country', { cat: 'solvent' });
      const cats = await db.collection('cnt').distinct('cat', { 'sup.country': 'SE' });
      // Assert
      expect([...countries].sort()).to.deep.equal(['DE', 'SE']);
      expect([...cats].sort()).to.deep.equal(['acid', 'solvent']);
    });
  });
});
