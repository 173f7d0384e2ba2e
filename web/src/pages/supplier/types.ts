// The parts of the API's answers the supplier pages name on their own, derived from web/src/api-types.ts (whose types
// are inferred from the server's zod schemas), and the orders in which the pages list statuses.
import type { DeclarationRequestStatus, DeclarationRevision, FindingStatus, SdsRevision } from '../../api-types.js';

type SdsFacts = SdsRevision['facts'];

/** A fact read from a data sheet as text, with how sure the extractor is and where it came from. */
export type TextFact = SdsFacts['productName'];
/** A CAS or EC number as printed and normalised (an SDS component's EC number also says which kind it is). */
export type Identifier = NonNullable<SdsFacts['substances'][number]['cas']>;
/** A concentration as printed, with its parsed range. */
export type Concentration = NonNullable<SdsFacts['substances'][number]['concentration']>;
/** A substance a declaration names, for the whole product or inside a component or material. */
export type DeclaredSubstance = DeclarationRevision['content']['substances'][number];

/** Every finding status, in the order the status filter offers them (the workflow's order). */
export const FINDING_STATUSES = ['open', 'confirmed', 'substitution-requested', 'exception', 'dismissed', 'resolved'] as const satisfies readonly FindingStatus[];
/** The statuses in which a finding still stands against its product (the API's OPEN_STATUSES). */
export const OPEN_STATUSES = ['open', 'confirmed', 'substitution-requested'] as const satisfies readonly FindingStatus[];

export const REQUEST_STATUSES = ['open', 'fulfilled', 'cancelled'] as const satisfies readonly DeclarationRequestStatus[];

// A status the API gains must be added to the lists above (the filter would not offer it otherwise): these fail to
// compile until it is.
type Missing<All, Listed> = [Exclude<All, Listed>] extends [never] ? true : { missing: Exclude<All, Listed> };
const everyFindingStatus: Missing<FindingStatus, (typeof FINDING_STATUSES)[number]> = true;
const everyRequestStatus: Missing<DeclarationRequestStatus, (typeof REQUEST_STATUSES)[number]> = true;
void everyFindingStatus;
void everyRequestStatus;
