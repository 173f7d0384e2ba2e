import { expect } from 'chai';
import { Binary, BSON, Long, ObjectId, type Document } from 'bson';
import { CursorManager } from '../../../src/storage/engine/cursors.js';
import { EncodedReply } from '../../../src/storage/engine/wire/protocol.js';

const NS = 'db.items';

function docs(n: number): Document[] {
  return Array.from({ length: n }, (_, i) => ({
    _id: new ObjectId(),
    i,
    name: `sköljmedel ${i} ☃`,
    nested: { a: [1, 'two', { three: 3.5 }], empty: {}, none: null, at: new Date(1_700_000_000_000 + i) },
    list: i % 2 === 0 ? [] : [{ k: i }],
    bin: new Binary(Buffer.from([i % 256, 1, 2]), 0),
  }));
}

function bytesOf(reply: unknown): Buffer {
  expect(reply).to.be.instanceOf(EncodedReply);
  return Buffer.from((reply as EncodedReply).bson);
}

describe('CursorManager', () => {
  let cursors: CursorManager;
  beforeEach(() => {
    cursors = new CursorManager(60_000);
  });
  afterEach(() => cursors.close());

  it('when a first batch is cut, then the reply is byte for byte what serializing the whole reply gives', () => {
    const all = docs(150);
    const bytes = bytesOf(cursors.first(NS, all, 120));
    const id = (BSON.deserialize(bytes, { useBigInt64: true }) as { cursor: { id: bigint } }).cursor.id;
    expect(id).to.not.equal(0n);
    const expected = BSON.serialize({ cursor: { firstBatch: all.slice(0, 120), id: Long.fromBigInt(id), ns: NS }, ok: 1 });
    expect(bytes.equals(Buffer.from(expected))).to.equal(true);
  });

  it('when getMore returns the rest, then the reply is byte for byte what serializing the whole reply gives and the cursor is closed', () => {
    const all = docs(150);
    const first = BSON.deserialize(bytesOf(cursors.first(NS, all, 120)), { useBigInt64: true }) as { cursor: { id: bigint } };
    const bytes = bytesOf(cursors.more(first.cursor.id, NS, undefined));
    const expected = BSON.serialize({ cursor: { nextBatch: all.slice(120), id: Long.fromBigInt(0n), ns: NS }, ok: 1 });
    expect(bytes.equals(Buffer.from(expected))).to.equal(true);
    expect(cursors.count).to.equal(0);
  });

  it('when the result is empty, then the reply holds an empty first batch and cursor id 0', () => {
    const bytes = bytesOf(cursors.first(NS, [], undefined));
    const expected = BSON.serialize({ cursor: { firstBatch: [], id: Long.fromBigInt(0n), ns: NS }, ok: 1 });
    expect(bytes.equals(Buffer.from(expected))).to.equal(true);
  });
});
