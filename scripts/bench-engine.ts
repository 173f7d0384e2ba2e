// Benchmark of the embedded engine (npm run bench:engine).
//
// Main figures (the targets) come from the engine running IN-PROCESS on a temporary data directory: client
// and server then share one event loop, so the driver's CPU cost is counted against the engine's as well.
// For comparison the same workload is then run against the `chemreg db` CLI in a child process (client and
// engine on separate threads), which is SIGKILLed at the end to time a pure log replay on reopen.
// findOne and ping are measured in alternating slices so JIT warm-up and GC weigh on both alike.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, readdir, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { MongoClient, type Collection, type Db } from 'mongodb';
import { startEngine, type EmbeddedEngine } from '../src/storage/engine/index.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BIN = path.join(ROOT, 'bin', 'chemreg.js');
const N = 100_000;
const MEASURE_MS = 3_000;
const WARMUP_MS = 500;
const SLICES = 6;
const CONCURRENCY = 20;
const DB = 'bench';

const TARGET_INSERT_MS = 1_500;
const TARGET_RATIO = 0.6;
const TARGET_REOPEN_MS = 1_000;

interface Doc {
  _id: number;
  sku: string;
  n: number;
  tag: string;
}

const makeDocs = (): Doc[] => Array.from({ length: N }, (_, i) => ({ _id: i, sku: `SKU-${i}`, n: i, tag: 'x' }));
const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const ms = (x: number): string => `${x.toFixed(0)} ms`;
const ops = (x: number): string => `${Math.round(x).toLocaleString('en-US')} ops/s`;
const pct = (x: number): string => `${(x * 100).toFixed(0)} %`;

function client(uri: string): MongoClient {
  return new MongoClient(uri, { directConnection: true, maxPoolSize: CONCURRENCY + 5, serverSelectionTimeoutMS: 10_000 });
}

/** Runs `op` in `concurrency` parallel loops for `durationMs`; returns operations per second. */
async function throughput(durationMs: number, concurrency: number, op: (i: number) => Promise<void>): Promise<number> {
  let count = 0;
  const t0 = performance.now();
  const end = t0 + durationMs;
  const worker = async (): Promise<void> => {
    while (performance.now() < end) await op(count++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count / ((performance.now() - t0) / 1000);
}

/** Measures `a` and `b` in alternating slices (MEASURE_MS each in total) after a warm-up; returns ops/s of each. */
async function alternating(
  concurrency: number,
  a: (i: number) => Promise<void>,
  b: (i: number) => Promise<void>,
): Promise<[number, number]> {
  await throughput(WARMUP_MS, concurrency, a);
  await throughput(WARMUP_MS, concurrency, b);
  let sumA = 0;
  let sumB = 0;
  for (let s = 0; s < SLICES; s++) {
    sumA += await throughput(MEASURE_MS / SLICES, concurrency, a);
    sumB += await throughput(MEASURE_MS / SLICES, concurrency, b);
  }
  return [sumA / SLICES, sumB / SLICES];
}

interface LoadResult {
  insertMs: number;
  indexMs: number;
}

/** Time inserting N documents. The client-side array is unreachable once this returns, before the index build is timed. */
async function insertAll(items: Collection<Doc>): Promise<number> {
  const docs = makeDocs();
  const t0 = performance.now();
  const ins = await items.insertMany(docs);
  const insertMs = performance.now() - t0;
  if (ins.insertedCount !== N) throw new Error(`insertMany inserted ${ins.insertedCount}, expected ${N}`);
  return insertMs;
}

async function load(db: Db): Promise<LoadResult> {
  const items = db.collection<Doc>('items');
  const insertMs = await insertAll(items);
  const t0 = performance.now();
  await items.createIndex({ sku: 1 }, { unique: true });
  return { insertMs, indexMs: performance.now() - t0 };
}

interface ReadResult {
  unindexed: number;
  findSerial: number;
  pingSerial: number;
  findConc: number;
  pingConc: number;
  misses: number;
}

async function reads(db: Db): Promise<ReadResult> {
  const items = db.collection<Doc>('items');
  let misses = 0;
  const findOne = async (i: number): Promise<void> => {
    const k = (i * 7919) % N;
    const d = await items.findOne({ sku: `SKU-${k}` });
    if (d?.n !== k) misses++;
  };
  // explain is refused by the engine (CommandNotSupported), so a short unindexed run shows the index is used.
  const findUnindexed = async (i: number): Promise<void> => {
    const k = (i * 7919) % N;
    const d = await items.findOne({ n: k });
    if (d?.sku !== `SKU-${k}`) misses++;
  };
  const ping = async (): Promise<void> => {
    await db.command({ ping: 1 });
  };
  const unindexed = await throughput(1_000, 1, findUnindexed);
  const [findSerial, pingSerial] = await alternating(1, findOne, ping);
  const [findConc, pingConc] = await alternating(CONCURRENCY, findOne, ping);
  return { unindexed, findSerial, pingSerial, findConc, pingConc, misses };
}

async function dirListing(dir: string): Promise<string> {
  const ents = await readdir(dir, { withFileTypes: true });
  const rows = await Promise.all(
    ents.map(async (e) => (e.isFile() ? `${e.name} ${mib((await stat(path.join(dir, e.name))).size)}` : `${e.name}/`)),
  );
  return rows.sort().join(', ');
}

/** Times `startEngine` on `dir` until countDocuments answers N. */
async function timeReopen(dir: string): Promise<{ startMs: number; totalMs: number }> {
  const t0 = performance.now();
  const engine = await startEngine({ dataDir: dir, port: 0 });
  const startMs = performance.now() - t0;
  const mc = client(engine.uri);
  try {
    const count = await mc.db(DB).collection<Doc>('items').countDocuments();
    const totalMs = performance.now() - t0;
    if (count !== N) throw new Error(`countDocuments after reopen = ${count}, expected ${N}`);
    const probe = await mc.db(DB).collection<Doc>('items').findOne({ sku: 'SKU-99999' });
    if (probe?.n !== 99_999) throw new Error('indexed findOne after reopen did not find SKU-99999');
    return { startMs, totalMs };
  } finally {
    await mc.close();
    await engine.close();
  }
}

interface CliResult {
  load: LoadResult;
  reads: ReadResult;
  rss: number | undefined;
  reopen: { startMs: number; totalMs: number };
  listing: string;
}

/** Same workload against the CLI in a child process; then SIGKILL it and time an in-process reopen. */
async function cliRun(): Promise<CliResult | string> {
  if (!existsSync(BIN)) return 'skipped: bin/chemreg.js not found';
  const dir = await mkdtemp(path.join(tmpdir(), 'chemreg-bench-cli-'));
  const child = spawn(process.execPath, [BIN, 'db', '--data-dir', dir, '--port', '0'], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.setEncoding('utf8').on('data', (c: string) => (stderr += c));
  const exited = new Promise<void>((resolve) => child.on('close', () => resolve()));
  let mc: MongoClient | undefined;
  try {
    const uri = await new Promise<string>((resolve, reject) => {
      let out = '';
      const timer = setTimeout(() => reject(new Error(`CLI did not print its URI in 15 s; stderr: ${stderr}`)), 15_000);
      child.stdout.setEncoding('utf8').on('data', (c: string) => {
        out += c;
        const m = /^(mongodb:\/\/\S+)$/m.exec(out);
        if (m?.[1]) {
          clearTimeout(timer);
          resolve(m[1]);
        }
      });
      child.on('close', () => reject(new Error(`CLI exited early; stderr: ${stderr}`)));
    });
    mc = client(uri);
    const db = mc.db(DB);
    await db.command({ ping: 1 });
    const loaded = await load(db);
    let rss: number | undefined;
    try {
      const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${child.pid}/status`, 'utf8'));
      if (m?.[1]) rss = Number(m[1]) * 1024;
    } catch {
      rss = undefined; // not Linux
    }
    const r = await reads(db);
    await mc.close();
    mc = undefined;
    child.kill('SIGKILL');
    await exited;
    const listing = await dirListing(dir);
    const reopen = await timeReopen(dir);
    return { load: loaded, reads: r, rss, reopen, listing };
  } catch (err) {
    return `failed: ${err instanceof Error ? err.message : String(err)}`;
  } finally {
    await mc?.close().catch(() => undefined);
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    await exited;
    await rm(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const tStart = performance.now();
  const dataDir = await mkdtemp(path.join(tmpdir(), 'chemreg-bench-'));
  let engine: EmbeddedEngine | undefined;
  let mc: MongoClient | undefined;
  try {
    const rssBefore = process.memoryUsage().rss;
    engine = await startEngine({ dataDir, port: 0 });
    mc = client(engine.uri);
    const db = mc.db(DB);
    await db.command({ ping: 1 });

    // (a) insertMany 100k in one call, then the unique index
    const loaded = await load(db);
    // (e) memory after load (this process holds engine + driver)
    const mem = process.memoryUsage();
    // (b) indexed findOne, (c) ping floor
    const r = await reads(db);

    await mc.close();
    mc = undefined;
    await engine.close();
    engine = undefined;
    const listing = await dirListing(dataDir);
    // (d) reopen after a clean close
    const reopen = await timeReopen(dataDir);

    // Same workload against the CLI (separate process), then reopen after SIGKILL.
    const cli = await cliRun();

    const ratioSerial = r.findSerial / r.pingSerial;
    const ratioConc = r.findConc / r.pingConc;
    const W = 46;
    const row = (name: string, value: string, target = '', met?: boolean): string =>
      `${name.padEnd(W)} ${value.padStart(14)}   ${target.padEnd(11)} ${met === undefined ? '' : met ? 'MET' : 'NOT MET'}`.trimEnd();
    const lines = [
      `embedded engine benchmark — node ${process.version}, ${N.toLocaleString('en-US')} docs { _id, sku, n, tag }`,
      '',
      `in-process engine (client and engine share one event loop)`,
      `${'measure'.padEnd(W)} ${'value'.padStart(14)}   ${'target'.padEnd(11)} status`,
      row('(a) insertMany 100k, one call', ms(loaded.insertMs), `<= ${TARGET_INSERT_MS} ms`, loaded.insertMs <= TARGET_INSERT_MS),
      row('    createIndex({ sku: 1 }, { unique })', ms(loaded.indexMs)),
      row('(b) findOne({ sku }) serial', ops(r.findSerial)),
      row(`    findOne({ sku }) ${CONCURRENCY} concurrent`, ops(r.findConc)),
      row('    contrast: findOne({ n }) unindexed, serial', ops(r.unindexed)),
      row('(c) ping serial', ops(r.pingSerial)),
      row(`    ping ${CONCURRENCY} concurrent`, ops(r.pingConc)),
      row('    findOne / ping, serial', pct(ratioSerial), `>= ${pct(TARGET_RATIO)}`, ratioSerial >= TARGET_RATIO),
      row(`    findOne / ping, ${CONCURRENCY} concurrent`, pct(ratioConc), `>= ${pct(TARGET_RATIO)}`, ratioConc >= TARGET_RATIO),
      row('(d) reopen after clean close: startEngine', ms(reopen.startMs)),
      row('    ... until countDocuments = 100k', ms(reopen.totalMs), `<= ${TARGET_REOPEN_MS} ms`, reopen.totalMs <= TARGET_REOPEN_MS),
      row('(e) rss after load + index (engine + driver)', mib(mem.rss)),
      row('    rss before startEngine', mib(rssBefore)),
      row('    heapUsed after load', mib(mem.heapUsed)),
      `    data dir after clean close: ${listing}`,
      `    wrong or missing findOne results: ${r.misses}`,
      '',
    ];
    if (typeof cli === 'string') {
      lines.push(`chemreg db CLI in a child process: ${cli}`);
    } else {
      const cs = cli.reads.findSerial / cli.reads.pingSerial;
      const cc = cli.reads.findConc / cli.reads.pingConc;
      lines.push(
        `chemreg db CLI in a child process (for comparison)`,
        row('    insertMany 100k, one call', ms(cli.load.insertMs), `<= ${TARGET_INSERT_MS} ms`, cli.load.insertMs <= TARGET_INSERT_MS),
        row('    findOne({ sku }) serial / concurrent', `${Math.round(cli.reads.findSerial)} / ${Math.round(cli.reads.findConc)}`),
        row('    ping serial / concurrent', `${Math.round(cli.reads.pingSerial)} / ${Math.round(cli.reads.pingConc)}`),
        row('    findOne / ping, serial', pct(cs), `>= ${pct(TARGET_RATIO)}`, cs >= TARGET_RATIO),
        row(`    findOne / ping, ${CONCURRENCY} concurrent`, pct(cc), `>= ${pct(TARGET_RATIO)}`, cc >= TARGET_RATIO),
        row('    engine process rss after load + index', cli.rss === undefined ? 'n/a' : mib(cli.rss)),
        row('    reopen after SIGKILL (log replay), to count', ms(cli.reopen.totalMs), `<= ${TARGET_REOPEN_MS} ms`, cli.reopen.totalMs <= TARGET_REOPEN_MS),
        `    data dir after SIGKILL: ${cli.listing}`,
        `    wrong or missing findOne results: ${cli.reads.misses}`,
      );
      if (cli.reads.misses > 0) process.exitCode = 1;
    }
    lines.push('', `total bench time ${((performance.now() - tStart) / 1000).toFixed(1)} s`);
    console.log(lines.join('\n'));
    if (r.misses > 0) process.exitCode = 1;
  } finally {
    await mc?.close().catch(() => undefined);
    await engine?.close().catch(() => undefined);
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
