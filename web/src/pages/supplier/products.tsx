// My products (issue 8): the supplier's own products (the API scopes a supplier token to them), each with its latest
// SDS revision or "missing", its latest declaration, its open findings and a way to upload a new document.
import { useEffect, useState } from 'preact/hooks';
import { api, query as queryString } from '../../api.js';
import { ErrorNotice, Loaded, Pager, PageTitle, useAsync } from '../../components/ui.js';
import { common } from '../../i18n/common.js';
import { formatDate, useT } from '../../i18n/index.js';
import { href, navigate } from '../../router.js';
import { rememberProducts } from './lookup.js';
import { messages } from './messages.js';
import type { DeclarationRequestPage, Product, ProductDocuments, ProductDocumentsList, ProductPage } from '../../api-types.js';
import './supplier.css';

const PAGE_SIZE = 20;

function offsetOf(query: URLSearchParams): number {
  const value = Number(query.get('offset') ?? 0);
  return Number.isInteger(value) && value > 0 ? value : 0;
}

export function MyProductsPage({ query }: { query: URLSearchParams }) {
  const { t } = useT(messages);
  const q = query.get('q') ?? '';
  const offset = offsetOf(query);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);

  const products = useAsync(async (signal) => {
    const page = await api<ProductPage>(`/products${queryString({ q: q || undefined, limit: PAGE_SIZE, offset })}`, { signal });
    rememberProducts(page.items);
    return page;
  }, [q, offset]);

  function search(event: Event) {
    event.preventDefault();
    navigate('/my/products', { q: text.trim() });
  }

  return (
    <div class="supplier">
      <PageTitle>{t('products.title')}</PageTitle>
      <p>{t('products.intro')}</p>
      <OpenRequestsNotice />
      <form class="filters" role="search" onSubmit={search}>
        <div>
          <label for="my-products-q">{t('products.filterName')}</label>
          <input id="my-products-q" type="search" value={text} onInput={(e) => setText(e.currentTarget.value)} />
        </div>
        <div>
          <button type="submit">{t('products.search')}</button>
        </div>
        {q !== '' && (
          <div>
            <a class="button secondary" href={href('/my/products')}>
              {t('products.clear')}
            </a>
          </div>
        )}
      </form>
      <Loaded state={products}>
        {(page) =>
          page.total === 0 ? (
            <p class="notice">{q === '' ? t('products.none') : t('products.noneFound', { q })}</p>
          ) : (
            <>
              <div class="table-scroll">
                <table>
                  <caption>{t('products.caption', { total: page.total })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.product')}</th>
                      <th scope="col">{t('products.col.sds')}</th>
                      <th scope="col">{t('products.col.declaration')}</th>
                      <th scope="col">{t('products.col.openFindings')}</th>
                      <th scope="col">{t('products.col.documents')}</th>
                    </tr>
                  </thead>
                  <ProductRows products={page.items} />
                </table>
              </div>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onOffset={(next) => navigate('/my/products', { q, offset: next || undefined })} />
            </>
          )
        }
      </Loaded>
    </div>
  );
}

/**
 * The page's rows. Their documents and open findings come in one request for the whole page, after the products: the
 * table shows as soon as the products are known.
 */
function ProductRows({ products }: { products: Product[] }) {
  const ids = products.map((p) => p.id).join(',');
  const documents = useAsync(async (signal) => {
    const list = await api<ProductDocumentsList>(`/follow-up/products${queryString({ ids })}`, { signal });
    return new Map(list.items.map((item) => [item.productId, item]));
  }, [ids]);
  return (
    <tbody>
      {products.map((product, i) => (
        <ProductRow
          key={product.id}
          product={product}
          documents={documents.data?.get(product.id)}
          loading={documents.data === undefined && documents.error === undefined}
          // One error notice for the page, in the first row, rather than one per row.
          error={i === 0 ? documents.error : undefined}
          failed={documents.error !== undefined}
          onRetry={documents.reload}
        />
      ))}
    </tbody>
  );
}

interface RowProps {
  product: Product;
  documents: ProductDocuments | undefined;
  loading: boolean;
  error: unknown;
  failed: boolean;
  onRetry: () => void;
}

function ProductRow({ product, documents, loading, error, failed, onRetry }: RowProps) {
  const { t } = useT(messages);
  const { t: tc } = useT(common);
  const articleNumbers = product.supplierArticleNumbers;
  return (
    <tr>
      <th scope="row">
        <a href={href(`/products/${product.id}`)}>{product.name}</a>
        <div class="muted small">
          {t(`kind.${product.kind}`)}
          {articleNumbers.length > 0 && <> · {t('products.articleNumbers', { numbers: articleNumbers.join(', ') })}</>}
        </div>
      </th>
      {failed ? (
        <td colSpan={3}>{error !== undefined && <ErrorNotice error={error} onRetry={onRetry} />}</td>
      ) : loading || documents === undefined ? (
        // One live region per row would announce twenty times; the text alone says the row is still loading.
        <td colSpan={3} class="loading">
          {tc('loading')}
        </td>
      ) : (
        <DocumentCells product={product} documents={documents} />
      )}
      <td>
        <a href={href(`/my/products/${product.id}/upload`)}>
          {t('products.upload')}
          <span class="visually-hidden"> {t('products.uploadFor', { name: product.name })}</span>
        </a>
      </td>
    </tr>
  );
}

/** The row's cells that need the product's documents and findings. */
function DocumentCells({ product, documents: { sds, declaration, openFindings } }: { product: Product; documents: ProductDocuments }) {
  const { t, lang } = useT(messages);
  // An article needs no SDS (REACH Art. 31 covers substances and mixtures); its content comes in a declaration.
  const sdsRequired = product.kind !== 'article';
  return (
    <>
      <td>
        {sds ? (
          <>
            {sds.revisionDate
              ? t('products.sdsRevision', { n: sds.revisionNumber, date: formatDate(sds.revisionDate, lang) })
              : t('products.noRevisionDate', { n: sds.revisionNumber })}
            <div class="muted small">{t(`sdsStatus.${sds.status}`)}</div>
          </>
        ) : sdsRequired ? (
          <span class="missing">{t('products.sdsMissing')}</span>
        ) : (
          <span class="muted">{t('products.sdsNotRequired')}</span>
        )}
      </td>
      <td>
        {declaration ? (
          t('products.declarationRevision', { n: declaration.revisionNumber, date: formatDate(declaration.submittedAt, lang) })
        ) : (
          <span class="muted">{t('products.declarationNone')}</span>
        )}
      </td>
      <td>
        {openFindings === 0 ? (
          <span class="muted">{t('products.findingsNone')}</span>
        ) : (
          <a href={href('/my/findings', { product: product.id })}>
            {openFindings === 1 ? t('products.findingsOne') : t('products.findingsMany', { n: openFindings })}
          </a>
        )}
      </td>
    </>
  );
}

/** What the supplier still has to declare, so that a request is not missed on the start page. */
function OpenRequestsNotice() {
  const { t } = useT(messages);
  const requests = useAsync((signal) => api<DeclarationRequestPage>('/declaration-requests?status=open&limit=1', { signal }), []);
  const open = requests.data?.total ?? 0;
  if (open === 0) return null;
  return (
    <p class="notice">
      {open === 1 ? t('products.requestsOne') : t('products.requestsMany', { n: open })} <a href={href('/my/findings')}>{t('products.requestsLink')}</a>
    </p>
  );
}
