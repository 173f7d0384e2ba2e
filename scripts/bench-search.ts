// Benchmark of the procurement search under concurrent load (npm run bench:search; issue 7 "Search").
//
// On the embedded engine in a temporary data directory: the shipped lists (their names are the synonyms search finds),
// 200 suppliers, 10 contracts and 100,000 products in ten procurement categories, each with one SDS revision declaring
// 8 substances drawn from a seeded registry of 20,000 (some with the CAS of a listed substance), and an open finding on
// about one product in five. Products, revisions and findings are bulk-inserted (screening is bench:screen's subject).
// The HTTP server runs in this process as `npm start` runs it; autocannon runs in a worker thread, so that the load it
// generates does not share the server's event loop. Both use the machine's cores: this is a whole-machine figure.
//
// Printed, in one run:
//  1. how long the index takes to build over the registry (what a restart costs before the first search answers);
//  2. GET /health under 50 connections: the ceiling of the HTTP stack on this machine;
//  3. GET /api/v1/search under 50 connections with a mixed query set (names, prefixes as typed, typos, article and
//     CAS numbers, substance names and list synonyms, supplier names, filters, broad words): p50/p95/p99 latency and
//     throughput. Targets: p95 ≤ 50 ms, throughput ≥ 30 % of the /health ceiling.
//  4. the same with the answer cache off (SEARCH_CACHE_HITS=0): what computing every search costs.
// PRODUCTS=n runs a smaller registry; LOAD_SECONDS=n changes how long each load runs (default 20).
import { mkdtemp, rm } from 'node:fs/promises';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { Types } from 'mongoose';
import { createApp } from '../src/app.js';
import { SYSTEM_ACTOR } from '../src/audit/audit.service.js';
import { parseConcentration } from '../src/chemistry/concentration.js';
import { loadConfig } from '../src/config.js';
import type { Contract } from '../src/contracts/contract.schema.js';
import { createListRepository } from '../src/lists/list.repository.js';
import { loadShippedLists } from '../src/lists/shipped.js';
import type { SdsRevision } from '../src/sds/sds.schema.js';
import { screeningFormOf } from '../src/sds/screening-form.js';
import { loadScreeningLists } from '../src/screening/screening.service.js';
import { createServices } from '../src/services.js';
import { createLogger } from '../src/shared/logger.js';
import { openStorage } from '../src/storage/connection.js';
import { swedishOrgNumber } from '../test/support/fixtures.js';
import { BRANDS, CATEGORIES, CONCENTRATIONS, CORES, SEVERITY_MIX, SIZES, VARIANTS, WORDS } from './load-support.js';
import { casNumbers, seededRandom } from './seeded-random.js';

const PRODUCTS = Number(process.env.PRODUCTS ?? 100_000);
const SECONDS = Number(process.env.LOAD_SECONDS ?? 20);
const CONNECTIONS = 50;
const SUBSTANCES_PER_PRODUCT = 8;
const DISTINCT_SUBSTANCES = 20_000;
const SUPPLIERS = 200;
const CONTRACTS = 10;
const INSERT_CHUNK = 5_000;
const P95_TARGET_MS = 50;
const SHARE_TARGET = 0.3;

const { random, int, pick, chance } = seededRandom(0x5ea7c4);

type SubstanceFact = SdsRevision['facts']['substances'][number];

// The registry's vocabulary is bench:load's (load-support.ts), so that both benchmarks describe the same registry.

const newCas = casNumbers(int);

function substanceFact(name: string, cas: string): SubstanceFact {
  const concentration = parseConcentration(pick(CONCENTRATIONS));
  return {
    name, cas: { printed: cas, value: cas, valid: true }, ec: null, indexNumber: null, reachRegistration: null, concentration,
    hazardCodes: [], confidence: 0.9, evidence: { page: 2, quote: `${name} ${cas} ${concentration.text}` },
  };
}

const ms = (value: number): string => `${value.toFixed(1)} ms`;

interface LoadResult {
  requests: number;
  seconds: number;
  perSecond: number;
  non2xx: number;
  errors: number;
  p50: number;
  p95: number;
  p99: number;
}

// autocannon in a worker thread: its own event loop on another core. Every response's latency is kept, for p95
// (autocannon's summary has p90 and p97.5 but no p95). The request paths cycle across all connections.
const LOAD_WORKER = `
const { parentPort, workerData } = require('node:worker_threads');
const autocannon = require('autocannon');
const { url, paths, token, connections, seconds } = workerData;
const latencies = [];
let next = 0;
const instance = autocannon({
  url, connections, duration: seconds,
  headers: token ? { authorization: 'Bearer ' + token } : {},
  requests: [{ setupRequest: (req) => ({ ...req, path: paths[next++ % paths.length] }) }],
}, (err, result) => {
  if (err) { parentPort.postMessage({ error: String(err) }); return; }
  latencies.sort((a, b) => a - b);
  const at = (q) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? 0;
  parentPort.postMessage({
    requests: latencies.length, seconds: result.duration, perSecond: latencies.length / result.duration,
    non2xx: result.non2xx, errors: result.errors + result.timeouts, p50: at(0.5), p95: at(0.95), p99: at(0.99),
  });
});
instance.on('response', (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
`;

function load(url: string, paths: string[], token: string | null, seconds: number): Promise<LoadResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(LOAD_WORKER, { eval: true, workerData: { url, paths, token, connections: CONNECTIONS, seconds } });
    worker.once('message', (m: LoadResult | { error: string }) => {
      void worker.terminate();
      if ('error' in m) reject(new Error(m.error));
      else resolve(m);
    });
    worker.once('error', reject);
  });
}

async function main(): Promise<void> {
  const dataDir = await mkdtemp(join(tmpdir(), 'chemreg-bench-search-'));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'warn' });
  const logger = createLogger(config);
  const storage = await openStorage(config);
  const services = createServices(storage.connection, { config, logger });
  const servers: Server[] = [];
  const listen = async (app: ReturnType<typeof createApp>['express']): Promise<string> => {
    const server = app.listen(0, '127.0.0.1');
    servers.push(server);
    await new Promise((resolve) => server.once('listening', resolve));
    return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  };
  try {
    await services.prepare();
    const connection = storage.connection;

    // --- Lists, suppliers, contracts --------------------------------------------------------------------------------
    let t0 = performance.now();
    await loadShippedLists(services.lists);
    const lists = await loadScreeningLists(createListRepository(connection));
    const listed = lists.flatMap((l) => l.entries.filter((e) => e.cas.length === 1 && e.name.length < 80).map((e) => ({ list: l, entry: e, cas: e.cas[0]! })));

    const registry: Array<{ name: string; cas: string; listed: (typeof listed)[number] | null }> = [];
    for (let i = 0; i < DISTINCT_SUBSTANCES; i++) {
      const name = `${pick(WORDS)}${pick(['', ' ', '-'])}${pick(WORDS)} ${pick(CORES)}`;
      const hit = chance(0.08) ? pick(listed) : null;
      registry.push({ name, cas: hit ? hit.cas : newCas(), listed: hit });
    }
    const supplierIds: string[] = [];
    const supplierNames: string[] = [];
    for (let i = 0; i < SUPPLIERS; i++) {
      const name = `${pick(BRANDS)} ${pick(['Kemi', 'Hygien', 'Medical', 'Plast', 'Textil', 'El', 'Nordic', 'Sverige'])} ${i} AB`;
      supplierNames.push(name);
      supplierIds.push((await services.suppliers.create(SYSTEM_ACTOR, { name, orgNumber: swedishOrgNumber(), country: 'SE', contacts: [] })).id);
    }
    const contracts: Contract[] = [];
    for (let i = 0; i < CONTRACTS; i++) {
      contracts.push(
        await services.contracts.create(SYSTEM_ACTOR, {
          number: `RS-2026-${String(i).padStart(4, '0')}`, title: `Ramavtal ${CATEGORIES[i % CATEGORIES.length]!.category}`, buyer: 'Region Exempel',
          supplierIds: supplierIds.filter((_, j) => j % CONTRACTS === i), validFrom: '2026-01-01', validTo: '2029-12-31',
          category: CATEGORIES[i % CATEGORIES.length]!.category, requirementProfile: { lists: [], clauses: [] },
        }),
      );
    }
    await services.jobs.whenIdle();

    // --- Products, SDS revisions and findings -----------------------------------------------------------------------
    const Products = connection.model('Product');
    const Revisions = connection.model('SdsRevision');
    const Findings = connection.model('Finding');
    const now = new Date();
    const productNames: string[] = [];
    const articleNumbers: string[] = [];
    let findingCount = 0;
    for (let start = 0; start < PRODUCTS; start += INSERT_CHUNK) {
      const products = [];
      const revisions = [];
      const findings = [];
      for (let i = start; i < Math.min(PRODUCTS, start + INSERT_CHUNK); i++) {
        const supplierIndex = i % SUPPLIERS;
        const supplierId = supplierIds[supplierIndex]!;
        const { category, kind, nouns } = CATEGORIES[int(CATEGORIES.length)]!;
        const _id = new Types.ObjectId();
        const productId = _id.toHexString();
        const name = `${pick(BRANDS)} ${pick(nouns)} ${pick(VARIANTS)} ${pick(SIZES)}`;
        const article = `${name.slice(0, 2).toUpperCase()}-${10_000 + i}`;
        if (i % 97 === 0) {
          productNames.push(name);
          articleNumbers.push(article);
        }
        const contractIds = chance(0.6) ? [contracts[supplierIndex % CONTRACTS]!.id] : [];
        products.push({
          _id, supplierId, name, ...(chance(0.3) ? { tradeName: `${pick(BRANDS)} ${pick(VARIANTS)}` } : {}), kind, category, contractIds,
          supplierArticleNumbers: [article], buyerArticleNumbers: chance(0.3) ? [`K${100_000 + i}`] : [], createdAt: now, updatedAt: now,
        });
        const drawn = Array.from({ length: SUBSTANCES_PER_PRODUCT }, () => pick(registry));
        const substances = drawn.map((s) => substanceFact(s.name, s.cas));
        revisions.push({
          productId, supplierId, revisionNumber: 1, status: 'extracted', fileId: new Types.ObjectId(), fileName: `sdb-${i}.pdf`, size: 40_000,
          sha256: productId.padEnd(64, '0'), uploadedAt: now, uploadedBy: { tokenId: 'bench', tokenName: 'bench', role: 'admin' }, extractorVersion: '1',
          summary: { productName: name }, facts: { substances }, screening: screeningFormOf(substances),
        });
        const hit = drawn.find((s) => s.listed !== null);
        if (hit?.listed && chance(0.9)) {
          const severity = pick(SEVERITY_MIX);
          const { list, entry } = hit.listed;
          findings.push({
            key: `${productId}|${list.listId}|${entry.key}|cas:${hit.cas}`, evidenceDigest: 'bench', factsDigest: 'bench', lastAction: 'raised',
            productId, supplierId, contractIds, substance: { key: `cas:${hit.cas}`, name: hit.name, cas: hit.cas, ec: null, concentration: '1 - 5 %' },
            list: { id: list.listId, name: list.name, versionId: list.versionId, version: list.version, entryKey: entry.key, entryName: entry.name },
            matchType: 'cas', certainty: 'exact', score: 1, matchedOn: hit.cas, limit: { percent: 0.1, inclusive: false, source: 'regulation', reference: null },
            concentrationTest: 'exceeds', severity, severityReason: 'bench', evidence: null, status: chance(0.9) ? 'open' : 'dismissed', exceptionUntil: null,
            history: [], createdAt: now, updatedAt: now,
          });
        }
      }
      await Products.insertMany(products, { lean: true });
      await Revisions.insertMany(revisions, { lean: true });
      if (findings.length > 0) await Findings.insertMany(findings, { lean: true });
      findingCount += findings.length;
    }
    console.log(`registry: ${PRODUCTS} products × ${SUBSTANCES_PER_PRODUCT} substances, ${findingCount} findings, ${SUPPLIERS} suppliers, ${CONTRACTS} contracts, ${lists.length} lists (${((performance.now() - t0) / 1000).toFixed(1)} s to build)`);

    // --- 1. The index -------------------------------------------------------------------------------------------------
    // The registry was written under the index built at start: a restart builds it over everything, as measured here.
    t0 = performance.now();
    await services.search.rebuild();
    console.log(`\n1. search index built over ${PRODUCTS} products in ${((performance.now() - t0) / 1000).toFixed(1)} s; heap ${(process.memoryUsage().heapUsed / 2 ** 20).toFixed(0)} MiB`);

    // --- The query mix ------------------------------------------------------------------------------------------------
    const token = (await services.tokens.create(SYSTEM_ACTOR, { name: 'bench', role: 'procurement' })).token;
    const typo = (word: string): string => {
      const at = 1 + int(word.length - 2);
      return word.slice(0, at) + word.slice(at + 1);
    };
    const nouns = CATEGORIES.flatMap((c) => c.nouns);
    const queries: string[] = [];
    for (let i = 0; i < 400; i++) {
      const r = random();
      const name = pick(productNames);
      if (r < 0.2) queries.push(`q=${name.split(' ').slice(0, 3).join(' ')}`);
      else if (r < 0.35) queries.push(`q=${pick(nouns).slice(0, 3 + int(4))}`);
      else if (r < 0.45) queries.push(`q=${typo(pick(nouns))}`);
      else if (r < 0.55) queries.push(`q=${pick(articleNumbers)}`);
      else if (r < 0.62) queries.push(`q=${pick(registry).cas}`);
      else if (r < 0.7) queries.push(`q=${pick(registry).name}`);
      else if (r < 0.76) queries.push(`q=${pick(listed).entry.name}`);
      else if (r < 0.82) queries.push(`q=${pick(supplierNames).split(' ').slice(0, 2).join(' ')}`);
      else if (r < 0.9) queries.push(`q=${pick(nouns)}&clean=true&contractId=${pick(contracts).id}`);
      else if (r < 0.95) queries.push(`category=${pick(CATEGORIES).category}&clean=true`);
      else queries.push(`q=${pick(BRANDS)}`);
    }
    const paths = queries.map((q) => `/api/v1/search?${q.split('&').map((part) => part.replace(/=(.*)$/u, (_m, v: string) => `=${encodeURIComponent(v)}`)).join('&')}&limit=20`);

    // --- 2 and 3. Load ------------------------------------------------------------------------------------------------
    // The same service twice: as configured by default, which keeps answers until the index changes (a mix of 400
    // queries repeats, so after the first pass nearly every answer is kept), and with the cache off, where every search
    // is computed. Nothing is written during the load, so the cached figure is the ceiling of a read-mostly registry.
    const url = await listen(createApp({ config, storage, services, logger }).express);
    await load(url, paths, token, 3); // warm-up: JIT, caches
    const health = await load(url, ['/health'], null, SECONDS);
    const cached = await load(url, paths, token, SECONDS);
    // Built only now, so that the cached figure is taken with one index in memory, as a deployment holds.
    const uncachedServices = createServices(connection, { config: { ...config, SEARCH_CACHE_HITS: 0 }, logger });
    await uncachedServices.search.rebuild();
    const uncachedUrl = await listen(createApp({ config, storage, services: uncachedServices, logger }).express);
    await load(uncachedUrl, paths, token, 3);
    const computed = await load(uncachedUrl, paths, token, SECONDS);
    console.log(`\n2. GET /health, ${CONNECTIONS} connections, ${SECONDS} s: ${health.perSecond.toFixed(0)} req/s (p50 ${ms(health.p50)}, p99 ${ms(health.p99)})`);
    const report = (n: string, what: string, search: LoadResult): void => {
      const share = search.perSecond / health.perSecond;
      console.log(`\n${n}. GET /api/v1/search ${what}, ${CONNECTIONS} connections, ${SECONDS} s, ${paths.length} mixed queries: ${search.perSecond.toFixed(0)} req/s, ${search.requests} requests, ${search.non2xx} not 2xx, ${search.errors} errors`);
      console.log(`   latency p50 ${ms(search.p50)}, p95 ${ms(search.p95)}, p99 ${ms(search.p99)}: p95 ${search.p95 <= P95_TARGET_MS ? 'within' : 'OVER'} the ${P95_TARGET_MS} ms target`);
      console.log(`   throughput ${(share * 100).toFixed(0)} % of /health: ${share >= SHARE_TARGET ? 'within' : 'UNDER'} the ${SHARE_TARGET * 100} % target`);
    };
    report('3', 'as configured (answers kept until the index changes)', cached);
    report('4', 'with SEARCH_CACHE_HITS=0 (every search computed)', computed);
    await uncachedServices.close();
  } finally {
    await Promise.all(servers.map((server) => new Promise<void>((resolve) => server.close(() => resolve()))));
    // The load generator stops with requests in flight: let their handlers finish before storage closes under them.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    await services.close();
    await storage.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

await main();
