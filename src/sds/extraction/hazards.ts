// Section 2 facts (REACH Annex II 2.1–2.2, CLP Art. 17–22): the signal word, the H and EUH statements, and the
// hazard pictograms where they are printed as codes or names (most sheets print them as images, which carry no text).
import { findHazardCodes } from '../../chemistry/hazard-codes.js';
import { PICTOGRAMS, SDS_LANGUAGES, type CodeFact, type Evidence, type PictogramFact } from './facts.js';
import { HEADINGS } from './headings.js';
import { findLabelled, labelPattern } from './labels.js';
import { fold, foldSameLength, type Line } from './text.js';

const quote = (line: Line): Evidence => ({ page: line.page, quote: line.text.replace(/\t/g, ' ') });

const SIGNAL_LABELS = [
  'signal word', 'signalord', 'signalwort', "mention d'avertissement", 'signaalwoord', 'palabra de advertencia', 'palabra de señal', 'avvertenza',
  'avvertenze', 'hasło ostrzegawcze', 'huomiosana', 'palavra-sinal', 'palavra sinal', 'varselord',
];

// CLP Art. 20 signal words in every supported language → the English term. Danish sheets also print "Farligt".
const SIGNAL_WORDS: ReadonlyMap<string, 'Danger' | 'Warning'> = (() => {
  const map = new Map<string, 'Danger' | 'Warning'>();
  for (const language of SDS_LANGUAGES) {
    map.set(fold(HEADINGS[language].signalWords.danger), 'Danger');
    map.set(fold(HEADINGS[language].signalWords.warning), 'Warning');
  }
  map.set('farligt', 'Danger');
  return map;
})();

export interface SignalWord {
  value: 'Danger' | 'Warning' | null;
  printed: string | null;
  confidence: number;
  evidence: Evidence | null;
}

function signalWordIn(text: string): { value: 'Danger' | 'Warning'; printed: string } | null {
  const first = /^[\s:\-–]*([\p{L}]+)/u.exec(text);
  const word = first?.[1];
  if (!word) return null;
  const value = SIGNAL_WORDS.get(fold(word));
  return value ? { value, printed: word } : null;
}

export function extractSignalWord(section2: readonly Line[]): SignalWord {
  const labelled = findLabelled(section2, SIGNAL_LABELS, { accept: (v) => v.length > 0 });
  if (labelled) {
    const found = signalWordIn(labelled.value);
    if (found) return { ...found, confidence: 0.95, evidence: quote(labelled.line) };
    // Two labels in one cell ("Signalord (CLP) / Innehåller : Fara : …"): the word may sit in a later cell.
    for (const cell of labelled.line.text.split(/\t|\s:\s?/).slice(1)) {
      const later = signalWordIn(cell);
      if (later) return { ...later, confidence: 0.8, evidence: quote(labelled.line) };
    }
    // A label followed by "None", "Not applicable", "-": the sheet says there is no signal word.
    return { value: null, printed: null, confidence: 0.8, evidence: quote(labelled.line) };
  }
  // No label: a line that is nothing but a signal word (US sheets: "Signal Word" is sometimes a heading image).
  for (const line of section2) {
    const found = /^[\p{L}]+$/u.test(line.text) ? signalWordIn(line.text) : null;
    if (found) return { ...found, confidence: 0.6, evidence: quote(line) };
  }
  return { value: null, printed: null, confidence: 0.5, evidence: null };
}

export function extractHazardCodes(section2: readonly Line[]): { hazard: CodeFact[]; euh: CodeFact[] } {
  const hazard = new Map<string, CodeFact>();
  const euh = new Map<string, CodeFact>();
  for (const line of section2) {
    const found = findHazardCodes(line.text);
    for (const code of found.hazard) {
      if (!hazard.has(code.code)) hazard.set(code.code, { code: code.code, known: code.known, confidence: code.known ? 0.95 : 0.5, evidence: quote(line) });
    }
    for (const code of found.euh) {
      if (!euh.has(code.code)) euh.set(code.code, { code: code.code, known: code.known, confidence: code.known ? 0.95 : 0.5, evidence: quote(line) });
    }
  }
  return { hazard: [...hazard.values()], euh: [...euh.values()] };
}

// CLP Annex V pictogram names, in English and in the languages' CLP versions, folded.
const PICTOGRAM_NAMES: Readonly<Record<(typeof PICTOGRAMS)[number], readonly string[]>> = {
  GHS01: ['exploding bomb', 'exploderande bomb', 'eksploderende bombe', 'rajahtava pommi', 'explodierende bombe', 'bombe explosant', 'ontploffende bom', 'bomba explotando', 'bomba che esplode', 'wybuchajaca bomba', 'bomba a explodir'],
  GHS02: ['flame', 'flamma', 'flamme', 'liekki', 'vlam', 'llama', 'fiamma', 'plomien', 'chama'],
  GHS03: ['flame over circle', 'flamma ovanfor en cirkel', 'flamma over cirkel', 'flamme over cirkel', 'flamme over sirkel', 'liekki renkaan yllä', 'flamme uber einem kreis', 'flamme au-dessus d\'un cercle', 'vlam boven een cirkel', 'llama sobre circulo', 'fiamma su cerchio', 'plomien nad okregiem', 'chama sobre circulo'],
  GHS04: ['gas cylinder', 'gasflaska', 'gasflaske', 'gassflaske', 'kaasupullo', 'gasflasche', 'bouteille a gaz', 'gasfles', 'botella de gas', 'bombola per gas', 'butla z gazem', 'garrafa de gas'],
  GHS05: ['corrosion', 'fratande', 'aetsning', 'atsning', 'etsende', 'syovyttava', 'atzwirkung', 'corrosie', 'corrosion', 'corrosione', 'korozja', 'corrosao'],
  GHS06: ['skull and crossbones', 'dodskalle', 'dodningehoved', 'dodningehode', 'paakallo', 'totenkopf', 'tete de mort', 'doodshoofd', 'calavera', 'teschio', 'czaszka', 'caveira'],
  GHS07: ['exclamation mark', 'utropstecken', 'udrabstegn', 'utropstegn', 'huutomerkki', 'ausrufezeichen', 'point d\'exclamation', 'uitroepteken', 'signo de exclamacion', 'punto esclamativo', 'wykrzyknik', 'ponto de exclamacao'],
  GHS08: ['health hazard', 'halsofara', 'sundhedsfare', 'helsefare', 'terveysvaara', 'gesundheitsgefahr', 'danger pour la sante', 'gezondheidsgevaar', 'peligro para la salud', 'pericolo per la salute', 'zagrozenie dla zdrowia', 'perigo para a saude'],
  GHS09: ['environment', 'miljo', 'ymparisto', 'umwelt', 'environnement', 'milieu', 'medio ambiente', 'ambiente', 'srodowisko'],
};
// Longest names first, so "flame over circle" is taken (and masked) before "flame".
const PICTOGRAM_PATTERNS: ReadonlyArray<readonly [string, RegExp]> = Object.entries(PICTOGRAM_NAMES)
  .flatMap(([code, names]) => names.map((name) => [code, name] as const))
  .sort((a, b) => b[1].length - a[1].length)
  .map(([code, name]) => [code, new RegExp(`(?<![\\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\\p{L}])`, 'u')] as const);
const PICTOGRAM_LABEL = labelPattern([
  'hazard pictograms', 'pictograms', 'pictogram', 'symbol', 'faropiktogram', 'piktogram', 'farosymbol', 'fareikoner', 'farepiktogrammer', 'varoitusmerkit',
  'varoitusmerkki', 'gefahrenpiktogramme', 'gefahrenpiktogramm', 'piktogramme', 'pictogrammes de danger', 'pictogrammes', 'gevarenpictogrammen', 'pictogrammen',
  'pictogramas de peligro', 'pictogramas', 'pittogrammi di pericolo', 'pittogrammi', 'piktogramy', 'pictogramas de perigo',
], true);

export function extractPictograms(section2: readonly Line[]): PictogramFact[] {
  const found = new Map<(typeof PICTOGRAMS)[number], PictogramFact>();
  const add = (code: (typeof PICTOGRAMS)[number], line: Line, confidence: number): void => {
    if (!found.has(code)) found.set(code, { code, confidence, evidence: quote(line) });
  };
  section2.forEach((line, i) => {
    // Codes anywhere in section 2: GHS05, "GHS 07", and SGH07 in French and Spanish sheets.
    for (const m of line.text.matchAll(/(?<![\p{L}\d])(?:GHS|SGH)\s?0?([1-9])(?!\d)/gu)) add(`GHS0${m[1] ?? ''}` as (typeof PICTOGRAMS)[number], line, 0.95);
    // Names only right after a pictogram label: "flame" or "environment" elsewhere in the text is prose.
    if (!PICTOGRAM_LABEL.test(foldSameLength(line.text))) return;
    const window = section2.slice(i, i + 4).map((l) => ({ line: l, text: fold(l.text) }));
    for (const { line: l, text } of window) {
      let rest = text;
      for (const [code, re] of PICTOGRAM_PATTERNS) {
        if (re.test(rest)) {
          add(code as (typeof PICTOGRAMS)[number], l, 0.8);
          rest = rest.replace(re, ' ');
        }
      }
    }
  });
  return [...found.values()].sort((a, b) => a.code.localeCompare(b.code));
}
