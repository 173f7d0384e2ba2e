// Pieces both procurement pages use: the last search (so the product page can lead back to it), day dates, and the
// GHS hazard pictogram.
import { formatDate, type Lang } from '../../i18n/index.js';
import { useT } from '../../i18n/index.js';
import { messages } from './messages.js';
import type { Pictogram } from './types.js';

let lastSearch: Record<string, string> | null = null;

/** The search page records its address here; the product page links back to exactly that search. */
export function rememberSearch(params: Record<string, string>): void {
  lastSearch = params;
}

export function rememberedSearch(): Record<string, string> | null {
  return lastSearch;
}

/**
 * A YYYY-MM-DD day as the language writes it. Read as a local day: `new Date('2021-01-13')` is UTC midnight, which
 * west of Greenwich would show as the day before.
 */
export function formatDay(value: string | null | undefined, lang: Lang): string {
  const day = value ? /^(\d{4})-(\d{2})-(\d{2})$/u.exec(value) : null;
  if (!day) return formatDate(value, lang);
  return formatDate(new Date(Number(day[1]), Number(day[2]) - 1, Number(day[3])), lang);
}

/**
 * A GHS pictogram as CLP Annex V frames it (a diamond with a red border), with its code inside, and its official name
 * in words beside it: the drawing alone would leave screen readers and colour-blind readers guessing.
 */
export function GhsPictogram({ code }: { code: Pictogram }) {
  const { t } = useT(messages);
  return (
    <figure class="ghs">
      <svg viewBox="0 0 100 100" width="64" height="64" aria-hidden="true" focusable="false">
        <rect x="17" y="17" width="66" height="66" transform="rotate(45 50 50)" fill="#fff" stroke="#d40000" stroke-width="8" />
        <text x="50" y="56" text-anchor="middle" font-size="17" font-weight="700" fill="#1b1f24">
          {code}
        </text>
      </svg>
      <figcaption>
        <span class="ghs-code">{code}</span> <span class="ghs-name">{t(`ghs.${code}`)}</span>
      </figcaption>
    </figure>
  );
}
