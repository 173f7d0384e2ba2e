// IPC-1752A XML declarations built in memory from a small spec, written the way declaration tools write them: the
// IPC 175x namespace on MainDeclaration (as the default namespace or with a prefix), BusinessInfo/Response with the
// response date, Include/Sectional/SubSectional naming the class, Product/ProductID with the product's Amount, and
// values in attributes (Amount@value/@UOM, SubstanceID@identity/@authority, Threshold@overThreshold/@threshold).
// Class C: SubstanceCategoryList per declarable list, one SubstanceCategory per substance group with its Threshold
// answer. Class D: MaterialInfo/HomogeneousMaterialList/HomogeneousMaterial with their substances.
//
// Version 1.1 documents are written with the 1.1 namespace and `UniqueID` for substance identifiers, the alternative
// naming the parser accepts; the standard's 1.1 element names could not be confirmed (see src/declarations/formats/
// ipc-1752a.ts). Substance names, CAS RNs and list codes are public facts; masses are made up so that the
// concentrations they give are round. Tests never read ../shared: everything here is generated.

export type Ipc1752aVersion = '1.1' | '2.0';

export interface AmountSpec {
  value: number | string;
  uom: string;
}

export interface SubstanceSpec {
  name: string;
  cas?: string;
  ec?: string;
  /** Amount: a mass (mg, g, kg) or a share (ppm, massPercent). */
  amount?: AmountSpec;
  /** A second value as a Concentration element, beside a mass Amount. */
  concentration?: AmountSpec;
}

export interface MaterialSpec {
  name: string;
  group?: string;
  mass?: AmountSpec;
  substances: SubstanceSpec[];
}

export interface SubProductSpec {
  name: string;
  number: string;
  mass?: AmountSpec;
  materials: MaterialSpec[];
  subProducts?: SubProductSpec[];
}

export interface CategorySpec {
  name: string;
  /** The class C answer: is a substance of this group present above the threshold? A string writes it as is. */
  overThreshold: boolean | string;
  threshold: string;
  substances?: SubstanceSpec[];
}

export interface ListSpec {
  identity: string;
  authority?: string;
  revision?: string;
  categories: CategorySpec[];
}

export interface Ipc1752aSpec {
  version: Ipc1752aVersion;
  /** 'ipc' writes <ipc:MainDeclaration xmlns:ipc="…">; null declares the default namespace. */
  prefix: string | null;
  /** null leaves out Include, so the class must be inferred. */
  declarationClass: 'C' | 'D' | null;
  responseDate: string;
  product: { name: string; number: string; mass?: AmountSpec; scipNumber?: string };
  lists: ListSpec[];
  materials: MaterialSpec[];
  subProducts: SubProductSpec[];
}

export interface Ipc1752aFixture {
  fileName: string;
  text: string;
  bytes: Uint8Array;
}

/** A broken document and what the parser must answer: the error code and the path of the (first) issue. */
export interface BrokenIpc1752a extends Ipc1752aFixture {
  expected: { code: 'DECLARATION_FORMAT_UNKNOWN' | 'DECLARATION_INVALID'; path: string };
}

export const NAMESPACES: Readonly<Record<Ipc1752aVersion, string>> = {
  '1.1': 'http://webstds.ipc.org/175x/1.1',
  '2.0': 'http://webstds.ipc.org/175x/2.0',
};

// --- Writing XML -------------------------------------------------------------------------------------------------------

interface Node {
  name: string;
  attributes?: Record<string, string | number | undefined>;
  children?: Node[];
}

const escapeXml = (value: string): string =>
  value.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;').replace(/"/gu, '&quot;');

function write(node: Node, prefix: string | null, depth: number, rootAttributes: Record<string, string> = {}): string {
  const indent = '  '.repeat(depth);
  const name = prefix === null ? node.name : `${prefix}:${node.name}`;
  const attributes = Object.entries({ ...rootAttributes, ...node.attributes })
    .filter((entry): entry is [string, string | number] => entry[1] !== undefined)
    .map(([key, value]) => ` ${key}="${escapeXml(String(value))}"`)
    .join('');
  const children = node.children ?? [];
  if (children.length === 0) return `${indent}<${name}${attributes}/>`;
  return [`${indent}<${name}${attributes}>`, ...children.map((c) => write(c, prefix, depth + 1)), `${indent}</${name}>`].join('\n');
}

const amount = (spec: AmountSpec | undefined, name = 'Amount'): Node[] => (spec === undefined ? [] : [{ name, attributes: { value: spec.value, UOM: spec.uom } }]);

function substanceNode(spec: SubstanceSpec, version: Ipc1752aVersion): Node {
  const idElement = version === '1.1' ? 'UniqueID' : 'SubstanceID';
  const ids: Node[] = [];
  if (spec.cas !== undefined) ids.push({ name: idElement, attributes: { identity: spec.cas, authority: 'CAS' } });
  if (spec.ec !== undefined) ids.push({ name: idElement, attributes: { identity: spec.ec, authority: 'EC' } });
  return { name: 'Substance', attributes: { name: spec.name }, children: [...ids, ...amount(spec.amount), ...amount(spec.concentration, 'Concentration')] };
}

/** Class D groups a material's substances in one category list, as the tools seen do. */
function materialNode(spec: MaterialSpec, version: Ipc1752aVersion): Node {
  return {
    name: 'HomogeneousMaterial',
    attributes: { name: spec.name, materialGroupName: spec.group },
    children: [
      ...amount(spec.mass),
      {
        name: 'SubstanceCategoryList',
        children: [{ name: 'SubstanceCategory', attributes: { name: 'Declared substances' }, children: spec.substances.map((s) => substanceNode(s, version)) }],
      },
    ],
  };
}

function listNode(spec: ListSpec, version: Ipc1752aVersion): Node {
  return {
    name: 'SubstanceCategoryList',
    children: [
      { name: 'SubstanceCategoryListID', attributes: { identity: spec.identity, authority: spec.authority ?? 'IPC', revision: spec.revision } },
      ...spec.categories.map((c): Node => ({
        name: 'SubstanceCategory',
        attributes: { name: c.name, reportableApplication: 'All' },
        children: [
          { name: 'Threshold', attributes: { overThreshold: String(c.overThreshold), threshold: c.threshold } },
          ...(c.substances ?? []).map((s) => substanceNode(s, version)),
        ],
      })),
    ],
  };
}

function materialInfo(lists: ListSpec[], materials: MaterialSpec[], version: Ipc1752aVersion): Node[] {
  const children: Node[] = lists.map((l) => listNode(l, version));
  if (materials.length > 0) children.push({ name: 'HomogeneousMaterialList', children: materials.map((m) => materialNode(m, version)) });
  return children.length === 0 ? [] : [{ name: 'MaterialInfo', children }];
}

function subProductNode(spec: SubProductSpec, version: Ipc1752aVersion): Node {
  return {
    name: 'SubProduct',
    attributes: { unitType: 'Each', numberOfInstances: 1 },
    children: [
      { name: 'ProductID', attributes: { itemName: spec.name, itemNumber: spec.number }, children: amount(spec.mass) },
      ...materialInfo([], spec.materials, version),
      ...(spec.subProducts ?? []).map((s) => subProductNode(s, version)),
    ],
  };
}

/** The XML text of `spec`. */
export function ipc1752aXml(spec: Ipc1752aSpec): string {
  const { version, prefix } = spec;
  const root: Node = {
    name: 'MainDeclaration',
    children: [
      {
        name: 'BusinessInfo',
        children: [
          {
            name: 'Response',
            attributes: { date: spec.responseDate },
            children: [{ name: 'SupplyCompany', attributes: { name: 'Nordisk Medicinteknik AB' } }],
          },
          { name: 'Declaration', attributes: { legalType: 'Standard', supplierAcceptance: 'true' } },
        ],
      },
      ...(spec.declarationClass === null
        ? []
        : [{ name: 'Include', children: [{ name: 'Sectional', attributes: { name: 'MaterialInfo' }, children: [{ name: 'SubSectional', attributes: { name: spec.declarationClass } }] }] }]),
      {
        name: 'Product',
        attributes: { unitType: 'Each' },
        children: [
          { name: 'ProductID', attributes: { itemName: spec.product.name, itemNumber: spec.product.number, scipNumber: spec.product.scipNumber }, children: amount(spec.product.mass) },
          ...spec.subProducts.map((s) => subProductNode(s, version)),
          ...materialInfo(spec.lists, spec.materials, version),
        ],
      },
    ],
  };
  const rootAttributes: Record<string, string> = {
    [prefix === null ? 'xmlns' : `xmlns:${prefix}`]: NAMESPACES[version],
    'xmlns:xsi': 'http://www.w3.org/2001/XMLSchema-instance',
    version,
  };
  return `<?xml version="1.0" encoding="UTF-8"?>\n${write(root, prefix, 0, rootAttributes)}\n`;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

function fixture(text: string, fileName: string): Ipc1752aFixture {
  return { fileName, text, bytes: encode(text) };
}

export function buildIpc1752a(spec: Ipc1752aSpec, fileName = `${spec.product.number}-ipc1752a.xml`): Ipc1752aFixture {
  return fixture(ipc1752aXml(spec), fileName);
}

// --- Class C -----------------------------------------------------------------------------------------------------------

/** A nitrile glove's class C declaration: RoHS, the Candidate List (DEHP above 0.1 %), Annex XVII, POPs, IEC 62474. */
export function classCSpec(overrides: Partial<Ipc1752aSpec> = {}): Ipc1752aSpec {
  return {
    version: '2.0',
    prefix: null,
    declarationClass: 'C',
    responseDate: '2026-02-17',
    product: { name: 'Nitrile examination glove, powder-free, M', number: 'NG-200-M', mass: { value: 3.2, uom: 'g' }, scipNumber: '3fa85f64-5717-4562-b3fc-2c963f66afa6' },
    lists: [
      {
        identity: 'EUROHS-1907',
        revision: '2015/863',
        categories: [
          { name: 'Lead/Lead Compounds', overThreshold: false, threshold: '0.1 mass% of homogeneous material' },
          { name: 'Cadmium/Cadmium Compounds', overThreshold: false, threshold: '0.01 mass% of homogeneous material' },
        ],
      },
      {
        identity: 'EUREACH-0624',
        revision: '2024-06-27',
        categories: [
          {
            name: 'Bis(2-ethylhexyl) phthalate (DEHP)',
            overThreshold: true,
            threshold: '0.1 mass% of article',
            substances: [{ name: 'Bis(2-ethylhexyl) phthalate', cas: '117-81-7', ec: '204-211-0', amount: { value: 0.15, uom: 'massPercent' } }],
          },
          { name: 'Diisobutyl phthalate (DIBP)', overThreshold: false, threshold: '0.1 mass% of article' },
        ],
      },
      { identity: 'EU REACH Annex XVII', categories: [{ name: 'Entry 51: phthalates in plasticised material', overThreshold: false, threshold: '0.1 mass% of plasticised material' }] },
      { identity: 'EU REACH Annex XIV', categories: [{ name: 'Substances subject to authorisation', overThreshold: false, threshold: '0.1 mass% of article' }] },
      { identity: 'EU POPs Regulation (EU) 2019/1021', categories: [{ name: 'Short-chain chlorinated paraffins (SCCP)', overThreshold: false, threshold: '1500 mg/kg' }] },
      { identity: 'IEC 62474 D27.00', authority: 'IEC', categories: [{ name: 'Perfluorooctane sulfonates (PFOS)', overThreshold: false, threshold: '1000 mg/kg' }] },
    ],
    materials: [],
    subProducts: [],
    ...overrides,
  };
}

export const buildClassC = (overrides: Partial<Ipc1752aSpec> = {}): Ipc1752aFixture => buildIpc1752a(classCSpec(overrides));

// --- Class D -----------------------------------------------------------------------------------------------------------

/**
 * An ECG patient cable's full material declaration. Material 0 gives substance masses only (the concentrations come
 * from the masses: 1 %, 65 %, 25 %, 9 %), material 1 gives shares (99.95 massPercent, 500 ppm = 0.05 %), material 2
 * gives both for polycarbonate (3.8 g of 4 g and 95 massPercent, which agree).
 */
export function classDSpec(overrides: Partial<Ipc1752aSpec> = {}): Ipc1752aSpec {
  return {
    version: '2.0',
    prefix: null,
    declarationClass: 'D',
    responseDate: '2026-03-11',
    product: { name: 'ECG patient cable, 5-lead', number: 'EKG-5P-120', mass: { value: 48, uom: 'g' } },
    lists: [],
    materials: [
      {
        name: 'Cable jacket, plasticised PVC',
        group: 'PVC',
        mass: { value: 32, uom: 'g' },
        substances: [
          { name: 'Polyvinyl chloride', cas: '9002-86-2', amount: { value: 20.8, uom: 'g' } },
          { name: 'Bis(2-ethylhexyl) phthalate', cas: '117-81-7', amount: { value: 320, uom: 'mg' } },
          { name: '1,2-Cyclohexanedicarboxylic acid, diisononyl ester (DINCH)', cas: '166412-78-8', amount: { value: 8, uom: 'g' } },
          { name: 'Calcium carbonate', cas: '471-34-1', amount: { value: 2880, uom: 'mg' } },
        ],
      },
      {
        name: 'Conductor, copper wire',
        group: 'Copper and its alloys',
        mass: { value: 12000, uom: 'mg' },
        substances: [
          { name: 'Copper', cas: '7440-50-8', amount: { value: 99.95, uom: 'massPercent' } },
          { name: 'Lead', cas: '7439-92-1', amount: { value: 500, uom: 'ppm' } },
        ],
      },
      {
        name: 'Connector housing, polycarbonate',
        group: 'PC',
        mass: { value: 4, uom: 'g' },
        substances: [
          { name: 'Polycarbonate', cas: '25037-45-0', amount: { value: 3.8, uom: 'g' }, concentration: { value: 95, uom: 'massPercent' } },
          { name: 'Bisphenol A', cas: '80-05-7', amount: { value: 0.4, uom: 'mg' } },
          { name: 'Carbon black', cas: '1333-86-4', amount: { value: 199.6, uom: 'mg' } },
        ],
      },
    ],
    subProducts: [],
    ...overrides,
  };
}

export const buildClassD = (overrides: Partial<Ipc1752aSpec> = {}): Ipc1752aFixture => buildIpc1752a(classDSpec(overrides));

/** Class D with a sub-product (the lead wire set) that itself holds a sub-product (the snap clip). */
export function classDWithSubProducts(): Ipc1752aFixture {
  const spec = classDSpec();
  return buildIpc1752a({
    ...spec,
    materials: spec.materials.slice(0, 1),
    subProducts: [
      {
        name: 'Lead wire set',
        number: 'LW-5',
        mass: { value: 16, uom: 'g' },
        materials: [spec.materials[1] as MaterialSpec],
        subProducts: [
          {
            name: 'Snap clip',
            number: 'SC-1',
            mass: { value: 4000, uom: 'mg' },
            materials: [{ name: 'Clip spring, nickel-plated steel', mass: { value: 2, uom: 'g' }, substances: [{ name: 'Nickel', cas: '7440-02-0', amount: { value: 40, uom: 'mg' } }] }],
          },
        ],
      },
    ],
  });
}

// --- Paths the parser must name --------------------------------------------------------------------------------------

const MATERIALS = 'Product.MaterialInfo.HomogeneousMaterialList';
/** The path of substance `s` of material `m` in a document written by this generator. */
export const substancePath = (m: number, s: number): string =>
  `${MATERIALS}.HomogeneousMaterial[${m}].SubstanceCategoryList[0].SubstanceCategory[0].Substance[${s}]`;
export const materialPath = (m: number): string => `${MATERIALS}.HomogeneousMaterial[${m}]`;

// --- Broken variants -----------------------------------------------------------------------------------------------------

/** Line and column (1-based) of the first occurrence of `needle`, as an XML parser reports a position. */
function position(text: string, needle: string): string {
  const index = text.indexOf(needle);
  if (index < 0) throw new Error(`"${needle}" not in the fixture`);
  const before = text.slice(0, index);
  const line = before.split('\n').length;
  const column = index - before.lastIndexOf('\n');
  return `line ${line} column ${column}`;
}

/** A closing tag misspelt, as a hand-edited file has it. */
export function malformedIpc1752a(): BrokenIpc1752a {
  const broken = ipc1752aXml(classDSpec()).replace('</HomogeneousMaterialList>', '</HomogeneousMaterialLst>');
  return { ...fixture(broken, 'malformed.xml'), expected: { code: 'DECLARATION_FORMAT_UNKNOWN', path: position(broken, '</HomogeneousMaterialLst>') } };
}

/** Another IPC standard's document (IPC-2581 board data) uploaded as a declaration. */
export function wrongRootIpc1752a(): BrokenIpc1752a {
  const text = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    '<IPC-2581 revision="B" xmlns="http://webstds.ipc.org/2581">',
    '  <Content roleRef="Owner"><FunctionMode mode="ASSEMBLY"/></Content>',
    '</IPC-2581>',
    '',
  ].join('\n');
  return { ...fixture(text, 'board.xml'), expected: { code: 'DECLARATION_FORMAT_UNKNOWN', path: 'IPC-2581' } };
}

/** MainDeclaration, but in a namespace that is not IPC 175x. */
export function foreignNamespaceIpc1752a(): BrokenIpc1752a {
  const text = ipc1752aXml(classCSpec()).replace(NAMESPACES['2.0'], 'urn:example:declarations');
  return { ...fixture(text, 'foreign.xml'), expected: { code: 'DECLARATION_FORMAT_UNKNOWN', path: 'MainDeclaration' } };
}

function withSubstance(m: number, s: number, change: (substance: SubstanceSpec) => SubstanceSpec): Ipc1752aSpec {
  const spec = classDSpec();
  const materials = spec.materials.map((material, mi) =>
    mi !== m ? material : { ...material, substances: material.substances.map((substance, si) => (si === s ? change(substance) : substance)) },
  );
  return { ...spec, materials };
}

/** Lead in the copper wire declared in "lb". */
export function unknownUnitIpc1752a(): BrokenIpc1752a {
  const spec = withSubstance(1, 1, (s) => ({ ...s, amount: { value: 0.5, uom: 'lb' } }));
  return { ...buildIpc1752a(spec, 'unknown-unit.xml'), expected: { code: 'DECLARATION_INVALID', path: `${substancePath(1, 1)}.Amount.UOM` } };
}

/** Copper at 120 massPercent of the wire. */
export function over100PercentIpc1752a(): BrokenIpc1752a {
  const spec = withSubstance(1, 0, (s) => ({ ...s, amount: { value: 120, uom: 'massPercent' } }));
  return { ...buildIpc1752a(spec, 'over-100.xml'), expected: { code: 'DECLARATION_INVALID', path: `${substancePath(1, 0)}.Amount` } };
}

/** 40 g of PVC declared in the 32 g jacket: the masses give more than 100 %. */
export function substanceHeavierThanMaterialIpc1752a(): BrokenIpc1752a {
  const spec = withSubstance(0, 0, (s) => ({ ...s, amount: { value: 40, uom: 'g' } }));
  return { ...buildIpc1752a(spec, 'heavier.xml'), expected: { code: 'DECLARATION_INVALID', path: `${substancePath(0, 0)}.Amount` } };
}

/** A value that is not a number ("0,5" with a decimal comma). */
export function notANumberIpc1752a(): BrokenIpc1752a {
  const spec = withSubstance(2, 1, (s) => ({ ...s, amount: { value: '0,4', uom: 'mg' } }));
  return { ...buildIpc1752a(spec, 'comma.xml'), expected: { code: 'DECLARATION_INVALID', path: `${substancePath(2, 1)}.Amount.value` } };
}

/** DEHP with the check digit changed: 117-81-8 instead of 117-81-7 (deliberate). */
export function invalidCasIpc1752a(): Ipc1752aFixture & { path: string } {
  const spec = withSubstance(0, 1, (s) => ({ ...s, cas: '117-81-8' }));
  return { ...buildIpc1752a(spec, 'invalid-cas.xml'), path: `${substancePath(0, 1)}.SubstanceID[0].identity` };
}
