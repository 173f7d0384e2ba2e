// Pieces the contract pages share: calendar days and months as the reader writes them, figure cards and severity
// counts.
import type { ComponentChildren } from 'preact';
import { common } from '../../i18n/common.js';
import { useT, type Lang } from '../../i18n/index.js';
import { messages } from './messages.js';
import { SEVERITIES, type Severity, type SeverityCounts } from './types.js';

const LOCALE: Record<Lang, string> = { sv: 'sv-SE', en: 'en-GB' };

// Contract validity, due dates and SDS revision dates are calendar days (YYYY-MM-DD), not instants: read in the
// browser's time zone they could move a day, so they are formatted in UTC.
export function formatDay(day: string | null | undefined, lang: Lang): string {
  if (!day) return '–';
  const date = new Date(`${day.slice(0, 10)}T00:00:00.000Z`);
  return Number.isNaN(date.getTime()) ? day : date.toLocaleDateString(LOCALE[lang], { year: 'numeric', month: '2-digit', day: '2-digit', timeZone: 'UTC' });
}

/** A YYYY-MM month: "november 2026", or with `short` "nov." (the stats count UTC calendar months). */
export function formatMonth(month: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  const date = new Date(`${month}-01T00:00:00.000Z`);
  if (Number.isNaN(date.getTime())) return month;
  return style === 'long'
    ? date.toLocaleDateString(LOCALE[lang], { year: 'numeric', month: 'long', timeZone: 'UTC' })
    : date.toLocaleDateString(LOCALE[lang], { month: 'short', timeZone: 'UTC' });
}

export function formatPercent(share: number, lang: Lang): string {
  return share.toLocaleString(LOCALE[lang], { style: 'percent', maximumFractionDigits: 0 });
}

/** Today as YYYY-MM-DD in the reader's own calendar (for "is this contract in force"). */
export function localToday(): string {
  const now = new Date();
  return `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, '0')}-${String(now.getDate()).padStart(2, '0')}`;
}

/** A figure with its label, as a labelled group so that a screen reader announces the number with what it counts. */
export function Figure({ id, label, value, detail, tone }: { id: string; label: string; value: ComponentChildren; detail?: ComponentChildren; tone?: 'warn' | 'ok' }) {
  const labelId = `figure-${id}`;
  return (
    <div class={`figure${tone ? ` figure-${tone}` : ''}`} role="group" aria-labelledby={labelId}>
      <span class="figure-label" id={labelId}>
        {label}
      </span>
      <span class="figure-value">{value}</span>
      {detail !== undefined && <span class="figure-detail">{detail}</span>}
    </div>
  );
}

/** The severities that have a count, each as a badge naming the severity in words; "none" when all are zero. */
export function SeverityCountBadges({ counts }: { counts: SeverityCounts }) {
  const { t } = useT(messages);
  const severityName = useT(common).t;
  const present = SEVERITIES.filter((severity) => counts[severity] > 0);
  if (present.length === 0) return <span class="muted">{t('findings.none')}</span>;
  return (
    <span class="severity-counts">
      {present.map((severity: Severity) => (
        <span key={severity} class={`badge badge-${severity}`}>
          {t('findings.count', { name: severityName(`severity.${severity}`), count: counts[severity] })}
        </span>
      ))}
    </span>
  );
}
