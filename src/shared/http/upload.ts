// Uploads: a `multipart/form-data` body with exactly one file, read into memory within UPLOAD_MAX_BYTES.
// Route declarations say `body: multipart('file', …)`; the registry then mounts multipartUpload() after
// authorisation (anonymous callers cannot make us read a byte) and validate() hands the file to the handler.
import type { RequestHandler } from 'express';
import multer, { MulterError } from 'multer';
import type { z } from 'zod';
import { ClientError, validationFailed } from '../errors.js';

/**
 * A `multipart/form-data` body carrying exactly one file. No other form fields are accepted.
 * Documented in /openapi.json as an object with one binary property, `field`.
 */
export interface MultipartBody {
  kind: 'multipart';
  /** Form field name of the file, e.g. `file`. */
  field: string;
  description: string;
}

export const multipart = (field: string, description: string): MultipartBody => ({ kind: 'multipart', field, description });

/** zod schemas have no `kind`: only a MultipartBody does. */
export const isMultipart = (body: z.ZodType | MultipartBody | undefined): body is MultipartBody =>
  body !== undefined && 'kind' in body && body.kind === 'multipart';

/** What a multipart route's handler receives as `body`. */
export interface UploadedFile {
  bytes: Buffer;
  /** The name the client gave the file: for display and downloads only, never trusted for anything else. */
  originalName: string;
  size: number;
  /** The Content-Type the client declared for the part: not trusted either (the bytes are checked). */
  declaredType: string;
}

const MiB = 1024 * 1024;
const sizeText = (bytes: number): string => (bytes % MiB === 0 ? `${bytes / MiB} MiB` : `${bytes} bytes`);

/** multer's (and busboy's) failures → catalogue codes, so the error handler needs to know nothing of multer. */
function toClientError(err: unknown, field: string, maxBytes: number): unknown {
  if (err instanceof MulterError) {
    switch (err.code) {
      case 'LIMIT_FILE_SIZE':
        return new ClientError('PAYLOAD_TOO_LARGE', `the file is larger than the upload limit of ${sizeText(maxBytes)} (${maxBytes} bytes)`, { cause: err });
      case 'LIMIT_FILE_COUNT':
      case 'LIMIT_UNEXPECTED_FILE':
        return validationFailed([{ path: `body.${err.field ?? field}`, message: `send exactly one file, as form field "${field}"` }]);
      case 'LIMIT_PART_COUNT':
      case 'LIMIT_FIELD_KEY':
      case 'LIMIT_FIELD_VALUE':
      case 'LIMIT_FIELD_COUNT':
      case 'MISSING_FIELD_NAME':
        return validationFailed([{ path: err.field ? `body.${err.field}` : 'body', message: `only one form field is accepted: the file, as "${field}"` }]);
    }
  }
  if (err instanceof Error && !(err instanceof ClientError)) {
    // busboy: a missing boundary, a body cut off before its closing boundary, malformed part headers.
    return new ClientError('MALFORMED_MULTIPART', `the multipart/form-data body could not be read: ${err.message}`, { cause: err, issues: [{ path: 'body', message: 'malformed multipart body' }] });
  }
  return err;
}

/** Middleware factory for ApiRegistry: one in-memory file in `field`, at most `maxBytes`. */
export function multipartUpload(options: { maxBytes: number }): (field: string) => RequestHandler {
  const { maxBytes } = options;
  return (field) => {
    const upload = multer({
      storage: multer.memoryStorage(),
      // Browsers and fetch send the file name as raw UTF-8 in the part header (WHATWG HTML, multipart/form-data).
      defParamCharset: 'utf8',
      // One file; the few other parts allowed only so that a stray text field gets a clear 400, not a hang.
      limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 1024, parts: 6, headerPairs: 50 },
    }).single(field);
    return (req, res, next) => {
      upload(req, res, (err?: unknown) => {
        if (err === undefined || err === null) next();
        else next(toClientError(err, field, maxBytes));
      });
    };
  };
}
