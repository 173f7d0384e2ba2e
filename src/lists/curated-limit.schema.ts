// Curated limits through the API: the table chemreg ships for REACH Annex XVII and POPs entries, and the overrides
// an installation stores on top of it (issue 5 "a small curated table … marked as curated, overridable").
import { z } from 'zod';
import { Id } from '../shared/ids.js';
import { CuratedLimitFields } from './curated-limits.js';

const By = z.object({ tokenId: z.string(), tokenName: z.string(), role: z.string() });

export const CuratedLimitOverrideRecord = CuratedLimitFields.extend({
  id: Id,
  matchedEntries: z
    .array(z.object({ key: z.string(), name: z.string(), entryNumber: z.string().nullable() }))
    .describe('the entries of the list\'s latest version this row sets the limit of'),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  createdBy: By,
  updatedBy: By,
}).meta({ id: 'CuratedLimitOverrideRecord' });
export type CuratedLimitOverrideRecord = Omit<z.infer<typeof CuratedLimitOverrideRecord>, 'createdAt' | 'updatedAt'> & { createdAt: Date; updatedAt: Date };

export const CuratedLimitTable = z
  .object({
    edited: z.iso.date().describe('when chemreg\'s table was last edited (not a date it was checked against EUR-Lex)'),
    shipped: z.array(CuratedLimitFields).describe('chemreg\'s rows, Annex XVII by entry number, then POPs'),
    overrides: z.array(CuratedLimitOverrideRecord).describe('this installation\'s rows, newest first; an override wins over a shipped row for the entries it matches, and a newer override over an older one'),
  })
  .meta({ id: 'CuratedLimitTable' });

export const CuratedLimitChange = z
  .object({
    override: CuratedLimitOverrideRecord.describe('the override as stored (as it was, when deleted)'),
    rescreenJobId: Id.nullable().describe('the background job re-screening every product with the changed limit (GET /jobs/{id})'),
  })
  .meta({ id: 'CuratedLimitChange' });
export type CuratedLimitChange = { override: CuratedLimitOverrideRecord; rescreenJobId: string | null };
