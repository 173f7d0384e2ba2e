// The shell: sign-in, the navigation a role may use, the language switch, and the page the address names.
import { useEffect, useState } from 'preact/hooks';
import { api, ApiError } from './api.js';
import { ErrorNotice, Loading } from './components/ui.js';
import { common } from './i18n/common.js';
import { initialLang, LangContext, LANGS, rememberLang, translate, type Lang } from './i18n/index.js';
import { SignIn } from './pages/sign-in.js';
import { href, match, navigate, useLocation } from './router.js';
import { homeOf, ROUTES } from './routes.js';
import { currentToken, onSignOut, rememberToken, SessionContext, signOut, signOutReason, type Me } from './session.js';

/** Why the API ended the last session, as an error to show on the sign-in page (undefined when the user signed out). */
function lastSignOut(): ApiError | undefined {
  const reason = signOutReason();
  return reason ? new ApiError(401, reason.code, reason.message) : undefined;
}

export function App() {
  const [lang, setLang] = useState<Lang>(initialLang);
  const [me, setMe] = useState<Me | null>(null);
  const [checking, setChecking] = useState(currentToken() !== null);
  const [error, setError] = useState<unknown>(lastSignOut);
  const location = useLocation();
  const t = translate(common, lang);

  useEffect(() => rememberLang(lang), [lang]);
  // Kept at once, not after the next render: a reload right after the switch must find it.
  const chooseLang = (chosen: Lang) => {
    rememberLang(chosen);
    setLang(chosen);
  };
  useEffect(
    () =>
      onSignOut(() => {
        setMe(null);
        setError(lastSignOut());
      }),
    [],
  );
  // A token kept in this tab (a reload) is checked again: it may have been revoked meanwhile.
  useEffect(() => {
    if (currentToken() === null) return;
    api<Me>('/me').then(
      (who) => {
        setMe(who);
        setChecking(false);
      },
      (err: unknown) => {
        setError(err);
        setChecking(false);
      },
    );
  }, []);

  const signedIn = (token: string, who: Me) => {
    rememberToken(token);
    setMe(who);
    setError(undefined);
    if (location.path === '/' || location.path === '/sign-in') navigate(homeOf(who.role), {}, { replace: true });
  };

  let content;
  if (checking) content = <Loading />;
  else if (me === null) content = (
    <>
      {error !== undefined && <ErrorNotice error={error} />}
      <SignIn onSignedIn={signedIn} />
    </>
  );
  else {
    const path = location.path === '/' ? homeOf(me.role) : location.path;
    const found = ROUTES.map((route) => ({ route, params: match(route.pattern, path) })).find((r) => r.params !== null);
    if (!found) content = <p class="notice">{t('notFound')}</p>;
    else if (!found.route.roles.includes(me.role)) content = <p class="notice error" role="alert">{t('forbidden')}</p>;
    else content = found.route.render(found.params!, location.query);
  }

  const nav = me === null ? [] : ROUTES.filter((route) => route.nav !== undefined && route.roles.includes(me.role));
  return (
    <LangContext.Provider value={lang}>
      <SessionContext.Provider value={me}>
        <a class="skip-link" href="#main" onClick={(e) => { e.preventDefault(); document.getElementById('main')?.focus(); }}>
          {t('skipToContent')}
        </a>
        <header class="top">
          <div class="brand">
            <a href={me ? href(homeOf(me.role)) : '#/'}>{t('appName')}</a>
            <span class="tagline">{t('tagline')}</span>
          </div>
          {nav.length > 0 && (
            <nav aria-label={t('navigation')}>
              <ul>
                {nav.map((route) => (
                  <li key={route.pattern}>
                    <a href={href(route.pattern)} aria-current={location.path.startsWith(route.pattern) ? 'page' : undefined}>
                      {t(route.nav!)}
                    </a>
                  </li>
                ))}
              </ul>
            </nav>
          )}
          <div class="session">
            <label>
              <span class="visually-hidden">{t('language')}</span>
              <select value={lang} onChange={(e) => chooseLang(e.currentTarget.value as Lang)} aria-label={t('language')}>
                {LANGS.map((l) => (
                  <option key={l} value={l}>
                    {l === 'sv' ? 'Svenska' : 'English'}
                  </option>
                ))}
              </select>
            </label>
            {me && (
              <>
                <span class="who">{t('signedInAs', { name: me.name, role: t(`role.${me.role}`) })}</span>
                <button type="button" onClick={() => { signOut(); navigate('/'); }}>
                  {t('signOut')}
                </button>
              </>
            )}
          </div>
        </header>
        <main id="main" tabIndex={-1}>
          {content}
        </main>
      </SessionContext.Provider>
    </LangContext.Provider>
  );
}
