// The vocabulary of screening: what goes into the matcher (a product's substances, the list versions that apply to
// it and how each contract applies them) and what comes out (matches, each with its concentration test and
// severity). Pure types: the matcher (matcher.ts) is a pure function over them; the screening service loads and
// stores them.
import type { Concentration } from '../chemistry/concentration.js';
import type { ProductKind } from '../products/product.schema.js';
import type { ListEntry, ListKind } from '../lists/list-entry.js';

export type Severity = 'red' | 'orange' | 'yellow' | 'info';

/** One substance a product contains, as a document declares it. */
export interface ScreenedSubstance {
  /** Stable within the product's current documents, e.g. `sds:<revisionId>:<row>`: findings key on it. */
  ref: string;
  name: string | null;
  /** Normalised identifiers; only ones with valid check digits are used for exact matches. */
  cas: string | null;
  ec: string | null;
  indexNumber: string | null;
  /** In the mixture, or in the (component) article it sits in. */
  concentration: Concentration | null;
  /**
   * In its homogeneous material, where a declaration says (RoHS Annex II limits per homogeneous material). Absent for
   * SDS substances: a mixture has no homogeneous materials, and `concentration` applies.
   */
  materialConcentration?: Concentration | null;
  /** H/EUH codes of the substance's own classification as declared (SDS section 3). */
  hazardCodes: string[];
  evidence: SubstanceEvidence | null;
}

export interface SubstanceEvidence {
  source: 'sds' | 'declaration';
  documentId: string;
  page: number | null;
  quote: string;
}

/** One stored version of a list, as the matcher needs it. */
export interface ScreeningList {
  listId: string;
  name: string;
  kind: ListKind;
  versionId: string;
  version: number;
  /** The list's own date (export/ATP date), to tell upcoming entries from binding ones. */
  listDate: string | null;
  entries: ListEntry[];
}

/**
 * How a list applies to this product. Regulatory and classification lists always apply (with no contract);
 * watch, derived and custom lists apply only through a contract's requirement profile. A contract may set its own
 * severity and threshold for a list (issue 5 "Severity … overridable per contract requirement").
 */
export interface ListApplication {
  listId: string;
  /** The contract whose requirement profile names the list; null for the legal baseline. */
  contractId: string | null;
  /** The buyer's number of that contract ("RS-2026-0107"): reasons name the contract by it, as people know it. */
  contractNumber?: string;
  severity?: Severity;
  thresholdPercent?: number;
}

export interface ProductContext {
  productId: string;
  kind: ProductKind;
  /** YYYY-MM-DD: Annex XIV sunset dates and upcoming entries are judged on it. */
  today: string;
}

/** declared-answer: a declaration's yes for a whole list (IPC-1752A class C) that names no substance (declared-answers.ts). */
export type MatchType = 'cas' | 'ec' | 'index' | 'group-member' | 'name' | 'element' | 'hazard-code' | 'declared-answer';

/** exceeds / below / indeterminate, or not-applicable when the entry has no concentration limit (presence counts). */
export type ConcentrationTest = 'exceeds' | 'below' | 'indeterminate' | 'not-applicable';

export interface AppliedLimit {
  percent: number;
  /** Whether a concentration exactly at the limit meets it (CLP "≥ 0.1 %") or not (REACH Art. 33 "above 0.1 %"). */
  inclusive: boolean;
  /** Where the number came from: the contract, the entry (list/curated/SCL), or the regulation's generic limit. */
  source: 'contract' | 'list' | 'curated' | 'specific-limit' | 'regulation';
  reference: string | null;
}

export interface Match {
  listId: string;
  versionId: string;
  version: number;
  entryKey: string;
  entryName: string;
  substanceRef: string;
  matchType: MatchType;
  /** exact: an identifier or declared classification matched; possible: a name or element rule, for an expert to review. */
  certainty: 'exact' | 'possible';
  /** 1 for identifier and hazard-code matches; the name similarity (0–1) for name matches. */
  score: number;
  /** The identifier, name or H code that matched, as it appears on the substance. */
  matchedOn: string;
  limit: AppliedLimit | null;
  concentrationTest: ConcentrationTest;
  severity: Severity;
  /** Why this severity, in words an expert can check ("Annex XVII limit 0.1 % exceeded"). */
  severityReason: string;
  /** Contracts through which the list applies (empty for the legal baseline only). */
  contractIds: string[];
}
