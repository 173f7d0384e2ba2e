// The calendar arithmetic the follow-up judges SDS age and exception windows with.
import { expect } from 'chai';
import { addDays, addMonths, daysBetween, wholeMonthsBetween } from '../../src/follow-up/follow-up.service.js';

describe('follow-up day arithmetic', () => {
  it('when months are subtracted from the end of a month, then the day is clamped to the shorter month', () => {
    expect(addMonths('2026-03-31', -1)).to.equal('2026-02-28');
    expect(addMonths('2024-02-29', -36)).to.equal('2021-02-28');
    expect(addMonths('2026-11-23', -36)).to.equal('2023-11-23');
    expect(addMonths('2026-01-15', 13)).to.equal('2027-02-15');
  });

  it('when whole months are counted, then a month is complete only on the same day of the month', () => {
    expect(wholeMonthsBetween('2023-01-15', '2026-01-14')).to.equal(35);
    expect(wholeMonthsBetween('2023-01-15', '2026-01-15')).to.equal(36);
    expect(wholeMonthsBetween('2026-01-31', '2026-02-28')).to.equal(0);
  });

  it('when days are counted across a year end or backwards, then they are calendar days', () => {
    expect(addDays('2026-12-20', 60)).to.equal('2027-02-18');
    expect(daysBetween('2026-12-20', '2027-02-18')).to.equal(60);
    expect(daysBetween('2026-05-04', '2026-05-01')).to.equal(-3);
  });
});
