// Page text out of a PDF. The only module that touches the PDF library (pdf-parse 2, on pdf.js): everything after
// this works on plain strings, so the parser can be tested on text fixtures and swapped to another text source.
import type { UnreadableReason } from './facts.js';

// pdf-parse loads pdf.js's "legacy" build, which bundles core-js polyfills. On Node 20 two of them replace built-ins
// that are already fine for everything pdf.js and chemreg do, for the whole thread: Array.prototype.push (a
// JavaScript re-implementation, which made text extraction about 20 % slower in bench:parse) and JSON.parse. The
// natives are kept here, before pdf-parse is loaded (lazily, below), and put back after it and its worker module
// have loaded; the polyfills that add missing features (Promise.withResolvers, Uint8Array.toHex …) stay.
const NATIVE_PUSH = Array.prototype.push;
const NATIVE_JSON_PARSE = JSON.parse;

function restoreNativeBuiltins(): void {
  if (Array.prototype.push !== NATIVE_PUSH) {
    Object.defineProperty(Array.prototype, 'push', { value: NATIVE_PUSH, writable: true, enumerable: false, configurable: true });
  }
  if (JSON.parse !== NATIVE_JSON_PARSE) JSON.parse = NATIVE_JSON_PARSE;
}

// pdf.js decodes a PDF's streams (content, fonts, object streams) into Uint8Arrays, whose memory lies outside the V8
// heap that an extraction worker's resourceLimits cap. A FlateDecode bomb (a 1 MB upload inflating to gigabytes)
// therefore grew the process by gigabytes before the time budget stopped it. limitDecodedBytes() puts those buffers
// on a budget of their own: a large Uint8Array that would take the thread's typed-array memory over it is refused
// (pdf.js sees a RangeError), and readPdfText answers `too-complex` for that PDF, even if pdf.js carried on without
// the stream. It replaces the thread's global Uint8Array constructor, so only a thread that reads nothing but PDFs
// (an extraction worker) calls it.
const LARGE_ALLOCATION = 256 * 1024;
let decodedBytesBudget: number | undefined;
let overDecodedBytesBudget = false;

/** Cap this thread's typed-array memory (in bytes) while pdf.js decodes; see above. */
export function limitDecodedBytes(maxBytes: number): void {
  if (decodedBytesBudget === undefined) {
    const proxy: Uint8ArrayConstructor = new Proxy(Uint8Array, {
      construct(target, args: unknown[], newTarget: (new (...a: unknown[]) => unknown)) {
        const [length] = args;
        // Small buffers cannot add up to much before a large one is asked for: checking them would only cost time.
        if (decodedBytesBudget !== undefined && typeof length === 'number' && length >= LARGE_ALLOCATION
          && process.memoryUsage().arrayBuffers + length > decodedBytesBudget) {
          overDecodedBytesBudget = true;
          throw new RangeError(`decoding the PDF would need more than ${Math.round(decodedBytesBudget / 1024 / 1024)} MiB of buffers`);
        }
        // Built as by the native constructor (new.target the native one, not this proxy): an array made for
        // another new.target gets a map of its own, and pdf.js's hot loops slow down threefold on the mix.
        return Reflect.construct(target, args, newTarget === proxy ? target : newTarget) as Uint8Array;
      },
    });
    globalThis.Uint8Array = proxy;
  }
  decodedBytesBudget = maxBytes;
}

type PdfParseModule = typeof import('pdf-parse');
let pdfParse: Promise<PdfParseModule> | undefined;

/** pdf-parse, loaded on first use: a process that never reads a PDF (the API's main thread) never loads pdf.js. */
function loadPdfParse(): Promise<PdfParseModule> {
  pdfParse ??= import('pdf-parse').then((module) => {
    restoreNativeBuiltins();
    return module;
  });
  return pdfParse;
}

// A one-page blank PDF (no cross-reference table: pdf.js rebuilds it, as it does for many real files).
const BLANK_PDF = new TextEncoder().encode(
  '%PDF-1.4\n1 0 obj <</Type /Catalog /Pages 2 0 R>> endobj\n2 0 obj <</Type /Pages /Kids [3 0 R] /Count 1>> endobj\n' +
    '3 0 obj <</Type /Page /Parent 2 0 R /MediaBox [0 0 595 842]>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n',
);

/**
 * Loads pdf.js, its worker module included, by reading a blank page. An extraction worker does this before it says it
 * is ready: loading takes seconds on a cold start, and would otherwise count against the first upload's time budget.
 */
export async function preparePdfReader(): Promise<void> {
  const text = await readPdfText(BLANK_PDF);
  if (!text.ok) throw new Error(`pdf.js could not read a blank page: ${text.message}`);
}

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
  const { PDFParse, PasswordException, InvalidPDFException, FormatError } = await loadPdfParse();
  overDecodedBytesBudget = false;
  const tooComplex = (): PdfText => ({
    ok: false,
    reason: 'too-complex',
    message: `decoding the PDF's streams needed more than the memory budget of ${Math.round((decodedBytesBudget ?? 0) / 1024 / 1024)} MiB`,
  });
  // pdf.js takes ownership of (detaches) the buffer it is given: hand it a copy so the caller's bytes stay usable.
  const parser = new PDFParse({ data: bytes.slice(), verbosity: 0, stopAtErrors: false, isEvalSupported: false, disableFontFace: true, useSystemFonts: false });
  try {
    const result = await parser.getText({ cellSeparator: '\t', lineEnforce: true });
    if (overDecodedBytesBudget) return tooComplex();
    if (result.total === 0) return { ok: false, reason: 'corrupt', message: 'the PDF has no pages' };
    const pages = Array.from({ length: result.total }, () => '');
    for (const page of result.pages) pages[page.num - 1] = page.text;
    return { ok: true, pages };
  } catch (err) {
    if (overDecodedBytesBudget) return tooComplex();
    if (err instanceof PasswordException) {
      return { ok: false, reason: 'encrypted', message: 'the PDF is password-protected; upload an unprotected copy' };
    }
    if (err instanceof InvalidPDFException || err instanceof FormatError) {
      return { ok: false, reason: 'corrupt', message: `the PDF is damaged or truncated (${err.message})` };
    }
    return { ok: false, reason: 'corrupt', message: `the PDF could not be read (${err instanceof Error ? err.message : String(err)})` };
  } finally {
    await parser.destroy().catch(() => undefined);
    // The first document loads pdf.js's worker module, which installs the same polyfills again.
    restoreNativeBuiltins();
  }
}
