// Bearer-token authentication and role authorisation for API routes.
import type { RequestHandler } from 'express';
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
