// Identifiers as lookup keys. A key is the identifier's digits without its check digit, as an integer, or -1 when
// the identifier is absent or must not be used for an exact match.
//
// Why integers: the matcher looks up every identifier of every substance of every product, and identifiers arrive
// as fresh strings from the database, so a string-keyed map would hash each one first; an integer below 2^31 is its
// own hash. The check digit is validated before it is dropped, so the key still identifies exactly one valid
// identifier (two numbers that differ only in the check digit cannot both be valid).
//
// Why validate here at all: the caller passes normalised identifiers and null for invalid ones
// (screening.types.ts), but a wrong check digit must never produce an exact match, so the matcher checks again.
// Canonical strings, nearly all of them, are checked in one pass over their characters; anything else goes through
// the parsers in src/chemistry/identifiers.ts, which accept printed variants and apply the same check-digit rules.
import { parseCas, parseEc, parseIndexNumber } from '../chemistry/identifiers.js';

export const NO_KEY = -1;

const ZERO = 48;
const DASH = 45;
const X = 88;

const digitAt = (value: string, at: number): number => {
  const digit = value.charCodeAt(at) - ZERO;
  return digit >= 0 && digit <= 9 ? digit : -1;
};

// --- CAS RN: NNNNNNN-NN-N; check digit = sum of each digit times its position from the right (from 1), mod 10 ----

/** The CAS RN's key; NO_KEY when it is null, malformed or its check digit is wrong. */
export function casKey(value: string | null): number {
  if (value === null) return NO_KEY;
  const key = canonicalCasKey(value);
  if (key !== undefined) return key;
  const parsed = parseCas(value);
  return parsed.valid && parsed.normalised !== null ? (canonicalCasKey(parsed.normalised) ?? NO_KEY) : NO_KEY;
}

/** For a canonical string (2–7 digits without a leading zero, 2 digits, 1 digit): its key or NO_KEY; else undefined. */
function canonicalCasKey(value: string): number | undefined {
  const length = value.length;
  if (length < 7 || length > 12 || value.charCodeAt(length - 2) !== DASH || value.charCodeAt(length - 5) !== DASH) return undefined;
  if (value.charCodeAt(0) === ZERO) return undefined;
  let sum = 0;
  let position = 1;
  let key = 0;
  let scale = 1;
  for (let i = length - 3; i >= 0; i--) {
    if (i === length - 5) continue;
    const digit = digitAt(value, i);
    if (digit < 0) return undefined;
    sum += digit * position++;
    key += digit * scale;
    scale *= 10;
  }
  const check = digitAt(value, length - 1);
  if (check < 0) return undefined;
  return sum % 10 === check ? key : NO_KEY;
}

// --- EC number: NNN-NNN-R, R = sum(i × d_i, i = 1..6) mod 11 ---------------------------------------------------------
// Remainder 10 is valid only for the ELINCS (4xx) numbers issued with check digit 1 (see identifiers.ts).

const EC_DIGITS = [0, 1, 2, 4, 5, 6];

/** The EC (or ECHA list) number's key; NO_KEY when it is null, malformed or its check digit is wrong. */
export function ecKey(value: string | null): number {
  if (value === null) return NO_KEY;
  const key = canonicalEcKey(value);
  if (key !== undefined) return key;
  const parsed = parseEc(value);
  return parsed.valid && parsed.normalised !== null ? (canonicalEcKey(parsed.normalised) ?? NO_KEY) : NO_KEY;
}

function canonicalEcKey(value: string): number | undefined {
  if (value.length !== 9 || value.charCodeAt(3) !== DASH || value.charCodeAt(7) !== DASH) return undefined;
  let sum = 0;
  let key = 0;
  let weight = 1;
  for (const at of EC_DIGITS) {
    const digit = digitAt(value, at);
    if (digit < 0) return undefined;
    sum += weight++ * digit;
    key = key * 10 + digit;
  }
  const check = digitAt(value, 8);
  const leading = digitAt(value, 0);
  // No EC or list number begins with 0 or 1: leave those to the parser, which says why.
  if (check < 0 || leading < 2) return undefined;
  const remainder = sum % 11;
  const valid = remainder === 10 ? leading === 4 && check === 1 : remainder === check;
  return valid ? key : NO_KEY;
}

/** ECHA "list numbers" (6xx–9xx) are assigned by ECHA, not official EC numbers: weaker identifiers (domain.md). */
export function isEcListNumber(ec: string): boolean {
  const leading = ec.trim().charCodeAt(0) - ZERO;
  return leading >= 6 && leading <= 9;
}

// --- CLP Annex VI index number: NNN-NNN-NN-C, ISBN-style check character (Annex VI Part 1 §1.1.1.1) ---------------

const INDEX_DIGITS = [0, 1, 2, 4, 5, 6, 8, 9];

/** The index number's key; NO_KEY when it is null, malformed or its check character is wrong. */
export function indexKey(value: string | null): number {
  if (value === null) return NO_KEY;
  const key = canonicalIndexKey(value);
  if (key !== undefined) return key;
  const parsed = parseIndexNumber(value);
  return parsed.valid && parsed.normalised !== null ? (canonicalIndexKey(parsed.normalised) ?? NO_KEY) : NO_KEY;
}

function canonicalIndexKey(value: string): number | undefined {
  if (value.length !== 12 || value.charCodeAt(3) !== DASH || value.charCodeAt(7) !== DASH || value.charCodeAt(10) !== DASH) return undefined;
  let sum = 0;
  let key = 0;
  let weight = 1;
  for (const at of INDEX_DIGITS) {
    const digit = digitAt(value, at);
    if (digit < 0) return undefined;
    sum += weight++ * digit;
    key = key * 10 + digit;
  }
  const printed = value.charCodeAt(11);
  const expected = sum % 11 === 10 ? X : ZERO + (sum % 11);
  if (printed !== X && digitAt(value, 11) < 0) return undefined;
  return printed === expected ? key : NO_KEY;
}
