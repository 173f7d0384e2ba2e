// Severity of one hit under one application of a list, with the reason in words an expert can check against the
// regulation (domain.md "Findings"):
//   red     illegal: Annex XVII / POPs / RoHS limit exceeded; Annex XIV substance used in a mixture or substance
//           after its sunset date;
//   orange  information duty or contract breach: Candidate List SVHC from 0.1 % (article: Art. 33; mixture: SDS);
//           a contract's threshold exceeded; any substance of a list a contract names (CLP CMR included);
//   yellow  substitute: PRIO-derived and SIN List hits, CLP CMR hits under the legal baseline, Annex XIV before
//           its sunset date;
//   info    watch: upcoming entries, hits below the limit, hits outside the regulation's scope (articles under
//           Annex XIV, mixtures under RoHS).
// An indeterminate concentration test takes the severity the hit would have if exceeded, and the reason turns it
// into a question for the supplier (domain.md: "say so and turn it into a question … rather than guessing").
import type { Concentration } from '../chemistry/concentration.js';
import type { LimitBasis, ListEntry } from '../lists/list-entry.js';
import type { ProductKind } from '../products/product.schema.js';
import { cmrClassesOf, describeLimit } from './limits.js';
import { isArticleKind, PRODUCT_KIND_WORDS, type Regime } from './regimes.js';
import type { AppliedLimit, ConcentrationTest, Severity } from './screening.types.js';

export const SEVERITY_RANK: Readonly<Record<Severity, number>> = { info: 0, yellow: 1, orange: 2, red: 3 };

export function higherSeverity(a: Severity, b: Severity): Severity {
  return SEVERITY_RANK[b] > SEVERITY_RANK[a] ? b : a;
}

/**
 * An entry is upcoming while the date it applies from lies ahead (CLP ATPs apply about 18 months after
 * publication). The date is judged against today rather than trusting `entry.upcoming` alone, which was set against
 * the list's own date at import: an ATP22 row imported in 2025 is binding from 1 May 2026 without a re-import.
 */
export function isUpcoming(entry: ListEntry, today: string): boolean {
  return entry.appliesFrom !== null ? today < entry.appliesFrom : entry.upcoming;
}

export interface SeverityInput {
  regime: Regime;
  listName: string;
  entry: ListEntry;
  productKind: ProductKind;
  /** YYYY-MM-DD. */
  today: string;
  limit: AppliedLimit | null;
  test: ConcentrationTest;
  concentration: Concentration | null;
  /** What to ask the supplier when the test is indeterminate for a reason other than the range itself. */
  question?: string | undefined;
  /** Null for the legal baseline. */
  contractId: string | null;
  contractNumber?: string | undefined;
  /** The contract's own severity for hits on this list (ListApplication.severity). */
  contractSeverity?: Severity | undefined;
}

export interface Assessment {
  severity: Severity;
  reason: string;
}

export function assessSeverity(input: SeverityInput): Assessment {
  return judge(input, true);
}

/** The severity alone, without composing the reason: the matcher explains only the application that decides. */
export function severityOf(input: SeverityInput): Severity {
  return judge(input, false).severity;
}

function judge(input: SeverityInput, explain: boolean): Assessment {
  const { entry, contractId, contractNumber, contractSeverity, regime } = input;
  const label = explain ? labelOf(input.listName, entry) : '';
  const phrase = explain ? testPhrase(input) : '';
  const who = contractId === null ? 'the list application' : `contract ${contractNumber ?? contractId}`;

  if (isUpcoming(entry, input.today)) {
    const date = entry.appliesFrom ?? entry.dateOfInclusion ?? 'a date the list does not state';
    return { severity: 'info', reason: explain ? `Upcoming: ${label} applies from ${date} and is not binding yet; watch (${phrase})` : '' };
  }
  if (input.test === 'below') {
    const by = contractId === null ? '' : ` under ${who}`;
    return { severity: 'info', reason: explain ? `${label}: ${phrase}${by}; no duty at this concentration, watch` : '' };
  }

  let severity: Severity;
  let statement = '';
  if (input.limit?.source === 'contract') {
    // The contract's own threshold was met: a contract breach, not an illegality (the legal baseline, when it
    // applies too, is judged separately against the legal limit).
    severity = contractFloor(regime);
    if (explain) statement = `${who} limits ${label} substances to its threshold`;
  } else {
    const verdict = verdictOf(input);
    severity = VERDICT_SEVERITY[verdict];
    if (explain) statement = statementOf(verdict, input, label);
    if (contractId !== null) {
      // A list named in a contract's requirement profile makes its substances contract phase-out substances.
      severity = higherSeverity(severity, contractFloor(regime));
      if (explain) statement = `${statement}; ${who} names the list`;
    }
  }
  if (contractSeverity !== undefined) {
    severity = contractSeverity;
    if (explain) statement = `${who} sets severity ${contractSeverity} for this list; ${statement}`;
  }
  return { severity, reason: explain ? `${statement}; ${phrase}` : '' };
}

/** What a contract that names the list makes of a hit: PRIO and SIN hits stay substitution candidates. */
function contractFloor(regime: Regime): Severity {
  return regime === 'watch' || regime === 'derived' ? 'yellow' : 'orange';
}

function labelOf(listName: string, entry: ListEntry): string {
  return entry.entryNumber === null ? listName : `${listName} entry ${entry.entryNumber}`;
}

function testPhrase(input: SeverityInput): string {
  const { concentration, limit, test } = input;
  const declared = concentration === null ? 'no concentration declared' : `declared "${concentration.text.trim()}"`;
  const limitText = limit === null ? 'none' : describeLimit(limit);
  switch (test) {
    case 'exceeds':
      return `${declared} exceeds the limit ${limitText}`;
    case 'below':
      return `${declared} is below the limit ${limitText}`;
    case 'indeterminate': {
      const question = input.question ?? (concentration === null ? 'for the concentration' : 'for the exact concentration');
      return `indeterminate: ask the supplier ${question} (${declared}; limit ${limitText})`;
    }
    case 'not-applicable':
      return 'presence counts: no concentration limit applies';
  }
}

function basisCovers(basis: LimitBasis, kind: ProductKind): boolean {
  switch (basis) {
    case 'any':
      return true;
    case 'article':
    case 'homogeneous-material':
      return isArticleKind(kind);
    case 'mixture':
      return kind !== 'article';
  }
}

const BASIS_WORDS: Readonly<Record<LimitBasis, string>> = {
  any: 'any product',
  article: 'articles',
  mixture: 'mixtures',
  'homogeneous-material': 'homogeneous materials of articles',
};

/** What the law (or the list's own terms) makes of a hit whose limit is met, or whose presence counts. */
type Verdict =
  | 'candidate-article'
  | 'candidate-mixture'
  | 'authorisation-article'
  | 'authorisation-past-sunset'
  | 'authorisation-before-sunset'
  | 'restriction-without-limit'
  | 'restriction-out-of-basis'
  | 'restriction-exceeded'
  | 'pops'
  | 'rohs-article'
  | 'rohs-not-article'
  | 'clp-cmr'
  | 'clp-other'
  | 'watch'
  | 'derived'
  | 'custom'
  | 'regulatory';

const VERDICT_SEVERITY: Readonly<Record<Verdict, Severity>> = {
  'candidate-article': 'orange',
  'candidate-mixture': 'orange',
  'authorisation-article': 'info',
  'authorisation-past-sunset': 'red',
  'authorisation-before-sunset': 'yellow',
  'restriction-without-limit': 'orange',
  'restriction-out-of-basis': 'info',
  'restriction-exceeded': 'red',
  pops: 'red',
  'rohs-article': 'red',
  'rohs-not-article': 'info',
  'clp-cmr': 'yellow',
  'clp-other': 'info',
  watch: 'yellow',
  derived: 'yellow',
  custom: 'orange',
  regulatory: 'orange',
};

function verdictOf(input: SeverityInput): Verdict {
  const { entry, productKind, limit } = input;
  switch (input.regime) {
    case 'candidate-list':
      return isArticleKind(productKind) ? 'candidate-article' : 'candidate-mixture';
    case 'authorisation':
      // Authorisation (REACH Art. 56(1)) covers uses of the substance on its own or in a mixture, not articles.
      if (isArticleKind(productKind)) return 'authorisation-article';
      return entry.sunsetDate !== null && input.today >= entry.sunsetDate ? 'authorisation-past-sunset' : 'authorisation-before-sunset';
    case 'restriction':
      if (limit === null) return 'restriction-without-limit';
      return entry.limit !== null && !basisCovers(entry.limit.basis, productKind) ? 'restriction-out-of-basis' : 'restriction-exceeded';
    case 'pops':
      return 'pops';
    case 'rohs':
      // RoHS restricts electrical and electronic equipment, which are articles.
      return isArticleKind(productKind) ? 'rohs-article' : 'rohs-not-article';
    case 'clp':
      return cmrClassesOf(entry).length > 0 ? 'clp-cmr' : 'clp-other';
    case 'watch':
    case 'derived':
    case 'custom':
    case 'regulatory':
      return input.regime;
  }
}

function statementOf(verdict: Verdict, input: SeverityInput, label: string): string {
  const { entry, productKind, limit } = input;
  const kindWords = PRODUCT_KIND_WORDS[productKind];
  switch (verdict) {
    case 'candidate-article':
      return `SVHC on the ${label} in ${kindWords}: above 0.1 % w/w the supplier must inform recipients (REACH Art. 33(1)) and notify it to SCIP (Directive 2008/98/EC Art. 9(1)(i))`;
    case 'candidate-mixture':
      return `SVHC on the ${label} in ${kindWords}: from 0.1 % w/w it must be named in SDS section 3 (REACH Annex II §3.2.1) and an SDS is due on request (REACH Art. 31(3)(b))`;
    case 'authorisation-article':
      return `${label}: authorisation covers uses of the substance on its own or in a mixture, not ${kindWords} (REACH Art. 56(1)); watch`;
    case 'authorisation-past-sunset':
      return `${label}: the sunset date ${entry.sunsetDate ?? ''} has passed, so using it needs an authorisation (REACH Art. 56(1)); ask the supplier for the authorisation decision`;
    case 'authorisation-before-sunset': {
      const latest = entry.latestApplicationDate === null ? '' : `, latest application date ${entry.latestApplicationDate}`;
      const when = entry.sunsetDate === null ? 'no sunset date stated' : `sunset date ${entry.sunsetDate}`;
      return `${label} (${when}${latest}): after the sunset date its use needs an authorisation (REACH Art. 56(1)); substitute`;
    }
    case 'restriction-without-limit':
      return `${label} restricts this substance (REACH Art. 67(1)); chemreg holds no concentration limit for the entry, so check its conditions against this product`;
    case 'restriction-out-of-basis':
      return `${label}: the restriction's limit applies to ${BASIS_WORDS[entry.limit?.basis ?? 'any']} and the product is ${kindWords}; watch`;
    case 'restriction-exceeded': {
      const scope = entry.limit?.scope ? ` for ${entry.limit.scope}; confirm the product is in that scope` : '';
      return `${label}: placing on the market is restricted above the limit (REACH Art. 67(1))${scope}`;
    }
    case 'pops': {
      const trace = limit === null ? '' : ' beyond the unintentional trace contaminant limit (Art. 4(1)(b), Annex I)';
      return `${label}: manufacture, placing on the market and use are prohibited (Reg. (EU) 2019/1021 Art. 3(1))${trace}`;
    }
    case 'rohs-article':
      return `${label}: restricted in electrical and electronic equipment (Directive 2011/65/EU Art. 4(1)); applies when the product is EEE and no Annex III/IV exemption covers the use`;
    case 'rohs-not-article':
      return `${label}: RoHS restricts electrical and electronic equipment and the product is ${kindWords}; watch`;
    case 'clp-cmr':
      return `${label}: harmonised classification ${classificationOf(entry)} (CLP Annex VI Table 3); at the limit a mixture is itself classified CMR 1A/1B (CLP Art. 10, Annex I Part 3); substitute`;
    case 'clp-other':
      return `${label}: harmonised classification ${classificationOf(entry)} (CLP Annex VI Table 3); check that SDS sections 2 and 3 carry it`;
    case 'watch':
      return `${label}: on a watch list without legal force; substitute`;
    case 'derived':
      return `${label}: meets the KemI PRIO phase-out criteria; substitute`;
    case 'custom':
      return `${label}: a phase-out substance on the buyer's own list`;
    case 'regulatory':
      return `${label}: listed; check the list's conditions for this product`;
  }
}

function classificationOf(entry: ListEntry): string {
  return entry.hazardClasses.length > 0 ? entry.hazardClasses.join(', ') : entry.hazardCodes.join(', ');
}
