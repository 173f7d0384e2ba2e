// Mixed load against chemreg on the embedded engine (npm run bench:load; issue 9 "Reliability and security under load").
//
// chemreg runs in this process as `npm start` runs it, on a temporary data directory, over the shipped lists, 8
// suppliers, 3 contracts and a few thousand products, each with an SDS revision, and findings on about half of them
// (bulk-inserted; scripts/load-support.ts). Clients in worker threads (their own event loops, so the load does not
// share the server's) then repeat a mix of what users do, each operation timed on its own:
//   - upload: a supplier uploads a generated SDS PDF grown to a real sheet's size (100 KB–2 MB, log-uniform) for one
//     of its own products (10 % of operations);
//   - search: GET /api/v1/search by procurement, an expert or a supplier, over names, prefixes, article and CAS
//     numbers, substances, supplier names and filters (40 %);
//   - findings: GET /api/v1/findings with filters (status, severity, contract, supplier, list, product, match type) (30 %);
//   - decision: POST /api/v1/findings/:id/decisions: an expert confirms an open finding or reopens a confirmed one, or
//     the supplier answers (20 %). Two clients deciding one finding at once get a 409 CONFLICT: expected, counted
//     apart from errors; the client then reads the finding again (`finding`, GET /api/v1/findings/:id).
// Uploads go to products that carry no findings, so that the re-screen an upload starts leaves the decided findings
// alone.
//
// Printed: per operation, requests, throughput and p50/p95/p99/max latency, expected conflicts and errors (any other
// answer than the one hoped for, and timeouts; target 0). Then every acknowledged write is looked for (target 0 lost):
// each uploaded revision with its bytes, each decision in its finding's history, whose events must chain status to
// status. Last, the server thread's event-loop delay during the load, and memory (RSS, heap used after a full
// collection) sampled through the load, with the trend of the heap (target: no growth).
//
// The load runs after a few seconds of warm-up (JIT, extraction workers, caches), whose writes are checked too. Memory
// is sampled every 2–5 s after a forced full collection, whose pause is kept out of the delay figures.
//
// LOAD_SECONDS (default 60), CLIENTS (default 50) and PRODUCTS (default 3000) shrink the run. LOAD_HEAP_SNAPSHOTS=DIR
// writes heap snapshots of the server thread just before and after the load, for `npm run heap:diff`. chemreg's own settings
// come from the environment as for `npm start` (MONGODB_URI aside), and those that differ from the defaults are printed.
import { createHash, randomBytes } from 'node:crypto';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { writeHeapSnapshot } from 'node:v8';
import { isMainThread } from 'node:worker_threads';
import { SYSTEM_ACTOR } from '../src/audit/audit.service.js';
import type { Finding } from '../src/findings/finding.schema.js';
import type { SdsRevision } from '../src/sds/sds.schema.js';
import { buildSdsPdf, defaultSpec } from '../test/support/sds-pdf/index.js';
import {
  BRANDS,
  buildBulkRegistry,
  CATEGORIES,
  loadListsAndSettle,
  mapLimit,
  INTERVAL_S,
  mergeReports,
  monitorServer,
  openBenchApp,
  percentile,
  runClients,
  serveLoadWorker,
  startLoadWorkers,
  type BenchApp,
  type LoadRun,
  type MonitorReport,
  type Outcome,
  type Recorder,
  type RunReport,
} from './load-support.js';
import { seededRandom } from './seeded-random.js';

const SECONDS = Number(process.env.LOAD_SECONDS ?? 60);
/** A directory to write heap snapshots of the server thread to, just before and just after the load. */
const SNAPSHOTS = process.env.LOAD_HEAP_SNAPSHOTS;
const CLIENTS = Number(process.env.CLIENTS ?? 50);
const PRODUCTS = Number(process.env.PRODUCTS ?? 3_000);
const SUPPLIERS = 8;
const CONTRACTS = 3;
const UPLOAD_PRODUCTS_PER_SUPPLIER = 10;
const DECIDED_FINDINGS = 600;
const REQUEST_TIMEOUT_MS = 30_000;
const MIN_PDF_BYTES = 100 * 1024;
const MAX_PDF_BYTES = 2 * 1024 * 1024;
/** Share of operations, in the order they are drawn. */
const MIX = { upload: 0.1, search: 0.4, findings: 0.3, decision: 0.2 } as const;
const WARMUP_SECONDS = Math.min(5, Math.max(2, Math.round(SECONDS / 6)));
const SAMPLE_EVERY_MS = Math.min(5_000, Math.max(2_000, (SECONDS * 1000) / 8));
// A heap that grows by more than this share of its starting size per minute, along a line that explains most of the
// samples' variation, is called a growth trend. Below it, the trend is noise from a short run's few samples.
const GROWTH_SHARE_PER_MINUTE = 0.02;
const GROWTH_MIN_R2 = 0.5;
/** Fewer samples than this say nothing about a trend. */
const TREND_MIN_SAMPLES = 6;

// --- What the clients are given, and what they answer ---------------------------------------------------------------

interface ClientInput {
  baseUrl: string;
  clients: number;
  seed: number;
  tokens: { expert: string; procurement: string; suppliers: Record<string, string> };
  uploadProducts: Array<{ id: string; supplierId: string }>;
  /** This worker's share of the findings decided on: open when the load starts. */
  findings: Array<{ id: string; supplierId: string }>;
  /** Query strings of GET /search. */
  searches: string[];
  /** Query strings of GET /findings for an expert or procurement, and for a supplier (its own findings). */
  findingQueries: string[];
  supplierFindingQueries: string[];
}

interface UploadAck {
  revisionId: string;
  productId: string;
  sha256: string;
  size: number;
}

interface DecisionAck {
  findingId: string;
  action: string;
  /** The history event's time and author, as the answer gave them. */
  at: string;
  tokenId: string;
}

interface ClientResult {
  report: RunReport;
  uploads: UploadAck[];
  decisions: DecisionAck[];
}

// --- Real-size SDS PDFs ---------------------------------------------------------------------------------------------

/**
 * The PDF grown to about `target` bytes by an incremental update (ISO 32000-1 §7.5.6) that adds a grayscale image of
 * random pixels, as a scanned logo or pictogram adds incompressible bytes to a real sheet. Random pixels also make
 * every upload's bytes new, so that each is stored as a revision rather than recognised as a repeat.
 */
function padPdf(base: Buffer, target: number): Buffer {
  const text = base.toString('latin1');
  const trailer = text.slice(text.lastIndexOf('trailer'), text.lastIndexOf('startxref'));
  const previous = /startxref\s+(\d+)\s+%%EOF\s*$/u.exec(text)?.[1];
  const size = Number(/\/Size (\d+)/u.exec(trailer)?.[1]);
  const root = /\/Root (\d+ \d+ R)/u.exec(trailer)?.[1];
  if (previous === undefined || !Number.isInteger(size) || root === undefined) throw new Error('padPdf: no trailer to update');
  const info = /\/Info (\d+ \d+ R)/u.exec(trailer)?.[1];
  const id = /\/ID\s*(\[[^\]]*\])/u.exec(trailer)?.[1];
  const width = 1024;
  const height = Math.max(1, Math.ceil((target - base.length - 512) / width));
  const head = `\n${size} 0 obj\n<< /Type /XObject /Subtype /Image /Width ${width} /Height ${height} /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${width * height} >>\nstream\n`;
  const tail = '\nendstream\nendobj\n';
  const objectAt = base.length + 1;
  const xrefAt = base.length + head.length + width * height + tail.length;
  const update =
    `${tail}xref\n${size} 1\n${String(objectAt).padStart(10, '0')} 00000 n \n` +
    `trailer\n<< /Size ${size + 1} /Root ${root}${info ? ` /Info ${info}` : ''}${id ? ` /ID ${id}` : ''} /Prev ${previous} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([base, Buffer.from(head, 'latin1'), randomBytes(width * height), Buffer.from(update, 'latin1')]);
}

// --- The clients (in a load worker) ---------------------------------------------------------------------------------

function setUpClients(input: ClientInput): LoadRun<ClientResult> {
  const { random, pick, chance } = seededRandom(input.seed);
  const bases = (['sv', 'en', 'de', 'fi', 'da', 'nb'] as const).map((lang) => Buffer.from(buildSdsPdf(defaultSpec(lang)).bytes));
  // Findings this worker decides on, with the status its last answer left them in; undefined after a conflict.
  const statuses = new Map<string, string | undefined>(input.findings.map((f) => [f.id, 'open']));
  let uploads: UploadAck[] = [];
  let decisions: DecisionAck[] = [];
  let uploadNumber = 0;

  const supplierIds = Object.keys(input.tokens.suppliers);
  const auth = (token: string) => ({ authorization: `Bearer ${token}` });
  const errorOf = async (res: Response): Promise<Outcome> => {
    const text = await res.text();
    let code = '';
    try {
      code = (JSON.parse(text) as { code?: string }).code ?? '';
    } catch {
      // not the error shape: the status alone names it
    }
    return { error: `${res.status} ${code}`.trim() };
  };
  const get = async (path: string, token: string, signal: AbortSignal): Promise<Outcome> => {
    const res = await fetch(`${input.baseUrl}${path}`, { headers: auth(token), signal });
    if (res.status !== 200) return errorOf(res);
    await res.arrayBuffer();
    return 'ok';
  };

  const upload = async (recorder: Recorder): Promise<void> => {
    const product = pick(input.uploadProducts);
    const size = Math.round(Math.exp(Math.log(MIN_PDF_BYTES) + random() * Math.log(MAX_PDF_BYTES / MIN_PDF_BYTES)));
    const bytes = padPdf(pick(bases), size);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    const form = new FormData();
    form.append('file', new Blob([bytes], { type: 'application/pdf' }), `sdb-${product.id}-${++uploadNumber}.pdf`);
    await recorder.measure('upload', async (signal) => {
      const res = await fetch(`${input.baseUrl}/api/v1/products/${product.id}/sds`, { method: 'POST', headers: auth(input.tokens.suppliers[product.supplierId]!), body: form, signal });
      if (res.status !== 201) return res.status === 200 ? { error: '200 stored before (a repeat of earlier bytes)' } : errorOf(res);
      const revision = (await res.json()) as SdsRevision;
      uploads.push({ revisionId: revision.id, productId: product.id, sha256, size: bytes.length });
      return revision.sha256 === sha256 && revision.size === bytes.length ? 'ok' : { error: 'answer with other bytes than sent' };
    });
  };

  const search = async (recorder: Recorder): Promise<void> => {
    const r = random();
    const supplierId = pick(supplierIds);
    const token = r < 0.7 ? input.tokens.procurement : r < 0.8 ? input.tokens.expert : input.tokens.suppliers[supplierId]!;
    await recorder.measure('search', (signal) => get(`/api/v1/search?${pick(input.searches)}&limit=20`, token, signal));
  };

  const findings = async (recorder: Recorder): Promise<void> => {
    const r = random();
    const supplierId = pick(supplierIds);
    const [token, query] =
      r < 0.5 ? [input.tokens.expert, pick(input.findingQueries)]
      : r < 0.8 ? [input.tokens.procurement, pick(input.findingQueries)]
      : [input.tokens.suppliers[supplierId]!, pick(input.supplierFindingQueries)];
    await recorder.measure('findings', (signal) => get(`/api/v1/findings?${query}`, token, signal));
  };

  const decision = async (recorder: Recorder): Promise<void> => {
    const finding = pick(input.findings);
    if (statuses.get(finding.id) === undefined) {
      const read = await recorder.measure('finding', async (signal) => {
        const res = await fetch(`${input.baseUrl}/api/v1/findings/${finding.id}`, { headers: auth(input.tokens.expert), signal });
        if (res.status !== 200) return errorOf(res);
        statuses.set(finding.id, ((await res.json()) as Finding).status);
        return 'ok';
      });
      if (read !== 'ok') return;
    }
    const status = statuses.get(finding.id);
    const answer = chance(0.2);
    const [token, body] = answer
      ? [input.tokens.suppliers[finding.supplierId]!, { action: 'answer', comment: 'Ny revision av säkerhetsdatabladet är på väg.' }]
      : [input.tokens.expert, { action: status === 'open' ? 'confirm' : 'reopen', comment: 'Granskad under lasttest.' }];
    await recorder.measure('decision', async (signal) => {
      const res = await fetch(`${input.baseUrl}/api/v1/findings/${finding.id}/decisions`, {
        method: 'POST', headers: { ...auth(token), 'content-type': 'application/json' }, body: JSON.stringify(body), signal,
      });
      if (res.status === 409) {
        // Someone decided in between (another client of this worker, at the same moment): read it again next time.
        await res.arrayBuffer();
        statuses.set(finding.id, undefined);
        return 'conflict';
      }
      if (res.status !== 200) return errorOf(res);
      const after = (await res.json()) as Finding;
      statuses.set(finding.id, after.status);
      const event = after.history.at(-1);
      if (!event || event.action !== body.action) return { error: 'answer without the decision last in its history' };
      decisions.push({ findingId: finding.id, action: body.action, at: String(event.at), tokenId: event.by.tokenId });
      return 'ok';
    });
  };

  const step = async (_client: number, recorder: Recorder): Promise<void> => {
    // A registry too small for uploads or decisions (a tiny PRODUCTS) searches instead.
    const r = random();
    if (r < MIX.upload) await (input.uploadProducts.length > 0 ? upload(recorder) : search(recorder));
    else if (r < MIX.upload + MIX.search) await search(recorder);
    else if (r < MIX.upload + MIX.search + MIX.findings) await findings(recorder);
    else await (input.findings.length > 0 ? decision(recorder) : search(recorder));
  };

  return async (seconds) => {
    const report = await runClients({ clients: input.clients, seconds, timeoutMs: REQUEST_TIMEOUT_MS, step });
    const result = { report, uploads, decisions };
    uploads = [];
    decisions = [];
    return result;
  };
}

// --- The run (main thread) ------------------------------------------------------------------------------------------

const fmt = (n: number, digits = 1): string => (Number.isFinite(n) ? n.toFixed(digits) : '–');
const pad = (text: string | number, width: number): string => String(text).padStart(width);

function queryString(params: Record<string, string | number>): string {
  return Object.entries(params).map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');
}

interface Verification {
  uploadsLost: string[];
  decisionsLost: string[];
  brokenChains: string[];
  uploadsChecked: number;
  decisionsChecked: number;
  findingsChecked: number;
  storedNotAcknowledged: string[];
}

/** Every acknowledged write looked for through the API, after the load. */
async function verify(app: BenchApp, baseUrl: string, expertToken: string, uploads: UploadAck[], decisions: DecisionAck[], uploadProductIds: string[]): Promise<Verification> {
  const headers = { authorization: `Bearer ${expertToken}` };
  const uploadsLost: string[] = [];
  await mapLimit(uploads, 8, async (ack) => {
    const res = await fetch(`${baseUrl}/api/v1/sds/${ack.revisionId}`, { headers });
    const revision = res.status === 200 ? ((await res.json()) as SdsRevision) : (await res.arrayBuffer(), undefined);
    if (!revision || revision.sha256 !== ack.sha256 || revision.size !== ack.size || revision.productId !== ack.productId) {
      uploadsLost.push(`${ack.revisionId}: revision ${res.status}${revision ? ' with other content' : ''}`);
      return;
    }
    const file = await fetch(`${baseUrl}/api/v1/sds/${ack.revisionId}/file`, { headers });
    const bytes = Buffer.from(await file.arrayBuffer());
    if (file.status !== 200 || createHash('sha256').update(bytes).digest('hex') !== ack.sha256) uploadsLost.push(`${ack.revisionId}: file ${file.status}, ${bytes.length} bytes`);
  });

  const byFinding = new Map<string, DecisionAck[]>();
  for (const ack of decisions) byFinding.set(ack.findingId, [...(byFinding.get(ack.findingId) ?? []), ack]);
  const decisionsLost: string[] = [];
  const brokenChains: string[] = [];
  await mapLimit([...byFinding], 8, async ([findingId, acks]) => {
    const res = await fetch(`${baseUrl}/api/v1/findings/${findingId}`, { headers });
    if (res.status !== 200) {
      await res.arrayBuffer();
      decisionsLost.push(...acks.map((a) => `${findingId} ${a.action} at ${a.at}: finding ${res.status}`));
      return;
    }
    const finding = (await res.json()) as Finding;
    // Counted, not just looked up: two answers by one token in the same millisecond are two events.
    const events = new Map<string, number>();
    const keyOf = (action: string, at: string, tokenId: string): string => `${action}|${at}|${tokenId}`;
    for (const e of finding.history) events.set(keyOf(e.action, String(e.at), e.by.tokenId), (events.get(keyOf(e.action, String(e.at), e.by.tokenId)) ?? 0) + 1);
    for (const ack of acks) {
      const key = keyOf(ack.action, ack.at, ack.tokenId);
      const left = events.get(key) ?? 0;
      if (left === 0) decisionsLost.push(`${findingId} ${ack.action} at ${ack.at}`);
      else events.set(key, left - 1);
    }
    // A decision applied on top of another it did not see would break the chain of statuses.
    let status: string = 'open';
    for (const e of finding.history) {
      if (e.from !== status) brokenChains.push(`${findingId}: ${e.action} from ${e.from} after ${status}`);
      status = e.to;
    }
    if (finding.status !== status) brokenChains.push(`${findingId}: status ${finding.status}, history ends at ${status}`);
  });

  // Revisions stored beyond the acknowledged ones: uploads whose answer did not arrive (timeouts, errors) but that
  // the server completed. Not lost writes, but worth knowing. One bulk-inserted revision per product came first.
  const acknowledged = new Set(uploads.map((u) => u.revisionId));
  const stored = await app.storage.connection
    .model('SdsRevision')
    .find({ productId: { $in: uploadProductIds }, revisionNumber: { $gt: 1 } }, { _id: 1, uploadedAt: 1, size: 1 })
    .lean<Array<{ _id: { toHexString(): string }; uploadedAt: Date; size: number }>>();
  const unacknowledged = stored.filter((r) => !acknowledged.has(r._id.toHexString()));
  return {
    uploadsLost, decisionsLost, brokenChains, uploadsChecked: uploads.length, decisionsChecked: decisions.length, findingsChecked: byFinding.size,
    storedNotAcknowledged: unacknowledged.map((r) => `${r._id.toHexString()} (${r.size} bytes, stored ${r.uploadedAt.toISOString()})`),
  };
}

function printOperations(report: RunReport, uploadedBytes: number): { errors: number; conflicts: number } {
  const labels: Record<string, string> = {
    upload: 'upload    POST /products/:id/sds',
    search: 'search    GET /search',
    findings: 'findings  GET /findings?filters',
    decision: 'decision  POST /findings/:id/decisions',
    finding: 'finding   GET /findings/:id (after a 409)',
  };
  console.log(`\n${'operation'.padEnd(42)}${pad('requests', 9)}${pad('req/s', 8)}${pad('p50 ms', 9)}${pad('p95 ms', 9)}${pad('p99 ms', 9)}${pad('max ms', 9)}${pad('409s', 6)}${pad('errors', 8)}`);
  let errors = 0;
  let conflicts = 0;
  const all: number[] = [];
  let requests = 0;
  for (const name of ['upload', 'search', 'findings', 'decision', 'finding']) {
    const stats = report.operations[name];
    if (!stats) continue;
    const sorted = [...stats.latencies].sort((a, b) => a - b);
    all.push(...sorted);
    const failed = Object.values(stats.errors).reduce((s, n) => s + n, 0);
    const count = stats.ok + stats.conflicts + failed;
    requests += count;
    errors += failed;
    conflicts += stats.conflicts;
    console.log(
      `${(labels[name] ?? name).padEnd(42)}${pad(count, 9)}${pad(fmt(count / report.seconds), 8)}${pad(fmt(percentile(sorted, 0.5)), 9)}${pad(fmt(percentile(sorted, 0.95)), 9)}` +
        `${pad(fmt(percentile(sorted, 0.99)), 9)}${pad(fmt(sorted.at(-1) ?? Number.NaN), 9)}${pad(stats.conflicts, 6)}${pad(failed, 8)}`,
    );
  }
  all.sort((a, b) => a - b);
  console.log(
    `${'all'.padEnd(42)}${pad(requests, 9)}${pad(fmt(requests / report.seconds), 8)}${pad(fmt(percentile(all, 0.5)), 9)}${pad(fmt(percentile(all, 0.95)), 9)}` +
      `${pad(fmt(percentile(all, 0.99)), 9)}${pad(fmt(all.at(-1) ?? Number.NaN), 9)}${pad(conflicts, 6)}${pad(errors, 8)}`,
  );
  const uploads = report.operations.upload?.ok ?? 0;
  if (uploads > 0) console.log(`uploads: ${(uploadedBytes / 2 ** 20).toFixed(0)} MiB in ${uploads} PDFs of 0.1–2 MiB (mean ${(uploadedBytes / uploads / 1024).toFixed(0)} KiB), ${(uploadedBytes / 2 ** 20 / report.seconds).toFixed(2)} MiB/s`);
  // The last interval is cut short by the end of the run (and holds the answers still in flight then): left out.
  const whole = report.answeredPerInterval.slice(0, Math.floor(SECONDS / INTERVAL_S));
  if (whole.length > 1) console.log(`requests answered per second, by ${INTERVAL_S} s interval: ${whole.map((n) => fmt(n / INTERVAL_S, 0)).join(', ')}`);
  printErrors(report);
  return { errors, conflicts };
}

function printErrors(report: RunReport): void {
  for (const [name, stats] of Object.entries(report.operations)) {
    for (const [kind, count] of Object.entries(stats.errors)) console.log(`  error: ${name}: ${kind} × ${count}`);
  }
}

type MemoryVerdict = 'flat' | 'growing' | 'too short';

function printMemory(monitor: MonitorReport): MemoryVerdict {
  const first = monitor.samples[0]!;
  const last = monitor.samples.at(-1)!;
  const gcMs = monitor.samples.reduce((sum, sample) => sum + sample.gcMs, 0);
  console.log(`\nServer thread event-loop delay during the load: p50 ${fmt(monitor.lag.p50)} ms, p99 ${fmt(monitor.lag.p99)} ms, max ${fmt(monitor.lag.max)} ms, mean ${fmt(monitor.lag.mean)} ms`);
  console.log(
    `Memory after a full collection of the server thread, every ${(SAMPLE_EVERY_MS / 1000).toFixed(1)} s (the collections took ${fmt(gcMs, 0)} ms in all, left out of the delay above; ` +
      'RSS is the whole process: the engine thread, whose database is in memory, and the extraction and load workers included):',
  );
  console.log(`  ${pad('s', 6)}${pad('RSS MiB', 10)}${pad('heap MiB', 10)}${pad('GC ms', 8)}`);
  for (const s of monitor.samples) console.log(`  ${pad(fmt(s.at), 6)}${pad(fmt(s.rssMiB, 0), 10)}${pad(fmt(s.heapUsedMiB), 10)}${pad(fmt(s.gcMs, 0), 8)}`);
  // The first and last samples are taken with no request in flight, so they compare like with like.
  console.log(
    `  idle before the load: RSS ${fmt(first.rssMiB, 0)} MiB, heap ${fmt(first.heapUsedMiB)} MiB; idle after it: RSS ${fmt(last.rssMiB, 0)} MiB, heap ${fmt(last.heapUsedMiB)} MiB ` +
      `(${last.heapUsedMiB >= first.heapUsedMiB ? '+' : ''}${fmt(last.heapUsedMiB - first.heapUsedMiB)} MiB)`,
  );
  const limit = first.heapUsedMiB * GROWTH_SHARE_PER_MINUTE;
  const verdict: MemoryVerdict =
    monitor.samples.length < TREND_MIN_SAMPLES ? 'too short' : monitor.heapTrend.slope > limit && monitor.heapTrend.r2 >= GROWTH_MIN_R2 ? 'growing' : 'flat';
  console.log(
    `  heap trend ${monitor.heapTrend.slope >= 0 ? '+' : ''}${fmt(monitor.heapTrend.slope, 2)} MiB/min (R² ${fmt(monitor.heapTrend.r2, 2)}); RSS trend ${monitor.rssTrend.slope >= 0 ? '+' : ''}${fmt(monitor.rssTrend.slope, 1)} MiB/min (R² ${fmt(monitor.rssTrend.r2, 2)})`,
  );
  const rule = `growth: over ${fmt(limit, 1)} MiB/min, ${GROWTH_SHARE_PER_MINUTE * 100} % of the start, with R² ≥ ${GROWTH_MIN_R2}, over at least ${TREND_MIN_SAMPLES} samples`;
  console.log(`  heap: ${verdict === 'growing' ? 'GROWTH TREND' : verdict === 'flat' ? 'no growth trend' : 'too few samples to tell (run longer)'} (${rule})`);
  return verdict;
}

async function main(): Promise<void> {
  const app = await openBenchApp('chemreg-bench-load-');
  let workers: Awaited<ReturnType<typeof startLoadWorkers<ClientInput, ClientResult>>> | undefined;
  try {
    console.log(`bench:load: ${CLIENTS} clients for ${SECONDS} s (after ${WARMUP_SECONDS} s of warm-up) on the embedded engine, ${cpus().length} CPUs`);
    console.log(`settings: ${app.settings.length === 0 ? 'chemreg\'s defaults' : `defaults but ${app.settings.join(', ')}`}`);
    let t0 = performance.now();
    await loadListsAndSettle(app.services);
    const lists = (performance.now() - t0) / 1000;
    const registry = await buildBulkRegistry(app.services, app.storage, {
      products: PRODUCTS, suppliers: SUPPLIERS, contracts: CONTRACTS, substancesPerProduct: 8, distinctSubstances: 2_000, listedShare: 0.08, findingShare: 0.9, seed: 0x10ad,
    });
    t0 = performance.now();
    await app.services.search.rebuild();
    console.log(
      `registry: shipped lists (${lists.toFixed(1)} s), ${registry.suppliers.length} suppliers, ${registry.contracts.length} contracts, ${registry.products.length} products with an SDS revision, ` +
        `${registry.findings.length} findings (${registry.seconds.toFixed(1)} s); search index ${((performance.now() - t0) / 1000).toFixed(1)} s`,
    );

    const { random, int, pick } = seededRandom(0x5eed);
    const tokens = {
      expert: (await app.services.tokens.create(SYSTEM_ACTOR, { name: 'bench expert', role: 'expert' })).token,
      procurement: (await app.services.tokens.create(SYSTEM_ACTOR, { name: 'bench procurement', role: 'procurement' })).token,
      suppliers: {} as Record<string, string>,
    };
    for (const s of registry.suppliers) tokens.suppliers[s.id] = (await app.services.tokens.create(SYSTEM_ACTOR, { name: `bench ${s.name}`, role: 'supplier', supplierId: s.id })).token;

    // Uploads go to products without findings; decisions to open findings of other products.
    const withFindings = new Set(registry.findings.map((f) => f.productId));
    const uploadProducts = registry.suppliers.flatMap((s) =>
      registry.products.filter((p) => p.supplierId === s.id && !withFindings.has(p.id)).slice(0, UPLOAD_PRODUCTS_PER_SUPPLIER).map((p) => ({ id: p.id, supplierId: p.supplierId })),
    );
    const open = registry.findings.filter((f) => f.status === 'open');
    for (let i = open.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [open[i], open[j]] = [open[j]!, open[i]!];
    }
    const decided = open.slice(0, DECIDED_FINDINGS);

    const nouns = CATEGORIES.flatMap((c) => c.nouns);
    const searches = Array.from({ length: 300 }, () => {
      const r = random();
      const product = pick(registry.products);
      if (r < 0.25) return queryString({ q: product.name.split(' ').slice(0, 3).join(' ') });
      if (r < 0.4) return queryString({ q: pick(nouns).slice(0, 3 + int(4)) });
      if (r < 0.5) return queryString({ q: product.article });
      if (r < 0.6) return queryString({ q: pick(registry.substances).cas });
      if (r < 0.7) return queryString({ q: pick(registry.substances).name });
      if (r < 0.78) return queryString({ q: pick(registry.suppliers).name.split(' ').slice(0, 2).join(' ') });
      if (r < 0.88) return queryString({ q: pick(nouns), clean: 'true', contractId: pick(registry.contracts).id });
      if (r < 0.95) return queryString({ category: pick(CATEGORIES).category });
      return queryString({ q: pick(BRANDS) });
    });
    const severities = ['red', 'orange', 'yellow', 'info'];
    const findingQueries = Array.from({ length: 200 }, () => {
      const r = random();
      if (r < 0.2) return queryString({ status: 'open', limit: 50 });
      if (r < 0.35) return queryString({ status: 'open,confirmed,substitution-requested', severity: pick(severities) });
      if (r < 0.5) return queryString({ contractId: pick(registry.contracts).id, status: 'open' });
      if (r < 0.65) return queryString({ supplierId: pick(registry.suppliers).id, limit: 20, offset: 20 * int(3) });
      if (r < 0.75) return queryString({ listId: pick(registry.findings).listId, severity: pick(severities) });
      if (r < 0.85) return queryString({ matchType: 'cas', status: 'confirmed' });
      if (r < 0.95) return queryString({ productId: pick(registry.findings).productId });
      return queryString({ severity: pick(severities), limit: 100 });
    });
    const supplierFindingQueries = [
      queryString({ status: 'open' }),
      queryString({ status: 'open,confirmed,substitution-requested', limit: 20 }),
      queryString({ severity: 'red' }),
      queryString({ status: 'confirmed', severity: 'orange' }),
    ];

    const baseUrl = await app.listen();
    const ready = await fetch(`${baseUrl}/ready`);
    if (ready.status !== 200) throw new Error(`/ready answered ${ready.status}`);
    await ready.arrayBuffer();

    const workerCount = CLIENTS >= 10 ? 2 : 1;
    const inputs: ClientInput[] = Array.from({ length: workerCount }, (_, w) => ({
      baseUrl, seed: 0xc11e + w, tokens, uploadProducts, searches, findingQueries, supplierFindingQueries,
      clients: Math.floor(CLIENTS / workerCount) + (w < CLIENTS % workerCount ? 1 : 0),
      // Each worker decides on its own findings, and knows their statuses from its own answers; its clients share them,
      // so two of them at times decide on one finding at once.
      findings: decided.filter((_, i) => i % workerCount === w).map((f) => ({ id: f.id, supplierId: f.supplierId })),
    }));
    workers = await startLoadWorkers<ClientInput, ClientResult>(new URL(import.meta.url), inputs);

    const warmup = await workers.run(WARMUP_SECONDS);
    const warmupReport = mergeReports(warmup.map((r) => r.report));
    const warmupErrors = Object.values(warmupReport.operations).reduce((s, o) => s + Object.values(o.errors).reduce((a, b) => a + b, 0), 0);
    console.log(`warm-up: ${WARMUP_SECONDS} s, ${Object.values(warmupReport.operations).reduce((s, o) => s + o.ok + o.conflicts, 0)} requests answered, ${warmupErrors} errors`);
    printErrors(warmupReport);

    if (SNAPSHOTS) console.log(`heap snapshot before the load: ${writeHeapSnapshot(join(SNAPSHOTS, 'before-load.heapsnapshot'))}`);
    const monitor = monitorServer(SAMPLE_EVERY_MS);
    const results = await workers.run(SECONDS);
    const memory = monitor.stop();
    if (SNAPSHOTS) console.log(`heap snapshot after the load: ${writeHeapSnapshot(join(SNAPSHOTS, 'after-load.heapsnapshot'))} (compare: npm run heap:diff)`);
    await workers.close();
    workers = undefined;
    await app.services.jobs.whenIdle();

    const report = mergeReports(results.map((r) => r.report));
    const uploads = [...warmup, ...results].flatMap((r) => r.uploads);
    const decisions = [...warmup, ...results].flatMap((r) => r.decisions);
    const measuredBytes = results.flatMap((r) => r.uploads).reduce((s, u) => s + u.size, 0);
    console.log(`\nLoad: ${CLIENTS} clients in ${workerCount} worker threads, ${fmt(report.seconds)} s`);
    const { errors } = printOperations(report, measuredBytes);
    console.log(`server log lines at error level (5xx, failed jobs): ${app.logLevels.get(50) ?? 0}`);
    for (const line of app.errorLogs.slice(0, 5)) console.log(`  ${line.slice(0, 300)}`);

    t0 = performance.now();
    const checked = await verify(app, baseUrl, tokens.expert, uploads, decisions, uploadProducts.map((p) => p.id));
    const lost = checked.uploadsLost.length + checked.decisionsLost.length;
    console.log(`\nAcknowledged writes, warm-up included, looked for after the load (${((performance.now() - t0) / 1000).toFixed(1)} s):`);
    console.log(`  uploads: ${checked.uploadsChecked} acknowledged, ${checked.uploadsLost.length} lost (revision missing or its bytes differ)`);
    console.log(`  decisions: ${checked.decisionsChecked} acknowledged on ${checked.findingsChecked} findings, ${checked.decisionsLost.length} lost (not in the finding's history)`);
    console.log(`  histories whose statuses do not chain: ${checked.brokenChains.length}`);
    for (const line of [...checked.uploadsLost, ...checked.decisionsLost, ...checked.brokenChains].slice(0, 10)) console.log(`    ${line}`);
    console.log(`  revisions stored without an acknowledged upload (its answer lost to a timeout or error): ${checked.storedNotAcknowledged.length}`);
    for (const line of checked.storedNotAcknowledged.slice(0, 5)) console.log(`    ${line}`);

    const memoryVerdict = printMemory(memory);
    console.log(
      `\nTargets: errors ${errors + warmupErrors === 0 ? '0: met' : `${errors + warmupErrors}: NOT MET`}; lost writes ${lost === 0 && checked.brokenChains.length === 0 ? '0: met' : `${lost}: NOT MET`}; ` +
        `memory ${memoryVerdict === 'flat' ? 'no growth trend: met' : memoryVerdict === 'growing' ? 'GROWTH TREND: NOT MET' : 'too few samples to tell'}`,
    );
  } finally {
    await workers?.close();
    await app.close();
  }
}

if (isMainThread) await main();
else await serveLoadWorker(setUpClients);
