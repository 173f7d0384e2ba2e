import { expect } from 'chai';
import { importListFile } from '../../../src/lists/importers/index.js';
import type { ImportedList, ListEntry } from '../../../src/lists/list-entry.js';
import { buildSinListXlsx, type ListFixture } from '../../support/list-files/index.js';

function entry(list: ImportedList, key: string): ListEntry {
  const found = list.entries.find((e) => e.key === key);
  if (found === undefined) throw new Error(`no entry ${key}`);
  return found;
}

describe('lists/importers/sin-list', () => {
  let fixture: ListFixture;
  let result: ImportedList;
  before(async () => {
    fixture = await buildSinListXlsx();
    result = await importListFile(fixture.bytes, fixture.fileName);
  });

  it('when the SIN List export is imported, then it is a watch list with one entry per row of sheet "SIN List"', () => {
    expect(result).to.deep.include({ listId: 'chemsec-sin-list', kind: 'watch', format: 'sin-list-xlsx', rowCount: 5 });
    expect(result.entries.map((e) => e.key)).to.deep.equal(fixture.expected.keys);
  });

  it('when the inclusion date reads "2023 January", then the entry and list dates use the first of the month', () => {
    expect(entry(result, '10009-20-8').dateOfInclusion).to.equal('2023-01-01');
    expect(result.listDate).to.equal('2023-01-01');
  });

  it('when the concern column lists several concerns, then each is a reason', () => {
    expect(entry(result, '100-02-7').reasons).to.deep.equal(['Endocrine disruptor', 'Equivalent concern']);
    expect(entry(result, '100-02-7').description).to.contain('SIN groups: Nitro compounds');
  });

  it('when the CAS column holds two numbers or an EC placeholder, then the key stays ChemSec\'s cell and only real CAS are kept', () => {
    expect(entry(result, '10124-36-4 / 31119-53-6').cas).to.deep.equal(['10124-36-4', '31119-53-6']);
    expect(entry(result, 'EC-402-660-9')).to.deep.include({ cas: [], ec: ['402-660-9'] });
  });

  it('when ChemSec prints an EC number with a wrong check digit, then it is dropped and reported', () => {
    expect(entry(result, '15699-18-0').ec).to.deep.equal([]);
    expect(result.warnings).to.deep.equal([{ row: 5, field: 'EC Number', message: 'EC "239-793-2" left out: EC check digit is 2, the digits before it require 5' }]);
  });

  it('when hazard codes carry asterisks (H360D***), then the codes are read without them', () => {
    expect(entry(result, '15699-18-0').hazardCodes).to.deep.equal(['H350i', 'H341', 'H360D']);
  });
});
