// Substance identifiers as printed in SDS section 3 (REACH Annex II §3.1–3.2), in product declarations and in the
// ECHA/CLP list exports. Every parser keeps the supplier's original string beside the normalised value, and a
// well-formed number with a wrong check digit is kept and flagged (`valid: false` with `normalised` set), never
// silently dropped: an expert must see the typo. Pure functions: no I/O.

export interface ParsedIdentifier {
  /** Exactly what the supplier or list printed. */
  original: string;
  /** Canonical form, or null when the input does not have the identifier's shape at all. */
  normalised: string | null;
  valid: boolean;
  /** Why `valid` is false. */
  reason?: string;
}

export type ParsedCas = ParsedIdentifier;

/** 'ec': EINECS (2xx, 3xx), ELINCS (4xx) or NLP (5xx); 'list-number': assigned by ECHA (6xx–9xx), not official. */
export type EcKind = 'ec' | 'list-number';

export interface ParsedEc extends ParsedIdentifier {
  /** Null when the input is not shaped like an EC number. */
  kind: EcKind | null;
}

export type ParsedIndexNumber = ParsedIdentifier;

export interface ParsedReachRegistration extends ParsedIdentifier {
  /**
   * The last four digits identify the individual registrant. SDSs often mask them (`-xxxx`) or leave them out; the
   * first three parts still identify the substance's joint submission, so the number stays usable for matching.
   */
  registrant: 'present' | 'masked' | 'absent' | null;
}

// Hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign: PDF text extraction and word processors
// turn the ASCII hyphen into any of these.
const DASH_CLASS = '\\-\\u2010\\u2011\\u2012\\u2013\\u2014\\u2212';
const DASHES = new RegExp(`[${DASH_CLASS}]`, 'gu');
// A separator inside a field value: one dash with optional whitespace around it, or whitespace alone.
const SEPARATOR = /\s*-\s*|\s+/gu;

function toDigits(text: string): number[] {
  return [...text].map(Number);
}

function unify(raw: string): string {
  return raw.trim().replace(DASHES, '-');
}

/** Splits a field value into digit groups on dashes/whitespace; null when anything else is in it. */
function digitGroups(raw: string): string[] | null {
  const text = unify(raw);
  if (text === '') return null;
  const groups = text.split(SEPARATOR);
  return groups.every((g) => /^\d+$/u.test(g)) ? groups : null;
}

function invalid(original: string, reason: string, normalised: string | null = null): ParsedIdentifier {
  return { original, normalised, valid: false, reason };
}

// --- CAS Registry Number ----------------------------------------------------------------------------------------
// CAS Registry: NNNNNNN-NN-N, two to seven digits, two digits, one check digit. The check digit is the sum of every
// other digit times its position counted from the right (the digit just left of the check digit is position 1),
// mod 10.

export function casCheckDigit(digitsWithoutCheck: string): number {
  const digits = toDigits(digitsWithoutCheck).reverse();
  return digits.reduce((sum, d, i) => sum + d * (i + 1), 0) % 10;
}

function casFromDigits(original: string, digits: string): ParsedCas {
  // Leading zeros are padding (some databases print 0000064-17-5 or a zero-padded ten-digit field); CAS numbers
  // themselves never begin with 0.
  const significant = digits.replace(/^0+/u, '');
  if (significant.length < 5 || significant.length > 10) {
    return invalid(original, 'a CAS RN has 5 to 10 digits: NNNNNNN-NN-N (2–7, 2 and 1 check digit)');
  }
  const body = significant.slice(0, -1);
  const check = Number(significant.slice(-1));
  const normalised = `${significant.slice(0, -3)}-${significant.slice(-3, -1)}-${significant.slice(-1)}`;
  const expected = casCheckDigit(body);
  if (expected !== check) {
    return invalid(original, `CAS check digit is ${check}, the digits before it require ${expected}`, normalised);
  }
  return { original, normalised, valid: true };
}

/**
 * Parses one CAS RN field value. Accepts unicode dashes, whitespace around or instead of dashes, leading zero
 * padding, and the compact form without separators (`64175`) — the compact form only when its check digit confirms
 * it, because a bare run of digits is otherwise as likely to be an article number or an EC number written compact.
 */
export function parseCas(raw: string): ParsedCas {
  const groups = digitGroups(raw);
  if (groups === null) return invalid(raw, 'not a CAS RN: expected digits NNNNNNN-NN-N');
  if (groups.length === 1) {
    const compact = groups[0] ?? '';
    const parsed = casFromDigits(raw, compact);
    if (parsed.valid || parsed.normalised === null) return parsed;
    return invalid(raw, `compact CAS RN without dashes is only accepted when its check digit is right (${parsed.reason})`);
  }
  const [first = '', second = '', third = ''] = groups;
  if (groups.length !== 3 || second.length !== 2 || third.length !== 1) {
    return invalid(raw, 'not a CAS RN: expected NNNNNNN-NN-N (2–7 digits, 2 digits, 1 check digit)');
  }
  const firstSignificant = first.replace(/^0+/u, '');
  if (firstSignificant.length < 2 || firstSignificant.length > 7) {
    return invalid(raw, 'the first part of a CAS RN has 2 to 7 digits');
  }
  return casFromDigits(raw, `${firstSignificant}${second}${third}`);
}

// --- EC number ---------------------------------------------------------------------------------------------------
// The Commission's EC numbering (EINECS 2xx–3xx, ELINCS 4xx, NLP 5xx): NNN-NNN-R with R = sum(i × d_i, i = 1..6)
// mod 11. A remainder of 10 was normally skipped — except that 181 ELINCS numbers (4xx) with remainder 10 were
// issued with check digit 1 (e.g. 423-740-1, 2-cyclohexylidene-2-phenylacetonitrile, in CLP Annex VI; 63 such
// numbers appear in the ECHA exports under shared/data/lists). ECHA assigns "list numbers" in the same format and
// with the same check digit from 6xx upwards; they have no legal standing, so they are weaker identifiers.

/** The check digit of the first six digits, or null when the remainder is 10 (no regular EC number has it). */
export function ecCheckDigit(firstSix: string): number | null {
  const sum = toDigits(firstSix).reduce((acc, d, i) => acc + d * (i + 1), 0) % 11;
  return sum === 10 ? null : sum;
}

function ecFromDigits(original: string, digits: string): ParsedEc {
  const normalised = `${digits.slice(0, 3)}-${digits.slice(3, 6)}-${digits.slice(6)}`;
  const leading = digits[0] ?? '0';
  if (leading === '0' || leading === '1') {
    return { ...invalid(original, 'no EC number or ECHA list number begins with 0 or 1', normalised), kind: null };
  }
  const kind: EcKind = leading >= '6' ? 'list-number' : 'ec';
  const check = Number(digits[6]);
  const expected = ecCheckDigit(digits.slice(0, 6));
  if (expected === null) {
    if (leading === '4' && check === 1) return { original, normalised, valid: true, kind };
    return { ...invalid(original, 'these six digits give remainder 10, which is never issued as an EC number', normalised), kind };
  }
  if (expected !== check) {
    return { ...invalid(original, `EC check digit is ${check}, the digits before it require ${expected}`, normalised), kind };
  }
  return { original, normalised, valid: true, kind };
}

/** Parses one EC number (or ECHA list number) field value: NNN-NNN-N, or seven digits when the check digit confirms it. */
export function parseEc(raw: string): ParsedEc {
  const groups = digitGroups(raw);
  if (groups === null) return { ...invalid(raw, 'not an EC number: expected NNN-NNN-N'), kind: null };
  if (groups.length === 1 && groups[0]?.length === 7) {
    const parsed = ecFromDigits(raw, groups[0]);
    if (parsed.valid) return parsed;
    return { ...invalid(raw, `compact EC number without dashes is only accepted when its check digit is right (${parsed.reason})`), kind: null };
  }
  if (groups.length !== 3 || groups[0]?.length !== 3 || groups[1]?.length !== 3 || groups[2]?.length !== 1) {
    return { ...invalid(raw, 'not an EC number: expected NNN-NNN-N'), kind: null };
  }
  return ecFromDigits(raw, groups.join(''));
}

// --- CLP Annex VI index number -----------------------------------------------------------------------------------
// CLP Regulation (EC) No 1272/2008 Annex VI Part 1 §1.1.1.1: ABC-RST-VW-Y, where ABC is the atomic number of the
// characteristic element (or 6xx for organic substance classes), RST a serial number, VW the form of production,
// and Y a check digit computed by the ISBN method: sum(i × d_i, i = 1..8) mod 11, with 10 written "X". Every one of
// the 4,470 index numbers in ECHA's Annex VI exports (shared/data/lists/echa) satisfies it.

/** The check character ('0'–'9' or 'X') of the first eight digits of an index number. */
export function indexCheckCharacter(firstEight: string): string {
  const sum = toDigits(firstEight).reduce((acc, d, i) => acc + d * (i + 1), 0) % 11;
  return sum === 10 ? 'X' : String(sum);
}

export function parseIndexNumber(raw: string): ParsedIndexNumber {
  const text = unify(raw).toUpperCase().replace(/\s*-\s*/gu, '-');
  const match = /^(\d{3})-(\d{3})-(\d{2})-([\dX])$/u.exec(text);
  if (match === null) return invalid(raw, 'not a CLP index number: expected NNN-NNN-NN-C (C a digit or X)');
  const [, abc = '', rst = '', vw = '', check = ''] = match;
  const normalised = `${abc}-${rst}-${vw}-${check}`;
  const expected = indexCheckCharacter(`${abc}${rst}${vw}`);
  if (expected !== check) {
    return invalid(raw, `index number check character is ${check}, the digits before it require ${expected}`, normalised);
  }
  return { original: raw, normalised, valid: true };
}

// --- REACH registration number -----------------------------------------------------------------------------------
// REACH Art. 20(1) registration number as printed in SDS section 1.1 and 3 (REACH Annex II §1.1, §3.1):
// 01-NNNNNNNNNN-NN-NNNN. The 01 prefix marks a registration; the last four digits identify the registrant and are
// commonly masked as xxxx. No published check rule, so this is a format check only.

export function parseReachRegistration(raw: string): ParsedReachRegistration {
  const text = unify(raw).replace(/\s*-\s*/gu, '-');
  const match = /^(\d{2})-(\d{10})-(\d{2})(?:-([\dXx*]{4}))?$/u.exec(text);
  if (match === null) {
    return { ...invalid(raw, 'not a REACH registration number: expected 01-NNNNNNNNNN-NN-NNNN'), registrant: null };
  }
  const [, prefix = '', base = '', checksum = '', last] = match;
  if (prefix !== '01') {
    return { ...invalid(raw, `a REACH registration number begins with 01, not ${prefix}`), registrant: null };
  }
  const substance = `${prefix}-${base}-${checksum}`;
  if (last === undefined) return { original: raw, normalised: substance, valid: true, registrant: 'absent' };
  if (/^\d{4}$/u.test(last)) return { original: raw, normalised: `${substance}-${last}`, valid: true, registrant: 'present' };
  return { original: raw, normalised: `${substance}-${last.toUpperCase()}`, valid: true, registrant: 'masked' };
}

// --- Free text ---------------------------------------------------------------------------------------------------

export type FoundIdentifier =
  | { type: 'cas'; offset: number; text: string; parsed: ParsedCas }
  | { type: 'ec'; offset: number; text: string; parsed: ParsedEc }
  | { type: 'index'; offset: number; text: string; parsed: ParsedIndexNumber }
  | { type: 'reach'; offset: number; text: string; parsed: ParsedReachRegistration };

export interface FindIdentifiersOptions {
  /** Drop well-formed numbers whose check digit is wrong (default false: they are returned flagged). */
  validOnly?: boolean;
}

const D = `[${DASH_CLASS}]`;
// A match must stand alone as a token: no letter, digit or underscore directly before it, and no "digit + dash"
// before it either, so the tail of a longer dashed number (a date 2020-12-01, a phone number +1-800-555-0199, a
// REACH number) is never read as an identifier of its own. A letter + dash before it is allowed: labels such as
// "CAS-64-17-5" occur. After the match: no letter or digit, and no dash followed by a letter or digit, so that
// 603-001-00-5 is not an EC number 603-001-0 and 2020-12-01 is not a CAS 2020-12-0.
const BEFORE = `(?<![\\p{L}\\p{N}_])(?<!\\p{N}${D})(?<!\\p{N}\\.)`;
const AFTER = `(?![\\p{L}\\p{N}_])(?!${D}[\\p{L}\\p{N}])`;
// Alternatives are tried longest shape first at each position: REACH (2-10-2[-4]), index (3-3-2-1), EC (3-3-1),
// CAS (2..7-2-1). Compact forms without dashes are not searched in free text: bare digit runs are too often
// something else (article numbers, phone numbers).
const IDENTIFIER_PATTERN = new RegExp(
  `${BEFORE}(?:` +
    `(?<reach>01${D}\\d{10}${D}\\d{2}(?:${D}[\\dXx*]{4})?)` +
    `|(?<index>\\d{3}${D}\\d{3}${D}\\d{2}${D}[\\dXx])` +
    `|(?<ec>\\d{3}${D}\\d{3}${D}\\d)` +
    `|(?<cas>\\d{2,7}${D}\\d{2}${D}\\d)` +
    `)${AFTER}`,
  'gu',
);

/**
 * Every CAS RN, EC/list number, CLP index number and REACH registration number in free text (an SDS page, a
 * declaration cell), in order of appearance, with the offset and the exact matched text.
 *
 * Shapes that only look like identifiers are left out rather than flagged: a CAS-shaped token with a leading zero
 * (phone-number-like, "031-12-3") unless its check digit is right, and an EC-shaped token beginning with 0 or 1.
 * Other well-formed tokens with a wrong check digit are returned with `parsed.valid === false`.
 */
export function findIdentifiers(text: string, options: FindIdentifiersOptions = {}): FoundIdentifier[] {
  const found: FoundIdentifier[] = [];
  for (const match of text.matchAll(IDENTIFIER_PATTERN)) {
    const offset = match.index;
    const token = match[0];
    const groups = match.groups ?? {};
    let item: FoundIdentifier;
    if (groups['reach'] !== undefined) {
      item = { type: 'reach', offset, text: token, parsed: parseReachRegistration(token) };
    } else if (groups['index'] !== undefined) {
      item = { type: 'index', offset, text: token, parsed: parseIndexNumber(token) };
    } else if (groups['ec'] !== undefined) {
      const parsed = parseEc(token);
      if (parsed.kind === null) continue;
      item = { type: 'ec', offset, text: token, parsed };
    } else {
      const parsed = parseCas(token);
      if (token.startsWith('0') && !parsed.valid) continue;
      item = { type: 'cas', offset, text: token, parsed };
    }
    if (options.validOnly === true && !item.parsed.valid) continue;
    found.push(item);
  }
  return found;
}
