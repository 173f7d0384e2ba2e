// What the expert pages need beside the API's answers (web/src/api-types.ts, inferred from the server's zod schemas):
// the menus' choices, in the order they are offered, each list checked by the compiler to hold every member of the
// API's enum, and the re-screen job's counts read from its untyped result.
import type { FindingStatus, ListKind, MatchType, Severity } from '../../api-types.js';

/**
 * Every member of a union, each once, in the order given: a value the server adds to its enum and missing here fails
 * to compile (`missing` names it).
 */
function allOf<U extends string>() {
  return <const A extends readonly U[]>(values: A & ([U] extends [A[number]] ? unknown : { missing: Exclude<U, A[number]> })): A => values;
}

export const FINDING_STATUSES = allOf<FindingStatus>()(['open', 'confirmed', 'dismissed', 'exception', 'substitution-requested', 'resolved']);
export const MATCH_TYPES = allOf<MatchType>()(['cas', 'ec', 'index', 'group-member', 'name', 'element', 'hazard-code', 'declared-answer']);
export const SEVERITIES = allOf<Severity>()(['red', 'orange', 'yellow', 'info']);
export const LIST_KINDS = allOf<ListKind>()(['regulatory', 'classification', 'watch', 'derived', 'custom']);

export function isListKind(value: string): value is ListKind {
  return LIST_KINDS.some((kind) => kind === value);
}

/**
 * The re-screen job's change report (src/screening/screening.service.ts ChangeReport), as far as these pages show it.
 * The API describes a job's result only as JSON (`Job['result']` is unknown): it is read, not assumed.
 */
export interface ChangeCounts {
  productsScreened: number;
  raised: number;
  resolved: number;
  severityChanged: number;
  reopened: number;
}

export function changeCountsOf(result: unknown): ChangeCounts | null {
  if (typeof result !== 'object' || result === null) return null;
  const count = (key: keyof ChangeCounts): number | undefined => {
    const value: unknown = Object.getOwnPropertyDescriptor(result, key)?.value;
    return typeof value === 'number' ? value : undefined;
  };
  const [productsScreened, raised, resolved, severityChanged, reopened] = [count('productsScreened'), count('raised'), count('resolved'), count('severityChanged'), count('reopened')];
  if (productsScreened === undefined || raised === undefined || resolved === undefined || severityChanged === undefined || reopened === undefined) return null;
  return { productsScreened, raised, resolved, severityChanged, reopened };
}
