// Logical sessions and multi-document transactions (MongoDB "Transactions" spec, as the driver
// speaks it: lsid + txnNumber + autocommit:false on every statement, startTransaction on the
// first, then commitTransaction / abortTransaction on admin).
import type { Document } from 'bson';
import type { Catalog, Effect } from './catalog/catalog.js';
import { TxnCollectionState, TxnView, writeConflict } from './catalog/views.js';
import { EngineError } from './errors.js';
import { encodeKey } from './query/values.js';

// mongod's default transactionLifetimeLimitSeconds.
const DEFAULT_TXN_LIFETIME_MS = 60_000;

/** Documents written by open transactions: ns + idKey → the transaction holding them. */
type WriteLocks = Map<string, Transaction>;

export class Transaction {
  readonly states = new Map<string, TxnCollectionState>();
  private state: 'active' | 'committed' | 'aborted' = 'active';
  readonly startedAt = Date.now();
  private readonly held: string[] = [];

  constructor(
    readonly sessionKey: string,
    readonly txnNumber: bigint,
    private readonly locks: WriteLocks = new Map(),
  ) {}

  get status(): 'active' | 'committed' | 'aborted' {
    return this.state;
  }

  /** End the transaction, releasing the documents it claimed. */
  set status(next: 'active' | 'committed' | 'aborted') {
    this.state = next;
    if (next === 'active') return;
    for (const key of this.held) if (this.locks.get(key) === this) this.locks.delete(key);
    this.held.length = 0;
  }

  // MongoDB detects a second transaction writing a document another open transaction wrote
  // at the write itself, not at commit (WriteConflict, labelled TransientTransactionError).
  private readonly claim = (ns: string, idKey: string): void => {
    const key = `${ns}\u0000${idKey}`;
    const holder = this.locks.get(key);
    if (holder && holder !== this && holder.status === 'active') throw writeConflict();
    this.locks.set(key, this);
    this.held.push(key);
  };

  view(catalog: Catalog, db: string, coll: string): TxnView {
    const ns = `${db}.${coll}`;
    let state = this.states.get(ns);
    if (!state) {
      state = new TxnCollectionState(db, coll, catalog.get(db, coll), this.claim);
      this.states.set(ns, state);
    }
    return new TxnView(catalog, state);
  }

  /** All effects of the transaction, validated against the committed state; throws WriteConflict. */
  commitEffects(catalog: Catalog): Effect[] {
    const effects: Effect[] = [];
    for (const state of this.states.values()) {
      if (state.overlay.size === 0) continue;
      effects.push(...new TxnView(catalog, state).commitEffects());
    }
    return effects;
  }
}

interface SessionState {
  txn?: Transaction;
  lastUsed: number;
}

function noSuchTransaction(txnNumber: bigint): EngineError {
  return new EngineError('NoSuchTransaction', `Transaction with { txnNumber: ${txnNumber} } has been aborted.`, {}, ['TransientTransactionError']);
}

export class SessionManager {
  private readonly sessions = new Map<string, SessionState>();
  private readonly locks: WriteLocks = new Map();

  constructor(private readonly txnLifetimeMs = DEFAULT_TXN_LIFETIME_MS) {}

  static keyOf(lsid: unknown): string | undefined {
    if (!lsid || typeof lsid !== 'object') return undefined;
    return encodeKey((lsid as Document).id);
  }

  /**
   * The transaction a command belongs to, starting one when the command says so. Returns
   * undefined for commands outside a transaction.
   */
  transactionFor(cmd: Document): Transaction | undefined {
    if (cmd.autocommit !== false) return undefined;
    const key = SessionManager.keyOf(cmd.lsid);
    if (key === undefined || cmd.txnNumber === undefined) {
      throw new EngineError('InvalidOptions', 'autocommit:false requires lsid and txnNumber');
    }
    const txnNumber = BigInt(cmd.txnNumber as number | bigint);
    let session = this.sessions.get(key);
    if (!session) this.sessions.set(key, (session = { lastUsed: Date.now() }));
    session.lastUsed = Date.now();
    const current = session.txn;
    if (cmd.startTransaction === true) {
      if (current && current.txnNumber > txnNumber) {
        throw new EngineError('TransactionTooOld', `txnNumber ${txnNumber} is less than last txnNumber ${current.txnNumber} seen in session`);
      }
      if (current && current.txnNumber === txnNumber) {
        throw new EngineError('IllegalOperation', `transaction ${txnNumber} already started`);
      }
      if (current?.status === 'active') current.status = 'aborted';
      session.txn = new Transaction(key, txnNumber, this.locks);
      return session.txn;
    }
    if (!current || current.txnNumber !== txnNumber) throw noSuchTransaction(txnNumber);
    if (current.status === 'aborted') throw noSuchTransaction(txnNumber);
    if (current.status === 'committed') {
      throw new EngineError('TransactionCommitted', `Transaction ${txnNumber} has been committed.`);
    }
    if (Date.now() - current.startedAt > this.txnLifetimeMs) {
      current.status = 'aborted';
      throw noSuchTransaction(txnNumber);
    }
    return current;
  }

  /** The transaction commitTransaction/abortTransaction refers to (may be committed already: retries are allowed). */
  find(cmd: Document): Transaction {
    const key = SessionManager.keyOf(cmd.lsid);
    const txnNumber = cmd.txnNumber === undefined ? undefined : BigInt(cmd.txnNumber as number | bigint);
    const txn = key === undefined ? undefined : this.sessions.get(key)?.txn;
    if (!txn || txnNumber === undefined || txn.txnNumber !== txnNumber) throw noSuchTransaction(txnNumber ?? -1n);
    return txn;
  }

  abortExpired(): void {
    const now = Date.now();
    for (const s of this.sessions.values()) {
      if (s.txn?.status === 'active' && now - s.txn.startedAt > this.txnLifetimeMs) s.txn.status = 'aborted';
    }
  }

  end(lsids: unknown[]): void {
    for (const lsid of lsids) {
      const key = SessionManager.keyOf(lsid);
      if (key === undefined) continue;
      const s = this.sessions.get(key);
      if (s?.txn?.status === 'active') s.txn.status = 'aborted';
      this.sessions.delete(key);
    }
  }
}
