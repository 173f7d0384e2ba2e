// Sign-in with an API token: the token is checked against GET /api/v1/me before it is kept.
import { useState } from 'preact/hooks';
import { ApiError } from '../api.js';
import { common } from '../i18n/common.js';
import { useT } from '../i18n/index.js';
import type { Me } from '../session.js';
import { PageTitle } from '../components/ui.js';

export function SignIn({ onSignedIn }: { onSignedIn: (token: string, me: Me) => void }) {
  const { t } = useT(common);
  const [token, setToken] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: Event) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const res = await fetch('/api/v1/me', { headers: { authorization: `Bearer ${token.trim()}` } });
      const body = (await res.json()) as Me & { code?: string; message?: string };
      if (!res.ok) throw new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText);
      onSignedIn(token.trim(), body);
    } catch (err) {
      setError(t('signIn.invalid', { message: err instanceof ApiError ? `${err.message} (${err.code})` : String(err) }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <section class="sign-in">
      <PageTitle>{t('signIn.title')}</PageTitle>
      <p>{t('signIn.intro')}</p>
      <form onSubmit={(e) => void submit(e)}>
        <label for="token">{t('signIn.token')}</label>
        <input id="token" name="token" type="password" autoComplete="off" required value={token} onInput={(e) => setToken(e.currentTarget.value)} />
        {error && (
          <p class="notice error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy || token.trim() === ''}>
          {t('signIn.submit')}
        </button>
      </form>
    </section>
  );
}
