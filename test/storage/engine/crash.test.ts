// Crash-safety tests for the embedded engine, driven through the `chemreg db` CLI as a child process.
// The engine is SIGKILLed mid-stream; after a restart on the same data directory every acknowledged
// write must be there, nothing unacknowledged may appear torn, and open transactions must vanish.
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { appendFile, mkdtemp, readdir, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { expect } from 'chai';
import { MongoClient } from 'mongodb';
import { startEngine, type EmbeddedEngine } from '../../../src/storage/engine/index.js';
import { freePort } from '../../support/chemreg-process.js';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '../../..');
const BIN = path.join(ROOT, 'bin', 'chemreg.js');
const TXN_CHILD = path.join(HERE, 'fixtures', 'txn-child.ts');
const ENGINE_CHILD = path.join(HERE, 'fixtures', 'engine-child.ts');
const URI_LINE = /^mongodb:\/\/127\.0\.0\.1:(\d+)$/;
const DB = 'crashtest';
const START_TIMEOUT_MS = 10_000;

// ---------------------------------------------------------------------------------------------
// Child-process plumbing
// ---------------------------------------------------------------------------------------------

interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

class Proc {
  stdout = '';
  stderr = '';
  exitInfo: ExitInfo | undefined;
  readonly exited: Promise<ExitInfo>;
  private readonly waiters = new Set<() => void>();
  /** Called synchronously from the stdout 'data' handler (no promise hop), with everything read so far. */
  readonly stdoutHooks: ((stdout: string) => void)[] = [];

  constructor(
    readonly name: string,
    readonly child: ChildProcessByStdio<null, Readable, Readable>,
  ) {
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      this.stdout += chunk;
      for (const hook of this.stdoutHooks) hook(this.stdout);
      this.notify();
    });
    child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    this.exited = new Promise<ExitInfo>((resolve) => {
      child.on('error', (err) => {
        this.stderr += `\n[spawn error] ${err.message}`;
      });
      child.on('close', (code, signal) => {
        this.exitInfo = { code, signal };
        this.notify();
        resolve(this.exitInfo);
      });
    });
  }

  get alive(): boolean {
    return this.exitInfo === undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  lines(): string[] {
    return this.stdout.split('\n').filter((l) => l.length > 0);
  }

  describe(): string {
    return `${this.name}: exit=${JSON.stringify(this.exitInfo ?? null)}\n--- stdout ---\n${this.stdout}\n--- stderr ---\n${this.stderr}`;
  }

  private notify(): void {
    for (const w of [...this.waiters]) w();
  }

  /** Resolves with the first complete stdout line matching `re`; rejects on exit or timeout. */
  waitForLine(re: RegExp, timeoutMs = START_TIMEOUT_MS): Promise<string> {
    return new Promise<string>((resolve, reject) => {
      const check = (): boolean => {
        const complete = this.stdout.split('\n').slice(0, -1);
        const hit = complete.find((l) => re.test(l.replace(/\r$/, '')));
        if (hit !== undefined) {
          finish();
          resolve(hit.replace(/\r$/, ''));
          return true;
        }
        if (this.exitInfo !== undefined) {
          finish();
          reject(new Error(`process exited before printing ${re}\n${this.describe()}`));
          return true;
        }
        return false;
      };
      const timer = setTimeout(() => {
        finish();
        reject(new Error(`timed out after ${timeoutMs} ms waiting for ${re}\n${this.describe()}`));
      }, timeoutMs);
      const waiter = (): void => {
        check();
      };
      const finish = (): void => {
        clearTimeout(timer);
        this.waiters.delete(waiter);
      };
      this.waiters.add(waiter);
      check();
    });
  }

  /** Waits for exit, SIGKILLing after `timeoutMs`. */
  async waitExit(timeoutMs: number): Promise<ExitInfo> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), timeoutMs);
    });
    const r = await Promise.race([this.exited, timedOut]);
    clearTimeout(timer);
    if (r === 'timeout') {
      this.child.kill('SIGKILL');
      await this.exited;
      throw new Error(`${this.name} did not exit within ${timeoutMs} ms\n${this.describe()}`);
    }
    return r;
  }
}

const liveProcs = new Set<Proc>();
const liveClients = new Set<MongoClient>();
const liveEngines = new Set<EmbeddedEngine>();
const tempDirs: string[] = [];

function spawnProc(name: string, args: string[]): Proc {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env },
  });
  const p = new Proc(name, child);
  liveProcs.add(p);
  void p.exited.then(() => liveProcs.delete(p));
  return p;
}

interface Db {
  proc: Proc;
  uri: string;
  port: number;
}

function spawnDb(dataDir: string, port: number | string = 0, name = 'chemreg db'): Proc {
  return spawnProc(name, [BIN, 'db', '--data-dir', dataDir, '--port', String(port)]);
}

async function startDb(dataDir: string, name = 'chemreg db'): Promise<Db> {
  const proc = spawnDb(dataDir, 0, name);
  const line = await proc.waitForLine(URI_LINE);
  const port = Number(URI_LINE.exec(line)?.[1]);
  return { proc, uri: line, port };
}

async function sigkill(db: Db): Promise<void> {
  db.proc.child.kill('SIGKILL');
  const info = await db.proc.waitExit(5_000);
  expect(info.signal, db.proc.describe()).to.equal('SIGKILL');
}

async function stopClean(db: Db, signal: NodeJS.Signals = 'SIGTERM'): Promise<void> {
  db.proc.child.kill(signal);
  const info = await db.proc.waitExit(8_000);
  expect(info, `${signal} should stop the engine with exit code 0\n${db.proc.describe()}`).to.deep.equal({
    code: 0,
    signal: null,
  });
}

async function connect(uri: string): Promise<MongoClient> {
  const client = new MongoClient(uri, {
    serverSelectionTimeoutMS: 5_000,
    connectTimeoutMS: 5_000,
    retryWrites: false,
    retryReads: false,
    directConnection: true,
    maxPoolSize: 10,
  });
  liveClients.add(client);
  await client.connect();
  return client;
}

async function closeClient(client: MongoClient): Promise<void> {
  liveClients.delete(client);
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    client.close().catch(() => undefined),
    new Promise<void>((resolve) => {
      timer = setTimeout(resolve, 3_000);
    }),
  ]);
  clearTimeout(timer);
}

async function newTempDir(tag: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), `chemreg-crash-${tag}-`));
  tempDirs.push(dir);
  return dir;
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));
const randInt = (lo: number, hi: number): number => lo + Math.floor(Math.random() * (hi - lo + 1));


/** Log files the engine writes (`*.wal`, falling back to anything log-like), newest first. */
async function findLogFiles(dataDir: string): Promise<{ file: string; size: number; mtimeMs: number }[]> {
  const out: { file: string; size: number; mtimeMs: number }[] = [];
  const walk = async (dir: string, depth: number): Promise<void> => {
    for (const ent of await readdir(dir, { withFileTypes: true })) {
      const full = path.join(dir, ent.name);
      if (ent.isDirectory() && depth < 2) await walk(full, depth + 1);
      else if (ent.isFile()) {
        const st = await stat(full);
        out.push({ file: full, size: st.size, mtimeMs: st.mtimeMs });
      }
    }
  };
  await walk(dataDir, 0);
  let logs = out.filter((f) => f.file.endsWith('.wal'));
  if (logs.length === 0) logs = out.filter((f) => /(wal|journal|\.log)/i.test(path.basename(f.file)));
  // Newest first: by mtime, then by name (sequence-numbered names sort lexically/numerically).
  return logs.sort(
    (x, y) => y.mtimeMs - x.mtimeMs || y.file.localeCompare(x.file, undefined, { numeric: true }),
  );
}

async function listing(dataDir: string): Promise<string> {
  const ents = await readdir(dataDir, { withFileTypes: true });
  const rows = await Promise.all(
    ents.map(async (e) => `${e.name}${e.isDirectory() ? '/' : ` (${(await stat(path.join(dataDir, e.name))).size} B)`}`),
  );
  return rows.join(', ');
}

// ---------------------------------------------------------------------------------------------
// Workload model for the kill/restart cycles
// ---------------------------------------------------------------------------------------------

interface Item {
  _id: string;
  cycle: number;
  seq: number;
  kind: 'one' | 'many';
  payload: string;
  len: number;
  tags: string[];
  nested: { seq: number; half: number; at: Date };
}

interface Counter {
  _id: string;
  n: number;
  label: string;
}

const ITEM_KEYS = ['_id', 'cycle', 'kind', 'len', 'nested', 'payload', 'seq', 'tags'];
const COUNTER_KEYS = ['_id', 'label', 'n'];
const COUNTERS = ['ctr-0', 'ctr-1', 'ctr-2', 'ctr-3'];

function makeItem(cycle: number, seq: number, kind: Item['kind']): Item {
  const id = `c${cycle}-${seq}`;
  const len = randInt(20, 3000);
  const payload = `${id}|`.repeat(Math.ceil(len / (id.length + 1))).slice(0, len);
  return {
    _id: id,
    cycle,
    seq,
    kind,
    payload,
    len,
    tags: ['item', kind, id],
    nested: { seq, half: seq + 0.5, at: new Date(1_700_000_000_000 + seq) },
  };
}

interface Model {
  /** Acknowledged (or observed after restart) and not deleted. */
  present: Map<string, Item>;
  /** Inserts sent whose acknowledgement never arrived. */
  maybePresent: Map<string, Item>;
  /** Acknowledged deletes (or observed absent after restart). */
  absent: Set<string>;
  /** Deletes sent whose acknowledgement never arrived. */
  maybeDeleted: Set<string>;
  /** Deletes currently in flight (not eligible for another delete). */
  deleting: Set<string>;
  /** Counter value bounds: lo = acknowledged $inc, hi = acknowledged + in flight. */
  counters: Map<string, { lo: number; hi: number }>;
}

interface StreamStats {
  acked: number;
  ackedInserts: number;
  ackedIncs: number;
  ackedDeletes: number;
  uncertain: number;
  unexpected: string[];
}

/** Runs `workers` write loops until `stopFlag.stop` is set; updates the model as acknowledgements arrive. */
async function streamWrites(
  client: MongoClient,
  model: Model,
  cycle: number,
  stopFlag: { stop: boolean },
  workers = 4,
): Promise<StreamStats> {
  const items = client.db(DB).collection<Item>('items');
  const counters = client.db(DB).collection<Counter>('counters');
  const stats: StreamStats = { acked: 0, ackedInserts: 0, ackedIncs: 0, ackedDeletes: 0, uncertain: 0, unexpected: [] };
  let seq = 0;

  const onError = (what: string, err: unknown): void => {
    stats.uncertain++;
    if (!stopFlag.stop) stats.unexpected.push(`${what}: ${err instanceof Error ? err.message : String(err)}`);
  };

  const worker = async (): Promise<void> => {
    while (!stopFlag.stop) {
      const r = Math.random();
      const deletable = [...model.present.keys()].filter((id) => !model.deleting.has(id));
      if (r < 0.35) {
        const doc = makeItem(cycle, seq++, 'one');
        model.maybePresent.set(doc._id, doc);
        try {
          const res = await items.insertOne({ ...doc });
          expect(res.acknowledged).to.equal(true);
          model.maybePresent.delete(doc._id);
          model.present.set(doc._id, doc);
          stats.acked++;
          stats.ackedInserts++;
        } catch (err) {
          onError(`insertOne ${doc._id}`, err);
        }
      } else if (r < 0.5) {
        const docs = Array.from({ length: randInt(2, 25) }, () => makeItem(cycle, seq++, 'many'));
        for (const d of docs) model.maybePresent.set(d._id, d);
        try {
          const res = await items.insertMany(docs.map((d) => ({ ...d })));
          expect(res.insertedCount).to.equal(docs.length);
          for (const d of docs) {
            model.maybePresent.delete(d._id);
            model.present.set(d._id, d);
          }
          stats.acked++;
          stats.ackedInserts += docs.length;
        } catch (err) {
          onError(`insertMany ${docs[0]?._id}..`, err);
        }
      } else if (r < 0.8 || deletable.length === 0) {
        const id = COUNTERS[randInt(0, COUNTERS.length - 1)] as string;
        const bounds = model.counters.get(id);
        if (!bounds) throw new Error(`unknown counter ${id}`);
        bounds.hi++;
        try {
          const res = await counters.updateOne({ _id: id }, { $inc: { n: 1 } });
          expect(res.matchedCount, `updateOne ${id} matched`).to.equal(1);
          expect(res.modifiedCount, `updateOne ${id} modified`).to.equal(1);
          bounds.lo++;
          stats.acked++;
          stats.ackedIncs++;
        } catch (err) {
          onError(`updateOne ${id}`, err);
        }
      } else {
        const id = deletable[randInt(0, deletable.length - 1)] as string;
        model.deleting.add(id);
        try {
          const res = await items.deleteOne({ _id: id });
          expect(res.deletedCount, `deleteOne ${id}`).to.equal(1);
          model.present.delete(id);
          model.absent.add(id);
          stats.acked++;
          stats.ackedDeletes++;
        } catch (err) {
          model.maybeDeleted.add(id);
          onError(`deleteOne ${id}`, err);
        } finally {
          model.deleting.delete(id);
        }
      }
    }
  };
  await Promise.all(Array.from({ length: workers }, worker));
  return stats;
}

/** Checks the restarted engine against the model, then folds the observed state back into it. */
async function verifyAndReconcile(uri: string, model: Model, label: string): Promise<void> {
  const client = await connect(uri);
  try {
    const items = client.db(DB).collection<Item>('items');
    const counters = client.db(DB).collection<Counter>('counters');
    const got = await items.find({}).toArray();
    const seen = new Map<string, Item>();
    for (const doc of got) {
      expect(seen.has(doc._id), `${label}: duplicate _id ${doc._id}`).to.equal(false);
      seen.set(doc._id, doc);
      expect(Object.keys(doc).sort(), `${label}: fields of ${doc._id}`).to.deep.equal(ITEM_KEYS);
      expect(model.absent.has(doc._id), `${label}: ${doc._id} was deleted (acknowledged) but is back`).to.equal(false);
      const expected = model.present.get(doc._id) ?? model.maybePresent.get(doc._id);
      expect(expected, `${label}: unexpected document ${doc._id}`).to.not.equal(undefined);
      expect(doc, `${label}: document ${doc._id} is torn or altered`).to.deep.equal(expected);
    }
    const missing = [...model.present.keys()].filter((id) => !seen.has(id) && !model.maybeDeleted.has(id));
    expect(missing, `${label}: acknowledged inserts missing after restart`).to.deep.equal([]);
    expect(await items.countDocuments({}), `${label}: countDocuments`).to.equal(got.length);

    const ctrs = await counters.find({}).toArray();
    expect(ctrs.map((c) => c._id).sort(), `${label}: counter documents`).to.deep.equal([...COUNTERS].sort());
    for (const c of ctrs) {
      expect(Object.keys(c).sort(), `${label}: fields of ${c._id}`).to.deep.equal(COUNTER_KEYS);
      expect(c.label, `${label}: label of ${c._id}`).to.equal(c._id);
      const b = model.counters.get(c._id);
      if (!b) throw new Error(`unknown counter ${c._id}`);
      expect(c.n, `${label}: ${c._id} below acknowledged $inc count`).to.be.at.least(b.lo);
      expect(c.n, `${label}: ${c._id} above acknowledged + in-flight $inc count`).to.be.at.most(b.hi);
    }

    // Reconcile: uncertain outcomes are now known.
    const known = new Set([...model.present.keys(), ...model.maybePresent.keys()]);
    model.present = new Map(seen);
    for (const id of known) if (!seen.has(id)) model.absent.add(id);
    model.maybePresent.clear();
    model.maybeDeleted.clear();
    model.deleting.clear();
    for (const c of ctrs) model.counters.set(c._id, { lo: c.n, hi: c.n });
  } finally {
    await closeClient(client);
  }
}

/** Seeds counters, then `cycles` times: stream writes, SIGKILL after 300-800 ms, restart, verify; then a clean restart. */
async function killCycles(dir: string, cycles: number, start: (name: string) => Promise<Db>): Promise<void> {
  const model: Model = {
    present: new Map(),
    maybePresent: new Map(),
    absent: new Set(),
    maybeDeleted: new Set(),
    deleting: new Set(),
    counters: new Map(),
  };
  const log: string[] = [];

  let db = await start('cycle-0');
  {
    const client = await connect(db.uri);
    await client
      .db(DB)
      .collection<Counter>('counters')
      .insertMany(COUNTERS.map((id) => ({ _id: id, n: 0, label: id })));
    for (const id of COUNTERS) model.counters.set(id, { lo: 0, hi: 0 });
    await closeClient(client);
  }

  for (let cycle = 1; cycle <= cycles; cycle++) {
    const client = await connect(db.uri);
    const flag = { stop: false };
    const running = streamWrites(client, model, cycle, flag);
    const delay = randInt(300, 800);
    await sleep(delay);
    flag.stop = true;
    db.proc.child.kill('SIGKILL');
    const stats = await running;
    const info = await db.proc.waitExit(5_000);
    expect(info.signal, db.proc.describe()).to.equal('SIGKILL');
    await closeClient(client);
    log.push(
      `cycle ${cycle}: killed after ${delay} ms; acked=${stats.acked} (inserts ${stats.ackedInserts} docs, $inc ${stats.ackedIncs}, deletes ${stats.ackedDeletes}), in flight=${stats.uncertain}`,
    );
    expect(stats.unexpected, `errors before the kill in cycle ${cycle}`).to.deep.equal([]);
    expect(stats.acked, `cycle ${cycle}: too few acknowledged writes to mean anything\n${log.join('\n')}`).to.be.greaterThan(10);

    db = await start(`cycle-${cycle}`);
    await verifyAndReconcile(db.uri, model, `after kill ${cycle} (${log.at(-1)})`);
  }
  await stopClean(db);
  // And a clean restart after all that still sees the same state.
  db = await start('final');
  await verifyAndReconcile(db.uri, model, 'after clean restart');
  await stopClean(db);
  if (process.env['CRASH_TEST_VERBOSE']) console.log(log.join('\n'));
}

// ---------------------------------------------------------------------------------------------
// Tests
// ---------------------------------------------------------------------------------------------

describe('embedded engine crash safety (chemreg db CLI)', function () {
  this.timeout(30_000);

  afterEach(async function () {
    for (const c of [...liveClients]) await closeClient(c);
    for (const e of [...liveEngines]) {
      liveEngines.delete(e);
      await e.close().catch(() => undefined);
    }
    for (const p of [...liveProcs]) {
      if (p.alive) p.child.kill('SIGKILL');
      await p.exited;
    }
  });

  after(async function () {
    for (const dir of tempDirs.splice(0)) await rm(dir, { recursive: true, force: true });
  });

  describe('CLI', function () {
    it('when started with --port 0 then it prints exactly one mongodb://127.0.0.1:PORT line, serves, and exits 0 on SIGTERM', async function () {
      const dir = await newTempDir('cli');
      const db = await startDb(dir);
      expect(db.port).to.be.greaterThan(0).and.lessThan(65536);
      const client = await connect(db.uri);
      expect((await client.db(DB).command({ ping: 1 })).ok).to.equal(1);
      await client.db(DB).collection<{ _id: number; ok: boolean }>('cli').insertOne({ _id: 1, ok: true });
      await closeClient(client);
      await sleep(200);
      expect(db.proc.lines(), 'stdout while running').to.deep.equal([db.uri]);
      await stopClean(db, 'SIGTERM');
      expect(db.proc.stdout, 'stdout after exit').to.equal(`${db.uri}\n`);
    });

    it('when given an explicit --port then it listens there, and exits 0 on SIGINT', async function () {
      const dir = await newTempDir('cli-port');
      const port = await freePort();
      const proc = spawnDb(dir, port);
      const line = await proc.waitForLine(URI_LINE);
      expect(line).to.equal(`mongodb://127.0.0.1:${port}`);
      const db: Db = { proc, uri: line, port };
      const client = await connect(db.uri);
      expect((await client.db(DB).command({ ping: 1 })).ok).to.equal(1);
      await closeClient(client);
      await stopClean(db, 'SIGINT');
      expect(proc.lines()).to.deep.equal([line]);
    });
    it('when SIGTERM arrives as soon as the URI line is printed then it still exits 0 (handlers installed before announcing)', async function () {
      // A supervisor may stop the engine the moment it has announced itself.
      for (let attempt = 0; attempt < 4; attempt++) {
        const dir = await newTempDir('cli-early-term');
        const proc = spawnDb(dir, 0, `early-sigterm-${attempt}`);
        let sent = false;
        proc.stdoutHooks.push((out) => {
          if (!sent && out.includes('\n')) {
            sent = true;
            proc.child.kill('SIGTERM');
          }
        });
        await proc.waitForLine(URI_LINE);
        const info = await proc.waitExit(8_000);
        expect(info, `attempt ${attempt}: SIGTERM right after the URI line\n${proc.describe()}`).to.deep.equal({
          code: 0,
          signal: null,
        });
      }
    });
  });

  describe('lock', function () {
    it('when a second chemreg db starts on a data dir in use then it exits non-zero mentioning the lock, and the first keeps serving', async function () {
      const dir = await newTempDir('lock');
      const first = await startDb(dir, 'first');
      const client = await connect(first.uri);
      await client.db(DB).collection<{ _id: string }>('lock').insertOne({ _id: 'before' });

      const second = spawnDb(dir, 0, 'second');
      const info = await second.waitExit(8_000);
      expect(info.code, second.describe()).to.be.a('number').and.not.equal(0);
      expect(second.stderr, second.describe()).to.match(/lock/i);
      expect(second.lines().filter((l) => URI_LINE.test(l)), 'second must not announce a URI').to.deep.equal([]);

      // The failed attempt must not have removed the first engine's lock.
      const third = spawnDb(dir, 0, 'third');
      const info3 = await third.waitExit(8_000);
      expect(info3.code, third.describe()).to.be.a('number').and.not.equal(0);
      expect(third.stderr, third.describe()).to.match(/lock/i);

      await client.db(DB).collection<{ _id: string }>('lock').insertOne({ _id: 'after' });
      expect(await client.db(DB).collection('lock').countDocuments()).to.equal(2);
      await closeClient(client);
      await stopClean(first);

      // Once the owner has stopped, the directory opens again with its data.
      const again = await startDb(dir, 'again');
      const c2 = await connect(again.uri);
      expect(await c2.db(DB).collection('lock').countDocuments()).to.equal(2);
      await closeClient(c2);
      await stopClean(again);
    });

    it('when startEngine is called in-process on a data dir held by the CLI or by this process then it rejects with "locked"', async function () {
      const dir = await newTempDir('lock-inproc');
      const cli = await startDb(dir);
      let err: unknown;
      try {
        liveEngines.add(await startEngine({ dataDir: dir, port: 0 }));
      } catch (e) {
        err = e;
      }
      expect(err, 'startEngine on a dir owned by another process').to.be.instanceOf(Error);
      expect((err as Error).message).to.contain('locked');
      const probe = await connect(cli.uri);
      expect((await probe.db(DB).command({ ping: 1 })).ok, 'the CLI keeps serving').to.equal(1);
      await closeClient(probe);
      await stopClean(cli);

      const engine = await startEngine({ dataDir: dir, port: 0 });
      liveEngines.add(engine);
      let err2: unknown;
      try {
        liveEngines.add(await startEngine({ dataDir: dir, port: 0 }));
      } catch (e) {
        err2 = e;
      }
      expect(err2, 'second startEngine in the same process').to.be.instanceOf(Error);
      expect((err2 as Error).message).to.contain('locked');
      liveEngines.delete(engine);
      await engine.close();
    });
  });

  describe('kill -9 mid-stream', function () {
    it('when SIGKILLed during a stream of writes (3 cycles) then every acknowledged write survives exactly and nothing is torn', async function () {
      const dir = await newTempDir('kill');
      await killCycles(dir, 3, (name) => startDb(dir, name));
    });

    it('when SIGKILLed while the log is snapshotted every few KiB (2 cycles) then every acknowledged write survives exactly', async function () {
      // The CLI cannot shrink compactAfterBytes, so a fixture runs startEngine with 8 KiB in a child process.
      const dir = await newTempDir('kill-compact');
      await killCycles(dir, 2, async (name) => {
        const proc = spawnProc(name, ['--import', 'tsx', ENGINE_CHILD, dir, String(8 * 1024)]);
        const line = await proc.waitForLine(URI_LINE);
        return { proc, uri: line, port: Number(URI_LINE.exec(line)?.[1]) };
      });
      const files = (await readdir(dir)).filter((f) => !f.endsWith('.lock'));
      expect(files.some((f) => /snapshot/i.test(f)), `no snapshot was written: ${files.join(', ')}`).to.equal(true);
    });
  });

  describe('transactions', function () {
    it('when SIGKILLed with a transaction open then the committed transaction is whole and the uncommitted and aborted ones are absent', async function () {
      const dir = await newTempDir('txn');
      let db = await startDb(dir, 'txn-engine');
      const client = await connect(db.uri);
      const a = client.db(DB).collection<{ _id: string; [k: string]: unknown }>('txa');
      const b = client.db(DB).collection<{ _id: string; [k: string]: unknown }>('txb');
      await a.insertMany([
        { _id: 'seed-a', note: 'seed' },
        { _id: 'seed-a-del', note: 'seed to delete' },
      ]);
      await b.insertOne({ _id: 'seed-b', n: 0, note: 'seed' });

      const child = spawnProc('txn-child', ['--import', 'tsx', TXN_CHILD, db.uri, DB]);
      await child.waitForLine(/^PENDING$/, 15_000);
      expect(child.lines()).to.deep.equal(['COMMITTED', 'ABORTED', 'PENDING']);

      const expectCommitted = async (c: MongoClient, label: string): Promise<void> => {
        const ca = c.db(DB).collection<{ _id: string; [k: string]: unknown }>('txa');
        const cb = c.db(DB).collection<{ _id: string; [k: string]: unknown }>('txb');
        expect(await ca.find({}).sort({ _id: 1 }).toArray(), `${label}: txa`).to.deep.equal([
          { _id: 'c-a-0', txn: 'committed', i: 0, note: 'committed a 0' },
          { _id: 'c-a-1', txn: 'committed', i: 1, note: 'committed a 1' },
          { _id: 'c-a-2', txn: 'committed', i: 2, note: 'committed a 2' },
          { _id: 'seed-a', note: 'seed' },
        ]);
        expect(await cb.find({}).sort({ _id: 1 }).toArray(), `${label}: txb`).to.deep.equal([
          { _id: 'c-b-0', txn: 'committed', i: 0, note: 'committed b 0' },
          { _id: 'c-b-1', txn: 'committed', i: 1, note: 'committed b 1' },
          { _id: 'seed-b', n: 1, note: 'seed' },
        ]);
      };

      // Before the crash: committed visible, open transaction invisible outside its session.
      await expectCommitted(client, 'before kill (isolation)');

      await sigkill(db);
      child.child.kill('SIGKILL');
      await child.exited;
      await closeClient(client);

      db = await startDb(dir, 'txn-engine-restart');
      const c2 = await connect(db.uri);
      await expectCommitted(c2, 'after restart');
      // The engine must still accept writes and new transactions on those collections.
      const s = c2.startSession();
      s.startTransaction();
      await c2.db(DB).collection<{ _id: string }>('txa').insertOne({ _id: 'post' }, { session: s });
      await s.commitTransaction();
      await s.endSession();
      expect(await c2.db(DB).collection('txa').countDocuments()).to.equal(5);
      await closeClient(c2);
      await stopClean(db);
    });
  });

  describe('torn tail', function () {
    it('when garbage is appended to the newest log file after a clean stop then reopening recovers all data and later writes persist', async function () {
      const dir = await newTempDir('torn');
      type Doc = { _id: number; phase: string; body: string };
      const expected: Doc[] = [];
      const write = async (uri: string, phase: string, count: number): Promise<void> => {
        const client = await connect(uri);
        const coll = client.db(DB).collection<Doc>('torn');
        for (let i = 0; i < count; i++) {
          const doc: Doc = { _id: expected.length, phase, body: `${phase}-${i}-`.repeat(randInt(1, 40)) };
          await coll.insertOne({ ...doc });
          expected.push(doc);
        }
        const batch: Doc[] = Array.from({ length: 50 }, (_, i) => ({
          _id: expected.length + i,
          phase,
          body: `${phase}-batch-${i}`,
        }));
        await coll.insertMany(batch.map((d) => ({ ...d })));
        expected.push(...batch);
        await coll.updateOne({ _id: 0 }, { $set: { phase: `touched-${phase}` } });
        const first = expected[0];
        if (first) first.phase = `touched-${phase}`;
        await closeClient(client);
      };
      const check = async (uri: string, label: string): Promise<void> => {
        const client = await connect(uri);
        const docs = await client.db(DB).collection<Doc>('torn').find({}).sort({ _id: 1 }).toArray();
        expect(docs.length, `${label}: document count`).to.equal(expected.length);
        expect(docs, label).to.deep.equal(expected);
        await closeClient(client);
      };
      const tear = async (variant: 'random' | 'header'): Promise<string> => {
        const logs = await findLogFiles(dir);
        const newest = logs[0];
        if (!newest) throw new Error(`no *.wal (or log-like) file in ${dir}: ${await listing(dir)}`);
        let garbage: Buffer;
        if (variant === 'header' && newest.size >= 8) {
          // The first bytes of a real record (length/CRC-like header) followed by too few bytes: a torn record.
          const head = (await readFile(newest.file)).subarray(0, 8);
          garbage = Buffer.concat([head, randomBytes(5)]);
        } else {
          garbage = randomBytes(37);
        }
        await appendFile(newest.file, garbage);
        return `${path.basename(newest.file)} (${newest.size} B) +${garbage.length} B ${variant}`;
      };

      let db = await startDb(dir, 'torn-0');
      await write(db.uri, 'p0', 40);
      await stopClean(db);
      const t1 = await tear('random');

      db = await startDb(dir, 'torn-1');
      await check(db.uri, `after tearing ${t1}`);
      await write(db.uri, 'p1', 20);
      await stopClean(db);
      const t2 = await tear('header');

      db = await startDb(dir, 'torn-2');
      await check(db.uri, `after tearing ${t2}`);
      await write(db.uri, 'p2', 20);
      await stopClean(db);

      // The writes made after each truncation must themselves survive a reopen (no data hidden behind garbage).
      db = await startDb(dir, 'torn-3');
      await check(db.uri, 'after a clean reopen following two torn tails');
      await stopClean(db);
    });

    it('when garbage is appended to the newest log file after a SIGKILL then reopening recovers all acknowledged data', async function () {
      const dir = await newTempDir('torn-kill');
      let db = await startDb(dir, 'torn-kill-0');
      const client = await connect(db.uri);
      const coll = client.db(DB).collection<{ _id: number; v: string }>('tk');
      for (let i = 0; i < 30; i++) await coll.insertOne({ _id: i, v: `v${i}` });
      await closeClient(client);
      await sigkill(db);
      const newest = (await findLogFiles(dir))[0];
      if (!newest) throw new Error(`no *.wal (or log-like) file in ${dir}: ${await listing(dir)}`);
      await appendFile(newest.file, randomBytes(23));

      db = await startDb(dir, 'torn-kill-1');
      const c2 = await connect(db.uri);
      const docs = await c2.db(DB).collection('tk').find({}).sort({ _id: 1 }).toArray();
      expect(docs).to.deep.equal(Array.from({ length: 30 }, (_, i) => ({ _id: i, v: `v${i}` })));
      await c2.db(DB).collection<{ _id: number; v: string }>('tk').insertOne({ _id: 30, v: 'v30' });
      await closeClient(c2);
      await sigkill(db);

      db = await startDb(dir, 'torn-kill-2');
      const c3 = await connect(db.uri);
      expect(await c3.db(DB).collection('tk').countDocuments()).to.equal(31);
      await closeClient(c3);
      await stopClean(db);
    });
  });
});
