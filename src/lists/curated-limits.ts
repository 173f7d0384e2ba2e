// CURATED concentration limits for REACH Annex XVII and the POPs Regulation: a small, hand-maintained table.
//
// Why it exists: ECHA's exports of both lists carry no limits (shared/data/lists/README.md §3 "The concentration
// limits are NOT in any of these exports", §4 "the UTC limits in Annex I column 4 … are not in the export"). The
// limits sit in the legal text of each entry, so chemreg ships this table for the entries a Swedish region's
// procurement commonly meets, and lets an administrator or expert override any row (`CuratedLimitOverride`, stored
// through `/curated-limits/overrides` and applied whenever screening builds its matcher).
//
// Sources: Regulation (EC) No 1907/2006 Annex XVII as amended, and Regulation (EU) 2019/1021 Annex I Part A
// column 4 ("specific exemption on intermediate use or other specification", the unintentional trace contaminant
// (UTC) values under Art. 4(1)(b)), as amended. The rows were written by chemreg after those texts and cross-checked
// against secondary sources (ECHA guidance, laboratory bulletins, Commission consultation pages); they are NOT a copy
// of EUR-Lex and have not been checked line by line against the consolidated text. Every row says so in `verified`.
//
// How a row becomes an EntryLimit (see `toEntryLimit`):
// - one limit per entry. Where an entry has several limits (per use or per product type), the row carries the
//   STRICTEST one that applies to goods a region procures, and its `scope` names the others, so screening errs
//   towards a finding an expert can dismiss rather than a "below" that hides a breach;
// - `confidence: 'unverified'` rows never carry a guessed number: their percent is 0 (presence is reported for
//   review) and the value chemreg believes applies is written in `scope`;
// - release and emission limits (nickel µg/cm²/week, formaldehyde mg/m³) cannot be compared with a content figure:
//   percent 0, and the scope says the limit is a release limit;
// - `inclusive` keeps the legal wording: "equal to or greater than" → true; "greater than", "above", or a trace
//   exemption for values "equal to or below" → false. EntryLimit has no field for it, so it is also written into
//   the scope text, and `findCuratedLimit` hands the whole row to callers that need it (screening's AppliedLimit).
// Unit conversion: 1 mg/kg = 1 ppm = 0.0001 % w/w; 1 ppb = 0.001 mg/kg.
import { z } from 'zod';
import { parseCas } from '../chemistry/identifiers.js';
import { LimitBasis, type EntryLimit, type ImportedList, type ImportWarning, type ListEntry } from './list-entry.js';

/** The date this table was last edited. It is NOT a date on which it was checked against EUR-Lex. */
export const CURATED_LIMITS_EDITED = '2026-11-22';

/** The lists whose entries the table fills. */
export const CURATED_LIST_IDS = ['reach-annex-xvii', 'eu-pops'] as const;
export const CuratedListId = z.enum(CURATED_LIST_IDS);
export type CuratedListId = z.infer<typeof CuratedListId>;

export function isCuratedListId(listId: string): listId is CuratedListId {
  return (CURATED_LIST_IDS as readonly string[]).includes(listId);
}

export const CuratedConfidence = z
  .enum(['curated', 'unverified'])
  .describe('curated: chemreg is confident the legal text says this; unverified: chemreg is not — percent is then 0 (presence for review) and the believed value is in scope');
export type CuratedConfidence = z.infer<typeof CuratedConfidence>;

const CasNumber = z
  .string()
  .trim()
  .refine((value) => parseCas(value).valid, 'a CAS RN with a valid check digit, NNNNNNN-NN-N')
  .describe('CAS RN of a substance the row covers');

const OVERRIDE_NOTE = 'Set by a user of this chemreg installation; chemreg has not checked it.';

/**
 * One row of the curated table, and the shape an override takes (API input, admins and experts). Annex XVII rows are
 * found by `entryNumber`; POPs rows by CAS, by a normalised name in `names`, or by a `tokens` word (an acronym or
 * trade name such as "PFOS" or "Dechlorane Plus") appearing in the entry name.
 */
export const CuratedLimitFields = z.strictObject({
  listId: CuratedListId,
  entryNumber: z
    .string()
    .trim()
    .regex(/^\d{1,3}[a-z]?$/iu, 'an Annex XVII entry number such as "51", "063" or "46a"')
    .nullable()
    .default(null)
    .describe('Annex XVII entry number (leading zeros ignored); null for POPs rows'),
  substance: z.string().trim().min(1).max(500).describe('the substances the row covers, in words'),
  names: z.array(z.string().trim().min(1).max(500)).max(50).default([]).describe('POPs: entry names that match after normalisation (case, punctuation, accents ignored)'),
  tokens: z.array(z.string().trim().min(2).max(100)).max(50).default([]).describe('POPs: acronyms or trade names that match when they occur as whole words in the entry name'),
  cas: z.array(CasNumber).max(50).default([]),
  percent: z.number().min(0).max(100).describe('limit in % w/w (1 mg/kg = 0.0001 %); 0 = presence is reported for review'),
  basis: LimitBasis,
  inclusive: z.boolean().describe('true when the text says "equal to or greater than"; false for "greater than", "above" or a trace exemption "equal to or below"'),
  scope: z.string().trim().min(1).max(1500).describe('which products and uses the limit covers, and any other limits of the entry'),
  reference: z.string().trim().min(1).max(400).describe('legal reference, e.g. "REACH Annex XVII entry 51 paras 1–3"'),
  confidence: CuratedConfidence.default('curated'),
  verified: z.string().trim().min(1).max(1000).default(OVERRIDE_NOTE).describe('how far the row has been checked, and against what'),
});

/** The fields with the rules that span them: what an API caller sends. */
export const CuratedLimitOverride = CuratedLimitFields.superRefine((row, ctx) => {
  if (row.listId === 'reach-annex-xvii' && row.entryNumber === null) {
    ctx.addIssue({ code: 'custom', path: ['entryNumber'], message: 'an Annex XVII row needs its entry number' });
  }
  if (row.listId === 'eu-pops' && row.cas.length + row.names.length + row.tokens.length === 0) {
    ctx.addIssue({ code: 'custom', path: ['cas'], message: 'a POPs row needs at least one CAS RN, name or token to match entries by' });
  }
}).meta({ id: 'CuratedLimitOverride', description: 'a curated concentration limit for an Annex XVII or POPs entry; overrides the row chemreg ships' });
export type CuratedLimitOverride = z.infer<typeof CuratedLimitOverride>;
/** The shipped rows have the same shape as an override. */
export type CuratedLimitRow = CuratedLimitOverride;

// ---------------------------------------------------------------------------------------------------------------
// The table
// ---------------------------------------------------------------------------------------------------------------

/** mg/kg → % w/w, rounded so that 0.025 mg/kg is 0.0000025 and not 2.5000000000000002e-6. */
function mgPerKg(mg: number): number {
  return Number((mg / 10_000).toPrecision(12));
}

const XVII_NOTE =
  'Curated by chemreg after the consolidated text of Regulation (EC) No 1907/2006 Annex XVII; not a copy of EUR-Lex and not checked line by line against it. Check the current consolidated text on EUR-Lex before relying on it.';
const POPS_NOTE =
  'Curated by chemreg after Regulation (EU) 2019/1021 Annex I as amended; not a copy of EUR-Lex and not checked line by line against it. Check the current consolidated text on EUR-Lex before relying on it.';

type XviiRow = Omit<CuratedLimitRow, 'listId' | 'names' | 'tokens' | 'cas' | 'confidence' | 'verified'> & {
  entryNumber: string;
  confidence?: CuratedConfidence;
  cas?: string[];
  note?: string;
};
type PopsRow = Omit<CuratedLimitRow, 'listId' | 'entryNumber' | 'confidence' | 'verified'> & {
  confidence?: CuratedConfidence;
  note?: string;
};

function xvii({ confidence = 'curated', cas = [], note, ...row }: XviiRow): CuratedLimitRow {
  return { listId: 'reach-annex-xvii', names: [], tokens: [], cas, confidence, verified: note ? `${XVII_NOTE} ${note}` : XVII_NOTE, ...row };
}

function pops({ confidence = 'curated', note, ...row }: PopsRow): CuratedLimitRow {
  return { listId: 'eu-pops', entryNumber: null, confidence, verified: note ? `${POPS_NOTE} ${note}` : POPS_NOTE, ...row };
}

const ANNEX_XVII_ROWS: readonly CuratedLimitRow[] = [
  xvii({
    entryNumber: '18a',
    substance: 'Mercury in measuring devices',
    percent: 0,
    basis: 'article',
    inclusive: false,
    scope:
      'A ban on the device, not a concentration limit: fever thermometers and other measuring devices intended for sale to the general public (manometers, barometers, sphygmomanometers, non-electrical thermometers), and listed measuring devices for professional and industrial use since 10 April 2014. The Mercury Regulation (EU) 2017/852 also bans products with added mercury. Any mercury in such a device is reported for review.',
    reference: 'REACH Annex XVII entry 18a paras 1, 2 and 5',
  }),
  xvii({
    entryNumber: '20',
    substance: 'Organostannic compounds (TBT, TPT, DBT, DOT)',
    percent: 0.1,
    basis: 'article',
    inclusive: false,
    scope:
      'Tri-substituted organotins (TBT, TPT) in articles, dibutyltin (DBT) compounds in mixtures and articles supplied to the general public, dioctyltin (DOT) compounds in listed articles (textiles in contact with skin, gloves, footwear, childcare articles, wall and floor coverings …): more than the equivalent of 0.1 % by weight of tin in the article or part of it. The limit is expressed as tin, so comparing the declared organotin concentration with it errs on the strict side.',
    reference: 'REACH Annex XVII entry 20 paras 5–7',
  }),
  xvii({
    entryNumber: '23',
    substance: 'Cadmium and its compounds',
    percent: 0.01,
    basis: 'homogeneous-material',
    inclusive: true,
    scope:
      'Cadmium, expressed as Cd metal, equal to or greater than 0.01 % by weight in the plastic material of listed mixtures and articles, in paints, in brazing fillers and in metal parts of jewellery and hair accessories. Recovered PVC has a derogation up to 0.1 % in listed building products.',
    reference: 'REACH Annex XVII entry 23 (plastic material para 1, paints para 2, brazing fillers, jewellery)',
  }),
  xvii({
    entryNumber: '27',
    substance: 'Nickel and its compounds',
    percent: 0,
    basis: 'article',
    inclusive: false,
    scope:
      'A release limit, not a content limit: articles in direct and prolonged contact with the skin may not release more than 0.5 µg/cm²/week of nickel, post assemblies inserted into pierced parts of the body more than 0.2 µg/cm²/week (EN 1811 test). A nickel content cannot be compared with a release rate, so presence is reported for review and the supplier asked for a release test.',
    reference: 'REACH Annex XVII entry 27 para 1',
  }),
  xvii({
    entryNumber: '28',
    substance: 'Carcinogens category 1A/1B (Appendices 1–2) in mixtures supplied to the general public',
    percent: 0.1,
    basis: 'mixture',
    inclusive: true,
    scope:
      'Mixtures supplied to the general public may not contain the substance at or above its specific concentration limit in CLP Annex VI Part 3, or else the generic limit for Carc. 1A/1B of CLP Annex I (0.1 %). An SCL on the entry takes precedence over this generic value.',
    reference: 'REACH Annex XVII entry 28 para 1; CLP Annex I Table 3.6.2',
  }),
  xvii({
    entryNumber: '29',
    substance: 'Germ cell mutagens category 1A/1B (Appendices 3–4) in mixtures supplied to the general public',
    percent: 0.1,
    basis: 'mixture',
    inclusive: true,
    scope:
      'Mixtures supplied to the general public may not contain the substance at or above its specific concentration limit in CLP Annex VI Part 3, or else the generic limit for Muta. 1A/1B of CLP Annex I (0.1 %). An SCL on the entry takes precedence over this generic value.',
    reference: 'REACH Annex XVII entry 29 para 1; CLP Annex I Table 3.5.2',
  }),
  xvii({
    entryNumber: '30',
    substance: 'Reproductive toxicants category 1A/1B (Appendices 5–6) in mixtures supplied to the general public',
    percent: 0.3,
    basis: 'mixture',
    inclusive: true,
    scope:
      'Mixtures supplied to the general public may not contain the substance at or above its specific concentration limit in CLP Annex VI Part 3, or else the generic limit for Repr. 1A/1B of CLP Annex I (0.3 %). An SCL on the entry takes precedence over this generic value.',
    reference: 'REACH Annex XVII entry 30 para 1; CLP Annex I Table 3.7.2',
  }),
  xvii({
    entryNumber: '43',
    substance: 'Azocolourants and azodyes',
    percent: mgPerKg(30),
    basis: 'article',
    inclusive: false,
    scope:
      'Textile and leather articles that may come into direct and prolonged contact with the skin or oral cavity may not contain azodyes that, by reductive cleavage, release any Appendix 8 aromatic amine in detectable concentrations, i.e. above 30 mg/kg (0.003 %) in the finished article or its dyed parts. The limit is on the released amine (Appendix 10 test methods), not on the dye content. The Appendix 9 azodyes are also restricted at 0.1 % in substances and mixtures for dyeing.',
    reference: 'REACH Annex XVII entry 43 paras 1–4',
  }),
  xvii({
    entryNumber: '46',
    substance: 'Nonylphenol and nonylphenol ethoxylates',
    percent: 0.1,
    basis: 'mixture',
    inclusive: true,
    scope:
      'Equal to or greater than 0.1 % by mass in substances or mixtures for the listed purposes: industrial, institutional and domestic cleaning, textile and leather processing, agriculture teat dips, metal working, pulp and paper manufacturing, cosmetic and other personal care products, co-formulants in pesticides and biocides.',
    reference: 'REACH Annex XVII entry 46 para 1',
  }),
  xvii({
    entryNumber: '46a',
    substance: 'Nonylphenol ethoxylates in textile articles',
    percent: 0.01,
    basis: 'article',
    inclusive: true,
    scope:
      'Equal to or greater than 0.01 % by weight of a textile article, or of each part of it, that can reasonably be expected to be washed in water during its normal life cycle (from 3 February 2021). Second-hand textiles and some others are exempted.',
    reference: 'REACH Annex XVII entry 46a paras 1–2',
  }),
  xvii({
    entryNumber: '47',
    substance: 'Chromium VI compounds',
    percent: mgPerKg(3),
    basis: 'homogeneous-material',
    inclusive: true,
    scope:
      'Leather articles, and leather parts of articles, coming into contact with the skin: chromium VI equal to or greater than 3 mg/kg (0.0003 %) of the total dry weight of the leather. Cement and cement-containing mixtures have their own limit: more than 2 mg/kg (0.0002 %) soluble chromium VI of the total dry weight of the cement, when hydrated.',
    reference: 'REACH Annex XVII entry 47 paras 1 and 5–6',
  }),
  xvii({
    entryNumber: '50',
    substance: 'Polycyclic aromatic hydrocarbons (the eight listed PAHs)',
    percent: mgPerKg(0.5),
    basis: 'homogeneous-material',
    inclusive: false,
    scope:
      'Rubber or plastic components that come into direct and prolonged or short-term repetitive contact with the skin or oral cavity: more than 0.5 mg/kg (0.00005 %) of any listed PAH in toys and childcare articles (this row, the strictest), more than 1 mg/kg (0.0001 %) in other articles supplied to the general public. Granules and mulches for synthetic turf and playgrounds: more than 20 mg/kg for the sum of the eight PAHs. Extender oils for tyres have their own limits.',
    reference: 'REACH Annex XVII entry 50 paras 5–6 (granules: para 5a, Reg. (EU) 2021/1199)',
    note: 'The granules paragraph number is not checked.',
  }),
  xvii({
    entryNumber: '51',
    substance: 'DEHP, DBP, BBP and DIBP',
    cas: ['117-81-7', '84-74-2', '85-68-7', '84-69-5'],
    percent: 0.1,
    basis: 'homogeneous-material',
    inclusive: true,
    scope:
      'Individually or in any combination (the sum of the four counts), equal to or greater than 0.1 % by weight of the plasticised material in toys and childcare articles (paras 1–2) and in any article (para 3, from 7 July 2020). Para 4 exempts among others articles for exclusively industrial or agricultural use, medical devices, EEE within the scope of RoHS, and food-contact materials.',
    reference: 'REACH Annex XVII entry 51 paras 1–3',
  }),
  xvii({
    entryNumber: '52',
    substance: 'DINP, DIDP and DNOP',
    percent: 0.1,
    basis: 'homogeneous-material',
    inclusive: false,
    scope:
      'Greater than 0.1 % by weight of the plasticised material in toys and childcare articles that can be placed in the mouth by children.',
    reference: 'REACH Annex XVII entry 52 paras 1–2',
  }),
  xvii({
    entryNumber: '61',
    substance: 'Dimethylfumarate (DMFu)',
    cas: ['624-49-7'],
    percent: mgPerKg(0.1),
    basis: 'article',
    inclusive: false,
    scope: 'Greater than 0.1 mg/kg (0.00001 %) in articles or any part of them.',
    reference: 'REACH Annex XVII entry 61 paras 1–2',
  }),
  xvii({
    entryNumber: '62',
    substance: 'Phenylmercury compounds (acetate, propionate, 2-ethylhexanoate, octanoate, neodecanoate)',
    percent: 0.01,
    basis: 'any',
    inclusive: true,
    scope:
      'From 10 October 2017: mercury equal to or greater than 0.01 % by weight in mixtures, and in articles or any part of them. The limit is expressed as mercury, so comparing the declared compound concentration errs on the strict side.',
    reference: 'REACH Annex XVII entry 62 paras 1–2',
  }),
  xvii({
    entryNumber: '63',
    substance: 'Lead and its compounds',
    percent: 0.05,
    basis: 'article',
    inclusive: true,
    scope:
      'Lead (as metal) equal to or greater than 0.05 % by weight in any individual part of jewellery articles, and in articles supplied to the general public, or their accessible parts, that can be placed in the mouth by children (unless the lead release rate stays below 0.05 µg/cm² per hour). Lead in PVC articles: equal to or greater than 0.1 % by weight of the PVC material (Reg. (EU) 2023/923, with derogations for recovered PVC). Lead gunshot in or around wetlands is restricted separately (Reg. (EU) 2021/57).',
    reference: 'REACH Annex XVII entry 63 paras 1 and 7 (PVC: as amended by Reg. (EU) 2023/923)',
  }),
  xvii({
    entryNumber: '66',
    substance: 'Bisphenol A in thermal paper',
    cas: ['80-05-7'],
    percent: 0.02,
    basis: 'article',
    inclusive: true,
    scope: 'Thermal paper (receipts, labels) with bisphenol A equal to or greater than 0.02 % by weight, from 2 January 2020.',
    reference: 'REACH Annex XVII entry 66',
  }),
  xvii({
    entryNumber: '68',
    substance: 'C9–C14 PFCAs, their salts and C9–C14 PFCA-related substances',
    percent: mgPerKg(0.025),
    basis: 'any',
    inclusive: true,
    scope:
      'In other substances, mixtures and articles: the sum of C9–C14 PFCAs and their salts equal to or above 25 ppb (0.0000025 %, this row), the sum of C9–C14 PFCA-related substances equal to or above 260 ppb, from 25 February 2023 with later dates and derogations for some uses. Entry 68 formerly covered PFOA, which is now regulated under the POPs Regulation.',
    reference: 'REACH Annex XVII entry 68 (as replaced by Reg. (EU) 2021/1297)',
  }),
  xvii({
    entryNumber: '70',
    substance: 'D4, D5 and D6 (cyclosiloxanes)',
    cas: ['556-67-2', '541-02-6', '540-97-6'],
    percent: 0.1,
    basis: 'mixture',
    inclusive: true,
    scope:
      'Each equal to or greater than 0.1 % by weight: in wash-off cosmetic products (D4, D5 since 31 January 2020) and, as extended by Reg. (EU) 2024/1328 (which added D6), in leave-on cosmetic products and in other consumer and professional products such as dry-cleaning solvents, waxes and polishes, washing and cleaning products, from application dates in 2026 and later set in that act. Check the date for the product type.',
    reference: 'REACH Annex XVII entry 70 (as amended by Reg. (EU) 2024/1328)',
    note: 'The brief that commissioned this table placed D4/D5/D6 under entry 73; the ECHA restriction list export puts them under entry 70 (entry 73 is the tridecafluorooctyl silanetriol restriction).',
  }),
  xvii({
    entryNumber: '72',
    substance: 'CMR substances category 1A/1B in textiles, clothing and footwear (Appendix 12)',
    percent: 0,
    basis: 'article',
    inclusive: false,
    scope:
      'Clothing and related accessories, other textiles in contact with the skin to a similar extent, and footwear, supplied to the general public (from 1 November 2020). Each Appendix 12 substance has its own limit, from 1 mg/kg (several metal compounds after extraction, PAHs) up to 3000 mg/kg (some solvents); one number per entry cannot express that, so presence is reported for review against Appendix 12.',
    reference: 'REACH Annex XVII entry 72 and Appendix 12',
  }),
  xvii({
    entryNumber: '74',
    substance: 'Diisocyanates',
    percent: 0.1,
    basis: 'mixture',
    inclusive: true,
    scope:
      'Individually and in combination, equal to or greater than 0.1 % by weight in substances and mixtures for industrial and professional use (from 24 August 2023): use only after the user has completed adequate training, and supply only with that information on the packaging. A condition on use, not a ban: a finding asks for the training arrangement rather than substitution.',
    reference: 'REACH Annex XVII entry 74 paras 1–2',
  }),
  xvii({
    entryNumber: '77',
    substance: 'Formaldehyde and formaldehyde releasers',
    cas: [],
    percent: 0,
    basis: 'article',
    inclusive: false,
    scope:
      'An emission limit, not a content limit: formaldehyde released by articles under the Appendix 14 test conditions may not exceed 0.062 mg/m³ for furniture and wood-based articles and 0.080 mg/m³ for other articles (from 6 August 2026); road vehicles from 6 August 2027. A content figure cannot be compared, so presence is reported for review and the supplier asked for an emission test.',
    reference: 'REACH Annex XVII entry 77 (Reg. (EU) 2023/1464)',
  }),
  xvii({
    entryNumber: '78',
    substance: 'Synthetic polymer microparticles',
    percent: 0.01,
    basis: 'mixture',
    inclusive: true,
    scope:
      'On their own, or in mixtures where present to confer a sought-after characteristic, equal to or greater than 0.01 % by weight (from 17 October 2023, with transition periods by product type). A composition declaration rarely identifies microparticles; this row serves mixtures that declare them.',
    reference: 'REACH Annex XVII entry 78 para 1 (Reg. (EU) 2023/2055)',
  }),
  xvii({
    entryNumber: '79',
    substance: 'PFHxA, its salts and PFHxA-related substances',
    percent: mgPerKg(0.025),
    basis: 'any',
    inclusive: true,
    scope:
      'Only in the listed uses — consumer textiles, leather, footwear and their mixtures, paper and board food-contact materials, consumer mixtures, cosmetic products, certain firefighting foams — from application dates in 2026 and later set in Reg. (EU) 2024/2462: the sum of PFHxA and its salts equal to or above 25 ppb (0.0000025 %, this row), the sum of PFHxA-related substances equal to or above 1000 ppb.',
    reference: 'REACH Annex XVII entry 79 (Reg. (EU) 2024/2462)',
  }),
];

const POPS_ROWS: readonly CuratedLimitRow[] = [
  pops({
    substance: 'PFOS, its salts and PFOS-related compounds',
    names: [
      'Perfluorooctane sulfonic acid (PFOS), its salts and PFOS-related compounds',
      'Perfluorooctane sulfonic acid and its derivatives (PFOS)',
    ],
    tokens: ['PFOS'],
    cas: ['1763-23-1', '2795-39-3'],
    percent: 0,
    basis: 'any',
    inclusive: false,
    confidence: 'unverified',
    scope:
      'UNVERIFIED. As adopted, Reg. (EU) 2019/1021 exempts PFOS as an unintentional trace contaminant at or below 10 mg/kg (0.001 %) in substances and mixtures, and below 0.1 % in semi-finished products, articles or parts (below 1 µg/m² for textiles and other coated materials). The Commission consulted in 2023 on lowering these to the PFOA values; chemreg has not confirmed whether that was adopted, so presence is reported for review.',
    reference: 'Reg. (EU) 2019/1021 Annex I Part A, PFOS entry, column 4 points 1–2',
  }),
  pops({
    substance: 'PFOA, its salts and PFOA-related compounds',
    names: ['perfluorooctanoic acid (PFOA), its salts and PFOA-related substances', 'Perfluorooctanoic acid (PFOA), its salts and PFOA-related compounds'],
    tokens: ['PFOA'],
    cas: ['335-67-1', '3825-26-1'],
    percent: mgPerKg(0.025),
    basis: 'any',
    inclusive: false,
    scope:
      'Exempt as unintentional trace contaminants when equal to or below 0.025 mg/kg (0.0000025 %) for PFOA and its salts (this row), and 1 mg/kg (0.0001 %) for PFOA-related compounds individually or combined, in substances, mixtures and articles; some derogated uses have higher values.',
    reference: 'Reg. (EU) 2019/1021 Annex I Part A, PFOA entry (Reg. (EU) 2020/784), column 4',
  }),
  pops({
    substance: 'PFHxS, its salts and PFHxS-related compounds',
    names: ['Perfluorohexane sulfonic acid (PFHxS), its salts and PFHxS-related compounds'],
    tokens: ['PFHxS'],
    cas: ['355-46-4'],
    percent: mgPerKg(0.025),
    basis: 'any',
    inclusive: false,
    scope:
      'Exempt as unintentional trace contaminants when equal to or below 0.025 mg/kg (0.0000025 %) for PFHxS and its salts (this row), and 1 mg/kg (0.0001 %) for the sum of PFHxS-related compounds, in substances, mixtures and articles.',
    reference: 'Reg. (EU) 2019/1021 Annex I Part A, PFHxS entry (Reg. (EU) 2023/1608), column 4',
  }),
  pops({
    substance: 'Short-chain chlorinated paraffins (SCCP, alkanes C10–13, chloro)',
    names: ['Alkanes, C10-13, chloro', 'Short-chain chlorinated paraffins (SCCPs)'],
    tokens: ['SCCP', 'SCCPs'],
    cas: ['85535-84-8'],
    percent: 0.15,
    basis: 'any',
    inclusive: true,
    scope:
      'Articles containing SCCPs at or above 0.15 % by weight are prohibited (this row, the stricter); in substances and mixtures SCCPs below 1 % by weight are allowed as unintentional trace contaminants. For a mixture, compare with 1 %.',
    reference: 'Reg. (EU) 2019/1021 Annex I Part A, SCCP entry, column 4 points 1–2 (values from Reg. (EU) 2015/2030)',
  }),
  pops({
    substance: 'Polybromodiphenyl ethers: tetra-, penta-, hexa-, hepta- and decaBDE',
    names: [
      'Tetrabromodiphenyl ether (group)',
      'Pentabromodiphenyl ether (group)',
      'Hexabromodiphenyl ether (group)',
      'Heptabromodiphenyl ether (group)',
      'Bis(pentabromophenyl) ether',
    ],
    tokens: ['tetraBDE', 'pentaBDE', 'hexaBDE', 'heptaBDE', 'decaBDE', 'PBDE', 'PBDEs'],
    cas: ['40088-47-9', '1163-19-5'],
    percent: 0,
    basis: 'any',
    inclusive: false,
    confidence: 'unverified',
    scope:
      'UNVERIFIED. Reg. (EU) 2019/1021 exempts each listed PBDE at or below 10 mg/kg (0.001 %) in substances, and the sum of all listed PBDEs at or below 500 mg/kg (0.05 %) in mixtures and articles, subject to review; a Commission draft of 2025 proposes lowering the mixture and article value. Not confirmed whether adopted, so presence is reported for review.',
    reference: 'Reg. (EU) 2019/1021 Annex I Part A, PBDE entries, column 4 points 1–2',
  }),
  pops({
    substance: 'Hexabromocyclododecane (HBCDD)',
    names: ['Hexabromocyclododecane (HBCDD)', 'Hexabromocyclododecane'],
    tokens: ['HBCDD', 'HBCD'],
    cas: ['25637-99-4', '3194-55-6'],
    percent: mgPerKg(75),
    basis: 'any',
    inclusive: false,
    scope:
      'Exempt as an unintentional trace contaminant when equal to or below 75 mg/kg (0.0075 %) in substances, mixtures, articles or the flame-retarded parts of articles; lowered from 100 mg/kg by a 2024 amendment.',
    reference: 'Reg. (EU) 2019/1021 Annex I Part A, HBCDD entry, column 4 point 1 (as amended in 2024)',
    note: 'The number of the 2024 amending act is not recorded here.',
  }),
  pops({
    substance: 'Dechlorane Plus (syn- and anti-isomers)',
    names: [],
    tokens: ['Dechlorane Plus'],
    cas: ['13560-89-9', '135821-03-3', '135821-74-8'],
    percent: 0,
    basis: 'any',
    inclusive: false,
    confidence: 'unverified',
    scope:
      'UNVERIFIED. Listed in 2025. Secondary sources report an unintentional trace contaminant limit of 1000 mg/kg (0.1 %) at listing, falling to 1 mg/kg (0.0001 %) 30 months later, with derogations for aerospace, defence and medical uses, and disagree on the number of the amending act; presence is reported for review until checked.',
    reference: 'Reg. (EU) 2019/1021 Annex I Part A, Dechlorane Plus entry (added 2025)',
  }),
  pops({
    substance: 'UV-328, 2-(2H-benzotriazol-2-yl)-4,6-di-tert-pentylphenol',
    names: ['2-(2H-benzotriazol-2-yl)-4,6-di-tert-pentylphenol'],
    tokens: ['UV-328'],
    cas: ['25973-55-1'],
    percent: 0,
    basis: 'any',
    inclusive: false,
    confidence: 'unverified',
    scope:
      'UNVERIFIED. Listed in 2025. Secondary sources report an unintentional trace contaminant limit of 100 mg/kg (0.01 %) from August 2025, 10 mg/kg from August 2027 and 1 mg/kg from August 2029; presence is reported for review until checked.',
    reference: 'Reg. (EU) 2019/1021 Annex I Part A, UV-328 entry (added 2025)',
  }),
  pops({
    substance: 'Pentachlorophenol and its salts and esters',
    names: ['Pentachlorophenol and its salts and esters'],
    tokens: ['PCP', 'Pentachlorophenol'],
    cas: ['87-86-5'],
    percent: mgPerKg(5),
    basis: 'any',
    inclusive: false,
    scope: 'Exempt as an unintentional trace contaminant when equal to or below 5 mg/kg (0.0005 %) in substances, mixtures and articles (replacing the former REACH Annex XVII entry 22).',
    reference: 'Reg. (EU) 2019/1021 Annex I Part A, pentachlorophenol entry (as amended by Reg. (EU) 2021/277)',
  }),
];

/** The shipped table: Annex XVII rows by entry number, then POPs rows. Read-only; users override, never edit. */
export const CURATED_LIMITS: readonly Readonly<CuratedLimitRow>[] = Object.freeze([...ANNEX_XVII_ROWS, ...POPS_ROWS].map((row) => Object.freeze(row)));

// ---------------------------------------------------------------------------------------------------------------
// Matching
// ---------------------------------------------------------------------------------------------------------------

/** "01" and "1" are the same entry, as are "46A" and "046a"; ECHA's exports pad entry numbers to two digits. */
export function normaliseEntryNumber(raw: string): string {
  const text = raw.trim().toLowerCase().replace(/^entry\s*(?:no\.?\s*)?/u, '');
  const match = /^0*(\d+)\s*([a-z]?)$/u.exec(text);
  return match ? `${match[1] ?? ''}${match[2] ?? ''}` : text;
}

/** Case, accents, punctuation and spacing ignored: "Alkanes, C10-13, chloro" = "alkanes c10 13 chloro". */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

function normalisedCas(value: string): string | null {
  const parsed = parseCas(value);
  return parsed.valid ? parsed.normalised : null;
}

function matchesAnnexXvii(row: CuratedLimitRow, entry: ListEntry): boolean {
  return row.entryNumber !== null && entry.entryNumber !== null && normaliseEntryNumber(row.entryNumber) === normaliseEntryNumber(entry.entryNumber);
}

function matchesPops(row: CuratedLimitRow, entry: ListEntry): boolean {
  const entryCas = new Set<string>();
  for (const c of [...entry.cas, ...entry.members.map((m) => m.cas)]) {
    const normalised = c === null ? null : normalisedCas(c);
    if (normalised !== null) entryCas.add(normalised);
  }
  if (row.cas.some((c) => entryCas.has(normalisedCas(c) ?? ''))) return true;
  const name = normaliseName(entry.name);
  if (row.names.some((n) => normaliseName(n) === name)) return true;
  const padded = ` ${name} `;
  return row.tokens.some((t) => padded.includes(` ${normaliseName(t)} `));
}

function matches(listId: CuratedListId, row: CuratedLimitRow, entry: ListEntry): boolean {
  if (row.listId !== listId) return false;
  switch (listId) {
    case 'reach-annex-xvii':
      return matchesAnnexXvii(row, entry);
    case 'eu-pops':
      return matchesPops(row, entry);
  }
}

export interface CuratedLimitMatch {
  row: CuratedLimitRow;
  /** override: a row stored in this installation; shipped: chemreg's table. */
  origin: 'override' | 'shipped';
}

/**
 * The row that sets the limit of one entry: the first matching override, else the first matching shipped row,
 * else null. Screening reads `row.inclusive` from here (EntryLimit has no field for it).
 */
export function findCuratedLimit(listId: string, entry: ListEntry, overrides: readonly CuratedLimitOverride[] = []): CuratedLimitMatch | null {
  if (!isCuratedListId(listId)) return null;
  const override = overrides.find((row) => matches(listId, row, entry));
  if (override) return { row: override, origin: 'override' };
  const shipped = CURATED_LIMITS.find((row) => matches(listId, row, entry));
  return shipped ? { row: shipped, origin: 'shipped' } : null;
}

function formatPercent(percent: number): string {
  return `${Number(percent.toPrecision(12))} %`;
}

function scopeText({ row, origin }: CuratedLimitMatch): string {
  const who =
    origin === 'override'
      ? 'Set in this installation (overrides chemreg’s table)'
      : row.confidence === 'unverified'
        ? 'chemreg curated table, UNVERIFIED value'
        : 'chemreg curated table, check against EUR-Lex';
  const test =
    row.percent === 0 ? 'Presence is reported for review.' : `Limit met ${row.inclusive ? 'at or above' : 'above'} ${formatPercent(row.percent)} (${row.basis}).`;
  return `[${who}] ${row.scope} ${test}`.slice(0, 2000);
}

function toEntryLimit(match: CuratedLimitMatch): EntryLimit {
  return { percent: match.row.percent, basis: match.row.basis, scope: scopeText(match), source: 'curated', reference: match.row.reference };
}

/** The curated EntryLimit for one entry of Annex XVII or the POPs list (source 'curated'), or null. */
export function curatedLimitFor(listId: string, entry: ListEntry, overrides: readonly CuratedLimitOverride[] = []): EntryLimit | null {
  const match = findCuratedLimit(listId, entry, overrides);
  return match ? toEntryLimit(match) : null;
}

/** Whether a row (shipped or override) sets the limit of this entry of `listId`. */
export function rowMatchesEntry(listId: string, row: CuratedLimitRow, entry: ListEntry): boolean {
  return isCuratedListId(listId) && matches(listId, row, entry);
}

/**
 * Fills `limit` for the entries of Annex XVII and the POPs list that the list file did not give one. A limit the
 * list printed (source 'list' or 'regulation') is never replaced; a limit from an earlier curated pass is
 * recomputed, so that changed overrides take effect when entries are read again. `overrides` win over the shipped
 * rows. Entries of other lists are returned unchanged. The input is not mutated.
 */
export function withCuratedLimits(listId: string, entries: readonly ListEntry[], overrides: readonly CuratedLimitOverride[] = []): { entries: ListEntry[]; warnings: ImportWarning[] } {
  if (!isCuratedListId(listId)) return { entries: [...entries], warnings: [] };
  const warnings: ImportWarning[] = [];
  const out = entries.map((entry) => {
    if (entry.limit !== null && entry.limit.source !== 'curated') return entry;
    const match = findCuratedLimit(listId, entry, overrides);
    if (match?.origin === 'shipped' && match.row.confidence === 'unverified') {
      warnings.push({
        row: null,
        field: 'limit',
        message: `${entry.key}: the curated limit row "${match.row.substance}" is unverified; presence is reported for review until an expert checks it against EUR-Lex or overrides it`,
      });
    }
    return { ...entry, limit: match ? toEntryLimit(match) : null };
  });
  return { entries: out, warnings };
}

/** `withCuratedLimits` over an imported list, its warnings added to the list's. */
export function applyCuratedLimits(list: ImportedList, overrides: readonly CuratedLimitOverride[] = []): ImportedList {
  if (!isCuratedListId(list.listId)) return list;
  const { entries, warnings } = withCuratedLimits(list.listId, list.entries, overrides);
  return { ...list, entries, warnings: [...list.warnings, ...warnings] };
}
