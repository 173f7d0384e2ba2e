import { expect } from 'chai';
import { DeclarationContent, type DeclaredComponent, type DeclaredSubstance } from '../../../src/declarations/declaration-content.js';
import { DeclarationError } from '../../../src/declarations/declared-values.js';
import { parseIpc1752a } from '../../../src/declarations/formats/ipc-1752a.js';
import {
  type BrokenIpc1752a,
  buildClassC,
  buildClassD,
  buildIpc1752a,
  classCSpec,
  classDSpec,
  classDWithSubProducts,
  foreignNamespaceIpc1752a,
  invalidCasIpc1752a,
  ipc1752aXml,
  malformedIpc1752a,
  materialPath,
  notANumberIpc1752a,
  over100PercentIpc1752a,
  substanceHeavierThanMaterialIpc1752a,
  substancePath,
  unknownUnitIpc1752a,
  wrongRootIpc1752a,
} from '../../support/declaration-files/ipc-1752a.js';

function refusal(bytes: Uint8Array): DeclarationError {
  try {
    parseIpc1752a(bytes);
  } catch (err) {
    if (err instanceof DeclarationError) return err;
    throw err;
  }
  throw new Error('the declaration was accepted');
}

function substance(component: DeclaredComponent | undefined, material: number, index: number): DeclaredSubstance {
  const found = component?.materials[material]?.substances[index];
  if (found === undefined) throw new Error(`no substance ${index} in material ${material}`);
  return found;
}

/** Min and max of a concentration, in %, rounded against floating-point noise. */
function percent(s: DeclaredSubstance): [number | null, number | null] {
  const round = (n: number | null): number | null => (n === null ? null : Number(n.toPrecision(10)));
  return [round(s.concentration?.min ?? null), round(s.concentration?.max ?? null)];
}

function expectRefused(broken: BrokenIpc1752a): DeclarationError {
  const err = refusal(broken.bytes);
  expect(err.code).to.equal(broken.expected.code);
  expect(err.issues.map((i) => i.path)).to.include(broken.expected.path);
  return err;
}

describe('declarations/formats/ipc-1752a', () => {
  describe('class C', () => {
    it('when a class C declaration is read, then each answered substance category becomes a list answer with its list, category and threshold', () => {
      const fixture = buildClassC();

      const content = parseIpc1752a(fixture.bytes);

      expect(content).to.deep.include({ format: 'ipc-1752a', declarationClass: 'C' });
      expect(content.listAnswers).to.have.length(8);
      expect(content.listAnswers[0]).to.deep.equal({
        path: 'Product.MaterialInfo.SubstanceCategoryList[0].SubstanceCategory[0]',
        list: 'EUROHS-1907',
        category: 'Lead/Lead Compounds',
        listId: 'rohs-annex-ii',
        threshold: '0.1 mass% of homogeneous material',
        answer: 'no',
      });
      expect(content.listAnswers[2]).to.deep.include({
        path: 'Product.MaterialInfo.SubstanceCategoryList[1].SubstanceCategory[0]',
        list: 'EUREACH-0624',
        listId: 'echa-candidate-list',
        answer: 'yes',
      });
    });

    it('when lists are named by IPC code or by name, then the lists chemreg knows get its list ids and others null', () => {
      const fixture = buildClassC();

      const content = parseIpc1752a(fixture.bytes);

      const ids = Object.fromEntries(content.listAnswers.map((a) => [a.list, a.listId]));
      expect(ids).to.deep.equal({
        'EUROHS-1907': 'rohs-annex-ii',
        'EUREACH-0624': 'echa-candidate-list',
        'EU REACH Annex XVII': 'reach-annex-xvii',
        'EU REACH Annex XIV': 'reach-annex-xiv',
        'EU POPs Regulation (EU) 2019/1021': 'eu-pops',
        'IEC 62474 D27.00': null,
      });
    });

    it('when the supplier gives list revisions, then they are the declared list versions', () => {
      const fixture = buildClassC();

      const content = parseIpc1752a(fixture.bytes);

      expect(content.declaredListVersions).to.deep.equal([
        { list: 'EUROHS-1907', version: '2015/863' },
        { list: 'EUREACH-0624', version: '2024-06-27' },
      ]);
    });

    it('when the product carries name, number, mass, date and SCIP number, then they land in the content', () => {
      const fixture = buildClassC();

      const content = parseIpc1752a(fixture.bytes);

      expect(content).to.deep.include({
        productName: 'Nitrile examination glove, powder-free, M',
        productNumber: 'NG-200-M',
        productMassMg: 3200,
        declaredAt: '2026-02-17',
        scipNumbers: ['3fa85f64-5717-4562-b3fc-2c963f66afa6'],
      });
      expect(content.components).to.deep.equal([]);
    });

    it('when a category names the substance present, then it is a product-level substance in % of the article', () => {
      const fixture = buildClassC();

      const content = parseIpc1752a(fixture.bytes);

      expect(content.substances).to.have.length(1);
      const dehp = content.substances[0] as DeclaredSubstance;
      expect(dehp).to.deep.include({ path: 'Product.MaterialInfo.SubstanceCategoryList[1].SubstanceCategory[0].Substance[0]', name: 'Bis(2-ethylhexyl) phthalate', massMg: null });
      expect(dehp.cas).to.deep.include({ value: '117-81-7', valid: true });
      expect(dehp.ec).to.deep.include({ value: '204-211-0', valid: true });
      expect(dehp.concentration).to.deep.include({ text: '0.15 massPercent', min: 0.15, max: 0.15, unit: '%' });
    });

    it('when a threshold answer is neither true nor false, then the declaration is refused naming the attribute', () => {
      const spec = classCSpec();
      const [rohs] = spec.lists;
      const lists = [{ ...rohs!, categories: [{ name: 'Mercury/Mercury Compounds', overThreshold: 'maybe', threshold: '0.1 mass%' }] }];
      const fixture = buildIpc1752a({ ...spec, lists });

      const err = refusal(fixture.bytes);

      expect(err.code).to.equal('DECLARATION_INVALID');
      expect(err.issues).to.deep.equal([{ path: 'Product.MaterialInfo.SubstanceCategoryList[0].SubstanceCategory[0].Threshold.overThreshold', message: '"maybe" is not a yes/no answer; expected true or false' }]);
    });
  });

  describe('class D', () => {
    it('when a class D declaration is read, then the product is a component with its homogeneous materials and masses in mg', () => {
      const fixture = buildClassD();

      const content = parseIpc1752a(fixture.bytes);

      expect(content).to.deep.include({ declarationClass: 'D', productName: 'ECG patient cable, 5-lead', productNumber: 'EKG-5P-120', productMassMg: 48_000, declaredAt: '2026-03-11' });
      expect(content.components).to.have.length(1);
      const [cable] = content.components;
      expect(cable).to.deep.include({ path: 'Product', name: 'ECG patient cable, 5-lead', massMg: 48_000 });
      expect(cable?.materials.map((m) => [m.path, m.name, m.massMg])).to.deep.equal([
        [materialPath(0), 'Cable jacket, plasticised PVC', 32_000],
        [materialPath(1), 'Conductor, copper wire', 12_000],
        [materialPath(2), 'Connector housing, polycarbonate', 4_000],
      ]);
      expect(cable?.materials[0]?.substances.map((s) => [s.name, s.cas?.value, s.massMg])).to.deep.equal([
        ['Polyvinyl chloride', '9002-86-2', 20_800],
        ['Bis(2-ethylhexyl) phthalate', '117-81-7', 320],
        ['1,2-Cyclohexanedicarboxylic acid, diisononyl ester (DINCH)', '166412-78-8', 8_000],
        ['Calcium carbonate', '471-34-1', 2_880],
      ]);
      expect(content.warnings).to.deep.equal([]);
    });

    it('when substances give only masses, then their concentrations in the material are computed in %', () => {
      const fixture = buildClassD();

      const content = parseIpc1752a(fixture.bytes);

      const [cable] = content.components;
      expect([0, 1, 2, 3].map((i) => percent(substance(cable, 0, i)))).to.deep.equal([[65, 65], [1, 1], [25, 25], [9, 9]]);
      expect(substance(cable, 0, 1).concentration?.text).to.equal('1 % (320 mg of 32000 mg)');
      expect(substance(cable, 0, 1).path).to.equal(substancePath(0, 1));
    });

    it('when substances give ppm or massPercent, then the concentration is converted to % and the declared text kept', () => {
      const fixture = buildClassD();

      const content = parseIpc1752a(fixture.bytes);

      const [cable] = content.components;
      expect(substance(cable, 1, 0).concentration).to.deep.include({ text: '99.95 massPercent', min: 99.95, max: 99.95, unit: '%', basis: 'w/w' });
      expect(substance(cable, 1, 1).concentration).to.deep.include({ text: '500 ppm', min: 0.05, max: 0.05, unit: '%' });
      expect(substance(cable, 1, 1).massMg).to.equal(null);
    });

    it('when a substance gives a mass and a concentration that agree, then both are kept and nothing is flagged', () => {
      const fixture = buildClassD();

      const content = parseIpc1752a(fixture.bytes);

      const polycarbonate = substance(content.components[0], 2, 0);
      expect(polycarbonate.massMg).to.equal(3_800);
      expect(polycarbonate.concentration).to.deep.include({ text: '95 massPercent', min: 95, max: 95 });
      expect(percent(substance(content.components[0], 2, 1))).to.deep.equal([0.01, 0.01]);
      expect(content.warnings).to.deep.equal([]);
    });

    it('when a declared concentration and the masses disagree by more than 1 %, then the declared one is kept with a warning', () => {
      const spec = classDSpec();
      const housing = spec.materials[2]!;
      const polycarbonate = { ...housing.substances[0]!, concentration: { value: 90, uom: 'massPercent' } };
      const fixture = buildIpc1752a({ ...spec, materials: [spec.materials[0]!, spec.materials[1]!, { ...housing, substances: [polycarbonate, ...housing.substances.slice(1)] }] });

      const content = parseIpc1752a(fixture.bytes);

      expect(percent(substance(content.components[0], 2, 0))).to.deep.equal([90, 90]);
      expect(content.warnings).to.deep.equal([
        { path: substancePath(2, 0), message: 'declared 90 massPercent but the masses give 95 % (3800 mg of 4000 mg); the declared concentration is kept' },
      ]);
    });

    it('when the product has nested sub-products, then each is a component named by its path', () => {
      const fixture = classDWithSubProducts();

      const content = parseIpc1752a(fixture.bytes);

      expect(content.components.map((c) => [c.path, c.name, c.massMg, c.materials.length])).to.deep.equal([
        ['Product', 'ECG patient cable, 5-lead', 48_000, 1],
        ['Product.SubProduct[0]', 'Lead wire set', 16_000, 1],
        ['Product.SubProduct[0].SubProduct[0]', 'Snap clip', 4_000, 1],
      ]);
      const nickel = substance(content.components[2], 0, 0);
      expect(nickel.path).to.equal('Product.SubProduct[0].SubProduct[0].MaterialInfo.HomogeneousMaterialList.HomogeneousMaterial[0].SubstanceCategoryList[0].SubstanceCategory[0].Substance[0]');
      expect(percent(nickel)).to.deep.equal([2, 2]);
    });

    it('when the document does not name its class, then materials make it class D and answers class C', () => {
      const d = buildClassD({ declarationClass: null });
      const c = buildClassC({ declarationClass: null });

      const fromD = parseIpc1752a(d.bytes);
      const fromC = parseIpc1752a(c.bytes);

      expect(fromD.declarationClass).to.equal('D');
      expect(fromC.declarationClass).to.equal('C');
    });

    it('when any declaration is read, then the content satisfies the DeclarationContent schema', () => {
      const fixtures = [buildClassC(), buildClassD(), classDWithSubProducts(), invalidCasIpc1752a()];

      const parsed = fixtures.map((f) => parseIpc1752a(f.bytes));

      for (const content of parsed) expect(DeclarationContent.parse(content)).to.deep.equal(content);
    });
  });

  describe('versions and namespaces', () => {
    it('when the 2.0 namespace is written with a prefix, then the document reads the same as with the default namespace', () => {
      const plain = buildClassD();
      const prefixed = buildClassD({ prefix: 'ipc' });

      const a = parseIpc1752a(plain.bytes);
      const b = parseIpc1752a(prefixed.bytes);

      expect(prefixed.text).to.contain('<ipc:MainDeclaration xmlns:ipc="http://webstds.ipc.org/175x/2.0"');
      expect(b).to.deep.equal(a);
    });

    it('when a 1.1 document names identifiers UniqueID, then it reads like the 2.0 one with SubstanceID', () => {
      const v2 = buildClassD({ version: '2.0' });
      const v11 = buildClassD({ version: '1.1', prefix: 'd' });

      const a = parseIpc1752a(v2.bytes);
      const b = parseIpc1752a(v11.bytes);

      expect(v11.text).to.contain('xmlns:d="http://webstds.ipc.org/175x/1.1"').and.to.contain('<d:UniqueID identity="117-81-7" authority="CAS"/>');
      const strip = (c: DeclarationContent): unknown => c.components.map((comp) => comp.materials.map((m) => m.substances.map((s) => [s.path, s.cas?.value, s.concentration?.max, s.massMg])));
      expect(strip(b)).to.deep.equal(strip(a));
      expect(b).to.deep.include({ declarationClass: 'D', productMassMg: 48_000 });
    });

    it('when the file is UTF-16 with a byte order mark, then it is read like UTF-8', () => {
      const text = ipc1752aXml(classCSpec()).replace('encoding="UTF-8"', 'encoding="UTF-16"');
      const utf16 = new Uint8Array(2 + text.length * 2);
      utf16.set([0xff, 0xfe]);
      for (let i = 0; i < text.length; i += 1) {
        const code = text.charCodeAt(i);
        utf16[2 + 2 * i] = code & 0xff;
        utf16[3 + 2 * i] = code >> 8;
      }

      const content = parseIpc1752a(utf16);

      expect(content.productNumber).to.equal('NG-200-M');
      expect(content.listAnswers).to.have.length(8);
    });
  });

  describe('broken declarations', () => {
    it('when the XML is malformed, then DECLARATION_FORMAT_UNKNOWN names the line and column', () => {
      const broken = malformedIpc1752a();

      const err = expectRefused(broken);

      expect(err.issues).to.have.length(1);
      expect(err.message).to.contain('not well-formed XML');
    });

    it('when the bytes are not XML at all, then DECLARATION_FORMAT_UNKNOWN points at the first character', () => {
      const pdf = new TextEncoder().encode('%PDF-1.7\n%âãÏÓ\n1 0 obj\n');

      const err = refusal(pdf);

      expect(err.code).to.equal('DECLARATION_FORMAT_UNKNOWN');
      expect(err.issues[0]?.path).to.equal('line 1 column 1');
    });

    it('when the root is another document type, then DECLARATION_FORMAT_UNKNOWN says MainDeclaration was expected', () => {
      const broken = wrongRootIpc1752a();

      const err = expectRefused(broken);

      expect(err.issues[0]?.message).to.equal('expected the IPC-1752A root element MainDeclaration, found IPC-2581');
    });

    it('when MainDeclaration is in a namespace other than IPC 175x, then DECLARATION_FORMAT_UNKNOWN names the namespace', () => {
      const broken = foreignNamespaceIpc1752a();

      const err = expectRefused(broken);

      expect(err.issues[0]?.message).to.contain('urn:example:declarations');
    });

    it('when a substance amount has an unknown unit, then DECLARATION_INVALID names its UOM attribute', () => {
      const broken = unknownUnitIpc1752a();

      const err = expectRefused(broken);

      expect(err.issues).to.deep.equal([{ path: broken.expected.path, message: 'unknown unit "lb"; expected mg, g, kg, µg, ppm or massPercent' }]);
    });

    it('when a concentration is above 100 %, then DECLARATION_INVALID names the Amount element', () => {
      const broken = over100PercentIpc1752a();

      const err = expectRefused(broken);

      expect(err.issues).to.have.length(1);
      expect(err.issues[0]?.message).to.contain('more than 100 %');
    });

    it('when a substance weighs more than its material, then DECLARATION_INVALID names the substance amount', () => {
      const broken = substanceHeavierThanMaterialIpc1752a();

      const err = expectRefused(broken);

      expect(err.issues).to.deep.equal([{ path: broken.expected.path, message: 'the substance\'s mass 40000 mg is more than the 32000 mg of the part it is declared in' }]);
    });

    it('when a value is not a decimal number, then DECLARATION_INVALID names the value attribute', () => {
      const broken = notANumberIpc1752a();

      const err = expectRefused(broken);

      expect(err.issues[0]?.message).to.equal('"0,4" is not a number; expected a decimal such as 5.2');
    });

    it('when several values are wrong, then every issue is reported at once', () => {
      const spec = classDSpec();
      const wire = spec.materials[1]!;
      const materials = [
        spec.materials[0]!,
        { ...wire, substances: [{ ...wire.substances[0]!, amount: { value: 120, uom: 'massPercent' } }, { ...wire.substances[1]!, amount: { value: 5, uom: 'lb' } }] },
        { ...spec.materials[2]!, mass: { value: 'four', uom: 'g' } },
      ];
      const fixture = buildIpc1752a({ ...spec, materials });

      const err = refusal(fixture.bytes);

      expect(err.code).to.equal('DECLARATION_INVALID');
      expect(err.issues.map((i) => i.path)).to.deep.equal([`${substancePath(1, 0)}.Amount`, `${substancePath(1, 1)}.Amount.UOM`, `${materialPath(2)}.Amount.value`]);
    });

    it('when a CAS RN has a wrong check digit, then it is kept with valid false and a warning names it', () => {
      const fixture = invalidCasIpc1752a();

      const content = parseIpc1752a(fixture.bytes);

      const dehp = substance(content.components[0], 0, 1);
      expect(dehp.cas).to.deep.include({ printed: '117-81-8', valid: false });
      expect(content.warnings).to.have.length(1);
      expect(content.warnings[0]?.path).to.equal(fixture.path);
      expect(content.warnings[0]?.message).to.contain('"117-81-8" kept but not used for matching');
    });
  });
});
