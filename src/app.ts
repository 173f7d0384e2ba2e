// createApp(deps): the HTTP application without listening (tests mount it on port 0).
import express, { type Express } from 'express';
import type { Storage } from './storage/connection.js';

export interface AppDeps {
  storage: Storage;
}

export function createApp({ storage }: AppDeps): Express {
  const app = express();
  app.disable('x-powered-by');
  app.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/ready', async (_req, res) => {
    const ok = await storage.ping();
    res.status(ok ? 200 : 503).json({ status: ok ? 'ready' : 'storage-unavailable' });
  });
  return app;
}
