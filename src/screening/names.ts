// Name and element rules for screening: the last step of domain.md's matching order ("then name patterns and
// element rules ('lead and its compounds'), which may only ever produce a *possible* match for an expert to
// review"). Pure functions and in-memory indexes: no I/O.
//
// Why token similarity and not fuse.js: screening runs over every substance of every product (100,000 products ×
// 8 substances in about a second), and fuse.js compares each query with every item of its collection (Bitap per
// item), thousands of names here. An inverted index over folded name tokens finds the few candidate entries at
// once, and an IDF-weighted Dice coefficient over tokens scores them; specific tokens ("nonylphenol") weigh more
// than common ones ("acid", "4"), which is what tells "dibutyl phthalate" from "diisobutyl phthalate". Chemical
// names differ in spelling across languages more than by typos, so tokens are folded to a spelling-neutral form
// (foldToken) instead of being compared fuzzily.

// --- Folding ----------------------------------------------------------------------------------------------------

// Letters NFKD does not decompose, and Greek letters that chemical names use as locants (α-HCH, β-naphthol).
const SPECIAL_LETTERS: Readonly<Record<string, string>> = {
  ł: 'l', ø: 'o', æ: 'ae', œ: 'oe', ß: 'ss', đ: 'd', ı: 'i',
  α: 'alpha', β: 'beta', γ: 'gamma', δ: 'delta', ε: 'epsilon', ω: 'omega',
};
const ASCII = /^[\x20-\x7e]*$/u;
const SPECIAL_PATTERN = /[łøæœßđıαβγδεω]/gu;
const COMBINING_MARKS = /\p{M}/gu;

/** Lower case without diacritics, Greek locants spelled out: "Ołów", "Kvicksilver(II)klorid" → "olow", "kvicksilver(ii)klorid". */
export function foldText(text: string): string {
  // Plain ASCII (most names) has nothing to decompose.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .toLowerCase()
    .replace(SPECIAL_PATTERN, (ch) => SPECIAL_LETTERS[ch] ?? ch)
    .normalize('NFKD')
    .replace(COMBINING_MARKS, '');
}

// Words that say how much of a family an entry covers, or join its parts, rather than which substance it is
// (Candidate List "… and its salts", "…, branched and linear"; CLP Annex VI "… with the exception of those specified
// elsewhere in this Annex"), in the languages SDSs come in (en, sv, de, fr, nl, es, it).
const STOPWORDS: ReadonlySet<string> = new Set([
  'and', 'or', 'its', 'their', 'of', 'the', 'with', 'in', 'a', 'an', 'as', 'by', 'for', 'from', 'to', 'on', 'which',
  'is', 'are', 'all', 'any', 'other', 'than', 'those', 'this', 'that', 'these',
  'salt', 'salts', 'ester', 'esters', 'isomer', 'isomers', 'compound', 'compounds', 'mixture', 'mixtures',
  'substance', 'substances', 'exception', 'specified', 'elsewhere', 'annex', 'covering', 'individual',
  'combination', 'combinations', 'thereof', 'branched', 'linear', 'including', 'incl', 'related',
  'och', 'eller', 'dess', 'sina', 'salter', 'foreningar', 'forening', 'und', 'oder', 'seine', 'ihre', 'salze',
  'verbindungen', 'verbindung', 'et', 'ou', 'ses', 'sels', 'composes', 'en', 'zijn', 'zouten', 'verbindingen',
  'y', 'sus', 'sales', 'compuestos', 'e', 'suoi', 'sali', 'composti',
  'grenad', 'grenade', 'linjar', 'verzweigt', 'verzweigte', 'lineare', 'ramifie', 'vertakt', 'lineair',
]);

const TOKEN_SPLIT = /[^a-z0-9]+/u;

/**
 * One token in a spelling-neutral form, so that the same chemical name in English, Swedish, German and Dutch gives
 * the same token: ph→f (so sulph→sulf), th→t, ch/c→k, y→i, z→s, doubled letters single, a plural s and a final e
 * dropped.
 * "phthalate", "ftalat", "Phthalat", "ftalaat" → "ftalat"; "methyl", "metyl" → "metil"; "chloride", "klorid" → "klorid".
 */
export function foldToken(token: string): string {
  if (DIGITS.test(token)) return token;
  // One pass instead of a chain of replace() calls: this runs for every token of every new name. "sulph" needs no
  // rule of its own: ph→f makes it "sulf".
  let out = '';
  let last = '';
  for (let i = 0; i < token.length; i++) {
    let ch = token[i] ?? '';
    const next = token[i + 1];
    if (next === 'h' && (ch === 'p' || ch === 't' || ch === 'c')) {
      ch = ch === 'p' ? 'f' : ch === 't' ? 't' : 'k';
      i++;
    } else if (ch === 'c') ch = 'k';
    else if (ch === 'y') ch = 'i';
    else if (ch === 'z') ch = 's';
    if (ch === last && ch >= 'a' && ch <= 'z') continue;
    out += ch;
    last = ch;
  }
  // Plural and final e: "ethoxylates", "ethoxylate", "Ethoxylat" → "etoksilat".
  if (out.length > 4 && out.endsWith('s')) out = out.slice(0, -1);
  return out.length > 3 && out.endsWith('e') ? out.slice(0, -1) : out;
}

const DIGITS = /^\d+$/u;

/** The distinct folded tokens of a name that identify a substance (stop words left out), in order. */
export function nameTokens(name: string): string[] {
  const out: string[] = [];
  for (const raw of foldText(name).split(TOKEN_SPLIT)) {
    if (raw === '' || STOPWORDS.has(raw)) continue;
    const token = foldToken(raw);
    if (!out.includes(token)) out.push(token);
  }
  return out;
}

// An abbreviation in parentheses, as ECHA prints it after a name: "Hexabromocyclododecane (HBCDD)",
// "… and its salts (PFHxS)". At least two capitals; Roman numerals are oxidation states ("chromium(VI)"), not
// abbreviations, and a lower-case parenthesis is part of the name ("bis(2-ethylhexyl) phthalate").
const ABBREVIATION = /\(([A-Za-z0-9-]{2,15})\)/gu;

/** The names an entry can be recognised by: the name itself, without its abbreviation, the abbreviation, ";"-parts. */
export function nameAliases(name: string): string[] {
  const aliases = new Set<string>([name]);
  for (const part of name.split(/;|\s\/\s/u)) {
    const trimmed = part.trim();
    if (trimmed !== '') aliases.add(trimmed);
    let stripped = trimmed;
    for (const match of trimmed.matchAll(ABBREVIATION)) {
      const inner = match[1] ?? '';
      if ((inner.match(/[A-Z]/gu)?.length ?? 0) < 2 || /^[IVX]+$/u.test(inner)) continue;
      aliases.add(inner);
      stripped = stripped.replace(match[0], ' ');
    }
    if (stripped.trim() !== '') aliases.add(stripped.trim());
  }
  return [...aliases];
}

// --- Name index -------------------------------------------------------------------------------------------------

export interface NameHit {
  /** The item id given to `createNameIndex`. */
  item: number;
  /** Similarity 0–1: IDF-weighted Dice coefficient of the folded token sets (0.95 for the same letters spaced differently). */
  score: number;
}

export interface NameIndex {
  /** Items whose best alias scores at least the index's minimum, in item order. */
  search(name: string): NameHit[];
}

interface Alias {
  item: number;
  weight: number;
}

// Same letters, different spacing or hyphenation ("Dibutylphthalat" and "dibutyl phthalate"): near-certain, but
// not the literal name.
const COMPACT_SCORE = 0.95;

/**
 * An index over the names (with their aliases) of the items that need name matching. `minScore` cuts off weak
 * similarities: a possible match costs an expert's review, so only names that share their specific tokens count.
 */
export function createNameIndex(items: ReadonlyArray<{ id: number; names: readonly string[] }>, minScore: number): NameIndex {
  const aliases: Alias[] = [];
  const aliasTokens: string[][] = [];
  const postings = new Map<string, number[]>();
  const compact = new Map<string, number[]>();
  for (const { id, names } of items) {
    const seen = new Set<string>();
    for (const name of names) {
      for (const alias of nameAliases(name)) {
        const tokens = nameTokens(alias);
        const key = tokens.join(' ');
        if (tokens.length === 0 || seen.has(key)) continue;
        seen.add(key);
        const aliasId = aliases.length;
        aliases.push({ item: id, weight: 0 });
        aliasTokens.push(tokens);
        for (const token of tokens) push(postings, token, aliasId);
        push(compact, tokens.join(''), aliasId);
      }
    }
  }
  // Inverse document frequency over aliases: ln(1 + N / df). A token the index has never seen is as specific as
  // the rarest one.
  const total = aliases.length;
  const unseenWeight = Math.log(1 + Math.max(total, 1));
  const weightOfUnseen = (token: string): number => unseenWeight * (isLocant(token) ? LOCANT_FACTOR : 1);
  const weight = new Map<string, number>();
  for (const [token, ids] of postings) weight.set(token, Math.log(1 + total / ids.length) * (isLocant(token) ? LOCANT_FACTOR : 1));
  // Locants and single letters ("4-", "2,2'-", "N,N-") say where, not what: they count for a third, so "nonylphenol"
  // still finds "4-nonylphenol".
  const weightOf = (token: string): number => weight.get(token) ?? weightOfUnseen(token);
  aliases.forEach((alias, i) => {
    alias.weight = (aliasTokens[i] ?? []).reduce((sum, token) => sum + weightOf(token), 0);
  });

  // Dice = 2S / (Q + A) ≥ m, with S the shared weight, Q the query's and A the alias's, needs S ≥ mQ / (2 − m)
  // (as A ≥ S) and A ≤ Q(2 − m) / m (as S ≤ Q). So an alias that qualifies must share one of the query's heaviest
  // tokens — the shortest run of them whose rest weighs less than mQ / (2 − m) — and only their postings are read
  // ("prefix filtering"): rare tokens have short postings, and common ones ("acid", "4") are seldom needed.
  const sharedFloor = minScore / (2 - minScore);
  const lengthCeiling = (2 - minScore) / Math.max(minScore, 1e-9);

  return {
    search(name: string): NameHit[] {
      const tokens = nameTokens(name);
      if (tokens.length === 0 || total === 0) return [];
      const weights = tokens.map(weightOf);
      const queryWeight = weights.reduce((sum, w) => sum + w, 0);
      const order = tokens.map((_, i) => i).sort((a, b) => (weights[b] ?? 0) - (weights[a] ?? 0));
      const minShared = sharedFloor * queryWeight;
      let rest = queryWeight;
      const seen = new Set<number>();
      const best = new Map<number, number>();
      const consider = (item: number, score: number): void => {
        if (score >= minScore && score > (best.get(item) ?? 0)) best.set(item, score);
      };
      for (const i of order) {
        if (rest < minShared) break;
        rest -= weights[i] ?? 0;
        for (const aliasId of postings.get(tokens[i] ?? '') ?? []) {
          if (seen.has(aliasId)) continue;
          seen.add(aliasId);
          const alias = aliases[aliasId];
          const own = aliasTokens[aliasId];
          if (alias === undefined || own === undefined || alias.weight > lengthCeiling * queryWeight) continue;
          let shared = 0;
          tokens.forEach((token, j) => {
            if (own.includes(token)) shared += weights[j] ?? 0;
          });
          consider(alias.item, round((2 * shared) / (queryWeight + alias.weight)));
        }
      }
      for (const aliasId of compact.get(tokens.join('')) ?? []) {
        const alias = aliases[aliasId];
        if (alias !== undefined && (best.get(alias.item) ?? 0) < COMPACT_SCORE) consider(alias.item, COMPACT_SCORE);
      }
      return [...best].map(([item, score]) => ({ item, score })).sort((a, b) => a.item - b.item);
    },
  };
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list === undefined) map.set(key, [value]);
  else list.push(value);
}

const LOCANT_FACTOR = 1 / 3;
const isLocant = (token: string): boolean => token.length === 1 || /^\d+$/u.test(token);

const round = (x: number): number => Math.round(x * 1000) / 1000;

// --- Element rules ----------------------------------------------------------------------------------------------
// "Lead and its compounds" (REACH Annex XVII entry 63, CLP Annex VI "lead compounds …"), RoHS Annex II Pb, Hg, Cd,
// Cr(VI) ("calculated as" the metal), nickel (Annex XVII entry 27), arsenic (entry 19), cobalt salts, beryllium,
// antimony. The patterns run over folded text (foldText) and know the element's name in the languages SDSs come in:
// en, sv, da/no, de, fr, nl, es, it, pt, pl. Short stems that occur inside ordinary words ("bly" in "assembly",
// "lead" in "unleaded") must start a word; distinctive stems may end a compound ("Tetraethylblei", "kaliumdikromat").

export interface ElementRule {
  key: string;
  /** English name for reasons: "lead", "hexavalent chromium". */
  label: string;
  pattern: RegExp;
}

const START = '(?<![a-z])';
const CHROMIUM_STEM = '(?:chrom|chroom|krom|crom)';

const ELEMENT_RULES: readonly ElementRule[] = [
  {
    key: 'Pb',
    label: 'lead',
    // "blyerts" (sv) is graphite, "bleich-" (de) is bleach.
    pattern: new RegExp(`${START}(?:lead(?![a-z])|bly(?!erts)|lood|plomb|plomo|plumb|olow|chumbo)|blei(?!ch)|piomb`, 'gu'),
  },
  { key: 'Cd', label: 'cadmium', pattern: /[ck]adm(?:i|u|(?![a-z]))/gu },
  {
    key: 'Hg',
    label: 'mercury',
    pattern: new RegExp(`mercur|merkur|kvi[ck]+s|quecksilber|hydrargyr|${START}(?:kwik|rtec)`, 'gu'),
  },
  { key: 'Ni', label: 'nickel', pattern: /nickel|nikkel|nichel|niquel|nikiel|(?<![a-z])nikl/gu },
  {
    key: 'Cr(VI)',
    label: 'hexavalent chromium',
    pattern: new RegExp(
      [
        // chromium(VI), Chrom(VI), krom(VI), Cr(VI), chromium(6+)
        `(?:${CHROMIUM_STEM}[a-z]*|${START}cr)\\s*\\(\\s*(?:vi|6\\+?|\\+6)\\s*\\)`,
        `${CHROMIUM_STEM}[a-z]*[\\s-]+(?:vi|6\\+)(?![a-z0-9])`,
        // hexavalent chromium, sexvärt krom (sv), sechswertiges Chrom (de), zeswaardig chroom (nl), cromo esavalente
        `(?:hexavalent|sexvar[dt]|seksverdig|sechswertig|zeswaardig|esavalent)[a-z]*\\s+${CHROMIUM_STEM}`,
        `${CHROMIUM_STEM}[a-z]*\\s+(?:hexavalent|esavalent)`,
        // chromates and dichromates, also ending a compound: kaliumdikromat (sv), Bleichromat (de), chromaat (nl),
        // cromato (es/it), chromian (pl). Not "chromatography", "chromite" (Cr(III)).
        `${CHROMIUM_STEM}(?:ates?|at|ater|aat|aten|ato|atos|ian[a-z]*)(?![a-z])`,
        // chromium trioxide, Chromtrioxid, chromic acid, Chromsäure, kromsyra, acide chromique, chroomzuur
        `${CHROMIUM_STEM}[a-z]*[\\s-]*trioxi`,
        'chromic\\s+acid|chromsaure|kromsyra|acide\\s+chromique|acido\\s+cromico|chroomzuur',
      ].join('|'),
      'gu',
    ),
  },
  {
    key: 'Cr',
    label: 'chromium',
    // The word itself or a salt name built on it ("Chromoxid", "kromsulfat"); not "chromatography".
    pattern: new RegExp(
      `${START}(?:chromium|chrome|chromic|chromous|chroom|chrom|krom|cromo|cromio)(?![a-z])|${START}(?:chrom|krom)(?:oxid|sulfat|klorid|chlorid|nitrat|acetat|hydroxid)`,
      'gu',
    ),
  },
  { key: 'As', label: 'arsenic', pattern: /arsen|arseen/gu },
  { key: 'Co', label: 'cobalt', pattern: /cobalt|kob[ao]lt/gu },
  { key: 'Be', label: 'beryllium', pattern: /beryll|berill/gu },
  { key: 'Sb', label: 'antimony', pattern: /antimo[ni]/gu },
];

const ANY_ELEMENT = new RegExp(ELEMENT_RULES.map((rule) => rule.pattern.source).join('|'), 'u');

const RULES_BY_KEY: ReadonlyMap<string, ElementRule> = new Map(ELEMENT_RULES.map((rule) => [rule.key, rule]));

// How `ListEntry.element` may spell an element: symbol, English name, or the RoHS abbreviation.
const ELEMENT_SPELLINGS: ReadonlyMap<string, string> = new Map([
  ['pb', 'Pb'], ['lead', 'Pb'],
  ['cd', 'Cd'], ['cadmium', 'Cd'],
  ['hg', 'Hg'], ['mercury', 'Hg'],
  ['ni', 'Ni'], ['nickel', 'Ni'],
  ['cr(vi)', 'Cr(VI)'], ['crvi', 'Cr(VI)'], ['cr6+', 'Cr(VI)'], ['cr(6+)', 'Cr(VI)'], ['chromium(vi)', 'Cr(VI)'],
  ['hexavalentchromium', 'Cr(VI)'],
  ['cr', 'Cr'], ['chromium', 'Cr'],
  ['as', 'As'], ['arsenic', 'As'],
  ['co', 'Co'], ['cobalt', 'Co'],
  ['be', 'Be'], ['beryllium', 'Be'],
  ['sb', 'Sb'], ['antimony', 'Sb'],
]);

/** The rule for an entry's `element` ("Pb", "lead", "Cr(VI)"), or null when chemreg has no names for it. */
export function elementRule(element: string): ElementRule | null {
  const key = ELEMENT_SPELLINGS.get(element.toLowerCase().replace(/\s+/gu, ''));
  return key === undefined ? null : (RULES_BY_KEY.get(key) ?? null);
}

// "lead-free", "blyfri", "bleifrei", "loodvrij", "sans plomb", "without lead": the name says the element is absent.
const FREE_AFTER = /^[a-z]*[\s-]*(?:free|fri|frei|vrij|libre)(?![a-z])/u;
const WITHOUT_BEFORE = /(?:without|utan|ohne|zonder|sans|sin|senza|bez)\s+$/u;

function names(rule: ElementRule, folded: string): boolean {
  for (const match of folded.matchAll(rule.pattern)) {
    const end = match.index + match[0].length;
    if (FREE_AFTER.test(folded.slice(end)) || WITHOUT_BEFORE.test(folded.slice(0, match.index))) continue;
    return true;
  }
  return false;
}

/**
 * The elements a substance name names, as rule keys: "lead chromate" → ["Pb", "Cr(VI)", "Cr"]; "Blykromat" the
 * same; "lead-free solder" → []. Hexavalent chromium implies chromium.
 */
export function elementsNamedIn(name: string): string[] {
  const folded = foldText(name);
  // Most names name no element: one pass of the combined patterns settles those.
  if (!ANY_ELEMENT.test(folded)) return [];
  const found: string[] = [];
  for (const rule of ELEMENT_RULES) if (names(rule, folded)) found.push(rule.key);
  if (found.includes('Cr(VI)') && !found.includes('Cr')) found.push('Cr');
  return found;
}

const COMPOUND_WORDS = /compound|forening|verbindung|compose|verbinding|compuest|compost/u;
// Words that may stand beside the element in a name about the whole element: "Hexavalent chromium", "chromium(VI)".
const VALENCE_WORDS: ReadonlySet<string> = new Set(['hexavalent', 'sexvart', 'sexvard', 'sechswertiges', 'sechswertig', 'zeswaardig', 'esavalente', 'hexavalente', 'vi', '6']);

/**
 * The element a group entry covers when the importer did not say: "Lead compounds with the exception of …",
 * "Cadmium and its compounds", "Hexavalent chromium", "Mercury". Only names about the element as a whole count —
 * not a family that merely mentions one ("Lead carbonates", "Acids generated from chromium trioxide and their
 * oligomers"), which would otherwise collect every lead or chromium compound as a possible match.
 */
export function elementOfGroupName(name: string): string | null {
  const named = elementsNamedIn(name);
  const found = named.filter((key) => !(key === 'Cr' && named.includes('Cr(VI)')));
  if (found.length !== 1) return null;
  const folded = foldText(name);
  if (COMPOUND_WORDS.test(folded)) return found[0] ?? null;
  const words = folded.split(TOKEN_SPLIT).filter((word) => word !== '' && !STOPWORDS.has(word));
  const onlyTheElement = words.every((word) => VALENCE_WORDS.has(word) || elementsNamedIn(word).length > 0);
  return onlyTheElement ? (found[0] ?? null) : null;
}

export function elementLabel(key: string): string {
  return RULES_BY_KEY.get(key)?.label ?? key;
}
