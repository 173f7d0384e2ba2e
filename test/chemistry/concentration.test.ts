import { expect } from 'chai';
import { compareToLimit, parseConcentration, toPercent, type Concentration } from '../../src/chemistry/concentration.js';

type Bounds = Pick<Concentration, 'min' | 'max' | 'minInclusive' | 'maxInclusive' | 'unit'>;

function boundsOf(c: Concentration): Bounds {
  return { min: c.min, max: c.max, minInclusive: c.minInclusive, maxInclusive: c.maxInclusive, unit: c.unit };
}

const range = (min: number | null, max: number | null, minInclusive: boolean, maxInclusive: boolean, unit: Concentration['unit']): Bounds => ({
  min, max, minInclusive, maxInclusive, unit,
});

describe('parseConcentration', () => {
  it('when an SDS section 3 range is printed in any of the usual ways, then min, max and inclusivity are read', () => {
    // Arrange
    const cases: Array<[string, Bounds]> = [
      ['≥10 – <25 %', range(10, 25, true, false, '%')],
      ['>= 10 - < 25%', range(10, 25, true, false, '%')],
      ['=> 10 - =< 25 %', range(10, 25, true, true, '%')],
      ['10 - 25', range(10, 25, true, true, null)],
      ['10-<25', range(10, 25, true, false, null)],
      ['0,1-1', range(0.1, 1, true, true, null)],
      ['0.1 – 1', range(0.1, 1, true, true, null)],
      ['1 - 5 %', range(1, 5, true, true, '%')],
      ['> 0,1- < 0,5 %', range(0.1, 0.5, false, false, '%')],
      ['≥ 1 < 5', range(1, 5, true, false, null)],
      ['10 % to 25 %', range(10, 25, true, true, '%')],
      ['0,1 % ≤ C < 1 %', range(0.1, 1, true, false, '%')],
    ];

    // Act
    const results = cases.map(([text]) => parseConcentration(text));

    // Assert
    for (const [i, result] of results.entries()) {
      const [text, expected] = cases[i] ?? ['', null];
      expect(result.parsed, text).to.equal(true);
      expect(boundsOf(result), text).to.deep.equal(expected);
      expect(result.problem, text).to.equal(undefined);
    }
  });

  it('when only one bound is printed, then the other is null', () => {
    // Arrange
    const cases: Array<[string, Bounds]> = [
      ['< 1', range(null, 1, false, false, null)],
      ['<1 %', range(null, 1, false, false, '%')],
      ['≤ 0,1 %', range(null, 0.1, false, true, '%')],
      ['> 90', range(90, null, false, false, null)],
      ['≥30%', range(30, null, true, false, '%')],
      ['max. 5 %', range(null, 5, false, true, '%')],
      ['C ≥ 25 %', range(25, null, true, false, '%')],
    ];

    // Act
    const results = cases.map(([text]) => parseConcentration(text));

    // Assert
    for (const [i, result] of results.entries()) {
      const [text, expected] = cases[i] ?? ['', null];
      expect(boundsOf(result), text).to.deep.equal(expected);
    }
  });

  it('when a single value is printed, then min and max are both that value, inclusive', () => {
    // Arrange
    const text = '30 %';

    // Act
    const result = parseConcentration(text);

    // Assert
    expect(result).to.deep.equal({
      text, parsed: true, min: 30, max: 30, minInclusive: true, maxInclusive: true, unit: '%', approximate: false, basis: null,
    });
  });

  it('when a value is marked approximate (ca., ~, approx.), then min = max = the value with approximate true', () => {
    // Arrange
    const texts = ['ca. 5 %', '~5%', 'approx. 5 %', 'ca 5%', '≈ 5 %'];

    // Act
    const results = texts.map((t) => parseConcentration(t));

    // Assert
    for (const result of results) {
      expect(boundsOf(result), result.text).to.deep.equal(range(5, 5, true, true, '%'));
      expect(result.approximate, result.text).to.equal(true);
    }
  });

  it('when HTML entities, (w/w), footnote marks or weight-percent spellings are present, then they are understood', () => {
    // Arrange
    const cases: Array<[string, Bounds, Concentration['basis']]> = [
      ['&lt; 1 %', range(null, 1, false, false, '%'), null],
      ['&amp;lt;1%', range(null, 1, false, false, '%'), null],
      ['&gt;= 10 &#8211; &lt; 25 %', range(10, 25, true, false, '%'), null],
      ['< 0.1 % (w/w)', range(null, 0.1, false, false, '%'), 'w/w'],
      ['10 wt%', range(10, 10, true, true, '%'), 'w/w'],
      ['5 Gew.-%', range(5, 5, true, true, '%'), 'w/w'],
      ['30 %*', range(30, 30, true, true, '%'), null],
      ['70 % v/v', range(70, 70, true, true, '%'), 'v/v'],
      ['0,6 Vol %', range(0.6, 0.6, true, true, '%'), 'v/v'],
    ];

    // Act
    const results = cases.map(([text]) => parseConcentration(text));

    // Assert
    for (const [i, result] of results.entries()) {
      const [text, expected, basis] = cases[i] ?? ['', null, null];
      expect(boundsOf(result), text).to.deep.equal(expected);
      expect(result.basis, text).to.equal(basis);
    }
  });

  it('when ppm or mg/kg is printed, then that unit is kept', () => {
    // Arrange
    const texts = ['< 1000 ppm', '500 mg/kg'];

    // Act
    const results = texts.map((t) => boundsOf(parseConcentration(t)));

    // Assert
    expect(results).to.deep.equal([range(null, 1000, false, false, 'ppm'), range(500, 500, true, true, 'mg/kg')]);
  });

  it('when no concentration is given (trade secret, *, -, empty), then parsed is false with null bounds and no problem', () => {
    // Arrange
    const texts = ['Trade secret', '*', '-', '', 'Confidential'];

    // Act
    const results = texts.map((t) => parseConcentration(t));

    // Assert
    for (const [i, result] of results.entries()) {
      expect(result).to.deep.equal({
        text: texts[i], parsed: false, min: null, max: null, minInclusive: false, maxInclusive: false,
        unit: null, approximate: false, basis: null,
      });
    }
  });

  it('when text with digits fits no concentration form, then parsed is false and the problem says why', () => {
    // Arrange: two numbers without a separator, a range written upper bound first, prose
    const texts = ['10 25', '< 10 - 25', 'see section 16 note 3'];

    // Act
    const results = texts.map((t) => parseConcentration(t));

    // Assert
    for (const result of results) {
      expect(result.parsed, result.text).to.equal(false);
      expect(result.min).to.equal(null);
      expect(result.problem, result.text).to.be.a('string');
    }
  });

  it('when a value is impossible (over 100 %, min above max, an empty range), then it is parsed and the problem reported', () => {
    // Arrange
    const texts = ['120 %', '25 - 10 %', '> 5 - < 5 %', '2000000 ppm'];

    // Act
    const results = texts.map((t) => parseConcentration(t));

    // Assert
    expect(results.map((r) => [r.parsed, r.min, r.max])).to.deep.equal([
      [true, 120, 120],
      [true, 25, 10],
      [true, 5, 5],
      [true, 2000000, 2000000],
    ]);
    expect(results.map((r) => r.problem)).to.deep.equal([
      '120 % is more than the whole (100 %)',
      'the lower bound 25 is above the upper bound 10',
      'the range > 5 - < 5 % contains no value',
      '2000000 ppm is more than the whole (100 %)',
    ]);
  });

  it('when a ppm figure may carry a thousands separator, then it is read as a decimal and the ambiguity reported', () => {
    // Arrange
    const text = '1,000 ppm';

    // Act
    const result = parseConcentration(text);

    // Assert
    expect(result.min).to.equal(1);
    expect(result.problem).to.match(/thousands separator/);
  });
});

describe('toPercent', () => {
  it('when the unit is ppm or mg/kg, then values are divided by 10 000 and the unit becomes %', () => {
    // Arrange
    const ppm = parseConcentration('≥ 1000 - < 2500 ppm');
    const mgPerKg = parseConcentration('100 mg/kg');

    // Act
    const results = [toPercent(ppm), toPercent(mgPerKg)].map(boundsOf);

    // Assert
    expect(results).to.deep.equal([range(0.1, 0.25, true, false, '%'), range(0.01, 0.01, true, true, '%')]);
  });

  it('when the unit is % or missing, then the concentration is returned unchanged', () => {
    // Arrange
    const inputs = [parseConcentration('5 %'), parseConcentration('5')];

    // Act
    const results = inputs.map((c) => toPercent(c));

    // Assert
    expect(results).to.deep.equal(inputs);
  });
});

describe('compareToLimit', () => {
  it('when a range straddles the limit (1–5 % against 3 %), then the result is indeterminate', () => {
    // Arrange
    const c = parseConcentration('1 - 5 %');

    // Act
    const results = [compareToLimit(c, 3), compareToLimit(c, 3, { inclusive: true })];

    // Assert
    expect(results).to.deep.equal(['indeterminate', 'indeterminate']);
  });

  it('when the whole range lies on one side of the limit, then it is above or below', () => {
    // Arrange
    const cases: Array<[string, number, string]> = [
      ['≥10 – <25 %', 3, 'above'],
      ['> 90', 0.1, 'above'],
      ['< 0.1 % (w/w)', 0.1, 'below'],
      ['0,01- < 0,1 %', 0.1, 'below'],
      ['1 - 5 %', 10, 'below'],
    ];

    // Act
    const results = cases.map(([text, limit]) => compareToLimit(parseConcentration(text), limit));

    // Assert
    expect(results).to.deep.equal(cases.map(([, , expected]) => expected));
  });

  it('when the limit is "above 0.1 %" (REACH Art. 33, the default), then exactly 0.1 % is below and only more is above', () => {
    // Arrange
    const texts = ['0,1 %', '≤ 0,1 %', '> 0,1 %', '≥ 0,1 %', '0.1 - 0.5 %'];

    // Act
    const results = texts.map((t) => compareToLimit(parseConcentration(t), 0.1));

    // Assert
    expect(results).to.deep.equal(['below', 'below', 'above', 'indeterminate', 'indeterminate']);
  });

  it('when the limit is "≥ 0.1 %" (inclusive, e.g. CLP Carc. 1A/1B), then exactly 0.1 % is above and only less is below', () => {
    // Arrange
    const texts = ['0,1 %', '≤ 0,1 %', '> 0,1 %', '≥ 0,1 %', '0.1 - 0.5 %', '< 0,1 %'];

    // Act
    const results = texts.map((t) => compareToLimit(parseConcentration(t), 0.1, { inclusive: true }));

    // Assert
    expect(results).to.deep.equal(['above', 'indeterminate', 'above', 'above', 'above', 'below']);
  });

  it('when only an upper bound is given above the limit (< 1 % against 0.1 %), then the result is indeterminate', () => {
    // Arrange
    const c = parseConcentration('< 1 %');

    // Act
    const result = compareToLimit(c, 0.1);

    // Assert
    expect(result).to.equal('indeterminate');
  });

  it('when the concentration is in ppm, then it is converted first (1000 ppm is exactly 0.1 %)', () => {
    // Arrange
    const atLimit = parseConcentration('1000 ppm');
    const aboveLimit = parseConcentration('1500 mg/kg');

    // Act
    const results = [compareToLimit(atLimit, 0.1), compareToLimit(atLimit, 0.1, { inclusive: true }), compareToLimit(aboveLimit, 0.1)];

    // Assert
    expect(results).to.deep.equal(['below', 'above', 'above']);
  });

  it('when the value is approximate and exactly at the limit, then the result is indeterminate', () => {
    // Arrange
    const c = parseConcentration('ca. 0,1 %');

    // Act
    const results = [compareToLimit(c, 0.1), compareToLimit(c, 0.1, { inclusive: true }), compareToLimit(c, 0.05)];

    // Assert
    expect(results).to.deep.equal(['indeterminate', 'indeterminate', 'above']);
  });

  it('when the concentration is unread, flagged with a problem or given as v/v, then the result is indeterminate', () => {
    // Arrange
    const texts = ['Trade secret', '120 %', '25 - 10 %', '70 % v/v'];

    // Act
    const results = texts.map((t) => compareToLimit(parseConcentration(t), 0.1));

    // Assert
    expect(results).to.deep.equal(['indeterminate', 'indeterminate', 'indeterminate', 'indeterminate']);
  });

  it('when no unit is printed, then the value is taken as %', () => {
    // Arrange
    const c = parseConcentration('10 - 25');

    // Act
    const results = [compareToLimit(c, 5), compareToLimit(c, 30)];

    // Assert
    expect(results).to.deep.equal(['above', 'below']);
  });
});
