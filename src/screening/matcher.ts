// The screening matcher: a pure function from a product's substances, the list versions and how they apply, to
// matches (domain.md "Matching order", "Findings"). `createMatcher` indexes the lists once; `screen` then costs a
// few map lookups per substance, so a whole registry can be re-screened in memory when a list version changes.
//
// Matching order for one (list entry, substance) pair — the first rule that fires decides, so each pair yields at
// most one match:
//   1. the entry's own CAS RN, then EC number, then CLP index number: exact, score 1;
//   2. a group member's CAS RN or EC number (ECHA's split exports, ChemSec's expanded groups): exact;
//   3. a hazard-code rule (derived and custom lists: "any substance classified H360"): exact on the declared code;
//   4. the name, against entries that are groups or lack identifiers: possible, score = similarity;
//   5. an element rule ("lead compounds", RoHS Pb/Cd/Hg/Cr(VI)) when the name names the element: possible.
// Names are only matched against entries an identifier cannot settle (groups, entries without identifiers), and
// element rules only against group entries: a single substance with a CAS RN is identified by it, and every
// "possible" match costs an expert's review.
import type { ListEntry } from '../lists/list-entry.js';
import type { ProductKind } from '../products/product.schema.js';
import { casKey, ecKey, indexKey, isEcListNumber, NO_KEY } from './identifier-keys.js';
import { chooseLimit, compareStrictness, contractLimit, testConcentration } from './limits.js';
import { NameMemo } from './name-memo.js';
import { createNameIndex, elementLabel, elementOfGroupName, elementRule, elementsNamedIn, type NameIndex } from './names.js';
import { isArticleKind, regimeOf, type Regime } from './regimes.js';
import { assessSeverity, SEVERITY_RANK, severityOf, type SeverityInput } from './severity.js';
import type {
  AppliedLimit,
  ListApplication,
  Match,
  MatchType,
  ProductContext,
  ScreenedSubstance,
  ScreeningList,
  Severity,
} from './screening.types.js';

export interface Matcher {
  screen(substances: ScreenedSubstance[], applications: ListApplication[], context: ProductContext): Match[];
}

/**
 * Below this similarity a name match is not raised. 0.8 keeps "4-nonylphenol" against "4-Nonylphenol, branched and
 * linear" (the qualifiers are stop words) and "Dibutylphthalat" against "dibutyl phthalate", and drops names that
 * share only common tokens ("dibutyl phthalate" against "diisobutyl phthalate" scores about 0.3).
 */
export const MIN_NAME_SCORE = 0.8;

// Repeated names and H codes (the same SDS rows across thousands of products) are worked out once; a memo starts
// afresh past this many so that a long-lived matcher does not hold every name it has ever seen.
const NAME_MEMO_LIMIT = 100_000;

const RANK: Readonly<Record<MatchType, number>> = {
  cas: 0,
  ec: 1,
  index: 2,
  'group-member': 3,
  'hazard-code': 4,
  name: 5,
  element: 6,
  // Not the matcher's: declared-answers.ts raises these beside it.
  'declared-answer': 7,
};

const NO_GIDS: readonly number[] = [];

interface IndexedList {
  list: ScreeningList;
  regime: Regime;
}

interface IndexedEntry {
  gid: number;
  listIndex: number;
  entry: ListEntry;
  /** Element rule key for entries that cover an element's compounds (group entries only). */
  element: string | null;
  /**
   * RoHS and Annex XVII metal entries state their limits "calculated as" / "expressed as" the metal, so a
   * compound's own concentration above the limit does not show that the metal's share is.
   */
  limitAsElement: boolean;
  /** The entry's limit without a contract threshold (limits.ts), for articles and for other products. */
  legalLimit: { article: AppliedLimit | null; other: AppliedLimit | null };
}

interface Ref {
  gid: number;
  type: 'cas' | 'ec' | 'index' | 'group-member';
}

interface Candidate {
  gid: number;
  type: MatchType;
  matchedOn: string;
  score: number;
}

interface NameResult {
  names: ReadonlyArray<{ item: number; score: number }>;
  /** gids of element entries whose element the name names. */
  elements: readonly number[];
}

const NO_NAME_HITS: NameResult = { names: [], elements: [] };

/** One application's view of a hit, before the applications of a list are merged. */
interface Evaluation {
  input: SeverityInput;
  severity: Severity;
}

export function createMatcher(lists: ScreeningList[]): Matcher {
  const indexed: IndexedList[] = lists.map((list) => ({ list, regime: regimeOf(list) }));
  const entries: IndexedEntry[] = [];
  const byCas = new Map<number, Ref[]>();
  const byEc = new Map<number, Ref[]>();
  const byIndex = new Map<number, Ref[]>();
  const byHazardCode = new Map<string, number[]>();
  const byElement = new Map<string, number[]>();
  const nameItems: Array<{ id: number; names: string[] }> = [];

  indexed.forEach(({ list, regime }, listIndex) => {
    for (const entry of list.entries) {
      const gid = entries.length;
      const element = entry.group ? resolveElement(entry) : null;
      const limitAsElement = element !== null && (regime === 'rohs' || regime === 'restriction');
      const legalLimit = (productKind: ProductKind): AppliedLimit | null => {
        const limit = chooseLimit({ entry, regime, productKind, element, contractId: null });
        return limit === null ? null : Object.freeze(limit);
      };
      entries.push({ gid, listIndex, entry, element, limitAsElement, legalLimit: { article: legalLimit('article'), other: legalLimit('mixture') } });

      // ListEntry.cas/ec hold the entry's own identifiers and, folded in by importers, its members'. For a group,
      // an identifier that belongs to a member is a group-member match; a single substance's "members" are its
      // own constituents or rows, so its identifiers are its own.
      const memberCas = new Set(entry.group ? entry.members.map((m) => casKey(m.cas)) : []);
      const memberEc = new Set(entry.group ? entry.members.map((m) => ecKey(m.ec)) : []);
      const casRefs = new Map<number, Ref['type']>();
      for (const key of entry.cas.map(casKey)) casRefs.set(key, memberCas.has(key) ? 'group-member' : 'cas');
      for (const member of entry.members) {
        const key = casKey(member.cas);
        if (!casRefs.has(key)) casRefs.set(key, entry.group ? 'group-member' : 'cas');
      }
      const ecRefs = new Map<number, Ref['type']>();
      for (const key of entry.ec.map(ecKey)) ecRefs.set(key, memberEc.has(key) ? 'group-member' : 'ec');
      for (const member of entry.members) {
        const key = ecKey(member.ec);
        if (!ecRefs.has(key)) ecRefs.set(key, entry.group ? 'group-member' : 'ec');
      }
      // Identifiers that do not check out (importers drop them, see list-entry.ts) can match nothing.
      for (const [key, type] of casRefs) if (key !== NO_KEY) push(byCas, key, { gid, type });
      for (const [key, type] of ecRefs) if (key !== NO_KEY) push(byEc, key, { gid, type });
      for (const key of new Set(entry.indexNumbers.map(indexKey))) if (key !== NO_KEY) push(byIndex, key, { gid, type: 'index' });

      for (const code of new Set(entry.ruleHazardCodes.map(normaliseCode))) push(byHazardCode, code, gid);
      if (element !== null) push(byElement, element, gid);
      // Name matching only for entries an identifier cannot settle: groups, and entries without any identifier.
      // Hazard-code rules are criteria, not substance names ("CMR 1A/1B"), so their names are not matched.
      const identified = entry.cas.length + entry.ec.length + entry.indexNumbers.length > 0;
      if ((entry.group || !identified) && entry.ruleHazardCodes.length === 0) {
        nameItems.push({ id: gid, names: [entry.name, ...entry.members.map((m) => m.name)] });
      }
    }
  });

  const nameIndex: NameIndex = createNameIndex(nameItems, MIN_NAME_SCORE);
  const nameMemo = new NameMemo<NameResult>(NAME_MEMO_LIMIT);
  const lookupName = (name: string): NameResult => {
    const known = nameMemo.get(name);
    if (known !== undefined) return known;
    const elements: number[] = [];
    if (byElement.size > 0) for (const key of elementsNamedIn(name)) elements.push(...(byElement.get(key) ?? []));
    const names = nameIndex.search(name);
    // Most names hit nothing; they share one result object.
    const result: NameResult = names.length === 0 && elements.length === 0 ? NO_NAME_HITS : { names, elements };
    nameMemo.set(name, result);
    return result;
  };
  const hasNameRules = nameItems.length > 0 || byElement.size > 0;

  const listIndexesById = new Map<string, number[]>();
  indexed.forEach(({ list }, i) => push(listIndexesById, list.listId, i));

  const rulePrefixes = new Set<number>();
  for (const code of byHazardCode.keys()) {
    const prefix = codePrefixKey(code);
    if (prefix !== undefined) rulePrefixes.add(prefix);
  }

  // Declared H codes form a small vocabulary: each printed code is resolved to the rule entries it meets once.
  const hazardMemo = new Map<string, readonly number[]>();
  const rulesFor = (printed: string): readonly number[] => {
    const known = hazardMemo.get(printed);
    if (known !== undefined) return known;
    const gids: number[] = [];
    // Combined statements ("H300+H310") are split; rules match by prefix: "H360" covers "H360FD" (list-entry.ts).
    for (const part of printed.split('+')) {
      const code = normaliseCode(part);
      for (let length = code.length; length >= 4; length--) {
        for (const gid of byHazardCode.get(code.slice(0, length)) ?? NO_GIDS) if (!gids.includes(gid)) gids.push(gid);
      }
    }
    if (hazardMemo.size >= NAME_MEMO_LIMIT) hazardMemo.clear();
    hazardMemo.set(printed, gids);
    return gids;
  };

  // Per-call working state, reused between calls: `screen` is synchronous and never re-entered, and reusing it
  // keeps the per-product cost to the substances themselves (most products match nothing). Reset in `finally`.
  const appsByList: ListApplication[][] = indexed.map(() => []);
  const contractIdsByList: Array<readonly string[] | undefined> = indexed.map(() => undefined);
  const touchedLists: number[] = [];
  // The hits of the current substance: `candidates[0 … candidateCount)`, objects reused from one substance to the next.
  const candidates: Candidate[] = [];
  let candidateCount = 0;

  function screen(substances: ScreenedSubstance[], applications: ListApplication[], context: ProductContext): Match[] {
    try {
      // Only lists with at least one application are screened.
      for (const application of applications) {
        for (const i of listIndexesById.get(application.listId) ?? NO_GIDS) {
          const apps = appsByList[i];
          if (apps === undefined) continue;
          if (apps.length === 0) touchedLists.push(i);
          apps.push(application);
        }
      }
      if (touchedLists.length === 0) return [];
      const matches: Match[] = [];
      for (const substance of substances) {
        findCandidates(substance);
        for (let i = 0; i < candidateCount; i++) {
          const candidate = candidates[i];
          if (candidate !== undefined) matches.push(matchOf(candidate, substance, context));
        }
      }
      // Most products match nothing, and sorting even an empty array calls into the runtime.
      return matches.length > 1 ? matches.sort(byListEntrySubstance) : matches;
    } finally {
      for (const i of touchedLists) {
        const apps = appsByList[i];
        // Emptied with pop(): `length = 0` would drop the array's storage, and the next product's push allocate it
        // again (for every list, for 100,000 products). A list has one or two applications.
        if (apps !== undefined) while (apps.length > 0) apps.pop();
        contractIdsByList[i] = undefined;
      }
      while (touchedLists.length > 0) touchedLists.pop();
      candidateCount = 0;
    }
  }

  /** Fills `candidates` with the entries of screened lists one substance hits, in the matching order. */
  function findCandidates(substance: ScreenedSubstance): void {
    candidateCount = 0;
    const { cas, ec, indexNumber } = substance;
    const casHits = cas === null ? undefined : byCas.get(casKey(cas));
    if (casHits !== undefined) for (const ref of casHits) offer(ref.gid, ref.type, cas ?? '', 1);
    const ecHits = ec === null ? undefined : byEc.get(ecKey(ec));
    if (ecHits !== undefined) for (const ref of ecHits) offer(ref.gid, ref.type, ec ?? '', 1);
    const indexHits = indexNumber === null ? undefined : byIndex.get(indexKey(indexNumber));
    if (indexHits !== undefined) for (const ref of indexHits) offer(ref.gid, ref.type, indexNumber ?? '', 1);
    if (byHazardCode.size > 0) {
      for (const printed of substance.hazardCodes) {
        // Most declared codes (H315, H319 …) share no first four characters with any rule: skip them unhashed.
        const prefix = codePrefixKey(printed);
        if (prefix !== undefined && !rulePrefixes.has(prefix)) continue;
        for (const gid of rulesFor(printed)) offer(gid, 'hazard-code', printed.trim(), 1);
      }
    }
    const name = substance.name;
    if (hasNameRules && name !== null && name !== '') {
      const { names, elements } = lookupName(name);
      // Only entries the substance did not already match by identifier or classification (domain.md).
      const identified = candidateCount;
      for (const hit of names) {
        if (!matchedBefore(candidates, identified, hit.item)) offer(hit.item, 'name', name, hit.score);
      }
      for (const gid of elements) {
        if (!matchedBefore(candidates, identified, gid)) offer(gid, 'element', name, 1);
      }
    }
  }

  /** Records a hit on an entry of a screened list; an earlier rule in the matching order keeps precedence. */
  function offer(gid: number, type: MatchType, matchedOn: string, score: number): void {
    const entry = entries[gid];
    if (entry === undefined || appsByList[entry.listIndex]?.length === 0) return;
    for (let i = 0; i < candidateCount; i++) {
      const current = candidates[i];
      if (current === undefined || current.gid !== gid) continue;
      if (RANK[type] < RANK[current.type]) set(current, gid, type, matchedOn, score);
      return;
    }
    const free = candidates[candidateCount];
    if (free === undefined) candidates.push({ gid, type, matchedOn, score });
    else set(free, gid, type, matchedOn, score);
    candidateCount++;
  }

  function matchOf(candidate: Candidate, substance: ScreenedSubstance, context: ProductContext): Match {
    const entry = entries[candidate.gid];
    const list = entry === undefined ? undefined : indexed[entry.listIndex];
    const apps = entry === undefined ? undefined : appsByList[entry.listIndex];
    if (entry === undefined || list === undefined || apps === undefined) throw new Error(`no entry ${candidate.gid}`);
    const ids = contractIdsByList[entry.listIndex] ?? (contractIdsByList[entry.listIndex] = contractIdsOf(apps));
    return buildMatch(list, entry, candidate, substance, apps, ids, context);
  }

  return { screen };
}

function contractIdsOf(applications: readonly ListApplication[]): string[] {
  const ids: string[] = [];
  for (const { contractId } of applications) if (contractId !== null && !ids.includes(contractId)) ids.push(contractId);
  return ids.length > 1 ? ids.sort() : ids;
}

function set(candidate: Candidate, gid: number, type: MatchType, matchedOn: string, score: number): void {
  candidate.gid = gid;
  candidate.type = type;
  candidate.matchedOn = matchedOn;
  candidate.score = score;
}

function matchedBefore(candidates: readonly Candidate[], count: number, gid: number): boolean {
  for (let i = 0; i < count; i++) if (candidates[i]?.gid === gid) return true;
  return false;
}

function buildMatch(
  { list, regime }: IndexedList,
  indexedEntry: IndexedEntry,
  candidate: Candidate,
  substance: ScreenedSubstance,
  applications: readonly ListApplication[],
  contractIds: readonly string[],
  context: ProductContext,
): Match {
  const { entry } = indexedEntry;
  const possible = candidate.type === 'name' || candidate.type === 'element';
  // The metal's share of a compound is unknown, so a compound above a limit "expressed as" the metal is a question
  // for the supplier; the element itself (the entry's own CAS/EC) is tested as declared.
  const asElement = indexedEntry.limitAsElement && candidate.type !== 'cas' && candidate.type !== 'ec';
  const legalLimit = isArticleKind(context.kind) ? indexedEntry.legalLimit.article : indexedEntry.legalLimit.other;
  // RoHS Annex II, and restrictions whose limit is per homogeneous material (Annex XVII entry 51's "plasticised
  // material"), are tested on the concentration in the material where a declaration gives one; everything else,
  // including a contract's own threshold, on the concentration in the (component) article or mixture.
  const perMaterial = substance.materialConcentration !== undefined && (regime === 'rohs' || entry.limit?.basis === 'homogeneous-material');

  // Several applications of one list (the legal baseline and each contract naming it) give one match: each
  // application is judged on its own limit and severity, then the match shows the strictest limit (and the test
  // against it), the highest severity (with that application's reason), and every contract through which the list
  // applies. Judging each on its own keeps one contract's severity from being claimed for another contract's
  // threshold. Only the deciding application's reason is composed.
  let strictest: Evaluation | undefined;
  let decisive: Evaluation | undefined;
  for (const application of applications) {
    const limit = application.thresholdPercent === undefined ? legalLimit : contractLimit(application.thresholdPercent, application.contractId, application.contractNumber);
    const concentration = perMaterial && limit?.source !== 'contract' ? (substance.materialConcentration ?? null) : substance.concentration;
    let test = testConcentration(concentration, limit);
    let question: string | undefined;
    if (asElement && test === 'exceeds' && limit?.source !== 'contract') {
      test = 'indeterminate';
      question = `for the ${elementLabel(indexedEntry.element ?? '')} content: the limit is expressed as the element and the declared concentration is the compound's`;
    }
    const input: SeverityInput = {
      regime,
      listName: list.name,
      entry,
      productKind: context.kind,
      today: context.today,
      limit,
      test,
      concentration,
      question,
      contractId: application.contractId,
      contractNumber: application.contractNumber,
      contractSeverity: application.severity,
    };
    const evaluation: Evaluation = { input, severity: severityOf(input) };
    // The strictest limit is the lowest number; presence (no limit) is shown only when no application sets one.
    if (strictest === undefined || (limit !== null && (strictest.input.limit === null || compareStrictness(limit, strictest.input.limit) < 0))) {
      strictest = evaluation;
    }
    if (decisive === undefined || SEVERITY_RANK[evaluation.severity] > SEVERITY_RANK[decisive.severity]) decisive = evaluation;
  }
  // `applications` is never empty: only lists with an application are screened.
  if (strictest === undefined || decisive === undefined) throw new Error('buildMatch needs at least one application');
  const shownLimit = strictest.input.limit;

  return {
    listId: list.listId,
    versionId: list.versionId,
    version: list.version,
    entryKey: entry.key,
    entryName: entry.name,
    substanceRef: substance.ref,
    matchType: candidate.type,
    certainty: possible ? 'possible' : 'exact',
    score: candidate.score,
    matchedOn: candidate.matchedOn,
    limit: shownLimit === null ? null : { ...shownLimit },
    concentrationTest: strictest.input.test,
    severity: decisive.severity,
    severityReason: `${assessSeverity(decisive.input).reason}.${identityNote(candidate, indexedEntry)}`,
    contractIds: [...contractIds],
  };
}

/** What the expert must know about how the identity was established. */
function identityNote(candidate: Candidate, entry: IndexedEntry): string {
  switch (candidate.type) {
    case 'name':
      return ` Possible match by name (similarity ${candidate.score.toFixed(2)}): an expert must confirm the identity.`;
    case 'element':
      return ` Possible match: the name names ${elementLabel(entry.element ?? '')} and the entry covers its compounds; an expert must confirm.`;
    case 'ec':
      return isEcListNumber(candidate.matchedOn)
        ? ` Matched on ECHA list number ${candidate.matchedOn}, which is not an official EC number: confirm the identity.`
        : '';
    case 'group-member':
      return ' Matched on the identifier of a member of the group entry.';
    case 'cas':
    case 'index':
    case 'hazard-code':
    case 'declared-answer':
      return '';
  }
}

/** The element a group entry covers: the importer's `element`, or one its name states ("Lead compounds"). */
function resolveElement(entry: ListEntry): string | null {
  if (entry.element !== null) return elementRule(entry.element)?.key ?? null;
  return elementOfGroupName(entry.name);
}

/**
 * The first four characters of a code in canonical form ("H360", "EUH3") as one integer; undefined when the code is
 * not canonical (spaces, lower case, a combined "H300+H310"), which then takes the slow path.
 */
function codePrefixKey(code: string): number | undefined {
  if (code.length < 4 || code.length > 7) return undefined;
  let key = 0;
  for (let i = 0; i < 4; i++) {
    const c = code.charCodeAt(i);
    const upperOrDigit = (c >= 65 && c <= 90) || (c >= 48 && c <= 57);
    if (!upperOrDigit) return undefined;
    key = key * 128 + c;
  }
  for (let i = 4; i < code.length; i++) {
    const c = code.charCodeAt(i);
    if (!((c >= 65 && c <= 90) || (c >= 97 && c <= 122) || (c >= 48 && c <= 57))) return undefined;
  }
  return key;
}

function normaliseCode(code: string): string {
  // "H 360 FD", "h360fd": the H/EUH prefix is upper case; the CMR suffix keeps its case (F = 1A/1B, f = 2).
  const compact = code.replace(/\s+/gu, '');
  const prefix = /^(euh|h)/iu.exec(compact)?.[0] ?? '';
  return prefix.toUpperCase() + compact.slice(prefix.length);
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

function byListEntrySubstance(a: Match, b: Match): number {
  return compare(a.listId, b.listId) || compare(a.entryKey, b.entryKey) || compare(a.substanceRef, b.substanceRef) || compare(a.versionId, b.versionId);
}

const compare = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
