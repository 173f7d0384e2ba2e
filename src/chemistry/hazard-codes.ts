// Hazard statement codes (SDS section 2.1–2.2 and the classification column of section 3, REACH Annex II §2–3) and
// the supplemental EUH statements. Source of the code lists: CLP Regulation (EC) No 1272/2008, Annex III
// (Part 1 hazard statements, Part 2 supplemental hazard information, Part 3 supplemental label elements for certain
// mixtures), as amended up to and including Delegated Regulation (EU) 2023/707, which added the endocrine
// disruption, PBT/vPvB and PMT/vPvM hazard classes and their EUH38x/EUH43x/EUH44x/EUH45x statements.
// Precautionary (P) statements are not parsed: nothing downstream screens on them.

export interface HazardCode {
  /** The code exactly as printed, including a suffix: `H360Fd`, `H350i`, `EUH201A`. */
  code: string;
  /** The code without the CMR differentiation suffix: `H360` for `H360Fd`, `H350` for `H350i`. EUH codes keep their letter (EUH201A is its own statement). */
  base: string;
  /** Offset of the code in the searched text. */
  offset: number;
  /** The matched text. */
  text: string;
  /** Whether `code` is a statement in CLP Annex III as amended (see KNOWN_HAZARD_CODES). */
  known: boolean;
}

export interface FoundHazardCodes {
  hazard: HazardCode[];
  euh: HazardCode[];
}

// CLP Annex III Part 1, hazard statements in force. GHS-only codes the EU did not adopt (H303, H305, H313, H316,
// H320, H333, H401, H402) are deliberately absent, as are the later GHS explosive sub-category codes (H209–H211),
// which are not in Annex III as amended by 2023/707; such codes are still reported, with `known: false`.
const H_STATEMENTS = [
  // Physical hazards (Annex III Part 1, Table 1.1)
  'H200', 'H201', 'H202', 'H203', 'H204', 'H205', 'H206', 'H207', 'H208',
  'H220', 'H221', 'H222', 'H223', 'H224', 'H225', 'H226', 'H228', 'H229', 'H230', 'H231', 'H232',
  'H240', 'H241', 'H242', 'H250', 'H251', 'H252', 'H260', 'H261', 'H270', 'H271', 'H272', 'H280', 'H281', 'H290',
  // Health hazards (Table 1.2)
  'H300', 'H301', 'H302', 'H304', 'H310', 'H311', 'H312', 'H314', 'H315', 'H317', 'H318', 'H319',
  'H330', 'H331', 'H332', 'H334', 'H335', 'H336', 'H340', 'H341', 'H350', 'H351', 'H360', 'H361', 'H362',
  'H370', 'H371', 'H372', 'H373',
  // Environmental hazards (Table 1.3); H420 (ozone layer) replaced EUH059 in 2013
  'H400', 'H410', 'H411', 'H412', 'H413', 'H420',
] as const;

// CMR differentiation codes (CLP Annex VI §1.1.2.1.2 and Annex III Part 1): H350i (inhalation only), H360/H361
// with F/f (fertility) and D/d (development); capital letter = category 1A/1B, lower case = category 2.
const SUFFIXED_H_STATEMENTS = [
  'H350i',
  'H360F', 'H360D', 'H360FD', 'H360Fd', 'H360Df',
  'H361f', 'H361d', 'H361fd',
] as const;

// Annex III Part 2 (supplemental hazard information: physical properties, health properties), Part 3
// (supplemental label elements for certain mixtures), and the statements of the hazard classes added by
// Delegated Regulation (EU) 2023/707: EUH380/381 endocrine disruption (human health, cat. 1/2), EUH430/431
// endocrine disruption (environment, cat. 1/2), EUH440 PBT, EUH441 vPvB, EUH450 PMT, EUH451 vPvM.
// Withdrawn codes are left out and so reported with `known: false`: EUH059 gave way to H420 when Regulation (EU)
// No 286/2011 made "hazardous to the ozone layer" a hazard class; EUH001 and EUH006 were withdrawn by later ATPs
// (the desensitised-explosive and chemically-unstable-gas classes took them over). They still appear in old SDSs
// and in Annex VI history rows (ECHA's ATP23 Excel still prints EUH001 beside cellulose nitrate).
const EUH_STATEMENTS = [
  'EUH014', 'EUH018', 'EUH019', 'EUH044',
  'EUH029', 'EUH031', 'EUH032', 'EUH066', 'EUH070', 'EUH071',
  'EUH201', 'EUH201A', 'EUH202', 'EUH203', 'EUH204', 'EUH205', 'EUH206', 'EUH207', 'EUH208', 'EUH209',
  'EUH209A', 'EUH210', 'EUH211', 'EUH212', 'EUH401',
  'EUH380', 'EUH381', 'EUH430', 'EUH431', 'EUH440', 'EUH441', 'EUH450', 'EUH451',
] as const;

/** Every code in CLP Annex III as amended by Delegated Regulation (EU) 2023/707, suffixed CMR forms included. */
export const KNOWN_HAZARD_CODES: ReadonlySet<string> = new Set<string>([
  ...H_STATEMENTS,
  ...SUFFIXED_H_STATEMENTS,
  ...EUH_STATEMENTS,
]);

export function isKnownHazardCode(code: string): boolean {
  return KNOWN_HAZARD_CODES.has(code);
}

// H + exactly three digits in the H2xx–H4xx series Annex III uses. A CMR suffix glued on (H360FD, H361fd,
// H350i) is recognised only on H34x–H36x, the mutagenicity/carcinogenicity/reproductive-toxicity codes CLP
// differentiates; it is kept as printed (any one or two of F/f/D/d, or i), and an unofficial combination such as
// H360DF is reported with `known: false`. EUH + three digits + optional A (EUH201A, EUH209A).
//
// Boundaries, so that H2O, pH 7, CH300, H3000 and a product code H300A are not codes:
// - before: no letter or digit (CH300, "EUH066" is not read as "H066"; "+" and "/" in H300+H310 are fine);
// - after the digits/suffix: no digit (H3000), and no letter unless a capitalised word follows at once, because
//   PDF text extraction glues the code to its statement ("H302Harmful if swallowed", "H360FDMay damage…").
const WORD_AFTER = '(?![\\p{N}_])(?!(?!\\p{Lu}\\p{Ll})\\p{L})';
const HAZARD_PATTERN = new RegExp(
  `(?<![\\p{L}\\p{N}_])(?:` +
    `(?<euh>EUH\\d{3}A?)` +
    `|(?<h>H(?<hDigits>[2-4]\\d{2})(?:(?<=H3[4-6]\\d)(?:[FfDd]{1,2}|i))?)` +
    `)${WORD_AFTER}`,
  'gu',
);

/**
 * Every H and EUH code in free text, each code once, in order of first appearance. Combined codes
 * (`H300+H310+H330`, `H300 + H310`) yield their parts. Codes not in CLP Annex III are kept with `known: false`.
 */
export function findHazardCodes(text: string): FoundHazardCodes {
  const hazard: HazardCode[] = [];
  const euh: HazardCode[] = [];
  const seen = new Set<string>();
  for (const match of text.matchAll(HAZARD_PATTERN)) {
    const code = match[0];
    if (seen.has(code)) continue;
    seen.add(code);
    const isEuh = match.groups?.['euh'] !== undefined;
    const base = isEuh ? code : `H${match.groups?.['hDigits'] ?? ''}`;
    const item: HazardCode = { code, base, offset: match.index, text: code, known: isKnownHazardCode(code) };
    (isEuh ? euh : hazard).push(item);
  }
  return { hazard, euh };
}
