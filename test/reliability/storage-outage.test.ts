// Storage unavailable (issue 9): chemreg talks to a MongoDB-compatible server (the embedded engine, run standalone in
// its own thread) through a TCP proxy, and the test takes the network away and gives it back. While storage is
// unreachable, /ready says so quickly, /health stays up, API requests answer 503 STORAGE_UNAVAILABLE within a bounded
// time, and no write is half-applied; once storage is back, chemreg serves again without a restart.
//
// Takes about 25–35 s: one case waits for the driver's monitor to notice the outage (its heartbeat is every 10 s), and
// then for the driver's server selection to give up (serverSelectionTimeoutMS, 5 s).
import { expect } from 'chai';
import { request } from 'node:http';
import mongoose from 'mongoose';
import { blankEntry } from '../../src/lists/list-entry.js';
import type { EmbeddedEngine } from '../../src/storage/engine/index.js';
import { startEngineThread } from '../../src/storage/engine/thread.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { chemregListForm } from '../support/list-files/index.js';
import { startTestApp, type Response, type TestApp } from '../support/test-app.js';
import { TcpProxy } from './support/tcp-proxy.js';

/** While the driver still takes the server for up, a refused connection fails the request at once. */
const FAST_FAIL_MS = 3_000;
/** GET /ready bounds its ping (storage/connection.ts), so a probe is not left waiting. */
const READY_WITHIN_MS = 3_500;
/** Once the driver has marked the server unknown, it looks for it for serverSelectionTimeoutMS (5 s), then gives up. */
const API_WITHIN_MS = 8_000;
const RECOVERY_DEADLINE_MS = 10_000;

interface Timed<T = any> extends Response<T> {
  ms: number;
}

async function timed<T>(request: () => Promise<Response<T>>): Promise<Timed<T>> {
  const started = Date.now();
  const answer = await request();
  return { ...answer, ms: Date.now() - started };
}

/**
 * A JSON POST sent up to the middle of its body: chemreg has its headers (and has authenticated it) and waits for the
 * rest. `finish()` sends the rest and answers the response, timed from then.
 */
function startRequest(baseUrl: string, path: string, token: string, json: unknown): { finish(): Promise<Timed> } {
  const body = Buffer.from(JSON.stringify(json));
  const half = Math.floor(body.length / 2);
  const url = new URL(path, baseUrl);
  const req = request(url, { method: 'POST', headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': body.length } });
  const response = new Promise<Response>((resolve, reject) => {
    req.once('error', reject);
    req.once('response', (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
      res.once('end', () => resolve({ status: res.statusCode!, headers: new Headers(), body: JSON.parse(text) as unknown }));
    });
  });
  response.catch(() => undefined); // should the test fail before finishing it, its rejection is not unhandled
  req.write(body.subarray(0, half));
  return {
    finish: () => timed(() => {
      req.end(body.subarray(half));
      return response;
    }),
  };
}

describe('storage unavailable: real MongoDB down or unreachable', function () {
  // One case waits for the driver's 10 s heartbeat and a 5 s server selection; see the file comment.
  this.timeout(60_000);

  let engine: EmbeddedEngine;
  let proxy: TcpProxy;
  let t: TestApp;

  before(async () => {
    engine = await startEngineThread({});
    proxy = await TcpProxy.start({ host: '127.0.0.1', port: engine.port });
    t = await startTestApp({ MONGODB_URI: `mongodb://127.0.0.1:${proxy.port}/chemreg_outage` });
  });

  afterEach(async () => {
    await proxy.restore();
  });

  after(async () => {
    await t?.close();
    await proxy?.close();
    await engine?.close();
  });

  const anonymous = () => t.as(undefined);
  const admin = () => t.as(t.adminToken);

  async function readyAgain(): Promise<number> {
    const started = Date.now();
    for (;;) {
      const ready = await anonymous().get('/ready');
      if (ready.status === 200) return Date.now() - started;
      if (Date.now() - started > RECOVERY_DEADLINE_MS) throw new Error(`/ready still ${ready.status} ${RECOVERY_DEADLINE_MS} ms after storage came back`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Each organisation number: is a supplier stored under it, and is its creation in the audit trail? */
  async function storedSuppliers(orgNumbers: readonly string[]): Promise<Array<{ orgNumber: string; supplier: boolean; audited: boolean }>> {
    const audit = await admin().get<{ items: Array<{ after: { orgNumber?: string } | null }> }>('/api/v1/audit?entityType=supplier&action=supplier.created&limit=200');
    expect(audit.status).to.equal(200);
    const audited = new Set(audit.body.items.map((entry) => entry.after?.orgNumber));
    return Promise.all(
      orgNumbers.map(async (orgNumber) => {
        const found = await admin().get<{ total: number }>(`/api/v1/suppliers?orgNumber=${orgNumber}`);
        expect(found.status).to.equal(200);
        return { orgNumber, supplier: found.body.total === 1, audited: audited.has(orgNumber) };
      }),
    );
  }

  const expectUnavailable = (answer: Timed, within: number, what: string): void => {
    expect({ status: answer.status, code: (answer.body as { code?: string }).code }, `${what}: ${JSON.stringify(answer.body)}`).to.deep.equal({ status: 503, code: 'STORAGE_UNAVAILABLE' });
    expect(answer.ms, `${what} answered after ${answer.ms} ms`).to.be.below(within);
  };

  it('when the connection to storage is cut during writes, then /ready is 503 and API requests 503 STORAGE_UNAVAILABLE at once, /health stays 200, and after it is restored chemreg serves again with every write whole or absent', async () => {
    // Arrange: storage up, the admin token verified, writes on their way
    expect((await anonymous().get('/ready')).status).to.equal(200);
    expect((await admin().get('/api/v1/suppliers')).status).to.equal(200);
    const orgNumbers = Array.from({ length: 8 }, () => swedishOrgNumber());
    const writes = orgNumbers.map((orgNumber) => timed(() => admin().post('/api/v1/suppliers', { name: `Avbrott ${orgNumber} AB`, orgNumber })));

    // Act: cut while those writes are in flight, then ask while it is cut
    await proxy.cut();
    const [ready, health, read, write] = await Promise.all([
      timed(() => anonymous().get('/ready')),
      timed(() => anonymous().get('/health')),
      timed(() => admin().get('/api/v1/products')),
      timed(() => admin().post('/api/v1/suppliers', { name: 'Under avbrottet AB', orgNumber: swedishOrgNumber() })),
    ]);
    const inFlight = await Promise.all(writes);
    await proxy.restore();
    const recoveredIn = await readyAgain();
    const after = await admin().post('/api/v1/suppliers', { name: 'Efter avbrottet AB', orgNumber: swedishOrgNumber() });

    // Assert: while cut
    expect({ status: ready.status, body: ready.body }).to.deep.equal({ status: 503, body: { status: 'storage-unavailable' } });
    expect(ready.ms, `/ready answered after ${ready.ms} ms`).to.be.below(FAST_FAIL_MS);
    expect({ status: health.status, body: health.body }).to.deep.equal({ status: 200, body: { status: 'ok' } });
    expectUnavailable(read, FAST_FAIL_MS, 'GET /products');
    expectUnavailable(write, FAST_FAIL_MS, 'POST /suppliers');
    for (const answer of inFlight) {
      // A write the cut overtook either completed or was refused as unavailable; nothing else.
      if (answer.status !== 201) expectUnavailable(answer, FAST_FAIL_MS, 'a POST /suppliers in flight at the cut');
    }
    // Assert: back without a restart
    expect(recoveredIn).to.be.below(RECOVERY_DEADLINE_MS);
    expect(after.status, JSON.stringify(after.body)).to.equal(201);
    expect((await admin().get(`/api/v1/suppliers/${(after.body as { id: string }).id}`)).status).to.equal(200);
    // Assert: each write is whole (the supplier and its audit entry) or absent, and every acknowledged one is there
    const stored = await storedSuppliers(orgNumbers);
    for (const [i, { orgNumber, supplier, audited }] of stored.entries()) {
      expect(audited, `supplier ${orgNumber}: stored ${supplier}, audited ${audited}`).to.equal(supplier);
      if (inFlight[i]!.status === 201) expect(supplier, `acknowledged supplier ${orgNumber}`).to.equal(true);
    }
  });

  it('when storage stays unreachable until the driver has marked it down, then /ready still answers 503 quickly, requests 503 within the server selection timeout, a write already past authentication is not applied, and storage coming back is enough', async () => {
    // Arrange: a write that has been authenticated (the token is verified from its headers) but whose body is still on
    // its way when storage goes away
    expect((await admin().get('/api/v1/suppliers')).status).to.equal(200);
    const orgNumber = swedishOrgNumber();
    const halfSent = startRequest(t.baseUrl, '/api/v1/suppliers', t.adminToken, { name: 'Halvvägs AB', orgNumber });
    // The previous case's outage may have been seen by the monitor: start from a connection mongoose counts as up.
    if (t.storage.connection.readyState !== mongoose.ConnectionStates.connected) await new Promise((resolve) => t.storage.connection.once('connected', resolve));
    const disconnected = new Promise<void>((resolve) => t.storage.connection.once('disconnected', () => resolve()));

    // Act: cut, and wait until the driver's monitor has marked the server down (its next heartbeat)
    await proxy.cut();
    await disconnected;
    const [write, ready, health, read, other] = await Promise.all([
      halfSent.finish(),
      timed(() => anonymous().get('/ready')),
      timed(() => anonymous().get('/health')),
      timed(() => admin().get('/api/v1/findings')),
      timed(() => admin().post('/api/v1/suppliers', { name: 'Nere AB', orgNumber: swedishOrgNumber() })),
    ]);
    await proxy.restore();
    const recoveredIn = await readyAgain();
    const after = await admin().post('/api/v1/suppliers', { name: 'Uppe igen AB', orgNumber: swedishOrgNumber() });

    // Assert: while down, every answer is a clear 503 within a bounded time (a transaction used to wait for mongoose's
    // buffer timeout, 10 s, and then answer 500 INTERNAL)
    expectUnavailable(write, API_WITHIN_MS, 'the authenticated POST /suppliers');
    expect({ status: ready.status, body: ready.body }).to.deep.equal({ status: 503, body: { status: 'storage-unavailable' } });
    expect(ready.ms, `/ready answered after ${ready.ms} ms`).to.be.below(READY_WITHIN_MS);
    expect(health.status).to.equal(200);
    expect(health.ms, `/health answered after ${health.ms} ms`).to.be.below(2_000);
    expectUnavailable(read, API_WITHIN_MS, 'GET /findings');
    expectUnavailable(other, API_WITHIN_MS, 'POST /suppliers');
    // Assert: back without a restart, and the refused write left nothing
    expect(recoveredIn).to.be.below(RECOVERY_DEADLINE_MS);
    expect(after.status, JSON.stringify(after.body)).to.equal(201);
    expect(await storedSuppliers([orgNumber])).to.deep.equal([{ orgNumber, supplier: false, audited: false }]);
  });

  it('when storage goes away while a background job runs, then once it is back the job ends (succeeded or failed) instead of staying running', async () => {
    // Arrange: the re-screen job holds at its start until the test lets it go, so that the outage falls inside its run
    // (the handler stays wrapped for the rest of this file's app; once let go it is the real re-screen)
    let letGo!: () => void;
    const gate = new Promise<void>((resolve) => (letGo = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    t.services.jobs.register('rescreen', async (context) => {
      started();
      await gate;
      return t.services.screening.rescreenAll(context);
    });
    const entries = [{ ...blankEntry('117-81-7', 'Bis(2-ethylhexyl) phthalate'), cas: ['117-81-7'] }];
    const imported = await admin().post<{ rescreenJobId: string }>('/api/v1/lists/import', chemregListForm('outage-watch', entries, '2026-05-01', { kind: 'custom', name: 'Outage watch' }));
    expect(imported.status, JSON.stringify(imported.body)).to.equal(201);
    const jobId = imported.body.rescreenJobId;
    await running;

    // Act: storage goes away under the running job, then comes back
    await proxy.cut();
    letGo();
    // The job's next storage call fails while storage is away, and so does recording that it failed: the runner stops.
    await t.services.jobs.whenIdle();
    await proxy.restore();
    await readyAgain();
    const deadline = Date.now() + RECOVERY_DEADLINE_MS;
    let job = await admin().get<{ status: string; attempts: number }>(`/api/v1/jobs/${jobId}`);
    while ((job.body.status === 'running' || job.body.status === 'queued') && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      job = await admin().get(`/api/v1/jobs/${jobId}`);
    }

    // Assert
    expect(job.status).to.equal(200);
    expect(job.body.status, `job ${jobId} ${RECOVERY_DEADLINE_MS} ms after storage came back: ${JSON.stringify(job.body)}`).to.be.oneOf(['succeeded', 'failed']);
    // The outage did fall inside the run: the job was either run again or recorded as failed.
    expect(job.body.attempts >= 2 || job.body.status === 'failed', JSON.stringify(job.body)).to.equal(true);
  });
});
