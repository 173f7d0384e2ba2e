// Concentrations as printed in SDS section 3 (REACH Annex II §3.2.1: "concentration or concentration range"),
// in product/article declarations (weight %, ppm) and in CLP Annex VI specific concentration limits
// ("Skin Irrit. 2; H315: 5 % ≤ C < 10 %"). Parsing never throws: unreadable text gives `parsed: false`, and
// impossible values (above 100 %, a lower bound above the upper one) are parsed and reported in `problem`.

export type ConcentrationUnit = '%' | 'ppm' | 'mg/kg';
/** Weight (mass) fraction or volume fraction. Legal limits (REACH Art. 33, Annex XVII, RoHS, CLP) are all w/w. */
export type ConcentrationBasis = 'w/w' | 'v/v';

export interface Concentration {
  /** The text as printed. */
  text: string;
  /** False when no concentration could be read (trade secret, "*", "-", garbled text); min and max are then null. */
  parsed: boolean;
  /** Lower bound; null when none is stated (`< 1 %`). */
  min: number | null;
  /** Upper bound; null when none is stated (`> 90 %`). */
  max: number | null;
  /** Whether the bound itself is included (`≥`, or a plain number); false for `>` and for an absent bound. */
  minInclusive: boolean;
  maxInclusive: boolean;
  /** Null when the text states no unit (SDS tables often put "%" only in the column header). */
  unit: ConcentrationUnit | null;
  /** `ca. 5 %`, `~5 %`: the point value is not exact. */
  approximate: boolean;
  basis: ConcentrationBasis | null;
  /** What is wrong with a parsed value, or why the text could not be read although it contains digits. */
  problem?: string;
}

type Op = '<' | '≤' | '>' | '≥' | '=';

type Token =
  | { kind: 'number'; value: number; text: string }
  | { kind: 'op'; op: Op }
  | { kind: 'approx' }
  | { kind: 'variable' }
  | { kind: 'unit'; unit: ConcentrationUnit; basis: ConcentrationBasis | null }
  | { kind: 'basis'; basis: ConcentrationBasis }
  | { kind: 'separator' };

const WORD_END = '(?![a-zåäöüß])';

// Tried in order at each position of the lower-cased text; the first that matches wins.
const LEXICON: ReadonlyArray<readonly [RegExp, (m: string) => Token | null]> = [
  [/\s+/y, () => null],
  [/\d+(?:[.,]\d+)?/y, (m) => ({ kind: 'number', value: Number(m.replace(',', '.')), text: m })],
  // Comparison operators, including the ASCII spellings suppliers type (=>, >=, =<, <=).
  [/>=|=>|≥|⩾|≧/y, () => ({ kind: 'op', op: '≥' })],
  [/<=|=<|≤|⩽|≦/y, () => ({ kind: 'op', op: '≤' })],
  [/>/y, () => ({ kind: 'op', op: '>' })],
  [/</y, () => ({ kind: 'op', op: '<' })],
  [/=/y, () => ({ kind: 'op', op: '=' })],
  // Approximate values (English, Swedish, German, French as seen in SDSs): ca., circa, approx., ~, ≈.
  [new RegExp(`(?:ca\\.?|circa|approx(?:imately|\\.)?|about|c\\.|ungefär|etwa|env\\.?|environ)${WORD_END}|~|≈`, 'y'), () => ({ kind: 'approx' })],
  // Bounds written as words: "max. 5 %", "up to 5 %", "min. 95 %", "less than 1 %".
  [new RegExp(`(?:max(?:imum|\\.)?|up to|not more than|högst|höchstens)${WORD_END}`, 'y'), () => ({ kind: 'op', op: '≤' })],
  [new RegExp(`(?:min(?:imum|\\.)?|at least|not less than|minst|mindestens)${WORD_END}`, 'y'), () => ({ kind: 'op', op: '≥' })],
  [new RegExp(`(?:less than|below)${WORD_END}`, 'y'), () => ({ kind: 'op', op: '<' })],
  [new RegExp(`(?:more than|greater than|above)${WORD_END}`, 'y'), () => ({ kind: 'op', op: '>' })],
  // The concentration variable of CLP Annex VI specific concentration limits: "C ≥ 25 %", "0,1 % ≤ C < 1 %".
  [/c(?![a-z.])/y, () => ({ kind: 'variable' })],
  // Units. Weight-percent spellings (wt%, Gew.-%, vikt-%, mass-%) also fix the basis; vol% fixes v/v.
  [/(?:wt|gew|vikt|masse?)\.?\s*-?\s*%/y, () => ({ kind: 'unit', unit: '%', basis: 'w/w' })],
  [/vol\.?\s*-?\s*%|%\s*\((?:v|vol)\)/y, () => ({ kind: 'unit', unit: '%', basis: 'v/v' })],
  [/%\s*\((?:w|m|wt)\)/y, () => ({ kind: 'unit', unit: '%', basis: 'w/w' })],
  [new RegExp(`%|percent${WORD_END}|procent${WORD_END}|prozent${WORD_END}`, 'y'), () => ({ kind: 'unit', unit: '%', basis: null })],
  [new RegExp(`ppm${WORD_END}`, 'y'), () => ({ kind: 'unit', unit: 'ppm', basis: null })],
  [new RegExp(`mg\\s*/\\s*kg${WORD_END}`, 'y'), () => ({ kind: 'unit', unit: 'mg/kg', basis: null })],
  [/\(?\s*(?:w\/w|m\/m|wt\/wt)\s*\)?|\(?\s*by (?:weight|wt\.?|mass)\s*\)?/y, () => ({ kind: 'basis', basis: 'w/w' })],
  [/\(?\s*v\/v\s*\)?|\(?\s*by volume\s*\)?/y, () => ({ kind: 'basis', basis: 'v/v' })],
  // Range separators: a dash (already unified), "to", "bis", "till" (sv), "and", an ellipsis.
  [new RegExp(`-|(?:to|bis|till|and|und|och)${WORD_END}|\\.\\.\\.|…`, 'y'), () => ({ kind: 'separator' })],
];

const ENTITIES: Readonly<Record<string, string>> = { lt: '<', gt: '>', le: '≤', ge: '≥', nbsp: ' ', amp: '&' };

function decodeEntities(text: string): string {
  // Twice, because exports double-escape (`&amp;lt;`).
  let out = text;
  for (let round = 0; round < 2; round++) {
    out = out
      .replace(/&#x([0-9a-f]+);/giu, (_, hex: string) => String.fromCodePoint(Number.parseInt(hex, 16)))
      .replace(/&#(\d+);/gu, (_, dec: string) => String.fromCodePoint(Number(dec)))
      .replace(/&([a-z]+);/giu, (whole, name: string) => ENTITIES[name.toLowerCase()] ?? whole);
  }
  return out;
}

function clean(text: string): string {
  return decodeEntities(text)
    .replace(/[\u00a0\u2000-\u200b\u202f]/gu, ' ')
    .replace(/[\u2010-\u2015\u2212]/gu, '-')
    // Trailing footnote markers: "30 %*", "< 1 %¹".
    .replace(/[\s*†‡¹²³⁴⁵⁶⁷⁸⁹⁰]+$/u, '')
    .trim()
    .toLowerCase();
}

function tokenize(text: string): Token[] | null {
  const tokens: Token[] = [];
  let at = 0;
  outer: while (at < text.length) {
    for (const [pattern, make] of LEXICON) {
      pattern.lastIndex = at;
      const match = pattern.exec(text);
      if (match === null || match[0] === '') continue;
      at += match[0].length;
      const token = make(match[0]);
      if (token !== null) tokens.push(token);
      continue outer;
    }
    return null;
  }
  return tokens;
}

interface Bound {
  op: Op | null;
  value: number;
  text: string;
  unit: ConcentrationUnit | null;
}

/** A small cursor over the token list, so the grammar below reads like the forms it accepts. */
class Reader {
  private at = 0;
  constructor(private readonly tokens: Token[]) {}
  peek(ahead = 0): Token | undefined {
    return this.tokens[this.at + ahead];
  }
  done(): boolean {
    return this.at >= this.tokens.length;
  }
  take<K extends Token['kind']>(kind: K): Extract<Token, { kind: K }> | null {
    const token = this.tokens[this.at];
    if (token?.kind !== kind) return null;
    this.at++;
    return token as Extract<Token, { kind: K }>;
  }
}

function unread(text: string, problem?: string): Concentration {
  const result: Concentration = {
    text, parsed: false, min: null, max: null, minInclusive: false, maxInclusive: false,
    unit: null, approximate: false, basis: null,
  };
  if (problem !== undefined) result.problem = problem;
  return result;
}

function readBound(reader: Reader, state: { basis: ConcentrationBasis | null }): Bound | null {
  const op = reader.take('op')?.op ?? null;
  const number = reader.take('number');
  if (number === null) return null;
  const unitToken = reader.take('unit');
  if (unitToken?.basis) state.basis = unitToken.basis;
  const basisToken = reader.take('basis');
  if (basisToken !== null) state.basis = basisToken.basis;
  return { op, value: number.value, text: number.text, unit: unitToken?.unit ?? null };
}

const LOWER_OPS: ReadonlySet<Op | null> = new Set<Op | null>([null, '=', '≥', '>']);
const UPPER_OPS: ReadonlySet<Op | null> = new Set<Op | null>([null, '=', '≤', '<']);

/**
 * Parses one printed concentration. Accepted forms (with `%`, `ppm`, `mg/kg` or no unit, decimal point or comma):
 * - single value `30 %` → min = max = 30, both inclusive; `ca. 5 %`, `~5%` → the same with `approximate: true`;
 * - open bounds `< 1`, `≤ 0,1 %`, `> 90`, `=> 10`, `max. 5 %`, `C ≥ 25 %` → the other bound is null;
 * - ranges `10 - 25`, `0,1-1`, `≥10 – <25 %`, `>= 10 - < 25%`, `10-<25`, `≥ 1 < 5`, `0,1 % ≤ C < 1 %`; a bound
 *   without an operator is inclusive.
 * `&lt;`/`&gt;`, `(w/w)`, `wt%`, `% v/v` and footnote markers are understood. Text without digits (Trade secret, `*`)
 * gives `parsed: false` with no problem; text with digits that fits none of the forms gives a problem as well.
 */
export function parseConcentration(raw: string): Concentration {
  const text = clean(raw);
  if (!/\d/u.test(text)) return unread(raw);
  const tokens = tokenize(text);
  if (tokens === null) return unread(raw, `not a concentration: "${raw.trim()}"`);

  const state: { basis: ConcentrationBasis | null } = { basis: null };
  const reader = new Reader(tokens);
  const approximate = reader.take('approx') !== null;
  let lower: Bound | null;
  let upper: Bound | null;

  if (reader.take('variable') !== null) {
    // C ≥ 25 %  (CLP Annex VI specific concentration limit, one-sided)
    const only = readBound(reader, state);
    if (only === null || only.op === null || only.op === '=') {
      return unread(raw, `a concentration limit is written "C ≥ 25 %": "${raw.trim()}"`);
    }
    [lower, upper] = LOWER_OPS.has(only.op) ? [only, null] : [null, only];
  } else {
    const first = readBound(reader, state);
    if (first === null) return unread(raw, `no number where one was expected: "${raw.trim()}"`);
    const opBeforeVariable = reader.peek()?.kind === 'op' && reader.peek(1)?.kind === 'variable' ? reader.take('op') : null;
    if (opBeforeVariable !== null) {
      // 0,1 % ≤ C < 1 %  (CLP Annex VI two-sided form: the first operator reads right to left)
      reader.take('variable');
      const second = readBound(reader, state);
      const leftOp = opBeforeVariable.op;
      if (first.op !== null || (leftOp !== '≤' && leftOp !== '<') || (second?.op !== '≤' && second?.op !== '<')) {
        return unread(raw, `a two-sided limit is written "a ≤ C < b": "${raw.trim()}"`);
      }
      lower = { ...first, op: leftOp === '≤' ? '≥' : '>' };
      upper = second;
    } else if (reader.done()) {
      [lower, upper] = first.op === null || first.op === '=' ? [first, first] : LOWER_OPS.has(first.op) ? [first, null] : [null, first];
    } else {
      const separated = reader.take('separator') !== null;
      const second = readBound(reader, state);
      if (second === null || (!separated && second.op === null)) {
        return unread(raw, `not a concentration or range: "${raw.trim()}"`);
      }
      if (!LOWER_OPS.has(first.op) || !UPPER_OPS.has(second.op)) {
        return unread(raw, `a range is written lower bound first ("≥ 10 – < 25"): "${raw.trim()}"`);
      }
      [lower, upper] = [first, second];
    }
  }
  const trailingBasis = reader.take('basis');
  if (trailingBasis !== null) state.basis = trailingBasis.basis;
  if (!reader.done()) return unread(raw, `unexpected text after the concentration: "${raw.trim()}"`);

  if (lower?.unit && upper?.unit && lower.unit !== upper.unit) {
    return unread(raw, `the two bounds have different units (${lower.unit}, ${upper.unit}): "${raw.trim()}"`);
  }
  const result: Concentration = {
    text: raw,
    parsed: true,
    min: lower?.value ?? null,
    max: upper?.value ?? null,
    minInclusive: lower !== null && lower.op !== '>',
    maxInclusive: upper !== null && upper.op !== '<',
    unit: upper?.unit ?? lower?.unit ?? null,
    approximate,
    basis: state.basis,
  };
  const problem = findProblem(result, [lower, upper]);
  if (problem !== undefined) result.problem = problem;
  return result;
}

function findProblem(c: Concentration, bounds: Array<Bound | null>): string | undefined {
  const ceiling = c.unit === 'ppm' || c.unit === 'mg/kg' ? 1_000_000 : 100;
  const highest = Math.max(c.min ?? 0, c.max ?? 0);
  if (highest > ceiling) {
    return c.unit === null
      ? `${highest} is above 100, so it cannot be a percentage, and no unit is stated`
      : `${highest} ${c.unit} is more than the whole (100 %)`;
  }
  if (c.min !== null && c.max !== null) {
    if (c.min > c.max) return `the lower bound ${c.min} is above the upper bound ${c.max}`;
    if (c.min === c.max && !(c.minInclusive && c.maxInclusive)) return `the range ${c.text.trim()} contains no value`;
  }
  if (c.unit === 'ppm' || c.unit === 'mg/kg') {
    // "1,000 ppm": a decimal comma (1.0) or a thousands separator (1000)? Both conventions occur in ppm figures.
    const ambiguous = bounds.find((b) => b !== null && /^[1-9]\d{0,2}[.,]\d{3}$/u.test(b.text));
    if (ambiguous) return `"${ambiguous.text}" may use "${ambiguous.text.replace(/\d/gu, '')}" as a thousands separator; it was read as a decimal`;
  }
  return undefined;
}

// 1 % = 10 000 ppm = 10 000 mg/kg (parts per million by mass; mg per kg is the same fraction).
const PER_PERCENT: Readonly<Record<ConcentrationUnit, number>> = { '%': 1, ppm: 10_000, 'mg/kg': 10_000 };

function scale(value: number | null, divisor: number): number | null {
  // Fifteen significant digits drop the binary noise of the division, so 1000 ppm compares equal to 0.1 %.
  return value === null ? null : Number((value / divisor).toPrecision(15));
}

/** The same concentration in %; ppm and mg/kg are divided by 10 000. A missing unit is left missing. */
export function toPercent(c: Concentration): Concentration {
  if (c.unit === null || c.unit === '%') return c;
  const divisor = PER_PERCENT[c.unit];
  return { ...c, unit: '%', min: scale(c.min, divisor), max: scale(c.max, divisor) };
}

export type LimitComparison = 'above' | 'below' | 'indeterminate';

export interface CompareOptions {
  /**
   * Whether a concentration exactly at the limit meets it. Default false: the limit is met only by a value
   * strictly above it, which is how REACH Art. 33 and Art. 7(2) read ("above 0,1 % weight by weight") and how RoHS
   * Annex II reads (0.1 % is the maximum *tolerated* value). Pass true for limits written "≥" or "equal to or
   * greater than", e.g. the CLP generic concentration limits (Annex I Table 3.6.2: Carc. 1A/1B ≥ 0.1 %; Table
   * 3.7.2: Repr. 1A/1B ≥ 0.3 %) and REACH Annex II §3.2 (Candidate List substances listed in SDS section 3 at
   * ≥ 0.1 %). Annex XVII entries each word their own limit: read the entry.
   */
  inclusive?: boolean;
}

/**
 * Tests a concentration against a limit given in %.
 * - 'above': every concentration the text allows meets the limit (> limit, or ≥ limit when `inclusive`);
 * - 'below': none does;
 * - 'indeterminate': some do and some do not (a range straddling the limit, e.g. 1–5 % against 3 %; `< 1 %` against
 *   0.1 %), or the value is unusable: unread, flagged with a problem, approximate and exactly at the limit, or given
 *   as v/v (the limits are w/w, and converting needs densities). The caller should turn it into a question to the
 *   supplier rather than guess.
 * A missing unit is taken as %, the SDS section 3 convention; a missing lower bound is 0 and a missing upper bound
 * the whole (100 %).
 *
 * With a 0.1 % limit and the default (`inclusive: false`): exactly 0.1 % is 'below', `> 0.1 %` is 'above',
 * `≥ 0.1 %` is 'indeterminate' (it allows exactly 0.1). With `inclusive: true`: exactly 0.1 % and `≥ 0.1 %` are
 * 'above', `< 0.1 %` is 'below'.
 */
export function compareToLimit(c: Concentration, limitPercent: number, options: CompareOptions = {}): LimitComparison {
  if (!c.parsed || c.problem !== undefined || c.basis === 'v/v') return 'indeterminate';
  const inclusive = options.inclusive ?? false;
  const p = toPercent(c);
  const low = p.min ?? 0;
  const lowIncluded = p.min === null || p.minInclusive;
  const high = p.max ?? 100;
  const highIncluded = p.max === null || p.maxInclusive;
  if (p.approximate && (low === limitPercent || high === limitPercent)) return 'indeterminate';

  const allMeet = inclusive ? low >= limitPercent : low > limitPercent || (low === limitPercent && !lowIncluded);
  const noneMeet = inclusive ? high < limitPercent || (high === limitPercent && !highIncluded) : high <= limitPercent;
  if (allMeet) return 'above';
  if (noneMeet) return 'below';
  return 'indeterminate';
}
