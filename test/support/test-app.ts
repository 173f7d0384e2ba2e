// A running chemreg for API tests: the real app, services and storage, listening on port 0.
//
// Storage: with MONGODB_URI set, a uniquely named database on that deployment (dropped on close);
// otherwise a fresh embedded engine on a temporary data directory (removed on close).
import { randomBytes } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { createApp, type App } from '../../src/app.js';
import { SYSTEM_ACTOR } from '../../src/audit/index.js';
import { loadConfig, type Config } from '../../src/config.js';
import { createServices, type Services } from '../../src/services.js';
import type { Role } from '../../src/shared/actor.js';
import { createLogger } from '../../src/shared/logger.js';
import { openStorage, type Storage } from '../../src/storage/connection.js';

export interface Response<T = any> {
  status: number;
  headers: Headers;
  body: T;
}

export type RawBody = string | FormData | Uint8Array;

export interface Client {
  get<T = any>(path: string): Promise<Response<T>>;
  /** A FormData body is sent as multipart/form-data (uploads); anything else as JSON. */
  post<T = any>(path: string, body?: unknown): Promise<Response<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<Response<T>>;
  put<T = any>(path: string, body?: unknown): Promise<Response<T>>;
  delete<T = any>(path: string): Promise<Response<T>>;
  /** Any request, with raw body and headers (for malformed JSON, wrong content types, odd auth headers). */
  raw<T = any>(method: string, path: string, init?: { body?: RawBody; headers?: Record<string, string> }): Promise<Response<T>>;
  /** The answer's body as bytes (downloads). */
  bytes(path: string): Promise<Omit<Response, 'body'> & { body: Buffer }>;
}

export interface TestApp {
  baseUrl: string;
  app: App;
  services: Services;
  storage: Storage;
  config: Config;
  /** The first admin token, created as on a first start. */
  adminToken: string;
  /** Every JSON log line written so far. */
  logs: string[];
  /** A client sending `Authorization: Bearer <token>` (or no header when token is undefined). */
  as(token: string | undefined): Client;
  /** Issue a token directly through the service (attributed to the system). */
  issueToken(role: Role, supplierId?: string): Promise<{ id: string; token: string }>;
  close(): Promise<void>;
}

export async function startTestApp(env: Record<string, string> = {}): Promise<TestApp> {
  const external = process.env.MONGODB_URI;
  const dataDir = external ? undefined : await mkdtemp(join(tmpdir(), 'chemreg-test-'));
  // Tests send thousands of deliberately unauthenticated requests from one address: the failure limits are tested on
  // their own (test/shared/http/auth.test.ts) and set out of reach elsewhere.
  const limits = { AUTH_FAILURES_PER_IP: '1000000', AUTH_FAILURES_PER_TOKEN: '1000000' };
  const config = loadConfig({ LOG_LEVEL: 'info', ...limits, ...(external ? { MONGODB_URI: external } : { DATA_DIR: dataDir! }), ...env });
  const storage = await openStorage(config, external ? { dbName: `test_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}` } : {});
  const logs: string[] = [];
  const sink = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logs.push(...chunk.toString('utf8').split('\n').filter(Boolean));
      done();
    },
  });
  const logger = createLogger(config, sink);
  const services = createServices(storage.connection, { config, logger });
  await services.prepare();
  const first = await services.tokens.ensureFirstAdmin(config.CHEMREG_ADMIN_TOKEN);
  const adminToken = config.CHEMREG_ADMIN_TOKEN ?? first?.generatedSecret;
  if (!adminToken) throw new Error('test app: no admin token');

  const app = createApp({ config, storage, services, logger });
  const server = app.express.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const as = (token: string | undefined): Client => {
    const auth: Record<string, string> = token === undefined ? {} : { authorization: `Bearer ${token}` };
    const raw = async (method: string, path: string, init: { body?: RawBody; headers?: Record<string, string> } = {}) => {
      const res = await fetch(`${baseUrl}${path}`, { method, headers: { ...auth, ...init.headers }, ...(init.body !== undefined ? { body: init.body } : {}) });
      const text = await res.text();
      let body: unknown = text;
      if ((res.headers.get('content-type') ?? '').includes('json') && text !== '') body = JSON.parse(text);
      return { status: res.status, headers: res.headers, body: body as any };
    };
    const json = (method: string) => (path: string, body?: unknown) =>
      body instanceof FormData ? raw(method, path, { body })
      : raw(method, path, body === undefined ? {} : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    const bytes = async (path: string) => {
      const res = await fetch(`${baseUrl}${path}`, { headers: auth });
      return { status: res.status, headers: res.headers, body: Buffer.from(await res.arrayBuffer()) };
    };
    return { get: (path) => raw('GET', path), post: json('POST'), patch: json('PATCH'), put: json('PUT'), delete: (path) => raw('DELETE', path), raw, bytes };
  };

  return {
    baseUrl,
    app,
    services,
    storage,
    config,
    adminToken,
    logs,
    as,
    async issueToken(role, supplierId) {
      const created = await services.tokens.create(SYSTEM_ACTOR, { name: `test ${role}`, role, ...(supplierId ? { supplierId } : {}) });
      return { id: created.id, token: created.token };
    },
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await services.close();
      if (external) await storage.connection.dropDatabase();
      await storage.close();
      if (dataDir) await rm(dataDir, { recursive: true, force: true });
    },
  };
}
