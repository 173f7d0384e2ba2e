import { expect } from 'chai';
import { createNameIndex, elementOfGroupName, elementRule, elementsNamedIn, foldToken, nameAliases, nameTokens } from '../../src/screening/names.js';

describe(nameTokens.name, () => {
  it('when the same name is spelled in English, Swedish, German or Dutch, then it gives the same tokens', () => {
    expect(nameTokens('Dibutyl phthalate')).to.deep.equal(['dibutil', 'ftalat']);
    expect(nameTokens('dibutylftalat').join('')).to.equal(nameTokens('Dibutylphthalat').join(''));
    expect(foldToken('ftalaat')).to.equal(foldToken('phthalate'));
    expect(foldToken('klorid')).to.equal(foldToken('chloride'));
  });

  it('when a name carries group qualifiers ("and its salts", "branched and linear"), then they are left out', () => {
    expect(nameTokens('4-Nonylphenol, branched and linear')).to.deep.equal(['4', 'nonilfenol']);
    expect(nameTokens('PFHxS and its salts')).to.deep.equal(['pfhx']);
  });
});

describe(nameAliases.name, () => {
  it('when a name ends in an abbreviation, then the abbreviation and the bare name are aliases; oxidation states are not', () => {
    expect(nameAliases('Hexabromocyclododecane (HBCDD)')).to.include.members(['HBCDD', 'Hexabromocyclododecane']);
    expect(nameAliases('chromium(VI) compounds')).to.deep.equal(['chromium(VI) compounds']);
    expect(nameAliases('bis(2-ethylhexyl) phthalate')).to.deep.equal(['bis(2-ethylhexyl) phthalate']);
  });
});

describe(createNameIndex.name, () => {
  const index = createNameIndex(
    [
      { id: 1, names: ['4-Nonylphenol, branched and linear'] },
      { id: 2, names: ['Hexabromocyclododecane (HBCDD)'] },
      { id: 3, names: ['Dibutyl phthalate (DBP)'] },
      { id: 4, names: ['Medium-chain chlorinated paraffins (MCCP)'] },
      { id: 5, names: ['Benzyl butyl phthalate'] },
    ],
    0.8,
  );

  it('when a name differs only by locant or qualifier, then it scores above the minimum', () => {
    const [hit] = index.search('Nonylphenol');
    expect(hit?.item).to.equal(1);
    expect(hit?.score).to.be.at.least(0.8);
  });

  it('when a name is the abbreviation or is written as one word, then it is found', () => {
    expect(index.search('HBCDD').map((h) => h.item)).to.deep.equal([2]);
    expect(index.search('Dibutylphthalat')).to.deep.equal([{ item: 3, score: 0.95 }]);
  });

  it('when a name shares only a common token, then nothing is returned', () => {
    expect(index.search('Diisobutyl phthalate')).to.deep.equal([]);
    expect(index.search('Water')).to.deep.equal([]);
    expect(index.search('')).to.deep.equal([]);
  });
});

describe(elementsNamedIn.name, () => {
  it('when a name names lead, cadmium, mercury, nickel or hexavalent chromium in any of the SDS languages, then the element is found', () => {
    const cases: Array<[string, string]> = [
      ['lead chromate', 'Pb'], ['Blykromat', 'Pb'], ['Bleioxid', 'Pb'], ['oxyde de plomb', 'Pb'], ['loodwit', 'Pb'], ['óxido de plomo', 'Pb'],
      ['ossido di piombo', 'Pb'], ['tlenek ołowiu', 'Pb'],
      ['cadmium sulfide', 'Cd'], ['Kadmiumsulfid', 'Cd'],
      ['mercury(II) chloride', 'Hg'], ['Kvicksilverklorid', 'Hg'], ['Quecksilber', 'Hg'], ['chlorure mercurique', 'Hg'], ['kwikchloride', 'Hg'], ['rtęć', 'Hg'],
      ['nickel sulphate', 'Ni'], ['Nikkelsulfaat', 'Ni'],
      ['chromium(VI) oxide', 'Cr(VI)'], ['sodium dichromate', 'Cr(VI)'], ['Kaliumdikromat', 'Cr(VI)'], ['Chromtrioxid', 'Cr(VI)'], ['hexavalent chromium', 'Cr(VI)'],
    ];
    for (const [name, element] of cases) expect(elementsNamedIn(name), name).to.include(element);
  });

  it('when a name only looks like one ("lead-free", "assembly", "Bleichmittel", "chromium(III) oxide"), then no such element is found', () => {
    expect(elementsNamedIn('lead-free solder')).to.deep.equal([]);
    expect(elementsNamedIn('blyfri lödpasta')).to.deep.equal([]);
    expect(elementsNamedIn('assembly paste')).to.deep.equal([]);
    expect(elementsNamedIn('Bleichmittel')).to.deep.equal([]);
    expect(elementsNamedIn('chromium(III) oxide')).to.not.include('Cr(VI)');
    expect(elementsNamedIn('chromatography resin')).to.deep.equal([]);
  });
});

describe(elementOfGroupName.name, () => {
  it('when a group entry is about an element as a whole, then its element is read from the name', () => {
    expect(elementOfGroupName('Lead compounds with the exception of those specified elsewhere in this Annex')).to.equal('Pb');
    expect(elementOfGroupName('Cadmium and its compounds')).to.equal('Cd');
    expect(elementOfGroupName('Hexavalent chromium')).to.equal('Cr(VI)');
    expect(elementOfGroupName('Mercury')).to.equal('Hg');
    expect(elementOfGroupName('Nickel')).to.equal('Ni');
  });

  it('when a group is a defined family that only mentions an element, then no element is read', () => {
    expect(elementOfGroupName('Acids generated from chromium trioxide and their oligomers')).to.equal(null);
    expect(elementOfGroupName('Lead carbonates')).to.equal(null);
  });
});

describe(elementRule.name, () => {
  it('when an entry spells its element as a symbol or a word, then the same rule is found; an unknown one gives none', () => {
    expect(elementRule('Pb')?.key).to.equal('Pb');
    expect(elementRule('lead')?.key).to.equal('Pb');
    expect(elementRule('Cr(VI)')?.key).to.equal('Cr(VI)');
    expect(elementRule('Tl')).to.equal(null);
  });
});
