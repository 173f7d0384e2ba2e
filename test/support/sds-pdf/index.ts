// SDS PDF fixtures for tests: realistic safety data sheets in the twelve SDS languages with their ground truth,
// and the broken files an upload must cope with. Built in memory, so tests need no files outside the repository.
// `npm run fixtures:sds -- DIR` writes a set of them to disk (scripts/generate-sds-fixtures.ts).
export {
  buildSdsPdf,
  defaultSpec,
  fixtureFileName,
  formatDate,
  tradeSecretSubstance,
  SDS_FIXTURE_LANGUAGES,
  type ClassificationEntry,
  type CompositionLayout,
  type DateStyle,
  type GhsPictogram,
  type HeadingStyle,
  type PhysicalProperties,
  type SampleProduct,
  type SdsFixtureFormat,
  type SdsSpec,
  type SdsTruth,
  type SdsTruthSubstance,
  type SignalWordChoice,
  type StatementEntry,
  type SubstanceSpec,
  type SupplierSpec,
} from './sds-document.js';
export { brokenPdfs, ENCRYPTED_PDF_PASSWORD } from './broken.js';
