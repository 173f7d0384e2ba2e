// Upload (issue 8): a safety data sheet or a declaration for one product, with upload progress, then the facts chemreg
// read from the file for the supplier to check, and what screening found for the product right after.
//
// The API stores an upload as a new revision at once and has no step to confirm or correct the facts it read: a
// revision never changes. So "these facts are wrong" can only mean "upload a corrected file", which becomes the next
// revision; the page says so rather than pretending to a confirmation the API does not keep.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, upload } from '../../api.js';
import { ErrorNotice, Loaded, PageTitle, useAsync } from '../../components/ui.js';
import { formatDate, useT } from '../../i18n/index.js';
import { href } from '../../router.js';
import { DeclarationView, ScreeningResult, SdsFactsView } from './facts.js';
import { formatPercent, messages } from './messages.js';
import type { DeclarationRequest, DeclarationRevision, Product, SdsRevision } from '../../api-types.js';
import './supplier.css';

type Kind = 'sds' | 'declaration';
type Result = { kind: 'sds'; revision: SdsRevision } | { kind: 'declaration'; revision: DeclarationRevision };
type Phase =
  | { name: 'idle' }
  | { name: 'sending'; fraction: number }
  | { name: 'failed'; fraction: number; error: unknown }
  | { name: 'done'; result: Result };

const ACCEPT: Record<Kind, string> = {
  sds: '.pdf,application/pdf',
  declaration: '.json,.xml,application/json,application/xml,text/xml',
};

export function UploadPage({ productId, query }: { productId: string; query: URLSearchParams }) {
  const { t } = useT(messages);
  const product = useAsync((signal) => api<Product>(`/products/${encodeURIComponent(productId)}`, { signal }), [productId]);
  return (
    <div class="supplier">
      <p>
        <a href={href('/my/products')}>{t('upload.back')}</a>
      </p>
      <Loaded state={product}>{(p) => <Uploader key={p.id} product={p} requestId={query.get('request')} initialKind={query.get('kind') === 'declaration' ? 'declaration' : 'sds'} />}</Loaded>
    </div>
  );
}

function Uploader({ product, requestId, initialKind }: { product: Product; requestId: string | null; initialKind: Kind }) {
  const { t, lang } = useT(messages);
  const [kind, setKind] = useState<Kind>(initialKind);
  const [file, setFile] = useState<File | null>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const [confirmed, setConfirmed] = useState(false);
  const fileInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const resultShown = phase.name === 'done';

  // The facts appear below the form: focus moves to them so that keyboard and screen reader users land there.
  useEffect(() => {
    if (resultShown) resultHeading.current?.focus();
  }, [resultShown]);

  function chooseKind(next: Kind) {
    setKind(next);
    // A file picked for the other kind would be refused: the choice starts over.
    setFile(null);
    if (fileInput.current) fileInput.current.value = '';
  }

  async function send(event: Event) {
    event.preventDefault();
    if (!file) return;
    const form = new FormData();
    form.append('file', file, file.name);
    setConfirmed(false);
    setPhase({ name: 'sending', fraction: 0 });
    let fraction = 0;
    const base = `/products/${encodeURIComponent(product.id)}`;
    const progress = (f: number) => {
      fraction = f;
      setPhase({ name: 'sending', fraction: f });
    };
    try {
      // Each kind has its own endpoint and answer: the result is typed by the request that was made.
      const result: Result =
        kind === 'sds'
          ? { kind, revision: await upload<SdsRevision>(`${base}/sds`, form, progress) }
          : { kind, revision: await upload<DeclarationRevision>(`${base}/declarations`, form, progress) };
      setPhase({ name: 'done', result });
    } catch (error) {
      setPhase({ name: 'failed', fraction, error });
    }
  }

  function uploadCorrected() {
    setPhase({ name: 'idle' });
    setConfirmed(false);
    setFile(null);
    if (fileInput.current) {
      fileInput.current.value = '';
      fileInput.current.focus();
    }
  }

  const fraction = phase.name === 'sending' || phase.name === 'failed' ? phase.fraction : phase.name === 'done' ? 1 : 0;
  const percent = formatPercent(fraction, lang);
  const statusText =
    phase.name === 'sending'
      ? fraction < 1
        ? t('upload.sending', { percent })
        : t('upload.reading', { percent })
      : phase.name === 'done'
        ? t('upload.done', { percent })
        : phase.name === 'failed'
          ? t('upload.failed')
          : '';

  return (
    <>
      <PageTitle>{t('upload.title', { name: product.name })}</PageTitle>
      <p>{t('upload.intro')}</p>
      {requestId !== null && <RequestContext id={requestId} />}
      <section>
        <form onSubmit={(e) => void send(e)}>
          <fieldset>
            <legend>{t('upload.what')}</legend>
            {(['sds', 'declaration'] as const).map((k) => (
              <label key={k}>
                <input type="radio" name="kind" value={k} checked={kind === k} onChange={() => chooseKind(k)} disabled={phase.name === 'sending'} />
                {t(`upload.kind.${k}`)}
              </label>
            ))}
          </fieldset>
          <label for="upload-file">{t(`upload.file.${kind}`)}</label>
          <p class="hint" id="upload-file-hint">
            {t(`upload.hint.${kind}`)}
          </p>
          <input
            id="upload-file"
            ref={fileInput}
            type="file"
            accept={ACCEPT[kind]}
            aria-describedby="upload-file-hint"
            disabled={phase.name === 'sending'}
            onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)}
          />
          <button type="submit" disabled={file === null || phase.name === 'sending'}>
            {t('upload.submit')}
          </button>
        </form>
        <div class="progress">
          {phase.name !== 'idle' && (
            <>
              <label for="upload-progress">{t('upload.progressLabel')}</label>
              <progress id="upload-progress" max={100} value={Math.round(fraction * 100)}>
                {percent}
              </progress>
            </>
          )}
          {/* In the page from the start: a live region added together with its text is often not announced. */}
          <p role="status">{statusText}</p>
        </div>
        {phase.name === 'failed' && <ErrorNotice error={phase.error} />}
      </section>

      {phase.name === 'done' && (
        <>
          {phase.result.kind === 'sds' ? (
            <SdsFactsView revision={phase.result.revision} productName={product.name} headingRef={resultHeading} />
          ) : (
            <DeclarationView revision={phase.result.revision} headingRef={resultHeading} />
          )}
          <ScreeningResult productId={product.id} documentId={phase.result.revision.id} kind={phase.result.kind} />
          <section aria-labelledby="confirm-heading">
            <h2 id="confirm-heading">{t('confirm.title')}</h2>
            <p>{t('confirm.text', { n: phase.result.revision.revisionNumber })}</p>
            {confirmed ? (
              <div class="notice ok" role="status">
                <p>{t('confirm.thanks')}</p>
                <p class="choice">
                  <a href={href('/my/products')}>{t('confirm.toProducts')}</a>
                  <a href={href('/my/findings')}>{t('confirm.toFindings')}</a>
                </p>
              </div>
            ) : (
              <div class="choice">
                <button type="button" onClick={() => setConfirmed(true)}>
                  {t('confirm.yes')}
                </button>
                <button type="button" class="secondary" onClick={uploadCorrected}>
                  {t('confirm.no')}
                </button>
              </div>
            )}
          </section>
        </>
      )}
    </>
  );
}

/** The declaration request this upload answers, when the supplier came from one. */
function RequestContext({ id }: { id: string }) {
  const { t, lang } = useT(messages);
  const request = useAsync((signal) => api<DeclarationRequest>(`/declaration-requests/${encodeURIComponent(id)}`, { signal }), [id]);
  if (!request.data) return null;
  return (
    <p class="notice">
      {t('upload.request', { date: formatDate(request.data.dueDate, lang) })}
      {request.data.message && (
        <>
          {' '}
          <q>{request.data.message}</q>
        </>
      )}
    </p>
  );
}
