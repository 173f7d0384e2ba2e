// Command dispatch: find the handler, bind the command to its transaction, run it, make its
// effects durable, then (and only then) answer.
import type { Document } from 'bson';
import { Catalog } from './catalog/catalog.js';
import { aggregateCommands } from './commands/aggregate.js';
import { adminCommands } from './commands/admin.js';
import type { CommandContext, CommandHandler, EngineState } from './commands/context.js';
import { crudCommands } from './commands/crud.js';
import { CursorManager } from './cursors.js';
import { EngineError, toEngineError } from './errors.js';
import type { DurableStore } from './persistence/durable-store.js';
import { normalizeCommand } from './query/numbers.js';
import { SessionManager, type Transaction } from './transactions.js';

const HANDLERS: Record<string, CommandHandler> = { ...adminCommands, ...crudCommands, ...aggregateCommands };

// Statements MongoDB accepts inside a multi-document transaction (manual, "Transactions and Operations").
const TRANSACTION_STATEMENTS = new Set([
  'find', 'getMore', 'killCursors', 'insert', 'update', 'delete', 'findAndModify', 'findandmodify',
  'aggregate', 'distinct', 'count', 'create', 'createIndexes', 'commitTransaction', 'abortTransaction',
]);

export interface EngineCoreOptions {
  cursorTimeoutMs?: number;
  transactionLifetimeMs?: number;
}

export class EngineCore implements EngineState {
  readonly catalog: Catalog;
  readonly cursors: CursorManager;
  readonly sessions: SessionManager;
  readonly startedAt = new Date();
  connections = 0;
  store: DurableStore | undefined;

  constructor(catalog: Catalog, opts: EngineCoreOptions = {}) {
    this.catalog = catalog;
    // mongod's cursorTimeoutMillis default: 10 minutes.
    this.cursors = new CursorManager(opts.cursorTimeoutMs ?? 10 * 60 * 1000);
    this.sessions = new SessionManager(opts.transactionLifetimeMs);
  }

  readonly connectionCount = (): number => this.connections;

  async execute(rawCmd: Document, connectionId: number): Promise<Document> {
    let cmd: Document;
    try {
      cmd = normalizeCommand(rawCmd);
    } catch (err) {
      return errorReply(toEngineError(err));
    }
    const name = Object.keys(cmd)[0] ?? '';
    const db = typeof cmd.$db === 'string' ? cmd.$db : 'admin';
    const handler = HANDLERS[name];
    if (!handler) return errorReply(new EngineError('CommandNotFound', `no such command: '${name}'`));
    const effects: CommandContext['effects'] = [];
    let reply: Document | undefined;
    let error: EngineError | undefined;
    let txn: Transaction | undefined;
    try {
      if (name !== 'commitTransaction' && name !== 'abortTransaction') {
        txn = this.sessions.transactionFor(cmd);
        if (txn && !TRANSACTION_STATEMENTS.has(name)) {
          throw new EngineError('OperationNotSupportedInTransaction', `Cannot run '${name}' in a multi-document transaction.`);
        }
      }
      reply = handler({ engine: this, db, cmd, connectionId, effects, txn, sessionKey: txn?.sessionKey });
    } catch (err) {
      error = toEngineError(err);
      // Any failed statement aborts its transaction (MongoDB manual, "Transactions: error handling").
      if (txn && txn.status === 'active') {
        txn.status = 'aborted';
        this.cursors.killOwnedBy(txn.sessionKey);
      }
    }
    // Effects already applied must reach the log even when the command failed part-way
    // (e.g. an ordered insert stopping at a duplicate): they are visible, so they must be durable.
    if (effects.length > 0 && this.store) {
      try {
        await this.store.append(effects);
      } catch (err) {
        return errorReply(new EngineError('InternalError', `write could not be made durable: ${(err as Error).message}`));
      }
    }
    return error ? errorReply(error) : reply!;
  }
}

export function errorReply(err: EngineError): Document {
  const reply: Document = { ok: 0, errmsg: err.message, code: err.code, codeName: err.codeName, ...err.extra };
  if (err.errorLabels.length) reply.errorLabels = err.errorLabels;
  return reply;
}
