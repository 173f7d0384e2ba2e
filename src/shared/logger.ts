// Structured JSON logs (pino). Request logs carry a request id and never a header, body or token:
// the serializers below whitelist what is written instead of trying to blacklist secrets.
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pino, type DestinationStream, type Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import type { Config } from '../config.js';

export type { Logger };

export function createLogger(config: Pick<Config, 'LOG_LEVEL'>, destination?: DestinationStream): Logger {
  return pino(
    {
      level: config.LOG_LEVEL,
      base: { service: 'chemreg' },
      timestamp: pino.stdTimeFunctions.isoTime,
      // Defence in depth: should anything ever log a request object or an auth header, it is censored.
      redact: { paths: ['req.headers.authorization', 'req.headers.cookie', 'token', '*.token'], censor: '[redacted]' },
    },
    destination,
  );
}

// A caller-supplied X-Request-Id is kept (so a request can be traced across services) only if it is short
// and plain; anything else is replaced, so logs cannot be forged or flooded through the header.
const REQUEST_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function incomingRequestId(req: IncomingMessage): string {
  const header = req.headers['x-request-id'];
  return typeof header === 'string' && REQUEST_ID.test(header) ? header : randomUUID();
}

// Express rewrites req.url inside mounted routers; originalUrl is what the caller asked for.
const pathOf = (req: IncomingMessage): string => ((req as IncomingMessage & { originalUrl?: string }).originalUrl ?? req.url ?? '').split('?')[0] ?? '';

export function createHttpLogger(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = incomingRequestId(req);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    // Only the path is logged, never the query string: it may hold search terms a tenant typed.
    serializers: {
      req: (req: { id: unknown; method: string; url: string }) => ({ id: req.id, method: req.method, path: req.url.split('?')[0] }),
      res: (res: { statusCode: number }) => ({ statusCode: res.statusCode }),
    },
    customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info'),
    customSuccessMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    customErrorMessage: (req, res) => `${req.method} ${pathOf(req)} ${res.statusCode}`,
    quietReqLogger: true,
  });
}
