// createApp(deps): the HTTP application without listening (tests mount it on port 0).
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { z } from 'zod';
import { registerAuditRoutes } from './audit/index.js';
import type { Config } from './config.js';
import { registerContractRoutes } from './contracts/index.js';
import { registerProductRoutes } from './products/index.js';
import { registerSearchRoutes } from './search/index.js';
import { registerStatsRoutes } from './stats/index.js';
import { registerSdsRoutes } from './sds/index.js';
import { registerDeclarationRequestRoutes, registerDeclarationRoutes } from './declarations/index.js';
import { registerFindingRoutes } from './findings/index.js';
import { registerFollowUpRoutes } from './follow-up/index.js';
import { registerJobRoutes } from './jobs/index.js';
import { registerCuratedLimitRoutes, registerListRoutes } from './lists/index.js';
import type { Services } from './services.js';
import { authenticate, limitAuthFailures } from './shared/http/auth.js';
import { errorHandler, routeNotFound } from './shared/http/error-handler.js';
import { ApiRegistry } from './shared/http/route.js';
import { multipartUpload } from './shared/http/upload.js';
import { createHttpLogger, type Logger } from './shared/logger.js';
import { buildOpenApiDocument } from './shared/openapi.js';
import type { Storage } from './storage/connection.js';
import { registerSupplierRoutes } from './suppliers/index.js';
import { registerTokenRoutes } from './tokens/index.js';
import { serveWebInterface } from './web/web.routes.js';

const require = createRequire(import.meta.url);
const { version } = require('../package.json') as { version: string };
const swaggerUiDir = dirname(require.resolve('swagger-ui-dist/package.json'));

const Health = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
// A readiness probe's 503 carries this body, not the error shape: load balancers read `status`.
const Readiness = z.object({ status: z.enum(['ready', 'storage-unavailable']) }).meta({ id: 'Readiness' });

export interface AppDeps {
  config: Pick<Config, 'JSON_MAX_BYTES' | 'UPLOAD_MAX_BYTES' | 'AUTH_FAILURES_PER_IP' | 'AUTH_FAILURES_PER_TOKEN' | 'AUTH_FAILURE_WINDOW_S' | 'TRUST_PROXY'>;
  storage: Pick<Storage, 'ping'>;
  services: Services;
  logger: Logger;
}

export interface App {
  express: Express;
  /** Every route, as documented in /openapi.json. */
  apis: ApiRegistry[];
  openapi: ReturnType<typeof buildOpenApiDocument>;
}

export function createApp({ config, storage, services, logger }: AppDeps): App {
  const app = express();
  app.disable('x-powered-by');
  // Behind a reverse proxy, the client's address (rate limits, logs) is the one the trusted proxies forwarded.
  if (config.TRUST_PROXY > 0) app.set('trust proxy', config.TRUST_PROXY);
  app.use(createHttpLogger(logger));
  // upgrade-insecure-requests is left out: chemreg is often run on plain http inside a network, where the
  // directive would make browsers fetch /docs assets over https and fail.
  app.use(helmet({ contentSecurityPolicy: { directives: { upgradeInsecureRequests: null } } }));

  const publicOnly: RequestHandler = () => {
    throw new Error('system routes are public and take no body');
  };
  const system = new ApiRegistry('', app, { authenticate: publicOnly, parseBody: publicOnly, parseMultipart: () => publicOnly });
  system.define(
    { method: 'get', path: '/health', operationId: 'health', summary: 'Liveness: the process answers', tag: 'system', roles: 'public', responses: { 200: { description: 'alive', schema: Health } } },
    (_input, res) => {
      res.json({ status: 'ok' });
    },
  );
  system.define(
    {
      method: 'get', path: '/ready', operationId: 'ready', summary: 'Readiness: storage is reachable', tag: 'system', roles: 'public',
      responses: { 200: { description: 'ready', schema: Readiness }, 503: { description: 'storage unreachable', schema: Readiness } },
    },
    async (_input, res) => {
      const ok = await storage.ping();
      res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'storage-unavailable' });
    },
  );

  const router = express.Router();
  router.use(limitAuthFailures({ perIp: config.AUTH_FAILURES_PER_IP, perToken: config.AUTH_FAILURES_PER_TOKEN, windowMs: config.AUTH_FAILURE_WINDOW_S * 1000 }));
  // A successful write makes the next search catch up first, so that users find what they have just changed.
  router.use((req, res, next) => {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.on('finish', () => {
        if (res.statusCode < 400) services.search.markStale();
      });
    }
    next();
  });
  const api = new ApiRegistry('/api/v1', router, {
    authenticate: authenticate(services.tokens.verifier),
    parseBody: express.json({ limit: config.JSON_MAX_BYTES }),
    parseMultipart: multipartUpload({ maxBytes: config.UPLOAD_MAX_BYTES }),
  });
  registerTokenRoutes(api, services.tokens);
  registerSupplierRoutes(api, services.suppliers);
  registerContractRoutes(api, services.contracts);
  registerProductRoutes(api, services.products);
  registerSdsRoutes(api, services.sds);
  registerDeclarationRoutes(api, services.declarations, services.bulkDeclarations);
  registerDeclarationRequestRoutes(api, services.declarationRequests);
  registerListRoutes(api, services.lists);
  registerCuratedLimitRoutes(api, services.curatedLimits);
  registerFindingRoutes(api, services.findings);
  registerFollowUpRoutes(api, services.followUp);
  registerJobRoutes(api, services.jobs);
  registerAuditRoutes(api, services.audit);
  registerSearchRoutes(api, services.search);
  registerStatsRoutes(api, services.stats);
  app.use('/api/v1', router);

  const apis = [system, api];
  const openapi = buildOpenApiDocument(apis, version);
  app.get('/openapi.json', (_req, res) => {
    res.json(openapi);
  });
  // Swagger UI from swagger-ui-dist; only its start-up script is ours, pointing it at /openapi.json.
  app.get('/docs/swagger-initializer.js', (_req, res) => {
    res.type('application/javascript').send(
      'window.onload = () => { window.ui = SwaggerUIBundle({ url: "/openapi.json", dom_id: "#swagger-ui", deepLinking: true, persistAuthorization: false }); };\n',
    );
  });
  app.use('/docs', express.static(swaggerUiDir, { index: 'index.html' }));
  serveWebInterface(app);

  app.use(routeNotFound);
  app.use(errorHandler(logger));
  return { express: app, apis, openapi };
}
