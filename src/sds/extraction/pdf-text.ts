// Page text out of a PDF. The only module that touches the PDF library (pdf-parse 2, on pdf.js): everything after
// this works on plain strings, so the parser can be tested on text fixtures and swapped to another text source.
import { PDFParse, PasswordException, InvalidPDFException, FormatError } from 'pdf-parse';
import type { UnreadableReason } from './facts.js';

export type PdfText =
  | { ok: true; pages: string[] }
  | { ok: false; reason: UnreadableReason; message: string };

const PDF_MAGIC = '%PDF-';

/** Whether the bytes start like a PDF. Readers accept a little junk before the header; so do we (1 KiB). */
export function looksLikePdf(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 1024)).toString('latin1');
  return head.includes(PDF_MAGIC);
}

/**
 * Text of every page, in reading order as the PDF's content stream gives it. Items on one line that are far apart
 * (table cells) are separated by a tab, which the composition parser uses as a column boundary.
 */
export async function readPdfText(bytes: Uint8Array): Promise<PdfText> {
  if (bytes.length === 0) return { ok: false, reason: 'empty', message: 'the file is empty' };
  if (!looksLikePdf(bytes)) return { ok: false, reason: 'not-pdf', message: 'the file is not a PDF (no %PDF- header)' };
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy so the caller's bytes stay usable.
  const parser = new PDFParse({ data: bytes.slice(), verbosity: 0, stopAtErrors: false, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  try {
    const result = await parser.getText({ cellSeparator: '\t', lineEnforce: true });
    if (result.total === 0) return { ok: false, reason: 'corrupt', message: 'the PDF has no pages' };
    const pages = Array.from({ length: result.total }, () => '');
    for (const page of result.pages) pages[page.num - 1] = page.text;
    return { ok: true, pages };
  } catch (err) {
    if (err instanceof PasswordException) {
      return { ok: false, reason: 'encrypted', message: 'the PDF is password-protected; upload an unprotected copy' };
    }
    if (err instanceof InvalidPDFException || err instanceof FormatError) {
      return { ok: false, reason: 'corrupt', message: `the PDF is damaged or truncated (${err.message})` };
    }
    return { ok: false, reason: 'corrupt', message: `the PDF could not be read (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    await parser.destroy().catch(() => undefined);
  }
}
