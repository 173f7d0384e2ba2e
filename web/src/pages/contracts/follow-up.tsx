// A contract's follow-up (#/contracts/<id>?since=YYYY-MM-DD): what still stands against each supplier's products on
// the contract (open findings, SDS age, declarations, exceptions about to end) and what changed since a day, with the
// same rows as CSV or XLSX downloads for a spreadsheet.
import { useState } from 'preact/hooks';
import { api, ApiError, download, query } from '../../api.js';
import { ErrorNotice, Loaded, PageTitle, SeverityBadge, useAsync } from '../../components/ui.js';
import { formatDateTime, formatNumber, useT, type Translate } from '../../i18n/index.js';
import { href, navigate } from '../../router.js';
import './contracts.css';
import { messages, type MessageKey } from './messages.js';
import { Figure, formatDay, SeverityCountBadges } from './parts.js';
import { CHANGE_KEYS, OPEN_STATUSES, type ContractFollowUp, type DeclarationState, type FollowUpTotals, type ProductFollowUp, type SdsState } from './types.js';

type Format = 'csv' | 'xlsx';
const FALLBACK_NAMES: Record<Format, string> = { csv: 'uppfoljning.csv', xlsx: 'uppfoljning.xlsx' };
const FORMAT_NAMES: Record<Format, string> = { csv: 'CSV', xlsx: 'Excel' };

// The marker before a state's words (contracts.css): green for settled, orange for attention, red for a gap.
const SDS_TONE: Record<SdsState, string> = { current: 'good', stale: 'warn', 'date-unknown': 'warn', missing: 'bad', 'not-required': 'neutral' };
const DECLARATION_TONE: Record<DeclarationState, string> = { declared: 'good', requested: 'warn', overdue: 'bad', missing: 'bad', 'not-required': 'neutral' };

export function FollowUpPage({ id, query: params }: { id: string; query: URLSearchParams }) {
  const { t } = useT(messages);
  const since = params.get('since') ?? '';
  const path = `/contracts/${encodeURIComponent(id)}/follow-up`;
  const state = useAsync((signal) => api<ContractFollowUp>(`${path}${query({ since })}`, { signal }), [path, since]);
  const report = state.data;
  const [downloading, setDownloading] = useState<Format | null>(null);
  const [downloaded, setDownloaded] = useState<Format | null>(null);
  const [downloadError, setDownloadError] = useState<unknown>(undefined);

  const setSince = (value: string): void => navigate(`/contracts/${encodeURIComponent(id)}`, { since: value });

  const fetchFile = async (format: Format): Promise<void> => {
    setDownloading(format);
    setDownloaded(null);
    setDownloadError(undefined);
    try {
      // The server names the file (follow-up-<number>-<day>.<format>); the fallback is for a missing header only.
      await download(`${path}${query({ format, since })}`, FALLBACK_NAMES[format]);
      setDownloaded(format);
    } catch (error) {
      const failed = t('followUp.downloadFailed');
      setDownloadError(
        error instanceof ApiError ? new ApiError(error.status, error.code, `${failed} ${error.message}`, error.issues)
        : new Error(`${failed} ${error instanceof Error ? error.message : String(error)}`),
      );
    } finally {
      setDownloading(null);
    }
  };

  return (
    <div class="contract-pages">
      <p>
        <a href={href('/contracts')}>← {t('followUp.back')}</a>
      </p>
      <PageTitle>
        {t('followUp.title')}
        {report ? `: ${report.contract.number}` : ''}
      </PageTitle>
      <section class="follow-up-controls">
        <div>
          <label for="follow-up-since">{t('followUp.since')}</label>
          <div class="since-row">
            <input
              id="follow-up-since"
              type="date"
              value={since}
              aria-describedby="follow-up-since-help"
              onChange={(event) => setSince(event.currentTarget.value)}
            />
            {since !== '' && (
              <button type="button" class="secondary" onClick={() => setSince('')}>
                {t('followUp.sinceReset')}
              </button>
            )}
          </div>
          <p id="follow-up-since-help" class="hint">
            {t('followUp.sinceHelp')}
          </p>
        </div>
        <fieldset>
          <legend>{t('followUp.downloads')}</legend>
          <button type="button" disabled={downloading !== null} onClick={() => void fetchFile('csv')}>
            {t('followUp.csv')}
          </button>
          <button type="button" disabled={downloading !== null} onClick={() => void fetchFile('xlsx')}>
            {t('followUp.xlsx')}
          </button>
        </fieldset>
      </section>
      <p class="status-line" role="status">
        {downloading !== null ? t('followUp.downloading')
          : downloaded !== null ? t('followUp.downloaded', { format: FORMAT_NAMES[downloaded] })
          : state.loading && report ? t('followUp.updating')
          : ''}
      </p>
      {downloadError !== undefined && <ErrorNotice error={downloadError} />}
      <div aria-busy={state.loading}>
        <Loaded state={state}>{(data) => <Report report={data} />}</Loaded>
      </div>
    </div>
  );
}

function Report({ report }: { report: ContractFollowUp }) {
  const { t, lang } = useT(messages);
  const { contract, rules } = report;
  return (
    <>
      <section class="contract-facts" aria-label={t('followUp.contract')}>
        <dl class="facts">
          <dt>{t('followUp.contract')}</dt>
          <dd>
            {contract.number} – {contract.title}
          </dd>
          <dt>{t('followUp.buyer')}</dt>
          <dd>{contract.buyer}</dd>
          <dt>{t('followUp.validity')}</dt>
          <dd>
            {formatDay(contract.validFrom, lang)} – {formatDay(contract.validTo, lang)}
          </dd>
          <dt>{t('followUp.generated')}</dt>
          <dd>{formatDateTime(report.generatedAt, lang)}</dd>
        </dl>
        <p class="muted">{t('followUp.rules', { months: rules.sdsMaxAgeMonths, days: rules.exceptionWarningDays })}</p>
      </section>

      <section aria-labelledby="follow-up-totals">
        <h2 id="follow-up-totals">{t('followUp.totals')}</h2>
        <Totals id="contract" totals={report.totals} sdsMaxAgeMonths={rules.sdsMaxAgeMonths} />
      </section>

      {report.suppliers.map(({ supplier, products, totals }) => (
        <section key={supplier.id} aria-labelledby={`supplier-${supplier.id}`}>
          <h2 id={`supplier-${supplier.id}`}>{supplier.name}</h2>
          <p class="muted">{t('followUp.orgNumber', { number: supplier.orgNumber })}</p>
          <h3 class="visually-hidden">{t('followUp.supplierTotals', { name: supplier.name })}</h3>
          <Totals id={supplier.id} totals={totals} sdsMaxAgeMonths={rules.sdsMaxAgeMonths} compact />
          {products.length === 0 ? (
            <p class="notice">{t('followUp.noProducts')}</p>
          ) : (
            <ProductTable supplierName={supplier.name} products={products} sdsMaxAgeMonths={rules.sdsMaxAgeMonths} />
          )}
        </section>
      ))}

      <Changes report={report} />
    </>
  );
}

/** The totals as figure cards; `compact` (a supplier's) leaves out the gaps that are zero. */
function Totals({ id, totals, sdsMaxAgeMonths, compact = false }: { id: string; totals: FollowUpTotals; sdsMaxAgeMonths: number; compact?: boolean }) {
  const { t, lang } = useT(messages);
  const gaps = [
    { key: 'sdsStale', label: t('figure.sdsStale', { months: sdsMaxAgeMonths }), value: totals.sdsStale },
    { key: 'sdsDateUnknown', label: t('figure.sdsDateUnknown'), value: totals.sdsDateUnknown },
    { key: 'sdsMissing', label: t('figure.sdsMissing'), value: totals.sdsMissing },
    { key: 'declarationsMissing', label: t('figure.declarationsMissing'), value: totals.declarationsMissing },
    { key: 'declarationsOverdue', label: t('figure.declarationsOverdue'), value: totals.declarationsOverdue },
    { key: 'exceptionsExpiring', label: t('figure.exceptionsExpiring'), value: totals.exceptionsExpiring },
  ].filter((gap) => !compact || gap.value > 0);
  const open = totals.openFindings;
  return (
    <div class="figures">
      <Figure id={`${id}-products`} label={t('figure.products')} value={formatNumber(totals.products, lang)} />
      <Figure
        id={`${id}-findings`}
        label={t('figure.openFindings')}
        value={formatNumber(open.total, lang)}
        detail={<SeverityCountBadges counts={open.bySeverity} />}
        {...(open.total > 0 ? { tone: 'warn' as const } : { tone: 'ok' as const })}
      />
      {gaps.map((gap) => (
        <Figure key={gap.key} id={`${id}-${gap.key}`} label={gap.label} value={formatNumber(gap.value, lang)} {...(gap.value > 0 ? { tone: 'warn' as const } : {})} />
      ))}
    </div>
  );
}

function ProductTable({ supplierName, products, sdsMaxAgeMonths }: { supplierName: string; products: ProductFollowUp[]; sdsMaxAgeMonths: number }) {
  const { t, lang } = useT(messages);
  return (
    <div class="table-scroll">
      <table>
        <caption>{t('products.caption', { name: supplierName })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('col.product')}</th>
            <th scope="col">{t('col.findings')}</th>
            <th scope="col">{t('col.sds')}</th>
            <th scope="col">{t('col.declaration')}</th>
            <th scope="col">{t('col.exceptions')}</th>
            <th scope="col">{t('col.changes')}</th>
          </tr>
        </thead>
        <tbody>
          {products.map((row) => (
            <tr key={row.product.id}>
              <th scope="row">
                <a href={href(`/products/${encodeURIComponent(row.product.id)}`)}>{row.product.name}</a>
                {row.product.supplierArticleNumbers.length > 0 && <span class="contract-state">{row.product.supplierArticleNumbers.join(', ')}</span>}
              </th>
              <td>
                <div class="cell-lines">
                  <SeverityCountBadges counts={row.openFindings.bySeverity} />
                  {OPEN_STATUSES.filter((status) => row.openFindings.byStatus[status] > 0).map((status) => (
                    <span key={status} class="muted">
                      {t(`status.${status}`)}: {formatNumber(row.openFindings.byStatus[status], lang)}
                    </span>
                  ))}
                </div>
              </td>
              <td>
                <SdsCell sds={row.sds} sdsMaxAgeMonths={sdsMaxAgeMonths} />
              </td>
              <td>
                <DeclarationCell declaration={row.declaration} />
              </td>
              <td>
                {row.exceptionsExpiring.length === 0 ? (
                  <span class="muted">–</span>
                ) : (
                  <ul class="plain">
                    {row.exceptionsExpiring.map((exception) => (
                      <li key={exception.findingId}>
                        <SeverityBadge severity={exception.severity} />{' '}
                        {t('exception.item', { substance: exception.substance, list: exception.list.name, date: formatDay(exception.until, lang) })}{' '}
                        ({exception.daysLeft >= 0 ? t('exception.daysLeft', { days: exception.daysLeft }) : t('exception.ended')})
                      </li>
                    ))}
                  </ul>
                )}
              </td>
              <td>
                <ChangeList changes={row.changes} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

function SdsCell({ sds, sdsMaxAgeMonths }: { sds: ProductFollowUp['sds']; sdsMaxAgeMonths: number }) {
  const { t, lang } = useT(messages);
  const latest = sds.latest;
  return (
    <div class="cell-lines">
      <span class={`state state-${SDS_TONE[sds.status]}`}>{t(`sds.${sds.status}`, { months: sdsMaxAgeMonths })}</span>
      {latest && (
        <span class="muted">
          {latest.revisionDate === null
            ? t('sds.revisionUndated', { number: latest.revisionNumber })
            : t('sds.revision', { number: latest.revisionNumber, date: formatDay(latest.revisionDate, lang) })}
        </span>
      )}
      {sds.ageMonths !== null && <span class="muted">{t('sds.age', { months: sds.ageMonths })}</span>}
    </div>
  );
}

function DeclarationCell({ declaration }: { declaration: ProductFollowUp['declaration'] }) {
  const { t, lang } = useT(messages);
  const request = declaration.openRequest;
  return (
    <div class="cell-lines">
      <span class={`state state-${DECLARATION_TONE[declaration.status]}`}>{t(`declaration.${declaration.status}`)}</span>
      {request && (
        <span class="muted">{t(request.overdue ? 'declaration.wasDue' : 'declaration.due', { date: formatDay(request.dueDate, lang) })}</span>
      )}
      {declaration.latest && <span class="muted">{t('declaration.submitted', { date: formatDay(declaration.latest.submittedAt, lang) })}</span>}
    </div>
  );
}

function ChangeList({ changes }: { changes: ProductFollowUp['changes'] }) {
  const { t, lang } = useT(messages);
  const present = CHANGE_KEYS.filter((key) => changes[key] > 0);
  if (present.length === 0) return <span class="muted">–</span>;
  return (
    <ul class="plain">
      {present.map((key) => (
        <li key={key}>
          {t(`change.${key}`)}: {formatNumber(changes[key], lang)}
        </li>
      ))}
    </ul>
  );
}

/** What changed in the window: where the window starts and why, the counts, and every finding event. */
function Changes({ report }: { report: ContractFollowUp }) {
  const { t, lang } = useT(messages);
  const { changesSince } = report;
  const when = changesSince.basis === 'since-parameter' ? formatDay(changesSince.at, lang) : formatDateTime(changesSince.at, lang);
  const title = changesSince.at === null ? t('changes.titleBeginning') : t('changes.title', { date: when });
  const basis =
    changesSince.basis === 'last-list-update'
      ? t('changes.basis.last-list-update', { date: when, list: changesSince.listVersion?.listId ?? '–', version: changesSince.listVersion?.version ?? '–' })
      : t(`changes.basis.${changesSince.basis}`, { date: when });
  const rows = report.suppliers.flatMap((section) =>
    section.products.flatMap((row) => row.changes.findingEvents.map((event) => ({ event, product: row.product }))),
  );
  rows.sort((a, b) => (a.event.at < b.event.at ? -1 : a.event.at > b.event.at ? 1 : 0));
  const anything = CHANGE_KEYS.some((key) => report.totals.changes[key] > 0);

  return (
    <section aria-labelledby="follow-up-changes">
      <h2 id="follow-up-changes">{title}</h2>
      <p>{basis}</p>
      {!anything ? (
        <p class="notice">{t('changes.nothing')}</p>
      ) : (
        <>
          <div class="figures">
            {CHANGE_KEYS.map((key) => (
              <Figure key={key} id={`changes-${key}`} label={t(`change.${key}`)} value={formatNumber(report.totals.changes[key], lang)} />
            ))}
          </div>
          {rows.length === 0 ? (
            <p class="muted">{t('changes.noEvents')}</p>
          ) : (
            <div class="table-scroll">
              <table>
                <caption>{t('changes.events')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('changes.at')}</th>
                    <th scope="col">{t('col.product')}</th>
                    <th scope="col">{t('changes.substance')}</th>
                    <th scope="col">{t('changes.list')}</th>
                    <th scope="col">{t('changes.action')}</th>
                    <th scope="col">{t('changes.severity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map(({ event, product }) => (
                    <tr key={`${event.findingId}-${event.at}-${event.action}`}>
                      <td>{formatDateTime(event.at, lang)}</td>
                      <td>
                        <a href={href(`/products/${encodeURIComponent(product.id)}`)}>{product.name}</a>
                      </td>
                      <td>{event.substance}</td>
                      <td>{event.list.name}</td>
                      <td>
                        <a href={href(`/findings/${encodeURIComponent(event.findingId)}`)}>{actionLabel(event.action, t)}</a>
                      </td>
                      <td>
                        <SeverityBadge severity={event.severity} />
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}

/** An event's action in words; one the interface does not know yet is shown as the API names it. */
function actionLabel(action: string, t: Translate<MessageKey>): string {
  const key = `action.${action}`;
  return isMessageKey(key) ? t(key) : action;
}

function isMessageKey(key: string): key is MessageKey {
  return Object.hasOwn(messages.sv, key);
}
