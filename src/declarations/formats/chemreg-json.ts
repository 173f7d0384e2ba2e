// chemreg's own JSON declaration: the product, optionally its components and their homogeneous materials with
// masses, and the substances in each with CAS/EC/name and a concentration (a value or a range in %, ppm or mg/kg) or a
// mass; SCIP numbers, statements such as "no intentionally added PFAS", and the list versions the supplier declared
// against (issue 6). The zod schema below is the format's single source of truth (the API documents it); the values
// are then checked like every other format's (declared-values.ts).
import { z } from 'zod';
import { emptyContent, type DeclarationContent, type DeclaredComponent, type DeclaredMaterial, type DeclaredSubstance, type DeclarationWarning } from '../declaration-content.js';
import {
  DeclarationError, concentrationFromMasses, declaredConcentration, declaredIdentifier, declaredMassMg, refuseIfAny, scipNumber, type DeclarationIssue,
} from '../declared-values.js';

const Text = (max: number) => z.string().trim().min(1).max(max);

const Mass = z.strictObject({ value: z.number(), unit: Text(10).describe('mg, g, kg or µg') }).meta({ id: 'DeclaredMass' });

const Amount = z
  .strictObject({
    value: z.number().optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    unit: Text(20).describe('%, ppm or mg/kg (w/w)'),
  })
  .meta({ id: 'DeclaredConcentration', description: 'a value, or a range (min and/or max), in % w/w, ppm or mg/kg of the part it is declared in' });

const Substance = z
  .strictObject({
    name: Text(500).optional(),
    cas: Text(40).optional(),
    ec: Text(40).optional(),
    concentration: Amount.optional(),
    mass: Mass.optional().describe('the substance\'s mass in the part; with the part\'s mass it gives the concentration'),
  })
  .refine((s) => s.name !== undefined || s.cas !== undefined || s.ec !== undefined, { message: 'a substance needs a name, a CAS RN or an EC number', path: ['name'] })
  .meta({ id: 'JsonDeclarationSubstance' });

const Material = z
  .strictObject({ name: Text(300), mass: Mass.optional(), substances: z.array(Substance).max(500).default([]) })
  .meta({ id: 'JsonDeclarationMaterial', description: 'a homogeneous material' });

const Component = z
  .strictObject({
    name: Text(300),
    mass: Mass.optional(),
    materials: z.array(Material).max(500).default([]),
    substances: z.array(Substance).max(500).default([]).describe('substances declared for the component as a whole'),
  })
  .meta({ id: 'JsonDeclarationComponent', description: 'a component article' });

export const JsonDeclaration = z
  .strictObject({
    chemreg: z.literal('declaration'),
    version: z.literal(1),
    product: z.strictObject({ name: Text(300).optional(), number: Text(100).optional(), mass: Mass.optional() }).default({}),
    declaredAt: z.iso.date().optional(),
    scipNumbers: z.array(Text(100)).max(100).default([]),
    statements: z.array(z.strictObject({ code: Text(100).regex(/^[a-z0-9-]+$/u, 'lowercase words joined by dashes, e.g. no-intentionally-added-pfas'), text: Text(2000) })).max(50).default([]),
    declaredListVersions: z.array(z.strictObject({ list: Text(100), version: Text(100) })).max(50).default([]),
    substances: z.array(Substance).max(2000).default([]).describe('substances declared for the product as a whole'),
    components: z.array(Component).max(500).default([]),
  })
  .meta({ id: 'JsonDeclaration', description: 'chemreg\'s JSON product/article declaration' });
export type JsonDeclaration = z.infer<typeof JsonDeclaration>;

/** Whether the bytes look like JSON (first non-blank character `{`), for format detection. */
export function looksLikeJson(text: string): boolean {
  return /^\s*\{/u.test(text);
}

const pathOf = (segments: readonly PropertyKey[]): string =>
  segments.reduce<string>((out, s) => (typeof s === 'number' ? `${out}[${s}]` : out === '' ? String(s) : `${out}.${String(s)}`), '');

/** Parses chemreg's JSON declaration; throws DeclarationError naming every offending path. */
export function parseJsonDeclaration(text: string): DeclarationContent {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (err) {
    throw new DeclarationError('DECLARATION_FORMAT_UNKNOWN', `the file is not valid JSON: ${(err as Error).message}`, [{ path: 'body.file', message: 'expected a JSON object' }]);
  }
  if (typeof raw !== 'object' || raw === null || (raw as { chemreg?: unknown }).chemreg !== 'declaration') {
    throw new DeclarationError('DECLARATION_FORMAT_UNKNOWN', 'the JSON is not a chemreg declaration', [{ path: 'chemreg', message: 'expected "chemreg": "declaration" and "version": 1' }]);
  }
  const parsed = JsonDeclaration.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => ({ path: pathOf(i.path) || 'body.file', message: i.message }));
    refuseIfAny(issues);
  }
  return toContent(parsed.data!);
}

function toContent(json: JsonDeclaration): DeclarationContent {
  const issues: DeclarationIssue[] = [];
  const warnings: DeclarationWarning[] = [];
  const content = emptyContent('chemreg-json');

  const mass = (m: JsonDeclaration['product']['mass'], path: string): number | null => (m ? declaredMassMg(m.value, m.unit, `${path}.mass`, issues) : null);

  function substance(s: z.infer<typeof Substance>, path: string, partMassMg: number | null): DeclaredSubstance {
    const massMg = mass(s.mass, path);
    let concentration = s.concentration ? declaredConcentration(s.concentration, `${path}.concentration`, issues) : null;
    if (concentration === null && s.concentration === undefined && massMg !== null && partMassMg !== null && partMassMg > 0) {
      // A mass without a concentration: its share of the part it is declared in.
      concentration = concentrationFromMasses(massMg, partMassMg, `${path}.mass`, issues);
    }
    return {
      path,
      name: s.name ?? null,
      cas: declaredIdentifier('cas', s.cas, `${path}.cas`, warnings),
      ec: declaredIdentifier('ec', s.ec, `${path}.ec`, warnings),
      concentration,
      massMg,
    };
  }

  content.productName = json.product.name ?? null;
  content.productNumber = json.product.number ?? null;
  content.productMassMg = mass(json.product.mass, 'product');
  content.declaredAt = json.declaredAt ?? null;
  content.scipNumbers = json.scipNumbers.map((n, i) => scipNumber(n, `scipNumbers[${i}]`, issues)).filter((n): n is string => n !== null);
  content.statements = json.statements.map((s) => ({ code: s.code, text: s.text }));
  content.declaredListVersions = json.declaredListVersions.map((v) => ({ list: v.list, version: v.version }));
  content.substances = json.substances.map((s, i) => substance(s, `substances[${i}]`, content.productMassMg));
  content.components = json.components.map((c, ci): DeclaredComponent => {
    const path = `components[${ci}]`;
    const componentMass = mass(c.mass, path);
    const materials = c.materials.map((m, mi): DeclaredMaterial => {
      const materialPath = `${path}.materials[${mi}]`;
      const materialMass = mass(m.mass, materialPath);
      return { path: materialPath, name: m.name, massMg: materialMass, substances: m.substances.map((s, si) => substance(s, `${materialPath}.substances[${si}]`, materialMass)) };
    });
    return { path, name: c.name, massMg: componentMass, materials, substances: c.substances.map((s, si) => substance(s, `${path}.substances[${si}]`, componentMass)) };
  });
  refuseIfAny(issues);
  content.warnings = warnings;
  return content;
}
