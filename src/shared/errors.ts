// The one catalogue of error codes chemreg answers with. Each code has exactly one HTTP status; the error
// handler (shared/http/error-handler.ts) is the only place that turns an error into a response.
//
// Codes are part of the API contract: clients branch on `code`, never on `message`. Add codes, never rename.

export const ErrorCatalogue = {
  // The caller's fault (4xx).
  VALIDATION_FAILED: { status: 400, error: 'Bad Request' },
  MALFORMED_JSON: { status: 400, error: 'Bad Request' },
  MALFORMED_MULTIPART: { status: 400, error: 'Bad Request' },
  INVALID_REFERENCE: { status: 400, error: 'Bad Request' },
  UNAUTHENTICATED: { status: 401, error: 'Unauthorized' },
  INVALID_TOKEN: { status: 401, error: 'Unauthorized' },
  FORBIDDEN: { status: 403, error: 'Forbidden' },
  NOT_FOUND: { status: 404, error: 'Not Found' },
  ROUTE_NOT_FOUND: { status: 404, error: 'Not Found' },
  DUPLICATE: { status: 409, error: 'Conflict' },
  IN_USE: { status: 409, error: 'Conflict' },
  CONFLICT: { status: 409, error: 'Conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, error: 'Payload Too Large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, error: 'Unsupported Media Type' },
  // Too many failed authentications from one address, or with one token (issue 9): try again after Retry-After.
  RATE_LIMITED: { status: 429, error: 'Too Many Requests' },
  // Uploaded documents (SDS PDFs): checked on their bytes, never on the file name.
  PDF_EMPTY: { status: 400, error: 'Bad Request' },
  NOT_A_PDF: { status: 415, error: 'Unsupported Media Type' },
  PDF_CORRUPT: { status: 422, error: 'Unprocessable Content' },
  PDF_ENCRYPTED: { status: 422, error: 'Unprocessable Content' },
  PDF_TOO_COMPLEX: { status: 422, error: 'Unprocessable Content' },
  NOT_AN_SDS: { status: 422, error: 'Unprocessable Content' },
  // List imports (issue 5): a file that is no list chemreg knows, a known format with unusable content, a custom
  // list without the id it should be stored under.
  LIST_FORMAT_UNKNOWN: { status: 400, error: 'Bad Request' },
  LIST_FILE_INVALID: { status: 400, error: 'Bad Request' },
  LIST_ID_REQUIRED: { status: 400, error: 'Bad Request' },
  // Declarations (issue 6): a file that is no declaration format chemreg reads (or malformed JSON/XML), and a known
  // format with values that cannot be right; `issues` name each element or row.
  DECLARATION_FORMAT_UNKNOWN: { status: 400, error: 'Bad Request' },
  DECLARATION_INVALID: { status: 400, error: 'Bad Request' },
  // The system's fault (5xx).
  INTERNAL: { status: 500, error: 'Internal Server Error' },
  STORAGE_UNAVAILABLE: { status: 503, error: 'Service Unavailable' },
} as const satisfies Record<string, { status: number; error: string }>;

export type ErrorCode = keyof typeof ErrorCatalogue;

/** One offending field: `path` names where it is (`body.orgNumber`, `query.limit`, `params.id`). */
export interface ErrorIssue {
  path: string;
  message: string;
}

/** Base class: every error chemreg raises on purpose carries a catalogue code. */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly issues: ErrorIssue[] | undefined;

  constructor(code: ErrorCode, message: string, options: { issues?: ErrorIssue[]; cause?: unknown } = {}) {
    super(message, { cause: options.cause });
    this.name = new.target.name;
    this.code = code;
    this.issues = options.issues;
  }

  get status(): number {
    return ErrorCatalogue[this.code].status;
  }
}

/** The caller asked for something wrong (4xx). */
export class ClientError extends AppError {}

/** chemreg or its storage failed (5xx). */
export class SystemError extends AppError {}

export const validationFailed = (issues: ErrorIssue[]): ClientError =>
  new ClientError('VALIDATION_FAILED', `request validation failed: ${issues.map((i) => i.path).join(', ')}`, { issues });

/** An unknown id, or one the caller's tenant may not see: both answer the same 404, so nothing leaks. */
export const notFound = (what: string, id: string): ClientError => new ClientError('NOT_FOUND', `${what} ${id} not found`);

export const forbidden = (message: string): ClientError => new ClientError('FORBIDDEN', message);

export const invalidReference = (path: string, message: string): ClientError =>
  new ClientError('INVALID_REFERENCE', message, { issues: [{ path, message }] });

export const duplicate = (path: string, message: string): ClientError =>
  new ClientError('DUPLICATE', message, { issues: [{ path, message }] });

export const inUse = (message: string): ClientError => new ClientError('IN_USE', message);
