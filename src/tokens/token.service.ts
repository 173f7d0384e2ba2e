// Token use cases: issue, verify, list, revoke, and the first admin token on an empty database.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { SYSTEM_ACTOR, type AuditService } from '../audit/index.js';
import type { Actor } from '../shared/actor.js';
import { ClientError, invalidReference, notFound } from '../shared/errors.js';
import type { TokenVerifier } from '../shared/http/auth.js';
import type { Page } from '../shared/http/pagination.js';
import type { RunInTransaction, Session } from '../storage/transaction.js';
import type { TokenRepository } from './token.repository.js';
import type { Token, TokenCreate, TokenListQuery } from './token.schema.js';

// 32 random bytes (256 bits): a fast hash (SHA-256) is then enough at rest, because the secret cannot be
// guessed; slow password hashes exist for low-entropy human passwords, not for random tokens.
const newSecret = (): string => `chemreg_${randomBytes(32).toString('base64url')}`;
const hashOf = (secret: string): string => createHash('sha256').update(secret, 'utf8').digest('hex');
const sameHash = (a: string, b: string): boolean => a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
// Enough to tell tokens apart in a list, far too little to guess the rest.
const prefixOf = (secret: string): string => secret.slice(0, Math.min(12, Math.floor(secret.length / 4)));
/**
 * How long a verified token is trusted without reading it again. Every API request is verified, and reading the token
 * each time cost more than many requests themselves (a search answers from memory). A revocation made through this
 * process applies at once; one made through another process (another instance, the CLI) within this time.
 */
const VERIFIED_FOR_MS = 5_000;
const MAX_VERIFIED = 10_000;

export interface FirstAdmin {
  /** The secret, when chemreg generated it and it must be shown once; undefined when it came from the config. */
  generatedSecret?: string;
  token: Token;
}

export function createTokenService(deps: {
  tokens: TokenRepository;
  audit: AuditService;
  inTransaction: RunInTransaction;
  supplierExists: (id: string, session: Session) => Promise<boolean>;
}) {
  const { tokens, audit, inTransaction, supplierExists } = deps;

  async function issue(actor: Actor, input: TokenCreate, secret: string, session: Session): Promise<Token> {
    const token = await tokens.insert(
      {
        name: input.name,
        role: input.role,
        ...(input.supplierId !== undefined ? { supplierId: input.supplierId } : {}),
        hash: hashOf(secret),
        prefix: prefixOf(secret),
        createdAt: new Date(),
        createdBy: actor.tokenId,
      },
      session,
    );
    await audit.record(actor, { action: 'token.created', entityType: 'token', entityId: token.id, supplierId: token.supplierId, before: null, after: token }, session);
    return token;
  }

  type Verified = NonNullable<Awaited<ReturnType<TokenVerifier['verify']>>>;
  const verified = new Map<string, { identity: Verified; until: number }>();
  // Bumped before and after every revocation: a verification that read the token meanwhile must not be cached.
  let revocations = 0;

  const verifier: TokenVerifier = {
    async verify(secret) {
      const hash = hashOf(secret);
      const known = verified.get(hash);
      if (known && known.until > Date.now()) return known.identity;
      const before = revocations;
      const token = await tokens.findActiveByHash(hash);
      // The lookup already matched the hash; compared again in constant time, so that no comparison whose duration
      // depends on the secret decides, whatever the storage engine does with the lookup.
      if (!token || !sameHash(token.hash, hash)) {
        verified.delete(hash);
        return null;
      }
      const identity: Verified = { tokenId: token.id, tokenName: token.name, role: token.role, supplierId: token.supplierId };
      if (before === revocations) {
        if (verified.size >= MAX_VERIFIED) verified.clear();
        verified.set(hash, { identity, until: Date.now() + VERIFIED_FOR_MS });
      }
      return identity;
    },
  };

  return {
    verifier,

    async create(actor: Actor, input: TokenCreate): Promise<Token & { token: string }> {
      const secret = newSecret();
      const token = await inTransaction(async (session) => {
        if (input.supplierId !== undefined && !(await supplierExists(input.supplierId, session))) {
          throw invalidReference('body.supplierId', `supplier ${input.supplierId} does not exist`);
        }
        return issue(actor, input, secret, session);
      });
      return { ...token, token: secret };
    },

    async list(query: TokenListQuery): Promise<Page<Token>> {
      const { limit, offset, revoked, ...filter } = query;
      return tokens.list({ ...filter, ...(revoked !== undefined ? { revoked: revoked === 'true' } : {}) }, { limit, offset });
    },

    async revoke(actor: Actor, id: string): Promise<Token> {
      revocations++;
      try {
        return await inTransaction(async (session) => {
          const before = await tokens.findById(id, session);
          if (!before) throw notFound('token', id);
          if (before.revokedAt) return before; // revoking twice changes nothing
          if (before.role === 'admin' && (await tokens.countActive({ role: 'admin' }, session)) <= 1) {
            // Revoking the last admin token would lock everyone out of token management for good.
            throw new ClientError('CONFLICT', 'this is the last active admin token; create another admin token before revoking it');
          }
          const after = await tokens.revoke(id, actor.tokenId, new Date(), session);
          if (!after) throw notFound('token', id);
          await audit.record(actor, { action: 'token.revoked', entityType: 'token', entityId: id, supplierId: after.supplierId, before, after }, session);
          return after;
        });
      } finally {
        // After the commit: forget the token here, and cache no verification that read it while it was being revoked.
        revocations++;
        for (const [hash, { identity }] of verified) if (identity.tokenId === id) verified.delete(hash);
      }
    },

    /**
     * First start on an empty database: create the admin token, from CHEMREG_ADMIN_TOKEN when configured,
     * else from a random secret that the caller prints once. Returns undefined when tokens already exist.
     */
    async ensureFirstAdmin(configuredSecret: string | undefined): Promise<FirstAdmin | undefined> {
      const secret = configuredSecret ?? newSecret();
      const token = await inTransaction(async (session) => {
        if (!(await tokens.isEmpty(session))) return undefined;
        if (!(await tokens.claimBootstrap(session))) return undefined;
        return issue(SYSTEM_ACTOR, { name: 'first admin token', role: 'admin' }, secret, session);
      });
      if (!token) return undefined;
      return configuredSecret === undefined ? { generatedSecret: secret, token } : { token };
    },
  };
}
export type TokenService = ReturnType<typeof createTokenService>;
