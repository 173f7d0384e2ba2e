// `chemreg` command line. Subcommands:
//   chemreg db --data-dir DIR [--port N]   run the embedded MongoDB-compatible engine standalone
//   chemreg parse FILE [FILE ...]          extract SDS facts, JSON on stdout
//   chemreg lists import FILE [...]        import a regulatory or custom list file (src/lists/list-cli.ts)
// Exit codes: 0 done, 1 the command ran and failed (CommandFailed), 2 it was called wrongly (UsageError) or crashed.
import { parseArgs } from 'node:util';
import { CommandFailed, UsageError } from './shared/cli-errors.js';
import { startEngine, type EmbeddedEngine } from './storage/engine/index.js';
import { parseFile } from './sds/parse-report.js';

const USAGE = `usage:
  chemreg db --data-dir DIR [--port N]   run the embedded database engine; prints its mongodb:// URI
  chemreg parse FILE.pdf [FILE2.pdf ...] extract safety data sheet facts; prints JSON (an object for one file,
                                         an array for several); a file that cannot be read gives {file, error}
  chemreg lists import FILE [--list ID] [--name NAME] [--kind KIND]
                                         import a list file as POST /api/v1/lists/import does (--list: needed for
                                         chemreg CSV; --name, --kind: of a new custom list); prints the version as JSON.
                                         Posts to the server at CHEMREG_URL (with CHEMREG_TOKEN) when that is set,
                                         else opens DATA_DIR itself and waits for the re-screen of every product`;

/** Every file is processed even when some cannot be read: those report `error`, and the exit code stays 0. */
async function runParse(args: string[]): Promise<void> {
  const { positionals } = parseArgs({ args, allowPositionals: true, strict: true, options: {} });
  if (positionals.length === 0) throw new UsageError('parse needs at least one file');
  const outcomes = [];
  for (const path of positionals) outcomes.push(await parseFile(path));
  process.stdout.write(`${JSON.stringify(outcomes.length === 1 ? outcomes[0] : outcomes, null, 2)}\n`);
}

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

async function runLists(args: string[]): Promise<void> {
  const [subcommand, ...rest] = args;
  switch (subcommand) {
    case 'import': {
      // Loaded on demand: it brings in storage and every service, which `db` and `parse` do not need.
      const { runListsImport } = await import('./lists/list-cli.js');
      const output = await runListsImport(rest, process.env);
      process.stdout.write(`${JSON.stringify(output, null, 2)}\n`);
      return;
    }
    case undefined:
      throw new UsageError('lists needs a subcommand: import');
    default:
      throw new UsageError(`unknown lists command '${subcommand}'`);
  }
}

async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'db':
      return await runDb(rest);
    case 'parse':
      return await runParse(rest);
    case 'lists':
      return await runLists(rest);
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
  process.exit(err instanceof CommandFailed ? 1 : 2);
});
