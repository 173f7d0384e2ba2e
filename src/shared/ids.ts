// Record ids on the wire: MongoDB ObjectIds as 24 hex characters.
import { Types } from 'mongoose';
import { z } from 'zod';

export const Id = z
  .string()
  .regex(/^[0-9a-fA-F]{24}$/, 'must be a 24-character hexadecimal id')
  .transform((s) => s.toLowerCase())
  .meta({ id: 'Id', description: 'record id (24 hexadecimal characters)', example: '665f1c2b9d3e4a0012345678' });

export const IdParams = z.strictObject({ id: Id });

/** Ids separated by commas in a query string (`?ids=a,b`): 1 to `max` of them. */
export function commaSeparatedIds(max: number) {
  return z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()))
    .pipe(z.array(Id).min(1).max(max))
    .describe(`ids separated by commas (at most ${max})`);
}

export const toObjectId = (id: string): Types.ObjectId => new Types.ObjectId(id);
