// config → storage → createApp → listen; graceful shutdown on SIGTERM/SIGINT.
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { openStorage } from './storage/connection.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const storage = await openStorage(config);
  const app = createApp({ storage });
  const server = app.listen(config.PORT, config.HOST, () => {
    process.stdout.write(`chemreg listening on http://${config.HOST}:${config.PORT} (storage: ${storage.embedded ? `embedded engine in ${config.DATA_DIR}` : 'MONGODB_URI'})\n`);
  });
  const shutdown = (): void => {
    server.close(() => {
      storage.close().then(
        () => process.exit(0),
        () => process.exit(1),
      );
    });
  };
  process.once('SIGTERM', shutdown);
  process.once('SIGINT', shutdown);
}

main().catch((err: unknown) => {
  process.stderr.write(`chemreg: ${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
