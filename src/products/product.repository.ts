// Product records in MongoDB, returned as plain objects.
import type { Connection } from 'mongoose';
import type { Page, PageRequest } from '../shared/http/pagination.js';
import { toObjectId } from '../shared/ids.js';
import { countBy, escapeRegex, findPage, modelOn } from '../shared/mongo.js';
import type { Session } from '../storage/transaction.js';
import { ProductSchema, type ProductDoc } from './product.model.js';
import type { Product, ProductKind } from './product.schema.js';

export interface ProductFilter {
  ids?: string[];
  supplierId?: string;
  contractId?: string;
  category?: string;
  kind?: ProductKind;
  q?: string;
}

export type ProductFields = Omit<Product, 'id' | 'createdAt' | 'updatedAt'>;
/** A change: optional fields set to null are removed. */
export type ProductChange = { [K in keyof Omit<ProductFields, 'supplierId'>]?: ProductFields[K] | null };

const toProduct = (doc: ProductDoc): Product => ({
  id: doc._id.toHexString(),
  supplierId: doc.supplierId,
  name: doc.name,
  ...(doc.tradeName !== undefined ? { tradeName: doc.tradeName } : {}),
  supplierArticleNumbers: [...doc.supplierArticleNumbers],
  buyerArticleNumbers: [...doc.buyerArticleNumbers],
  ...(doc.category !== undefined ? { category: doc.category } : {}),
  kind: doc.kind,
  contractIds: [...doc.contractIds],
  ...(doc.intendedUse !== undefined ? { intendedUse: doc.intendedUse } : {}),
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

export function createProductRepository(connection: Connection) {
  const Products = modelOn(connection, 'Product', ProductSchema);

  return {
    model: Products,

    async findById(id: string, session?: Session): Promise<Product | undefined> {
      const doc = await Products.findById(toObjectId(id)).session(session ?? null).lean<ProductDoc>();
      return doc ? toProduct(doc) : undefined;
    },

    async findByIds(ids: readonly string[], session?: Session): Promise<Product[]> {
      const docs = await Products.find({ _id: { $in: ids.map(toObjectId) } }).session(session ?? null).lean<ProductDoc[]>();
      return docs.map(toProduct);
    },

    /** The supplier's products carrying any of `numbers` as a supplier article number. */
    async findBySupplierArticleNumbers(supplierId: string, numbers: readonly string[], session?: Session): Promise<Product[]> {
      if (numbers.length === 0) return [];
      const docs = await Products.find({ supplierId, supplierArticleNumbers: { $in: [...numbers] } }).session(session ?? null).lean<ProductDoc[]>();
      return docs.map(toProduct);
    },

    async list(filter: ProductFilter, page: PageRequest): Promise<Page<Product>> {
      const query: Record<string, unknown> = {};
      if (filter.ids !== undefined) query._id = { $in: filter.ids };
      if (filter.supplierId !== undefined) query.supplierId = filter.supplierId;
      if (filter.contractId !== undefined) query.contractIds = filter.contractId;
      if (filter.category !== undefined) query.category = filter.category;
      if (filter.kind !== undefined) query.kind = filter.kind;
      if (filter.q !== undefined) {
        const pattern = { $regex: escapeRegex(filter.q), $options: 'i' };
        query.$or = [{ name: pattern }, { tradeName: pattern }, { supplierArticleNumbers: pattern }, { buyerArticleNumbers: pattern }];
      }
      return findPage(Products, query, { name: 1, _id: 1 }, page, toProduct);
    },

    /**
     * Every product in _id order, `size` at a time: how a re-screen walks the registry. One query and its cursor, not a
     * query per batch (the embedded engine has no range index on _id, so each `_id > last` query would rescan).
     */
    async *batches(size: number): AsyncGenerator<Product[]> {
      let batch: Product[] = [];
      for await (const doc of Products.find({}).sort({ _id: 1 }).lean<ProductDoc[]>().cursor({ batchSize: size })) {
        batch.push(toProduct(doc));
        if (batch.length === size) {
          yield batch;
          batch = [];
        }
      }
      if (batch.length > 0) yield batch;
    },

    /** Ids of the products created or changed at or after `since` (the search index catches up by them). */
    async idsChangedSince(since: Date): Promise<string[]> {
      const docs = await Products.find({ updatedAt: { $gte: since } }, { _id: 1 }).lean<Array<Pick<ProductDoc, '_id'>>>();
      return docs.map((d) => d._id.toHexString());
    },

    async count(): Promise<number> {
      return Products.countDocuments({});
    },

    /** How many products there are of each kind (kinds without products are absent). */
    async countByKind(): Promise<Map<string, number>> {
      return countBy(Products, 'kind');
    },

    async countForSupplier(supplierId: string, session?: Session): Promise<number> {
      return Products.countDocuments({ supplierId }).session(session ?? null);
    },

    /** Ids of the supplier's products sold under the contract, oldest first. */
    async idsOnContract(contractId: string, supplierId: string, session?: Session): Promise<string[]> {
      const docs = await Products.find({ contractIds: contractId, supplierId }, { _id: 1 }).sort({ _id: 1 }).session(session ?? null).lean<Array<Pick<ProductDoc, '_id'>>>();
      return docs.map((d) => d._id.toHexString());
    },

    /** The products sold under the contract (only `supplierId`'s, when given), by name: a contract follow-up's rows. */
    async listOnContract(contractId: string, supplierId?: string): Promise<Product[]> {
      const query: Record<string, unknown> = { contractIds: contractId };
      if (supplierId !== undefined) query.supplierId = supplierId;
      const docs = await Products.find(query).sort({ name: 1, _id: 1 }).lean<ProductDoc[]>();
      return docs.map(toProduct);
    },

    /** Every product of the supplier, by name. */
    async listForSupplier(supplierId: string): Promise<Product[]> {
      const docs = await Products.find({ supplierId }).sort({ name: 1, _id: 1 }).lean<ProductDoc[]>();
      return docs.map(toProduct);
    },

    async countOnContract(contractId: string, supplierIds: string[] | undefined, session?: Session): Promise<number> {
      const query: Record<string, unknown> = { contractIds: contractId };
      if (supplierIds !== undefined) query.supplierId = { $in: supplierIds };
      return Products.countDocuments(query).session(session ?? null);
    },

    async insert(fields: ProductFields, session: Session): Promise<Product> {
      const [doc] = await Products.create([fields], { session });
      return toProduct(doc!.toObject());
    },

    async update(id: string, change: ProductChange, session: Session): Promise<Product | undefined> {
      const $set: Record<string, unknown> = {};
      const $unset: Record<string, ''> = {};
      for (const [key, value] of Object.entries(change)) {
        if (value === null) $unset[key] = '';
        else if (value !== undefined) $set[key] = value;
      }
      const update = { ...(Object.keys($set).length ? { $set } : {}), ...(Object.keys($unset).length ? { $unset } : {}) };
      const doc = await Products.findByIdAndUpdate(toObjectId(id), update, { returnDocument: 'after', session }).lean<ProductDoc>();
      return doc ? toProduct(doc) : undefined;
    },

    async remove(id: string, session: Session): Promise<boolean> {
      return (await Products.deleteOne({ _id: toObjectId(id) }, { session })).deletedCount === 1;
    },
  };
}
export type ProductRepository = ReturnType<typeof createProductRepository>;
