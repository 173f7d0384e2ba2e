// Product search for buyers before buying (issue 8 over GET /search, issue 7): search as you type, filters, and for
// each hit its worst open finding and why it matched. The address carries the whole search, so a search can be
// bookmarked or shared, survives a reload, and the back button returns to it from a product.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query as apiQuery } from '../../api.js';
import { ErrorNotice, PageTitle, Pager, SeverityBadge, useAsync } from '../../components/ui.js';
import { useT } from '../../i18n/index.js';
import { href, navigate } from '../../router.js';
import { messages } from './messages.js';
import { rememberSearch } from './shared.js';
import type { Contract, ContractPage, ListPage, ProductKind, RegulatoryList, SearchHit, SearchResult, Supplier, SupplierPage } from '../../api-types.js';
import './procurement.css';

const LIMIT = 20;
/** Long enough to let a word be typed, short enough to feel immediate. */
const DEBOUNCE_MS = 250;
/** Every product kind, in the order the filter offers them; the type below stops compiling if the API adds a kind. */
const KINDS = ['mixture', 'substance', 'article', 'article-with-mixture'] as const satisfies readonly ProductKind[];
type AllKinds<T extends readonly ProductKind[]> = [Exclude<ProductKind, T[number]>] extends [never] ? T : never;
const PRODUCT_KINDS: AllKinds<typeof KINDS> = KINDS;

interface Params {
  q: string;
  contractId: string;
  supplierId: string;
  category: string;
  kind: string;
  listId: string;
  clean: boolean;
  offset: number;
}

function readParams(query: URLSearchParams): Params {
  const offset = Number(query.get('offset') ?? 0);
  return {
    q: (query.get('q') ?? '').trim(),
    contractId: query.get('contractId') ?? '',
    supplierId: query.get('supplierId') ?? '',
    category: (query.get('category') ?? '').trim(),
    kind: query.get('kind') ?? '',
    listId: query.get('listId') ?? '',
    clean: query.get('clean') === 'true',
    offset: Number.isInteger(offset) && offset > 0 ? offset : 0,
  };
}

/** The search as address parameters, empty ones left out (the API refuses an empty category or id). */
function toAddress(params: Params): Record<string, string> {
  const out: Record<string, string> = {};
  for (const key of ['q', 'contractId', 'supplierId', 'category', 'kind', 'listId'] as const) if (params[key] !== '') out[key] = params[key];
  if (params.clean) out.clean = 'true';
  if (params.offset > 0) out.offset = String(params.offset);
  return out;
}

const hasFilter = (p: Params) => p.contractId !== '' || p.supplierId !== '' || p.category !== '' || p.kind !== '' || p.listId !== '' || p.clean;

interface Lookups {
  contracts: Contract[];
  suppliers: Supplier[];
  lists: RegulatoryList[];
}

export function SearchPage({ query }: { query: URLSearchParams }) {
  const { t } = useT(messages);
  const params = readParams(query);
  const address = toAddress(params);
  const addressKey = new URLSearchParams(address).toString();
  const latest = useRef(params);
  latest.current = params;

  // What is typed lives here; the address gets it once typing pauses.
  const [text, setText] = useState(params.q);
  const [category, setCategory] = useState(params.category);
  const sent = useRef({ q: params.q, category: params.category });

  const go = (change: Partial<Params>) => {
    navigate('/search', toAddress({ ...latest.current, offset: 0, ...change }), { replace: true });
  };
  const send = (q: string, cat: string) => {
    sent.current = { q, category: cat };
    go({ q, category: cat });
  };

  // The address changed from outside (back button, a bookmark, "clear"): the boxes follow it.
  useEffect(() => {
    if (params.q !== sent.current.q) setText(params.q);
    if (params.category !== sent.current.category) setCategory(params.category);
    sent.current = { q: params.q, category: params.category };
  }, [params.q, params.category]);

  useEffect(() => {
    const q = text.trim();
    const cat = category.trim();
    if (q === sent.current.q && cat === sent.current.category) return undefined;
    const timer = setTimeout(() => send(q, cat), DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, category]);

  useEffect(() => rememberSearch(address), [addressKey]);

  const lookups = useAsync<Lookups>(async (signal) => {
    const [contracts, suppliers, lists] = await Promise.all([
      api<ContractPage>('/contracts?limit=200', { signal }),
      api<SupplierPage>('/suppliers?limit=200', { signal }),
      api<ListPage>('/lists?limit=200', { signal }),
    ]);
    return { contracts: contracts.items, suppliers: suppliers.items, lists: lists.items };
  }, []);

  const searching = params.q !== '' || hasFilter(params);
  // useAsync aborts the request of an older address when the address changes, so a slow answer never overwrites a newer one.
  const result = useAsync<SearchResult | null>(
    (signal) => (searching ? api<SearchResult>(`/search${apiQuery({ ...address, limit: LIMIT })}`, { signal }) : Promise.resolve(null)),
    [addressKey],
  );

  const clear = () => {
    setText('');
    setCategory('');
    sent.current = { q: '', category: '' };
    navigate('/search', {}, { replace: true });
  };

  let status = '';
  if (searching && result.loading) status = t('search.searching');
  else if (result.data) status = result.data.total === 1 ? t('search.totalOne') : t('search.total', { total: result.data.total });

  const options = lookups.data;
  return (
    <div class="procurement-search">
      <PageTitle>{t('search.title')}</PageTitle>
      <p class="muted">{t('search.intro')}</p>
      <form
        role="search"
        class="search-form"
        onSubmit={(event) => {
          event.preventDefault();
          send(text.trim(), category.trim());
        }}
      >
        <label for="search-q">{t('search.label')}</label>
        <input
          id="search-q"
          class="search-box"
          type="search"
          value={text}
          placeholder={t('search.placeholder')}
          autocomplete="off"
          spellcheck={false}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <fieldset class="filters search-filters">
          <legend>{t('search.filters')}</legend>
          <div>
            <label for="search-contract">{t('search.contract')}</label>
            <select id="search-contract" value={params.contractId} onChange={(event) => go({ contractId: event.currentTarget.value })}>
              <option value="">{t('search.anyContract')}</option>
              {options?.contracts.map((contract) => (
                <option key={contract.id} value={contract.id}>
                  {contract.number} {contract.title}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="search-supplier">{t('search.supplier')}</label>
            <select id="search-supplier" value={params.supplierId} onChange={(event) => go({ supplierId: event.currentTarget.value })}>
              <option value="">{t('search.anySupplier')}</option>
              {options?.suppliers.map((supplier) => (
                <option key={supplier.id} value={supplier.id}>
                  {supplier.name}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="search-category">{t('search.category')}</label>
            <input id="search-category" type="text" value={category} onInput={(event) => setCategory(event.currentTarget.value)} />
          </div>
          <div>
            <label for="search-kind">{t('search.kind')}</label>
            <select id="search-kind" value={params.kind} onChange={(event) => go({ kind: event.currentTarget.value })}>
              <option value="">{t('search.anyKind')}</option>
              {PRODUCT_KINDS.map((kind) => (
                <option key={kind} value={kind}>
                  {t(`kind.${kind}`)}
                </option>
              ))}
            </select>
          </div>
          <div>
            <label for="search-list">{t('search.list')}</label>
            <select id="search-list" value={params.listId} onChange={(event) => go({ listId: event.currentTarget.value })}>
              <option value="">{t('search.anyList')}</option>
              {options?.lists.map((list) => (
                <option key={list.id} value={list.id}>
                  {list.name}
                </option>
              ))}
            </select>
          </div>
          <div class="search-check">
            <input id="search-clean" type="checkbox" checked={params.clean} onChange={(event) => go({ clean: event.currentTarget.checked })} />
            <label for="search-clean">{t('search.clean')}</label>
          </div>
        </fieldset>
        {(searching || text !== '' || category !== '') && (
          <button type="button" class="secondary" onClick={clear}>
            {t('search.clear')}
          </button>
        )}
      </form>
      {lookups.error !== undefined && (
        <>
          <p>{t('search.lookupsFailed')}</p>
          <ErrorNotice error={lookups.error} onRetry={lookups.reload} />
        </>
      )}

      <p role="status" class="search-status">
        {status}
      </p>
      {!searching && <p class="notice">{t('search.start')}</p>}
      {searching && result.error !== undefined && <ErrorNotice error={result.error} onRetry={result.reload} />}
      {searching && result.data && (
        <Results result={result.data} params={params} onOffset={(offset) => navigate('/search', toAddress({ ...params, offset }), { replace: true })} />
      )}
    </div>
  );
}

function Results({ result, params, onOffset }: { result: SearchResult; params: Params; onOffset: (offset: number) => void }) {
  const { t } = useT(messages);
  return (
    <section class="search-results" aria-labelledby="search-results-title">
      <h2 id="search-results-title">{t('search.results')}</h2>
      {result.identifier && <p class="notice">{t(`search.identifier.${result.identifier}`, { q: params.q })}</p>}
      {result.total === 0 ? (
        <p class="notice">{hasFilter(params) ? t('search.emptyFiltered') : t('search.empty')}</p>
      ) : (
        <ol class="hits" start={result.offset + 1}>
          {result.items.map((hit) => (
            <Hit key={hit.product.id} hit={hit} />
          ))}
        </ol>
      )}
      <Pager total={result.total} limit={result.limit} offset={result.offset} onOffset={onOffset} />
    </section>
  );
}

function Hit({ hit }: { hit: SearchHit }) {
  const { t } = useT(messages);
  const { product } = hit;
  const titleId = `hit-${product.id}`;
  return (
    <li class="hit">
      <article aria-labelledby={titleId}>
        <div class="hit-head">
          <h3 id={titleId}>
            <a href={href(`/products/${product.id}`)}>{product.name}</a>
            {product.tradeName && <span class="muted"> ({product.tradeName})</span>}
          </h3>
          <SeverityBadge severity={hit.worstOpenSeverity} />
          <span class={`match-kind match-${hit.match}`}>{t(`match.${hit.match}`)}</span>
        </div>
        {hit.reason && <p class="hit-reason">{hit.reason}</p>}
        <dl class="hit-facts">
          <div>
            <dt>{t('hit.articleNumbers')}</dt>
            <dd>{product.supplierArticleNumbers.length > 0 ? product.supplierArticleNumbers.join(', ') : t('product.none')}</dd>
          </div>
          {product.buyerArticleNumbers.length > 0 && (
            <div>
              <dt>{t('hit.buyerArticleNumbers')}</dt>
              <dd>{product.buyerArticleNumbers.join(', ')}</dd>
            </div>
          )}
          <div>
            <dt>{t('hit.supplier')}</dt>
            <dd>{hit.supplier.name}</dd>
          </div>
          <div>
            <dt>{t('hit.contracts')}</dt>
            <dd>
              {hit.contracts.length === 0
                ? t('hit.noContract')
                : hit.contracts.map((contract, i) => (
                    <span key={contract.id}>
                      {i > 0 && ', '}
                      <a href={href(`/contracts/${contract.id}`)}>{contract.number}</a> {contract.title}
                    </span>
                  ))}
            </dd>
          </div>
          <div>
            <dt>{t('search.kind')}</dt>
            <dd>
              {t(`kind.${product.kind}`)}
              {product.category && `, ${product.category}`}
            </dd>
          </div>
          <div class="hit-why">
            <dt>{t('hit.why')}</dt>
            <dd>{hit.matched.map((m) => t('hit.matchedField', { field: t(`field.${m.field}`), text: m.text })).join('; ')}</dd>
          </div>
        </dl>
      </article>
    </li>
  );
}
