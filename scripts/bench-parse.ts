// `npm run bench:parse -- DIR`: how fast chemreg reads SDS PDFs, against poppler's `pdftotext -layout` on the same
// files in the same run (when it is installed), and how much 20 uploads at once disturb the main thread's event
// loop when they go through the API.
//   per file: chemreg's extraction (PDF text + every fact), warm, median of RUNS; pdftotext -layout, median of RUNS.
//   lag: monitorEventLoopDelay on the main thread while 20 uploads run concurrently through the HTTP API.
import { spawnSync } from 'node:child_process';
import { readdir, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { extractSds } from '../src/sds/extraction/index.js';
import { swedishOrgNumber } from '../test/support/fixtures.js';
import { startTestApp } from '../test/support/test-app.js';

const RUNS = 5;
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
  // Warm up on every file once: the first calls load pdf.js and let V8 optimise it, which a running server has done
  // long before; pdftotext gets the same pass (its binary and the files in the page cache).
  for (const file of files) {
    await extractSds(new Uint8Array(await readFile(file)));
    if (hasPdftotext) spawnSync('pdftotext', ['-layout', file, '-'], { maxBuffer: 64 * 1024 * 1024 });
  }

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

  // Event-loop lag while CONCURRENT uploads go through the API at once: multipart parsing, GridFS, the worker
  // pool, the revision transaction, and the embedded engine, all sharing the main thread as on `npm start`.
  const app = await startTestApp();
  try {
    const admin = app.as(app.adminToken);
    const supplier = await admin.post<{ id: string }>('/api/v1/suppliers', { name: 'Bench AB', orgNumber: swedishOrgNumber() });
    const products: string[] = [];
    for (let i = 0; i <= CONCURRENT; i++) {
      products.push((await admin.post<{ id: string }>('/api/v1/products', { supplierId: supplier.body.id, name: `Bench product ${i}`, kind: 'mixture' })).body.id);
    }
    const upload = async (productId: string | undefined, file: string): Promise<number> => {
      const body = new FormData();
      body.append('file', new Blob([await readFile(file)], { type: 'application/pdf' }), basename(file));
      return (await admin.post(`/api/v1/products/${productId ?? ''}/sds`, body)).status;
    };
    await upload(products[CONCURRENT], files[0] ?? ''); // starts the extraction workers and loads pdf.js in them
    const histogram = monitorEventLoopDelay({ resolution: 5 });
    histogram.enable();
    let statuses: number[] = [];
    const wall = await time(async () => {
      statuses = await Promise.all(products.slice(0, CONCURRENT).map((id, i) => upload(id, files[i % files.length] ?? '')));
    });
    histogram.disable();
    const ms = (ns: number): string => (ns / 1e6).toFixed(1);
    const answered = [...new Set(statuses)].map((status) => `${statuses.filter((s) => s === status).length}× ${status}`).join(', ');
    process.stdout.write(
      `\n${CONCURRENT} concurrent uploads through the API (${app.config.SDS_EXTRACT_WORKERS} extraction workers; answers: ${answered}): ` +
        `${wall.toFixed(0)} ms wall; main-thread event-loop delay p50 ${ms(histogram.percentile(50))} ms, ` +
        `p99 ${ms(histogram.percentile(99))} ms, max ${ms(histogram.max)} ms\n`,
    );
  } finally {
    await app.close();
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
