// The document model every extractor reads: lines of normalised text with the page they are on. PDF text and the
// Markdown that PDF converters produce both come down to this, so the extractors never see where text came from.

export interface Line {
  /** Normalised text; table cells that were far apart are separated by a tab. */
  text: string;
  /** 1-based page, or null for text input without pages. */
  page: number | null;
  /** Position in the document's line list. */
  index: number;
}

export interface SdsText {
  /** Body lines in reading order, repeated page headers and footers removed. */
  lines: Line[];
  /** The removed header/footer lines, once each (first occurrence): revision dates and product names often sit there. */
  furniture: Line[];
  pageCount: number;
}

// Nothing at or above U+0080 (written this way round so the pattern holds no control characters).
const ASCII = /^[^\u0080-\uffff]*$/;

// Ligatures and look-alike characters that PDF fonts map to separate code points.
const REPLACEMENTS: ReadonlyArray<readonly [RegExp, string]> = [
  [/\uFB00/g, 'ff'],
  [/\uFB01/g, 'fi'],
  [/\uFB02/g, 'fl'],
  [/\uFB03/g, 'ffi'],
  [/\uFB04/g, 'ffl'],
  [/[\u00A0\u2007\u202F\u2009\u200A]/g, ' '],
  // Soft hyphen, zero-width space/joiners, byte-order mark.
  [/\u00AD|\u200B|\u200C|\u200D|\uFEFF/g, ''],
  [/[\u2018\u2019\u201B\u2032]/g, "'"],
  [/[\u201C\u201D\u201E\u2033]/g, '"'],
];

/** One line of extracted text, cleaned: Unicode NFC, ligatures split, invisible characters dropped, cells tab-separated. */
export function normaliseLine(raw: string): string {
  let text = raw;
  // Every replacement is of a non-ASCII character, and ASCII is already NFC: most lines need neither.
  if (!ASCII.test(text)) {
    text = text.normalize('NFC');
    for (const [pattern, replacement] of REPLACEMENTS) text = text.replace(pattern, replacement);
  }
  return text
    .replace(/[ \t]*\t[ \t]*/g, '\t')
    .replace(/ {2,}/g, ' ')
    .replace(/^\t+|\t+$/g, '')
    .trim();
}

/**
 * Markdown made by PDF-to-Markdown converters: tables become tab-separated rows (a `<br>` inside a cell was a
 * wrapped line, so it becomes a space), headings and emphasis lose their markup, image links go.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .map((line) => {
      let text = line.replace(/!\[[^\]]*\]\([^)]*\)/g, '').replace(/\*\*|__/g, '');
      text = text.replace(/^\s{0,3}#{1,6}\s+/, '').replace(/^\s*[-*+]\s+/, '');
      // Single-star emphasis around a whole line, and the "·" bullets some converters keep.
      text = text.replace(/^\s*\*(?=\S)(.*\S)\*\s*$/, '$1').replace(/^\s*[·•]\s*/, '');
      if (/^\s*\|/.test(text)) {
        if (/^\s*\|[\s|:-]+\|\s*$/.test(text)) return ''; // the |---|---| rule under a header row
        const cells = text.trim().replace(/^\||\|$/g, '').split('|');
        text = cells.map((cell) => cell.replace(/<br\s*\/?>/gi, ' ').trim()).filter((cell) => cell !== '').join('\t');
      }
      return text.replace(/<br\s*\/?>/gi, ' ');
    })
    .join('\n');
}

/** Pages of raw text → normalised, non-empty lines with page numbers (null when the input has no pages). */
export function toLines(pages: readonly string[], paged: boolean): Line[][] {
  return pages.map((page, pageIndex) =>
    page
      .split(/\r?\n/)
      .map(normaliseLine)
      .filter((text) => text !== '')
      .map((text) => ({ text, page: paged ? pageIndex + 1 : null, index: 0 })),
  );
}

/** Lowercase without diacritics or punctuation: the form headings and labels are compared in. */
export function fold(text: string): string {
  return text
    .toLowerCase()
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/ł/g, 'l')
    .replace(/ø/g, 'o')
    .replace(/æ/g, 'ae')
    .replace(/ß/g, 'ss');
}

/** Words of a text in folded form. */
export function words(text: string): string[] {
  return fold(text).split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');
}

/**
 * Like fold, but character for character, so offsets in the result are offsets in the input: labels are matched
 * in folded text and the value is cut from the original.
 */
export function foldSameLength(text: string): string {
  // Most SDS lines are plain ASCII, where folding is lower-casing; fold character by character only otherwise.
  if (ASCII.test(text)) return text.toLowerCase();
  let out = '';
  for (const ch of text) out += foldChar(ch);
  return out;
}

const foldedChars = new Map<string, string>();

function foldChar(ch: string): string {
  let folded = foldedChars.get(ch);
  if (folded === undefined) {
    let base = ch.toLowerCase().normalize('NFD').charAt(0);
    if (base === 'ł') base = 'l';
    else if (base === 'ø') base = 'o';
    else if (base === 'æ') base = 'a';
    else if (base === 'ß') base = 's';
    // Keep UTF-16 length equal for astral characters.
    folded = ch.length === 2 ? `${base}_`.slice(0, 2) : base;
    // The alphabet of a document is small; the cap only guards against a hostile PDF full of distinct characters.
    if (foldedChars.size < 4096) foldedChars.set(ch, folded);
  }
  return folded;
}
