import { expect } from 'chai';
import { findLongDate, isMissing, latestDate, parseListDate, parseYearMonth } from '../../../src/lists/importers/dates.js';

describe('lists/importers/dates', () => {
  it('when an ECHA export prints DD-Mon-YYYY with English months, then every month is read', () => {
    const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

    const dates = months.map((m) => parseListDate(`04-${m}-2026`).date);

    expect(dates).to.deep.equal(months.map((_, i) => `2026-${String(i + 1).padStart(2, '0')}-04`));
  });

  it('when the Dutch-locale export prints lowercase Dutch months (mrt, mei, okt), then every month is read', () => {
    const months = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

    const dates = months.map((m) => parseListDate(`28-${m}-2008`).date);

    expect(dates).to.deep.equal(months.map((_, i) => `2008-${String(i + 1).padStart(2, '0')}-28`));
  });

  it('when the criteria sheet gives the export date with a time, then the date part is read', () => {
    expect(parseListDate('22-Feb-2026 15:26:38').date).to.equal('2026-02-22');
    expect(parseListDate('01-apr-2026 23:44:30').date).to.equal('2026-04-01');
  });

  it('when a date cell holds an ISO date (a real Excel date cell), then it is kept', () => {
    expect(parseListDate('2027-02-01').date).to.equal('2027-02-01');
  });

  it('when the day does not exist or the month is unknown, then no date is made up and the problem is named', () => {
    expect(parseListDate('31-Feb-2026')).to.deep.include({ date: null });
    const unknown = parseListDate('04-Fév-2026');
    expect(unknown.date).to.equal(null);
    expect(unknown.problem).to.match(/unknown month "Fév"/u);
  });

  it('when ECHA prints "-" or "N/A", then the value counts as missing', () => {
    expect(['-', 'N/A', '', '  '].map(isMissing)).to.deep.equal([true, true, true, true]);
    expect(isMissing('04-Feb-2026')).to.equal(false);
  });

  it('when the SIN List gives "2023 January", then the first of that month is used', () => {
    expect(parseYearMonth('2023 January').date).to.equal('2023-01-01');
    expect(parseYearMonth('January 2023').date).to.equal(null);
  });

  it('when a note mentions "22 July 2019; 22 July 2021 for …", then the first full date is found', () => {
    expect(findLongDate('22 July 2019; 22 July 2021 for medical devices')).to.equal('2019-07-22');
    expect(findLongDate('2011 (recast)')).to.equal(null);
  });

  it('when several dates are compared, then the latest wins and nulls are ignored', () => {
    expect(latestDate(['2008-10-28', null, '2026-02-04', '2017-07-07'])).to.equal('2026-02-04');
    expect(latestDate([])).to.equal(null);
  });
});
