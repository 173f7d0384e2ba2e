// SDS extraction: PDF bytes (or text) in, facts with confidence and evidence out. Pure apart from reading the PDF;
// the API runs it in a worker thread, the CLI and the evaluation directly.
import { readPdfText } from './pdf-text.js';
import { extractFromPages } from './extract.js';
import type { ExtractionResult, SdsFacts } from './facts.js';
import { markdownToPlainText } from './text.js';

export { extractFromPages } from './extract.js';
export { looksLikePdf } from './pdf-text.js';
export * from './facts.js';

/** Version of the extraction rules, stored with each revision so facts can be re-extracted when the rules change. */
export const EXTRACTOR_VERSION = '1';

export async function extractSds(bytes: Uint8Array): Promise<ExtractionResult> {
  const text = await readPdfText(bytes);
  if (!text.ok) return text;
  return { ok: true, facts: extractFromPages(text.pages, { paged: true }), pages: text.pages };
}

/** Facts from plain text or from the Markdown a PDF converter produced (no pages: evidence has page null). */
export function extractSdsFromText(text: string): SdsFacts {
  return extractFromPages([markdownToPlainText(text)], { paged: false });
}
