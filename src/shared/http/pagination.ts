// Offset pagination shared by every list endpoint: `?limit=&offset=` in, `{ items, total, limit, offset }` out.
import { z } from 'zod';

export const MAX_PAGE_SIZE = 200;

export const PageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_PAGE_SIZE).default(50).describe(`page size (1-${MAX_PAGE_SIZE})`),
  offset: z.coerce.number().int().min(0).default(0).describe('number of items to skip'),
};

export interface PageRequest {
  limit: number;
  offset: number;
}

export interface Page<T> extends PageRequest {
  items: T[];
  total: number;
}

export function PageOf<T extends z.ZodType>(item: T, id: string) {
  return z
    .object({
      items: z.array(item),
      total: z.number().int().describe('number of items matching the filters'),
      limit: z.number().int(),
      offset: z.number().int(),
    })
    .meta({ id });
}
