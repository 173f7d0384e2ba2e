// Hand-made SDS facts for tests of code that consumes them (diff, summaries), independent of the extractor.
import { parseCas, parseEc, type ParsedIdentifier } from '../../src/chemistry/identifiers.js';
import { parseConcentration } from '../../src/chemistry/concentration.js';
import type { CodeFact, IdentifierValue, SdsFacts, SubstanceFact, TextFact } from '../../src/sds/extraction/facts.js';

export const text = (value: string | null): TextFact => ({ value, confidence: value === null ? 0 : 0.9, evidence: value === null ? null : { page: 1, quote: value } });

export const code = (value: string): CodeFact => ({ code: value, known: true, confidence: 0.95, evidence: { page: 2, quote: value } });

const identifier = (parsed: ParsedIdentifier): IdentifierValue => ({
  printed: parsed.original,
  value: parsed.normalised ?? parsed.original,
  valid: parsed.valid,
  ...(parsed.reason !== undefined ? { problem: parsed.reason } : {}),
});

export interface SubstanceSpec {
  name?: string | null;
  cas?: string;
  ec?: string;
  indexNumber?: string;
  concentration?: string;
  hazardCodes?: string[];
}

export function substance(spec: SubstanceSpec): SubstanceFact {
  const ec = spec.ec === undefined ? null : parseEc(spec.ec);
  const concentration = spec.concentration === undefined ? null : parseConcentration(spec.concentration);
  return {
    name: spec.name ?? null,
    cas: spec.cas === undefined ? null : identifier(parseCas(spec.cas)),
    ec: ec === null ? null : { ...identifier(ec), kind: ec.kind },
    indexNumber: spec.indexNumber === undefined ? null : { printed: spec.indexNumber, value: spec.indexNumber, valid: true },
    reachRegistration: null,
    concentration,
    hazardCodes: spec.hazardCodes ?? [],
    confidence: 0.9,
    evidence: { page: 2, quote: spec.name ?? '' },
  };
}

export interface FactsSpec {
  productName?: string | null;
  supplierName?: string | null;
  supplierCountry?: string | null;
  revisionDate?: string | null;
  version?: string | null;
  signalWord?: 'Danger' | 'Warning' | null;
  hazardStatements?: string[];
  euhStatements?: string[];
  pictograms?: SdsFacts['pictograms'][number]['code'][];
  substances?: SubstanceSpec[];
  textLayer?: boolean;
  isSds?: boolean;
  needsReview?: boolean;
}

/** A complete SdsFacts: a Swedish floor cleaner unless the spec says otherwise. */
export function facts(spec: FactsSpec = {}): SdsFacts {
  const signal = spec.signalWord === undefined ? 'Warning' : spec.signalWord;
  return {
    textLayer: spec.textLayer ?? true,
    pageCount: 3,
    isSds: spec.isSds ?? true,
    language: 'sv',
    languageConfidence: 0.98,
    format: 'EU-REACH-16',
    sections: Array.from({ length: 16 }, (_, i) => ({ number: i + 1, title: `Avsnitt ${i + 1}`, page: 1 + Math.floor(i / 6) })),
    productName: text(spec.productName === undefined ? 'Golvrent Neutral' : spec.productName),
    supplierName: text(spec.supplierName === undefined ? 'Städ & Hygien AB' : spec.supplierName),
    supplierCountry: text(spec.supplierCountry === undefined ? 'SE' : spec.supplierCountry),
    revisionDate: text(spec.revisionDate === undefined ? '2024-03-01' : spec.revisionDate),
    version: text(spec.version === undefined ? '1.0' : spec.version),
    signalWord: { value: signal, printed: signal === 'Danger' ? 'Fara' : signal === 'Warning' ? 'Varning' : null, confidence: 0.9, evidence: null },
    hazardStatements: (spec.hazardStatements ?? ['H315', 'H319']).map(code),
    euhStatements: (spec.euhStatements ?? []).map(code),
    pictograms: (spec.pictograms ?? ['GHS07']).map((c) => ({ code: c, confidence: 0.9, evidence: null })),
    substances: (spec.substances ?? [
      { name: 'Alkoholetoxilat', cas: '68439-46-3', concentration: '1-5 %', hazardCodes: ['H302', 'H318'] },
      { name: 'Natriumhydroxid', cas: '1310-73-2', ec: '215-185-5', concentration: '< 1 %', hazardCodes: ['H314'] },
    ]).map(substance),
    needsReview: spec.needsReview ?? false,
    reasons: [],
  };
}
