import { expect } from 'chai';
import { emptyContent, type DeclarationContent, type DeclaredSubstance } from '../../src/declarations/declaration-content.js';
import { declaredConcentration } from '../../src/declarations/declared-values.js';
import { substancesOfDeclaration } from '../../src/declarations/screened-substances.js';

function declared(path: string, percent: number, cas = '117-81-7'): DeclaredSubstance {
  const concentration = declaredConcentration({ value: percent, unit: '%' }, path, []);
  return { path, name: 'DEHP', cas: { printed: cas, value: cas, valid: true }, ec: null, concentration, massMg: null };
}

function cable(materialMassMg: number | null, componentMassMg: number | null): DeclarationContent {
  return {
    ...emptyContent('chemreg-json'),
    components: [{
      path: 'components[0]', name: 'Cable', massMg: componentMassMg, substances: [],
      materials: [{ path: 'components[0].materials[0]', name: 'PVC sheath', massMg: materialMassMg, substances: [declared('components[0].materials[0].substances[0]', 0.5)] }],
    }],
  };
}

describe(substancesOfDeclaration.name, () => {
  it('when the material and component masses are declared, then the concentration in the article is computed from them', () => {
    // Act
    const [dehp] = substancesOfDeclaration('d1', cable(10_000, 100_000));

    // Assert
    expect(dehp?.materialConcentration).to.include({ min: 0.5, max: 0.5 });
    expect(dehp?.concentration).to.include({ min: 0.05, max: 0.05 });
    expect(dehp?.ref).to.equal('declaration:d1:components[0].materials[0].substances[0]');
    expect(dehp?.evidence).to.include({ source: 'declaration', documentId: 'd1', page: null });
    expect(dehp?.evidence?.quote).to.include('Cable / PVC sheath');
  });

  it('when the component mass is missing but every material has one, then their sum is the article mass', () => {
    // Act
    const [dehp] = substancesOfDeclaration('d1', cable(10_000, null));

    // Assert: the sheath is the whole cable here.
    expect(dehp?.concentration).to.include({ min: 0.5, max: 0.5 });
  });

  it('when the material\'s share of the article is unknown, then the concentration in the article is only bounded above by the material\'s', () => {
    // Act
    const [dehp] = substancesOfDeclaration('d1', cable(null, 100_000));

    // Assert
    expect(dehp?.concentration).to.include({ min: null, max: 0.5 });
    expect(dehp?.concentration?.text).to.match(/^≤ 0.5 %/u);
  });

  it('when a substance is declared for the product as a whole, then its material concentration is only bounded below', () => {
    // Arrange
    const content = { ...emptyContent('chemreg-json'), substances: [declared('substances[0]', 0.2)] };

    // Act
    const [dehp] = substancesOfDeclaration('d1', content);

    // Assert
    expect(dehp?.concentration).to.include({ min: 0.2, max: 0.2 });
    expect(dehp?.materialConcentration).to.include({ min: 0.2, max: null });
  });

  it('when a CAS RN has a wrong check digit, then the substance is screened without it', () => {
    // Arrange
    const content = { ...emptyContent('chemreg-json'), substances: [{ ...declared('substances[0]', 1), cas: { printed: '117-81-8', value: '117-81-8', valid: false } }] };

    // Act
    const [dehp] = substancesOfDeclaration('d1', content);

    // Assert
    expect(dehp?.cas).to.equal(null);
    expect(dehp?.name).to.equal('DEHP');
  });
});
