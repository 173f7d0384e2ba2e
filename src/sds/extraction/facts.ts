// What chemreg reads out of a safety data sheet: the facts screening and search need (REACH Annex II as replaced
// by Regulation (EU) 2020/878, sections 1–3, plus the revision date), each with how sure the parser is and where
// in the document it came from, so an expert can check every value against the page it was read from.
// This schema is the single source of truth for the extraction result, the API's revision facts and the CLI.
import { z } from 'zod';

export const SDS_LANGUAGES = ['sv', 'da', 'nb', 'fi', 'en', 'de', 'fr', 'nl', 'es', 'it', 'pl', 'pt'] as const;
export const SdsLanguage = z.enum(SDS_LANGUAGES).meta({ id: 'SdsLanguage', description: 'ISO 639-1 code of the SDS text' });
export type SdsLanguage = z.infer<typeof SdsLanguage>;

export const SdsFormat = z
  .enum(['EU-REACH-16', 'US-OSHA-16', 'other'])
  .meta({ id: 'SdsFormat', description: 'EU-REACH-16: REACH Annex II, 16 sections; US-OSHA-16: OSHA HazCom 2012 (29 CFR 1910.1200 App. D); other: neither (ISO 11014-1, national formats, not an SDS)' });
export type SdsFormat = z.infer<typeof SdsFormat>;

export const Evidence = z
  .object({
    page: z.number().int().min(1).nullable().describe('1-based page the fact was read from; null for text input without pages'),
    quote: z.string().describe('the text the fact was read from, as extracted'),
  })
  .meta({ id: 'SdsEvidence' });
export type Evidence = z.infer<typeof Evidence>;

const Confidence = z.number().min(0).max(1).describe('0–1: how sure the parser is');

const TextFact = z.object({ value: z.string().nullable(), confidence: Confidence, evidence: Evidence.nullable() });
export type TextFact = z.infer<typeof TextFact>;

export const SignalWordFact = z
  .object({
    value: z.enum(['Danger', 'Warning']).nullable().describe('CLP Art. 20 signal word, normalised to English'),
    printed: z.string().nullable().describe('the word as printed, e.g. "Fara", "Achtung"'),
    confidence: Confidence,
    evidence: Evidence.nullable(),
  })
  .meta({ id: 'SdsSignalWord' });

export const CodeFact = z
  .object({
    code: z.string().describe('as printed, suffix kept: H360FD, EUH208'),
    known: z.boolean().describe('whether CLP Annex III defines the code'),
    confidence: Confidence,
    evidence: Evidence.nullable(),
  })
  .meta({ id: 'SdsCodeFact' });
export type CodeFact = z.infer<typeof CodeFact>;

export const PICTOGRAMS = ['GHS01', 'GHS02', 'GHS03', 'GHS04', 'GHS05', 'GHS06', 'GHS07', 'GHS08', 'GHS09'] as const;
export const PictogramFact = z
  .object({ code: z.enum(PICTOGRAMS), confidence: Confidence, evidence: Evidence.nullable() })
  .meta({ id: 'SdsPictogram' });
export type PictogramFact = z.infer<typeof PictogramFact>;

export const IdentifierValue = z
  .object({
    printed: z.string().describe('as printed'),
    value: z.string().describe('normalised form (the printed text when it could not be normalised)'),
    valid: z.boolean().describe('false when the check digit or the shape is wrong: kept so an expert sees it'),
    problem: z.string().optional(),
  })
  .meta({ id: 'SdsIdentifier' });
export type IdentifierValue = z.infer<typeof IdentifierValue>;

export const ConcentrationValue = z
  .object({
    text: z.string().describe('as printed'),
    parsed: z.boolean(),
    min: z.number().nullable(),
    max: z.number().nullable(),
    minInclusive: z.boolean(),
    maxInclusive: z.boolean(),
    unit: z.enum(['%', 'ppm', 'mg/kg']).nullable(),
    approximate: z.boolean(),
    basis: z.enum(['w/w', 'v/v']).nullable(),
    problem: z.string().optional(),
  })
  .meta({ id: 'SdsConcentration' });
export type ConcentrationValue = z.infer<typeof ConcentrationValue>;

export const SubstanceFact = z
  .object({
    name: z.string().nullable().describe('substance name as printed (wrapped lines joined)'),
    cas: IdentifierValue.nullable(),
    ec: IdentifierValue.extend({ kind: z.enum(['ec', 'list-number']).nullable() }).nullable(),
    indexNumber: IdentifierValue.nullable(),
    reachRegistration: IdentifierValue.nullable(),
    concentration: ConcentrationValue.nullable(),
    hazardCodes: z.array(z.string()).describe('H/EUH codes printed in the substance\'s classification'),
    confidence: Confidence,
    evidence: Evidence.nullable(),
  })
  .meta({ id: 'SdsSubstance' });
export type SubstanceFact = z.infer<typeof SubstanceFact>;

export const SectionFact = z
  .object({ number: z.number().int().min(1).max(16), title: z.string(), page: z.number().int().min(1).nullable() })
  .meta({ id: 'SdsSection' });
export type SectionFact = z.infer<typeof SectionFact>;

export const REVIEW_REASONS = [
  'no-text-layer',
  'not-an-sds',
  'language-unknown',
  'sections-missing',
  'product-name-missing',
  'supplier-missing',
  'revision-date-missing',
  'revision-date-stale',
  'composition-missing',
  'identifier-invalid',
  'concentration-unreadable',
  'hazard-code-unknown',
  'low-confidence',
] as const;
export const ReviewReason = z
  .object({
    code: z.enum(REVIEW_REASONS),
    field: z.string().optional().describe('the fact concerned, e.g. "substances[2].cas"'),
    message: z.string(),
  })
  .meta({ id: 'SdsReviewReason' });
export type ReviewReason = z.infer<typeof ReviewReason>;

export const SdsFacts = z
  .object({
    textLayer: z.boolean().describe('false for a scanned PDF: nothing was read, nothing is invented'),
    pageCount: z.number().int().min(0),
    isSds: z.boolean().describe('whether the text looks like a safety data sheet at all'),
    language: SdsLanguage.nullable(),
    languageConfidence: Confidence,
    format: SdsFormat,
    sections: z.array(SectionFact).describe('the numbered sections found, in order'),
    productName: TextFact,
    supplierName: TextFact,
    supplierCountry: TextFact.describe('ISO 3166-1 alpha-2 code of the supplier\'s country, when printed in 1.3'),
    revisionDate: TextFact.describe('YYYY-MM-DD; the revision date, never the print date'),
    version: TextFact,
    signalWord: SignalWordFact,
    hazardStatements: z.array(CodeFact).describe('H codes printed in section 2, combined codes split'),
    euhStatements: z.array(CodeFact),
    pictograms: z.array(PictogramFact),
    substances: z.array(SubstanceFact).describe('section 3 composition, one entry per component'),
    needsReview: z.boolean(),
    reasons: z.array(ReviewReason),
  })
  .meta({ id: 'SdsFacts' });
export type SdsFacts = z.infer<typeof SdsFacts>;

/** Why a file could not be read at all. Each maps to a 4xx on upload, and to `error` in the CLI. */
export const UNREADABLE_REASONS = ['empty', 'not-pdf', 'corrupt', 'encrypted', 'too-complex'] as const;
export type UnreadableReason = (typeof UNREADABLE_REASONS)[number];

export type ExtractionResult =
  | { ok: true; facts: SdsFacts; pages: string[] }
  | { ok: false; reason: UnreadableReason; message: string };
