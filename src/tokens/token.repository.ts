// Token records. The hash is used for lookup and never leaves this file.
import type { Connection } from 'mongoose';
import type { Role } from '../shared/actor.js';
import type { Page, PageRequest } from '../shared/http/pagination.js';
import { toObjectId } from '../shared/ids.js';
import { findPage, modelOn } from '../shared/mongo.js';
import type { Session } from '../storage/transaction.js';
import { TokenSchema, type TokenDoc } from './token.model.js';
import type { Token } from './token.schema.js';

export interface TokenFilter {
  role?: Role;
  supplierId?: string;
  revoked?: boolean;
}

const toToken = (doc: TokenDoc): Token => ({
  id: doc._id.toHexString(),
  name: doc.name,
  role: doc.role,
  ...(doc.supplierId !== undefined ? { supplierId: doc.supplierId } : {}),
  prefix: doc.prefix,
  createdAt: doc.createdAt,
  createdBy: doc.createdBy,
  ...(doc.revokedAt !== undefined ? { revokedAt: doc.revokedAt } : {}),
});

// The first-admin claim: a single fixed document, so two instances starting on one empty database cannot
// both create an admin token (the second insert hits the _id index and its transaction aborts).
const BOOTSTRAP_CLAIM = 'first-admin-token';

export function createTokenRepository(connection: Connection) {
  const Tokens = modelOn(connection, 'Token', TokenSchema);
  const meta = () => connection.collection<{ _id: string; at: Date }>('meta');

  return {
    model: Tokens,

    /** The active token with this hash, with the hash as stored (the verifier compares it once more). */
    async findActiveByHash(hash: string): Promise<(Token & { hash: string }) | undefined> {
      const doc = await Tokens.findOne({ hash, revokedAt: { $exists: false } }).lean<TokenDoc>();
      return doc ? { ...toToken(doc), hash: doc.hash } : undefined;
    },

    async findById(id: string, session?: Session): Promise<Token | undefined> {
      const doc = await Tokens.findById(toObjectId(id)).session(session ?? null).lean<TokenDoc>();
      return doc ? toToken(doc) : undefined;
    },

    async list(filter: TokenFilter, page: PageRequest): Promise<Page<Token>> {
      const query: Record<string, unknown> = {};
      if (filter.role) query.role = filter.role;
      if (filter.supplierId) query.supplierId = filter.supplierId;
      if (filter.revoked !== undefined) query.revokedAt = { $exists: filter.revoked };
      return findPage(Tokens, query, { _id: 1 }, page, toToken);
    },

    async countActive(filter: { role?: Role; supplierId?: string }, session?: Session): Promise<number> {
      return Tokens.countDocuments({ ...filter, revokedAt: { $exists: false } }).session(session ?? null);
    },

    async insert(fields: Omit<TokenDoc, '_id'>, session: Session): Promise<Token> {
      const [doc] = await Tokens.create([fields], { session });
      return toToken(doc!.toObject());
    },

    async revoke(id: string, by: string, at: Date, session: Session): Promise<Token | undefined> {
      const doc = await Tokens.findOneAndUpdate(
        { _id: toObjectId(id), revokedAt: { $exists: false } },
        { $set: { revokedAt: at, revokedBy: by } },
        { returnDocument: 'after', session },
      ).lean<TokenDoc>();
      return doc ? toToken(doc) : undefined;
    },

    async isEmpty(session: Session): Promise<boolean> {
      return (await Tokens.countDocuments({}).session(session)) === 0;
    },

    /** True when this caller won the right to create the first admin token. */
    async claimBootstrap(session: Session): Promise<boolean> {
      const existing = await meta().findOne({ _id: BOOTSTRAP_CLAIM }, { session });
      if (existing) return false;
      await meta().insertOne({ _id: BOOTSTRAP_CLAIM, at: new Date() }, { session });
      return true;
    },
  };
}
export type TokenRepository = ReturnType<typeof createTokenRepository>;
