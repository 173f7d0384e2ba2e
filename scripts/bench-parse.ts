// `npm run bench:parse -- DIR`: how fast chemreg reads SDS PDFs, against poppler's `pdftotext -layout` on the same
// files in the same run (when it is installed), and how much 20 extractions at once disturb the main thread's
// event loop when they go through the worker pool the API uses.
//   per file: chemreg's extraction (PDF text + every fact), warm, median of RUNS; pdftotext -layout, median of RUNS.
//   lag: monitorEventLoopDelay on the main thread while 20 extractions run concurrently in the pool.
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { availableParallelism } from 'node:os';
import { extractSds } from '../src/sds/extraction/index.js';
import { createExtractionPool } from '../src/sds/extraction-pool.js';

const RUNS = 3;
const CONCURRENT = 20;

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? 0;

async function time(fn: () => unknown): Promise<number> {
  const start = performance.now();
  await fn();
  return performance.now() - start;
}

async function pdfFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await pdfFiles(path)));
    else if (entry.name.toLowerCase().endsWith('.pdf')) out.push(path);
  }
  return out.sort();
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (!dir) {
    process.stderr.write('usage: npm run bench:parse -- DIR\n');
    process.exit(2);
  }
  const files = await pdfFiles(dir);
  if (files.length === 0) throw new Error(`no PDF files under ${dir}`);
  const hasPdftotext = spawnSync('pdftotext', ['-v']).error === undefined;
  // Warm up: the first call loads pdf.js and its fonts, which a running server has done long before.
  await extractSds(new Uint8Array(await readFile(files[0] ?? '')));

  process.stdout.write(`| file | KiB | chemreg ms | pdftotext -layout ms | ratio |\n|---|---|---|---|---|\n`);
  let totalOurs = 0;
  let totalTheirs = 0;
  for (const file of files) {
    const bytes = new Uint8Array(await readFile(file));
    const ours: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      ours.push(await time(() => extractSds(bytes)));
      if (hasPdftotext) theirs.push(await time(() => spawnSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 })));
    }
    const o = median(ours);
    const t = hasPdftotext ? median(theirs) : NaN;
    totalOurs += o;
    totalTheirs += t;
    const name = file.slice(dir.length).replace(/^\//, '');
    process.stdout.write(`| ${name} | ${(bytes.length / 1024).toFixed(0)} | ${o.toFixed(0)} | ${hasPdftotext ? t.toFixed(0) : '—'} | ${hasPdftotext ? (o / t).toFixed(2) : '—'} |\n`);
  }
  process.stdout.write(`| **total** (${files.length} files) | | ${totalOurs.toFixed(0)} | ${hasPdftotext ? totalTheirs.toFixed(0) : '—'} | ${hasPdftotext ? (totalOurs / totalTheirs).toFixed(2) : '—'} |\n`);
  if (!hasPdftotext) process.stdout.write('\npdftotext is not installed (Debian: apt-get install poppler-utils): no comparison.\n');

  // Event-loop lag while CONCURRENT extractions run in the pool, as the API runs them.
  const size = Math.min(2, availableParallelism());
  const pool = createExtractionPool({ size, timeoutMs: 120_000, memoryMb: 512 });
  const inputs = await Promise.all(Array.from({ length: CONCURRENT }, (_, i) => readFile(files[i % files.length] ?? '')));
  await pool.extract(new Uint8Array(inputs[0] ?? Buffer.alloc(0))); // start the workers and load pdf.js in them
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  const wall = await time(() => Promise.all(inputs.map((b) => pool.extract(new Uint8Array(b)))));
  histogram.disable();
  await pool.close();
  const ms = (ns: number): string => (ns / 1e6).toFixed(1);
  process.stdout.write(
    `\n${CONCURRENT} concurrent extractions in a pool of ${size} worker(s): ${wall.toFixed(0)} ms wall; main-thread event-loop delay ` +
      `p50 ${ms(histogram.percentile(50))} ms, p99 ${ms(histogram.percentile(99))} ms, max ${ms(histogram.max)} ms\n`,
  );
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
