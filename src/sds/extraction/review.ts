// Whether a person must look at a revision before its facts are trusted, and why. Screening still runs on
// facts under review; the reasons tell the expert what to check.
import type { ReviewReason, SdsFacts } from './facts.js';

const LOW = 0.6;

export function reviewFacts(facts: SdsFacts): SdsFacts {
  const reasons: ReviewReason[] = [];
  const add = (code: ReviewReason['code'], message: string, field?: string): void => {
    reasons.push({ code, message, ...(field !== undefined ? { field } : {}) });
  };
  if (!facts.textLayer) {
    add('no-text-layer', 'the PDF has no text layer (a scan): it needs OCR or manual entry; no facts were read');
    return { ...facts, needsReview: true, reasons };
  }
  if (!facts.isSds) {
    add('not-an-sds', 'the text does not look like a safety data sheet (fewer than 8 numbered SDS sections)');
    return { ...facts, needsReview: true, reasons };
  }
  if (facts.language === null) add('language-unknown', 'the language of the sheet could not be determined');
  const numbers = new Set(facts.sections.map((s) => s.number));
  const missing = Array.from({ length: 16 }, (_, i) => i + 1).filter((n) => !numbers.has(n));
  if (missing.length > 0) add('sections-missing', `sections not found: ${missing.join(', ')}`, 'sections');
  for (const [field, code, label] of [
    ['productName', 'product-name-missing', 'product name (1.1)'],
    ['supplierName', 'supplier-missing', 'supplier (1.3)'],
    ['revisionDate', 'revision-date-missing', 'revision date'],
  ] as const) {
    const fact = facts[field];
    if (fact.value === null) add(code, `no ${label} found`, field);
    else if (fact.confidence < LOW) add('low-confidence', `the ${label} "${fact.value}" was read with low confidence`, field);
  }
  if (facts.substances.length === 0) add('composition-missing', 'no substance with a CAS, EC or other identifier was found in section 3', 'substances');
  facts.substances.forEach((s, i) => {
    for (const key of ['cas', 'ec'] as const) {
      const id = s[key];
      if (id && !id.valid) add('identifier-invalid', `${key.toUpperCase()} ${id.printed} is not valid (${id.problem ?? 'check digit'})`, `substances[${i}].${key}`);
    }
    if (!s.concentration?.parsed) add('concentration-unreadable', `no concentration could be read for ${s.name ?? s.cas?.printed ?? `component ${i + 1}`}`, `substances[${i}].concentration`);
  });
  for (const [list, field] of [[facts.hazardStatements, 'hazardStatements'], [facts.euhStatements, 'euhStatements']] as const) {
    list.forEach((c, i) => {
      if (!c.known) add('hazard-code-unknown', `${c.code} is not a statement in CLP Annex III`, `${field}[${i}]`);
    });
  }
  return { ...facts, needsReview: reasons.length > 0, reasons };
}
