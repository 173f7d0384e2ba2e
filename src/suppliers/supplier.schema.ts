// Suppliers: the organisations that sell under contracts and declare what their products contain.
import { z } from 'zod';
import { Id } from '../shared/ids.js';
import { PageOf, PageQuery } from '../shared/http/pagination.js';

export const Country = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code in capitals, e.g. SE')
  .describe('ISO 3166-1 alpha-2 country code');

export const Contact = z
  .strictObject({
    name: z.string().trim().min(1).max(200),
    email: z.email().max(320).optional(),
    phone: z.string().trim().min(3).max(50).optional(),
    role: z.string().trim().min(1).max(100).optional().describe('e.g. "sustainability", "quality", "sales"'),
  })
  .meta({ id: 'Contact' });

const OrgNumber = z
  .string()
  .trim()
  .min(2)
  .max(40)
  .regex(/^[A-Za-z0-9][A-Za-z0-9 ./-]*$/, 'may contain letters, digits, spaces, dots, slashes and hyphens')
  .describe('organisation number; Swedish ones (country SE) as NNNNNN-NNNN with a valid check digit');

export const SupplierCreate = z
  .strictObject({
    name: z.string().trim().min(1).max(300),
    orgNumber: OrgNumber,
    country: Country.default('SE'),
    contacts: z.array(Contact).max(50).default([]),
  })
  .meta({ id: 'SupplierCreate' });
export type SupplierCreate = z.infer<typeof SupplierCreate>;

export const SupplierUpdate = z
  .strictObject({
    name: z.string().trim().min(1).max(300).optional(),
    orgNumber: OrgNumber.optional(),
    country: Country.optional(),
    contacts: z.array(Contact).max(50).optional(),
  })
  .meta({ id: 'SupplierUpdate', description: 'fields to change; a supplier token may change only name and contacts' });
export type SupplierUpdate = z.infer<typeof SupplierUpdate>;

export const Supplier = z
  .object({
    id: Id,
    name: z.string(),
    orgNumber: z.string(),
    country: z.string(),
    contacts: z.array(Contact),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Supplier' });
export interface Supplier {
  id: string;
  name: string;
  orgNumber: string;
  country: string;
  contacts: z.infer<typeof Contact>[];
  createdAt: Date;
  updatedAt: Date;
}

export const SupplierListQuery = z.strictObject({
  q: z.string().trim().min(1).max(200).optional().describe('text in the supplier name (case-insensitive)'),
  country: Country.optional(),
  orgNumber: z.string().trim().min(1).max(40).optional(),
  ...PageQuery,
});
export type SupplierListQuery = z.infer<typeof SupplierListQuery>;

export const SupplierPage = PageOf(Supplier, 'SupplierPage');
