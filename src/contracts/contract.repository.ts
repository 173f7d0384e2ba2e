// Contract records in MongoDB, returned as plain objects.
import type { Connection } from 'mongoose';
import { duplicate } from '../shared/errors.js';
import type { Page, PageRequest } from '../shared/http/pagination.js';
import { toObjectId } from '../shared/ids.js';
import { duplicateKeyFields, escapeRegex, findPage, modelOn } from '../shared/mongo.js';
import type { Session } from '../storage/transaction.js';
import { ContractSchema, type ContractDoc } from './contract.model.js';
import type { Contract } from './contract.schema.js';

export interface ContractFilter {
  supplierId?: string;
  category?: string;
  activeOn?: string;
  q?: string;
}

export type ContractFields = Omit<Contract, 'id' | 'createdAt' | 'updatedAt'>;

const toContract = (doc: ContractDoc): Contract => ({
  id: doc._id.toHexString(),
  number: doc.number,
  title: doc.title,
  buyer: doc.buyer,
  supplierIds: [...doc.supplierIds],
  validFrom: doc.validFrom,
  validTo: doc.validTo,
  category: doc.category,
  requirementProfile: doc.requirementProfile,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
});

function rethrowDuplicate(err: unknown): never {
  if (duplicateKeyFields(err)?.includes('number')) throw duplicate('body.number', 'a contract with this number already exists');
  throw err;
}

export function createContractRepository(connection: Connection) {
  const Contracts = modelOn(connection, 'Contract', ContractSchema);

  return {
    model: Contracts,

    async findById(id: string, session?: Session): Promise<Contract | undefined> {
      const doc = await Contracts.findById(toObjectId(id)).session(session ?? null).lean<ContractDoc>();
      return doc ? toContract(doc) : undefined;
    },

    async findByIds(ids: string[], session?: Session): Promise<Contract[]> {
      const docs = await Contracts.find({ _id: { $in: ids.map(toObjectId) } }).session(session ?? null).lean<ContractDoc[]>();
      return docs.map(toContract);
    },

    async list(filter: ContractFilter, page: PageRequest): Promise<Page<Contract>> {
      const query: Record<string, unknown> = {};
      if (filter.supplierId !== undefined) query.supplierIds = filter.supplierId;
      if (filter.category !== undefined) query.category = filter.category;
      if (filter.activeOn !== undefined) {
        query.validFrom = { $lte: filter.activeOn };
        query.validTo = { $gte: filter.activeOn };
      }
      if (filter.q !== undefined) {
        const pattern = { $regex: escapeRegex(filter.q), $options: 'i' };
        query.$or = [{ number: pattern }, { title: pattern }];
      }
      return findPage(Contracts, query, { number: 1, _id: 1 }, page, toContract);
    },

    /** Every contract's number and title, or only those created or changed at or after `since`. */
    async summariesChangedSince(since: Date | null): Promise<Array<{ id: string; number: string; title: string }>> {
      const docs = await Contracts.find(since ? { updatedAt: { $gte: since } } : {}, { number: 1, title: 1 }).lean<Array<Pick<ContractDoc, '_id' | 'number' | 'title'>>>();
      return docs.map((d) => ({ id: d._id.toHexString(), number: d.number, title: d.title }));
    },

    async countForSupplier(supplierId: string, session?: Session): Promise<number> {
      return Contracts.countDocuments({ supplierIds: supplierId }).session(session ?? null);
    },

    async count(): Promise<number> {
      return Contracts.countDocuments({});
    },

    /** Contracts valid on `day` (YYYY-MM-DD), first and last day included. */
    async countActiveOn(day: string): Promise<number> {
      return Contracts.countDocuments({ validFrom: { $lte: day }, validTo: { $gte: day } });
    },

    async insert(fields: ContractFields, session: Session): Promise<Contract> {
      try {
        const [doc] = await Contracts.create([fields], { session });
        return toContract(doc!.toObject());
      } catch (err) {
        rethrowDuplicate(err);
      }
    },

    async update(id: string, fields: Partial<ContractFields>, session: Session): Promise<Contract | undefined> {
      try {
        const doc = await Contracts.findByIdAndUpdate(toObjectId(id), { $set: fields }, { returnDocument: 'after', session }).lean<ContractDoc>();
        return doc ? toContract(doc) : undefined;
      } catch (err) {
        rethrowDuplicate(err);
      }
    },

    async remove(id: string, session: Session): Promise<boolean> {
      return (await Contracts.deleteOne({ _id: toObjectId(id) }, { session })).deletedCount === 1;
    },
  };
}
export type ContractRepository = ReturnType<typeof createContractRepository>;
