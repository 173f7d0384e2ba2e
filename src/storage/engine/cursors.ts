// Server-side cursors: the remaining results of a find/aggregate/listX, handed out in batches by getMore.
import { BSON, Long, type Document } from 'bson';
import { EngineError } from './errors.js';
import { EncodedReply } from './wire/protocol.js';

// mongod's limits: a reply document is at most 16 MiB; the first batch defaults to 101 documents.
const MAX_BATCH_BYTES = 16 * 1024 * 1024 - 16 * 1024;
export const DEFAULT_FIRST_BATCH = 101;

interface OpenCursor {
  id: bigint;
  ns: string;
  docs: Document[];
  pos: number;
  lastUsed: number;
  /** Session that opened it (killed with the session / transaction). */
  owner?: string;
}

/** A batch cut from a result set: its documents as BSON, ready to go into the reply. */
interface Batch {
  docs: Uint8Array[];
  bytes: number;
}

const BSON_DOCUMENT = 0x03;
const BSON_ARRAY = 0x04;
const CURSOR_KEY = Buffer.from('cursor\0', 'latin1');

/** A document's elements: its BSON without the length prefix and the closing NUL. */
function elementsOf(doc: Document): Uint8Array {
  const bson = BSON.serialize(doc);
  return bson.subarray(4, bson.length - 1);
}

/**
 * `{ cursor: { <field>: [batch], id, ns }, ok: 1 }` as BSON, the batch's documents spliced in as they were encoded.
 * The bytes are those BSON.serialize gives for the same reply with the documents themselves.
 */
function cursorReply(field: 'firstBatch' | 'nextBatch', batch: Batch, id: bigint, ns: string): EncodedReply {
  const idAndNs = elementsOf({ id: Long.fromBigInt(id), ns });
  const ok = elementsOf({ ok: 1 });
  const fieldKey = Buffer.from(`${field}\0`, 'latin1');
  let arrayLength = 4 + 1 + batch.bytes;
  for (let i = 0; i < batch.docs.length; i++) arrayLength += 1 + String(i).length + 1;
  const cursorLength = 4 + 1 + fieldKey.length + arrayLength + idAndNs.length + 1;
  const total = 4 + 1 + CURSOR_KEY.length + cursorLength + ok.length + 1;
  const out = Buffer.allocUnsafe(total);
  let p = out.writeInt32LE(total, 0);
  out[p++] = BSON_DOCUMENT;
  p += CURSOR_KEY.copy(out, p);
  p = out.writeInt32LE(cursorLength, p);
  out[p++] = BSON_ARRAY;
  p += fieldKey.copy(out, p);
  p = out.writeInt32LE(arrayLength, p);
  for (let i = 0; i < batch.docs.length; i++) {
    out[p++] = BSON_DOCUMENT;
    p += out.write(`${i}\0`, p, 'latin1');
    out.set(batch.docs[i]!, p);
    p += batch.docs[i]!.length;
  }
  out[p++] = 0; // end of the array
  out.set(idAndNs, p);
  p += idAndNs.length;
  out[p++] = 0; // end of the cursor document
  out.set(ok, p);
  p += ok.length;
  out[p++] = 0;
  if (p !== total) throw new Error(`internal: cursor reply is ${p} bytes, expected ${total}`);
  return new EncodedReply(out);
}

export class CursorManager {
  private readonly open = new Map<bigint, OpenCursor>();
  private nextId = BigInt(Date.now()) * 1000n;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly idleTimeoutMs: number) {
    this.timer = setInterval(() => this.sweep(), Math.min(idleTimeoutMs, 60_000));
    this.timer.unref();
  }

  /** Up to `batchSize` documents from `start`, and no more than fit in a reply (at least one). */
  private takeBatch(docs: Document[], start: number, batchSize: number): Batch {
    const end = Math.min(docs.length, start + batchSize);
    const batch: Batch = { docs: [], bytes: 0 };
    for (let i = start; i < end; i++) {
      const bson = BSON.serialize(docs[i]!);
      if (batch.docs.length > 0 && batch.bytes + bson.length > MAX_BATCH_BYTES) break;
      batch.docs.push(bson);
      batch.bytes += bson.length;
    }
    return batch;
  }

  /** First reply for a result set; registers a cursor when documents remain. */
  first(ns: string, docs: Document[], batchSize: number | undefined, singleBatch = false, owner?: string): EncodedReply {
    const size = batchSize === undefined ? DEFAULT_FIRST_BATCH : batchSize === 0 ? DEFAULT_FIRST_BATCH : batchSize;
    const firstBatch = this.takeBatch(docs, 0, size);
    let id = 0n;
    if (!singleBatch && firstBatch.docs.length < docs.length) {
      id = this.nextId++;
      this.open.set(id, { id, ns, docs, pos: firstBatch.docs.length, lastUsed: Date.now(), owner });
    }
    return cursorReply('firstBatch', firstBatch, id, ns);
  }

  more(id: bigint, ns: string, batchSize: number | undefined): EncodedReply {
    const c = this.open.get(id);
    if (!c) throw new EngineError('CursorNotFound', `cursor id ${id} not found`);
    if (c.ns !== ns) throw new EngineError('CursorNotFound', `cursor id ${id} belongs to another namespace`);
    const nextBatch = this.takeBatch(c.docs, c.pos, batchSize && batchSize > 0 ? batchSize : Number.MAX_SAFE_INTEGER);
    c.pos += nextBatch.docs.length;
    c.lastUsed = Date.now();
    let outId = id;
    if (c.pos >= c.docs.length) {
      this.open.delete(id);
      outId = 0n;
    }
    return cursorReply('nextBatch', nextBatch, outId, ns);
  }

  kill(ids: bigint[]): { killed: bigint[]; notFound: bigint[] } {
    const killed: bigint[] = [];
    const notFound: bigint[] = [];
    for (const id of ids) (this.open.delete(id) ? killed : notFound).push(id);
    return { killed, notFound };
  }

  killOwnedBy(owner: string): void {
    for (const [id, c] of this.open) if (c.owner === owner) this.open.delete(id);
  }

  private sweep(): void {
    const cutoff = Date.now() - this.idleTimeoutMs;
    for (const [id, c] of this.open) if (c.lastUsed < cutoff) this.open.delete(id);
  }

  get count(): number {
    return this.open.size;
  }

  close(): void {
    clearInterval(this.timer);
    this.open.clear();
  }
}
