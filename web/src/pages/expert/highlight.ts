// Where a finding's quote sits in a page's text. The quote is a normalised excerpt (table cells joined with spaces,
// lines with " / "), so it is never byte-equal to the PDF's text runs: both are cut into words and the quote's words
// are aligned to the page's by a local alignment (Smith–Waterman), which tolerates words the excerpt dropped, added or
// split differently. No DOM here, so that it can be tested on its own.

/** A word for comparison: case and the punctuation around it do not count ("H314," = "h314"). */
export function normaliseWord(word: string): string {
  return word
    .normalize('NFKC')
    .toLowerCase()
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[^\p{L}\p{N})\]]+$/u, '');
}

export function wordsOf(text: string): string[] {
  return text
    .split(/[\s/|]+/u)
    .map(normaliseWord)
    .filter((w) => w !== '');
}

const MATCH = 3;
const MISMATCH = -2;
const GAP = -1;

/**
 * The indexes of the runs (a page's text items, in order) holding the quote's best local alignment: the runs of the
 * page words matched to quote words. Empty when fewer than a third of the quote's words (and at least two) were found
 * in one place, so that a stray "H314" elsewhere on the page is not taken for the quote.
 */
export function runsMatching(runs: readonly string[], quote: string): number[] {
  const q = wordsOf(quote);
  const page: Array<{ word: string; run: number }> = [];
  runs.forEach((text, run) => {
    for (const word of wordsOf(text)) page.push({ word, run });
  });
  if (q.length === 0 || page.length === 0) return [];
  const cols = q.length + 1;
  const score = new Int32Array((page.length + 1) * cols);
  let best = 0;
  let bestAt = 0;
  for (let i = 1; i <= page.length; i++) {
    for (let j = 1; j <= q.length; j++) {
      const diagonal = score[(i - 1) * cols + j - 1]! + (page[i - 1]!.word === q[j - 1] ? MATCH : MISMATCH);
      const value = Math.max(0, diagonal, score[(i - 1) * cols + j]! + GAP, score[i * cols + j - 1]! + GAP);
      score[i * cols + j] = value;
      if (value > best) {
        best = value;
        bestAt = i * cols + j;
      }
    }
  }
  const matched = new Set<number>();
  let matches = 0;
  let i = Math.floor(bestAt / cols);
  let j = bestAt % cols;
  while (i > 0 && j > 0 && score[i * cols + j]! > 0) {
    const here = score[i * cols + j]!;
    const same = page[i - 1]!.word === q[j - 1];
    if (here === score[(i - 1) * cols + j - 1]! + (same ? MATCH : MISMATCH)) {
      if (same) {
        matched.add(page[i - 1]!.run);
        matches++;
      }
      i--;
      j--;
    } else if (here === score[(i - 1) * cols + j]! + GAP) i--;
    else j--;
  }
  if (matches < Math.min(2, q.length) || matches * 3 < q.length) return [];
  return [...matched].sort((a, b) => a - b);
}
