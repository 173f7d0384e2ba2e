// Fuzzing of SDS uploads (npm run fuzz; issue 9, "Hostile input"): the long version of the short fuzz in
// test/security/hostile-uploads.test.ts.
//
// The app runs in this process, on the embedded engine in a temporary data directory, with its default extraction
// budgets unless SDS_EXTRACT_TIMEOUT_MS, SDS_EXTRACT_MEMORY_MB, SDS_EXTRACT_WORKERS or UPLOAD_MAX_BYTES say otherwise.
// FUZZ_COUNT mutants (default 500) of generated SDSs, and of the real ones in FUZZ_PDF_DIR (default
// ../shared/data/sds-dev/pdf, when it exists), are uploaded through POST /api/v1/products/:id/sds, each for a product
// of its own, FUZZ_CONCURRENCY at a time (default: one per extraction worker). Mutations and their seeds come from
// test/support/pdf-mutations.ts and FUZZ_SEED, so any mutant printed can be rebuilt alone.
//
// Printed: how many were tried; the outcome classes (201 stored by status, each 4xx code, 5xx, timeouts and failed
// requests) overall and per mutation; the slowest answers; whether /health answered after every upload; whether every
// stored revision has its file and no file is left without one; the serving thread's event-loop delay; and the
// process's memory (RSS and heap) at the start (once the mutants are built), its peak and the end. FUZZ_REPORT=file.json also writes every outcome. Exits with 1 when an upload got a 5xx, an
// unknown 4xx or no answer, /health failed, or storage holds a revision without its file or a file without its revision.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { swedishOrgNumber } from '../test/support/fixtures.js';
import { generatedBases, MUTATION_NAMES, nthMutant, type BasePdf, type Mutant } from '../test/support/pdf-mutations.js';
import { startTestApp } from '../test/support/test-app.js';

const MiB = 1024 * 1024;
const COUNT = Number(process.env.FUZZ_COUNT ?? 500);
const SEED = Number(process.env.FUZZ_SEED ?? 0x5eed_0009);
const PDF_DIR = resolve(process.env.FUZZ_PDF_DIR ?? '../shared/data/sds-dev/pdf');

/** What an unreadable SDS upload may answer (README "Safety data sheets"): code → status. */
const SDS_REFUSALS: Record<string, number> = { PDF_EMPTY: 400, NOT_A_PDF: 415, PDF_CORRUPT: 422, PDF_ENCRYPTED: 422, PDF_TOO_COMPLEX: 422, NOT_AN_SDS: 422 };

const passThrough = ['SDS_EXTRACT_TIMEOUT_MS', 'SDS_EXTRACT_MEMORY_MB', 'SDS_EXTRACT_WORKERS', 'UPLOAD_MAX_BYTES'] as const;
const env: Record<string, string> = { LOG_LEVEL: 'warn' };
for (const name of passThrough) if (process.env[name]) env[name] = process.env[name];

// --- memory ------------------------------------------------------------------------------------------------------------

interface MemorySample {
  rss: number;
  heapUsed: number;
}
const sample = (): MemorySample => {
  const { rss, heapUsed } = process.memoryUsage();
  return { rss, heapUsed };
};
/** The kernel's high-water mark of the resident set: the true peak, also while the event loop was busy. */
function vmHwm(): number | undefined {
  try {
    const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'latin1'))?.[1];
    return kb === undefined ? undefined : Number(kb) * 1024;
  } catch {
    return undefined;
  }
}
const mib = (bytes: number): string => `${(bytes / MiB).toFixed(0)} MiB`;

// The heap at the start and the end is read after a full collection, so that it shows what is kept, not what is
// garbage not yet collected. `npm run fuzz` cannot pass --expose-gc (its command line is fixed), so gc is fetched here.
setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

// --- the bases ------------------------------------------------------------------------------------------------------------

function realBases(): BasePdf[] {
  if (!existsSync(PDF_DIR)) return [];
  return readdirSync(PDF_DIR)
    .filter((f) => f.toLowerCase().endsWith('.pdf'))
    .sort()
    .map((f) => ({ name: `real:${f}`, bytes: new Uint8Array(readFileSync(join(PDF_DIR, f))) }));
}

// --- run --------------------------------------------------------------------------------------------------------------------

interface Outcome {
  /** The mutant without its bytes: enough to rebuild it with `mutate(mutation, base, seed)`. */
  mutant: Omit<Mutant, 'bytes'>;
  /** `201 extracted`, `422 PDF_CORRUPT`, `500 INTERNAL`, `timeout`, `request failed` … */
  outcome: string;
  ms: number;
  ok: boolean;
}

async function main(): Promise<void> {
  const bases = [...generatedBases(), ...realBases()];
  const t = await startTestApp(env);
  const timeoutMs = t.config.SDS_EXTRACT_TIMEOUT_MS;
  const concurrency = Number(process.env.FUZZ_CONCURRENCY ?? t.config.SDS_EXTRACT_WORKERS);
  // The client gives up well after the server's own budget: an answer that late is a failure of the budget.
  const clientTimeoutMs = timeoutMs + 30_000;
  process.stdout.write(
    `fuzz: ${COUNT} mutants, seed ${SEED}, ${bases.length} bases (${bases.filter((b) => b.name.startsWith('real:')).length} real from ${PDF_DIR}), ` +
      `${MUTATION_NAMES.length} mutations, ${concurrency} at a time; budgets ${timeoutMs} ms and ${t.config.SDS_EXTRACT_MEMORY_MB} MiB per PDF, ` +
      `${t.config.SDS_EXTRACT_WORKERS} workers, uploads up to ${mib(t.config.UPLOAD_MAX_BYTES)}\n`,
  );

  // Built before anything is measured: making a mutant (a 500,000-object stream, say) takes this thread up to seconds,
  // which would otherwise show up as the server's event-loop delay and in the answer times of uploads in flight.
  const mutants: Array<Mutant | undefined> = Array.from({ length: COUNT }, (_, i) => nthMutant(SEED, i, bases));

  const admin = t.as(t.adminToken);
  const supplier = await admin.post<{ id: string }>('/api/v1/suppliers', { name: 'Fuzz AB', orgNumber: swedishOrgNumber() });
  if (supplier.status !== 201) throw new Error(`fuzz: could not create a supplier: ${supplier.status}`);
  const supplierId = supplier.body.id;

  collectGarbage();
  const start = sample();
  let peak = start;
  const sampler = setInterval(() => {
    const now = sample();
    peak = { rss: Math.max(peak.rss, now.rss), heapUsed: Math.max(peak.heapUsed, now.heapUsed) };
  }, 50);
  const lag = monitorEventLoopDelay({ resolution: 20 });
  lag.enable();

  const outcomes: Outcome[] = [];
  let healthFailures = 0;
  let next = 0;
  const began = performance.now();

  async function uploadOne({ bytes, ...mutant }: Mutant): Promise<Outcome> {
    const product = await admin.post<{ id: string }>('/api/v1/products', { supplierId, name: `Fuzz ${mutant.mutation}`, kind: 'mixture' });
    const body = new FormData();
    body.append('file', new Blob([bytes], { type: 'application/pdf' }), 'sdb.pdf');
    const started = performance.now();
    try {
      const res = await fetch(`${t.baseUrl}/api/v1/products/${product.body.id}/sds`, {
        method: 'POST',
        headers: { authorization: `Bearer ${t.adminToken}` },
        body,
        signal: AbortSignal.timeout(clientTimeoutMs),
      });
      const answer = (await res.json()) as { code?: string; status?: string };
      const ms = performance.now() - started;
      if (res.status === 201 || res.status === 200) return { mutant, outcome: `${res.status} ${answer.status}`, ms, ok: true };
      const known = answer.code !== undefined && SDS_REFUSALS[answer.code] === res.status;
      return { mutant, outcome: `${res.status} ${answer.code ?? '?'}`, ms, ok: known };
    } catch (err) {
      const ms = performance.now() - started;
      const timedOut = err instanceof Error && (err.name === 'TimeoutError' || err.name === 'AbortError');
      return { mutant, outcome: timedOut ? 'timeout' : `request failed (${err instanceof Error ? err.message : String(err)})`, ms, ok: false };
    }
  }

  async function lane(): Promise<void> {
    while (next < COUNT && healthFailures === 0) {
      const i = next++;
      const result = await uploadOne(mutants[i]!);
      mutants[i] = undefined; // done with its bytes
      outcomes.push(result);
      const health = await fetch(`${t.baseUrl}/health`, { signal: AbortSignal.timeout(10_000) }).then((r) => r.status, () => 0);
      if (health !== 200) {
        healthFailures++;
        process.stdout.write(`/health answered ${health || 'nothing'} after ${result.mutant.mutation} of ${result.mutant.base} (seed ${result.mutant.seed})\n`);
      }
      if (outcomes.length % 50 === 0) process.stdout.write(`  ${outcomes.length}/${COUNT} (${((performance.now() - began) / 1000).toFixed(0)} s)\n`);
    }
  }
  await Promise.all(Array.from({ length: concurrency }, () => lane()));
  const seconds = (performance.now() - began) / 1000;
  clearInterval(sampler);
  lag.disable();
  await t.services.jobs.whenIdle();
  collectGarbage();
  const end = sample();
  const hwm = vmHwm();

  // Every stored revision has its original, and no original is left without its revision.
  const db = t.storage.connection.db!;
  const revisions = await db.collection('sdsRevisions').find({}, { projection: { fileId: 1 } }).toArray();
  const fileIds = new Set((await db.collection('sdsFiles.files').find({}, { projection: { _id: 1 } }).toArray()).map((f) => String(f._id)));
  const withoutFile = revisions.filter((r) => !fileIds.has(String(r.fileId))).length;
  const orphanFiles = fileIds.size - revisions.filter((r) => fileIds.has(String(r.fileId))).length;
  const stored = outcomes.filter((o) => o.outcome.startsWith('201')).length;
  await t.close();

  // --- report ---------------------------------------------------------------------------------------------------------------
  const count = (items: readonly Outcome[]): Map<string, number> => {
    const map = new Map<string, number>();
    for (const o of items) map.set(o.outcome, (map.get(o.outcome) ?? 0) + 1);
    return new Map([...map].sort(([a], [b]) => a.localeCompare(b)));
  };
  const out: string[] = [];
  out.push(`\ntried ${outcomes.length} mutants in ${seconds.toFixed(1)} s\n`);
  out.push('| outcome | count |', '|---|---|');
  for (const [outcome, n] of count(outcomes)) out.push(`| ${outcome} | ${n} |`);
  const classes = {
    stored: stored,
    refused: outcomes.filter((o) => o.ok && /^4\d\d /.test(o.outcome)).length,
    unknown4xx: outcomes.filter((o) => !o.ok && /^4\d\d /.test(o.outcome)).length,
    server5xx: outcomes.filter((o) => /^5\d\d /.test(o.outcome)).length,
    noAnswer: outcomes.filter((o) => o.outcome === 'timeout' || o.outcome.startsWith('request failed')).length,
  };
  out.push(
    `\nclasses: ${classes.stored} stored (201), ${classes.refused} refused with a catalogued 4xx, ${classes.unknown4xx} other 4xx, ` +
      `${classes.server5xx} 5xx, ${classes.noAnswer} timeouts or failed requests`,
  );

  out.push('\n| mutation | tried | outcomes |', '|---|---|---|');
  for (const mutation of MUTATION_NAMES) {
    const of = outcomes.filter((o) => o.mutant.mutation === mutation);
    if (of.length === 0) continue;
    out.push(`| ${mutation} | ${of.length} | ${[...count(of)].map(([k, n]) => `${k} ×${n}`).join(', ')} |`);
  }

  out.push('\nslowest answers:', '| ms | outcome | mutation | base | seed |', '|---|---|---|---|---|');
  for (const o of [...outcomes].sort((a, b) => b.ms - a.ms).slice(0, 10)) {
    out.push(`| ${o.ms.toFixed(0)} | ${o.outcome} | ${o.mutant.mutation} | ${o.mutant.base} | ${o.mutant.seed} |`);
  }
  const sortedMs = outcomes.map((o) => o.ms).sort((a, b) => a - b);
  const pct = (p: number): number => sortedMs[Math.min(sortedMs.length - 1, Math.floor(p * sortedMs.length))] ?? 0;
  out.push(`answer time: median ${pct(0.5).toFixed(0)} ms, p95 ${pct(0.95).toFixed(0)} ms, max ${pct(1).toFixed(0)} ms (budget ${timeoutMs} ms)`);

  out.push(
    `\nserver stayed up: ${healthFailures === 0 ? 'yes' : 'NO'} (/health after each upload: ${outcomes.length - healthFailures}/${outcomes.length} answered 200)`,
    `storage: ${revisions.length} revisions for ${stored} uploads answered 201, ${withoutFile} revisions without their file, ${orphanFiles} files without a revision`,
    `event-loop delay of the serving thread: p99 ${(lag.percentile(99) / 1e6).toFixed(0)} ms, max ${(lag.max / 1e6).toFixed(0)} ms`,
    `memory (this process: server, workers, engine thread): RSS start ${mib(start.rss)}, peak ${mib(Math.max(peak.rss, hwm ?? 0))}` +
      `${hwm === undefined ? ' (sampled every 50 ms)' : ' (kernel high-water mark)'}, end ${mib(end.rss)}; ` +
      `main-thread heap after gc at start ${mib(start.heapUsed)}, peak ${mib(peak.heapUsed)}, after gc at end ${mib(end.heapUsed)}`,
  );
  process.stdout.write(`${out.join('\n')}\n`);
  if (process.env.FUZZ_REPORT) writeFileSync(process.env.FUZZ_REPORT, JSON.stringify(outcomes.map(({ mutant, ...o }) => ({ ...o, mutation: mutant.mutation, base: mutant.base, seed: mutant.seed })), null, 1));

  const failed = classes.unknown4xx + classes.server5xx + classes.noAnswer + healthFailures + withoutFile + orphanFiles + (revisions.length === stored ? 0 : 1);
  if (failed > 0) {
    process.stdout.write('\nFAILED: some uploads did not end in a stored revision or a catalogued 4xx (see above)\n');
    process.exitCode = 1;
  }
}

await main();
