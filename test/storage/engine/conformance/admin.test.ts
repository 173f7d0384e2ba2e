// Conformance: administrative commands (ping, listDatabases, listCollections, drop, dropDatabase, create).
import { expect } from 'chai';
import { MongoClient, type Db } from 'mongodb';
import { openTarget, rejectionOf, type Target } from '../target.js';

describe('engine conformance: admin', function () {
  let target: Target | undefined;
  let client: MongoClient | undefined;
  let db: Db;
  /** Extra databases this file creates; dropped in after(). */
  const extraDbs: string[] = [];

  before(async function () {
    target = await openTarget();
    client = new MongoClient(target.uri, { serverSelectionTimeoutMS: 5000 });
    await client.connect();
    db = client.db(target.dbName);
  });

  after(async function () {
    for (const name of extraDbs) await client?.db(name).dropDatabase();
    await client?.close();
    await target?.close();
  });

  async function databaseNames(): Promise<string[]> {
    const res = await client!.db('admin').admin().listDatabases();
    return res.databases.map((d) => d.name);
  }

  it('when ping is sent, then the server answers ok: 1', async function () {
    // Act
    const res = await client!.db('admin').command({ ping: 1 });
    // Assert
    expect(res['ok']).to.equal(1);
  });

  it('when a document is written to a new database, then listDatabases includes that database', async function () {
    // Arrange
    const name = `${target!.dbName}_list`;
    extraDbs.push(name);
    expect(await databaseNames()).to.not.include(name);
    // Act
    await client!.db(name).collection('c').insertOne({ x: 1 });
    // Assert
    expect(await databaseNames()).to.include(name);
  });

  it('when nameOnly listDatabases is requested, then it returns names only', async function () {
    // Arrange
    await db.collection('ld').insertOne({ x: 1 });
    // Act
    const res = await client!.db('admin').admin().listDatabases({ nameOnly: true });
    // Assert
    const mine = res.databases.find((d) => d.name === target!.dbName);
    expect(mine).to.not.equal(undefined);
  });

  it('when collections are created explicitly and implicitly, then listCollections lists both and filters by name', async function () {
    // Arrange
    await db.createCollection('lc_explicit');
    await db.collection('lc_implicit').insertOne({ x: 1 });
    // Act
    const all = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    const filtered = await db.listCollections({ name: 'lc_explicit' }).toArray();
    // Assert
    expect(all).to.include.members(['lc_explicit', 'lc_implicit']);
    expect(filtered).to.have.length(1);
    expect(filtered[0]?.name).to.equal('lc_explicit');
    expect(filtered[0]?.type).to.equal('collection');
  });

  it('when a collection is dropped, then it disappears from listCollections and its documents are gone', async function () {
    // Arrange
    await db.collection('to_drop').insertMany([{ x: 1 }, { x: 2 }]);
    await db.collection('to_drop').createIndex({ x: 1 });
    // Act
    const dropped = await db.collection('to_drop').drop();
    // Assert
    expect(dropped).to.equal(true);
    const names = (await db.listCollections({}, { nameOnly: true }).toArray()).map((c) => c.name);
    expect(names).to.not.include('to_drop');
    expect(await db.collection('to_drop').countDocuments()).to.equal(0);
    await db.collection('to_drop').insertOne({ x: 3 });
    const idx = (await db.collection('to_drop').listIndexes().toArray()).map((i) => i['name'] as string);
    expect(idx).to.deep.equal(['_id_']);
  });

  it('when a database is dropped, then listDatabases no longer includes it and its collections are empty', async function () {
    // Arrange
    const name = `${target!.dbName}_drop`;
    extraDbs.push(name);
    await client!.db(name).collection('c').insertOne({ x: 1 });
    expect(await databaseNames()).to.include(name);
    // Act
    const ok = await client!.db(name).dropDatabase();
    // Assert
    expect(ok).to.equal(true);
    expect(await databaseNames()).to.not.include(name);
    expect(await client!.db(name).collection('c').countDocuments()).to.equal(0);
  });

  it('when create names an existing collection, then it fails with NamespaceExists (48)', async function () {
    // Arrange
    await db.createCollection('exists_already');
    // Act
    const viaHelper = await rejectionOf(db.createCollection('exists_already'));
    const viaCommand = await rejectionOf(db.command({ create: 'exists_already' }));
    // Assert
    expect(viaHelper.code).to.equal(48);
    expect(viaCommand.code).to.equal(48);
    expect(viaCommand.codeName).to.equal('NamespaceExists');
  });

  it('when listIndexes names a missing collection, then it fails with NamespaceNotFound (26)', async function () {
    // Act
    const err = await rejectionOf(db.command({ listIndexes: 'no_such_collection' }));
    // Assert
    expect(err.code).to.equal(26);
  });

  it('when an unknown command is sent, then it fails with CommandNotFound (59)', async function () {
    // Act
    const err = await rejectionOf(db.command({ noSuchCommandForSure: 1 }));
    // Assert
    expect(err.code).to.equal(59);
  });
});
