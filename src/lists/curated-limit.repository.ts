// Curated-limit overrides in MongoDB, returned as plain objects (without the entries they match: the service adds those).
import type { Connection } from 'mongoose';
import { tokenOf, type Actor } from '../shared/actor.js';
import { duplicate } from '../shared/errors.js';
import { toObjectId } from '../shared/ids.js';
import { duplicateKeyFields, modelOn } from '../shared/mongo.js';
import type { Session } from '../storage/transaction.js';
import { CuratedLimitOverrideSchema, type CuratedLimitOverrideDoc } from './curated-limit.model.js';
import { normaliseEntryNumber, type CuratedLimitOverride } from './curated-limits.js';

export interface StoredOverride extends CuratedLimitOverride {
  id: string;
  createdAt: Date;
  updatedAt: Date;
  createdBy: { tokenId: string; tokenName: string; role: string };
  updatedBy: { tokenId: string; tokenName: string; role: string };
}

const toOverride = (doc: CuratedLimitOverrideDoc): StoredOverride => ({
  id: doc._id.toHexString(),
  listId: doc.listId,
  entryNumber: doc.entryNumber,
  substance: doc.substance,
  names: [...doc.names],
  tokens: [...doc.tokens],
  cas: [...doc.cas],
  percent: doc.percent,
  basis: doc.basis,
  inclusive: doc.inclusive,
  scope: doc.scope,
  reference: doc.reference,
  confidence: doc.confidence,
  verified: doc.verified,
  createdAt: doc.createdAt,
  updatedAt: doc.updatedAt,
  createdBy: { tokenId: doc.createdBy.tokenId, tokenName: doc.createdBy.tokenName, role: doc.createdBy.role },
  updatedBy: { tokenId: doc.updatedBy.tokenId, tokenName: doc.updatedBy.tokenName, role: doc.updatedBy.role },
});


function uniqueKeyOf(row: CuratedLimitOverride, id: string): string {
  return row.listId === 'reach-annex-xvii' && row.entryNumber !== null ? `${row.listId}#${normaliseEntryNumber(row.entryNumber)}` : `${row.listId}#${id}`;
}

function rethrowDuplicate(err: unknown): never {
  if (duplicateKeyFields(err)?.includes('uniqueKey')) throw duplicate('body.entryNumber', 'this Annex XVII entry already has an override; change or delete that one');
  throw err;
}

export function createCuratedLimitRepository(connection: Connection) {
  const Overrides = modelOn(connection, 'CuratedLimitOverride', CuratedLimitOverrideSchema);

  return {
    model: Overrides,

    /** Every override, newest first: the order in which they win (findCuratedLimit takes the first that matches). */
    async all(session?: Session): Promise<StoredOverride[]> {
      return (await Overrides.find({}).sort({ updatedAt: -1, _id: -1 }).session(session ?? null).lean<CuratedLimitOverrideDoc[]>()).map(toOverride);
    },

    async findById(id: string, session?: Session): Promise<StoredOverride | undefined> {
      const doc = await Overrides.findById(toObjectId(id)).session(session ?? null).lean<CuratedLimitOverrideDoc>();
      return doc ? toOverride(doc) : undefined;
    },

    async insert(actor: Actor, row: CuratedLimitOverride, session: Session): Promise<StoredOverride> {
      const doc = new Overrides({ ...row, createdBy: tokenOf(actor), updatedBy: tokenOf(actor) });
      doc.uniqueKey = uniqueKeyOf(row, doc._id.toHexString());
      try {
        await doc.save({ session });
      } catch (err) {
        rethrowDuplicate(err);
      }
      return toOverride(doc.toObject());
    },

    async replace(actor: Actor, id: string, row: CuratedLimitOverride, session: Session): Promise<StoredOverride | undefined> {
      try {
        const doc = await Overrides.findOneAndUpdate(
          { _id: toObjectId(id) },
          { $set: { ...row, uniqueKey: uniqueKeyOf(row, id), updatedBy: tokenOf(actor) } },
          { returnDocument: 'after', session },
        ).lean<CuratedLimitOverrideDoc>();
        return doc ? toOverride(doc) : undefined;
      } catch (err) {
        rethrowDuplicate(err);
      }
    },

    async delete(id: string, session: Session): Promise<StoredOverride | undefined> {
      const doc = await Overrides.findOneAndDelete({ _id: toObjectId(id) }, { session }).lean<CuratedLimitOverrideDoc>();
      return doc ? toOverride(doc) : undefined;
    },
  };
}
export type CuratedLimitRepository = ReturnType<typeof createCuratedLimitRepository>;
