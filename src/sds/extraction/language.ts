// Which language an SDS is written in, from its commonest function words and the words of its official headings.
// Close pairs are told apart by the words where they differ: Danish "af/efter/mellem/virksomheden" against
// Norwegian "av/etter/mellom/foretaket", Spanish "el/los/del" against Portuguese "do/da/não" and Italian "il/della".
import { SDS_LANGUAGES, type SdsLanguage } from './facts.js';
import { HEADINGS } from './headings.js';
import { words } from './text.js';

const FUNCTION_WORDS: Readonly<Record<SdsLanguage, string>> = {
  sv: 'och av för med som är inte till eller vid enligt ämnet blandningen skydd ska från används får kan mot hos även efter mellan',
  da: 'og af til med som er ikke eller ved efter stoffet blandingen skal fra anvendes kan være mellem også hvis under virksomheden',
  nb: 'og av til med som er ikke eller ved etter stoffet blandingen skal fra brukes kan være mellom også hvis under foretaket',
  fi: 'ja tai on ei sekä aine seos seoksen mukaan tiedot kanssa jos ovat eikä käyttö aineen',
  en: 'the and of to or with for is not in be if by from this are may use',
  de: 'und der die das mit für nicht oder von zu ist bei nach gemäß den dem des ein eine auf',
  fr: 'et le la les des du pour avec ne pas ou selon est une au aux sur dans',
  nl: 'en het van voor met niet een bij volgens zijn worden op te dat aan naar',
  es: 'y el los las del para con no por según es una se al o',
  it: 'e il gli di del della per con non secondo è una dei delle nel alla',
  pl: 'i w z na do nie lub się oraz jest dla zgodnie przez od są może',
  pt: 'e os do da para com não ou em segundo é uma dos das no na ao',
};

// Each word scores for every language that has it, divided among them: shared words say little.
const LEXICON: ReadonlyMap<string, readonly SdsLanguage[]> = (() => {
  const map = new Map<string, SdsLanguage[]>();
  const add = (word: string, language: SdsLanguage): void => {
    const list = map.get(word) ?? [];
    if (!list.includes(language)) list.push(language);
    map.set(word, list);
  };
  for (const language of SDS_LANGUAGES) {
    for (const word of words(FUNCTION_WORDS[language])) add(word, language);
    const h = HEADINGS[language];
    for (const title of [...Object.values(h.sections), h.documentTitle, h.sectionWord]) {
      for (const word of words(title)) if (word.length >= 4) add(word, language);
    }
  }
  return map;
})();

export interface DetectedLanguage {
  language: SdsLanguage | null;
  confidence: number;
}

export function detectLanguage(text: string): DetectedLanguage {
  const scores = new Map<SdsLanguage, number>(SDS_LANGUAGES.map((l) => [l, 0]));
  let counted = 0;
  for (const word of words(text)) {
    const languages = LEXICON.get(word);
    if (!languages) continue;
    counted++;
    for (const language of languages) scores.set(language, (scores.get(language) ?? 0) + 1 / languages.length);
  }
  const ranked = [...scores].sort((a, b) => b[1] - a[1]);
  const [best, second] = ranked;
  if (!best || best[1] < 5 || counted < 20) return { language: null, confidence: 0 };
  const margin = (best[1] - (second?.[1] ?? 0)) / best[1];
  return { language: best[0], confidence: Math.round(Math.min(1, 0.5 + margin) * 100) / 100 };
}
