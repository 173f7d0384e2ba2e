// The lists (#/lists): every list with its latest version, and the import of a new version. One list (#/lists/<id>):
// its versions, what changed between two of them, and a version's entries. The versions compared, the version shown,
// the search and the page are in the address (?from=&to=&version=&q=&offset=).
import { useEffect, useState } from 'preact/hooks';
import { api, query as queryString } from '../../api.js';
import { Loaded, Pager, PageTitle, useAsync } from '../../components/ui.js';
import { formatDate, formatDateTime, formatNumber, useT } from '../../i18n/index.js';
import { href, navigate } from '../../router.js';
import { ImportForm } from './import.js';
import { expert } from './messages.js';
import { limitText, type T } from './shared.js';
import type { ListEntryPage, ListPage as ListsAnswer, ListVersionDiff, ListVersionPage, RegulatoryList } from '../../api-types.js';

export function ListsPage() {
  const { t, lang } = useT(expert);
  const lists = useAsync((signal) => api<ListsAnswer>('/lists?limit=200', { signal }), []);

  return (
    <div class="expert lists">
      <PageTitle>{t('lists.title')}</PageTitle>
      <p class="muted">{t('lists.intro')}</p>
      <section aria-labelledby="lists-table">
        <h2 id="lists-table" class="visually-hidden">
          {t('lists.caption')}
        </h2>
        <Loaded state={lists}>
          {(page) =>
            page.items.length === 0 ? (
              <p class="notice">{t('lists.none')}</p>
            ) : (
              <div class="table-scroll">
                <table>
                  <caption>{t('lists.caption')}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('lists.name')}</th>
                      <th scope="col">{t('lists.kind')}</th>
                      <th scope="col">{t('lists.latest')}</th>
                      <th scope="col">{t('lists.listDate')}</th>
                      <th scope="col" class="number">
                        {t('lists.entries')}
                      </th>
                      <th scope="col" class="number">
                        {t('lists.rows')}
                      </th>
                      <th scope="col">{t('lists.imported')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((l) => (
                      <tr key={l.id}>
                        <td>
                          <a href={href(`/lists/${l.id}`)}>{l.name}</a>
                          <div class="muted">
                            <code>{l.id}</code>
                          </div>
                        </td>
                        <td>{t(`kind.${l.kind}`)}</td>
                        <td>{l.latestVersion ? `${l.latestVersion.version} / ${l.versionCount}` : t('lists.noVersion')}</td>
                        <td>{formatDate(l.latestVersion?.listDate ?? null, lang)}</td>
                        <td class="number">{l.latestVersion ? formatNumber(l.latestVersion.entryCount, lang) : '–'}</td>
                        <td class="number">{l.latestVersion ? formatNumber(l.latestVersion.rowCount, lang) : '–'}</td>
                        <td>{l.latestVersion ? `${formatDateTime(l.latestVersion.importedAt, lang)} · ${t(`origin.${l.latestVersion.origin}`)}` : '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )
          }
        </Loaded>
      </section>
      <ImportForm lists={lists.data?.items ?? []} onImported={lists.reload} />
    </div>
  );
}

const ENTRY_LIMIT = 50;

function show(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.length === 0 ? '–' : value.join(', ');
  return JSON.stringify(value);
}

function Diff({ listId, from, to, t }: { listId: string; from: number; to: number; t: T }) {
  const diff = useAsync((signal) => api<ListVersionDiff>(`/lists/${encodeURIComponent(listId)}/versions/${from}/diff/${to}`, { signal }), [listId, from, to]);
  const entryList = (entries: ReadonlyArray<{ key: string; name: string }>) =>
    entries.length === 0 ? (
      <p class="muted">{t('diff.noneOfKind')}</p>
    ) : (
      <ul>
        {entries.map((e) => (
          <li key={e.key}>
            {e.name} {e.key !== e.name && <code>{e.key}</code>}
          </li>
        ))}
      </ul>
    );
  return (
    <Loaded state={diff}>
      {(d) => (
        <div class="diff">
          <p role="status">{t('diff.summary', { from: d.from, to: d.to, added: d.added.length, removed: d.removed.length, changed: d.changed.length })}</p>
          <div class="diff-columns">
            <section aria-labelledby="diff-added" class="diff-added">
              <h3 id="diff-added">{t('diff.added', { count: d.added.length })}</h3>
              {entryList(d.added)}
            </section>
            <section aria-labelledby="diff-removed" class="diff-removed">
              <h3 id="diff-removed">{t('diff.removed', { count: d.removed.length })}</h3>
              {entryList(d.removed)}
            </section>
          </div>
          <section aria-labelledby="diff-changed">
            <h3 id="diff-changed">{t('diff.changed', { count: d.changed.length })}</h3>
            {d.changed.length === 0 ? (
              <p class="muted">{t('diff.noneOfKind')}</p>
            ) : (
              d.changed.map((entry) => (
                <div class="table-scroll" key={entry.key}>
                  <table>
                    <caption>
                      {entry.name} <code>{entry.key}</code>
                    </caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('diff.field')}</th>
                        <th scope="col">{t('diff.before')}</th>
                        <th scope="col">{t('diff.after')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {entry.fields.map((f) => (
                        <tr key={f.field}>
                          <th scope="row">
                            <code>{f.field}</code>
                          </th>
                          <td>
                            <del>{show(f.before)}</del>
                          </td>
                          <td>
                            <ins>{show(f.after)}</ins>
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              ))
            )}
          </section>
        </div>
      )}
    </Loaded>
  );
}

function Entries({ listId, version, q, offset, onChange, t }: { listId: string; version: number; q: string; offset: number; onChange: (params: { q?: string; offset?: number }) => void; t: T }) {
  const { lang } = useT(expert);
  const [text, setText] = useState(q);
  useEffect(() => setText(q), [q]);
  const entries = useAsync(
    (signal) => api<ListEntryPage>(`/lists/${encodeURIComponent(listId)}/versions/${version}/entries${queryString({ q, limit: ENTRY_LIMIT, offset })}`, { signal }),
    [listId, version, q, offset],
  );
  return (
    <>
      <form
        class="filters"
        role="search"
        aria-label={t('entries.search')}
        onSubmit={(e) => {
          e.preventDefault();
          onChange({ q: text.trim(), offset: 0 });
        }}
      >
        <div>
          <label for="entries-q">{t('entries.search')}</label>
          <input id="entries-q" type="search" value={text} aria-describedby="entries-q-hint" onInput={(e) => setText(e.currentTarget.value)} />
          <span id="entries-q-hint" class="muted hint">
            {t('entries.searchHint')}
          </span>
        </div>
        <div>
          <button type="submit">{t('entries.submit')}</button>
        </div>
      </form>
      <Loaded state={entries}>
        {(page) =>
          page.items.length === 0 ? (
            <p class="notice">{t('entries.none')}</p>
          ) : (
            <>
              <div class="table-scroll">
                <table>
                  <caption>{t('entries.caption', { version, total: formatNumber(page.total, lang) })}</caption>
                  <thead>
                    <tr>
                      <th scope="col">{t('entries.name')}</th>
                      <th scope="col">{t('entries.key')}</th>
                      <th scope="col">{t('entries.cas')}</th>
                      <th scope="col">{t('entries.ec')}</th>
                      <th scope="col">{t('entries.reasons')}</th>
                      <th scope="col">{t('entries.limit')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {page.items.map((e) => (
                      <tr key={e.key}>
                        <td>
                          {e.name}
                          {e.group && <span class="tag">{t('entries.group')}</span>}
                          {e.upcoming && <span class="tag">{t('entries.upcoming')}</span>}
                        </td>
                        <td>
                          <code>{e.key}</code>
                        </td>
                        <td>{e.cas.join(', ') || '–'}</td>
                        <td>{e.ec.join(', ') || '–'}</td>
                        <td>{e.reasons.join('; ') || '–'}</td>
                        <td>{e.limit ? `${limitText(e.limit, lang)} (${e.limit.basis})` : '–'}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <Pager total={page.total} limit={ENTRY_LIMIT} offset={offset} onOffset={(next) => onChange({ offset: next })} />
            </>
          )
        }
      </Loaded>
    </>
  );
}

function versionNumber(value: string | null): number | undefined {
  const n = Number(value);
  return value !== null && Number.isInteger(n) && n >= 1 ? n : undefined;
}

export function ListPage({ id, query }: { id: string; query: URLSearchParams }) {
  const { t, lang } = useT(expert);
  const state = useAsync(
    (signal) =>
      Promise.all([
        api<RegulatoryList>(`/lists/${encodeURIComponent(id)}`, { signal }),
        api<ListVersionPage>(`/lists/${encodeURIComponent(id)}/versions?limit=200`, { signal }),
      ]).then(([list, versions]) => ({ list, versions: versions.items })),
    [id],
  );
  const params: Record<string, string | number | undefined> = Object.fromEntries(query);
  const set = (change: Record<string, string | number | undefined>) => navigate(`/lists/${id}`, { ...params, ...change }, { replace: true });

  return (
    <div class="expert list">
      <Loaded state={state}>
        {({ list, versions }) => {
          const latest = versions[0]?.version;
          // Unless the address says otherwise: the latest version against the one before it.
          const to = versionNumber(query.get('to')) ?? latest;
          const from = versionNumber(query.get('from')) ?? (to !== undefined && to > 1 ? to - 1 : undefined);
          const shown = versionNumber(query.get('version')) ?? latest;
          const offset = Math.max(0, Number(query.get('offset') ?? 0) || 0);
          const versionSelect = (name: string, label: string, value: number | undefined, onPick: (v: number) => void) => (
            <div>
              <label for={`version-${name}`}>{label}</label>
              <select id={`version-${name}`} value={value === undefined ? '' : String(value)} onChange={(e) => onPick(Number(e.currentTarget.value))}>
                {versions.map((v) => (
                  <option key={v.version} value={String(v.version)}>
                    {v.version}
                    {v.listDate ? ` (${formatDate(v.listDate, lang)})` : ''}
                  </option>
                ))}
              </select>
            </div>
          );
          return (
            <>
              <PageTitle>{t('list.title', { name: list.name })}</PageTitle>
              <dl class="facts">
                <dt>{t('list.id')}</dt>
                <dd>
                  <code>{list.id}</code>
                </dd>
                <dt>{t('lists.kind')}</dt>
                <dd>{t(`kind.${list.kind}`)}</dd>
              </dl>
              <section aria-labelledby="list-versions">
                <h2 id="list-versions">{t('list.versions')}</h2>
                <div class="table-scroll">
                  <table>
                    <caption class="visually-hidden">{t('list.versionsCaption')}</caption>
                    <thead>
                      <tr>
                        <th scope="col">{t('list.version')}</th>
                        <th scope="col">{t('lists.listDate')}</th>
                        <th scope="col" class="number">
                          {t('lists.entries')}
                        </th>
                        <th scope="col" class="number">
                          {t('lists.rows')}
                        </th>
                        <th scope="col">{t('list.file')}</th>
                        <th scope="col">{t('list.format')}</th>
                        <th scope="col">{t('list.origin')}</th>
                        <th scope="col" class="number">
                          {t('list.warnings')}
                        </th>
                        <th scope="col">{t('list.importedBy')}</th>
                      </tr>
                    </thead>
                    <tbody>
                      {versions.map((v) => (
                        <tr key={v.version}>
                          <td>{v.version}</td>
                          <td>{formatDate(v.listDate, lang)}</td>
                          <td class="number">{formatNumber(v.entryCount, lang)}</td>
                          <td class="number">{formatNumber(v.rowCount, lang)}</td>
                          <td>{v.source.fileName}</td>
                          <td>
                            <code>{v.format}</code>
                          </td>
                          <td>{t(`origin.${v.origin}`)}</td>
                          <td class="number">{v.warnings.length}</td>
                          <td>
                            {v.importedBy.tokenName} · {formatDateTime(v.importedAt, lang)}
                          </td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </div>
              </section>
              <section aria-labelledby="list-diff">
                <h2 id="list-diff">{t('diff.title')}</h2>
                {versions.length < 2 ? (
                  <p class="muted">{t('diff.onlyOne')}</p>
                ) : (
                  <>
                    <form class="filters" aria-label={t('diff.title')} onSubmit={(e) => e.preventDefault()}>
                      {versionSelect('from', t('diff.from'), from, (v) => set({ from: v }))}
                      {versionSelect('to', t('diff.to'), to, (v) => set({ to: v }))}
                    </form>
                    {from !== undefined && to !== undefined && from !== to ? <Diff listId={id} from={from} to={to} t={t} /> : <p class="muted">{t('diff.same')}</p>}
                  </>
                )}
              </section>
              <section aria-labelledby="list-entries">
                <h2 id="list-entries">{t('entries.title')}</h2>
                {shown === undefined ? (
                  <p class="muted">{t('lists.noVersion')}</p>
                ) : (
                  <>
                    <form class="filters" aria-label={t('entries.version')} onSubmit={(e) => e.preventDefault()}>
                      {versionSelect('shown', t('entries.version'), shown, (v) => set({ version: v, offset: undefined }))}
                    </form>
                    <Entries
                      listId={id}
                      version={shown}
                      q={query.get('q') ?? ''}
                      offset={offset}
                      t={t}
                      onChange={(change) => set({ ...('q' in change ? { q: change.q } : {}), offset: change.offset || undefined })}
                    />
                  </>
                )}
              </section>
            </>
          );
        }}
      </Loaded>
    </div>
  );
}
