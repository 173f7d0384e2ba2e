// What one imported regulatory or custom list contains, independent of the file it came from. Every importer
// (src/lists/importers) turns its format into an ImportedList; screening (src/screening) reads only these types.
// Facts (identifiers, names, dates, reasons, entry numbers) come from the source file; `limit` may come from
// chemreg's curated table (src/lists/curated-limits.ts) and then says so in `limit.source`.
import { z } from 'zod';

/** The lists chemreg knows by id. Custom lists (a region's phase-out list, a contract's own list) use their own id. */
export const WELL_KNOWN_LISTS = {
  'echa-candidate-list': 'REACH Candidate List of SVHC (Art. 59)',
  'reach-annex-xiv': 'REACH Annex XIV (Authorisation List)',
  'reach-annex-xvii': 'REACH Annex XVII (Restriction List)',
  'eu-pops': 'EU POPs Regulation (EU) 2019/1021',
  'clp-annex-vi': 'CLP Annex VI Table 3 (harmonised classification)',
  'clp-annex-vi-cmr': 'CLP Annex VI Table 3, entries classified Carc./Muta./Repr. 1A/1B',
  'rohs-annex-ii': 'RoHS 2011/65/EU Annex II',
  'chemsec-sin-list': 'ChemSec SIN List',
  'prio-phase-out-derived': 'KemI PRIO phase-out criteria (derived by chemreg from H codes and CLP Annex VI)',
} as const;
export type WellKnownListId = keyof typeof WELL_KNOWN_LISTS;

/**
 * The kind of each well-known list, whatever file it arrives in: it decides whether the list applies to every product
 * by law (regulatory, classification) or only through a contract (watch, derived). A chemreg CSV imported under
 * `reach-annex-xiv` is still Annex XIV.
 */
export const WELL_KNOWN_KINDS: Readonly<Record<WellKnownListId, 'regulatory' | 'classification' | 'watch' | 'derived'>> = {
  'echa-candidate-list': 'regulatory',
  'reach-annex-xiv': 'regulatory',
  'reach-annex-xvii': 'regulatory',
  'eu-pops': 'regulatory',
  'clp-annex-vi': 'classification',
  'clp-annex-vi-cmr': 'classification',
  'rohs-annex-ii': 'regulatory',
  'chemsec-sin-list': 'watch',
  'prio-phase-out-derived': 'derived',
};

/** A list's name and kind as stored: chemreg's own for the well-known lists, the file's (or the caller's) otherwise. */
export function listIdentity(list: { listId: string; name: string; kind: ListKind }): { listId: string; name: string; kind: ListKind } {
  if (!Object.hasOwn(WELL_KNOWN_LISTS, list.listId)) return { listId: list.listId, name: list.name, kind: list.kind };
  const id = list.listId as WellKnownListId;
  return { listId: id, name: WELL_KNOWN_LISTS[id], kind: WELL_KNOWN_KINDS[id] };
}

export const ListId = z
  .string()
  .trim()
  .regex(/^[a-z0-9][a-z0-9-]{1,62}[a-z0-9]$/, 'lowercase letters, digits and dashes, 3–64 characters')
  .describe('list id, e.g. "echa-candidate-list" or "region-stockholm-phase-out"');

export const ListKind = z
  .enum(['regulatory', 'classification', 'watch', 'derived', 'custom'])
  .describe('regulatory: a legal list (Candidate List, Annex XIV/XVII, POPs, RoHS); classification: CLP Annex VI; watch: NGO lists such as SIN; derived: rules chemreg derives (PRIO criteria); custom: a user-maintained list');
export type ListKind = z.infer<typeof ListKind>;

/** Where a concentration limit applies (domain.md "Lists"). */
export const LimitBasis = z.enum(['article', 'mixture', 'homogeneous-material', 'any']);
export type LimitBasis = z.infer<typeof LimitBasis>;

export const EntryLimit = z.strictObject({
  /** Limit in % w/w; presence-only entries have 0 (any detectable amount). */
  percent: z.number().min(0).max(100),
  basis: LimitBasis,
  /** Which products or uses the limit covers, in words ("toys and childcare articles", "all"). */
  scope: z.string().max(2000),
  /** list: printed in the source file; curated: chemreg's hand-maintained table; regulation: fixed by the regulation itself (Art. 33 0.1 %). */
  source: z.enum(['list', 'curated', 'regulation']),
  /** Legal reference of the limit (Annex XVII entry 51 para 1, Reg. 2019/1021 Annex I). */
  reference: z.string().max(500).optional(),
});
export type EntryLimit = z.infer<typeof EntryLimit>;

/** A specific concentration limit (SCL) from CLP Annex VI "M, SCL, ATE": `Repr. 1B; H360F: C ≥ 0,3 %`. */
export const SpecificLimit = z.strictObject({
  hazard: z.string().max(100).describe('hazard class and category or H code the SCL is for'),
  minPercent: z.number().min(0).max(100),
  text: z.string().max(500),
});
export type SpecificLimit = z.infer<typeof SpecificLimit>;

export const GroupMember = z.strictObject({
  name: z.string().max(2000),
  cas: z.string().nullable(),
  ec: z.string().nullable(),
});
export type GroupMember = z.infer<typeof GroupMember>;

export const ListEntry = z.strictObject({
  /** Stable across versions of one list: what version diffs and findings key on (entry no., index no., EC/CAS or name). */
  key: z.string().min(1).max(500),
  name: z.string().min(1).max(5000),
  description: z.string().max(10000).nullable(),
  /** Normalised identifiers of the entry itself and of its group members; invalid check digits are dropped and reported. */
  cas: z.array(z.string()),
  ec: z.array(z.string()),
  indexNumbers: z.array(z.string()),
  /** The entry covers a group (salts, isomers, "… compounds"): matches without an identifier are only ever possible. */
  group: z.boolean(),
  members: z.array(GroupMember),
  /** Element whose compounds the entry covers ("lead compounds", RoHS Pb): element rules yield possible matches. */
  element: z.string().max(20).nullable(),
  reasons: z.array(z.string().max(2000)),
  dateOfInclusion: z.iso.date().nullable(),
  /** Annex XVII entry number, Annex XIV entry, POPs annex part … as printed. */
  entryNumber: z.string().max(100).nullable(),
  /** CLP: "Carc. 1B", "Repr. 1A"; with their H codes ("H350", "H360FD"). */
  hazardClasses: z.array(z.string().max(100)),
  hazardCodes: z.array(z.string().max(20)),
  specificLimits: z.array(SpecificLimit),
  limit: EntryLimit.nullable(),
  /** Annex XIV dates. */
  sunsetDate: z.iso.date().nullable(),
  latestApplicationDate: z.iso.date().nullable(),
  /** Date the entry becomes binding (CLP ATPs); later than the list date → `upcoming`. */
  appliesFrom: z.iso.date().nullable(),
  upcoming: z.boolean(),
  /** Derived and custom rules: a substance classified with any of these H codes matches (prefix match: "H360" covers "H360FD"). */
  ruleHazardCodes: z.array(z.string().max(20)),
  /** Decision / conditions URL of the source. */
  link: z.string().max(2000).nullable(),
});
export type ListEntry = z.infer<typeof ListEntry>;

/** The file formats chemreg imports (issue 5 "Lists"). */
export const ListFormat = z.enum([
  'echa-chem-xlsx',
  'echa-legacy-xlsx',
  'echa-legacy-csv',
  'clp-annex-vi-xlsx',
  'sin-list-xlsx',
  'rohs-csv',
  'chemreg-csv',
  'chemreg-json',
]);
export type ListFormat = z.infer<typeof ListFormat>;

export interface ImportWarning {
  row: number | null;
  field: string | null;
  message: string;
}

/** One file's content, ready to be stored as an immutable list version. */
export interface ImportedList {
  listId: string;
  name: string;
  kind: ListKind;
  format: ListFormat;
  /** The date the source states (export date, last inclusion, ATP date …); null when the file says nothing. */
  listDate: string | null;
  /** Data rows read from the file (before de-duplication and group folding). */
  rowCount: number;
  entries: ListEntry[];
  warnings: ImportWarning[];
}

/** An entry with every optional fact empty: importers spread their facts over it. */
export function blankEntry(key: string, name: string): ListEntry {
  return {
    key,
    name,
    description: null,
    cas: [],
    ec: [],
    indexNumbers: [],
    group: false,
    members: [],
    element: null,
    reasons: [],
    dateOfInclusion: null,
    entryNumber: null,
    hazardClasses: [],
    hazardCodes: [],
    specificLimits: [],
    limit: null,
    sunsetDate: null,
    latestApplicationDate: null,
    appliesFrom: null,
    upcoming: false,
    ruleHazardCodes: [],
    link: null,
  };
}
