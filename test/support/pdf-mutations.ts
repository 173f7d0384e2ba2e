// Hostile uploads, built on purpose: PDFs mutated from generated safety data sheets (and, in `npm run fuzz`, from
// real ones), and the zip archives a spreadsheet import must survive. Shared by test/security/hostile-uploads.test.ts
// (a few seconds of fuzzing plus targeted cases) and scripts/fuzz.ts (hundreds of mutants).
//
// Everything is seeded: the same seed and base give the same bytes on every run and machine, so a mutant that
// breaks the server can be rebuilt from the seed printed with it. Each mutation has a name; `MUTATIONS` lists them.
//
// Structural mutations are appended to the original file as an incremental update (ISO 32000-1 §7.5.6: new
// objects, a cross-reference section and a trailer whose /Prev points at the previous one), the way an editor
// saves a change. The sheet underneath stays readable, so whatever the server does with the hostile part is
// exercised on an otherwise good SDS, not on a file that a reader would refuse at its first byte.
import { constants, crc32, deflateRawSync, deflateSync } from 'node:zlib';
import { brokenPdfs } from './sds-pdf/broken.js';
import { buildSdsPdf, defaultSpec } from './sds-pdf/sds-document.js';

const MiB = 1024 * 1024;

// --- seeded randomness ------------------------------------------------------------------------------------------------

export interface Rng {
  /** A float in [0, 1). */
  next(): number;
  /** An integer in [0, n). */
  int(n: number): number;
  /** An integer in [min, max]. */
  between(min: number, max: number): number;
  pick<T>(items: readonly T[]): T;
  bytes(n: number): Buffer;
}

/** mulberry32: tiny, fast and good enough to pick offsets and bits; not for anything secret. */
export function seededRng(seed: number): Rng {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(next() * n);
  return {
    next,
    int,
    between: (min, max) => min + int(max - min + 1),
    pick: <T>(items: readonly T[]): T => items[int(items.length)] as T,
    bytes: (n) => Buffer.from(Array.from({ length: n }, () => int(256))),
  };
}

// --- deflate bombs ----------------------------------------------------------------------------------------------------

/**
 * A raw deflate stream (RFC 1951) that inflates to `size` bytes of `fill`, built without ever holding them: one MiB
 * is deflated once and ended with a full flush, which leaves the output byte-aligned and independent of what came
 * before (a non-final empty stored block), so the piece can be repeated as often as needed; a final empty fixed block
 * (`03 00`) ends the stream. About 1 KiB per MiB: zlib's ~1000:1 ceiling.
 */
function rawDeflateOfRepeated(size: number, fill: number): { deflated: Buffer; crc: number } {
  const unit = Buffer.alloc(MiB, fill);
  const piece = deflateRawSync(unit, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  const whole = Math.floor(size / MiB);
  const rest = size - whole * MiB;
  const parts: Buffer[] = Array.from({ length: whole }, () => piece);
  let crc = 0;
  for (let i = 0; i < whole; i++) crc = crc32(unit, crc);
  if (rest > 0) {
    const tail = unit.subarray(0, rest);
    parts.push(deflateRawSync(tail, { level: 9, finishFlush: constants.Z_FULL_FLUSH }));
    crc = crc32(tail, crc);
  }
  parts.push(Buffer.from([0x03, 0x00]));
  return { deflated: Buffer.concat(parts), crc };
}

/** Adler-32 (RFC 1950 §9) of `size` bytes all equal to `fill`, in closed form: A = 1 + n·v, B = n + v·n(n+1)/2. */
function adler32OfRepeated(size: number, fill: number): number {
  const n = BigInt(size);
  const v = BigInt(fill);
  const a = (1n + n * v) % 65521n;
  const b = (n + (v * n * (n + 1n)) / 2n) % 65521n;
  return Number((b << 16n) | a);
}

/** A zlib stream (what /FlateDecode holds) inflating to `size` bytes of `fill`, with a correct Adler-32. */
export function flateBomb(size: number, fill = 0x20): Buffer {
  const checksum = Buffer.alloc(4);
  checksum.writeUInt32BE(adler32OfRepeated(size, fill) >>> 0);
  return Buffer.concat([Buffer.from([0x78, 0xda]), rawDeflateOfRepeated(size, fill).deflated, checksum]);
}

// --- the base documents -----------------------------------------------------------------------------------------------

export interface BasePdf {
  name: string;
  bytes: Uint8Array;
}

const BASE_LANGUAGES = ['sv', 'en', 'de', 'fi', 'pl', 'fr'] as const;

/** Generated SDSs to mutate: six languages, with plain and FlateDecode content streams. */
export function generatedBases(): BasePdf[] {
  return BASE_LANGUAGES.map((lang, i) => {
    const compress = i % 2 === 0;
    return { name: `generated-${lang}${compress ? '-flate' : ''}`, bytes: buildSdsPdf(defaultSpec(lang, { compress })).bytes };
  });
}

// --- reading just enough of a PDF to update it ----------------------------------------------------------------------------

interface PdfOutline {
  text: string;
  /** Offset of the last cross-reference section (the last `startxref`). */
  startxref: number;
  size: number;
  root: number;
  /** The trailer's /ID entry as written, if any. */
  id: string;
  /** The first page object: its number and dictionary text (`<< … >>`). */
  page: { num: number; dict: string };
  /** The root page tree node: number and dictionary text. */
  pages: { num: number; dict: string };
}

const latin1 = (bytes: Uint8Array): string => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');

/** The dictionary of object `num` as written, or undefined (objects inside object streams are not looked for). */
function objectDict(text: string, num: number): string | undefined {
  const at = text.lastIndexOf(`\n${num} 0 obj`);
  if (at === -1) return undefined;
  const open = text.indexOf('<<', at);
  // Dictionaries of page objects hold nested dictionaries (Resources): match the brackets.
  let depth = 0;
  for (let i = open; i < text.length - 1; i++) {
    const pair = text.slice(i, i + 2);
    if (pair === '<<') {
      depth++;
      i++;
    } else if (pair === '>>') {
      depth--;
      i++;
      if (depth === 0) return text.slice(open, i + 1);
    }
  }
  return undefined;
}

/** The parts of a (clear-text-structured) PDF that an incremental update needs; undefined if it has none. */
export function outline(bytes: Uint8Array): PdfOutline | undefined {
  const text = latin1(bytes);
  const startxrefs = [...text.matchAll(/startxref\s+(\d+)/g)];
  const trailers = [...text.matchAll(/trailer\s*<<([\s\S]*?)>>\s*startxref/g)];
  const trailer = trailers.at(-1)?.[1];
  const last = startxrefs.at(-1)?.[1];
  if (trailer === undefined || last === undefined) return undefined;
  const size = /\/Size (\d+)/.exec(trailer)?.[1];
  const root = /\/Root (\d+) 0 R/.exec(trailer)?.[1];
  if (size === undefined || root === undefined) return undefined;
  const rootDict = objectDict(text, Number(root));
  const pagesNum = rootDict && /\/Pages (\d+) 0 R/.exec(rootDict)?.[1];
  const pagesDict = pagesNum ? objectDict(text, Number(pagesNum)) : undefined;
  const firstKid = pagesDict && /\/Kids \[\s*(\d+) 0 R/.exec(pagesDict)?.[1];
  const pageDict = firstKid ? objectDict(text, Number(firstKid)) : undefined;
  if (!pagesNum || !pagesDict || !firstKid || !pageDict) return undefined;
  return {
    text,
    startxref: Number(last),
    size: Number(size),
    root: Number(root),
    id: /\/ID\s*\[[^\]]*\]/.exec(trailer)?.[0] ?? '',
    page: { num: Number(firstKid), dict: pageDict },
    pages: { num: Number(pagesNum), dict: pagesDict },
  };
}

interface NewObject {
  num: number;
  /** The object's body: a dictionary, array or other value, written between `obj` and `endobj`. */
  value: string;
  stream?: Uint8Array;
}

/** `base` plus an incremental update with `objects` (new numbers or replacements) and a classic xref section. */
function appendUpdate(base: Uint8Array, info: PdfOutline, objects: readonly NewObject[], trailerExtra = ''): Uint8Array {
  const chunks: Buffer[] = [Buffer.from(base), Buffer.from('\n', 'latin1')];
  let offset = base.byteLength + 1;
  const offsets = new Map<number, number>();
  const write = (chunk: Buffer | string): void => {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'latin1') : chunk;
    chunks.push(buffer);
    offset += buffer.length;
  };
  for (const object of objects) {
    offsets.set(object.num, offset);
    if (object.stream === undefined) {
      write(`${object.num} 0 obj\n${object.value}\nendobj\n`);
    } else {
      write(`${object.num} 0 obj\n${object.value}\nstream\n`);
      write(Buffer.from(object.stream));
      write('\nendstream\nendobj\n');
    }
  }
  const xref = offset;
  const sections = [...offsets.entries()].sort(([a], [b]) => a - b).map(([num, at]) => `${num} 1\n${String(at).padStart(10, '0')} 00000 n \n`);
  const size = Math.max(info.size, ...objects.map((o) => o.num + 1));
  write(`xref\n${sections.join('')}trailer\n<< /Size ${size} /Root ${info.root} 0 R /Prev ${info.startxref} ${info.id} ${trailerExtra}>>\nstartxref\n${xref}\n%%EOF\n`);
  return new Uint8Array(Buffer.concat(chunks));
}

/** The page dictionary with one more entry (or an entry replaced). */
function withEntry(dict: string, key: string, value: string): string {
  const without = dict.replace(new RegExp(`/${key} (\\d+ 0 R|\\[[^\\]]*\\])`), '');
  return `${without.slice(0, -2).trimEnd()} /${key} ${value} >>`;
}

const contentsOf = (dict: string): string => /\/Contents (\d+ 0 R|\[[^\]]*\])/.exec(dict)?.[1] ?? '';

// --- zip archives -----------------------------------------------------------------------------------------------------

export interface ZipEntry {
  name: string;
  /** Stored as is (method 0) unless `deflated` is given. */
  data?: Uint8Array;
  /** Pre-compressed raw deflate data (method 8), with the sizes and CRC to declare. */
  deflated?: { bytes: Uint8Array; size: number; crc: number };
}

/** A zip archive (APPNOTE.TXT §4.3): local headers, central directory, end record. No zip64, so < 4 GiB per entry. */
export function zipArchive(entries: readonly ZipEntry[]): Uint8Array {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, 'utf8');
    const stored = entry.deflated === undefined;
    const data = Buffer.from(entry.deflated?.bytes ?? entry.data ?? new Uint8Array(0));
    const size = entry.deflated?.size ?? data.length;
    const crc = entry.deflated?.crc ?? crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(stored ? 0 : 8, 8);
    local.writeUInt32LE(crc >>> 0, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size >>> 0, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(stored ? 0 : 8, 10);
    central.writeUInt32LE(crc >>> 0, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(size >>> 0, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += local.length + name.length + data.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return new Uint8Array(Buffer.concat([...locals, directory, end]));
}

const XLSX_CONTENT_TYPES =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/></Types>';
const XLSX_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>';
const XLSX_WORKBOOK =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="List_results" sheetId="1" r:id="rId1"/></sheets></workbook>';
const XLSX_WORKBOOK_RELS =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">' +
  '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/></Relationships>';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

/** The skeleton parts of a one-sheet workbook (sheet `List_results`, as an ECHA CHEM export names it). */
function workbookParts(): ZipEntry[] {
  return [
    { name: '[Content_Types].xml', data: utf8(XLSX_CONTENT_TYPES) },
    { name: '_rels/.rels', data: utf8(XLSX_RELS) },
    { name: 'xl/workbook.xml', data: utf8(XLSX_WORKBOOK) },
    { name: 'xl/_rels/workbook.xml.rels', data: utf8(XLSX_WORKBOOK_RELS) },
  ];
}

/**
 * An .xlsx whose one worksheet inflates to `size` bytes: a valid sheet start, then `size` bytes of blanks (legal
 * XML whitespace), then its end. The deflated part is ~1/1000 of `size`, so 1 GiB of sheet fits in about a MiB.
 * Sizes up to 4 GiB − 1 (no zip64).
 */
export function xlsxBomb(size: number, options: { declaredSize?: number } = {}): Uint8Array {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>', 'utf8');
  const tail = Buffer.from('</sheetData></worksheet>', 'utf8');
  const blanks = rawDeflateOfRepeated(size, 0x20);
  // head + blanks + tail as one deflate stream: head and tail as their own flushed blocks around the repeated ones.
  const headBlock = deflateRawSync(head, { finishFlush: constants.Z_FULL_FLUSH });
  const tailBlock = deflateRawSync(tail); // final block
  const deflated = Buffer.concat([headBlock, blanks.deflated.subarray(0, blanks.deflated.length - 2), tailBlock]);
  const crc = crc32(tail, combineCrc(crc32(head), blanks.crc, size));
  // `declaredSize` lies in the headers, as a bomb made to pass a check of the declared sizes does.
  const declared = options.declaredSize ?? head.length + size + tail.length;
  return zipArchive([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', deflated: { bytes: deflated, size: declared, crc } }]);
}

/**
 * crc32 of A‖B from crc32(A), crc32(B) and B's length (zlib's crc32_combine, GF(2) matrix method), so a bomb's
 * checksum is right without inflating it.
 */
function combineCrc(crcA: number, crcB: number, lengthB: number): number {
  const square = (mat: Uint32Array): Uint32Array => {
    const out = new Uint32Array(32);
    for (let n = 0; n < 32; n++) out[n] = times(mat, mat[n]!);
    return out;
  };
  const times = (mat: Uint32Array, vec: number): number => {
    let sum = 0;
    for (let i = 0; vec !== 0; i++, vec >>>= 1) if (vec & 1) sum ^= mat[i]!;
    return sum >>> 0;
  };
  if (lengthB === 0) return crcA;
  let odd: Uint32Array = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row <<= 1) odd[n] = row;
  let even: Uint32Array = square(odd);
  odd = square(even);
  let crc = crcA >>> 0;
  let len = lengthB;
  do {
    even = square(odd);
    if (len & 1) crc = times(even, crc);
    len = Math.floor(len / 2);
    if (len === 0) break;
    odd = square(even);
    if (len & 1) crc = times(odd, crc);
    len = Math.floor(len / 2);
  } while (len !== 0);
  return (crc ^ crcB) >>> 0;
}

/** A workbook with `count` extra (tiny, stored) entries beside its parts: an archive made to be slow to walk. */
export function zipWithManyEntries(count: number): Uint8Array {
  const filler = Array.from({ length: count }, (_, i): ZipEntry => ({ name: `xl/media/image${i}.png`, data: utf8('x') }));
  const sheet = '<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>';
  return zipArchive([...workbookParts(), { name: 'xl/worksheets/sheet1.xml', data: utf8(sheet) }, ...filler]);
}

// --- the mutations ------------------------------------------------------------------------------------------------------

export interface Mutant {
  /** The mutation's name (`MUTATIONS` key), plus the base it was applied to. */
  mutation: MutationName;
  base: string;
  seed: number;
  bytes: Uint8Array;
}

type Mutator = (base: Uint8Array, rng: Rng) => Uint8Array;

/** Bytes → a structural mutation, or the base unchanged when it has no outline to update (e.g. a real, xref-stream PDF). */
function structural(update: (base: Uint8Array, info: PdfOutline, rng: Rng) => Uint8Array): Mutator {
  return (base, rng) => {
    const info = outline(base);
    return info === undefined ? base : update(base, info, rng);
  };
}

const flip = (bytes: Uint8Array, count: number, rng: Rng): Uint8Array => {
  const out = bytes.slice();
  for (let i = 0; i < count; i++) {
    const at = rng.int(out.length);
    out[at] = out[at]! ^ (1 << rng.int(8));
  }
  return out;
};

const BOMB_SIZE = 256 * MiB;

function addCompressionBomb(base: Uint8Array, info: PdfOutline, inflatedSize: number): Uint8Array {
  const bomb = info.size;
  const stream = flateBomb(inflatedSize);
  return appendUpdate(base, info, [
    { num: bomb, value: `<< /Length ${stream.length} /Filter /FlateDecode >>`, stream },
    { num: info.page.num, value: withEntry(info.page.dict, 'Contents', `[${contentsOf(info.page.dict)} ${bomb} 0 R]`) },
  ]);
}

/** `base` with a second content stream on its first page that inflates to `inflatedSize` bytes of blanks. */
export function withCompressionBomb(base: Uint8Array, inflatedSize: number): Uint8Array {
  const info = outline(base);
  if (info === undefined) throw new Error('withCompressionBomb: the base has no classic trailer or page dictionary to update');
  return addCompressionBomb(base, info, inflatedSize);
}

export const MUTATIONS = {
  /** Cut off anywhere after the header, as an interrupted download leaves a file. */
  truncate: (base, rng) => base.slice(0, rng.between(16, base.length - 1)),

  /** 1–64 single-bit errors anywhere, as a bad disk or a broken transfer makes them. */
  'bit-flips': (base, rng) => flip(base, rng.between(1, 64), rng),

  /** 1–8 runs of up to 256 random bytes written over the file. */
  'random-runs': (base, rng) => {
    const out = base.slice();
    for (let runs = rng.between(1, 8); runs > 0; runs--) {
      const at = rng.int(out.length);
      out.set(rng.bytes(Math.min(rng.between(1, 256), out.length - at)), at);
    }
    return out;
  },

  /** A random range removed or repeated: every later offset in the xref table is then wrong. */
  splice: (base, rng) => {
    const from = rng.int(base.length);
    const to = Math.min(base.length, from + rng.between(1, 4096));
    const b = Buffer.from(base);
    return new Uint8Array(rng.next() < 0.5 ? Buffer.concat([b.subarray(0, from), b.subarray(to)]) : Buffer.concat([b.subarray(0, to), b.subarray(from)]));
  },

  /** 1 B – 64 KiB of noise after %%EOF, where mail gateways and broken uploaders leave it. */
  'garbage-after-eof': (base, rng) => new Uint8Array(Buffer.concat([Buffer.from(base), rng.bytes(rng.between(1, 64 * 1024))])),

  /** The startxref offset pointing somewhere else, or the xref table's offsets shifted. */
  'wrong-xref': (base, rng) => {
    const text = latin1(base);
    if (rng.next() < 0.5) {
      const replaced = text.replace(/startxref\s+(\d+)(?![\s\S]*startxref)/, (_, n: string) => `startxref\n${Math.max(0, Number(n) + rng.between(-5000, 5000))}`);
      return new Uint8Array(Buffer.from(replaced, 'latin1'));
    }
    const shift = rng.between(1, 200);
    return new Uint8Array(Buffer.from(text.replace(/^(\d{10}) 00000 n/gm, (_, n: string) => `${String(Number(n) + shift).padStart(10, '0')} 00000 n`), 'latin1'));
  },

  /** No cross-reference table and no trailer: a reader must rebuild them by scanning, or give up. */
  'no-xref': (base) => {
    const text = latin1(base);
    const at = text.lastIndexOf('\nxref');
    return at === -1 ? base : new Uint8Array(Buffer.from(text.slice(0, at + 1) + '%%EOF\n', 'latin1'));
  },

  /** A /Prev chain that points back at itself: a reader that follows it without a guard never stops. */
  'xref-prev-loop': structural((base, info) => {
    const updated = appendUpdate(base, info, [{ num: info.size, value: '(loop)' }]);
    // The new section's /Prev names the new section itself.
    const text = latin1(updated);
    const self = Number(/startxref\n(\d+)\n%%EOF\n$/.exec(text)?.[1]);
    return new Uint8Array(Buffer.from(text.replace(/\/Prev \d+(?![\s\S]*\/Prev)/, `/Prev ${self}`), 'latin1'));
  }),

  /** JavaScript run on opening (/OpenAction), as a named script and as a page action: must never be executed. */
  'javascript-action': structural((base, info) => {
    const js = info.size;
    const names = info.size + 1;
    const catalog = `<< /Type /Catalog /Pages ${info.pages.num} 0 R /OpenAction ${js} 0 R /Names << /JavaScript ${names} 0 R >> /AA << /WC ${js} 0 R >> >>`;
    return appendUpdate(base, info, [
      { num: info.root, value: catalog },
      { num: js, value: "<< /S /JavaScript /JS (app.alert\\('pwned'\\); this.exportDataObject\\({cName: 'x', nLaunch: 2}\\);) >>" },
      { num: names, value: `<< /Names [(init) ${js} 0 R] >>` },
      { num: info.page.num, value: withEntry(info.page.dict, 'AA', `<< /O ${js} 0 R >>`) },
    ]);
  }),

  /** A /Launch action and an embedded executable: the kind of PDF that tries to run a program. */
  'launch-action': structural((base, info) => {
    const launch = info.size;
    const file = info.size + 1;
    const exe = Buffer.from('MZ\x90\x00this program cannot be run in DOS mode', 'latin1');
    return appendUpdate(base, info, [
      {
        num: info.root,
        value: `<< /Type /Catalog /Pages ${info.pages.num} 0 R /OpenAction ${launch} 0 R /Names << /EmbeddedFiles << /Names [(setup.exe) << /Type /Filespec /F (setup.exe) /EF << /F ${file} 0 R >> >>] >> >> >>`,
      },
      { num: launch, value: '<< /S /Launch /Win << /F (cmd.exe) /P (/c calc.exe) >> /F (/bin/sh) >>' },
      { num: file, value: `<< /Type /EmbeddedFile /Length ${exe.length} >>`, stream: exe },
    ]);
  }),

  /** A second page content stream that inflates to 256 MiB of blanks from about 256 KiB (FlateDecode bomb). */
  'compression-bomb': structural((base, info) => addCompressionBomb(base, info, BOMB_SIZE)),

  /** Arrays nested 10,000–100,000 deep in the page dictionary: a recursive parser runs out of stack. */
  'deep-nesting-array': structural((base, info, rng) => {
    const depth = rng.between(10_000, 100_000);
    return appendUpdate(base, info, [{ num: info.page.num, value: withEntry(info.page.dict, 'Deep', `${'['.repeat(depth)}0${']'.repeat(depth)}`) }]);
  }),

  /** Dictionaries nested 10,000–100,000 deep, likewise. */
  'deep-nesting-dict': structural((base, info, rng) => {
    const depth = rng.between(10_000, 100_000);
    return appendUpdate(base, info, [{ num: info.page.num, value: withEntry(info.page.dict, 'Deep', `${'<< /A '.repeat(depth)}0${' >>'.repeat(depth)}`) }]);
  }),

  /** Arrays nested deep inside the page's content stream, as a TJ operand: the content parser's recursion. */
  'deep-nesting-content': structural((base, info, rng) => {
    const depth = rng.between(10_000, 100_000);
    const content = Buffer.from(`BT /F1 10 Tf 50 50 Td ${'['.repeat(depth)}(x)${']'.repeat(depth)} TJ ET\n`, 'latin1');
    const num = info.size;
    return appendUpdate(base, info, [
      { num, value: `<< /Length ${content.length} >>`, stream: content },
      { num: info.page.num, value: withEntry(info.page.dict, 'Contents', `[${contentsOf(info.page.dict)} ${num} 0 R]`) },
    ]);
  }),

  /**
   * The first page moved into an object stream (PDF 1.5, §7.5.7) that claims 200,000–500,000 objects, indexed by a
   * cross-reference stream: a reader that parses every object of the stream when it needs one pays for all of them.
   */
  'huge-object-stream': structural((base, info, rng) => {
    const count = rng.between(200_000, 500_000);
    // The stream holds the page (its index 0, keeping the page's number) and count − 1 filler objects numbered
    // objStm + 1 …; the cross-reference stream (W [1 4 4]) sends the page's number and the fillers into it.
    const objStm = info.size;
    const xrefNum = objStm + count;
    const numbers = [info.page.num, ...Array.from({ length: count - 1 }, (_, i) => objStm + 1 + i)];
    const bodies = [withEntry(info.page.dict, 'Filler', `${objStm + 1} 0 R`), ...Array.from({ length: count - 1 }, (_, i) => String(i))];
    const header: string[] = [];
    let offset = 0;
    bodies.forEach((body, i) => {
      header.push(`${numbers[i]} ${offset}`);
      offset += body.length + 1;
    });
    const headerText = `${header.join(' ')}\n`;
    const payload = deflateSync(Buffer.from(headerText + bodies.join(' '), 'latin1'));
    const objStmOffset = base.byteLength + 1;
    const objStmBytes = Buffer.concat([
      Buffer.from(`${objStm} 0 obj\n<< /Type /ObjStm /N ${count} /First ${headerText.length} /Length ${payload.length} /Filter /FlateDecode >>\nstream\n`, 'latin1'),
      payload,
      Buffer.from('\nendstream\nendobj\n', 'latin1'),
    ]);
    const xrefOffset = objStmOffset + objStmBytes.length;
    const rows: Buffer[] = [];
    const row = (type: number, a: number, b: number): void => {
      const r = Buffer.alloc(9);
      r.writeUInt8(type, 0);
      r.writeUInt32BE(a, 1);
      r.writeUInt32BE(b, 5);
      rows.push(r);
    };
    row(2, objStm, 0); // the page
    row(1, objStmOffset, 0); // the object stream
    for (let i = 1; i < count; i++) row(2, objStm, i); // the fillers
    row(1, xrefOffset, 0); // the cross-reference stream itself
    const xrefData = deflateSync(Buffer.concat(rows));
    const dict =
      `<< /Type /XRef /Size ${xrefNum + 1} /Index [${info.page.num} 1 ${objStm} ${count + 1}] /W [1 4 4] /Root ${info.root} 0 R ` +
      `/Prev ${info.startxref} ${info.id} /Length ${xrefData.length} /Filter /FlateDecode >>`;
    return new Uint8Array(
      Buffer.concat([
        Buffer.from(base),
        Buffer.from('\n'),
        objStmBytes,
        Buffer.from(`${xrefNum} 0 obj\n${dict}\nstream\n`, 'latin1'),
        xrefData,
        Buffer.from(`\nendstream\nendobj\nstartxref\n${xrefOffset}\n%%EOF\n`, 'latin1'),
      ]),
    );
  }),

  /** The page tree lists itself among its kids: a walk without cycle detection never ends. */
  'page-tree-cycle': structural((base, info) =>
    appendUpdate(base, info, [{ num: info.pages.num, value: info.pages.dict.replace(/\/Kids \[/, `/Kids [${info.pages.num} 0 R `) }]),
  ),

  /** The page tree claims 2³¹−1 pages: a reader that loops to /Count spins for ever. */
  'huge-page-count': structural((base, info) => appendUpdate(base, info, [{ num: info.pages.num, value: info.pages.dict.replace(/\/Count \d+/, '/Count 2147483647') }])),

  /** The first page listed 500–5,000 times as the tree's kids: a few KiB that cost thousands of pages of work. */
  'repeated-pages': structural((base, info, rng) => {
    const count = rng.between(500, 5000);
    const kids = Array.from({ length: count }, () => `${info.page.num} 0 R`).join(' ');
    return appendUpdate(base, info, [{ num: info.pages.num, value: `<< /Type /Pages /Kids [${kids}] /Count ${count} >>` }]);
  }),

  /** /Contents is a reference to a reference to the first: a resolver without a guard loops. */
  'reference-loop': structural((base, info) => {
    const a = info.size;
    const b = info.size + 1;
    return appendUpdate(base, info, [
      { num: a, value: `${b} 0 R` },
      { num: b, value: `${a} 0 R` },
      { num: info.page.num, value: withEntry(info.page.dict, 'Contents', `${a} 0 R`) },
    ]);
  }),

  /** A stream whose /Length claims a gigabyte. */
  'stream-length-lie': (base) => new Uint8Array(Buffer.from(latin1(base).replace(/\/Length \d+/, '/Length 1073741824'), 'latin1')),

  /** An image XObject that claims 60,000 × 60,000 pixels (3.6 GB decoded) from a few bytes, drawn on the page. */
  'huge-image': structural((base, info) => {
    const image = info.size;
    const draw = info.size + 1;
    const pixels = flateBomb(MiB, 0x80);
    const content = Buffer.from('q 595 0 0 842 0 0 cm /ImBomb Do Q\n', 'latin1');
    const resources = /\/Resources (<<[\s\S]*>>) \/Contents/.exec(info.page.dict)?.[1] ?? '<< >>';
    const withImage = resources.replace(/^<</, `<< /XObject << /ImBomb ${image} 0 R >>`);
    return appendUpdate(base, info, [
      { num: image, value: `<< /Type /XObject /Subtype /Image /Width 60000 /Height 60000 /ColorSpace /DeviceGray /BitsPerComponent 8 /Length ${pixels.length} /Filter /FlateDecode >>`, stream: pixels },
      { num: draw, value: `<< /Length ${content.length} >>`, stream: content },
      { num: info.page.num, value: withEntry(info.page.dict.replace(resources, withImage), 'Contents', `[${contentsOf(info.page.dict)} ${draw} 0 R]`) },
    ]);
  }),

  /** Up to 1000 bytes of junk before %PDF- (readers accept it, so does the server), the rest intact. */
  'junk-before-header': (base, rng) => new Uint8Array(Buffer.concat([rng.bytes(rng.between(1, 1000)).map((b) => (b === 0x25 ? 0x20 : b)), Buffer.from(base)])),

  /** %PDF- only after the first KiB: not a PDF by the sniffing rule, whatever follows. */
  'header-too-late': (base, rng) => new Uint8Array(Buffer.concat([Buffer.alloc(rng.between(1100, 4000), 0x20), Buffer.from(base)])),

  /** A PDF header glued onto a zip archive (a polyglot): sniffed as PDF, unreadable as one. */
  'zip-with-pdf-header': () => new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.from(brokenPdfs.notPdf('zip'))])),

  /** Encrypted with a user password: refused as encrypted. */
  'encrypted-user-password': () => brokenPdfs.encrypted(),

  /** Encrypted with an empty user password (owner password only): opens without one, so it can be read. */
  'encrypted-owner-only': () => buildSdsPdf(defaultSpec('sv', { userPassword: '' })).bytes,
} satisfies Record<string, Mutator>;

export type MutationName = keyof typeof MUTATIONS;
export const MUTATION_NAMES = Object.keys(MUTATIONS) as MutationName[];

/** Mutations that rewrite bytes anywhere: cheap, many outcomes, applicable to any PDF; the fuzzer draws them most. */
export const BYTE_MUTATIONS: readonly MutationName[] = ['truncate', 'bit-flips', 'random-runs', 'splice', 'garbage-after-eof', 'wrong-xref', 'no-xref', 'stream-length-lie', 'junk-before-header', 'header-too-late'];

/** Mutations that make the reader work for seconds (by design): left out of the short fuzz in `npm test`. */
export const HEAVY_MUTATIONS: readonly MutationName[] = ['compression-bomb', 'deep-nesting-array', 'deep-nesting-dict', 'deep-nesting-content', 'huge-object-stream', 'repeated-pages'];

/** Mutations that replace the file whatever the base (`header-too-late` keeps it but hides it). */
const WHOLE_FILE: readonly MutationName[] = ['zip-with-pdf-header', 'encrypted-user-password', 'encrypted-owner-only'];

/** Whether `mutation` changes `base`: structural ones need a classic trailer and a page dictionary outside object streams. */
export function applies(mutation: MutationName, base: BasePdf): boolean {
  return BYTE_MUTATIONS.includes(mutation) || WHOLE_FILE.includes(mutation) || outline(base.bytes) !== undefined;
}

/** Apply `mutation` to `base` with the randomness of `seed`. */
export function mutate(mutation: MutationName, base: BasePdf, seed: number): Mutant {
  const bytes = MUTATIONS[mutation](base.bytes, seededRng(seed));
  return { mutation, base: base.name, seed, bytes };
}

/**
 * The i-th mutant of a fuzz run: a base and a mutation drawn from the run's seed (byte mutations two times in three,
 * any other applicable one otherwise), with a seed of its own for the mutation, so any one can be rebuilt alone from
 * (mutation, base, seed). `exclude` leaves mutations out of the draw.
 */
export function nthMutant(runSeed: number, i: number, bases: readonly BasePdf[], exclude: readonly MutationName[] = []): Mutant {
  const rng = seededRng((runSeed ^ Math.imul(i + 1, 0x9e3779b1)) >>> 0);
  const base = rng.pick(bases);
  const pool = rng.next() < 2 / 3 ? BYTE_MUTATIONS : MUTATION_NAMES.filter((m) => applies(m, base));
  const allowed = pool.filter((m) => !exclude.includes(m));
  return mutate(rng.pick(allowed.length > 0 ? allowed : BYTE_MUTATIONS), base, rng.int(2 ** 31));
}
