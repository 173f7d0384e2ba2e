// A revision's section 3 as screening reads it, stored with the revision as one JSON string (`screening`): a full
// re-screen reads it for every product, and one string decodes several times faster than ~30 BSON values per
// substance. Each substance is a positional array rather than an object: without the keys the text is less than half
// as long, and decoding it (UTF-8, then JSON) is most of what the re-screen's main thread does per product.
//
// Only identifiers whose check digit holds are kept: screening never matches on the others. The string decodes straight
// into the objects the matcher reads, one per row, so that what it touches for a substance is allocated together (a
// full re-screen reads 800,000 of them; an intermediate object per row doubled the allocations and scattered them).
// Revisions stored while the form was still one object per substance are read as well.
import type { ScreenedSubstance } from '../screening/screening.types.js';
import type { SdsRevision } from './sds.schema.js';

type SubstanceFact = SdsRevision['facts']['substances'][number];
type Concentration = NonNullable<SubstanceFact['concentration']>;
type ScreenedIdentifier = Pick<NonNullable<SubstanceFact['cas']>, 'value' | 'valid'>;

/**
 * A section 3 row as screening reads it: identifiers without their printed form, problem or REACH registration. An
 * identifier that is null is absent (projecting `cas.value` out of a null `cas` yields nothing, as in MongoDB).
 */
export interface ScreenedSubstanceFact extends Pick<SubstanceFact, 'name' | 'concentration' | 'hazardCodes' | 'evidence'> {
  cas?: ScreenedIdentifier | null;
  ec?: ScreenedIdentifier | null;
  indexNumber?: ScreenedIdentifier | null;
}

/** [text, parsed, min, max, minInclusive, maxInclusive, unit, approximate, basis, problem?] */
type PackedConcentration = [string, boolean, number | null, number | null, boolean, boolean, Concentration['unit'], boolean, Concentration['basis'], string?];
/** [name, valid CAS, valid EC, valid index number, concentration, hazard codes, evidence page, evidence quote] */
type PackedSubstance = [string | null, string | null, string | null, string | null, PackedConcentration | null, string[], number | null, string | null];

const validValue = (id: ScreenedIdentifier | null | undefined): string | null => (id?.valid ? id.value : null);

function packConcentration(c: Concentration): PackedConcentration {
  const packed: PackedConcentration = [c.text, c.parsed, c.min, c.max, c.minInclusive, c.maxInclusive, c.unit, c.approximate, c.basis];
  if (c.problem !== undefined) packed.push(c.problem);
  return packed;
}

function unpackConcentration([text, parsed, min, max, minInclusive, maxInclusive, unit, approximate, basis, problem]: PackedConcentration): Concentration {
  const concentration: Concentration = { text, parsed, min, max, minInclusive, maxInclusive, unit, approximate, basis };
  if (problem !== undefined) concentration.problem = problem;
  return concentration;
}

/** The `screening` string stored with a revision whose section 3 is `substances`. */
export function screeningFormOf(substances: readonly SubstanceFact[]): string {
  return JSON.stringify(substances.map((s): PackedSubstance => [
    s.name, validValue(s.cas), validValue(s.ec), validValue(s.indexNumber),
    s.concentration ? packConcentration(s.concentration) : null, s.hazardCodes,
    s.evidence ? s.evidence.page : null, s.evidence ? s.evidence.quote : null,
  ]));
}

/**
 * A section 3 row as screening reads it, from the revision's facts (or a row of the earlier object form). `ref` names
 * the row, which findings key on.
 */
export function screenedSubstanceOf(revisionId: string, row: number, fact: ScreenedSubstanceFact): ScreenedSubstance {
  return {
    ref: `sds:${revisionId}:${row}`, name: fact.name,
    cas: validValue(fact.cas), ec: validValue(fact.ec), indexNumber: validValue(fact.indexNumber),
    concentration: fact.concentration, hazardCodes: fact.hazardCodes,
    evidence: fact.evidence ? { source: 'sds', documentId: revisionId, page: fact.evidence.page, quote: fact.evidence.quote } : null,
  };
}

/** Section 3 as screening reads it, from a revision's `screening` string in either the positional or the object form. */
export function readScreeningForm(revisionId: string, text: string): ScreenedSubstance[] {
  const rows = JSON.parse(text) as Array<PackedSubstance | ScreenedSubstanceFact>;
  const substances = new Array<ScreenedSubstance>(rows.length);
  for (let row = 0; row < rows.length; row++) {
    const packed = rows[row]!;
    if (!Array.isArray(packed)) {
      substances[row] = screenedSubstanceOf(revisionId, row, packed);
      continue;
    }
    const [name, cas, ec, indexNumber, concentration, hazardCodes, page, quote] = packed;
    // The same fields in the same order as screenedSubstanceOf, so that both build objects of one shape.
    substances[row] = {
      ref: `sds:${revisionId}:${row}`, name, cas, ec, indexNumber,
      concentration: concentration ? unpackConcentration(concentration) : null, hazardCodes,
      evidence: quote === null ? null : { source: 'sds', documentId: revisionId, page, quote },
    };
  }
  return substances;
}
