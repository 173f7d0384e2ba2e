// Section segmentation. REACH Annex II fixes 16 numbered sections; OSHA HazCom (29 CFR 1910.1200 App. D) has 16
// with other titles; older ISO 11014-1 sheets swap sections 2 and 3. A heading is a line that starts with a
// number 1–16 (optionally after a section word: "AVSNITT 1:", "SECTION 1.", "Section 1 -") whose title resembles
// one of the known titles for some section; the chosen headings must run in increasing order. Each section also
// gets the role it plays (identity, hazards, composition …) from its title, so a swapped layout still reads right.
import { SDS_LANGUAGES } from './facts.js';
import { HEADINGS } from './headings.js';
import { fold, words, type Line } from './text.js';

// OSHA HazCom 2012 Appendix D titles, older ANSI Z400.1 / ISO 11014-1 titles, and the common English variants.
const EXTRA_TITLES: Readonly<Record<number, readonly string[]>> = {
  1: ['Identification', 'Product and company identification', 'Chemical product and company identification', 'Identification of the substance/preparation and of the company/undertaking', 'Identificación'],
  2: ['Hazard(s) identification', 'Hazards identification', 'Identificación de los peligros'],
  3: ['Composition/information on ingredients', 'Composition/information on components', 'Composición/información sobre los componentes'],
  4: ['First-aid measures', 'First aid measures', 'Primeros auxilios'],
  5: ['Fire-fighting measures', 'Firefighting measures', 'Medidas contra incendios'],
  6: ['Accidental release measures'],
  7: ['Handling and storage', 'Manejo y almacenamiento'],
  8: ['Exposure controls/personal protection', 'Controles de exposición/protección personal'],
  9: ['Physical and chemical properties', 'Propiedades físicas y químicas'],
  10: ['Stability and reactivity', 'Estabilidad y reactividad'],
  11: ['Toxicological information', 'Información toxicológica'],
  12: ['Ecological information', 'Información ecotoxicológica', 'Información ecológica'],
  13: ['Disposal considerations', 'Información relativa a la eliminación de los productos'],
  14: ['Transport information', 'Información relativa al transporte'],
  15: ['Regulatory information', 'Información reglamentaria'],
  16: ['Other information', 'Otras informaciones', 'Otra información'],
};

const SECTION_WORDS = new Set([
  ...SDS_LANGUAGES.map((l) => fold(HEADINGS[l].sectionWord)),
  'section', 'seccion', 'abschnitt', 'rubrique', 'rubriek', 'sezione', 'sekcja', 'kohta', 'punkt', 'avsnitt', 'seccao', 'secao', 'osa', 'del', 'pkt',
]);

const STOP = new Set(['of', 'the', 'and', 'on', 'och', 'av', 'om', 'og', 'af', 'ja', 'und', 'der', 'die', 'des', 'et', 'de', 'du', 'la', 'le', 'les', 'en', 'van', 'het', 'y', 'el', 'los', 'e', 'di', 'del', 'i', 'o', 'na', 'do', 'dla', 'da', 'a']);
const titleWords = (text: string): string[] => words(text).filter((w) => w.length >= 2 && !STOP.has(w));

/** Words are compared by prefix, so "identification"/"identifikation" meet. */
const stem = (w: string): string => w.slice(0, Math.max(4, Math.min(w.length, 6)));

/** The known titles as stems, computed once: every line that starts with a number is scored against all of them. */
const TITLES: ReadonlyArray<{ number: number; stems: string[] }> = (() => {
  const list: Array<{ number: number; stems: string[] }> = [];
  const add = (number: number, title: string): void => {
    list.push({ number, stems: titleWords(title).map(stem) });
  };
  for (let n = 1; n <= 16; n++) {
    for (const language of SDS_LANGUAGES) add(n, HEADINGS[language].sections[n] ?? '');
    for (const title of EXTRA_TITLES[n] ?? []) add(n, title);
  }
  return list;
})();

/** A heading candidate's words: how many there are and their stems. */
interface TitleStems {
  count: number;
  stems: ReadonlySet<string>;
}

const stemsOf = (title: string): TitleStems => {
  const ws = titleWords(title);
  return { count: ws.length, stems: new Set(ws.map(stem)) };
};

/** Share of the title's words found in the candidate. */
function similarity(candidate: TitleStems, title: readonly string[]): number {
  if (title.length === 0 || candidate.count === 0) return 0;
  let hits = 0;
  for (const w of title) if (candidate.stems.has(w)) hits++;
  // Penalise candidates much longer than the title: a sentence that mentions "transport" is not a heading.
  const extra = Math.max(0, candidate.count - title.length - 3);
  // Among full matches the longer title wins: "Hazards identification" is section 2, not "Identification" (1).
  return hits / title.length - extra * 0.1 + hits * 0.001;
}

/** How much a title reads like section `number`'s title (best over languages and variants). */
function scoreFor(candidate: TitleStems, number: number): number {
  let best = 0;
  for (const t of TITLES) if (t.number === number) best = Math.max(best, similarity(candidate, t.stems));
  return best;
}

/** The section a title reads like, and how much. */
export function matchTitle(title: string | TitleStems): { number: number; score: number } | null {
  const candidate = typeof title === 'string' ? stemsOf(title) : title;
  let best: { number: number; score: number } | null = null;
  for (const t of TITLES) {
    const score = similarity(candidate, t.stems);
    if (!best || score > best.score) best = { number: t.number, score };
  }
  return best && best.score > 0 ? best : null;
}

export interface Section {
  /** The number printed in the heading. */
  number: number;
  /** The section it is by content (differs from `number` in ISO 11014-1 layouts, where 2 and 3 are swapped). */
  role: number;
  title: string;
  heading: Line;
  /** Body lines, heading excluded. */
  lines: Line[];
}

interface Candidate {
  number: number;
  role: number;
  title: string;
  line: Line;
  score: number;
}

const HEADING = /^(?:(?<word>[\p{L}]+)\s*)?(?<num>\d{1,2})(?![.,]\d|\d)\s*[.:)\-–—]?\s*(?<title>.*)$/u;

function candidateOf(line: Line): Candidate | null {
  const match = HEADING.exec(line.text.split('\t')[0] ?? '');
  if (!match?.groups) return null;
  const number = Number(match.groups['num']);
  if (number < 1 || number > 16) return null;
  const word = match.groups['word'];
  const hasWord = word !== undefined && SECTION_WORDS.has(fold(word));
  if (word !== undefined && !hasWord) return null;
  const title = (match.groups['title'] ?? '').trim();
  if (!hasWord && !/^\p{L}/u.test(title)) return null;
  const stems = stemsOf(title);
  const matched = matchTitle(stems);
  const ownScore = scoreFor(stems, number);
  // Without a section word the title must clearly be a section title; with one, a weak title will do.
  if (!hasWord && (ownScore < 0.6 && (!matched || matched.score < 0.75))) return null;
  if (hasWord && title !== '' && ownScore < 0.3 && (!matched || matched.score < 0.5) && !/^[\p{Lu}\s/,()&-]+$/u.test(title)) return null;
  // Another section's title, clearly and not this one's: the ISO 11014-1 swap of sections 2 and 3.
  const role = matched && matched.score >= 0.75 && ownScore < 0.5 && matched.number !== number ? matched.number : number;
  return { number, role, title, line, score: (hasWord ? 1 : 0) + Math.max(ownScore, matched?.score ?? 0) };
}

/** The numbered sections, in order; the best-scoring increasing run of heading candidates. */
export function findSections(lines: readonly Line[]): Section[] {
  const candidates = lines.map(candidateOf).filter((c): c is Candidate => c !== null);
  // Longest-path DP over candidates with strictly increasing numbers, maximising the summed score.
  const best: number[] = [];
  const prev: number[] = [];
  candidates.forEach((c, i) => {
    best[i] = c.score;
    prev[i] = -1;
    for (let j = 0; j < i; j++) {
      const cj = candidates[j];
      if (cj && cj.number < c.number && (best[j] ?? 0) + c.score > (best[i] ?? 0)) {
        best[i] = (best[j] ?? 0) + c.score;
        prev[i] = j;
      }
    }
  });
  let end = -1;
  best.forEach((score, i) => {
    if (end < 0 || score > (best[end] ?? 0)) end = i;
  });
  const chosen: Candidate[] = [];
  for (let i = end; i >= 0; i = prev[i] ?? -1) {
    const c = candidates[i];
    if (c) chosen.unshift(c);
  }
  return chosen.map((c, k) => {
    const next = chosen[k + 1];
    return {
      number: c.number,
      role: c.role,
      title: c.title,
      heading: c.line,
      lines: lines.slice(c.line.index + 1, next ? next.line.index : lines.length),
    };
  });
}
