// The pieces of the contract, follow-up and stats answers this area names, derived from the API's types
// (web/src/api-types.ts, inferred from the server's zod schemas), and the lists of their keys the pages walk in order.
import type { ContractFollowUp, FindingStatus, ProductFollowUp, Severity } from '../../api-types.js';

export type { Contract, ContractFollowUp, ContractPage, ProductFollowUp, Severity, SeverityCounts, Stats, StatsMonth } from '../../api-types.js';

export type FollowUpTotals = ContractFollowUp['totals'];
export type OpenStatus = keyof FollowUpTotals['openFindings']['byStatus'];
export type ChangeKey = keyof FollowUpTotals['changes'];
export type SdsState = ProductFollowUp['sds']['status'];
export type DeclarationState = ProductFollowUp['declaration']['status'];

/**
 * A list of every value of `T`, each once: `allOf<T>()([...])` does not compile when a value is missing or unknown,
 * so a value the API adds later shows up here rather than as a silently absent row.
 */
function allOf<T extends string>() {
  return <const L extends readonly T[]>(list: L & ([Exclude<T, L[number]>] extends [never] ? unknown : { missing: Exclude<T, L[number]> })): L => list;
}

/** Most severe first. */
export const SEVERITIES = allOf<Severity>()(['red', 'orange', 'yellow', 'info']);
/** The statuses in which a finding still stands against its product. */
export const OPEN_STATUSES = allOf<OpenStatus>()(['open', 'confirmed', 'substitution-requested']);
/** Every finding status, the open ones first. */
export const FINDING_STATUSES = allOf<FindingStatus>()(['open', 'confirmed', 'substitution-requested', 'exception', 'dismissed', 'resolved']);
export const CHANGE_KEYS = allOf<ChangeKey>()(['findingsRaised', 'findingsResolved', 'severityChanged', 'findingsReopened', 'decisions', 'sdsRevisions', 'declarations']);
