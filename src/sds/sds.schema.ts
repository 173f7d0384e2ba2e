// SDS revisions: every safety data sheet uploaded for a product is kept as a numbered revision, with the
// original PDF (GridFS), its SHA-256, and the facts read from it (extraction/facts.ts). A revision never changes
// after it is stored: a new SDS is a new revision, and the diff says what changed (domain.md: "a new revision
// must be compared with the old one (what changed in sections 2 and 3)").
import { z } from 'zod';
import { Role } from '../shared/actor.js';
import { Id } from '../shared/ids.js';
import { PageOf, PageQuery } from '../shared/http/pagination.js';
import { SdsFacts, SdsFormat, SdsLanguage } from './extraction/facts.js';

export const SdsStatus = z
  .enum(['extracted', 'needs-review', 'needs-ocr'])
  .meta({
    id: 'SdsStatus',
    description:
      'extracted: facts read with confidence; needs-review: key facts missing or unsure, an expert should check them ' +
      '(see facts.reasons); needs-ocr: the PDF has no text layer (a scan), it is stored but no facts were read',
  });
export type SdsStatus = z.infer<typeof SdsStatus>;

export const SdsUploader = z
  .object({ tokenId: z.string(), tokenName: z.string(), role: Role })
  .meta({ id: 'SdsUploader', description: 'the API token that uploaded the file' });
export type SdsUploader = z.infer<typeof SdsUploader>;

/** The handful of facts a list shows, as plain values (the revision itself has them with confidence and evidence). */
export const SdsSummary = z
  .object({
    productName: z.string().nullable(),
    supplierName: z.string().nullable(),
    revisionDate: z.string().nullable().describe('YYYY-MM-DD'),
    version: z.string().nullable(),
    language: SdsLanguage.nullable(),
    format: SdsFormat,
    signalWord: z.enum(['Danger', 'Warning']).nullable(),
    hazardStatements: z.array(z.string()).describe('H codes of section 2'),
    euhStatements: z.array(z.string()),
    pictograms: z.array(z.string()),
    substanceCount: z.number().int().describe('components listed in section 3'),
    needsReview: z.boolean(),
  })
  .meta({ id: 'SdsSummary' });
export type SdsSummary = z.infer<typeof SdsSummary>;

const RevisionFields = {
  id: Id,
  productId: Id,
  supplierId: Id,
  revisionNumber: z.number().int().min(1).describe('1, 2, … per product, in upload order'),
  status: SdsStatus,
  fileName: z.string().describe('the uploaded file\'s name, for display and download only'),
  size: z.number().int().describe('bytes'),
  sha256: z.string().regex(/^[0-9a-f]{64}$/).describe('SHA-256 of the original bytes, hex'),
  uploadedAt: z.iso.datetime(),
  uploadedBy: SdsUploader,
  extractorVersion: z.string().describe('the extractor that read the facts'),
  summary: SdsSummary,
};

export const SdsRevisionItem = z
  .object(RevisionFields)
  .meta({ id: 'SdsRevisionItem', description: 'a revision as lists show it: everything but the full facts, plus a summary of them' });

export const SdsRevision = z
  .object({ ...RevisionFields, facts: SdsFacts })
  .meta({ id: 'SdsRevision', description: 'a stored SDS revision with every fact read from it' });

export interface SdsRevisionItem {
  id: string;
  productId: string;
  supplierId: string;
  revisionNumber: number;
  status: SdsStatus;
  fileName: string;
  size: number;
  sha256: string;
  uploadedAt: Date;
  uploadedBy: SdsUploader;
  extractorVersion: string;
  summary: SdsSummary;
}

export interface SdsRevision extends SdsRevisionItem {
  facts: SdsFacts;
}

export const SdsListQuery = z.strictObject({ ...PageQuery });
export type SdsListQuery = z.infer<typeof SdsListQuery>;

export const SdsRevisionPage = PageOf(SdsRevisionItem, 'SdsRevisionPage');

export const SdsDiffParams = z.strictObject({
  id: Id.describe('the revision to compare from (usually the older one)'),
  otherId: Id.describe('the revision to compare to (usually the newer one)'),
});

// ---------------------------------------------------------------------------------------------------------
// The diff between two revisions' facts (computed by sds-diff.ts).

const change = <T extends z.ZodType>(value: T) => z.object({ from: value.nullable(), to: value.nullable() });
const TextChange = change(z.string()).meta({ id: 'SdsTextChange' });

export const SdsIdentityChanges = z
  .object({
    productName: TextChange.optional(),
    supplierName: TextChange.optional(),
    supplierCountry: TextChange.optional(),
    revisionDate: TextChange.optional(),
    version: TextChange.optional(),
    signalWord: change(z.enum(['Danger', 'Warning'])).optional(),
  })
  .meta({ id: 'SdsIdentityChanges', description: 'sections 1 and 2 and the header: only the fields that changed' });
export type SdsIdentityChanges = z.infer<typeof SdsIdentityChanges>;

export const SdsCodeChanges = z
  .object({ added: z.array(z.string()), removed: z.array(z.string()) })
  .meta({ id: 'SdsCodeChanges' });
export type SdsCodeChanges = z.infer<typeof SdsCodeChanges>;

export const SdsConcentrationRange = z
  .object({
    text: z.string().describe('as printed'),
    min: z.number().nullable(),
    max: z.number().nullable(),
    minInclusive: z.boolean(),
    maxInclusive: z.boolean(),
    unit: z.enum(['%', 'ppm', 'mg/kg']).nullable(),
  })
  .meta({ id: 'SdsConcentrationRange' });
export type SdsConcentrationRange = z.infer<typeof SdsConcentrationRange>;

export const SdsSubstanceRef = z
  .object({
    name: z.string().nullable(),
    cas: z.string().nullable(),
    ec: z.string().nullable(),
    concentration: SdsConcentrationRange.nullable(),
  })
  .meta({ id: 'SdsSubstanceRef', description: 'a section 3 component, identified' });
export type SdsSubstanceRef = z.infer<typeof SdsSubstanceRef>;

export const SdsSubstanceChange = z
  .object({
    matchedBy: z.enum(['cas', 'ec', 'name']).describe('how the two rows were recognised as the same component'),
    substance: SdsSubstanceRef.describe('the component as the "to" revision lists it'),
    name: TextChange.optional(),
    cas: TextChange.optional(),
    ec: TextChange.optional(),
    indexNumber: TextChange.optional(),
    reachRegistration: TextChange.optional(),
    concentration: change(SdsConcentrationRange).optional(),
    hazardCodes: SdsCodeChanges.optional().describe('H/EUH codes of the component\'s classification'),
  })
  .meta({ id: 'SdsSubstanceChange', description: 'a component present in both revisions: only the fields that changed' });
export type SdsSubstanceChange = z.infer<typeof SdsSubstanceChange>;

export const SdsFactsDiff = z.object({
  changed: z.boolean().describe('false when the two revisions state the same facts'),
  identity: SdsIdentityChanges,
  hazardStatements: SdsCodeChanges.describe('H codes of section 2'),
  euhStatements: SdsCodeChanges,
  pictograms: SdsCodeChanges,
  substances: z
    .object({
      added: z.array(SdsSubstanceRef),
      removed: z.array(SdsSubstanceRef),
      changed: z.array(SdsSubstanceChange),
      unchanged: z.number().int().describe('components present in both with nothing changed'),
    })
    .describe('section 3; rows are matched by CAS, else EC, else normalised name'),
  warnings: z.array(z.string()).describe('why the diff may say less than it seems (a scan without text, a diff running backwards in time)'),
});
export type SdsFactsDiff = z.infer<typeof SdsFactsDiff>;

export const SdsRevisionRef = z
  .object({ id: Id, productId: Id, revisionNumber: z.number().int(), status: SdsStatus, revisionDate: z.string().nullable() })
  .meta({ id: 'SdsRevisionRef' });

export const SdsDiff = z
  .object({ from: SdsRevisionRef, to: SdsRevisionRef, ...SdsFactsDiff.shape })
  .meta({ id: 'SdsDiff', description: 'what changed from one revision to another: identity, hazard codes, pictograms and composition' });
export type SdsDiff = z.infer<typeof SdsDiff>;
