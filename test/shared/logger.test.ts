// Request logs: JSON lines with a request id, and never a secret or a query string.
import { expect } from 'chai';
import type { IncomingMessage } from 'node:http';
import { incomingRequestId } from '../../src/shared/logger.js';
import { startTestApp, type Client, type TestApp } from '../support/test-app.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

interface RequestLog {
  level: number;
  msg: string;
  reqId: string;
  req: { id: string; method: string; path: string };
  res: { statusCode: number };
}

describe('request logging (shared/logger)', () => {
  let t: TestApp;
  let admin: Client;

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
  });
  after(async () => {
    await t.close();
  });

  /** Every log line parses as JSON; the request log lines among them. */
  const requestLogs = (): RequestLog[] => t.logs.map((line) => JSON.parse(line) as RequestLog).filter((log) => log.req !== undefined);
  const logOf = (requestId: string): RequestLog[] => requestLogs().filter((log) => log.req.id === requestId);

  it('when requests of every outcome are made, then each leaves one JSON log line carrying the id the response names', async () => {
    // Act: a success, a client error, an authentication failure and an unknown route
    const responses = [
      await admin.get('/api/v1/suppliers'),
      await admin.get('/api/v1/suppliers/not-an-id'),
      await t.as(undefined).get('/api/v1/suppliers'),
      await admin.get('/api/v1/no-such-route'),
      await t.as(undefined).get('/health'),
    ];

    // Assert
    for (const line of t.logs) {
      expect(() => {
        JSON.parse(line);
      }, line).to.not.throw();
    }
    for (const res of responses) {
      const id = res.headers.get('x-request-id');
      expect(id).to.match(UUID);
      const logs = logOf(id!);
      expect(logs, `log lines for ${id}`).to.have.length(1);
      expect(logs[0]!.reqId).to.equal(id);
      expect(logs[0]!.res.statusCode).to.equal(res.status);
    }
    expect(new Set(responses.map((res) => res.headers.get('x-request-id'))).size).to.equal(responses.length);
    // Assert: the request is described by id, method and path only (no headers)
    const firstId = responses[0]!.headers.get('x-request-id')!;
    const first = logOf(firstId)[0]!;
    expect(first.msg).to.equal('GET /api/v1/suppliers 200');
    expect(first.req).to.deep.equal({ id: firstId, method: 'GET', path: '/api/v1/suppliers' });
    expect(first.res).to.deep.equal({ statusCode: 200 });
  });

  it('when the caller sends a plain X-Request-Id, then the response and the log keep it', async () => {
    // Arrange
    const callerId = 'upstream-trace.42_A';

    // Act
    const res = await admin.raw('GET', '/api/v1/suppliers', { headers: { 'x-request-id': callerId } });

    // Assert
    expect(res.status).to.equal(200);
    expect(res.headers.get('x-request-id')).to.equal(callerId);
    expect(logOf(callerId)).to.have.length(1);
  });

  for (const [what, hostile] of [
    ['spaces', 'id with spaces'],
    ['more than 64 characters', 'a'.repeat(65)],
    ['JSON punctuation', '{"level":60,"msg":"forged"}'],
  ] as const) {
    it(`when the caller's X-Request-Id has ${what}, then it is replaced by a fresh id and never logged`, async () => {
      // Act
      const res = await admin.raw('GET', '/api/v1/suppliers', { headers: { 'x-request-id': hostile } });

      // Assert
      const id = res.headers.get('x-request-id');
      expect(id).to.match(UUID);
      expect(logOf(id!)).to.have.length(1);
      for (const line of t.logs) expect(line).to.not.include(hostile);
    });
  }

  it('when an X-Request-Id holds control characters (not sendable over HTTP), then incomingRequestId replaces it', () => {
    // Arrange: header values that an HTTP parser could hand over in a bad case
    const fake = (value: string | string[] | undefined) => ({ headers: { 'x-request-id': value } }) as unknown as IncomingMessage;

    // Act / Assert
    for (const hostile of ['abc\ninjected', 'abc\r\n{"msg":"forged"}', 'tab\there', '', 'a'.repeat(65)]) {
      expect(incomingRequestId(fake(hostile)), JSON.stringify(hostile)).to.match(UUID);
    }
    expect(incomingRequestId(fake(['one', 'two']))).to.match(UUID);
    expect(incomingRequestId(fake(undefined))).to.match(UUID);
    expect(incomingRequestId(fake('a'.repeat(64)))).to.equal('a'.repeat(64));
  });

  it('when a caller authenticates and creates a token, then neither secret appears anywhere in the logs', async () => {
    // Act: a request with the admin bearer token, one with an unknown token, and a token creation (its answer holds a new secret)
    const listed = await admin.get('/api/v1/tokens');
    const unknownSecret = 'chemreg_unknownSecretThatMustNotBeLogged0123456789';
    const refused = await t.as(unknownSecret).get('/api/v1/tokens');
    const created = await admin.post('/api/v1/tokens', { name: 'logger test', role: 'expert' });
    const newSecret = created.body.token as string;
    const usedNew = await t.as(newSecret).get('/api/v1/audit');

    // Assert
    expect([listed.status, refused.status, created.status, usedNew.status]).to.deep.equal([200, 401, 201, 200]);
    expect(newSecret).to.be.a('string').with.length.above(32);
    const logs = t.logs.join('\n');
    for (const secret of [t.adminToken, unknownSecret, newSecret]) {
      expect(logs).to.not.include(secret);
      expect(logs).to.not.include(secret.slice('chemreg_'.length)); // not even the random part
    }
    expect(logs).to.not.match(/authorization/i);
    expect(logOf(created.headers.get('x-request-id')!)).to.have.length(1);
  });

  it('when a request has a query string, then the log has the path only', async () => {
    // Arrange
    const searchTerm = 'ConfidentialSearchTerm';

    // Act
    const res = await admin.get(`/api/v1/suppliers?q=${searchTerm}&limit=5`);
    const refused = await admin.get(`/api/v1/suppliers?secretParameter=${searchTerm}2`);

    // Assert
    expect(res.status).to.equal(200);
    expect(refused.status).to.equal(400);
    const log = logOf(res.headers.get('x-request-id')!)[0]!;
    expect(log.req.path).to.equal('/api/v1/suppliers');
    expect(log.msg).to.equal('GET /api/v1/suppliers 200');
    const logs = t.logs.join('\n');
    expect(logs).to.not.include(searchTerm);
    expect(logs).to.not.include('secretParameter');
    expect(logs).to.not.include('limit=5');
  });
});
