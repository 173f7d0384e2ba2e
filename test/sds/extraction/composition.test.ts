import { expect } from 'chai';
import { extractSubstances } from '../../../src/sds/extraction/composition.js';
import type { Line } from '../../../src/sds/extraction/text.js';

const lines = (text: string): Line[] => text.trim().split('\n').map((t, index) => ({ text: t.trim(), page: 2, index }));
const brief = (text: string) =>
  extractSubstances(lines(text)).map((s) => ({ name: s.name, cas: s.cas?.value ?? null, ec: s.ec?.value ?? null, conc: s.concentration?.text ?? null }));

describe('sds/extraction/composition', () => {
  it('when each component is one table row (cells tab-separated), then name, identifiers and concentration are read per row', () => {
    expect(brief(`
      3.2 Blandningar
      Namn\tCAS-nr\tEG-nr\tKoncentration\tKlassificering
      Etanol\t64-17-5\t200-578-6\t≥10 – <25 %\tFlam. Liq. 2, H225
      Propan-2-ol\t67-63-0\t200-661-7\t0,1-1\tEye Irrit. 2, H319
    `)).to.deep.equal([
      { name: 'Etanol', cas: '64-17-5', ec: '200-578-6', conc: '≥10 – <25 %' },
      { name: 'Propan-2-ol', cas: '67-63-0', ec: '200-661-7', conc: '0,1-1' },
    ]);
  });

  it('when names wrap above their identifiers and the concentration follows the classification lines, then rows still separate', () => {
    expect(brief(`
      Name\tCAS-No. / EC-No.\tClassification\tConc. [%]
      Metribuzin\t21087-64-9\tAcute Tox. 4, H302
      Aquatic Chronic 1, H410
      52.17
      1,2-Benzisothiazol-3(2H)-
      one
      2634-33-5
      Acute Tox. 4, H302
      Skin Sens. 1, H317
      >= 0.005 – <
      0.05
    `)).to.deep.equal([
      { name: 'Metribuzin', cas: '21087-64-9', ec: null, conc: '52.17' },
      { name: '1,2-Benzisothiazol-3(2H)-one', cas: '2634-33-5', ec: null, conc: '>= 0.005 – < 0.05' },
    ]);
  });

  it('when identifiers are stacked under labels and the 3.1 block repeats the component, then one merged entry results', () => {
    expect(brief(`
      3.1 Substances
      CAS No 7761-88-8
      EC No 231-853-9
      Molar mass 169.9 g/mol
      3.2 Mixtures
      Name of substance Identifier Wt% Classification
      silver nitrate CAS No
      7761-88-8
      EC No
      231-853-9
      1.671 Ox. Sol. 2 / H272
      Met. Corr. 1 / H290
    `)).to.deep.equal([{ name: 'silver nitrate', cas: '7761-88-8', ec: '231-853-9', conc: '1.671' }]);
  });

  it('when an M-factor or a category number sits between identifiers and the concentration, then it is not taken for the concentration', () => {
    expect(brief(`
      CAS-No. : 7783-90-6
      Component Classification Concentration
      silver chloride
      Met. Corr. 1; Aquatic
      Acute 1; Aquatic Chronic
      1; H290, H400, H410
      M-Factor - Aquatic Acute:
      1,000 - Aquatic Chronic:
      100
      <= 100 %
    `)).to.deep.equal([{ name: 'silver chloride', cas: '7783-90-6', ec: null, conc: '<= 100 %' }]);
  });

  it('when a component has only an EC list number, a masked REACH number, or no concentration, then it is kept with what it has', () => {
    const found = extractSubstances(lines(`
      Kolväten, C9-C11, n-alkaner\tEG-nr: 919-857-5\tREACH: 01-2119463258-33-xxxx\t50 – 75
      Hemlig komponent\tCAS 1310-73-2\t*
    `));
    expect(found.map((s) => [s.name, s.ec?.value, s.ec?.kind, s.reachRegistration?.value, s.concentration?.text ?? null])).to.deep.equal([
      ['Kolväten, C9-C11, n-alkaner', '919-857-5', 'list-number', '01-2119463258-33-XXXX', '50 – 75'],
      ['Hemlig komponent', undefined, undefined, undefined, null],
    ]);
    expect(found[1]?.cas?.value).to.equal('1310-73-2');
  });

  it('when a CAS check digit is wrong, then the number is kept as printed, flagged invalid, and confidence drops', () => {
    const [bad] = extractSubstances(lines('Ethanol\t64-17-6\t10 %'));
    const [good] = extractSubstances(lines('Ethanol\t64-17-5\t10 %'));
    expect(bad?.cas).to.include({ printed: '64-17-6', valid: false });
    expect(bad?.confidence).to.be.lessThan(good?.confidence ?? 0);
  });

  it('when the concentration has a decimal comma or a range, then it is parsed to bounds', () => {
    const [s] = extractSubstances(lines('Natriumhydroxid\t1310-73-2\t215-185-5\t≥ 0,5 - < 2 %'));
    expect(s?.concentration).to.include({ min: 0.5, max: 2, minInclusive: true, maxInclusive: false, unit: '%' });
  });

  it('when evidence is asked for, then each component quotes its lines and page', () => {
    const [s] = extractSubstances(lines('Ethanol\t64-17-5\t10 %'));
    expect(s?.evidence).to.deep.equal({ page: 2, quote: 'Ethanol 64-17-5 10 %' });
  });
});
