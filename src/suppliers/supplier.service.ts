// Supplier use cases. A supplier token is confined to its own supplier: any other id answers 404.
import type { AuditService } from '../audit/index.js';
import { tenantOf, type Actor } from '../shared/actor.js';
import { forbidden, inUse, notFound, validationFailed } from '../shared/errors.js';
import type { Page } from '../shared/http/pagination.js';
import type { RunInTransaction, Session } from '../storage/transaction.js';
import { normaliseOrgNumber } from './org-number.js';
import type { SupplierFields, SupplierRepository } from './supplier.repository.js';
import type { Supplier, SupplierCreate, SupplierListQuery, SupplierUpdate } from './supplier.schema.js';

/** Records elsewhere that point at a supplier; a supplier with any of them cannot be deleted. */
export type SupplierReferences = (supplierId: string, session: Session) => Promise<string[]>;

/** A searched organisation number in its stored form: "5560360793" finds 556036-0793, "hrb 1" finds HRB 1. */
function searchableOrgNumber(country: string | undefined, raw: string): string {
  const asSwedish = normaliseOrgNumber('SE', raw);
  if ((country === undefined || country === 'SE') && asSwedish.ok) return asSwedish.value;
  const asWritten = normaliseOrgNumber(country ?? 'XX', raw);
  return asWritten.ok ? asWritten.value : raw;
}

// A supplier may keep its own name and contacts current; identity fields are the admin's to change.
const SELF_EDITABLE = new Set<keyof SupplierUpdate>(['name', 'contacts']);

export function createSupplierService(deps: {
  suppliers: SupplierRepository;
  audit: AuditService;
  inTransaction: RunInTransaction;
  referencesTo: SupplierReferences;
}) {
  const { suppliers, audit, inTransaction, referencesTo } = deps;

  function checkedOrgNumber(country: string, orgNumber: string): string {
    const check = normaliseOrgNumber(country, orgNumber);
    if (!check.ok) throw validationFailed([{ path: 'body.orgNumber', message: check.message }]);
    return check.value;
  }

  async function visibleSupplier(actor: Actor, id: string, session?: Session): Promise<Supplier> {
    const tenant = tenantOf(actor);
    const supplier = tenant === undefined || tenant === id ? await suppliers.findById(id, session) : undefined;
    if (!supplier) throw notFound('supplier', id);
    return supplier;
  }

  return {
    async list(actor: Actor, query: SupplierListQuery): Promise<Page<Supplier>> {
      const { limit, offset, orgNumber, ...filter } = query;
      const tenant = tenantOf(actor);
      return suppliers.list(
        {
          ...filter,
          ...(orgNumber !== undefined ? { orgNumber: searchableOrgNumber(filter.country, orgNumber) } : {}),
          ...(tenant !== undefined ? { onlyId: tenant } : {}),
        },
        { limit, offset },
      );
    },

    get: visibleSupplier,

    async create(actor: Actor, input: SupplierCreate): Promise<Supplier> {
      const fields: SupplierFields = { ...input, orgNumber: checkedOrgNumber(input.country, input.orgNumber) };
      return inTransaction(async (session) => {
        const created = await suppliers.insert(fields, session);
        await audit.record(actor, { action: 'supplier.created', entityType: 'supplier', entityId: created.id, supplierId: created.id, before: null, after: created }, session);
        return created;
      });
    },

    async update(actor: Actor, id: string, patch: SupplierUpdate): Promise<Supplier> {
      return inTransaction(async (session) => {
        // Visibility first: another supplier's record answers 404 whatever the patch holds, never 403.
        const before = await visibleSupplier(actor, id, session);
        if (actor.role === 'supplier') {
          const locked = Object.keys(patch).filter((k) => !SELF_EDITABLE.has(k as keyof SupplierUpdate));
          if (locked.length > 0) throw forbidden(`a supplier may change only its name and contacts, not: ${locked.join(', ')}`);
        }
        const fields: Partial<SupplierFields> = { ...patch };
        if (patch.orgNumber !== undefined || patch.country !== undefined) {
          fields.orgNumber = checkedOrgNumber(patch.country ?? before.country, patch.orgNumber ?? before.orgNumber);
        }
        const after = await suppliers.update(id, fields, session);
        if (!after) throw notFound('supplier', id);
        await audit.record(actor, { action: 'supplier.updated', entityType: 'supplier', entityId: id, supplierId: id, before, after }, session);
        return after;
      });
    },

    async remove(actor: Actor, id: string): Promise<void> {
      await inTransaction(async (session) => {
        const before = await visibleSupplier(actor, id, session);
        const references = await referencesTo(id, session);
        if (references.length > 0) throw inUse(`supplier ${id} is still referenced by ${references.join(', ')}; remove those first`);
        await suppliers.remove(id, session);
        await audit.record(actor, { action: 'supplier.deleted', entityType: 'supplier', entityId: id, supplierId: id, before, after: null }, session);
      });
    },
  };
}
export type SupplierService = ReturnType<typeof createSupplierService>;
