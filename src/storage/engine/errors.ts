// MongoDB server error codes the engine answers with. Names and numbers follow MongoDB's
// src/mongo/base/error_codes.yml so drivers and mongoose react exactly as they would to mongod.
export const ErrorCodes = {
  InternalError: 1,
  BadValue: 2,
  NoSuchKey: 4,
  FailedToParse: 9,
  TypeMismatch: 14,
  ConflictingUpdateOperators: 40,
  InvalidLength: 16,
  IllegalOperation: 20,
  NamespaceNotFound: 26,
  IndexNotFound: 27,
  CursorNotFound: 43,
  NamespaceExists: 48,
  DollarPrefixedFieldName: 52,
  InvalidIdField: 53,
  CommandNotFound: 59,
  ImmutableField: 66,
  CannotCreateIndex: 67,
  IndexAlreadyExists: 68,
  InvalidOptions: 72,
  InvalidNamespace: 73,
  IndexOptionsConflict: 85,
  IndexKeySpecsConflict: 86,
  WriteConflict: 112,
  CommandNotSupported: 115,
  NoSuchTransaction: 251,
  TransactionCommitted: 256,
  TransactionTooOld: 225,
  OperationNotSupportedInTransaction: 263,
  Location40324: 40324,
  DuplicateKey: 11000,
} as const;

export type ErrorCodeName = keyof typeof ErrorCodes;

/** A command failure reported to the client as `{ ok: 0, errmsg, code, codeName }`. */
export class EngineError extends Error {
  readonly code: number;
  readonly codeName: string;
  readonly extra: Record<string, unknown>;
  readonly errorLabels: string[];

  constructor(codeName: ErrorCodeName, message: string, extra: Record<string, unknown> = {}, errorLabels: string[] = []) {
    super(message);
    this.name = 'EngineError';
    this.codeName = codeName;
    this.code = ErrorCodes[codeName];
    this.extra = extra;
    this.errorLabels = errorLabels;
  }
}

/** The engine cannot answer this like MongoDB would: refuse rather than return a different result. */
export function unsupported(what: string): EngineError {
  return new EngineError(
    'CommandNotSupported',
    `${what} is not supported by chemreg's embedded engine; point MONGODB_URI at a real MongoDB to use it`,
  );
}

export function badValue(message: string): EngineError {
  return new EngineError('BadValue', message);
}

/** Wrap anything thrown while executing a command into a reply-able error. mingo throws plain Errors for bad operators. */
export function toEngineError(err: unknown): EngineError {
  if (err instanceof EngineError) return err;
  const message = err instanceof Error ? err.message : String(err);
  return new EngineError('BadValue', message);
}
