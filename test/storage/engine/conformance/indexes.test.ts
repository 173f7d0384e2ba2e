// Conformance: index management and unique-index enforcement as documented by MongoDB.
import { expect } from 'chai';
import {
  Decimal128,
  MongoBulkWriteError,
  type Db,
  type Document,
  type WriteError,
} from 'mongodb';
import { connectToTarget, rejectionOf } from '../target.js';

function writeErrorsOf(err: MongoBulkWriteError): WriteError[] {
  const w: unknown = err.writeErrors;
  return Array.isArray(w) ? (w as WriteError[]) : [w as WriteError];
}

describe('engine conformance: indexes', function () {
  const connection = connectToTarget();
  let db: Db;
  before(function () {
    db = connection.db;
  });

  describe('index management', function () {
    it('when an index is created, then createIndex returns its generated name and listIndexes shows it beside _id_', async function () {
      // Arrange
      const coll = db.collection('idx_list');
      await coll.insertOne({ a: 1, b: 'x' });
      // Act
      const name = await coll.createIndex({ a: 1, b: -1 });
      const uniqueName = await coll.createIndex({ b: 1 }, { unique: true, name: 'b_unique' });
      const indexes = await coll.listIndexes().toArray();
      // Assert
      expect(name).to.equal('a_1_b_-1');
      expect(uniqueName).to.equal('b_unique');
      const byName = new Map(indexes.map((i) => [i['name'] as string, i]));
      expect([...byName.keys()].sort()).to.deep.equal(['_id_', 'a_1_b_-1', 'b_unique']);
      expect(byName.get('_id_')?.['key']).to.deep.equal({ _id: 1 });
      expect(byName.get('a_1_b_-1')?.['key']).to.deep.equal({ a: 1, b: -1 });
      expect(byName.get('b_unique')?.['key']).to.deep.equal({ b: 1 });
      expect(byName.get('b_unique')?.['unique']).to.equal(true);
      expect(byName.get('a_1_b_-1')?.['unique']).to.not.equal(true);
    });

    it('when the same index is created twice, then the second call succeeds without creating a duplicate', async function () {
      // Arrange
      const coll = db.collection('idx_idempotent');
      await coll.createIndex({ k: 1 });
      // Act
      const again = await coll.createIndex({ k: 1 });
      const indexes = await coll.listIndexes().toArray();
      // Assert
      expect(again).to.equal('k_1');
      expect(indexes.map((i) => i['name'] as string).sort()).to.deep.equal(['_id_', 'k_1']);
    });

    it('when an index is dropped by name, then listIndexes no longer shows it', async function () {
      // Arrange
      const coll = db.collection('idx_drop');
      await coll.createIndex({ k: 1 });
      await coll.createIndex({ j: 1 });
      // Act
      await coll.dropIndex('k_1');
      const names = (await coll.listIndexes().toArray()).map((i) => i['name'] as string).sort();
      // Assert
      expect(names).to.deep.equal(['_id_', 'j_1']);
    });

    it('when a unique index is dropped, then duplicate values can be inserted again', async function () {
      // Arrange
      const coll = db.collection('idx_drop_unique');
      await coll.createIndex({ email: 1 }, { unique: true });
      await coll.insertOne({ email: 'a@x' });
      // Act
      await coll.dropIndex('email_1');
      await coll.insertOne({ email: 'a@x' });
      // Assert
      expect(await coll.countDocuments({ email: 'a@x' })).to.equal(2);
    });

    it('when a non-existent index is dropped, then the command fails with IndexNotFound (27)', async function () {
      // Arrange
      const coll = db.collection('idx_drop_missing');
      await coll.insertOne({ k: 1 });
      // Act
      const err = await rejectionOf(coll.dropIndex('nope_1'));
      // Assert
      expect(err.code).to.equal(27);
    });

    it('when a unique index is created over existing duplicates, then index creation fails with 11000 and no index is left', async function () {
      // Arrange
      const coll = db.collection('idx_build_dup');
      await coll.insertMany([{ k: 1 }, { k: 1 }]);
      // Act
      const err = await rejectionOf(coll.createIndex({ k: 1 }, { unique: true }));
      // Assert
      expect(err.code).to.equal(11000);
      const names = (await coll.listIndexes().toArray()).map((i) => i['name'] as string);
      expect(names).to.deep.equal(['_id_']);
    });
  });

  describe('unique enforcement on single writes', function () {
    before(async function () {
      await db.collection('uniq').createIndex({ email: 1 }, { unique: true });
    });

    it('when two documents share a unique key, then the second insert fails with 11000, keyPattern and keyValue', async function () {
      // Arrange
      const coll = db.collection('uniq');
      await coll.insertOne({ email: 'ins@x', n: 1 });
      // Act
      const err = await rejectionOf(coll.insertOne({ email: 'ins@x', n: 2 }));
      // Assert
      expect(err.code).to.equal(11000);
      expect(err['keyPattern']).to.deep.equal({ email: 1 });
      expect(err['keyValue']).to.deep.equal({ email: 'ins@x' });
      expect(await coll.countDocuments({ email: 'ins@x' })).to.equal(1);
    });

    it('when an update would give a document an existing unique key, then it fails with 11000 and the document is unchanged', async function () {
      // Arrange
      const coll = db.collection('uniq');
      await coll.insertMany([{ email: 'upd1@x' }, { email: 'upd2@x' }]);
      // Act
      const err = await rejectionOf(coll.updateOne({ email: 'upd2@x' }, { $set: { email: 'upd1@x' } }));
      // Assert
      expect(err.code).to.equal(11000);
      expect(err['keyPattern']).to.deep.equal({ email: 1 });
      expect(err['keyValue']).to.deep.equal({ email: 'upd1@x' });
      expect(await coll.countDocuments({ email: 'upd2@x' })).to.equal(1);
      expect(await coll.countDocuments({ email: 'upd1@x' })).to.equal(1);
    });

    it('when updateMany would make two documents collide, then it fails with 11000', async function () {
      // Arrange
      const coll = db.collection('uniq');
      await coll.insertMany([
        { email: 'm1@x', grp: 'm' },
        { email: 'm2@x', grp: 'm' },
      ]);
      // Act
      const err = await rejectionOf(coll.updateMany({ grp: 'm' }, { $set: { email: 'same@x' } }));
      // Assert
      expect(err.code).to.equal(11000);
      expect(await coll.countDocuments({ email: 'same@x' })).to.be.at.most(1);
    });

    it('when an upsert inserts a document whose unique key already exists, then it fails with 11000 and nothing is inserted', async function () {
      // Arrange
      const coll = db.collection('uniq');
      await coll.insertOne({ email: 'ups@x', name: 'first' });
      // Act
      const err = await rejectionOf(
        coll.updateOne({ name: 'nobody-has-this' }, { $set: { email: 'ups@x' } }, { upsert: true }),
      );
      // Assert
      expect(err.code).to.equal(11000);
      expect(err['keyValue']).to.deep.equal({ email: 'ups@x' });
      expect(await coll.countDocuments({ email: 'ups@x' })).to.equal(1);
      expect(await coll.countDocuments({ name: 'nobody-has-this' })).to.equal(0);
    });

    it('when a unique non-sparse index sees two documents missing the field, then the second fails with 11000 on a null key', async function () {
      // Arrange
      const coll = db.collection('uniq_null');
      await coll.createIndex({ code: 1 }, { unique: true });
      await coll.insertOne({ other: 1 });
      // Act
      const err = await rejectionOf(coll.insertOne({ other: 2 }));
      // Assert
      expect(err.code).to.equal(11000);
      expect(err['keyValue']).to.deep.equal({ code: null });
    });
  });

  describe('compound, sparse, partial and multikey unique indexes', function () {
    it('when a compound unique index exists, then only the full key combination must be unique', async function () {
      // Arrange
      const coll = db.collection('uniq_compound');
      await coll.createIndex({ a: 1, b: 1 }, { unique: true });
      await coll.insertMany([
        { a: 1, b: 1 },
        { a: 1, b: 2 },
        { a: 2, b: 1 },
      ]);
      // Act
      const err = await rejectionOf(coll.insertOne({ a: 1, b: 2 }));
      // Assert
      expect(err.code).to.equal(11000);
      expect(err['keyPattern']).to.deep.equal({ a: 1, b: 1 });
      expect(err['keyValue']).to.deep.equal({ a: 1, b: 2 });
      expect(await coll.countDocuments()).to.equal(3);
    });

    it('when a sparse unique index exists, then several documents missing the field are allowed but duplicates are not', async function () {
      // Arrange
      const coll = db.collection('uniq_sparse');
      await coll.createIndex({ ext: 1 }, { unique: true, sparse: true });
      // Act
      await coll.insertMany([{ n: 1 }, { n: 2 }, { n: 3, ext: 'E1' }]);
      const err = await rejectionOf(coll.insertOne({ n: 4, ext: 'E1' }));
      // Assert
      expect(await coll.countDocuments()).to.equal(3);
      expect(err.code).to.equal(11000);
      expect(err['keyValue']).to.deep.equal({ ext: 'E1' });
    });

    it('when a partial unique index exists, then uniqueness applies only to documents matching partialFilterExpression', async function () {
      // Arrange
      const coll = db.collection('uniq_partial');
      await coll.createIndex(
        { email: 1 },
        { unique: true, partialFilterExpression: { status: 'active' }, name: 'email_active' },
      );
      // Act
      await coll.insertMany([
        { email: 'p@x', status: 'archived' },
        { email: 'p@x', status: 'archived' },
        { email: 'p@x', status: 'active' },
      ]);
      const err = await rejectionOf(coll.insertOne({ email: 'p@x', status: 'active' }));
      const reactivate = await rejectionOf(
        coll.updateOne({ email: 'p@x', status: 'archived' }, { $set: { status: 'active' } }),
      );
      // Assert
      expect(await coll.countDocuments({ email: 'p@x' })).to.equal(3);
      expect(err.code).to.equal(11000);
      expect(err['keyValue']).to.deep.equal({ email: 'p@x' });
      expect(reactivate.code).to.equal(11000);
      const idx = (await coll.listIndexes().toArray()).find((i) => i['name'] === 'email_active');
      expect(idx?.['partialFilterExpression']).to.deep.equal({ status: 'active' });
    });

    it('when a unique index is on an array field, then two documents may not share any element, but one document may repeat an element', async function () {
      // Arrange
      const coll = db.collection('uniq_multikey');
      await coll.createIndex({ tags: 1 }, { unique: true });
      await coll.insertOne({ n: 1, tags: ['a', 'b'] });
      // Act
      const err = await rejectionOf(coll.insertOne({ n: 2, tags: ['c', 'b'] }));
      await coll.insertOne({ n: 3, tags: ['x', 'x'] });
      // Assert
      expect(err.code).to.equal(11000);
      expect(err['keyValue']).to.deep.equal({ tags: 'b' });
      expect((await coll.find({}, { projection: { _id: 0, n: 1 } }).sort({ n: 1 }).toArray()).map((d): unknown => d['n'])).to.deep.equal([
        1, 3,
      ]);
    });
  });

  describe('what counts as the same key', function () {
    it('when a unique index is on a dotted path, then the duplicate error names the dotted path in keyPattern and keyValue', async function () {
      // Arrange
      const coll = db.collection('uniq_dotted');
      await coll.createIndex({ 'sup.orgNo': 1 }, { unique: true });
      await coll.insertOne({ sup: { orgNo: '556000-1111', name: 'A' } });
      // Act
      const err = await rejectionOf(coll.insertOne({ sup: { orgNo: '556000-1111', name: 'B' } }));
      // Assert
      expect(err.code).to.equal(11000);
      expect(err['keyPattern']).to.deep.equal({ 'sup.orgNo': 1 });
      expect(err['keyValue']).to.deep.equal({ 'sup.orgNo': '556000-1111' });
    });

    it('when one document holds a scalar and another an array containing it, then a unique index treats them as duplicates', async function () {
      // Arrange
      const coll = db.collection('uniq_scalar_array');
      await coll.createIndex({ code: 1 }, { unique: true });
      await coll.insertOne({ code: 'H225' });
      // Act
      const err = await rejectionOf(coll.insertOne({ code: ['H319', 'H225'] }));
      // Assert
      expect(err.code).to.equal(11000);
      expect(err['keyValue']).to.deep.equal({ code: 'H225' });
    });

    it('when embedded documents differ only in field order, then a unique index does not treat them as duplicates', async function () {
      // Arrange
      const coll = db.collection('uniq_embedded_order');
      await coll.createIndex({ dims: 1 }, { unique: true });
      await coll.insertOne({ dims: { h: 1, w: 2 } });
      // Act
      await coll.insertOne({ dims: { w: 2, h: 1 } });
      const err = await rejectionOf(coll.insertOne({ dims: { h: 1, w: 2 } }));
      // Assert
      expect(await coll.countDocuments()).to.equal(2);
      expect(err.code).to.equal(11000);
    });

    it('when numerically equal values of different types are inserted, then a unique index treats them as duplicates (or the engine refuses the value)', async function () {
      // Arrange
      const coll = db.collection('uniq_numeric');
      await coll.createIndex({ n: 1 }, { unique: true });
      await coll.insertOne({ n: 2 });
      // Act
      const fromDecimal = await rejectionOf(coll.insertOne({ n: Decimal128.fromString('2.0') }));
      // Assert: MongoDB reports the duplicate (11000); an engine that cannot store Decimal128 may refuse it instead
      // (115 CommandNotSupported / 2 BadValue), but must never accept it
      expect([11000, 115, 2], fromDecimal.message).to.include(fromDecimal.code);
      expect(await coll.countDocuments()).to.equal(1);
    });
  });

  describe('insertMany with duplicate keys', function () {
    it('when an ordered insertMany hits a duplicate, then it stops at the first error and reports it in writeErrors', async function () {
      // Arrange
      const coll = db.collection('ordered');
      await coll.createIndex({ k: 1 }, { unique: true });
      // Act
      let caught: unknown;
      try {
        await coll.insertMany([{ k: 1 }, { k: 2 }, { k: 1 }, { k: 3 }, { k: 2 }]);
      } catch (e) {
        caught = e;
      }
      // Assert
      expect(caught).to.be.instanceOf(MongoBulkWriteError);
      const err = caught as MongoBulkWriteError;
      expect(err.code).to.equal(11000);
      expect(err.insertedCount).to.equal(2);
      const writeErrors = writeErrorsOf(err);
      expect(writeErrors).to.have.length(1);
      expect(writeErrors[0]?.index).to.equal(2);
      expect(writeErrors[0]?.code).to.equal(11000);
      const ks = (await coll.find({}).sort({ k: 1 }).toArray()).map((d): unknown => d['k']);
      expect(ks).to.deep.equal([1, 2]);
    });

    it('when an unordered insertMany hits duplicates, then it inserts every other document and reports each failure by index', async function () {
      // Arrange
      const coll = db.collection('unordered');
      await coll.createIndex({ k: 1 }, { unique: true });
      // Act
      let caught: unknown;
      try {
        await coll.insertMany([{ k: 1 }, { k: 2 }, { k: 1 }, { k: 3 }, { k: 2 }], { ordered: false });
      } catch (e) {
        caught = e;
      }
      // Assert
      expect(caught).to.be.instanceOf(MongoBulkWriteError);
      const err = caught as MongoBulkWriteError;
      expect(err.insertedCount).to.equal(3);
      const writeErrors = writeErrorsOf(err);
      expect(writeErrors.map((w) => w.index)).to.deep.equal([2, 4]);
      expect(writeErrors.map((w) => w.code)).to.deep.equal([11000, 11000]);
      const ks = (await coll.find({}).sort({ k: 1 }).toArray()).map((d): unknown => d['k']);
      expect(ks).to.deep.equal([1, 2, 3]);
    });

    it('when a raw ordered insert command hits a duplicate, then the ok:1 reply has n for the prefix and one writeError with keyPattern and keyValue', async function () {
      // Arrange
      const coll = db.collection('raw_ordered');
      await coll.createIndex({ k: 1 }, { unique: true });
      // Act
      const reply = await db.command({
        insert: 'raw_ordered',
        documents: [{ k: 1 }, { k: 2 }, { k: 1 }, { k: 3 }],
        ordered: true,
      });
      // Assert
      expect(reply['ok']).to.equal(1);
      expect(reply['n']).to.equal(2);
      const writeErrors = reply['writeErrors'] as Document[];
      expect(writeErrors).to.have.length(1);
      expect(writeErrors[0]).to.deep.include({ index: 2, code: 11000, keyPattern: { k: 1 }, keyValue: { k: 1 } });
      expect(writeErrors[0]?.['errmsg']).to.match(/E11000 duplicate key error/);
      expect(await coll.countDocuments()).to.equal(2);
    });

    it('when a raw unordered insert command hits duplicates, then every other document is inserted and each writeError carries its index and keyValue', async function () {
      // Arrange
      const coll = db.collection('raw_unordered');
      await coll.createIndex({ k: 1 }, { unique: true });
      // Act
      const reply = await db.command({
        insert: 'raw_unordered',
        documents: [{ k: 1 }, { k: 2 }, { k: 1 }, { k: 3 }, { k: 2 }],
        ordered: false,
      });
      // Assert
      expect(reply['ok']).to.equal(1);
      expect(reply['n']).to.equal(3);
      const writeErrors = (reply['writeErrors'] as Document[]).map((w) => ({
        index: w['index'] as unknown,
        code: w['code'] as unknown,
        keyValue: w['keyValue'] as unknown,
      }));
      expect(writeErrors).to.deep.equal([
        { index: 2, code: 11000, keyValue: { k: 1 } },
        { index: 4, code: 11000, keyValue: { k: 2 } },
      ]);
      expect(await coll.countDocuments()).to.equal(3);
    });

    it('when an ordered bulkWrite hits a duplicate in an update, then earlier operations stay applied and later ones do not run', async function () {
      // Arrange
      const coll = db.collection('bulk_ordered');
      await coll.createIndex({ k: 1 }, { unique: true });
      await coll.insertMany([{ _id: 1, k: 'a' }, { _id: 2, k: 'b' }] as Document[]);
      // Act
      let caught: unknown;
      try {
        await coll.bulkWrite([
          { updateOne: { filter: { _id: 1 } as Document, update: { $set: { touched: true } } } },
          { updateOne: { filter: { _id: 2 } as Document, update: { $set: { k: 'a' } } } },
          { insertOne: { document: { _id: 3, k: 'c' } as Document } },
        ]);
      } catch (e) {
        caught = e;
      }
      // Assert
      expect(caught).to.be.instanceOf(MongoBulkWriteError);
      const err = caught as MongoBulkWriteError;
      const writeErrors = writeErrorsOf(err);
      expect(writeErrors.map((w) => w.index)).to.deep.equal([1]);
      expect(writeErrors[0]?.code).to.equal(11000);
      expect(await coll.findOne({ _id: 1 } as Document)).to.deep.equal({ _id: 1, k: 'a', touched: true });
      expect(await coll.findOne({ _id: 2 } as Document)).to.deep.equal({ _id: 2, k: 'b' });
      expect(await coll.findOne({ _id: 3 } as Document)).to.equal(null);
    });
  });

  describe('date ranges on an indexed field', function () {
    const day = (n: number): Date => new Date(Date.UTC(2026, 0, n));
    const ids = async (coll: ReturnType<Db['collection']>, filter: Document): Promise<number[]> =>
      (await coll.find(filter, { projection: { _id: 1 } }).toArray()).map((d) => d._id as unknown as number).sort((a, b) => a - b);

    it('when a field with an index is compared with a date, then exactly the documents MongoDB matches come back, arrays and other types included', async function () {
      // Arrange: dates, an array of dates, a string, a number, null and a missing field under one index.
      const coll = db.collection('idx_date_range');
      await coll.createIndex({ at: 1 });
      await coll.insertMany([
        { _id: 1, at: day(1) }, { _id: 2, at: day(5) }, { _id: 3, at: day(10) }, { _id: 4, at: [day(2), day(20)] },
        { _id: 5, at: '2026-01-15' }, { _id: 6, at: 15 }, { _id: 7, at: null }, { _id: 8 },
      ] as Document[]);

      // Act + Assert
      expect(await ids(coll, { at: { $gte: day(5) } })).to.deep.equal([2, 3, 4]);
      expect(await ids(coll, { at: { $gt: day(5) } })).to.deep.equal([3, 4]);
      expect(await ids(coll, { at: { $lt: day(5) } })).to.deep.equal([1, 4]);
      expect(await ids(coll, { at: { $lte: day(5) } })).to.deep.equal([1, 2, 4]);
      // Each bound may be met by a different element of an array: [2 Jan, 20 Jan] is ≥ 8 Jan and ≤ 12 Jan.
      expect(await ids(coll, { at: { $gte: day(8), $lte: day(12) } })).to.deep.equal([3, 4]);
      expect(await ids(coll, { $and: [{ at: { $gt: day(1) } }, { at: { $ne: day(10) } }] })).to.deep.equal([2, 4]);
    });

    it('when dates are updated, removed and added after a range lookup, then later lookups see every change', async function () {
      // Arrange
      const coll = db.collection('idx_date_range_changes');
      await coll.createIndex({ at: 1, kind: 1 });
      await coll.insertMany(Array.from({ length: 50 }, (_, i) => ({ _id: i, at: day(i + 1), kind: 'a' })) as Document[]);
      expect(await ids(coll, { at: { $gte: day(49) } })).to.deep.equal([48, 49]);

      // Act: move one document forward, delete another, then add more new dates than wait unsorted.
      await coll.updateOne({ _id: 3 } as Document, { $set: { at: day(60) } });
      await coll.deleteOne({ _id: 49 } as Document);
      const afterUpdate = await ids(coll, { at: { $gte: day(49) } });
      await coll.insertMany(Array.from({ length: 400 }, (_, i) => ({ _id: 100 + i, at: new Date(day(70).getTime() + i * 1000), kind: 'b' })) as Document[]);

      // Assert
      expect(afterUpdate).to.deep.equal([3, 48]);
      const recent = await ids(coll, { at: { $gte: day(49) } });
      expect(recent.slice(0, 3)).to.deep.equal([3, 48, 100]);
      expect(recent).to.have.length(402);
      expect(await ids(coll, { at: { $lt: day(5) } })).to.deep.equal([0, 1, 2]);
      expect(await ids(coll, { at: { $gt: new Date(day(70).getTime() + 398_000) } })).to.deep.equal([499]);
    });
  });
});
