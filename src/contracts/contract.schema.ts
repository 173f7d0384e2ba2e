// Contracts: framework agreements (ramavtal) between a buyer organisation and one or more suppliers, with the
// chemical requirements the buyer follows up (domain.md "contract follow-up").
import { z } from 'zod';
import { Id } from '../shared/ids.js';
import { PageOf, PageQuery } from '../shared/http/pagination.js';

export const Severity = z.enum(['red', 'orange', 'yellow', 'info']).meta({ id: 'Severity', description: 'domain.md "Findings": red illegal, orange information duty or contract breach, yellow substitute, info watch' });
const Count = z.number().int().min(0);
/** A count for every severity, zeros included. */
export const SeverityCounts = z.object({ red: Count, orange: Count, yellow: Count, info: Count }).meta({ id: 'SeverityCounts' });
export type SeverityCounts = z.infer<typeof SeverityCounts>;

// A requirement profile says which lists the contract applies and how strictly. It is deliberately loose for
// now (issue 3); the screening issue gives it teeth.
export const RequirementProfile = z
  .strictObject({
    lists: z
      .array(
        z.strictObject({
          list: z.string().trim().min(1).max(100).describe('list id, e.g. "echa-candidate-list" or a region\'s own list'),
          severity: Severity.optional().describe('severity a hit on this list gets under this contract'),
          thresholdPercent: z.number().min(0).max(100).optional().describe('concentration limit in % w/w, e.g. 0.1'),
          note: z.string().trim().max(2000).optional(),
        }),
      )
      .max(100)
      .default([]),
    clauses: z
      .array(z.strictObject({ ref: z.string().trim().min(1).max(100).describe('clause number in the contract'), text: z.string().trim().min(1).max(5000) }))
      .max(200)
      .default([])
      .describe('requirement text as written in the contract'),
  })
  .meta({ id: 'RequirementProfile' });
export type RequirementProfile = z.infer<typeof RequirementProfile>;

const ContractNumber = z.string().trim().min(1).max(100).describe('the buyer\'s contract (diarie) number, unique');
const distinct = (ids: string[]) => new Set(ids).size === ids.length;
const SupplierIds = z.array(Id).max(1000).refine(distinct, 'must not repeat a supplier');

const ContractFields = {
  number: ContractNumber,
  title: z.string().trim().min(1).max(300),
  buyer: z.string().trim().min(1).max(300).describe('buyer organisation, e.g. "Region Stockholm"'),
  supplierIds: SupplierIds,
  validFrom: z.iso.date().describe('first day the contract is valid (YYYY-MM-DD)'),
  validTo: z.iso.date().describe('last day the contract is valid (YYYY-MM-DD)'),
  category: z.string().trim().min(1).max(200).describe('procurement category, e.g. "cleaning chemicals"'),
  requirementProfile: RequirementProfile,
};

const validityOrdered = (c: { validFrom?: string | undefined; validTo?: string | undefined }) =>
  c.validFrom === undefined || c.validTo === undefined || c.validFrom <= c.validTo;
const validityIssue = { message: 'validTo must not be before validFrom', path: ['validTo'] };

export const ContractCreate = z
  .strictObject({ ...ContractFields, supplierIds: SupplierIds.default([]), requirementProfile: RequirementProfile.default({ lists: [], clauses: [] }) })
  .refine(validityOrdered, validityIssue)
  .meta({ id: 'ContractCreate' });
export type ContractCreate = z.infer<typeof ContractCreate>;

export const ContractUpdate = z
  .strictObject({
    number: ContractFields.number.optional(),
    title: ContractFields.title.optional(),
    buyer: ContractFields.buyer.optional(),
    supplierIds: ContractFields.supplierIds.optional(),
    validFrom: ContractFields.validFrom.optional(),
    validTo: ContractFields.validTo.optional(),
    category: ContractFields.category.optional(),
    requirementProfile: ContractFields.requirementProfile.optional(),
  })
  .refine(validityOrdered, validityIssue)
  .meta({ id: 'ContractUpdate' });
export type ContractUpdate = z.infer<typeof ContractUpdate>;

export const Contract = z
  .object({
    id: Id,
    number: z.string(),
    title: z.string(),
    buyer: z.string(),
    supplierIds: z.array(Id).describe('for a supplier token, only its own id'),
    validFrom: z.iso.date(),
    validTo: z.iso.date(),
    category: z.string(),
    requirementProfile: RequirementProfile,
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Contract' });
export interface Contract {
  id: string;
  number: string;
  title: string;
  buyer: string;
  supplierIds: string[];
  validFrom: string;
  validTo: string;
  category: string;
  requirementProfile: RequirementProfile;
  createdAt: Date;
  updatedAt: Date;
}

export const ContractListQuery = z.strictObject({
  supplierId: Id.optional().describe('contracts this supplier is party to'),
  category: z.string().trim().min(1).max(200).optional(),
  activeOn: z.iso.date().optional().describe('contracts valid on this day (YYYY-MM-DD)'),
  q: z.string().trim().min(1).max(200).optional().describe('text in the number or title (case-insensitive)'),
  ...PageQuery,
});
export type ContractListQuery = z.infer<typeof ContractListQuery>;

export const ContractPage = PageOf(Contract, 'ContractPage');
