// Supplier records in MongoDB, returned as plain objects.
import type { Connection } from 'mongoose';
import { duplicate } from '../shared/errors.js';
import type { Page, PageRequest } from '../shared/http/pagination.js';
import { toObjectId } from '../shared/ids.js';
import { duplicateKeyFields, escapeRegex, findPage, modelOn } from '../shared/mongo.js';
import type { Session } from '../storage/transaction.js';
import { SupplierSchema, type SupplierDoc } from './supplier.model.js';
import type { Supplier } from './supplier.schema.js';

export interface SupplierFilter {
  /** Confine to one supplier (a supplier token's tenant). */
  onlyId?: string;
  q?: string;
  country?: string;
  orgNumber?: string;
}

export type SupplierFields = Omit<Supplier, 'id' | 'createdAt' | 'updatedAt'>;

const toSupplier = (doc: SupplierDoc): Supplier => ({
  id: doc._id.toHexString(),
  name: doc.name,
  orgNumber: doc.orgNumber,
  country: doc.country,
  contacts: doc.contacts.map((c) => ({ ...c })),
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

function rethrowDuplicate(err: unknown): never {
  const fields = duplicateKeyFields(err);
  if (fields?.includes('orgNumber')) throw duplicate('body.orgNumber', 'a supplier with this organisation number already exists');
  throw err;
}

export function createSupplierRepository(connection: Connection) {
  const Suppliers = modelOn(connection, 'Supplier', SupplierSchema);

  return {
    model: Suppliers,

    async findById(id: string, session?: Session): Promise<Supplier | undefined> {
      const doc = await Suppliers.findById(toObjectId(id)).session(session ?? null).lean<SupplierDoc>();
      return doc ? toSupplier(doc) : undefined;
    },

    async count(): Promise<number> {
      return Suppliers.countDocuments({});
    },

    async findByIds(ids: readonly string[]): Promise<Supplier[]> {
      if (ids.length === 0) return [];
      const docs = await Suppliers.find({ _id: { $in: ids.map(toObjectId) } }).lean<SupplierDoc[]>();
      return docs.map(toSupplier);
    },

    async exists(id: string, session?: Session): Promise<boolean> {
      return (await Suppliers.exists({ _id: toObjectId(id) }).session(session ?? null)) !== null;
    },

    async list(filter: SupplierFilter, page: PageRequest): Promise<Page<Supplier>> {
      const query: Record<string, unknown> = {};
      if (filter.onlyId !== undefined) query._id = toObjectId(filter.onlyId);
      if (filter.q !== undefined) query.name = { $regex: escapeRegex(filter.q), $options: 'i' };
      if (filter.country !== undefined) query.country = filter.country;
      if (filter.orgNumber !== undefined) query.orgNumber = filter.orgNumber;
      return findPage(Suppliers, query, { name: 1, _id: 1 }, page, toSupplier);
    },

    /** Every supplier's name, or only those created or changed at or after `since` (the search index's view). */
    async namesChangedSince(since: Date | null): Promise<Array<{ id: string; name: string }>> {
      const docs = await Suppliers.find(since ? { updatedAt: { $gte: since } } : {}, { name: 1 }).lean<Array<Pick<SupplierDoc, '_id' | 'name'>>>();
      return docs.map((d) => ({ id: d._id.toHexString(), name: d.name }));
    },

    async insert(fields: SupplierFields, session: Session): Promise<Supplier> {
      try {
        const [doc] = await Suppliers.create([fields], { session });
        return toSupplier(doc!.toObject());
      } catch (err) {
        rethrowDuplicate(err);
      }
    },

    async update(id: string, fields: Partial<SupplierFields>, session: Session): Promise<Supplier | undefined> {
      try {
        const doc = await Suppliers.findByIdAndUpdate(toObjectId(id), { $set: fields }, { returnDocument: 'after', session }).lean<SupplierDoc>();
        return doc ? toSupplier(doc) : undefined;
      } catch (err) {
        rethrowDuplicate(err);
      }
    },

    async remove(id: string, session: Session): Promise<boolean> {
      const result = await Suppliers.deleteOne({ _id: toObjectId(id) }, { session });
      return result.deletedCount === 1;
    },
  };
}
export type SupplierRepository = ReturnType<typeof createSupplierRepository>;
