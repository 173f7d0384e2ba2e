import type { ApiRegistry } from '../shared/http/route.js';
import { IdParams } from '../shared/ids.js';
import { CreatedToken, Me, Token, TokenCreate, TokenListQuery, TokenPage } from './token.schema.js';
import type { TokenService } from './token.service.js';

export function registerTokenRoutes(api: ApiRegistry, tokens: TokenService): void {
  api.define(
    {
      method: 'get', path: '/me', operationId: 'getMe', tag: 'tokens', roles: ['admin', 'expert', 'procurement', 'supplier'],
      summary: 'Who the token belongs to: its name, role and, for a supplier token, its supplier',
      description: 'What a client (the web interface) needs after sign-in to show what the role may do.',
      responses: { 200: { description: 'the caller', schema: Me } },
    },
    ({ actor }, res) => {
      const me: Me = { tokenId: actor.tokenId, name: actor.tokenName, role: actor.role, supplierId: actor.supplierId ?? null };
      res.json(me);
    },
  );

  api.define(
    {
      method: 'post', path: '/tokens', operationId: 'createToken', tag: 'tokens', roles: ['admin'],
      summary: 'Issue an API token', description: 'The secret is in the answer once and never again; only its hash is stored.',
      body: TokenCreate,
      responses: { 201: { description: 'the token, with its secret', schema: CreatedToken } },
    },
    async ({ actor, body }, res) => {
      res.status(201).json(await tokens.create(actor, body));
    },
  );

  api.define(
    {
      method: 'get', path: '/tokens', operationId: 'listTokens', tag: 'tokens', roles: ['admin'],
      summary: 'List API tokens (never their secrets)',
      query: TokenListQuery,
      responses: { 200: { description: 'a page of tokens', schema: TokenPage } },
    },
    async ({ query }, res) => {
      res.json(await tokens.list(query));
    },
  );

  api.define(
    {
      method: 'delete', path: '/tokens/:id', operationId: 'revokeToken', tag: 'tokens', roles: ['admin'],
      summary: 'Revoke an API token', description: 'The token stops working at once. The record stays, marked revoked, for the audit trail.',
      params: IdParams,
      responses: {
        200: { description: 'the revoked token', schema: Token },
        404: { description: 'no such token (NOT_FOUND)' },
        409: { description: 'the last active admin token cannot be revoked (CONFLICT)' },
      },
    },
    async ({ actor, params }, res) => {
      res.json(await tokens.revoke(actor, params.id));
    },
  );
}
