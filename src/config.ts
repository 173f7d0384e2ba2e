// Configuration: the environment, validated once with zod, typed and frozen.
// Nothing else in chemreg reads process.env. Every key has a description and (where sensible) a default;
// the README's configuration table lists the same keys.
import { availableParallelism } from 'node:os';
import { z } from 'zod';

export const ConfigSchema = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080).describe('HTTP port of the API'),
  HOST: z.string().min(1).default('0.0.0.0').describe('interface the API listens on'),
  DATA_DIR: z.string().min(1).default('./data/db').describe('data directory of the embedded engine'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional()
    .describe('use this MongoDB instead of the embedded engine'),
  CHEMREG_ADMIN_TOKEN: z
    .string()
    // A token is a bearer secret: long enough not to be guessed, and without whitespace so it survives
    // an Authorization header unchanged.
    .min(32, 'must be at least 32 characters')
    .max(256, 'must be at most 256 characters')
    .regex(/^[\x21-\x7e]+$/, 'must be printable ASCII without spaces')
    .optional()
    .describe('admin token created on first start of an empty database (else a random one is printed once)'),
  UPLOAD_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(20 * 1024 * 1024)
    .describe('largest accepted upload (SDS PDF, declaration file), in bytes'),
  JSON_MAX_BYTES: z.coerce
    .number()
    .int()
    .min(1024)
    .default(1024 * 1024)
    .describe('largest accepted JSON request body, in bytes'),
  SDS_EXTRACT_WORKERS: z.coerce
    .number()
    .int()
    .min(1)
    .max(64)
    .default(Math.min(2, availableParallelism()))
    .describe('worker threads extracting SDS PDFs off the main thread (default: 2, or 1 on a single CPU)'),
  SDS_EXTRACT_TIMEOUT_MS: z.coerce
    .number()
    .int()
    .min(1)
    .default(60_000)
    .describe('time budget of one SDS extraction; a worker over it is terminated and the upload fails with PDF_TOO_COMPLEX'),
  SDS_EXTRACT_MEMORY_MB: z.coerce
    .number()
    .int()
    .min(16)
    .default(512)
    .describe('heap (V8 old generation) budget of one extraction worker, in MiB; over it, the worker is terminated and the upload fails with PDF_TOO_COMPLEX'),
  AUTH_FAILURES_PER_IP: z.coerce
    .number()
    .int()
    .min(1)
    .default(50)
    .describe('failed authentications one client address may make per AUTH_FAILURE_WINDOW_S before its requests get 429'),
  AUTH_FAILURES_PER_TOKEN: z.coerce
    .number()
    .int()
    .min(1)
    .default(10)
    .describe('failed authentications with one and the same token (unknown or revoked) per AUTH_FAILURE_WINDOW_S before it gets 429'),
  AUTH_FAILURE_WINDOW_S: z.coerce.number().int().min(1).max(86_400).default(300).describe('window of the authentication failure limits, in seconds'),
  TRUST_PROXY: z.coerce
    .number()
    .int()
    .min(0)
    .max(10)
    .default(0)
    .describe('reverse proxies in front of chemreg whose X-Forwarded-For is trusted for the client address (0: none)'),
  SEARCH_CACHE_HITS: z.coerce
    .number()
    .int()
    .min(0)
    .max(10_000_000)
    .default(50_000)
    .describe('search hits kept in memory, in the answers of recent searches, until what they show changes (0: no answers are kept)'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info').describe('pino log level'),
});
export type Config = Readonly<z.infer<typeof ConfigSchema>>;

/** Start-up stops with this: the message names every offending variable. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  // `PORT=` in a compose file or a shell means "not set", not "port 0" or "empty token": empty values fall back
  // to their defaults.
  const set = Object.fromEntries(Object.entries(env).filter(([, value]) => value !== undefined && value !== ''));
  const parsed = ConfigSchema.safeParse(set);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}
