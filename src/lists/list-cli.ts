// `chemreg lists import FILE [--list ID] [--name NAME] [--kind KIND]`: imports a list file exactly as
// POST /api/v1/lists/import does (README "Lists"), by one of two ways:
// - CHEMREG_URL set: through a running server's API. A running server holds the lock on its data directory, so this
//   is the only way to import into it.
// - otherwise: straight into storage (DATA_DIR or MONGODB_URI, as `npm start` opens it), waiting for the re-screen
//   of every product before exiting.
import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { userInfo } from 'node:os';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { loadConfig } from '../config.js';
import { createServices } from '../services.js';
import type { Actor } from '../shared/actor.js';
import { CommandFailed, UsageError } from '../shared/cli-errors.js';
import { ClientError } from '../shared/errors.js';
import { createLogger } from '../shared/logger.js';
import { openStorage, type Storage } from '../storage/connection.js';
import { DataDirLockedError } from '../storage/engine/index.js';
import { ListImportQuery, ListImportResult } from './list.schema.js';
import type { ListSource } from './list.service.js';

/** What the command prints: the same fields whichever way it imported. */
export interface ListImportOutput {
  listId: string;
  version: number;
  created: boolean;
  entryCount: number;
  listDate: string | null;
  warnings: ListImportResult['version']['warnings'];
  /** The re-screen job the new version started (null when the file was already a version). */
  rescreenJobId: string | null;
  /** Straight into storage: the job's change report, once it has run. Through the API: null (the server runs it). */
  rescreen: unknown;
}

// The CLI's own variables (not the server's configuration, which config.ts owns). Empty means unset, as there.
const RemoteEnv = z.object({
  CHEMREG_URL: z.url({ protocol: /^https?$/u, error: 'CHEMREG_URL must be an http:// or https:// URL' }).optional(),
  CHEMREG_TOKEN: z.string().optional(),
});

// ListImportQuery's fields by the option that sets them, for messages.
const OPTION_OF: Readonly<Record<string, string>> = { listId: '--list', name: '--name', kind: '--kind' };

export async function runListsImport(args: string[], env: NodeJS.ProcessEnv): Promise<ListImportOutput> {
  const { file, query } = parseImportArgs(args);
  const remote = remoteFrom(env);
  const source = await readSource(file);
  return remote ? await importThroughApi(remote, source, query) : await importIntoStorage(env, source, query);
}

function parseImportArgs(args: string[]): { file: string; query: ListImportQuery } {
  const { positionals, values } = parseOptions(args);
  if (positionals.length !== 1) throw new UsageError('lists import needs exactly one FILE');
  // The API route's own schema, so the command accepts exactly what POST /lists/import does.
  const query = ListImportQuery.safeParse(definedOnly({ listId: values.list, name: values.name, kind: values.kind }));
  if (!query.success) {
    throw new UsageError(query.error.issues.map((i) => `${OPTION_OF[String(i.path[0])] ?? String(i.path[0])}: ${i.message}`).join('; '));
  }
  return { file: positionals[0]!, query: query.data };
}

function parseOptions(args: string[]) {
  try {
    return parseArgs({
      args,
      allowPositionals: true,
      strict: true,
      options: { list: { type: 'string' }, name: { type: 'string' }, kind: { type: 'string' } },
    });
  } catch (err) {
    // An unknown option or one without its value.
    throw new UsageError(err instanceof Error ? err.message : String(err));
  }
}

function remoteFrom(env: NodeJS.ProcessEnv): { url: string; token: string } | undefined {
  const parsed = RemoteEnv.safeParse({ CHEMREG_URL: env['CHEMREG_URL'] || undefined, CHEMREG_TOKEN: env['CHEMREG_TOKEN'] || undefined });
  if (!parsed.success) throw new UsageError(parsed.error.issues.map((i) => i.message).join('; '));
  const { CHEMREG_URL: url, CHEMREG_TOKEN: token } = parsed.data;
  if (url === undefined) return undefined;
  if (token === undefined) throw new UsageError('CHEMREG_URL is set, so CHEMREG_TOKEN must be too: an admin or expert API token of that server');
  return { url, token };
}

async function readSource(file: string): Promise<ListSource> {
  try {
    return { bytes: await readFile(file), fileName: basename(file) };
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${err instanceof Error ? err.message : String(err)}`);
  }
}

/** The import's refusal in the words of this command: the code first, as the API answers it. */
function refused(code: string, message: string): CommandFailed {
  const hint = code === 'LIST_ID_REQUIRED' ? '; pass it with --list ID' : '';
  return new CommandFailed(`${code}: ${message}${hint}`);
}

// --- through a running server ---------------------------------------------------------------------------------

const ApiError = z.object({ code: z.string(), message: z.string() });

async function importThroughApi(remote: { url: string; token: string }, source: ListSource, query: ListImportQuery): Promise<ListImportOutput> {
  // Relative to CHEMREG_URL, so a server behind a path prefix (https://host/chemreg) works too.
  const endpoint = new URL('api/v1/lists/import', remote.url.endsWith('/') ? remote.url : `${remote.url}/`);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) endpoint.searchParams.set(key, value);
  const form = new FormData();
  form.append('file', new Blob([source.bytes]), source.fileName);

  let res: Response;
  let text: string;
  try {
    res = await fetch(endpoint, { method: 'POST', headers: { authorization: `Bearer ${remote.token}` }, body: form });
    text = await res.text();
  } catch (err) {
    // fetch says only "fetch failed"; the reason (ECONNREFUSED, a DNS failure) is its cause.
    const reason = err instanceof Error && err.cause instanceof Error ? err.cause.message : String(err);
    throw new CommandFailed(`cannot reach chemreg at ${remote.url}: ${reason}`, { cause: err });
  }
  const body = parseJson(text);
  if (!res.ok) {
    const error = ApiError.safeParse(body);
    if (error.success) throw refused(error.data.code, error.data.message);
    throw new CommandFailed(`${endpoint.origin} answered HTTP ${res.status}: ${text.slice(0, 200)}`);
  }
  const result = ListImportResult.safeParse(body);
  if (!result.success) throw new CommandFailed(`${endpoint.origin} answered HTTP ${res.status} with something that is not a list import result`);
  const { version, created, rescreenJobId } = result.data;
  return { ...summary(version, created), rescreenJobId, rescreen: null };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

// --- straight into storage ------------------------------------------------------------------------------------

/** Who imported, as the audit trail and the re-screen job show it. */
function cliActor(): Actor {
  let user = '';
  try {
    user = ` (${userInfo().username})`;
  } catch {
    // no user name (a container without a passwd entry): the CLI alone still says where the import came from
  }
  return { tokenId: 'cli', tokenName: `chemreg CLI${user}`, role: 'admin', supplierId: undefined, requestId: `cli-${randomUUID()}` };
}

async function openLocalStorage(config: ReturnType<typeof loadConfig>): Promise<Storage> {
  try {
    return await openStorage(config);
  } catch (err) {
    if (!(err instanceof DataDirLockedError)) throw err;
    throw new CommandFailed(
      `${err.message}.\nA chemreg server is probably running on this data directory: import through its API instead, ` +
        'with CHEMREG_URL (e.g. http://localhost:8080) and CHEMREG_TOKEN (an admin or expert API token) set.',
      { cause: err },
    );
  }
}

async function importIntoStorage(env: NodeJS.ProcessEnv, source: ListSource, query: ListImportQuery): Promise<ListImportOutput> {
  const config = loadConfig(env);
  // stdout carries the one JSON answer; logs (job failures) go to stderr.
  const logger = createLogger(config, process.stderr);
  const storage = await openLocalStorage(config);
  try {
    const services = createServices(storage.connection, { config, logger });
    try {
      await services.prepare();
      let result;
      try {
        result = await services.lists.importFile(cliActor(), source, query);
      } catch (err) {
        if (err instanceof ClientError) throw refused(err.code, err.message);
        throw err;
      }
      // The re-screen runs in this process: wait for it, so products are screened against the new version on exit.
      await services.jobs.whenIdle();
      const { version, created, rescreenJobId } = result;
      let rescreen: unknown = null;
      if (rescreenJobId !== null) {
        const job = await services.jobs.get(rescreenJobId);
        if (job.status !== 'succeeded') {
          throw new CommandFailed(
            `list ${version.listId} version ${version.version} was imported, but re-screening the products failed (job ${job.id}: ${job.error ?? job.status})`,
          );
        }
        rescreen = job.result;
      }
      return { ...summary(version, created), rescreenJobId, rescreen };
    } finally {
      await services.close();
    }
  } finally {
    await storage.close();
  }
}

function summary(version: Pick<ListImportResult['version'], 'listId' | 'version' | 'entryCount' | 'listDate' | 'warnings'>, created: boolean) {
  const { listId, entryCount, listDate, warnings } = version;
  return { listId, version: version.version, created, entryCount, listDate, warnings };
}

function definedOnly<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as Partial<T>;
}
