// The dashboard (#/dashboard): the registry at a glance from GET /stats: products, suppliers, contracts, documents,
// findings by severity, status and list, the share of screened products that are clean, and the findings raised
// month by month as a chart (with the same numbers as a table).
import { api, query } from '../../api.js';
import { Loaded, PageTitle, SeverityBadge, useAsync } from '../../components/ui.js';
import { common } from '../../i18n/common.js';
import { formatDateTime, formatNumber, useT } from '../../i18n/index.js';
import { StackedBarChart, type ChartGroup, type ChartSeries } from './chart.js';
import './contracts.css';
import { messages } from './messages.js';
import { Figure, formatMonth, formatPercent } from './parts.js';
import { FINDING_STATUSES, SEVERITIES, type Severity, type SeverityCounts, type Stats } from './types.js';

/** A year of months: long enough to see a trend, short enough for the bars to stay readable. */
const MONTHS = 12;

const sumOf = (counts: SeverityCounts): number => SEVERITIES.reduce((sum, severity) => sum + counts[severity], 0);

export function DashboardPage() {
  const { t } = useT(messages);
  const state = useAsync((signal) => api<Stats>(`/stats${query({ months: MONTHS })}`, { signal }), []);
  return (
    <div class="contract-pages">
      <PageTitle>{t('dashboard.title')}</PageTitle>
      <Loaded state={state}>{(stats) => <Dashboard stats={stats} />}</Loaded>
    </div>
  );
}

function Dashboard({ stats }: { stats: Stats }) {
  const { t, lang } = useT(messages);
  const n = (value: number): string => formatNumber(value, lang);
  const { products, documents, findings, screening } = stats;
  const requests = documents.declarationRequests;
  return (
    <>
      <p class="muted">{t('dashboard.generated', { date: formatDateTime(stats.generatedAt, lang) })}</p>

      <section aria-labelledby="dashboard-registry">
        <h2 id="dashboard-registry">{t('dashboard.registry')}</h2>
        <div class="figures">
          <Figure
            id="products"
            label={t('card.products')}
            value={n(products.total)}
            detail={t('card.productsDetail', {
              articles: n(products.byKind.article), mixtures: n(products.byKind.mixture), substances: n(products.byKind.substance),
              articlesWithMixture: n(products.byKind['article-with-mixture']),
            })}
          />
          <Figure id="suppliers" label={t('card.suppliers')} value={n(stats.suppliers.total)} />
          <Figure id="contracts" label={t('card.contracts')} value={n(stats.contracts.total)} detail={t('card.contractsDetail', { active: n(stats.contracts.active) })} />
          <Figure
            id="clean"
            label={t('card.clean')}
            value={screening.share === null ? '–' : formatPercent(screening.share, lang)}
            detail={screening.share === null ? t('card.cleanNone') : t('card.cleanDetail', { clean: n(screening.clean), screened: n(screening.screened) })}
            tone="ok"
          />
        </div>
      </section>

      <section aria-labelledby="dashboard-documents">
        <h2 id="dashboard-documents">{t('dashboard.documents')}</h2>
        <div class="figures">
          <Figure
            id="sds"
            label={t('card.sds')}
            value={n(documents.sdsRevisions.total)}
            detail={t('card.sdsDetail', {
              extracted: n(documents.sdsRevisions.byStatus.extracted), review: n(documents.sdsRevisions.byStatus['needs-review']),
              ocr: n(documents.sdsRevisions.byStatus['needs-ocr']),
            })}
          />
          <Figure id="declarations" label={t('card.declarations')} value={n(documents.declarations.total)} detail={t('card.declarationsDetail')} />
          <Figure
            id="requests"
            label={t('card.requests')}
            value={n(requests.total)}
            detail={t('card.requestsDetail', {
              open: n(requests.byStatus.open), overdue: n(requests.overdue), fulfilled: n(requests.byStatus.fulfilled), cancelled: n(requests.byStatus.cancelled),
            })}
            {...(requests.overdue > 0 ? { tone: 'warn' as const } : {})}
          />
        </div>
      </section>

      <section aria-labelledby="dashboard-findings">
        <h2 id="dashboard-findings">{t('dashboard.findings')}</h2>
        <div class="figures">
          <Figure
            id="findings"
            label={t('card.findings')}
            value={n(findings.total)}
            detail={t('card.findingsDetail', { open: n(findings.open) })}
            {...(findings.open > 0 ? { tone: 'warn' as const } : {})}
          />
        </div>
        <div class="dashboard-grid">
          <SeverityTable stats={stats} />
          <StatusTable stats={stats} />
        </div>
        <ListTable stats={stats} />
      </section>

      <FindingsPerMonth stats={stats} />
    </>
  );
}

function SeverityTable({ stats }: { stats: Stats }) {
  const { t, lang } = useT(messages);
  return (
    <table>
      <caption>{t('severity.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('severity.name')}</th>
          <th scope="col" class="number">{t('severity.total')}</th>
          <th scope="col" class="number">{t('severity.open')}</th>
        </tr>
      </thead>
      <tbody>
        {SEVERITIES.map((severity) => (
          <tr key={severity}>
            <th scope="row">
              <SeverityBadge severity={severity} />
            </th>
            <td class="number">{formatNumber(stats.findings.bySeverity[severity], lang)}</td>
            <td class="number">{formatNumber(stats.findings.openBySeverity[severity], lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function StatusTable({ stats }: { stats: Stats }) {
  const { t, lang } = useT(messages);
  return (
    <table>
      <caption>{t('status.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('status.name')}</th>
          <th scope="col" class="number">{t('status.count')}</th>
        </tr>
      </thead>
      <tbody>
        {FINDING_STATUSES.map((status) => (
          <tr key={status}>
            <th scope="row">{t(`status.${status}`)}</th>
            <td class="number">{formatNumber(stats.findings.byStatus[status], lang)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function ListTable({ stats }: { stats: Stats }) {
  const { t, lang } = useT(messages);
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('lists.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('lists.name')}</th>
            <th scope="col" class="number">{t('lists.total')}</th>
            <th scope="col" class="number">{t('lists.open')}</th>
          </tr>
        </thead>
        <tbody>
          {stats.findings.byList.map((list) => (
            <tr key={list.listId}>
              <th scope="row">{list.listName}</th>
              <td class="number">{formatNumber(list.total, lang)}</td>
              <td class="number">{formatNumber(list.open, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The findings raised per month, by severity: the chart, a summary in words, and the numbers as a table. */
function FindingsPerMonth({ stats }: { stats: Stats }) {
  const { t, lang } = useT(messages);
  const severityName = useT(common).t;
  const months = stats.findings.perMonth;
  const n = (value: number): string => formatNumber(value, lang);
  const named = (severity: Severity): string => severityName(`severity.${severity}`);
  const countsInWords = (counts: SeverityCounts): string => SEVERITIES.map((severity) => `${named(severity)} ${n(counts[severity])}`).join(', ');

  const series: Array<ChartSeries<Severity>> = SEVERITIES.map((severity) => ({ key: severity, name: named(severity), className: `chart-${severity}` }));
  const groups: Array<ChartGroup<Severity>> = months.map((entry, i) => ({
    key: entry.month,
    label: formatMonth(entry.month, lang, 'short'),
    ...(i === 0 || entry.month.endsWith('-01') ? { sublabel: entry.month.slice(0, 4) } : {}),
    title: `${formatMonth(entry.month, lang)}: ${countsInWords(entry.raised)}`,
    values: entry.raised,
  }));

  const total: SeverityCounts = { red: 0, orange: 0, yellow: 0, info: 0 };
  for (const entry of months) for (const severity of SEVERITIES) total[severity] += entry.raised[severity];
  const peak = months.reduce<{ month: string; count: number } | null>((best, entry) => {
    const count = sumOf(entry.raised);
    return count > 0 && (best === null || count > best.count) ? { month: entry.month, count } : best;
  }, null);
  const first = months[0];
  const last = months[months.length - 1];
  const summary = [
    t('chart.summary', {
      from: first ? formatMonth(first.month, lang) : '–',
      to: last ? formatMonth(last.month, lang) : '–',
      total: n(sumOf(total)),
      bySeverity: countsInWords(total),
    }),
    peak ? t('chart.summaryPeak', { month: formatMonth(peak.month, lang), count: n(peak.count) }) : '',
  ].join(' ').trim();
  const resolved = months.reduce((sum, entry) => sum + entry.resolved, 0);
  const dismissed = months.reduce((sum, entry) => sum + entry.dismissed, 0);

  return (
    <section aria-labelledby="dashboard-per-month">
      <h2 id="dashboard-per-month">{t('chart.title')}</h2>
      <p>{t('chart.intro', { months: months.length })}</p>
      <StackedBarChart label={summary} axisLabel={t('chart.axis')} legendLabel={t('chart.legend')} series={series} groups={groups} />
      <p>{t('chart.closed', { resolved: n(resolved), dismissed: n(dismissed) })}</p>
      <details class="chart-data">
        <summary>{t('chart.table')}</summary>
        <div class="table-scroll">
          <table>
            <caption>{t('chart.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('chart.month')}</th>
                {SEVERITIES.map((severity) => (
                  <th key={severity} scope="col" class="number">
                    {named(severity)}
                  </th>
                ))}
                <th scope="col" class="number">{t('chart.total')}</th>
              </tr>
            </thead>
            <tbody>
              {months.map((entry) => (
                <tr key={entry.month}>
                  <th scope="row">
                    <time dateTime={entry.month}>{formatMonth(entry.month, lang)}</time>
                  </th>
                  {SEVERITIES.map((severity) => (
                    <td key={severity} class="number">
                      {n(entry.raised[severity])}
                    </td>
                  ))}
                  <td class="number">{n(sumOf(entry.raised))}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}
