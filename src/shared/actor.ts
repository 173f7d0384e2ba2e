// Who is calling: resolved from the bearer token by shared/http/auth.ts, handed to services as a plain value.
import { z } from 'zod';

/** Roles (domain.md "The people"): admins manage, experts review, procurement reads, suppliers see only their own. */
export const Role = z.enum(['admin', 'expert', 'procurement', 'supplier']).meta({ id: 'Role' });
export type Role = z.infer<typeof Role>;

export interface Actor {
  readonly tokenId: string;
  readonly tokenName: string;
  readonly role: Role;
  /** Set exactly when role is `supplier`: the one supplier this caller acts for. */
  readonly supplierId: string | undefined;
  readonly requestId: string;
}

/** Who did something, as records keep it (uploadedBy, submittedBy, createdBy …): the token, not its secret. */
export function tokenOf(actor: Actor): { tokenId: string; tokenName: string; role: Role } {
  return { tokenId: actor.tokenId, tokenName: actor.tokenName, role: actor.role };
}

/** The supplier a caller is confined to, or undefined when the caller may see every supplier. */
export function tenantOf(actor: Actor): string | undefined {
  return actor.role === 'supplier' ? actor.supplierId : undefined;
}
