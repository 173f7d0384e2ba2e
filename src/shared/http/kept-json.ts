// Sending an answer a service keeps and gives again as the same object (search answers, search.service.ts): it is
// serialised, and its ETag computed with the app's own ETag function, once, not on every request that gets it.
import type { Response } from 'express';

type EtagFunction = (body: string, encoding: BufferEncoding) => string;

export function keptJsonSender<T extends object>(): (res: Response, answer: T) => void {
  const sent = new WeakMap<T, { body: string; etag: string | undefined }>();
  return (res, answer) => {
    let kept = sent.get(answer);
    if (kept === undefined) {
      const body = JSON.stringify(answer);
      const etagOf = res.app.get('etag fn') as EtagFunction | undefined;
      kept = { body, etag: etagOf?.(body, 'utf8') };
      sent.set(answer, kept);
    }
    // With the ETag set, express does not compute it again, and still answers If-None-Match with 304.
    if (kept.etag !== undefined) res.setHeader('ETag', kept.etag);
    res.type('json').send(kept.body);
  };
}
