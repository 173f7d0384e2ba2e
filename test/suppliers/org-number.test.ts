import { expect } from 'chai';
import { normaliseOrgNumber } from '../../src/suppliers/org-number.js';

// Real Swedish organisation numbers (public registry data), so the check digits are independent of our code.
const VOLVO = '556012-5790';
const SKATTEVERKET = '202100-5448';

describe('normaliseOrgNumber', () => {
  it('when a valid Swedish number is written as NNNNNN-NNNN, then it is accepted unchanged', () => {
    // Arrange / Act
    const results = [VOLVO, SKATTEVERKET].map((n) => normaliseOrgNumber('SE', n));

    // Assert
    expect(results).to.deep.equal([
      { ok: true, value: VOLVO },
      { ok: true, value: SKATTEVERKET },
    ]);
  });

  it('when a valid Swedish number is written without hyphen, with spaces or padded, then it is normalised to NNNNNN-NNNN', () => {
    // Arrange
    const forms = ['5560125790', '556012 5790', ' 556012-5790 ', '5560 1257 90', '556 012-579 0'];

    // Act
    const results = forms.map((form) => normaliseOrgNumber('SE', form));

    // Assert
    for (const result of results) expect(result).to.deep.equal({ ok: true, value: VOLVO });
  });

  it('when the check digit of a Swedish number is wrong, then it is rejected, and only the right check digit is accepted', () => {
    // Arrange
    const firstNine = '556012579';

    // Act
    const accepted = [...'0123456789'].filter((d) => normaliseOrgNumber('SE', `${firstNine}${d}`).ok);
    const wrong = normaliseOrgNumber('SE', '556012-5791');

    // Assert
    expect(accepted).to.deep.equal(['0']);
    expect(wrong.ok).to.equal(false);
    expect(wrong.ok ? '' : wrong.message).to.match(/check digit/);
  });

  it('when a Swedish number has a swapped pair of digits, then the check digit catches it', () => {
    // Arrange: 556012-5790 with "12" swapped to "21"
    const swapped = '556021-5790';

    // Act
    const result = normaliseOrgNumber('SE', swapped);

    // Assert
    expect(result.ok).to.equal(false);
  });

  it('when a Swedish number does not have exactly ten digits, then it is rejected as the wrong length', () => {
    // Arrange: nine digits, eleven digits, the twelve-digit form with century, and letters
    const wrong = ['556012-579', '556012-57900', '16556012-5790', '55601A-5790', ''];

    // Act
    const results = wrong.map((n) => normaliseOrgNumber('SE', n));

    // Assert
    for (const result of results) {
      expect(result.ok).to.equal(false);
      expect(result.ok ? '' : result.message).to.match(/ten digits/);
    }
  });

  it('when the country is not SE, then the number is kept as written, upper-cased, trimmed and with space runs collapsed, without a check digit test', () => {
    // Arrange / Act
    const german = normaliseOrgNumber('DE', '  hrb 12345   b ');
    const norwegian = normaliseOrgNumber('NO', '923609016');
    const looksSwedishButIsNot = normaliseOrgNumber('FI', '556012-5791');

    // Assert
    expect(german).to.deep.equal({ ok: true, value: 'HRB 12345 B' });
    expect(norwegian).to.deep.equal({ ok: true, value: '923609016' });
    expect(looksSwedishButIsNot).to.deep.equal({ ok: true, value: '556012-5791' });
  });
});
