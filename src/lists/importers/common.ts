// Helpers every importer shares: splitting multi-valued cells, validating identifiers into ListEntry arrays (with a
// warning for each one dropped), the key rule, group and element detection. Pure.
import { createHash } from 'node:crypto';
import { parseCas, parseEc } from '../../chemistry/identifiers.js';
import type { ImportWarning, ListEntry } from '../list-entry.js';
import { isMissing, parseListDate } from './dates.js';

export { isMissing };

/** Collects warnings with the row and column they concern. */
export class Warnings {
  readonly list: ImportWarning[] = [];

  add(row: number | null, field: string | null, message: string): void {
    this.list.push({ row, field, message });
  }
}

/** Where a value was read, for warnings. */
export interface CellRef {
  row: number | null;
  field: string;
}

// `[1]`, `[2]` … mark which substance of a multi-substance CLP Annex VI entry a line belongs to (README §5: "several
// CAS in one cell, newline-separated with [1] [2] markers").
const MARKER = /\s*\[(\d+)\]\s*$/u;

/** One value of a multi-valued cell with its `[n]` marker, if it had one. */
export interface MarkedValue {
  value: string;
  marker: number | null;
}

/**
 * Splits a multi-valued cell. ECHA separates values with newlines (README "Multi-valued cells"); the legacy exports
 * separate several CAS numbers with ", " ("10124-36-4, 31119-53-6"), the SIN List with " / ". `commas` also splits on
 * commas, semicolons and slashes, which only identifier cells may do (names contain them). Missing values (`-`, `N/A`) are dropped.
 */
export function splitCell(cell: string, options: { commas?: boolean } = {}): MarkedValue[] {
  const separator = options.commas === true ? /\r?\n|[,;/]/u : /\r?\n/u;
  const out: MarkedValue[] = [];
  for (const part of cell.split(separator)) {
    const marker = MARKER.exec(part);
    const value = (marker === null ? part : part.slice(0, marker.index)).trim();
    if (isMissing(value)) continue;
    out.push({ value, marker: marker === null ? null : Number(marker[1]) });
  }
  return out;
}

/** The values of a multi-valued cell, without markers. */
export function cellValues(cell: string, options: { commas?: boolean } = {}): string[] {
  return splitCell(cell, options).map((v) => v.value);
}

/** Appends values not yet in `target`, keeping first-seen order. */
export function addUnique<T>(target: T[], values: Iterable<T>): T[] {
  for (const v of values) if (!target.includes(v)) target.push(v);
  return target;
}

/**
 * Valid, normalised CAS numbers of the given values. A value with a wrong check digit or the wrong shape is left out
 * and reported: a list entry must never match on a typo (README "Validate the check digit").
 */
export function validCas(values: readonly string[], at: CellRef, warnings: Warnings): string[] {
  const out: string[] = [];
  for (const value of values) {
    const parsed = parseCas(value);
    if (parsed.valid && parsed.normalised !== null) addUnique(out, [parsed.normalised]);
    else warnings.add(at.row, at.field, `CAS "${value}" left out: ${parsed.reason ?? 'not a CAS RN'}`);
  }
  return out;
}

/** Valid, normalised EC numbers (ECHA list numbers included: they are still identifiers); the rest is reported. */
export function validEc(values: readonly string[], at: CellRef, warnings: Warnings): string[] {
  const out: string[] = [];
  for (const value of values) {
    const parsed = parseEc(value);
    if (parsed.valid && parsed.normalised !== null) addUnique(out, [parsed.normalised]);
    else warnings.add(at.row, at.field, `EC "${value}" left out: ${parsed.reason ?? 'not an EC number'}`);
  }
  return out;
}

/** Whether an EC number is an official EC number (EINECS/ELINCS/NLP, 2xx–5xx) rather than an ECHA list number. */
export function isOfficialEc(ec: string): boolean {
  return /^[2-5]/u.test(ec);
}

// Typographic variants that differ between exports of the same list (ECHA CHEM prints "4,4’- Diaminodiphenylmethane"
// where the legacy export prints "4,4'-"): unified before names are compared or used as keys.
const QUOTES = /[\u2018\u2019\u201a\u201b\u2032`´]/gu;
const DOUBLE_QUOTES = /[\u201c\u201d\u201e\u2033]/gu;
const DASHES = /[\u2010-\u2015\u2212]/gu;

/** A name reduced for comparison and keys: NFKC, lower case, one kind of quote and dash, single spaces. */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKC')
    .replace(QUOTES, "'")
    .replace(DOUBLE_QUOTES, '"')
    .replace(DASHES, '-')
    .toLowerCase()
    .replace(/\s+/gu, ' ')
    .trim();
}

const MAX_KEY = 500;

/** A normalised name as a key; names longer than a key may be are cut and made unique with a hash of the whole. */
export function nameKey(name: string): string {
  const normalised = normaliseName(name);
  if (normalised.length <= MAX_KEY) return normalised;
  const hash = createHash('sha256').update(normalised).digest('hex').slice(0, 16);
  return `${normalised.slice(0, MAX_KEY - 18)}…#${hash}`;
}

/**
 * The key rule for lists without their own entry numbers (Candidate List, Annex XIV, POPs, custom lists): the first
 * official EC number, else the first CAS number, else the normalised name. ECHA list numbers (6xx–9xx) are skipped:
 * ECHA assigns and withdraws them, and the two ECHA export families disagree on them for the same entry (the ECHA
 * CHEM Candidate List prints `-` where the legacy export prints list number 799-990-1 for the ethoxylated
 * nonylphenols), so they would make the key change between versions.
 */
export function identityKey(ec: readonly string[], cas: readonly string[], name: string): string {
  return ec.find(isOfficialEc) ?? cas[0] ?? nameKey(name);
}

// Names that say the entry covers more than one substance (domain.md "Identifiers": groups, isomers, "… and its
// salts"). Together with "no EC and no CAS" (README "Group entries have - in both the EC and CAS columns") this
// sets ListEntry.group.
const GROUP_NAME = new RegExp(
  [
    String.raw`\b(?:its|their)\s+(?:[\w-]+\s+){0,3}(?:salts|esters|isomers|compounds)\b`,
    String.raw`\bcompounds\b`,
    String.raw`\bsalts of\b`,
    String.raw`\bcovering any\b`,
    String.raw`\bbranched and linear\b`,
    String.raw`\b(?:all|individual|any of (?:the|its))\s+(?:\w+\s+)?(?:isomers|stereoisomers|congeners)\b`,
    String.raw`\(group\)`,
    String.raw`\brelated (?:substances|compounds)\b`,
  ].join('|'),
  'iu',
);

export function isGroupName(name: string): boolean {
  return GROUP_NAME.test(name);
}

// Elements whose compounds lists cover as a whole: Annex XVII entries 16–19, 23, 27, 47, 63 and the CLP Annex VI
// "… compounds with the exception of those specified elsewhere in this Annex" entries, RoHS Annex II. Stored as the
// symbol (RoHS writes them so); hexavalent chromium as Cr(VI) because the lists restrict only that oxidation state.
const ELEMENTS: ReadonlyArray<readonly [string, string]> = [
  ['lead', 'Pb'], ['cadmium', 'Cd'], ['mercury', 'Hg'], ['nickel', 'Ni'], ['arsenic', 'As'], ['cobalt', 'Co'],
  ['beryllium', 'Be'], ['selenium', 'Se'], ['antimony', 'Sb'], ['thallium', 'Tl'], ['uranium', 'U'], ['barium', 'Ba'],
  ['zinc', 'Zn'], ['copper', 'Cu'], ['tin', 'Sn'], ['tellurium', 'Te'], ['silver', 'Ag'], ['vanadium', 'V'],
  ['boron', 'B'], ['chromium', 'Cr'],
];
const ELEMENT_WORDS = ELEMENTS.map(([name]) => name).join('|');
const HEXAVALENT = String.raw`(?:\s*\(?\s*(?:VI|6\+?)\s*\)?)?`;
// "<element> compounds", "<element> and its compounds", "inorganic compounds of <element>", "Chromium (VI)
// compounds", "hexavalent chromium compounds". Anchored at the start of the name so that "trimethyltin compounds" or
// "Lead carbonates" (a specific salt family) do not count as the whole element.
const ELEMENT_GROUP = new RegExp(
  String.raw`^(?:(?:inorganic|organic|soluble|hexavalent)\s+)?(?:(?<a>${ELEMENT_WORDS})(?<aVi>${HEXAVALENT})\s+(?:and its\s+)?compounds\b` +
    String.raw`|compounds of\s+(?<b>${ELEMENT_WORDS})(?<bVi>${HEXAVALENT})\b)`,
  'iu',
);

/** The element (symbol) whose compounds an entry name covers as a whole, or null. */
export function elementOf(name: string): string | null {
  const text = name.trim().replace(/\s+/gu, ' ');
  const match = ELEMENT_GROUP.exec(text);
  if (match === null) return null;
  const word = (match.groups?.['a'] ?? match.groups?.['b'] ?? '').toLowerCase();
  const symbol = ELEMENTS.find(([n]) => n === word)?.[1] ?? null;
  if (symbol === 'Cr') {
    const hexavalent = (match.groups?.['aVi'] ?? match.groups?.['bVi'] ?? '').trim() !== '' || /^hexavalent\b/iu.test(text);
    return hexavalent ? 'Cr(VI)' : 'Cr';
  }
  return symbol;
}

/**
 * Makes keys unique within a list. Two entries with the same key would be one entry to a version diff and to
 * findings, so a clash is resolved (name key, then a numbered suffix) and reported; it points at a data problem.
 */
export function ensureUniqueKeys(entries: ListEntry[], warnings: Warnings): ListEntry[] {
  const seen = new Set<string>();
  return entries.map((entry) => {
    if (!seen.has(entry.key)) {
      seen.add(entry.key);
      return entry;
    }
    let key = nameKey(entry.name);
    for (let n = 2; seen.has(key); n++) key = `${nameKey(entry.name)} #${n}`;
    warnings.add(null, 'key', `"${entry.name}" has the same key ${entry.key} as an earlier entry; it is keyed ${key} instead`);
    seen.add(key);
    return { ...entry, key };
  });
}

/** Joins description parts that have content, one per line. Null when none has. */
export function joinDescription(parts: ReadonlyArray<string | null | undefined>): string | null {
  const kept = parts.map((p) => (p ?? '').trim()).filter((p) => p !== '' && !isMissing(p));
  return kept.length === 0 ? null : kept.join('\n').slice(0, 10_000);
}

/** A header cell reduced for matching: lower case, single spaces, no trailing dots or colons. */
export function normaliseHeader(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/\s+/gu, ' ').trim().replace(/[.:]+$/u, '').trim();
}

/** A table read from a sheet or a CSV: the header and the data rows with their row/line numbers. */
export interface Table {
  header: string[];
  rows: Array<{ row: number; cells: string[] }>;
}

/** Column positions by role; -1 when the file has no such column. */
export type Columns<K extends string> = Record<K, number>;

/**
 * Finds each role's column by its header text (compared normalised: case, spacing, trailing dots). `aliases` lists
 * the header texts each role may have. Missing required columns are returned for the caller to report.
 */
export function findColumns<K extends string>(
  header: readonly string[],
  aliases: Readonly<Record<K, readonly string[]>>,
): Columns<K> {
  const normalised = header.map(normaliseHeader);
  const out = {} as Columns<K>;
  for (const role of Object.keys(aliases) as K[]) {
    const names = aliases[role].map(normaliseHeader);
    out[role] = normalised.findIndex((h) => names.includes(h));
  }
  return out;
}

/** The trimmed text of a cell; '' for a column the file does not have. */
export function cellAt(cells: readonly string[], index: number): string {
  return index < 0 ? '' : (cells[index] ?? '').trim();
}

/** A cell's text, or null when it holds ECHA's missing-value marker. */
export function valueAt(cells: readonly string[], index: number): string | null {
  const text = cellAt(cells, index);
  return isMissing(text) ? null : text;
}

/** A date cell (DD-Mon-YYYY in English or Dutch, or ISO); a value that is present but unreadable is reported. */
export function dateAt(cells: readonly string[], index: number, at: CellRef, warnings: Warnings): string | null {
  const text = cellAt(cells, index);
  if (isMissing(text)) return null;
  const parsed = parseListDate(text);
  if (parsed.date === null) warnings.add(at.row, at.field, `date left out: ${parsed.problem}`);
  return parsed.date;
}

/**
 * A name cell as one name. ECHA CHEM repeats the name on one line per identifier when an entry has several CAS
 * numbers ("Cadmium sulphate\nCadmium sulphate" beside "10124-36-4\n31119-53-6"): repeated lines are dropped and
 * distinct lines joined with "; ".
 */
export function nameOf(cell: string): string {
  return addUnique<string>([], cell.split(/\r?\n/u).map((l) => l.trim()).filter((l) => l !== '')).join('; ');
}

/**
 * The URLs of a link cell, in printed order. A Candidate List entry amended by later decisions lists every decision:
 * newline-separated in ECHA CHEM, joined with `#` in the legacy xlsx and with `"` in the legacy CSV.
 */
export function urlsIn(cell: string): string[] {
  return cell.split(/[\s#"]+/u).filter((v) => /^https?:\/\//iu.test(v));
}
