// One finding (#/findings/<id>): what matched what, the concentration test and severity with their reasons, the list
// entry beside the evidence it was found in, the expert's decision form, and the full history. Any role may open it;
// the API answers a supplier only for its own findings, and a supplier sees no decision form.
import { api, query } from '../../api.js';
import { Loaded, PageTitle, SeverityBadge, useAsync } from '../../components/ui.js';
import { formatDate, formatDateTime, formatNumber, useT } from '../../i18n/index.js';
import { href } from '../../router.js';
import { useMe } from '../../session.js';
import { DecisionForm } from './decision.js';
import { EvidenceView } from './evidence.js';
import { expert } from './messages.js';
import { actionLabel, limitText, StatusLabel, substanceName, type T } from './shared.js';
import type { Contract, Finding, ListEntry, ListEntryPage, Product, Supplier } from '../../api-types.js';

/** The entry the finding matched, from the list version it names: by its key, else by its name. */
async function entryOf(finding: Finding, signal: AbortSignal): Promise<ListEntry | null> {
  const base = `/lists/${encodeURIComponent(finding.list.id)}/versions/${finding.list.version}/entries`;
  for (const q of [finding.list.entryKey, finding.list.entryName]) {
    const page = await api<ListEntryPage>(`${base}${query({ q: q.slice(0, 200), limit: 200 })}`, { signal });
    const found = page.items.find((e) => e.key === finding.list.entryKey);
    if (found) return found;
  }
  return null;
}

/** Facts beside the finding that only help to read it: each is left out, not fatal, when it cannot be read. */
async function loadFinding(id: string, signal: AbortSignal) {
  const finding = await api<Finding>(`/findings/${id}`, { signal });
  const optional = <X,>(p: Promise<X>): Promise<X | null> => p.catch(() => null);
  const [product, supplier, contracts, entry] = await Promise.all([
    optional(api<Product>(`/products/${finding.productId}`, { signal })),
    optional(api<Supplier>(`/suppliers/${finding.supplierId}`, { signal })),
    Promise.all(finding.contractIds.map((c) => optional(api<Contract>(`/contracts/${c}`, { signal })))),
    optional(entryOf(finding, signal)),
  ]);
  // A contract that cannot be read is named by its id.
  const named = finding.contractIds.map((cid, i): Pick<Contract, 'id' | 'number' | 'title'> => contracts[i] ?? { id: cid, number: cid, title: '' });
  return { finding, product, supplier, contracts: named, entry };
}

const LIMIT_SOURCES = ['list', 'curated', 'regulation'] as const;

function limitSource(source: string, t: T): string {
  const known = LIMIT_SOURCES.find((s) => s === source);
  return known ? t(`limit.source.${known}`) : source;
}

function EntryFacts({ finding, entry, t, canOpenList }: { finding: Finding; entry: ListEntry | null; t: T; canOpenList: boolean }) {
  const { lang } = useT(expert);
  return (
    <>
      <dl class="facts">
        <dt>{t('finding.entryList')}</dt>
        <dd>{canOpenList ? <a href={href(`/lists/${finding.list.id}`)}>{finding.list.name}</a> : finding.list.name}</dd>
        <dt>{t('finding.entryVersion')}</dt>
        <dd>{finding.list.version}</dd>
        <dt>{t('finding.entryName')}</dt>
        <dd class="entry-name">
          {finding.list.entryName}
          {entry?.group && <div class="muted">{t('finding.entryGroup', { count: entry.members.length })}</div>}
        </dd>
        <dt>{t('finding.entryKey')}</dt>
        <dd>
          <code>{finding.list.entryKey}</code>
        </dd>
        {entry && (entry.cas.length > 0 || entry.ec.length > 0) && (
          <>
            <dt>{t('finding.entryIds')}</dt>
            <dd>{[...entry.cas, ...entry.ec].join(', ')}</dd>
          </>
        )}
        {entry && entry.reasons.length > 0 && (
          <>
            <dt>{t('finding.entryReasons')}</dt>
            <dd>
              <ul class="plain">
                {entry.reasons.map((r) => (
                  <li key={r}>{r}</li>
                ))}
              </ul>
            </dd>
          </>
        )}
        {entry?.limit && (
          <>
            <dt>{t('finding.entryLimit')}</dt>
            <dd>
              {limitText(entry.limit, lang)} ({entry.limit.basis}) – {entry.limit.scope}
              {entry.limit.reference && <div class="muted">{entry.limit.reference}</div>}
            </dd>
          </>
        )}
        {entry?.link && (
          <>
            <dt>{t('finding.entryLink')}</dt>
            <dd>
              <a href={entry.link} rel="noreferrer noopener" target="_blank">
                {entry.link}
              </a>
            </dd>
          </>
        )}
      </dl>
      {entry === null && <p class="muted">{t('finding.entryMissing')}</p>}
    </>
  );
}

function History({ finding, t }: { finding: Finding; t: T }) {
  const { lang } = useT(expert);
  return (
    <section aria-labelledby="finding-history">
      <h2 id="finding-history">{t('finding.history')}</h2>
      <div class="table-scroll">
        <table class="history">
          <caption class="visually-hidden">{t('finding.historyCaption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('history.at')}</th>
              <th scope="col">{t('history.by')}</th>
              <th scope="col">{t('history.action')}</th>
              <th scope="col">{t('history.change')}</th>
              <th scope="col">{t('history.comment')}</th>
            </tr>
          </thead>
          <tbody>
            {finding.history.map((event, i) => (
              <tr key={i}>
                <td>
                  <time dateTime={event.at}>{formatDateTime(event.at, lang)}</time>
                </td>
                <td>{event.by.role === 'system' ? t('history.system') : `${event.by.tokenName} (${event.by.role})`}</td>
                <td>{actionLabel(event.action, t)}</td>
                <td>
                  {event.from !== null && event.from !== event.to ? `${t(`status.${event.from}`)} → ` : ''}
                  {t(`status.${event.to}`)}
                </td>
                <td>
                  {event.comment ?? ''}
                  {event.until && <div class="muted">{t('history.until', { date: formatDate(event.until, lang) })}</div>}
                  {event.documentId && <div class="muted">{t('history.document', { id: event.documentId })}</div>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function FindingPage({ id }: { id: string }) {
  const { t, lang } = useT(expert);
  const me = useMe();
  const state = useAsync((signal) => loadFinding(id, signal), [id]);
  const isExpert = me.role === 'admin' || me.role === 'expert';

  return (
    <div class="expert finding">
      <Loaded state={state}>
        {({ finding, product, supplier, contracts, entry }) => (
          <>
            <PageTitle>{t('finding.title', { substance: substanceName(finding, t) })}</PageTitle>
            <p class="headline">
              <SeverityBadge severity={finding.severity} /> <StatusLabel status={finding.status} t={t} />{' '}
              <a href={href(`/products/${finding.productId}`)}>{product?.name ?? finding.productId}</a>
              {supplier && <span class="muted"> · {supplier.name}</span>}
            </p>
            <section aria-labelledby="finding-summary">
              <h2 id="finding-summary">{t('finding.summary')}</h2>
              <dl class="facts">
                <dt>{t('finding.product')}</dt>
                <dd>
                  <a href={href(`/products/${finding.productId}`)}>{product?.name ?? finding.productId}</a>
                  {product && product.supplierArticleNumbers.length > 0 && <span class="muted"> ({product.supplierArticleNumbers.join(', ')})</span>}
                </dd>
                <dt>{t('finding.supplier')}</dt>
                <dd>{supplier?.name ?? finding.supplierId}</dd>
                <dt>{t('finding.contracts')}</dt>
                <dd>
                  {contracts.length === 0
                    ? t('finding.noContracts')
                    : contracts.map((c, i) => (
                        <span key={c.id}>
                          {i > 0 && ', '}
                          {me.role === 'supplier' ? c.number : <a href={href(`/contracts/${c.id}`)}>{c.number}</a>}
                          {c.title && ` – ${c.title}`}
                        </span>
                      ))}
                </dd>
                <dt>{t('finding.substance')}</dt>
                <dd>
                  {finding.substance.name ?? t('unnamed')}
                  {finding.substance.cas && ` · ${t('id.cas', { id: finding.substance.cas })}`}
                  {finding.substance.ec && ` · ${t('id.ec', { id: finding.substance.ec })}`}
                </dd>
                <dt>{t('finding.concentration')}</dt>
                <dd>{finding.substance.concentration ?? t('noConcentration')}</dd>
                <dt>{t('finding.match')}</dt>
                <dd>
                  {t('finding.matchText', {
                    type: t(`match.${finding.matchType}`),
                    certainty: t(`certainty.${finding.certainty}`),
                    score: formatNumber(finding.score, lang),
                    on: finding.matchedOn,
                  })}
                </dd>
                <dt>{t('finding.limit')}</dt>
                <dd>
                  {finding.limit ? (
                    <>
                      {limitText(finding.limit, lang)} ({limitSource(finding.limit.source, t)})
                      {finding.limit.reference && <div class="muted">{finding.limit.reference}</div>}
                    </>
                  ) : (
                    t('finding.noLimit')
                  )}
                </dd>
                <dt>{t('finding.test')}</dt>
                <dd>
                  <strong>{t(`test.${finding.concentrationTest}`)}</strong>
                  {finding.substance.concentration && finding.limit && ` (${finding.substance.concentration} / ${limitText(finding.limit, lang)})`}
                </dd>
                <dt>{t('finding.severity')}</dt>
                <dd>
                  <SeverityBadge severity={finding.severity} />
                  <div class="reason">{finding.severityReason}</div>
                </dd>
                <dt>{t('finding.status')}</dt>
                <dd>
                  <StatusLabel status={finding.status} t={t} />
                  {finding.exceptionUntil && <div>{t('finding.exceptionUntil', { date: formatDate(finding.exceptionUntil, lang) })}</div>}
                </dd>
                <dt>{t('finding.raised')}</dt>
                <dd>{formatDateTime(finding.createdAt, lang)}</dd>
              </dl>
            </section>
            <div class="side-by-side">
              <section aria-labelledby="finding-entry">
                <h2 id="finding-entry">{t('finding.entry')}</h2>
                <EntryFacts finding={finding} entry={entry} t={t} canOpenList={isExpert} />
              </section>
              <section aria-labelledby="finding-evidence">
                <h2 id="finding-evidence">{t('finding.evidence')}</h2>
                <EvidenceView evidence={finding.evidence} terms={[finding.substance.cas, finding.substance.name, finding.substance.ec]} />
              </section>
            </div>
            {isExpert && <DecisionForm finding={finding} role={me.role} onDecided={state.reload} />}
            <History finding={finding} t={t} />
          </>
        )}
      </Loaded>
    </div>
  );
}
