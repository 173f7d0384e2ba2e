import { expect } from 'chai';
import { BSON } from 'bson';
import { crc32c } from '../../../../src/storage/engine/wire/crc32c.js';
import { MessageReader, OP_MSG, parseMessage, ProtocolError } from '../../../../src/storage/engine/wire/protocol.js';

/** An OP_MSG with a kind-0 body and one kind-1 sequence, optionally checksummed. */
function opMsg(body: object, seqId: string, docs: object[], checksum = false): Buffer {
  const b0 = Buffer.concat([Buffer.from([0]), BSON.serialize(body)]);
  const seqDocs = Buffer.concat(docs.map((d) => BSON.serialize(d)));
  const ident = Buffer.from(`${seqId}\0`);
  const seqLen = Buffer.alloc(4);
  seqLen.writeInt32LE(4 + ident.length + seqDocs.length);
  const b1 = Buffer.concat([Buffer.from([1]), seqLen, ident, seqDocs]);
  const flags = Buffer.alloc(4);
  flags.writeUInt32LE(checksum ? 1 : 0);
  const header = Buffer.alloc(16);
  const length = 16 + 4 + b0.length + b1.length + (checksum ? 4 : 0);
  header.writeInt32LE(length, 0);
  header.writeInt32LE(7, 4);
  header.writeInt32LE(OP_MSG, 12);
  const msg = Buffer.concat([header, flags, b0, b1]);
  if (!checksum) return msg;
  const sum = Buffer.alloc(4);
  sum.writeUInt32LE(crc32c(msg));
  return Buffer.concat([msg, sum]);
}

describe('wire protocol', () => {
  it('when a message arrives one byte at a time, then it is framed once, whole', () => {
    const msg = opMsg({ insert: 'c', $db: 'd' }, 'documents', [{ a: 1 }, { a: 2 }]);
    const reader = new MessageReader(1 << 20);
    const out: Buffer[] = [];
    for (const byte of msg) out.push(...reader.push(Buffer.from([byte])));
    expect(out).to.have.length(1);
    expect(out[0]!.equals(msg)).to.equal(true);
  });

  it('when two messages share a chunk, then both are framed', () => {
    const a = opMsg({ ping: 1, $db: 'admin' }, 'x', []);
    const b = opMsg({ insert: 'c', $db: 'd' }, 'documents', [{ a: 1 }]);
    const out = new MessageReader(1 << 20).push(Buffer.concat([a, b]));
    expect(out.map((m) => m.length)).to.deep.equal([a.length, b.length]);
  });

  it('when an OP_MSG has a document sequence, then it is folded into the command under its identifier', () => {
    const req = parseMessage(opMsg({ insert: 'c', $db: 'd' }, 'documents', [{ a: 1 }, { a: 2 }]));
    expect(req.kind).to.equal('msg');
    if (req.kind !== 'msg') return;
    expect(req.command.insert).to.equal('c');
    expect((req.command.documents as unknown[]).length).to.equal(2);
  });

  it('when a checksummed OP_MSG is intact, then it parses; when a byte is flipped, then it is rejected', () => {
    const msg = opMsg({ ping: 1, $db: 'admin' }, 'x', [], true);
    expect(parseMessage(msg).kind).to.equal('msg');
    msg[msg.length - 8]! ^= 0x01;
    expect(() => parseMessage(msg)).to.throw(ProtocolError, /checksum/);
  });

  it('when a message announces an impossible length, then framing fails instead of buffering forever', () => {
    const bad = Buffer.alloc(16);
    bad.writeInt32LE(1 << 30, 0);
    expect(() => new MessageReader(1 << 20).push(bad)).to.throw(ProtocolError);
  });
});
