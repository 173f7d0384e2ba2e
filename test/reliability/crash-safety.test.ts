// Crash safety (issue 9): the real server (src/main.ts) is SIGKILLed in the middle of a burst of concurrent writes,
// then started again on the same data directory. Every write it acknowledged (2xx) must be there, nothing may be
// half-written, and a re-screen job it was running must run again to its end (or be marked failed), never stay
// `running`. The kills accumulate on one data directory, so each restart re-checks every write acknowledged before
// every earlier crash too.
//
// Takes about 60–80 s on a 2-core machine: four starts of the real server (the first loads the shipped lists), three
// bursts, and a full walk of the registry after each restart.
import { expect } from 'chai';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { declarationForm, sdsForm } from '../support/forms.js';
import { chemregListForm } from '../support/list-files/index.js';
import { buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import { ChemregProcess, freePort } from '../support/chemreg-process.js';
import { HttpClient, sha256, type Answer } from './support/http-client.js';

const ADMIN_TOKEN = 'crash-safety-admin-token_0123456789ABCDEFGHIJ';
const WATCH_LIST = 'crash-watch';
/** 2-(2-butoxyethoxy)ethanol: in section 3 of the generated Swedish SDS, and on the watch list, so uploads raise findings. */
const BUTOXYETHOXYETHANOL = '112-34-5';
const DEHP = '117-81-7';
/** Products declared in one bulk sheet, each with a Candidate List finding to decide on; they also give a re-screen work. */
const BULK_PRODUCTS = 80;
const PDFS_PER_BURST = 12;
/** Open findings each burst confirms (then answers on). */
const CONFIRMS_PER_BURST = 12;
/** Bursts tried to land a kill while a re-screen job runs (one that ends first is not interrupted). */
const JOB_KILL_TRIES = 3;
const BURST_DEADLINE_MS = 30_000;
const JOB_DEADLINE_MS = 30_000;

interface Ledger {
  sds: Array<{ id: string; productId: string; sha256: string }>;
  declarations: Array<{ id: string; productId: string; sha256: string }>;
  decisions: Array<{ findingId: string; action: string; comment: string }>;
  imports: Array<{ listId: string; version: number; jobId: string }>;
}

interface Counts {
  sds: number;
  declarations: number;
  decisions: number;
  imports: number;
}

interface Registry {
  supplierId: string;
  /** Mixtures the SDS uploads go to. */
  mixtures: string[];
  /** Articles the single declarations go to. */
  articles: string[];
  /** Open Candidate List findings, handed out to the bursts for decisions. */
  openFindings: string[];
}

interface BurstPlan {
  round: number;
  /** SIGKILL as soon as what this burst has had acknowledged satisfies this. */
  killWhen?: (acked: Counts) => boolean;
  /** Import a watch-list version first; with `killWhenJobRuns`, SIGKILL as soon as its re-screen job is seen running. */
  importList?: boolean;
  killWhenJobRuns?: boolean;
}

interface BurstOutcome {
  acked: Counts;
  /** Answers other than 2xx that the server gave before it was killed: none is expected. */
  refused: string[];
  /** The re-screen job seen `running` just before the kill (it may still have ended before the kill landed). */
  jobSeenRunning?: string;
}

let watchVersions = 0;
/** A new version of the watch list (another date and reason, so other bytes). */
function watchListForm(): FormData {
  watchVersions += 1;
  const entries: ListEntry[] = [
    { ...blankEntry(BUTOXYETHOXYETHANOL, '2-(2-Butoxietoxi)etanol'), cas: [BUTOXYETHOXYETHANOL], ec: ['203-961-6'], reasons: [`watched, version ${watchVersions}`] },
  ];
  const listDate = new Date(Date.UTC(2026, 0, watchVersions)).toISOString().slice(0, 10);
  return chemregListForm(WATCH_LIST, entries, listDate, { kind: 'custom', name: 'Crash watch list' });
}

/** Runs `work` over `items`, `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

describe('crash safety: SIGKILL during a burst of writes, restart on the same data directory', function () {
  // Four real server starts, three bursts and three walks of the registry; see the file comment.
  this.timeout(120_000);

  let dir: string;
  let server: ChemregProcess | undefined;
  const started: ChemregProcess[] = [];
  const api = new HttpClient(() => server!.baseUrl, ADMIN_TOKEN);
  const ledger: Ledger = { sds: [], declarations: [], decisions: [], imports: [] };
  let registry: Registry;
  let pdfVersion = 0;
  let declarationCount = 0;

  async function start(): Promise<void> {
    server = new ChemregProcess(await freePort(), { DATA_DIR: join(dir, 'db'), CHEMREG_ADMIN_TOKEN: ADMIN_TOKEN });
    started.push(server);
    await server.listening();
  }

  /** A fresh generated SDS: the same Swedish sheet with another version number, so other bytes. */
  function nextPdf(): Uint8Array {
    pdfVersion += 1;
    return buildSdsPdf(defaultSpec('sv', { version: `${Math.floor(pdfVersion / 10) + 2}.${pdfVersion % 10}` })).bytes;
  }

  const created = (answer: Answer, what: string): string => {
    expect(answer.status, `${what}: ${answer.status} ${JSON.stringify(answer.body)}`).to.be.oneOf([200, 201]);
    return (answer.body as { id: string }).id;
  };

  async function waitForJob(jobId: string): Promise<{ status: string; attempts: number }> {
    const deadline = Date.now() + JOB_DEADLINE_MS;
    for (;;) {
      const job = await api.get<{ status: string; attempts: number }>(`/api/v1/jobs/${jobId}`);
      expect(job.status, `GET /jobs/${jobId}`).to.equal(200);
      if (job.body.status === 'succeeded' || job.body.status === 'failed') return job.body;
      if (Date.now() > deadline) throw new Error(`job ${jobId} still ${job.body.status} after ${JOB_DEADLINE_MS} ms`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }

  before(async function () {
    dir = await mkdtemp(join(tmpdir(), 'chemreg-crash-'));
    await start();
    // Arrange the registry through the API: a supplier on a contract whose profile applies the watch list, three
    // mixtures (SDS uploads), two articles (declarations), and a bulk sheet of articles declaring DEHP (Candidate List
    // findings to decide on, and products for a re-screen to work through).
    const supplierId = created(await api.post('/api/v1/suppliers', { name: 'Krasch & Co AB', orgNumber: swedishOrgNumber() }), 'supplier');
    const list = await api.post('/api/v1/lists/import', watchListForm());
    expect(list.status, JSON.stringify(list.body)).to.equal(201);
    await waitForJob((list.body as { rescreenJobId: string }).rescreenJobId);
    const contractId = created(
      await api.post('/api/v1/contracts', {
        number: 'KR-2026-0001', title: 'Rengöring', buyer: 'Region Krasch', supplierIds: [supplierId], validFrom: '2026-01-01', validTo: '2029-12-31',
        category: 'cleaning chemicals', requirementProfile: { lists: [{ list: WATCH_LIST, severity: 'orange' }], clauses: [] },
      }),
      'contract',
    );
    const product = async (name: string, kind: string) =>
      created(await api.post('/api/v1/products', { supplierId, name, kind, category: 'cleaning chemicals', contractIds: [contractId] }), name);
    const mixtures = [await product('Golvrent A', 'mixture'), await product('Golvrent B', 'mixture'), await product('Golvrent C', 'mixture')];
    const articles = [await product('Handske A', 'article'), await product('Handske B', 'article')];
    const rows = ['product_number,product_name,substance_name,cas,concentration'];
    for (let i = 0; i < BULK_PRODUCTS; i++) rows.push(`KR-${i},Vinylhandske ${i},Dietylhexylftalat,${DEHP},${(i % 20) + 0.5} %`);
    const sheet = new FormData();
    sheet.append('file', new Blob([`${rows.join('\n')}\n`], { type: 'text/csv' }), 'bulk.csv');
    const bulk = await api.post(`/api/v1/suppliers/${supplierId}/declarations/bulk`, sheet);
    expect(bulk.status, JSON.stringify(bulk.body).slice(0, 500)).to.equal(200);
    // The first upload also starts the extraction workers.
    const first = nextPdf();
    const upload = await api.post(`/api/v1/products/${mixtures[0]!}/sds`, sdsForm(first));
    ledger.sds.push({ id: created(upload, 'first SDS upload'), productId: mixtures[0]!, sha256: sha256(first) });
    const findings = await api.all<{ id: string }>(`/api/v1/findings?listId=echa-candidate-list&status=open`);
    expect(findings.length, 'Candidate List findings from the bulk sheet').to.be.at.least(BULK_PRODUCTS);
    const watched = await api.all(`/api/v1/findings?listId=${WATCH_LIST}`);
    expect(watched.length, 'a watch-list finding from the first SDS').to.be.at.least(1);
    registry = { supplierId, mixtures, articles, openFindings: findings.map((f) => f.id) };
  });

  after(async () => {
    for (const run of started) await run.kill();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  /**
   * Concurrent writers (two SDS uploaders, one declarer, two deciders, and optionally a list import) against the running
   * server, each recording what was acknowledged, until the server is killed by the plan's condition.
   */
  async function burst(plan: BurstPlan): Promise<BurstOutcome> {
    const run = server!;
    const pdfs = Array.from({ length: PDFS_PER_BURST }, () => nextPdf());
    const acked: Counts = { sds: 0, declarations: 0, decisions: 0, imports: 0 };
    const refused: string[] = [];
    const outcome: BurstOutcome = { acked, refused };
    // The findings this burst confirms, and those it has confirmed (which it then answers on).
    const toConfirm = registry.openFindings.splice(0, CONFIRMS_PER_BURST);
    const confirmed: string[] = [];

    const kill = (): void => run.killNow();
    const stopped = (): boolean => !run.running;
    const check = (): void => {
      if (plan.killWhen?.(acked)) kill();
    };
    /** One request: its answer if the server gave one, undefined if the connection died (the kill). */
    const attempt = async (what: string, request: () => Promise<Answer>): Promise<Answer | undefined> => {
      try {
        const answer = await request();
        if (answer.status >= 300 && !stopped()) refused.push(`${what}: ${answer.status} ${JSON.stringify(answer.body).slice(0, 300)}`);
        return answer.status < 300 ? answer : undefined;
      } catch {
        return undefined;
      }
    };

    const uploader = async (slot: number): Promise<void> => {
      while (!stopped()) {
        const bytes = pdfs.shift();
        if (!bytes) return;
        const productId = registry.mixtures[(slot + pdfs.length) % registry.mixtures.length]!;
        const digest = sha256(bytes);
        const answer = await attempt('SDS upload', () => api.post(`/api/v1/products/${productId}/sds`, sdsForm(bytes)));
        if (!answer) continue;
        ledger.sds.push({ id: (answer.body as { id: string }).id, productId, sha256: digest });
        acked.sds += 1;
        check();
      }
    };
    const declarer = async (): Promise<void> => {
      while (!stopped()) {
        const productId = registry.articles[declarationCount % registry.articles.length]!;
        declarationCount += 1;
        const form = declarationForm([{ name: 'Dietylhexylftalat', cas: DEHP, percent: Number((0.2 + declarationCount / 1000).toFixed(3)) }]);
        const bytes = new Uint8Array(await (form.get('file') as Blob).arrayBuffer());
        const answer = await attempt('declaration', () => api.post(`/api/v1/products/${productId}/declarations`, form));
        if (!answer) continue;
        // The same content twice answers the existing revision (200): that is still an acknowledged revision.
        ledger.declarations.push({ id: (answer.body as { id: string }).id, productId, sha256: sha256(bytes) });
        acked.declarations += 1;
        check();
      }
    };
    const decider = async (slot: number): Promise<void> => {
      for (let i = 0; !stopped(); i++) {
        const confirm = i % 2 === 0 && toConfirm.length > 0;
        const findingId = confirm ? toConfirm.shift()! : confirmed[(i * 7 + slot) % Math.max(confirmed.length, 1)];
        if (findingId === undefined) {
          if (toConfirm.length === 0) return;
          continue;
        }
        const decision = { action: confirm ? 'confirm' : 'answer', comment: `round ${plan.round} decider ${slot} decision ${i}` };
        const answer = await attempt(`decision ${decision.action}`, () => api.post(`/api/v1/findings/${findingId}/decisions`, decision));
        if (!answer) continue;
        if (confirm) confirmed.push(findingId);
        ledger.decisions.push({ findingId, ...decision });
        acked.decisions += 1;
        check();
      }
    };
    const importer = async (): Promise<void> => {
      const answer = await attempt('list import', () => api.post('/api/v1/lists/import', watchListForm()));
      if (!answer) return;
      const body = answer.body as { version: { listId: string; version: number }; rescreenJobId: string };
      ledger.imports.push({ listId: body.version.listId, version: body.version.version, jobId: body.rescreenJobId });
      acked.imports += 1;
      check();
      if (!plan.killWhenJobRuns) return;
      while (!stopped()) {
        const job = await attempt('GET job', () => api.get(`/api/v1/jobs/${body.rescreenJobId}`));
        const status = (job?.body as { status?: string } | undefined)?.status;
        if (status === 'running') {
          outcome.jobSeenRunning = body.rescreenJobId;
          kill();
        } else if (status === 'succeeded' || status === 'failed') {
          // Ended before it was seen running: this burst cannot interrupt it (the caller tries again).
          kill();
        }
      }
    };

    const deadline = setTimeout(kill, BURST_DEADLINE_MS);
    try {
      await Promise.all([
        uploader(0), uploader(1), declarer(), decider(0), decider(1),
        ...(plan.importList ? [importer()] : []),
        // Whatever the writers do, the burst ends with the kill.
        run.exited,
      ]);
    } finally {
      clearTimeout(deadline);
    }
    const exit = await run.exited;
    expect(exit.signal, 'the server ended by SIGKILL (not by itself, nor by the burst deadline)').to.equal('SIGKILL');
    if (plan.killWhen) expect(plan.killWhen(acked), `the kill condition was reached within ${BURST_DEADLINE_MS} ms: ${JSON.stringify(acked)}`).to.equal(true);
    return outcome;
  }

  /** Everything acknowledged so far is present and whole; nothing in the registry refers to what is not there. */
  async function verifyRegistry(): Promise<void> {
    // Every acknowledged SDS revision, with its original, byte for byte.
    await eachLimited(ledger.sds, 8, async (sds) => {
      const revision = await api.get<{ productId: string; sha256: string }>(`/api/v1/sds/${sds.id}`);
      expect(revision.status, `acknowledged SDS revision ${sds.id}`).to.equal(200);
      expect(revision.body).to.include({ productId: sds.productId, sha256: sds.sha256 });
      const file = await api.download(`/api/v1/sds/${sds.id}/file`);
      expect(file, `the original of SDS revision ${sds.id}`).to.deep.equal({ status: 200, sha256: sds.sha256 });
    });
    // Every acknowledged declaration, with its original.
    await eachLimited(ledger.declarations, 8, async (declaration) => {
      const revision = await api.get<{ productId: string; sha256: string }>(`/api/v1/declarations/${declaration.id}`);
      expect(revision.status, `acknowledged declaration ${declaration.id}`).to.equal(200);
      expect(revision.body).to.include({ productId: declaration.productId, sha256: declaration.sha256 });
      expect(await api.download(`/api/v1/declarations/${declaration.id}/file`)).to.deep.equal({ status: 200, sha256: declaration.sha256 });
    });
    // Every acknowledged decision, in its finding's history.
    const byFinding = new Map<string, Ledger['decisions']>();
    for (const decision of ledger.decisions) byFinding.set(decision.findingId, [...(byFinding.get(decision.findingId) ?? []), decision]);
    await eachLimited([...byFinding], 8, async ([findingId, decisions]) => {
      const finding = await api.get<{ history: Array<{ action: string; comment: string | null }> }>(`/api/v1/findings/${findingId}`);
      expect(finding.status, `finding ${findingId}`).to.equal(200);
      const recorded = new Set(finding.body.history.map((event) => `${event.action}|${event.comment}`));
      const missing = decisions.filter((d) => !recorded.has(`${d.action}|${d.comment}`));
      expect(missing, `acknowledged decisions missing from finding ${findingId}'s history`).to.deep.equal([]);
    });
    // Every acknowledged list version.
    for (const { listId, version } of ledger.imports) {
      expect((await api.get(`/api/v1/lists/${listId}/versions/${version}`)).status, `list ${listId} version ${version}`).to.equal(200);
    }

    // The whole registry: no product without its supplier, no revision without its file, no finding without its
    // product or the document its evidence quotes.
    const products = await api.all<{ id: string; supplierId: string }>('/api/v1/products');
    const productIds = new Set(products.map((p) => p.id));
    const suppliers = new Set((await api.all<{ id: string }>('/api/v1/suppliers')).map((s) => s.id));
    for (const product of products) expect(suppliers.has(product.supplierId), `product ${product.id}'s supplier ${product.supplierId}`).to.equal(true);
    const documents = new Set<string>();
    await eachLimited(products, 8, async (product) => {
      const revisions = await api.all<{ id: string; sha256: string; revisionNumber: number }>(`/api/v1/products/${product.id}/sds`);
      const declarations = await api.all<{ id: string; revisionNumber: number }>(`/api/v1/products/${product.id}/declarations`);
      for (const numbers of [revisions.map((r) => r.revisionNumber), declarations.map((d) => d.revisionNumber)]) {
        expect(new Set(numbers).size, `revision numbers of product ${product.id} are unique`).to.equal(numbers.length);
      }
      for (const revision of revisions) {
        documents.add(`sds:${revision.id}`);
        const file = await api.download(`/api/v1/sds/${revision.id}/file`);
        expect(file, `the file of SDS revision ${revision.id} (stored or not acknowledged, it must be whole)`).to.deep.equal({ status: 200, sha256: revision.sha256 });
      }
      for (const declaration of declarations) documents.add(`declaration:${declaration.id}`);
    });
    const findings = await api.all<{ id: string; productId: string; supplierId: string; evidence: { source: string; documentId: string } | null }>('/api/v1/findings');
    for (const finding of findings) {
      expect(productIds.has(finding.productId), `finding ${finding.id}'s product ${finding.productId}`).to.equal(true);
      expect(suppliers.has(finding.supplierId), `finding ${finding.id}'s supplier ${finding.supplierId}`).to.equal(true);
      if (finding.evidence) {
        expect(documents.has(`${finding.evidence.source}:${finding.evidence.documentId}`), `finding ${finding.id} quotes ${finding.evidence.source} ${finding.evidence.documentId}`).to.equal(true);
      }
    }
  }

  /** Every acknowledged job ends; a new import's job ends too, which the runner reaches only after every older job. */
  async function verifyJobsAndService(round: number): Promise<Array<{ status: string; attempts: number }>> {
    const jobs = [];
    for (const { jobId } of ledger.imports) jobs.push(await waitForJob(jobId));
    const sentinel = await api.post('/api/v1/lists/import', watchListForm());
    expect(sentinel.status, JSON.stringify(sentinel.body)).to.equal(201);
    expect((await waitForJob((sentinel.body as { rescreenJobId: string }).rescreenJobId)).status).to.equal('succeeded');
    ledger.imports.push({ listId: WATCH_LIST, version: (sentinel.body as { version: { version: number } }).version.version, jobId: (sentinel.body as { rescreenJobId: string }).rescreenJobId });
    // And it takes new writes as before.
    expect((await fetch(`${server!.baseUrl}/ready`)).status).to.equal(200);
    const bytes = nextPdf();
    const upload = await api.post(`/api/v1/products/${registry.mixtures[1]!}/sds`, sdsForm(bytes));
    expect(upload.status, JSON.stringify(upload.body)).to.equal(201);
    ledger.sds.push({ id: (upload.body as { id: string }).id, productId: registry.mixtures[1]!, sha256: sha256(bytes) });
    const findingId = registry.openFindings.shift()!;
    const decision = { action: 'confirm', comment: `after restart ${round}` };
    expect((await api.post(`/api/v1/findings/${findingId}/decisions`, decision)).status).to.equal(200);
    ledger.decisions.push({ findingId, ...decision });
    return jobs;
  }

  it('when chemreg is SIGKILLed a few acknowledgements into a burst of uploads, declarations and decisions, then after a restart every acknowledged write is there and nothing is half-written', async () => {
    // Arrange
    const plan: BurstPlan = { round: 1, killWhen: (acked) => acked.sds >= 3 && acked.declarations >= 2 && acked.decisions >= 5 };

    // Act
    const outcome = await burst(plan);
    await start();

    // Assert
    expect(outcome.refused, 'answers other than 2xx before the kill').to.deep.equal([]);
    await verifyRegistry();
    await verifyJobsAndService(plan.round);
  });

  it('when chemreg is SIGKILLed while a list import\'s re-screen job runs, then after a restart the job runs again to its end and every acknowledged write is there', async () => {
    // Arrange: the kill is sent as soon as the job is seen running, but a short job can still end before the kill lands
    // (its last write may be acknowledged in between); such a burst interrupted nothing, and another one is tried.
    const plan: BurstPlan = { round: 2, importList: true, killWhenJobRuns: true };
    const tries: Array<{ jobId: string | undefined; status: string; attempts: number }> = [];

    // Act
    for (let i = 0; i < JOB_KILL_TRIES && !tries.some((t) => t.attempts >= 2); i++) {
      const outcome = await burst({ ...plan, round: plan.round * 10 + i });
      await start();
      expect(outcome.refused, 'answers other than 2xx before the kill').to.deep.equal([]);
      const jobId = outcome.jobSeenRunning ?? ledger.imports.at(-1)?.jobId;
      const job = jobId === undefined ? { status: 'never started', attempts: 0 } : await waitForJob(jobId);
      tries.push({ jobId, ...job });
    }

    // Assert
    const interrupted = tries.find((t) => t.attempts >= 2);
    expect(interrupted, `a kill landed while the re-screen job ran (tries: ${JSON.stringify(tries)})`).to.not.equal(undefined);
    expect(interrupted!.status, 'the interrupted job ran to its end after the restart').to.equal('succeeded');
    await verifyRegistry();
    await verifyJobsAndService(plan.round);
  });

  it('when chemreg is SIGKILLed late in a longer burst with a list import, then after a restart every write acknowledged before any of the crashes is there, whole, and chemreg serves normally', async () => {
    // Arrange
    const plan: BurstPlan = { round: 3, importList: true, killWhen: (acked) => acked.sds >= 8 && acked.imports >= 1 && acked.decisions >= 20 };

    // Act
    const outcome = await burst(plan);
    await start();

    // Assert
    expect(outcome.refused, 'answers other than 2xx before the kill').to.deep.equal([]);
    await verifyRegistry();
    const jobs = await verifyJobsAndService(plan.round);
    for (const job of jobs) expect(job.status, 'every acknowledged re-screen job').to.be.oneOf(['succeeded', 'failed']);
    expect(ledger.sds.length + ledger.declarations.length + ledger.decisions.length, 'acknowledged writes checked').to.be.at.least(40);
  });
});
