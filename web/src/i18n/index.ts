// Swedish and English text (issue 8): Swedish by default, English on request, remembered in this browser. Each area of
// the interface keeps its own messages beside its pages (defineMessages); both languages must have every key, which
// the type checker enforces.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

export type Lang = 'sv' | 'en';
export const LANGS: readonly Lang[] = ['sv', 'en'];
const STORAGE_KEY = 'chemreg.lang';

export function initialLang(): Lang {
  const stored = localStorage.getItem(STORAGE_KEY);
  return stored === 'en' || stored === 'sv' ? stored : 'sv';
}

export function rememberLang(lang: Lang): void {
  localStorage.setItem(STORAGE_KEY, lang);
  document.documentElement.lang = lang;
}

export const LangContext = createContext<Lang>('sv');

export type Messages<K extends string> = { sv: Record<K, string>; en: Record<K, string> };

/** Messages of one area: `{ sv: {...}, en: {...} }` with the same keys in both. */
export function defineMessages<K extends string>(messages: Messages<K>): Messages<K> {
  return messages;
}

export type Translate<K extends string> = (key: K, params?: Record<string, string | number>) => string;

/** `{name}` in a message is replaced by params.name. */
export function translate<K extends string>(messages: Messages<K>, lang: Lang): Translate<K> {
  return (key, params) => {
    const text = messages[lang][key];
    return params ? text.replace(/\{(\w+)\}/gu, (whole, name: string) => (name in params ? String(params[name]) : whole)) : text;
  };
}

/** The current language's text for an area's messages, and the language itself (for dates and numbers). */
export function useT<K extends string>(messages: Messages<K>): { t: Translate<K>; lang: Lang } {
  const lang = useContext(LangContext);
  return { t: translate(messages, lang), lang };
}

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/u;

export function formatDate(value: string | Date | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '–';
  // A date without a time (a revision date, a due date) is that calendar day wherever the reader is: read as UTC
  // midnight, it would show as the day before west of Greenwich.
  const day = typeof value === 'string' ? DATE_ONLY.exec(value) : null;
  const date = day ? new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])) : typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleDateString(LOCALE[lang], { year: 'numeric', month: '2-digit', day: '2-digit' });
}

export function formatDateTime(value: string | Date | null | undefined, lang: Lang): string {
  if (value === null || value === undefined) return '–';
  const date = typeof value === 'string' ? new Date(value) : value;
  return Number.isNaN(date.getTime()) ? String(value) : date.toLocaleString(LOCALE[lang], { dateStyle: 'short', timeStyle: 'short' });
}

export function formatNumber(value: number, lang: Lang): string {
  return value.toLocaleString(LOCALE[lang]);
}
