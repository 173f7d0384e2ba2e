// Small helpers shared by repositories (the only code that touches mongoose models).
import type { Connection, Model, Schema, SortOrder } from 'mongoose';
import type { Page, PageRequest } from './http/pagination.js';
import { MongoServerError } from 'mongodb';

/** A model bound to one connection (tests open several), compiled once per connection. */
export function modelOn<T>(connection: Connection, name: string, schema: Schema<T>): Model<T> {
  return (connection.models[name] as Model<T> | undefined) ?? connection.model<T>(name, schema);
}

/** Duplicate-key error (E11000): which indexed fields collided, so the caller gets a 409 naming them. */
export function duplicateKeyFields(err: unknown): string[] | undefined {
  if (!(err instanceof MongoServerError) || err.code !== 11000) return undefined;
  const pattern = (err as MongoServerError & { keyPattern?: Record<string, unknown> }).keyPattern;
  return pattern ? Object.keys(pattern) : [];
}

/**
 * One page of a filtered, sorted query plus the total count of matches, mapped to plain records. `projection`
 * leaves bulky fields out of list pages.
 */
export async function findPage<TDoc, TOut>(
  model: Model<TDoc>,
  query: Record<string, unknown>,
  sort: Record<string, SortOrder>,
  page: PageRequest,
  map: (doc: TDoc) => TOut,
  projection?: Record<string, 0>,
): Promise<Page<TOut>> {
  const [docs, total] = await Promise.all([
    model.find(query, projection).sort(sort).skip(page.offset).limit(page.limit).lean<TDoc[]>(),
    model.countDocuments(query),
  ]);
  return { items: docs.map(map), total, ...page };
}

/** Escape user text for use inside a $regex (a search for "a.b" must not match "axb"). */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Of documents numbered per product (SDS and declaration revisions), each product's highest-numbered one, mapped. */
export function latestPerProduct<TDoc extends { productId: string; revisionNumber: number }, TOut>(docs: readonly TDoc[], map: (doc: TDoc) => TOut): Map<string, TOut> {
  const latest = new Map<string, TDoc>();
  for (const doc of docs) {
    const seen = latest.get(doc.productId);
    if (!seen || doc.revisionNumber > seen.revisionNumber) latest.set(doc.productId, doc);
  }
  return new Map([...latest].map(([productId, doc]) => [productId, map(doc)]));
}

/**
 * How many documents (matching `filter`) carry each value of `field`, counted by the database in one $group: only the
 * counts come back, never the documents. Values are keyed as strings; a missing field counts under 'null'.
 */
export async function countBy<TDoc>(model: Model<TDoc>, field: string, filter: Record<string, unknown> = {}): Promise<Map<string, number>> {
  const rows = await model.aggregate<{ _id: unknown; count: number }>([
    ...(Object.keys(filter).length > 0 ? [{ $match: filter }] : []),
    { $group: { _id: `$${field}`, count: { $sum: 1 } } },
  ]);
  return new Map(rows.map((row) => [String(row._id), row.count]));
}
