// Folds the group members of a "split" export into the entries of another export of the same list (README: the
// ECHA CHEM exports do not expand groups; the legacy echa.europa.eu exports split each group entry into one row
// per member). Used by the snapshot script; pure.
import type { GroupMember, ImportedList, ListEntry } from '../list-entry.js';
import { addUnique, isGroupName, normaliseName } from './common.js';

export interface FoldResult {
  list: ImportedList;
  /** Entries of the split export whose members were folded in. */
  folded: number;
  /** Names of split-export groups that matched no entry, or more than one. */
  unmatched: string[];
  /** Entries without any identifier that took the EC/CAS the split export gives the same substance (match 'name'). */
  identified: number;
}

/**
 * How a split-export group finds its entry:
 * - 'key': by entry key (Annex XVII: both exports key on the entry number);
 * - 'name': by name — the entry's name equals the group's own name or one member's name (normalised) — and, failing
 *   that, by the entry's own EC/CAS appearing in the group. A group is folded only when exactly one entry matches.
 */
export type FoldMatch = 'key' | 'name';

function memberKey(m: GroupMember): string {
  return `${normaliseName(m.name)}|${m.cas ?? ''}|${m.ec ?? ''}`;
}

export function foldGroupMembers(primary: ImportedList, split: ImportedList, match: FoldMatch): FoldResult {
  if (primary.listId !== split.listId) throw new Error(`cannot fold ${split.listId} into ${primary.listId}`);
  const entries = primary.entries.map((e) => ({ ...e, cas: [...e.cas], ec: [...e.ec], members: [...e.members] }));
  const byKey = new Map(entries.map((e) => [e.key, e]));
  const byName = new Map<string, ListEntry[]>();
  for (const e of entries) byName.set(normaliseName(e.name), [...(byName.get(normaliseName(e.name)) ?? []), e]);
  const unmatched: string[] = [];
  let folded = 0;

  for (const group of split.entries.filter((e) => e.members.length > 0)) {
    const rows: GroupMember[] = [{ name: group.name, cas: group.cas[0] ?? null, ec: group.ec[0] ?? null }, ...group.members];
    let target: ListEntry | undefined;
    if (match === 'key') {
      target = byKey.get(group.key);
    } else {
      const named = new Set(rows.flatMap((r) => byName.get(normaliseName(r.name)) ?? []));
      if (named.size === 1) target = [...named][0];
      else if (named.size === 0) {
        const ids = new Set([...group.cas, ...group.ec]);
        const byId = entries.filter((e) => [...e.cas, ...e.ec].some((id) => ids.has(id)));
        if (byId.length === 1) target = byId[0];
      }
    }
    if (target === undefined) {
      unmatched.push(group.name);
      continue;
    }
    const own = normaliseName(target.name);
    const known = new Set(target.members.map(memberKey));
    for (const row of rows) {
      if (normaliseName(row.name) === own || known.has(memberKey(row))) continue;
      known.add(memberKey(row));
      target.members.push(row);
    }
    addUnique(target.cas, group.cas);
    addUnique(target.ec, group.ec);
    target.group = true;
    folded += 1;
  }
  // ECHA CHEM prints `-` for a few single substances the legacy export identifies (tris(2-methoxyethoxy)vinylsilane,
  // EC 213-934-0): an entry with no identifier at all takes them from the same-named split row.
  let identified = 0;
  if (match === 'name') {
    for (const single of split.entries.filter((e) => e.members.length === 0 && (e.cas.length > 0 || e.ec.length > 0))) {
      const same = byName.get(normaliseName(single.name)) ?? [];
      const target = same.length === 1 ? same[0] : undefined;
      if (target === undefined || target.cas.length > 0 || target.ec.length > 0) continue;
      addUnique(target.cas, single.cas);
      addUnique(target.ec, single.ec);
      // It was a group only for want of identifiers (README "Group entries have - in both the EC and CAS columns").
      target.group = target.members.length > 0 || target.element !== null || isGroupName(target.name);
      identified += 1;
    }
  }
  const warnings = [...primary.warnings, ...split.warnings.map((w) => ({ ...w, message: `(${split.format}) ${w.message}` }))];
  return { list: { ...primary, entries, warnings }, folded, unmatched, identified };
}
