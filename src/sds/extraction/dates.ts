// Dates as SDSs print them: ISO (2024-03-15), European (15.03.2024, 15/03/2024, 15-03-2024), American
// (03/15/2024, on OSHA sheets), and with month names in any of the supported languages (18-Dec-2025, 15 mars
// 2024, 3. März 2024, 15 stycznia 2024, March 15, 2024). A slashed date is read day-first unless the sheet is
// American or the numbers only make sense month-first.
import { fold } from './text.js';

export type DateOrder = 'DMY' | 'MDY';

export interface FoundDate {
  /** YYYY-MM-DD */
  iso: string;
  text: string;
  offset: number;
}

// Month names and abbreviations (folded: lower case, no diacritics), index = month number.
const MONTHS: ReadonlyArray<readonly string[]> = [
  [],
  ['jan', 'january', 'januari', 'januar', 'janvier', 'enero', 'ene', 'gennaio', 'gen', 'stycznia', 'styczen', 'sty', 'janeiro', 'tammikuuta', 'tammikuu', 'tammi', 'jaanuar'],
  ['feb', 'february', 'februari', 'februar', 'fevrier', 'fev', 'febrero', 'febbraio', 'lutego', 'luty', 'lut', 'fevereiro', 'fev', 'helmikuuta', 'helmikuu', 'helmi'],
  ['mar', 'march', 'mars', 'marts', 'marz', 'maerz', 'maart', 'marzo', 'marca', 'marzec', 'marco', 'maaliskuuta', 'maaliskuu', 'maalis', 'mrt', 'mrz'],
  ['apr', 'april', 'avril', 'avr', 'abril', 'abr', 'aprile', 'kwietnia', 'kwiecien', 'kwi', 'huhtikuuta', 'huhtikuu', 'huhti'],
  ['may', 'maj', 'mai', 'mei', 'mayo', 'maggio', 'mag', 'maja', 'maj', 'maio', 'toukokuuta', 'toukokuu', 'touko', 'mei'],
  ['jun', 'june', 'juni', 'juin', 'junio', 'giugno', 'giu', 'czerwca', 'czerwiec', 'cze', 'junho', 'kesakuuta', 'kesakuu', 'kesa'],
  ['jul', 'july', 'juli', 'juillet', 'juil', 'julio', 'luglio', 'lug', 'lipca', 'lipiec', 'lip', 'julho', 'heinakuuta', 'heinakuu', 'heina'],
  ['aug', 'august', 'augusti', 'aout', 'augustus', 'agosto', 'ago', 'sierpnia', 'sierpien', 'sie', 'elokuuta', 'elokuu', 'elo'],
  ['sep', 'sept', 'september', 'septembre', 'septiembre', 'settembre', 'set', 'wrzesnia', 'wrzesien', 'wrz', 'setembro', 'syyskuuta', 'syyskuu', 'syys'],
  ['oct', 'okt', 'october', 'oktober', 'octobre', 'octubre', 'ottobre', 'ott', 'pazdziernika', 'pazdziernik', 'paz', 'outubro', 'out', 'lokakuuta', 'lokakuu', 'loka'],
  ['nov', 'november', 'novembre', 'noviembre', 'listopada', 'listopad', 'lis', 'novembro', 'marraskuuta', 'marraskuu', 'marras'],
  ['dec', 'december', 'dezember', 'dez', 'decembre', 'diciembre', 'dic', 'dicembre', 'grudnia', 'grudzien', 'gru', 'dezembro', 'joulukuuta', 'joulukuu', 'joulu'],
];
const MONTH_OF: ReadonlyMap<string, number> = (() => {
  const map = new Map<string, number>();
  MONTHS.forEach((names, month) => {
    for (const name of names) if (!map.has(name)) map.set(name, month);
  });
  return map;
})();

const SEP = '[./\\-\\u2010-\\u2013]';
const PATTERNS: ReadonlyArray<{ re: RegExp; read: (m: RegExpExecArray, order: DateOrder) => [number, number, number] | null }> = [
  // 2024-03-15, 2024.03.15, 2024/03/15
  { re: new RegExp(`(?<!\\d)(\\d{4})${SEP}(\\d{1,2})${SEP}(\\d{1,2})(?!\\d)`, 'gu'), read: (m) => [Number(m[1]), Number(m[2]), Number(m[3])] },
  // 15.03.2024, 15/03/2024, 03/15/2024, 15-03-2024, and two-digit years (15.03.24)
  {
    re: new RegExp(`(?<![\\d.])(\\d{1,2})\\s?(${SEP})\\s?(\\d{1,2})\\s?\\2\\s?(\\d{4}|\\d{2})(?![\\d]|[.,]\\d)`, 'gu'),
    read: (m, order) => {
      const a = Number(m[1]);
      const b = Number(m[3]);
      const y = expandYear(m[4] ?? '');
      // Day-first unless only month-first makes sense, or the sheet is American and both readings do.
      if (a > 12 && b <= 12) return [y, b, a];
      if (b > 12 && a <= 12) return [y, a, b];
      return order === 'MDY' && m[2] === '/' ? [y, a, b] : [y, b, a];
    },
  },
  // 18-Dec-2025, 15 mars 2024, 3. März 2024, 15 de marzo de 2024
  {
    re: /(?<!\d)(\d{1,2})\.?(?:\s*[-/]\s*|\s+)(?:de\s+)?(\p{L}{3,12})\.?(?:\s*[-/,]\s*|\s+)(?:de\s+)?(\d{4})(?!\d)/gu,
    read: (m) => {
      const month = MONTH_OF.get(fold(m[2] ?? ''));
      return month ? [Number(m[3]), month, Number(m[1])] : null;
    },
  },
  // March 15, 2024; Dec 18 2025
  {
    re: /(?<!\p{L})(\p{L}{3,12})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})(?!\d)/gu,
    read: (m) => {
      const month = MONTH_OF.get(fold(m[1] ?? ''));
      return month ? [Number(m[3]), month, Number(m[2])] : null;
    },
  },
];

function expandYear(text: string): number {
  const y = Number(text);
  return text.length === 2 ? (y >= 70 ? 1900 + y : 2000 + y) : y;
}

function valid(y: number, m: number, d: number): boolean {
  if (y < 1980 || y > 2100 || m < 1 || m > 12 || d < 1) return false;
  return d <= new Date(Date.UTC(y, m, 0)).getUTCDate();
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** Every date in the text, in order of appearance. */
export function findDates(text: string, order: DateOrder = 'DMY'): FoundDate[] {
  const found: FoundDate[] = [];
  for (const { re, read } of PATTERNS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m !== null; m = re.exec(text)) {
      const ymd = read(m, order);
      if (!ymd || !valid(...ymd)) continue;
      const [y, mo, d] = ymd;
      if (found.some((f) => m !== null && f.offset <= m.index && m.index < f.offset + f.text.length)) continue;
      found.push({ iso: `${y}-${pad(mo)}-${pad(d)}`, text: m[0], offset: m.index });
    }
  }
  return found.sort((a, b) => a.offset - b.offset);
}
