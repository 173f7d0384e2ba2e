import { expect } from 'chai';
import { foldGroupMembers, importListFile } from '../../../src/lists/importers/index.js';
import { buildEchaChemXlsx, buildLegacyExport } from '../../support/list-files/index.js';

describe('lists/importers/merge (foldGroupMembers)', () => {
  it('when the legacy export splits a Candidate List group, then its members fold into the ECHA CHEM entry of the same name', async () => {
    const chem = await importListFile((await buildEchaChemXlsx('candidate')).bytes, 'candidate_list_full.xlsx');
    const split = await importListFile((await buildLegacyExport({ list: 'candidate', container: 'xlsx' })).bytes, 'export.xlsx');

    const { list, folded, unmatched } = foldGroupMembers(chem, split, 'name');

    const group = list.entries.find((e) => e.key === "4,4'-[2,2,2-trifluoro-1-(trifluoromethyl)ethylidene]diphenol and its salts");
    expect([folded, unmatched]).to.deep.equal([1, []]);
    expect(group?.members.map((m) => m.cas)).to.deep.equal(['1478-61-1', '75768-65-9']);
    expect(group?.cas).to.deep.equal(['1478-61-1', '75768-65-9']);
    expect(list.entries.map((e) => e.key)).to.deep.equal(chem.entries.map((e) => e.key));
  });

  it('when the restriction exports are folded by entry number, then the ECHA CHEM entry gains the member CAS numbers', async () => {
    const chem = await importListFile((await buildEchaChemXlsx('restriction')).bytes, 'restriction_list_full.xlsx');
    const split = await importListFile((await buildLegacyExport({ list: 'restriction', container: 'xlsx' })).bytes, 'export.xlsx');

    const { list, folded } = foldGroupMembers(chem, split, 'key');

    const lead = list.entries.find((e) => e.key === '63');
    expect(folded).to.equal(2);
    expect(lead?.cas).to.deep.equal(['7439-92-1', '69029-50-1']);
    expect(lead?.members.map((m) => m.name)).to.deep.equal(['Lead compounds', 'Lead', 'Antimonial lead', 'Carboxylic acids, tall-oil, lead salts, basic']);
    expect(lead?.dateOfInclusion).to.equal('2012-09-18');
  });
});
