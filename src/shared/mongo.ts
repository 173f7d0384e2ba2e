// Small helpers shared by repositories (the only code that touches mongoose models).
import type { Connection, Model, Schema } from 'mongoose';
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

/** Escape user text for use inside a $regex (a search for "a.b" must not match "axb"). */
export const escapeRegex = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
