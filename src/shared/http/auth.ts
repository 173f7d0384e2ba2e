// Bearer-token authentication and role authorisation for API routes.
import { createHash } from 'node:crypto';
import type { Request, RequestHandler } from 'express';
import { ipKeyGenerator, MemoryStore } from 'express-rate-limit';
import type { Actor, Role } from '../actor.js';
import { ClientError, forbidden } from '../errors.js';
import { requestIdOf } from './request-id.js';

/** What authentication needs from the tokens feature: a secret in, the token's identity out (or null). */
export interface TokenVerifier {
  verify(secret: string): Promise<Omit<Actor, 'requestId'> | null>;
}

const BEARER = /^Bearer ([\x21-\x7e]{1,512})$/;

export function authenticate(verifier: TokenVerifier): RequestHandler {
  return async (req, res, next) => {
    const header = req.get('authorization');
    if (header === undefined) {
      res.setHeader('WWW-Authenticate', 'Bearer');
      throw new ClientError('UNAUTHENTICATED', 'this route needs an API token: Authorization: Bearer <token>');
    }
    const match = BEARER.exec(header);
    const identity = match?.[1] ? await verifier.verify(match[1]) : null;
    if (!identity) {
      // Unknown, malformed and revoked tokens answer alike: the caller learns nothing about which it was.
      res.setHeader('WWW-Authenticate', 'Bearer error="invalid_token"');
      throw new ClientError('INVALID_TOKEN', 'the API token is not valid (unknown or revoked)');
    }
    const actor: Actor = { ...identity, requestId: requestIdOf(req) };
    res.locals.actor = actor;
    next();
  };
}

export function authorize(roles: readonly Role[]): RequestHandler {
  return (_req, res, next) => {
    const actor = res.locals.actor as Actor;
    if (!roles.includes(actor.role)) throw forbidden(`the ${actor.role} role may not do this (allowed: ${roles.join(', ')})`);
    next();
  };
}

export interface AuthFailureLimits {
  perIp: number;
  perToken: number;
  windowMs: number;
}

/**
 * Rate limits on failed authentication (issue 9): per client address, and per token presented, counting only the
 * requests that ended in 401. A guessed 256-bit token is hopeless anyway; the limits stop a scanner or a misconfigured
 * integration hammering storage with lookups, and make a stolen-but-revoked token's retries visible as 429s. Once over,
 * every request from that address (or with that token) answers 429 RATE_LIMITED until its window has passed.
 *
 * express-rate-limit's middleware counts a request when it arrives and takes it back when it succeeds, so a busy
 * client with many requests in flight would be refused although none failed: only its store (fixed windows, per
 * process) is used here, and a failure is counted when its 401 has been sent.
 */
export function limitAuthFailures(limits: AuthFailureLimits): RequestHandler {
  const counter = (limit: number, what: string, keyOf: (req: Request) => string | undefined) => {
    const store = new MemoryStore();
    // The store reads only the window from the middleware's options.
    store.init({ windowMs: limits.windowMs } as Parameters<MemoryStore['init']>[0]);
    return { limit, what, keyOf, store };
  };
  const counters = [
    counter(limits.perIp, 'from this address', (req) => ipKeyGenerator(req.ip ?? 'unknown')),
    // Keyed by a digest of the presented token, so that the limiter holds no secrets.
    counter(limits.perToken, 'with this token', (req) => {
      const header = req.get('authorization');
      return header === undefined ? undefined : createHash('sha256').update(header).digest('base64url');
    }),
  ];
  return (req, res, next) => {
    const keys = counters.map((c) => c.keyOf(req));
    Promise.all(counters.map((c, i) => (keys[i] === undefined ? Promise.resolve(undefined) : c.store.get(keys[i])))).then((hits) => {
      for (const [i, c] of counters.entries()) {
        const info = hits[i];
        if (info === undefined || info.totalHits < c.limit) continue;
        const seconds = Math.max(1, Math.ceil(((info.resetTime?.getTime() ?? Date.now() + limits.windowMs) - Date.now()) / 1000));
        res.setHeader('Retry-After', String(seconds));
        next(new ClientError('RATE_LIMITED', `too many failed authentications ${c.what}; try again in ${seconds} s`));
        return;
      }
      res.on('finish', () => {
        if (res.statusCode !== 401) return;
        for (const [i, c] of counters.entries()) if (keys[i] !== undefined) void c.store.increment(keys[i]);
      });
      next();
    }, next);
  };
}
