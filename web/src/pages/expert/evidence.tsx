// A finding's evidence: for an SDS, the page the quote was read from, drawn with pdf.js, with the quote's words
// highlighted over the drawing; for a declaration, the quoted row. The quote is always shown as text too, so the page
// stays usable (and readable by a screen reader) when the PDF cannot be drawn.
import type { ComponentChildren } from 'preact';
import { useEffect, useRef, useState } from 'preact/hooks';
import type { PageViewport } from 'pdfjs-dist';
import type { TextItem } from 'pdfjs-dist/types/src/display/api.js';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { download, fetchBytes } from '../../api.js';
import { ErrorNotice } from '../../components/ui.js';
import { useT } from '../../i18n/index.js';
import { runsMatching } from './highlight.js';
import { expert } from './messages.js';
import type { Finding } from '../../api-types.js';

type Evidence = NonNullable<Finding['evidence']>;

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

type Drawing = { phase: 'drawing' } | { phase: 'drawn'; width: number; height: number; rects: Rect[] } | { phase: 'failed'; message: string };

/** The box a text run covers on the drawn page, in CSS pixels from its top left corner. */
function boxOf(item: TextItem, viewport: PageViewport, transform: (m1: number[], m2: number[]) => number[]): Rect {
  const [, , c = 0, d = 0, e = 0, f = 0] = transform(viewport.transform, item.transform as number[]);
  const fontHeight = Math.hypot(c, d);
  // f is the baseline: the box reaches up over the ascenders and a little below for descenders.
  return { x: e - 2, y: f - fontHeight * 0.95, width: item.width * viewport.scale + 4, height: fontHeight * 1.25 };
}

const isTextItem = (item: object): item is TextItem => 'str' in item;

/** Words of the quote that identify the substance, marked in the quoted text as on the page. */
function markTerms(quote: string, terms: ReadonlyArray<string | null>): ComponentChildren[] {
  const wanted = terms.filter((term): term is string => term !== null && term.length >= 3).map((term) => term.toLowerCase());
  const lower = quote.toLowerCase();
  const spans: Array<[number, number]> = [];
  for (const term of wanted) {
    for (let at = lower.indexOf(term); at >= 0; at = lower.indexOf(term, at + term.length)) spans.push([at, at + term.length]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const out: ComponentChildren[] = [];
  let from = 0;
  for (const [start, end] of spans) {
    if (start < from) continue;
    out.push(quote.slice(from, start), <mark key={start}>{quote.slice(start, end)}</mark>);
    from = end;
  }
  out.push(quote.slice(from));
  return out;
}

function Quote({ evidence, terms }: { evidence: Evidence; terms: ReadonlyArray<string | null> }) {
  const { t } = useT(expert);
  return (
    <figure class="quote">
      <figcaption>{t('finding.quote')}</figcaption>
      <blockquote>{markTerms(evidence.quote, terms)}</blockquote>
    </figure>
  );
}

function SdsPage({ documentId, page, quote }: { documentId: string; page: number; quote: string }) {
  const { t } = useT(expert);
  const frame = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const [drawing, setDrawing] = useState<Drawing>({ phase: 'drawing' });

  useEffect(() => {
    let cancelled = false;
    let destroy: (() => Promise<void>) | undefined;
    setDrawing({ phase: 'drawing' });
    (async () => {
      // pdf.js is large: it is loaded only when a page is to be drawn, not with the rest of the interface.
      const pdfjs = await import('pdfjs-dist');
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl;
      const bytes = await fetchBytes(`/sds/${documentId}/file`);
      // No eval: the server's content security policy forbids it (helmet's default script-src 'self').
      const task = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: pdfjs.VerbosityLevel.ERRORS });
      destroy = () => task.destroy();
      const doc = await task.promise;
      const pdfPage = await doc.getPage(page);
      const natural = pdfPage.getViewport({ scale: 1 });
      const room = frame.current?.parentElement?.clientWidth ?? natural.width;
      const viewport = pdfPage.getViewport({ scale: Math.min(1.5, Math.max(0.5, room / natural.width)) });
      const target = canvas.current;
      if (cancelled || !target) return;
      // Drawn at the screen's pixel density, shown at the page's size in CSS pixels.
      const density = window.devicePixelRatio || 1;
      target.width = Math.floor(viewport.width * density);
      target.height = Math.floor(viewport.height * density);
      target.style.width = `${viewport.width}px`;
      target.style.height = `${viewport.height}px`;
      await pdfPage.render({ canvas: target, viewport, ...(density === 1 ? {} : { transform: [density, 0, 0, density, 0, 0] }) }).promise;
      const items = (await pdfPage.getTextContent()).items.filter(isTextItem);
      const rects = runsMatching(items.map((item) => item.str), quote).map((i) => boxOf(items[i]!, viewport, (m1, m2) => pdfjs.Util.transform(m1, m2) as number[]));
      if (!cancelled) setDrawing({ phase: 'drawn', width: viewport.width, height: viewport.height, rects });
    })().catch((err: unknown) => {
      if (!cancelled) setDrawing({ phase: 'failed', message: (err instanceof Error ? err.message : String(err)).replace(/\.+$/u, '') });
    });
    return () => {
      cancelled = true;
      void destroy?.();
    };
  }, [documentId, page, quote]);

  const alt = t('finding.pageAlt', { page });
  return (
    <>
      {drawing.phase === 'failed' && (
        <p class="notice error" role="alert">
          {t('finding.renderFailed', { message: drawing.message })}
        </p>
      )}
      <figure class="sds-page" hidden={drawing.phase === 'failed'}>
        <figcaption>
          {t('finding.sdsPage', { page })}
          <span role="status" class="muted">
            {' '}
            {drawing.phase === 'drawing' ? t('finding.rendering') : drawing.phase === 'drawn' ? (drawing.rects.length > 0 ? t('finding.highlighted', { count: drawing.rects.length }) : t('finding.notFoundOnPage')) : ''}
          </span>
        </figcaption>
        <div class="pdf-frame" ref={frame}>
          <canvas ref={canvas} role="img" aria-label={alt} />
          {drawing.phase === 'drawn' && (
            <svg class="highlights" aria-hidden="true" width={drawing.width} height={drawing.height} viewBox={`0 0 ${drawing.width} ${drawing.height}`}>
              {drawing.rects.map((r, i) => (
                <rect key={i} x={r.x} y={r.y} width={r.width} height={r.height} rx="2" />
              ))}
            </svg>
          )}
        </div>
      </figure>
    </>
  );
}

export function EvidenceView({ evidence, terms }: { evidence: Evidence | null; terms: ReadonlyArray<string | null> }) {
  const { t } = useT(expert);
  const [error, setError] = useState<unknown>(undefined);
  if (evidence === null) return <p class="notice">{t('finding.noEvidence')}</p>;
  const isSds = evidence.source === 'sds';
  const fetchFile = () => {
    setError(undefined);
    const path = isSds ? `/sds/${evidence.documentId}/file` : `/declarations/${evidence.documentId}/file`;
    download(path, isSds ? 'sds.pdf' : 'declaration').catch(setError);
  };
  return (
    <div class="evidence">
      {isSds && evidence.page !== null ? <SdsPage documentId={evidence.documentId} page={evidence.page} quote={evidence.quote} /> : !isSds && <p class="muted">{t('finding.declarationEvidence')}</p>}
      <Quote evidence={evidence} terms={terms} />
      <button type="button" class="secondary" onClick={fetchFile}>
        {isSds ? t('finding.downloadSds') : t('finding.downloadDeclaration')}
      </button>
      {error !== undefined && <ErrorNotice error={error} />}
    </div>
  );
}
