import { expect } from 'chai';
import { isKnownHazardCode } from '../../../src/chemistry/hazard-codes.js';
import { parseCas } from '../../../src/chemistry/identifiers.js';
import { buildPrioDerivedList, PRIO_CRITERIA_DATE } from '../../../src/lists/derived/prio.js';
import { ListEntry, WELL_KNOWN_LISTS } from '../../../src/lists/list-entry.js';

/** The ListEntry contract for rules: a code matches when it starts with a rule code ("H360" covers "H360FD"). */
function rulesMatching(entries: ListEntry[], code: string): string[] {
  return entries.filter((e) => e.ruleHazardCodes.some((rule) => code.startsWith(rule))).map((e) => e.key);
}

describe(buildPrioDerivedList.name, () => {
  it('when the PRIO rules are built, then every entry validates as a ListEntry and H360FD is covered by the CMR rule', () => {
    // Arrange
    const list = buildPrioDerivedList();

    // Act
    const results = list.entries.map((entry) => ListEntry.safeParse(entry));

    // Assert
    for (const [i, result] of results.entries()) expect(result.success, list.entries[i]?.key).to.equal(true);
    expect(rulesMatching(list.entries, 'H360FD')).to.deep.equal(['phase-out:cmr']);
    expect(list.entries.find((e) => e.key === 'phase-out:cmr')?.ruleHazardCodes).to.include.members(['H340', 'H350', 'H350i', 'H360', 'H360F', 'H360D', 'H360FD', 'H360Fd', 'H360Df']);
  });

  it('when the list is built, then it says it is derived by chemreg, dated by the criteria version, and is not KemI’s database', () => {
    // Arrange
    const expectedId = 'prio-phase-out-derived';

    // Act
    const list = buildPrioDerivedList();

    // Assert
    expect(list).to.include({ listId: expectedId, kind: 'derived', format: 'chemreg-json', listDate: PRIO_CRITERIA_DATE, rowCount: list.entries.length });
    expect(expectedId in WELL_KNOWN_LISTS).to.equal(true);
    expect(list.name).to.match(/derived by chemreg/u).and.match(/not KemI/u);
    expect(list.warnings).to.deep.equal([]);
  });

  it('when the list is built twice, then keys are unique and stable and every entry has no limit and at least one reason', () => {
    // Arrange
    const first = buildPrioDerivedList();

    // Act
    const second = buildPrioDerivedList();

    // Assert
    const keys = first.entries.map((e) => e.key);
    expect(new Set(keys).size).to.equal(keys.length);
    expect(second).to.deep.equal(first);
    for (const entry of first.entries) {
      expect(entry.key, entry.key).to.match(/^(phase-out|risk-reduction):[a-z0-9-]+$/u);
      expect(entry.limit, entry.key).to.equal(null);
      expect(entry.reasons[0], entry.key).to.match(/PRIO|chemreg extension/u);
      expect(entry.entryNumber, entry.key).to.equal(entry.key.startsWith('phase-out:') ? 'Phase-out substance' : 'Priority risk-reduction substance');
    }
  });

  it('when a substance has a category 2 CMR code, then the CMR phase-out rule does not match it but the risk-reduction rule does', () => {
    // Arrange
    const { entries } = buildPrioDerivedList();

    // Act
    const matches = ['H341', 'H351', 'H361fd'].map((code) => rulesMatching(entries, code));

    // Assert
    expect(matches).to.deep.equal([['risk-reduction:h341'], ['risk-reduction:h351'], []]);
  });

  it('when the classification-based criteria are looked up by code, then each lands on its level', () => {
    // Arrange
    const { entries } = buildPrioDerivedList();
    const expected: Array<[string, string[]]> = [
      ['H350i', ['phase-out:cmr']],
      ['H420', ['phase-out:ozone-depleting']],
      ['EUH059', ['phase-out:ozone-depleting']],
      ['H334', ['phase-out:respiratory-sensitiser']],
      ['H317', ['risk-reduction:h317']],
      ['EUH380', ['phase-out:endocrine-disruptor']],
      ['EUH430', ['phase-out:endocrine-disruptor']],
      ['EUH381', []],
      ['EUH440', ['phase-out:pbt-vpvb']],
      ['EUH441', ['phase-out:pbt-vpvb']],
      ['EUH450', ['phase-out:pmt-vpvm']],
      ['EUH451', ['phase-out:pmt-vpvm']],
      ['H300', ['risk-reduction:h300']],
      ['H310', ['risk-reduction:h310']],
      ['H330', ['risk-reduction:h330']],
      ['H370', ['risk-reduction:h370']],
      ['H372', ['risk-reduction:h372']],
      ['H410', ['risk-reduction:h410']],
      ['H413', ['risk-reduction:h413']],
      ['H301', []],
      ['H373', []],
    ];

    // Act
    const actual = expected.map(([code]) => [code, rulesMatching(entries, code)]);

    // Assert
    expect(actual).to.deep.equal(expected);
  });

  it('when H317 is printed, then the skin-sensitiser rules say that 1A cannot be told from 1/1B and the 1A phase-out rule has no codes', () => {
    // Arrange
    const { entries } = buildPrioDerivedList();

    // Act
    const oneA = entries.find((e) => e.key === 'phase-out:skin-sensitiser-1a');
    const h317 = entries.find((e) => e.key === 'risk-reduction:h317');

    // Assert
    expect(oneA?.ruleHazardCodes).to.deep.equal([]);
    expect(oneA?.hazardClasses).to.deep.equal(['Skin Sens. 1A']);
    expect(oneA?.reasons.join(' ')).to.match(/Cannot be derived from H codes/u);
    expect(h317?.reasons.join(' ')).to.match(/does not tell 1A from 1 or 1B/u);
  });

  it('when the PBT/vPvB rule is read, then it points to the Candidate List for substances not yet classified', () => {
    // Arrange
    const { entries } = buildPrioDerivedList();

    // Act
    const pbt = entries.find((e) => e.key === 'phase-out:pbt-vpvb');

    // Assert
    expect(pbt?.reasons.join(' ')).to.match(/Candidate List/u).and.match(/Article 57d/u);
  });

  it('when the particularly hazardous metals are built, then Hg, Cd and Pb are element group rules with the element CAS', () => {
    // Arrange
    const { entries } = buildPrioDerivedList();

    // Act
    const metals = entries.filter((e) => e.element !== null);

    // Assert
    expect(metals.map((e) => [e.key, e.element, e.group, e.cas])).to.deep.equal([
      ['phase-out:mercury', 'Hg', true, ['7439-97-6']],
      ['phase-out:cadmium', 'Cd', true, ['7440-43-9']],
      ['phase-out:lead', 'Pb', true, ['7439-92-1']],
    ]);
    for (const entry of metals) expect(parseCas(entry.cas[0] ?? '').valid, entry.key).to.equal(true);
  });

  it('when the rule codes are checked against CLP Annex III, then each is a known code except the withdrawn EUH059', () => {
    // Arrange
    const codes = buildPrioDerivedList().entries.flatMap((e) => e.ruleHazardCodes);

    // Act
    const unknown = codes.filter((code) => !isKnownHazardCode(code));

    // Assert
    expect(unknown).to.deep.equal(['EUH059']);
  });
});
