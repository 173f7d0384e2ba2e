import { expect } from 'chai';
import type { DeclarationWarning } from '../../src/declarations/declaration-content.js';
import { declaredConcentration, declaredConcentrationText, declaredIdentifier, declaredMassMg, scipNumber, type DeclarationIssue } from '../../src/declarations/declared-values.js';

describe('declared values', () => {
  describe(declaredConcentration.name, () => {
    it('when a value is in ppm or mg/kg, then it is converted to % and the declared text is kept', () => {
      // Arrange
      const issues: DeclarationIssue[] = [];

      // Act
      const ppm = declaredConcentration({ value: 500, unit: 'ppm' }, 'c', issues);
      const mgKg = declaredConcentration({ min: 100, max: 1000, unit: 'MG/KG' }, 'c', issues);

      // Assert
      expect(issues).to.deep.equal([]);
      expect(ppm).to.include({ text: '500 ppm', min: 0.05, max: 0.05, unit: '%', basis: 'w/w' });
      expect(mgKg).to.include({ text: '100–1000 mg/kg', min: 0.01, max: 0.1 });
    });

    for (const [what, amount, path] of [
      ['an unknown unit', { value: 1, unit: 'g/l' }, 'c.unit'],
      ['more than 100 %', { value: 1_000_001, unit: 'ppm' }, 'c'],
      ['min above max', { min: 5, max: 1, unit: '%' }, 'c'],
      ['a negative value', { value: -1, unit: '%' }, 'c.value'],
      ['a value and a range', { value: 1, min: 0, unit: '%' }, 'c'],
      ['no value at all', { unit: '%' }, 'c'],
    ] as const) {
      it(`when a concentration has ${what}, then an issue names ${path} and no value is answered`, () => {
        // Arrange
        const issues: DeclarationIssue[] = [];

        // Act
        const value = declaredConcentration(amount, 'c', issues);

        // Assert
        expect(value).to.equal(null);
        expect(issues.map((i) => i.path)).to.deep.equal([path]);
      });
    }
  });

  describe(declaredConcentrationText.name, () => {
    it('when a cell says "0,05 %" or "500 ppm", then both are 0.05 %; without a unit, an issue', () => {
      // Arrange
      const issues: DeclarationIssue[] = [];

      // Act
      const comma = declaredConcentrationText('0,05 %', 'row 2', issues);
      const ppm = declaredConcentrationText('500 ppm', 'row 3', issues);
      const bare = declaredConcentrationText('0.05', 'row 4', issues);

      // Assert
      expect(comma).to.include({ min: 0.05, max: 0.05, unit: '%' });
      expect(ppm).to.include({ text: '500 ppm', min: 0.05, max: 0.05, unit: '%' });
      expect(bare).to.equal(null);
      expect(issues.map((i) => i.path)).to.deep.equal(['row 4']);
    });
  });

  describe(declaredIdentifier.name, () => {
    it('when a CAS RN has a wrong check digit, then it is kept as invalid and a warning names it', () => {
      // Arrange
      const warnings: DeclarationWarning[] = [];

      // Act
      const cas = declaredIdentifier('cas', ' 117-81-8 ', 'substances[0].cas', warnings);

      // Assert
      expect(cas).to.include({ printed: '117-81-8', valid: false });
      expect(warnings.map((w) => w.path)).to.deep.equal(['substances[0].cas']);
    });
  });

  describe(declaredMassMg.name, () => {
    it('when masses come in g, kg or µg, then they are answered in mg; an unknown unit is an issue', () => {
      // Arrange
      const issues: DeclarationIssue[] = [];

      // Act and assert
      expect(declaredMassMg(1.5, 'g', 'm', issues)).to.equal(1500);
      expect(declaredMassMg(2, 'kg', 'm', issues)).to.equal(2_000_000);
      expect(declaredMassMg(250, 'µg', 'm', issues)).to.equal(0.25);
      expect(declaredMassMg(1, 'lb', 'm', issues)).to.equal(null);
      expect(issues.map((i) => i.path)).to.deep.equal(['m.unit']);
    });
  });

  describe(scipNumber.name, () => {
    it('when a SCIP number is not a UUID, then an issue; a UUID is kept lower-cased', () => {
      // Arrange
      const issues: DeclarationIssue[] = [];

      // Act and assert
      expect(scipNumber('3FA85F64-5717-4562-B3FC-2C963F66AFA6', 's', issues)).to.equal('3fa85f64-5717-4562-b3fc-2c963f66afa6');
      expect(scipNumber('SCIP-123', 's', issues)).to.equal(null);
      expect(issues).to.have.length(1);
    });
  });
});
