// Conformance: GridFS through the driver's GridFSBucket (files/chunks layout per the GridFS spec).
import { expect } from 'chai';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { GridFSBucket, MongoClient, ObjectId, type Db, type Document } from 'mongodb';
import { openTarget, type Target } from '../target.js';

const CHUNK = 64 * 1024;
/** ~1 MiB plus a partial last chunk. */
const SIZE = 1024 * 1024 + 12_345;

async function upload(bucket: GridFSBucket, filename: string, data: Buffer, metadata?: Document): Promise<ObjectId> {
  const stream = bucket.openUploadStream(filename, { chunkSizeBytes: CHUNK, ...(metadata ? { metadata } : {}) });
  await pipeline(Readable.from([data]), stream);
  return stream.id;
}

async function collect(stream: NodeJS.ReadableStream): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of stream) parts.push(Buffer.from(part as Uint8Array));
  return Buffer.concat(parts);
}

describe('engine conformance: GridFS', function () {
  let target: Target | undefined;
  let client: MongoClient | undefined;
  let db: Db;
  let bucket: GridFSBucket;

  before(async function () {
    target = await openTarget();
    client = new MongoClient(target.uri, { serverSelectionTimeoutMS: 5000 });
    await client.connect();
    db = client.db(target.dbName);
    bucket = new GridFSBucket(db, { bucketName: 'sds' });
  });

  after(async function () {
    await client?.close();
    await target?.close();
  });

  it('when a ~1 MiB buffer is uploaded with small chunks, then the files document and numbered chunks follow the GridFS layout', async function () {
    // Arrange
    const data = randomBytes(SIZE);
    // Act
    const id = await upload(bucket, 'layout.pdf', data, { supplier: 'acme' });
    const file = await db.collection('sds.files').findOne({ _id: id });
    const chunks = await db.collection('sds.chunks').find({ files_id: id }).sort({ n: 1 }).toArray();
    // Assert
    const expectedChunks = Math.ceil(SIZE / CHUNK);
    expect(file).to.not.equal(null);
    expect(file?.['length']).to.equal(SIZE);
    expect(file?.['chunkSize']).to.equal(CHUNK);
    expect(file?.['filename']).to.equal('layout.pdf');
    expect(file?.['metadata']).to.deep.equal({ supplier: 'acme' });
    expect(file?.['uploadDate']).to.be.instanceOf(Date);
    expect(chunks.map((c): unknown => c['n'])).to.deep.equal(Array.from({ length: expectedChunks }, (_, i) => i));
    expect(chunks.slice(0, -1).every((c) => (c['data'] as { length(): number }).length() === CHUNK)).to.equal(true);
    expect((chunks.at(-1)?.['data'] as { length(): number } | undefined)?.length()).to.equal(SIZE % CHUNK);
  });

  it('when an uploaded file is downloaded by id and by name, then the bytes are identical to the upload', async function () {
    // Arrange
    const data = randomBytes(SIZE);
    const id = await upload(bucket, 'roundtrip.bin', data);
    // Act
    const byId = await collect(bucket.openDownloadStream(id));
    const byName = await collect(bucket.openDownloadStreamByName('roundtrip.bin'));
    // Assert
    expect(byId.length).to.equal(SIZE);
    expect(byId.equals(data)).to.equal(true);
    expect(byName.equals(data)).to.equal(true);
  });

  it('when a byte range spanning chunk boundaries is downloaded, then exactly those bytes are returned', async function () {
    // Arrange
    const data = randomBytes(SIZE);
    const id = await upload(bucket, 'range.bin', data);
    const start = CHUNK * 3 - 100;
    const end = CHUNK * 5 + 77;
    // Act
    const part = await collect(bucket.openDownloadStream(id, { start, end }));
    // Assert
    expect(part.equals(data.subarray(start, end))).to.equal(true);
  });

  it('when files are searched with find, then matching files documents are returned and the bucket has the standard indexes', async function () {
    // Arrange
    await upload(bucket, 'find-a.txt', Buffer.from('alpha'), { kind: 'find' });
    await upload(bucket, 'find-b.txt', Buffer.from('beta!'), { kind: 'find' });
    // Act
    const found = await bucket.find({ 'metadata.kind': 'find' }).sort({ filename: 1 }).toArray();
    const byName = await bucket.find({ filename: 'find-b.txt' }).toArray();
    const chunkIndexes = await db.collection('sds.chunks').listIndexes().toArray();
    // Assert
    expect(found.map((f) => f.filename)).to.deep.equal(['find-a.txt', 'find-b.txt']);
    expect(found.map((f) => f.length)).to.deep.equal([5, 5]);
    expect(byName).to.have.length(1);
    const filesChunksIdx = chunkIndexes.find((i) => JSON.stringify(i['key']) === JSON.stringify({ files_id: 1, n: 1 }));
    expect(filesChunksIdx?.['unique']).to.equal(true);
  });

  it('when a file is deleted, then its files document and chunks are gone and downloading it fails', async function () {
    // Arrange
    const id = await upload(bucket, 'doomed.bin', randomBytes(3 * CHUNK + 1));
    // Act
    await bucket.delete(id);
    const files = await db.collection('sds.files').countDocuments({ _id: id });
    const chunks = await db.collection('sds.chunks').countDocuments({ files_id: id });
    let downloadError: unknown;
    try {
      await collect(bucket.openDownloadStream(id));
    } catch (e) {
      downloadError = e;
    }
    // Assert
    expect(files).to.equal(0);
    expect(chunks).to.equal(0);
    expect(downloadError).to.be.instanceOf(Error);
    expect((downloadError as Error).message).to.match(/FileNotFound|not found/i);
  });
});
