// Which concentration limit a hit is tested against, and the test itself. Order (most specific first):
//  1. the contract's own threshold (ListApplication.thresholdPercent): the buyer's requirement overrides;
//  2. CLP specific concentration limits (Annex VI "M, SCL, ATE" column, CLP Art. 10) for the entry's CMR classes;
//  3. the entry's own limit (printed in the list, or from chemreg's curated table for Annex XVII / POPs);
//  4. the regulation's generic limit for the list (REACH Art. 33 0.1 %, CLP Annex I generic limits, RoHS Annex II).
// Lists that trigger on presence (REACH Annex XIV, Annex XVII entries without a known limit, watch lists without a
// threshold) get no limit: the test is 'not-applicable' and presence counts.
import { compareToLimit, type Concentration } from '../chemistry/concentration.js';
import type { ListEntry } from '../lists/list-entry.js';
import type { ProductKind } from '../products/product.schema.js';
import { isArticleKind, type Regime } from './regimes.js';
import type { AppliedLimit, ConcentrationTest } from './screening.types.js';

export type CmrClass = 'carc' | 'muta' | 'repr';

// CLP Annex I generic concentration limits at which a component classified Cat. 1A/1B makes the mixture
// Cat. 1A/1B: Table 3.5.2 (germ cell mutagenicity), Table 3.6.2 (carcinogenicity), Table 3.7.2 (reproductive
// toxicity). All are written "≥", so a concentration exactly at the limit meets it.
const CMR_GENERIC: Readonly<Record<CmrClass, { percent: number; reference: string }>> = {
  muta: { percent: 0.1, reference: 'CLP Annex I Table 3.5.2: Muta. 1A/1B ≥ 0.1 %' },
  carc: { percent: 0.1, reference: 'CLP Annex I Table 3.6.2: Carc. 1A/1B ≥ 0.1 %' },
  repr: { percent: 0.3, reference: 'CLP Annex I Table 3.7.2: Repr. 1A/1B ≥ 0.3 %' },
};

// Category 1A/1B only ("Carc. 1B", "Repr. 1A"); category 2 (H341, H351, H361) and Lact. (H362) are not CMR 1A/1B.
const CMR_CLASS = /(carc|muta|repr)\.?\s*1[ab]?(?![0-9])/iu;
const CMR_CODE = /^H3(40|50|60)/u;
const CODE_CLASS: Readonly<Record<string, CmrClass>> = { '40': 'muta', '50': 'carc', '60': 'repr' };

function classOfText(text: string): CmrClass | null {
  const named = CMR_CLASS.exec(text)?.[1]?.toLowerCase();
  if (named === 'carc' || named === 'muta' || named === 'repr') return named;
  const code = /H3(40|50|60)/u.exec(text)?.[1];
  return code === undefined ? null : (CODE_CLASS[code] ?? null);
}

// Entries are immutable once imported; their classes are read once.
const cmrMemo = new WeakMap<ListEntry, readonly CmrClass[]>();

/** The CMR 1A/1B classes of a CLP Annex VI entry, from its hazard classes or, failing those, its H codes. */
export function cmrClassesOf(entry: ListEntry): readonly CmrClass[] {
  const known = cmrMemo.get(entry);
  if (known !== undefined) return known;
  const classes = readCmrClasses(entry);
  cmrMemo.set(entry, classes);
  return classes;
}

function readCmrClasses(entry: ListEntry): CmrClass[] {
  const classes = new Set<CmrClass>();
  for (const text of entry.hazardClasses) {
    const cls = classOfText(text);
    if (cls !== null) classes.add(cls);
  }
  if (classes.size === 0) {
    for (const code of entry.hazardCodes) {
      const digits = CMR_CODE.exec(code)?.[1];
      const cls = digits === undefined ? undefined : CODE_CLASS[digits];
      if (cls !== undefined) classes.add(cls);
    }
  }
  return [...classes].sort();
}

/**
 * Reads whether a limit's wording includes the limit itself: "equal to or greater than 0,1 %" (Annex XVII entry 63)
 * → true; "greater than 0,1 %" (entry 51), "exceeding", "above", "max." → false; nothing said → undefined.
 */
export function inclusiveFromWording(text: string): boolean | undefined {
  const t = text.toLowerCase();
  if (/equal to or (?:greater|more|higher) than|(?:greater|more|higher) than or equal|or (?:more|above|higher)|at least|≥|>=/u.test(t)) {
    return true;
  }
  if (/(?:greater|more|higher) than|exceed|above|maximum|max\.|not more than|≤|<=|>/u.test(t)) return false;
  return undefined;
}

/**
 * Whether a concentration exactly at an entry's own limit meets it, when the wording does not say:
 * - Candidate List: articles "above 0.1 % w/w" (REACH Art. 33(1), Art. 7(2)) → false; mixtures and substances are
 *   listed in SDS section 3 from "≥ 0.1 %" (REACH Art. 31(3)(b), Annex II §3.2.1) → true;
 * - RoHS Annex II gives "maximum concentration values tolerated": at the value is still tolerated → false;
 * - CLP limits are "≥" → true;
 * - Annex XVII entries mostly say "equal to or greater than" → true unless the wording says otherwise;
 * - POPs Annex I exempts unintentional trace contaminants "equal to or below" the limit (Reg. 2019/1021 Art. 4(1)(b)),
 *   so only more than the limit is prohibited → false;
 * - watch, derived and custom lists read like contract clauses ("max 0.1 %") → false.
 */
function defaultInclusive(regime: Regime, kind: ProductKind): boolean {
  switch (regime) {
    case 'candidate-list':
      return !isArticleKind(kind);
    case 'rohs':
      return false;
    case 'clp':
    case 'restriction':
    case 'regulatory':
      return true;
    case 'pops':
    case 'authorisation':
    case 'watch':
    case 'derived':
    case 'custom':
      return false;
  }
}

export interface LimitRequest {
  entry: ListEntry;
  regime: Regime;
  productKind: ProductKind;
  /** The element the entry covers (names.ts rule key), for RoHS cadmium's lower limit. */
  element: string | null;
  thresholdPercent?: number | undefined;
  contractId: string | null;
}

const CANDIDATE_REFERENCE = {
  article: 'REACH Art. 33(1): SVHC above 0.1 % w/w in an article',
  mixture: 'REACH Art. 31(3)(b), Annex II §3.2.1: SVHC at ≥ 0.1 % w/w in a mixture',
};

// RoHS 2011/65/EU Annex II as amended by Delegated Directive (EU) 2015/863: 0.1 % by weight in homogeneous
// materials, cadmium 0.01 %.
const ROHS_REFERENCE = 'RoHS 2011/65/EU Annex II: maximum 0.1 % w/w in a homogeneous material (cadmium 0.01 %)';
const CADMIUM_CAS = '7440-43-9';

/** 1. A contract's threshold is a maximum ("≤ 0.1 % w/w"): only more than it breaches the contract. */
export function contractLimit(thresholdPercent: number, contractId: string | null, contractNumber?: string): AppliedLimit {
  const who = contractId === null ? 'the list application' : `contract ${contractNumber ?? contractId}`;
  return { percent: thresholdPercent, inclusive: false, source: 'contract', reference: `threshold set by ${who}` };
}

/** The limit one application of a list puts on one entry, or null when presence alone counts. */
export function chooseLimit(request: LimitRequest): AppliedLimit | null {
  const { entry, regime, productKind, thresholdPercent, contractId } = request;
  if (thresholdPercent !== undefined) return contractLimit(thresholdPercent, contractId);
  if (regime === 'authorisation') return null;

  // 2. CLP specific concentration limits replace the generic limit of the class they are set for (CLP Art. 10(1)).
  // A mixture is classified when any class's limit is met, so the effective limit is the lowest over the classes.
  if (regime === 'clp') {
    const fromScl = cmrLimit(entry, true);
    if (fromScl !== null) return fromScl;
  }

  // 3. The entry's own limit. 0 % marks a presence-only entry (list-entry.ts).
  if (entry.limit !== null) {
    if (entry.limit.percent === 0) return null;
    const wording = `${entry.limit.scope} ${entry.limit.reference ?? ''}`;
    const inclusive =
      regime === 'candidate-list' || regime === 'rohs' || regime === 'clp'
        ? defaultInclusive(regime, productKind)
        : (inclusiveFromWording(wording) ?? defaultInclusive(regime, productKind));
    return {
      percent: entry.limit.percent,
      inclusive,
      source: entry.limit.source,
      reference: entry.limit.reference ?? (regime === 'candidate-list' ? candidateReference(productKind) : null),
    };
  }

  // 4. The regulation's generic limit.
  switch (regime) {
    case 'candidate-list':
      return { percent: 0.1, inclusive: defaultInclusive(regime, productKind), source: 'regulation', reference: candidateReference(productKind) };
    case 'clp':
      return cmrLimit(entry, false);
    case 'rohs': {
      const cadmium = request.element === 'Cd' || entry.cas.includes(CADMIUM_CAS);
      return { percent: cadmium ? 0.01 : 0.1, inclusive: false, source: 'regulation', reference: ROHS_REFERENCE };
    }
    case 'restriction':
    case 'pops':
    case 'watch':
    case 'derived':
    case 'custom':
    case 'regulatory':
      return null;
  }
}

function candidateReference(kind: ProductKind): string {
  return isArticleKind(kind) ? CANDIDATE_REFERENCE.article : CANDIDATE_REFERENCE.mixture;
}

/**
 * The lowest CMR limit of a CLP entry: per CMR 1A/1B class, its lowest specific limit or else the generic one.
 * With `onlyWithScl`, null unless at least one specific limit is set for a CMR class (step 2 of chooseLimit).
 */
function cmrLimit(entry: ListEntry, onlyWithScl: boolean): AppliedLimit | null {
  const scl = new Map<CmrClass, { percent: number; text: string }>();
  for (const limit of entry.specificLimits) {
    const cls = classOfText(limit.hazard);
    if (cls === null) continue;
    const current = scl.get(cls);
    if (current === undefined || limit.minPercent < current.percent) scl.set(cls, { percent: limit.minPercent, text: limit.text });
  }
  if (onlyWithScl && scl.size === 0) return null;
  const classes = new Set<CmrClass>([...cmrClassesOf(entry), ...scl.keys()]);
  let best: AppliedLimit | null = null;
  for (const cls of [...classes].sort()) {
    const specific = scl.get(cls);
    const candidate: AppliedLimit = specific
      ? { percent: specific.percent, inclusive: true, source: 'specific-limit', reference: `CLP Annex VI specific concentration limit: ${specific.text}` }
      : { percent: CMR_GENERIC[cls].percent, inclusive: true, source: 'regulation', reference: CMR_GENERIC[cls].reference };
    if (best === null || candidate.percent < best.percent) best = candidate;
  }
  return best;
}

/** exceeds / below / indeterminate against the limit; 'not-applicable' without one; no concentration → indeterminate. */
export function testConcentration(concentration: Concentration | null, limit: AppliedLimit | null): ConcentrationTest {
  if (limit === null) return 'not-applicable';
  if (concentration === null) return 'indeterminate';
  switch (compareToLimit(concentration, limit.percent, { inclusive: limit.inclusive })) {
    case 'above':
      return 'exceeds';
    case 'below':
      return 'below';
    case 'indeterminate':
      return 'indeterminate';
  }
}

/** "> 0.1 % w/w (REACH Art. 33(1) …)": the operator says whether the limit itself counts. */
export function describeLimit(limit: AppliedLimit): string {
  const reference = limit.reference === null ? '' : ` (${limit.reference})`;
  return `${limit.inclusive ? '≥' : '>'} ${limit.percent} % w/w${reference}`;
}

/**
 * Orders limits by strictness: a lower percent is stricter; at the same percent an inclusive limit (met at the
 * value) is stricter than an exclusive one. Negative when `a` is stricter.
 */
export function compareStrictness(a: AppliedLimit, b: AppliedLimit): number {
  if (a.percent !== b.percent) return a.percent - b.percent;
  return Number(b.inclusive) - Number(a.inclusive);
}
