// The review queue (#/review): findings filtered by contract, severity, match type, status, list and supplier, with
// every filter in the address so that a view can be bookmarked and shared. Open findings by default.
import { api, query as queryString } from '../../api.js';
import { ErrorNotice, Loaded, Pager, PageTitle, SeverityBadge, useAsync } from '../../components/ui.js';
import { formatDateTime, formatNumber, useT } from '../../i18n/index.js';
import { href, navigate } from '../../router.js';
import { expert } from './messages.js';
import { ageText, concentrationText, severityName, StatusLabel, substanceName } from './shared.js';
import type { ContractPage, FindingPage, ListPage, ProductPage, SupplierPage } from '../../api-types.js';
import { FINDING_STATUSES, MATCH_TYPES, SEVERITIES } from './types.js';

const LIMIT = 25;
type Filter = 'contractId' | 'severity' | 'matchType' | 'status' | 'listId' | 'supplierId';
/** `status=all` in the address: any status (no parameter means the default, open). */
const ALL_STATUSES = 'all';

function filtersOf(query: URLSearchParams): Record<Filter, string> {
  const read = (name: Filter) => query.get(name) ?? '';
  return { contractId: read('contractId'), severity: read('severity'), matchType: read('matchType'), status: read('status') || 'open', listId: read('listId'), supplierId: read('supplierId') };
}

export function ReviewPage({ query }: { query: URLSearchParams }) {
  const { t, lang } = useT(expert);
  const filters = filtersOf(query);
  const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
  const key = query.toString();

  // What the filter menus offer: every contract, list and supplier (the API's largest page covers a region's own).
  const options = useAsync(
    (signal) =>
      Promise.all([
        api<ContractPage>('/contracts?limit=200', { signal }),
        api<ListPage>('/lists?limit=200', { signal }),
        api<SupplierPage>('/suppliers?limit=200', { signal }),
      ]).then(([contracts, lists, suppliers]) => ({ contracts: contracts.items, lists: lists.items, suppliers: suppliers.items })),
    [],
  );

  const findings = useAsync(
    async (signal) => {
      const page = await api<FindingPage>(
        `/findings${queryString({
          ...filters,
          status: filters.status === ALL_STATUSES ? undefined : filters.status,
          limit: LIMIT,
          offset,
        })}`,
        { signal },
      );
      // A finding names its product by id: the names come from the products shown, all in one request.
      const ids = [...new Set(page.items.map((f) => f.productId))];
      const products = ids.length === 0 ? [] : (await api<ProductPage>(`/products${queryString({ ids: ids.join(','), limit: ids.length })}`, { signal })).items;
      return { page, products: new Map(products.map((p) => [p.id, p])) };
    },
    [key],
  );

  const setFilter = (name: Filter, value: string) => {
    const next: Record<string, string> = { ...filters, [name]: value };
    // The default status is left out of the address, so that the plain #/review is the open queue.
    if (next.status === 'open') next.status = '';
    navigate('/review', next);
  };

  const supplierNames = new Map((options.data?.suppliers ?? []).map((s) => [s.id, s.name]));
  const select = (name: Filter, label: string, choices: Array<{ value: string; label: string }>, anyLabel = t('review.any')) => (
    <div>
      <label for={`filter-${name}`}>{label}</label>
      <select id={`filter-${name}`} value={filters[name]} onChange={(e) => setFilter(name, e.currentTarget.value)}>
        {anyLabel !== '' && <option value={name === 'status' ? ALL_STATUSES : ''}>{anyLabel}</option>}
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
      </select>
    </div>
  );

  return (
    <div class="expert review">
      <PageTitle>{t('review.title')}</PageTitle>
      <p class="muted">{t('review.intro')}</p>
      <section aria-labelledby="review-filters">
        <h2 id="review-filters" class="visually-hidden">
          {t('review.filters')}
        </h2>
        {options.error !== undefined && <ErrorNotice error={options.error} onRetry={options.reload} />}
        <form class="filters" role="search" aria-label={t('review.filters')} onSubmit={(e) => e.preventDefault()}>
          {select('contractId', t('review.contract'), (options.data?.contracts ?? []).map((c) => ({ value: c.id, label: `${c.number} – ${c.title}` })))}
          {select('severity', t('review.severity'), SEVERITIES.map((s) => ({ value: s, label: severityName(s, lang) })))}
          {select('matchType', t('review.matchType'), MATCH_TYPES.map((m) => ({ value: m, label: t(`match.${m}`) })))}
          {select('status', t('review.status'), FINDING_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) })), t('review.anyStatus'))}
          {select('listId', t('review.list'), (options.data?.lists ?? []).map((l) => ({ value: l.id, label: l.name })))}
          {select('supplierId', t('review.supplier'), (options.data?.suppliers ?? []).map((s) => ({ value: s.id, label: s.name })))}
          <div>
            <a class="button secondary" href={href('/review')}>
              {t('review.clear')}
            </a>
          </div>
        </form>
      </section>
      <Loaded state={findings}>
        {({ page, products }) => (
          <section aria-labelledby="review-results">
            <h2 id="review-results" aria-live="polite">
              {t('review.total', { total: formatNumber(page.total, lang) })}
            </h2>
            {page.items.length === 0 ? (
              <p class="notice">{t('review.none')}</p>
            ) : (
              <div class="table-scroll">
                <table class="findings">
                  <caption class="visually-hidden">{t('review.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.substance')}</th>
                      <th scope="col">{t('col.product')}</th>
                      <th scope="col">{t('col.supplier')}</th>
                      <th scope="col">{t('col.listEntry')}</th>
                      <th scope="col">{t('col.match')}</th>
                      <th scope="col">{t('col.concentration')}</th>
                      <th scope="col">{t('col.severity')}</th>
                      <th scope="col">{t('col.status')}</th>
                      <th scope="col">{t('col.age')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((f) => {
                      const product = products.get(f.productId);
                      return (
                        <tr key={f.id}>
                          <td>
                            <a href={href(`/findings/${f.id}`)} aria-label={t('review.openFinding', { name: `${substanceName(f, t)} – ${product?.name ?? f.productId}` })}>
                              {substanceName(f, t)}
                            </a>
                            {(f.substance.cas ?? f.substance.ec) && <div class="muted ids">{[f.substance.cas && t('id.cas', { id: f.substance.cas }), f.substance.ec && t('id.ec', { id: f.substance.ec })].filter(Boolean).join(' · ')}</div>}
                          </td>
                          <td>
                            <a href={href(`/products/${f.productId}`)}>{product?.name ?? f.productId}</a>
                          </td>
                          <td>{supplierNames.get(f.supplierId) ?? f.supplierId}</td>
                          <td>
                            {f.list.name} <span class="muted">{t('version.short', { version: f.list.version })}</span>
                            <div>
                              {f.list.entryName}
                              {f.list.entryKey !== f.list.entryName && <span class="muted"> ({f.list.entryKey})</span>}
                            </div>
                          </td>
                          <td>
                            {t(`match.${f.matchType}`)}
                            <div class="muted">
                              {t(`certainty.${f.certainty}`)}, {t('score', { score: formatNumber(f.score, lang) })}
                            </div>
                          </td>
                          <td>{concentrationText(f, t, lang)}</td>
                          <td>
                            <SeverityBadge severity={f.severity} />
                          </td>
                          <td>
                            <StatusLabel status={f.status} t={t} />
                          </td>
                          <td>
                            <time dateTime={f.createdAt} title={formatDateTime(f.createdAt, lang)}>
                              {ageText(f.createdAt, lang)}
                            </time>
                          </td>
                        </tr>
                      );
                    })}
                  </tbody>
                </table>
              </div>
            )}
            <Pager total={page.total} limit={LIMIT} offset={offset} onOffset={(next) => navigate('/review', { ...Object.fromEntries(query), offset: next || undefined })} />
          </section>
        )}
      </Loaded>
    </div>
  );
}

