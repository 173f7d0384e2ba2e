// Who is signed in. The token lives in sessionStorage: it is gone when the tab closes, and never in a cookie, so the
// API's bearer-token model (and its CSRF immunity) is unchanged. Who the token belongs to comes from GET /api/v1/me.
import { createContext } from 'preact';
import { useContext } from 'preact/hooks';

import type { Me } from './api-types.js';

export type { Me };
export type Role = Me['role'];

const TOKEN_KEY = 'chemreg.token';
/** Why the API ended the session (a revoked token), kept so that the sign-in page can say so, even after a reload. */
const REASON_KEY = 'chemreg.signedOutBecause';

export interface SignOutReason {
  code: string;
  message: string;
}
const listeners = new Set<() => void>();

export function currentToken(): string | null {
  return sessionStorage.getItem(TOKEN_KEY);
}

export function rememberToken(token: string): void {
  sessionStorage.setItem(TOKEN_KEY, token);
  sessionStorage.removeItem(REASON_KEY);
}

/** Ends the session: by the user (no reason), or because the API refused the token (its error). */
export function signOut(reason?: SignOutReason): void {
  if (currentToken() === null) return;
  sessionStorage.removeItem(TOKEN_KEY);
  if (reason) sessionStorage.setItem(REASON_KEY, JSON.stringify({ code: reason.code, message: reason.message }));
  else sessionStorage.removeItem(REASON_KEY);
  for (const listener of listeners) listener();
}

export function signOutReason(): SignOutReason | null {
  const kept = sessionStorage.getItem(REASON_KEY);
  if (kept === null) return null;
  try {
    const { code, message } = JSON.parse(kept) as Partial<SignOutReason>;
    return typeof code === 'string' && typeof message === 'string' ? { code, message } : null;
  } catch {
    return null;
  }
}

/** Called whenever the session ends (sign-out, or the API refusing the token). */
export function onSignOut(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const SessionContext = createContext<Me | null>(null);

/** The signed-in caller; pages are only rendered once there is one. */
export function useMe(): Me {
  const me = useContext(SessionContext);
  if (me === null) throw new Error('useMe outside a signed-in page');
  return me;
}
