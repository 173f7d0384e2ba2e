// A declaration's substances as screening reads them (issue 6: declarations "feed screening exactly like SDS
// composition (per homogeneous material where declared, so RoHS-style 'per homogeneous material' and the Candidate
// List's 'per article' thresholds can be evaluated correctly)").
//
// Each substance gets two concentrations:
// - `concentration`: in the article it sits in — the component article when it is declared in a component (REACH
//   Art. 33 applies to each component article, CJEU C-106/14), the product otherwise. For a substance declared in a
//   homogeneous material this is computed from the masses; without them it is only known to be at most the
//   concentration in the material, and is given as that upper bound, so a test against it is honest ("below" only
//   when even the material's concentration is below the limit; otherwise indeterminate);
// - `materialConcentration`: in the homogeneous material (what RoHS Annex II limits). Declared directly for a material's
//   substances; for one declared on a component or the product as a whole, the concentration in whichever of its
//   materials holds it is at least the declared one, so it is given as that lower bound.
import type { Concentration } from '../chemistry/concentration.js';
import type { ScreenedSubstance } from '../screening/screening.types.js';
import type { DeclarationContent, DeclaredComponent, DeclaredMaterial, DeclaredSubstance } from './declaration-content.js';

const scaled = (n: number | null, factor: number): number | null => (n === null ? null : Number((n * factor).toPrecision(12)));

function upperBound(c: Concentration, why: string): Concentration {
  return { ...c, text: `≤ ${c.text} (${why})`, min: null, minInclusive: false };
}

function lowerBound(c: Concentration, why: string): Concentration {
  return { ...c, text: `≥ ${c.text} (${why})`, max: null, maxInclusive: false };
}

/** The mass of a component article: as declared, else the sum of its materials when every one gives a mass. */
function componentMass(component: DeclaredComponent): number | null {
  if (component.massMg !== null) return component.massMg;
  if (component.materials.length === 0 || component.materials.some((m) => m.massMg === null)) return null;
  return component.materials.reduce((sum, m) => sum + (m.massMg ?? 0), 0);
}

function inArticle(c: Concentration, material: DeclaredMaterial, component: DeclaredComponent): Concentration {
  const articleMass = componentMass(component);
  if (material.massMg !== null && articleMass !== null && articleMass > 0) {
    const factor = material.massMg / articleMass;
    return { ...c, text: `${c.text} in ${material.name} (${material.massMg} mg of ${articleMass} mg in ${component.name})`, min: scaled(c.min, factor), max: scaled(c.max, factor) };
  }
  return upperBound(c, `in ${material.name}; its share of ${component.name} is not declared`);
}

function screened(
  revisionId: string,
  where: string,
  substance: DeclaredSubstance,
  concentration: Concentration | null,
  materialConcentration: Concentration | null,
): ScreenedSubstance {
  const cas = substance.cas?.valid ? substance.cas.value : null;
  const ec = substance.ec?.valid ? substance.ec.value : null;
  const quote = [where, substance.name, substance.cas ? `CAS ${substance.cas.printed}` : null, substance.ec ? `EC ${substance.ec.printed}` : null, substance.concentration?.text ?? null]
    .filter((part): part is string => part !== null && part !== '')
    .join(' | ');
  return {
    ref: `declaration:${revisionId}:${substance.path}`,
    name: substance.name,
    cas,
    ec,
    indexNumber: null,
    concentration,
    materialConcentration,
    // Declarations carry no classification per substance: hazard-code rules do not apply to them.
    hazardCodes: [],
    evidence: { source: 'declaration', documentId: revisionId, page: null, quote: `${substance.path}: ${quote}` },
  };
}

export function substancesOfDeclaration(revisionId: string, content: DeclarationContent): ScreenedSubstance[] {
  const out: ScreenedSubstance[] = [];
  for (const s of content.substances) {
    out.push(screened(revisionId, 'product', s, s.concentration, s.concentration && lowerBound(s.concentration, 'declared for the whole product')));
  }
  for (const component of content.components) {
    for (const s of component.substances) {
      out.push(screened(revisionId, component.name, s, s.concentration, s.concentration && lowerBound(s.concentration, `declared for ${component.name} as a whole`)));
    }
    for (const material of component.materials) {
      for (const s of material.substances) {
        out.push(screened(revisionId, `${component.name} / ${material.name}`, s, s.concentration && inArticle(s.concentration, material, component), s.concentration));
      }
    }
  }
  return out;
}
