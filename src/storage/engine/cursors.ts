// Server-side cursors: the remaining results of a find/aggregate/listX, handed out in batches by getMore.
import { BSON, Long, type Document } from 'bson';
import { EngineError } from './errors.js';

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

export interface CursorReply {
  cursor: { id: Long; ns: string; firstBatch?: Document[]; nextBatch?: Document[] };
  ok: 1;
}

export class CursorManager {
  private readonly open = new Map<bigint, OpenCursor>();
  private nextId = BigInt(Date.now()) * 1000n;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly idleTimeoutMs: number) {
    this.timer = setInterval(() => this.sweep(), Math.min(idleTimeoutMs, 60_000));
    this.timer.unref();
  }

  private takeBatch(docs: Document[], start: number, batchSize: number): Document[] {
    const end = Math.min(docs.length, start + batchSize);
    if (end - start <= 1) return docs.slice(start, end);
    let bytes = 0;
    const out: Document[] = [];
    for (let i = start; i < end; i++) {
      bytes += BSON.calculateObjectSize(docs[i]!);
      if (out.length > 0 && bytes > MAX_BATCH_BYTES) break;
      out.push(docs[i]!);
    }
    return out;
  }

  /** First reply for a result set; registers a cursor when documents remain. */
  first(ns: string, docs: Document[], batchSize: number | undefined, singleBatch = false, owner?: string): CursorReply {
    const size = batchSize === undefined ? DEFAULT_FIRST_BATCH : batchSize === 0 ? DEFAULT_FIRST_BATCH : batchSize;
    const firstBatch = this.takeBatch(docs, 0, size);
    let id = 0n;
    if (!singleBatch && firstBatch.length < docs.length) {
      id = this.nextId++;
      this.open.set(id, { id, ns, docs, pos: firstBatch.length, lastUsed: Date.now(), owner });
    }
    return { cursor: { firstBatch, id: Long.fromBigInt(id), ns }, ok: 1 };
  }

  more(id: bigint, ns: string, batchSize: number | undefined): CursorReply {
    const c = this.open.get(id);
    if (!c) throw new EngineError('CursorNotFound', `cursor id ${id} not found`);
    if (c.ns !== ns) throw new EngineError('CursorNotFound', `cursor id ${id} belongs to another namespace`);
    const nextBatch = this.takeBatch(c.docs, c.pos, batchSize && batchSize > 0 ? batchSize : Number.MAX_SAFE_INTEGER);
    c.pos += nextBatch.length;
    c.lastUsed = Date.now();
    let outId = id;
    if (c.pos >= c.docs.length) {
      this.open.delete(id);
      outId = 0n;
    }
    return { cursor: { nextBatch, id: Long.fromBigInt(outId), ns }, ok: 1 };
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
