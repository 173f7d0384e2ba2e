// config → storage → services → createApp → listen; graceful shutdown on SIGTERM/SIGINT.
import { createApp } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { loadShippedLists } from './lists/index.js';
import { createServices } from './services.js';
import { createLogger } from './shared/logger.js';
import { openStorage } from './storage/connection.js';

async function main(): Promise<void> {
  const config = loadConfig();
  const logger = createLogger(config);
  const storage = await openStorage(config);
  const services = createServices(storage.connection, { config, logger });
  await services.prepare();

  const firstAdmin = await services.tokens.ensureFirstAdmin(config.CHEMREG_ADMIN_TOKEN);
  if (firstAdmin?.generatedSecret !== undefined) {
    // Shown once, on stdout, outside the JSON log stream (logs never carry secrets). It is not stored anywhere.
    process.stdout.write(
      `\nchemreg: first start on an empty database. Admin API token (shown only this once, store it now):\n\n    ${firstAdmin.generatedSecret}\n\n`,
    );
  } else if (firstAdmin) {
    logger.info({ tokenId: firstAdmin.token.id }, 'first admin token registered from CHEMREG_ADMIN_TOKEN');
  }

  // A fresh install starts with the public lists chemreg ships (data/lists) and the derived PRIO criteria.
  await loadShippedLists(services.lists, { logger });

  const { express: app } = createApp({ config, storage, services, logger });
  const server = app.listen(config.PORT, config.HOST, () => {
    logger.info(
      { port: config.PORT, host: config.HOST, storage: storage.embedded ? `embedded engine in ${config.DATA_DIR}` : 'MONGODB_URI' },
      `chemreg listening on http://${config.HOST}:${config.PORT} (API docs at /docs)`,
    );
  });

  // SIGTERM: stop accepting connections, let in-flight requests finish, then stop the extraction workers and close storage.
  let stopping = false;
  const shutdown = (signal: string): void => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    server.close((err) => {
      // The extraction workers first (no request needs them any more), then storage.
      services
        .close()
        .then(() => storage.close())
        .then(
          () => process.exit(err ? 1 : 0),
          (closeErr: unknown) => {
            logger.error({ err: closeErr }, 'error while closing the extraction workers or storage');
            process.exit(1);
          },
        );
    });
    // A keep-alive connection would otherwise hold shutdown open for keepAliveTimeout after its last response
    // (and for ever under steady traffic): from now on a connection closes as soon as its response is sent.
    server.keepAliveTimeout = 1;
    server.closeIdleConnections();
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(`chemreg: ${err instanceof ConfigError ? err.message : err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});
