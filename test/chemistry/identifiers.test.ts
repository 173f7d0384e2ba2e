import { expect } from 'chai';
import {
  findIdentifiers,
  parseCas,
  parseEc,
  parseIndexNumber,
  parseReachRegistration,
} from '../../src/chemistry/identifiers.js';

// Real identifiers (ECHA/CLP Annex VI public data), so the check digits do not come from our own code. Each was
// also checked by hand; the sums are written out beside them.
const FORMALDEHYDE = { cas: '50-00-0', ec: '200-001-8', index: '605-001-00-5' };
// CAS 5000 → 0·1+0·2+0·3+5·4 = 20 → 0. EC 1·2+6·1 = 8. Index 1·6+3·5+6·1 = 27 → 27 mod 11 = 5.
const ETHANOL = { cas: '64-17-5', ec: '200-578-6', index: '603-002-00-5', reach: '01-2119457610-43' };
// CAS 6417 → 7·1+1·2+4·3+6·4 = 45 → 5. EC 1·2+4·5+5·7+6·8 = 105 → 105 mod 11 = 6. Index 6+9+12 = 27 → 5.
const WATER = { cas: '7732-18-5', ec: '231-791-2' };
// CAS 773218 → 8+2+6+12+35+42 = 105 → 5. EC 2+6+3+28+45+6 = 90 → 90 mod 11 = 2.
const BISPHENOL_A = { cas: '80-05-7', ec: '201-245-8', index: '604-030-00-0' };
// CAS 8005 → 5·1+8·4 = 37 → 7. EC 2+3+8+20+30 = 63 → 8. Index 6+12+15 = 33 → 0.
const DEHP = { cas: '117-81-7', ec: '204-211-0', index: '607-317-00-9' };
// CAS 11781 → 1+16+21+4+5 = 47 → 7. EC 2+12+8+5+6 = 33 → 0. Index 6+21+12+5+42 = 86 → 86 mod 11 = 9.
const METHANOL_INDEX = '603-001-00-X'; // 6+9+6 = 21 → 21 mod 11 = 10, written X
// An ELINCS number issued with check digit 1 although its remainder is 10 (2-cyclohexylidene-2-phenylacetonitrile,
// CLP Annex VI 608-044-00-8, CAS 10461-98-0): 4+4+9+28+20+0 = 65 → 65 mod 11 = 10.
const ELINCS_REMAINDER_TEN = '423-740-1';
// ECHA list numbers printed in SDS section 3 of real SDSs in shared/data/sds-dev (hydrocarbon UVCBs):
// 9+4+18+4+20+6 = 61 → 6; 9+6+27+28+5+42 = 117 → 7.
const LIST_NUMBERS = ['926-141-6', '939-717-7'];

describe('parseCas', () => {
  it('when real CAS numbers are written canonically, then each is valid and unchanged', () => {
    // Arrange
    const numbers = [FORMALDEHYDE.cas, ETHANOL.cas, WATER.cas, BISPHENOL_A.cas, DEHP.cas, '10461-98-0'];

    // Act
    const results = numbers.map((n) => parseCas(n));

    // Assert
    for (const [i, result] of results.entries()) {
      expect(result).to.deep.equal({ original: numbers[i], normalised: numbers[i], valid: true });
    }
  });

  it('when every possible check digit is tried on ethanol, then only 5 is accepted', () => {
    // Arrange
    const candidates = [...'0123456789'].map((d) => `64-17-${d}`);

    // Act
    const accepted = candidates.filter((c) => parseCas(c).valid);

    // Assert
    expect(accepted).to.deep.equal([ETHANOL.cas]);
  });

  it('when the supplier writes unicode dashes, spaces or zero padding, then it is normalised and the original kept', () => {
    // Arrange
    const forms = ['64‐17‐5', '64‑17‑5', '64–17–5', '64—17—5', '64−17−5', ' 64 - 17 - 5 ', '64 17 5', '0000064-17-5', '\u00a064-17-5'];

    // Act
    const results = forms.map((form) => parseCas(form));

    // Assert
    for (const [i, result] of results.entries()) {
      expect(result).to.deep.equal({ original: forms[i], normalised: ETHANOL.cas, valid: true });
    }
  });

  it('when the compact form without dashes has the right check digit, then it is accepted, padded or not', () => {
    // Arrange
    const forms = ['64175', '0000064175', '7732185'];

    // Act
    const normalised = forms.map((form) => parseCas(form).normalised);

    // Assert
    expect(normalised).to.deep.equal([ETHANOL.cas, ETHANOL.cas, WATER.cas]);
  });

  it('when the compact form has a wrong check digit, then it is not taken for a CAS RN at all', () => {
    // Arrange: could as well be an article number; 2005786 is ethanol's EC number written compact
    const forms = ['64176', '2005786'];

    // Act
    const results = forms.map((form) => parseCas(form));

    // Assert
    for (const result of results) {
      expect(result.valid).to.equal(false);
      expect(result.normalised).to.equal(null);
      expect(result.reason).to.match(/compact/);
    }
  });

  it('when a well-formed number has a wrong check digit, then it is kept, normalised and flagged with a reason', () => {
    // Arrange: a typo in the check digit, and ethanol's first two digits swapped
    const typos = ['64-17-6', '46-17-5'];

    // Act
    const results = typos.map((t) => parseCas(t));

    // Assert
    expect(results).to.deep.equal([
      { original: '64-17-6', normalised: '64-17-6', valid: false, reason: 'CAS check digit is 6, the digits before it require 5' },
      { original: '46-17-5', normalised: '46-17-5', valid: false, reason: 'CAS check digit is 5, the digits before it require 3' },
    ]);
  });

  it('when the text is not shaped like a CAS RN, then normalised is null and valid is false', () => {
    // Arrange: a date, trade secret, a one-digit first part, an eight-digit first part, an EC number, empty
    const notCas = ['2020-12-01', 'Trade secret', '5-17-5', '12345678-12-3', ETHANOL.ec, '', '-', '64-17-5a'];

    // Act
    const results = notCas.map((text) => parseCas(text));

    // Assert
    for (const [i, result] of results.entries()) {
      expect(result.original).to.equal(notCas[i]);
      expect(result.normalised, notCas[i]).to.equal(null);
      expect(result.valid).to.equal(false);
      expect(result.reason).to.be.a('string');
    }
  });
});

describe('parseEc', () => {
  it('when real EC numbers are written canonically, then each is a valid official EC number', () => {
    // Arrange
    const numbers = [FORMALDEHYDE.ec, ETHANOL.ec, WATER.ec, BISPHENOL_A.ec, DEHP.ec];

    // Act
    const results = numbers.map((n) => parseEc(n));

    // Assert
    for (const [i, result] of results.entries()) {
      expect(result).to.deep.equal({ original: numbers[i], normalised: numbers[i], valid: true, kind: 'ec' });
    }
  });

  it('when every possible check digit is tried on water, then only 2 is accepted', () => {
    // Arrange
    const candidates = [...'0123456789'].map((d) => `231-791-${d}`);

    // Act
    const accepted = candidates.filter((c) => parseEc(c).valid);

    // Assert
    expect(accepted).to.deep.equal([WATER.ec]);
  });

  it('when the first six digits give remainder 10, then no check digit makes an EINECS number valid', () => {
    // Arrange: 200-005 → 1·2+5·5 = 32 → 32 mod 11 = 10
    const candidates = [...'0123456789'].map((d) => `200-005-${d}`);

    // Act
    const results = candidates.map((c) => parseEc(c));

    // Assert
    expect(results.filter((r) => r.valid)).to.deep.equal([]);
    expect(results[0]?.reason).to.match(/remainder 10/);
    expect(results[0]?.normalised).to.equal('200-005-0');
  });

  it('when an ELINCS number has remainder 10 and check digit 1, then it is valid, as the Commission issued it', () => {
    // Arrange
    const issued = ELINCS_REMAINDER_TEN;
    const otherDigit = '423-740-0';

    // Act
    const results = [parseEc(issued), parseEc(otherDigit)];

    // Assert
    expect(results.map((r) => r.valid)).to.deep.equal([true, false]);
  });

  it('when the number begins with 6 to 9, then it is an ECHA list number with the same check digit', () => {
    // Arrange
    const wrongCheck = '926-141-7';

    // Act
    const results = LIST_NUMBERS.map((n) => parseEc(n));
    const wrong = parseEc(wrongCheck);

    // Assert
    for (const result of results) expect(result).to.include({ valid: true, kind: 'list-number' });
    expect(wrong).to.include({ valid: false, kind: 'list-number', normalised: wrongCheck });
  });

  it('when the supplier writes unicode dashes, spaces or the compact form, then it is normalised and the original kept', () => {
    // Arrange
    const forms = ['200–578–6', ' 200 578 6', '200 - 578 - 6', '2005786'];

    // Act
    const results = forms.map((form) => parseEc(form));

    // Assert
    for (const [i, result] of results.entries()) {
      expect(result).to.deep.equal({ original: forms[i], normalised: ETHANOL.ec, valid: true, kind: 'ec' });
    }
  });

  it('when the text is not an EC number, then kind and normalised are null', () => {
    // Arrange: wrong grouping, a CAS number, an index number, a compact number with a wrong check digit, text
    const notEc = ['200-5786', ETHANOL.cas, ETHANOL.index, '2005787', 'n/a'];

    // Act
    const results = notEc.map((text) => parseEc(text));

    // Assert
    for (const result of results) expect(result).to.include({ valid: false, normalised: null, kind: null });
  });

  it('when an EC-shaped number begins with 0 or 1, then it is flagged: no EC or list number is issued there', () => {
    // Arrange
    const numbers = ['100-001-1', '012-345-6'];

    // Act
    const results = numbers.map((n) => parseEc(n));

    // Assert
    for (const result of results) expect(result).to.include({ valid: false, kind: null });
  });
});

describe('parseIndexNumber', () => {
  it('when real CLP Annex VI index numbers are given, then each is valid, including the X check character', () => {
    // Arrange
    const numbers = [FORMALDEHYDE.index, ETHANOL.index, BISPHENOL_A.index, DEHP.index, METHANOL_INDEX, '608-044-00-8'];

    // Act
    const results = numbers.map((n) => parseIndexNumber(n));

    // Assert
    for (const [i, result] of results.entries()) {
      expect(result).to.deep.equal({ original: numbers[i], normalised: numbers[i], valid: true });
    }
  });

  it('when the check character is lower case or the dashes are unicode, then it is normalised', () => {
    // Arrange
    const forms = ['603-001-00-x', '603–001–00–X'];

    // Act
    const normalised = forms.map((form) => parseIndexNumber(form).normalised);

    // Assert
    expect(normalised).to.deep.equal([METHANOL_INDEX, METHANOL_INDEX]);
  });

  it('when the check character is wrong, then the number is kept and flagged', () => {
    // Arrange
    const typo = '603-002-00-6';

    // Act
    const result = parseIndexNumber(typo);

    // Assert
    expect(result).to.deep.equal({
      original: typo,
      normalised: typo,
      valid: false,
      reason: 'index number check character is 6, the digits before it require 5',
    });
  });

  it('when the text is not shaped like an index number, then normalised is null', () => {
    // Arrange
    const notIndex = [ETHANOL.ec, '603-002-0-5', '603-002-00-Y', ''];

    // Act
    const results = notIndex.map((text) => parseIndexNumber(text));

    // Assert
    for (const result of results) expect(result).to.include({ valid: false, normalised: null });
  });
});

describe('parseReachRegistration', () => {
  it('when the full number is given, then it is valid with the registrant present', () => {
    // Arrange
    const full = `${ETHANOL.reach}-0012`;

    // Act
    const result = parseReachRegistration(full);

    // Assert
    expect(result).to.deep.equal({ original: full, normalised: full, valid: true, registrant: 'present' });
  });

  it('when the registrant digits are masked or left out, then it is valid and says so', () => {
    // Arrange
    const forms = [`${ETHANOL.reach}-xxxx`, `${ETHANOL.reach}-XXXX`, ETHANOL.reach];

    // Act
    const results = forms.map((form) => parseReachRegistration(form));

    // Assert
    expect(results.map((r) => [r.normalised, r.registrant])).to.deep.equal([
      [`${ETHANOL.reach}-XXXX`, 'masked'],
      [`${ETHANOL.reach}-XXXX`, 'masked'],
      [ETHANOL.reach, 'absent'],
    ]);
  });

  it('when the prefix is not 01 or the groups are the wrong length, then it is not a registration number', () => {
    // Arrange
    const wrong = ['05-2119457610-43-0012', '01-211945761-43-0012', '01-2119457610-4-0012', 'pending'];

    // Act
    const results = wrong.map((text) => parseReachRegistration(text));

    // Assert
    for (const result of results) expect(result).to.include({ valid: false, normalised: null, registrant: null });
  });
});

describe('findIdentifiers', () => {
  it('when an SDS section 3 row lists all four identifiers, then each is found with its type, offset and text', () => {
    // Arrange
    const row = `Ethanol | CAS: ${ETHANOL.cas} | EC: ${ETHANOL.ec} | ${ETHANOL.index} | ${ETHANOL.reach}-xxxx | ≥10 – <25 %`;

    // Act
    const found = findIdentifiers(row);

    // Assert
    expect(found.map((f) => [f.type, f.text, f.offset])).to.deep.equal([
      ['cas', ETHANOL.cas, row.indexOf(ETHANOL.cas)],
      ['ec', ETHANOL.ec, row.indexOf(ETHANOL.ec)],
      ['index', ETHANOL.index, row.indexOf(ETHANOL.index)],
      ['reach', `${ETHANOL.reach}-xxxx`, row.indexOf(ETHANOL.reach)],
    ]);
    expect(found.every((f) => f.parsed.valid)).to.equal(true);
  });

  it('when dates and phone numbers appear, then none is read as an identifier', () => {
    // Arrange
    const text = 'Revision 2020-12-01, printed 01-12-2020 and 2021-1-15. Emergency: +1-800-555-0199, 031-12-3, 08-519 411 00.';

    // Act
    const found = findIdentifiers(text);

    // Assert
    expect(found).to.deep.equal([]);
  });

  it('when an index number or a REACH number is printed, then no EC or CAS number is read inside it', () => {
    // Arrange
    const text = `Methanol ${METHANOL_INDEX}; ethanol ${ETHANOL.reach}-xxxx and ${ETHANOL.reach}.`;

    // Act
    const found = findIdentifiers(text);

    // Assert
    expect(found.map((f) => [f.type, f.text])).to.deep.equal([
      ['index', METHANOL_INDEX],
      ['reach', `${ETHANOL.reach}-xxxx`],
      ['reach', ETHANOL.reach],
    ]);
  });

  it('when identifiers are glued to letters or digits, then they are not matched, but a label with a dash is fine', () => {
    // Arrange
    const text = 'ABC64-17-5 64-17-5X 164-17-5-2 CAS-64-17-5 (CAS 50-00-0) 7732-18-5/64-17-5';

    // Act
    const found = findIdentifiers(text);

    // Assert
    expect(found.map((f) => f.text)).to.deep.equal([ETHANOL.cas, FORMALDEHYDE.cas, WATER.cas, ETHANOL.cas]);
    expect(found[0]?.offset).to.equal(text.indexOf('CAS-64-17-5') + 4);
  });

  it('when a number is printed with unicode dashes, then the matched text is the original and parsed holds the normalised form', () => {
    // Arrange
    const text = 'Water 7732–18–5, EC 231‑791‑2';

    // Act
    const found = findIdentifiers(text);

    // Assert
    expect(found.map((f) => [f.text, f.parsed.normalised])).to.deep.equal([
      ['7732–18–5', WATER.cas],
      ['231‑791‑2', WATER.ec],
    ]);
  });

  it('when an identifier has a wrong check digit, then it is returned flagged, and left out with validOnly', () => {
    // Arrange
    const text = `Typos: 64-17-6, 200-578-7, 603-002-00-6; correct: ${DEHP.cas}`;

    // Act
    const all = findIdentifiers(text);
    const validOnly = findIdentifiers(text, { validOnly: true });

    // Assert
    expect(all.map((f) => [f.type, f.parsed.valid])).to.deep.equal([
      ['cas', false],
      ['ec', false],
      ['index', false],
      ['cas', true],
    ]);
    expect(validOnly.map((f) => f.text)).to.deep.equal([DEHP.cas]);
  });

  it('when an EC number is an ECHA list number, then the result says so', () => {
    // Arrange
    const text = `EC/List no.: ${LIST_NUMBERS[0] ?? ''}`;

    // Act
    const [found] = findIdentifiers(text);

    // Assert
    expect(found?.type).to.equal('ec');
    expect(found?.type === 'ec' ? found.parsed.kind : null).to.equal('list-number');
  });
});
