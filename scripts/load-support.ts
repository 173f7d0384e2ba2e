// What the load benchmarks share: chemreg in this process on a temporary data directory of the embedded engine, a
// bulk-inserted registry a buyer would recognise, load clients in worker threads with per-operation statistics, and a
// monitor of the server's event loop and memory. Written for bench:load; bench:search builds the same app, registry
// and worker-thread load by hand and could use these instead.
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import { Writable } from 'node:stream';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { Types } from 'mongoose';
import { createApp } from '../src/app.js';
import { SYSTEM_ACTOR } from '../src/audit/audit.service.js';
import { parseConcentration } from '../src/chemistry/concentration.js';
import { loadConfig, type Config } from '../src/config.js';
import type { Contract } from '../src/contracts/contract.schema.js';
import { createListRepository } from '../src/lists/list.repository.js';
import { loadShippedLists } from '../src/lists/shipped.js';
import type { SdsRevision } from '../src/sds/sds.schema.js';
import { screeningFormOf } from '../src/sds/screening-form.js';
import { loadScreeningLists } from '../src/screening/screening.service.js';
import { createServices, type Services } from '../src/services.js';
import { createLogger, type Logger } from '../src/shared/logger.js';
import { openStorage, type Storage } from '../src/storage/connection.js';
import { swedishOrgNumber } from '../test/support/fixtures.js';
import { casNumbers, seededRandom } from './seeded-random.js';

// --- The app in this process ----------------------------------------------------------------------------------------

export interface BenchApp {
  dataDir: string;
  config: Config;
  logger: Logger;
  storage: Storage;
  services: Services;
  /** Settings that differ from chemreg's defaults (from the environment, see openBenchApp), as `NAME=value`. */
  settings: string[];
  /** Log lines the server wrote at error level (a 5xx answer, a failed background job), first 50 kept. */
  errorLogs: string[];
  /** How many lines were written per pino level (30 info, 40 warn, 50 error). */
  logLevels: Map<number, number>;
  /** The app (a new one unless given) listening on a free port of 127.0.0.1; answers its base URL. */
  listen(app?: ReturnType<typeof createApp>['express']): Promise<string>;
  /** Servers, services and storage closed, the data directory removed. */
  close(): Promise<void>;
}

/**
 * chemreg as `npm start` runs it (request logs at info level included, since writing them is part of a request's
 * cost), on the embedded engine in a fresh temporary directory. Other settings come from the environment as for
 * `npm start` (SDS_EXTRACT_WORKERS, SEARCH_CACHE_HITS, …), then from `env`; MONGODB_URI is ignored. The logs go to a
 * sink that only counts them, keeping the error lines for the report, so that the benchmark's console stays readable.
 */
export async function openBenchApp(prefix: string, env: Record<string, string> = {}): Promise<BenchApp> {
  const dataDir = await mkdtemp(join(tmpdir(), prefix));
  const errorLogs: string[] = [];
  const logLevels = new Map<number, number>();
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      for (const line of chunk.toString('utf8').split('\n')) {
        const level = Number(/"level":(\d+)/u.exec(line)?.[1] ?? 0);
        if (level === 0) continue;
        logLevels.set(level, (logLevels.get(level) ?? 0) + 1);
        if (level >= 50 && errorLogs.length < 50) errorLogs.push(line);
      }
      done();
    },
  });
  const servers: Server[] = [];
  let storage: Storage | undefined;
  let services: Services | undefined;
  const close = async (): Promise<void> => {
    for (const server of servers) server.closeAllConnections();
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    await services?.close();
    await storage?.close();
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    const { MONGODB_URI: _external, ...environment } = process.env;
    const fixed = { DATA_DIR: dataDir, LOG_LEVEL: 'info' };
    const config = loadConfig({ ...environment, ...fixed, ...env });
    const defaults = loadConfig(fixed);
    const settings = (Object.keys(config) as Array<keyof Config>).filter((k) => config[k] !== defaults[k]).map((k) => `${k}=${String(config[k])}`);
    const logger = createLogger(config, sink);
    storage = await openStorage(config);
    services = createServices(storage.connection, { config, logger });
    await services.prepare();
    const opened = { storage, services };
    return {
      dataDir, config, settings, logger, ...opened, errorLogs, logLevels, close,
      async listen(app = createApp({ config, storage: opened.storage, services: opened.services, logger }).express) {
        const server = app.listen(0, '127.0.0.1');
        servers.push(server);
        await new Promise((resolve) => server.once('listening', resolve));
        return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
      },
    };
  } catch (err) {
    await close();
    throw err;
  }
}

// --- A registry a buyer would recognise -----------------------------------------------------------------------------

export const CATEGORIES: ReadonlyArray<{ category: string; kind: 'mixture' | 'article'; nouns: readonly string[] }> = [
  { category: 'cleaning chemicals', kind: 'mixture', nouns: ['Golvrent', 'Allrent', 'Sanitetsrent', 'Avfettning', 'Fönsterputs', 'Diskmedel', 'Grovrent'] },
  { category: 'disinfectants', kind: 'mixture', nouns: ['Handdesinfektion', 'Ytdesinfektion', 'Desinfektionsservett', 'Klorin', 'Spritlösning'] },
  { category: 'disposable gloves', kind: 'article', nouns: ['Nitrilhandske', 'Vinylhandske', 'Latexhandske', 'Undersökningshandske', 'Skyddshandske'] },
  { category: 'paints', kind: 'mixture', nouns: ['Väggfärg', 'Takfärg', 'Lackfärg', 'Grundfärg', 'Fasadfärg', 'Golvlack'] },
  { category: 'adhesives', kind: 'mixture', nouns: ['Kakelfix', 'Montagelim', 'Trälim', 'Fogmassa', 'Kontaktlim', 'Silikon'] },
  { category: 'lubricants', kind: 'mixture', nouns: ['Smörjolja', 'Kedjeolja', 'Universalspray', 'Silikonspray', 'Hydraulolja'] },
  { category: 'medical devices', kind: 'article', nouns: ['Infusionsaggregat', 'Kateter', 'Sugslang', 'Förband', 'Kompress', 'Sprutor'] },
  { category: 'toys', kind: 'article', nouns: ['Byggklossar', 'Docka', 'Badleksak', 'Sandlåda', 'Pussel', 'Mjukdjur'] },
  { category: 'textiles', kind: 'article', nouns: ['Arbetsbyxa', 'Skyddsrock', 'Patientskjorta', 'Handduk', 'Lakan', 'Regnjacka'] },
  { category: 'cables', kind: 'article', nouns: ['Laddkabel', 'Förlängningssladd', 'Nätverkskabel', 'Grenuttag', 'HDMI-kabel'] },
];
export const BRANDS = ['Nordex', 'Kemab', 'Solvia', 'Renova', 'Hygiena', 'Medicor', 'Plastcraft', 'Lekia', 'Textilum', 'Elflex', 'Bioclean', 'Tekno'];
export const VARIANTS = ['Neutral', 'Extra', 'Parfymfri', 'Pro', 'Blå', 'Svart', 'Vit', 'Storpack', 'Mini', 'Plus', 'Eko', 'Original'];
export const SIZES = ['1 l', '5 l', '10 l', '500 ml', '100 st', '200 st', 'S', 'M', 'L', 'XL', '2 m', '5 m'];
export const WORDS = ['methyl', 'ethyl', 'butyl', 'octyl', 'dodecyl', 'phenyl', 'benzyl', 'chloro', 'hydroxy', 'amino', 'ethoxy', 'glycidyl', 'lauryl'];
export const CORES = ['acetate', 'glycol', 'ether', 'amine', 'sulfonate', 'siloxane', 'phosphate', 'citrate', 'oleate', 'glucoside', 'alcohol', 'oxide'];
export const CONCENTRATIONS = ['≥10 – <25 %', '1 - 5 %', '< 0,1 %', '0,05 %', '30 %', '0,1-1', '5 – 10 %', '≥ 0,1 - < 1 %', '< 1 %'];
export const SEVERITY_MIX = ['red', 'orange', 'orange', 'yellow', 'yellow', 'info'] as const;

type SubstanceFact = SdsRevision['facts']['substances'][number];

export interface BulkRegistryOptions {
  products: number;
  suppliers: number;
  contracts: number;
  substancesPerProduct: number;
  /** Distinct substances the products' section 3 draw from. */
  distinctSubstances: number;
  /** Share of substances carrying the CAS of a listed substance. */
  listedShare: number;
  /** Share of products with a listed substance that get a finding on it. */
  findingShare: number;
  seed: number;
  insertChunk?: number;
}

export interface BulkRegistry {
  suppliers: Array<{ id: string; name: string }>;
  contracts: Contract[];
  products: Array<{ id: string; supplierId: string; name: string; article: string; category: string; contractIds: string[] }>;
  findings: Array<{ id: string; productId: string; supplierId: string; listId: string; severity: string; status: 'open' | 'dismissed' }>;
  /** Every substance drawn from, with the list entry whose CAS it carries, if any. */
  substances: Array<{ name: string; cas: string; listedName: string | null }>;
  listIds: string[];
  seconds: number;
}

/**
 * Suppliers and contracts through the services; products, one extracted SDS revision each and findings bulk-inserted
 * (screening and uploads are what other benchmarks measure, and would make a large registry take hours). The shipped
 * lists must be loaded first: findings point at their entries. The SDS revisions have no stored file.
 */
export async function buildBulkRegistry(services: Services, storage: Storage, options: BulkRegistryOptions): Promise<BulkRegistry> {
  const started = performance.now();
  const { random, int, pick, chance } = seededRandom(options.seed);
  const newCas = casNumbers(int);
  const connection = storage.connection;
  const lists = await loadScreeningLists(createListRepository(connection));
  const listed = lists.flatMap((l) => l.entries.filter((e) => e.cas.length === 1 && e.name.length < 80).map((e) => ({ list: l, entry: e, cas: e.cas[0]! })));

  const substances: Array<{ name: string; cas: string; listed: (typeof listed)[number] | null }> = [];
  for (let i = 0; i < options.distinctSubstances; i++) {
    const name = `${pick(WORDS)}${pick(['', ' ', '-'])}${pick(WORDS)} ${pick(CORES)}`;
    const hit = listed.length > 0 && chance(options.listedShare) ? pick(listed) : null;
    substances.push({ name, cas: hit ? hit.cas : newCas(), listed: hit });
  }
  const substanceFact = (name: string, cas: string): SubstanceFact => {
    const concentration = parseConcentration(pick(CONCENTRATIONS));
    return {
      name, cas: { printed: cas, value: cas, valid: true }, ec: null, indexNumber: null, reachRegistration: null, concentration,
      hazardCodes: [], confidence: 0.9, evidence: { page: 2, quote: `${name} ${cas} ${concentration.text}` },
    };
  };

  const suppliers: BulkRegistry['suppliers'] = [];
  for (let i = 0; i < options.suppliers; i++) {
    const name = `${pick(BRANDS)} ${pick(['Kemi', 'Hygien', 'Medical', 'Plast', 'Textil', 'El', 'Nordic', 'Sverige'])} ${i} AB`;
    suppliers.push({ id: (await services.suppliers.create(SYSTEM_ACTOR, { name, orgNumber: swedishOrgNumber(), country: 'SE', contacts: [] })).id, name });
  }
  const contracts: Contract[] = [];
  for (let i = 0; i < options.contracts; i++) {
    const { category } = CATEGORIES[i % CATEGORIES.length]!;
    contracts.push(
      await services.contracts.create(SYSTEM_ACTOR, {
        number: `RS-2026-${String(i).padStart(4, '0')}`, title: `Ramavtal ${category}`, buyer: 'Region Exempel',
        supplierIds: suppliers.filter((_, j) => j % options.contracts === i).map((s) => s.id), validFrom: '2026-01-01', validTo: '2029-12-31',
        category, requirementProfile: { lists: [], clauses: [] },
      }),
    );
  }
  await services.jobs.whenIdle();

  const Products = connection.model('Product');
  const Revisions = connection.model('SdsRevision');
  const Findings = connection.model('Finding');
  const now = new Date();
  const products: BulkRegistry['products'] = [];
  const findings: BulkRegistry['findings'] = [];
  const chunk = options.insertChunk ?? 5_000;
  for (let start = 0; start < options.products; start += chunk) {
    const productDocs = [];
    const revisionDocs = [];
    const findingDocs = [];
    for (let i = start; i < Math.min(options.products, start + chunk); i++) {
      const supplierIndex = i % options.suppliers;
      const supplierId = suppliers[supplierIndex]!.id;
      const { category, kind, nouns } = pick(CATEGORIES);
      const _id = new Types.ObjectId();
      const productId = _id.toHexString();
      const name = `${pick(BRANDS)} ${pick(nouns)} ${pick(VARIANTS)} ${pick(SIZES)}`;
      const article = `${name.slice(0, 2).toUpperCase()}-${10_000 + i}`;
      const contractIds = options.contracts > 0 && chance(0.6) ? [contracts[supplierIndex % options.contracts]!.id] : [];
      products.push({ id: productId, supplierId, name, article, category, contractIds });
      productDocs.push({
        _id, supplierId, name, ...(chance(0.3) ? { tradeName: `${pick(BRANDS)} ${pick(VARIANTS)}` } : {}), kind, category, contractIds,
        supplierArticleNumbers: [article], buyerArticleNumbers: chance(0.3) ? [`K${100_000 + i}`] : [], createdAt: now, updatedAt: now,
      });
      const drawn = Array.from({ length: options.substancesPerProduct }, () => pick(substances));
      const facts = drawn.map((s) => substanceFact(s.name, s.cas));
      revisionDocs.push({
        productId, supplierId, revisionNumber: 1, status: 'extracted', fileId: new Types.ObjectId(), fileName: `sdb-${i}.pdf`, size: 40_000,
        sha256: productId.padEnd(64, '0'), uploadedAt: now, uploadedBy: { tokenId: 'bench', tokenName: 'bench', role: 'admin' }, extractorVersion: '1',
        summary: { productName: name }, facts: { substances: facts }, screening: screeningFormOf(facts),
      });
      const seen = new Set<string>();
      for (const hit of drawn) {
        if (!hit.listed || seen.has(hit.cas) || !chance(options.findingShare)) continue;
        seen.add(hit.cas);
        const { list, entry } = hit.listed;
        const findingId = new Types.ObjectId();
        const severity = pick(SEVERITY_MIX);
        const status = random() < 0.9 ? 'open' : 'dismissed';
        findings.push({ id: findingId.toHexString(), productId, supplierId, listId: list.listId, severity, status });
        findingDocs.push({
          _id: findingId, key: `${productId}|${list.listId}|${entry.key}|cas:${hit.cas}`, evidenceDigest: 'bench', factsDigest: 'bench', lastAction: 'raised',
          productId, supplierId, contractIds, substance: { key: `cas:${hit.cas}`, name: hit.name, cas: hit.cas, ec: null, concentration: '1 - 5 %' },
          list: { id: list.listId, name: list.name, versionId: list.versionId, version: list.version, entryKey: entry.key, entryName: entry.name },
          matchType: 'cas', certainty: 'exact', score: 1, matchedOn: hit.cas, limit: { percent: 0.1, inclusive: false, source: 'regulation', reference: null },
          concentrationTest: 'exceeds', severity, severityReason: 'bench', evidence: null, status, exceptionUntil: null,
          history: [], createdAt: now, updatedAt: now,
        });
      }
    }
    await Products.insertMany(productDocs, { lean: true });
    await Revisions.insertMany(revisionDocs, { lean: true });
    if (findingDocs.length > 0) await Findings.insertMany(findingDocs, { lean: true });
  }
  return {
    suppliers, contracts, products, findings,
    substances: substances.map((s) => ({ name: s.name, cas: s.cas, listedName: s.listed?.entry.name ?? null })),
    listIds: lists.map((l) => l.listId),
    seconds: (performance.now() - started) / 1000,
  };
}

/** The shipped lists, as a fresh install loads them, with the re-screens they queue finished. */
export async function loadListsAndSettle(services: Services): Promise<void> {
  await loadShippedLists(services.lists);
  await services.jobs.whenIdle();
}

// --- Statistics -----------------------------------------------------------------------------------------------------

/** The value below which a share q of `sorted` (ascending) lies: nearest rank. */
export function percentile(sorted: readonly number[], q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]!;
}

/** Least-squares line through the points, with the share of the variance it explains (R²). */
export function linearTrend(points: ReadonlyArray<readonly [number, number]>): { slope: number; r2: number } {
  const n = points.length;
  if (n < 2) return { slope: 0, r2: 0 };
  const mx = points.reduce((s, [x]) => s + x, 0) / n;
  const my = points.reduce((s, [, y]) => s + y, 0) / n;
  let sxx = 0;
  let sxy = 0;
  let syy = 0;
  for (const [x, y] of points) {
    sxx += (x - mx) ** 2;
    sxy += (x - mx) * (y - my);
    syy += (y - my) ** 2;
  }
  if (sxx === 0) return { slope: 0, r2: 0 };
  const slope = sxy / sxx;
  return { slope, r2: syy === 0 ? 0 : (sxy * sxy) / (sxx * syy) };
}

/** `work` over every item with at most `limit` in flight; the answers in the items' order. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const i = next++;
      out[i] = await work(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

// --- Load clients in worker threads ---------------------------------------------------------------------------------

/** How one request ended: answered as hoped, an expected conflict (a 409 the workload provokes), or an error. */
export type Outcome = 'ok' | 'conflict' | { error: string };

export interface OperationStats {
  /** Latency in ms of every request that was answered as hoped or with an expected conflict. */
  latencies: number[];
  ok: number;
  conflicts: number;
  /** Errors by kind (`503 STORAGE_UNAVAILABLE`, `timeout`, …). */
  errors: Record<string, number>;
}

export interface RunReport {
  /** Wall time from the first request to the last answer, in seconds. */
  seconds: number;
  operations: Record<string, OperationStats>;
  /** Requests answered (as hoped or with an expected conflict) in each interval of INTERVAL_S from the start. */
  answeredPerInterval: number[];
}

/** Length of the intervals a run's throughput is counted in, to show whether it holds through the run. */
export const INTERVAL_S = 10;

export interface Recorder {
  /**
   * Runs one request, timed. `request` gets an abort signal that fires at the request timeout (an error of kind
   * `timeout`); a thrown error counts as an error of its message's kind.
   */
  measure(operation: string, request: (signal: AbortSignal) => Promise<Outcome>): Promise<Outcome>;
}

/**
 * `clients` concurrent clients, each repeating `step` until `seconds` have passed; requests in flight then finish (or
 * time out), so that every answer counts. Runs in a load worker.
 */
export async function runClients(options: { clients: number; seconds: number; timeoutMs: number; step: (client: number, recorder: Recorder) => Promise<void> }): Promise<RunReport> {
  const operations: Record<string, OperationStats> = {};
  const answeredPerInterval: number[] = [];
  const runStarted = performance.now();
  const recorder: Recorder = {
    async measure(operation, request) {
      const stats = (operations[operation] ??= { latencies: [], ok: 0, conflicts: 0, errors: {} });
      const started = performance.now();
      let outcome: Outcome;
      try {
        outcome = await request(AbortSignal.timeout(options.timeoutMs));
      } catch (err) {
        const name = (err as Error).name;
        outcome = { error: name === 'TimeoutError' || name === 'AbortError' ? 'timeout' : `${name}: ${(err as Error).message}` };
      }
      const elapsed = performance.now() - started;
      if (outcome === 'ok' || outcome === 'conflict') {
        const interval = Math.floor((performance.now() - runStarted) / 1000 / INTERVAL_S);
        answeredPerInterval[interval] = (answeredPerInterval[interval] ?? 0) + 1;
        stats.latencies.push(elapsed);
        if (outcome === 'ok') stats.ok++;
        else stats.conflicts++;
      } else {
        stats.errors[outcome.error] = (stats.errors[outcome.error] ?? 0) + 1;
      }
      return outcome;
    },
  };
  const deadline = runStarted + options.seconds * 1000;
  await Promise.all(
    Array.from({ length: options.clients }, async (_, client) => {
      while (performance.now() < deadline) await options.step(client, recorder);
    }),
  );
  return { seconds: (performance.now() - runStarted) / 1000, operations, answeredPerInterval: Array.from(answeredPerInterval, (n) => n ?? 0) };
}

/** Per-operation statistics of several runs (workers) as one. */
export function mergeReports(reports: readonly RunReport[]): RunReport {
  const operations: Record<string, OperationStats> = {};
  const answeredPerInterval: number[] = [];
  for (const report of reports) {
    report.answeredPerInterval.forEach((n, i) => (answeredPerInterval[i] = (answeredPerInterval[i] ?? 0) + n));
    for (const [name, stats] of Object.entries(report.operations)) {
      const into = (operations[name] ??= { latencies: [], ok: 0, conflicts: 0, errors: {} });
      into.latencies.push(...stats.latencies);
      into.ok += stats.ok;
      into.conflicts += stats.conflicts;
      for (const [kind, count] of Object.entries(stats.errors)) into.errors[kind] = (into.errors[kind] ?? 0) + count;
    }
  }
  return { seconds: Math.max(0, ...reports.map((r) => r.seconds)), operations, answeredPerInterval: Array.from(answeredPerInterval, (n) => n ?? 0) };
}

type ToWorker = { type: 'run'; seconds: number };
type FromWorker<R> = { type: 'ready' } | { type: 'done'; result: R } | { type: 'failed'; message: string };

// Worker threads do not inherit tsx's loader hooks for their entry: src/sds/worker-bootstrap.js registers tsx and then
// imports the TypeScript entry named in workerData.entry, as the extraction pool does.
const BOOTSTRAP = new URL('../src/sds/worker-bootstrap.js', import.meta.url);

/** The input a load worker was started with (see startLoadWorkers); only inside a load worker. */
export function loadWorkerInput<I>(): I | undefined {
  return isMainThread ? undefined : ((workerData as { input?: I }).input);
}

/** What a load worker does when asked to run: the load, for that many seconds, and its result. */
export type LoadRun<R> = (seconds: number) => Promise<R>;

/**
 * The worker's side of startLoadWorkers: `setup` runs once with the worker's input (building what the clients need);
 * then each `run` request runs `run(seconds)` and posts its result. Call it at the top level of the entry module.
 */
export async function serveLoadWorker<I, R>(setup: (input: I) => LoadRun<R> | Promise<LoadRun<R>>): Promise<void> {
  const port = parentPort;
  const input = loadWorkerInput<I>();
  if (!port || input === undefined) throw new Error('serveLoadWorker: not in a load worker');
  const post = (message: FromWorker<R>): void => port.postMessage(message);
  try {
    const run = await setup(input);
    port.on('message', (message: ToWorker) => {
      run(message.seconds).then(
        (result) => post({ type: 'done', result }),
        (err: unknown) => post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
      );
    });
    post({ type: 'ready' });
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? (err.stack ?? err.message) : String(err) });
  }
}

export interface LoadWorkers<R> {
  /** Every worker runs for `seconds`; their results in the inputs' order. */
  run(seconds: number): Promise<R[]>;
  close(): Promise<void>;
}

/**
 * One worker thread per input, each running `entry` (a module that calls serveLoadWorker when it is not the main
 * thread). The load then has event loops of its own, on other cores than the server's when there are any, and does
 * not share the server's event loop. Resolves when every worker is set up.
 */
export async function startLoadWorkers<I, R>(entry: URL, inputs: readonly I[]): Promise<LoadWorkers<R>> {
  const workers = inputs.map((input) => new Worker(BOOTSTRAP, { workerData: { entry: entry.href, input }, execArgv: [] }));
  const next = (worker: Worker): Promise<FromWorker<R>> =>
    new Promise((resolve, reject) => {
      const onMessage = (message: FromWorker<R>): void => {
        worker.off('error', onError);
        worker.off('exit', onExit);
        if (message.type === 'failed') reject(new Error(`load worker: ${message.message}`));
        else resolve(message);
      };
      const onError = (err: Error): void => {
        worker.off('message', onMessage);
        worker.off('exit', onExit);
        reject(err);
      };
      const onExit = (code: number): void => {
        worker.off('message', onMessage);
        worker.off('error', onError);
        reject(new Error(`load worker exited with code ${code}`));
      };
      worker.once('message', onMessage);
      worker.once('error', onError);
      worker.once('exit', onExit);
    });
  const close = async (): Promise<void> => {
    await Promise.all(workers.map((w) => w.terminate()));
  };
  try {
    await Promise.all(workers.map(next));
  } catch (err) {
    await close();
    throw err;
  }
  return {
    async run(seconds) {
      const answers = workers.map(next);
      for (const worker of workers) worker.postMessage({ type: 'run', seconds } satisfies ToWorker);
      return (await Promise.all(answers)).map((answer) => {
        if (answer.type !== 'done') throw new Error(`load worker answered ${answer.type}`);
        return answer.result;
      });
    },
    close,
  };
}

// --- The server's event loop and memory -----------------------------------------------------------------------------

/** A full garbage collection of this thread's heap: global.gc with --expose-gc, else the flag is set now. */
function fullGc(): () => void {
  const exposed = (globalThis as { gc?: () => void }).gc;
  if (exposed) return exposed;
  // V8 lets the flag be set at run time; `gc` is then defined in contexts created afterwards, and collects the
  // whole isolate, this thread's heap included.
  setFlagsFromString('--expose-gc');
  return runInNewContext('gc') as () => void;
}

export interface MemorySample {
  /** Seconds since the monitor started. */
  at: number;
  rssMiB: number;
  heapUsedMiB: number;
  /** How long the collection before the sample took, in ms. */
  gcMs: number;
}

export interface MonitorReport {
  /** Event-loop delay of this thread while monitored, in ms (forced collections left out). */
  lag: { p50: number; p99: number; max: number; mean: number };
  samples: MemorySample[];
  /** Heap used after each collection: MiB per minute, and R² of the line. */
  heapTrend: { slope: number; r2: number };
  rssTrend: { slope: number; r2: number };
}

const MiB = 2 ** 20;

/**
 * Memory of this process after a full collection of this thread's heap. RSS is the whole process: the engine's
 * thread (which holds the database in memory), the extraction and load workers included.
 */
export function memoryNow(gc = fullGc()): { rssMiB: number; heapUsedMiB: number; gcMs: number } {
  const started = performance.now();
  gc();
  const gcMs = performance.now() - started;
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMiB: rss / MiB, heapUsedMiB: heapUsed / MiB, gcMs };
}

/**
 * Watches this thread (the server's) from now on: event-loop delay, and memory every `everyMs` after a full
 * collection. The delay histogram is paused around each forced collection, which would otherwise show as lag that
 * the load did not cause; the collection's time is reported with the sample instead.
 */
export function monitorServer(everyMs: number): { stop(): MonitorReport } {
  const gc = fullGc();
  const histogram = monitorEventLoopDelay({ resolution: 10 });
  const started = performance.now();
  const samples: MemorySample[] = [];
  const sample = (): void => {
    histogram.disable();
    samples.push({ at: (performance.now() - started) / 1000, ...memoryNow(gc) });
    histogram.enable();
  };
  sample();
  const timer = setInterval(sample, everyMs);
  return {
    stop() {
      clearInterval(timer);
      sample();
      histogram.disable();
      const ms = (ns: number): number => ns / 1e6;
      const perMinute = (trend: { slope: number; r2: number }) => ({ slope: trend.slope * 60, r2: trend.r2 });
      return {
        lag: { p50: ms(histogram.percentile(50)), p99: ms(histogram.percentile(99)), max: ms(histogram.max), mean: ms(histogram.mean) },
        samples,
        heapTrend: perMinute(linearTrend(samples.map((s) => [s.at, s.heapUsedMiB] as const))),
        rssTrend: perMinute(linearTrend(samples.map((s) => [s.at, s.rssMiB] as const))),
      };
    },
  };
}
