// A small PDF 1.4 writer for test fixtures (ISO 32000-1 is the reference; section numbers below are from it).
//
// Hand-written on purpose: the SDS fixtures need exact control over what ends up in the file (object order,
// compression, encryption, image-only pages, broken variants) and must not depend on font files or a PDF library.
// Text uses the two standard Type 1 fonts Helvetica and Helvetica-Bold, which every reader has built in, so nothing
// is embedded. Their WinAnsiEncoding covers Western European text; the characters it lacks (Polish, Czech, ≥, ≤)
// are mapped onto unused codes through an /Encoding /Differences array of Adobe glyph names, from which readers
// (pdf.js included) derive the Unicode text they extract (§9.6.6, §9.10.2).
import { createHash } from 'node:crypto';
import { deflateSync } from 'node:zlib';

/** A4 in PDF points (1/72 inch): 210 × 297 mm. */
export const A4 = { width: 595.28, height: 841.89 } as const;

export type FontName = 'Helvetica' | 'Helvetica-Bold';

/** A gray level (0 black … 1 white) or an RGB triple of 0–1 components. */
export type Color = number | readonly [number, number, number];

export interface TextStyle {
  font?: FontName;
  /** Font size in points; 10 when left out. */
  size?: number;
  color?: Color;
}

export interface ShapeStyle {
  fill?: Color;
  stroke?: Color;
  /** Stroke width in points; 0.5 when left out. */
  lineWidth?: number;
}

/** An 8-bit grayscale raster, row by row from the top, one byte per pixel (0 black … 255 white). */
export interface GrayImage {
  width: number;
  height: number;
  pixels: Uint8Array;
}

export interface PdfEncryption {
  /** Needed to open the document at all; must not be empty for a reader to refuse it. */
  userPassword: string;
  /** Grants full access; a random-looking default is derived from the user password when left out. */
  ownerPassword?: string;
}

export interface PdfDocumentOptions {
  /** Compress content streams and images with FlateDecode (zlib). Off by default so streams stay readable. */
  compress?: boolean;
  /** Encrypt strings and streams with the standard security handler, RC4 128-bit (revision 3, §7.6.3). */
  encryption?: PdfEncryption;
  /** Document information dictionary (§14.3.3). */
  info?: { title?: string; author?: string; subject?: string; creationDate?: Date };
}

// --- Text encoding --------------------------------------------------------------------------------------------------

// WinAnsiEncoding (§D.2, Windows code page 1252): 0x20–0x7E are ASCII and 0xA0–0xFF are Latin-1, so those bytes
// equal the code point; 0x80–0x9F hold these typographic characters instead of C1 controls.
const WIN_ANSI_HIGH: ReadonlyMap<string, number> = new Map([
  ['€', 0x80], ['‚', 0x82], ['ƒ', 0x83], ['„', 0x84], ['…', 0x85], ['†', 0x86], ['‡', 0x87], ['ˆ', 0x88],
  ['‰', 0x89], ['Š', 0x8a], ['‹', 0x8b], ['Œ', 0x8c], ['Ž', 0x8e], ['‘', 0x91], ['’', 0x92], ['“', 0x93],
  ['”', 0x94], ['•', 0x95], ['–', 0x96], ['—', 0x97], ['˜', 0x98], ['™', 0x99], ['š', 0x9a], ['›', 0x9b],
  ['œ', 0x9c], ['ž', 0x9e], ['Ÿ', 0x9f],
]);

// Characters WinAnsi lacks, with their Adobe Glyph List names. Every name here is in the Helvetica and
// Helvetica-Bold metrics of the core fonts (the 315-glyph Adobe Core14 AFMs), so readers can also draw them.
const EXTRA_GLYPHS: ReadonlyArray<readonly [string, string]> = [
  // Polish (ó is Latin-1)
  ['ą', 'aogonek'], ['ć', 'cacute'], ['ę', 'eogonek'], ['ł', 'lslash'], ['ń', 'nacute'], ['ś', 'sacute'],
  ['ź', 'zacute'], ['ż', 'zdotaccent'], ['Ą', 'Aogonek'], ['Ć', 'Cacute'], ['Ę', 'Eogonek'], ['Ł', 'Lslash'],
  ['Ń', 'Nacute'], ['Ś', 'Sacute'], ['Ź', 'Zacute'], ['Ż', 'Zdotaccent'],
  // Czech (á é í ó ú ý š ž are in WinAnsi)
  ['č', 'ccaron'], ['ď', 'dcaron'], ['ě', 'ecaron'], ['ň', 'ncaron'], ['ř', 'rcaron'], ['ť', 'tcaron'],
  ['ů', 'uring'], ['Č', 'Ccaron'], ['Ď', 'Dcaron'], ['Ě', 'Ecaron'], ['Ň', 'Ncaron'], ['Ř', 'Rcaron'],
  ['Ť', 'Tcaron'], ['Ů', 'Uring'],
  // Concentration ranges (`≥10 – <25`; the en dash is in WinAnsi) and the minus sign
  ['≥', 'greaterequal'], ['≤', 'lessequal'], ['−', 'minus'],
];

// Codes no WinAnsi character uses: the C0 controls 0x01–0x1F, DEL, and the five holes of code page 1252. The
// extra glyphs are assigned to them in order.
const FREE_CODES: readonly number[] = [
  ...Array.from({ length: 0x1f }, (_, i) => i + 1),
  0x7f, 0x81, 0x8d, 0x8f, 0x90, 0x9d,
];

const EXTRA_CODES: ReadonlyMap<string, number> = new Map(
  EXTRA_GLYPHS.map(([char], i) => {
    const code = FREE_CODES[i];
    if (code === undefined) throw new Error('pdf-writer: more extra glyphs than free codes');
    return [char, code];
  }),
);

/** The /Differences array (§9.6.6.1): one run per glyph, since the free codes are not contiguous. */
const DIFFERENCES = EXTRA_GLYPHS.map(([char, glyph]) => `${EXTRA_CODES.get(char)} /${glyph}`).join(' ');

/** Whether `char` (one code point) can be written with the fixture fonts. */
export function isEncodable(char: string): boolean {
  return encodeChar(char) !== undefined;
}

function encodeChar(char: string): number | undefined {
  const cp = char.codePointAt(0) ?? 0;
  if ((cp >= 0x20 && cp <= 0x7e) || (cp >= 0xa0 && cp <= 0xff)) return cp;
  return WIN_ANSI_HIGH.get(char) ?? EXTRA_CODES.get(char);
}

/**
 * Text as bytes in the fixture fonts' encoding. Throws on a character the fonts cannot show, rather than writing a
 * substitute that would make a fixture silently differ from its truth.
 */
export function encodeText(text: string): Uint8Array {
  const chars = [...text.normalize('NFC')];
  const bytes = new Uint8Array(chars.length);
  chars.forEach((char, i) => {
    const code = encodeChar(char);
    if (code === undefined) {
      const hex = (char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0');
      throw new Error(`pdf-writer: U+${hex} "${char}" is not in WinAnsi or the extra glyph table (in "${text}")`);
    }
    bytes[i] = code;
  });
  return bytes;
}

// --- Font metrics ---------------------------------------------------------------------------------------------------

// Advance widths (1/1000 em) of the printable ASCII characters 0x20–0x7E, from the Adobe Core14 AFM files
// Helvetica.afm and Helvetica-Bold.afm. Readers use the same metrics for the non-embedded fonts, so text laid out
// with them neither overlaps nor leaves gaps that text extraction would read as column breaks.
const ASCII_WIDTHS: Readonly<Record<FontName, readonly number[]>> = {
  Helvetica: [
    278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278, // space … /
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 278, 278, 584, 584, 584, 556, // 0 … ?
    1015, 667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833, 722, 778, // @ … O
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 278, 278, 278, 469, 556, // P … _
    333, 556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833, 556, 556, // ` … o
    556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500, 334, 260, 334, 584, // p … ~
  ],
  'Helvetica-Bold': [
    278, 333, 474, 556, 556, 889, 722, 238, 333, 333, 389, 584, 278, 333, 278, 278,
    556, 556, 556, 556, 556, 556, 556, 556, 556, 556, 333, 333, 584, 584, 584, 611,
    975, 722, 722, 722, 722, 667, 611, 778, 722, 278, 556, 722, 611, 833, 722, 778,
    667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611, 333, 278, 333, 584, 556,
    333, 556, 611, 556, 611, 556, 333, 611, 611, 278, 278, 556, 278, 889, 611, 611,
    611, 611, 389, 556, 333, 611, 556, 778, 556, 556, 500, 389, 280, 389, 584,
  ],
};

// Non-ASCII characters whose width is not that of their base letter (same AFM files; [regular, bold]).
const OTHER_WIDTHS: ReadonlyMap<string, readonly [number, number]> = new Map([
  ['ß', [611, 611]], ['æ', [889, 889]], ['Æ', [1000, 1000]], ['ø', [611, 611]], ['Ø', [778, 778]],
  ['ł', [222, 278]], ['Ł', [556, 611]], ['œ', [944, 944]], ['Œ', [1000, 1000]], ['–', [556, 556]],
  ['—', [1000, 1000]], ['≥', [549, 549]], ['≤', [549, 549]], ['−', [584, 584]], ['±', [584, 584]],
  ['°', [400, 400]], ['µ', [556, 611]], ['•', [350, 350]], ['’', [222, 278]], ['‘', [222, 278]],
  ['“', [333, 500]], ['”', [333, 500]], ['„', [333, 500]], ['…', [1000, 1000]], ['€', [556, 556]],
  ['×', [584, 584]], ['·', [278, 278]], ['\u00a0', [278, 278]], ['ď', [643, 743]], ['ť', [316, 389]],
]);

function charWidth(char: string, font: FontName): number {
  const cp = char.codePointAt(0) ?? 0;
  const table = ASCII_WIDTHS[font];
  if (cp >= 0x20 && cp <= 0x7e) return table[cp - 0x20] ?? 556;
  const other = OTHER_WIDTHS.get(char);
  if (other !== undefined) return font === 'Helvetica' ? other[0] : other[1];
  // Accented letters (é, ą, ř, …) are as wide as their base letter in these fonts.
  const base = char.normalize('NFD')[0] ?? char;
  const bcp = base.codePointAt(0) ?? 0;
  if (bcp >= 0x20 && bcp <= 0x7e) return table[bcp - 0x20] ?? 556;
  return 556;
}

/** Width of `text` in points when set in `font` at `size`. */
export function textWidth(text: string, font: FontName, size: number): number {
  let units = 0;
  for (const char of text.normalize('NFC')) units += charWidth(char, font);
  return (units * size) / 1000;
}

// --- Pages ----------------------------------------------------------------------------------------------------------

/** Numbers as PDF writes them: at most two decimals, no exponent, no trailing zeros. */
function num(n: number): string {
  const rounded = Math.round(n * 100) / 100;
  return Object.is(rounded, -0) ? '0' : String(rounded);
}

function fillColor(color: Color): string {
  return typeof color === 'number' ? `${num(color)} g` : `${color.map(num).join(' ')} rg`;
}

function strokeColor(color: Color): string {
  return typeof color === 'number' ? `${num(color)} G` : `${color.map(num).join(' ')} RG`;
}

/**
 * A literal string (§7.3.4.2) holding encoded text. Bytes outside printable ASCII are written as octal escapes, so
 * an uncompressed content stream stays 7-bit and readable in a text editor.
 */
function literalString(bytes: Uint8Array): string {
  let out = '(';
  for (const b of bytes) {
    if (b === 0x28 || b === 0x29 || b === 0x5c) out += `\\${String.fromCharCode(b)}`;
    else if (b < 0x20 || b > 0x7e) out += `\\${b.toString(8).padStart(3, '0')}`;
    else out += String.fromCharCode(b);
  }
  return `${out})`;
}

const FONT_RESOURCE: Readonly<Record<FontName, string>> = { Helvetica: 'F1', 'Helvetica-Bold': 'F2' };

/** One page: a list of content-stream operators, in the order they are drawn (which is also reading order). */
export class PdfPage {
  readonly width: number;
  readonly height: number;
  /** Content-stream lines. */
  private readonly ops: string[] = [];
  /** Image XObjects drawn on this page, by resource name. */
  readonly images = new Map<string, GrayImage>();

  constructor(width: number = A4.width, height: number = A4.height) {
    this.width = width;
    this.height = height;
  }

  /** One line of text with its baseline starting at (x, y), in points from the bottom-left corner. */
  text(x: number, y: number, text: string, style: TextStyle = {}): this {
    const font = style.font ?? 'Helvetica';
    const size = style.size ?? 10;
    const color = style.color === undefined ? '' : `${fillColor(style.color)} `;
    this.ops.push(
      `${color}BT /${FONT_RESOURCE[font]} ${num(size)} Tf ${num(x)} ${num(y)} Td ${literalString(encodeText(text))} Tj ET`,
    );
    if (style.color !== undefined) this.ops.push('0 g');
    return this;
  }

  rect(x: number, y: number, width: number, height: number, style: ShapeStyle = { fill: 0 }): this {
    return this.path(`${num(x)} ${num(y)} ${num(width)} ${num(height)} re`, style);
  }

  line(x1: number, y1: number, x2: number, y2: number, style: Omit<ShapeStyle, 'fill'> = {}): this {
    return this.path(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l`, { stroke: 0, ...style });
  }

  /** A closed polygon through the given points (used for the GHS pictogram diamonds). */
  polygon(points: ReadonlyArray<readonly [number, number]>, style: ShapeStyle): this {
    const [first, ...rest] = points;
    if (first === undefined) return this;
    const segments = rest.map(([x, y]) => `${num(x)} ${num(y)} l`).join(' ');
    return this.path(`${num(first[0])} ${num(first[1])} m ${segments} h`, style);
  }

  /** Draws `image` scaled into the box (x, y, width, height). */
  image(image: GrayImage, x: number, y: number, width: number, height: number): this {
    const name = `Im${this.images.size + 1}`;
    this.images.set(name, image);
    this.ops.push(`q ${num(width)} 0 0 ${num(height)} ${num(x)} ${num(y)} cm /${name} Do Q`);
    return this;
  }

  /** The content stream (7-bit ASCII). */
  content(): string {
    return `${this.ops.join('\n')}\n`;
  }

  private path(construct: string, style: ShapeStyle): this {
    const { fill, stroke } = style;
    if (fill === undefined && stroke === undefined) return this;
    const setup: string[] = [];
    if (fill !== undefined) setup.push(fillColor(fill));
    if (stroke !== undefined) setup.push(strokeColor(stroke), `${num(style.lineWidth ?? 0.5)} w`);
    // f fills, S strokes, B does both (§8.5.3).
    const paint = fill !== undefined && stroke !== undefined ? 'B' : fill !== undefined ? 'f' : 'S';
    this.ops.push(`q ${setup.join(' ')} ${construct} ${paint} Q`);
    return this;
  }
}

// --- Encryption (standard security handler, §7.6.3) -----------------------------------------------------------------

// Algorithm 2 pads or truncates a password to 32 bytes with this fixed string.
const PASSWORD_PADDING = Buffer.from(
  '28bf4e5e4e758a4164004e56fffa01082e2e00b6d0683e802f0ca9fe6453697a',
  'hex',
);
const KEY_BYTES = 16; // 128-bit RC4 (/Length 128), which requires revision 3 and /V 2
// Permissions (§7.6.3.2, Table 22): printing and copying allowed, bits 1–2 zero, unused high bits set.
const PERMISSIONS = -3884;

/** RC4 (the stream cipher of PDF encryption up to revision 3): key schedule, then XOR with the keystream. */
export function rc4(key: Uint8Array, data: Uint8Array): Uint8Array {
  const s = Uint8Array.from({ length: 256 }, (_, i) => i);
  let j = 0;
  for (let i = 0; i < 256; i++) {
    j = (j + s[i]! + key[i % key.length]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
  }
  const out = new Uint8Array(data.length);
  let i = 0;
  j = 0;
  for (let k = 0; k < data.length; k++) {
    i = (i + 1) & 0xff;
    j = (j + s[i]!) & 0xff;
    [s[i], s[j]] = [s[j]!, s[i]!];
    out[k] = data[k]! ^ s[(s[i]! + s[j]!) & 0xff]!;
  }
  return out;
}

function md5(...parts: Uint8Array[]): Buffer {
  const hash = createHash('md5');
  for (const part of parts) hash.update(part);
  return hash.digest();
}

function padPassword(password: string): Buffer {
  return Buffer.concat([Buffer.from(password, 'latin1'), PASSWORD_PADDING]).subarray(0, 32);
}

/** Revision 3 repeats RC4 19 more times, each with the key XORed with the round number. */
function rc4Rounds(key: Uint8Array, data: Uint8Array): Uint8Array {
  let out = rc4(key, data);
  for (let round = 1; round <= 19; round++) out = rc4(key.map((b) => b ^ round), out);
  return out;
}

/** Revision 3 hashes 50 more times. */
function md5Rounds(digest: Buffer): Buffer {
  let out = digest;
  for (let round = 0; round < 50; round++) out = md5(out.subarray(0, KEY_BYTES));
  return out.subarray(0, KEY_BYTES);
}

interface EncryptionState {
  key: Buffer;
  owner: Uint8Array;
  user: Uint8Array;
}

function setUpEncryption(options: PdfEncryption, fileId: Buffer): EncryptionState {
  // Algorithm 3: the /O value, the user password encrypted with a key made from the owner password.
  const ownerPassword = options.ownerPassword ?? `${options.userPassword}-owner`;
  const ownerKey = md5Rounds(md5(padPassword(ownerPassword)));
  const owner = rc4Rounds(ownerKey, padPassword(options.userPassword));
  // Algorithm 2: the file key, from the user password, /O, /P and the first file identifier.
  const permissions = Buffer.alloc(4);
  permissions.writeInt32LE(PERMISSIONS);
  const key = md5Rounds(md5(padPassword(options.userPassword), owner, permissions, fileId));
  // Algorithm 5: the /U value, which a reader recomputes from the password it is given to check it.
  const user = Buffer.concat([rc4Rounds(key, md5(PASSWORD_PADDING, fileId)), Buffer.alloc(16)]);
  return { key, owner, user };
}

/** Algorithm 1: each object's strings and streams use a key salted with its object number (generation 0). */
function objectKey(fileKey: Buffer, objectNumber: number): Buffer {
  const salt = Buffer.from([objectNumber & 0xff, (objectNumber >> 8) & 0xff, (objectNumber >> 16) & 0xff, 0, 0]);
  return md5(fileKey, salt).subarray(0, Math.min(fileKey.length + 5, 16));
}

// --- Document -------------------------------------------------------------------------------------------------------

interface PdfObject {
  /** The dictionary or other direct value, in PDF syntax (ASCII). */
  value: string;
  stream?: Uint8Array;
}

const hex = (bytes: Uint8Array): string => `<${Buffer.from(bytes).toString('hex')}>`;

/** A PDF date (§7.9.4): D:YYYYMMDDHHmmSSZ. */
function pdfDate(date: Date): string {
  return `D:${date.toISOString().replace(/[-:T]/gu, '').slice(0, 14)}Z`;
}

/** A text string for the info dictionary (§7.9.2.2): UTF-16BE with a byte-order mark, so any character fits. */
function utf16be(text: string): Uint8Array {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return le.swap16();
}

export class PdfDocument {
  readonly pages: PdfPage[] = [];
  private readonly options: PdfDocumentOptions;

  constructor(options: PdfDocumentOptions = {}) {
    this.options = options;
  }

  addPage(width: number = A4.width, height: number = A4.height): PdfPage {
    const page = new PdfPage(width, height);
    this.pages.push(page);
    return page;
  }

  /**
   * The file. Output is deterministic (no clock, no randomness): the file identifier is a hash of the content, so
   * the same document always gives the same bytes and generated fixtures can be checked for drift.
   */
  toBytes(): Uint8Array {
    const objects = new Map<number, PdfObject>();
    let next = 1;
    const allocate = (): number => next++;

    // Object numbers are handed out first so that the catalog and page tree can be *written* last: a file cut off
    // anywhere before its end then has no document catalog, as with a download that stopped halfway, and readers
    // cannot rebuild the document from the pages that did arrive.
    const catalogNum = allocate();
    const pagesNum = allocate();
    const encodingNum = allocate();
    const fontNums: Record<FontName, number> = { Helvetica: allocate(), 'Helvetica-Bold': allocate() };

    const body: number[] = [encodingNum, fontNums.Helvetica, fontNums['Helvetica-Bold']];
    objects.set(encodingNum, {
      value: `<< /Type /Encoding /BaseEncoding /WinAnsiEncoding /Differences [${DIFFERENCES}] >>`,
    });
    for (const font of ['Helvetica', 'Helvetica-Bold'] as const) {
      objects.set(fontNums[font], {
        value: `<< /Type /Font /Subtype /Type1 /BaseFont /${font} /Encoding ${encodingNum} 0 R >>`,
      });
    }

    const pageNums: number[] = [];
    for (const page of this.pages) {
      const contentNum = allocate();
      objects.set(contentNum, this.streamObject(Buffer.from(page.content(), 'latin1')));
      body.push(contentNum);

      const xobjects: string[] = [];
      for (const [name, image] of page.images) {
        const imageNum = allocate();
        if (image.pixels.length !== image.width * image.height) {
          throw new Error(`pdf-writer: image ${name} has ${image.pixels.length} bytes, expected width × height`);
        }
        objects.set(
          imageNum,
          this.streamObject(
            image.pixels,
            `/Type /XObject /Subtype /Image /Width ${image.width} /Height ${image.height} /ColorSpace /DeviceGray /BitsPerComponent 8`,
          ),
        );
        body.push(imageNum);
        xobjects.push(`/${name} ${imageNum} 0 R`);
      }

      const pageNum = allocate();
      const xobjectResource = xobjects.length > 0 ? ` /XObject << ${xobjects.join(' ')} >>` : '';
      objects.set(pageNum, {
        value:
          `<< /Type /Page /Parent ${pagesNum} 0 R /MediaBox [0 0 ${num(page.width)} ${num(page.height)}]` +
          ` /Resources << /Font << /F1 ${fontNums.Helvetica} 0 R /F2 ${fontNums['Helvetica-Bold']} 0 R >>${xobjectResource} >>` +
          ` /Contents ${contentNum} 0 R >>`,
      });
      body.push(pageNum);
      pageNums.push(pageNum);
    }

    objects.set(pagesNum, {
      value: `<< /Type /Pages /Kids [${pageNums.map((n) => `${n} 0 R`).join(' ')}] /Count ${pageNums.length} >>`,
    });
    objects.set(catalogNum, { value: `<< /Type /Catalog /Pages ${pagesNum} 0 R >>` });
    body.push(pagesNum, catalogNum);

    // The file identifier (§14.4) is required when encrypting; it also feeds the key derivation.
    const fileId = md5(...[...objects.values()].map((o) => Buffer.concat([Buffer.from(o.value), o.stream ?? Buffer.alloc(0)])));
    const encryption = this.options.encryption === undefined ? undefined : setUpEncryption(this.options.encryption, fileId);

    const infoNum = this.options.info === undefined ? undefined : allocate();
    if (infoNum !== undefined) {
      objects.set(infoNum, { value: this.infoDictionary(infoNum, encryption) });
      body.push(infoNum);
    }
    let encryptNum: number | undefined;
    if (encryption !== undefined) {
      encryptNum = allocate();
      // The encryption dictionary itself is never encrypted.
      objects.set(encryptNum, {
        value: `<< /Filter /Standard /V 2 /R 3 /Length ${KEY_BYTES * 8} /P ${PERMISSIONS} /O ${hex(encryption.owner)} /U ${hex(encryption.user)} >>`,
      });
      body.push(encryptNum);
    }

    // Serialise: header, objects in body order, cross-reference table, trailer (§7.5).
    const chunks: Buffer[] = [];
    let offset = 0;
    const write = (chunk: Buffer | string): void => {
      const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
      chunks.push(buffer);
      offset += buffer.length;
    };
    // The comment of four bytes above 127 tells transfer programs the file is binary (§7.5.2).
    write('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n');
    const offsets = new Map<number, number>();
    for (const objectNum of body) {
      const object = objects.get(objectNum);
      if (object === undefined) throw new Error(`pdf-writer: object ${objectNum} was allocated but never defined`);
      offsets.set(objectNum, offset);
      write(`${objectNum} 0 obj\n`);
      if (object.stream === undefined) {
        write(`${object.value}\nendobj\n`);
      } else {
        const data = encryption === undefined || objectNum === encryptNum ? object.stream : rc4(objectKey(encryption.key, objectNum), object.stream);
        write(`${object.value}\nstream\n`);
        write(Buffer.from(data));
        write('\nendstream\nendobj\n');
      }
    }

    const xrefOffset = offset;
    const size = next; // object 0 plus every allocated number
    // Each entry is exactly 20 bytes: 10-digit offset, 5-digit generation, type, and a two-byte end of line.
    const entries = ['0000000000 65535 f \n'];
    for (let n = 1; n < size; n++) {
      const at = offsets.get(n);
      entries.push(at === undefined ? '0000000000 65535 f \n' : `${String(at).padStart(10, '0')} 00000 n \n`);
    }
    write(`xref\n0 ${size}\n${entries.join('')}`);
    const trailer = [
      `/Size ${size}`,
      `/Root ${catalogNum} 0 R`,
      infoNum === undefined ? '' : `/Info ${infoNum} 0 R`,
      encryptNum === undefined ? '' : `/Encrypt ${encryptNum} 0 R`,
      `/ID [${hex(fileId)} ${hex(fileId)}]`,
    ].filter((part) => part !== '');
    write(`trailer\n<< ${trailer.join(' ')} >>\nstartxref\n${xrefOffset}\n%%EOF\n`);
    return new Uint8Array(Buffer.concat(chunks));
  }

  private streamObject(data: Uint8Array, extraEntries = ''): PdfObject {
    const compress = this.options.compress === true;
    const stream = compress ? deflateSync(data) : data;
    const filter = compress ? ' /Filter /FlateDecode' : '';
    const entries = [extraEntries, `/Length ${stream.length}${filter}`].filter((e) => e !== '').join(' ');
    return { value: `<< ${entries} >>`, stream };
  }

  private infoDictionary(objectNum: number, encryption: EncryptionState | undefined): string {
    const info = this.options.info ?? {};
    // Strings outside streams are encrypted one by one with the key of the object that holds them.
    const text = (value: string, unicode = true): string => {
      const bytes = unicode ? utf16be(value) : Buffer.from(value, 'latin1');
      return hex(encryption === undefined ? bytes : rc4(objectKey(encryption.key, objectNum), bytes));
    };
    const entries = [`/Producer ${text('chemreg test fixtures (test/support/sds-pdf)')}`];
    if (info.title !== undefined) entries.push(`/Title ${text(info.title)}`);
    if (info.author !== undefined) entries.push(`/Author ${text(info.author)}`);
    if (info.subject !== undefined) entries.push(`/Subject ${text(info.subject)}`);
    if (info.creationDate !== undefined) entries.push(`/CreationDate ${text(pdfDate(info.creationDate), false)}`);
    return `<< ${entries.join(' ')} >>`;
  }
}
