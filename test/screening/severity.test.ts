import { expect } from 'chai';
import { parseConcentration } from '../../src/chemistry/concentration.js';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';
import { assessSeverity, isUpcoming, severityOf, type SeverityInput } from '../../src/screening/severity.js';
import type { AppliedLimit } from '../../src/screening/screening.types.js';

const legal = (percent: number, inclusive = true): AppliedLimit => ({ percent, inclusive, source: 'regulation', reference: 'the regulation' });
const entry = (facts: Partial<ListEntry> = {}): ListEntry => ({ ...blankEntry('k', 'Substance'), ...facts });
const input = (facts: Partial<SeverityInput>): SeverityInput => ({
  regime: 'candidate-list',
  listName: 'Candidate List',
  entry: entry(),
  productKind: 'article',
  today: '2026-06-01',
  limit: legal(0.1, false),
  test: 'exceeds',
  concentration: parseConcentration('5 %'),
  contractId: null,
  ...facts,
});

describe(assessSeverity.name, () => {
  it('when an SVHC is above 0.1 % in an article, then orange, citing the Art. 33 duty and SCIP', () => {
    const { severity, reason } = assessSeverity(input({}));
    expect(severity).to.equal('orange');
    expect(reason).to.contain('REACH Art. 33(1)').and.to.contain('SCIP');
  });

  it('when an SVHC is in a mixture, then orange, citing the SDS duty', () => {
    const { severity, reason } = assessSeverity(input({ productKind: 'mixture', limit: legal(0.1) }));
    expect(severity).to.equal('orange');
    expect(reason).to.contain('SDS section 3');
  });

  it('when the concentration is below the limit, then info', () => {
    expect(assessSeverity(input({ test: 'below' })).severity).to.equal('info');
  });

  it('when the test is indeterminate, then the severity is that of a hit and the reason asks the supplier', () => {
    const { severity, reason } = assessSeverity(input({ test: 'indeterminate', concentration: parseConcentration('0.05 - 0.5 %') }));
    expect(severity).to.equal('orange');
    expect(reason).to.contain('indeterminate: ask the supplier for the exact concentration');
  });

  it('when an Annex XIV substance is in a mixture past its sunset date, then red; before it, yellow; in an article, info', () => {
    const xiv = (sunsetDate: string, productKind: SeverityInput['productKind']): SeverityInput =>
      input({ regime: 'authorisation', entry: entry({ sunsetDate }), productKind, limit: null, test: 'not-applicable' });
    expect(severityOf(xiv('2015-02-21', 'mixture'))).to.equal('red');
    expect(severityOf(xiv('2015-02-21', 'substance'))).to.equal('red');
    expect(severityOf(xiv('2030-01-01', 'mixture'))).to.equal('yellow');
    expect(severityOf(xiv('2015-02-21', 'article'))).to.equal('info');
    expect(assessSeverity(xiv('2015-02-21', 'article')).reason).to.contain('REACH Art. 56(1)');
  });

  it('when an Annex XVII limit is exceeded, then red; when its basis does not cover the product, info; without a limit, orange', () => {
    const limit = { percent: 0.1, basis: 'article' as const, scope: 'toys and childcare articles', source: 'curated' as const };
    const restricted = input({ regime: 'restriction', listName: 'REACH Annex XVII', entry: entry({ entryNumber: '51', limit }), limit: legal(0.1) });
    expect(assessSeverity(restricted).severity).to.equal('red');
    expect(assessSeverity(restricted).reason).to.contain('REACH Annex XVII entry 51').and.to.contain('toys and childcare articles');
    expect(severityOf({ ...restricted, productKind: 'mixture' })).to.equal('info');
    expect(severityOf(input({ regime: 'restriction', limit: null, test: 'not-applicable' }))).to.equal('orange');
  });

  it('when a POPs substance is present, then red', () => {
    expect(severityOf(input({ regime: 'pops', limit: null, test: 'not-applicable' }))).to.equal('red');
  });

  it('when a RoHS limit is exceeded in an article, then red; in a mixture, info', () => {
    expect(severityOf(input({ regime: 'rohs' }))).to.equal('red');
    expect(severityOf(input({ regime: 'rohs', productKind: 'mixture' }))).to.equal('info');
  });

  it('when a CLP CMR entry is above its limit, then yellow on the legal baseline and orange when a contract names the list', () => {
    const cmr = input({ regime: 'clp', entry: entry({ hazardClasses: ['Carc. 1B'] }), productKind: 'mixture', limit: legal(0.1) });
    expect(severityOf(cmr)).to.equal('yellow');
    expect(severityOf({ ...cmr, contractId: 'c-1' })).to.equal('orange');
  });

  it('when a SIN List or PRIO-derived hit is found through a contract, then yellow (substitute)', () => {
    expect(severityOf(input({ regime: 'watch', limit: null, test: 'not-applicable', contractId: 'c-1' }))).to.equal('yellow');
    expect(severityOf(input({ regime: 'derived', limit: null, test: 'not-applicable', contractId: 'c-1' }))).to.equal('yellow');
  });

  it("when a custom list's contract threshold is exceeded, then orange (contract breach)", () => {
    const contractLimit: AppliedLimit = { percent: 0.1, inclusive: false, source: 'contract', reference: 'threshold set by contract c-1' };
    const { severity, reason } = assessSeverity(input({ regime: 'custom', listName: 'Region phase-out list', limit: contractLimit, contractId: 'c-1' }));
    expect(severity).to.equal('orange');
    expect(reason).to.contain('contract c-1');
  });

  it("when a contract sets its own severity, then its hits take it, but hits below its threshold stay info", () => {
    expect(severityOf(input({ regime: 'watch', contractId: 'c-1', contractSeverity: 'red' }))).to.equal('red');
    expect(severityOf(input({ regime: 'watch', contractId: 'c-1', contractSeverity: 'red', test: 'below' }))).to.equal('info');
  });

  it('when the entry is upcoming, then info and the reason names the date', () => {
    const { severity, reason } = assessSeverity(input({ entry: entry({ appliesFrom: '2027-02-01', upcoming: true }) }));
    expect(severity).to.equal('info');
    expect(reason).to.contain('2027-02-01');
  });
});

describe(isUpcoming.name, () => {
  it('when the date the entry applies from has passed since import, then it is no longer upcoming', () => {
    expect(isUpcoming(entry({ appliesFrom: '2026-05-01', upcoming: true }), '2026-06-01')).to.equal(false);
    expect(isUpcoming(entry({ appliesFrom: '2027-02-01', upcoming: false }), '2026-06-01')).to.equal(true);
    expect(isUpcoming(entry({ upcoming: true }), '2026-06-01')).to.equal(true);
  });
});
