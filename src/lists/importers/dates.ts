// Dates as the list files print them. Every parser is explicit about months and never asks the runtime's locale:
// `Date.parse('04-mrt-2026')` is locale- and engine-dependent, and the lists are read on servers of any locale.
// All results are ISO calendar dates (YYYY-MM-DD), the form ListEntry stores.

export type DateParse = { date: string; problem?: undefined } | { date: null; problem: string };

// ECHA exports (README "Common ECHA conventions"): DD-Mon-YYYY with three-letter months, English in every ECHA CHEM
// export and in the English UI; lowercase Dutch in the Dutch-locale legacy CSV (#3: `01-apr-2026`, `28-okt-2008`).
// Keys are lower case; matching lower-cases the input, so `Feb` and `feb` are the same month.
const ENGLISH_MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mar: 3, apr: 4, may: 5, jun: 6, jul: 7, aug: 8, sep: 9, oct: 10, nov: 11, dec: 12,
};
const DUTCH_MONTHS: Readonly<Record<string, number>> = {
  jan: 1, feb: 2, mrt: 3, apr: 4, mei: 5, jun: 6, jul: 7, aug: 8, sep: 9, okt: 10, nov: 11, dec: 12,
};
const SHORT_MONTHS: ReadonlyMap<string, number> = new Map([...Object.entries(ENGLISH_MONTHS), ...Object.entries(DUTCH_MONTHS)]);

// Full English month names: ChemSec's `2023 January` (README §6) and the RoHS CSV's `22 July 2019`.
const LONG_MONTHS: ReadonlyMap<string, number> = new Map(
  ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'].map(
    (name, i) => [name, i + 1] as const,
  ),
);

/** Cell values meaning "no value": ECHA prints `-` (README "Missing values"), Annex XIV prints `N/A`. */
export function isMissing(text: string | null | undefined): boolean {
  const t = (text ?? '').trim();
  return t === '' || t === '-' || t === '–' || t.toUpperCase() === 'N/A';
}

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** YYYY-MM-DD for a real calendar day, or null (31-Feb, month 13, year 0). */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1) return null;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > daysInMonth) return null;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

const ECHA_DATE = /^(\d{1,2})-([\p{L}]{3,4})\.?-(\d{4})(?:\s+\d{1,2}:\d{2}(?::\d{2})?)?$/u;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})(?:T[\d:.]+Z?)?$/u;

/**
 * A date cell of an ECHA export or of chemreg's own formats: `04-Feb-2026`, `04-feb-2026`, `28-okt-2008`,
 * `22-Feb-2026 15:26:38` (the `Export date` line), or ISO `2026-02-04` (what the workbook reader makes of a real
 * date cell, and what chemreg's CSV/JSON use). Missing values (`-`, `N/A`, empty) give `{ date: null }` with the
 * problem "missing"; check isMissing first when a missing value is allowed.
 */
export function parseListDate(raw: string): DateParse {
  const text = raw.trim();
  if (isMissing(text)) return { date: null, problem: 'missing' };
  const iso = ISO_DATE.exec(text);
  if (iso !== null) {
    const date = isoDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    return date === null ? { date: null, problem: `not a calendar date: "${text}"` } : { date };
  }
  const echa = ECHA_DATE.exec(text);
  if (echa === null) return { date: null, problem: `not a date in the form DD-Mon-YYYY: "${text}"` };
  const month = SHORT_MONTHS.get((echa[2] ?? '').toLowerCase());
  if (month === undefined) {
    return { date: null, problem: `unknown month "${echa[2] ?? ''}" in "${text}" (English or Dutch three-letter months are read)` };
  }
  const date = isoDate(Number(echa[3]), month, Number(echa[1]));
  return date === null ? { date: null, problem: `not a calendar date: "${text}"` } : { date };
}

/** ChemSec SIN List `Date for inclusion on the SIN List`: `2023 January` → 2023-01-01 (the day is not given). */
export function parseYearMonth(raw: string): DateParse {
  const text = raw.trim();
  const match = /^(\d{4})\s+(\p{L}+)$/u.exec(text);
  const month = match === null ? undefined : LONG_MONTHS.get((match[2] ?? '').toLowerCase());
  if (match === null || month === undefined) return { date: null, problem: `not a date in the form "2023 January": "${text}"` };
  const date = isoDate(Number(match[1]), month, 1);
  return date === null ? { date: null, problem: `not a calendar date: "${text}"` } : { date };
}

/** The first `22 July 2019` style date in a text (the RoHS CSV's applies_from_note), or null. */
export function findLongDate(text: string): string | null {
  for (const match of text.matchAll(/\b(\d{1,2})\s+(\p{L}+)\s+(\d{4})\b/gu)) {
    const month = LONG_MONTHS.get((match[2] ?? '').toLowerCase());
    if (month === undefined) continue;
    const date = isoDate(Number(match[3]), month, Number(match[1]));
    if (date !== null) return date;
  }
  return null;
}

/** The latest of some ISO dates (they sort as text), or null when there is none. */
export function latestDate(dates: Iterable<string | null | undefined>): string | null {
  let latest: string | null = null;
  for (const d of dates) if (d && (latest === null || d > latest)) latest = d;
  return latest;
}
