// IPC-1752A class C answers as findings (issue 6). A class C declaration answers yes/no per substance category of a
// declarable substance list ("Cadmium/Cadmium Compounds above 0.01 % of homogeneous material: yes") and need not name
// the substance. A "yes" whose category names no substance that matched the list is still a declared hit on that list:
// chemreg raises it as a finding about an unnamed substance of that category, so that an expert asks which substance
// and at what concentration. For the Candidate List that question is the supplier's duty anyway: REACH Art. 33(1)
// requires the recipient of an article to be given at least the name of the substance. A "no" raises nothing; a
// substance the category names that matched the list already has its own finding, with its concentration tested.
import type { DeclarationContent, ListAnswer } from '../declarations/declaration-content.js';
import type { ListApplication, Match, ScreenedSubstance, ScreeningList, Severity } from './screening.types.js';

/** The entry key of a declared-yes finding: one per product and list, whatever revision declared it. */
export const DECLARED_YES_ENTRY = 'declared-yes';

/** The screened stand-in for the unnamed substance a "yes" declares; its ref is the answer's place in the revision. */
export function answerSubstance(revisionId: string, answer: ListAnswer): ScreenedSubstance {
  const threshold = answer.threshold === null ? '' : ` above ${answer.threshold}`;
  const category = answer.category === null ? '' : ` / ${answer.category}`;
  return {
    ref: `declaration:${revisionId}:${answer.path}`,
    // Findings key on the name: one per category, the same across revisions that keep answering yes.
    name: `unnamed substance of ${answer.list}${category}`,
    cas: null,
    ec: null,
    indexNumber: null,
    concentration: null,
    hazardCodes: [],
    evidence: { source: 'declaration', documentId: revisionId, page: null, quote: `${answer.path}: ${answer.list}${category}${threshold}: yes` },
  };
}

export interface DeclaredAnswers {
  revisionId: string;
  content: DeclarationContent;
}

/**
 * Findings for the "yes" answers of a product's latest declaration: one per category answered yes, of a recognised
 * list that applies to the product, unless a substance the category names is among `matches` for that list.
 */
export function declaredAnswerMatches(
  declared: DeclaredAnswers,
  screeningLists: readonly ScreeningList[],
  applications: readonly ListApplication[],
  matches: readonly Match[],
): { matches: Match[]; substances: ScreenedSubstance[] } {
  const out: { matches: Match[]; substances: ScreenedSubstance[] } = { matches: [], substances: [] };
  const seen = new Set<string>();
  for (const answer of declared.content.listAnswers) {
    if (answer.answer !== 'yes' || answer.listId === null) continue;
    const list = screeningLists.find((l) => l.listId === answer.listId);
    const applying = applications.filter((a) => a.listId === answer.listId);
    if (list === undefined || applying.length === 0) continue;
    // The substances a category names sit under it: their refs extend the answer's path.
    const under = `declaration:${declared.revisionId}:${answer.path}.`;
    if (matches.some((m) => m.listId === answer.listId && m.substanceRef.startsWith(under))) continue;
    const substance = answerSubstance(declared.revisionId, answer);
    // The same category answered in two places (class C per sub-product) is one finding.
    if (seen.has(substance.name ?? '')) continue;
    seen.add(substance.name ?? '');
    const contractIds = [...new Set(applying.flatMap((a) => (a.contractId === null ? [] : [a.contractId])))].sort();
    // A contract's own severity for the list decides, as for any hit on it; otherwise orange: a declared hit the
    // supplier still has to name is an open information duty (domain.md "Findings").
    const contractSeverity = applying.map((a) => a.severity).find((s): s is Severity => s !== undefined);
    const threshold = answer.threshold === null ? 'its reporting threshold' : answer.threshold;
    out.substances.push(substance);
    out.matches.push({
      listId: list.listId,
      versionId: list.versionId,
      version: list.version,
      entryKey: DECLARED_YES_ENTRY,
      entryName: `a substance of ${list.name}, declared present but not named`,
      substanceRef: substance.ref,
      matchType: 'declared-answer',
      certainty: 'exact',
      score: 1,
      matchedOn: `${answer.list}${answer.category === null ? '' : ` / ${answer.category}`}: yes`,
      limit: null,
      concentrationTest: 'exceeds',
      severity: contractSeverity ?? 'orange',
      severityReason:
        `The declaration answers yes for ${answer.list}${answer.category === null ? '' : ` / ${answer.category}`} (above ${threshold}) ` +
        'without naming the substance; ask the supplier ' +
        'which substance it is and at what concentration (REACH Art. 33(1): at least the substance\'s name must be given)' +
        (contractSeverity !== undefined ? `; a contract sets severity ${contractSeverity} for this list` : ''),
      contractIds,
    });
  }
  return out;
}
