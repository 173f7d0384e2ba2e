import { expect } from 'chai';
import { importListFile } from '../../../src/lists/importers/index.js';
import type { ImportedList, ListEntry } from '../../../src/lists/list-entry.js';
import { buildLegacyExport, type ListFixture } from '../../support/list-files/index.js';

const BPAF = "4,4'-[2,2,2-trifluoro-1-(trifluoromethyl)ethylidene]diphenol and its salts";

function entry(list: ImportedList, key: string): ListEntry {
  const found = list.entries.find((e) => e.key === key);
  if (found === undefined) throw new Error(`no entry ${key} in ${list.entries.map((e) => e.key).join(', ')}`);
  return found;
}

async function load(fixture: ListFixture): Promise<ImportedList> {
  return importListFile(fixture.bytes, fixture.fileName);
}

describe('lists/importers/echa-legacy', () => {
  describe('Candidate List export as xlsx (results + criteria sheets, header on row 4)', () => {
    let fixture: ListFixture;
    let result: ImportedList;
    before(async () => {
      fixture = await buildLegacyExport({ list: 'candidate', container: 'xlsx' });
      result = await load(fixture);
    });

    it('when the header is on row 4 below the title and note, then every data row is read', () => {
      expect(result).to.deep.include({ listId: 'echa-candidate-list', format: 'echa-legacy-xlsx', rowCount: 8 });
      expect(result.entries.map((e) => e.key)).to.deep.equal(fixture.expected.keys);
    });

    it('when the criteria sheet gives the export date, then it is the list date', () => {
      expect(result.listDate).to.equal('2026-02-22');
    });

    it('when group members are split across rows sharing a Decision URL, then they fold into one entry with members', () => {
      const group = entry(result, BPAF);

      expect(group.group).to.equal(true);
      expect(group.members).to.deep.equal([
        { name: "4,4'-[2,2,2-trifluoro-1-(trifluoromethyl)ethylidene]diphenol (Bisphenol AF)", cas: '1478-61-1', ec: '216-036-7' },
        { name: "Benzyltriphenylphosphonium, salt with 4,4'-[2,2,2-trifluoro-1-(trifluoromethyl)ethylidene]bis[phenol] (1:1)", cas: '75768-65-9', ec: '278-305-5' },
      ]);
      expect(group.cas).to.deep.equal(['1478-61-1', '75768-65-9']);
      expect(group.ec).to.deep.equal(['216-036-7', '278-305-5']);
      expect(group.link).to.equal('https://echa.europa.eu/documents/10162/71f21fe4-c687-cf7d-42d9-fcf0b7b384eb');
    });

    it('when several reasons are joined with "#", then each is its own reason', () => {
      expect(entry(result, '203-615-4').reasons).to.have.length(2);
    });

    it('when one cell lists several CAS numbers separated by commas, then each is kept', () => {
      expect(entry(result, '233-331-6').cas).to.deep.equal(['10124-36-4', '31119-53-6']);
    });

    it('when a CAS check digit is wrong, then the CAS is dropped and reported', () => {
      expect(entry(result, '201-553-2').cas).to.deep.equal([]);
      expect(result.warnings).to.have.length(1);
      expect(result.warnings[0]).to.deep.include({ field: 'CAS No.' });
    });
  });

  describe('Candidate List export as Dutch-locale CSV (12-line preamble, quoted fields, trailing tabs)', () => {
    let fixture: ListFixture;
    let result: ImportedList;
    before(async () => {
      fixture = await buildLegacyExport({ list: 'candidate', container: 'csv', language: 'nl' });
      result = await load(fixture);
    });

    it('when the headers are Dutch ("Naam van de stof", "EG-nr.", "Datum van opname"), then the columns are still found', () => {
      expect(result).to.deep.include({ listId: 'echa-candidate-list', format: 'echa-legacy-csv', rowCount: 8, listDate: '2026-04-01' });
      expect(result.entries.map((e) => e.key)).to.deep.equal(fixture.expected.keys);
    });

    it('when dates use Dutch months (04-feb-2026, 28-okt-2008), then they are read', () => {
      expect(entry(result, '203-777-6').dateOfInclusion).to.equal('2026-02-04');
      expect(entry(result, '201-329-4').dateOfInclusion).to.equal('2008-10-28');
    });

    it('when reasons are joined with a doubled quote and a remark contains quotes, then both read correctly', () => {
      const melamine = entry(result, '203-615-4');

      expect(melamine.reasons).to.deep.equal([
        'Equivalent level of concern having probable serious effects to human health (Article 57(f) - human health)',
        'Equivalent level of concern having probable serious effects to the environment (Article 57(f) - environment)',
      ]);
      expect(melamine.description).to.equal('Remarks: Melamine is a "very persistent and very mobile" substance.');
    });

    it('when the same export is read as English xlsx and Dutch CSV, then the entries are the same', async () => {
      const english = await load(await buildLegacyExport({ list: 'candidate', container: 'xlsx' }));

      expect(result.entries).to.deep.equal(english.entries);
    });
  });

  describe('restriction list export (entry no. and Conditions URL shared by an entry\'s rows)', () => {
    let result: ImportedList;
    before(async () => {
      result = await load(await buildLegacyExport({ list: 'restriction', container: 'xlsx' }));
    });

    it('when an entry is split over member rows, then one entry per entry number holds the members and their CAS', () => {
      const lead = entry(result, '63');

      expect(result.entries.map((e) => e.key)).to.deep.equal(['1', '5', '63']);
      expect(lead).to.deep.include({ name: 'Lead and its compounds', group: true, element: 'Pb', entryNumber: '63' });
      expect(lead.members.map((m) => m.name)).to.deep.equal(['Lead compounds', 'Lead', 'Antimonial lead', 'Carboxylic acids, tall-oil, lead salts, basic']);
      expect(lead.cas).to.deep.equal(['7439-92-1', '69029-50-1']);
      expect(lead.description).to.contain('Adopted and amended by: R 836/2012, R 628/2015, R 2021/57, R 2023/923');
    });

    it('when the History cell holds HTML links, then only their texts reach the description', () => {
      expect(entry(result, '5').description).to.not.contain('<a');
    });
  });

  it('when the restriction CSV has headers in a language no alias knows, then the columns are mapped by position', async () => {
    const fixture = await buildLegacyExport({ list: 'restriction', container: 'csv', language: 'nl' });

    const result = await load(fixture);

    expect(result).to.deep.include({ listId: 'reach-annex-xvii', format: 'echa-legacy-csv' });
    expect(result.entries.map((e) => e.key)).to.deep.equal(fixture.expected.keys);
    expect(entry(result, '63').members).to.have.length(4);
  });
});
