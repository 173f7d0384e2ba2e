// The only place an error becomes an HTTP status. Wire shape: { statusCode, code, error, message, issues? }.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { MongoServerSelectionError, MongoNetworkError } from 'mongodb';
import { z } from 'zod';
import { AppError, ClientError, ErrorCatalogue, SystemError, type ErrorCode, type ErrorIssue } from '../errors.js';
import type { Logger } from '../logger.js';
import { requestIdOf } from './request-id.js';

export const ErrorResponse = z
  .object({
    statusCode: z.number().int(),
    code: z.enum(Object.keys(ErrorCatalogue) as [ErrorCode, ...ErrorCode[]]),
    error: z.string(),
    message: z.string(),
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  })
  .meta({ id: 'Error', description: 'every error answer has this shape; branch on `code`' });
export type ErrorResponse = z.infer<typeof ErrorResponse>;

/** body-parser signals its failures with `type` (and a status); map them onto catalogue codes. */
function fromBodyParser(err: { type?: unknown; status?: unknown; message?: unknown }): AppError | undefined {
  switch (err.type) {
    case 'entity.parse.failed':
      return new ClientError('MALFORMED_JSON', `the request body is not valid JSON: ${String(err.message)}`, {
        issues: [{ path: 'body', message: 'malformed JSON' }],
      });
    case 'entity.too.large':
      return new ClientError('PAYLOAD_TOO_LARGE', 'the request body is larger than this server accepts');
    case 'charset.unsupported':
    case 'encoding.unsupported':
      return new ClientError('UNSUPPORTED_MEDIA_TYPE', String(err.message));
    default:
      return undefined;
  }
}

function classify(err: unknown): AppError | undefined {
  if (err instanceof AppError) return err;
  if (typeof err === 'object' && err !== null && 'type' in err) return fromBodyParser(err);
  if (err instanceof MongoServerSelectionError || err instanceof MongoNetworkError) {
    return new SystemError('STORAGE_UNAVAILABLE', 'storage is unavailable; try again shortly', { cause: err });
  }
  return undefined;
}

function send(res: Parameters<ErrorRequestHandler>[2], code: ErrorCode, message: string, issues?: ErrorIssue[]): void {
  const { status, error } = ErrorCatalogue[code];
  const body: ErrorResponse = { statusCode: status, code, error, message, ...(issues ? { issues } : {}) };
  res.status(status).json(body);
}

export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err: unknown, req, res, next) => {
    if (res.headersSent) {
      next(err);
      return;
    }
    const known = classify(err);
    if (known) {
      if (known.status >= 500) logger.error({ err, reqId: req.id }, known.message);
      send(res, known.code, known.message, known.issues);
      return;
    }
    // Unknown: the caller gets a generic message, the log gets everything.
    logger.error({ err, reqId: req.id }, 'unhandled error');
    send(res, 'INTERNAL', `internal error; quote request id ${requestIdOf(req)} when reporting it`);
  };
}

export const routeNotFound: RequestHandler = (req) => {
  throw new ClientError('ROUTE_NOT_FOUND', `no route ${req.method} ${req.path}`);
};
