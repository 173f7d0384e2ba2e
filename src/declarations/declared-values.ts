// The values every declaration format carries, checked and normalised the same way: identifiers (kept with their
// original text; a wrong check digit is kept and flagged, never dropped), concentrations (value or range in %, ppm or
// mg/kg, converted to %; impossible ones refused) and masses (to mg). Parsers collect the issues with the path of the
// offending element or row, and refuse the declaration with all of them at once.
import { parseConcentration, toPercent } from '../chemistry/concentration.js';
import { parseCas, parseEc } from '../chemistry/identifiers.js';
import type { ConcentrationValue, IdentifierValue } from '../sds/extraction/facts.js';
import type { DeclarationWarning } from './declaration-content.js';

export interface DeclarationIssue {
  /** Where: `body.components[0].materials[1].substances[2].concentration.unit`, `row 14 column concentration`. */
  path: string;
  message: string;
}

/**
 * A declaration chemreg refuses. DECLARATION_FORMAT_UNKNOWN: not a declaration format chemreg reads (or malformed
 * JSON/XML); DECLARATION_INVALID: a known format with values that cannot be right, each named in `issues`.
 */
export class DeclarationError extends Error {
  constructor(
    readonly code: 'DECLARATION_FORMAT_UNKNOWN' | 'DECLARATION_INVALID',
    message: string,
    readonly issues: DeclarationIssue[],
  ) {
    super(message);
    this.name = 'DeclarationError';
  }
}

/** Throws DECLARATION_INVALID with every issue collected, when there is any. */
export function refuseIfAny(issues: readonly DeclarationIssue[], what = 'the declaration'): void {
  if (issues.length === 0) return;
  const shown = issues.slice(0, 3).map((i) => `${i.path}: ${i.message}`).join('; ');
  throw new DeclarationError('DECLARATION_INVALID', `${what} has ${issues.length} invalid value(s): ${shown}${issues.length > 3 ? '; …' : ''}`, [...issues]);
}

/**
 * A CAS RN or EC number as declared. A well-formed number with a wrong check digit is kept (`valid: false`) and
 * a warning names it: screening does not match on it, but an expert sees the typo. Blank → null.
 */
export function declaredIdentifier(kind: 'cas' | 'ec', raw: string | null | undefined, path: string, warnings: DeclarationWarning[]): IdentifierValue | null {
  const printed = raw?.trim() ?? '';
  if (printed === '') return null;
  const parsed = kind === 'cas' ? parseCas(printed) : parseEc(printed);
  const value: IdentifierValue = { printed, value: parsed.normalised ?? printed, valid: parsed.valid };
  if (!parsed.valid) {
    const problem = parsed.reason ?? `not a valid ${kind === 'cas' ? 'CAS RN' : 'EC number'}`;
    value.problem = problem;
    warnings.push({ path, message: `${kind === 'cas' ? 'CAS RN' : 'EC number'} "${printed}" kept but not used for matching: ${problem}` });
  }
  return value;
}

const UNITS: Readonly<Record<string, '%' | 'ppm' | 'mg/kg'>> = {
  '%': '%', 'wt%': '%', 'wt.%': '%', 'w/w%': '%', '% w/w': '%', percent: '%',
  ppm: 'ppm', 'ppm w/w': 'ppm',
  'mg/kg': 'mg/kg', 'mg kg-1': 'mg/kg', 'mg/kg w/w': 'mg/kg',
};
const PER_PERCENT = { '%': 1, ppm: 10_000, 'mg/kg': 10_000 } as const;

/** The concentration unit as chemreg knows it, or null for an unknown unit. Case and spacing are ignored. */
export function concentrationUnit(raw: string): '%' | 'ppm' | 'mg/kg' | null {
  return UNITS[raw.trim().toLowerCase().replace(/\s+/gu, ' ')] ?? null;
}

export interface DeclaredAmount {
  value?: number | null | undefined;
  min?: number | null | undefined;
  max?: number | null | undefined;
  unit: string;
}

const toPercentValue = (n: number, unit: '%' | 'ppm' | 'mg/kg'): number => Number((n / PER_PERCENT[unit]).toPrecision(15));
const format = (n: number): string => String(Number(n.toPrecision(12)));

/**
 * A concentration declared as a value or a range with a unit, in % w/w; the issues when it cannot be right: an
 * unknown unit, a negative value, min above max, or more than 100 %. `path` names the concentration element.
 */
export function declaredConcentration(amount: DeclaredAmount, path: string, issues: DeclarationIssue[]): ConcentrationValue | null {
  const unit = concentrationUnit(amount.unit);
  if (unit === null) {
    issues.push({ path: `${path}.unit`, message: `unknown unit "${amount.unit}"; expected %, ppm or mg/kg` });
    return null;
  }
  const single = amount.value ?? null;
  const min = single ?? amount.min ?? null;
  const max = single ?? amount.max ?? null;
  if (single !== null && (amount.min != null || amount.max != null)) {
    issues.push({ path, message: 'give either a value or a range (min, max), not both' });
    return null;
  }
  if (min === null && max === null) {
    issues.push({ path, message: 'a concentration needs a value, or a min and/or max' });
    return null;
  }
  for (const [field, n] of [['value', single], ['min', amount.min], ['max', amount.max]] as const) {
    if (n == null) continue;
    if (!Number.isFinite(n) || n < 0) {
      issues.push({ path: `${path}.${field}`, message: `${n} is not a concentration: expected a number ≥ 0` });
      return null;
    }
  }
  if (min !== null && max !== null && min > max) {
    issues.push({ path, message: `min ${min} is above max ${max}` });
    return null;
  }
  const minPercent = min === null ? null : toPercentValue(min, unit);
  const maxPercent = max === null ? null : toPercentValue(max, unit);
  const highest = maxPercent ?? minPercent ?? 0;
  if (highest > 100) {
    issues.push({ path, message: `${format(max ?? min ?? 0)} ${unit} is more than 100 % of the part it is declared in` });
    return null;
  }
  const text = single !== null ? `${format(single)} ${unit}` : min !== null && max !== null ? `${format(min)}–${format(max)} ${unit}` : min !== null ? `≥ ${format(min)} ${unit}` : `≤ ${format(max ?? 0)} ${unit}`;
  return {
    text, parsed: true, min: minPercent, max: maxPercent, minInclusive: minPercent !== null, maxInclusive: maxPercent !== null,
    unit: '%', approximate: false, basis: 'w/w',
  };
}

/**
 * A concentration declared as text (a spreadsheet cell: "0,05 %", "500 ppm", "0.1-1 %", "< 0.1 %"), read with the SDS
 * concentration parser and converted to %. A missing unit is refused: in a declaration, unlike an SDS table, there is
 * no column header to take it from. Blank → null.
 */
export function declaredConcentrationText(raw: string | null | undefined, path: string, issues: DeclarationIssue[]): ConcentrationValue | null {
  const text = raw?.trim() ?? '';
  if (text === '') return null;
  const parsed = parseConcentration(text);
  if (!parsed.parsed || parsed.problem !== undefined) {
    issues.push({ path, message: `"${text}" is not a concentration${parsed.problem ? `: ${parsed.problem}` : ''}; expected e.g. "0.05 %", "500 ppm", "0.1-1 %"` });
    return null;
  }
  if (parsed.unit === null) {
    issues.push({ path, message: `"${text}" has no unit; expected %, ppm or mg/kg` });
    return null;
  }
  const p = toPercent(parsed);
  if (p.min !== null && p.max !== null && p.min > p.max) {
    issues.push({ path, message: `"${text}": the lower bound is above the upper bound` });
    return null;
  }
  if ((p.max ?? p.min ?? 0) > 100) {
    issues.push({ path, message: `"${text}" is more than 100 % of the part it is declared in` });
    return null;
  }
  // `text` stays as the supplier wrote it ("500 ppm"); min and max are now in %.
  return { ...p, text, basis: p.basis ?? 'w/w' };
}

const MASS_UNITS: Readonly<Record<string, number>> = { mg: 1, g: 1_000, kg: 1_000_000, µg: 0.001, ug: 0.001, mcg: 0.001 };

/** A mass with its unit (mg, g, kg, µg), in mg; an issue for an unknown unit or a negative or non-finite value. */
export function declaredMassMg(value: number | null | undefined, unit: string | null | undefined, path: string, issues: DeclarationIssue[]): number | null {
  if (value == null) return null;
  const factor = MASS_UNITS[(unit ?? '').trim().toLowerCase()];
  if (factor === undefined) {
    issues.push({ path: `${path}.unit`, message: `unknown mass unit "${unit ?? ''}"; expected mg, g, kg or µg` });
    return null;
  }
  if (!Number.isFinite(value) || value < 0) {
    issues.push({ path, message: `${value} is not a mass: expected a number ≥ 0` });
    return null;
  }
  return Number((value * factor).toPrecision(15));
}

/** A SCIP number is a UUID (ECHA's SCIP database); kept as given, lower-cased. Issue otherwise. */
export function scipNumber(raw: string, path: string, issues: DeclarationIssue[]): string | null {
  const value = raw.trim().toLowerCase();
  if (/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/u.test(value)) return value;
  issues.push({ path, message: `"${raw}" is not a SCIP number; expected a UUID such as 3fa85f64-5717-4562-b3fc-2c963f66afa6` });
  return null;
}

const formatMass = (n: number): string => String(Number(n.toPrecision(6)));

/**
 * The concentration a substance's declared mass gives in a part of known mass, in % (the text says how it was
 * derived); an issue when the substance would weigh more than its part.
 */
export function concentrationFromMasses(substanceMg: number, partMg: number, path: string, issues: DeclarationIssue[]): ConcentrationValue | null {
  const percent = Number(((substanceMg / partMg) * 100).toPrecision(12));
  if (percent > 100) {
    issues.push({ path, message: `the substance's mass ${formatMass(substanceMg)} mg is more than the ${formatMass(partMg)} mg of the part it is declared in` });
    return null;
  }
  const concentration = declaredConcentration({ value: percent, unit: '%' }, path, issues);
  return concentration === null ? null : { ...concentration, text: `${formatMass(percent)} % (${formatMass(substanceMg)} mg of ${formatMass(partMg)} mg)` };
}
