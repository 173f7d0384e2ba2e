// Conformance: sessions and multi-document transactions as documented by MongoDB.
// (Against a real MongoDB this needs a replica set or sharded cluster: standalone servers reject transactions.)
import { expect } from 'chai';
import { MongoClient, MongoServerError, type Db, type Document } from 'mongodb';
import { openTarget, rejectionOf, type Target } from '../target.js';

describe('engine conformance: sessions and transactions', function () {
  let target: Target | undefined;
  let client: MongoClient | undefined;
  let db: Db;

  before(async function () {
    target = await openTarget();
    client = new MongoClient(target.uri, { serverSelectionTimeoutMS: 5000 });
    await client.connect();
    db = client.db(target.dbName);
    // Create the collections up front so every test exercises transactional writes, not implicit creation.
    for (const name of ['tx_a', 'tx_b', 'tx_abort', 'tx_iso', 'tx_dup', 'tx_throw', 'tx_ryw']) {
      await db.createCollection(name);
    }
    await db.collection('tx_dup').createIndex({ k: 1 }, { unique: true });
  });

  after(async function () {
    await client?.close();
    await target?.close();
  });

  it('when withTransaction commits writes to two collections, then all of them are visible afterwards', async function () {
    // Arrange
    const session = client!.startSession();
    await db.collection('tx_a').insertOne({ _id: 'acct', balance: 100 } as Document);
    try {
      // Act
      await session.withTransaction(async () => {
        await db.collection('tx_a').updateOne({ _id: 'acct' } as Document, { $inc: { balance: -30 } }, { session });
        await db.collection('tx_b').insertOne({ _id: 'entry1', amount: 30 } as Document, { session });
        await db.collection('tx_b').insertOne({ _id: 'entry2', amount: 0 } as Document, { session });
        await db.collection('tx_b').deleteOne({ _id: 'entry2' } as Document, { session });
      });
    } finally {
      await session.endSession();
    }
    // Assert
    expect(await db.collection('tx_a').findOne({ _id: 'acct' } as Document)).to.deep.equal({ _id: 'acct', balance: 70 });
    expect(await db.collection('tx_b').find({}).toArray()).to.deep.equal([{ _id: 'entry1', amount: 30 }]);
  });

  it('when a transaction is aborted, then none of its writes are visible', async function () {
    // Arrange
    await db.collection('tx_abort').insertOne({ _id: 'keep', v: 1 } as Document);
    const session = client!.startSession();
    try {
      session.startTransaction();
      await db.collection('tx_abort').insertOne({ _id: 'ghost' } as Document, { session });
      await db.collection('tx_abort').updateOne({ _id: 'keep' } as Document, { $set: { v: 2 } }, { session });
      await db.collection('tx_abort').deleteOne({ _id: 'keep' } as Document, { session });
      // Act
      await session.abortTransaction();
    } finally {
      await session.endSession();
    }
    // Assert
    expect(await db.collection('tx_abort').find({}).toArray()).to.deep.equal([{ _id: 'keep', v: 1 }]);
  });

  it('when a transaction has written but not committed, then reads outside it do not see the writes until commit', async function () {
    // Arrange
    await db.collection('tx_iso').insertOne({ _id: 'base', v: 1 } as Document);
    const session = client!.startSession();
    try {
      session.startTransaction();
      await db.collection('tx_iso').insertOne({ _id: 'pending' } as Document, { session });
      await db.collection('tx_iso').updateOne({ _id: 'base' } as Document, { $set: { v: 2 } }, { session });
      // Act
      const outsideDuring = await db.collection('tx_iso').find({}).sort({ _id: 1 }).toArray();
      const countOutside = await db.collection('tx_iso').countDocuments();
      const insideDuring = await db.collection('tx_iso').find({}, { session }).sort({ _id: 1 }).toArray();
      await session.commitTransaction();
      const outsideAfter = await db.collection('tx_iso').find({}).sort({ _id: 1 }).toArray();
      // Assert
      expect(outsideDuring).to.deep.equal([{ _id: 'base', v: 1 }]);
      expect(countOutside).to.equal(1);
      expect(insideDuring).to.deep.equal([{ _id: 'base', v: 2 }, { _id: 'pending' }]);
      expect(outsideAfter).to.deep.equal([{ _id: 'base', v: 2 }, { _id: 'pending' }]);
    } finally {
      if (session.inTransaction()) await session.abortTransaction();
      await session.endSession();
    }
  });

  it('when a transaction reads after its own writes, then it sees them (including aggregate and count)', async function () {
    // Arrange
    const session = client!.startSession();
    try {
      session.startTransaction();
      await db.collection('tx_ryw').insertMany([{ g: 1 }, { g: 1 }, { g: 2 }], { session });
      // Act
      const n = await db.collection('tx_ryw').countDocuments({ g: 1 }, { session });
      const groups = await db
        .collection('tx_ryw')
        .aggregate([{ $group: { _id: '$g', n: { $sum: 1 } } }, { $sort: { _id: 1 } }], { session })
        .toArray();
      // Assert
      expect(n).to.equal(2);
      expect(groups).to.deep.equal([
        { _id: 1, n: 2 },
        { _id: 2, n: 1 },
      ]);
    } finally {
      if (session.inTransaction()) await session.abortTransaction();
      await session.endSession();
    }
    expect(await db.collection('tx_ryw').countDocuments()).to.equal(0);
  });

  it('when a write inside a transaction hits a duplicate key, then it fails with 11000, the transaction is aborted and commit fails with NoSuchTransaction (251)', async function () {
    // Arrange
    await db.collection('tx_dup').insertOne({ k: 'taken' });
    const session = client!.startSession();
    try {
      session.startTransaction();
      await db.collection('tx_dup').insertOne({ k: 'fresh' }, { session });
      // Act
      const dup = await rejectionOf(db.collection('tx_dup').insertOne({ k: 'taken' }, { session }));
      const commit = await rejectionOf(session.commitTransaction());
      // Assert
      expect(dup.code).to.equal(11000);
      expect(commit.code).to.equal(251);
    } finally {
      if (session.inTransaction()) await session.abortTransaction().catch(() => undefined);
      await session.endSession();
    }
    expect((await db.collection('tx_dup').find({}, { projection: { _id: 0 } }).toArray())).to.deep.equal([{ k: 'taken' }]);
  });

  // Snapshot isolation, "first committer wins" (MongoDB jstests/core/txns/transactions_write_conflicts.js,
  // insert-insert, T2StartsSecondAndWins): a key committed after a transaction's snapshot is invisible to it, so
  // writing the same key is a retryable WriteConflict, not a DuplicateKey the transaction could never see.
  for (const [label, field] of [['a unique secondary index', 'k'], ['_id', '_id']] as const) {
    it(`when a transaction writes a key of ${label} that another transaction committed after this one's snapshot, then the write fails with WriteConflict (112), labelled TransientTransactionError`, async function () {
      // Arrange
      const value = `late-${field}`;
      const s1 = client!.startSession();
      const s2 = client!.startSession();
      try {
        s1.startTransaction();
        s2.startTransaction();
        await db.collection('tx_dup').find({}, { session: s1 }).toArray(); // T1's snapshot
        await db.collection('tx_dup').insertOne({ [field]: value, by: 't2' }, { session: s2 });
        await s2.commitTransaction();
        // Act
        const err = await rejectionOf(db.collection('tx_dup').insertOne({ [field]: value, by: 't1' }, { session: s1 }));
        // Assert
        expect(err.code).to.equal(112);
        expect(err.hasErrorLabel('TransientTransactionError')).to.equal(true);
      } finally {
        for (const s of [s1, s2]) {
          if (s.inTransaction()) await s.abortTransaction().catch(() => undefined);
          await s.endSession();
        }
      }
      expect(await db.collection('tx_dup').find({ [field]: value }, { projection: { _id: 0, by: 1 } }).toArray()).to.deep.equal([{ by: 't2' }]);
    });
  }

  it('when a transaction inserts a unique key its snapshot holds, even on a document changed since in other fields, then it fails with DuplicateKey (11000)', async function () {
    // Arrange
    await db.collection('tx_dup').insertOne({ k: 'held', v: 1 });
    const session = client!.startSession();
    try {
      session.startTransaction();
      await db.collection('tx_dup').find({}, { session }).toArray(); // the snapshot holds k: 'held'
      await db.collection('tx_dup').updateOne({ k: 'held' }, { $set: { v: 2 } }); // the key itself is untouched
      // Act
      const err = await rejectionOf(db.collection('tx_dup').insertOne({ k: 'held' }, { session }));
      // Assert
      expect(err.code).to.equal(11000);
    } finally {
      if (session.inTransaction()) await session.abortTransaction().catch(() => undefined);
      await session.endSession();
    }
  });

  it('when the withTransaction callback throws after writing, then the error propagates and nothing is written', async function () {
    // Arrange
    const session = client!.startSession();
    let caught: unknown;
    try {
      // Act
      await session.withTransaction(async () => {
        await db.collection('tx_throw').insertOne({ v: 1 }, { session });
        throw new Error('business rule failed');
      });
    } catch (e) {
      caught = e;
    } finally {
      await session.endSession();
    }
    // Assert
    expect((caught as Error | undefined)?.message).to.equal('business rule failed');
    expect(await db.collection('tx_throw').countDocuments()).to.equal(0);
  });

  it('when a snapshot transaction has started reading, then a later outside commit is not visible to its reads', async function () {
    // Arrange
    await db.collection('tx_iso').insertOne({ _id: 'snap', v: 1 } as Document);
    const session = client!.startSession();
    try {
      session.startTransaction({ readConcern: { level: 'snapshot' } });
      const first = await db.collection('tx_iso').findOne({ _id: 'snap' } as Document, { session });
      // Act
      await db.collection('tx_iso').updateOne({ _id: 'snap' } as Document, { $set: { v: 2 } });
      await db.collection('tx_iso').insertOne({ _id: 'snap-late' } as Document);
      const again = await db.collection('tx_iso').findOne({ _id: 'snap' } as Document, { session });
      const late = await db.collection('tx_iso').findOne({ _id: 'snap-late' } as Document, { session });
      // Assert
      expect(first).to.deep.equal({ _id: 'snap', v: 1 });
      expect(again).to.deep.equal({ _id: 'snap', v: 1 });
      expect(late).to.equal(null);
    } finally {
      if (session.inTransaction()) await session.abortTransaction().catch(() => undefined);
      await session.endSession();
    }
  });

  it('when a document is changed outside after the transaction started and the transaction then writes it, then the transaction write fails with WriteConflict (112)', async function () {
    // Arrange
    await db.collection('tx_iso').insertOne({ _id: 'late-conflict', v: 1 } as Document);
    const session = client!.startSession();
    try {
      session.startTransaction();
      await db.collection('tx_iso').findOne({ _id: 'late-conflict' } as Document, { session });
      await db.collection('tx_iso').updateOne({ _id: 'late-conflict' } as Document, { $inc: { v: 100 } });
      // Act
      const err = await rejectionOf(
        db.collection('tx_iso').updateOne({ _id: 'late-conflict' } as Document, { $inc: { v: 1 } }, { session }),
      );
      // Assert
      expect(err.code).to.equal(112);
      expect(err.hasErrorLabel('TransientTransactionError')).to.equal(true);
    } finally {
      if (session.inTransaction()) await session.abortTransaction().catch(() => undefined);
      await session.endSession();
    }
    expect(await db.collection('tx_iso').findOne({ _id: 'late-conflict' } as Document)).to.deep.equal({ _id: 'late-conflict', v: 101 });
  });

  // MongoDB makes the outside write wait for the transaction, so both apply (v = 11). The embedded
  // engine cannot park a write; it lets the outside write through and fails the commit with a
  // retryable WriteConflict instead. Either way nothing is lost silently: that is what is asserted.
  it('when a write outside targets a document an open transaction has modified, then either both apply or the commit fails with a retryable WriteConflict and only the outside write applies', async function () {
    // Arrange
    await db.collection('tx_iso').insertOne({ _id: 'locked', v: 0 } as Document);
    const session = client!.startSession();
    let commitError: MongoServerError | undefined;
    try {
      session.startTransaction();
      await db.collection('tx_iso').updateOne({ _id: 'locked' } as Document, { $inc: { v: 1 } }, { session });
      // Act
      const outside = db.collection('tx_iso').updateOne({ _id: 'locked' } as Document, { $inc: { v: 10 } });
      outside.catch(() => undefined);
      await new Promise((r) => setTimeout(r, 50));
      try {
        await session.commitTransaction();
      } catch (err) {
        commitError = err as MongoServerError;
      }
      await outside;
    } finally {
      if (session.inTransaction()) await session.abortTransaction().catch(() => undefined);
      await session.endSession();
    }
    // Assert
    const after = await db.collection('tx_iso').findOne({ _id: 'locked' } as Document);
    if (commitError) {
      expect(commitError.code).to.equal(112);
      expect(commitError.hasErrorLabel('TransientTransactionError')).to.equal(true);
      expect(after).to.deep.equal({ _id: 'locked', v: 10 });
    } else {
      expect(after).to.deep.equal({ _id: 'locked', v: 11 });
    }
  });

  it('when two withTransaction calls increment the same document concurrently, then the conflict is transient and both increments land', async function () {
    // Arrange
    await db.collection('tx_a').insertOne({ _id: 'counter', v: 0 } as Document);
    let arrived = 0;
    const barrier = async (): Promise<void> => {
      const deadline = Date.now() + 2000;
      while (arrived < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 5));
    };
    const increment = async (by: number): Promise<void> => {
      const session = client!.startSession();
      try {
        await session.withTransaction(async () => {
          try {
            await db.collection('tx_a').updateOne({ _id: 'counter' } as Document, { $inc: { v: by } }, { session });
          } finally {
            arrived++;
          }
          await barrier();
        });
      } finally {
        await session.endSession();
      }
    };
    // Act
    await Promise.all([increment(1), increment(10)]);
    // Assert
    expect(await db.collection('tx_a').findOne({ _id: 'counter' } as Document)).to.deep.equal({ _id: 'counter', v: 11 });
  });

  it('when two transactions write the same document, then the second writer fails with a WriteConflict (112) labelled TransientTransactionError', async function () {
    // Arrange
    await db.collection('tx_a').insertOne({ _id: 'contended', v: 0 } as Document);
    const s1 = client!.startSession();
    const s2 = client!.startSession();
    try {
      s1.startTransaction();
      s2.startTransaction();
      await db.collection('tx_a').updateOne({ _id: 'contended' } as Document, { $inc: { v: 1 } }, { session: s1 });
      // Act
      const err = await rejectionOf(
        db.collection('tx_a').updateOne({ _id: 'contended' } as Document, { $inc: { v: 10 } }, { session: s2 }),
      );
      await s1.commitTransaction();
      // Assert
      expect(err.code).to.equal(112);
      expect(err.hasErrorLabel('TransientTransactionError')).to.equal(true);
      expect(await db.collection('tx_a').findOne({ _id: 'contended' } as Document)).to.deep.equal({ _id: 'contended', v: 1 });
    } finally {
      for (const s of [s1, s2]) {
        if (s.inTransaction()) await s.abortTransaction().catch(() => undefined);
        await s.endSession();
      }
    }
  });
});
