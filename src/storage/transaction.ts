// One unit of work: a record change and its audit entry commit together or not at all.
// The driver's withTransaction retries on TransientTransactionError (write conflicts) and on an
// unknown commit result, so callers write the use case once.
import type { ClientSession, Connection } from 'mongoose';

export type Session = ClientSession;

export type RunInTransaction = <T>(work: (session: Session) => Promise<T>) => Promise<T>;

export function transactionRunner(connection: Connection): RunInTransaction {
  return async <T>(work: (session: Session) => Promise<T>): Promise<T> => {
    const session = await connection.startSession();
    try {
      return await session.withTransaction(() => work(session));
    } finally {
      await session.endSession();
    }
  };
}
