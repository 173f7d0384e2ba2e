// The API's JSON answers, as the server's zod schemas describe them (the single source of truth, also of
// /openapi.json). Type-only imports: nothing of the server ends up in the browser bundle.
import type { z } from 'zod';
import type * as Audit from '../../src/audit/audit.schema.js';
import type * as Contracts from '../../src/contracts/contract.schema.js';
import type * as Requests from '../../src/declarations/declaration-request.schema.js';
import type * as Declarations from '../../src/declarations/declaration.schema.js';
import type * as Findings from '../../src/findings/finding.schema.js';
import type * as FollowUp from '../../src/follow-up/follow-up.schema.js';
import type * as Jobs from '../../src/jobs/job.schema.js';
import type * as Entries from '../../src/lists/list-entry.js';
import type * as Lists from '../../src/lists/list.schema.js';
import type * as Products from '../../src/products/product.schema.js';
import type * as Sds from '../../src/sds/sds.schema.js';
import type * as Search from '../../src/search/search.schema.js';
import type * as Dashboard from '../../src/stats/stats.schema.js';
import type * as Suppliers from '../../src/suppliers/supplier.schema.js';
import type * as Tokens from '../../src/tokens/token.schema.js';

type Json<T extends z.ZodType> = z.output<T>;

export type Me = Json<typeof Tokens.Me>;
export type AuditPage = Json<typeof Audit.AuditPage>;

export type Severity = Json<typeof Contracts.Severity>;
export type SeverityCounts = Json<typeof Contracts.SeverityCounts>;
export type Contract = Json<typeof Contracts.Contract>;
export type ContractPage = Json<typeof Contracts.ContractPage>;

export type Supplier = Json<typeof Suppliers.Supplier>;
export type SupplierPage = Json<typeof Suppliers.SupplierPage>;

export type ProductKind = Json<typeof Products.ProductKind>;
export type Product = Json<typeof Products.Product>;
export type ProductPage = Json<typeof Products.ProductPage>;

export type SdsStatus = Json<typeof Sds.SdsStatus>;
export type SdsRevision = Json<typeof Sds.SdsRevision>;
export type SdsRevisionItem = Json<typeof Sds.SdsRevisionItem>;
export type SdsRevisionPage = Json<typeof Sds.SdsRevisionPage>;

export type DeclarationRevision = Json<typeof Declarations.DeclarationRevision>;
export type DeclarationSummary = Json<typeof Declarations.DeclarationSummary>;
export type DeclarationItem = Json<typeof Declarations.DeclarationItem>;
export type DeclarationPage = Json<typeof Declarations.DeclarationPage>;
export type DeclarationRequest = Json<typeof Requests.DeclarationRequest>;
export type DeclarationRequestStatus = Json<typeof Requests.DeclarationRequestStatus>;
export type DeclarationRequestPage = Json<typeof Requests.DeclarationRequestPage>;

export type FindingStatus = Json<typeof Findings.FindingStatus>;
export type MatchType = Json<typeof Findings.MatchTypeSchema>;
export type ConcentrationTest = Json<typeof Findings.ConcentrationTestSchema>;
export type FindingEvent = Json<typeof Findings.FindingEvent>;
export type Finding = Json<typeof Findings.Finding>;
export type FindingPage = Json<typeof Findings.FindingPage>;
export type DecisionAction = Json<typeof Findings.DecisionAction>;
export type DecisionInput = z.input<typeof Findings.DecisionInput>;

export type ListKind = Json<typeof Entries.ListKind>;
export type ListEntry = Json<typeof Entries.ListEntry>;
export type RegulatoryList = Json<typeof Lists.RegulatoryList>;
export type ListPage = Json<typeof Lists.ListPage>;
export type ListVersion = Json<typeof Lists.ListVersion>;
export type ListVersionPage = Json<typeof Lists.ListVersionPage>;
export type ListEntryPage = Json<typeof Lists.ListEntryPage>;
export type ListVersionDiff = Json<typeof Lists.ListVersionDiff>;
export type ListImportResult = Json<typeof Lists.ListImportResult>;
export type Job = Json<typeof Jobs.Job>;

export type SearchHit = Json<typeof Search.SearchHit>;
export type SearchResult = Json<typeof Search.SearchResult>;
export type Alternative = Json<typeof Search.Alternative>;
export type Alternatives = Json<typeof Search.Alternatives>;

export type Stats = Json<typeof Dashboard.Stats>;
export type StatsMonth = Json<typeof Dashboard.StatsMonth>;

export type ContractFollowUp = Json<typeof FollowUp.ContractFollowUp>;
export type SupplierFollowUp = Json<typeof FollowUp.SupplierFollowUp>;
export type SupplierSection = Json<typeof FollowUp.SupplierSection>;
export type ProductDocuments = Json<typeof FollowUp.ProductDocuments>;
export type ProductDocumentsList = Json<typeof FollowUp.ProductDocumentsList>;
export type ProductFollowUp = Json<typeof FollowUp.ProductFollowUp>;
export type ChangesSince = Json<typeof FollowUp.ChangesSince>;
export type FindingChange = Json<typeof FollowUp.FindingChange>;
