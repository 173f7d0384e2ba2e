// What the `chemreg` command reports without a stack trace. The dispatcher (src/cli.ts) prints the message on stderr
// and exits with the code scripts branch on: 2 when the command was called wrongly, 1 when it ran and failed.

/** Wrong arguments, a missing option or environment variable, an unreadable input file: exit 2, with the usage. */
export class UsageError extends Error {
  override name = 'UsageError';
}

/** The command ran and failed, e.g. the file was refused or the data directory is locked: exit 1. */
export class CommandFailed extends Error {
  override name = 'CommandFailed';
}
