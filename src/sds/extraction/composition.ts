// Section 3 composition (REACH Annex II 3.1–3.2): one entry per component with its name, identifiers and
// concentration. Text extraction gives table rows in content-stream order, which is row by row but not always
// cell by cell on one line: a name may wrap over several lines above its identifiers, the concentration may come
// after the classification lines, identifiers may be stacked under labels. So the parser reads a stream of lines:
// each line containing a CAS/EC number (or another identifier when there is no CAS) anchors a component; name
// fragments seen since the previous component closed are its name; classification and concentration lines that
// follow belong to it until its concentration is found.
import { findIdentifiers, type FoundIdentifier } from '../../chemistry/identifiers.js';
import { findHazardCodes } from '../../chemistry/hazard-codes.js';
import { parseConcentration } from '../../chemistry/concentration.js';
import type { ConcentrationValue, Evidence, IdentifierValue, SubstanceFact } from './facts.js';
import { fold, type Line } from './text.js';

// CLP hazard class abbreviations (Annex VI Table 1.1 codes) with their category, as printed in the classification
// column: "Acute Tox. 4", "Skin Corr. 1B", "Aquatic Chronic 1", "STOT SE 3", "Flam. Liq. 2", "Repr. 1B".
const HAZARD_CLASS =
  /(?<![\p{L}])(?:Unst\.\s?Expl\.|Expl\.|Flam\.\s?(?:Gas|Aerosol|Liq\.|Sol\.)|Aerosol|Ox\.\s?(?:Gas|Liq\.|Sol\.)|Press\.\s?Gas(?:\s?\([^)]*\))?|Self-react\.|Pyr\.\s?(?:Liq\.|Sol\.)|Self-heat\.|Water-react\.|Org\.\s?Perox\.|Met\.\s?Corr\.|Desen\.\s?Expl\.|Acute\s?Tox\.|Skin\s?Corr\.|Skin\s?Irrit\.|Eye\s?Dam\.|Eye\s?Irrit\.|Resp\.\s?Sens\.|Skin\s?Sens\.|Muta\.|Carc\.|Repr\.|Lact\.|STOT\s?(?:SE|RE)|Asp\.\s?Tox\.|Aquatic\s?(?:Acute|Chronic)|Ozone|ED\s?(?:HH|ENV)|PBT|vPvB|PMT|vPvM)(?:\s*(?:Cat\.?|kategori|category)?\s*(?:\d[A-C]?|[A-C])(?![\p{L}\d]))?/giu;
const M_FACTOR = /\bM\s?(?:[-=]\s?|(?=[-\s]?(?:factor|faktor|värde)))(?:-?\s?(?:factor|faktor|värde))?\s*(?:\(?(?:acute|chronic|akut|kronisk)\)?)?\s*[:=]?\s*(?:\d[\d.,]*)?/giu;
const ATE = /\bATE\s*(?:\([^)]*\))?\s*[:=]?\s*[\d.,]+\s*(?:mg\/kg|mg\/l|ppm)?(?:\s*bw)?/giu;
const SCL = /\(?\s*C\s*[≥>≤<]=?\s*\d[\d.,]*\s*%?\s*\)?/giu;

// A concentration as printed: "≥10 – <25 %", "0,1-1", "< 1", ">95", "52.17", "36% – 46%", ">= 0.005 – < 0.05".
const OP = '(?:<=|>=|=<|=>|≤|≥|<|>|~|ca\\.?|approx\\.?)';
// No leading zero before another digit: "01" is the start of a REACH number, not a concentration.
const NUM = '(?:0|[1-9]\\d{0,2})(?:[.,]\\d{1,4})?';
const SIDE = `(?:${OP}\\s*)?${NUM}(?:\\s*%)?`;
const CONCENTRATION = new RegExp(
  `(?<![\\p{L}\\d.,/-])(?:${SIDE}\\s*(?:[-–—]|to|till|bis|à|a|do|tot|til|–)\\s*${SIDE}|${SIDE}(?!\\s*[-–]\\s*[<>≤≥=]*\\s*\\d))(?![\\d\\p{L}]|[.,]\\d|\\s*(?:g\\/|mg|ml|°|kg|mol|µ|μ|ppm|bar|hpa|mm\\b|min\\b|h\\b))`,
  'giu',
);

// Lines that are table headers or notes, never a name: "Name CAS-No. / EC-No. Classification Conc. [%]".
const HEADER_WORDS = new Set(
  'name names component components ingredient ingredients chemical substance substances identifier identifiers identification cas ec eg ef ey we ce no nr nummer number reach registration reg index classification classificering klassificering klassifisering klassifikation luokitus einstufung classement indeling clasificacion classificazione klasyfikacja classificacao concentration conc concentracion concentrazione concentratie konzentration koncentration konsentrasjon pitoisuus stezenie concentracao weight wt vikt gewicht halt innhold maengde pitoisuus % w w v regulation ec 1272 2008 clp hazard statements pictograms namn navn nimi nom nombre nome nazwa bezeichnung naam stof ainesosa ingredienser komponenter bestandteile composants componentes componenti skladniki trade secret m factor factors specific limits limit limits scl ate notes note range tsc synonyms formula molecular molar mass weight of to the and acc according per ghs wt% w/w %w/w description mixture mixtures enligt nach gemäß selon según secondo wg conforme volgens ifølge mukaan'
    .split(/\s+/),
);

const NOTE = /^(?:for (?:the )?full text|full text|further information|\* |\*\*|tsc|the (?:exact|actual|specific)|there are no|occupational exposure|see section|fullständig text|se avsnitt|vollständiger wortlaut|texte complet|texto completo|testo completo|pełny tekst|volledige tekst|yleiset|den fullständiga|ytterligare|weitere|autres|otras|altre|note|remark|anmärkning|hinweis|the substance|this product|product contains|ingen|none|not applicable|ej tillämplig|no hazardous|non-hazardous)/iu;

const IDENTIFIER_LABEL = /(?:^|\s)(?:CAS(?:[\s-]*(?:RN|No\.?|nr\.?|number|nummer|n°|numero|número|numer))?|EC(?:[\s-]*(?:No\.?|nr\.?|number))?|EG(?:[\s-]*(?:nr\.?|Nummer))?|EF(?:[\s-]*nr\.?)?|EY(?:[\s-]*nro\.?)?|CE|WE|Index(?:[\s-]*(?:No\.?|nr\.?|number|nummer))?|REACH(?:[\s-]*(?:Reg\.?\s*No\.?|registration\s*(?:no\.?|number)|nr\.?|-nr\.?|registreringsnr\.?|registreringsnummer))?|Registration\s*(?:No\.?|number)|Reg\.\s*No\.?|No\.\s*CAS|N[°º]\s*CAS|Nr\s*CAS)\s*[.:]?\s*$/iu;

export function isHeaderLine(text: string): boolean {
  const ws = fold(text).split(/[^\p{L}\d%]+/u).filter((w) => w !== '');
  if (ws.length === 0) return true;
  const known = ws.filter((w) => HEADER_WORDS.has(w)).length;
  return known / ws.length >= 0.6;
}

function isClassification(text: string): boolean {
  const stripped = stripClassification(text);
  return stripped.replace(/[\s;,/:.()\-–[\]\d]+/g, '').length <= 2 && stripped.length < text.length;
}

function stripClassification(text: string): string {
  return text
    .replace(HAZARD_CLASS, ' ')
    .replace(/\b(?:EUH|H)\d{3}[A-Za-z]{0,2}(?:\s*\+\s*(?:EUH|H)\d{3}[A-Za-z]{0,2})*/g, ' ')
    .replace(M_FACTOR, ' ')
    .replace(ATE, ' ')
    .replace(SCL, ' ')
    .replace(/(?<![\p{L}])(?:not classified|ej klassificerad|inte klassificerad|ikke klassificeret|ikke klassifisert|ei luokiteltu|nicht eingestuft|non classé|niet ingedeeld|no clasificado|non classificato|nie sklasyfikowano|não classificado)(?![\p{L}])/giu, ' ')
    .replace(/(?<![\p{L}])(?:acute|chronic|aquatic|category|kategori|cat\.|classification|klassificering|klassifisering|klassifikation|einstufung|classement|indeling|clasificación|classificazione|klasyfikacja|classificação|luokitus|compressed|liquefied)(?![\p{L}])/giu, ' ');
}

interface ConcentrationHit {
  text: string;
  strong: boolean;
}

/** Concentration candidates in text that has had its identifiers and classification removed. */
function concentrationsIn(text: string): ConcentrationHit[] {
  const hits: ConcentrationHit[] = [];
  for (const m of stripClassification(text).matchAll(CONCENTRATION)) {
    const t = m[0].trim();
    const c = parseConcentration(t);
    if (!c.parsed || c.problem !== undefined) continue;
    const strong = /[<>≤≥%~]|ca|approx/.test(t) || /\d\s*(?:[-–—]|to|till|bis)\s*[<>≤≥=]?\s*\d/.test(t) || /[.,]\d/.test(t);
    hits.push({ text: t, strong });
  }
  return hits;
}

/** A line's cells split into name text and cells that are nothing but a concentration. */
function splitCells(text: string): { names: string[]; concentrations: ConcentrationHit[] } {
  const names: string[] = [];
  const concentrations: ConcentrationHit[] = [];
  for (const cell of text.split('\t')) {
    const c = cleanNamePart(cell);
    if (c === '') continue;
    const conc = concentrationsIn(c);
    if (conc.length > 0 && c.replace(/[\d\s.,%<>=≤≥–—~-]/g, '').replace(/^(?:ca|to|till|bis)$/i, '') === '') concentrations.push(...conc);
    else if (!isHeaderLine(c) && !isClassification(c)) names.push(c);
  }
  return { names, concentrations };
}

/** The H and EUH codes of a row's classification, added to the row. */
function addCodes(draft: Draft, text: string): void {
  const found = findHazardCodes(text);
  for (const code of [...found.hazard, ...found.euh]) draft.codes.add(code.code);
}

interface Draft {
  nameParts: string[];
  ids: FoundIdentifier[];
  codes: Set<string>;
  concentration: ConcentrationHit | null;
  lines: Line[];
  anchor: Line;
}

function identifierValue(found: FoundIdentifier): IdentifierValue {
  const p = found.parsed;
  return { printed: found.text, value: p.normalised ?? found.text, valid: p.valid, ...(p.reason ? { problem: p.reason } : {}) };
}

/** Name fragments joined as printed: a fragment ending in a hyphen continues the word ("…3(2H)-" + "one"). */
function joinName(parts: readonly string[]): string | null {
  let name = '';
  for (const raw of parts) {
    const part = raw.replace(/\s+/g, ' ').trim();
    if (part === '') continue;
    name = name === '' ? part : /[-‐]$/.test(name) && !/\s[-‐]$/.test(name) ? name + part : `${name} ${part}`;
  }
  name = name.replace(/^[\s•·*\-–:]+/, '').replace(/[\s*:;,]+$/, '').trim();
  return name === '' ? null : name;
}

function cleanNamePart(text: string): string {
  let part = text;
  // Drop a trailing identifier label: "silver nitrate CAS No" → "silver nitrate".
  for (let k = 0; k < 3; k++) part = part.replace(IDENTIFIER_LABEL, '').trim();
  return part.replace(/^\d+(?:\.\d+)+\s+/, '').trim();
}

function isNameLike(text: string): boolean {
  if (text.length > 160 || !/\p{L}{2}/u.test(text)) return false;
  if (NOTE.test(text) || isHeaderLine(text) || isClassification(text)) return false;
  if (/:\s*\S/.test(text) && !/\d\s*:\s*\d/.test(text)) return false; // "Formula : AgCl", "Chemical nature : …"
  return true;
}

export function extractSubstances(section3: readonly Line[]): SubstanceFact[] {
  const drafts: Draft[] = [];
  let current: Draft | null = null;
  let pending: Line[] = [];
  let closed = true; // whether `current` has its concentration (later name-like lines belong to the next row)

  for (let i = 0; i < section3.length; i++) {
    const line = section3[i];
    if (!line) continue;
    const text = line.text;
    const ids = findIdentifiers(text);
    const anchorIds = ids.filter((id) => id.type === 'cas' || id.type === 'ec' || id.type === 'reach' || id.type === 'index');
    if (anchorIds.length > 0) {
      const first = anchorIds[0] as FoundIdentifier;
      const { names: nameCells, concentrations: concCells } = splitCells(text.slice(0, first.offset));
      const inlineName = nameCells.filter((c) => !isHeaderLine(c) && !isClassification(c));
      const hasCas = anchorIds.some((id) => id.type === 'cas');
      const hasEc = anchorIds.some((id) => id.type === 'ec');
      const startsNew =
        current === null ||
        inlineName.length > 0 ||
        (hasCas && current.ids.some((id) => id.type === 'cas')) ||
        (!hasCas && hasEc && current.ids.some((id) => id.type === 'ec')) ||
        (closed && pending.length > 0);
      if (startsNew) {
        const fromPending = pending.map((l) => splitCells(l.text));
        const pendingNames = fromPending.flatMap((p) => p.names);
        // A name wrapped above a row that also prints its name inline continues it ("Isopropylamine salt of" / "glyphosate").
        const nameParts = inlineName.length > 0 ? [...(/[-‐,]$|\s(?:of|and|with|och|und|de|et)$/.test(pendingNames.at(-1) ?? '') ? pendingNames : []), ...inlineName] : pendingNames;
        concCells.unshift(...fromPending.flatMap((p) => p.concentrations));
        current = { nameParts, ids: [], codes: new Set(), concentration: null, lines: [...pending, line], anchor: line };
        drafts.push(current);
        pending = [];
        closed = false;
      } else if (current) {
        current.lines.push(line);
      }
      if (!current) continue;
      current.ids.push(...ids);
      const after = text.slice(first.offset);
      const rest = ids.reduce((t, id) => t.replace(id.text, ' '), after);
      addCodes(current, rest);
      const conc = [...concCells, ...concentrationsIn(rest.replace(/\*/g, ' '))];
      const best = conc.find((c) => c.strong) ?? conc[0];
      if (best && !current.concentration) {
        current.concentration = best;
        closed = best.strong || conc.length === 1;
      }
      continue;
    }

    // A wrapped concentration: ">= 0.005 – <" then "0.05". After "M-Factor - Aquatic Acute:" the number on the
    // next line is the factor's value, not a concentration.
    const previous = section3[i - 1];
    let candidate = previous && /:\s*$/.test(previous.text) && /M[-\s]?fa[ck]tor|M-?värde|aquatic|:$/i.test(previous.text) ? text.replace(/^\s*\d[\d.,]*/, ' ') : text;
    const next = section3[i + 1];
    if (/(?:[<>≤≥=–-])\s*$/.test(text) && next && /^\s*[<>≤≥=]?\s*\d/.test(next.text) && !findIdentifiers(next.text).length) {
      candidate = `${candidate} ${next.text}`;
    }

    // A subsection heading ("3.2 Mixtures"), unlike "1.671 Ox. Sol. 2 / H272" (a concentration and its classification).
    const subsection = /^\d{1,2}\.\d{1,2}\.?\s+(\p{L}.*)$/u.exec(text);
    const isSubsection = subsection !== null && stripClassification(subsection[1] ?? '') === subsection[1];
    if (NOTE.test(text) || isSubsection) {
      // A note or a subsection heading ("3.2 Mixtures") ends the row and the name being collected.
      if (isSubsection) closed = true;
      pending = [];
      continue;
    }
    if (isHeaderLine(text)) {
      pending = [];
      continue;
    }
    const conc = concentrationsIn(candidate);
    // A concentration alone on its line (or beside classification) finishes the current row; beside a name it
    // starts the next one ("BUTAN <tab> 10-15%" above its identifiers).
    const remainder = conc.reduce((t, c) => t.replace(c.text, ' '), stripClassification(candidate)).replace(/[^\p{L}]/gu, '');
    if (current && !current.concentration && (isClassification(text) || (conc.length > 0 && remainder.length <= 2))) {
      addCodes(current, text);
      // A bare number counts only alone on its line ("22"); in a classification line it is a category.
      const whole = conc.find((c) => c.strong) ?? (conc[0] && candidate.trim() === conc[0].text ? conc[0] : undefined);
      if (whole) {
        current.concentration = whole;
        // Name lines between the identifiers and the concentration name this row (a 3.1 substance).
        if (current.nameParts.length === 0) current.nameParts = pending.flatMap((l) => splitCells(l.text).names);
        current.lines.push(line);
        if (candidate !== text) i++;
        closed = true;
        pending = [];
        continue;
      }
      if (isClassification(text)) {
        current.lines.push(line);
        continue;
      }
    }
    if (current && isClassification(text)) {
      addCodes(current, text);
      continue;
    }
    if (isNameLike(text)) {
      pending.push(line);
      if (pending.length > 6) pending.shift();
      if (current && current.nameParts.length === 0 && !current.concentration) closed = false;
    } else if (/\p{L}{3}/u.test(text)) {
      // Prose ("Formula : AgCl") breaks a name being collected; a stray number (an M-factor's value) does not.
      pending = [];
    }
  }
  // Name lines after the last identifiers (a single substance whose name follows its CAS/EC in 3.1).
  const last = drafts.at(-1);
  if (last && last.nameParts.length === 0 && pending.length > 0) last.nameParts = pending.map((l) => cleanNamePart(l.text));
  return merge(drafts.map(toFact).filter((s): s is SubstanceFact => s !== null));
}

function toFact(d: Draft): SubstanceFact | null {
  const pick = (type: FoundIdentifier['type']): FoundIdentifier | undefined => d.ids.find((id) => id.type === type && id.parsed.valid) ?? d.ids.find((id) => id.type === type);
  const cas = pick('cas');
  const ec = pick('ec');
  const index = pick('index');
  const reach = pick('reach');
  if (!cas && !ec && !index && !reach) return null;
  const name = joinName(d.nameParts);
  const concentration: ConcentrationValue | null = d.concentration ? parseConcentration(d.concentration.text) : null;
  let confidence = 0.5;
  if (cas?.parsed.valid || ec?.parsed.valid) confidence += 0.2;
  if (name) confidence += 0.15;
  if (concentration?.parsed) confidence += 0.15;
  if ((cas && !cas.parsed.valid) || (ec && !ec.parsed.valid)) confidence -= 0.2;
  const evidence: Evidence = { page: d.anchor.page, quote: d.lines.map((l) => l.text.replace(/\t/g, ' ')).join(' / ').slice(0, 500) };
  return {
    name,
    cas: cas ? identifierValue(cas) : null,
    ec: ec && ec.type === 'ec' ? { ...identifierValue(ec), kind: ec.parsed.kind } : null,
    indexNumber: index ? identifierValue(index) : null,
    reachRegistration: reach ? identifierValue(reach) : null,
    concentration,
    hazardCodes: [...d.codes],
    confidence: Math.max(0.1, Math.min(1, Math.round(confidence * 100) / 100)),
    evidence,
  };
}

/** One entry per component: a component printed twice (3.1 identifiers, then the 3.2 table) is merged into the first. */
function merge(list: SubstanceFact[]): SubstanceFact[] {
  const out: SubstanceFact[] = [];
  for (const s of list) {
    const same = out.find(
      (o) => (s.cas && o.cas && s.cas.value === o.cas.value) || (!s.cas && !o.cas && s.ec && o.ec && s.ec.value === o.ec.value),
    );
    if (!same) {
      out.push(s);
      continue;
    }
    same.name ??= s.name;
    same.ec ??= s.ec;
    same.indexNumber ??= s.indexNumber;
    same.reachRegistration ??= s.reachRegistration;
    same.concentration ??= s.concentration;
    same.hazardCodes = [...new Set([...same.hazardCodes, ...s.hazardCodes])];
    same.confidence = Math.max(same.confidence, s.confidence);
  }
  return out;
}
