// Configuration: the environment, validated once with zod, typed and frozen.
// Nothing else in chemreg reads process.env.
import { z } from 'zod';

const Config = z.object({
  PORT: z.coerce.number().int().min(0).max(65535).default(8080).describe('HTTP port of the API'),
  HOST: z.string().min(1).default('0.0.0.0').describe('interface the API listens on'),
  DATA_DIR: z.string().min(1).default('./data/db').describe('data directory of the embedded engine'),
  MONGODB_URI: z
    .string()
    .regex(/^mongodb(\+srv)?:\/\//, 'must start with mongodb:// or mongodb+srv://')
    .optional()
    .describe('use this MongoDB instead of the embedded engine'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
});
export type Config = Readonly<z.infer<typeof Config>>;

export class ConfigError extends Error {}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = Config.safeParse(env);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new ConfigError(`invalid configuration:\n${lines.join('\n')}`);
  }
  return Object.freeze(parsed.data);
}
