// The expert's decision on a finding: only the actions the API allows the signed-in role from the finding's status (the
// server's own table, src/findings/finding-transitions.ts, imported as it is), a comment, and an end date for an
// exception. The API checks the rest (a reason for a dismissal or an exception): its refusal is shown as it gave it,
// with the field in error marked at the field too.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from '../../api.js';
import { ErrorNotice } from '../../components/ui.js';
import { useT } from '../../i18n/index.js';
import { TRANSITIONS } from '../../../../src/findings/finding-transitions.js';
import type { DecisionAction, DecisionInput, Finding, FindingStatus } from '../../api-types.js';
import type { Role } from '../../session.js';
import { expert } from './messages.js';

const isDecisionAction = (key: string): key is DecisionAction => Object.hasOwn(TRANSITIONS, key);

/** The actions the API accepts from this role on a finding in this status, in the order the table lists them. */
export function actionsAllowed(role: Role, status: FindingStatus): DecisionAction[] {
  return Object.keys(TRANSITIONS)
    .filter(isDecisionAction)
    .filter((action) => TRANSITIONS[action].roles.includes(role) && TRANSITIONS[action].from.includes(status));
}

function issueAt(error: unknown, field: string): string | undefined {
  return error instanceof ApiError ? error.issues.find((issue) => issue.path === `body.${field}`)?.message : undefined;
}

export function DecisionForm({ finding, role, onDecided }: { finding: Finding; role: Role; onDecided: (after: Finding) => void }) {
  const { t } = useT(expert);
  const allowed = actionsAllowed(role, finding.status);
  const [action, setAction] = useState<DecisionAction | undefined>(allowed[0]);
  const [comment, setComment] = useState('');
  const [until, setUntil] = useState('');
  const [error, setError] = useState<unknown>(undefined);
  const [busy, setBusy] = useState(false);
  const [saved, setSaved] = useState<Finding | null>(null);

  // A new status offers other actions: start again from the first of them.
  useEffect(() => setAction(actionsAllowed(role, finding.status)[0]), [role, finding.status]);

  async function submit(event: Event) {
    event.preventDefault();
    if (action === undefined) return;
    setBusy(true);
    setError(undefined);
    setSaved(null);
    try {
      const body: DecisionInput = { action, ...(comment.trim() === '' ? {} : { comment: comment.trim() }), ...(action === 'grant-exception' && until !== '' ? { until } : {}) };
      const after = await api<Finding>(`/findings/${finding.id}/decisions`, { method: 'POST', body });
      setSaved(after);
      setComment('');
      setUntil('');
      onDecided(after);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const commentError = issueAt(error, 'comment');
  const untilError = issueAt(error, 'until');
  return (
    <section aria-labelledby="decision-title" class="decision">
      <h2 id="decision-title">{t('decide.title')}</h2>
      {saved && (
        <p class="notice ok" role="status">
          {t('decide.saved', { status: t(`status.${saved.status}`) })}
        </p>
      )}
      {allowed.length === 0 ? (
        <p class="notice">{t('decide.none', { status: t(`status.${finding.status}`) })}</p>
      ) : (
        <form onSubmit={(e) => void submit(e)} noValidate>
          <fieldset>
            <legend>{t('decide.action')}</legend>
            {allowed.map((a) => (
              <div class="choice" key={a}>
                <input type="radio" id={`decision-${a}`} name="action" value={a} checked={action === a} onChange={() => setAction(a)} />
                <label for={`decision-${a}`}>{t(`decide.${a}`)}</label>
              </div>
            ))}
          </fieldset>
          {action === 'grant-exception' && (
            <div>
              <label for="decision-until">{t('decide.until')}</label>
              <input
                type="date"
                id="decision-until"
                value={until}
                onInput={(e) => setUntil(e.currentTarget.value)}
                aria-invalid={untilError ? true : undefined}
                aria-describedby={untilError ? 'decision-until-error' : undefined}
              />
              {untilError && (
                <p id="decision-until-error" class="field-error">
                  {untilError}
                </p>
              )}
            </div>
          )}
          <label for="decision-comment">{t('decide.comment')}</label>
          <p id="decision-comment-hint" class="muted hint">
            {t('decide.commentHint')}
          </p>
          <textarea
            id="decision-comment"
            value={comment}
            onInput={(e) => setComment(e.currentTarget.value)}
            aria-invalid={commentError ? true : undefined}
            aria-describedby={commentError ? 'decision-comment-hint decision-comment-error' : 'decision-comment-hint'}
          />
          {commentError && (
            <p id="decision-comment-error" class="field-error">
              {commentError}
            </p>
          )}
          {error !== undefined && <ErrorNotice error={error} />}
          <button type="submit" disabled={busy}>
            {busy ? t('decide.saving') : t('decide.submit')}
          </button>
        </form>
      )}
    </section>
  );
}
