// "PRIO phase-out criteria (derived)": the classification-based criteria of the Swedish Chemicals Agency's
// prioritisation guide PRIO, written as rules chemreg can screen with. KemI publishes PRIO as a web database with
// no data file (shared/data/lists/README.md §8), but its criteria are hazard classes, so a substance's own
// classification (SDS section 2/3, CLP Annex VI) tells whether it meets one. This is NOT KemI's database: PRIO also
// names substances it has assessed individually, and KemI's list can lag or lead a classification.
//
// Each rule is one ListEntry. `ruleHazardCodes` are matched by prefix (list-entry.ts: "H360" covers "H360FD"); the
// suffixed forms are listed anyway so the rule reads complete. `hazardClasses` names the CLP classes and categories
// the criterion covers, for people reading the rule. `limit` is null: derived lists flag presence and the contract
// that applies the list sets any threshold. `entryNumber` carries the PRIO priority level exactly as KemI's export
// prints it ("Phase-out substance" / "Priority risk-reduction substance"), so findings can say which level.
//
// Decisions:
// - PBT/vPvB: an entry WITH codes. Since Delegated Regulation (EU) 2023/707 the criterion has CLP hazard classes
//   (EUH440 PBT, EUH441 vPvB), but few substances carry them yet, so the reasons say that substances identified as
//   PBT/vPvB under REACH Annex XIII are found through the Candidate List (reasons "PBT (Article 57d)", "vPvB (Article
//   57e)") rather than by this rule. An entry keeps the criterion visible; omitting it would hide the gap.
// - Skin sensitisers: H317 is printed for Skin Sens. 1, 1A and 1B alike, but only 1A is a phase-out criterion
//   ("particularly allergenic"); 1 and 1B are risk-reduction. H317 therefore sits in the risk-reduction rule, whose
//   reasons tell the expert to check for 1A, and the 1A phase-out rule has no codes (it names the class only). The
//   alternative, every H317 as phase-out, would raise the level of most fragranced and preserved products.
// - Left out, because classification cannot express them: PFAS and other highly fluorinated substances, potential
//   PBT/vPvB (risk-reduction), and substances KemI assessed individually. Endocrine disruptor category 2 (EUH381,
//   EUH431, "suspected") is left out: the criterion names identified endocrine disruptors, i.e. category 1.
import { blankEntry, type ImportedList, type ListEntry } from '../list-entry.js';

export const PRIO_LIST_ID = 'prio-phase-out-derived';

/**
 * The version of the PRIO criteria these rules encode: the criteria as relaunched by KemI in October 2020 (PRIO
 * web tool relaunch, which added "particularly allergenic" to phase-out and Carc. 2 to risk-reduction). The day
 * is nominal — KemI states the month. The CLP hazard classes of Delegated Regulation (EU) 2023/707 are mapped onto
 * those criteria (endocrine disruption, PBT/vPvB) without changing them; PMT/vPvM is chemreg's extension (below).
 */
export const PRIO_CRITERIA_DATE = '2020-10-01';

type PrioLevel = 'phase-out' | 'risk-reduction';

/** KemI's own wording of the levels (PRIO export column "Priority level"). */
const LEVEL_LABEL: Record<PrioLevel, string> = {
  'phase-out': 'Phase-out substance',
  'risk-reduction': 'Priority risk-reduction substance',
};

interface PrioRule {
  key: string;
  level: PrioLevel;
  name: string;
  /** The PRIO criterion, cited as the rule's first reason. */
  criterion: string;
  /** What the rule cannot see, or how it reads the codes. */
  notes?: string[];
  hazardClasses: string[];
  ruleHazardCodes: string[];
  element?: string;
  cas?: string[];
}

const CMR_CODES = ['H340', 'H350', 'H350i', 'H360', 'H360F', 'H360D', 'H360FD', 'H360Fd', 'H360Df'];

const CLP_2023_707 = 'CLP hazard class added by Delegated Regulation (EU) 2023/707';
const CLASSES_NOT_YET_APPLIED =
  'The 2023/707 classes apply to substances from May 2025 and to mixtures from May 2026, with longer transition for those already on the market, so few SDSs print these codes yet.';

const METAL_NOTE = 'An element rule: a compound is a possible match for an expert to confirm; the element itself matches by CAS.';

const RULES: readonly PrioRule[] = [
  // --- Phase-out substances (utfasningsämnen) ---------------------------------------------------------------
  {
    key: 'phase-out:cmr',
    level: 'phase-out',
    name: 'Carcinogenic, mutagenic or toxic for reproduction, category 1A or 1B (CMR 1A/1B)',
    criterion: 'PRIO phase-out criterion: carcinogenic, germ cell mutagenic or toxic for reproduction in category 1A or 1B (CLP Annex I parts 3.5, 3.6, 3.7).',
    notes: ['All CMR differentiation suffixes count: H350i, H360F, H360D, H360FD, H360Fd, H360Df. Category 2 (H341, H351, H361) is not phase-out.'],
    hazardClasses: ['Carc. 1A', 'Carc. 1B', 'Muta. 1A', 'Muta. 1B', 'Repr. 1A', 'Repr. 1B'],
    ruleHazardCodes: CMR_CODES,
  },
  {
    key: 'phase-out:pbt-vpvb',
    level: 'phase-out',
    name: 'Persistent, bioaccumulative and toxic (PBT) or very persistent and very bioaccumulative (vPvB)',
    criterion: 'PRIO phase-out criterion: PBT or vPvB properties (REACH Annex XIII).',
    notes: [
      `${CLP_2023_707}: PBT (EUH440) and vPvB (EUH441). ${CLASSES_NOT_YET_APPLIED}`,
      'Substances identified as PBT or vPvB are found through the Candidate List (reasons "PBT (Article 57d)" and "vPvB (Article 57e)"), not by these codes; screen against the Candidate List as well.',
    ],
    hazardClasses: ['PBT', 'vPvB'],
    ruleHazardCodes: ['EUH440', 'EUH441'],
  },
  {
    key: 'phase-out:pmt-vpvm',
    level: 'phase-out',
    name: 'Persistent, mobile and toxic (PMT) or very persistent and very mobile (vPvM)',
    criterion:
      'chemreg extension, not a PRIO criterion as published in 2020: the PMT/vPvM hazard classes rank with PBT/vPvB in CLP, so chemreg treats them as phase-out. Check KemI’s current criteria before relying on the level.',
    notes: [`${CLP_2023_707}: PMT (EUH450) and vPvM (EUH451). ${CLASSES_NOT_YET_APPLIED}`],
    hazardClasses: ['PMT', 'vPvM'],
    ruleHazardCodes: ['EUH450', 'EUH451'],
  },
  {
    key: 'phase-out:endocrine-disruptor',
    level: 'phase-out',
    name: 'Endocrine disruptor (human health or environment), category 1',
    criterion: 'PRIO phase-out criterion: endocrine-disrupting properties.',
    notes: [
      `${CLP_2023_707}: endocrine disruption for human health category 1 (EUH380) and for the environment category 1 (EUH430). ${CLASSES_NOT_YET_APPLIED}`,
      'Substances identified as endocrine disruptors on the Candidate List (Article 57(f)) or under the biocides and plant protection regulations are not found by these codes until classified. Category 2 (EUH381, EUH431) is not included.',
    ],
    hazardClasses: ['ED HH 1', 'ED ENV 1'],
    ruleHazardCodes: ['EUH380', 'EUH430'],
  },
  {
    key: 'phase-out:ozone-depleting',
    level: 'phase-out',
    name: 'Hazardous to the ozone layer',
    criterion: 'PRIO phase-out criterion: ozone-depleting substances (CLP Annex I part 5.1, Ozone 1).',
    notes: ['EUH059 is the withdrawn code of the same hazard, replaced by H420; older SDSs still print it.'],
    hazardClasses: ['Ozone 1'],
    ruleHazardCodes: ['H420', 'EUH059'],
  },
  {
    key: 'phase-out:respiratory-sensitiser',
    level: 'phase-out',
    name: 'Particularly allergenic: respiratory sensitiser, category 1',
    criterion: 'PRIO phase-out criterion (since 2020): particularly allergenic substances — respiratory sensitisers, category 1 and its subcategories 1A and 1B (H334).',
    hazardClasses: ['Resp. Sens. 1', 'Resp. Sens. 1A', 'Resp. Sens. 1B'],
    ruleHazardCodes: ['H334'],
  },
  {
    key: 'phase-out:skin-sensitiser-1a',
    level: 'phase-out',
    name: 'Particularly allergenic: skin sensitiser, subcategory 1A',
    criterion: 'PRIO phase-out criterion (since 2020): particularly allergenic substances — skin sensitisers, subcategory 1A.',
    notes: [
      'Cannot be derived from H codes: H317 is printed for Skin Sens. 1, 1A and 1B alike. Every H317 is caught by rule risk-reduction:h317, whose finding asks the expert to check the classification (SDS section 2/3 or CLP Annex VI) for 1A and raise the level if so.',
    ],
    hazardClasses: ['Skin Sens. 1A'],
    ruleHazardCodes: [],
  },
  {
    key: 'phase-out:mercury',
    level: 'phase-out',
    name: 'Mercury and mercury compounds',
    criterion: 'PRIO phase-out criterion: particularly hazardous metals — mercury and its compounds.',
    notes: [METAL_NOTE],
    hazardClasses: [],
    ruleHazardCodes: [],
    element: 'Hg',
    cas: ['7439-97-6'],
  },
  {
    key: 'phase-out:cadmium',
    level: 'phase-out',
    name: 'Cadmium and cadmium compounds',
    criterion: 'PRIO phase-out criterion: particularly hazardous metals — cadmium and its compounds.',
    notes: [METAL_NOTE],
    hazardClasses: [],
    ruleHazardCodes: [],
    element: 'Cd',
    cas: ['7440-43-9'],
  },
  {
    key: 'phase-out:lead',
    level: 'phase-out',
    name: 'Lead and lead compounds',
    criterion: 'PRIO phase-out criterion: particularly hazardous metals — lead and its compounds.',
    notes: [METAL_NOTE],
    hazardClasses: [],
    ruleHazardCodes: [],
    element: 'Pb',
    cas: ['7439-92-1'],
  },

  // --- Priority risk-reduction substances (prioriterade riskminskningsämnen) --------------------------------
  {
    key: 'risk-reduction:h300',
    level: 'risk-reduction',
    name: 'Very high acute toxicity: fatal if swallowed (H300)',
    criterion: 'PRIO risk-reduction criterion: very high acute toxicity — Acute Tox. 1 or 2, oral (H300).',
    hazardClasses: ['Acute Tox. 1', 'Acute Tox. 2'],
    ruleHazardCodes: ['H300'],
  },
  {
    key: 'risk-reduction:h310',
    level: 'risk-reduction',
    name: 'Very high acute toxicity: fatal in contact with skin (H310)',
    criterion: 'PRIO risk-reduction criterion: very high acute toxicity — Acute Tox. 1 or 2, dermal (H310).',
    hazardClasses: ['Acute Tox. 1', 'Acute Tox. 2'],
    ruleHazardCodes: ['H310'],
  },
  {
    key: 'risk-reduction:h330',
    level: 'risk-reduction',
    name: 'Very high acute toxicity: fatal if inhaled (H330)',
    criterion: 'PRIO risk-reduction criterion: very high acute toxicity — Acute Tox. 1 or 2, inhalation (H330).',
    hazardClasses: ['Acute Tox. 1', 'Acute Tox. 2'],
    ruleHazardCodes: ['H330'],
  },
  {
    key: 'risk-reduction:h370',
    level: 'risk-reduction',
    name: 'Causes damage to organs, single exposure (H370)',
    criterion: 'PRIO risk-reduction criterion: very high acute toxicity — specific target organ toxicity, single exposure, category 1 (H370).',
    hazardClasses: ['STOT SE 1'],
    ruleHazardCodes: ['H370'],
  },
  {
    key: 'risk-reduction:h372',
    level: 'risk-reduction',
    name: 'Causes damage to organs through prolonged or repeated exposure (H372)',
    criterion: 'PRIO risk-reduction criterion: high chronic toxicity — specific target organ toxicity, repeated exposure, category 1 (H372).',
    hazardClasses: ['STOT RE 1'],
    ruleHazardCodes: ['H372'],
  },
  {
    key: 'risk-reduction:h341',
    level: 'risk-reduction',
    name: 'Suspected of causing genetic defects (H341)',
    criterion: 'PRIO risk-reduction criterion: germ cell mutagen, category 2 (H341).',
    hazardClasses: ['Muta. 2'],
    ruleHazardCodes: ['H341'],
  },
  {
    key: 'risk-reduction:h351',
    level: 'risk-reduction',
    name: 'Suspected of causing cancer (H351)',
    criterion: 'PRIO risk-reduction criterion (since 2020): carcinogen, category 2 (H351).',
    hazardClasses: ['Carc. 2'],
    ruleHazardCodes: ['H351'],
  },
  {
    key: 'risk-reduction:h317',
    level: 'risk-reduction',
    name: 'Allergenic: may cause an allergic skin reaction (H317)',
    criterion: 'PRIO risk-reduction criterion: allergenic — skin sensitiser, category 1 or subcategory 1B (H317).',
    notes: [
      'H317 does not tell 1A from 1 or 1B. Skin Sens. 1A is a phase-out criterion (rule phase-out:skin-sensitiser-1a): check the classification and raise the level if it says 1A.',
    ],
    hazardClasses: ['Skin Sens. 1', 'Skin Sens. 1B'],
    ruleHazardCodes: ['H317'],
  },
  {
    key: 'risk-reduction:h410',
    level: 'risk-reduction',
    name: 'Very toxic to aquatic life with long-lasting effects (H410)',
    criterion: 'PRIO risk-reduction criterion: environmental hazard with long-term effects — hazardous to the aquatic environment, chronic category 1 (H410).',
    hazardClasses: ['Aquatic Chronic 1'],
    ruleHazardCodes: ['H410'],
  },
  {
    key: 'risk-reduction:h413',
    level: 'risk-reduction',
    name: 'May cause long-lasting harmful effects to aquatic life (H413)',
    criterion:
      'PRIO risk-reduction criterion: environmental hazard with long-term effects — hazardous to the aquatic environment, chronic category 4 (H413), which signals possible persistence or bioaccumulation.',
    hazardClasses: ['Aquatic Chronic 4'],
    ruleHazardCodes: ['H413'],
  },
];

function toEntry(rule: PrioRule): ListEntry {
  const levelLabel = LEVEL_LABEL[rule.level];
  const isElementRule = rule.element !== undefined;
  return {
    ...blankEntry(rule.key, rule.name),
    description: `${levelLabel} under the PRIO criteria, derived by chemreg from classification; not an entry of KemI’s PRIO database.`,
    cas: rule.cas ?? [],
    group: isElementRule,
    element: rule.element ?? null,
    reasons: [rule.criterion, ...(rule.notes ?? [])],
    entryNumber: levelLabel,
    hazardClasses: rule.hazardClasses,
    ruleHazardCodes: rule.ruleHazardCodes,
    link: 'https://www.kemi.se/prioguiden/english',
  };
}

/** The derived PRIO list: one entry per criterion, phase-out first. Pure; the same input gives the same list. */
export function buildPrioDerivedList(): ImportedList {
  const entries = RULES.map(toEntry);
  return {
    listId: PRIO_LIST_ID,
    name: 'KemI PRIO phase-out and risk-reduction criteria — derived by chemreg from CLP classification (not KemI’s PRIO database)',
    kind: 'derived',
    format: 'chemreg-json',
    listDate: PRIO_CRITERIA_DATE,
    rowCount: entries.length,
    entries,
    warnings: [],
  };
}
