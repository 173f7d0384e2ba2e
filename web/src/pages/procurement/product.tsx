// One product as a buyer weighs it (issue 8): who sells it and under which contracts, its findings, alternatives
// without those findings, what its latest safety data sheet says (signal word, pictograms, H/EUH codes, section 3)
// and its declarations. A supplier may open its own products here (the API scopes every request to them); it is
// never asked for alternatives, which are other suppliers' products and which the API refuses it (403).
import { useState } from 'preact/hooks';
import { api, download } from '../../api.js';
import { ErrorNotice, Loaded, PageTitle, SeverityBadge, useAsync, type Async, type Severity } from '../../components/ui.js';
import { formatDateTime, useT } from '../../i18n/index.js';
import { href } from '../../router.js';
import { useMe } from '../../session.js';
import { messages } from './messages.js';
import { formatDay, GhsPictogram, rememberedSearch } from './shared.js';
import type {
  Alternatives, Contract, DeclarationPage, FindingPage, FindingStatus, Product, SdsRevision, SdsRevisionPage, Supplier,
} from '../../api-types.js';
import type { SdsIdentifier } from './types.js';
import './procurement.css';

/** Statuses in which a finding still stands against its product (OPEN_STATUSES in src/findings/finding.schema.ts). */
const OPEN: readonly FindingStatus[] = ['open', 'confirmed', 'substitution-requested'];
const SEVERITY_ORDER: readonly Severity[] = ['red', 'orange', 'yellow', 'info'];

export function ProductPage({ id }: { id: string }) {
  const product = useAsync((signal) => api<Product>(`/products/${encodeURIComponent(id)}`, { signal }), [id]);
  return <Loaded state={product}>{(loaded) => <ProductView product={loaded} />}</Loaded>;
}

function ProductView({ product }: { product: Product }) {
  const { t } = useT(messages);
  const me = useMe();
  const buyer = me.role !== 'supplier';
  const findings = useAsync((signal) => api<FindingPage>(`/findings?productId=${product.id}&limit=200`, { signal }), [product.id]);
  const open = findings.data?.items.filter((finding) => OPEN.includes(finding.status)) ?? [];
  const worst = SEVERITY_ORDER.find((severity) => open.some((finding) => finding.severity === severity)) ?? null;
  const back = rememberedSearch();

  return (
    <div class="procurement-product">
      {buyer && (
        <p class="back-link">
          <a href={href('/search', back ?? {})}>← {t('product.backToSearch')}</a>
        </p>
      )}
      <div class="product-title">
        <PageTitle>{product.name}</PageTitle>
        {findings.data && <SeverityBadge severity={worst} />}
      </div>
      {(me.role === 'supplier' || me.role === 'admin') && (
        <p>
          <a class="button secondary" href={href(`/my/products/${product.id}/upload`)}>
            {t('product.upload')}
          </a>
        </p>
      )}
      <ProductFacts product={product} linkContracts={buyer} />
      <FindingsSection state={findings} />
      {buyer && <AlternativesSection productId={product.id} />}
      <SdsSection productId={product.id} />
      <DeclarationsSection productId={product.id} />
    </div>
  );
}

function ProductFacts({ product, linkContracts }: { product: Product; linkContracts: boolean }) {
  const { t, lang } = useT(messages);
  const supplier = useAsync((signal) => api<Supplier>(`/suppliers/${product.supplierId}`, { signal }), [product.supplierId]);
  const contracts = useAsync(
    (signal) => Promise.all(product.contractIds.map((contractId) => api<Contract>(`/contracts/${contractId}`, { signal }))),
    [product.contractIds.join(',')],
  );
  const none = t('product.none');
  return (
    <section aria-labelledby="product-facts">
      <h2 id="product-facts">{t('product.facts')}</h2>
      <dl class="facts">
        {product.tradeName && (
          <>
            <dt>{t('product.tradeName')}</dt>
            <dd>{product.tradeName}</dd>
          </>
        )}
        <dt>{t('product.supplier')}</dt>
        <dd>
          <Loaded state={supplier}>
            {(s) => (
              <>
                <strong>{s.name}</strong> <span class="muted">{t('product.orgNumber', { orgNumber: s.orgNumber, country: s.country })}</span>
                {s.contacts.length > 0 && (
                  <ul class="plain">
                    {s.contacts.map((contact) => (
                      <li key={`${contact.name}-${contact.email ?? ''}`}>
                        {t('product.contacts')}: {contact.name}
                        {contact.role && ` (${contact.role})`}
                        {contact.email && (
                          <>
                            , <a href={`mailto:${contact.email}`}>{contact.email}</a>
                          </>
                        )}
                        {contact.phone && `, ${contact.phone}`}
                      </li>
                    ))}
                  </ul>
                )}
              </>
            )}
          </Loaded>
        </dd>
        <dt>{t('product.contracts')}</dt>
        <dd>
          {product.contractIds.length === 0 ? (
            t('product.noContracts')
          ) : (
            <Loaded state={contracts}>
              {(list) => (
                <ul class="plain">
                  {list.map((contract) => (
                    <li key={contract.id}>
                      {linkContracts ? <a href={href(`/contracts/${contract.id}`)}>{contract.number}</a> : <strong>{contract.number}</strong>} {contract.title}{' '}
                      <span class="muted">
                        ({t('product.contractValid', { buyer: contract.buyer, from: formatDay(contract.validFrom, lang), to: formatDay(contract.validTo, lang) })})
                      </span>
                    </li>
                  ))}
                </ul>
              )}
            </Loaded>
          )}
        </dd>
        <dt>{t('product.articleNumbers')}</dt>
        <dd>{product.supplierArticleNumbers.length > 0 ? product.supplierArticleNumbers.join(', ') : none}</dd>
        {product.buyerArticleNumbers.length > 0 && (
          <>
            <dt>{t('product.buyerArticleNumbers')}</dt>
            <dd>{product.buyerArticleNumbers.join(', ')}</dd>
          </>
        )}
        <dt>{t('product.category')}</dt>
        <dd>{product.category ?? none}</dd>
        <dt>{t('product.kind')}</dt>
        <dd>{t(`kind.${product.kind}`)}</dd>
        {product.intendedUse && (
          <>
            <dt>{t('product.intendedUse')}</dt>
            <dd>{product.intendedUse}</dd>
          </>
        )}
      </dl>
    </section>
  );
}

function FindingsSection({ state }: { state: Async<FindingPage> }) {
  const { t, lang } = useT(messages);
  return (
    <section aria-labelledby="product-findings">
      <h2 id="product-findings">{t('findings.title')}</h2>
      <Loaded state={state}>
        {(page) =>
          page.total === 0 ? (
            <p>{t('findings.none')}</p>
          ) : (
            <>
              <p class="muted">{t('findings.intro')}</p>
              <table>
                <thead>
                  <tr>
                    <th scope="col">{t('findings.severity')}</th>
                    <th scope="col">{t('findings.substance')}</th>
                    <th scope="col">{t('findings.list')}</th>
                    <th scope="col">{t('findings.status')}</th>
                    <th scope="col">{t('findings.reason')}</th>
                  </tr>
                </thead>
                <tbody>
                  {page.items.map((finding) => {
                    const name = finding.substance.name ?? finding.list.entryName;
                    return (
                      <tr key={finding.id}>
                        <td>
                          <SeverityBadge severity={finding.severity} />
                        </td>
                        <td>
                          <a href={href(`/findings/${finding.id}`)}>
                            {name}
                          </a>
                          <div class="muted small">
                            {[finding.substance.cas && `CAS ${finding.substance.cas}`, finding.substance.concentration, finding.evidence && t(`findings.source.${finding.evidence.source}`)]
                              .filter(Boolean)
                              .join(' · ')}
                          </div>
                        </td>
                        <td>{finding.list.name}</td>
                        <td>
                          {finding.status === 'exception' && finding.exceptionUntil
                            ? t('status.exceptionUntil', { date: formatDay(finding.exceptionUntil, lang) })
                            : t(`status.${finding.status}`)}
                        </td>
                        <td class="reason">{finding.severityReason}</td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {page.total > page.items.length && <p class="muted">{t('findings.more', { shown: page.items.length, total: page.total })}</p>}
            </>
          )
        }
      </Loaded>
    </section>
  );
}

function AlternativesSection({ productId }: { productId: string }) {
  const { t } = useT(messages);
  const state = useAsync((signal) => api<Alternatives>(`/products/${productId}/alternatives`, { signal }), [productId]);
  return (
    <section aria-labelledby="product-alternatives">
      <h2 id="product-alternatives">{t('alternatives.title')}</h2>
      <Loaded state={state}>
        {(answer) =>
          answer.avoided.length === 0 ? (
            <p>{t('alternatives.noFindings')}</p>
          ) : (
            <>
              <p class="muted">{t('alternatives.intro')}</p>
              <p>
                <strong>{t('alternatives.avoided')}:</strong> {answer.avoided.map((a) => `${a.substance} (${a.list.name})`).join('; ')}
              </p>
              {answer.items.length === 0 ? (
                <p class="notice">{t('alternatives.none')}</p>
              ) : (
                <ul class="alternatives">
                  {answer.items.map((alternative) => (
                    <li key={alternative.product.id}>
                      <div class="hit-head">
                        <h3>
                          <a href={href(`/products/${alternative.product.id}`)}>{alternative.product.name}</a>
                        </h3>
                        <SeverityBadge severity={alternative.worstOpenSeverity} />
                        <span class="match-kind">{alternative.sharesContract ? t('alternatives.sharesContract') : t('alternatives.otherContract')}</span>
                      </div>
                      <p class="muted small">
                        {alternative.supplier.name}
                        {alternative.product.supplierArticleNumbers.length > 0 && ` · ${alternative.product.supplierArticleNumbers.join(', ')}`}
                        {alternative.contracts.length > 0 && ` · ${alternative.contracts.map((c) => c.number).join(', ')}`}
                      </p>
                      <p class="hit-reason">{alternative.reason}</p>
                    </li>
                  ))}
                </ul>
              )}
              {answer.total > answer.items.length && <p class="muted">{t('alternatives.more', { shown: answer.items.length, total: answer.total })}</p>}
            </>
          )
        }
      </Loaded>
    </section>
  );
}

interface LatestSds {
  total: number;
  revision: SdsRevision | null;
}

function SdsSection({ productId }: { productId: string }) {
  const { t } = useT(messages);
  const state = useAsync<LatestSds>(async (signal) => {
    // Newest first: the first item is the revision in force.
    const list = await api<SdsRevisionPage>(`/products/${productId}/sds?limit=1`, { signal });
    const latest = list.items[0];
    return { total: list.total, revision: latest ? await api<SdsRevision>(`/sds/${latest.id}`, { signal }) : null };
  }, [productId]);
  return (
    <section aria-labelledby="product-sds">
      <h2 id="product-sds">{t('sds.title')}</h2>
      <Loaded state={state}>{({ total, revision }) => (revision ? <SdsFacts revision={revision} total={total} /> : <p>{t('sds.none')}</p>)}</Loaded>
    </section>
  );
}

function SdsFacts({ revision, total }: { revision: SdsRevision; total: number }) {
  const { t, lang } = useT(messages);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<unknown>(undefined);
  const { facts } = revision;
  const none = t('product.none');
  const signal = facts.signalWord.value;
  const signalText = signal === null ? none : t(`signal.${signal}`);
  const identifier = (value: SdsIdentifier | null) => (value === null ? none : value.valid ? value.value : t('sds.invalid', { value: value.value }));

  const fetchPdf = () => {
    setDownloading(true);
    setDownloadError(undefined);
    download(`/sds/${revision.id}/file`, revision.fileName).then(
      () => setDownloading(false),
      (error: unknown) => {
        setDownloadError(error);
        setDownloading(false);
      },
    );
  };

  return (
    <>
      <p class="muted">{t('sds.revision', { number: revision.revisionNumber, total, date: formatDateTime(revision.uploadedAt, lang) })}</p>
      {revision.status === 'needs-ocr' && <p class="notice">{t('sds.needsOcr')}</p>}
      {revision.status === 'needs-review' && (
        <div class="notice">
          {t('sds.needsReview')}
          <ul>
            {facts.reasons.map((reason) => (
              <li key={`${reason.code}-${reason.field ?? ''}`}>{reason.message}</li>
            ))}
          </ul>
        </div>
      )}
      <div class="sds-grid">
        <dl class="facts">
          <dt>{t('sds.productName')}</dt>
          <dd>{facts.productName.value ?? none}</dd>
          <dt>{t('sds.supplierName')}</dt>
          <dd>{facts.supplierName.value ?? none}</dd>
          <dt>{t('sds.revisionDate')}</dt>
          <dd>{formatDay(facts.revisionDate.value, lang)}</dd>
          <dt>{t('sds.version')}</dt>
          <dd>{facts.version.value ?? none}</dd>
          <dt>{t('sds.signalWord')}</dt>
          <dd>
            {facts.signalWord.printed && facts.signalWord.printed.toLowerCase() !== signalText.toLowerCase()
              ? t('sds.signalWordPrinted', { word: signalText, printed: facts.signalWord.printed })
              : signalText}
          </dd>
          <dt>{t('sds.hazardStatements')}</dt>
          <dd>{facts.hazardStatements.length > 0 ? <CodeList codes={facts.hazardStatements.map((c) => c.code)} /> : t('sds.noCodes')}</dd>
          <dt>{t('sds.euhStatements')}</dt>
          <dd>{facts.euhStatements.length > 0 ? <CodeList codes={facts.euhStatements.map((c) => c.code)} /> : t('sds.noCodes')}</dd>
        </dl>
        <div>
          <h3>{t('sds.pictograms')}</h3>
          {facts.pictograms.length === 0 ? (
            <p>{t('sds.noPictograms')}</p>
          ) : (
            <ul class="ghs-list">
              {facts.pictograms.map((pictogram) => (
                <li key={pictogram.code}>
                  <GhsPictogram code={pictogram.code} />
                </li>
              ))}
            </ul>
          )}
        </div>
      </div>
      <h3>{t('sds.composition')}</h3>
      {facts.substances.length === 0 ? (
        <p>{t('sds.noSubstances')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('sds.substance')}</th>
              <th scope="col">{t('sds.cas')}</th>
              <th scope="col">{t('sds.ec')}</th>
              <th scope="col">{t('sds.concentration')}</th>
            </tr>
          </thead>
          <tbody>
            {facts.substances.map((substance, i) => (
              <tr key={`${substance.cas?.value ?? substance.name ?? ''}-${i}`}>
                <td>{substance.name ?? none}</td>
                <td>{identifier(substance.cas)}</td>
                <td>{identifier(substance.ec)}</td>
                <td>{substance.concentration?.text ?? none}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <p>
        <button type="button" onClick={fetchPdf} disabled={downloading}>
          {t('sds.download')}
        </button>
        <span role="status" class="muted">
          {downloading ? t('sds.downloading') : ''}
        </span>
      </p>
      {downloadError !== undefined && <ErrorNotice error={downloadError} onRetry={fetchPdf} />}
    </>
  );
}

function CodeList({ codes }: { codes: string[] }) {
  return (
    <ul class="codes">
      {codes.map((code) => (
        <li key={code}>
          <code>{code}</code>
        </li>
      ))}
    </ul>
  );
}

function DeclarationsSection({ productId }: { productId: string }) {
  const { t, lang } = useT(messages);
  const state = useAsync((signal) => api<DeclarationPage>(`/products/${productId}/declarations?limit=200`, { signal }), [productId]);
  return (
    <section aria-labelledby="product-declarations">
      <h2 id="product-declarations">{t('declarations.title')}</h2>
      <Loaded state={state}>
        {(page) =>
          page.total === 0 ? (
            <p>{t('declarations.none')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('declarations.revision')}</th>
                  <th scope="col">{t('declarations.submitted')}</th>
                  <th scope="col">{t('declarations.declaredAt')}</th>
                  <th scope="col">{t('declarations.format')}</th>
                  <th scope="col">{t('declarations.substances')}</th>
                  <th scope="col">{t('declarations.statements')}</th>
                </tr>
              </thead>
              <tbody>
                {page.items.map((declaration) => (
                  <tr key={declaration.id}>
                    <td>{declaration.revisionNumber}</td>
                    <td>{formatDateTime(declaration.submittedAt, lang)}</td>
                    <td>{formatDay(declaration.summary.declaredAt, lang)}</td>
                    <td>
                      {declaration.format} <span class="muted small">({declaration.fileName})</span>
                    </td>
                    <td>{declaration.summary.substances}</td>
                    <td>{declaration.summary.statements.length > 0 ? declaration.summary.statements.join(', ') : t('product.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loaded>
    </section>
  );
}
