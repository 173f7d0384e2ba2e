// Importing a list file: the upload with its progress, the version it became, and the re-screen of every product the
// new version started, followed until it is done, with the way to the diff against the previous version.
import { useEffect, useRef, useState } from 'preact/hooks';
import { api, query, upload } from '../../api.js';
import { ErrorNotice } from '../../components/ui.js';
import { formatNumber, useT } from '../../i18n/index.js';
import { href } from '../../router.js';
import { expert } from './messages.js';
import type { Job, ListImportResult, ListKind, RegulatoryList } from '../../api-types.js';
import { changeCountsOf, isListKind, LIST_KINDS } from './types.js';

const POLL_MS = 500;

/** A background job, read again about every half second until it has succeeded or failed. */
function useJob(jobId: string | null): { job: Job | null; error: unknown } {
  const [job, setJob] = useState<Job | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  useEffect(() => {
    setJob(null);
    setError(undefined);
    if (jobId === null) return undefined;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        const next = await api<Job>(`/jobs/${jobId}`, { signal: controller.signal });
        if (controller.signal.aborted) return;
        setJob(next);
        if (next.status === 'queued' || next.status === 'running') timer = setTimeout(() => void poll(), POLL_MS);
      } catch (err) {
        if (!controller.signal.aborted) setError(err);
      }
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [jobId]);
  return { job, error };
}

function JobProgress({ jobId, listId, onFinished }: { jobId: string; listId: string; onFinished: () => void }) {
  const { t, lang } = useT(expert);
  const { job, error } = useJob(jobId);
  const finished = job?.status === 'succeeded' || job?.status === 'failed';
  const announced = useRef(false);
  useEffect(() => {
    if (finished && !announced.current) {
      announced.current = true;
      onFinished();
    }
  }, [finished]);

  let text = t('job.queued');
  if (job?.status === 'running') {
    text = job.progress.total === null ? t('job.runningUnknown', { done: formatNumber(job.progress.done, lang) }) : t('job.running', { done: formatNumber(job.progress.done, lang), total: formatNumber(job.progress.total, lang) });
  } else if (job?.status === 'succeeded') {
    const counts = changeCountsOf(job.result);
    text = counts
      ? t('job.succeeded', {
          screened: formatNumber(counts.productsScreened, lang),
          raised: formatNumber(counts.raised, lang),
          resolved: formatNumber(counts.resolved, lang),
          severityChanged: formatNumber(counts.severityChanged, lang),
          reopened: formatNumber(counts.reopened, lang),
        })
      : t('job.succeededPlain');
  } else if (job?.status === 'failed') text = t('job.failed', { error: job.error ?? '' });

  const total = job?.progress.total ?? null;
  return (
    <div class="job">
      <h3 id="job-title">{t('job.title')}</h3>
      <label for="job-progress">{t('job.progress')}</label>
      {/* Without a total (queued, or counting) the bar is indeterminate rather than stuck at zero. */}
      {job?.status === 'succeeded' ? (
        <progress id="job-progress" value={1} max={1} />
      ) : total !== null && total > 0 ? (
        <progress id="job-progress" value={job?.progress.done ?? 0} max={total} />
      ) : (
        <progress id="job-progress" />
      )}
      <p role="status" class={job?.status === 'failed' ? 'notice error' : job?.status === 'succeeded' ? 'notice ok' : 'notice'}>
        {text}
      </p>
      {error !== undefined && <ErrorNotice error={error} />}
      {job?.status === 'succeeded' && (
        <p>
          <a href={href('/review', { listId })}>{t('job.seeFindings')}</a>
        </p>
      )}
    </div>
  );
}

export function ImportForm({ lists, onImported }: { lists: readonly RegulatoryList[]; onImported: () => void }) {
  const { t, lang } = useT(expert);
  const [file, setFile] = useState<File | null>(null);
  const [listId, setListId] = useState('');
  const [name, setName] = useState('');
  const [kind, setKind] = useState<ListKind | ''>('');
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<unknown>(undefined);
  const [result, setResult] = useState<ListImportResult | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  async function submit(event: Event) {
    event.preventDefault();
    if (!file) return;
    setError(undefined);
    setResult(null);
    setProgress(0);
    const form = new FormData();
    form.append('file', file, file.name);
    try {
      const imported = await upload<ListImportResult>(`/lists/import${query({ listId: listId.trim(), name: name.trim(), kind })}`, form, setProgress);
      setResult(imported);
      setFile(null);
      if (fileInput.current) fileInput.current.value = '';
      onImported();
    } catch (err) {
      setError(err);
    } finally {
      setProgress(null);
    }
  }

  const listName = (id: string) => lists.find((l) => l.id === id)?.name ?? id;
  const version = result?.version;
  return (
    <section aria-labelledby="import-title" class="import">
      <h2 id="import-title">{t('import.title')}</h2>
      <p class="muted">{t('import.help')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label for="import-file">{t('import.file')}</label>
        <input id="import-file" ref={fileInput} type="file" accept=".xlsx,.csv,.json,.txt" onChange={(e) => setFile(e.currentTarget.files?.[0] ?? null)} />
        <div class="filters">
          <div>
            <label for="import-list-id">{t('import.listId')}</label>
            <input id="import-list-id" type="text" value={listId} aria-describedby="import-list-id-hint" onInput={(e) => setListId(e.currentTarget.value)} />
            <span id="import-list-id-hint" class="muted hint">
              {t('import.listIdHint')}
            </span>
          </div>
          <div>
            <label for="import-name">{t('import.name')}</label>
            <input id="import-name" type="text" value={name} onInput={(e) => setName(e.currentTarget.value)} />
          </div>
          <div>
            <label for="import-kind">{t('import.kind')}</label>
            <select id="import-kind" value={kind} onChange={(e) => {
                const value = e.currentTarget.value;
                setKind(isListKind(value) ? value : '');
              }}>
              <option value="">{t('import.kindFromFile')}</option>
              {LIST_KINDS.map((k) => (
                <option key={k} value={k}>
                  {t(`kind.${k}`)}
                </option>
              ))}
            </select>
          </div>
        </div>
        <button type="submit" disabled={file === null || progress !== null}>
          {progress !== null ? t('import.uploading') : t('import.submit')}
        </button>
        {progress !== null && (
          <div>
            <label for="import-progress">{t('import.upload')}</label>
            <progress id="import-progress" value={progress} max={1} />
            <span role="status">{t('import.uploadProgress', { percent: Math.round(progress * 100) })}</span>
          </div>
        )}
      </form>
      {error !== undefined && <ErrorNotice error={error} />}
      {version && result && (
        <div class="import-result">
          <p class="notice ok" role="status">
            {result.created
              ? t('import.created', { version: version.version, name: listName(version.listId), entries: formatNumber(version.entryCount, lang), rows: formatNumber(version.rowCount, lang) })
              : t('import.existing', { version: version.version, name: listName(version.listId) })}
          </p>
          {version.warnings.length > 0 && (
            <details>
              <summary>{t('import.warnings', { count: version.warnings.length })}</summary>
              <ul>
                {version.warnings.map((w, i) => (
                  <li key={i}>
                    {w.row !== null && `#${w.row} `}
                    {w.field !== null && <code>{w.field}</code>} {w.message}
                  </li>
                ))}
              </ul>
            </details>
          )}
          <ul class="plain links">
            {version.version > 1 && (
              <li>
                <a href={href(`/lists/${version.listId}`, { from: version.version - 1, to: version.version })}>{t('import.showDiff', { from: version.version - 1, to: version.version })}</a>
              </li>
            )}
            <li>
              <a href={href(`/lists/${version.listId}`)}>{t('import.openList')}</a>
            </li>
          </ul>
          {result.rescreenJobId !== null && <JobProgress key={result.rescreenJobId} jobId={result.rescreenJobId} listId={version.listId} onFinished={onImported} />}
        </div>
      )}
    </section>
  );
}
