// Shapes the procurement pages name that web/src/api-types.ts does not export by name, derived from the API's
// answers there (which the server's zod schemas define). Nothing here is written out by hand.
import type { SdsRevision } from '../../api-types.js';

type SdsFacts = SdsRevision['facts'];

/** A GHS pictogram code as an SDS revision's facts give it (CLP Annex V: GHS01–GHS09). */
export type Pictogram = SdsFacts['pictograms'][number]['code'];

/** A CAS or EC number read from section 3: as printed, normalised, and whether its check digit holds. */
export type SdsIdentifier = NonNullable<SdsFacts['substances'][number]['cas']>;
