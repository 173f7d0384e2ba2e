// API tokens: bearer secrets, stored only as SHA-256 hashes, shown once when created, revocable.
import { z } from 'zod';
import { Role } from '../shared/actor.js';
import { Id } from '../shared/ids.js';
import { PageOf, PageQuery } from '../shared/http/pagination.js';

export const TokenCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(200).describe('who or what uses the token, e.g. "Region Skåne – kemist Anna"'),
    role: Role,
    supplierId: Id.optional().describe('required for, and only for, role `supplier`: the supplier the token acts for'),
  })
  .superRefine((value, ctx) => {
    if (value.role === 'supplier' && value.supplierId === undefined) {
      ctx.addIssue({ code: 'custom', path: ['supplierId'], message: 'a supplier token must name its supplier' });
    }
    if (value.role !== 'supplier' && value.supplierId !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['supplierId'], message: `a ${value.role} token is not bound to a supplier` });
    }
  })
  .meta({ id: 'TokenCreate' });
export type TokenCreate = z.infer<typeof TokenCreate>;

export const Token = z
  .object({
    id: Id,
    name: z.string(),
    role: Role,
    supplierId: Id.optional(),
    prefix: z.string().describe('the first characters of the secret, to recognise it; the secret itself is never stored'),
    createdAt: z.iso.datetime(),
    createdBy: z.string().describe('id of the token that created this one ("system" for the first admin token)'),
    revokedAt: z.iso.datetime().optional(),
  })
  .meta({ id: 'Token' });
export interface Token {
  id: string;
  name: string;
  role: Role;
  supplierId?: string;
  prefix: string;
  createdAt: Date;
  createdBy: string;
  revokedAt?: Date;
}

export const CreatedToken = Token.extend({
  token: z.string().describe('the secret: shown this once, store it now'),
}).meta({ id: 'CreatedToken' });

export const TokenListQuery = z.strictObject({
  role: Role.optional(),
  supplierId: Id.optional(),
  revoked: z.enum(['true', 'false']).optional().describe('only revoked (true) or only active (false) tokens'),
  ...PageQuery,
});
export type TokenListQuery = z.infer<typeof TokenListQuery>;

export const TokenPage = PageOf(Token, 'TokenPage');

/** Who the caller is, as the web interface shows it after sign-in (GET /api/v1/me). */
export const Me = z
  .object({
    tokenId: Id,
    name: z.string().describe('the token\'s name'),
    role: Role,
    supplierId: Id.nullable().describe('the one supplier a supplier token acts for; null for other roles'),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;
