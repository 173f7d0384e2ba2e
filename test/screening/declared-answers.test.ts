import { expect } from 'chai';
import { emptyContent, type DeclarationContent, type ListAnswer } from '../../src/declarations/declaration-content.js';
import { DECLARED_YES_ENTRY, declaredAnswerMatches } from '../../src/screening/declared-answers.js';
import type { ListApplication, Match, ScreeningList } from '../../src/screening/screening.types.js';

const CANDIDATE: ScreeningList = { listId: 'echa-candidate-list', name: 'Candidate List', kind: 'regulatory', versionId: 'a'.repeat(24), version: 3, listDate: '2026-01-21', entries: [] };
const ROHS: ScreeningList = { listId: 'rohs-annex-ii', name: 'RoHS Annex II', kind: 'regulatory', versionId: 'b'.repeat(24), version: 1, listDate: '2015-03-31', entries: [] };
const LISTS = [CANDIDATE, ROHS];
const BASELINE: ListApplication[] = [{ listId: CANDIDATE.listId, contractId: null }, { listId: ROHS.listId, contractId: null }];

function answer(over: Partial<ListAnswer>): ListAnswer {
  return {
    path: 'SubstanceCategoryList[0].SubstanceCategory[0]', list: 'EUREACH-0624', category: 'Diisobutyl phthalate (DIBP)', listId: 'echa-candidate-list',
    threshold: '0.1 mass% of article', answer: 'yes', ...over,
  };
}

function declared(...answers: ListAnswer[]): { revisionId: string; content: DeclarationContent } {
  return { revisionId: 'c'.repeat(24), content: { ...emptyContent('ipc-1752a'), declarationClass: 'C', listAnswers: answers } };
}

/** A hit on `listId` of a named substance at `path` of the declaration, as the matcher answers it. */
const namedHit = (listId: string, path = 'SubstanceCategoryList[0].SubstanceCategory[0].Substance[0]'): Match => ({
  listId, versionId: 'a'.repeat(24), version: 3, entryKey: 'cas:117-81-7', entryName: 'DEHP', substanceRef: `declaration:${'c'.repeat(24)}:${path}`, matchType: 'cas', certainty: 'exact',
  score: 1, matchedOn: '117-81-7', limit: null, concentrationTest: 'exceeds', severity: 'orange', severityReason: '', contractIds: [],
});

describe('screening/declared-answers', () => {
  it('when a class C declaration answers yes for a category without naming a substance, then one orange finding about an unnamed substance of it is raised', () => {
    const { matches, substances } = declaredAnswerMatches(declared(answer({})), LISTS, BASELINE, []);

    expect(matches).to.have.length(1);
    const [match] = matches as [Match];
    expect(match).to.include({ listId: 'echa-candidate-list', versionId: CANDIDATE.versionId, entryKey: DECLARED_YES_ENTRY, matchType: 'declared-answer', severity: 'orange', concentrationTest: 'exceeds', limit: null });
    expect(match.severityReason).to.include('Art. 33(1)');
    expect(substances).to.have.length(1);
    expect(substances[0]).to.include({ ref: match.substanceRef, cas: null, name: 'unnamed substance of EUREACH-0624 / Diisobutyl phthalate (DIBP)' });
    expect(substances[0]?.evidence).to.deep.equal({
      source: 'declaration', documentId: 'c'.repeat(24), page: null,
      quote: 'SubstanceCategoryList[0].SubstanceCategory[0]: EUREACH-0624 / Diisobutyl phthalate (DIBP) above 0.1 mass% of article: yes',
    });
  });

  it('when the answer is no, then nothing is raised', () => {
    expect(declaredAnswerMatches(declared(answer({ answer: 'no' })), LISTS, BASELINE, []).matches).to.deep.equal([]);
  });

  it('when a substance the category names hit that list, then the yes adds nothing', () => {
    expect(declaredAnswerMatches(declared(answer({})), LISTS, BASELINE, [namedHit('echa-candidate-list')]).matches).to.deep.equal([]);
  });

  it('when the substance that hit the list sits under another category or hit another list, then the yes is still raised', () => {
    const otherCategory = namedHit('echa-candidate-list', 'SubstanceCategoryList[0].SubstanceCategory[1].Substance[0]');

    expect(declaredAnswerMatches(declared(answer({})), LISTS, BASELINE, [otherCategory]).matches).to.have.length(1);
    expect(declaredAnswerMatches(declared(answer({})), LISTS, BASELINE, [namedHit('rohs-annex-ii')]).matches).to.have.length(1);
  });

  it('when the list is not recognised, not imported or does not apply to the product, then nothing is raised', () => {
    expect(declaredAnswerMatches(declared(answer({ listId: null, list: 'IEC 62474 D27.00' })), LISTS, BASELINE, []).matches).to.deep.equal([]);
    expect(declaredAnswerMatches(declared(answer({ listId: 'eu-pops' })), LISTS, BASELINE, []).matches).to.deep.equal([]);
    expect(declaredAnswerMatches(declared(answer({})), LISTS, [{ listId: ROHS.listId, contractId: null }], []).matches).to.deep.equal([]);
  });

  it('when the same category is answered yes twice, then one finding is raised; two categories raise two', () => {
    const twice = declared(answer({}), answer({ path: 'SubProduct[0].SubstanceCategoryList[0].SubstanceCategory[0]' }));
    const two = declared(answer({}), answer({ path: 'SubstanceCategoryList[0].SubstanceCategory[1]', category: 'Dibutyl phthalate (DBP)' }));

    expect(declaredAnswerMatches(twice, LISTS, BASELINE, []).matches).to.have.length(1);
    expect(declaredAnswerMatches(two, LISTS, BASELINE, []).matches).to.have.length(2);
  });

  it('when contracts name the list, then the finding carries them and a contract\'s own severity decides', () => {
    const applications: ListApplication[] = [...BASELINE, { listId: CANDIDATE.listId, contractId: 'e'.repeat(24), severity: 'red' }, { listId: CANDIDATE.listId, contractId: 'd'.repeat(24) }];

    const [match] = declaredAnswerMatches(declared(answer({})), LISTS, applications, []).matches as [Match];

    expect(match.contractIds).to.deep.equal(['d'.repeat(24), 'e'.repeat(24)]);
    expect(match.severity).to.equal('red');
  });
});
