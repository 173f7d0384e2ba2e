// The web interface talks to the same API as any client, with the signed-in token. Errors come back as the API's
// error shape ({ code, message, issues }), so pages can show the code and the offending field.
import { currentToken, signOut } from './session.js';

export interface ApiIssue {
  path: string;
  message: string;
}

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly issues: ApiIssue[] = [],
  ) {
    super(message);
  }
}

const BASE = '/api/v1';

function headers(extra: Record<string, string> = {}): Record<string, string> {
  const token = currentToken();
  return { ...(token ? { authorization: `Bearer ${token}` } : {}), ...extra };
}

async function errorOf(res: Response): Promise<ApiError> {
  try {
    const body = (await res.json()) as { code?: string; message?: string; issues?: ApiIssue[] };
    return new ApiError(res.status, body.code ?? `HTTP_${res.status}`, body.message ?? res.statusText, body.issues ?? []);
  } catch {
    return new ApiError(res.status, `HTTP_${res.status}`, res.statusText);
  }
}

async function checked(res: Response): Promise<Response> {
  if (res.ok) return res;
  const error = await errorOf(res);
  // The token was revoked or has expired while the page was open: back to sign-in.
  if (res.status === 401) signOut(error);
  throw error;
}

/** A JSON request to /api/v1 + path; a FormData body goes as multipart. */
export async function api<T>(path: string, init: { method?: string; body?: unknown; signal?: AbortSignal } = {}): Promise<T> {
  const { method = 'GET', body, signal } = init;
  const isForm = body instanceof FormData;
  const res = await checked(
    await fetch(`${BASE}${path}`, {
      method,
      headers: headers(body === undefined || isForm ? {} : { 'content-type': 'application/json' }),
      ...(body === undefined ? {} : { body: isForm ? body : JSON.stringify(body) }),
      ...(signal ? { signal } : {}),
    }),
  );
  if (res.status === 204) return undefined as T;
  return (await res.json()) as T;
}

/** A query string from the defined values of `params` ('' when none). */
export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

/**
 * A multipart upload with progress (fetch cannot report upload progress): onProgress gets 0–1 as the file is sent.
 * Resolves with the JSON answer, rejects with an ApiError.
 */
export function upload<T>(path: string, form: FormData, onProgress: (fraction: number) => void): Promise<T> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open('POST', `${BASE}${path}`);
    for (const [name, value] of Object.entries(headers())) xhr.setRequestHeader(name, value);
    xhr.upload.addEventListener('progress', (event) => {
      if (event.lengthComputable) onProgress(event.loaded / event.total);
    });
    xhr.addEventListener('load', () => {
      let body: unknown;
      try {
        body = xhr.responseText === '' ? null : JSON.parse(xhr.responseText);
      } catch {
        body = null;
      }
      if (xhr.status >= 200 && xhr.status < 300) {
        onProgress(1);
        resolve(body as T);
        return;
      }
      const error = (body ?? {}) as { code?: string; message?: string; issues?: ApiIssue[] };
      const failure = new ApiError(xhr.status, error.code ?? `HTTP_${xhr.status}`, error.message ?? xhr.statusText, error.issues ?? []);
      if (xhr.status === 401) signOut(failure);
      reject(failure);
    });
    xhr.addEventListener('error', () => reject(new ApiError(0, 'NETWORK', 'the server could not be reached')));
    xhr.send(form);
  });
}

/** Fetches a file with the token (a plain link cannot send it) and hands it to the browser as a download. */
export async function download(path: string, fallbackName: string): Promise<void> {
  const res = await checked(await fetch(`${BASE}${path}`, { headers: headers() }));
  const disposition = res.headers.get('content-disposition') ?? '';
  const name = /filename\*=UTF-8''([^;]+)/iu.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/iu.exec(disposition)?.[1];
  const url = URL.createObjectURL(await res.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name ? decodeURIComponent(name) : fallbackName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A file fetched with the token, as bytes (the evidence viewer renders SDS pages from them). */
export async function fetchBytes(path: string): Promise<ArrayBuffer> {
  const res = await checked(await fetch(`${BASE}${path}`, { headers: headers() }));
  return res.arrayBuffer();
}
