// My findings and requests (issue 8): the supplier's findings (the API scopes a supplier token to its own), an answer
// form on each finding whose substitution an expert requested, and the declaration requests made to the supplier.
//
// An answer does not change a finding's status in the API (the expert decides what follows), so the page shows
// "answered on <date>" beside the status, read from the finding's history.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query as queryString } from '../../api.js';
import { ErrorNotice, Loaded, Pager, PageTitle, SeverityBadge, useAsync } from '../../components/ui.js';
import { formatDate, useT } from '../../i18n/index.js';
import { href, navigate } from '../../router.js';
import { ContractName, ProductLink, ReasonText, rememberProducts, useProductName } from './lookup.js';
import { messages } from './messages.js';
import type { DecisionInput, DeclarationRequest, DeclarationRequestPage, Finding, FindingEvent, FindingPage, ProductPage, SdsRevisionPage } from '../../api-types.js';
import { FINDING_STATUSES, REQUEST_STATUSES } from './types.js';
import './supplier.css';

const PAGE_SIZE = 20;
const PATH = '/my/findings';

type Params = Record<string, string | undefined>;

function offsetOf(value: string | null): number {
  const n = Number(value ?? 0);
  return Number.isInteger(n) && n > 0 ? n : 0;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[]): T | undefined {
  return allowed.find((a) => a === value);
}

/** The page's address with some parameters changed (undefined removes one); the others are kept. */
function go(query: URLSearchParams, changes: Params): void {
  const params: Params = Object.fromEntries(query.entries());
  navigate(PATH, { ...params, ...changes });
}

export function MyFindingsPage({ query }: { query: URLSearchParams }) {
  const { t } = useT(messages);
  const [sent, setSent] = useState('');
  return (
    <div class="supplier">
      <PageTitle>{t('findings.title')}</PageTitle>
      <p>{t('findings.intro')}</p>
      {/* One live region for the page: it outlives the row whose answer it confirms. */}
      <p role="status" class={sent ? 'notice ok' : 'visually-hidden'}>
        {sent}
      </p>
      <FindingsSection query={query} onAnswered={() => setSent(t('answer.sent'))} />
      <RequestsSection query={query} />
    </div>
  );
}

function FindingsSection({ query, onAnswered }: { query: URLSearchParams; onAnswered: () => void }) {
  const { t } = useT(messages);
  const status = oneOf(query.get('status'), FINDING_STATUSES);
  const product = query.get('product') ?? undefined;
  const offset = offsetOf(query.get('offset'));
  const answerId = query.get('answer');
  const document = query.get('document');
  const [statusChoice, setStatusChoice] = useState(status ?? '');
  const [productChoice, setProductChoice] = useState(product ?? '');
  useEffect(() => setStatusChoice(status ?? ''), [status]);
  useEffect(() => setProductChoice(product ?? ''), [product]);

  const products = useAsync(async (signal) => {
    const page = await api<ProductPage>('/products?limit=200', { signal });
    rememberProducts(page.items);
    return page.items;
  }, []);
  const findings = useAsync(
    (signal) => api<FindingPage>(`/findings${queryString({ status, productId: product, limit: PAGE_SIZE, offset })}`, { signal }),
    [status, product, offset],
  );

  function filter(event: Event) {
    event.preventDefault();
    go(query, { status: statusChoice || undefined, product: productChoice || undefined, offset: undefined, answer: undefined, document: undefined });
  }

  const productOptions = products.data ?? [];
  return (
    <section aria-labelledby="findings-heading">
      <h2 id="findings-heading">{t('findings.heading')}</h2>
      <form class="filters" onSubmit={filter}>
        <div>
          <label for="findings-status">{t('findings.filterStatus')}</label>
          <select id="findings-status" value={statusChoice} onChange={(e) => setStatusChoice(e.currentTarget.value)}>
            <option value="">{t('findings.allStatuses')}</option>
            {FINDING_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <label for="findings-product">{t('findings.filterProduct')}</label>
          <select id="findings-product" value={productChoice} onChange={(e) => setProductChoice(e.currentTarget.value)}>
            <option value="">{t('findings.allProducts')}</option>
            {product !== undefined && !productOptions.some((p) => p.id === product) && <ChosenProductOption id={product} />}
            {productOptions.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('findings.apply')}</button>
        </div>
      </form>
      <Loaded state={findings}>
        {(page) =>
          page.total === 0 ? (
            <p class="notice">{t('findings.none')}</p>
          ) : (
            <>
              <div class="table-scroll">
                <table>
                  <caption>{t('findings.caption', { total: page.total })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('col.severity')}</th>
                      <th scope="col">{t('col.product')}</th>
                      <th scope="col">{t('col.substance')}</th>
                      <th scope="col">{t('col.list')}</th>
                      <th scope="col">{t('col.status')}</th>
                      <th scope="col">{t('col.reason')}</th>
                      <th scope="col">{t('col.details')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((finding) => (
                      <FindingRows
                        key={finding.id}
                        finding={finding}
                        preselect={finding.id === answerId ? document : null}
                        onAnswered={() => {
                          onAnswered();
                          findings.reload();
                        }}
                      />
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onOffset={(next) => go(query, { offset: next ? String(next) : undefined })} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

/** The events since the expert last asked for substitution: that request, and the supplier's answers to it. */
function substitutionThread(history: readonly FindingEvent[]): { request: FindingEvent | null; answers: FindingEvent[] } {
  let at = -1;
  history.forEach((event, i) => {
    if (event.action === 'request-substitution') at = i;
  });
  if (at < 0) return { request: null, answers: history.filter((e) => e.action === 'answer') };
  return { request: history[at]!, answers: history.slice(at + 1).filter((e) => e.action === 'answer') };
}

function substanceOf(finding: Finding, unnamed: string): string {
  return finding.substance.name ?? finding.substance.cas ?? finding.substance.ec ?? unnamed;
}

function FindingRows({ finding, preselect, onAnswered }: { finding: Finding; preselect: string | null; onAnswered: () => void }) {
  const { t, lang } = useT(messages);
  const substance = substanceOf(finding, t('unnamedSubstance'));
  const requested = finding.status === 'substitution-requested';
  const { answers } = substitutionThread(finding.history);
  const lastAnswer = requested ? answers.at(-1) : undefined;
  return (
    <>
      <tr>
        <td>
          <SeverityBadge severity={finding.severity} />
        </td>
        <td>
          <ProductLink id={finding.productId} />
        </td>
        <td>
          {substance}
          {finding.substance.cas && finding.substance.cas !== substance && <div class="muted small">CAS {finding.substance.cas}</div>}
          {finding.substance.concentration && <div class="muted small">{finding.substance.concentration}</div>}
        </td>
        <td>{finding.list.name}</td>
        <td>
          <strong>{t(`status.${finding.status}`)}</strong>
          {finding.status === 'exception' && finding.exceptionUntil && <div class="small">{t('findings.until', { date: formatDate(finding.exceptionUntil, lang) })}</div>}
          {lastAnswer && <div class="small">{t('findings.answered', { date: formatDate(lastAnswer.at, lang) })}</div>}
        </td>
        {/* The API states the reason in English. */}
        <td class="reason" lang="en">
          <ReasonText text={finding.severityReason} />
        </td>
        <td>
          <a href={href(`/findings/${finding.id}`)}>
            {t('findings.view')}
            <span class="visually-hidden"> {t('findings.viewAbout', { substance })}</span>
          </a>
        </td>
      </tr>
      {requested && (
        <tr class="answer-row">
          <td colSpan={7}>
            <AnswerForm finding={finding} substance={substance} preselect={preselect} onAnswered={onAnswered} />
          </td>
        </tr>
      )}
    </>
  );
}

function AnswerForm({ finding, substance, preselect, onAnswered }: { finding: Finding; substance: string; preselect: string | null; onAnswered: () => void }) {
  const { t, lang } = useT(messages);
  const { request, answers } = substitutionThread(finding.history);
  const [comment, setComment] = useState('');
  const [documentId, setDocumentId] = useState(preselect ?? '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(undefined);
  const commentBox = useRef<HTMLTextAreaElement>(null);
  const revisions = useAsync(
    (signal) => api<SdsRevisionPage>(`/products/${encodeURIComponent(finding.productId)}/sds?limit=50`, { signal }),
    [finding.productId],
  );
  const ids = { comment: `answer-comment-${finding.id}`, hint: `answer-hint-${finding.id}`, document: `answer-document-${finding.id}` };

  // Arriving from an upload ("answer with this file"): the form is where the supplier continues.
  useEffect(() => {
    if (preselect === null) return;
    setDocumentId(preselect);
    commentBox.current?.scrollIntoView({ block: 'center' });
    commentBox.current?.focus();
  }, [preselect]);

  async function send(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    try {
      // The comment goes as typed: the API trims it and names the field if it is empty.
      const body: DecisionInput = { action: 'answer', comment, ...(documentId ? { documentId } : {}) };
      await api<Finding>(`/findings/${encodeURIComponent(finding.id)}/decisions`, { method: 'POST', body });
      setComment('');
      setDocumentId('');
      onAnswered();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const revisionName = (id: string | null) => {
    const found = revisions.data?.items.find((r) => r.id === id);
    if (!found) return id;
    return found.summary.revisionDate
      ? t('answer.revision', { n: found.revisionNumber, date: formatDate(found.summary.revisionDate, lang), file: found.fileName })
      : t('answer.revisionNoDate', { n: found.revisionNumber, file: found.fileName });
  };

  const form = (
    <form onSubmit={(e) => void send(e)}>
      <fieldset>
        <legend>{t('answer.legend', { substance })}</legend>
        <label for={ids.comment}>{t('answer.comment')}</label>
        <p class="hint" id={ids.hint}>
          {t('answer.commentHint')}
        </p>
        <textarea id={ids.comment} ref={commentBox} aria-describedby={ids.hint} value={comment} onInput={(e) => setComment(e.currentTarget.value)} />
        <label for={ids.document}>{t('answer.document')}</label>
        <select id={ids.document} value={documentId} onChange={(e) => setDocumentId(e.currentTarget.value)}>
          <option value="">{t('answer.noDocument')}</option>
          {(revisions.data?.items ?? []).map((r) => (
            <option key={r.id} value={r.id}>
              {revisionName(r.id)}
            </option>
          ))}
        </select>
        <p class="small">
          <a href={href(`/my/products/${finding.productId}/upload`)}>{t('answer.uploadFirst')}</a>
        </p>
        {error !== undefined && <ErrorNotice error={error} />}
        <button type="submit" disabled={busy}>
          {busy ? t('answer.sending') : t('answer.submit')}
        </button>
      </fieldset>
    </form>
  );

  return (
    <div class="answer">
      {request && (
        <>
          <p>
            {request.comment
              ? t('answer.requested', { date: formatDate(request.at, lang) })
              : t('answer.requestedNoComment', { date: formatDate(request.at, lang) })}
          </p>
          {request.comment && <blockquote>{request.comment}</blockquote>}
        </>
      )}
      {answers.map((answer) => (
        <div key={answer.at}>
          <p>{t('answer.previous', { date: formatDate(answer.at, lang) })}</p>
          <blockquote>
            {answer.comment}
            {answer.documentId && (
              <div class="small">
                {t('answer.withDocument')} {revisionName(answer.documentId)}
              </div>
            )}
          </blockquote>
        </div>
      ))}
      {answers.length === 0 || preselect !== null ? (
        form
      ) : (
        <details>
          <summary>{t('answer.again')}</summary>
          {form}
        </details>
      )}
    </div>
  );
}

function RequestsSection({ query }: { query: URLSearchParams }) {
  const { t, lang } = useT(messages);
  const status = oneOf(query.get('requests'), REQUEST_STATUSES);
  const offset = offsetOf(query.get('roffset'));
  const [choice, setChoice] = useState(status ?? '');
  useEffect(() => setChoice(status ?? ''), [status]);
  const requests = useAsync(
    (signal) => api<DeclarationRequestPage>(`/declaration-requests${queryString({ status, limit: PAGE_SIZE, offset })}`, { signal }),
    [status, offset],
  );

  function filter(event: Event) {
    event.preventDefault();
    go(query, { requests: choice || undefined, roffset: undefined, answer: undefined, document: undefined });
  }

  return (
    <section aria-labelledby="requests-heading">
      <h2 id="requests-heading">{t('requests.heading')}</h2>
      <p>{t('requests.intro')}</p>
      <form class="filters" onSubmit={filter}>
        <div>
          <label for="requests-status">{t('requests.filterStatus')}</label>
          <select id="requests-status" value={choice} onChange={(e) => setChoice(e.currentTarget.value)}>
            <option value="">{t('requests.all')}</option>
            {REQUEST_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(`requests.status.${s}`)}
              </option>
            ))}
          </select>
        </div>
        <div>
          <button type="submit">{t('findings.apply')}</button>
        </div>
      </form>
      <Loaded state={requests}>
        {(page) =>
          page.total === 0 ? (
            <p class="notice">{t('requests.none')}</p>
          ) : (
            <>
              <div class="table-scroll">
                <table>
                  <caption>{t('requests.caption', { total: page.total })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('requests.col.due')}</th>
                      <th scope="col">{t('col.status')}</th>
                      <th scope="col">{t('requests.col.scope')}</th>
                      <th scope="col">{t('requests.col.products')}</th>
                      <th scope="col">{t('requests.col.message')}</th>
                      <th scope="col">{t('requests.col.requested')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((request) => (
                      <tr key={request.id}>
                        <td>
                          {formatDate(request.dueDate, lang)}
                          {request.overdue && <span class="overdue">{t('requests.overdue')}</span>}
                        </td>
                        <td>
                          {t(`requests.status.${request.status}`)}
                          {request.status === 'open' && request.products.length > 1 && (
                            <div class="small">{t('requests.outstanding', { n: request.outstanding, total: request.products.length })}</div>
                          )}
                        </td>
                        <td>
                          {request.contractId ? (
                            <>
                              {t('requests.contract')} <ContractName id={request.contractId} />
                            </>
                          ) : (
                            t('requests.oneProduct')
                          )}
                        </td>
                        <td>
                          <ul class="requested">
                            {request.products.map((p) => (
                              <RequestedProduct key={p.productId} request={request} item={p} />
                            ))}
                          </ul>
                        </td>
                        <td>{request.message ?? <span class="muted">–</span>}</td>
                        <td>
                          {formatDate(request.requestedAt, lang)}
                          <div class="muted small">{t('requests.by', { name: request.requestedBy.tokenName })}</div>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager total={page.total} limit={page.limit} offset={page.offset} onOffset={(next) => go(query, { roffset: next ? String(next) : undefined })} />
            </>
          )
        }
      </Loaded>
    </section>
  );
}

/** A product filtered on that is not among the first page of products the select lists (a supplier with many). */
function ChosenProductOption({ id }: { id: string }) {
  return <option value={id}>{useProductName(id)}</option>;
}

function RequestedProduct({ request, item }: { request: DeclarationRequest; item: DeclarationRequest['products'][number] }) {
  const { t, lang } = useT(messages);
  const name = useProductName(item.productId);
  return (
    <li>
      <ProductLink id={item.productId} />{' '}
      {item.answeredAt ? (
        <span class="small">({t('requests.declared', { date: formatDate(item.answeredAt, lang) })})</span>
      ) : (
        <>
          <span class="small">({t('requests.undeclared')})</span>
          {request.status === 'open' && (
            <div>
              <a href={href(`/my/products/${item.productId}/upload`, { kind: 'declaration', request: request.id })}>
                {t('requests.answer')}
                <span class="visually-hidden"> {t('requests.answerFor', { name })}</span>
              </a>
            </div>
          )}
        </>
      )}
    </li>
  );
}

