import { expect } from 'chai';
import { importListFile } from '../../../src/lists/importers/index.js';
import type { ImportedList, ListEntry } from '../../../src/lists/list-entry.js';
import { buildRohsCsv } from '../../support/list-files/index.js';

function entry(list: ImportedList, key: string): ListEntry {
  const found = list.entries.find((e) => e.key === key);
  if (found === undefined) throw new Error(`no entry ${key}`);
  return found;
}

describe('lists/importers/rohs', () => {
  let result: ImportedList;
  before(async () => {
    const fixture = buildRohsCsv();
    result = await importListFile(fixture.bytes, fixture.fileName);
  });

  it('when the RoHS CSV is imported, then each substance is keyed by its Annex II abbreviation', () => {
    expect(result).to.deep.include({ listId: 'rohs-annex-ii', format: 'rohs-csv', kind: 'regulatory', listDate: null });
    expect(result.entries.map((e) => e.key)).to.deep.equal(['Pb', 'Cd', 'Cr(VI)', 'PBDE', 'DEHP']);
  });

  it('when a maximum concentration is given, then it is a list limit per homogeneous material (cadmium 0.01 %)', () => {
    expect(entry(result, 'Cd').limit).to.deep.include({ percent: 0.01, basis: 'homogeneous-material', source: 'list', reference: 'Directive 2011/65/EU Annex II' });
    expect(entry(result, 'DEHP').limit?.percent).to.equal(0.1);
    expect(entry(result, 'DEHP').limit?.scope).to.contain('electrical and electronic equipment');
  });

  it('when the metals and flame retardants are groups, then the metals also carry their element', () => {
    expect(result.entries.map((e) => [e.key, e.group, e.element])).to.deep.equal([
      ['Pb', true, 'Pb'],
      ['Cd', true, 'Cd'],
      ['Cr(VI)', true, 'Cr(VI)'],
      ['PBDE', true, null],
      ['DEHP', false, null],
    ]);
  });

  it('when the note says "22 July 2019; …", then that date is when the entry applies from', () => {
    expect(entry(result, 'DEHP')).to.deep.include({ appliesFrom: '2019-07-22', upcoming: false });
    expect(entry(result, 'Pb').appliesFrom).to.equal(null);
  });

  it('when PBDE has no CAS, then its identifiers are empty and nothing is reported', () => {
    expect(entry(result, 'PBDE')).to.deep.include({ cas: [], ec: [] });
    expect(result.warnings).to.deep.equal([]);
  });
});
