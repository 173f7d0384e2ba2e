// Findings: a product's substance matched against a list entry, with how it matched, the concentration test, the
// severity and the evidence, and the expert's decisions on it (issue 5 "Findings workflow", domain.md "Findings").
import { z } from 'zod';
import { Id } from '../shared/ids.js';
import { PageOf, PageQuery } from '../shared/http/pagination.js';
import { Severity } from '../contracts/contract.schema.js';

export const FindingStatus = z
  .enum(['open', 'confirmed', 'dismissed', 'exception', 'substitution-requested', 'resolved'])
  .meta({ id: 'FindingStatus', description: 'open → confirmed | dismissed (false positive) | exception (until a date) | substitution-requested → resolved' });
export type FindingStatus = z.infer<typeof FindingStatus>;

/**
 * Statuses in which a finding still stands against its product: not dismissed as a false positive, not excepted
 * until a date, not resolved. Search, alternatives and follow-up count these as a product's open findings.
 */
export const OPEN_STATUSES: readonly FindingStatus[] = ['open', 'confirmed', 'substitution-requested'];
const OPEN_STATUSES_EXAMPLE = OPEN_STATUSES.join(',');

export const MatchTypeSchema = z
  .enum(['cas', 'ec', 'index', 'group-member', 'name', 'element', 'hazard-code', 'declared-answer'])
  .describe('how the substance matched the entry; declared-answer: a declaration answered yes for the whole list without naming the substance');
export const ConcentrationTestSchema = z.enum(['exceeds', 'below', 'indeterminate', 'not-applicable']);

export const FindingEvent = z
  .object({
    at: z.iso.datetime(),
    by: z.object({ tokenId: z.string(), tokenName: z.string(), role: z.string() }),
    /** A decision's action, or what screening did: raised, changed, reopened, resolved. */
    action: z.string(),
    from: FindingStatus.nullable(),
    to: FindingStatus,
    comment: z.string().nullable(),
    until: z.iso.date().nullable(),
    /** A supplier's answer may point at the new document it uploaded. */
    documentId: z.string().nullable(),
  })
  .meta({ id: 'FindingEvent' });
export interface FindingEvent extends Omit<z.infer<typeof FindingEvent>, 'at'> {
  at: Date;
}

export const Finding = z
  .object({
    id: Id,
    productId: Id,
    supplierId: Id,
    contractIds: z.array(Id).describe('contracts whose requirement profile applies the list (empty: the legal baseline only)'),
    substance: z.object({
      key: z.string().describe('what the finding is about across document revisions: cas:…, ec:… or name:…'),
      name: z.string().nullable(),
      cas: z.string().nullable(),
      ec: z.string().nullable(),
      concentration: z.string().nullable().describe('as printed'),
    }),
    list: z.object({ id: z.string(), name: z.string(), versionId: Id, version: z.number().int(), entryKey: z.string(), entryName: z.string() }),
    matchType: MatchTypeSchema,
    certainty: z.enum(['exact', 'possible']),
    score: z.number(),
    matchedOn: z.string(),
    limit: z.object({ percent: z.number(), inclusive: z.boolean(), source: z.string(), reference: z.string().nullable() }).nullable(),
    concentrationTest: ConcentrationTestSchema,
    severity: Severity,
    severityReason: z.string(),
    evidence: z.object({ source: z.enum(['sds', 'declaration']), documentId: z.string(), page: z.number().int().nullable(), quote: z.string() }).nullable(),
    status: FindingStatus,
    /** Expiry of an exception. */
    exceptionUntil: z.iso.date().nullable(),
    history: z.array(FindingEvent),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Finding' });
export type FindingFields = Omit<z.infer<typeof Finding>, 'id' | 'history' | 'createdAt' | 'updatedAt'>;
export interface Finding extends FindingFields {
  id: string;
  history: FindingEvent[];
  createdAt: Date;
  updatedAt: Date;
}

export const FindingListQuery = z.strictObject({
  contractId: Id.optional(),
  supplierId: Id.optional(),
  productId: Id.optional(),
  listId: z.string().trim().min(1).max(64).optional(),
  severity: Severity.optional(),
  // One status or several, comma-separated: the findings still open for a supplier are open, confirmed and
  // substitution-requested ones, asked for in one request.
  status: z
    .string()
    .transform((text) => text.split(',').map((part) => part.trim()))
    .pipe(z.array(FindingStatus).min(1).max(FindingStatus.options.length))
    .optional()
    .describe(`one status, or several separated by commas (e.g. ${OPEN_STATUSES_EXAMPLE})`),
  matchType: MatchTypeSchema.optional(),
  ...PageQuery,
});
export type FindingListQuery = z.infer<typeof FindingListQuery>;
export const FindingPage = PageOf(Finding, 'FindingPage');

export const DecisionAction = z.enum(['confirm', 'dismiss', 'grant-exception', 'request-substitution', 'resolve', 'reopen', 'answer']).meta({
  id: 'DecisionAction',
  description:
    'experts: confirm, dismiss (a false positive; comment required), grant-exception (comment and until required), ' +
    'request-substitution, resolve, reopen; suppliers: answer (a comment, optionally the id of the new SDS revision)',
});
export type DecisionAction = z.infer<typeof DecisionAction>;

export const DecisionInput = z
  .strictObject({
    action: DecisionAction,
    comment: z.string().trim().min(1).max(5000).optional(),
    until: z.iso.date().optional().describe('last day of an exception (YYYY-MM-DD)'),
    documentId: Id.optional().describe('with answer: the SDS revision the supplier uploaded in reply'),
  })
  .superRefine((d, ctx) => {
    if ((d.action === 'dismiss' || d.action === 'grant-exception' || d.action === 'answer') && d.comment === undefined) {
      ctx.addIssue({ code: 'custom', path: ['comment'], message: `a comment (the reason) is required to ${d.action}` });
    }
    if (d.action === 'grant-exception' && d.until === undefined) ctx.addIssue({ code: 'custom', path: ['until'], message: 'an exception needs its last day' });
    if (d.action !== 'grant-exception' && d.until !== undefined) ctx.addIssue({ code: 'custom', path: ['until'], message: 'only an exception has an end date' });
    if (d.action !== 'answer' && d.documentId !== undefined) ctx.addIssue({ code: 'custom', path: ['documentId'], message: 'only an answer points at a document' });
  })
  .meta({ id: 'DecisionInput' });
export type DecisionInput = z.infer<typeof DecisionInput>;
