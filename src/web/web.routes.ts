// The web interface (issue 8) is served by chemreg itself, from what Vite built into web/dist (`npm start` builds it
// first). Pages are addressed by hash (#/search), so only "/" and the hashed assets are served; every other path stays
// the API's JSON 404.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { type Express } from 'express';

const DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

export function serveWebInterface(app: Express, dist: string = DIST): void {
  const index = join(dist, 'index.html');
  app.get(['/', '/index.html'], (_req, res) => {
    if (!existsSync(index)) {
      res.status(503).type('text/plain').send('The web interface has not been built: run `npm run build:web` (npm start builds it).\n');
      return;
    }
    // The page names its assets by content hash: it must be asked for again, they never need to be.
    res.setHeader('Cache-Control', 'no-cache');
    res.sendFile(index);
  });
  app.use('/assets', express.static(join(dist, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: true }));
}
