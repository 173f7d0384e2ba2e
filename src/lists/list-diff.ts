// What changed between two versions of one list: entries added, removed, and changed field by field. Entries are
// paired by their key, which importers keep stable across versions (src/lists/importers).
import { isDeepStrictEqual } from 'node:util';
import type { ListEntry } from './list-entry.js';
import type { ListVersionDiff } from './list.schema.js';

// Every fact of an entry except the key it is paired on.
const COMPARED: ReadonlyArray<Exclude<keyof ListEntry, 'key'>> = [
  'name', 'description', 'cas', 'ec', 'indexNumbers', 'group', 'members', 'element', 'reasons', 'dateOfInclusion',
  'entryNumber', 'hazardClasses', 'hazardCodes', 'specificLimits', 'limit', 'sunsetDate', 'latestApplicationDate',
  'appliesFrom', 'upcoming', 'ruleHazardCodes', 'link',
];

export function diffListEntries(
  listId: string,
  from: { version: number; entries: readonly ListEntry[] },
  to: { version: number; entries: readonly ListEntry[] },
): ListVersionDiff {
  const before = new Map(from.entries.map((e) => [e.key, e]));
  const after = new Map(to.entries.map((e) => [e.key, e]));
  const byKey = (a: { key: string }, b: { key: string }): number => a.key.localeCompare(b.key);
  const added = to.entries.filter((e) => !before.has(e.key)).map(({ key, name }) => ({ key, name })).sort(byKey);
  const removed = from.entries.filter((e) => !after.has(e.key)).map(({ key, name }) => ({ key, name })).sort(byKey);
  const changed: ListVersionDiff['changed'] = [];
  for (const entry of to.entries) {
    const old = before.get(entry.key);
    if (!old) continue;
    const fields = COMPARED.filter((field) => !isDeepStrictEqual(old[field], entry[field])).map((field) => ({ field, before: old[field], after: entry[field] }));
    if (fields.length > 0) changed.push({ key: entry.key, name: entry.name, fields });
  }
  changed.sort(byKey);
  return { listId, from: from.version, to: to.version, added, removed, changed };
}
