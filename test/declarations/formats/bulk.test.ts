import { expect } from 'chai';
import ExcelJS from 'exceljs';
import { DeclarationContent } from '../../../src/declarations/declaration-content.js';
import { DeclarationError } from '../../../src/declarations/declared-values.js';
import {
  BULK_COLUMNS,
  bulkHeaderKey,
  MAX_BULK_ROWS,
  parseBulkDeclaration,
  type BulkParseResult,
  type BulkProduct,
} from '../../../src/declarations/formats/bulk.js';
import {
  asWindows1252,
  bulkCsv,
  bulkXlsx,
  conflictingNamesCsv,
  damagedXlsx,
  emptyFile,
  headerOnlyCsv,
  manyRowsCsv,
  missingColumnCsv,
  notASpreadsheet,
  oldExcelFile,
  rowOfExtra,
  SAMPLE_ROWS,
  sampleWith,
  SCIP_UUID,
  type BulkFile,
  type BulkRowSpec,
} from '../../support/declaration-files/bulk.js';

const parse = (file: BulkFile): Promise<BulkParseResult> => parseBulkDeclaration(file.bytes, file.fileName);

function product(result: BulkParseResult, productNumber: string): BulkProduct {
  const found = result.products.find((p) => p.productNumber === productNumber);
  if (found === undefined) throw new Error(`no product ${productNumber} in the result`);
  return found;
}

async function refusal(file: BulkFile | Promise<BulkFile>): Promise<DeclarationError> {
  const { bytes, fileName } = await file;
  try {
    await parseBulkDeclaration(bytes, fileName);
  } catch (err) {
    if (err instanceof DeclarationError) return err;
    throw err;
  }
  throw new Error(`${fileName} was not refused`);
}

/**
 * The result without what legitimately differs between dialects: the format name, and the decimal comma in declared
 * texts (a concentration's `text` is kept as the supplier wrote it).
 */
function comparable(result: BulkParseResult): unknown {
  const json = JSON.stringify({ rows: result.rows, products: result.products }, (key, value: unknown) => {
    // The cells are the file's own text, which differs between dialects by design.
    if (key === 'format' || key === 'cells') return null;
    return key === 'text' && typeof value === 'string' ? value.replace(/(\d),(\d)/gu, '$1.$2') : value;
  });
  return JSON.parse(json) as unknown;
}

describe('declarations/formats/bulk', () => {
  describe('grouping', () => {
    it('when a CSV declares three products, then their rows become products with components, materials and substances in file order', async () => {
      const file = bulkCsv(SAMPLE_ROWS);

      const result = await parse(file);

      expect(result.format).to.equal('bulk-csv');
      expect(result.products.map((p) => [p.productNumber, p.productName, p.productKind, p.rows])).to.deep.equal([
        ['P-100', 'Infusionsset', 'article', [2, 3, 4, 5]],
        ['P-200', 'Kontorsstol', 'article', [6, 7]],
        ['P-300', 'Handdesinfektion', 'mixture', [8, 9]],
      ]);
      const infusion = product(result, 'P-100').content;
      expect(infusion).to.include({ productNumber: 'P-100', productName: 'Infusionsset', productMassMg: 25_000, declaredAt: '2026-03-01' });
      expect(infusion.components.map((c) => ({ name: c.name, massMg: c.massMg, materials: c.materials.map((m) => [m.name, m.massMg, m.substances.map((s) => s.cas?.value)]) }))).to.deep.equal([
        { name: 'Slang', massMg: 12_000, materials: [['PVC', 12_000, ['117-81-7', '8013-07-8']]] },
        { name: 'Koppling', massMg: 3_000, materials: [['ABS', 2_500, ['7439-92-1']]] },
      ]);
      expect(infusion.scipNumbers).to.deep.equal([SCIP_UUID]);
      expect(infusion.substances).to.deep.equal([]);
    });

    it('when a substance row has a component but no material, then the substance is declared on the component', async () => {
      const result = await parse(bulkCsv(SAMPLE_ROWS));

      const chair = product(result, 'P-200').content;

      expect(chair.components).to.have.length(1);
      expect(chair.components[0]?.materials).to.deep.equal([]);
      expect(chair.components[0]?.substances.map((s) => [s.name, s.concentration?.min, s.concentration?.max])).to.deep.equal([['Bis(pentabromophenyl) ether', 0.01, 0.1]]);
      expect(chair.statements).to.deep.equal([{ code: 'no-intentionally-added-pfas', text: 'no-intentionally-added-pfas' }]);
    });

    it('when a substance row has neither component nor material, then the substance is declared on the product', async () => {
      const result = await parse(bulkCsv(SAMPLE_ROWS));

      const disinfectant = product(result, 'P-300').content;

      expect(disinfectant.components).to.deep.equal([]);
      expect(disinfectant.substances.map((s) => [s.path, s.name, s.cas?.value, s.ec?.value])).to.deep.equal([
        ['row 8', 'Ethanol', '64-17-5', '200-578-6'],
        ['row 9', 'Glycerol', '56-81-5', undefined],
      ]);
    });

    it('when components and materials are named in different case on later rows, then they are the same component and material', async () => {
      const file = bulkCsv(sampleWith([{ product_number: 'P-100', component: 'SLANG', material: 'pvc', substance_name: 'Calcium stearate', cas: '1592-23-0', concentration: '0,2 %' }]));

      const result = await parse(file);

      const slang = product(result, 'P-100').content.components[0];
      expect(product(result, 'P-100').content.components).to.have.length(2);
      expect(slang?.materials[0]?.substances.map((s) => s.name)).to.deep.equal(['Bis(2-ethylhexyl) phthalate', 'Epoxidised soybean oil', 'Calcium stearate']);
    });

    it('when every row is valid, then every row is accepted without issues and no product is incomplete', async () => {
      const result = await parse(bulkCsv(SAMPLE_ROWS));

      expect(result.rows.map((r) => [r.row, r.status, r.productNumber])).to.deep.equal([
        [2, 'accepted', 'P-100'], [3, 'accepted', 'P-100'], [4, 'accepted', 'P-100'], [5, 'accepted', 'P-100'],
        [6, 'accepted', 'P-200'], [7, 'accepted', 'P-200'], [8, 'accepted', 'P-300'], [9, 'accepted', 'P-300'],
      ]);
      expect(result.rows.every((r) => r.issues.length === 0 && r.warnings.length === 0)).to.equal(true);
      expect(result.products.map((p) => [p.incomplete, p.rejectedRows])).to.deep.equal([[false, []], [false, []], [false, []]]);
    });

    it('when every product is built, from CSV or XLSX, then its content satisfies the DeclarationContent schema', async () => {
      const results = [await parse(bulkCsv(SAMPLE_ROWS)), await parse(await bulkXlsx(SAMPLE_ROWS))];

      for (const result of results) {
        for (const p of result.products) expect(() => DeclarationContent.parse(p.content), p.productNumber).not.to.throw();
      }
    });
  });

  describe('values', () => {
    it('when concentrations are given in ppm or mg/kg, then they are converted to % and the declared text is kept', async () => {
      const result = await parse(bulkCsv(SAMPLE_ROWS));

      const lead = product(result, 'P-100').content.components[1]?.materials[0]?.substances[0]?.concentration;
      const glycerol = product(result, 'P-300').content.substances[1]?.concentration;
      const ethanol = product(result, 'P-300').content.substances[0]?.concentration;

      expect(lead).to.include({ text: '500 ppm', min: 0.05, max: 0.05, unit: '%' });
      expect(glycerol).to.include({ text: '1000 mg/kg', min: 0.1, max: 0.1, unit: '%' });
      expect(ethanol).to.include({ text: '70-80 %', min: 70, max: 80, unit: '%' });
    });

    it('when masses are given in kg, g or with the unit in the cell, then they are converted to mg', async () => {
      const file = bulkCsv([
        { product_number: 'M-1', product_mass: '0,025 kg', component: 'Hjul', component_mass: 1.5, component_mass_unit: 'kg' },
        { product_number: 'M-1', component: 'Axel', component_mass: '250 µg', substance_name: 'Zinc', cas: '7440-66-6', substance_mass: 0.2, substance_mass_unit: 'mg' },
      ], { dialect: 'semicolon-sv' });

      const content = product(await parse(file), 'M-1').content;

      expect(content.productMassMg).to.equal(25_000);
      expect(content.components.map((c) => c.massMg)).to.deep.equal([1_500_000, 0.25]);
      expect(content.components[1]?.substances[0]?.massMg).to.equal(0.2);
    });

    it('when a substance is declared by mass only and another row gives its part\'s mass, then its concentration is its share of that part', async () => {
      const file = bulkCsv([
        { product_number: 'M-2', product_name: 'Kabel', component: 'Mantel', material: 'PVC', substance_name: 'Lead', cas: '7439-92-1', substance_mass: 5, substance_mass_unit: 'mg' },
        { product_number: 'M-2', component: 'Mantel', material: 'PVC', material_mass: 10, material_mass_unit: 'g' },
        { product_number: 'M-2', component: 'Mantel', substance_name: 'Zinc', cas: '7440-66-6', substance_mass: 1, substance_mass_unit: 'g' },
      ]);

      const content = product(await parse(file), 'M-2').content;

      expect(content.components[0]?.materials[0]?.substances[0]?.concentration).to.include({ min: 0.05, max: 0.05, unit: '%' });
      // The component's own mass is not declared: the zinc's share of it is unknown, and stays unknown.
      expect(content.components[0]?.substances[0]?.concentration).to.equal(null);
    });

    it('when a substance declared by mass weighs more than its part, then its row is rejected at substance_mass and its product incomplete', async () => {
      const file = bulkCsv([
        { product_number: 'M-3', product_name: 'Hink', component: 'Handtag', component_mass: 2, component_mass_unit: 'g', substance_name: 'Lead', cas: '7439-92-1', substance_mass: 3, substance_mass_unit: 'g' },
        { product_number: 'M-3', component: 'Handtag', substance_name: 'Zinc', cas: '7440-66-6', concentration: '1 %' },
      ]);

      const result = await parse(file);

      expect(result.rows[0]).to.include({ status: 'rejected' });
      expect(result.rows[0]?.issues.map((i) => i.path)).to.deep.equal(['row 2 column substance_mass']);
      const m3 = product(result, 'M-3');
      expect(m3).to.include({ incomplete: true });
      expect(m3.rows).to.deep.equal([3]);
      expect(m3.content.components[0]?.substances.map((s) => s.cas?.value)).to.deep.equal(['7440-66-6']);
    });

    it('when products are built, then each carries the cells of its accepted rows as read and the result the header as written', async () => {
      const result = await parse(bulkCsv(SAMPLE_ROWS, { columns: ['product_number', 'product_name', 'substance_name', 'cas', 'concentration'] }));

      expect(result.header).to.deep.equal(['product_number', 'product_name', 'substance_name', 'cas', 'concentration']);
      expect(product(result, 'P-300').cells).to.deep.equal([['P-300', 'Handdesinfektion', 'Ethanol', '64-17-5', '70-80 %'], ['P-300', '', 'Glycerol', '56-81-5', '']]);
    });

    it('when a statement is written with capitals and spaces, then its code is lower case with dashes and the text kept', async () => {
      const file = bulkCsv([{ product_number: 'S-1', statement: 'No intentionally added PFAS' }, { product_number: 'S-1', statement: 'no-intentionally-added-pfas' }]);

      const content = product(await parse(file), 'S-1').content;

      expect(content.statements).to.deep.equal([{ code: 'no-intentionally-added-pfas', text: 'No intentionally added PFAS' }]);
    });

    it('when a CAS RN has a wrong check digit, then the row is accepted, the number kept as invalid and a warning names the cell', async () => {
      // 117-81-8: DEHP's CAS RN with the check digit changed on purpose (the real one is 117-81-7).
      const file = bulkCsv(sampleWith([{ product_number: 'P-400', product_name: 'Handske', component: 'Manschett', substance_name: 'DEHP', cas: '117-81-8', concentration: '0,05 %' }]));

      const result = await parse(file);

      const row = result.rows.find((r) => r.row === rowOfExtra(0));
      expect(row?.status).to.equal('accepted');
      expect(row?.warnings.map((w) => w.path)).to.deep.equal([`row ${rowOfExtra(0)} column cas`]);
      const content = product(result, 'P-400').content;
      expect(content.components[0]?.substances[0]?.cas).to.include({ printed: '117-81-8', valid: false });
      expect(content.warnings).to.deep.equal(row?.warnings);
      expect(product(result, 'P-400').incomplete).to.equal(false);
    });
  });

  describe('dialects', () => {
    it('when the same declaration comes as comma, Swedish semicolon, tab, titled-header CSV and as XLSX, then the result is the same', async () => {
      const reference = comparable(await parse(bulkCsv(SAMPLE_ROWS)));
      const variants = [
        bulkCsv(SAMPLE_ROWS, { dialect: 'semicolon-sv', headers: 'swedish' }),
        bulkCsv(SAMPLE_ROWS, { dialect: 'semicolon-sv' }),
        bulkCsv(SAMPLE_ROWS, { dialect: 'tab', headers: 'titled' }),
        await bulkXlsx(SAMPLE_ROWS),
        await bulkXlsx(SAMPLE_ROWS, { headers: 'swedish' }),
      ];

      for (const file of variants) {
        const result = await parse(file);
        expect(comparable(result), file.fileName).to.deep.equal(reference);
      }
    });

    it('when a Swedish CSV comes in Windows-1252 (Excel\'s plain CSV), then it reads the same as the UTF-8 file', async () => {
      const utf8 = bulkCsv(SAMPLE_ROWS, { dialect: 'semicolon-sv', headers: 'swedish' });
      const legacy = asWindows1252(utf8);
      expect(legacy.bytes.length, 'the fixture is not UTF-8').to.be.below(utf8.bytes.length);

      const result = await parse(legacy);

      expect(comparable(result)).to.deep.equal(comparable(await parse(utf8)));
      expect(result.ignoredColumns).to.deep.equal([]);
    });

    it('when a Swedish CSV writes a decimal comma, then the value is read and the declared text kept as written', async () => {
      const result = await parse(bulkCsv(SAMPLE_ROWS, { dialect: 'semicolon-sv', headers: 'swedish' }));

      const dehp = product(result, 'P-100').content.components[0]?.materials[0]?.substances[0]?.concentration;
      const esbo = product(result, 'P-100').content.components[0]?.materials[0]?.substances[1]?.concentration;

      expect(dehp).to.include({ text: '30,5 %', min: 30.5, max: 30.5 });
      expect(esbo).to.include({ min: 2.5, max: 2.5 });
    });

    it('when an XLSX is read, then the format is bulk-xlsx and the date and number cells become the same values as the CSV text', async () => {
      const result = await parse(await bulkXlsx(SAMPLE_ROWS));

      expect(result.format).to.equal('bulk-xlsx');
      expect(result.products.every((p) => p.content.format === 'bulk-xlsx')).to.equal(true);
      expect(product(result, 'P-100').content.declaredAt).to.equal('2026-03-01');
    });

    it('when an XLSX has blank rows above the header and a second sheet, then the header is the first non-empty row and only the first sheet is read', async () => {
      const file = await bulkXlsx(SAMPLE_ROWS, { blankRowsAbove: 2 });

      const result = await parse(file);

      expect(result.rows.map((r) => r.row)).to.deep.equal([4, 5, 6, 7, 8, 9, 10, 11]);
      expect(result.products.map((p) => p.productNumber)).to.deep.equal(['P-100', 'P-200', 'P-300']);
    });

    it('when a CSV starts with Excel\'s "sep=;" line, then that delimiter is used and line numbers still count it', async () => {
      const text = 'sep=;\r\nproduct_number;substance_name;concentration\r\nA-1;Ethanol;5,5 %\r\n';

      const result = await parseBulkDeclaration(new TextEncoder().encode(text), 'sep.csv');

      expect(result.rows.map((r) => [r.row, r.status])).to.deep.equal([[3, 'accepted']]);
      expect(product(result, 'A-1').content.substances[0]?.concentration).to.include({ min: 5.5, max: 5.5 });
    });

    it('when a header gives the unit in brackets, then the column\'s cells without a unit take it', async () => {
      const text = 'Artikelnummer;Ämne;CAS-nummer;Halt (%);Produktvikt (g)\r\nA-1;Etanol;64-17-5;0,05;12,5\r\nA-1;Glycerol;56-81-5;0,2 %;\r\n';

      const result = await parseBulkDeclaration(new TextEncoder().encode(text), 'units.csv');

      const content = product(result, 'A-1').content;
      expect(result.ignoredColumns).to.deep.equal([]);
      expect(content.productMassMg).to.equal(12_500);
      expect(content.substances.map((s) => [s.concentration?.text, s.concentration?.min])).to.deep.equal([['0,05 %', 0.05], ['0,2 %', 0.2]]);
    });

    it('when a unit in a cell contradicts the unit of its column, then the row is rejected', async () => {
      const text = 'product_number,substance_name,concentration (%),concentration_value,concentration_unit,product_mass (kg)\nA-1,Lead,500 ppm,,,\nA-1,Zinc,,0.5 ppm,%,\nA-1,,,,,25 g\nA-1,Tin,,0.5 %,,\n';

      const result = await parseBulkDeclaration(new TextEncoder().encode(text), 'contradictions.csv');

      expect(result.rows.map((r) => [r.row, r.status, r.issues.map((i) => i.path)])).to.deep.equal([
        [2, 'rejected', ['row 2 column concentration']],
        [3, 'rejected', ['row 3 column concentration_value']],
        [4, 'rejected', ['row 4 column product_mass']],
        [5, 'accepted', []],
      ]);
    });

    it('when an XLSX concentration cell is formatted as percent, then it is read as the percentage Excel shows', async () => {
      // Arrange: Excel stores "0,05 %" as the number 0.0005 with a percent format.
      const wb = new ExcelJS.Workbook();
      const ws = wb.addWorksheet('Deklaration');
      ws.addRow(['product_number', 'product_name', 'cas', 'concentration_value', 'concentration']);
      ws.addRow(['A-1', 'Handske', '117-81-7', null, 0.0005]);
      ws.getCell('E2').numFmt = '0.00%';
      const bytes = new Uint8Array(await wb.xlsx.writeBuffer());

      // Act
      const result = await parseBulkDeclaration(bytes, 'percent.xlsx');

      // Assert
      expect(result.rows.map((r) => r.status)).to.deep.equal(['accepted']);
      expect(product(result, 'A-1').content.substances[0]?.concentration).to.include({ min: 0.05, max: 0.05, unit: '%' });
    });

    it('when the header has columns chemreg does not know, then they are ignored and named', async () => {
      const text = '\uFEFFProduct Number,Kommentar,CAS-nummer\nA-1,see sheet 2,64-17-5\n';

      const result = await parseBulkDeclaration(new TextEncoder().encode(text), 'extra.csv');

      expect(result.ignoredColumns).to.deep.equal(['Kommentar']);
      expect(product(result, 'A-1').content.substances[0]?.cas?.value).to.equal('64-17-5');
    });

    it('when the column set is defined, then every header name and alias leads to exactly one column', () => {
      const owner = new Map<string, string>();
      const clashes: string[] = [];

      for (const column of BULK_COLUMNS) {
        for (const header of new Set([column.name, ...column.aliases].map(bulkHeaderKey))) {
          const earlier = owner.get(header);
          if (earlier !== undefined && earlier !== column.name) clashes.push(`${header}: ${earlier} and ${column.name}`);
          owner.set(header, column.name);
        }
      }

      expect(clashes).to.deep.equal([]);
      expect(BULK_COLUMNS.filter((c) => c.required === 'yes').map((c) => c.name)).to.deep.equal(['product_number']);
    });
  });

  describe('rejected rows', () => {
    const at = (column: string) => `row ${rowOfExtra(0)} column ${column}`;
    const cases: ReadonlyArray<{ what: string; row: BulkRowSpec; path: string; message: RegExp }> = [
      { what: 'a concentration unit is unknown', row: { product_number: 'P-100', component: 'Slang', material: 'PVC', substance_name: 'Lead', cas: '7439-92-1', concentration_value: 5, concentration_unit: 'ppb' }, path: at('concentration_unit'), message: /unknown unit "ppb"/u },
      { what: 'a concentration text is above 100 %', row: { product_number: 'P-300', substance_name: 'Water', cas: '7732-18-5', concentration: '150 %' }, path: at('concentration'), message: /100 %/u },
      { what: 'a concentration value is above 100 % once converted', row: { product_number: 'P-300', substance_name: 'Water', cas: '7732-18-5', concentration_value: 2_000_000, concentration_unit: 'ppm' }, path: at('concentration_value'), message: /more than 100 %/u },
      { what: 'a range has min above max', row: { product_number: 'P-300', substance_name: 'Water', cas: '7732-18-5', concentration_min: 5, concentration_max: 1, concentration_unit: '%' }, path: at('concentration_min'), message: /min 5 is above max 1/u },
      { what: 'a text range has its bounds reversed', row: { product_number: 'P-300', substance_name: 'Water', cas: '7732-18-5', concentration: '10-5 %' }, path: at('concentration'), message: /./u },
      { what: 'a component mass is negative', row: { product_number: 'P-200', component: 'Ben', component_mass: -3, component_mass_unit: 'g' }, path: at('component_mass'), message: /not a mass/u },
      { what: 'a mass unit is unknown', row: { product_number: 'P-200', component: 'Ben', material: 'Stål', material_mass: 3, material_mass_unit: 'lb' }, path: at('material_mass_unit'), message: /unknown mass unit "lb"/u },
      { what: 'a mass has no unit', row: { product_number: 'P-200', product_mass: 12 }, path: at('product_mass_unit'), message: /needs a unit/u },
      { what: 'a concentration is unreadable', row: { product_number: 'P-300', substance_name: 'Water', cas: '7732-18-5', concentration: 'trace amounts' }, path: at('concentration'), message: /not a concentration/u },
      { what: 'a concentration text has no unit and there is no unit column value', row: { product_number: 'P-300', substance_name: 'Water', cas: '7732-18-5', concentration: '0,5' }, path: at('concentration'), message: /no unit/u },
      { what: 'a concentration value is not a number', row: { product_number: 'P-300', substance_name: 'Water', cas: '7732-18-5', concentration_value: 'some', concentration_unit: '%' }, path: at('concentration_value'), message: /not a number/u },
      { what: 'a concentration is given both as text and as numbers', row: { product_number: 'P-300', substance_name: 'Water', cas: '7732-18-5', concentration: '1 %', concentration_value: 1, concentration_unit: '%' }, path: at('concentration'), message: /not both/u },
      { what: 'a concentration is given without a substance', row: { product_number: 'P-300', concentration: '1 %' }, path: at('substance_name'), message: /needs a substance/u },
      { what: 'a material is given without a component', row: { product_number: 'P-200', material: 'Polyamid', substance_name: 'Water', cas: '7732-18-5', concentration: '1 %' }, path: at('component'), message: /needs the component/u },
      { what: 'a product kind is unknown', row: { product_number: 'P-200', product_kind: 'gadget' }, path: at('product_kind'), message: /not a product kind/u },
      { what: 'a date does not exist', row: { product_number: 'P-200', declared_at: '2026-02-30' }, path: at('declared_at'), message: /not a date/u },
      { what: 'a SCIP number is not a UUID', row: { product_number: 'P-200', scip_number: 'SCIP-123' }, path: at('scip_number'), message: /not a SCIP number/u },
      { what: 'a statement is free text', row: { product_number: 'P-200', statement: 'Inga PFAS!' }, path: at('statement'), message: /not a statement code/u },
      { what: 'a component mass contradicts an earlier row', row: { product_number: 'P-100', component: 'Slang', component_mass: 13, component_mass_unit: 'g' }, path: at('component_mass'), message: /12000 mg in row 2/u },
      { what: 'a substance is declared twice for the same material', row: { product_number: 'P-100', component: 'Slang', material: 'pvc', substance_name: 'DEHP', cas: '117-81-7', concentration: '20 %' }, path: at('cas'), message: /already declared .* in row 2/u },
      { what: 'a product kind contradicts an earlier row', row: { product_number: 'P-300', product_kind: 'article' }, path: at('product_kind'), message: /"mixture" in row 8/u },
      { what: 'a declaration date contradicts an earlier row', row: { product_number: 'P-100', declared_at: '2026-04-01' }, path: at('declared_at'), message: /2026-03-01 in row 2/u },
    ];

    for (const { what, row, path, message } of cases) {
      it(`when ${what}, then that row is rejected with the issue at ${path.replace(/^row \d+ /u, '')} and its product marked incomplete`, async () => {
        const file = bulkCsv(sampleWith([row]));

        const result = await parse(file);

        const report = result.rows.find((r) => r.row === rowOfExtra(0));
        expect(report?.status).to.equal('rejected');
        expect(report?.issues.map((i) => i.path)).to.deep.equal([path]);
        expect(report?.issues[0]?.message).to.match(message);
        expect(result.rows.filter((r) => r.status === 'rejected')).to.have.length(1);
        const owner = product(result, String(row.product_number));
        expect(owner).to.include({ incomplete: true });
        expect(owner.rejectedRows).to.deep.equal([rowOfExtra(0)]);
      });
    }

    it('when a row has no product number, then it is rejected with productNumber null and belongs to no product', async () => {
      const file = bulkCsv(sampleWith([{ product_number: '', substance_name: 'Ethanol', cas: '64-17-5', concentration: '5 %' }]));

      const result = await parse(file);

      expect(result.rows.at(-1)).to.deep.include({ row: rowOfExtra(0), status: 'rejected', productNumber: null });
      expect(result.rows.at(-1)?.issues.map((i) => i.path)).to.deep.equal([`row ${rowOfExtra(0)} column product_number`]);
      expect(result.products.every((p) => !p.incomplete)).to.equal(true);
    });

    it('when a row of a product is rejected, then the product is built from its other rows only', async () => {
      const complete = product(await parse(bulkCsv(SAMPLE_ROWS)), 'P-100');
      const file = bulkCsv(sampleWith([{ product_number: 'P-100', component: 'Slang', material: 'PVC', substance_name: 'Lead', cas: '7439-92-1', concentration: '150 %' }]));

      const partial = product(await parse(file), 'P-100');

      expect(partial.content).to.deep.equal(complete.content);
      expect(partial.rows).to.deep.equal(complete.rows);
      expect(partial).to.include({ incomplete: true });
    });

    it('when every row of a product is rejected, then the product is left out and its rows are still reported', async () => {
      const file = bulkCsv(sampleWith([
        { product_number: 'P-500', product_name: 'Tvål', substance_name: 'Glycerol', concentration: 'lots' },
        { product_number: 'P-500', substance_name: 'Water', concentration: '120 %' },
      ]));

      const result = await parse(file);

      expect(result.products.map((p) => p.productNumber)).to.deep.equal(['P-100', 'P-200', 'P-300']);
      expect(result.rows.filter((r) => r.productNumber === 'P-500').map((r) => r.status)).to.deep.equal(['rejected', 'rejected']);
    });

    it('when a row has several problems, then every one is reported', async () => {
      const file = bulkCsv(sampleWith([{ product_number: 'P-200', product_kind: 'gadget', component: 'Ben', component_mass: -1, component_mass_unit: 'g', scip_number: 'x' }]));

      const result = await parse(file);

      expect(result.rows.at(-1)?.issues.map((i) => i.path)).to.have.members([at('product_kind'), at('component_mass'), at('scip_number')]);
    });
  });

  describe('refused files', () => {
    it('when the file is not text or a workbook, then DECLARATION_FORMAT_UNKNOWN is thrown for the file', async () => {
      for (const file of [notASpreadsheet(), oldExcelFile(), await damagedXlsx()]) {
        const error = await refusal(file);

        expect(error.code, file.fileName).to.equal('DECLARATION_FORMAT_UNKNOWN');
        expect(error.issues.map((i) => i.path), file.fileName).to.deep.equal(['file']);
      }
    });

    it('when the header lacks the product_number column, then DECLARATION_INVALID names the missing column at header', async () => {
      const error = await refusal(missingColumnCsv());

      expect(error.code).to.equal('DECLARATION_INVALID');
      expect(error.issues).to.have.length(1);
      expect(error.issues[0]?.path).to.equal('header');
      expect(error.issues[0]?.message).to.match(/missing required column product_number/u);
    });

    it('when the header has two columns meaning the same thing, then DECLARATION_INVALID is thrown at header', async () => {
      const error = await refusal({ fileName: 'twice.csv', bytes: new TextEncoder().encode('product_number,cas,CAS-nummer\nA-1,64-17-5,64-17-5\n') });

      expect(error.code).to.equal('DECLARATION_INVALID');
      expect(error.issues.map((i) => i.path)).to.deep.equal(['header']);
      expect(error.message).to.match(/"cas" and "CAS-nummer" are both cas/u);
    });

    it('when the file is empty, then DECLARATION_INVALID is thrown for the file', async () => {
      for (const file of [emptyFile(), { fileName: 'blank.csv', bytes: new TextEncoder().encode('\r\n\r\n') }, await bulkXlsx([], { columns: [] })]) {
        const error = await refusal(file);

        expect(error.code, file.fileName).to.equal('DECLARATION_INVALID');
        expect(error.issues.map((i) => i.path), file.fileName).to.deep.equal(['file']);
      }
    });

    it('when the file has a header but no data rows, then DECLARATION_INVALID is thrown for the file', async () => {
      const error = await refusal(headerOnlyCsv());

      expect(error.code).to.equal('DECLARATION_INVALID');
      expect(error.issues.map((i) => i.path)).to.deep.equal(['file']);
      expect(error.message).to.match(/no data rows/u);
    });

    it('when one product number has two different product names, then DECLARATION_INVALID names the second row', async () => {
      const error = await refusal(conflictingNamesCsv());

      expect(error.code).to.equal('DECLARATION_INVALID');
      expect(error.issues.map((i) => i.path)).to.deep.equal([`row ${rowOfExtra(0)} column product_name`]);
      expect(error.issues[0]?.message).to.match(/"Infusionsset" in row 2/u);
    });

    it('when a product name differs only in case and spacing, then it is the same name', async () => {
      const file = bulkCsv(sampleWith([{ product_number: 'P-100', product_name: ' INFUSIONSSET ', component: 'Slang' }]));

      const result = await parse(file);

      expect(product(result, 'P-100').productName).to.equal('Infusionsset');
    });

    it(`when the file has more than ${MAX_BULK_ROWS} data rows, then DECLARATION_INVALID is thrown for the file`, async () => {
      const error = await refusal(manyRowsCsv(MAX_BULK_ROWS + 1));

      expect(error.code).to.equal('DECLARATION_INVALID');
      expect(error.issues.map((i) => i.path)).to.deep.equal(['file']);
      expect(error.message).to.match(/at most 50000/u);
    });
  });
});
