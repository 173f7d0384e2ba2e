// RoHS Directive 2011/65/EU Annex II as amended by Delegated Directive (EU) 2015/863 (README §7, file #11): the
// hand-compiled CSV with columns `substance, abbreviation, cas_number, ec_number, is_group, max_concentration_pct_w_w,
// max_concentration_ppm, basis, applies_from_note, legal_source`. Maximum concentration values apply by weight in
// homogeneous materials (Annex II), 0.1 % except cadmium 0.01 %.
//
// Key: the abbreviation (Pb, Cd, Cr(VI), PBDE, DEHP …), the short name Annex II and every RoHS declaration use; the
// CAS numbers of the metal groups are "for orientation only" (README) and PBDE has none.
import { blankEntry, WELL_KNOWN_LISTS, type ImportedList, type ListEntry } from '../list-entry.js';
import { findLongDate } from './dates.js';
import { invalidFile } from './errors.js';
import { cellAt, cellValues, ensureUniqueKeys, findColumns, joinDescription, normaliseHeader, validCas, validEc, valueAt, Warnings } from './common.js';
import { decodeUtf8, isBlankRecord, parseDelimited } from './csv.js';

const COLUMNS = {
  substance: ['substance'],
  abbreviation: ['abbreviation'],
  cas: ['cas_number'],
  ec: ['ec_number'],
  isGroup: ['is_group'],
  percent: ['max_concentration_pct_w_w'],
  basis: ['basis'],
  appliesFrom: ['applies_from_note'],
  legalSource: ['legal_source'],
} as const;

// Annex II restricts the metals "and their compounds", calculated as the metal or ion: element rules apply to these.
const ELEMENT_OF_ABBREVIATION: Readonly<Record<string, string>> = { Pb: 'Pb', Hg: 'Hg', Cd: 'Cd', 'Cr(VI)': 'Cr(VI)' };

/** Whether a first CSV line is the RoHS CSV header. */
export function isRohsHeader(fields: readonly string[]): boolean {
  const names = fields.map(normaliseHeader);
  return names.includes('substance') && names.includes('abbreviation') && names.includes('max_concentration_pct_w_w');
}

export function importRohsCsv(bytes: Uint8Array, fileName: string): ImportedList {
  const text = decodeUtf8(bytes);
  if (text === null) throw invalidFile(`${fileName} is not UTF-8 text`, 'the RoHS Annex II CSV in UTF-8', 'file');
  const records = parseDelimited(text, ',').filter((r) => !isBlankRecord(r));
  const header = records[0]?.fields ?? [];
  const c = findColumns(header, COLUMNS);
  if (c.substance < 0 || c.percent < 0) {
    throw invalidFile(`${fileName} lacks the substance or max_concentration_pct_w_w column`, 'the RoHS CSV header substance,abbreviation,cas_number,…', 'header');
  }
  const warnings = new Warnings();
  const rows = records.slice(1);
  const entries: ListEntry[] = [];
  for (const { line, fields } of rows) {
    const name = cellAt(fields, c.substance);
    if (name === '') {
      warnings.add(line, 'substance', 'row without a substance left out');
      continue;
    }
    const abbreviation = valueAt(fields, c.abbreviation);
    const percentText = cellAt(fields, c.percent).replace(',', '.');
    const percent = Number(percentText);
    const hasLimit = percentText !== '' && Number.isFinite(percent) && percent >= 0 && percent <= 100;
    if (!hasLimit) warnings.add(line, 'max_concentration_pct_w_w', `"${cellAt(fields, c.percent)}" is not a percentage; the entry has no limit`);
    const appliesNote = valueAt(fields, c.appliesFrom);
    const legalSource = valueAt(fields, c.legalSource);
    const isGroup = cellAt(fields, c.isGroup).toLowerCase() === 'true';
    entries.push({
      ...blankEntry(abbreviation ?? name, name),
      description: joinDescription([valueAt(fields, c.basis), appliesNote === null ? null : `Applies from: ${appliesNote}`]),
      cas: validCas(cellValues(cellAt(fields, c.cas), { commas: true }), { row: line, field: 'cas_number' }, warnings),
      ec: validEc(cellValues(cellAt(fields, c.ec), { commas: true }), { row: line, field: 'ec_number' }, warnings),
      group: isGroup,
      element: abbreviation === null ? null : (ELEMENT_OF_ABBREVIATION[abbreviation] ?? null),
      limit: hasLimit
        ? {
            percent,
            basis: 'homogeneous-material',
            scope: `electrical and electronic equipment (Directive 2011/65/EU)${appliesNote === null ? '' : `; applies from ${appliesNote}`}`,
            source: 'list',
            ...(legalSource === null ? {} : { reference: legalSource }),
          }
        : null,
      // The first full date in applies_from_note ("22 July 2019; 22 July 2021 for …"): when the general restriction
      // began. The notes of the original six say only "2011 (recast)", so they have none.
      appliesFrom: appliesNote === null ? null : findLongDate(appliesNote),
    });
  }
  if (entries.length === 0) throw invalidFile(`${fileName} has no substance rows`, 'one restricted substance per line below the header', null);
  return {
    listId: 'rohs-annex-ii',
    name: WELL_KNOWN_LISTS['rohs-annex-ii'],
    kind: 'regulatory',
    format: 'rohs-csv',
    // The CSV states no date of its own.
    listDate: null,
    rowCount: rows.length,
    entries: ensureUniqueKeys(entries, warnings),
    warnings: warnings.list,
  };
}
