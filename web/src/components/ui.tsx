// Small pieces every page uses: loading data, showing an API error with its code and fields, severity badges, paging.
import type { ComponentChildren } from 'preact';
import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { common } from '../i18n/common.js';
import { useT } from '../i18n/index.js';

export type Severity = 'red' | 'orange' | 'yellow' | 'info';

export interface Async<T> {
  data: T | undefined;
  error: unknown;
  loading: boolean;
  reload: () => void;
}

/** Loads with `load` whenever a dependency changes; an answer that arrives after a newer request is ignored. */
export function useAsync<T>(load: (signal: AbortSignal) => Promise<T>, deps: readonly unknown[]): Async<T> {
  const [state, setState] = useState<{ data: T | undefined; error: unknown; loading: boolean }>({ data: undefined, error: undefined, loading: true });
  const [round, setRound] = useState(0);
  useEffect(() => {
    const controller = new AbortController();
    setState((before) => ({ ...before, loading: true, error: undefined }));
    load(controller.signal).then(
      (data) => {
        if (!controller.signal.aborted) setState({ data, error: undefined, loading: false });
      },
      (error: unknown) => {
        if (!controller.signal.aborted) setState({ data: undefined, error, loading: false });
      },
    );
    return () => controller.abort();
    // The caller lists what the load depends on.
  }, [...deps, round]);
  const reload = useCallback(() => setRound((n) => n + 1), []);
  return { ...state, reload };
}

export function Loading() {
  const { t } = useT(common);
  return <p class="loading" role="status">{t('loading')}</p>;
}

/** An error as the API gave it: the message, the stable code and each offending field. */
export function ErrorNotice({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useT(common);
  const apiError = error instanceof ApiError ? error : null;
  const message = apiError?.message ?? (error instanceof Error ? error.message : String(error));
  return (
    <div class="notice error" role="alert">
      <strong>{t('errorTitle')}</strong>: {message}
      {apiError && <code class="code"> {apiError.code}</code>}
      {apiError && apiError.issues.length > 0 && (
        <ul>
          {apiError.issues.map((issue) => (
            <li key={issue.path}>
              <code>{issue.path}</code>: {issue.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          {t('retry')}
        </button>
      )}
    </div>
  );
}

/** Renders the loaded data, or the loading state, or the error. */
export function Loaded<T>({ state, children }: { state: Async<T>; children: (data: T) => ComponentChildren }) {
  if (state.error !== undefined) return <ErrorNotice error={state.error} onRetry={state.reload} />;
  if (state.data === undefined) return <Loading />;
  return <>{children(state.data)}</>;
}

/** A severity as a coloured badge with its name in words (colour is never the only signal). */
export function SeverityBadge({ severity }: { severity: Severity | null }) {
  const { t } = useT(common);
  if (severity === null) return <span class="badge badge-none">{t('severity.none')}</span>;
  return <span class={`badge badge-${severity}`}>{t(`severity.${severity}`)}</span>;
}

export function Pager({ total, limit, offset, onOffset }: { total: number; limit: number; offset: number; onOffset: (offset: number) => void }) {
  const { t } = useT(common);
  if (total <= limit && offset === 0) return null;
  return (
    <nav class="pager" aria-label="pages">
      <button type="button" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
        {t('previous')}
      </button>
      <span>{t('pageOf', { from: total === 0 ? 0 : offset + 1, to: Math.min(total, offset + limit), total })}</span>
      <button type="button" disabled={offset + limit >= total} onClick={() => onOffset(offset + limit)}>
        {t('next')}
      </button>
    </nav>
  );
}

/** A page's heading, focused when the page opens so that screen readers announce it. */
export function PageTitle({ children }: { children: ComponentChildren }) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus({ preventScroll: true }), []);
  return (
    <h1 tabIndex={-1} ref={heading}>
      {children}
    </h1>
  );
}
