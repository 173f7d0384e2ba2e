// ECHA CHEM "obligation list" exports (README "ECHA CHEM exports", files #1, #4, #5, #7, #8): one sheet
// `List_results`, header on row 1, data from row 2, `-` for missing values, `DD-Mon-YYYY` dates, newline-separated
// multi-valued cells. Which list a file is comes from its columns, not its name (users rename downloads).
//
// Keys (stable across versions of one list):
// - Candidate List, Annex XIV, POPs: first official EC number, else first CAS, else the normalised name
//   (common.ts identityKey);
// - Annex XVII: the entry number without leading zeros ("01" → "1", "50a"), the number the regulation gives it;
// - harmonised classification (CLP Annex VI): the index number.
import { parseIndexNumber } from '../../chemistry/identifiers.js';
import { blankEntry, WELL_KNOWN_LISTS, type ImportedList, type ListEntry, type WellKnownListId } from '../list-entry.js';
import { latestDate } from './dates.js';
import { invalidFile } from './errors.js';
import {
  addUnique, cellAt, cellValues, dateAt, elementOf, ensureUniqueKeys, findColumns, identityKey, isGroupName,
  joinDescription, nameOf, normaliseName, urlsIn, validCas, validEc, valueAt, Warnings, type Columns, type Table,
} from './common.js';
import { parseClpHazardLines } from './clp-hazards.js';

export type EchaChemList = 'candidate' | 'authorisation' | 'restriction' | 'pops' | 'harmonised';

export const ECHA_CHEM_LIST_IDS: Readonly<Record<EchaChemList, WellKnownListId>> = {
  candidate: 'echa-candidate-list',
  authorisation: 'reach-annex-xiv',
  restriction: 'reach-annex-xvii',
  pops: 'eu-pops',
  harmonised: 'clp-annex-vi',
};

export const ECHA_CHEM_SHEET = 'List_results';

// Header texts as ECHA CHEM prints them (README, per file). Only English exists: ECHA CHEM has no localised export.
const COLUMNS = {
  name: ['Substance name'],
  description: ['Description'],
  ec: ['EC number'],
  cas: ['CAS number'],
  dateOfInclusion: ['Date of inclusion'],
  reason: ['Reason for inclusion'],
  decision: ['Decision'],
  outcomeDate: ['Regulatory outcome date'],
  entryNumber: ['Entry number'],
  latestApplication: ['Latest application date'],
  latestApplicationRemarks: ['Latest application date remarks'],
  sunset: ['Sunset date'],
  sunsetRemarks: ['Sunset date remarks'],
  exemptions: ['Exempted (categories of) uses'],
  reviewPeriods: ['Review periods'],
  conditions: ['Conditions'],
  popsAnnex: ['POPs Regulation Annex'],
  indexNumber: ['Index number'],
  hazards: ['Hazard class, category and statement code(s)'],
  atp: ['ATP'],
  from: ['From'],
  to: ['To'],
} as const;
type Role = keyof typeof COLUMNS;
type Cols = Columns<Role>;

const REQUIRED: Readonly<Record<EchaChemList, readonly Role[]>> = {
  candidate: ['name', 'ec', 'cas', 'dateOfInclusion', 'reason'],
  authorisation: ['name', 'ec', 'cas', 'sunset', 'latestApplication'],
  restriction: ['name', 'ec', 'cas', 'entryNumber'],
  pops: ['name', 'ec', 'cas', 'popsAnnex'],
  harmonised: ['name', 'ec', 'cas', 'indexNumber', 'hazards'],
};

/**
 * Which ECHA CHEM list a header row belongs to, from the columns only that list has (README per file): Annex XIV
 * "Sunset date"; Annex XVII "Conditions" + "Entry number"; POPs "POPs Regulation Annex"; CLH "Index number" + "ATP";
 * Candidate List "Date of inclusion" + "Reason for inclusion" (checked last: Annex XIV also has a reason column).
 */
export function identifyEchaChemList(header: readonly string[]): EchaChemList | null {
  const c = findColumns(header, COLUMNS);
  if (c.name < 0) return null;
  if (c.sunset >= 0) return 'authorisation';
  if (c.conditions >= 0 && c.entryNumber >= 0) return 'restriction';
  if (c.popsAnnex >= 0) return 'pops';
  if (c.indexNumber >= 0 && c.atp >= 0) return 'harmonised';
  if (c.dateOfInclusion >= 0 && c.reason >= 0) return 'candidate';
  return null;
}

interface Row {
  row: number;
  cells: string[];
}

interface Identity {
  name: string;
  description: string | null;
  ec: string[];
  cas: string[];
}

function identity(r: Row, c: Cols, warnings: Warnings): Identity {
  return {
    name: nameOf(cellAt(r.cells, c.name)),
    description: valueAt(r.cells, c.description),
    ec: validEc(cellValues(cellAt(r.cells, c.ec), { commas: true }), { row: r.row, field: 'EC number' }, warnings),
    cas: validCas(cellValues(cellAt(r.cells, c.cas), { commas: true }), { row: r.row, field: 'CAS number' }, warnings),
  };
}

/**
 * Group and element facts of an entry (README "Group entries"; common.ts for the name patterns). The description
 * counts too: ECHA CHEM puts the scope of some groups there ("covering any of the individual isomers …").
 */
function groupFacts(name: string, ec: readonly string[], cas: readonly string[], description: string | null = null): Pick<ListEntry, 'group' | 'element'> {
  const element = elementOf(name);
  const named = isGroupName(name) || (description !== null && isGroupName(description));
  return { group: (ec.length === 0 && cas.length === 0) || named || element !== null, element };
}

function substanceEntry(id: Identity): ListEntry {
  return {
    ...blankEntry(identityKey(id.ec, id.cas, id.name), id.name),
    description: id.description,
    ec: id.ec,
    cas: id.cas,
    ...groupFacts(id.name, id.ec, id.cas, id.description),
  };
}

/**
 * Candidate List caveat (README §1 "duplicate rows"): each later regulatory outcome (an amendment adding a reason)
 * repeats the entry with the same name, EC, CAS and inclusion date. One row per entry is kept: the one with the
 * latest `Regulatory outcome date`, whose reasons are the most complete; on equal dates the later row. Applied to
 * Annex XIV and POPs too, which have the same columns and would show the same pattern after an amendment.
 */
function latestPerEntry(rows: Row[], c: Cols, warnings: Warnings): Row[] {
  const kept = new Map<string, { row: Row; outcome: string }>();
  for (const r of rows) {
    const dedupeKey = [normaliseName(nameOf(cellAt(r.cells, c.name))), cellAt(r.cells, c.ec), cellAt(r.cells, c.cas)].join('|');
    const outcome = dateAt(r.cells, c.outcomeDate, { row: r.row, field: 'Regulatory outcome date' }, warnings) ?? '';
    const previous = kept.get(dedupeKey);
    if (previous === undefined || outcome >= previous.outcome) kept.set(dedupeKey, { row: r, outcome });
  }
  // Map keeps first-insertion order: entries stay in file order.
  return [...kept.values()].map((k) => k.row);
}

function outcomeDates(rows: Row[], c: Cols): string[] {
  const silent = new Warnings(); // each date was already reported once, where the row was read
  return rows.map((r) => dateAt(r.cells, c.outcomeDate, { row: r.row, field: 'Regulatory outcome date' }, silent)).filter((d): d is string => d !== null);
}

function candidate(rows: Row[], c: Cols, warnings: Warnings): { entries: ListEntry[]; listDate: string | null } {
  const entries = latestPerEntry(rows, c, warnings).map((r) => ({
    ...substanceEntry(identity(r, c, warnings)),
    reasons: cellValues(cellAt(r.cells, c.reason)),
    dateOfInclusion: dateAt(r.cells, c.dateOfInclusion, { row: r.row, field: 'Date of inclusion' }, warnings),
    // One URL per decision, newest last (DBP: the 2008 inclusion, the 2017 and 2023 amendments): the newest is kept.
    link: urlsIn(cellAt(r.cells, c.decision)).at(-1) ?? null,
  }));
  // listDate: the latest date of inclusion or regulatory outcome in the file. An amendment that adds a reason to an
  // existing entry (a new outcome date, no new inclusion) changes the list as much as a new entry does.
  return { entries, listDate: latestDate([...entries.map((e) => e.dateOfInclusion), ...outcomeDates(rows, c)]) };
}

function authorisation(rows: Row[], c: Cols, warnings: Warnings): { entries: ListEntry[]; listDate: string | null } {
  const entries = latestPerEntry(rows, c, warnings).map((r) => {
    const base = substanceEntry(identity(r, c, warnings));
    const remark = (label: string, index: number) => {
      const text = valueAt(r.cells, index);
      return text === null ? null : `${label}: ${text}`;
    };
    return {
      ...base,
      description: joinDescription([
        base.description,
        remark('Latest application date remarks', c.latestApplicationRemarks),
        remark('Sunset date remarks', c.sunsetRemarks),
        remark('Exempted (categories of) uses', c.exemptions),
        remark('Review periods', c.reviewPeriods),
      ]),
      reasons: cellValues(cellAt(r.cells, c.reason)),
      // README §2: "Entry number is N/A throughout"; isMissing turns N/A into null.
      entryNumber: valueAt(r.cells, c.entryNumber),
      // The Commission regulation that put the substance on Annex XIV is its regulatory outcome.
      dateOfInclusion: dateAt(r.cells, c.outcomeDate, { row: r.row, field: 'Regulatory outcome date' }, new Warnings()),
      latestApplicationDate: dateAt(r.cells, c.latestApplication, { row: r.row, field: 'Latest application date' }, warnings),
      sunsetDate: dateAt(r.cells, c.sunset, { row: r.row, field: 'Sunset date' }, warnings),
    };
  });
  // listDate: the latest regulatory outcome date, i.e. the latest amendment of Annex XIV in the file.
  return { entries, listDate: latestDate(outcomeDates(rows, c)) };
}

/** Annex XVII entry numbers as keys: "01" and "1" are the same entry; letters stay ("18a", "50a"). */
export function restrictionEntryKey(entryNumber: string): string {
  return entryNumber.trim().toLowerCase().replace(/^0+(?=\d)/u, '');
}

function restriction(rows: Row[], c: Cols, warnings: Warnings): { entries: ListEntry[]; listDate: string | null } {
  // README §3: "237 rows, one per (entry, amending act)": fold them into one entry per entry number.
  const byEntry = new Map<string, Row[]>();
  for (const r of rows) {
    const number = valueAt(r.cells, c.entryNumber);
    if (number === null) {
      warnings.add(r.row, 'Entry number', `row without an entry number left out ("${cellAt(r.cells, c.name)}")`);
      continue;
    }
    const key = restrictionEntryKey(number);
    byEntry.set(key, [...(byEntry.get(key) ?? []), r]);
  }
  const entries = [...byEntry].map(([key, group]) => {
    const first = group[0] as Row;
    const ids = group.map((r) => identity(r, c, r === first ? warnings : new Warnings()));
    const id = ids[0] as Identity;
    const ec = addUnique([], ids.flatMap((i) => i.ec));
    const cas = addUnique([], ids.flatMap((i) => i.cas));
    const dates = [...new Set(outcomeDates(group, c))].sort();
    return {
      ...blankEntry(key, id.name),
      description: joinDescription([id.description, dates.length > 0 ? `Restriction decisions (regulatory outcome dates): ${dates.join(', ')}` : null]),
      ec,
      cas,
      ...groupFacts(id.name, ec, cas, id.description),
      entryNumber: valueAt(first.cells, c.entryNumber),
      // The first decision is when the substance was first restricted (under 76/769/EEC for the oldest entries).
      dateOfInclusion: dates[0] ?? null,
      link: valueAt(first.cells, c.conditions),
    };
  });
  // listDate: the latest regulatory outcome date (the latest amendment of Annex XVII in the file).
  return { entries, listDate: latestDate(outcomeDates(rows, c)) };
}

function pops(rows: Row[], c: Cols, warnings: Warnings): { entries: ListEntry[]; listDate: string | null } {
  const entries = latestPerEntry(rows, c, warnings).map((r) => ({
    ...substanceEntry(identity(r, c, warnings)),
    // README §4: `Annex I, part A`, `Annex III, part A/B`, `Annex IV`, newline-separated, kept as printed.
    entryNumber: cellValues(cellAt(r.cells, c.popsAnnex)).join('; ') || null,
    dateOfInclusion: dateAt(r.cells, c.dateOfInclusion, { row: r.row, field: 'Date of inclusion' }, warnings),
  }));
  // listDate: the latest date of inclusion or regulatory outcome in the file.
  return { entries, listDate: latestDate([...entries.map((e) => e.dateOfInclusion), ...outcomeDates(rows, c)]) };
}

function harmonised(rows: Row[], c: Cols, warnings: Warnings): { entries: ListEntry[]; listDate: string | null } {
  // README §5 file #8: an index entry with several substances or CAS numbers is split into one row per CAS; fold
  // them back into one entry per index number, the substances becoming members.
  const byIndex = new Map<string, Row[]>();
  for (const r of rows) {
    const index = parseIndexNumber(cellAt(r.cells, c.indexNumber));
    if (index.normalised === null) {
      warnings.add(r.row, 'Index number', `row left out ("${cellAt(r.cells, c.name)}"): ${index.reason ?? 'no index number'}`);
      continue;
    }
    if (!index.valid) warnings.add(r.row, 'Index number', `${index.reason ?? 'invalid index number'}; kept as printed because it is the entry's key`);
    byIndex.set(index.normalised, [...(byIndex.get(index.normalised) ?? []), r]);
  }
  const froms: string[] = [];
  const entries = [...byIndex].map(([index, group]) => {
    const ids = group.map((r) => identity(r, c, warnings));
    const names = addUnique<string>([], ids.map((i) => i.name).filter((n) => n !== ''));
    const name = names.join('; ');
    const ec = addUnique([], ids.flatMap((i) => i.ec));
    const cas = addUnique([], ids.flatMap((i) => i.cas));
    const hazards = parseClpHazardLines(group.map((r) => cellAt(r.cells, c.hazards)).join('\n'));
    const from = latestDate(group.map((r) => dateAt(r.cells, c.from, { row: r.row, field: 'From' }, warnings)));
    if (from !== null) froms.push(from);
    const to = latestDate(group.map((r) => dateAt(r.cells, c.to, { row: r.row, field: 'To' }, warnings)));
    const atp = addUnique<string>([], group.map((r) => cellAt(r.cells, c.atp)).filter((a) => a !== ''));
    return {
      ...blankEntry(index, name),
      description: joinDescription([
        atp.length > 0 ? `ATP: ${atp.join(', ')}` : null,
        // README: `To` marks entries a later ATP replaces (30-Apr-2026 → ATP22, 31-Jan-2027 → ATP23).
        to !== null ? `In application until ${to}, then replaced by a later ATP` : null,
      ]),
      ec,
      cas,
      indexNumbers: [index],
      members: group.length > 1 ? ids.map((i) => ({ name: i.name, cas: i.cas[0] ?? null, ec: i.ec[0] ?? null })) : [],
      ...groupFacts(name, ec, cas),
      hazardClasses: hazards.classes,
      hazardCodes: hazards.codes,
      appliesFrom: from,
    };
  });
  // listDate: the latest `From` (ECHA CHEM lists only entries in application, so it is the latest ATP's date).
  return { entries, listDate: latestDate(froms) };
}

const BUILDERS: Readonly<Record<EchaChemList, (rows: Row[], c: Cols, w: Warnings) => { entries: ListEntry[]; listDate: string | null }>> = {
  candidate, authorisation, restriction, pops, harmonised,
};

/** Imports the `List_results` sheet of an ECHA CHEM export of the given list. */
export function importEchaChem(table: Table, list: EchaChemList, fileName: string): ImportedList {
  const c = findColumns(table.header, COLUMNS);
  const missing = REQUIRED[list].filter((role) => c[role] < 0);
  if (missing.length > 0) {
    const names = missing.map((role) => COLUMNS[role][0]).join(', ');
    throw invalidFile(`${fileName} looks like an ECHA CHEM export but lacks the column(s) ${names}`, `the columns ${names} on row 1 of sheet ${ECHA_CHEM_SHEET}`, missing.map((role) => COLUMNS[role][0]).join(', '));
  }
  const warnings = new Warnings();
  const rows = table.rows.filter((r) => cellAt(r.cells, c.name) !== '' || cellAt(r.cells, c.ec) !== '' || cellAt(r.cells, c.cas) !== '');
  if (rows.length === 0) throw invalidFile(`${fileName} has no data rows`, `substance rows from row 2 of sheet ${ECHA_CHEM_SHEET}`, ECHA_CHEM_SHEET);
  for (const r of rows) if (cellAt(r.cells, c.name) === '') warnings.add(r.row, 'Substance name', 'row without a substance name');
  const built = BUILDERS[list](rows.filter((r) => cellAt(r.cells, c.name) !== ''), c, warnings);
  const listId = ECHA_CHEM_LIST_IDS[list];
  return {
    listId,
    name: WELL_KNOWN_LISTS[listId],
    kind: list === 'harmonised' ? 'classification' : 'regulatory',
    format: 'echa-chem-xlsx',
    listDate: built.listDate,
    rowCount: rows.length,
    entries: ensureUniqueKeys(built.entries, warnings),
    warnings: warnings.list,
  };
}
