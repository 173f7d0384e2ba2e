// MongoDB wire protocol framing: OP_MSG (2013) for everything, OP_QUERY (2004) / OP_REPLY (1) only for
// the legacy handshake the driver opens each connection with.
// Reference: MongoDB "Wire Protocol" specification (Standard Message Header, OP_MSG sections kind 0 and 1).
import { BSON, type Document } from 'bson';
import { deserializeDocument, mayHoldRefField } from './bson-decode.js';
import { crc32c } from './crc32c.js';

export const OP_REPLY = 1;
export const OP_QUERY = 2004;
export const OP_COMPRESSED = 2012;
export const OP_MSG = 2013;

const FLAG_CHECKSUM_PRESENT = 1 << 0;
const FLAG_MORE_TO_COME = 1 << 1;

// Keep Binary as Binary (GridFS chunk data must round-trip as BSON binary, not Node Buffers).
const STORED_OPTIONS = { promoteBuffers: false, validation: { utf8: false } } as const;
// Wire input keeps Int32/Double/Long wrappers so the engine can see each number's BSON type
// (query/numbers.ts decides what can be stored faithfully).
const WIRE_OPTIONS = { promoteBuffers: false, promoteValues: false, validation: { utf8: false } } as const;

/**
 * Decode a document the engine wrote itself (log, snapshot): numbers are plain JS numbers.
 * `mayHoldRef`: see `deserializeDocument` (DBRef-shaped documents stay plain documents).
 */
export function deserialize(buf: Uint8Array, mayHoldRef?: boolean): Document {
  return deserializeDocument(buf, STORED_OPTIONS, mayHoldRef);
}

function deserializeWire(buf: Uint8Array, mayHoldRef?: boolean): Document {
  return deserializeDocument(buf, WIRE_OPTIONS, mayHoldRef);
}

export interface MessageHeader {
  messageLength: number;
  requestId: number;
  responseTo: number;
  opCode: number;
}

export interface OpMsgRequest {
  kind: 'msg';
  header: MessageHeader;
  moreToCome: boolean;
  /** The kind-0 body with every kind-1 document sequence folded in under its identifier, as mongod does. */
  command: Document;
}

export interface OpQueryRequest {
  kind: 'query';
  header: MessageHeader;
  fullCollectionName: string;
  query: Document;
}

export type Request = OpMsgRequest | OpQueryRequest;

export class ProtocolError extends Error {}

/**
 * Collects socket chunks and yields whole messages. Chunks are kept in a list and joined once per
 * message, so a large message arriving in many small chunks costs linear, not quadratic, copying.
 */
export class MessageReader {
  private chunks: Buffer[] = [];
  private buffered = 0;

  constructor(private readonly maxMessageSize: number) {}

  push(chunk: Buffer): Buffer[] {
    this.chunks.push(chunk);
    this.buffered += chunk.length;
    const out: Buffer[] = [];
    for (;;) {
      if (this.buffered < 4) break;
      const length = this.peekLength();
      if (length < 16 || length > this.maxMessageSize) {
        throw new ProtocolError(`invalid message length ${length}`);
      }
      if (this.buffered < length) break;
      out.push(this.take(length));
    }
    return out;
  }

  private peekLength(): number {
    if (this.chunks[0]!.length < 4) {
      // Rare (a chunk shorter than a length prefix): merge what is buffered into one chunk.
      this.chunks = [Buffer.concat(this.chunks, this.buffered)];
    }
    return this.chunks[0]!.readInt32LE(0);
  }

  private take(length: number): Buffer {
    const first = this.chunks[0]!;
    if (first.length >= length) {
      const msg = first.subarray(0, length);
      const rest = first.subarray(length);
      if (rest.length > 0) this.chunks[0] = rest;
      else this.chunks.shift();
      this.buffered -= length;
      return msg;
    }
    const parts: Buffer[] = [];
    let need = length;
    while (need > 0) {
      const c = this.chunks[0]!;
      if (c.length <= need) {
        parts.push(c);
        this.chunks.shift();
        need -= c.length;
      } else {
        parts.push(c.subarray(0, need));
        this.chunks[0] = c.subarray(need);
        need = 0;
      }
    }
    this.buffered -= length;
    return Buffer.concat(parts, length);
  }
}

function readHeader(buf: Buffer): MessageHeader {
  return {
    messageLength: buf.readInt32LE(0),
    requestId: buf.readInt32LE(4),
    responseTo: buf.readInt32LE(8),
    opCode: buf.readInt32LE(12),
  };
}

function readCString(buf: Buffer, offset: number): [string, number] {
  const end = buf.indexOf(0, offset);
  if (end < 0) throw new ProtocolError('unterminated cstring');
  return [buf.toString('utf8', offset, end), end + 1];
}

export function parseMessage(buf: Buffer): Request {
  const header = readHeader(buf);
  switch (header.opCode) {
    case OP_MSG:
      return parseOpMsg(buf, header);
    case OP_QUERY:
      return parseOpQuery(buf, header);
    default:
      throw new ProtocolError(`unsupported opCode ${header.opCode}`);
  }
}

function parseOpMsg(buf: Buffer, header: MessageHeader): OpMsgRequest {
  const flags = buf.readUInt32LE(16);
  let end = buf.length;
  if (flags & FLAG_CHECKSUM_PRESENT) {
    end -= 4;
    const expected = buf.readUInt32LE(end);
    if (crc32c(buf.subarray(0, end)) !== expected) throw new ProtocolError('OP_MSG checksum mismatch');
  }
  let offset = 20;
  let body: Document | undefined;
  const sequences: Array<[string, Document[]]> = [];
  while (offset < end) {
    const kind = buf[offset];
    offset += 1;
    if (kind === 0) {
      const size = buf.readInt32LE(offset);
      body = deserializeWire(buf.subarray(offset, offset + size));
      offset += size;
    } else if (kind === 1) {
      const size = buf.readInt32LE(offset);
      const sectionEnd = offset + size;
      const [identifier, docsStart] = readCString(buf, offset + 4);
      let pos = docsStart;
      const docs: Document[] = [];
      const mayHoldRef = mayHoldRefField(buf.subarray(pos, sectionEnd));
      while (pos < sectionEnd) {
        const docSize = buf.readInt32LE(pos);
        docs.push(deserializeWire(buf.subarray(pos, pos + docSize), mayHoldRef));
        pos += docSize;
      }
      sequences.push([identifier, docs]);
      offset = sectionEnd;
    } else {
      throw new ProtocolError(`unknown OP_MSG section kind ${kind}`);
    }
  }
  if (!body) throw new ProtocolError('OP_MSG without a body section');
  for (const [identifier, docs] of sequences) body[identifier] = docs;
  return { kind: 'msg', header, moreToCome: (flags & FLAG_MORE_TO_COME) !== 0, command: body };
}

function parseOpQuery(buf: Buffer, header: MessageHeader): OpQueryRequest {
  let offset = 20; // header + flags
  const [fullCollectionName, pos] = readCString(buf, offset);
  offset = pos + 8; // numberToSkip, numberToReturn
  const size = buf.readInt32LE(offset);
  const query = deserializeWire(buf.subarray(offset, offset + size));
  return { kind: 'query', header, fullCollectionName, query };
}

/**
 * A reply whose BSON body is already encoded. Cursor replies are built this way (cursors.ts): a batch is cut by the
 * encoded size of its documents, so each document is serialized once, there, instead of sized and then serialized
 * again with the whole reply.
 */
export class EncodedReply {
  constructor(readonly bson: Uint8Array) {}
}

const bodyOf = (doc: Document | EncodedReply): Uint8Array => (doc instanceof EncodedReply ? doc.bson : BSON.serialize(doc));

let nextRequestId = 1;

function header(length: number, responseTo: number, opCode: number): Buffer {
  const h = Buffer.alloc(16);
  h.writeInt32LE(length, 0);
  h.writeInt32LE(nextRequestId++ & 0x7fffffff, 4);
  h.writeInt32LE(responseTo, 8);
  h.writeInt32LE(opCode, 12);
  return h;
}

export function encodeOpMsgReply(responseTo: number, doc: Document | EncodedReply): Buffer {
  const body = bodyOf(doc);
  const prefix = Buffer.alloc(5); // flagBits (0) + section kind 0
  const h = header(16 + 5 + body.length, responseTo, OP_MSG);
  return Buffer.concat([h, prefix, body]);
}

export function encodeOpReply(responseTo: number, doc: Document | EncodedReply): Buffer {
  const body = bodyOf(doc);
  const fields = Buffer.alloc(20);
  fields.writeInt32LE(0, 0); // responseFlags
  fields.writeBigInt64LE(0n, 4); // cursorID
  fields.writeInt32LE(0, 12); // startingFrom
  fields.writeInt32LE(1, 16); // numberReturned
  const h = header(16 + 20 + body.length, responseTo, OP_REPLY);
  return Buffer.concat([h, fields, body]);
}
