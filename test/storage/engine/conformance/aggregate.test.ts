// Conformance: aggregation pipeline stages as documented by MongoDB.
import { expect } from 'chai';
import { MongoClient, type Db, type Document } from 'mongodb';
import { openTarget, rejectionOf, type Target } from '../target.js';

describe('engine conformance: aggregate', function () {
  let target: Target | undefined;
  let client: MongoClient | undefined;
  let db: Db;

  before(async function () {
    target = await openTarget();
    client = new MongoClient(target.uri, { serverSelectionTimeoutMS: 5000 });
    await client.connect();
    db = client.db(target.dbName);
    await db.collection('orders').insertMany([
      { _id: 1, cust: 'a', amt: 10, qty: 2, items: ['x', 'y'] },
      { _id: 2, cust: 'b', amt: 5, qty: 1, items: ['y'] },
      { _id: 3, cust: 'a', amt: 7, qty: 3, items: ['x', 'z'] },
      { _id: 4, cust: 'c', amt: 20, qty: 1, items: [] },
    ] as Document[]);
    await db.collection('customers').insertMany([
      { _id: 'a', name: 'Alfa AB' },
      { _id: 'b', name: 'Beta GmbH' },
    ] as Document[]);
    await db.collection('sizes').insertMany([
      { _id: 1, sizes: ['S', 'M', 'L'] },
      { _id: 2, sizes: [] },
      { _id: 3, sizes: 'M' },
      { _id: 4 },
      { _id: 5, sizes: null },
    ] as Document[]);
  });

  after(async function () {
    await client?.close();
    await target?.close();
  });

  it('when $match, $group and $sort are combined, then groups carry the documented accumulator results in sorted order', async function () {
    // Act
    const out = await db
      .collection('orders')
      .aggregate([
        { $match: { amt: { $gte: 5 } } },
        {
          $group: {
            _id: '$cust',
            total: { $sum: '$amt' },
            n: { $sum: 1 },
            avg: { $avg: '$amt' },
            max: { $max: '$amt' },
            firstQty: { $first: '$qty' },
            ids: { $push: '$_id' },
            items: { $addToSet: '$items' },
          },
        },
        { $sort: { total: -1 } },
      ])
      .toArray();
    // Assert
    expect(out.map((g): unknown => g._id)).to.deep.equal(['c', 'a', 'b']);
    const a = out.find((g) => g._id === 'a');
    expect(a).to.deep.include({ total: 17, n: 2, avg: 8.5, max: 10 });
    expect(a?.['ids']).to.have.members([1, 3]);
    expect(out.find((g) => g._id === 'c')).to.deep.include({ total: 20, n: 1, avg: 20, max: 20, ids: [4], items: [[]] });
  });

  it('when $group uses _id null, then one document aggregates the whole input; on empty input no document is produced', async function () {
    // Act
    const all = await db
      .collection('orders')
      .aggregate([{ $group: { _id: null, total: { $sum: '$amt' }, missing: { $sum: '$nope' } } }])
      .toArray();
    const none = await db
      .collection('orders')
      .aggregate([{ $match: { cust: 'zzz' } }, { $group: { _id: null, total: { $sum: '$amt' } } }])
      .toArray();
    // Assert
    expect(all).to.deep.equal([{ _id: null, total: 42, missing: 0 }]);
    expect(none).to.deep.equal([]);
  });

  it('when $project computes expressions, then the output holds the computed fields only', async function () {
    // Act
    const out = await db
      .collection('orders')
      .aggregate([
        { $match: { _id: { $in: [1, 2] } } },
        { $sort: { _id: 1 } },
        {
          $project: {
            _id: 0,
            ref: { $concat: ['ORD-', { $toUpper: '$cust' }] },
            value: { $multiply: ['$amt', '$qty'] },
            size: { $cond: [{ $gte: ['$amt', 10] }, 'large', 'small'] },
            nItems: { $size: '$items' },
            customer: '$cust',
          },
        },
      ])
      .toArray();
    // Assert
    expect(out).to.deep.equal([
      { ref: 'ORD-A', value: 20, size: 'large', nItems: 2, customer: 'a' },
      { ref: 'ORD-B', value: 5, size: 'small', nItems: 1, customer: 'b' },
    ]);
  });

  it('when $addFields, $sort, $skip and $limit are chained, then the window is taken after sorting on the added field', async function () {
    // Act
    const out = await db
      .collection('orders')
      .aggregate([
        { $addFields: { value: { $multiply: ['$amt', '$qty'] } } },
        { $sort: { value: -1, _id: 1 } },
        { $skip: 1 },
        { $limit: 2 },
        { $project: { value: 1 } },
      ])
      .toArray();
    // Assert: values are 20, 5, 21, 20
    expect(out).to.deep.equal([
      { _id: 1, value: 20 },
      { _id: 4, value: 20 },
    ]);
  });

  it('when $unwind runs on a path, then arrays become one document per element, a scalar is kept and null, missing or empty are dropped', async function () {
    // Act
    const out = await db.collection('sizes').aggregate([{ $unwind: '$sizes' }, { $sort: { _id: 1 } }]).toArray();
    // Assert
    expect(out).to.deep.equal([
      { _id: 1, sizes: 'S' },
      { _id: 1, sizes: 'M' },
      { _id: 1, sizes: 'L' },
      { _id: 3, sizes: 'M' },
    ]);
  });

  it('when $unwind has preserveNullAndEmptyArrays and includeArrayIndex, then every document is output with its element index or null', async function () {
    // Act
    const out = await db
      .collection('sizes')
      .aggregate([
        { $unwind: { path: '$sizes', preserveNullAndEmptyArrays: true, includeArrayIndex: 'idx' } },
        { $sort: { _id: 1, idx: 1 } },
      ])
      .toArray();
    // Assert
    expect(out).to.deep.equal([
      { _id: 1, sizes: 'S', idx: 0 },
      { _id: 1, sizes: 'M', idx: 1 },
      { _id: 1, sizes: 'L', idx: 2 },
      { _id: 2, idx: null },
      { _id: 3, sizes: 'M', idx: null },
      { _id: 4, idx: null },
      { _id: 5, sizes: null, idx: null },
    ]);
  });

  it('when $lookup joins on localField/foreignField, then each document gets an array of matches, empty when none match', async function () {
    // Act
    const out = await db
      .collection('orders')
      .aggregate([
        { $lookup: { from: 'customers', localField: 'cust', foreignField: '_id', as: 'customer' } },
        { $sort: { _id: 1 } },
        { $project: { _id: 1, customer: 1 } },
      ])
      .toArray();
    // Assert
    expect(out).to.deep.equal([
      { _id: 1, customer: [{ _id: 'a', name: 'Alfa AB' }] },
      { _id: 2, customer: [{ _id: 'b', name: 'Beta GmbH' }] },
      { _id: 3, customer: [{ _id: 'a', name: 'Alfa AB' }] },
      { _id: 4, customer: [] },
    ]);
  });

  it('when $lookup has a local array field, then a foreign document matches if it equals any element', async function () {
    // Arrange
    await db.collection('lk_items').insertMany([
      { _id: 'x', label: 'X' },
      { _id: 'y', label: 'Y' },
    ] as Document[]);
    // Act
    const out = await db
      .collection('orders')
      .aggregate([
        { $match: { _id: 3 } },
        { $lookup: { from: 'lk_items', localField: 'items', foreignField: '_id', as: 'resolved' } },
        { $project: { resolved: 1 } },
      ])
      .toArray();
    // Assert
    expect(out).to.deep.equal([{ _id: 3, resolved: [{ _id: 'x', label: 'X' }] }]);
  });

  it('when $lookup uses let and a pipeline, then the sub-pipeline sees the variables and its stages apply', async function () {
    // Act
    const out = await db
      .collection('customers')
      .aggregate([
        {
          $lookup: {
            from: 'orders',
            let: { cid: '$_id' },
            pipeline: [
              { $match: { $expr: { $eq: ['$cust', '$$cid'] } } },
              { $sort: { amt: 1 } },
              { $project: { _id: 0, amt: 1 } },
            ],
            as: 'orders',
          },
        },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    // Assert
    expect(out).to.deep.equal([
      { _id: 'a', name: 'Alfa AB', orders: [{ amt: 7 }, { amt: 10 }] },
      { _id: 'b', name: 'Beta GmbH', orders: [{ amt: 5 }] },
    ]);
  });

  it('when $facet runs several sub-pipelines, then one document holds each sub-pipeline result', async function () {
    // Act
    const out = await db
      .collection('orders')
      .aggregate([
        {
          $facet: {
            byCust: [{ $group: { _id: '$cust', n: { $sum: 1 } } }, { $sort: { _id: 1 } }],
            total: [{ $count: 'n' }],
            top: [{ $sort: { amt: -1 } }, { $limit: 1 }, { $project: { _id: 1 } }],
          },
        },
      ])
      .toArray();
    // Assert
    expect(out).to.deep.equal([
      {
        byCust: [
          { _id: 'a', n: 2 },
          { _id: 'b', n: 1 },
          { _id: 'c', n: 1 },
        ],
        total: [{ n: 4 }],
        top: [{ _id: 4 }],
      },
    ]);
  });

  it('when $count runs, then it outputs one document with the count, and no document for empty input', async function () {
    // Act
    const some = await db.collection('orders').aggregate([{ $match: { cust: 'a' } }, { $count: 'n' }]).toArray();
    const none = await db.collection('orders').aggregate([{ $match: { cust: 'zzz' } }, { $count: 'n' }]).toArray();
    // Assert
    expect(some).to.deep.equal([{ n: 2 }]);
    expect(none).to.deep.equal([]);
  });

  it('when $out writes to a collection, then the target is replaced by exactly the pipeline output', async function () {
    // Arrange
    await db.collection('out_target').insertMany([{ _id: 'stale' }, { _id: 'a', old: true }] as Document[]);
    // Act
    const returned = await db
      .collection('orders')
      .aggregate([{ $group: { _id: '$cust', total: { $sum: '$amt' } } }, { $out: 'out_target' }])
      .toArray();
    const written = await db.collection('out_target').find({}).sort({ _id: 1 }).toArray();
    // Assert
    expect(returned).to.deep.equal([]);
    expect(written).to.deep.equal([
      { _id: 'a', total: 17 },
      { _id: 'b', total: 5 },
      { _id: 'c', total: 20 },
    ]);
  });

  it('when $merge uses whenMatched merge and whenNotMatched insert, then matched documents are merged and new ones inserted', async function () {
    // Arrange
    await db.collection('merge_target').insertMany([
      { _id: 'a', total: 0, note: 'keep' },
      { _id: 'zz', total: 99 },
    ] as Document[]);
    // Act
    await db
      .collection('orders')
      .aggregate([
        { $group: { _id: '$cust', total: { $sum: '$amt' } } },
        { $merge: { into: 'merge_target', on: '_id', whenMatched: 'merge', whenNotMatched: 'insert' } },
      ])
      .toArray();
    const written = await db.collection('merge_target').find({}).sort({ _id: 1 }).toArray();
    // Assert
    expect(written).to.deep.equal([
      { _id: 'a', total: 17, note: 'keep' },
      { _id: 'b', total: 5 },
      { _id: 'c', total: 20 },
      { _id: 'zz', total: 99 },
    ]);
  });

  it('when $merge uses whenMatched replace and whenNotMatched discard, then only existing documents are replaced', async function () {
    // Arrange
    await db.collection('merge_discard').insertMany([{ _id: 'b', total: 0, note: 'gone' }] as Document[]);
    // Act
    await db
      .collection('orders')
      .aggregate([
        { $group: { _id: '$cust', total: { $sum: '$amt' } } },
        { $merge: { into: 'merge_discard', whenMatched: 'replace', whenNotMatched: 'discard' } },
      ])
      .toArray();
    // Assert
    expect(await db.collection('merge_discard').find({}).toArray()).to.deep.equal([{ _id: 'b', total: 5 }]);
  });

  it('when a pipeline names an unknown stage, then the aggregate is rejected', async function () {
    // Act
    const err = await rejectionOf(db.collection('orders').aggregate([{ $noSuchStage: {} }]).toArray());
    // Assert
    expect(err.code).to.equal(40324);
  });
});
