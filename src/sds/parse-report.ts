// The flat JSON shape of `chemreg parse` (the CLI contract used to measure accuracy: keep these names stable).
// Values are plain (strings, codes); how sure each one is and where it came from sit beside them in
// `confidence` and `evidence`, keyed by the same field names.
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { extractSds, extractSdsFromText, type Evidence, type SdsFacts } from './extraction/index.js';

export interface ParseReport {
  file: string;
  language: string | null;
  format: SdsFacts['format'];
  textLayer: boolean;
  isSds: boolean;
  productName: string | null;
  supplierName: string | null;
  supplierCountry: string | null;
  revisionDate: string | null;
  version: string | null;
  signalWord: 'Danger' | 'Warning' | null;
  signalWordPrinted: string | null;
  hazardStatements: string[];
  euhStatements: string[];
  pictograms: string[];
  substances: Array<{
    name: string | null;
    cas: string | null;
    ec: string | null;
    indexNumber: string | null;
    reachRegistration: string | null;
    casValid: boolean | null;
    ecValid: boolean | null;
    concentration: SdsFacts['substances'][number]['concentration'];
    confidence: number;
    evidence: Evidence | null;
  }>;
  needsReview: boolean;
  reasons: SdsFacts['reasons'];
  confidence: Record<string, number>;
  evidence: Record<string, Evidence | null>;
}

export type ParseOutcome = ParseReport | { file: string; error: string; reason: string };

export function toParseReport(file: string, facts: SdsFacts): ParseReport {
  const scalar = ['productName', 'supplierName', 'supplierCountry', 'revisionDate', 'version'] as const;
  const confidence: Record<string, number> = { language: facts.languageConfidence, signalWord: facts.signalWord.confidence };
  const evidence: Record<string, Evidence | null> = { signalWord: facts.signalWord.evidence };
  for (const key of scalar) {
    confidence[key] = facts[key].confidence;
    evidence[key] = facts[key].evidence;
  }
  for (const c of facts.hazardStatements) evidence[c.code] = c.evidence;
  for (const c of facts.euhStatements) evidence[c.code] = c.evidence;
  for (const p of facts.pictograms) evidence[p.code] = p.evidence;
  return {
    file,
    language: facts.language,
    format: facts.format,
    textLayer: facts.textLayer,
    isSds: facts.isSds,
    productName: facts.productName.value,
    supplierName: facts.supplierName.value,
    supplierCountry: facts.supplierCountry.value,
    revisionDate: facts.revisionDate.value,
    version: facts.version.value,
    signalWord: facts.signalWord.value,
    signalWordPrinted: facts.signalWord.printed,
    hazardStatements: facts.hazardStatements.map((c) => c.code),
    euhStatements: facts.euhStatements.map((c) => c.code),
    pictograms: facts.pictograms.map((p) => p.code),
    substances: facts.substances.map((s) => ({
      name: s.name,
      cas: s.cas?.value ?? null,
      ec: s.ec?.value ?? null,
      indexNumber: s.indexNumber?.value ?? null,
      reachRegistration: s.reachRegistration?.value ?? null,
      casValid: s.cas ? s.cas.valid : null,
      ecValid: s.ec ? s.ec.valid : null,
      concentration: s.concentration,
      confidence: s.confidence,
      evidence: s.evidence,
    })),
    needsReview: facts.needsReview,
    reasons: facts.reasons,
    confidence,
    evidence,
  };
}

/** Parse one file: a PDF, or text/Markdown (.txt, .md) as PDF converters produce. Never throws for a bad file. */
export async function parseFile(path: string): Promise<ParseOutcome> {
  const file = basename(path);
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (err) {
    return { file, error: `cannot read the file: ${err instanceof Error ? err.message : String(err)}`, reason: 'unreadable' };
  }
  const ext = extname(path).toLowerCase();
  if (ext === '.txt' || ext === '.md') return toParseReport(file, extractSdsFromText(bytes.toString('utf8')));
  const result = await extractSds(new Uint8Array(bytes));
  if (!result.ok) return { file, error: result.message, reason: result.reason };
  return toParseReport(file, result.facts);
}
