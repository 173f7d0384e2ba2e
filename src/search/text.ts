// How search reads text: folded (case and diacritics dropped, so "losningsmedel" finds "Lösningsmedel" and "AB Ökad"
// finds "ab okad"), split into words on anything that is not a letter or a digit, and the query recognised as a CAS RN
// or EC number when it is one (issue 7: "exact lookup when q is a CAS or EC number").
import { parseCas, parseEc } from '../chemistry/identifiers.js';

const COMBINING_MARKS = /\p{M}+/gu;
const SEPARATORS = /[^\p{L}\p{N}]+/u;

/** Lower case without diacritics. */
export function fold(text: string): string {
  return text.normalize('NFKD').replace(COMBINING_MARKS, '').toLowerCase();
}

/** The distinct words of a text, folded. */
export function wordsOf(text: string | null | undefined): string[] {
  if (!text) return [];
  return [...new Set(fold(text).split(SEPARATORS).filter((w) => w.length > 0))];
}

/** An article number as it is compared: folded, without spaces, dots, dashes or slashes ("AB-123 4" = "ab1234"). */
export function articleKey(text: string): string {
  return fold(text).replace(/[\s.\-_/]+/gu, '');
}

/** The trigrams of a word, padded so that short words and word starts count ("gel" → " ge", "gel", "el "). */
export function trigramsOf(word: string): string[] {
  const padded = ` ${word} `;
  const out = new Set<string>();
  for (let i = 0; i + 3 <= padded.length; i++) out.add(padded.slice(i, i + 3));
  return [...out];
}

export type QueryIdentifier = { kind: 'cas' | 'ec'; value: string };

/** The query as a CAS RN or EC number, when it is nothing else and its check digit holds. */
export function identifierIn(query: string): QueryIdentifier | null {
  const text = query.trim();
  if (/^\d{3}-\d{3}-\d$/u.test(text)) {
    const ec = parseEc(text);
    if (ec.valid && ec.normalised !== null) return { kind: 'ec', value: ec.normalised };
  }
  if (/^\d{2,7}-\d{2}-\d$/u.test(text)) {
    const cas = parseCas(text);
    if (cas.valid && cas.normalised !== null) return { kind: 'cas', value: cas.normalised };
  }
  return null;
}

// Swedish alphabetical order puts å, ä and ö after z (and æ/ø with ä/ö): the characters after "z" in code order stand
// in for them, so that plain string comparison of sort keys orders names as a Swedish reader expects.
const SWEDISH_LAST: Readonly<Record<string, string>> = { å: '{', ä: '|', æ: '|', ö: '}', ø: '}' };

/** A name's key for alphabetical order under plain `<`: case and other diacritics dropped, å/ä/ö last. */
export function sortKeyOf(name: string): string {
  return fold(name.toLowerCase().replace(/[åäæöø]/gu, (c) => SWEDISH_LAST[c] ?? c));
}
