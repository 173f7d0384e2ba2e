// IPC-1752A "Materials Declaration Management" XML (issue 6): a supplier's class C declaration (a yes/no answer per
// substance category of each declarable substance list, with the reporting threshold) or class D declaration (the
// full material declaration down to homogeneous materials and their substances) read into chemreg's
// DeclarationContent.
//
// The structure read, by local element name (any namespace prefix is ignored; the root's namespace must be an IPC 175x
// one, http://webstds.ipc.org/175x/2.0 for schema 2.0 — IPC-1752A — or …/175x/1.1 for IPC-1752 1.1):
//
//   MainDeclaration                                   @version
//     BusinessInfo / Response                         @date → declaredAt
//     Include / Sectional / SubSectional              @name "C" | "D" → declarationClass (inferred when absent)
//     Product
//       ProductID                                     @itemName, @itemNumber, [@scipNumber]; Amount → productMassMg
//       SubProduct* (nested)                          each a component: ProductID, MaterialInfo, SubProduct*
//       MaterialInfo
//         SubstanceCategoryList*                      class C lists, and substances declared for the whole part
//           SubstanceCategoryListID                   @identity, @authority, [@revision | @version]
//           SubstanceCategory*                        @name
//             Threshold                               @overThreshold (yes/no answer), @threshold (as declared)
//             Substance*                              as below, % of the product or sub-product
//         HomogeneousMaterialList
//           HomogeneousMaterial*                      @name; Amount (mass) → massMg
//             SubstanceCategoryList* / SubstanceCategory* / Substance*
//               SubstanceID* | UniqueID*              @identity, @authority (CAS, EC)
//               Amount                                @value, @UOM: mg, g, kg, µg (a mass) or ppm, massPercent, %
//               Concentration                         @value, [@UOM] (massPercent when absent)
//
// Confirmed from real 2.0 documents: the element and attribute names above except those noted below. NOT confirmed
// (kept tolerant, no public text of the standard was at hand): the element names of schema 1.1 (read with the 2.0
// names; only the namespace and @version differ here), `UniqueID` as an alternative to `SubstanceID`, the
// `Concentration` element's UOM default, the Threshold attributes (`overThreshold`, also read as `aboveThreshold`),
// the list version attribute (`revision` or `version`), and any SCIP field (IPC-1752A has none that could be confirmed;
// a `scipNumber` attribute on ProductID or a `SCIPNumber` element is read if present). IPC-1752A amounts are single
// values: no range form could be confirmed, so min/max are never read.
//
// Paths. Every issue and warning names the element (and the attribute, last) from below the root, by local name,
// joined with dots: `Product.MaterialInfo.HomogeneousMaterialList.HomogeneousMaterial[2].SubstanceCategoryList[0]
// .SubstanceCategory[0].Substance[1].Amount.UOM`. Elements the standard lets repeat (SubProduct, SubstanceCategoryList,
// SubstanceCategory, HomogeneousMaterial, Substance, SubstanceID/UniqueID) always carry their zero-based index among
// same-named siblings; any other element carries one only when it occurs more than once. Malformed XML is located as
// `line L column C`, as the XML parser reports it.
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ConcentrationValue, IdentifierValue } from '../../sds/extraction/facts.js';
import {
  emptyContent,
  type DeclarationContent,
  type DeclarationWarning,
  type DeclaredComponent,
  type DeclaredMaterial,
  type DeclaredSubstance,
  type ListAnswer,
} from '../declaration-content.js';
import {
  DeclarationError,
  concentrationFromMasses,
  concentrationUnit,
  declaredConcentration,
  declaredIdentifier,
  declaredMassMg,
  refuseIfAny,
  scipNumber,
  type DeclarationIssue,
} from '../declared-values.js';

export const IPC_1752A_ROOT = 'MainDeclaration';
/** The IPC 175x family's namespaces all sit under this (IPC-1751A § on the XML schema). */
const IPC_175X_NAMESPACE = /^https?:\/\/webstds\.ipc\.org\/175x\//iu;

// --- A namespace-free element tree with paths ------------------------------------------------------------------------

interface XmlElement {
  /** Local name: the prefix stripped. */
  name: string;
  /** Where the element sits, in the path style above; '' for the root. */
  path: string;
  /** Attributes by local name; namespace declarations are in `namespaces`. */
  attributes: Readonly<Record<string, string>>;
  /** xmlns declarations: prefix ('' for the default namespace) → URI. */
  namespaces: Readonly<Record<string, string>>;
  children: readonly XmlElement[];
  text: string;
}

const REPEATING = new Set(['SubProduct', 'SubstanceCategoryList', 'SubstanceCategory', 'HomogeneousMaterial', 'Substance', 'SubstanceID', 'UniqueID']);
const ATTRIBUTE = '@_';
const TEXT = '#text';

const localName = (qualified: string): string => qualified.slice(qualified.indexOf(':') + 1);
const prefixOf = (qualified: string): string => (qualified.includes(':') ? qualified.slice(0, qualified.indexOf(':')) : '');
const join = (parent: string, child: string): string => (parent === '' ? child : `${parent}.${child}`);

type Parsed = string | number | boolean | null | undefined | Parsed[] | { [key: string]: Parsed };

function isRecord(value: Parsed): value is { [key: string]: Parsed } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

const scalar = (value: Parsed): string => (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? String(value) : '');

/** fast-xml-parser's object (a string for a text-only element, an array for repeated siblings) as XmlElements. */
function toElement(qualified: string, value: Parsed, path: string): XmlElement {
  const attributes: Record<string, string> = {};
  const namespaces: Record<string, string> = {};
  const grouped: Array<[string, Parsed[]]> = [];
  let text = '';
  if (isRecord(value)) {
    for (const [key, child] of Object.entries(value)) {
      if (key.startsWith(ATTRIBUTE)) {
        const attribute = key.slice(ATTRIBUTE.length);
        const raw = scalar(child);
        if (attribute === 'xmlns') namespaces[''] = raw;
        else if (attribute.startsWith('xmlns:')) namespaces[attribute.slice('xmlns:'.length)] = raw;
        else attributes[localName(attribute)] = raw;
      } else if (key === TEXT) {
        text = scalar(child);
      } else {
        grouped.push([key, Array.isArray(child) ? child : [child]]);
      }
    }
  } else {
    text = scalar(value);
  }
  const children: XmlElement[] = [];
  for (const [key, siblings] of grouped) {
    const name = localName(key);
    const indexed = REPEATING.has(name) || siblings.length > 1;
    siblings.forEach((sibling, i) => children.push(toElement(key, sibling, join(path, indexed ? `${name}[${i}]` : name))));
  }
  return { name: localName(qualified), path, attributes, namespaces, children, text: text.trim() };
}

const childrenNamed = (element: XmlElement | undefined, ...names: string[]): XmlElement[] =>
  element?.children.filter((c) => names.includes(c.name)) ?? [];
const child = (element: XmlElement | undefined, ...names: string[]): XmlElement | undefined => childrenNamed(element, ...names)[0];

function attribute(element: XmlElement | undefined, ...names: string[]): string | null {
  for (const name of names) {
    const value = element?.attributes[name]?.trim();
    if (value !== undefined && value !== '') return value;
  }
  return null;
}

// --- Reading bytes -----------------------------------------------------------------------------------------------------

/** UTF-8 unless a UTF-16 byte order mark says otherwise; TextDecoder drops the BOM. */
function decode(bytes: Uint8Array): string {
  const encoding = bytes[0] === 0xff && bytes[1] === 0xfe ? 'utf-16le' : bytes[0] === 0xfe && bytes[1] === 0xff ? 'utf-16be' : 'utf-8';
  return new TextDecoder(encoding).decode(bytes);
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: ATTRIBUTE,
  textNodeName: TEXT,
  // Values stay strings: "0100" is an item number, not 100, and numbers are checked here with their path.
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  trimValues: true,
});

function unknownFormat(message: string, path: string, detail: string): DeclarationError {
  return new DeclarationError('DECLARATION_FORMAT_UNKNOWN', message, [{ path, message: detail }]);
}

/** The document's root element, or DECLARATION_FORMAT_UNKNOWN for malformed XML or another document type. */
function readRoot(bytes: Uint8Array): XmlElement {
  const text = decode(bytes);
  const validation = XMLValidator.validate(text);
  if (validation !== true) {
    const { msg, line } = validation.err;
    // The validator leaves out the column for some errors ("Start tag expected."), whatever its types say.
    const col: number | undefined = validation.err.col;
    const where = col === undefined ? `line ${line}` : `line ${line} column ${col}`;
    throw unknownFormat(`not well-formed XML (${where}): ${msg}`, where, msg);
  }
  let document: Parsed;
  try {
    document = parser.parse(text) as Parsed;
  } catch (err) {
    // The validator passed it, so this is a DOCTYPE or entity the parser refuses: still not a document chemreg reads.
    const detail = err instanceof Error ? err.message : String(err);
    throw unknownFormat(`the XML could not be read: ${detail}`, 'line 1', detail);
  }
  const roots = isRecord(document) ? Object.entries(document).filter(([key]) => !key.startsWith('?') && key !== TEXT) : [];
  const first = roots[0];
  if (first === undefined) throw unknownFormat('the XML document has no root element', 'line 1', 'no root element');
  const [qualified, value] = first;
  if (roots.length > 1 || Array.isArray(value)) {
    throw unknownFormat('the XML document has more than one root element', localName(qualified), 'an XML document has exactly one root element');
  }
  const root = toElement(qualified, value, '');
  if (root.name !== IPC_1752A_ROOT) {
    throw unknownFormat(
      `not an IPC-1752A declaration: the root element is <${qualified}>, expected <${IPC_1752A_ROOT}>`,
      root.name,
      `expected the IPC-1752A root element ${IPC_1752A_ROOT}, found ${root.name}`,
    );
  }
  const namespace = root.namespaces[prefixOf(qualified)];
  if (namespace !== undefined && !IPC_175X_NAMESPACE.test(namespace)) {
    throw unknownFormat(
      `not an IPC-1752A declaration: <${IPC_1752A_ROOT}> is in namespace ${namespace}`,
      root.name,
      `expected the namespace http://webstds.ipc.org/175x/2.0 (or …/175x/1.1), found ${namespace}`,
    );
  }
  return root;
}

// --- Values --------------------------------------------------------------------------------------------------------------

interface Collected {
  issues: DeclarationIssue[];
  warnings: DeclarationWarning[];
}

/** An xs:decimal as IPC-1752A writes it ("5.2", "-1", "1e3" is not one); an issue at `path` otherwise. */
function decimal(raw: string | null, path: string, issues: DeclarationIssue[]): number | null {
  if (raw === null) {
    issues.push({ path, message: 'a value is required' });
    return null;
  }
  if (!/^[+-]?(\d+(\.\d*)?|\.\d+)$/u.test(raw)) {
    issues.push({ path, message: `"${raw}" is not a number; expected a decimal such as 5.2` });
    return null;
  }
  return Number(raw);
}

const MASS_UOMS = new Set(['mg', 'g', 'kg', 'µg', 'μg', 'ug', 'mcg']);
/** IPC-1752A's UOM for a share by mass is `massPercent`; `%` and `mass%` are read too. */
const PERCENT_UOMS = new Set(['masspercent', 'mass%', 'mass %', 'wt%', '%']);

type Amount =
  | { kind: 'mass'; massMg: number; path: string }
  | { kind: 'concentration'; concentration: ConcentrationValue; path: string };

/**
 * An Amount or Concentration element: a mass (→ mg) or a share of the part (→ %). An unknown UOM is an issue on
 * `….UOM`; a missing UOM is one too, except on Concentration, whose value IPC-1752A gives in mass percent.
 */
function readAmount(element: XmlElement, issues: DeclarationIssue[]): Amount | null {
  const uomPath = join(element.path, 'UOM');
  const value = decimal(attribute(element, 'value'), join(element.path, 'value'), issues);
  const uom = attribute(element, 'UOM', 'uom', 'unitOfMeasure') ?? (element.name === 'Concentration' ? 'massPercent' : null);
  if (uom === null) {
    issues.push({ path: uomPath, message: 'UOM is required: a mass (mg, g, kg) or a share (ppm, massPercent)' });
    return null;
  }
  const lower = uom.toLowerCase();
  const asConcentration = PERCENT_UOMS.has(lower) ? '%' : concentrationUnit(uom);
  if (!MASS_UOMS.has(lower) && asConcentration === null) {
    issues.push({ path: uomPath, message: `unknown unit "${uom}"; expected mg, g, kg, µg, ppm or massPercent` });
    return null;
  }
  if (value === null) return null;
  if (asConcentration === null) {
    // declaredMassMg knows µg but not the Greek-mu spelling some tools write.
    const massMg = declaredMassMg(value, lower === 'μg' ? 'µg' : uom, join(element.path, 'value'), issues);
    return massMg === null ? null : { kind: 'mass', massMg, path: element.path };
  }
  const concentration = declaredConcentration({ value, unit: asConcentration }, element.path, issues);
  if (concentration === null) return null;
  // Keep the unit as declared ("500 ppm", "12 massPercent") in the text; min and max are in %.
  return { kind: 'concentration', concentration: { ...concentration, text: `${attribute(element, 'value')} ${uom}` }, path: element.path };
}

/** A mass in mg from the element's Amount child; a share given for a part's own amount is kept out, with a warning. */
function partMassMg(owner: XmlElement | undefined, collected: Collected): number | null {
  const amount = child(owner, 'Amount');
  if (amount === undefined) return null;
  const read = readAmount(amount, collected.issues);
  if (read === null) return null;
  if (read.kind === 'concentration') {
    collected.warnings.push({ path: amount.path, message: `amount "${read.concentration.text}" is a share, not a mass; the part's mass is left empty` });
    return null;
  }
  return read.massMg;
}

const formatNumber = (n: number): string => String(Number(n.toPrecision(6)));

/** When a declared share and the share the masses give differ by more than 1 % of the declared one. */
const DISAGREEMENT = 0.01;

function readIdentifiers(substance: XmlElement, collected: Collected): { cas: IdentifierValue | null; ec: IdentifierValue | null } {
  let cas: IdentifierValue | null = null;
  let ec: IdentifierValue | null = null;
  for (const id of childrenNamed(substance, 'SubstanceID', 'UniqueID')) {
    const identity = attribute(id, 'identity');
    if (identity === null) continue;
    const authority = (attribute(id, 'authority') ?? '').toUpperCase().replace(/[^A-Z]/gu, '');
    const path = join(id.path, 'identity');
    // Without an authority, a CAS-shaped number is taken as a CAS RN (the commonest identifier in IPC-1752A files).
    if (cas === null && (authority === 'CAS' || (authority === '' && /^\d{2,7}-\d{2}-\d$/u.test(identity)))) {
      cas = declaredIdentifier('cas', identity, path, collected.warnings);
    } else if (ec === null && (authority === 'EC' || authority === 'EINECS' || authority === 'ELINCS')) {
      ec = declaredIdentifier('ec', identity, path, collected.warnings);
    }
  }
  return { cas, ec };
}

/**
 * A Substance element. `partMassMg` is the mass of the homogeneous material (or product) it is declared in: with the
 * substance's mass it gives the concentration when none is declared, and checks the one declared.
 */
function readSubstance(substance: XmlElement, partMassMg: number | null, collected: Collected): DeclaredSubstance {
  const { cas, ec } = readIdentifiers(substance, collected);
  let massMg: number | null = null;
  let massPath = substance.path;
  let concentration: ConcentrationValue | null = null;
  for (const element of childrenNamed(substance, 'Amount', 'Concentration')) {
    const amount = readAmount(element, collected.issues);
    if (amount === null) continue;
    if (amount.kind === 'mass') {
      massMg ??= amount.massMg;
      massPath = amount.path;
    } else {
      concentration ??= amount.concentration;
    }
  }
  if (massMg !== null && partMassMg !== null && partMassMg > 0) {
    if (concentration === null) {
      concentration = concentrationFromMasses(massMg, partMassMg, massPath, collected.issues);
    } else {
      const declared = concentration.max ?? 0;
      const fromMasses = (massMg / partMassMg) * 100;
      if (Math.abs(fromMasses - declared) > DISAGREEMENT * Math.max(declared, Number.MIN_VALUE)) {
        collected.warnings.push({
          path: substance.path,
          message: `declared ${concentration.text} but the masses give ${formatNumber(fromMasses)} % (${formatNumber(massMg)} mg of ${formatNumber(partMassMg)} mg); the declared concentration is kept`,
        });
      }
    }
  }
  return { path: substance.path, name: attribute(substance, 'name'), cas, ec, concentration, massMg };
}

/** Substances under the element's SubstanceCategoryList/SubstanceCategory (and any declared directly in it). */
function substancesIn(owner: XmlElement | undefined, partMassMg: number | null, collected: Collected): DeclaredSubstance[] {
  const found: XmlElement[] = childrenNamed(owner, 'Substance');
  for (const list of childrenNamed(owner, 'SubstanceCategoryList')) {
    for (const category of childrenNamed(list, 'SubstanceCategory')) found.push(...childrenNamed(category, 'Substance'));
  }
  return found.map((s) => readSubstance(s, partMassMg, collected));
}

function readMaterial(material: XmlElement, collected: Collected): DeclaredMaterial {
  const massMg = partMassMg(material, collected);
  return { path: material.path, name: attribute(material, 'name') ?? '', massMg, substances: substancesIn(material, massMg, collected) };
}

// --- Class C: declarable substance lists ---------------------------------------------------------------------------

/** chemreg's list ids for the lists a declaration names, by IPC-1752A list code (e.g. EUREACH-0624) or name. */
const KNOWN_LISTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/annex\s*xvii\b|\bxvii\b|reach.*restrict/iu, 'reach-annex-xvii'],
  [/annex\s*xiv\b|\bxiv\b|authori[sz]ation/iu, 'reach-annex-xiv'],
  [/candidate|svhc|eureach/iu, 'echa-candidate-list'],
  [/^(?!.*\b(china|chinese|korea|uae|eaeu|india|turkey|taiwan|japan|vietnam|brazil)).*rohs/iu, 'rohs-annex-ii'],
  [/\bpops?\b|persistent organic|2019\/1021/iu, 'eu-pops'],
];

export function chemregListId(...names: ReadonlyArray<string | null>): string | null {
  for (const name of names) {
    if (name === null) continue;
    for (const [pattern, listId] of KNOWN_LISTS) if (pattern.test(name)) return listId;
  }
  return null;
}

/** xs:boolean ("true", "false", "1", "0"), and the yes/no some tools write. */
function yesNo(raw: string | null): 'yes' | 'no' | null {
  const value = raw?.toLowerCase() ?? '';
  if (['true', 'yes', 'y', '1'].includes(value)) return 'yes';
  if (['false', 'no', 'n', '0'].includes(value)) return 'no';
  return null;
}

function thresholdText(threshold: XmlElement): string | null {
  const declared = attribute(threshold, 'threshold', 'thresholdValue', 'description');
  if (declared !== null) return declared;
  const value = attribute(threshold, 'value');
  return value === null ? null : `${value} ${attribute(threshold, 'UOM') ?? ''}`.trim();
}

interface ListsRead {
  answers: ListAnswer[];
  versions: Array<{ list: string; version: string }>;
}

/** Each SubstanceCategory with a Threshold answer becomes one ListAnswer; its path names the category. */
function readLists(materialInfo: XmlElement | undefined, collected: Collected, into: ListsRead): void {
  for (const list of childrenNamed(materialInfo, 'SubstanceCategoryList')) {
    const id = child(list, 'SubstanceCategoryListID');
    const identity = attribute(id, 'identity') ?? attribute(list, 'name') ?? 'unnamed list';
    const version = attribute(id, 'revision', 'version');
    if (version !== null && !into.versions.some((v) => v.list === identity && v.version === version)) into.versions.push({ list: identity, version });
    const listId = chemregListId(identity, attribute(id, 'name'), attribute(list, 'name'));
    for (const category of childrenNamed(list, 'SubstanceCategory')) {
      const threshold = child(category, 'Threshold');
      if (threshold === undefined) continue;
      const raw = attribute(threshold, 'overThreshold', 'aboveThreshold');
      const answer = yesNo(raw);
      if (answer === null) {
        const name = threshold.attributes.aboveThreshold !== undefined ? 'aboveThreshold' : 'overThreshold';
        collected.issues.push({ path: join(threshold.path, name), message: raw === null ? 'the yes/no answer is missing' : `"${raw}" is not a yes/no answer; expected true or false` });
        continue;
      }
      into.answers.push({ path: category.path, list: identity, category: attribute(category, 'name'), listId, threshold: thresholdText(threshold), answer });
    }
  }
}

// --- Products and sub-products ---------------------------------------------------------------------------------------

function scipNumbersOf(owner: XmlElement, collected: Collected, into: string[]): void {
  const productId = child(owner, 'ProductID');
  const candidates: Array<[string, string]> = [];
  const onId = attribute(productId, 'scipNumber', 'SCIPNumber');
  if (onId !== null && productId !== undefined) candidates.push([onId, join(productId.path, 'scipNumber')]);
  for (const element of [...childrenNamed(owner, 'SCIPNumber'), ...childrenNamed(productId, 'SCIPNumber')]) {
    const value = element.text || attribute(element, 'value', 'identity');
    if (value) candidates.push([value, element.path]);
  }
  for (const [raw, path] of candidates) {
    const scip = scipNumber(raw, path, collected.issues);
    if (scip !== null && !into.includes(scip)) into.push(scip);
  }
}

interface Part {
  name: string | null;
  number: string | null;
  massMg: number | null;
}

function partOf(owner: XmlElement, collected: Collected): Part {
  const productId = child(owner, 'ProductID');
  // The product's mass sits in ProductID/Amount in the files seen; Product/Amount is read as well.
  const massMg = partMassMg(productId, collected) ?? partMassMg(owner, collected);
  return { name: attribute(productId, 'itemName'), number: attribute(productId, 'itemNumber'), massMg };
}

/** A SubProduct (and those nested in it) as components; its own listed substances are % of the sub-product. */
function readSubProducts(owner: XmlElement, collected: Collected, lists: ListsRead, scip: string[], into: DeclaredComponent[]): void {
  for (const sub of childrenNamed(owner, 'SubProduct')) {
    const part = partOf(sub, collected);
    const materialInfo = child(sub, 'MaterialInfo');
    into.push({
      path: sub.path,
      name: part.name ?? part.number ?? '',
      massMg: part.massMg,
      materials: childrenNamed(child(materialInfo, 'HomogeneousMaterialList'), 'HomogeneousMaterial').map((m) => readMaterial(m, collected)),
      substances: substancesIn(materialInfo, part.massMg, collected),
    });
    readLists(materialInfo, collected, lists);
    scipNumbersOf(sub, collected, scip);
    readSubProducts(sub, collected, lists, scip, into);
  }
}

function declarationDate(root: XmlElement, collected: Collected): string | null {
  const response = child(child(root, 'BusinessInfo'), 'Response');
  const raw = attribute(response, 'date', 'responseDate');
  if (raw === null || response === undefined) return null;
  const day = /^(\d{4}-\d{2}-\d{2})(?:$|[T ])/u.exec(raw)?.[1];
  if (day !== undefined && !Number.isNaN(Date.parse(`${day}T00:00:00Z`)) && new Date(`${day}T00:00:00Z`).toISOString().startsWith(day)) return day;
  collected.warnings.push({ path: join(response.path, 'date'), message: `"${raw}" is not a date (YYYY-MM-DD); the declaration date is left empty` });
  return null;
}

/** Include/Sectional/SubSectional names the class (IPC-1751A); without it, materials mean D and answers mean C. */
function declarationClass(root: XmlElement, content: DeclarationContent): 'C' | 'D' | null {
  const named = childrenNamed(child(root, 'Include'), 'Sectional')
    .flatMap((s) => childrenNamed(s, 'SubSectional'))
    .map((s) => /^(?:class\s*)?([a-f])$/iu.exec(attribute(s, 'name') ?? '')?.[1]?.toUpperCase());
  if (named.includes('D')) return 'D';
  if (named.includes('C')) return 'C';
  if (content.components.some((c) => c.materials.length > 0)) return 'D';
  if (content.listAnswers.length > 0) return 'C';
  return null;
}

/**
 * Reads an IPC-1752A declaration. Throws DECLARATION_FORMAT_UNKNOWN for malformed XML or another document, and
 * DECLARATION_INVALID with every issue found for values that cannot be right. Pure and synchronous.
 */
export function parseIpc1752a(bytes: Uint8Array): DeclarationContent {
  const root = readRoot(bytes);
  const content = emptyContent('ipc-1752a');
  const collected: Collected = { issues: [], warnings: content.warnings };
  const products = childrenNamed(root, 'Product');
  const product = products[0];
  if (product === undefined) {
    throw new DeclarationError('DECLARATION_INVALID', 'the IPC-1752A declaration has no Product', [{ path: 'Product', message: 'a declaration describes one Product; none was found' }]);
  }
  if (products.length > 1) {
    collected.warnings.push({ path: 'Product[1]', message: `${products.length} Product elements; only the first is read` });
  }

  const part = partOf(product, collected);
  content.productName = part.name;
  content.productNumber = part.number;
  content.productMassMg = part.massMg;
  content.declaredAt = declarationDate(root, collected);

  const materialInfo = child(product, 'MaterialInfo');
  const materials = childrenNamed(child(materialInfo, 'HomogeneousMaterialList'), 'HomogeneousMaterial');
  if (materials.length > 0) {
    // The model has no product-level materials: the product's own homogeneous materials make the first component.
    content.components.push({
      path: product.path,
      name: part.name ?? part.number ?? '',
      massMg: part.massMg,
      materials: materials.map((m) => readMaterial(m, collected)),
      substances: [],
    });
  }
  content.substances = substancesIn(materialInfo, part.massMg, collected);

  const lists: ListsRead = { answers: [], versions: [] };
  readLists(materialInfo, collected, lists);
  scipNumbersOf(product, collected, content.scipNumbers);
  readSubProducts(product, collected, lists, content.scipNumbers, content.components);
  content.listAnswers = lists.answers;
  content.declaredListVersions = lists.versions;
  content.declarationClass = declarationClass(root, content);

  refuseIfAny(collected.issues, 'the IPC-1752A declaration');
  return content;
}
