// Record ids on the wire: MongoDB ObjectIds as 24 hex characters.
import { Types } from 'mongoose';
import { z } from 'zod';

export const Id = z
  .string()
  .regex(/^[0-9a-fA-F]{24}$/, 'must be a 24-character hexadecimal id')
  .transform((s) => s.toLowerCase())
  .meta({ id: 'Id', description: 'record id (24 hexadecimal characters)', example: '665f1c2b9d3e4a0012345678' });

export const IdParams = z.strictObject({ id: Id });

export const toObjectId = (id: string): Types.ObjectId => new Types.ObjectId(id);
