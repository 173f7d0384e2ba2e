import { expect } from 'chai';
import { parseConcentration } from '../../src/chemistry/concentration.js';
import { blankEntry, type ListEntry, type ListKind } from '../../src/lists/list-entry.js';
import { createMatcher, MIN_NAME_SCORE } from '../../src/screening/matcher.js';
import type { ListApplication, Match, ProductContext, ScreenedSubstance, ScreeningList } from '../../src/screening/screening.types.js';

// Real identifiers (check digits verified): DEHP 117-81-7 / 204-211-0, lead 7439-92-1, BPA 80-05-7 / 201-245-8,
// lead chromate 7758-97-6 / 231-846-0, chromium trioxide 1333-82-0 / 215-607-8 / index 024-001-00-0.
const DEHP = { cas: '117-81-7', ec: '204-211-0' };

function list(listId: string, kind: ListKind, entries: ListEntry[], name = listId): ScreeningList {
  return { listId, name, kind, versionId: `${listId}@3`, version: 3, listDate: '2026-02-04', entries };
}

function entry(key: string, name: string, facts: Partial<ListEntry> = {}): ListEntry {
  return { ...blankEntry(key, name), ...facts };
}

function substance(ref: string, facts: Partial<ScreenedSubstance> = {}): ScreenedSubstance {
  return { ref, name: null, cas: null, ec: null, indexNumber: null, concentration: null, hazardCodes: [], evidence: null, ...facts };
}

const baseline = (...listIds: string[]): ListApplication[] => listIds.map((listId) => ({ listId, contractId: null }));
const article: ProductContext = { productId: 'p1', kind: 'article', today: '2026-06-01' };
const mixture: ProductContext = { productId: 'p2', kind: 'mixture', today: '2026-06-01' };

const candidateList = list('echa-candidate-list', 'regulatory', [
  entry('bis(2-ethylhexyl) phthalate', 'Bis(2-ethylhexyl) phthalate (DEHP)', { cas: [DEHP.cas], ec: [DEHP.ec] }),
  entry('bisphenol a', 'Bisphenol A', { cas: ['80-05-7'], ec: ['201-245-8'] }),
  entry('4-nonylphenol', '4-Nonylphenol, branched and linear', {
    group: true,
    members: [{ name: '4-nonylphenol', cas: '104-40-5', ec: '203-199-4' }],
    cas: ['104-40-5'],
    ec: ['203-199-4'],
  }),
  entry('list-number', 'A substance known by its list number', { ec: ['700-000-7'] }),
]);

function only(matches: Match[]): Match {
  expect(matches).to.have.length(1);
  return matches[0] as Match;
}

describe(createMatcher.name, () => {
  describe('identifiers', () => {
    it('when an SDS lists DEHP at 5–10 % in an article, then an orange Candidate List match is raised on CAS', () => {
      // Arrange
      const matcher = createMatcher([candidateList]);
      const dehp = substance('sds:1:3', { name: 'DEHP', ...DEHP, concentration: parseConcentration('5 – 10 %') });

      // Act
      const match = only(matcher.screen([dehp], baseline('echa-candidate-list'), article));

      // Assert
      expect(match).to.include({
        listId: 'echa-candidate-list',
        versionId: 'echa-candidate-list@3',
        version: 3,
        entryKey: 'bis(2-ethylhexyl) phthalate',
        substanceRef: 'sds:1:3',
        matchType: 'cas',
        certainty: 'exact',
        score: 1,
        matchedOn: '117-81-7',
        concentrationTest: 'exceeds',
        severity: 'orange',
      });
      expect(match.limit).to.deep.include({ percent: 0.1, inclusive: false, source: 'regulation' });
      expect(match.severityReason).to.contain('REACH Art. 33(1)');
      expect(match.contractIds).to.deep.equal([]);
    });

    it('when a substance matches an entry by CAS and EC alike, then one match is raised, on CAS', () => {
      const matcher = createMatcher([candidateList]);
      const matches = matcher.screen([substance('s', { ...DEHP })], baseline('echa-candidate-list'), article);
      expect(only(matches).matchType).to.equal('cas');
    });

    it('when only the EC number is declared, then an exact EC match is raised', () => {
      const matcher = createMatcher([candidateList]);
      const match = only(matcher.screen([substance('s', { ec: '201-245-8' })], baseline('echa-candidate-list'), article));
      expect(match).to.include({ entryKey: 'bisphenol a', matchType: 'ec', certainty: 'exact', matchedOn: '201-245-8' });
    });

    it('when the EC number is an ECHA list number, then the match is exact and the reason says to confirm the identity', () => {
      const matcher = createMatcher([candidateList]);
      const match = only(matcher.screen([substance('s', { ec: '700-000-7' })], baseline('echa-candidate-list'), article));
      expect(match).to.include({ matchType: 'ec', certainty: 'exact' });
      expect(match.severityReason).to.contain('list number 700-000-7');
    });

    it('when a CLP index number is declared without CAS or EC, then an exact index match is raised', () => {
      const clp = list('clp-annex-vi-cmr', 'classification', [
        entry('024-001-00-0', 'chromium (VI) trioxide', { indexNumbers: ['024-001-00-0'], hazardClasses: ['Carc. 1A', 'Muta. 1B', 'Repr. 2'] }),
      ]);
      const match = only(createMatcher([clp]).screen([substance('s', { indexNumber: '024-001-00-0' })], baseline('clp-annex-vi-cmr'), mixture));
      expect(match).to.include({ matchType: 'index', certainty: 'exact', matchedOn: '024-001-00-0' });
    });

    it("when a substance's CAS check digit is invalid, then no exact match", () => {
      // Arrange: 117-81-8 is DEHP's number with a wrong check digit, passed through by a careless caller.
      const matcher = createMatcher([candidateList]);
      const typo = substance('s', { name: 'Additive X', cas: '117-81-8', concentration: parseConcentration('5 %') });

      // Act
      const matches = matcher.screen([typo], baseline('echa-candidate-list'), article);

      // Assert
      expect(matches).to.deep.equal([]);
    });

    it('when an EC number or index number has a wrong check digit, then it is not matched either', () => {
      const clp = list('clp-annex-vi-cmr', 'classification', [entry('024-001-00-0', 'chromium (VI) trioxide', { indexNumbers: ['024-001-00-0'], hazardClasses: ['Carc. 1A'] })]);
      const matcher = createMatcher([candidateList, clp]);
      const matches = matcher.screen(
        [substance('a', { ec: '201-245-9' }), substance('b', { indexNumber: '024-001-00-1' })],
        baseline('echa-candidate-list', 'clp-annex-vi-cmr'),
        mixture,
      );
      expect(matches).to.deep.equal([]);
    });

    it('when a group member\'s CAS is declared, then an exact group-member match is raised on the group entry', () => {
      const matcher = createMatcher([candidateList]);
      const match = only(matcher.screen([substance('s', { name: 'p-Nonylphenol', cas: '104-40-5' })], baseline('echa-candidate-list'), mixture));
      expect(match).to.include({ entryKey: '4-nonylphenol', matchType: 'group-member', certainty: 'exact', matchedOn: '104-40-5' });
    });

    it('when a list has no application for the product, then it is not screened', () => {
      const matcher = createMatcher([candidateList]);
      expect(matcher.screen([substance('s', { ...DEHP })], baseline('reach-annex-xvii'), article)).to.deep.equal([]);
    });
  });

  describe('names and elements', () => {
    const annexXvii = list('reach-annex-xvii', 'regulatory', [
      entry('63', 'Lead and its compounds', { group: true, element: 'Pb', entryNumber: '63', cas: ['7439-92-1'], members: [] }),
      entry('46a', 'Nonylphenol ethoxylates', { group: true, entryNumber: '46a' }),
      entry('5', 'Benzene', { cas: ['71-43-2'], ec: ['200-753-7'], entryNumber: '5' }),
      entry('single-lead-compound', 'Lead chromate', { cas: ['7758-97-6'], element: 'Pb', group: false }),
    ]);

    it("when a substance name says 'lead chromate' and no identifier matches, then a possible element match is raised", () => {
      // Arrange
      const matcher = createMatcher([annexXvii]);
      const pigment = substance('s', { name: 'Blykromat (lead chromate)', concentration: parseConcentration('2 %') });

      // Act
      const matches = matcher.screen([pigment], baseline('reach-annex-xvii'), article);

      // Assert: the group entry only — never the single-substance entry "Lead chromate", which has a CAS.
      const match = only(matches);
      expect(match).to.include({ entryKey: '63', matchType: 'element', certainty: 'possible', matchedOn: 'Blykromat (lead chromate)' });
      expect(match.severityReason).to.contain('an expert must confirm');
    });

    it('when a name says "lead-free", then no element match is raised', () => {
      const matcher = createMatcher([annexXvii]);
      expect(matcher.screen([substance('s', { name: 'Lead-free solder alloy' })], baseline('reach-annex-xvii'), article)).to.deep.equal([]);
    });

    it('when a name matches a group entry without identifiers, then a possible name match carries the similarity', () => {
      const matcher = createMatcher([annexXvii]);
      const match = only(matcher.screen([substance('s', { name: 'Nonylphenol ethoxylate' })], baseline('reach-annex-xvii'), mixture));
      expect(match).to.include({ entryKey: '46a', matchType: 'name', certainty: 'possible' });
      expect(match.score).to.be.at.least(MIN_NAME_SCORE).and.at.most(1);
      expect(match.severityReason).to.match(/similarity 0\.\d\d|similarity 1\.00/u);
    });

    it('when a name equals a single substance that has identifiers, then it is not matched by name', () => {
      const matcher = createMatcher([annexXvii]);
      expect(matcher.screen([substance('s', { name: 'Benzene' })], baseline('reach-annex-xvii'), mixture)).to.deep.equal([]);
    });

    it('when a substance matched a group entry by identifier, then no name or element match is added on that entry', () => {
      const matcher = createMatcher([annexXvii]);
      const match = only(matcher.screen([substance('s', { name: 'Lead', cas: '7439-92-1' })], baseline('reach-annex-xvii'), article));
      expect(match).to.include({ entryKey: '63', matchType: 'cas', certainty: 'exact' });
    });

    it('when a lead compound found by its name is above a limit expressed as lead, then the test is indeterminate and asks for the lead content', () => {
      const rohs = list('rohs-annex-ii', 'regulatory', [entry('pb', 'Lead', { group: true, element: 'Pb', cas: ['7439-92-1'] })]);
      const match = only(createMatcher([rohs]).screen([substance('s', { name: 'lead(II) oxide', concentration: parseConcentration('3 %') })], baseline('rohs-annex-ii'), article));
      expect(match).to.include({ matchType: 'element', concentrationTest: 'indeterminate', severity: 'red' });
      expect(match.severityReason).to.contain('indeterminate: ask the supplier for the lead content');
    });
  });

  describe('hazard-code rules', () => {
    const prio = list('prio-phase-out-derived', 'derived', [entry('cmr', 'CMR category 1A/1B', { ruleHazardCodes: ['H340', 'H350', 'H360'] })]);
    const apply: ListApplication[] = [{ listId: 'prio-phase-out-derived', contractId: 'c-1' }];

    it('when a substance is declared H360FD and a rule names H360, then an exact hazard-code match is raised', () => {
      const match = only(createMatcher([prio]).screen([substance('s', { name: 'Solvent Y', hazardCodes: ['H302', 'H360FD'] })], apply, mixture));
      expect(match).to.include({ matchType: 'hazard-code', certainty: 'exact', score: 1, matchedOn: 'H360FD', severity: 'yellow' });
    });

    it('when the declared code is only category 2 (H361fd), then the H360 rule does not match', () => {
      expect(createMatcher([prio]).screen([substance('s', { hazardCodes: ['H361fd'] })], apply, mixture)).to.deep.equal([]);
    });

    it('when codes are declared combined ("H300+H350"), then each part is tested', () => {
      const match = only(createMatcher([prio]).screen([substance('s', { hazardCodes: ['H300+H350'] })], apply, mixture));
      expect(match.matchedOn).to.equal('H300+H350');
    });
  });

  describe('concentration and severity', () => {
    describe('per homogeneous material (declarations)', () => {
      const rohs = list('rohs-annex-ii', 'regulatory', [entry('dehp', 'DEHP', { cas: [DEHP.cas] })]);
      // 0.5 % of a PVC sheath that is a tenth of the cable: 0.05 % of the cable.
      const declared = substance('declaration:1:components[0].materials[0].substances[0]', {
        name: 'DEHP', ...DEHP, concentration: parseConcentration('0.05 %'), materialConcentration: parseConcentration('0.5 %'),
      });

      it('when a declaration gives the concentration in the material, then RoHS tests it and the Candidate List tests the one in the article', () => {
        // Arrange
        const matcher = createMatcher([candidateList, rohs]);

        // Act
        const matches = matcher.screen([declared], baseline('echa-candidate-list', 'rohs-annex-ii'), article);

        // Assert
        const byList = new Map(matches.map((m) => [m.listId, m]));
        expect(byList.get('rohs-annex-ii')).to.include({ concentrationTest: 'exceeds', severity: 'red' });
        expect(byList.get('echa-candidate-list')).to.include({ concentrationTest: 'below', severity: 'info' });
      });

      it('when a contract sets its own threshold for RoHS, then the threshold is tested on the concentration in the article', () => {
        // Arrange
        const matcher = createMatcher([rohs]);

        // Act
        const match = only(matcher.screen([declared], [{ listId: 'rohs-annex-ii', contractId: 'c1', thresholdPercent: 0.1 }], article));

        // Assert
        expect(match.concentrationTest).to.equal('below');
      });

      it('when an SDS substance has no material concentration, then RoHS tests its concentration as declared', () => {
        // Arrange
        const matcher = createMatcher([rohs]);
        const fromSds = substance('sds:1:0', { ...DEHP, concentration: parseConcentration('0.05 %') });

        // Act
        const match = only(matcher.screen([fromSds], baseline('rohs-annex-ii'), article));

        // Assert
        expect(match.concentrationTest).to.equal('below');
      });
    });

    it('when a range straddles the limit, then the test is indeterminate and the reason says to ask the supplier', () => {
      // Arrange: an Annex XVII entry restricted from 3 % (curated), a declared 1–5 %.
      const annexXvii = list('reach-annex-xvii', 'regulatory', [
        entry('99', 'Solvent Z', { cas: ['71-43-2'], entryNumber: '99', limit: { percent: 3, basis: 'mixture', scope: 'mixtures supplied to the general public', source: 'curated' } }),
      ]);

      // Act
      const match = only(createMatcher([annexXvii]).screen([substance('s', { cas: '71-43-2', concentration: parseConcentration('1–5 %') })], baseline('reach-annex-xvii'), mixture));

      // Assert: the severity the hit would have if exceeded, turned into a question.
      expect(match).to.include({ concentrationTest: 'indeterminate', severity: 'red' });
      expect(match.limit).to.deep.include({ percent: 3, inclusive: true, source: 'curated' });
      expect(match.severityReason).to.contain('indeterminate: ask the supplier');
    });

    it('when no concentration is declared, then the test is indeterminate', () => {
      const match = only(createMatcher([candidateList]).screen([substance('s', { ...DEHP })], baseline('echa-candidate-list'), article));
      expect(match).to.include({ concentrationTest: 'indeterminate', severity: 'orange' });
      expect(match.severityReason).to.contain('indeterminate: ask the supplier for the concentration');
    });

    it('when a Candidate List substance is below 0.1 % in an article, then the match is info', () => {
      const match = only(createMatcher([candidateList]).screen([substance('s', { ...DEHP, concentration: parseConcentration('0.05 %') })], baseline('echa-candidate-list'), article));
      expect(match).to.include({ concentrationTest: 'below', severity: 'info' });
    });

    it('when a Candidate List substance is at exactly 0.1 % in a mixture, then it meets the SDS threshold (≥ 0.1 %)', () => {
      const match = only(createMatcher([candidateList]).screen([substance('s', { ...DEHP, concentration: parseConcentration('0.1 %') })], baseline('echa-candidate-list'), mixture));
      expect(match).to.include({ concentrationTest: 'exceeds', severity: 'orange' });
      expect(match.limit).to.deep.include({ percent: 0.1, inclusive: true });
    });

    it('when two contracts apply the same list with different thresholds, then one match carries both contracts and the strictest threshold', () => {
      // Arrange
      const applications: ListApplication[] = [
        { listId: 'echa-candidate-list', contractId: null },
        { listId: 'echa-candidate-list', contractId: 'contract-b', thresholdPercent: 0.05 },
        { listId: 'echa-candidate-list', contractId: 'contract-a', contractNumber: 'RS-2026-0107', thresholdPercent: 0.01 },
      ];
      const dehp = substance('s', { ...DEHP, concentration: parseConcentration('0.02 %') });

      // Act
      const match = only(createMatcher([candidateList]).screen([dehp], applications, article));

      // Assert: below the legal 0.1 % and contract B's 0.05 %, above contract A's 0.01 %.
      expect(match.contractIds).to.deep.equal(['contract-a', 'contract-b']);
      expect(match.limit, 'the contract named by its number').to.deep.equal({ percent: 0.01, inclusive: false, source: 'contract', reference: 'threshold set by contract RS-2026-0107' });
      expect(match).to.include({ concentrationTest: 'exceeds', severity: 'orange' });
      expect(match.severityReason).to.contain('contract RS-2026-0107');
    });

    it('when applications give different severities, then the match takes the highest', () => {
      const applications: ListApplication[] = [
        { listId: 'chemsec-sin-list', contractId: 'c-1' },
        { listId: 'chemsec-sin-list', contractId: 'c-2', contractNumber: 'VGR-2025-12', severity: 'red' },
      ];
      const sin = list('chemsec-sin-list', 'watch', [entry('80-05-7', 'Bisphenol A', { cas: ['80-05-7'] })]);
      const match = only(createMatcher([sin]).screen([substance('s', { cas: '80-05-7', concentration: parseConcentration('1 %') })], applications, article));
      expect(match.severity).to.equal('red');
      expect(match.severityReason).to.contain('contract VGR-2025-12 sets severity red');
      expect(match.contractIds).to.deep.equal(['c-1', 'c-2']);
    });

    it('when an entry is upcoming, then the match is info and the reason names the date', () => {
      const clp = list('clp-annex-vi-cmr', 'classification', [
        entry('607-000-00-0', 'Future CMR', { cas: ['80-05-7'], hazardClasses: ['Repr. 1B'], appliesFrom: '2027-02-01', upcoming: true }),
      ]);
      const match = only(createMatcher([clp]).screen([substance('s', { cas: '80-05-7', concentration: parseConcentration('5 %') })], baseline('clp-annex-vi-cmr'), mixture));
      expect(match.severity).to.equal('info');
      expect(match.severityReason).to.contain('2027-02-01');
    });

    it('when an Annex XIV substance is in a mixture past its sunset date, then red; in an article, info', () => {
      const annexXiv = list('reach-annex-xiv', 'regulatory', [entry('dehp', 'DEHP', { ...{ cas: [DEHP.cas] }, sunsetDate: '2015-02-21' })]);
      const matcher = createMatcher([annexXiv]);
      const dehp = [substance('s', { cas: DEHP.cas, concentration: parseConcentration('20 %') })];
      const inMixture = only(matcher.screen(dehp, baseline('reach-annex-xiv'), mixture));
      const inArticle = only(matcher.screen(dehp, baseline('reach-annex-xiv'), article));
      expect(inMixture).to.include({ severity: 'red', concentrationTest: 'not-applicable', limit: null });
      expect(inMixture.severityReason).to.contain('2015-02-21');
      expect(inArticle.severity).to.equal('info');
    });

    it('when a CLP entry has a specific concentration limit, then it is tested against the SCL', () => {
      const clp = list('clp-annex-vi-cmr', 'classification', [
        entry('index', 'Strong CMR', { cas: ['80-05-7'], hazardClasses: ['Carc. 1B'], specificLimits: [{ hazard: 'Carc. 1B; H350', minPercent: 0.01, text: 'Carc. 1B; H350: C ≥ 0,01 %' }] }),
      ]);
      const match = only(createMatcher([clp]).screen([substance('s', { cas: '80-05-7', concentration: parseConcentration('0.05 %') })], baseline('clp-annex-vi-cmr'), mixture));
      expect(match.limit).to.deep.include({ percent: 0.01, inclusive: true, source: 'specific-limit' });
      expect(match).to.include({ concentrationTest: 'exceeds', severity: 'yellow' });
    });
  });

  it('when one matcher screens products in a row, then each product is judged only on its own applications', () => {
    // Arrange
    const matcher = createMatcher([candidateList]);
    const dehp = [substance('s', { ...DEHP, concentration: parseConcentration('0.05 %') })];
    const strict: ListApplication[] = [{ listId: 'echa-candidate-list', contractId: 'c-1', thresholdPercent: 0.01 }];

    // Act
    const first = only(matcher.screen(dehp, strict, article));
    const second = only(matcher.screen(dehp, baseline('echa-candidate-list'), article));
    const third = matcher.screen(dehp, [], article);

    // Assert
    expect(first).to.include({ severity: 'orange' });
    expect(first.contractIds).to.deep.equal(['c-1']);
    expect(second).to.include({ severity: 'info' });
    expect(second.contractIds).to.deep.equal([]);
    expect(third).to.deep.equal([]);
  });

  it('when the legal baseline tests presence and a contract sets a threshold, then the match shows the threshold', () => {
    const annexXiv = list('reach-annex-xiv', 'regulatory', [entry('dehp', 'DEHP', { cas: [DEHP.cas], sunsetDate: '2030-01-01' })]);
    const applications: ListApplication[] = [...baseline('reach-annex-xiv'), { listId: 'reach-annex-xiv', contractId: 'c-1', thresholdPercent: 0.1 }];
    const match = only(createMatcher([annexXiv]).screen([substance('s', { cas: DEHP.cas, concentration: parseConcentration('0.05 %') })], applications, mixture));
    expect(match.limit).to.deep.include({ percent: 0.1, source: 'contract' });
    expect(match).to.include({ concentrationTest: 'below', severity: 'yellow' });
    expect(match.severityReason).to.contain('sunset date 2030-01-01');
  });

  it('when several lists and substances match, then the output is sorted by list, entry key and substance ref', () => {
    // Arrange
    const sin = list('chemsec-sin-list', 'watch', [entry('80-05-7', 'Bisphenol A', { cas: ['80-05-7'] }), entry('117-81-7', 'DEHP', { cas: [DEHP.cas] })]);
    const matcher = createMatcher([sin, candidateList]);
    const substances = [substance('b', { cas: DEHP.cas }), substance('a', { cas: '80-05-7' }), substance('c', { cas: DEHP.cas })];
    const applications: ListApplication[] = [...baseline('echa-candidate-list'), { listId: 'chemsec-sin-list', contractId: 'c-1' }];

    // Act
    const keys = matcher.screen(substances, applications, article).map((m) => `${m.listId}|${m.entryKey}|${m.substanceRef}`);

    // Assert
    expect(keys).to.deep.equal([
      'chemsec-sin-list|117-81-7|b',
      'chemsec-sin-list|117-81-7|c',
      'chemsec-sin-list|80-05-7|a',
      'echa-candidate-list|bis(2-ethylhexyl) phthalate|b',
      'echa-candidate-list|bis(2-ethylhexyl) phthalate|c',
      'echa-candidate-list|bisphenol a|a',
    ]);
  });
});
