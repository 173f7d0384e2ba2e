import { expect } from 'chai';
import { parseConcentration } from '../../src/chemistry/concentration.js';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';
import { chooseLimit, cmrClassesOf, compareStrictness, inclusiveFromWording, testConcentration, type LimitRequest } from '../../src/screening/limits.js';

const entry = (facts: Partial<ListEntry> = {}): ListEntry => ({ ...blankEntry('k', 'Substance'), ...facts });
const request = (facts: Partial<LimitRequest>): LimitRequest => ({
  entry: entry(),
  regime: 'candidate-list',
  productKind: 'article',
  element: null,
  contractId: null,
  ...facts,
});

describe(chooseLimit.name, () => {
  it('when a contract sets a threshold, then it overrides every other limit and is exceeded only above it', () => {
    const limit = chooseLimit(request({ regime: 'clp', entry: entry({ hazardClasses: ['Carc. 1B'] }), thresholdPercent: 0.01, contractId: 'c-1' }));
    expect(limit).to.deep.equal({ percent: 0.01, inclusive: false, source: 'contract', reference: 'threshold set by contract c-1' });
  });

  it('when a Candidate List substance is in an article, then the limit is "above 0.1 %" (REACH Art. 33)', () => {
    expect(chooseLimit(request({ productKind: 'article' }))).to.deep.include({ percent: 0.1, inclusive: false, source: 'regulation' });
    expect(chooseLimit(request({ productKind: 'article-with-mixture' }))).to.deep.include({ inclusive: false });
  });

  it('when a Candidate List substance is in a mixture, then the limit is "≥ 0.1 %" (REACH Art. 31(3)(b), Annex II §3.2.1)', () => {
    expect(chooseLimit(request({ productKind: 'mixture' }))).to.deep.include({ percent: 0.1, inclusive: true, source: 'regulation' });
  });

  it('when a CLP entry is Carc. 1B or Repr. 1B, then the generic limits are 0.1 % and 0.3 %, inclusive', () => {
    const carc = chooseLimit(request({ regime: 'clp', productKind: 'mixture', entry: entry({ hazardClasses: ['Carc. 1B'] }) }));
    const repr = chooseLimit(request({ regime: 'clp', productKind: 'mixture', entry: entry({ hazardClasses: ['Repr. 1B'] }) }));
    expect(carc).to.deep.include({ percent: 0.1, inclusive: true, source: 'regulation' });
    expect(repr).to.deep.include({ percent: 0.3, inclusive: true, source: 'regulation' });
  });

  it('when a CLP entry has a lower specific limit for a CMR class, then the SCL is the limit', () => {
    const limit = chooseLimit(request({
      regime: 'clp',
      entry: entry({ hazardClasses: ['Repr. 1B'], specificLimits: [{ hazard: 'Repr. 1B; H360F', minPercent: 0.03, text: 'Repr. 1B; H360F: C ≥ 0,03 %' }] }),
    }));
    expect(limit).to.deep.include({ percent: 0.03, inclusive: true, source: 'specific-limit' });
  });

  it('when the SCL is for one class and another CMR class keeps its lower generic limit, then the lower limit applies', () => {
    const limit = chooseLimit(request({
      regime: 'clp',
      entry: entry({ hazardClasses: ['Carc. 1B', 'Repr. 1B'], specificLimits: [{ hazard: 'Repr. 1B', minPercent: 3, text: 'Repr. 1B; C ≥ 3 %' }] }),
    }));
    expect(limit).to.deep.include({ percent: 0.1, source: 'regulation' });
  });

  it('when a CLP entry has no CMR 1A/1B class, then no limit applies (presence)', () => {
    expect(chooseLimit(request({ regime: 'clp', entry: entry({ hazardClasses: ['Skin Irrit. 2', 'Carc. 2'] }) }))).to.equal(null);
  });

  it('when an Annex XVII entry has a curated limit without wording, then it is inclusive ("equal to or greater than")', () => {
    const limit = chooseLimit(request({ regime: 'restriction', entry: entry({ limit: { percent: 0.05, basis: 'article', scope: 'articles', source: 'curated' } }) }));
    expect(limit).to.deep.include({ percent: 0.05, inclusive: true, source: 'curated' });
  });

  it('when an Annex XVII entry says "greater than", then the limit is exclusive', () => {
    const limit = chooseLimit(request({
      regime: 'restriction',
      entry: entry({ limit: { percent: 0.1, basis: 'article', scope: 'toys; in a concentration greater than 0,1 % by weight of the plasticised material', source: 'curated' } }),
    }));
    expect(limit).to.deep.include({ inclusive: false });
  });

  it('when a POPs entry has a trace-contaminant limit, then only more than it counts', () => {
    const limit = chooseLimit(request({ regime: 'pops', entry: entry({ limit: { percent: 0.001, basis: 'any', scope: 'all', source: 'curated' } }) }));
    expect(limit).to.deep.include({ percent: 0.001, inclusive: false });
  });

  it('when a RoHS entry carries no limit, then 0.1 % applies, and 0.01 % for cadmium', () => {
    expect(chooseLimit(request({ regime: 'rohs', element: 'Pb' }))).to.deep.include({ percent: 0.1, inclusive: false });
    expect(chooseLimit(request({ regime: 'rohs', element: 'Cd' }))).to.deep.include({ percent: 0.01, inclusive: false });
  });

  it('when the list is Annex XIV or the entry is presence-only, then there is no limit', () => {
    expect(chooseLimit(request({ regime: 'authorisation' }))).to.equal(null);
    expect(chooseLimit(request({ regime: 'custom', entry: entry({ limit: { percent: 0, basis: 'any', scope: 'all', source: 'list' } }) }))).to.equal(null);
    expect(chooseLimit(request({ regime: 'watch' }))).to.equal(null);
  });
});

describe(testConcentration.name, () => {
  const exclusive = { percent: 0.1, inclusive: false, source: 'regulation' as const, reference: null };

  it('when there is no limit, then the test is not applicable', () => {
    expect(testConcentration(parseConcentration('5 %'), null)).to.equal('not-applicable');
  });

  it('when no concentration is declared, then the test is indeterminate', () => {
    expect(testConcentration(null, exclusive)).to.equal('indeterminate');
  });

  it('when the declared value is exactly at an exclusive limit, then it is below; a range across it is indeterminate', () => {
    expect(testConcentration(parseConcentration('0.1 %'), exclusive)).to.equal('below');
    expect(testConcentration(parseConcentration('0.05 - 0.5 %'), exclusive)).to.equal('indeterminate');
    expect(testConcentration(parseConcentration('1000 ppm'), { ...exclusive, inclusive: true })).to.equal('exceeds');
  });
});

describe(inclusiveFromWording.name, () => {
  it('when the wording says "equal to or greater than" or "≥", then inclusive; "greater than", "max." then exclusive', () => {
    expect(inclusiveFromWording('in a concentration equal to or greater than 0,05 % by weight')).to.equal(true);
    expect(inclusiveFromWording('C ≥ 0,1 %')).to.equal(true);
    expect(inclusiveFromWording('in a concentration greater than 0,1 %')).to.equal(false);
    expect(inclusiveFromWording('max. 0.1 %')).to.equal(false);
    expect(inclusiveFromWording('toys and childcare articles')).to.equal(undefined);
  });
});

describe(cmrClassesOf.name, () => {
  it('when an entry lists classes or only H codes, then its CMR 1A/1B classes are found; category 2 is not', () => {
    expect(cmrClassesOf(entry({ hazardClasses: ['Carc. 1A', 'Muta. 1B', 'Repr. 2'] }))).to.deep.equal(['carc', 'muta']);
    expect(cmrClassesOf(entry({ hazardCodes: ['H360FD', 'H351'] }))).to.deep.equal(['repr']);
  });
});

describe(compareStrictness.name, () => {
  it('when two limits share a percent, then the inclusive one is stricter', () => {
    const a = { percent: 0.1, inclusive: true, source: 'regulation' as const, reference: null };
    expect(compareStrictness(a, { ...a, inclusive: false })).to.be.below(0);
    expect(compareStrictness({ ...a, percent: 0.3 }, a)).to.be.above(0);
  });
});
