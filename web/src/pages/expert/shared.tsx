// Pieces the expert pages share: how a status, a limit, a concentration test and a finding's age read.
import { common } from '../../i18n/common.js';
import { formatNumber, translate, type Lang, type Translate } from '../../i18n/index.js';
import { expert } from './messages.js';
import type { Finding, FindingStatus, Severity } from '../../api-types.js';
import './expert.css';

export type ExpertKey = keyof (typeof expert)['sv'];
export type T = Translate<ExpertKey>;

/** A status in words, framed so that it reads as a status and not only by its colour. */
export function StatusLabel({ status, t }: { status: FindingStatus; t: T }) {
  return <span class={`status status-${status}`}>{t(`status.${status}`)}</span>;
}

export function limitText(limit: { percent: number; inclusive?: boolean }, lang: Lang): string {
  return `${limit.inclusive === true ? '≥' : '>'} ${formatNumber(limit.percent, lang)} %`;
}

/** "12 % · > 0,1 %: exceeds the limit" – the concentration as printed against the limit screening applied. */
export function concentrationText(finding: Finding, t: T, lang: Lang): string {
  const printed = finding.substance.concentration ?? t('noConcentration');
  const limit = finding.limit ? ` · ${limitText(finding.limit, lang)}` : '';
  return `${printed}${limit}: ${t(`test.${finding.concentrationTest}`)}`;
}

const DAY = 24 * 60 * 60 * 1000;

/** How long ago, in days ("3 dagar sedan"): the queue is worked oldest-first by how long findings have waited. */
export function ageText(iso: string, lang: Lang, now = Date.now()): string {
  const days = Math.floor((now - new Date(iso).getTime()) / DAY);
  return new Intl.RelativeTimeFormat(lang === 'sv' ? 'sv-SE' : 'en-GB', { numeric: 'auto' }).format(-Math.max(0, days), 'day');
}

const isExpertKey = (key: string): key is ExpertKey => Object.hasOwn(expert.sv, key);

/** A history action in words; actions this interface does not know yet are shown as the API names them. */
export function actionLabel(action: string, t: T): string {
  const key = `action.${action}`;
  return isExpertKey(key) ? t(key) : action;
}

export function substanceName(finding: Finding, t: T): string {
  return finding.substance.name ?? finding.substance.cas ?? finding.substance.ec ?? t('unnamed');
}

/** A severity's name as the badges show it (the shared messages hold it). */
export function severityName(severity: Severity, lang: Lang): string {
  return translate(common, lang)(`severity.${severity}`);
}
