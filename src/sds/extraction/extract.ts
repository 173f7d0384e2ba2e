// The extraction pipeline over page text: lines → furniture removed → sections → facts → review.
import { detectFormat } from './format.js';
import type { SdsFacts, TextFact } from './facts.js';
import { removeFurniture } from './furniture.js';
import { extractCountry, extractProductName, extractRevisionDate, extractSupplier, extractVersion } from './identity.js';
import { extractHazardCodes, extractPictograms, extractSignalWord } from './hazards.js';
import { extractSubstances } from './composition.js';
import { detectLanguage } from './language.js';
import { reviewFacts } from './review.js';
import { findSections, type Section } from './sections.js';
import { toLines, type Line } from './text.js';

const empty = (): TextFact => ({ value: null, confidence: 0, evidence: null });

// A page with fewer letters than this carries no usable text layer (a scan, perhaps with a stamped page number).
const MIN_LETTERS_PER_PAGE = 40;

/** Whether the pages hold at least `needed` letters (counting stops there: a real SDS has tens of thousands). */
function hasLetters(pages: readonly string[], needed: number): boolean {
  let count = 0;
  for (const page of pages) {
    const letter = /\p{L}/gu;
    while (letter.exec(page)) if (++count >= needed) return true;
  }
  return count >= needed;
}

export function extractFromPages(pages: readonly string[], options: { paged: boolean }): SdsFacts {
  const textLayer = hasLetters(pages, MIN_LETTERS_PER_PAGE * Math.max(1, Math.min(pages.length, 2)) / 2);
  const doc = removeFurniture(toLines(pages, options.paged));
  const all = doc.lines;
  const sections = textLayer ? findSections(all) : [];
  const byRole = (role: number): Section | undefined => sections.find((s) => s.role === role);
  const fullText = [...doc.furniture, ...all].map((l) => l.text).join('\n');
  const language = textLayer ? detectLanguage(fullText) : { language: null, confidence: 0 };
  const format = detectFormat(fullText, sections);
  const isSds = textLayer && (new Set(sections.map((s) => s.number)).size >= 8 || (sections.length >= 3 && /safety data sheet|säkerhetsdatablad|sicherheitsdatenblatt|fiche de données de sécurité|sikkerhedsdatablad|sikkerhetsdatablad|käyttöturvallisuustiedote|veiligheidsinformatieblad|ficha de datos de seguridad|scheda di dati di sicurezza|karta charakterystyki|ficha de dados de segurança|hoja de datos de seguridad/i.test(fullText)));

  const facts: SdsFacts = {
    textLayer,
    pageCount: pages.length,
    isSds,
    language: language.language,
    languageConfidence: language.confidence,
    format,
    sections: sections.map((s) => ({ number: s.number, title: s.title, page: s.heading.page })),
    productName: empty(),
    supplierName: empty(),
    supplierCountry: empty(),
    revisionDate: empty(),
    version: empty(),
    signalWord: { value: null, printed: null, confidence: 0, evidence: null },
    hazardStatements: [],
    euhStatements: [],
    pictograms: [],
    substances: [],
    needsReview: true,
    reasons: [],
  };
  if (!textLayer || !isSds) return reviewFacts(facts);

  const firstSection = sections[0];
  const preamble = firstSection ? all.slice(0, firstSection.heading.index) : [];
  const identity = byRole(1)?.lines ?? all.slice(0, 60);
  const firstPage: Line[] = all.filter((l) => l.page === null ? l.index < 80 : l.page === 1);
  facts.productName = extractProductName([...preamble, ...identity], doc.furniture);
  const supplier = extractSupplier(identity, firstPage);
  facts.supplierName = supplier.name;
  facts.supplierCountry = extractCountry(supplier.block);
  const dated = [...doc.furniture, ...preamble, ...all];
  facts.revisionDate = extractRevisionDate(dated, format === 'US-OSHA-16' ? 'MDY' : 'DMY');
  facts.version = extractVersion(dated);

  const hazards = byRole(2)?.lines ?? [];
  facts.signalWord = extractSignalWord(hazards);
  const codes = extractHazardCodes(hazards);
  facts.hazardStatements = codes.hazard;
  facts.euhStatements = codes.euh;
  facts.pictograms = extractPictograms(hazards);
  facts.substances = extractSubstances(byRole(3)?.lines ?? []);
  return reviewFacts(facts);
}
