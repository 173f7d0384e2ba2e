// Conformance: BSON value types beyond numbers and strings — DBRef, JavaScript code, Timestamp — in
// index keys, equality, sorting and storage. MongoDB treats a DBRef as an ordinary embedded document
// ({ $ref, $id, $db? }), compares code by its text and sorts it after regular expressions, and never
// equates a Timestamp with a number. Where the engine cannot store a type faithfully (Timestamp) it
// must refuse with CommandNotSupported (115), never keep something else.
import { expect } from 'chai';
import {
  BSON,
  Code,
  DBRef,
  MongoBulkWriteError,
  MongoServerError,
  Timestamp,
  type ObjectId,
  type Db,
  type Document,
} from 'mongodb';
import { connectToTarget, rejectionOf } from '../target.js';

const COMMAND_NOT_SUPPORTED = 115;
const DUPLICATE_KEY = 11000;

type Outcome<T> = { ok: true; value: T } | { ok: false; error: MongoServerError };

/** MongoDB's answer, or the engine's explicit refusal (code 115) — nothing else. */
async function correctOrRefused<T>(promise: Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await promise };
  } catch (err) {
    expect(err, 'a refusal must be a server error').to.be.instanceOf(MongoServerError);
    const error = err as MongoServerError;
    expect(error.code, `refused with ${String(error.code)}: ${error.message}`).to.equal(COMMAND_NOT_SUPPORTED);
    return { ok: false, error };
  }
}

function ids(docs: Document[]): unknown[] {
  return docs.map((d): unknown => d._id);
}

/** A DBRef; the driver types $id as an ObjectId, but MongoDB (and the DBRef spec) allow any value. */
function ref(collection: string, id: unknown, db?: string): DBRef {
  return new DBRef(collection, id as ObjectId, db);
}

describe('engine conformance: BSON values (DBRef, code, Timestamp)', function () {
  const connection = connectToTarget();
  let db: Db;
  before(function () {
    db = connection.db;
  });

  describe('DBRef', function () {
    it('when different DBRefs are inserted under a unique index, then both are stored and only a repeat of one is a duplicate key', async function () {
      // Arrange
      const coll = db.collection('dbref_unique');
      await coll.createIndex({ r: 1 }, { unique: true });
      // Act
      await coll.insertOne({ _id: 1, r: ref('suppliers', 1) } as Document);
      await coll.insertOne({ _id: 2, r: ref('contracts', 99) } as Document);
      await coll.insertOne({ _id: 3, r: ref('suppliers', 2) } as Document);
      const err = await rejectionOf(coll.insertOne({ _id: 4, r: ref('suppliers', 1) } as Document));
      // Assert
      expect(err.code).to.equal(DUPLICATE_KEY);
      expect(await coll.countDocuments()).to.equal(3);
    });

    it('when _id values are different DBRefs, then both documents are stored and each is found by its own _id', async function () {
      // Arrange
      const coll = db.collection('dbref_ids');
      // Act
      await coll.insertMany([
        { _id: ref('suppliers', 1), n: 1 },
        { _id: ref('suppliers', 2), n: 2 },
      ] as Document[]);
      const second = await coll.findOne({ _id: ref('suppliers', 2) } as Document);
      const err = await rejectionOf(coll.insertOne({ _id: ref('suppliers', 1), n: 3 } as Document));
      // Assert
      expect(second?.['n']).to.equal(2);
      expect(err.code).to.equal(DUPLICATE_KEY);
      expect(await coll.countDocuments()).to.equal(2);
    });

    it('when DBRef fields are queried by equality, $in, $or, $match and their $ref/$id subfields, then exactly the matching documents return', async function () {
      // Arrange
      const coll = db.collection('dbref_query');
      await coll.insertMany([
        { _id: 1, r: ref('suppliers', 1) },
        { _id: 2, r: ref('contracts', 99) },
        { _id: 3, r: ref('suppliers', 2) },
        { _id: 4, r: [ref('contracts', 1), ref('suppliers', 7)] },
      ] as Document[]);
      const find = (filter: Document): Promise<unknown[]> => coll.find(filter).sort({ _id: 1 }).toArray().then(ids);
      // Act
      const byEquality = await find({ r: ref('suppliers', 1) });
      const byIn = await find({ r: { $in: [ref('contracts', 99), ref('suppliers', 7)] } });
      const byOr = await find({ $or: [{ r: ref('suppliers', 2) }, { _id: 1 }] });
      const byMatch = await coll.aggregate([{ $match: { r: ref('contracts', 99) } }]).toArray();
      const byId = await find({ 'r.$id': 1 });
      const byRef = await find({ 'r.$ref': 'contracts' });
      const refs = await coll.distinct('r.$ref');
      // Assert
      expect(byEquality).to.deep.equal([1]);
      expect(byIn).to.deep.equal([2, 4]);
      expect(byOr).to.deep.equal([1, 3]);
      expect(ids(byMatch)).to.deep.equal([2]);
      expect(byId).to.deep.equal([1, 4]);
      expect(byRef).to.deep.equal([2, 4]);
      expect([...refs].sort()).to.deep.equal(['contracts', 'suppliers']);
    });

    it('when a DBRef field is set to another DBRef, then the update modifies the document and the new reference is read back', async function () {
      // Arrange
      const coll = db.collection('dbref_update');
      await coll.insertOne({ _id: 1, r: ref('suppliers', 1) } as Document);
      // Act
      const result = await coll.updateOne({ _id: 1 } as Document, { $set: { r: ref('contracts', 5) } });
      const back = await coll.findOne({ _id: 1 } as Document);
      // Assert
      expect(result.modifiedCount).to.equal(1);
      expect(back?.['r']).to.be.instanceOf(DBRef);
      expect((back?.['r'] as DBRef).collection).to.equal('contracts');
      expect((back?.['r'] as DBRef).oid).to.equal(5);
    });

    it('when an upsert finds no document for a DBRef equality, then the inserted document holds that DBRef', async function () {
      // Arrange
      const coll = db.collection('dbref_upsert');
      // Act
      const result = await coll.updateOne({ r: ref('suppliers', 3) }, { $set: { n: 1 } }, { upsert: true });
      const back = await coll.findOne({ _id: result.upsertedId } as Document);
      // Assert
      expect(result.upsertedCount).to.equal(1);
      expect(back?.['r']).to.be.instanceOf(DBRef);
      expect(BSON.EJSON.stringify(back?.['r'])).to.equal(BSON.EJSON.stringify(ref('suppliers', 3)));
      expect(back?.['n']).to.equal(1);
    });

    it('when documents are sorted by a field holding DBRefs and plain documents, then they compare as documents field by field', async function () {
      // Arrange: { $ref: ... } sorts before { a: ... } because '$ref' < 'a'; then by $ref, then by $id.
      const coll = db.collection('dbref_sort');
      await coll.insertMany([
        { _id: 1, r: { a: 'x' } },
        { _id: 2, r: ref('b', 1) },
        { _id: 3, r: ref('a', 2) },
        { _id: 4, r: ref('a', 1) },
      ] as Document[]);
      // Act
      const ascending = await coll.find({}).sort({ r: 1 }).toArray();
      // Assert
      expect(ids(ascending)).to.deep.equal([4, 3, 2, 1]);
    });

    it('when a document holds $id before $ref, then it is stored in that order and does not equal a DBRef with the fields the other way round', async function () {
      // Arrange: MongoDB keeps field order in embedded documents and compares it.
      const coll = db.collection('dbref_order');
      await coll.insertOne({ _id: 1, r: { $id: 7, $ref: 'suppliers' } } as Document);
      // Act
      const raw = await coll.findOne({ _id: 1 } as Document, { raw: true });
      const asDbRef = await coll.find({ r: ref('suppliers', 7) }).toArray();
      const bySubfield = await coll.find({ 'r.$id': 7 }).toArray();
      // Assert
      const bytes = Buffer.from(raw as unknown as Uint8Array);
      expect(bytes.indexOf('$id')).to.be.greaterThan(0);
      expect(bytes.indexOf('$id')).to.be.lessThan(bytes.indexOf('$ref'));
      expect(asDbRef).to.deep.equal([]);
      expect(ids(bySubfield)).to.deep.equal([1]);
    });
  });

  describe('JavaScript code', function () {
    it('when different code values are inserted under a unique index, then both are stored and only a repeat of one is a duplicate key', async function () {
      // Arrange
      const coll = db.collection('code_unique');
      await coll.createIndex({ c: 1 }, { unique: true });
      // Act
      await coll.insertOne({ _id: 1, c: new Code('function () { return 1; }') } as Document);
      await coll.insertOne({ _id: 2, c: new Code('function () { return 2; }') } as Document);
      const err = await rejectionOf(coll.insertOne({ _id: 3, c: new Code('function () { return 1; }') } as Document));
      // Assert
      expect(err.code).to.equal(DUPLICATE_KEY);
      expect(ids(await coll.find({ c: new Code('function () { return 2; }') }).toArray())).to.deep.equal([2]);
    });

    it('when a code field is set to other code, then the update modifies the document', async function () {
      // Arrange
      const coll = db.collection('code_update');
      await coll.insertOne({ _id: 1, c: new Code('return 1') } as Document);
      // Act
      const result = await coll.updateOne({ _id: 1 } as Document, { $set: { c: new Code('return 2') } });
      const back = await coll.findOne({ _id: 1 } as Document);
      // Assert
      expect(result.modifiedCount).to.equal(1);
      expect((back?.['c'] as Code).code).to.equal('return 2');
    });

    it('when code values are sorted with strings and dates, then code sorts after both and by its text', async function () {
      // Arrange
      const coll = db.collection('code_sort');
      await coll.insertMany([
        { _id: 1, v: new Code('b') },
        { _id: 2, v: new Date(0) },
        { _id: 3, v: new Code('a') },
        { _id: 4, v: 'z' },
      ] as Document[]);
      // Act
      const ascending = await coll.find({}).sort({ v: 1 }).toArray();
      // Assert
      expect(ids(ascending)).to.deep.equal([4, 2, 3, 1]);
    });
  });

  describe('index keys of embedded documents', function () {
    it('when embedded documents differ only in where a string ends, then a unique index keeps them apart', async function () {
      // Arrange
      const coll = db.collection('embedded_unique');
      await coll.createIndex({ r: 1 }, { unique: true });
      // Act
      await coll.insertOne({ _id: 1, r: { a: 'x,"b":s:y' } } as Document);
      await coll.insertOne({ _id: 2, r: { a: 'x', b: 'y' } } as Document);
      const found = await coll.find({ r: { a: 'x', b: 'y' } }).toArray();
      // Assert
      expect(ids(found)).to.deep.equal([2]);
    });
  });

  describe('Timestamp', function () {
    it('when a document holds a Timestamp, then either it is read back as that Timestamp or storing it is refused naming Timestamp', async function () {
      // Arrange
      const coll = db.collection('ts_store');
      const ts = new Timestamp({ t: 1, i: 5 });
      // Act
      const stored = await correctOrRefused(coll.insertOne({ _id: 1, ts } as Document));
      // Assert
      if (stored.ok) {
        const back = await coll.findOne({ _id: 1 } as Document);
        expect(back?.['ts']).to.be.instanceOf(Timestamp);
        expect((back?.['ts'] as Timestamp).equals(ts)).to.equal(true);
      } else {
        expect(stored.error.message).to.match(/Timestamp/);
        expect(await coll.countDocuments()).to.equal(0);
      }
    });

    it('when a zero Timestamp is inserted at the top level, then either MongoDB fills in the current time or storing it is refused', async function () {
      // Arrange
      const coll = db.collection('ts_zero');
      // Act
      const stored = await correctOrRefused(coll.insertOne({ _id: 1, ts: new Timestamp({ t: 0, i: 0 }) } as Document));
      // Assert
      if (stored.ok) {
        const back = await coll.findOne({ _id: 1 } as Document);
        expect(back?.['ts']).to.be.instanceOf(Timestamp);
        expect((back?.['ts'] as Timestamp).t).to.be.greaterThan(0);
      }
    });

    it('when a filter holds a Timestamp, then it matches no number (Timestamp(0, 5) is not 5)', async function () {
      // Arrange
      const coll = db.collection('ts_filter');
      await coll.insertMany([
        { _id: 1, n: 5 },
        { _id: 2, n: 1 },
      ] as Document[]);
      const five = new Timestamp({ t: 0, i: 5 });
      // Act
      const byEquality = await coll.find({ n: five }).toArray();
      const byIn = await coll.find({ n: { $in: [five, 7] } }).toArray();
      const byRange = await correctOrRefused(coll.find({ n: { $gte: new Timestamp({ t: 0, i: 1 }) } }).toArray());
      // Assert
      expect(byEquality).to.deep.equal([]);
      expect(byIn).to.deep.equal([]);
      if (byRange.ok) expect(byRange.value).to.deep.equal([]);
    });

    it("when $currentDate asks for { $type: 'timestamp' }, then either a Timestamp is stored or the update is refused", async function () {
      // Arrange
      const coll = db.collection('ts_current_date');
      await coll.insertOne({ _id: 1 } as Document);
      // Act
      const updated = await correctOrRefused(coll.updateOne({ _id: 1 } as Document, { $currentDate: { at: { $type: 'timestamp' } } }));
      const back = await coll.findOne({ _id: 1 } as Document);
      // Assert
      if (updated.ok) expect(back?.['at']).to.be.instanceOf(Timestamp);
      else expect(back).to.deep.equal({ _id: 1 });
    });

    it('when an upsert copies a Timestamp from its query, then either the Timestamp is stored or the upsert is refused', async function () {
      // Arrange
      const coll = db.collection('ts_upsert');
      const ts = new Timestamp({ t: 1, i: 1 });
      // Act
      const upserted = await correctOrRefused(coll.updateOne({ ts }, { $set: { a: 1 } }, { upsert: true }));
      const docs = await coll.find({}).toArray();
      // Assert
      if (upserted.ok) {
        expect(docs).to.have.length(1);
        expect(docs[0]?.['ts']).to.be.instanceOf(Timestamp);
        expect((docs[0]?.['ts'] as Timestamp).equals(ts)).to.equal(true);
      } else {
        expect(docs).to.deep.equal([]);
      }
    });

    it('when $out writes a Timestamp from the pipeline, then either the Timestamp is stored or the aggregate is refused', async function () {
      // Arrange
      const coll = db.collection('ts_out_source');
      await coll.insertOne({ _id: 1 } as Document);
      const ts = new Timestamp({ t: 2, i: 3 });
      // Act
      const written = await correctOrRefused(coll.aggregate([{ $project: { ts: { $literal: ts } } }, { $out: 'ts_out' }]).toArray());
      const out = await db.collection('ts_out').find({}).toArray();
      // Assert
      if (written.ok) {
        expect(out).to.have.length(1);
        expect(out[0]?.['ts']).to.be.instanceOf(Timestamp);
      } else {
        expect(out).to.deep.equal([]);
      }
    });

    it('when getMore is given a Timestamp as the cursor id, then it is rejected as the wrong type', async function () {
      // Act
      const err = await rejectionOf(db.command({ getMore: new Timestamp({ t: 0, i: 1 }), collection: 'ts_filter' }));
      // Assert
      expect(err.code).to.equal(14);
    });
  });

  describe('insertMany with DBRefs under a unique index', function () {
    it('when an unordered insertMany holds distinct DBRefs and one repeat, then only the repeat fails', async function () {
      // Arrange
      const coll = db.collection('dbref_bulk');
      await coll.createIndex({ r: 1 }, { unique: true });
      // Act
      let failedIndexes: number[] = [];
      try {
        await coll.insertMany(
          [
            { _id: 1, r: ref('a', 1) },
            { _id: 2, r: ref('b', 1) },
            { _id: 3, r: ref('a', 1, 'otherdb') },
            { _id: 4, r: ref('a', 1) },
          ] as Document[],
          { ordered: false },
        );
      } catch (err) {
        expect(err).to.be.instanceOf(MongoBulkWriteError);
        const w: unknown = (err as MongoBulkWriteError).writeErrors;
        failedIndexes = (Array.isArray(w) ? w : [w]).map((e) => (e as { index: number }).index);
      }
      // Assert
      expect(failedIndexes).to.deep.equal([3]);
      expect(await coll.countDocuments()).to.equal(3);
      expect(BSON.EJSON.stringify((await coll.findOne({ _id: 3 } as Document))?.['r'])).to.equal(
        BSON.EJSON.stringify(ref('a', 1, 'otherdb')),
      );
    });
  });
});
