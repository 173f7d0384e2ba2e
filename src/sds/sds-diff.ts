// What changed between two SDS revisions: identity (section 1, revision date, version, signal word), the
// hazard codes and pictograms of section 2, and the composition of section 3. Pure: facts in, diff out.
//
// Section 3 rows are matched one to one, in three passes (domain.md "Matching order"): the same CAS number,
// then the same EC number, then the same normalised name. A later pass never pairs two rows whose valid CAS (or,
// for the name pass, valid EC) numbers differ: those are different substances that happen to share a name such as
// "Alcohols, C12-14, ethoxylated". A row with an invalid identifier may still pair by name, so a corrected CAS
// number shows as a change instead of one component removed and another added.
import type { ConcentrationValue, IdentifierValue, SdsFacts, SubstanceFact, TextFact } from './extraction/facts.js';
import type {
  SdsCodeChanges,
  SdsConcentrationRange,
  SdsFactsDiff,
  SdsIdentityChanges,
  SdsSubstanceChange,
  SdsSubstanceRef,
} from './sds.schema.js';

type Side = 'from' | 'to';

/** Whitespace collapsed, Unicode-normalised: the printed text, for display. */
const tidy = (text: string | null): string | null => {
  if (text === null) return null;
  const value = text.normalize('NFKC').replace(/\s+/g, ' ').trim();
  return value === '' ? null : value;
};

/** Case, accents, spacing and punctuation removed: "2-Propanol" = "2 propanol", "Natriumhydroxid" = "NATRIUMHYDROXID". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]/gu, '');
}

const sameText = (a: string | null, b: string | null): boolean => {
  const x = tidy(a);
  const y = tidy(b);
  if (x === null || y === null) return x === y;
  return normaliseName(x) === normaliseName(y) && (normaliseName(x) !== '' || x === y);
};

function textChange(from: string | null, to: string | null, same: (a: string | null, b: string | null) => boolean = sameText) {
  return same(from, to) ? undefined : { from: tidy(from), to: tidy(to) };
}

const exact = (a: string | null, b: string | null): boolean => tidy(a) === tidy(b);

function identity(from: SdsFacts, to: SdsFacts): SdsIdentityChanges {
  const text = (pick: (f: SdsFacts) => TextFact, same = sameText) => textChange(pick(from).value, pick(to).value, same);
  const changes: SdsIdentityChanges = {
    productName: text((f) => f.productName),
    supplierName: text((f) => f.supplierName),
    // ISO 3166 codes and ISO dates: compared as written.
    supplierCountry: text((f) => f.supplierCountry, exact),
    revisionDate: text((f) => f.revisionDate, exact),
    version: text((f) => f.version, exact),
    signalWord: from.signalWord.value === to.signalWord.value ? undefined : { from: from.signalWord.value, to: to.signalWord.value },
  };
  // Unchanged fields are absent rather than undefined, so the JSON answer and deep equality agree.
  return Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined));
}

const codeKey = (code: string): string => code.replace(/\s+/g, '').toUpperCase();

/** Codes in a stable reading order: H200 < H300 < H300+H310 < H360D < H360FD < EUH066 (by number, then text). */
function byCode(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}

export function codeChanges(from: readonly string[], to: readonly string[]): SdsCodeChanges {
  const before = new Set(from.map(codeKey));
  const after = new Set(to.map(codeKey));
  return {
    added: [...after].filter((c) => !before.has(c)).sort(byCode),
    removed: [...before].filter((c) => !after.has(c)).sort(byCode),
  };
}

const isEmpty = (c: SdsCodeChanges): boolean => c.added.length === 0 && c.removed.length === 0;

// ---------------------------------------------------------------------------------------------------------
// Section 3

const idValue = (id: IdentifierValue | null): string | null => (id ? tidy(id.value) : null);

function range(c: ConcentrationValue | null): SdsConcentrationRange | null {
  if (!c) return null;
  return { text: c.text, min: c.min, max: c.max, minInclusive: c.minInclusive, maxInclusive: c.maxInclusive, unit: c.unit };
}

/**
 * Same concentration: the same parsed range, however it is printed (`10-25 %` = `10 – 25%`, `0,1` = `0.1`); the
 * bounds' inclusiveness counts (`≥10 – <25` is not `10–25`). A missing unit counts as `%`: SDS tables often print
 * `%` only in the column header. Text that could not be parsed is compared as text.
 */
function sameConcentration(a: ConcentrationValue | null, b: ConcentrationValue | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.parsed !== b.parsed) return false;
  if (!a.parsed) return tidy(a.text) === tidy(b.text);
  return (
    a.min === b.min &&
    a.max === b.max &&
    (a.min === null || a.minInclusive === b.minInclusive) &&
    (a.max === null || a.maxInclusive === b.maxInclusive) &&
    (a.unit ?? '%') === (b.unit ?? '%')
  );
}

function ref(s: SubstanceFact): SdsSubstanceRef {
  return { name: tidy(s.name), cas: idValue(s.cas), ec: idValue(s.ec), concentration: range(s.concentration) };
}

/** Two valid identifiers of the same kind that differ: the rows are different substances. */
const conflict = (a: IdentifierValue | null, b: IdentifierValue | null): boolean =>
  a !== null && b !== null && a.valid && b.valid && idValue(a) !== idValue(b);

interface Pass {
  by: SdsSubstanceChange['matchedBy'];
  key: (s: SubstanceFact) => string | null;
  compatible: (a: SubstanceFact, b: SubstanceFact) => boolean;
}

const PASSES: readonly Pass[] = [
  { by: 'cas', key: (s) => idValue(s.cas), compatible: () => true },
  { by: 'ec', key: (s) => idValue(s.ec), compatible: (a, b) => !conflict(a.cas, b.cas) },
  {
    by: 'name',
    key: (s) => (s.name === null || normaliseName(s.name) === '' ? null : normaliseName(s.name)),
    compatible: (a, b) => !conflict(a.cas, b.cas) && !conflict(a.ec, b.ec),
  },
];

function substanceChange(by: SdsSubstanceChange['matchedBy'], a: SubstanceFact, b: SubstanceFact): SdsSubstanceChange | undefined {
  const hazardCodes = codeChanges(a.hazardCodes, b.hazardCodes);
  const fields = {
    name: textChange(a.name, b.name),
    cas: textChange(idValue(a.cas), idValue(b.cas), exact),
    ec: textChange(idValue(a.ec), idValue(b.ec), exact),
    indexNumber: textChange(idValue(a.indexNumber), idValue(b.indexNumber), exact),
    reachRegistration: textChange(idValue(a.reachRegistration), idValue(b.reachRegistration), exact),
    concentration: sameConcentration(a.concentration, b.concentration) ? undefined : { from: range(a.concentration), to: range(b.concentration) },
    hazardCodes: isEmpty(hazardCodes) ? undefined : hazardCodes,
  };
  const changed = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  if (Object.keys(changed).length === 0) return undefined;
  return { matchedBy: by, substance: ref(b), ...changed };
}

function substances(from: readonly SubstanceFact[], to: readonly SubstanceFact[]): SdsFactsDiff['substances'] {
  const unmatched: Record<Side, Set<number>> = { from: new Set(from.keys()), to: new Set(to.keys()) };
  const pairs: { by: Pass['by']; a: SubstanceFact; b: SubstanceFact; order: number }[] = [];
  for (const pass of PASSES) {
    for (const j of [...unmatched.to]) {
      const b = to[j]!;
      const key = pass.key(b);
      if (key === null) continue;
      // The first unmatched row with the same key, in document order: duplicate rows pair up in order.
      const i = [...unmatched.from].find((k) => pass.key(from[k]!) === key && pass.compatible(from[k]!, b));
      if (i === undefined) continue;
      unmatched.from.delete(i);
      unmatched.to.delete(j);
      pairs.push({ by: pass.by, a: from[i]!, b, order: j });
    }
  }
  const changed = pairs
    .sort((x, y) => x.order - y.order)
    .map((p) => substanceChange(p.by, p.a, p.b))
    .filter((c): c is SdsSubstanceChange => c !== undefined);
  return {
    added: [...unmatched.to].sort((x, y) => x - y).map((j) => ref(to[j]!)),
    removed: [...unmatched.from].sort((x, y) => x - y).map((i) => ref(from[i]!)),
    changed,
    unchanged: pairs.length - changed.length,
  };
}

// ---------------------------------------------------------------------------------------------------------

function warnings(from: SdsFacts, to: SdsFacts): string[] {
  const notes: string[] = [];
  for (const [side, facts] of [['from', from], ['to', to]] as const) {
    if (!facts.textLayer) notes.push(`the "${side}" revision has no text layer (a scan, needs OCR): no facts were read from it, so this diff cannot show what it states`);
  }
  const a = from.revisionDate.value;
  const b = to.revisionDate.value;
  if (a !== null && b !== null && a > b) notes.push(`the "from" revision is dated ${a}, after the "to" revision (${b}): this diff runs backwards in time`);
  return notes;
}

/** What changed from `from` to `to` (usually the older and the newer revision of one product's SDS). */
export function diffSdsFacts(from: SdsFacts, to: SdsFacts): SdsFactsDiff {
  const diff = {
    identity: identity(from, to),
    hazardStatements: codeChanges(
      from.hazardStatements.map((c) => c.code),
      to.hazardStatements.map((c) => c.code),
    ),
    euhStatements: codeChanges(
      from.euhStatements.map((c) => c.code),
      to.euhStatements.map((c) => c.code),
    ),
    pictograms: codeChanges(
      from.pictograms.map((p) => p.code),
      to.pictograms.map((p) => p.code),
    ),
    substances: substances(from.substances, to.substances),
  };
  const changed =
    Object.keys(diff.identity).length > 0 ||
    !isEmpty(diff.hazardStatements) ||
    !isEmpty(diff.euhStatements) ||
    !isEmpty(diff.pictograms) ||
    diff.substances.added.length + diff.substances.removed.length + diff.substances.changed.length > 0;
  return { changed, ...diff, warnings: warnings(from, to) };
}
