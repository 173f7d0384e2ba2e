import { expect } from 'chai';
import { elementOf, ensureUniqueKeys, identityKey, isGroupName, nameKey, Warnings } from '../../../src/lists/importers/common.js';
import { restrictionEntryKey } from '../../../src/lists/importers/echa-chem.js';
import { importListFile } from '../../../src/lists/importers/index.js';
import { blankEntry } from '../../../src/lists/list-entry.js';
import { buildEchaChemXlsx, buildLegacyExport } from '../../support/list-files/index.js';

describe('lists/importers keys, groups and elements', () => {
  it('when a later version of the Candidate List reorders rows, adds an entry and an amendment, then unchanged entries keep their keys', async () => {
    const v1 = await buildEchaChemXlsx('candidate', { variant: 'v1' });
    const v2 = await buildEchaChemXlsx('candidate', { variant: 'v2' });

    const first = await importListFile(v1.bytes, v1.fileName);
    const second = await importListFile(v2.bytes, v2.fileName);

    expect(second.entries.map((e) => e.key)).to.include.members(first.entries.map((e) => e.key));
    expect(second.entries.map((e) => e.key).filter((k) => !first.entries.some((e) => e.key === k))).to.deep.equal(['209-136-7']);
  });

  it('when a CAS is corrected in a later version, then the entry keeps its EC key', async () => {
    const v1 = await importListFile((await buildEchaChemXlsx('candidate', { variant: 'v1' })).bytes, 'v1.xlsx');
    const v2 = await importListFile((await buildEchaChemXlsx('candidate', { variant: 'v2' })).bytes, 'v2.xlsx');

    const before = v1.entries.find((e) => e.name === 'Diisobutyl phthalate');
    const after = v2.entries.find((e) => e.name === 'Diisobutyl phthalate');

    expect([before?.key, after?.key]).to.deep.equal(['201-553-2', '201-553-2']);
    expect(after?.cas).to.deep.equal(['84-69-5']);
  });

  it('when the same list comes as ECHA CHEM export and as legacy export, then shared substances get the same key', async () => {
    const chem = await importListFile((await buildEchaChemXlsx('candidate')).bytes, 'candidate_list_full.xlsx');
    const legacy = await importListFile((await buildLegacyExport({ list: 'candidate', container: 'csv', language: 'nl' })).bytes, 'export.csv');

    const shared = chem.entries.map((e) => e.key).filter((k) => legacy.entries.some((e) => e.key === k));

    expect(shared).to.deep.equal(['203-777-6', "4,4'-[2,2,2-trifluoro-1-(trifluoromethyl)ethylidene]diphenol and its salts", '233-331-6', '201-553-2']);
  });

  it('when the restriction list prints "01" in one export and "1" in another, then both are key 1', () => {
    expect(['01', '1', '18a', '050a'].map(restrictionEntryKey)).to.deep.equal(['1', '1', '18a', '50a']);
  });

  it('when an entry has an official EC, a list number, a CAS or only a name, then the key follows that order of preference', () => {
    expect(identityKey(['700-960-7', '201-245-8'], ['80-05-7'], 'BPA')).to.equal('201-245-8');
    expect(identityKey(['799-990-1'], [], '4-Nonylphenol, branched and linear, ethoxylated')).to.equal('4-nonylphenol, branched and linear, ethoxylated');
    expect(identityKey([], ['80-05-7'], 'BPA')).to.equal('80-05-7');
  });

  it('when names differ only in quotes, dashes, case or spacing, then their name keys are equal', () => {
    expect(nameKey('4,4’- Diaminodiphenylmethane  (MDA)')).to.equal(nameKey("4,4'- diaminodiphenylmethane (MDA)"));
  });

  it('when a name is longer than a key may be, then the key is cut and made unique with a hash', () => {
    const long = 'x'.repeat(600);

    expect(nameKey(long)).to.have.length.at.most(500);
    expect(nameKey(long)).to.not.equal(nameKey(`${long}y`));
  });

  it('when two entries would share a key, then the second is keyed by its name and the clash reported', () => {
    const warnings = new Warnings();

    const entries = ensureUniqueKeys([blankEntry('201-245-8', 'Bisphenol A'), blankEntry('201-245-8', 'Bisphenol A, technical')], warnings);

    expect(entries.map((e) => e.key)).to.deep.equal(['201-245-8', 'bisphenol a, technical']);
    expect(warnings.list).to.have.length(1);
  });

  it('when names say "and its salts", "compounds", "branched and linear" or "(group)", then they are groups', () => {
    const groups = ['Perfluorohexane-1-sulphonic acid and its salts', 'Nonadecafluorodecanoic acid (PFDA) and its sodium and ammonium salts', 'Nickel compounds', '4-Nonylphenol, branched and linear', 'Pentabromodiphenyl ether (group)'];

    expect(groups.filter(isGroupName)).to.deep.equal(groups);
    expect(isGroupName('Benzene')).to.equal(false);
  });

  it('when a name covers an element\'s compounds, then the element symbol is found; other names give none', () => {
    expect([
      'Lead and its compounds',
      'lead compounds with the exception of those specified elsewhere in this Annex',
      'Cadmium and its compounds',
      'Mercury compounds',
      'inorganic compounds of mercury with the exception of mercuric sulphide',
      'Nickel and its compounds',
      'Arsenic compounds',
      'Chromium VI compounds',
      'Chromium (VI) compounds, with the exception of barium chromate',
      'cobalt compounds',
    ].map(elementOf)).to.deep.equal(['Pb', 'Pb', 'Cd', 'Hg', 'Hg', 'Ni', 'As', 'Cr(VI)', 'Cr(VI)', 'Co']);
    expect(['trimethyltin compounds', 'Lead carbonates', 'Lead chromate', 'Benzene'].map(elementOf)).to.deep.equal([null, null, null, null]);
  });
});
