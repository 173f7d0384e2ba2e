import { expect } from 'chai';
import { findDates } from '../../../src/sds/extraction/dates.js';

describe('sds/extraction/dates', () => {
  const iso = (text: string, order: 'DMY' | 'MDY' = 'DMY') => findDates(text, order).map((d) => d.iso);

  it('when dates are printed ISO, European, with month names in several languages, then each reads to the same day', () => {
    expect(iso('2024-03-15')).to.deep.equal(['2024-03-15']);
    expect(iso('15.03.2024')).to.deep.equal(['2024-03-15']);
    expect(iso('15-Mar-2024')).to.deep.equal(['2024-03-15']);
    expect(iso('15 mars 2024')).to.deep.equal(['2024-03-15']);
    expect(iso('15. März 2024')).to.deep.equal(['2024-03-15']);
    expect(iso('15 marzo 2024')).to.deep.equal(['2024-03-15']);
    expect(iso('15 de marzo de 2024')).to.deep.equal(['2024-03-15']);
    expect(iso('15 marca 2024')).to.deep.equal(['2024-03-15']);
    expect(iso('March 15, 2024')).to.deep.equal(['2024-03-15']);
  });

  it('when a slashed date is ambiguous, then the sheet\'s convention decides, and an impossible reading is never taken', () => {
    expect(iso('07/05/2021', 'MDY')).to.deep.equal(['2021-07-05']);
    expect(iso('07/05/2021', 'DMY')).to.deep.equal(['2021-05-07']);
    expect(iso('03/22/2016', 'DMY')).to.deep.equal(['2016-03-22']);
    expect(iso('22/03/2016', 'MDY')).to.deep.equal(['2016-03-22']);
    expect(iso('31.02.2024')).to.deep.equal([]);
  });

  it('when a line holds several dates, then all come back in order of appearance with their text', () => {
    const found = findDates('Revision Date: 20.06.2025 Print Date: 21-Jun-2025');
    expect(found.map((d) => [d.iso, d.text])).to.deep.equal([
      ['2025-06-20', '20.06.2025'],
      ['2025-06-21', '21-Jun-2025'],
    ]);
  });

  it('when numbers only look like dates (a CAS number, a phone number), then no date is found', () => {
    expect(iso('CAS 7647-01-0, tel 08-509 11 000')).to.deep.equal([]);
  });
});
