// Files that an SDS upload must refuse or flag, each built the way such files turn up in practice: an empty upload,
// a picture or archive named .pdf, a download cut off halfway, a damaged file, a password-protected PDF, a scan
// without a text layer, a PDF that is not a safety data sheet, and a malformed page tree. Every function returns a
// fresh array (pdf.js empties the buffers it is given) and the same bytes on every call.
import { deflateSync } from 'node:zlib';
import { A4, PdfDocument, textWidth, type GrayImage } from './pdf-writer.js';
import { buildSdsPdf, defaultSpec } from './sds-document.js';

/** The user password of `brokenPdfs.encrypted()`. */
export const ENCRYPTED_PDF_PASSWORD = 'kemikalier-2024';

/** Deterministic pseudo-random numbers in [0, 1) (mulberry32), so broken files are the same on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

// --- not a PDF ------------------------------------------------------------------------------------------------------

const CRC_TABLE = Uint32Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

/** CRC-32 as PNG chunks use it (ISO 3309, the zlib polynomial). */
function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const b of bytes) crc = CRC_TABLE[(crc ^ b) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A real 32 × 32 grayscale PNG (a photo of a label, say) that a user uploads under a .pdf name. */
function png(): Uint8Array {
  const size = 32;
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 0, 0, 0, 0], 8); // 8-bit, grayscale, deflate, adaptive filtering, no interlace
  // Each scanline starts with its filter type (0, none); the picture is a diagonal gradient.
  const raw = Buffer.alloc(size * (size + 1));
  for (let y = 0; y < size; y++) for (let x = 0; x < size; x++) raw[y * (size + 1) + 1 + x] = (x + y) * 4;
  return new Uint8Array(
    Buffer.concat([
      Buffer.from('89504e470d0a1a0a', 'hex'),
      pngChunk('IHDR', header),
      pngChunk('IDAT', deflateSync(raw)),
      pngChunk('IEND', new Uint8Array(0)),
    ]),
  );
}

/** A ZIP archive holding one small text file (APPNOTE.TXT §4.3: local header, central directory, end record). */
function zip(): Uint8Array {
  const name = Buffer.from('sdb.txt', 'latin1');
  const content = Buffer.from('Säkerhetsdatablad finns hos leverantören.\n', 'utf8');
  const crc = crc32(content);
  const local = Buffer.alloc(30);
  local.writeUInt32LE(0x04034b50, 0);
  local.writeUInt16LE(20, 4); // version needed: 2.0
  local.writeUInt32LE(crc, 14);
  local.writeUInt32LE(content.length, 18);
  local.writeUInt32LE(content.length, 22);
  local.writeUInt16LE(name.length, 26);
  const central = Buffer.alloc(46);
  central.writeUInt32LE(0x02014b50, 0);
  central.writeUInt16LE(20, 4);
  central.writeUInt16LE(20, 6);
  central.writeUInt32LE(crc, 16);
  central.writeUInt32LE(content.length, 20);
  central.writeUInt32LE(content.length, 24);
  central.writeUInt16LE(name.length, 28);
  const localSize = local.length + name.length + content.length;
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(1, 8);
  end.writeUInt16LE(1, 10);
  end.writeUInt32LE(central.length + name.length, 12);
  end.writeUInt32LE(localSize, 16);
  return new Uint8Array(Buffer.concat([local, name, content, central, name, end]));
}

function plainText(): Uint8Array {
  return new Uint8Array(Buffer.from('Hej!\nHär kommer säkerhetsdatabladet för Golvrent Neutral, se bifogad länk.\nMvh Anna\n', 'utf8'));
}

// --- scanned --------------------------------------------------------------------------------------------------------

/**
 * A page as a 50 dpi scanner would deliver it: off-white paper, a grey title band, and dark blocks where words
 * were, with a few specks of dust. Only pixels: nothing in it is text.
 */
function scannedPage(seed: number): GrayImage {
  const width = 413; // A4 at 50 dpi
  const height = 585;
  const next = random(seed);
  const pixels = new Uint8Array(width * height).fill(238);
  const fill = (x0: number, y0: number, w: number, h: number, gray: number): void => {
    for (let y = y0; y < Math.min(height, y0 + h); y++) pixels.fill(gray, y * width + x0, y * width + Math.min(width, x0 + w));
  };
  fill(30, 30, width - 60, 16, 200);
  for (let y = 36; y < 42; y++) fill(36, y, 120, 1, 60);
  for (let line = 70; line < height - 50; line += 11) {
    if (next() < 0.12) continue; // a blank line between paragraphs
    const end = 40 + Math.floor((width - 80) * (0.5 + next() / 2));
    for (let x = 36; x < end; ) {
      const word = 6 + Math.floor(next() * 34);
      fill(x, line, Math.min(word, end - x), 5, 40 + Math.floor(next() * 40));
      x += word + 4;
    }
  }
  for (let i = 0; i < 60; i++) pixels[Math.floor(next() * pixels.length)] = 90;
  return { width, height, pixels };
}

// --- raw objects ----------------------------------------------------------------------------------------------------

/** A minimal PDF from object bodies (object n is `objects[n - 1]`), with a correct cross-reference table. */
function assemble(objects: readonly string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new Uint8Array(Buffer.from(out, 'latin1'));
}

// --- the catalogue --------------------------------------------------------------------------------------------------

export const brokenPdfs = {
  /** A zero-byte upload. */
  empty(): Uint8Array {
    return new Uint8Array(0);
  },

  /** Something else under a .pdf name: a PNG (default), a ZIP archive, or a plain-text e-mail. */
  notPdf(kind: 'png' | 'zip' | 'text' = 'png'): Uint8Array {
    switch (kind) {
      case 'png':
        return png();
      case 'zip':
        return zip();
      case 'text':
        return plainText();
    }
  },

  /**
   * A valid SDS cut off in the middle, as an interrupted download leaves it: no cross-reference table, no trailer
   * and, since the writer puts it last, no document catalog either.
   */
  truncated(): Uint8Array {
    const { bytes } = buildSdsPdf(defaultSpec('sv'));
    return bytes.slice(0, Math.floor(bytes.length / 2));
  },

  /** A PDF header followed by 4 KB of noise and an end-of-file marker: the signature is right, nothing else is. */
  corrupt(): Uint8Array {
    const next = random(1907);
    const noise = Uint8Array.from({ length: 4096 }, () => Math.floor(next() * 256));
    return new Uint8Array(Buffer.concat([Buffer.from('%PDF-1.4\n%\xe2\xe3\xcf\xd3\n', 'latin1'), noise, Buffer.from('\n%%EOF\n')]));
  },

  /**
   * A real SDS encrypted with a non-empty user password (standard security handler, RC4 128-bit, revision 3):
   * readers refuse it without `password` (pdf-parse throws PasswordException) and open it with it.
   */
  encrypted(password: string = ENCRYPTED_PDF_PASSWORD): Uint8Array {
    return buildSdsPdf(defaultSpec('sv', { userPassword: password })).bytes;
  },

  /** Two pages that are only images of text, as a scanner without OCR produces: no text operators at all. */
  scanned(): Uint8Array {
    const doc = new PdfDocument({ compress: true, info: { title: 'Scan 2024-03-15 10.42', creationDate: new Date('2024-03-15T10:42:00Z') } });
    for (const seed of [1, 2]) doc.addPage().image(scannedPage(seed), 0, 0, A4.width, A4.height);
    return doc.toBytes();
  },

  /** A normal one-page text PDF that is not a safety data sheet: a Swedish invoice for office supplies. */
  notAnSds(): Uint8Array {
    const doc = new PdfDocument({ compress: true, info: { title: 'Faktura 2024-1187', author: 'Kontorsvaror Mälardalen AB' } });
    const page = doc.addPage();
    const left = 56;
    const right = A4.width - 56;
    const rightAligned = (y: number, text: string, size = 10): void => {
      page.text(right - textWidth(text, 'Helvetica', size), y, text, { size });
    };
    page.text(left, 780, 'Kontorsvaror Mälardalen AB', { font: 'Helvetica-Bold', size: 14 });
    page.text(left, 764, 'Verkstadsgatan 9, 721 30 Västerås', { size: 9 });
    page.text(right - 90, 780, 'FAKTURA', { font: 'Helvetica-Bold', size: 18 });
    const facts: Array<[string, string]> = [
      ['Fakturanummer', '2024-1187'],
      ['Fakturadatum', '2024-03-15'],
      ['Förfallodatum', '2024-04-14'],
      ['Er referens', 'Anna Lindqvist'],
      ['Kundnummer', '10442'],
    ];
    facts.forEach(([label, value], i) => {
      page.text(left, 720 - i * 14, `${label}:`, { size: 10 });
      page.text(left + 110, 720 - i * 14, value, { size: 10 });
    });
    page.text(330, 720, 'Regionens Servicecenter', { size: 10 });
    page.text(330, 706, 'Box 1204', { size: 10 });
    page.text(330, 692, '721 89 Västerås', { size: 10 });

    const columns = [left, 300, 380, 460];
    page.rect(left - 4, 616, right - left + 8, 16, { fill: 0.9 });
    ['Artikel', 'Antal', 'à-pris', 'Belopp'].forEach((h, i) => page.text(columns[i] ?? left, 620, h, { font: 'Helvetica-Bold', size: 10 }));
    const lines: Array<[string, string, string, string]> = [
      ['Kopieringspapper A4 80 g, 5 × 500 ark', '12', '289,00', '3 468,00'],
      ['Kulspetspennor blå, 50-pack', '4', '119,00', '476,00'],
      ['Whiteboardpennor, sorterade färger', '6', '64,50', '387,00'],
      ['Pärmar A4, 50 mm rygg', '20', '32,00', '640,00'],
      ['Frakt', '1', '149,00', '149,00'],
    ];
    lines.forEach((line, row) => {
      const y = 600 - row * 16;
      line.forEach((cell, i) => page.text(columns[i] ?? left, y, cell, { size: 10 }));
    });
    page.line(left - 4, 515, right + 4, 515);
    rightAligned(498, 'Summa exkl. moms: 5 120,00 kr');
    rightAligned(484, 'Moms 25 %: 1 280,00 kr');
    rightAligned(466, 'Att betala: 6 400,00 kr', 12);
    page.text(left, 400, 'Betalningsvillkor 30 dagar netto. Dröjsmålsränta enligt räntelagen.', { size: 9 });
    page.line(left, 90, right, 90, { lineWidth: 0.5 });
    page.text(left, 76, 'Bankgiro 5555-1234   Org.nr 556677-8899   Innehar F-skattsedel   info@kontorsvaror.example', { size: 8 });
    return doc.toBytes();
  },

  /**
   * A structurally malicious PDF: the page tree lists itself as its own child, so a reader that follows it without
   * cycle detection never stops. pdf.js detects the cycle and fails the page.
   */
  hostile(): Uint8Array {
    return assemble(['<< /Type /Catalog /Pages 2 0 R >>', '<< /Type /Pages /Kids [2 0 R] /Count 1 >>']);
  },
} as const;
