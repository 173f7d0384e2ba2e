import { expect } from 'chai';
import { importListFile } from '../../../src/lists/importers/index.js';
import type { ImportedList, ListEntry } from '../../../src/lists/list-entry.js';
import { buildEchaChemXlsx, type EchaChemList, type ListFixture } from '../../support/list-files/index.js';

function entry(list: ImportedList, key: string): ListEntry {
  const found = list.entries.find((e) => e.key === key);
  if (found === undefined) throw new Error(`no entry ${key} in ${list.entries.map((e) => e.key).join(', ')}`);
  return found;
}

async function imported(list: EchaChemList): Promise<{ fixture: ListFixture; result: ImportedList }> {
  const fixture = await buildEchaChemXlsx(list);
  return { fixture, result: await importListFile(fixture.bytes, fixture.fileName) };
}

describe('lists/importers/echa-chem', () => {
  describe('Candidate List (candidate_list_full.xlsx)', () => {
    let result: ImportedList;
    let fixture: ListFixture;
    before(async () => ({ fixture, result } = await imported('candidate')));

    it('when the file is imported, then it is the Candidate List with one entry per substance and the rows counted', () => {
      expect(result).to.deep.include({ listId: 'echa-candidate-list', format: 'echa-chem-xlsx', kind: 'regulatory', rowCount: fixture.expected.rowCount });
      expect(result.entries.map((e) => e.key)).to.deep.equal(fixture.expected.keys);
    });

    it('when the Candidate List export repeats an entry for a later amendment, then one entry remains with the latest reasons', () => {
      const dbp = entry(result, '201-557-4');

      expect(result.entries.filter((e) => e.name === 'Dibutyl phthalate (DBP)')).to.have.length(1);
      expect(dbp.reasons).to.deep.equal([
        'Toxic for reproduction (Article 57c)',
        'Endocrine disrupting properties (Article 57(f) - environment)',
        'Endocrine disrupting properties (Article 57(f) - human health)',
      ]);
      expect(dbp.dateOfInclusion).to.equal('2008-10-28');
      expect(dbp.link).to.match(/D\(2023\)8585-DC\.pdf$/u);
    });

    it('when EC, CAS and name cells hold one line per identifier, then all identifiers are kept and the name once', () => {
      const cadmium = entry(result, '233-331-6');

      expect(cadmium.name).to.equal('Cadmium sulphate');
      expect(cadmium.cas).to.deep.equal(['10124-36-4', '31119-53-6']);
      expect(cadmium.ec).to.deep.equal(['233-331-6']);
      expect(cadmium.reasons).to.have.length(4);
    });

    it('when a CAS number has a wrong check digit, then it is left out of the entry and reported with its row', () => {
      const dibp = entry(result, '201-553-2');

      expect(dibp.cas).to.deep.equal([]);
      expect(result.warnings).to.deep.equal([{ row: 8, field: 'CAS number', message: 'CAS "84-69-4" left out: CAS check digit is 4, the digits before it require 5' }]);
    });

    it('when an entry has "-" for both EC and CAS or a name like "… and its salts", then it is a group keyed by its name', () => {
      for (const key of fixture.expected.groupKeys ?? []) expect(entry(result, key).group, key).to.equal(true);
      expect(entry(result, 'boric acid').description).to.equal('EC No. 233-139-2 and EC No. 234-343-4');
      expect(entry(result, '203-777-6').group).to.equal(false);
    });

    it('when "-" stands for a missing description, then the description is null, not "-"', () => {
      expect(entry(result, '203-777-6').description).to.equal(null);
    });

    it('when dates are read, then the list date is the latest inclusion or outcome date', () => {
      expect(result.listDate).to.equal('2026-02-04');
      expect(entry(result, '203-777-6').dateOfInclusion).to.equal('2026-02-04');
    });
  });

  it('when the Annex XIV export prints N/A entry numbers, then the entry number is null and the sunset dates are read', async () => {
    const { fixture, result } = await imported('authorisation');

    const leadChromate = entry(result, '231-846-0');

    expect(result).to.deep.include({ listId: 'reach-annex-xiv', listDate: fixture.expected.listDate });
    expect(leadChromate).to.deep.include({ entryNumber: null, sunsetDate: '2015-05-21', latestApplicationDate: '2013-11-21', dateOfInclusion: '2012-02-14' });
    expect(leadChromate.reasons).to.deep.equal(['Carcinogenic (Article 57a)', 'Toxic for reproduction (Article 57c)']);
    expect(leadChromate.description).to.contain('Sunset date remarks: 1 March 2023 for the use of the substance in the production of spare parts');
    expect(entry(result, 'acids generated from chromium trioxide and their oligomers').group).to.equal(true);
  });

  describe('restriction list (restriction_list_full.xlsx)', () => {
    let result: ImportedList;
    let fixture: ListFixture;
    before(async () => ({ fixture, result } = await imported('restriction')));

    it('when an entry has one row per amending act, then the rows fold into one entry per entry number', () => {
      expect(result.entries.map((e) => e.key)).to.deep.equal(fixture.expected.keys);
      expect(result.rowCount).to.equal(8);
      const pcts = entry(result, '1');
      expect(pcts.entryNumber).to.equal('01');
      expect(pcts.dateOfInclusion).to.equal('1976-07-27');
      expect(pcts.description).to.contain('1976-07-27, 1982-12-03, 2009-06-22');
    });

    it('when the entry is "Lead and its compounds", then it is a group with the element Pb', () => {
      expect(entry(result, '63')).to.deep.include({ group: true, element: 'Pb', name: 'Lead and its compounds' });
      expect(entry(result, '5')).to.deep.include({ group: false, element: null, cas: ['71-43-2'], ec: ['200-753-7'] });
    });

    it('when the amending acts differ in date, then the list date is the latest', () => {
      expect(result.listDate).to.equal('2023-05-03');
    });
  });

  it('when the POPs export lists several annexes per substance, then they are kept as printed in the entry number', async () => {
    const { fixture, result } = await imported('pops');

    expect(result.entries.map((e) => e.key)).to.deep.equal(fixture.expected.keys);
    expect(entry(result, '201-765-5').entryNumber).to.equal('Annex I, part A; Annex III, part B; Annex IV');
    expect(entry(result, '247-384-8').dateOfInclusion).to.equal('2025-07-15');
    expect(result.listDate).to.equal('2025-09-25');
    expect(result.entries.filter((e) => e.group).map((e) => e.name)).to.have.length(2);
  });

  it('when the harmonised list splits an index entry into one row per CAS, then they fold into one entry with members', async () => {
    const { fixture, result } = await imported('harmonised');

    const borates = entry(result, '005-011-00-4');

    expect(result).to.deep.include({ listId: 'clp-annex-vi', kind: 'classification', rowCount: 5, listDate: '2025-02-01' });
    expect(result.entries.map((e) => e.key)).to.deep.equal(fixture.expected.keys);
    expect(borates.cas).to.deep.equal(['12267-73-1', '1330-43-4']);
    expect(borates.members.map((m) => m.cas)).to.deep.equal(['12267-73-1', '1330-43-4']);
    expect(borates).to.deep.include({ hazardClasses: ['Repr. 1B'], hazardCodes: ['H360FD'], indexNumbers: ['005-011-00-4'], appliesFrom: '2025-02-01' });
    expect(entry(result, '082-001-00-6')).to.deep.include({ element: 'Pb', group: true });
    expect(entry(result, '082-001-00-6').hazardClasses).to.include.members(['Repr. 1A', 'Acute Tox. 4', 'STOT RE 2']);
    expect(entry(result, '005-005-00-1').description).to.contain('In application until 2026-04-30');
  });
});
