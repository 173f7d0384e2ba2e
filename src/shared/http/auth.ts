// Bearer-token authentication and role authorisation for API routes.
import { createHash } from 'node:crypto';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
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
 * requests that end in 401. A guessed 256-bit token is hopeless anyway; the limits stop a scanner or a misconfigured
 * integration hammering storage with lookups, and make a stolen-but-revoked token's retries visible as 429s. Once over,
 * every request from that address (or with that token) answers 429 RATE_LIMITED until the window has passed. The
 * counts are per process.
 */
export function limitAuthFailures(limits: AuthFailureLimits): RequestHandler[] {
  const failed = (_req: Request, res: Response): boolean => res.statusCode !== 401;
  const refuse = (what: string) => (req: Request, res: Response, next: NextFunction) => {
    const resetTime = (req as Request & { rateLimit?: { resetTime?: Date } }).rateLimit?.resetTime;
    const seconds = Math.max(1, Math.ceil(((resetTime?.getTime() ?? Date.now() + limits.windowMs) - Date.now()) / 1000));
    res.setHeader('Retry-After', String(seconds));
    next(new ClientError('RATE_LIMITED', `too many failed authentications ${what}; try again in ${seconds} s`));
  };
  const common = { windowMs: limits.windowMs, standardHeaders: false, legacyHeaders: false, requestWasSuccessful: failed, skipSuccessfulRequests: true } as const;
  const perIp = rateLimit({ ...common, limit: limits.perIp, keyGenerator: (req) => ipKeyGenerator(req.ip ?? 'unknown'), handler: refuse('from this address') });
  const perToken = rateLimit({
    ...common,
    limit: limits.perToken,
    // Keyed by a digest of the presented token, so that the limiter holds no secrets.
    keyGenerator: (req) => createHash('sha256').update(req.get('authorization') ?? '').digest('base64url'),
    skip: (req) => req.get('authorization') === undefined,
    handler: refuse('with this token'),
  });
  return [perIp, perToken];
}
