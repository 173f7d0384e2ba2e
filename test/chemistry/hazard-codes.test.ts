import { expect } from 'chai';
import { findHazardCodes, isKnownHazardCode, KNOWN_HAZARD_CODES } from '../../src/chemistry/hazard-codes.js';

describe('findHazardCodes', () => {
  it('when an SDS section 2 lists hazard statements, then each code is found with its base, offset and text', () => {
    // Arrange
    const text = 'Flam. Liq. 2, H225; Eye Irrit. 2, H319 Causes serious eye irritation.';

    // Act
    const { hazard, euh } = findHazardCodes(text);

    // Assert
    expect(hazard).to.deep.equal([
      { code: 'H225', base: 'H225', offset: text.indexOf('H225'), text: 'H225', known: true },
      { code: 'H319', base: 'H319', offset: text.indexOf('H319'), text: 'H319', known: true },
    ]);
    expect(euh).to.deep.equal([]);
  });

  it('when codes are combined with + (with or without spaces), then each part is returned', () => {
    // Arrange
    const text = 'Acute Tox. 1: H300+H310+H330; also printed H301 + H311 + H331.';

    // Act
    const { hazard } = findHazardCodes(text);

    // Assert
    expect(hazard.map((h) => h.code)).to.deep.equal(['H300', 'H310', 'H330', 'H301', 'H311', 'H331']);
    expect(hazard[1]?.offset).to.equal(text.indexOf('H310'));
  });

  it('when CMR codes carry a differentiation suffix, then the code keeps it exactly as printed and the base is given apart', () => {
    // Arrange
    const text = 'H360FD, H360Fd, H360Df, H360D, H360F, H361fd, H361f, H361d, H350i';

    // Act
    const { hazard } = findHazardCodes(text);

    // Assert
    expect(hazard.map((h) => [h.code, h.base, h.known])).to.deep.equal([
      ['H360FD', 'H360', true],
      ['H360Fd', 'H360', true],
      ['H360Df', 'H360', true],
      ['H360D', 'H360', true],
      ['H360F', 'H360', true],
      ['H361fd', 'H361', true],
      ['H361f', 'H361', true],
      ['H361d', 'H361', true],
      ['H350i', 'H350', true],
    ]);
  });

  it('when EUH statements appear, including EUH201A and the 2023/707 hazard classes, then they are returned as euh', () => {
    // Arrange
    const text = 'EUH066 Repeated exposure may cause skin dryness. EUH201A Warning! Contains lead. EUH380 EUH430 EUH440 EUH450';

    // Act
    const { hazard, euh } = findHazardCodes(text);

    // Assert
    expect(hazard).to.deep.equal([]);
    expect(euh.map((e) => [e.code, e.base, e.known])).to.deep.equal([
      ['EUH066', 'EUH066', true],
      ['EUH201A', 'EUH201A', true],
      ['EUH380', 'EUH380', true],
      ['EUH430', 'EUH430', true],
      ['EUH440', 'EUH440', true],
      ['EUH450', 'EUH450', true],
    ]);
  });

  it('when text merely looks like a code (H2O, pH 7, CH300, H3000, product code H300A), then nothing is found', () => {
    // Arrange
    const text = 'Dilute in H2O to pH 7. Model CH300, part H3000, article H300A, pH 300, h302, H 302.';

    // Act
    const result = findHazardCodes(text);

    // Assert
    expect(result).to.deep.equal({ hazard: [], euh: [] });
  });

  it('when PDF extraction glues the statement text to the code, then the code is still found without the text', () => {
    // Arrange
    const text = 'H302Harmful if swallowed.H360FDMay damage fertility.H350iMay cause cancer.H361Fertility?';

    // Act
    const { hazard } = findHazardCodes(text);

    // Assert
    expect(hazard.map((h) => h.code)).to.deep.equal(['H302', 'H360FD', 'H350i', 'H361']);
  });

  it('when a code repeats, then it is returned once, at its first appearance, and differently suffixed codes stay apart', () => {
    // Arrange
    const text = 'H319 H360D H319 H360Df H360D EUH066 EUH066';

    // Act
    const { hazard, euh } = findHazardCodes(text);

    // Assert
    expect(hazard.map((h) => [h.code, h.offset])).to.deep.equal([
      ['H319', 0],
      ['H360D', 5],
      ['H360Df', 16],
    ]);
    expect(euh.map((e) => [e.code, e.offset])).to.deep.equal([['EUH066', 29]]);
  });

  it('when a code is not in CLP Annex III, then it is returned with known false rather than dropped', () => {
    // Arrange: GHS-only H303 and H401, withdrawn EUH059, unofficial suffix order H360DF
    const text = 'H303 H401 EUH059 H360DF';

    // Act
    const { hazard, euh } = findHazardCodes(text);

    // Assert
    expect(hazard.map((h) => [h.code, h.base, h.known])).to.deep.equal([
      ['H303', 'H303', false],
      ['H401', 'H401', false],
      ['H360DF', 'H360', false],
    ]);
    expect(euh.map((e) => [e.code, e.known])).to.deep.equal([['EUH059', false]]);
  });
});

describe('KNOWN_HAZARD_CODES', () => {
  it('when the EUH codes of CLP Annex III as amended by 2023/707 are looked up, then every one is known', () => {
    // Arrange
    const euh = [
      'EUH014', 'EUH029', 'EUH031', 'EUH032', 'EUH044', 'EUH066', 'EUH070', 'EUH071', 'EUH201', 'EUH201A',
      'EUH202', 'EUH203', 'EUH204', 'EUH205', 'EUH206', 'EUH207', 'EUH208', 'EUH209', 'EUH209A', 'EUH210',
      'EUH211', 'EUH212', 'EUH401', 'EUH380', 'EUH381', 'EUH430', 'EUH431', 'EUH440', 'EUH441', 'EUH450', 'EUH451',
    ];

    // Act
    const unknown = euh.filter((code) => !isKnownHazardCode(code));

    // Assert
    expect(unknown).to.deep.equal([]);
  });

  it('when the table is read, then it covers the H200–H420 series and none of the GHS codes the EU did not adopt', () => {
    // Arrange
    const expected = ['H200', 'H225', 'H232', 'H290', 'H300', 'H314', 'H360', 'H373', 'H400', 'H410', 'H420'];
    const notAdopted = ['H303', 'H305', 'H313', 'H316', 'H320', 'H333', 'H401', 'H402'];

    // Act
    const missing = expected.filter((code) => !KNOWN_HAZARD_CODES.has(code));
    const wronglyKnown = notAdopted.filter((code) => KNOWN_HAZARD_CODES.has(code));

    // Assert
    expect(missing).to.deep.equal([]);
    expect(wronglyKnown).to.deep.equal([]);
  });
});
