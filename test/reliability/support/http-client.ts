// A small JSON/multipart client for a chemreg whose address changes between restarts (the reliability tests start
// the real server on a new port after each kill).
import { createHash } from 'node:crypto';

export interface Answer<T = any> {
  status: number;
  body: T;
}

export const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

export class HttpClient {
  constructor(private readonly base: () => string, private readonly token: string) {}

  private async send<T>(method: string, path: string, body?: unknown): Promise<Answer<T>> {
    const headers: Record<string, string> = { authorization: `Bearer ${this.token}` };
    let payload: FormData | string | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      payload = JSON.stringify(body);
      headers['content-type'] = 'application/json';
    }
    const res = await fetch(`${this.base()}${path}`, { method, headers, ...(payload !== undefined ? { body: payload } : {}) });
    const text = await res.text();
    const json = (res.headers.get('content-type') ?? '').includes('json') && text !== '';
    return { status: res.status, body: (json ? JSON.parse(text) : text) as T };
  }

  get<T = any>(path: string): Promise<Answer<T>> {
    return this.send<T>('GET', path);
  }

  post<T = any>(path: string, body?: unknown): Promise<Answer<T>> {
    return this.send<T>('POST', path, body);
  }

  /** A download: status and the SHA-256 of the bytes. */
  async download(path: string): Promise<{ status: number; sha256: string }> {
    const res = await fetch(`${this.base()}${path}`, { headers: { authorization: `Bearer ${this.token}` } });
    return { status: res.status, sha256: sha256(new Uint8Array(await res.arrayBuffer())) };
  }

  /** Every item of a paginated list (`{ items, total }`), 200 at a time. */
  async all<T = any>(path: string): Promise<T[]> {
    const items: T[] = [];
    const joiner = path.includes('?') ? '&' : '?';
    for (;;) {
      const page = await this.get<{ items: T[]; total: number }>(`${path}${joiner}limit=200&offset=${items.length}`);
      if (page.status !== 200) throw new Error(`GET ${path}: ${page.status} ${JSON.stringify(page.body)}`);
      items.push(...page.body.items);
      if (page.body.items.length === 0 || items.length >= page.body.total) return items;
    }
  }
}
