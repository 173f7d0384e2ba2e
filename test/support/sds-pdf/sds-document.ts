// Realistic 16-section safety data sheets as PDF, with the facts a parser should read from them (the "truth").
//
// The layout copies what SDS authoring tools print: a header repeated on every page (document title, regulation,
// product name, revision date, print date, version), a footer with the supplier and "Page n of m", grey section
// bars, numbered subsections, label/value fields and a composition table. Section and subsection titles, signal
// words and the document title come from src/sds/extraction/headings.ts (REACH Annex II as replaced by Regulation
// (EU) 2020/878; CLP Art. 20), so fixtures and parser agree on the official wording. The US variant uses the OSHA
// HazCom 2012 section titles (29 CFR 1910.1200 Appendix D). Field labels, hazard statement texts and the sample
// products are written at the bottom of this file, per language, the way SDSs in that language print them.
// Products and suppliers are invented; CAS, EC, index and REACH numbers are real and have correct check digits,
// except where a spec deliberately prints a wrong one.
//
// The truth is derived from what is actually drawn (a code printed only in 2.1 counts, an EC number the US layout
// leaves out does not), in the schema of shared/data/sds-dev/truth.json.
import { HEADINGS } from '../../../src/sds/extraction/headings.js';
import { PICTOGRAMS, SDS_LANGUAGES, type SdsLanguage } from '../../../src/sds/extraction/facts.js';
import { A4, PdfDocument, textWidth, type Color, type FontName, type PdfPage, type TextStyle } from './pdf-writer.js';

// --- Spec -----------------------------------------------------------------------------------------------------------

export type GhsPictogram = (typeof PICTOGRAMS)[number];

/** EU-REACH-16: REACH Annex II headings. US-OSHA-16: OSHA HazCom 2012 titles (English only). */
export type SdsFixtureFormat = 'EU-REACH-16' | 'US-OSHA-16';

/**
 * How section headings are printed (sv examples):
 * - `word-colon-upper`: `AVSNITT 1: NAMNET PÅ ÄMNET/BLANDNINGEN …`
 * - `word-dot`:         `AVSNITT 1. Namnet på ämnet/blandningen …`
 * - `number-upper`:     `1. NAMNET PÅ ÄMNET/BLANDNINGEN …`
 * - `word-dash`:        `AVSNITT 1 - Namnet på ämnet/blandningen …` (`SECTION 1 - Identification` in a US SDS)
 */
export type HeadingStyle = 'word-colon-upper' | 'word-dot' | 'number-upper' | 'word-dash';

/**
 * How dates are printed, for 2024-03-15: `iso` 2024-03-15, `dmy-dot` 15.03.2024, `dmy-slash` 15/03/2024,
 * `dmy-dash` 15-03-2024, `mdy-slash` 03/15/2024 (US), `d-mon-y` 15-Mar-2024, `long` 15 mars 2024 (in the language).
 */
export type DateStyle = 'iso' | 'dmy-dot' | 'dmy-slash' | 'dmy-dash' | 'mdy-slash' | 'd-mon-y' | 'long';

/**
 * Section 3 layout:
 * - `table`:   one row per substance; name, CAS, EC, index, REACH, concentration, classification columns
 * - `stacked`: identifiers on separate lines under the name (`CAS No` / `7761-88-8` / `EC No` / `231-853-9`)
 * - `wrapped`: a narrow name column, so long names wrap over two or three lines
 * - `split`:   like `table`, but the table breaks across a page boundary, header row repeated on the next page
 */
export type CompositionLayout = 'table' | 'stacked' | 'wrapped' | 'split';

export type SignalWordChoice = 'danger' | 'warning' | 'none';

export interface SupplierSpec {
  name: string;
  street: string;
  postalCode: string;
  city: string;
  /** ISO 3166-1 alpha-2; printed as the country's name in the document's language. */
  country: string;
  phone: string;
  email: string;
}

/** One line of the 2.1 classification: hazard class and category as CLP abbreviates them, and its H code. */
export interface ClassificationEntry {
  hazardClass: string;
  code: string;
}

/** A label statement (2.2): the code as printed (`H300+H310+H330`, `H360FD`, `EUH208`) and its text, if printed. */
export interface StatementEntry {
  code: string;
  text?: string;
}

export interface SubstanceSpec {
  /** As printed; the truth keeps it verbatim (long names wrap in the table but are joined back in the truth). */
  name: string;
  /** Left out for a trade-secret component. Printed as given, so a wrong check digit stays wrong. */
  cas?: string;
  ec?: string;
  index?: string;
  reach?: string;
  /** As printed: `≥10 – <25`, `0,1-1`, `< 1`, `5 - 10 %`, `25-50`. */
  concentration: string;
  /** As printed in the classification column, e.g. `Flam. Liq. 2, H225; Eye Irrit. 2, H319`. */
  classification: string;
}

export interface PhysicalProperties {
  /** Null prints "not applicable". Decimal commas are turned into points in English documents. */
  ph: string | null;
  flashPoint: string | null;
  density: string;
  /** Section 14; null when the product is not dangerous goods. */
  unNumber: string | null;
}

export interface SdsSpec {
  language: SdsLanguage;
  format: SdsFixtureFormat;
  headingStyle: HeadingStyle;
  dateStyle: DateStyle;
  productName: string;
  /** Section 1.2. */
  productUse: string;
  supplier: SupplierSpec;
  /** Section 1.4, as printed. */
  emergencyPhone: string;
  /** ISO yyyy-mm-dd. */
  revisionDate: string;
  /** ISO yyyy-mm-dd; a different date, printed in the page header. */
  printDate: string;
  version: string;
  /** `header`: revision date in the page header and in section 16; `section-16`: only in section 16. */
  revisionDatePlacement: 'header' | 'section-16';
  signalWord: SignalWordChoice;
  /** Print the signal word in capitals (`FARA`); the truth then holds the capitals too. */
  signalWordUpperCase: boolean;
  /** 2.1. In a US SDS only the hazard class is printed, without the code. */
  classification: ClassificationEntry[];
  /** 2.2 hazard statements. */
  hazardStatements: StatementEntry[];
  /** 2.2 supplemental (EUH) statements; not printed in a US SDS. */
  euhStatements: StatementEntry[];
  /** 2.2 precautionary statement codes, printed without text. */
  precautionaryStatements: string[];
  pictograms: GhsPictogram[];
  /** `codes`: `GHS02, GHS07`; `names`: the pictograms' names in the document's language. */
  pictogramStyle: 'codes' | 'names';
  substances: SubstanceSpec[];
  compositionLayout: CompositionLayout;
  physical: PhysicalProperties;
  /** FlateDecode the content streams. */
  compress: boolean;
  /** Encrypt the file (standard security handler, RC4 128-bit) so that it opens only with this password. */
  userPassword?: string;
  /** File name for the truth; derived from language and product name when left out. */
  fileName?: string;
}

/** What a parser should read from the document: shared/data/sds-dev/truth.json's schema plus four fields. */
export interface SdsTruth {
  file: string;
  language: SdsLanguage;
  format: SdsFixtureFormat;
  productName: string;
  supplierName: string;
  /** ISO yyyy-mm-dd. */
  revisionDate: string;
  /** As printed (`Fara`, `FARA`), or null when none is printed. */
  signalWord: string | null;
  /** Every H code printed in section 2 (2.1 and 2.2), combined codes split, suffixes kept, deduplicated. */
  hazardStatements: string[];
  euhStatements: string[];
  /** As printed; deduplicated by CAS, first occurrence kept. Identifiers the layout does not print are null. */
  substances: SdsTruthSubstance[];
  source: string;
  notes: string;
  /** GHS codes of the pictograms in 2.2, whether printed as codes or as names. */
  pictograms: GhsPictogram[];
  /** ISO 3166-1 alpha-2. */
  supplierCountry: string;
  version: string;
  /** ISO yyyy-mm-dd. */
  printDate: string;
}

export interface SdsTruthSubstance {
  name: string;
  cas: string | null;
  ec: string | null;
  concentration: string | null;
}

/** Languages that have sample content (every SDS language the parser supports). */
export const SDS_FIXTURE_LANGUAGES: readonly SdsLanguage[] = SDS_LANGUAGES;

// --- Page geometry and text helpers ---------------------------------------------------------------------------------

const MARGIN = 42;
const LEFT = MARGIN;
const RIGHT = A4.width - MARGIN;
const WIDTH = RIGHT - LEFT;
/** Baseline of the first body line, below the header rule. */
const BODY_TOP = 762;
/** Lowest baseline a body line may use, above the footer rule. */
const BODY_BOTTOM = 64;

const BODY: Required<Pick<TextStyle, 'font' | 'size'>> = { font: 'Helvetica', size: 9 };
const BODY_LINE = 13;
const LABEL_WIDTH = 150;
const TABLE_SIZE = 7.5;
const TABLE_LINE = 9.5;
const CELL_PAD = 3;

/**
 * Breaks `text` into lines no wider than `width`: at spaces, or, inside a word too long for a line, after a hyphen.
 * A word with no hyphen that does not fit is left to overflow rather than cut, so a wrapped name can always be
 * joined back the way the shared truth does it (one space, or nothing after a trailing hyphen).
 */
export function wrapText(text: string, font: FontName, size: number, width: number): string[] {
  // Units are words or, for over-long words, their hyphen-ended pieces; `glued` units continue the previous word.
  const units: Array<{ text: string; glued: boolean }> = [];
  for (const word of text.split(/\s+/u).filter((w) => w !== '')) {
    if (textWidth(word, font, size) <= width) {
      units.push({ text: word, glued: false });
      continue;
    }
    const pieces = word.split(/(?<=-)/u);
    pieces.forEach((piece, i) => units.push({ text: piece, glued: i > 0 }));
  }
  const lines: string[] = [];
  let current = '';
  for (const unit of units) {
    const candidate = current === '' ? unit.text : `${current}${unit.glued ? '' : ' '}${unit.text}`;
    if (current !== '' && textWidth(candidate, font, size) > width) {
      lines.push(current);
      current = unit.text;
    } else {
      current = candidate;
    }
  }
  if (current !== '' || lines.length === 0) lines.push(current);
  return lines;
}

/** The largest size ≤ `size` (down to `min`) at which `text` fits in `width`. */
function fitSize(text: string, font: FontName, size: number, width: number, min: number): number {
  let fitted = size;
  while (fitted > min && textWidth(text, font, fitted) > width) fitted -= 0.25;
  return fitted;
}

type Draw = (page: PdfPage) => void;

/**
 * Top-down flow of body content over pages. Drawing is deferred (a list of closures per page) because the footer
 * needs the final page count, and the header is drawn before the body: text extraction returns text in drawing
 * order, so each page's text starts with the header and ends with the footer, as in most SDSs.
 */
class Flow {
  readonly pages: Draw[][] = [[]];
  y = BODY_TOP;

  newPage(): void {
    this.pages.push([]);
    this.y = BODY_TOP;
  }

  /** Starts a new page unless `height` points still fit above the footer. */
  need(height: number): void {
    if (this.y - height < BODY_BOTTOM) this.newPage();
  }

  draw(draw: Draw): void {
    const page = this.pages[this.pages.length - 1];
    if (page === undefined) throw new Error('sds-document: no page to draw on');
    page.push(draw);
  }

  /** One line of text at the cursor, then moves down. */
  text(x: number, text: string, style: TextStyle = BODY, lineHeight = BODY_LINE): void {
    this.need(lineHeight);
    const y = this.y;
    this.draw((page) => page.text(x, y, text, style));
    this.y -= lineHeight;
  }

  space(points: number): void {
    this.y -= points;
  }
}

// --- Printed forms of dates, headings, countries ----------------------------------------------------------------

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

export function formatDate(iso: string, style: DateStyle, language: SdsLanguage): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/u.exec(iso);
  if (match === null) throw new Error(`sds-document: "${iso}" is not an ISO date (yyyy-mm-dd)`);
  const [, y = '', m = '', d = ''] = match;
  switch (style) {
    case 'iso':
      return iso;
    case 'dmy-dot':
      return `${d}.${m}.${y}`;
    case 'dmy-slash':
      return `${d}/${m}/${y}`;
    case 'dmy-dash':
      return `${d}-${m}-${y}`;
    case 'mdy-slash':
      return `${m}/${d}/${y}`;
    case 'd-mon-y':
      return `${d}-${MONTHS_EN[Number(m) - 1] ?? m}-${y}`;
    case 'long': {
      // Month names in the language, from the ICU data Node ships with (`15 mars 2024`, `15. März 2024`,
      // `15 marca 2024`). ICU puts no-break spaces in some locales; the document prints plain spaces.
      const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
      const format = new Intl.DateTimeFormat(VOCABULARY[language].locale, {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      });
      return format.format(date).replace(/[\u00a0\u202f]/gu, ' ');
    }
  }
}

// OSHA HazCom 2012, 29 CFR 1910.1200 Appendix D: the sixteen section titles of a US SDS.
const OSHA_SECTIONS: Readonly<Record<number, string>> = {
  1: 'Identification',
  2: 'Hazard(s) identification',
  3: 'Composition/information on ingredients',
  4: 'First-aid measures',
  5: 'Fire-fighting measures',
  6: 'Accidental release measures',
  7: 'Handling and storage',
  8: 'Exposure controls/personal protection',
  9: 'Physical and chemical properties',
  10: 'Stability and reactivity',
  11: 'Toxicological information',
  12: 'Ecological information',
  13: 'Disposal considerations',
  14: 'Transport information',
  15: 'Regulatory information',
  16: 'Other information, including date of preparation or last revision',
};

// Appendix D asks for these items under sections 1–3; US SDSs print them as unnumbered sub-headings.
const OSHA_SUBSECTIONS: Readonly<Record<string, string>> = {
  '1.1': 'Product identifier',
  '1.2': 'Recommended use and restrictions on use',
  '1.3': 'Manufacturer / supplier',
  '1.4': 'Emergency telephone number',
  '2.1': 'Classification of the chemical',
  '2.2': 'Label elements',
  '2.3': 'Hazards not otherwise classified (HNOC)',
  '3.1': 'Substances',
  '3.2': 'Mixtures',
};

function sectionTitle(spec: SdsSpec, n: number): string {
  const title = spec.format === 'US-OSHA-16' ? OSHA_SECTIONS[n] : HEADINGS[spec.language].sections[n];
  if (title === undefined) throw new Error(`sds-document: no title for section ${n}`);
  return title;
}

function sectionHeading(spec: SdsSpec, n: number): string {
  const word = spec.format === 'US-OSHA-16' ? 'SECTION' : HEADINGS[spec.language].sectionWord;
  const title = sectionTitle(spec, n);
  const upper = title.toLocaleUpperCase(VOCABULARY[spec.language].locale);
  switch (spec.headingStyle) {
    case 'word-colon-upper':
      return `${word} ${n}: ${upper}`;
    case 'word-dot':
      return `${word} ${n}. ${title}`;
    case 'number-upper':
      return `${n}. ${upper}`;
    case 'word-dash':
      return `${word} ${n} - ${title}`;
  }
}

function subsectionHeading(spec: SdsSpec, number: string): string {
  if (spec.format === 'US-OSHA-16') return OSHA_SUBSECTIONS[number] ?? number;
  return `${number} ${HEADINGS[spec.language].subsections[number] ?? ''}`;
}

function countryName(code: string, language: SdsLanguage): string {
  return new Intl.DisplayNames([VOCABULARY[language].locale], { type: 'region' }).of(code) ?? code;
}

function addressLines(supplier: SupplierSpec): string[] {
  // US and UK addresses put the postal code after the town; continental Europe puts it first.
  if (supplier.country === 'US') return [supplier.street, `${supplier.city}, ${supplier.postalCode}`];
  if (supplier.country === 'GB' || supplier.country === 'IE') return [supplier.street, `${supplier.city} ${supplier.postalCode}`];
  return [supplier.street, `${supplier.postalCode} ${supplier.city}`];
}

function signalWordText(spec: SdsSpec): string | null {
  if (spec.signalWord === 'none') return null;
  const word = HEADINGS[spec.language].signalWords[spec.signalWord];
  return spec.signalWordUpperCase ? word.toLocaleUpperCase(VOCABULARY[spec.language].locale) : word;
}

/** Decimal commas become points in English text (`13,5` → `13.5`); other languages keep what they were given. */
function localNumber(value: string, language: SdsLanguage): string {
  return language === 'en' ? value.replace(/(\d),(\d)/gu, '$1.$2') : value;
}

// OSHA HazCom names the hazard classes in words (29 CFR 1910.1200 Appendix A/B) where CLP abbreviates them.
const OSHA_CLASS_NAMES: Readonly<Record<string, string>> = {
  'Flam. Liq.': 'Flammable liquids',
  'Met. Corr.': 'Corrosive to metals',
  'Skin Corr.': 'Skin corrosion/irritation',
  'Skin Irrit.': 'Skin corrosion/irritation',
  'Eye Dam.': 'Serious eye damage/eye irritation',
  'Eye Irrit.': 'Serious eye damage/eye irritation',
  'Acute Tox.': 'Acute toxicity',
  'STOT SE': 'Specific target organ toxicity (single exposure)',
  'STOT RE': 'Specific target organ toxicity (repeated exposure)',
  'Asp. Tox.': 'Aspiration hazard',
  'Repr.': 'Reproductive toxicity',
  'Skin Sens.': 'Skin sensitization',
};

function oshaClassification(hazardClass: string): string {
  const match = /^(.*?)\s+(\S+)$/u.exec(hazardClass);
  if (match === null) return hazardClass;
  const [, name = '', category = ''] = match;
  const words = OSHA_CLASS_NAMES[name];
  // Eye Irrit. 2 of CLP is category 2A under OSHA.
  const usCategory = name === 'Eye Irrit.' && category === '2' ? '2A' : category;
  return words === undefined ? hazardClass : `${words} - Category ${usCategory}`;
}

// --- Drawing blocks -------------------------------------------------------------------------------------------------

function drawSectionBar(flow: Flow, text: string): void {
  const size = fitSize(text, 'Helvetica-Bold', 10, WIDTH - 8, 8);
  const lines = wrapText(text, 'Helvetica-Bold', size, WIDTH - 8);
  const step = size + 3;
  // Keep the bar with at least three lines of its section.
  flow.need(lines.length * step + 3 * BODY_LINE);
  flow.space(4);
  const firstBaseline = flow.y;
  const top = firstBaseline + size + 1;
  const bottom = firstBaseline - (lines.length - 1) * step - 0.3 * size - 2;
  flow.draw((page) => page.rect(LEFT, bottom, WIDTH, top - bottom, { fill: 0.86 }));
  for (const line of lines) flow.text(LEFT + 4, line, { font: 'Helvetica-Bold', size }, step);
  flow.space(6);
}

function drawSubheading(flow: Flow, text: string): void {
  flow.need(3 * BODY_LINE);
  flow.space(2);
  for (const line of wrapText(text, 'Helvetica-Bold', 9, WIDTH)) flow.text(LEFT, line, { font: 'Helvetica-Bold', size: 9 }, 12);
}

function drawParagraph(flow: Flow, text: string, indent = 0): void {
  for (const line of wrapText(text, BODY.font, BODY.size, WIDTH - indent)) flow.text(LEFT + indent, line);
}

/** `Label:` in the left column, value lines beside it; each wraps in its own column. */
function drawField(flow: Flow, label: string, values: readonly string[]): void {
  const labelLines = wrapText(`${label}:`, BODY.font, BODY.size, LABEL_WIDTH - 6);
  const valueLines = values.flatMap((v) => wrapText(v, BODY.font, BODY.size, WIDTH - LABEL_WIDTH));
  const count = Math.max(labelLines.length, valueLines.length);
  flow.need(Math.min(count, 2) * BODY_LINE);
  for (let i = 0; i < count; i++) {
    flow.need(BODY_LINE);
    const y = flow.y;
    const labelLine = labelLines[i];
    const valueLine = valueLines[i];
    flow.draw((page) => {
      if (labelLine !== undefined) page.text(LEFT, y, labelLine, BODY);
      if (valueLine !== undefined) page.text(LEFT + LABEL_WIDTH, y, valueLine, BODY);
    });
    flow.y -= BODY_LINE;
  }
}

const PICTOGRAM_RED: Color = [0.85, 0.05, 0.1];

/** The red-bordered diamonds of the GHS pictograms (graphics only; the codes or names are printed as text). */
function drawPictogramDiamonds(flow: Flow, count: number): void {
  const size = 26;
  flow.need(size + 6);
  const top = flow.y + 4;
  flow.draw((page) => {
    for (let i = 0; i < count; i++) {
      const cx = LEFT + LABEL_WIDTH + size / 2 + i * (size + 8);
      const cy = top - size / 2;
      const h = size / 2;
      page.polygon(
        [
          [cx, cy + h],
          [cx + h, cy],
          [cx, cy - h],
          [cx - h, cy],
        ],
        { fill: 1, stroke: PICTOGRAM_RED, lineWidth: 2 },
      );
      page.rect(cx - 1.5, cy - 5, 3, 7, { fill: 0 });
    }
  });
  flow.space(size + 4);
}

interface Column {
  header: string;
  width: number;
}

/** A cell is a list of paragraphs, each wrapped to the column width. */
type Cell = readonly string[];

/**
 * A bordered table with a shaded header row, repeated at the top of every page the table continues on. Text is
 * drawn line by line across the row (the reading order pdftotext -layout shows), so a wrapped cell interleaves
 * with its neighbours in the extracted text, as it does in real SDSs. `breakAfterRow` forces a page break after
 * that row (0-based), for the `split` layout.
 */
function drawTable(flow: Flow, columns: readonly Column[], rows: readonly Cell[][], breakAfterRow?: number): void {
  const xs = columns.reduce<number[]>((acc, col) => [...acc, (acc[acc.length - 1] ?? LEFT) + col.width], [LEFT]);
  const layOut = (cells: readonly Cell[], font: FontName): string[][] =>
    cells.map((cell, i) => cell.flatMap((p) => wrapText(p, font, TABLE_SIZE, (columns[i]?.width ?? 0) - 2 * CELL_PAD)));
  const heightOf = (lines: readonly string[][]): number => Math.max(1, ...lines.map((l) => l.length)) * TABLE_LINE + 2 * CELL_PAD;

  // The table works with the top edge of the next row; the flow's cursor is a text baseline, about one cap height
  // lower than the top of that line's box.
  let top = flow.y + BODY.size;
  const newPage = (): void => {
    flow.newPage();
    top = flow.y + BODY.size;
  };
  const drawRow = (lines: readonly string[][], font: FontName, shade: boolean): void => {
    const height = heightOf(lines);
    const rowTop = top;
    flow.draw((page) => {
      if (shade) page.rect(LEFT, rowTop - height, WIDTH, height, { fill: 0.92 });
      page.rect(LEFT, rowTop - height, WIDTH, height, { stroke: 0.4, lineWidth: 0.5 });
      for (const x of xs.slice(1, -1)) page.line(x, rowTop, x, rowTop - height, { stroke: 0.4, lineWidth: 0.5 });
      const lineCount = Math.max(...lines.map((l) => l.length));
      for (let line = 0; line < lineCount; line++) {
        const baseline = rowTop - CELL_PAD - TABLE_SIZE - line * TABLE_LINE;
        lines.forEach((column, col) => {
          const text = column[line];
          if (text !== undefined && text !== '') page.text((xs[col] ?? LEFT) + CELL_PAD, baseline, text, { font, size: TABLE_SIZE });
        });
      }
    });
    top -= height;
  };

  const header = layOut(columns.map((c) => [c.header]), 'Helvetica-Bold');
  const body = rows.map((row) => layOut(row, 'Helvetica'));
  const fits = (height: number): boolean => top - height >= BODY_BOTTOM - TABLE_SIZE;
  // The header row never stands alone at the foot of a page.
  if (!fits(heightOf(header) + (body[0] === undefined ? 0 : heightOf(body[0])))) newPage();
  drawRow(header, 'Helvetica-Bold', true);
  body.forEach((row, i) => {
    const forced = breakAfterRow !== undefined && i === breakAfterRow + 1;
    if (forced || !fits(heightOf(row))) {
      newPage();
      drawRow(header, 'Helvetica-Bold', true);
    }
    drawRow(row, 'Helvetica', false);
  });
  flow.y = top - BODY_LINE;
}

// --- Sections ---------------------------------------------------------------------------------------------------

interface Printed {
  /** Codes as printed in section 2, in order (combined codes whole). */
  section2Codes: string[];
  substances: SdsTruthSubstance[];
}

function drawSection1(flow: Flow, spec: SdsSpec, v: Vocabulary): void {
  const { supplier } = spec;
  drawSubheading(flow, subsectionHeading(spec, '1.1'));
  drawField(flow, v.tradeName, [spec.productName]);
  drawSubheading(flow, subsectionHeading(spec, '1.2'));
  drawField(flow, v.identifiedUses, [spec.productUse]);
  drawSubheading(flow, subsectionHeading(spec, '1.3'));
  drawField(flow, v.supplier, [supplier.name]);
  drawField(flow, v.address, addressLines(supplier));
  drawField(flow, v.country, [countryName(supplier.country, spec.language)]);
  drawField(flow, v.phone, [supplier.phone]);
  drawField(flow, v.email, [supplier.email]);
  drawSubheading(flow, subsectionHeading(spec, '1.4'));
  drawParagraph(flow, spec.emergencyPhone);
}

function drawSection2(flow: Flow, spec: SdsSpec, v: Vocabulary, printed: Printed): void {
  const us = spec.format === 'US-OSHA-16';
  drawSubheading(flow, subsectionHeading(spec, '2.1'));
  if (spec.classification.length === 0) {
    drawParagraph(flow, v.notClassified);
  } else {
    if (!us) drawParagraph(flow, v.classificationClp);
    for (const entry of spec.classification) {
      if (us) {
        drawParagraph(flow, oshaClassification(entry.hazardClass), 10);
      } else {
        drawParagraph(flow, `${entry.hazardClass}; ${entry.code}`, 10);
        printed.section2Codes.push(entry.code);
      }
    }
  }

  drawSubheading(flow, subsectionHeading(spec, '2.2'));
  if (spec.pictograms.length > 0) {
    const shown = spec.pictogramStyle === 'codes' ? spec.pictograms : spec.pictograms.map((p) => v.pictogramNames[p]);
    drawField(flow, v.pictograms, [shown.join(', ')]);
    drawPictogramDiamonds(flow, spec.pictograms.length);
  }
  const signal = signalWordText(spec);
  if (signal !== null) drawField(flow, v.signalWord, [signal]);
  const statementLines = (entries: readonly StatementEntry[]): string[] =>
    entries.map((e) => (e.text === undefined ? e.code : `${e.code} ${e.text}`));
  if (spec.hazardStatements.length > 0) {
    drawField(flow, v.hazardStatements, statementLines(spec.hazardStatements));
    printed.section2Codes.push(...spec.hazardStatements.map((e) => e.code));
  }
  if (!us && spec.euhStatements.length > 0) {
    drawField(flow, v.supplementalHazard, statementLines(spec.euhStatements));
    printed.section2Codes.push(...spec.euhStatements.map((e) => e.code));
  }
  if (spec.precautionaryStatements.length > 0) drawField(flow, v.precautionary, [spec.precautionaryStatements.join(', ')]);

  drawSubheading(flow, subsectionHeading(spec, '2.3'));
  drawParagraph(flow, v.noData);
}

/** The columns each layout prints; identifiers a layout leaves out are null in the truth. */
function compositionColumns(spec: SdsSpec, v: Vocabulary): { columns: Column[]; cells: (s: SubstanceSpec) => Cell[]; printsEc: boolean } {
  const dash = '–';
  const us = spec.format === 'US-OSHA-16';
  const hasIndex = spec.substances.some((s) => s.index !== undefined);
  const hasReach = spec.substances.some((s) => s.reach !== undefined);
  // Widths are fixed per layout and the classification column takes what is left.
  const withRest = (cols: Array<Column & { cell: (s: SubstanceSpec) => Cell }>, rest: Column & { cell: (s: SubstanceSpec) => Cell }) => {
    const used = cols.reduce((sum, c) => sum + c.width, 0);
    const all = [...cols, { ...rest, width: WIDTH - used }];
    return { columns: all.map(({ header, width }) => ({ header, width })), cells: (s: SubstanceSpec) => all.map((c) => c.cell(s)) };
  };

  if (us) {
    // OSHA Appendix D §3: chemical name, CAS number, concentration; a withheld identity says so.
    const { columns, cells } = withRest(
      [
        { header: v.chemicalName, width: 260, cell: (s) => [s.name] },
        { header: v.cas, width: 110, cell: (s) => [s.cas ?? 'Proprietary'] },
      ],
      { header: 'Weight-%', width: 0, cell: (s) => [s.concentration] },
    );
    return { columns, cells, printsEc: false };
  }

  switch (spec.compositionLayout) {
    case 'stacked': {
      const ids = (s: SubstanceSpec): string[] => {
        const lines = [s.name];
        if (s.cas !== undefined) lines.push(v.cas, s.cas);
        if (s.ec !== undefined) lines.push(v.ec, s.ec);
        if (s.index !== undefined) lines.push(v.index, s.index);
        if (s.reach !== undefined) lines.push(v.reach, s.reach);
        return lines;
      };
      const { columns, cells } = withRest(
        [
          { header: `${v.chemicalName} / ${v.identifiers}`, width: 200, cell: ids },
          { header: v.concentration, width: 80, cell: (s) => [s.concentration] },
        ],
        { header: v.classification, width: 0, cell: (s) => s.classification.split('; ') },
      );
      return { columns, cells, printsEc: true };
    }
    case 'wrapped': {
      const { columns, cells } = withRest(
        [
          { header: v.chemicalName, width: 92, cell: (s) => [s.name] },
          { header: v.cas, width: 54, cell: (s) => [s.cas ?? dash] },
          { header: v.ec, width: 54, cell: (s) => [s.ec ?? dash] },
          { header: v.concentration, width: 62, cell: (s) => [s.concentration] },
        ],
        { header: v.classification, width: 0, cell: (s) => [s.classification] },
      );
      return { columns, cells, printsEc: true };
    }
    case 'table':
    case 'split': {
      const cols: Array<Column & { cell: (s: SubstanceSpec) => Cell }> = [
        { header: v.chemicalName, width: hasIndex && hasReach ? 112 : 150, cell: (s) => [s.name] },
        { header: v.cas, width: 50, cell: (s) => [s.cas ?? dash] },
        { header: v.ec, width: 50, cell: (s) => [s.ec ?? dash] },
      ];
      if (hasIndex) cols.push({ header: v.index, width: 56, cell: (s) => [s.index ?? dash] });
      if (hasReach) cols.push({ header: v.reach, width: 88, cell: (s) => [s.reach ?? dash] });
      cols.push({ header: v.concentration, width: 56, cell: (s) => [s.concentration] });
      const { columns, cells } = withRest(cols, { header: v.classification, width: 0, cell: (s) => [s.classification] });
      return { columns, cells, printsEc: true };
    }
  }
}

function drawSection3(flow: Flow, spec: SdsSpec, v: Vocabulary, printed: Printed): void {
  drawSubheading(flow, subsectionHeading(spec, '3.1'));
  drawParagraph(flow, v.notApplicable);
  drawSubheading(flow, subsectionHeading(spec, '3.2'));
  const { columns, cells, printsEc } = compositionColumns(spec, v);
  const rows = spec.substances.map(cells);
  const breakAfter = spec.compositionLayout === 'split' ? Math.max(0, Math.ceil(rows.length / 2) - 1) : undefined;
  drawTable(flow, columns, rows, breakAfter);
  printed.substances = spec.substances.map((s) => ({
    name: s.name,
    cas: s.cas ?? null,
    ec: printsEc ? (s.ec ?? null) : null,
    concentration: s.concentration,
  }));
}

// EU indicative occupational exposure limit values (Directives 2000/39/EC and 2006/15/EC) for the substances the
// recipes use that have one: [8 h TWA, 15 min short-term]. Printing them puts CAS numbers outside section 3, as
// real SDSs do, so a parser has to know which section it is reading.
const EU_IOELV: Readonly<Partial<Record<string, readonly [string, string]>>> = {
  '112-34-5': ['10 ppm', '15 ppm'],
  '108-88-3': ['50 ppm', '100 ppm'],
  '67-56-1': ['200 ppm', '–'],
  '111-76-2': ['20 ppm', '50 ppm'],
};

function drawExposureLimits(flow: Flow, spec: SdsSpec, v: Vocabulary): void {
  if (spec.format === 'US-OSHA-16') return;
  const rows = spec.substances.flatMap((s) => {
    const limits = s.cas === undefined ? undefined : EU_IOELV[s.cas];
    return limits === undefined || s.cas === undefined ? [] : [[[s.name], [s.cas], [limits[0]], [limits[1]]]];
  });
  if (rows.length === 0) return;
  drawParagraph(flow, 'EU IOELV (2000/39/EC, 2006/15/EC)');
  const columns = [
    { header: v.chemicalName, width: 211 },
    { header: v.cas, width: 100 },
    { header: '8 h', width: 100 },
    { header: '15 min', width: WIDTH - 411 },
  ];
  drawTable(flow, columns, rows);
}

function drawOtherSections(flow: Flow, spec: SdsSpec, v: Vocabulary, n: number): void {
  const { physical, language } = spec;
  const na = v.notApplicable;
  switch (n) {
    case 4:
      return drawParagraph(flow, v.firstAid);
    case 5:
      return drawParagraph(flow, v.fire);
    case 6:
      return drawParagraph(flow, v.spill);
    case 7:
      return drawParagraph(flow, v.storage);
    case 8:
      drawExposureLimits(flow, spec, v);
      return drawParagraph(flow, v.ppe);
    case 9:
      drawField(flow, v.physicalState, [v.liquid]);
      drawField(flow, 'pH', [physical.ph === null ? na : localNumber(physical.ph, language)]);
      drawField(flow, v.flashPoint, [physical.flashPoint === null ? na : localNumber(physical.flashPoint, language)]);
      drawField(flow, v.density, [localNumber(physical.density, language)]);
      return;
    case 13:
      return drawParagraph(flow, v.disposal);
    case 14:
      return drawField(flow, v.unNumber, [physical.unNumber ?? na]);
    case 16: {
      const revised = formatDate(spec.revisionDate, spec.dateStyle, language);
      drawField(flow, v.revised, [revised]);
      drawField(flow, v.version, [spec.version]);
      return drawParagraph(flow, v.changes);
    }
    default:
      return drawParagraph(flow, v.noData);
  }
}

// --- Header and footer ------------------------------------------------------------------------------------------

function drawHeader(page: PdfPage, spec: SdsSpec, v: Vocabulary): void {
  const us = spec.format === 'US-OSHA-16';
  const title = us ? 'Safety Data Sheet' : HEADINGS[spec.language].documentTitle;
  const regulation = us ? 'according to OSHA Hazard Communication Standard, 29 CFR 1910.1200' : v.regulation;
  const right: string[] = [];
  if (spec.revisionDatePlacement === 'header') right.push(`${v.revised}: ${formatDate(spec.revisionDate, spec.dateStyle, spec.language)}`);
  right.push(`${v.printDate}: ${formatDate(spec.printDate, spec.dateStyle, spec.language)}`);
  right.push(`${v.version}: ${spec.version}`);
  const rightWidth = Math.max(...right.map((t) => textWidth(t, 'Helvetica', 8)));
  const leftWidth = WIDTH - rightWidth - 12;

  const left: Array<{ text: string; style: TextStyle }> = [
    { text: title, style: { font: 'Helvetica-Bold', size: fitSize(title, 'Helvetica-Bold', 13, leftWidth, 9) } },
    { text: regulation, style: { size: fitSize(regulation, 'Helvetica', 6.5, leftWidth, 4.5) } },
    { text: spec.productName, style: { font: 'Helvetica-Bold', size: fitSize(spec.productName, 'Helvetica-Bold', 9, leftWidth, 6) } },
  ];
  // Three header lines, each with its left part and (when there is one) its right-aligned part.
  [812, 800, 788].forEach((y, i) => {
    const l = left[i];
    if (l !== undefined) page.text(LEFT, y, l.text, l.style);
    const r = right[i];
    if (r !== undefined) page.text(RIGHT - textWidth(r, 'Helvetica', 8), y, r, { size: 8 });
  });
  page.line(LEFT, 780, RIGHT, 780, { lineWidth: 0.8 });
}

function drawFooter(page: PdfPage, spec: SdsSpec, v: Vocabulary, pageNumber: number, pageCount: number): void {
  page.line(LEFT, 50, RIGHT, 50, { lineWidth: 0.5 });
  page.text(LEFT, 38, spec.supplier.name, { size: 7.5 });
  const pageText = v.pageOf(pageNumber, pageCount);
  page.text(RIGHT - textWidth(pageText, 'Helvetica', 8), 38, pageText, { size: 8 });
}

// --- Building -----------------------------------------------------------------------------------------------------

/** Splits combined codes (`H301+H311+H331` → three codes) and deduplicates, keeping the first occurrence. */
function splitCodes(codes: readonly string[]): string[] {
  const out: string[] = [];
  for (const code of codes.flatMap((c) => c.split('+').map((part) => part.trim()))) {
    if (!out.includes(code)) out.push(code);
  }
  return out;
}

function dedupeByCas(substances: readonly SdsTruthSubstance[]): SdsTruthSubstance[] {
  const seen = new Set<string>();
  return substances.filter((s) => {
    if (s.cas === null) return true;
    if (seen.has(s.cas)) return false;
    seen.add(s.cas);
    return true;
  });
}

/**
 * A file name from the language and product, numbered like the shared corpus when `number` is given:
 * `sv-nordkem-grovavfettning-alkalisk.pdf`, `sv-01-nordkem-grovavfettning-alkalisk.pdf`.
 */
export function fixtureFileName(language: SdsLanguage, productName: string, number?: number): string {
  // Letters with a stroke or ligatures have no decomposition, so NFD alone would drop them.
  const folded = productName
    .replace(/[łŁ]/gu, 'l')
    .replace(/[øØ]/gu, 'o')
    .replace(/[æÆ]/gu, 'ae')
    .replace(/ß/gu, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, '-')
    .replace(/^-|-$/gu, '');
  const prefix = number === undefined ? language : `${language}-${String(number).padStart(2, '0')}`;
  return `${prefix}-${folded}.pdf`;
}

function variantNotes(spec: SdsSpec): string {
  const parts = [
    `Generated ${spec.format} SDS`,
    `headings ${spec.headingStyle}`,
    `dates ${spec.dateStyle}`,
    `revision date in ${spec.revisionDatePlacement === 'header' ? 'page header and section 16' : 'section 16 only'}`,
    `composition ${spec.format === 'US-OSHA-16' ? 'US table (name, CAS, weight-%)' : spec.compositionLayout}`,
    `pictograms as ${spec.pictogramStyle}`,
    spec.compress ? 'FlateDecode streams' : 'uncompressed streams',
  ];
  if (spec.signalWordUpperCase) parts.push('signal word in capitals');
  if (spec.userPassword !== undefined) parts.push('encrypted with a user password');
  return `${parts.join('; ')}.`;
}

/**
 * Lays out `spec` as a PDF and returns it with the facts a parser should read from it. The same spec always gives
 * the same bytes. Note that pdf.js (and so pdf-parse) transfers the buffer it is given to its worker, which empties
 * it: pass `bytes.slice()` when the bytes are used again afterwards.
 */
export function buildSdsPdf(spec: SdsSpec): { bytes: Uint8Array; truth: SdsTruth } {
  if (spec.format === 'US-OSHA-16' && spec.language !== 'en') {
    throw new Error(`sds-document: US-OSHA-16 fixtures are English only (got ${spec.language})`);
  }
  const v = VOCABULARY[spec.language];
  const flow = new Flow();
  const printed: Printed = { section2Codes: [], substances: [] };

  for (let n = 1; n <= 16; n++) {
    drawSectionBar(flow, sectionHeading(spec, n));
    if (n === 1) drawSection1(flow, spec, v);
    else if (n === 2) drawSection2(flow, spec, v, printed);
    else if (n === 3) drawSection3(flow, spec, v, printed);
    else drawOtherSections(flow, spec, v, n);
    flow.space(8);
  }

  const doc = new PdfDocument({
    compress: spec.compress,
    encryption: spec.userPassword === undefined ? undefined : { userPassword: spec.userPassword },
    info: {
      title: `${spec.format === 'US-OSHA-16' ? 'Safety Data Sheet' : HEADINGS[spec.language].documentTitle}: ${spec.productName}`,
      author: spec.supplier.name,
      creationDate: new Date(`${spec.printDate}T00:00:00Z`),
    },
  });
  flow.pages.forEach((draws, i) => {
    const page = doc.addPage();
    drawHeader(page, spec, v);
    for (const draw of draws) draw(page);
    drawFooter(page, spec, v, i + 1, flow.pages.length);
  });

  const codes = splitCodes(printed.section2Codes);
  const truth: SdsTruth = {
    file: spec.fileName ?? fixtureFileName(spec.language, spec.productName),
    language: spec.language,
    format: spec.format,
    productName: spec.productName,
    supplierName: spec.supplier.name,
    revisionDate: spec.revisionDate,
    signalWord: signalWordText(spec),
    hazardStatements: codes.filter((c) => /^H\d/u.test(c)),
    euhStatements: codes.filter((c) => c.startsWith('EUH')),
    substances: dedupeByCas(printed.substances),
    source: 'generated by test/support/sds-pdf (buildSdsPdf)',
    notes: variantNotes(spec),
    pictograms: [...spec.pictograms],
    supplierCountry: spec.supplier.country,
    version: spec.version,
    printDate: spec.printDate,
  };
  return { bytes: doc.toBytes(), truth };
}

// --- Default specs ------------------------------------------------------------------------------------------------

/** Which of a language's two sample products to start from. */
export type SampleProduct = 'primary' | 'secondary';

const DEFAULT_DATE_STYLE: Readonly<Record<SdsLanguage, DateStyle>> = {
  sv: 'iso',
  da: 'dmy-dot',
  nb: 'dmy-dot',
  fi: 'dmy-dot',
  en: 'dmy-slash',
  de: 'dmy-dot',
  fr: 'dmy-slash',
  nl: 'dmy-dash',
  es: 'dmy-slash',
  it: 'dmy-slash',
  pl: 'dmy-dot',
  pt: 'dmy-slash',
};

/** Deterministic, distinct dates per sample: days 13–28 so day and month cannot be confused. */
function sampleDates(seed: number): { revisionDate: string; printDate: string; version: string } {
  const revision = new Date(Date.UTC(2021 + (seed % 4), (seed * 5) % 12, 13 + ((seed * 7) % 16)));
  const print = new Date(revision.getTime() + (120 + ((seed * 37) % 400)) * 86_400_000);
  const iso = (d: Date): string => d.toISOString().slice(0, 10);
  return { revisionDate: iso(revision), printDate: iso(print), version: `${1 + ((seed * 3) % 6)}.${(seed * 7) % 10}` };
}

/**
 * A complete, realistic spec for `language`: one of its two sample products (recipe, supplier, dates) in the
 * default layout for that language. `overrides` replaces top-level fields. With `format: 'US-OSHA-16'` (English
 * only) the US sample product, a US supplier and US dates are used instead.
 */
export function defaultSpec(language: SdsLanguage, overrides: Partial<SdsSpec> = {}, product: SampleProduct = 'primary'): SdsSpec {
  const v = VOCABULARY[language];
  const us = overrides.format === 'US-OSHA-16';
  const samples = LANGUAGE_SAMPLES[language];
  const sample = us ? US_SAMPLE : product === 'primary' ? samples[0] : samples[1];
  const recipe = RECIPES[sample.recipe];
  const seed = SDS_LANGUAGES.indexOf(language) * 2 + (product === 'primary' ? 0 : 1) + (us ? 7 : 0);

  const statement = (code: string): StatementEntry => {
    // EUH208 names the sensitiser; in the recipes that is always the isothiazolinone preservative.
    if (code === 'EUH208') return { code, text: v.euh208(v.substances.cmit) };
    const text = HAZARD_STATEMENTS[code]?.[language];
    return text === undefined ? { code } : { code, text };
  };

  const base: SdsSpec = {
    language,
    format: us ? 'US-OSHA-16' : 'EU-REACH-16',
    headingStyle: us ? 'word-dash' : 'word-colon-upper',
    dateStyle: us ? 'mdy-slash' : DEFAULT_DATE_STYLE[language],
    productName: sample.name,
    productUse: sample.use,
    supplier: sample.supplier,
    emergencyPhone: sample.emergencyPhone,
    ...sampleDates(seed),
    revisionDatePlacement: 'header',
    signalWord: recipe.signalWord,
    signalWordUpperCase: false,
    classification: recipe.classification.map(([hazardClass, code]) => ({ hazardClass, code })),
    hazardStatements: recipe.label.filter((c) => c.startsWith('H')).map(statement),
    euhStatements: us ? [] : recipe.label.filter((c) => c.startsWith('EUH')).map(statement),
    precautionaryStatements: [...recipe.precautionary],
    pictograms: [...recipe.pictograms],
    pictogramStyle: 'codes',
    substances: recipe.substances.map(({ key, concentration }) => ({ ...SUBSTANCES[key], name: v.substances[key], concentration })),
    compositionLayout: 'table',
    physical: { ...recipe.physical },
    compress: true,
  };
  return { ...base, ...overrides };
}

/** A trade-secret component as SDSs print it: a generic name, no CAS or EC number. */
export function tradeSecretSubstance(language: SdsLanguage, concentration = '1 - 5 %'): SubstanceSpec {
  return { name: VOCABULARY[language].tradeSecret, concentration, classification: 'Eye Irrit. 2, H319' };
}

// ==================================================================================================================
// Content: substances, recipes, vocabulary and sample products per language.
// ==================================================================================================================

type SubstanceKey =
  | 'naoh'
  | 'degbe'
  | 'aeo'
  | 'ethanol'
  | 'ipa'
  | 'cmit'
  | 'naocl'
  | 'amineOxide'
  | 'hydrocarbons'
  | 'toluene'
  | 'methanol'
  | 'boric'
  | 'butoxyethanol';

// Identifiers and classification of each substance. Classifications follow CLP Annex VI where the substance has a
// harmonised entry (index number given), otherwise common self-classifications. `name` is the English name, for
// reading this table; documents print the name from the language's vocabulary.
const SUBSTANCES: Readonly<Record<SubstanceKey, Omit<SubstanceSpec, 'concentration'>>> = {
  naoh: {
    name: 'sodium hydroxide',
    cas: '1310-73-2',
    ec: '215-185-5',
    index: '011-002-00-6',
    reach: '01-2119457892-27-xxxx',
    classification: 'Met. Corr. 1, H290; Skin Corr. 1A, H314',
  },
  degbe: {
    name: '2-(2-butoxyethoxy)ethanol',
    cas: '112-34-5',
    ec: '203-961-6',
    index: '603-096-00-8',
    reach: '01-2119475104-44-xxxx',
    classification: 'Eye Irrit. 2, H319',
  },
  // A polymer: CAS number only, no EC number.
  aeo: { name: 'Alcohols, C9-11, ethoxylated', cas: '68439-46-3', classification: 'Acute Tox. 4, H302; Eye Dam. 1, H318' },
  ethanol: {
    name: 'ethanol',
    cas: '64-17-5',
    ec: '200-578-6',
    index: '603-002-00-5',
    reach: '01-2119457610-43-xxxx',
    classification: 'Flam. Liq. 2, H225; Eye Irrit. 2, H319',
  },
  ipa: {
    name: 'propan-2-ol',
    cas: '67-63-0',
    ec: '200-661-7',
    index: '603-117-00-0',
    reach: '01-2119457558-25-xxxx',
    classification: 'Flam. Liq. 2, H225; Eye Irrit. 2, H319; STOT SE 3, H336',
  },
  // Its EC "number" is an ECHA list number (9xx).
  cmit: {
    name: 'reaction mass of 5-chloro-2-methyl-2H-isothiazol-3-one and 2-methyl-2H-isothiazol-3-one (3:1)',
    cas: '55965-84-9',
    ec: '911-418-6',
    index: '613-167-00-5',
    classification:
      'Acute Tox. 3, H301; Acute Tox. 2, H310; Acute Tox. 2, H330; Skin Corr. 1C, H314; Eye Dam. 1, H318; Skin Sens. 1A, H317; Aquatic Acute 1, H400; Aquatic Chronic 1, H410; EUH071',
  },
  naocl: {
    name: 'sodium hypochlorite',
    cas: '7681-52-9',
    ec: '231-668-3',
    index: '017-011-00-1',
    reach: '01-2119488154-34-xxxx',
    classification: 'Met. Corr. 1, H290; Skin Corr. 1B, H314; Eye Dam. 1, H318; Aquatic Acute 1, H400; Aquatic Chronic 1, H410; EUH031',
  },
  amineOxide: {
    name: 'Amines, C12-14 (even numbered)-alkyldimethyl, N-oxides',
    cas: '308062-28-4',
    ec: '931-292-6',
    reach: '01-2119490061-47-xxxx',
    classification: 'Acute Tox. 4, H302; Skin Irrit. 2, H315; Eye Dam. 1, H318; Aquatic Acute 1, H400; Aquatic Chronic 2, H411',
  },
  // A UVCB registered under an EC list number and no CAS number (the en-10 case of the shared corpus).
  hydrocarbons: {
    name: 'Hydrocarbons, C9-C11, n-alkanes, isoalkanes, cyclics, < 2% aromatics',
    ec: '919-857-5',
    reach: '01-2119463258-33-xxxx',
    classification: 'Flam. Liq. 3, H226; Asp. Tox. 1, H304; STOT SE 3, H336; EUH066',
  },
  toluene: {
    name: 'toluene',
    cas: '108-88-3',
    ec: '203-625-9',
    index: '601-021-00-3',
    reach: '01-2119471310-51-xxxx',
    classification: 'Flam. Liq. 2, H225; Asp. Tox. 1, H304; Skin Irrit. 2, H315; STOT SE 3, H336; Repr. 2, H361d; STOT RE 2, H373',
  },
  methanol: {
    name: 'methanol',
    cas: '67-56-1',
    ec: '200-659-6',
    index: '603-001-00-X',
    reach: '01-2119433307-44-xxxx',
    classification: 'Flam. Liq. 2, H225; Acute Tox. 3, H301; Acute Tox. 3, H311; Acute Tox. 3, H331; STOT SE 1, H370',
  },
  boric: {
    name: 'boric acid',
    cas: '10043-35-3',
    ec: '233-139-2',
    index: '005-007-00-2',
    reach: '01-2119486683-25-xxxx',
    classification: 'Repr. 1B, H360FD',
  },
  butoxyethanol: {
    name: '2-butoxyethanol',
    cas: '111-76-2',
    ec: '203-905-0',
    index: '603-014-00-0',
    reach: '01-2119475108-36-xxxx',
    classification: 'Acute Tox. 4, H302; Acute Tox. 4, H312; Acute Tox. 4, H332; Skin Irrit. 2, H315; Eye Irrit. 2, H319',
  },
};

type RecipeKey = 'degreaser' | 'surfaceCleaner' | 'chlorineCleaner' | 'thinner' | 'fixative' | 'boricBuffer';

interface Recipe {
  substances: ReadonlyArray<{ key: SubstanceKey; concentration: string }>;
  /** 2.1: [hazard class and category, H code]. */
  classification: ReadonlyArray<readonly [string, string]>;
  /** 2.2 statement codes, combined codes whole. */
  label: readonly string[];
  precautionary: readonly string[];
  pictograms: readonly GhsPictogram[];
  signalWord: SignalWordChoice;
  physical: PhysicalProperties;
}

// Six product types; each language uses two of them. Concentrations are printed as real SDSs print them: with and
// without %, with ≥/< and en dashes, decimal commas.
const RECIPES: Readonly<Record<RecipeKey, Recipe>> = {
  // Alkaline degreaser: corrosive.
  degreaser: {
    substances: [
      { key: 'naoh', concentration: '1 - 5 %' },
      { key: 'degbe', concentration: '5 - 10 %' },
      { key: 'aeo', concentration: '1 - 5 %' },
    ],
    classification: [
      ['Met. Corr. 1', 'H290'],
      ['Skin Corr. 1A', 'H314'],
    ],
    label: ['H290', 'H314'],
    precautionary: ['P234', 'P260', 'P280', 'P301+P330+P331', 'P303+P361+P353', 'P305+P351+P338'],
    pictograms: ['GHS05'],
    signalWord: 'danger',
    physical: { ph: '13,5', flashPoint: '> 100 °C', density: '1,08 g/cm³', unNumber: 'UN1719' },
  },
  // Alcohol-based surface cleaner with an isothiazolinone preservative: EUH208 on the label.
  surfaceCleaner: {
    substances: [
      { key: 'ethanol', concentration: '≥10 – <25' },
      { key: 'ipa', concentration: '≥5 – <10' },
      { key: 'cmit', concentration: '< 0,0015' },
    ],
    classification: [
      ['Flam. Liq. 3', 'H226'],
      ['Eye Irrit. 2', 'H319'],
    ],
    label: ['H226', 'H319', 'EUH208'],
    precautionary: ['P210', 'P233', 'P280', 'P305+P351+P338', 'P337+P313', 'P403+P235'],
    pictograms: ['GHS02', 'GHS07'],
    signalWord: 'warning',
    physical: { ph: '7,5', flashPoint: '32 °C', density: '0,97 g/cm³', unNumber: 'UN1993' },
  },
  // Chlorine cleaner: H318 is classified in 2.1 but not repeated on the label, as CLP Art. 27 allows next to H314.
  chlorineCleaner: {
    substances: [
      { key: 'naocl', concentration: '2,5 - 5' },
      { key: 'amineOxide', concentration: '1 - < 3' },
      { key: 'naoh', concentration: '< 1' },
    ],
    classification: [
      ['Met. Corr. 1', 'H290'],
      ['Skin Corr. 1B', 'H314'],
      ['Eye Dam. 1', 'H318'],
      ['Aquatic Chronic 2', 'H411'],
    ],
    label: ['H290', 'H314', 'H411', 'EUH031'],
    precautionary: ['P260', 'P273', 'P280', 'P301+P330+P331', 'P305+P351+P338', 'P310'],
    pictograms: ['GHS05', 'GHS09'],
    signalWord: 'danger',
    physical: { ph: '12,8', flashPoint: null, density: '1,10 g/cm³', unNumber: 'UN1791' },
  },
  // Paint thinner: a suffixed code (H361d), EUH066, and a component without a CAS number.
  thinner: {
    substances: [
      { key: 'hydrocarbons', concentration: '50 - 100' },
      { key: 'toluene', concentration: '≥1 – <3' },
      { key: 'butoxyethanol', concentration: '1 - 5 %' },
    ],
    classification: [
      ['Flam. Liq. 3', 'H226'],
      ['Asp. Tox. 1', 'H304'],
      ['STOT SE 3', 'H336'],
      ['Repr. 2', 'H361d'],
    ],
    label: ['H226', 'H304', 'H336', 'H361d', 'EUH066'],
    precautionary: ['P210', 'P260', 'P280', 'P301+P310', 'P331', 'P403+P233'],
    pictograms: ['GHS02', 'GHS07', 'GHS08'],
    signalWord: 'danger',
    physical: { ph: null, flashPoint: '41 °C', density: '0,77 g/cm³', unNumber: 'UN1268' },
  },
  // Methanol laboratory fixative: a combined statement (H301+H311+H331) on the label, split in 2.1.
  fixative: {
    substances: [
      { key: 'methanol', concentration: '25-50' },
      { key: 'ipa', concentration: '10-25' },
      { key: 'ethanol', concentration: '5-10' },
    ],
    classification: [
      ['Flam. Liq. 2', 'H225'],
      ['Acute Tox. 3', 'H301'],
      ['Acute Tox. 3', 'H311'],
      ['Acute Tox. 3', 'H331'],
      ['STOT SE 1', 'H370'],
    ],
    label: ['H225', 'H301+H311+H331', 'H370'],
    precautionary: ['P210', 'P260', 'P280', 'P301+P310', 'P302+P352', 'P304+P340'],
    pictograms: ['GHS02', 'GHS06', 'GHS08'],
    signalWord: 'danger',
    physical: { ph: null, flashPoint: '18 °C', density: '0,85 g/cm³', unNumber: 'UN1992' },
  },
  // Borate buffer: boric acid above its 5.5 % specific limit gives H360FD (suffixed code); a decimal-comma range.
  boricBuffer: {
    substances: [
      { key: 'boric', concentration: '5,5 - <10' },
      { key: 'naoh', concentration: '0,1-1' },
    ],
    classification: [['Repr. 1B', 'H360FD']],
    label: ['H360FD'],
    precautionary: ['P201', 'P202', 'P280', 'P308+P313', 'P405', 'P501'],
    pictograms: ['GHS08'],
    signalWord: 'danger',
    physical: { ph: '9,2', flashPoint: null, density: '1,03 g/cm³', unNumber: null },
  },
};

// Hazard statement texts of CLP Annex III in each language version, for the codes the recipes print.
const HAZARD_STATEMENTS: Readonly<Partial<Record<string, Readonly<Record<SdsLanguage, string>>>>> = {
  H225: {
    sv: 'Mycket brandfarlig vätska och ånga.',
    da: 'Meget brandfarlig væske og damp.',
    nb: 'Meget brannfarlig væske og damp.',
    fi: 'Erittäin helposti syttyvä neste ja höyry.',
    en: 'Highly flammable liquid and vapour.',
    de: 'Flüssigkeit und Dampf leicht entzündbar.',
    fr: 'Liquide et vapeurs très inflammables.',
    nl: 'Licht ontvlambare vloeistof en damp.',
    es: 'Líquido y vapores muy inflamables.',
    it: 'Liquido e vapori facilmente infiammabili.',
    pl: 'Wysoce łatwopalna ciecz i pary.',
    pt: 'Líquido e vapor facilmente inflamáveis.',
  },
  H226: {
    sv: 'Brandfarlig vätska och ånga.',
    da: 'Brandbar væske og damp.',
    nb: 'Brannfarlig væske og damp.',
    fi: 'Syttyvä neste ja höyry.',
    en: 'Flammable liquid and vapour.',
    de: 'Flüssigkeit und Dampf entzündbar.',
    fr: 'Liquide et vapeurs inflammables.',
    nl: 'Ontvlambare vloeistof en damp.',
    es: 'Líquidos y vapores inflamables.',
    it: 'Liquido e vapori infiammabili.',
    pl: 'Łatwopalna ciecz i pary.',
    pt: 'Líquido e vapor inflamáveis.',
  },
  H290: {
    sv: 'Kan vara korrosivt för metaller.',
    da: 'Kan ætse metaller.',
    nb: 'Kan være etsende for metaller.',
    fi: 'Voi syövyttää metalleja.',
    en: 'May be corrosive to metals.',
    de: 'Kann gegenüber Metallen korrosiv sein.',
    fr: 'Peut être corrosif pour les métaux.',
    nl: 'Kan bijtend zijn voor metalen.',
    es: 'Puede ser corrosivo para los metales.',
    it: 'Può essere corrosivo per i metalli.',
    pl: 'Może powodować korozję metali.',
    pt: 'Pode ser corrosivo para os metais.',
  },
  'H301+H311+H331': {
    sv: 'Giftigt vid förtäring, hudkontakt eller inandning.',
    da: 'Giftig ved indtagelse, ved hudkontakt eller ved indånding.',
    nb: 'Giftig ved svelging, hudkontakt eller innånding.',
    fi: 'Myrkyllistä nieltynä, joutuessaan iholle tai hengitettynä.',
    en: 'Toxic if swallowed, in contact with skin or if inhaled.',
    de: 'Giftig bei Verschlucken, Hautkontakt oder Einatmen.',
    fr: "Toxique en cas d'ingestion, par contact cutané ou par inhalation.",
    nl: 'Giftig bij inslikken, bij contact met de huid of bij inademing.',
    es: 'Tóxico en caso de ingestión, en contacto con la piel o si se inhala.',
    it: 'Tossico se ingerito, a contatto con la pelle o se inalato.',
    pl: 'Działa toksycznie po połknięciu, w kontakcie ze skórą lub w następstwie wdychania.',
    pt: 'Tóxico por ingestão, contacto com a pele ou inalação.',
  },
  H304: {
    sv: 'Kan vara dödligt vid förtäring om det kommer ner i luftvägarna.',
    da: 'Kan være livsfarligt, hvis det indtages og kommer i luftvejene.',
    nb: 'Kan være dødelig ved svelging om det kommer ned i luftveiene.',
    fi: 'Voi olla tappavaa nieltynä ja joutuessaan hengitysteihin.',
    en: 'May be fatal if swallowed and enters airways.',
    de: 'Kann bei Verschlucken und Eindringen in die Atemwege tödlich sein.',
    fr: "Peut être mortel en cas d'ingestion et de pénétration dans les voies respiratoires.",
    nl: 'Kan dodelijk zijn als de stof bij inslikken in de luchtwegen terechtkomt.',
    es: 'Puede ser mortal en caso de ingestión y penetración en las vías respiratorias.',
    it: 'Può essere letale in caso di ingestione e di penetrazione nelle vie respiratorie.',
    pl: 'Połknięcie i dostanie się przez drogi oddechowe może grozić śmiercią.',
    pt: 'Pode ser mortal por ingestão e penetração nas vias respiratórias.',
  },
  H314: {
    sv: 'Orsakar allvarliga frätskador på hud och ögon.',
    da: 'Forårsager svære forbrændinger af huden og øjenskader.',
    nb: 'Gir alvorlige etseskader på hud og øyne.',
    fi: 'Voimakkaasti ihoa syövyttävää ja silmiä vaurioittavaa.',
    en: 'Causes severe skin burns and eye damage.',
    de: 'Verursacht schwere Verätzungen der Haut und schwere Augenschäden.',
    fr: 'Provoque de graves brûlures de la peau et de graves lésions des yeux.',
    nl: 'Veroorzaakt ernstige brandwonden en oogletsel.',
    es: 'Provoca quemaduras graves en la piel y lesiones oculares graves.',
    it: 'Provoca gravi ustioni cutanee e gravi lesioni oculari.',
    pl: 'Powoduje poważne oparzenia skóry oraz uszkodzenia oczu.',
    pt: 'Provoca queimaduras na pele e lesões oculares graves.',
  },
  H319: {
    sv: 'Orsakar allvarlig ögonirritation.',
    da: 'Forårsager alvorlig øjenirritation.',
    nb: 'Gir alvorlig øyeirritasjon.',
    fi: 'Ärsyttää voimakkaasti silmiä.',
    en: 'Causes serious eye irritation.',
    de: 'Verursacht schwere Augenreizung.',
    fr: 'Provoque une sévère irritation des yeux.',
    nl: 'Veroorzaakt ernstige oogirritatie.',
    es: 'Provoca irritación ocular grave.',
    it: 'Provoca grave irritazione oculare.',
    pl: 'Działa drażniąco na oczy.',
    pt: 'Provoca irritação ocular grave.',
  },
  H336: {
    sv: 'Kan göra att man blir dåsig eller omtöcknad.',
    da: 'Kan forårsage sløvhed eller svimmelhed.',
    nb: 'Kan forårsake døsighet eller svimmelhet.',
    fi: 'Saattaa aiheuttaa uneliaisuutta tai huimausta.',
    en: 'May cause drowsiness or dizziness.',
    de: 'Kann Schläfrigkeit und Benommenheit verursachen.',
    fr: 'Peut provoquer somnolence ou vertiges.',
    nl: 'Kan slaperigheid of duizeligheid veroorzaken.',
    es: 'Puede provocar somnolencia o vértigo.',
    it: 'Può provocare sonnolenza o vertigini.',
    pl: 'Może wywoływać uczucie senności lub zawroty głowy.',
    pt: 'Pode provocar sonolência ou vertigens.',
  },
  H360FD: {
    sv: 'Kan skada fertiliteten. Kan skada det ofödda barnet.',
    da: 'Kan skade forplantningsevnen. Kan skade det ufødte barn.',
    nb: 'Kan skade forplantningsevnen. Kan gi fosterskader.',
    fi: 'Voi heikentää hedelmällisyyttä. Voi vaurioittaa sikiötä.',
    en: 'May damage fertility. May damage the unborn child.',
    de: 'Kann die Fruchtbarkeit beeinträchtigen. Kann das Kind im Mutterleib schädigen.',
    fr: 'Peut nuire à la fertilité. Peut nuire au fœtus.',
    nl: 'Kan de vruchtbaarheid schaden. Kan het ongeboren kind schaden.',
    es: 'Puede perjudicar a la fertilidad. Puede dañar al feto.',
    it: 'Può nuocere alla fertilità. Può nuocere al feto.',
    pl: 'Może działać szkodliwie na płodność. Może działać szkodliwie na dziecko w łonie matki.',
    pt: 'Pode afetar a fertilidade. Pode afetar o nascituro.',
  },
  H361d: {
    sv: 'Misstänks kunna skada det ofödda barnet.',
    da: 'Mistænkt for at kunne skade det ufødte barn.',
    nb: 'Mistenkes for å kunne gi fosterskader.',
    fi: 'Epäillään vaurioittavan sikiötä.',
    en: 'Suspected of damaging the unborn child.',
    de: 'Kann vermutlich das Kind im Mutterleib schädigen.',
    fr: 'Susceptible de nuire au fœtus.',
    nl: 'Wordt ervan verdacht het ongeboren kind te schaden.',
    es: 'Se sospecha que daña al feto.',
    it: 'Sospettato di nuocere al feto.',
    pl: 'Podejrzewa się, że działa szkodliwie na dziecko w łonie matki.',
    pt: 'Suspeito de afetar o nascituro.',
  },
  H370: {
    sv: 'Orsakar organskador.',
    da: 'Forårsager organskader.',
    nb: 'Forårsaker organskader.',
    fi: 'Vahingoittaa elimiä.',
    en: 'Causes damage to organs.',
    de: 'Schädigt die Organe.',
    fr: "Risque avéré d'effets graves pour les organes.",
    nl: 'Veroorzaakt schade aan organen.',
    es: 'Provoca daños en los órganos.',
    it: 'Provoca danni agli organi.',
    pl: 'Powoduje uszkodzenie narządów.',
    pt: 'Afeta os órgãos.',
  },
  H411: {
    sv: 'Giftigt för vattenlevande organismer med långtidseffekter.',
    da: 'Giftig for vandlevende organismer, med langvarige virkninger.',
    nb: 'Giftig, med langtidsvirkning, for liv i vann.',
    fi: 'Myrkyllistä vesieliöille, pitkäaikaisia haittavaikutuksia.',
    en: 'Toxic to aquatic life with long lasting effects.',
    de: 'Giftig für Wasserorganismen, mit langfristiger Wirkung.',
    fr: 'Toxique pour les organismes aquatiques, entraîne des effets néfastes à long terme.',
    nl: 'Giftig voor in het water levende organismen, met langdurige gevolgen.',
    es: 'Tóxico para los organismos acuáticos, con efectos nocivos duraderos.',
    it: 'Tossico per gli organismi acquatici con effetti di lunga durata.',
    pl: 'Działa toksycznie na organizmy wodne, powodując długotrwałe skutki.',
    pt: 'Tóxico para os organismos aquáticos com efeitos duradouros.',
  },
  EUH031: {
    sv: 'Utvecklar giftig gas vid kontakt med syra.',
    da: 'Udvikler giftig gas ved kontakt med syre.',
    nb: 'Ved kontakt med syrer utvikles giftig gass.',
    fi: 'Vapauttaa myrkyllistä kaasua, kun se on kosketuksissa hapon kanssa.',
    en: 'Contact with acids liberates toxic gas.',
    de: 'Entwickelt bei Berührung mit Säure giftige Gase.',
    fr: "Au contact d'un acide, dégage un gaz toxique.",
    nl: 'Vormt giftig gas in contact met zuren.',
    es: 'En contacto con ácidos libera gases tóxicos.',
    it: 'A contatto con acidi libera gas tossici.',
    pl: 'W kontakcie z kwasami uwalnia toksyczne gazy.',
    pt: 'Em contacto com ácidos liberta gases tóxicos.',
  },
  EUH066: {
    sv: 'Upprepad kontakt kan ge torr hud eller hudsprickor.',
    da: 'Gentagen udsættelse kan give tør eller revnet hud.',
    nb: 'Gjentatt eksponering kan gi tørr eller sprukket hud.',
    fi: 'Toistuva altistus voi aiheuttaa ihon kuivumista tai halkeilua.',
    en: 'Repeated exposure may cause skin dryness or cracking.',
    de: 'Wiederholter Kontakt kann zu spröder oder rissiger Haut führen.',
    fr: "L'exposition répétée peut provoquer dessèchement ou gerçures de la peau.",
    nl: 'Herhaalde blootstelling kan een droge of gebarsten huid veroorzaken.',
    es: 'La exposición repetida puede provocar sequedad o formación de grietas en la piel.',
    it: "L'esposizione ripetuta può provocare secchezza o screpolature della pelle.",
    pl: 'Powtarzające się narażenie może powodować wysuszanie lub pękanie skóry.',
    pt: 'Pode provocar secura da pele ou fissuras, por exposição repetida.',
  },
};

/** Labels and stock phrases of one language. */
interface Vocabulary {
  /** BCP 47 locale for ICU month and country names. */
  locale: string;
  /** The page-header line naming the legal basis. */
  regulation: string;
  tradeName: string;
  identifiedUses: string;
  supplier: string;
  address: string;
  country: string;
  phone: string;
  email: string;
  revised: string;
  printDate: string;
  version: string;
  classificationClp: string;
  notClassified: string;
  pictograms: string;
  signalWord: string;
  hazardStatements: string;
  supplementalHazard: string;
  precautionary: string;
  chemicalName: string;
  identifiers: string;
  cas: string;
  ec: string;
  index: string;
  reach: string;
  concentration: string;
  classification: string;
  notApplicable: string;
  noData: string;
  physicalState: string;
  liquid: string;
  flashPoint: string;
  density: string;
  unNumber: string;
  firstAid: string;
  fire: string;
  spill: string;
  storage: string;
  ppe: string;
  disposal: string;
  changes: string;
  tradeSecret: string;
  pageOf: (page: number, pages: number) => string;
  /** The CLP Annex V pictogram names as the language version of CLP gives them. */
  pictogramNames: Readonly<Record<GhsPictogram, string>>;
  /** CLP Annex II 2.8 text for a skin sensitiser below its classification limit. */
  euh208: (substance: string) => string;
  substances: Readonly<Record<SubstanceKey, string>>;
}

const VOCABULARY: Readonly<Record<SdsLanguage, Vocabulary>> = {
  sv: {
    locale: 'sv-SE',
    regulation: 'enligt förordning (EG) nr 1907/2006 (REACH), bilaga II, ändrad genom förordning (EU) 2020/878',
    tradeName: 'Handelsnamn',
    identifiedUses: 'Identifierade användningar',
    supplier: 'Leverantör',
    address: 'Adress',
    country: 'Land',
    phone: 'Telefon',
    email: 'E-post',
    revised: 'Omarbetad',
    printDate: 'Utskriftsdatum',
    version: 'Version',
    classificationClp: 'Klassificering enligt förordning (EG) nr 1272/2008 [CLP]',
    notClassified: 'Blandningen är inte klassificerad som farlig.',
    pictograms: 'Faropiktogram',
    signalWord: 'Signalord',
    hazardStatements: 'Faroangivelser',
    supplementalHazard: 'Kompletterande faroangivelser',
    precautionary: 'Skyddsangivelser',
    chemicalName: 'Kemiskt namn',
    identifiers: 'identifikationsnummer',
    cas: 'CAS-nr',
    ec: 'EG-nr',
    index: 'Indexnr',
    reach: 'REACH-registreringsnr',
    concentration: 'Koncentration',
    classification: 'Klassificering',
    notApplicable: 'Ej tillämpligt.',
    noData: 'Inga data tillgängliga.',
    physicalState: 'Aggregationstillstånd',
    liquid: 'Vätska',
    flashPoint: 'Flampunkt',
    density: 'Densitet',
    unNumber: 'UN-nummer',
    firstAid: 'Ta av nedstänkta kläder. Skölj hud och ögon med mycket vatten i minst 15 minuter. Kontakta läkare om besvären kvarstår.',
    fire: 'Lämpliga släckmedel: alkoholresistent skum, koldioxid, pulver, vattendimma.',
    spill: 'Samla upp spill med obrännbart absorberande material (sand, jord). Låt inte produkten nå avloppet.',
    storage: 'Förvaras i originalförpackningen, väl tillsluten, svalt och väl ventilerat. Förvaras oåtkomligt för barn.',
    ppe: 'Använd skyddshandskar (nitrilgummi, EN ISO 374) och tättslutande skyddsglasögon (EN 166).',
    disposal: 'Innehållet och behållaren lämnas enligt lokala föreskrifter. Avfallskod (EWC): 20 01 29*.',
    changes: 'Ändringar jämfört med föregående version: avsnitt 2, 3 och 16.',
    tradeSecret: 'Nonjonisk tensid (affärshemlighet)',
    pageOf: (n, m) => `Sida ${n} av ${m}`,
    pictogramNames: {
      GHS01: 'Exploderande bomb',
      GHS02: 'Flamma',
      GHS03: 'Flamma över cirkel',
      GHS04: 'Gasflaska',
      GHS05: 'Frätande',
      GHS06: 'Dödskalle med korslagda benknotor',
      GHS07: 'Utropstecken',
      GHS08: 'Hälsofara',
      GHS09: 'Miljö',
    },
    euh208: (s) => `Innehåller ${s}. Kan orsaka en allergisk reaktion.`,
    substances: {
      naoh: 'natriumhydroxid',
      degbe: '2-(2-butoxietoxi)etanol',
      aeo: 'Alkoholer, C9-11, etoxilerade',
      ethanol: 'etanol',
      ipa: 'propan-2-ol',
      cmit: 'reaktionsmassa av 5-klor-2-metyl-2H-isotiazol-3-on och 2-metyl-2H-isotiazol-3-on (3:1)',
      naocl: 'natriumhypoklorit',
      amineOxide: 'Aminer, C12-14 (jämna)-alkyldimetyl, N-oxider',
      hydrocarbons: 'Kolväten, C9-C11, n-alkaner, isoalkaner, cykliska, < 2 % aromater',
      toluene: 'toluen',
      methanol: 'metanol',
      boric: 'borsyra',
      butoxyethanol: '2-butoxietanol',
    },
  },
  da: {
    locale: 'da-DK',
    regulation: 'i henhold til forordning (EF) nr. 1907/2006 (REACH), bilag II, som ændret ved forordning (EU) 2020/878',
    tradeName: 'Handelsnavn',
    identifiedUses: 'Identificerede anvendelser',
    supplier: 'Leverandør',
    address: 'Adresse',
    country: 'Land',
    phone: 'Telefon',
    email: 'E-mail',
    revised: 'Revisionsdato',
    printDate: 'Udskrivningsdato',
    version: 'Version',
    classificationClp: 'Klassificering i henhold til forordning (EF) nr. 1272/2008 [CLP]',
    notClassified: 'Blandingen er ikke klassificeret som farlig.',
    pictograms: 'Farepiktogrammer',
    signalWord: 'Signalord',
    hazardStatements: 'Faresætninger',
    supplementalHazard: 'Supplerende faresætninger',
    precautionary: 'Sikkerhedssætninger',
    chemicalName: 'Kemisk navn',
    identifiers: 'identifikationsnumre',
    cas: 'CAS-nr.',
    ec: 'EF-nr.',
    index: 'Indeksnr.',
    reach: 'REACH-registreringsnr.',
    concentration: 'Koncentration',
    classification: 'Klassificering',
    notApplicable: 'Ikke relevant.',
    noData: 'Ingen tilgængelige data.',
    physicalState: 'Tilstandsform',
    liquid: 'Væske',
    flashPoint: 'Flammepunkt',
    density: 'Densitet',
    unNumber: 'UN-nummer',
    firstAid: 'Fjern forurenet tøj. Skyl hud og øjne med rigeligt vand i mindst 15 minutter. Søg læge, hvis symptomerne varer ved.',
    fire: 'Egnede slukningsmidler: alkoholresistent skum, kuldioxid, pulver, vandtåge.',
    spill: 'Opsaml spild med ikke-brændbart absorberende materiale (sand, jord). Undgå udledning til kloak.',
    storage: 'Opbevares i den originale emballage, tæt lukket, køligt og godt ventileret. Opbevares utilgængeligt for børn.',
    ppe: 'Brug beskyttelseshandsker (nitrilgummi, EN ISO 374) og tætsluttende beskyttelsesbriller (EN 166).',
    disposal: 'Indhold og beholder bortskaffes i henhold til lokale regler. Affaldskode (EAK): 20 01 29*.',
    changes: 'Ændringer i forhold til forrige version: punkt 2, 3 og 16.',
    tradeSecret: 'Nonionisk tensid (forretningshemmelighed)',
    pageOf: (n, m) => `Side ${n} af ${m}`,
    pictogramNames: {
      GHS01: 'Eksploderende bombe',
      GHS02: 'Flamme',
      GHS03: 'Flamme over cirkel',
      GHS04: 'Gasflaske',
      GHS05: 'Ætsning',
      GHS06: 'Dødningehoved med korslagte knogler',
      GHS07: 'Udråbstegn',
      GHS08: 'Sundhedsfare',
      GHS09: 'Miljø',
    },
    euh208: (s) => `Indeholder ${s}. Kan udløse allergisk reaktion.`,
    substances: {
      naoh: 'natriumhydroxid',
      degbe: '2-(2-butoxyethoxy)ethanol',
      aeo: 'Alkoholer, C9-11, ethoxylerede',
      ethanol: 'ethanol',
      ipa: 'propan-2-ol',
      cmit: 'reaktionsmasse af 5-chlor-2-methyl-2H-isothiazol-3-on og 2-methyl-2H-isothiazol-3-on (3:1)',
      naocl: 'natriumhypochlorit',
      amineOxide: 'Aminer, C12-14 (lige)-alkyldimethyl, N-oxider',
      hydrocarbons: 'Carbonhydrider, C9-C11, n-alkaner, isoalkaner, cykliske, < 2 % aromater',
      toluene: 'toluen',
      methanol: 'methanol',
      boric: 'borsyre',
      butoxyethanol: '2-butoxyethanol',
    },
  },
  nb: {
    locale: 'nb-NO',
    regulation: 'i henhold til forordning (EF) nr. 1907/2006 (REACH), vedlegg II, som endret ved forordning (EU) 2020/878',
    tradeName: 'Handelsnavn',
    identifiedUses: 'Identifiserte bruksområder',
    supplier: 'Leverandør',
    address: 'Adresse',
    country: 'Land',
    phone: 'Telefon',
    email: 'E-post',
    revised: 'Revisjonsdato',
    printDate: 'Utskriftsdato',
    version: 'Versjon',
    classificationClp: 'Klassifisering i henhold til forordning (EF) nr. 1272/2008 [CLP]',
    notClassified: 'Stoffblandingen er ikke klassifisert som farlig.',
    pictograms: 'Farepiktogrammer',
    signalWord: 'Varselord',
    hazardStatements: 'Faresetninger',
    supplementalHazard: 'Supplerende faresetninger',
    precautionary: 'Sikkerhetssetninger',
    chemicalName: 'Kjemisk navn',
    identifiers: 'identifikasjonsnumre',
    cas: 'CAS-nr.',
    ec: 'EF-nr.',
    index: 'Indeksnr.',
    reach: 'REACH-registreringsnr.',
    concentration: 'Konsentrasjon',
    classification: 'Klassifisering',
    notApplicable: 'Ikke relevant.',
    noData: 'Ingen data tilgjengelig.',
    physicalState: 'Tilstandsform',
    liquid: 'Væske',
    flashPoint: 'Flammepunkt',
    density: 'Tetthet',
    unNumber: 'UN-nummer',
    firstAid: 'Fjern tilsølte klær. Skyll hud og øyne med rikelig vann i minst 15 minutter. Kontakt lege hvis symptomene vedvarer.',
    fire: 'Egnede slokkemidler: alkoholresistent skum, karbondioksid, pulver, vanntåke.',
    spill: 'Samle opp søl med ikke-brennbart absorberende materiale (sand, jord). Unngå utslipp til avløp.',
    storage: 'Oppbevares i originalemballasjen, tett lukket, kjølig og godt ventilert. Oppbevares utilgjengelig for barn.',
    ppe: 'Bruk vernehansker (nitrilgummi, EN ISO 374) og tettsittende vernebriller (EN 166).',
    disposal: 'Innhold og beholder leveres i henhold til lokale forskrifter. Avfallskode (EAL): 20 01 29*.',
    changes: 'Endringer i forhold til forrige versjon: avsnitt 2, 3 og 16.',
    tradeSecret: 'Ikke-ionisk tensid (forretningshemmelighet)',
    pageOf: (n, m) => `Side ${n} av ${m}`,
    pictogramNames: {
      GHS01: 'Eksploderende bombe',
      GHS02: 'Flamme',
      GHS03: 'Flamme over sirkel',
      GHS04: 'Gassflaske',
      GHS05: 'Etsende',
      GHS06: 'Dødningehode med korslagte knokler',
      GHS07: 'Utropstegn',
      GHS08: 'Helsefare',
      GHS09: 'Miljø',
    },
    euh208: (s) => `Inneholder ${s}. Kan gi en allergisk reaksjon.`,
    substances: {
      naoh: 'natriumhydroksid',
      degbe: '2-(2-butoksyetoksy)etanol',
      aeo: 'Alkoholer, C9-11, etoksylert',
      ethanol: 'etanol',
      ipa: 'propan-2-ol',
      cmit: 'reaksjonsmasse av 5-klor-2-metyl-2H-isotiazol-3-on og 2-metyl-2H-isotiazol-3-on (3:1)',
      naocl: 'natriumhypokloritt',
      amineOxide: 'Aminer, C12-14 (partall)-alkyldimetyl, N-oksider',
      hydrocarbons: 'Hydrokarboner, C9-C11, n-alkaner, isoalkaner, sykliske, < 2 % aromater',
      toluene: 'toluen',
      methanol: 'metanol',
      boric: 'borsyre',
      butoxyethanol: '2-butoksyetanol',
    },
  },
  fi: {
    locale: 'fi-FI',
    regulation: 'asetuksen (EY) N:o 1907/2006 (REACH) liitteen II mukaisesti, sellaisena kuin se on muutettuna asetuksella (EU) 2020/878',
    tradeName: 'Kauppanimi',
    identifiedUses: 'Tunnistetut käytöt',
    supplier: 'Toimittaja',
    address: 'Osoite',
    country: 'Maa',
    phone: 'Puhelin',
    email: 'Sähköposti',
    revised: 'Päivitetty',
    printDate: 'Tulostuspäivä',
    version: 'Versio',
    classificationClp: 'Luokitus asetuksen (EY) N:o 1272/2008 [CLP] mukaisesti',
    notClassified: 'Seosta ei ole luokiteltu vaaralliseksi.',
    pictograms: 'Varoitusmerkit',
    signalWord: 'Huomiosana',
    hazardStatements: 'Vaaralausekkeet',
    supplementalHazard: 'Täydentävät vaaralausekkeet',
    precautionary: 'Turvalausekkeet',
    chemicalName: 'Kemiallinen nimi',
    identifiers: 'tunnisteet',
    cas: 'CAS-numero',
    ec: 'EY-numero',
    index: 'Indeksinumero',
    reach: 'REACH-rekisteröintinumero',
    concentration: 'Pitoisuus',
    classification: 'Luokitus',
    notApplicable: 'Ei sovellettavissa.',
    noData: 'Tietoja ei saatavilla.',
    physicalState: 'Olomuoto',
    liquid: 'Neste',
    flashPoint: 'Leimahduspiste',
    density: 'Tiheys',
    unNumber: 'YK-numero',
    firstAid: 'Riisu saastuneet vaatteet. Huuhtele iho ja silmät runsaalla vedellä vähintään 15 minuutin ajan. Hakeudu lääkäriin, jos oireet jatkuvat.',
    fire: 'Sopivat sammutusaineet: alkoholinkestävä vaahto, hiilidioksidi, jauhe, vesisumu.',
    spill: 'Imeytä vuoto palamattomaan imeytysaineeseen (hiekka, maa). Estä tuotteen pääsy viemäriin.',
    storage: 'Säilytä alkuperäisessä, tiiviisti suljetussa pakkauksessa viileässä ja hyvin ilmastoidussa paikassa. Säilytä lasten ulottumattomissa.',
    ppe: 'Käytä suojakäsineitä (nitriilikumi, EN ISO 374) ja tiiviitä suojalaseja (EN 166).',
    disposal: 'Hävitä sisältö ja pakkaus paikallisten määräysten mukaisesti. Jätekoodi (EWC): 20 01 29*.',
    changes: 'Muutokset edelliseen versioon: kohdat 2, 3 ja 16.',
    tradeSecret: 'Ioniton pinta-aktiivinen aine (liikesalaisuus)',
    pageOf: (n, m) => `Sivu ${n} / ${m}`,
    pictogramNames: {
      GHS01: 'Räjähtävä pommi',
      GHS02: 'Liekki',
      GHS03: 'Liekki renkaan yllä',
      GHS04: 'Kaasupullo',
      GHS05: 'Syövyttävä',
      GHS06: 'Pääkallo ja ristiluut',
      GHS07: 'Huutomerkki',
      GHS08: 'Terveysvaara',
      GHS09: 'Ympäristö',
    },
    euh208: (s) => `Sisältää ${s}. Voi aiheuttaa allergisen reaktion.`,
    substances: {
      naoh: 'natriumhydroksidi',
      degbe: '2-(2-butoksietoksi)etanoli',
      aeo: 'Alkoholit, C9-11, etoksyloidut',
      ethanol: 'etanoli',
      ipa: 'propan-2-oli',
      cmit: '5-kloori-2-metyyli-2H-isotiatsol-3-onin ja 2-metyyli-2H-isotiatsol-3-onin reaktiomassa (3:1)',
      naocl: 'natriumhypokloriitti',
      amineOxide: 'Amiinit, C12-14 (parilliset)-alkyylidimetyyli, N-oksidit',
      hydrocarbons: 'Hiilivedyt, C9-C11, n-alkaanit, isoalkaanit, sykliset, < 2 % aromaatteja',
      toluene: 'tolueeni',
      methanol: 'metanoli',
      boric: 'boorihappo',
      butoxyethanol: '2-butoksietanoli',
    },
  },
  en: {
    locale: 'en-GB',
    regulation: 'according to Regulation (EC) No 1907/2006 (REACH), Annex II, as amended by Regulation (EU) 2020/878',
    tradeName: 'Trade name',
    identifiedUses: 'Identified uses',
    supplier: 'Supplier',
    address: 'Address',
    country: 'Country',
    phone: 'Telephone',
    email: 'E-mail',
    revised: 'Revision date',
    printDate: 'Print date',
    version: 'Version',
    classificationClp: 'Classification according to Regulation (EC) No 1272/2008 [CLP]',
    notClassified: 'The mixture is not classified as hazardous.',
    pictograms: 'Hazard pictograms',
    signalWord: 'Signal word',
    hazardStatements: 'Hazard statements',
    supplementalHazard: 'Supplemental hazard information',
    precautionary: 'Precautionary statements',
    chemicalName: 'Chemical name',
    identifiers: 'identifiers',
    cas: 'CAS No',
    ec: 'EC No',
    index: 'Index No',
    reach: 'REACH registration No',
    concentration: 'Concentration',
    classification: 'Classification',
    notApplicable: 'Not applicable.',
    noData: 'No data available.',
    physicalState: 'Physical state',
    liquid: 'Liquid',
    flashPoint: 'Flash point',
    density: 'Density',
    unNumber: 'UN number',
    firstAid: 'Remove contaminated clothing. Rinse skin and eyes with plenty of water for at least 15 minutes. Get medical advice if symptoms persist.',
    fire: 'Suitable extinguishing media: alcohol-resistant foam, carbon dioxide, dry powder, water spray.',
    spill: 'Absorb spillage with non-combustible absorbent material (sand, earth). Do not let the product enter drains.',
    storage: 'Store in the original container, tightly closed, in a cool and well-ventilated place. Keep out of the reach of children.',
    ppe: 'Wear protective gloves (nitrile rubber, EN ISO 374) and tightly fitting safety goggles (EN 166).',
    disposal: 'Dispose of contents and container in accordance with local regulations. Waste code (EWC): 20 01 29*.',
    changes: 'Changes compared with the previous version: sections 2, 3 and 16.',
    tradeSecret: 'Non-ionic surfactant (trade secret)',
    pageOf: (n, m) => `Page ${n} of ${m}`,
    pictogramNames: {
      GHS01: 'Exploding bomb',
      GHS02: 'Flame',
      GHS03: 'Flame over circle',
      GHS04: 'Gas cylinder',
      GHS05: 'Corrosion',
      GHS06: 'Skull and crossbones',
      GHS07: 'Exclamation mark',
      GHS08: 'Health hazard',
      GHS09: 'Environment',
    },
    euh208: (s) => `Contains ${s}. May produce an allergic reaction.`,
    substances: {
      naoh: 'sodium hydroxide',
      degbe: '2-(2-butoxyethoxy)ethanol',
      aeo: 'Alcohols, C9-11, ethoxylated',
      ethanol: 'ethanol',
      ipa: 'propan-2-ol',
      cmit: 'reaction mass of 5-chloro-2-methyl-2H-isothiazol-3-one and 2-methyl-2H-isothiazol-3-one (3:1)',
      naocl: 'sodium hypochlorite',
      amineOxide: 'Amines, C12-14 (even numbered)-alkyldimethyl, N-oxides',
      hydrocarbons: 'Hydrocarbons, C9-C11, n-alkanes, isoalkanes, cyclics, < 2% aromatics',
      toluene: 'toluene',
      methanol: 'methanol',
      boric: 'boric acid',
      butoxyethanol: '2-butoxyethanol',
    },
  },
  de: {
    locale: 'de-DE',
    regulation: 'gemäß Verordnung (EG) Nr. 1907/2006 (REACH), Anhang II, geändert durch Verordnung (EU) 2020/878',
    tradeName: 'Handelsname',
    identifiedUses: 'Identifizierte Verwendungen',
    supplier: 'Lieferant',
    address: 'Anschrift',
    country: 'Land',
    phone: 'Telefon',
    email: 'E-Mail',
    revised: 'Überarbeitet am',
    printDate: 'Druckdatum',
    version: 'Version',
    classificationClp: 'Einstufung gemäß Verordnung (EG) Nr. 1272/2008 [CLP]',
    notClassified: 'Das Gemisch ist nicht als gefährlich eingestuft.',
    pictograms: 'Gefahrenpiktogramme',
    signalWord: 'Signalwort',
    hazardStatements: 'Gefahrenhinweise',
    supplementalHazard: 'Ergänzende Gefahrenmerkmale',
    precautionary: 'Sicherheitshinweise',
    chemicalName: 'Chemische Bezeichnung',
    identifiers: 'Identifikatoren',
    cas: 'CAS-Nr.',
    ec: 'EG-Nr.',
    index: 'Index-Nr.',
    reach: 'REACH-Registrierungsnr.',
    concentration: 'Konzentration',
    classification: 'Einstufung',
    notApplicable: 'Nicht anwendbar.',
    noData: 'Keine Daten verfügbar.',
    physicalState: 'Aggregatzustand',
    liquid: 'Flüssig',
    flashPoint: 'Flammpunkt',
    density: 'Dichte',
    unNumber: 'UN-Nummer',
    firstAid: 'Verunreinigte Kleidung ausziehen. Haut und Augen mindestens 15 Minuten mit viel Wasser spülen. Bei anhaltenden Beschwerden Arzt aufsuchen.',
    fire: 'Geeignete Löschmittel: alkoholbeständiger Schaum, Kohlendioxid, Löschpulver, Wassersprühstrahl.',
    spill: 'Mit nicht brennbarem, saugfähigem Material (Sand, Erde) aufnehmen. Nicht in die Kanalisation gelangen lassen.',
    storage: 'Im Originalbehälter dicht verschlossen an einem kühlen, gut belüfteten Ort lagern. Darf nicht in die Hände von Kindern gelangen.',
    ppe: 'Schutzhandschuhe (Nitrilkautschuk, EN ISO 374) und dicht schließende Schutzbrille (EN 166) tragen.',
    disposal: 'Inhalt und Behälter gemäß den örtlichen Vorschriften entsorgen. Abfallschlüssel (AVV): 20 01 29*.',
    changes: 'Änderungen gegenüber der vorherigen Version: Abschnitte 2, 3 und 16.',
    tradeSecret: 'Nichtionisches Tensid (Geschäftsgeheimnis)',
    pageOf: (n, m) => `Seite ${n} von ${m}`,
    pictogramNames: {
      GHS01: 'Explodierende Bombe',
      GHS02: 'Flamme',
      GHS03: 'Flamme über einem Kreis',
      GHS04: 'Gasflasche',
      GHS05: 'Ätzwirkung',
      GHS06: 'Totenkopf mit gekreuzten Knochen',
      GHS07: 'Ausrufezeichen',
      GHS08: 'Gesundheitsgefahr',
      GHS09: 'Umwelt',
    },
    euh208: (s) => `Enthält ${s}. Kann allergische Reaktionen hervorrufen.`,
    substances: {
      naoh: 'Natriumhydroxid',
      degbe: '2-(2-Butoxyethoxy)ethanol',
      aeo: 'Alkohole, C9-11, ethoxyliert',
      ethanol: 'Ethanol',
      ipa: 'Propan-2-ol',
      cmit: 'Reaktionsmasse aus 5-Chlor-2-methyl-2H-isothiazol-3-on und 2-Methyl-2H-isothiazol-3-on (3:1)',
      naocl: 'Natriumhypochlorit',
      amineOxide: 'Amine, C12-14 (geradzahlig)-Alkyldimethyl, N-Oxide',
      hydrocarbons: 'Kohlenwasserstoffe, C9-C11, n-Alkane, Isoalkane, zyklisch, < 2 % Aromaten',
      toluene: 'Toluol',
      methanol: 'Methanol',
      boric: 'Borsäure',
      butoxyethanol: '2-Butoxyethanol',
    },
  },
  fr: {
    locale: 'fr-FR',
    regulation: 'conformément au règlement (CE) n° 1907/2006 (REACH), annexe II, modifié par le règlement (UE) 2020/878',
    tradeName: 'Nom commercial',
    identifiedUses: 'Utilisations identifiées',
    supplier: 'Fournisseur',
    address: 'Adresse',
    country: 'Pays',
    phone: 'Téléphone',
    email: 'E-mail',
    revised: 'Date de révision',
    printDate: "Date d'impression",
    version: 'Version',
    classificationClp: 'Classification selon le règlement (CE) n° 1272/2008 [CLP]',
    notClassified: "Le mélange n'est pas classé comme dangereux.",
    pictograms: 'Pictogrammes de danger',
    signalWord: "Mention d'avertissement",
    hazardStatements: 'Mentions de danger',
    supplementalHazard: 'Informations additionnelles sur les dangers',
    precautionary: 'Conseils de prudence',
    chemicalName: 'Nom chimique',
    identifiers: 'identifiants',
    cas: 'N° CAS',
    ec: 'N° CE',
    index: 'N° index',
    reach: "N° d'enregistrement REACH",
    concentration: 'Concentration',
    classification: 'Classification',
    notApplicable: 'Non applicable.',
    noData: 'Aucune donnée disponible.',
    physicalState: 'État physique',
    liquid: 'Liquide',
    flashPoint: "Point d'éclair",
    density: 'Densité',
    unNumber: 'Numéro ONU',
    firstAid: "Enlever les vêtements contaminés. Rincer la peau et les yeux abondamment à l'eau pendant au moins 15 minutes. Consulter un médecin si les symptômes persistent.",
    fire: "Moyens d'extinction appropriés : mousse résistant aux alcools, dioxyde de carbone, poudre, eau pulvérisée.",
    spill: 'Contenir le déversement avec un absorbant non combustible (sable, terre). Ne pas laisser le produit pénétrer dans les égouts.',
    storage: "Conserver dans l'emballage d'origine, bien fermé, dans un endroit frais et bien ventilé. Tenir hors de portée des enfants.",
    ppe: 'Porter des gants de protection (caoutchouc nitrile, EN ISO 374) et des lunettes de sécurité étanches (EN 166).',
    disposal: 'Éliminer le contenu et le récipient conformément à la réglementation locale. Code déchet (CED) : 20 01 29*.',
    changes: 'Modifications par rapport à la version précédente : rubriques 2, 3 et 16.',
    tradeSecret: 'Tensioactif non ionique (secret commercial)',
    pageOf: (n, m) => `Page ${n} sur ${m}`,
    pictogramNames: {
      GHS01: 'Bombe explosant',
      GHS02: 'Flamme',
      GHS03: 'Flamme sur un cercle',
      GHS04: 'Bouteille à gaz',
      GHS05: 'Corrosion',
      GHS06: 'Tête de mort sur deux tibias',
      GHS07: "Point d'exclamation",
      GHS08: 'Danger pour la santé',
      GHS09: 'Environnement',
    },
    euh208: (s) => `Contient ${s}. Peut produire une réaction allergique.`,
    substances: {
      naoh: 'hydroxyde de sodium',
      degbe: '2-(2-butoxyéthoxy)éthanol',
      aeo: 'Alcools en C9-11, éthoxylés',
      ethanol: 'éthanol',
      ipa: 'propane-2-ol',
      cmit: 'masse de réaction de 5-chloro-2-méthyl-2H-isothiazol-3-one et de 2-méthyl-2H-isothiazol-3-one (3:1)',
      naocl: 'hypochlorite de sodium',
      amineOxide: 'Amines, C12-14 (nombre pair)-alkyldiméthyl, N-oxydes',
      hydrocarbons: "Hydrocarbures, C9-C11, n-alcanes, isoalcanes, cycliques, < 2 % d'aromatiques",
      toluene: 'toluène',
      methanol: 'méthanol',
      boric: 'acide borique',
      butoxyethanol: '2-butoxyéthanol',
    },
  },
  nl: {
    locale: 'nl-NL',
    regulation: 'volgens Verordening (EG) nr. 1907/2006 (REACH), bijlage II, zoals gewijzigd bij Verordening (EU) 2020/878',
    tradeName: 'Handelsnaam',
    identifiedUses: 'Geïdentificeerd gebruik',
    supplier: 'Leverancier',
    address: 'Adres',
    country: 'Land',
    phone: 'Telefoon',
    email: 'E-mail',
    revised: 'Herzieningsdatum',
    printDate: 'Afdrukdatum',
    version: 'Versie',
    classificationClp: 'Indeling overeenkomstig Verordening (EG) nr. 1272/2008 [CLP]',
    notClassified: 'Het mengsel is niet ingedeeld als gevaarlijk.',
    pictograms: 'Gevarenpictogrammen',
    signalWord: 'Signaalwoord',
    hazardStatements: 'Gevarenaanduidingen',
    supplementalHazard: 'Aanvullende gevarenaanduidingen',
    precautionary: 'Veiligheidsaanbevelingen',
    chemicalName: 'Chemische naam',
    identifiers: 'identificatienummers',
    cas: 'CAS-nr.',
    ec: 'EG-nr.',
    index: 'Indexnr.',
    reach: 'REACH-registratienr.',
    concentration: 'Concentratie',
    classification: 'Indeling',
    notApplicable: 'Niet van toepassing.',
    noData: 'Geen gegevens beschikbaar.',
    physicalState: 'Fysische toestand',
    liquid: 'Vloeibaar',
    flashPoint: 'Vlampunt',
    density: 'Dichtheid',
    unNumber: 'VN-nummer',
    firstAid: 'Verontreinigde kleding uittrekken. Huid en ogen gedurende ten minste 15 minuten met veel water spoelen. Een arts raadplegen als de klachten aanhouden.',
    fire: 'Geschikte blusmiddelen: alcoholbestendig schuim, koolstofdioxide, bluspoeder, waternevel.',
    spill: 'Gemorst product opnemen met onbrandbaar absorberend materiaal (zand, aarde). Niet in de riolering laten terechtkomen.',
    storage: 'Bewaren in de oorspronkelijke verpakking, goed gesloten, op een koele en goed geventileerde plaats. Buiten het bereik van kinderen houden.',
    ppe: 'Draag beschermende handschoenen (nitrilrubber, EN ISO 374) en een goed aansluitende veiligheidsbril (EN 166).',
    disposal: 'Inhoud en verpakking afvoeren volgens de plaatselijke voorschriften. Afvalcode (EURAL): 20 01 29*.',
    changes: 'Wijzigingen ten opzichte van de vorige versie: rubrieken 2, 3 en 16.',
    tradeSecret: 'Niet-ionogene oppervlakteactieve stof (bedrijfsgeheim)',
    pageOf: (n, m) => `Pagina ${n} van ${m}`,
    pictogramNames: {
      GHS01: 'Ontploffende bom',
      GHS02: 'Vlam',
      GHS03: 'Vlam boven een cirkel',
      GHS04: 'Gasfles',
      GHS05: 'Corrosie',
      GHS06: 'Doodshoofd met gekruiste beenderen',
      GHS07: 'Uitroepteken',
      GHS08: 'Gezondheidsgevaar',
      GHS09: 'Milieu',
    },
    euh208: (s) => `Bevat ${s}. Kan een allergische reactie veroorzaken.`,
    substances: {
      naoh: 'natriumhydroxide',
      degbe: '2-(2-butoxyethoxy)ethanol',
      aeo: 'Alcoholen, C9-11, geëthoxyleerd',
      ethanol: 'ethanol',
      ipa: 'propaan-2-ol',
      cmit: 'reactiemassa van 5-chloor-2-methyl-2H-isothiazool-3-on en 2-methyl-2H-isothiazool-3-on (3:1)',
      naocl: 'natriumhypochloriet',
      amineOxide: 'Aminen, C12-14 (even)-alkyldimethyl, N-oxiden',
      hydrocarbons: 'Koolwaterstoffen, C9-C11, n-alkanen, isoalkanen, cyclisch, < 2 % aromaten',
      toluene: 'tolueen',
      methanol: 'methanol',
      boric: 'boorzuur',
      butoxyethanol: '2-butoxyethanol',
    },
  },
  es: {
    locale: 'es-ES',
    regulation: 'de acuerdo con el Reglamento (CE) n.º 1907/2006 (REACH), anexo II, modificado por el Reglamento (UE) 2020/878',
    tradeName: 'Nombre comercial',
    identifiedUses: 'Usos identificados',
    supplier: 'Proveedor',
    address: 'Dirección',
    country: 'País',
    phone: 'Teléfono',
    email: 'Correo electrónico',
    revised: 'Fecha de revisión',
    printDate: 'Fecha de impresión',
    version: 'Versión',
    classificationClp: 'Clasificación con arreglo al Reglamento (CE) n.º 1272/2008 [CLP]',
    notClassified: 'La mezcla no está clasificada como peligrosa.',
    pictograms: 'Pictogramas de peligro',
    signalWord: 'Palabra de advertencia',
    hazardStatements: 'Indicaciones de peligro',
    supplementalHazard: 'Información suplementaria sobre los peligros',
    precautionary: 'Consejos de prudencia',
    chemicalName: 'Nombre químico',
    identifiers: 'identificadores',
    cas: 'N.º CAS',
    ec: 'N.º CE',
    index: 'N.º índice',
    reach: 'N.º de registro REACH',
    concentration: 'Concentración',
    classification: 'Clasificación',
    notApplicable: 'No aplicable.',
    noData: 'No hay datos disponibles.',
    physicalState: 'Estado físico',
    liquid: 'Líquido',
    flashPoint: 'Punto de inflamación',
    density: 'Densidad',
    unNumber: 'Número ONU',
    firstAid: 'Quitar la ropa contaminada. Enjuagar la piel y los ojos con abundante agua durante al menos 15 minutos. Consultar a un médico si los síntomas persisten.',
    fire: 'Medios de extinción apropiados: espuma resistente al alcohol, dióxido de carbono, polvo seco, agua pulverizada.',
    spill: 'Contener el derrame con material absorbente no combustible (arena, tierra). No dejar que el producto entre en el alcantarillado.',
    storage: 'Almacenar en el envase original, bien cerrado, en un lugar fresco y bien ventilado. Mantener fuera del alcance de los niños.',
    ppe: 'Usar guantes de protección (caucho de nitrilo, EN ISO 374) y gafas de seguridad ajustadas (EN 166).',
    disposal: 'Eliminar el contenido y el recipiente conforme a la normativa local. Código de residuo (LER): 20 01 29*.',
    changes: 'Cambios respecto a la versión anterior: secciones 2, 3 y 16.',
    tradeSecret: 'Tensioactivo no iónico (secreto comercial)',
    pageOf: (n, m) => `Página ${n} de ${m}`,
    pictogramNames: {
      GHS01: 'Bomba explotando',
      GHS02: 'Llama',
      GHS03: 'Llama sobre círculo',
      GHS04: 'Botella de gas',
      GHS05: 'Corrosión',
      GHS06: 'Calavera y tibias cruzadas',
      GHS07: 'Signo de exclamación',
      GHS08: 'Peligro para la salud',
      GHS09: 'Medio ambiente',
    },
    euh208: (s) => `Contiene ${s}. Puede provocar una reacción alérgica.`,
    substances: {
      naoh: 'hidróxido de sodio',
      degbe: '2-(2-butoxietoxi)etanol',
      aeo: 'Alcoholes, C9-11, etoxilados',
      ethanol: 'etanol',
      ipa: 'propan-2-ol',
      cmit: 'masa de reacción de 5-cloro-2-metil-2H-isotiazol-3-ona y 2-metil-2H-isotiazol-3-ona (3:1)',
      naocl: 'hipoclorito de sodio',
      amineOxide: 'Aminas, C12-14 (número par)-alquildimetil, N-óxidos',
      hydrocarbons: 'Hidrocarburos, C9-C11, n-alcanos, isoalcanos, cíclicos, < 2 % aromáticos',
      toluene: 'tolueno',
      methanol: 'metanol',
      boric: 'ácido bórico',
      butoxyethanol: '2-butoxietanol',
    },
  },
  it: {
    locale: 'it-IT',
    regulation: 'conforme al Regolamento (CE) n. 1907/2006 (REACH), allegato II, modificato dal Regolamento (UE) 2020/878',
    tradeName: 'Nome commerciale',
    identifiedUses: 'Usi identificati',
    supplier: 'Fornitore',
    address: 'Indirizzo',
    country: 'Paese',
    phone: 'Telefono',
    email: 'E-mail',
    revised: 'Data di revisione',
    printDate: 'Data di stampa',
    version: 'Versione',
    classificationClp: 'Classificazione ai sensi del Regolamento (CE) n. 1272/2008 [CLP]',
    notClassified: 'La miscela non è classificata come pericolosa.',
    pictograms: 'Pittogrammi di pericolo',
    signalWord: 'Avvertenza',
    hazardStatements: 'Indicazioni di pericolo',
    supplementalHazard: 'Informazioni supplementari sui pericoli',
    precautionary: 'Consigli di prudenza',
    chemicalName: 'Nome chimico',
    identifiers: 'identificatori',
    cas: 'N. CAS',
    ec: 'N. CE',
    index: 'N. indice',
    reach: 'N. di registrazione REACH',
    concentration: 'Concentrazione',
    classification: 'Classificazione',
    notApplicable: 'Non applicabile.',
    noData: 'Nessun dato disponibile.',
    physicalState: 'Stato fisico',
    liquid: 'Liquido',
    flashPoint: 'Punto di infiammabilità',
    density: 'Densità',
    unNumber: 'Numero ONU',
    firstAid: 'Togliere gli indumenti contaminati. Sciacquare pelle e occhi con abbondante acqua per almeno 15 minuti. Consultare un medico se i sintomi persistono.',
    fire: "Mezzi di estinzione idonei: schiuma resistente all'alcol, anidride carbonica, polvere, acqua nebulizzata.",
    spill: 'Contenere la fuoriuscita con materiale assorbente non combustibile (sabbia, terra). Non disperdere il prodotto nelle fognature.',
    storage: 'Conservare nel contenitore originale, ben chiuso, in luogo fresco e ben ventilato. Tenere fuori dalla portata dei bambini.',
    ppe: 'Indossare guanti protettivi (gomma nitrilica, EN ISO 374) e occhiali di sicurezza a tenuta (EN 166).',
    disposal: 'Smaltire il contenuto e il contenitore in conformità alla normativa locale. Codice CER: 20 01 29*.',
    changes: 'Modifiche rispetto alla versione precedente: sezioni 2, 3 e 16.',
    tradeSecret: 'Tensioattivo non ionico (segreto commerciale)',
    pageOf: (n, m) => `Pagina ${n} di ${m}`,
    pictogramNames: {
      GHS01: 'Bomba che esplode',
      GHS02: 'Fiamma',
      GHS03: 'Fiamma su cerchio',
      GHS04: 'Bombola per gas',
      GHS05: 'Corrosione',
      GHS06: 'Teschio e tibie incrociate',
      GHS07: 'Punto esclamativo',
      GHS08: 'Pericolo per la salute',
      GHS09: 'Ambiente',
    },
    euh208: (s) => `Contiene ${s}. Può provocare una reazione allergica.`,
    substances: {
      naoh: 'idrossido di sodio',
      degbe: '2-(2-butossietossi)etanolo',
      aeo: 'Alcoli, C9-11, etossilati',
      ethanol: 'etanolo',
      ipa: 'propan-2-olo',
      cmit: 'massa di reazione di 5-cloro-2-metil-2H-isotiazol-3-one e 2-metil-2H-isotiazol-3-one (3:1)',
      naocl: 'ipoclorito di sodio',
      amineOxide: 'Ammine, C12-14 (numero pari)-alchildimetil, N-ossidi',
      hydrocarbons: 'Idrocarburi, C9-C11, n-alcani, isoalcani, ciclici, < 2 % aromatici',
      toluene: 'toluene',
      methanol: 'metanolo',
      boric: 'acido borico',
      butoxyethanol: '2-butossietanolo',
    },
  },
  pl: {
    locale: 'pl-PL',
    regulation: 'zgodnie z rozporządzeniem (WE) nr 1907/2006 (REACH), załącznik II, zmienionym rozporządzeniem (UE) 2020/878',
    tradeName: 'Nazwa handlowa',
    identifiedUses: 'Zidentyfikowane zastosowania',
    supplier: 'Dostawca',
    address: 'Adres',
    country: 'Kraj',
    phone: 'Telefon',
    email: 'E-mail',
    revised: 'Data aktualizacji',
    printDate: 'Data wydruku',
    version: 'Wersja',
    classificationClp: 'Klasyfikacja zgodnie z rozporządzeniem (WE) nr 1272/2008 [CLP]',
    notClassified: 'Mieszanina nie jest sklasyfikowana jako niebezpieczna.',
    pictograms: 'Piktogramy określające rodzaj zagrożenia',
    signalWord: 'Hasło ostrzegawcze',
    hazardStatements: 'Zwroty wskazujące rodzaj zagrożenia',
    supplementalHazard: 'Dodatkowe informacje o zagrożeniach',
    precautionary: 'Zwroty wskazujące środki ostrożności',
    chemicalName: 'Nazwa chemiczna',
    identifiers: 'identyfikatory',
    cas: 'Nr CAS',
    ec: 'Nr WE',
    index: 'Nr indeksu',
    reach: 'Nr rejestracji REACH',
    concentration: 'Stężenie',
    classification: 'Klasyfikacja',
    notApplicable: 'Nie dotyczy.',
    noData: 'Brak dostępnych danych.',
    physicalState: 'Stan skupienia',
    liquid: 'Ciecz',
    flashPoint: 'Temperatura zapłonu',
    density: 'Gęstość',
    unNumber: 'Numer UN',
    firstAid: 'Zdjąć zanieczyszczoną odzież. Płukać skórę i oczy dużą ilością wody przez co najmniej 15 minut. Jeżeli objawy się utrzymują, zasięgnąć porady lekarza.',
    fire: 'Odpowiednie środki gaśnicze: piana odporna na alkohol, dwutlenek węgla, proszek gaśniczy, rozproszony strumień wody.',
    spill: 'Wyciek zebrać niepalnym materiałem chłonnym (piasek, ziemia). Nie dopuścić do przedostania się produktu do kanalizacji.',
    storage: 'Przechowywać w oryginalnym, szczelnie zamkniętym opakowaniu, w chłodnym i dobrze wentylowanym miejscu. Chronić przed dziećmi.',
    ppe: 'Stosować rękawice ochronne (kauczuk nitrylowy, EN ISO 374) i szczelne okulary ochronne (EN 166).',
    disposal: 'Zawartość i pojemnik usuwać zgodnie z przepisami lokalnymi. Kod odpadu: 20 01 29*.',
    changes: 'Zmiany w stosunku do poprzedniej wersji: sekcje 2, 3 i 16.',
    tradeSecret: 'Niejonowy środek powierzchniowo czynny (tajemnica handlowa)',
    pageOf: (n, m) => `Strona ${n} z ${m}`,
    pictogramNames: {
      GHS01: 'Bomba wybuchająca',
      GHS02: 'Płomień',
      GHS03: 'Płomień nad okręgiem',
      GHS04: 'Butla z gazem',
      GHS05: 'Korozja',
      GHS06: 'Czaszka i skrzyżowane piszczele',
      GHS07: 'Wykrzyknik',
      GHS08: 'Zagrożenie dla zdrowia',
      GHS09: 'Środowisko',
    },
    euh208: (s) => `Zawiera ${s}. Może powodować wystąpienie reakcji alergicznej.`,
    substances: {
      naoh: 'wodorotlenek sodu',
      degbe: '2-(2-butoksyetoksy)etanol',
      aeo: 'Alkohole C9-11, etoksylowane',
      ethanol: 'etanol',
      ipa: 'propan-2-ol',
      cmit: 'mieszanina poreakcyjna 5-chloro-2-metylo-2H-izotiazol-3-onu i 2-metylo-2H-izotiazol-3-onu (3:1)',
      naocl: 'podchloryn sodu',
      amineOxide: 'Aminy, C12-14 (parzyste)-alkilodimetylo, N-tlenki',
      hydrocarbons: 'Węglowodory, C9-C11, n-alkany, izoalkany, cykliczne, < 2 % związków aromatycznych',
      toluene: 'toluen',
      methanol: 'metanol',
      boric: 'kwas borowy',
      butoxyethanol: '2-butoksyetanol',
    },
  },
  pt: {
    locale: 'pt-PT',
    regulation: 'em conformidade com o Regulamento (CE) n.º 1907/2006 (REACH), anexo II, alterado pelo Regulamento (UE) 2020/878',
    tradeName: 'Nome comercial',
    identifiedUses: 'Utilizações identificadas',
    supplier: 'Fornecedor',
    address: 'Morada',
    country: 'País',
    phone: 'Telefone',
    email: 'Correio eletrónico',
    revised: 'Data de revisão',
    printDate: 'Data de impressão',
    version: 'Versão',
    classificationClp: 'Classificação de acordo com o Regulamento (CE) n.º 1272/2008 [CLP]',
    notClassified: 'A mistura não está classificada como perigosa.',
    pictograms: 'Pictogramas de perigo',
    signalWord: 'Palavra-sinal',
    hazardStatements: 'Advertências de perigo',
    supplementalHazard: 'Informações suplementares sobre perigos',
    precautionary: 'Recomendações de prudência',
    chemicalName: 'Nome químico',
    identifiers: 'identificadores',
    cas: 'N.º CAS',
    ec: 'N.º CE',
    index: 'N.º de índice',
    reach: 'N.º de registo REACH',
    concentration: 'Concentração',
    classification: 'Classificação',
    notApplicable: 'Não aplicável.',
    noData: 'Não existem dados disponíveis.',
    physicalState: 'Estado físico',
    liquid: 'Líquido',
    flashPoint: 'Ponto de inflamação',
    density: 'Densidade',
    unNumber: 'Número ONU',
    firstAid: 'Retirar a roupa contaminada. Enxaguar a pele e os olhos com água abundante durante pelo menos 15 minutos. Consultar um médico se os sintomas persistirem.',
    fire: 'Meios de extinção adequados: espuma resistente ao álcool, dióxido de carbono, pó químico, água pulverizada.',
    spill: 'Conter o derrame com material absorvente não combustível (areia, terra). Não deixar o produto entrar nos esgotos.',
    storage: 'Armazenar na embalagem original, bem fechada, em local fresco e bem ventilado. Manter fora do alcance das crianças.',
    ppe: 'Usar luvas de proteção (borracha nitrílica, EN ISO 374) e óculos de proteção bem ajustados (EN 166).',
    disposal: 'Eliminar o conteúdo e o recipiente de acordo com a regulamentação local. Código LER: 20 01 29*.',
    changes: 'Alterações relativamente à versão anterior: secções 2, 3 e 16.',
    tradeSecret: 'Tensioativo não iónico (segredo comercial)',
    pageOf: (n, m) => `Página ${n} de ${m}`,
    pictogramNames: {
      GHS01: 'Bomba a explodir',
      GHS02: 'Chama',
      GHS03: 'Chama sobre círculo',
      GHS04: 'Garrafa de gás',
      GHS05: 'Corrosão',
      GHS06: 'Caveira e tíbias cruzadas',
      GHS07: 'Ponto de exclamação',
      GHS08: 'Perigo para a saúde',
      GHS09: 'Ambiente',
    },
    euh208: (s) => `Contém ${s}. Pode provocar uma reação alérgica.`,
    substances: {
      naoh: 'hidróxido de sódio',
      degbe: '2-(2-butoxietoxi)etanol',
      aeo: 'Álcoois, C9-11, etoxilados',
      ethanol: 'etanol',
      ipa: 'propan-2-ol',
      cmit: 'massa reacional de 5-cloro-2-metil-2H-isotiazol-3-ona e 2-metil-2H-isotiazol-3-ona (3:1)',
      naocl: 'hipoclorito de sódio',
      amineOxide: 'Aminas, C12-14 (número par)-alquildimetil, N-óxidos',
      hydrocarbons: 'Hidrocarbonetos, C9-C11, n-alcanos, isoalcanos, cíclicos, < 2 % aromáticos',
      toluene: 'tolueno',
      methanol: 'metanol',
      boric: 'ácido bórico',
      butoxyethanol: '2-butoxietanol',
    },
  },
};

interface ProductSample {
  recipe: RecipeKey;
  name: string;
  use: string;
  supplier: SupplierSpec;
  emergencyPhone: string;
}

// Two invented products per language, with invented suppliers (reserved .example mail domains, fictitious phone
// numbers); emergency numbers are the public poison centres'. Some suppliers sit in another country than the
// language suggests (a Belgian supplier of a Dutch SDS, a German supplier of a Polish one).
const LANGUAGE_SAMPLES: Readonly<Record<SdsLanguage, readonly [ProductSample, ProductSample]>> = {
  sv: [
    {
      recipe: 'degreaser',
      name: 'Nordkem Grovavfettning Alkalisk',
      use: 'Alkaliskt avfettningsmedel för yrkesmässig rengöring av golv och maskiner.',
      supplier: {
        name: 'Nordkem Rengöring AB',
        street: 'Industrivägen 14',
        postalCode: '171 48',
        city: 'Solna',
        country: 'SE',
        phone: '+46 8 555 123 40',
        email: 'sdb@nordkem.example',
      },
      emergencyPhone: 'Vid akut förgiftning: ring 112 och begär Giftinformation. Icke akut: Giftinformationscentralen 010-456 67 00.',
    },
    {
      recipe: 'surfaceCleaner',
      name: 'Skärgård Ytrent Snabb',
      use: 'Rengöringsmedel för hårda ytor, för yrkesmässigt bruk.',
      supplier: {
        name: 'Skärgårds Kemi AB',
        street: 'Hamngatan 3',
        postalCode: '411 14',
        city: 'Göteborg',
        country: 'SE',
        phone: '+46 31 555 20 80',
        email: 'info@skargardskemi.example',
      },
      emergencyPhone: '112 – begär Giftinformation.',
    },
  ],
  da: [
    {
      recipe: 'chlorineCleaner',
      name: 'Dankemi Klorrens Plus',
      use: 'Klorholdigt rengøringsmiddel til professionel brug.',
      supplier: {
        name: 'Dankemi Rengøring A/S',
        street: 'Industrivej 27',
        postalCode: '2605',
        city: 'Brøndby',
        country: 'DK',
        phone: '+45 43 55 12 00',
        email: 'sikkerhed@dankemi.example',
      },
      emergencyPhone: 'Giftlinjen: +45 82 12 12 12 (døgnåben).',
    },
    {
      recipe: 'thinner',
      name: 'Nørre Penselrens 40',
      use: 'Fortynder og rensemiddel til maling og værktøj.',
      supplier: {
        name: 'Nørre Teknik ApS',
        street: 'Fabriksvej 8',
        postalCode: '8000',
        city: 'Aarhus C',
        country: 'DK',
        phone: '+45 86 55 40 10',
        email: 'kontakt@norreteknik.example',
      },
      emergencyPhone: 'Giftlinjen: +45 82 12 12 12.',
    },
  ],
  nb: [
    {
      recipe: 'surfaceCleaner',
      name: 'Fjord Overflatevask',
      use: 'Rengjøringsmiddel for harde overflater til profesjonell bruk.',
      supplier: {
        name: 'Fjordkjemi AS',
        street: 'Økernveien 145',
        postalCode: '0580',
        city: 'Oslo',
        country: 'NO',
        phone: '+47 22 55 60 70',
        email: 'hms@fjordkjemi.example',
      },
      emergencyPhone: 'Giftinformasjonen: 22 59 13 00.',
    },
    {
      recipe: 'fixative',
      name: 'Vestland Fikseringsløsning M',
      use: 'Laboratoriereagens for fiksering av prøver. Kun for profesjonell bruk.',
      supplier: {
        name: 'Vestland Lab AS',
        street: 'Sandviksboder 12',
        postalCode: '5035',
        city: 'Bergen',
        country: 'NO',
        phone: '+47 55 55 31 00',
        email: 'post@vestlandlab.example',
      },
      emergencyPhone: 'Giftinformasjonen: 22 59 13 00 (døgnåpen).',
    },
  ],
  fi: [
    {
      recipe: 'degreaser',
      name: 'Puhdiste Rasvanpoisto Vahva',
      use: 'Emäksinen rasvanpoistoaine ammattimaiseen puhdistukseen.',
      supplier: {
        name: 'Suomen Puhdistekemia Oy',
        street: 'Teollisuuskatu 21',
        postalCode: '00510',
        city: 'Helsinki',
        country: 'FI',
        phone: '+358 9 555 4400',
        email: 'kttt@puhdistekemia.example',
      },
      emergencyPhone: 'Myrkytystietokeskus: 0800 147 111 (maksuton, 24 h).',
    },
    {
      recipe: 'thinner',
      name: 'Pohjola Tinneri T-60',
      use: 'Maalien ohenne ja työvälineiden puhdistusaine.',
      supplier: {
        name: 'Pohjolan Liuotin Oy',
        street: 'Hämeenkatu 9',
        postalCode: '33100',
        city: 'Tampere',
        country: 'FI',
        phone: '+358 3 555 2100',
        email: 'info@pohjolanliuotin.example',
      },
      emergencyPhone: 'Myrkytystietokeskus: 0800 147 111.',
    },
  ],
  en: [
    {
      recipe: 'surfaceCleaner',
      name: 'Brightwell Multi-Surface Cleaner',
      use: 'Hard surface cleaner for professional use.',
      supplier: {
        name: 'Brightwell Chemicals Ltd',
        street: 'Unit 4, Riverside Industrial Estate',
        postalCode: 'LS10 1AB',
        city: 'Leeds',
        country: 'GB',
        phone: '+44 113 496 0000',
        email: 'sds@brightwell.example',
      },
      emergencyPhone: '+44 113 496 0999 (24 h, English only)',
    },
    {
      recipe: 'boricBuffer',
      name: 'Larkspur Borate Buffer pH 9.2',
      use: 'Laboratory buffer solution. For professional use only.',
      supplier: {
        name: 'Larkspur Laboratory Supplies Ltd',
        street: '12 Harbour Road',
        postalCode: 'D04 X2Y7',
        city: 'Dublin 4',
        country: 'IE',
        phone: '+353 1 555 0140',
        email: 'safety@larkspur.example',
      },
      emergencyPhone: 'National Poisons Information Centre: +353 1 809 2166',
    },
  ],
  de: [
    {
      recipe: 'chlorineCleaner',
      name: 'Rheinchem Chlorreiniger Aktiv',
      use: 'Chlorhaltiger Reiniger für den gewerblichen Einsatz.',
      supplier: {
        name: 'Rheinchem Reinigungstechnik GmbH',
        street: 'Industriestraße 42',
        postalCode: '50735',
        city: 'Köln',
        country: 'DE',
        phone: '+49 221 555 8830',
        email: 'sdb@rheinchem.example',
      },
      emergencyPhone: 'Giftnotruf Berlin: +49 30 19240',
    },
    {
      recipe: 'fixative',
      name: 'Alpenlabor Fixierlösung M-30',
      use: 'Laborreagenz zur Fixierung von Proben. Nur für gewerbliche Anwender.',
      supplier: {
        name: 'Alpenlabor Chemie GmbH & Co. KG',
        street: 'Gewerbepark 7',
        postalCode: '83022',
        city: 'Rosenheim',
        country: 'DE',
        phone: '+49 8031 555 270',
        email: 'info@alpenlabor.example',
      },
      emergencyPhone: 'Giftnotruf München: +49 89 19240',
    },
  ],
  fr: [
    {
      recipe: 'degreaser',
      name: 'Rhône Dégraissant Alcalin Pro',
      use: 'Dégraissant alcalin pour le nettoyage professionnel des sols et des machines.',
      supplier: {
        name: 'Chimie du Rhône SAS',
        street: "12 rue de l'Industrie",
        postalCode: '69007',
        city: 'Lyon',
        country: 'FR',
        phone: '+33 4 55 50 12 30',
        email: 'fds@chimierhone.example',
      },
      emergencyPhone: 'ORFILA (INRS) : +33 1 45 42 59 59',
    },
    {
      recipe: 'boricBuffer',
      name: 'Garonne Tampon Borate pH 9,2',
      use: 'Solution tampon de laboratoire. Réservé aux utilisateurs professionnels.',
      supplier: {
        name: 'Laboratoires Garonne SARL',
        street: '5 avenue des Pyrénées',
        postalCode: '31000',
        city: 'Toulouse',
        country: 'FR',
        phone: '+33 5 55 61 20 40',
        email: 'contact@labogaronne.example',
      },
      emergencyPhone: 'Centre antipoison de Toulouse : +33 5 61 77 74 47',
    },
  ],
  nl: [
    {
      recipe: 'chlorineCleaner',
      name: 'Polder Chloorreiniger Extra',
      use: 'Chloorhoudend reinigingsmiddel voor professioneel gebruik.',
      supplier: {
        name: 'Polderchemie B.V.',
        street: 'Havenweg 18',
        postalCode: '3089 JB',
        city: 'Rotterdam',
        country: 'NL',
        phone: '+31 10 555 4720',
        email: 'vib@polderchemie.example',
      },
      emergencyPhone: 'NVIC (uitsluitend voor artsen): +31 88 755 8000',
    },
    {
      recipe: 'surfaceCleaner',
      name: 'Vlaamse Allesreiniger Snel',
      use: 'Reinigingsmiddel voor harde oppervlakken, voor professioneel gebruik.',
      supplier: {
        name: 'Vlaamse Reinigingsproducten NV',
        street: 'Industrielaan 5',
        postalCode: '9000',
        city: 'Gent',
        country: 'BE',
        phone: '+32 9 555 31 20',
        email: 'info@vlaamsereiniging.example',
      },
      emergencyPhone: 'Antigifcentrum: +32 70 245 245',
    },
  ],
  es: [
    {
      recipe: 'thinner',
      name: 'Levante Disolvente Universal D-40',
      use: 'Diluyente para pinturas y limpieza de herramientas.',
      supplier: {
        name: 'Química Levante S.L.',
        street: 'Calle de la Industria 23',
        postalCode: '46988',
        city: 'Paterna (Valencia)',
        country: 'ES',
        phone: '+34 961 555 230',
        email: 'fds@quimicalevante.example',
      },
      emergencyPhone: 'Servicio de Información Toxicológica: +34 91 562 04 20',
    },
    {
      recipe: 'boricBuffer',
      name: 'Ebro Solución Tampón Borato pH 9,2',
      use: 'Solución tampón de laboratorio. Solo para uso profesional.',
      supplier: {
        name: 'Laboratorios Ebro S.A.',
        street: 'Polígono Malpica, calle C 14',
        postalCode: '50016',
        city: 'Zaragoza',
        country: 'ES',
        phone: '+34 976 555 410',
        email: 'seguridad@labebro.example',
      },
      emergencyPhone: 'Servicio de Información Toxicológica: +34 91 562 04 20 (24 h)',
    },
  ],
  it: [
    {
      recipe: 'surfaceCleaner',
      name: 'Padana Detergente Superfici Rapido',
      use: 'Detergente per superfici dure, per uso professionale.',
      supplier: {
        name: 'Chimica Padana S.r.l.',
        street: "Via dell'Artigianato 15",
        postalCode: '20054',
        city: 'Segrate (MI)',
        country: 'IT',
        phone: '+39 02 5550 1230',
        email: 'sds@chimicapadana.example',
      },
      emergencyPhone: 'CAV Ospedale Niguarda Milano: +39 02 6610 1029',
    },
    {
      recipe: 'degreaser',
      name: 'Tirreno Sgrassante Alcalino Forte',
      use: 'Sgrassante alcalino per la pulizia professionale di pavimenti e macchinari.',
      supplier: {
        name: 'Detergenti Tirreno S.p.A.',
        street: 'Via Aurelia 210',
        postalCode: '57121',
        city: 'Livorno',
        country: 'IT',
        phone: '+39 0586 555 400',
        email: 'info@tirreno.example',
      },
      emergencyPhone: 'CAV Policlinico Gemelli Roma: +39 06 305 4343',
    },
  ],
  pl: [
    {
      recipe: 'thinner',
      name: 'Wiślana Rozcieńczalnik Uniwersalny R-40',
      use: 'Rozcieńczalnik do farb i środek do czyszczenia narzędzi.',
      supplier: {
        name: 'Chemia Wiślana Sp. z o.o.',
        street: 'ul. Przemysłowa 17',
        postalCode: '30-701',
        city: 'Kraków',
        country: 'PL',
        phone: '+48 12 555 40 20',
        email: 'kch@chemiawislana.example',
      },
      emergencyPhone: 'Telefon alarmowy: 112; Ośrodek Toksykologii w Krakowie: +48 12 411 99 99',
    },
    {
      recipe: 'chlorineCleaner',
      name: 'Rheinchem Środek Czyszczący z Chlorem',
      use: 'Środek czyszczący zawierający chlor do użytku profesjonalnego.',
      supplier: {
        name: 'Rheinchem Reinigungstechnik GmbH',
        street: 'Industriestraße 42',
        postalCode: '50735',
        city: 'Köln',
        country: 'DE',
        phone: '+49 221 555 8830',
        email: 'sdb@rheinchem.example',
      },
      emergencyPhone: 'Telefon alarmowy: 112',
    },
  ],
  pt: [
    {
      recipe: 'fixative',
      name: 'Atlântica Solução Fixadora M',
      use: 'Reagente de laboratório para fixação de amostras. Apenas para uso profissional.',
      supplier: {
        name: 'Química Atlântica, Lda.',
        street: 'Rua da Indústria, 45',
        postalCode: '4470-177',
        city: 'Maia',
        country: 'PT',
        phone: '+351 22 555 0180',
        email: 'fds@quimicaatlantica.example',
      },
      emergencyPhone: 'CIAV – Centro de Informação Antivenenos: 800 250 250',
    },
    {
      recipe: 'boricBuffer',
      name: 'Tejo Solução Tampão de Borato pH 9,2',
      use: 'Solução tampão de laboratório. Apenas para uso profissional.',
      supplier: {
        name: 'Laboratórios Tejo, S.A.',
        street: 'Avenida do Brasil, 101',
        postalCode: '1700-066',
        city: 'Lisboa',
        country: 'PT',
        phone: '+351 21 555 0920',
        email: 'seguranca@labtejo.example',
      },
      emergencyPhone: 'CIAV: 800 250 250',
    },
  ],
};

/** The US sample: an English OSHA SDS of the surface cleaner from a US manufacturer. */
const US_SAMPLE: ProductSample = {
  recipe: 'surfaceCleaner',
  name: 'Cedar Ridge Glass & Surface Cleaner',
  use: 'Glass and hard surface cleaner for industrial and institutional use.',
  supplier: {
    name: 'Cedar Ridge Industrial Products, Inc.',
    street: '2200 Commerce Drive',
    postalCode: 'OH 43215',
    city: 'Columbus',
    country: 'US',
    phone: '+1 614 555 0142',
    email: 'sds@cedarridge.example',
  },
  emergencyPhone: '24-hour emergency: +1 614 555 0199',
};
