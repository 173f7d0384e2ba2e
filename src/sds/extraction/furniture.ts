// Page furniture: the header and footer an SDS repeats on every page (product name, "Page 3 of 12", print date,
// "according to Regulation (EC) No 1907/2006"). Left in, it splits tables that run across pages and repeats
// values the parsers would count twice, so it is removed from the body and kept aside for the facts that live
// there (revision date, version, product name).
import type { Line, SdsText } from './text.js';

// Lines are compared with digits masked, so "Page 2 of 12" and "Page 3 of 12" are the same furniture line.
const signature = (text: string): string => text.toLowerCase().replace(/\d+/g, '#').replace(/\s+/g, ' ').trim();

// Header and footer live in the first and last few lines of a page's text (stream order puts them at either end).
const EDGE_LINES = 8;

export function removeFurniture(pages: Line[][]): SdsText {
  const pageCount = pages.length;
  const furniture: Line[] = [];
  const lines: Line[] = [];
  let repeated = new Set<string>();
  if (pageCount >= 2) {
    const counts = new Map<string, number>();
    for (const page of pages) {
      const edge = new Set<string>();
      page.forEach((line, i) => {
        if (i < EDGE_LINES || i >= page.length - EDGE_LINES) edge.add(signature(line.text));
      });
      for (const sig of edge) counts.set(sig, (counts.get(sig) ?? 0) + 1);
    }
    // On most pages (all but one for short documents); a single character is no evidence either way.
    const needed = pageCount <= 3 ? pageCount : Math.ceil(pageCount * 0.6);
    repeated = new Set([...counts].filter(([sig, n]) => n >= needed && sig.replace(/[#\W]/g, '').length >= 1).map(([sig]) => sig));
  }
  const seen = new Set<string>();
  for (const page of pages) {
    page.forEach((line, i) => {
      const atEdge = i < EDGE_LINES || i >= page.length - EDGE_LINES;
      if (!atEdge) {
        lines.push(line);
        return;
      }
      const sig = signature(line.text);
      if (repeated.has(sig) || isPageNumber(line.text)) {
        if (!seen.has(sig)) {
          seen.add(sig);
          furniture.push(line);
        }
        return;
      }
      lines.push(line);
    });
  }
  lines.forEach((line, index) => (line.index = index));
  return { lines, furniture, pageCount };
}

// "Page 1 of 4", "1 / 12", "Sida 2 av 9", "Seite 3 von 10", "Page: 1/12": numbering alone, in any language.
function isPageNumber(text: string): boolean {
  return /^(?:[\p{L}.]+\s*:?\s*)?\d{1,3}\s*(?:\/|of|av|af|von|de|di|van|z|sur|ze)\s*\d{1,3}$/iu.test(text.replace(/\t/g, ' '));
}
