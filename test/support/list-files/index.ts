// Small list files in every format chemreg imports, built in memory with the quirks of the real exports
// (shared/data/lists/README.md): `-` for missing values, `DD-Mon-YYYY` dates in English and lowercase Dutch, the
// Candidate List's repeated rows per amendment, group members split over rows sharing a Decision URL, the legacy
// CSV's 12-line preamble, quoted fields and trailing tabs, the legacy xlsx header on row 4 beside a `criteria` sheet,
// CLP Annex VI's `[1] [2]` markers, SCL text and `History` sheet, and one wrong check digit per format that has
// identifiers. Substance names, EC/CAS numbers, dates and classifications are copied from the real exports (public
// regulatory facts); where a fixture changes one on purpose (a wrong check digit), the comment says so.
// Tests never read shared/: everything here is generated.
import ExcelJS from 'exceljs';
import type { ListEntry, ListFormat } from '../../../src/lists/list-entry.js';

export interface ExpectedList {
  format: ListFormat;
  /** null: the file names no list (chemreg CSV). */
  listId: string | null;
  entryCount: number;
  rowCount: number;
  listDate: string | null;
  /** Every entry key, in file order. */
  keys: string[];
  warningCount: number;
  /** Keys of entries that must be groups. */
  groupKeys?: string[];
  /** Entry key → element symbol. */
  elements?: Record<string, string>;
  /** Entry key → number of group members. */
  memberCounts?: Record<string, number>;
  /** Keys of upcoming entries (CLP Annex VI). */
  upcomingKeys?: string[];
  /** Keys of the CMR 1A/1B subset (CLP Annex VI). */
  cmrKeys?: string[];
}

export interface ListFixture {
  fileName: string;
  bytes: Uint8Array;
  expected: ExpectedList;
}

type Cell = string | number | Date | null;

async function workbookBytes(build: (wb: ExcelJS.Workbook) => void, modified = new Date(Date.UTC(2026, 2, 11))): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'chemreg test fixtures';
  wb.created = modified;
  wb.modified = modified;
  build(wb);
  const buffer = await wb.xlsx.writeBuffer();
  return new Uint8Array(buffer);
}

function addSheet(wb: ExcelJS.Workbook, name: string, rows: ReadonlyArray<readonly Cell[]>): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name);
  for (const row of rows) ws.addRow([...row]);
  return ws;
}

const encode = (text: string): Uint8Array => new TextEncoder().encode(text);

// --- ECHA CHEM exports (README "ECHA CHEM exports": sheet List_results, header row 1) --------------------------

export type EchaChemList = 'candidate' | 'authorisation' | 'restriction' | 'pops' | 'harmonised';

const CHEM_DECISION = (file: string) => `https://chem.echa.europa.eu/api-obligation-list/v1/candidateList/documents?name=${file}`;
const SVHC_OUTCOME = 'SVHC ECHA decision on candidate list inclusion';
const REPR = 'Toxic for reproduction (Article 57c)';
const ED_ENV = 'Endocrine disrupting properties (Article 57(f) - environment)';
const ED_HH = 'Endocrine disrupting properties (Article 57(f) - human health)';
const BPAF_GROUP = "4,4'-[2,2,2-trifluoro-1-(trifluoromethyl)ethylidene]diphenol and its salts";
const DBP_DECISIONS = [
  CHEM_DECISION('2f9dbfa15642288fdd15009774d48704_ed_67_2008_en.pdf'),
  CHEM_DECISION('b8f04aa766e1267264ccd4997a86b883_ED_30_2017.pdf'),
  CHEM_DECISION('7c55ec3e80de4f6664f1212e64825bb0_D(2023)8585-DC.pdf'),
];

const CANDIDATE_HEADER = ['Substance name', 'Description', 'EC number', 'CAS number', 'Date of inclusion', 'Reason for inclusion', 'Decision', 'Regulatory outcome', 'Regulatory outcome date'];

function candidateRows(variant: 'v1' | 'v2'): Cell[][] {
  const rows: Cell[][] = [
    ['n-hexane', '-', '203-777-6', '110-54-3', '04-Feb-2026', 'Specific target organ toxicity after repeated exposure (Article 57(f) - human health)', CHEM_DECISION('f7d301736eada637ac40cddf51edb92f_D(2025)7771-DC.pdf'), SVHC_OUTCOME, '04-Feb-2026'],
    [BPAF_GROUP, '-', '-', '-', '04-Feb-2026', REPR, CHEM_DECISION('29391e5dc53ba152ca18424d37cc09f9_D(2025)7771-DC.pdf'), SVHC_OUTCOME, '04-Feb-2026'],
    // Duplicate rows per regulatory outcome (README §1): DBP was included in 2008 for reproductive toxicity, its
    // endocrine-disrupting properties were added in 2017 (human health) and 2023/2024 (environment).
    ['Dibutyl phthalate (DBP)', '-', '201-557-4', '84-74-2', '28-Oct-2008', REPR, DBP_DECISIONS[0] ?? '', SVHC_OUTCOME, '28-Oct-2008'],
    ['Dibutyl phthalate (DBP)', '-', '201-557-4', '84-74-2', '28-Oct-2008', [REPR, ED_ENV, ED_HH].join('\n'), DBP_DECISIONS.join('\n'), SVHC_OUTCOME, '23-Jan-2024'],
    ['Dibutyl phthalate (DBP)', '-', '201-557-4', '84-74-2', '28-Oct-2008', [REPR, ED_HH].join('\n'), DBP_DECISIONS.slice(0, 2).join('\n'), SVHC_OUTCOME, '07-Jul-2017'],
    // ECHA CHEM repeats the name once per identifier line.
    ['Cadmium sulphate\nCadmium sulphate', '-', '233-331-6\n233-331-6', '10124-36-4\n31119-53-6', '17-Dec-2014',
      'Carcinogenic (Article 57a)\nMutagenic (Article 57b)\nToxic for reproduction (Article 57c)\nSpecific target organ toxicity after repeated exposure (Article 57(f) - human health)',
      CHEM_DECISION('02242ab26bae43045afe517cea2a130a_ed_108_2014_cand_list_en.pdf'), SVHC_OUTCOME, '17-Dec-2014'],
    // The real CAS is 84-69-5; v1 carries a wrong check digit, v2 the corrected number.
    ['Diisobutyl phthalate', '-', '201-553-2', variant === 'v1' ? '84-69-4' : '84-69-5', '13-Jan-2010', [REPR, ED_HH].join('\n'), CHEM_DECISION('5321b55210c4c3d5779aaa79bf34e17a_ed_68_2009_en.pdf'), SVHC_OUTCOME, '13-Jan-2010'],
    ['Boric acid', 'EC No. 233-139-2 and EC No. 234-343-4', '-', '-', '18-Jun-2010', REPR, CHEM_DECISION('a38885b6ee96a3d19630e2d714797433_ed_30_2010_en.pdf'), SVHC_OUTCOME, '18-Jun-2010'],
  ];
  if (variant === 'v1') return rows;
  // A later version: one new entry, another amendment row, and ECHA's row order changed.
  return [
    ['Octamethylcyclotetrasiloxane', '-', '209-136-7', '556-67-2', '27-Jun-2018', 'PBT (Article 57d)\nvPvB (Article 57e)', CHEM_DECISION('d4_ed_2018.pdf'), SVHC_OUTCOME, '27-Jun-2018'],
    ...rows.reverse(),
  ];
}

const CANDIDATE_KEYS_V1 = ['203-777-6', "4,4'-[2,2,2-trifluoro-1-(trifluoromethyl)ethylidene]diphenol and its salts", '201-557-4', '233-331-6', '201-553-2', 'boric acid'];

const AUTHORISATION_ROWS: Cell[][] = [
  ['Substance name', 'Description', 'EC number', 'CAS number', 'Entry number', 'Latest application date', 'Latest application date remarks', 'Sunset date', 'Sunset date remarks', 'Reason for inclusion', 'Exempted (categories of) uses', 'Review periods', 'Regulatory outcome', 'Regulatory outcome date'],
  ['5-tert-butyl-2,4,6-trinitro-m-xylene (Musk xylene)', '-', '201-329-4', '81-15-2', 'N/A', '21-Feb-2013', '-', '21-Aug-2014', '-', 'vPvB (Article 57e)', '-', '-', 'Annex XIV decision on authorisation list inclusion', '17-Feb-2011'],
  ['Lead chromate', '-', '231-846-0', '7758-97-6', 'N/A', '21-Nov-2013', '1 September 2021 for the use of the substance in the production of spare parts', '21-May-2015', '1 March 2023 for the use of the substance in the production of spare parts', 'Carcinogenic (Article 57a)\nToxic for reproduction (Article 57c)', '-', '-', 'Annex XIV decision on authorisation list inclusion', '14-Feb-2012'],
  ['Acids generated from chromium trioxide and their oligomers', '-', '-', '-', 'N/A', '21-Mar-2016', '-', '21-Sep-2017', '-', 'Carcinogenic (Article 57a)', '-', '-', 'Annex XIV decision on authorisation list inclusion', '17-Apr-2013'],
];

const RESTRICTION_CONDITIONS = (celex: string) => `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=${celex}`;
const RESTRICTION_ROWS: Cell[][] = [
  ['Substance name', 'Description', 'EC number', 'CAS number', 'Entry number', 'Conditions', 'Regulatory outcome', 'Regulatory outcome date'],
  // One row per (entry, amending act) (README §3).
  ['Polychlorinated terphenyls (PCTs)', '-', '-', '-', '01', RESTRICTION_CONDITIONS('uriserv:OJ.L_.2009.164.01.0007.01.ENG'), 'Decision on restriction list inclusion', '27-Jul-1976'],
  ['Polychlorinated terphenyls (PCTs)', '-', '-', '-', '01', RESTRICTION_CONDITIONS('uriserv:OJ.L_.2009.164.01.0007.01.ENG'), 'Decision on restriction list inclusion', '03-Dec-1982'],
  ['Polychlorinated terphenyls (PCTs)', '-', '-', '-', '01', RESTRICTION_CONDITIONS('uriserv:OJ.L_.2009.164.01.0007.01.ENG'), 'Decision on restriction list inclusion', '22-Jun-2009'],
  ['Benzene', '-', '200-753-7', '71-43-2', '05', RESTRICTION_CONDITIONS('uriserv:OJ.L_.2009.164.01.0007.01.ENG'), 'Decision on restriction list inclusion', '22-Nov-1982'],
  ['Benzene', '-', '200-753-7', '71-43-2', '05', RESTRICTION_CONDITIONS('uriserv:OJ.L_.2015.233.01.0002.01.ENG'), 'Decision on restriction list inclusion', '04-Sep-2015'],
  ['Diisobutyl phthalate (DIBP); Dibutyl phthalate (DBP); Benzyl butyl phthalate (BBP); Bis(2-ethylhexyl) phthalate (DEHP)', '-', '-', '-', '51', RESTRICTION_CONDITIONS('CELEX:32018R2005'), 'Decision on restriction list inclusion', '17-Dec-2018'],
  ['Lead and its compounds', '-', '-', '-', '63', RESTRICTION_CONDITIONS('CELEX:32012R0836'), 'Decision on restriction list inclusion', '18-Sep-2012'],
  ['Lead and its compounds', '-', '-', '-', '63', RESTRICTION_CONDITIONS('CELEX:32023R0923'), 'Decision on restriction list inclusion', '03-May-2023'],
];

const POPS_ROWS: Cell[][] = [
  ['Substance name', 'Description', 'EC number', 'CAS number', 'Date of inclusion', 'POPs Regulation Annex', 'Regulatory outcome', 'Regulatory outcome date'],
  ['1,6,7,8,9,14,15,16,17,17,18,18-Dodecachloropentacyclo[12.2.1.16,9.02,13.05,10]octadeca-7,15-diene (“Dechlorane Plus”™)', 'covering any of its individual anti- and syn-isomers or any combination thereof', '-', '-', '25-Sep-2025', 'Annex I, part A', 'Inclusion in  the EU POPs Regulation', '25-Sep-2025'],
  ['2-(2H-benzotriazol-2-yl)-4,6-di-tert-pentylphenol', '-', '247-384-8', '25973-55-1', '15-Jul-2025', 'Annex I, part A', 'Inclusion in  the EU POPs Regulation', '15-Jul-2025'],
  ['Perfluorohexane sulfonic acid (PFHxS), its salts and PFHxS-related compounds', '-', '-', '-', '29-Dec-2022', 'Annex I, part A\nAnnex IV', 'Inclusion in  the EU POPs Regulation', '29-Dec-2022'],
  ['Hexachlorobuta-1,3-diene', '-', '201-765-5', '87-68-3', '19-Jun-2012', 'Annex I, part A\nAnnex III, part B\nAnnex IV', 'Inclusion in  the EU POPs Regulation', '19-Jun-2012'],
];

const HARMONISED_ROWS: Cell[][] = [
  ['Substance name', 'EC number', 'CAS number', 'Index number', 'Hazard class, category and statement code(s)', 'ATP', 'From', 'To'],
  ['hydrogen', '215-605-7', '1333-74-0', '001-001-00-9', 'Flam. Gas 1, H220\nPress. Gas', 'CLP00', '01-Dec-2010', '-'],
  // An index entry with several substances is split into one row per CAS (README §5 file #8).
  ['tetraboron disodium heptaoxide, hydrate', '235-541-3', '12267-73-1', '005-011-00-4', 'Repr. 1B, H360FD', 'ATP20', '01-Feb-2025', '-'],
  ['disodium tetraborate, anhydrous', '215-540-4', '1330-43-4', '005-011-00-4', 'Repr. 1B, H360FD', 'ATP20', '01-Feb-2025', '-'],
  // `To` marks an entry ATP22 replaces.
  ['trimethyl borate', '204-468-9', '121-43-7', '005-005-00-1', 'Flam. Liq. 3, H226\nAcute Tox. 4*, H312', 'CLP00', '01-Dec-2010', '30-Apr-2026'],
  ['lead compounds with the exception of those specified elsewhere in this Annex', '-', '-', '082-001-00-6', 'Repr. 1A, H360Df\nAcute Tox. 4*, H332\nAcute Tox. 4*, H302\nSTOT RE 2*, H373\nAquatic Acute 1, H400\nAquatic Chronic 1, H410', 'CLP00', '01-Dec-2010', '-'],
];

const CHEM_FILE_NAMES: Readonly<Record<EchaChemList, string>> = {
  candidate: 'candidate_list_full.xlsx',
  authorisation: 'authorisation_list_full.xlsx',
  restriction: 'restriction_list_full.xlsx',
  pops: 'pops_list_full.xlsx',
  harmonised: 'harmonised_list_full.xlsx',
};

/** An ECHA CHEM `*_full.xlsx` export of one list. `variant: 'v2'` (Candidate List only) is a later version of v1. */
export async function buildEchaChemXlsx(list: EchaChemList, options: { variant?: 'v1' | 'v2' } = {}): Promise<ListFixture> {
  const variant = options.variant ?? 'v1';
  const fixtures: Readonly<Record<EchaChemList, { rows: Cell[][]; expected: ExpectedList }>> = {
    candidate: {
      rows: [CANDIDATE_HEADER, ...candidateRows(variant)],
      expected: {
        format: 'echa-chem-xlsx', listId: 'echa-candidate-list',
        entryCount: variant === 'v1' ? 6 : 7, rowCount: variant === 'v1' ? 8 : 9, listDate: '2026-02-04',
        keys: variant === 'v1' ? CANDIDATE_KEYS_V1 : ['209-136-7', 'boric acid', '201-553-2', '233-331-6', '201-557-4', CANDIDATE_KEYS_V1[1] ?? '', '203-777-6'],
        warningCount: variant === 'v1' ? 1 : 0,
        groupKeys: [CANDIDATE_KEYS_V1[1] ?? '', 'boric acid'],
      },
    },
    authorisation: {
      rows: AUTHORISATION_ROWS,
      expected: {
        format: 'echa-chem-xlsx', listId: 'reach-annex-xiv', entryCount: 3, rowCount: 3, listDate: '2013-04-17',
        keys: ['201-329-4', '231-846-0', 'acids generated from chromium trioxide and their oligomers'], warningCount: 0,
        groupKeys: ['acids generated from chromium trioxide and their oligomers'],
      },
    },
    restriction: {
      rows: RESTRICTION_ROWS,
      expected: {
        format: 'echa-chem-xlsx', listId: 'reach-annex-xvii', entryCount: 4, rowCount: 8, listDate: '2023-05-03',
        keys: ['1', '5', '51', '63'], warningCount: 0, groupKeys: ['1', '51', '63'], elements: { '63': 'Pb' },
      },
    },
    pops: {
      rows: POPS_ROWS,
      expected: {
        format: 'echa-chem-xlsx', listId: 'eu-pops', entryCount: 4, rowCount: 4, listDate: '2025-09-25',
        keys: [
          // Name key: NFKC turns ™ into "tm" and the curly quotes become straight ones.
          '1,6,7,8,9,14,15,16,17,17,18,18-dodecachloropentacyclo[12.2.1.16,9.02,13.05,10]octadeca-7,15-diene ("dechlorane plus"tm)',
          '247-384-8', 'perfluorohexane sulfonic acid (pfhxs), its salts and pfhxs-related compounds', '201-765-5',
        ],
        warningCount: 0,
      },
    },
    harmonised: {
      rows: HARMONISED_ROWS,
      expected: {
        format: 'echa-chem-xlsx', listId: 'clp-annex-vi', entryCount: 4, rowCount: 5, listDate: '2025-02-01',
        keys: ['001-001-00-9', '005-011-00-4', '005-005-00-1', '082-001-00-6'], warningCount: 0,
        memberCounts: { '005-011-00-4': 2 }, elements: { '082-001-00-6': 'Pb' },
      },
    },
  };
  const { rows, expected } = fixtures[list];
  const bytes = await workbookBytes((wb) => addSheet(wb, 'List_results', rows));
  return { fileName: CHEM_FILE_NAMES[list], bytes, expected };
}

// --- legacy echa.europa.eu exports (README "Legacy echa.europa.eu exports") -----------------------------------------

export type LegacyLanguage = 'en' | 'nl';

const LEGACY_DECISION = (uuid: string) => `https://echa.europa.eu/documents/10162/${uuid}`;
const BPAF_DECISION = LEGACY_DECISION('71f21fe4-c687-cf7d-42d9-fcf0b7b384eb');

interface LegacyCandidateRow {
  name: string;
  ec: string;
  cas: string;
  reasons: string[];
  /** [day, month number, year] */
  date: [number, number, number];
  decision: string;
  remarks: string;
}

// The BPAF group is split over three rows sharing its Decision URL; the entry's own row comes first (as in #2/#3).
const LEGACY_CANDIDATE: LegacyCandidateRow[] = [
  { name: 'n-hexane', ec: '203-777-6', cas: '110-54-3', reasons: ['Specific target organ toxicity after repeated exposure (Article 57(f) - human health)'], date: [4, 2, 2026], decision: LEGACY_DECISION('2b029c1a-8669-aee2-adfa-6af3f5d8b86c'), remarks: 'N-hexane is identified as a substance of very high concern in accordance with Article 57(f) of Regulation (EC) 1907/2006 (REACH).' },
  { name: BPAF_GROUP, ec: '-', cas: '-', reasons: [REPR], date: [4, 2, 2026], decision: BPAF_DECISION, remarks: '' },
  { name: "4,4'-[2,2,2-trifluoro-1-(trifluoromethyl)ethylidene]diphenol (Bisphenol AF)", ec: '216-036-7', cas: '1478-61-1', reasons: [REPR], date: [4, 2, 2026], decision: BPAF_DECISION, remarks: '' },
  { name: "Benzyltriphenylphosphonium, salt with 4,4'-[2,2,2-trifluoro-1-(trifluoromethyl)ethylidene]bis[phenol] (1:1)", ec: '278-305-5', cas: '75768-65-9', reasons: [REPR], date: [4, 2, 2026], decision: BPAF_DECISION, remarks: '' },
  { name: 'Melamine', ec: '203-615-4', cas: '108-78-1', reasons: ['Equivalent level of concern having probable serious effects to human health (Article 57(f) - human health)', 'Equivalent level of concern having probable serious effects to the environment (Article 57(f) - environment)'], date: [17, 1, 2023], decision: LEGACY_DECISION('653a0781-6b4b-d085-5393-edc530459a4f'), remarks: 'Melamine is a "very persistent and very mobile" substance.' },
  // Several CAS numbers in one cell, comma-separated in the legacy exports.
  { name: 'Cadmium sulphate', ec: '233-331-6', cas: '10124-36-4, 31119-53-6', reasons: ['Carcinogenic (Article 57a)'], date: [17, 12, 2014], decision: LEGACY_DECISION('cadmium-sulphate-decision'), remarks: '' },
  { name: '5-tert-butyl-2,4,6-trinitro-m-xylene (Musk xylene)', ec: '201-329-4', cas: '81-15-2', reasons: ['vPvB (Article 57e)'], date: [28, 10, 2008], decision: LEGACY_DECISION('e3747ed6-99b4-43d1-92ae-9c837ded241d'), remarks: '' },
  // The real CAS is 84-69-5: a wrong check digit on purpose.
  { name: 'Diisobutyl phthalate', ec: '201-553-2', cas: '84-69-4', reasons: [REPR, ED_HH], date: [13, 1, 2010], decision: LEGACY_DECISION('diisobutyl-phthalate-decision'), remarks: '' },
];
const LEGACY_CANDIDATE_KEYS = ['203-777-6', "4,4'-[2,2,2-trifluoro-1-(trifluoromethyl)ethylidene]diphenol and its salts", '203-615-4', '233-331-6', '201-329-4', '201-553-2'];

const ENGLISH_MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
// The Dutch UI's months (file #3): lowercase, "mrt", "mei", "okt".
const DUTCH_MONTHS = ['jan', 'feb', 'mrt', 'apr', 'mei', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];

export function echaDate([day, month, year]: [number, number, number], language: LegacyLanguage): string {
  const months = language === 'nl' ? DUTCH_MONTHS : ENGLISH_MONTHS;
  return `${String(day).padStart(2, '0')}-${months[month - 1] ?? ''}-${year}`;
}

const LEGACY_HEADERS: Readonly<Record<'candidate' | 'restriction', Readonly<Record<LegacyLanguage, readonly string[]>>>> = {
  candidate: {
    en: ['Substance name', 'Description', 'EC No.', 'CAS No.', 'Reason for inclusion', 'Date of inclusion', 'Decision', 'IUCLID dataset', 'Support document', 'Response to comments', 'Remarks'],
    // File #3, with its trailing spaces; "Description" is not translated there.
    nl: ['Naam van de stof ', 'Description', 'EG-nr. ', 'CAS-nr. ', 'Reden voor opname ', 'Datum van opname ', 'Besluit ', 'IUCLID-gegevensset ', 'Ondersteunend document ', 'Reactie op commentaren ', 'Opmerkingen '],
  },
  restriction: {
    en: ['Substance name', 'Description', 'EC No.', 'CAS No.', 'Entry no.', 'Conditions', 'Appendices', 'Standards', 'History', 'Q&As', 'Remarks', 'First published'],
    // Not seen in a real file: a UI language whose headers the alias table does not know, mapped by position.
    nl: ['Stoffnamn', 'Beskrivelse', 'EF-Nummer', 'CAS-Nummer', 'Posten', 'Betingelser', 'Tillæg', 'Standarder', 'Historik', 'Spørgsmål', 'Bemærkninger', 'Først offentliggjort'],
  },
};

/** Legacy candidate rows as cells; several reasons are joined with `#` (xlsx) or `"` (csv), as ECHA writes them. */
function legacyCandidateCells(language: LegacyLanguage, container: 'xlsx' | 'csv'): string[][] {
  const join = container === 'xlsx' ? '#' : '"';
  return LEGACY_CANDIDATE.map((r) => [r.name, '', r.ec, r.cas, r.reasons.join(join), echaDate(r.date, language), r.decision, '', LEGACY_DECISION('support'), LEGACY_DECISION('response'), r.remarks]);
}

const HISTORY_63 = ['R 836/2012', 'R 628/2015', 'R 2021/57', 'R 2023/923']
  .map((act) => `<a href="https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=${encodeURIComponent(act)}">${act}</a>`)
  .join('#');

function legacyRestrictionCells(): string[][] {
  const entry01 = LEGACY_DECISION('3fd87368-345a-4b56-b545-53b2b8d4aa8c');
  const entry63 = LEGACY_DECISION('64e0e958-99c2-e75e-4fa8-d2b71b18f0b4');
  const row = (name: string, ec: string, cas: string, entry: string, conditions: string, history: string): string[] =>
    [name, '', ec, cas, entry, conditions, '', '', history, '', '', entry === '05' ? '13-Jan-2016' : '12-Jan-2016'];
  return [
    row('Polychlorinated terphenyls (PCTs)', '-', '-', '01', entry01, '<a href="https://eur-lex.europa.eu/x">D 76/769/EEC</a>'),
    row('Terphenyl, chlorinated', '262-968-2', '61788-33-8', '01', entry01, '<a href="https://eur-lex.europa.eu/x">D 76/769/EEC</a>'),
    row('Benzene', '200-753-7', '71-43-2', '05', LEGACY_DECISION('7c8cf4ac-baf9-a05a-2cc7-c9bca4a9d5b7'), '<a href="https://eur-lex.europa.eu/y">D 82/806/EEC</a>'),
    row('Lead and its compounds', '-', '-', '63', entry63, HISTORY_63),
    row('Lead compounds', '-', '-', '63', entry63, HISTORY_63),
    row('Lead', '231-100-4', '7439-92-1', '63', entry63, HISTORY_63),
    row('Antimonial lead', '-', '69029-50-1', '63', entry63, HISTORY_63),
    // The real CAS is 68603-93-0: a wrong check digit on purpose.
    row('Carboxylic acids, tall-oil, lead salts, basic', '-', '68603-93-1', '63', entry63, HISTORY_63),
  ];
}

/** A field of the legacy CSV: always double-quoted, quotes inside doubled. */
const quoted = (field: string) => `"${field.replace(/"/gu, '""')}"`;

function legacyCsv(title: string, exportDate: string, header: readonly string[], rows: string[][], filters: readonly string[]): string {
  // 12 preamble lines before the header (README): title, note, export date, two blank lines, the filter lines as
  // quoted "name"<TAB>"value"<TAB> pairs, blank lines to fill up to 12.
  const filterLines = filters.map((f) => `${quoted(f)}\t${quoted('')}\t`);
  const preamble = [title, 'Note: Group entries are split in different rows.', `Export date: ${exportDate}`, '', '', ...filterLines];
  while (preamble.length < 12) preamble.push('');
  const line = (fields: readonly string[]) => `${fields.map(quoted).join('\t')}\t`;
  return `${[...preamble, line(header), ...rows.map(line)].join('\n')}\n`;
}

/**
 * A legacy echa.europa.eu export: the Candidate List or the restriction list, as xlsx (sheets `results`, header row 4,
 * and `criteria`) or as the tab-separated CSV with its preamble; `language: 'nl'` uses file #3's Dutch headers and
 * months for the Candidate List, and a header text no alias knows for the restriction list (mapped by position).
 */
export async function buildLegacyExport(options: { list: 'candidate' | 'restriction'; container: 'xlsx' | 'csv'; language?: LegacyLanguage }): Promise<ListFixture> {
  const { list, container } = options;
  const language = options.language ?? 'en';
  const title = list === 'candidate' ? 'Candidate List of SVHC for authorisation' : 'Restriction list';
  const exportDate = language === 'nl' ? '01-apr-2026 23:44:30' : '22-Feb-2026 15:26:38';
  const header = LEGACY_HEADERS[list][language];
  const rows = list === 'candidate' ? legacyCandidateCells(language, container) : legacyRestrictionCells();
  const expected: ExpectedList =
    list === 'candidate'
      ? {
          format: container === 'xlsx' ? 'echa-legacy-xlsx' : 'echa-legacy-csv', listId: 'echa-candidate-list',
          entryCount: 6, rowCount: 8, listDate: language === 'nl' ? '2026-04-01' : '2026-02-22', keys: LEGACY_CANDIDATE_KEYS,
          warningCount: 1, groupKeys: [LEGACY_CANDIDATE_KEYS[1] ?? ''], memberCounts: { [LEGACY_CANDIDATE_KEYS[1] ?? '']: 2 },
        }
      : {
          format: container === 'xlsx' ? 'echa-legacy-xlsx' : 'echa-legacy-csv', listId: 'reach-annex-xvii',
          entryCount: 3, rowCount: 8, listDate: language === 'nl' ? '2026-04-01' : '2026-02-22', keys: ['1', '5', '63'],
          warningCount: 1, groupKeys: ['1', '63'], elements: { '63': 'Pb' }, memberCounts: { '1': 1, '5': 0, '63': 4 },
        };
  const baseName = list === 'candidate' ? 'candidate-list-of-svhc-for-authorisation-export' : 'restriction-list-export';
  if (container === 'csv') {
    const filters = list === 'candidate'
      ? ['Substance Identifier', language === 'nl' ? 'Reden voor opname ' : 'Reason for inclusion', language === 'nl' ? 'Datum van opname  (from)' : 'Date of inclusion From', language === 'nl' ? 'Datum van opname  (to)' : 'Date of inclusion To']
      : ['Substance Identifier', 'Entry no.'];
    return { fileName: `${baseName}.csv`, bytes: encode(legacyCsv(title, exportDate, header, rows, filters)), expected };
  }
  const bytes = await workbookBytes((wb) => {
    addSheet(wb, 'results', [[title], ['Note: Group entries are split in different rows.'], [], [...header], ...rows]);
    addSheet(wb, 'criteria', [[title], [`Export date: ${exportDate}`], [], [], ['Substance Identifier']]);
  });
  return { fileName: `${baseName}.xlsx`, bytes, expected };
}

// --- CLP Annex VI official Excel (README §5, file #9) ------------------------------------------------------------

const ANNEX_VI_HEADER = ['Index No', 'ATP', 'CELEX', 'Chemical Name', 'EC No', 'CAS No', 'Hazard Class and Category Code(s)', 'Classification Hazard Statement Code(s)', 'Labelling Pictogram, Signal Word Code(s)', 'Labelling Hazard Statement Code(s)', 'Labelling Suppl. Hazard Statement Code(s)', 'M, SCL, ATE', 'Notes', 'Comment', 'In application', 'EUR-Lex Link'];
const CELEX_LINK = (celex: string) => `https://eur-lex.europa.eu/legal-content/EN/TXT/?uri=CELEX:${celex}`;
const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

function annexViRow(index: string, atp: string, celex: string, name: string, ec: string, cas: string, classes: string, codes: string, scl: string, notes: string, inApplication: Date): Cell[] {
  return [index, atp, celex, name, ec, cas, classes, codes, 'GHS08\nDgr', codes, '', scl, notes, '', inApplication, CELEX_LINK(celex)];
}

const ANNEX_VI_ROWS: Cell[][] = [
  annexViRow('001-001-00-9', 'CLP00', '32008R1272', 'hydrogen', '215-605-7', '1333-74-0', 'Flam. Gas 1\nPress. Gas', 'H220', '', 'U', utc(2010, 12, 1)),
  // Two substances under one index number, marked [1] [2].
  annexViRow('005-007-00-2', 'ATP20', '32023R1435', 'boric acid [1]\nboric acid [2]', '233-139-2 [1]\n234-343-4 [2]', '10043-35-3 [1]\n11113-50-1 [2]', 'Repr. 1B', 'H360FD', '', '11', utc(2025, 2, 1)),
  annexViRow('082-001-00-6', 'CLP00', '32008R1272', 'lead compounds with the exception of those specified elsewhere in this Annex', '-', '-',
    'Repr. 1A\nAcute Tox. 4 *\nAcute Tox. 4 *\nSTOT RE 2 *\nAquatic Acute 1\nAquatic Chronic 1', 'H360Df\nH332\nH302\nH373 **\nH400\nH410',
    'Repr. 2; H361f: C ≥ 2.5%\n*\nSTOT RE 2; H373: C ≥ 0.5%', 'A\n1', utc(2010, 12, 1)),
  // SCL in E notation (real for bromadiolone) and M-factors.
  annexViRow('607-716-00-8', 'ATP09', '32016R1179', 'bromadiolone (ISO); 3-[3-(4′-bromobiphenyl-4-yl)-3-hydroxy-1-phenylpropyl]-4-hydroxy-2H-chromen-2-one', '249-205-9', '28772-56-7',
    'Repr. 1B\nAcute Tox. 1\nAcute Tox. 1\nAcute Tox. 1\nSTOT RE 1\nAquatic Acute 1\nAquatic Chronic 1', 'H360D\nH330\nH310\nH300\nH372 (blood)\nH400\nH410',
    'Repr. 1B; H360D: C ≥ 0.003%\nSTOT RE 1; H372: C ≥ 0.005%\nSTOT RE 2; H373: 5.0E-4% ≤ C < 0.005%\nM = 1\nM = 1', '', utc(2018, 3, 1)),
  annexViRow('006-015-00-9', 'ATP21', '32024R0197', 'diuron (ISO); 3-(3,4-dichlorophenyl)–1,1-dimethylurea', '206-354-4', '330-54-1', 'Carc. 1B\nSTOT RE 2\nAquatic Acute 1\nAquatic Chronic 1', 'H350\nH373 (blood system)\nH400\nH410', 'M = 100\nM = 100', '', utc(2025, 9, 1)),
  annexViRow('005-005-00-1', 'ATP22', '32024R2564', 'trimethyl borate', '204-468-9', '121-43-7', 'Flam. Liq. 3\nRepr. 1B\nAcute Tox. 4 *', 'H226\nH360FD\nH312', '', '11', utc(2026, 5, 1)),
  annexViRow('008-004-00-4', 'ATP23', '32025R1222', 'ozone', '233-069-2', '10028-15-6', 'Ox. Gas 1\nCarc. 2\nMuta. 2\nAcute Tox. 1', 'H270\nH351\nH341\nH330', 'inhalation: ATE = 10.0 ppmV\nSTOT SE 1; H370: C ≥ 0.002%', '', utc(2027, 2, 1)),
  // The real CAS of dinitrogen oxide is 10024-97-2: a wrong check digit on purpose.
  annexViRow('007-031-00-9', 'ATP23', '32025R1222', 'dinitrogen oxide', '233-032-0', '10024-97-3', 'Repr. 1B\nSTOT SE 3\nSTOT RE 1\nOzone 1', 'H360Df\nH336\nH372 (nervous system)\nH420', '', '', utc(2027, 2, 1)),
];

/**
 * ECHA's `annex_vi_clp_table_atp23_en.xlsx` in small: sheet `ATP23` (disclaimer row 1, blank row 2, header row 3) and
 * a `History` sheet holding an outdated version of an entry, which must be ignored. Last modified 2025-10-29, like #9.
 */
export async function buildClpAnnexViXlsx(): Promise<ListFixture> {
  const disclaimer = 'DISCLAIMER:\nThis is an unofficial excel table containing the substances with harmonised classification and labelling up until the 23rd Adaptation to Technical Progress, i.e. Commission Delegated Regulation (EU) No 2025/1222 of 20 June 2025 amending Regulation (EC) No 1272/2008.';
  const bytes = await workbookBytes((wb) => {
    addSheet(wb, 'ATP23', [[disclaimer], [], ANNEX_VI_HEADER, ...ANNEX_VI_ROWS]);
    const history = addSheet(wb, 'History (placeholder)', [ANNEX_VI_HEADER, annexViRow('001-002-00-4', 'CLP00', '32008R1272', 'aluminium lithium hydride', '240-877-9', '16853-85-3', 'Water-react. 1', 'H260', '', '', utc(2010, 12, 1))]);
    // exceljs refuses the name "History" (it reserves it) although ECHA's file has such a sheet; set it underneath.
    (history as unknown as { _name: string })._name = 'History';
  }, utc(2025, 10, 29));
  return {
    fileName: 'annex_vi_clp_table_atp23_en.xlsx',
    bytes,
    expected: {
      format: 'clp-annex-vi-xlsx', listId: 'clp-annex-vi', entryCount: 8, rowCount: 8, listDate: '2025-09-01',
      keys: ['001-001-00-9', '005-007-00-2', '082-001-00-6', '607-716-00-8', '006-015-00-9', '005-005-00-1', '008-004-00-4', '007-031-00-9'],
      warningCount: 1, groupKeys: ['082-001-00-6'], elements: { '082-001-00-6': 'Pb' }, memberCounts: { '005-007-00-2': 2 },
      upcomingKeys: ['005-005-00-1', '008-004-00-4', '007-031-00-9'],
      cmrKeys: ['005-007-00-2', '082-001-00-6', '607-716-00-8', '006-015-00-9', '005-005-00-1', '007-031-00-9'],
    },
  };
}

// --- ChemSec SIN List (README §6) --------------------------------------------------------------------------------

const SIN_HEADER = ['CAS Number', 'EC Number', 'Name', 'Synonyms', 'SIN Groups', 'Date for inclusion on the SIN List', 'Reasons for inclusion on the SIN List', 'Health and envornmental concern', 'REACH status, appears on', 'Registration information', 'Registered production volume', '(Bio)monitoring data', 'Hazard class and category code(s)', 'Hazard statement code(s)'];

/** A SIN List export: sheet `SIN List` with bold rich-text headers, and a `SIN Producers` sheet that is ignored. */
export async function buildSinListXlsx(): Promise<ListFixture> {
  const rows: Cell[][] = [
    ['100-02-7', '202-811-7', '4-nitrophenol', 'p-nitrophenol; paranitrophenol', 'Nitro compounds', '2011 May', 'This substance inteferes with the hormone system and is a so called Endocrine Disrupting Chemical (EDC).', 'Endocrine disruptor, Equivalent concern', '', 'Intermediate registration', 'Intermediate Use Only', '', 'Acute Tox. 4 *\nAcute Tox. 4 *\nAcute Tox. 4 *\nSTOT RE 2 *', 'H332\nH312\nH302\nH373 **'],
    ['10009-20-8', '423-900-9', 'L-Lysine, N6-(2,2,2-trifluoroacetyl)-', '', 'PFAS', '2023 January', 'Do not degrade in the environment - a “forever chemical”.', 'Extremely persistent', '', 'NONS registration', 'Tonnage Data Confidential', '', '', ''],
    ['10124-36-4 / 31119-53-6', '233-331-6', 'Cadmium sulphate', 'Cadmiumsulfat', 'Cadmium compounds', '2008 September', 'Known or suspected to cause cancer, genetic defects or to damage fertility or the unborn child.', 'Carcinogenic, Mutagenic, Toxic to Reproduction', 'Candidate list, Restriction list (annex XVII)', '', '', '', 'Carc. 1B\nMuta. 1B\nRepr. 1B', 'H350\nH340\nH360FD'],
    // ChemSec's real EC typo (the check digit requires 239-793-5).
    ['15699-18-0', '239-793-2', 'diammonium nickel bis(sulfate)', '', 'Nickel compounds', '2009 October', 'Known or suspected to cause cancer, genetic defects or to damage fertility or the unborn child.', 'Carcinogenic, Mutagenic, Toxic to Reproduction', '', '', '', '', 'Carc. 1A\nMuta. 2\nRepr. 1B', 'H350i\nH341\nH360D***'],
    // A substance without a CAS number: ChemSec puts "EC-<EC number>" in the CAS column.
    ['EC-402-660-9', '402-660-9', 'Mixture of: disodium 4-(3-ethoxycarbonyl-4-(5-(3-ethoxycarbonyl-5-hydroxy-1-(4-sulfonatophenyl)pyrazol-4-yl)penta-2,4-dienylidene)-4,5-dihydro-5-oxopyrazol-1-yl)benzenesulfonate', '', 'Azo compounds', '2008 September', 'Known or suspected to cause cancer, genetic defects or to damage fertility or the unborn child.', 'Toxic to Reproduction', '', 'NONS registration', '', '', 'Repr. 1B\nAquatic Chronic 3', 'H360D ***\nH412'],
  ];
  const bytes = await workbookBytes((wb) => {
    const sheet = wb.addWorksheet('SIN List');
    sheet.addRow(SIN_HEADER.map((text) => ({ richText: [{ font: { bold: true, size: 12, name: 'Aptos Narrow' }, text }] })));
    for (const row of rows) sheet.addRow(row);
    addSheet(wb, 'SIN Producers', [['CAS Number', 'EC Number', 'Name', 'SIN Groups', 'Health and envornmental concern', 'Company Name'], ['10009-20-8', '423-900-9', 'L-Lysine, N6-(2,2,2-trifluoroacetyl)-', 'PFAS', 'Extremely persistent', 'Evonik Operations GmbH']]);
  }, utc(2025, 9, 26));
  return {
    fileName: 'SinList_result.xlsx',
    bytes,
    expected: {
      format: 'sin-list-xlsx', listId: 'chemsec-sin-list', entryCount: 5, rowCount: 5, listDate: '2023-01-01',
      keys: ['100-02-7', '10009-20-8', '10124-36-4 / 31119-53-6', '15699-18-0', 'EC-402-660-9'], warningCount: 1,
    },
  };
}

// --- RoHS Annex II CSV (README §7, file #11) --------------------------------------------------------------------

/** Part of the hand-compiled RoHS CSV: the four metals' and two flame retardants' group rows and one phthalate. */
export function buildRohsCsv(): ListFixture {
  const text = [
    'substance,abbreviation,cas_number,ec_number,is_group,max_concentration_pct_w_w,max_concentration_ppm,basis,applies_from_note,legal_source',
    'Lead,Pb,7439-92-1,231-100-4,true,0.1,1000,homogeneous material; element and all its compounds (calculated as Pb),2011 (recast); earlier under 2002/95/EC,Directive 2011/65/EU Annex II',
    'Cadmium,Cd,7440-43-9,231-152-8,true,0.01,100,homogeneous material; element and all its compounds (calculated as Cd),2011 (recast); earlier under 2002/95/EC,Directive 2011/65/EU Annex II',
    'Hexavalent chromium,Cr(VI),18540-29-9,,true,0.1,1000,homogeneous material; all Cr(VI) compounds (calculated as Cr(VI)),2011 (recast); earlier under 2002/95/EC,Directive 2011/65/EU Annex II',
    'Polybrominated diphenyl ethers,PBDE,,,true,0.1,1000,homogeneous material; group (all PBDE congeners incl. decaBDE 1163-19-5),2011 (recast); earlier under 2002/95/EC,Directive 2011/65/EU Annex II',
    'Bis(2-ethylhexyl) phthalate,DEHP,117-81-7,204-211-0,false,0.1,1000,homogeneous material,22 July 2019; 22 July 2021 for medical devices (cat. 8) and monitoring & control instruments (cat. 9),Delegated Directive (EU) 2015/863 amending Annex II',
    '',
  ].join('\n');
  return {
    fileName: 'rohs_annex_ii_restricted_substances.csv',
    bytes: encode(text),
    expected: {
      format: 'rohs-csv', listId: 'rohs-annex-ii', entryCount: 5, rowCount: 5, listDate: null,
      keys: ['Pb', 'Cd', 'Cr(VI)', 'PBDE', 'DEHP'], warningCount: 0, groupKeys: ['Pb', 'Cd', 'Cr(VI)', 'PBDE'],
      elements: { Pb: 'Pb', Cd: 'Cd', 'Cr(VI)': 'Cr(VI)' },
    },
  };
}

// --- chemreg's own formats ---------------------------------------------------------------------------------------

/**
 * A custom list in chemreg's CSV format (a region's phase-out list). `delimiter: ';'` writes it as a spreadsheet in
 * a decimal-comma locale saves it: semicolons, `0,1`, and a byte-order mark.
 */
export function buildChemregCsv(options: { delimiter?: ',' | ';' } = {}): ListFixture {
  const d = options.delimiter ?? ',';
  const decimal = (n: string) => (d === ';' ? n.replace('.', ',') : n);
  const line = (fields: string[]) => fields.map((f) => (f.includes(d) || f.includes('"') || f.includes('\n') ? `"${f.replace(/"/gu, '""')}"` : f)).join(d);
  const rows = [
    ['name', 'cas', 'ec', 'index_number', 'limit_percent', 'basis', 'reason', 'hazard_codes'],
    ['Bisphenol A', '80-05-7', '201-245-8', '604-030-00-0', decimal('0.1'), 'homogeneous-material', 'Phase-out list 2024', ''],
    ['Phthalates: DEHP, DBP', '117-81-7|84-74-2', '', '', decimal('0.1'), 'article', 'Phase-out list 2024|Contract clause 4.2', ''],
    ['CMR 1A/1B', '', '', '', '', '', 'Phase-out criterion', 'H340|H350|H360'],
    // Triclosan's real CAS is 3380-34-5: a wrong check digit on purpose; the EC still identifies it.
    ['Triclosan', '3380-34-6', '222-182-2', '', '', '', 'Antimicrobial', ''],
    ['PVC', '', '', '', '', '', 'Material to avoid', ''],
  ];
  const text = `${d === ';' ? '\uFEFF' : ''}${rows.map(line).join('\r\n')}\r\n`;
  return {
    fileName: d === ';' ? 'phase-out-list-sv.csv' : 'phase-out-list.csv',
    bytes: encode(text),
    expected: {
      format: 'chemreg-csv', listId: null, entryCount: 5, rowCount: 5, listDate: null,
      keys: ['201-245-8', '117-81-7', 'cmr 1a/1b', '222-182-2', 'pvc'], warningCount: 1, groupKeys: ['pvc'],
    },
  };
}

/** A document in chemreg's JSON list format, written by hand (not by the serializer under test). */
export function buildChemregJson(options: { listId?: string; entries?: unknown[]; extra?: Record<string, unknown> } = {}): ListFixture {
  const entry = (key: string, name: string, cas: string[], ec: string[]) => ({
    key, name, description: null, cas, ec, indexNumbers: [], group: false, members: [], element: null, reasons: ['Phase-out list 2024'],
    dateOfInclusion: '2024-01-15', entryNumber: null, hazardClasses: [], hazardCodes: [], specificLimits: [],
    limit: { percent: 0.1, basis: 'article', scope: 'textiles', source: 'list' }, sunsetDate: null, latestApplicationDate: null,
    appliesFrom: null, upcoming: false, ruleHazardCodes: [], link: null,
  });
  const entries = options.entries ?? [entry('201-245-8', 'Bisphenol A', ['80-05-7'], ['201-245-8']), entry('204-211-0', 'Bis(2-ethylhexyl) phthalate', ['117-81-7'], ['204-211-0'])];
  const document = {
    chemreg: 'list', version: 1, listId: options.listId ?? 'region-stockholm-phase-out', name: 'Region Stockholm phase-out list', kind: 'custom',
    listDate: '2024-01-15', entries, ...options.extra,
  };
  return {
    fileName: 'region-stockholm-phase-out.json',
    bytes: encode(JSON.stringify(document, null, 2)),
    expected: {
      format: 'chemreg-json', listId: document.listId, entryCount: entries.length, rowCount: entries.length, listDate: '2024-01-15',
      keys: entries.map((e) => (e as { key: string }).key), warningCount: 0,
    },
  };
}

/** A regulatory list in chemreg's JSON format as the multipart body `POST /lists/import` takes: for route tests that need a list in place. */
export function chemregListForm(
  listId: string,
  entries: readonly ListEntry[],
  listDate = '2026-02-04',
  { kind = 'regulatory', name = listId }: { kind?: string; name?: string } = {},
): FormData {
  const json = JSON.stringify({ chemreg: 'list', version: 1, listId, name, kind, listDate, entries });
  const body = new FormData();
  body.append('file', new Blob([json], { type: 'application/json' }), `${listId}.json`);
  return body;
}

// --- files that are not lists ----------------------------------------------------------------------------------

/** Files an import must refuse, each with the error code it must give. */
export async function brokenListFiles(): Promise<Array<{ what: string; fileName: string; bytes: Uint8Array; code: 'LIST_FORMAT_UNKNOWN' | 'LIST_FILE_INVALID' }>> {
  const pdf = encode('%PDF-1.7\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj << /Type /Catalog >> endobj\n');
  pdf[10] = 0xff; // invalid UTF-8, like the binary part of a real PDF
  const zipHeaderOnly = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, 0x08, 0x00]);
  const otherWorkbook = await workbookBytes((wb) => addSheet(wb, 'Budget 2026', [['Item', 'Cost'], ['Gloves', 120]]));
  const unknownChemColumns = await workbookBytes((wb) => addSheet(wb, 'List_results', [['Substance name', 'EC number', 'CAS number', 'Colour'], ['Benzene', '200-753-7', '71-43-2', 'none']]));
  const chemWithoutRows = await workbookBytes((wb) => addSheet(wb, 'List_results', [CANDIDATE_HEADER]));
  return [
    { what: 'an empty file', fileName: 'empty.csv', bytes: new Uint8Array(0), code: 'LIST_FORMAT_UNKNOWN' },
    { what: 'a PDF', fileName: 'sds.pdf', bytes: pdf, code: 'LIST_FORMAT_UNKNOWN' },
    { what: 'plain text', fileName: 'notes.txt', bytes: encode('Remember to order gloves.\nAnd masks.\n'), code: 'LIST_FORMAT_UNKNOWN' },
    { what: 'JSON that is not a chemreg list', fileName: 'package.json', bytes: encode('{"name":"x","version":"1.0.0"}'), code: 'LIST_FORMAT_UNKNOWN' },
    { what: 'a workbook with other sheets', fileName: 'budget.xlsx', bytes: otherWorkbook, code: 'LIST_FORMAT_UNKNOWN' },
    { what: 'a List_results sheet with unknown columns', fileName: 'other_list_full.xlsx', bytes: unknownChemColumns, code: 'LIST_FORMAT_UNKNOWN' },
    { what: 'a damaged xlsx', fileName: 'candidate_list_full.xlsx', bytes: zipHeaderOnly, code: 'LIST_FILE_INVALID' },
    { what: 'a chemreg list cut off in transfer', fileName: 'region-list.json', bytes: encode('{"chemreg": "list", "version": 1, "entries": [{"key": '), code: 'LIST_FILE_INVALID' },
    { what: 'an ECHA CHEM export without data rows', fileName: 'candidate_list_full.xlsx', bytes: chemWithoutRows, code: 'LIST_FILE_INVALID' },
  ];
}
