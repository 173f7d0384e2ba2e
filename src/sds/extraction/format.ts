// EU (REACH Annex II) or US (OSHA HazCom 2012) sheet, or neither. Both have 16 sections; what tells them apart is
// the legislation they say they follow ("according to Regulation (EC) No 1907/2006" against "29 CFR 1910.1200"),
// counted over the whole text because sheets for both markets mention the other's law in section 15.
import type { SdsFormat } from './facts.js';
import { matchTitle, type Section } from './sections.js';

const EU = /1907\s*\/\s*2006|1272\s*\/\s*2008|2020\s*\/\s*878|2015\s*\/\s*830|453\s*\/\s*2010|\bREACH\b/g;
const US = /\bOSHA\b|29\s*CFR\s*(?:§\s*)?1910|Hazard\s+Communication\s+Standard|\bHazCom\b|\bHCS\b/gi;

export function detectFormat(text: string, sections: readonly Section[]): SdsFormat {
  const numbered = new Set(sections.map((s) => s.number));
  if (numbered.size < 10) return 'other';
  // ISO 11014-1 puts composition in 2 and hazards in 3: not an Annex II or Appendix D layout.
  if (sections.some((s) => s.role !== s.number)) return 'other';
  const eu = (text.match(EU) ?? []).length;
  const us = (text.match(US) ?? []).length;
  if (us > eu) return 'US-OSHA-16';
  if (eu > 0) return 'EU-REACH-16';
  // No legislation named: an Annex II section 1 title ("… of the company/undertaking") still says EU.
  const first = sections.find((s) => s.number === 1);
  const match = first ? matchTitle(first.title) : null;
  return match && match.number === 1 && /undertaking|företaget|virksomheden|foretaket|yrityksen|unternehmens|entreprise|onderneming|empresa|impresa|przedsiębiorstwa/i.test(first?.title ?? '')
    ? 'EU-REACH-16'
    : 'other';
}
