// The lists a fresh install starts with: the public ECHA lists and RoHS Annex II, converted by chemreg's own
// importer into data/lists/*.json (npm run lists:snapshot), and the PRIO criteria chemreg derives itself. Each is
// stored when its list has no version yet, or as a new version when it is dated later than the latest one (see
// ListService.ensureShipped); a user's own newer import is never replaced.
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { SYSTEM_ACTOR } from '../audit/audit.service.js';
import type { Logger } from '../shared/logger.js';
import { buildPrioDerivedList } from './derived/prio.js';
import { sha256Of } from '../sds/sds.repository.js';
import { importListFile } from './importers/index.js';
import type { ListService } from './list.service.js';

export const SHIPPED_LISTS_DIR = fileURLToPath(new URL('../../data/lists/', import.meta.url));

export async function loadShippedLists(lists: ListService, options: { dir?: string; logger?: Logger } = {}): Promise<string[]> {
  const dir = options.dir ?? SHIPPED_LISTS_DIR;
  const loaded: string[] = [];
  const names = (await readdir(dir).catch(() => [] as string[])).filter((name) => name.endsWith('.json')).sort();
  for (const name of names) {
    const bytes = new Uint8Array(await readFile(`${dir}/${name}`));
    // Every restart after the first: the file is already a version of its list (data/lists/<listId>.json), so the
    // 1.5 MB of JSON need not be parsed again.
    if (await lists.hasVersionFrom(name.replace(/\.json$/u, ''), sha256Of(bytes))) continue;
    const imported = await importListFile(bytes, name);
    if (await lists.ensureShipped(SYSTEM_ACTOR, imported, { bytes, fileName: name }, 'shipped')) loaded.push(imported.listId);
  }
  const prio = buildPrioDerivedList();
  const prioBytes = new TextEncoder().encode(JSON.stringify(prio));
  if (await lists.ensureShipped(SYSTEM_ACTOR, prio, { bytes: prioBytes, fileName: 'prio-phase-out-derived (built in)' }, 'derived')) loaded.push(prio.listId);
  if (loaded.length > 0) options.logger?.info({ lists: loaded }, 'shipped lists loaded');
  return loaded;
}
