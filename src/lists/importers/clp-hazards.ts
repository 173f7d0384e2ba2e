// CLP Annex VI Table 3 classification cells and specific concentration limits (CLP Regulation (EC) No 1272/2008,
// Annex VI Part 3; README §5). Shared by the official ECHA Excel (file #9) and the ECHA CHEM harmonised list (#8).
import { parseConcentration, toPercent } from '../../chemistry/concentration.js';
import { findHazardCodes } from '../../chemistry/hazard-codes.js';
import type { SpecificLimit } from '../list-entry.js';
import { addUnique } from './common.js';

export interface ClpHazards {
  /** Hazard class and category codes as printed ("Carc. 1B", "Acute Tox. 4"), without the minimum-classification asterisks. */
  classes: string[];
  /** H and EUH codes as printed ("H350i", "H360FD"), without asterisks. */
  codes: string[];
}

/** Annex VI §1.2.1: `*` marks a minimum classification, `**` an unknown exposure route; they qualify, not name, the class. */
function stripAsterisks(text: string): string {
  return text.replace(/\s*\*+\s*$/u, '').trim();
}

function codesIn(text: string): string[] {
  const found = findHazardCodes(text);
  return [...found.hazard, ...found.euh].map((c) => c.code);
}

/**
 * Classification cells. The official Excel has classes and H codes in two columns, one per line; ECHA CHEM merges
 * them as `Carc. 1B, H350` per line (README §5 file #8). Both shapes are read: a line is split at its first H/EUH code.
 */
export function parseClpHazardLines(classText: string, codeText = ''): ClpHazards {
  const classes: string[] = [];
  const codes: string[] = [];
  for (const line of classText.split(/\r?\n/u)) {
    const text = line.trim();
    if (text === '' || text === '-') continue;
    const codeAt = text.search(/,?\s*\b(?:EU)?H\d{3}/u);
    const cls = stripAsterisks(codeAt < 0 ? text : text.slice(0, codeAt));
    if (cls !== '') addUnique(classes, [cls]);
    if (codeAt >= 0) addUnique(codes, codesIn(text.slice(codeAt)));
  }
  addUnique(codes, codesIn(codeText));
  return { classes, codes };
}

/** CMR category 1A/1B, the usual contract criterion (domain.md "Lists"; README §5 counts 1,150 such entries in #9). */
export const CMR_1A_1B = /(Carc|Muta|Repr)\. 1[AB]?/u;

export interface ParsedLimits {
  limits: SpecificLimit[];
  /** M-factors (`M = 10`), ATEs (`oral: ATE = 890.0 mg/kg bw`) and notes (`*`): kept as text for the description. */
  other: string[];
  /** Lines that look like an SCL but could not be read. */
  problems: string[];
}

// "5.0E-4% ≤ C < 0.002%" occurs in #9 (ECHA writes very small limits in E notation); parseConcentration reads plain
// decimals only, so E notation is expanded first.
function expandExponents(text: string): string {
  return text.replace(/(\d+(?:[.,]\d+)?)[eE]([-+]?\d+)/gu, (_, mantissa: string, exponent: string) => {
    const value = Number(mantissa.replace(',', '.')) * 10 ** Number(exponent);
    return Number(value.toPrecision(12)).toFixed(12).replace(/\.?0+$/u, '');
  });
}

// One SCL line of the `M, SCL, ATE` column: `<class and category>; <H code>: <limit>` or `<EUH code>: <limit>`,
// where the limit uses the concentration variable C (`C ≥ 0,3 %`, `14.0% ≤ C < 22.0%`). Trailing asterisks
// (`****`) refer to Annex VI notes and are dropped.
const SCL_LINE = /^(?<hazard>[^:]+?)\s*:\s*(?<limit>[^:]*\bC\b[^:]*)$/u;

/** Reads the `M, SCL, ATE` cell into specific concentration limits and the rest. */
export function parseSpecificLimits(cell: string): ParsedLimits {
  const out: ParsedLimits = { limits: [], other: [], problems: [] };
  for (const raw of cell.split(/\r?\n/u)) {
    const line = raw.trim();
    if (line === '' || line === '-') continue;
    const match = /\bATE\b|^M\s*=/u.test(line) ? null : SCL_LINE.exec(stripAsterisks(line));
    if (match === null) {
      out.other.push(line);
      continue;
    }
    const hazard = (match.groups?.['hazard'] ?? '').trim();
    const limitText = match.groups?.['limit'] ?? '';
    const concentration = toPercent(parseConcentration(expandExponents(limitText)));
    if (!concentration.parsed || concentration.problem !== undefined || (concentration.unit !== '%' && concentration.unit !== null)) {
      out.problems.push(`specific concentration limit not read: "${line}"${concentration.problem ? ` (${concentration.problem})` : ''}`);
      continue;
    }
    // An upper bound only (`STOT SE 3; H335: C < 10.0%`) applies from 0 %.
    out.limits.push({ hazard: hazard.slice(0, 100), minPercent: concentration.min ?? 0, text: line.slice(0, 500) });
  }
  return out;
}
