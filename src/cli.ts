// `chemreg` command line. Subcommands:
//   chemreg db --data-dir DIR [--port N]   run the embedded MongoDB-compatible engine standalone
import { parseArgs } from 'node:util';
import { startEngine, type EmbeddedEngine } from './storage/engine/index.js';

const USAGE = `usage:
  chemreg db --data-dir DIR [--port N]   run the embedded database engine; prints its mongodb:// URI`;

async function runDb(args: string[]): Promise<void> {
  const { values } = parseArgs({
    args,
    options: { 'data-dir': { type: 'string' }, port: { type: 'string' }, host: { type: 'string' } },
    strict: true,
  });
  const dataDir = values['data-dir'];
  if (!dataDir) throw new UsageError('--data-dir is required');
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be an integer 0-65535, got '${values.port}'`);
  // Handlers go in before start-up: a signal that arrives while starting (or right after the URI
  // line) still stops the engine cleanly with exit code 0.
  let engine: EmbeddedEngine | undefined = undefined;
  let stopping = false;
  const stop = (): void => {
    if (stopping) return;
    stopping = true;
    const closing = engine ? engine.close() : Promise.resolve();
    closing.then(
      () => process.exit(0),
      (err: unknown) => {
        process.stderr.write(`chemreg db: error while stopping: ${String(err)}\n`);
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  const started = await startEngine({ dataDir, port, host: values.host });
  if (stopping) {
    await started.close();
    return;
  }
  engine = started;
  process.stdout.write(`${engine.uri}\n`);
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'db':
      return await runDb(rest);
    case undefined:
    case '--help':
    case '-h':
      process.stdout.write(`${USAGE}\n`);
      return;
    default:
      throw new UsageError(`unknown command '${command}'`);
  }
}

main(process.argv.slice(2)).catch((err: unknown) => {
  if (err instanceof UsageError) process.stderr.write(`chemreg: ${err.message}\n${USAGE}\n`);
  else process.stderr.write(`chemreg: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(2);
});
