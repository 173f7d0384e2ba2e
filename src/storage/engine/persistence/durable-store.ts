// Durability: an append-only log of effect records, fsync'd before a write is acknowledged, plus
// periodic snapshots that let the log be truncated.
//
// A snapshot costs time in proportion to the whole state, so it is taken when the log has grown by the larger of
// `compactAfterBytes` and the size of the last snapshot: with a fixed threshold a growing database would snapshot
// ever more often and ever more slowly (quadratic in its size); this way the work per byte written stays constant and
// recovery replays at most about twice the state. The snapshot is encoded and written in the background, a chunk at
// a time, while writes go on to the new log; only the instant that freezes the state and switches logs holds them.
//
// Files in the data directory:
//   snapshot-<N>.bson  the whole state as of the start of log N (written to .tmp, fsync'd, renamed)
//   log-<N>.wal        records appended after that snapshot; replayed in order on open
// A torn record at the tail of the newest log (a crash mid-append) is cut off on open; it was
// never acknowledged, because acknowledgement waits for fdatasync.
import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, truncateSync, unlinkSync } from 'node:fs';
import { open, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { rebuildEffects, type Catalog, type Effect, type FrozenState } from '../catalog/catalog.js';
import { acquireLock } from './lock.js';
import { encodeEffect, encodeRecord, frameRecord, readRecordFile } from './records.js';

const SNAPSHOT_RE = /^snapshot-(\d{6,})\.bson$/;
const LOG_RE = /^log-(\d{6,})\.wal$/;
// A snapshot record holds at most this many documents or this many bytes, whichever comes first. The engine thread
// encodes a record in one go, so a record is as long as commands wait: 1,000 GridFS chunks of 255 KiB were 255 MB,
// which held every command for a second or more (bench:load saw throughput fall to a third for 10 s).
const SNAPSHOT_CHUNK = 1000;
const SNAPSHOT_CHUNK_BYTES = 4 * 1024 * 1024;
const GROUP_COMMIT_BYTES = 64 * 1024 * 1024;

const logName = (n: number): string => `log-${String(n).padStart(6, '0')}.wal`;
const snapshotName = (n: number): string => `snapshot-${String(n).padStart(6, '0')}.bson`;

export interface DurableStoreOptions {
  /** Log size (bytes) after which a snapshot is written and older logs dropped. */
  compactAfterBytes?: number;
}

export interface RecoveryReport {
  snapshot: number | null;
  logsReplayed: number;
  /** Effects replayed from the snapshot and logs. */
  records: number;
  tornBytesDropped: number;
}

interface Waiter {
  resolve: () => void;
  reject: (err: Error) => void;
}

/** Failures from the file system are Errors; anything else thrown is wrapped so waiters always get one. */
function asError(err: unknown): Error {
  return err instanceof Error ? err : new Error(String(err));
}

function fsyncDir(dir: string): void {
  const fd = openSync(dir, 'r');
  try {
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function numbered(files: string[], re: RegExp): number[] {
  return files
    .map((f) => re.exec(f)?.[1])
    .filter((n): n is string => n !== undefined)
    .map(Number)
    .sort((a, b) => a - b);
}

export class DurableStore {
  private pending: Buffer[] = [];
  private waiters: Waiter[] = [];
  private flushing = false;
  private failure: Error | null = null;
  private logBytes = 0;
  private idle: Promise<void> = Promise.resolve();
  private markIdle: () => void = () => {};
  /** Size of the newest snapshot: the log may grow this much (at least compactAfterBytes) before the next one. */
  private snapshotBytes = 0;
  /** The snapshot being written in the background, if any (one at a time). */
  private compacting: Promise<void> | null = null;

  private constructor(
    private readonly dir: string,
    private readonly catalog: Catalog,
    private log: FileHandle,
    private logNumber: number,
    private readonly releaseLock: () => void,
    private readonly compactAfterBytes: number,
  ) {}

  /** Lock `dir`, rebuild `catalog` from its snapshot and logs, and open the log for appending. */
  static async open(dir: string, catalog: Catalog, opts: DurableStoreOptions = {}): Promise<{ store: DurableStore; recovery: RecoveryReport }> {
    mkdirSync(dir, { recursive: true });
    const release = acquireLock(dir);
    try {
      const files = readdirSync(dir);
      const snapshots = numbered(files, SNAPSHOT_RE);
      const base = snapshots.at(-1) ?? null;
      const recovery: RecoveryReport = { snapshot: base, logsReplayed: 0, records: 0, tornBytesDropped: 0 };
      const apply = (e: Effect): void => {
        catalog.apply(e);
        recovery.records++;
      };
      let snapshotBytes = 0;
      if (base !== null) {
        const result = readRecordFile(join(dir, snapshotName(base)), apply);
        snapshotBytes = result.size;
        if (result.torn) throw new Error(`snapshot ${snapshotName(base)} is corrupt; restore the data directory from a backup`);
      }
      const logs = numbered(files, LOG_RE).filter((n) => n >= (base ?? 0));
      let logBytes = 0;
      for (const [i, n] of logs.entries()) {
        const path = join(dir, logName(n));
        const result = readRecordFile(path, apply);
        recovery.logsReplayed++;
        if (result.torn) {
          if (i !== logs.length - 1) throw new Error(`log ${logName(n)} is corrupt before its end; restore the data directory from a backup`);
          recovery.tornBytesDropped = result.size - result.validLength;
          truncateSync(path, result.validLength);
        }
        logBytes = result.validLength;
      }
      const current = logs.at(-1) ?? base ?? 1;
      const log = await open(join(dir, logName(current)), 'a');
      await log.datasync();
      fsyncDir(dir);
      // Leftovers of an interrupted compaction: files the newest snapshot already covers.
      for (const f of files) {
        const s = SNAPSHOT_RE.exec(f)?.[1];
        const l = LOG_RE.exec(f)?.[1];
        if ((s && Number(s) !== base) || (l && Number(l) < (base ?? 0)) || /^snapshot-.*\.tmp$/.test(f)) unlinkSync(join(dir, f));
      }
      const store = new DurableStore(dir, catalog, log, current, release, opts.compactAfterBytes ?? 64 * 1024 * 1024);
      store.logBytes = logBytes;
      store.snapshotBytes = snapshotBytes;
      if (store.shouldCompact()) await store.compact();
      return { store, recovery };
    } catch (err) {
      release();
      throw err;
    }
  }

  /**
   * Append one record holding `effects` (already applied in memory) and resolve once it is on
   * disk. Records from concurrent commands are written and fsync'd together (group commit).
   */
  append(effects: readonly Effect[]): Promise<void> {
    if (effects.length === 0) return Promise.resolve();
    if (this.failure) return Promise.reject(this.failure);
    this.pending.push(encodeRecord(effects));
    const done = new Promise<void>((resolve, reject) => this.waiters.push({ resolve, reject }));
    if (!this.flushing) {
      this.flushing = true;
      this.idle = new Promise((r) => (this.markIdle = r));
      setImmediate(() => void this.flushLoop());
    }
    return done;
  }

  private async flushLoop(): Promise<void> {
    while (this.pending.length > 0 && !this.failure) {
      // One write per group of records, up to GROUP_COMMIT_BYTES (at least one record): a write takes at most 2 GiB,
      // and many concurrent uploads' file chunks would otherwise be concatenated into one buffer.
      let count = 0;
      let bytes = 0;
      while (count < this.pending.length && (count === 0 || bytes + this.pending[count]!.length <= GROUP_COMMIT_BYTES)) bytes += this.pending[count++]!.length;
      // pending[i] is the record of waiters[i] (one of each per append).
      const batch = this.pending.splice(0, count);
      const waiters = this.waiters.splice(0, count);
      try {
        const buf = batch.length === 1 ? batch[0]! : Buffer.concat(batch);
        await this.log.write(buf);
        await this.log.datasync();
        this.logBytes += buf.length;
        for (const w of waiters) w.resolve();
      } catch (err) {
        // The in-memory state is now ahead of the disk: refuse all further writes rather than
        // acknowledge anything that might not survive (mongod fasserts in this situation).
        const failure = asError(err);
        this.failure = failure;
        for (const w of [...waiters, ...this.waiters]) w.reject(failure);
        this.waiters = [];
        this.pending = [];
      }
      if (this.pending.length === 0 && !this.failure && this.shouldCompact()) {
        try {
          await this.startCompaction();
        } catch (err) {
          this.failure = asError(err);
        }
      }
    }
    this.flushing = false;
    this.markIdle();
  }

  private shouldCompact(): boolean {
    return this.compacting === null && this.logBytes > Math.max(this.compactAfterBytes, this.snapshotBytes);
  }

  /**
   * Write a snapshot of the current state and start a new log; resolves once the snapshot is on disk. Only while no
   * write is in flight (on open, and in tests): unlike the flush loop's own compactions, it does not hold appends back
   * while it switches logs.
   */
  async compact(): Promise<void> {
    await this.compacting;
    await this.startCompaction();
    await this.compacting;
    if (this.failure) throw this.failure;
  }

  /**
   * Freeze the state, switch to a new log and start writing the snapshot in the background. Runs only when no record
   * is pending (from the flush loop or before the store is in use), so the snapshot holds exactly what the logs before
   * the new one hold. A failed snapshot refuses further writes, as a failed log write does.
   */
  private async startCompaction(): Promise<void> {
    const state = this.catalog.freeze();
    // From here on, new records go to the new log; the snapshot covers everything before it.
    const next = this.logNumber + 1;
    const oldLog = this.log;
    const oldNumber = this.logNumber;
    this.log = await open(join(this.dir, logName(next)), 'a');
    this.logNumber = next;
    this.logBytes = 0;
    await oldLog.close();
    this.compacting = this.writeSnapshot(state, next, oldNumber).then(
      (bytes) => {
        this.snapshotBytes = bytes;
      },
      (err: unknown) => {
        this.failure ??= asError(err);
      },
    ).finally(() => {
      this.compacting = null;
    });
  }

  /** Write `state` as snapshot `next` (to .tmp, fsync'd, renamed), then drop the files it replaces. Answers its size. */
  private async writeSnapshot(state: FrozenState, next: number, oldNumber: number): Promise<number> {
    const tmp = join(this.dir, `${snapshotName(next)}.tmp`);
    const fh = await open(tmp, 'w');
    let bytes = 0;
    try {
      let parts: Uint8Array[] = [];
      let partBytes = 0;
      // Each record is encoded and written before the next: the event loop runs between them, and the whole encoded
      // state is never in memory at once.
      const flush = async (): Promise<void> => {
        const record = frameRecord(parts);
        parts = [];
        partBytes = 0;
        bytes += record.length;
        await fh.write(record);
      };
      for (const e of rebuildEffects(state)) {
        const encoded = encodeEffect(e);
        parts.push(encoded);
        partBytes += encoded.length;
        if (parts.length >= SNAPSHOT_CHUNK || partBytes >= SNAPSHOT_CHUNK_BYTES) await flush();
      }
      if (parts.length > 0) await flush();
      await fh.sync();
    } finally {
      await fh.close();
    }
    renameSync(tmp, join(this.dir, snapshotName(next)));
    fsyncDir(this.dir);
    for (const f of readdirSync(this.dir)) {
      const s = SNAPSHOT_RE.exec(f)?.[1];
      const l = LOG_RE.exec(f)?.[1];
      if ((s && Number(s) < next) || (l && Number(l) <= oldNumber)) unlinkSync(join(this.dir, f));
    }
    return bytes;
  }

  async close(): Promise<void> {
    await this.idle;
    await this.compacting;
    await this.log.close();
    this.releaseLock();
  }
}
