// The real start-up (src/main.ts) as a child process: config, first admin token, listening, graceful shutdown.
import { expect } from 'chai';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { request } from 'node:http';
import { createConnection } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ChemregProcess, freePort } from './support/chemreg-process.js';

const GENERATED_SECRET = /chemreg_[A-Za-z0-9_-]{43}/;
const CONFIGURED_SECRET = 'configured-admin-secret_0123456789ABCDEFGHIJ';

/**
 * Connects until the port refuses (the log line announcing shutdown is written just before the listener
 * closes, so the first attempt may still land in the backlog); the last error, or undefined if never refused.
 */
async function refusedConnection(port: number, ms = 1_000): Promise<NodeJS.ErrnoException | undefined> {
  const deadline = Date.now() + ms;
  for (;;) {
    const error = await new Promise<NodeJS.ErrnoException | undefined>((resolve) => {
      const socket = createConnection({ host: '127.0.0.1', port });
      socket.once('connect', () => {
        socket.destroy();
        resolve(undefined);
      });
      socket.once('error', resolve);
    });
    if (error || Date.now() > deadline) return error;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('start-up and shutdown (src/main.ts)', function () {
  // Each case starts one or two real processes; tsx compiles on the first start.
  this.timeout(90_000);

  let dir: string;
  const runs: ChemregProcess[] = [];
  const start = async (env: Record<string, string>): Promise<ChemregProcess> => {
    const run = new ChemregProcess(await freePort(), env);
    runs.push(run);
    return run;
  };

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chemreg-main-'));
  });
  afterEach(async () => {
    for (const run of runs.splice(0)) await run.kill();
    await rm(dir, { recursive: true, force: true });
  });

  const tokensStatus = async (run: ChemregProcess, secret: string): Promise<number> =>
    (await fetch(`${run.baseUrl}/api/v1/tokens`, { headers: { authorization: `Bearer ${secret}` } })).status;

  it('when chemreg starts on an empty data directory, then it prints a working admin token once, and never again on the next start', async () => {
    // Arrange
    const env = { DATA_DIR: join(dir, 'db') };

    // Act: first start
    const first = await start(env);
    await first.listening();
    const printed = first.stdout.match(new RegExp(GENERATED_SECRET, 'g')) ?? [];

    // Assert: one token, outside the JSON log stream, and it is an admin token
    expect(printed).to.have.length(1);
    const secret = printed[0]!;
    expect(first.lines.filter((line) => line.includes(secret))).to.deep.equal([`    ${secret}`]);
    expect(await tokensStatus(first, secret)).to.equal(200);
    expect(await tokensStatus(first, `${secret.slice(0, -1)}${secret.endsWith('x') ? 'y' : 'x'}`)).to.equal(401);
    expect(await first.stop()).to.deep.equal({ code: 0, signal: null });

    // Act: second start on the same data
    const second = await start(env);
    await second.listening();

    // Assert: no new token is made or printed; the first one still works
    expect(second.stdout).to.not.match(GENERATED_SECRET);
    expect(second.stdout).to.not.include('Admin API token');
    expect(await tokensStatus(second, secret)).to.equal(200);
    const tokens = (await (await fetch(`${second.baseUrl}/api/v1/tokens`, { headers: { authorization: `Bearer ${secret}` } })).json()) as { total: number };
    expect(tokens.total).to.equal(1);
    expect(await second.stop()).to.deep.equal({ code: 0, signal: null });

    // Assert: across both runs' output the secret appeared exactly once
    const everything = [...first.lines, ...second.lines].join('\n');
    expect(everything.split(secret)).to.have.length(2);
  });

  it('when CHEMREG_ADMIN_TOKEN is set on an empty data directory, then that token works and its value is never written out', async () => {
    // Arrange
    const env = { DATA_DIR: join(dir, 'db'), CHEMREG_ADMIN_TOKEN: CONFIGURED_SECRET };

    // Act: first start, with a few authenticated requests (they are logged)
    const first = await start(env);
    await first.listening();
    const firstStatus = await tokensStatus(first, CONFIGURED_SECRET);
    const wrongStatus = await tokensStatus(first, `${CONFIGURED_SECRET}-wrong`);
    expect(await first.stop()).to.deep.equal({ code: 0, signal: null });
    // …and a second start with the same setting
    const second = await start(env);
    await second.listening();
    const secondStatus = await tokensStatus(second, CONFIGURED_SECRET);
    expect(await second.stop()).to.deep.equal({ code: 0, signal: null });

    // Assert
    expect([firstStatus, wrongStatus, secondStatus]).to.deep.equal([200, 401, 200]);
    expect(first.stdout).to.not.include('Admin API token');
    expect(first.stdout).to.not.match(GENERATED_SECRET);
    expect(first.logs.some((log) => log.msg === 'first admin token registered from CHEMREG_ADMIN_TOKEN')).to.equal(true);
    expect(first.logs.some((log) => String(log.msg).startsWith('GET /api/v1/tokens'))).to.equal(true);
    for (const line of [...first.lines, ...second.lines]) expect(line).to.not.include(CONFIGURED_SECRET);
  });

  it('when a configuration value is bad, then chemreg exits non-zero naming the variable, without opening storage', async () => {
    // Arrange
    const dataDir = join(dir, 'never-created');

    // Act
    const run = await start({ DATA_DIR: dataDir, PORT: 'abc' });
    const exit = await run.exited;

    // Assert
    expect(exit.code).to.not.equal(0);
    expect(exit.code).to.not.equal(null);
    expect(run.stderr).to.match(/^\s*PORT: /m);
    expect(run.stdout).to.equal('');
    expect(existsSync(dataDir), 'the data directory was created').to.equal(false);
  });

  it('when SIGTERM arrives during a request, then new connections are refused, the request completes, and chemreg exits 0 promptly', async () => {
    // Arrange: a running chemreg and a request whose body is only half sent
    const run = await start({ DATA_DIR: join(dir, 'db'), CHEMREG_ADMIN_TOKEN: CONFIGURED_SECRET });
    await run.listening();
    const body = Buffer.from(JSON.stringify({ name: 'In Flight AB', orgNumber: '556036-0793', contacts: [{ name: 'x'.repeat(100) }] }));
    const half = Math.floor(body.length / 2);
    const req = request({
      host: '127.0.0.1',
      port: run.port,
      method: 'POST',
      path: '/api/v1/suppliers',
      headers: { authorization: `Bearer ${CONFIGURED_SECRET}`, 'content-type': 'application/json', 'content-length': body.length },
    });
    const response = new Promise<{ status: number; body: string }>((resolve, reject) => {
      req.once('error', reject);
      req.once('response', (res) => {
        let text = '';
        res.setEncoding('utf8').on('data', (chunk: string) => (text += chunk));
        res.once('end', () => resolve({ status: res.statusCode!, body: text }));
      });
    });
    response.catch(() => undefined); // should the test fail before awaiting it, its rejection is not unhandled
    req.write(body.subarray(0, half));
    await new Promise((resolve) => setTimeout(resolve, 300)); // the server has the headers and is reading the body

    // Act: stop, then try a new connection, then finish the request
    run.signal('SIGTERM');
    await run.waitForLog((log) => log.signal === 'SIGTERM' && log.msg === 'shutting down');
    const connectError = await refusedConnection(run.port);
    expect(run.running, 'chemreg exited while a request was in flight').to.equal(true);
    req.end(body.subarray(half));
    const answered = await response;
    const answeredAt = Date.now();
    const exit = await run.exited;

    // Assert
    expect(connectError?.code).to.equal('ECONNREFUSED');
    expect(answered.status).to.equal(201);
    expect(JSON.parse(answered.body)).to.include({ name: 'In Flight AB', orgNumber: '556036-0793' });
    expect(exit).to.deep.equal({ code: 0, signal: null });
    expect(Date.now() - answeredAt, 'exit took too long after the last response').to.be.below(2_500);
  });
});
