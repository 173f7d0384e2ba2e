// Hash routing (#/search?q=…): every page has an address to bookmark and share, the browser's back button works,
// and the server needs no fallback route for deep links.
import { useEffect, useState } from 'preact/hooks';

export interface Location {
  /** The path after '#', without the query: "/products/abc". */
  path: string;
  query: URLSearchParams;
}

function read(): Location {
  const hash = window.location.hash.replace(/^#/u, '') || '/';
  const at = hash.indexOf('?');
  return { path: at < 0 ? hash : hash.slice(0, at), query: new URLSearchParams(at < 0 ? '' : hash.slice(at + 1)) };
}

export function useLocation(): Location {
  const [location, setLocation] = useState(read);
  useEffect(() => {
    const update = () => setLocation(read());
    window.addEventListener('hashchange', update);
    return () => window.removeEventListener('hashchange', update);
  }, []);
  return location;
}

/** The href of a page: `href('/products/' + id)`, with query parameters when given (undefined ones left out). */
export function href(path: string, params: Record<string, string | number | boolean | undefined | null> = {}): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return `#${path}${text === '' ? '' : `?${text}`}`;
}

export function navigate(path: string, params: Record<string, string | number | boolean | undefined | null> = {}, { replace = false } = {}): void {
  const target = href(path, params);
  if (replace) window.history.replaceState(null, '', target);
  else window.location.hash = target.slice(1);
  if (replace) window.dispatchEvent(new HashChangeEvent('hashchange'));
}

/** Matches "/products/:id" against a path: the named parts, or null. */
export function match(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split('/');
  const got = path.split('/');
  if (want.length !== got.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    const part = want[i]!;
    const value = got[i]!;
    if (part.startsWith(':')) params[part.slice(1)] = decodeURIComponent(value);
    else if (part !== value) return null;
  }
  return params;
}
