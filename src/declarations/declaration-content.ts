// What a product or article declaration says, whatever format it came in (chemreg's JSON, IPC-1752A XML, a row group
// of a bulk spreadsheet): the product's components and homogeneous materials with their masses, the substances in
// each with identifiers and a concentration in % w/w of the part they sit in, SCIP numbers, statements such as "no
// intentionally added PFAS", the list versions the supplier declared against, and IPC-1752A class C yes/no answers
// (issue 6). Every format's parser produces this; screening reads it like SDS section 3.
//
// Concentrations are stored converted to % (1 % = 10 000 ppm = 10 000 mg/kg), with the declared text beside them, and
// relative to the part they are declared in: a substance in a homogeneous material is "% of that material" (what RoHS
// limits), one declared on a component is "% of that component article" (what REACH Art. 33 and the Candidate List's
// once-an-article-always-an-article rule need). Masses are in milligrams.
import { z } from 'zod';
import { ConcentrationValue, IdentifierValue } from '../sds/extraction/facts.js';

export const DECLARATION_FORMATS = ['chemreg-json', 'ipc-1752a', 'bulk-csv', 'bulk-xlsx'] as const;
export const DeclarationFormat = z
  .enum(DECLARATION_FORMATS)
  .describe('chemreg-json: chemreg\'s JSON declaration; ipc-1752a: IPC-1752A XML (class C or D); bulk-csv / bulk-xlsx: a row group of a bulk spreadsheet');
export type DeclarationFormat = z.infer<typeof DeclarationFormat>;

/** Where in the declaration a value sits, as a path a supplier can follow: `components[1].materials[0].substances[2]`, `row 14`. */
const Path = z.string().min(1).max(300);

export const DeclaredSubstance = z
  .object({
    path: Path,
    name: z.string().nullable(),
    cas: IdentifierValue.nullable(),
    ec: IdentifierValue.nullable(),
    concentration: ConcentrationValue.nullable().describe('in % w/w of the material, component or product it is declared in; `text` keeps the declared value and unit'),
    massMg: z.number().min(0).nullable().describe('the substance\'s mass, when declared'),
  })
  .meta({ id: 'DeclaredSubstance' });
export type DeclaredSubstance = z.infer<typeof DeclaredSubstance>;

export const DeclaredMaterial = z
  .object({
    path: Path,
    name: z.string(),
    massMg: z.number().min(0).nullable(),
    substances: z.array(DeclaredSubstance),
  })
  .meta({ id: 'DeclaredMaterial', description: 'a homogeneous material: one that cannot be mechanically separated (RoHS Art. 3(20))' });
export type DeclaredMaterial = z.infer<typeof DeclaredMaterial>;

export const DeclaredComponent = z
  .object({
    path: Path,
    name: z.string(),
    massMg: z.number().min(0).nullable(),
    materials: z.array(DeclaredMaterial),
    substances: z.array(DeclaredSubstance).describe('substances declared for the component as a whole'),
  })
  .meta({ id: 'DeclaredComponent', description: 'a component article of the product (REACH Art. 33 applies per component article)' });
export type DeclaredComponent = z.infer<typeof DeclaredComponent>;

export const ListAnswer = z
  .object({
    path: Path,
    list: z.string().describe('the declarable substance list as the declaration names it'),
    category: z.string().nullable().describe('the substance category of the list the answer is for, e.g. "Cadmium/Cadmium Compounds"'),
    listId: z.string().nullable().describe('the chemreg list it corresponds to, when recognised'),
    threshold: z.string().nullable().describe('the reporting threshold the answer refers to, as declared'),
    answer: z.enum(['yes', 'no']).describe('yes: the product contains a substance of the list above the threshold'),
  })
  .meta({ id: 'DeclarationListAnswer', description: 'IPC-1752A class C: a yes/no answer for one declarable substance list' });
export type ListAnswer = z.infer<typeof ListAnswer>;

export const DeclarationStatement = z
  .object({
    code: z.string().describe('e.g. no-intentionally-added-pfas'),
    text: z.string().describe('the statement as the supplier wrote it'),
  })
  .meta({ id: 'DeclarationStatement' });
export type DeclarationStatement = z.infer<typeof DeclarationStatement>;

export const DeclarationWarning = z.object({ path: z.string(), message: z.string() }).meta({ id: 'DeclarationWarning' });
export type DeclarationWarning = z.infer<typeof DeclarationWarning>;

export const DeclarationContent = z
  .object({
    format: DeclarationFormat,
    declarationClass: z.enum(['C', 'D']).nullable().describe('IPC-1752A: C (yes/no per list) or D (full material declaration); null for other formats'),
    productName: z.string().nullable(),
    productNumber: z.string().nullable().describe('the supplier\'s article number, as declared'),
    productMassMg: z.number().min(0).nullable(),
    declaredAt: z.iso.date().nullable().describe('the date the supplier gave the declaration'),
    scipNumbers: z.array(z.string()),
    statements: z.array(DeclarationStatement),
    declaredListVersions: z.array(z.object({ list: z.string(), version: z.string() })).describe('the list versions the supplier declared against'),
    listAnswers: z.array(ListAnswer),
    components: z.array(DeclaredComponent),
    substances: z.array(DeclaredSubstance).describe('substances declared for the product as a whole'),
    warnings: z.array(DeclarationWarning).describe('values kept but flagged, e.g. a CAS RN with a wrong check digit'),
  })
  .meta({ id: 'DeclarationContent' });
export type DeclarationContent = z.infer<typeof DeclarationContent>;

/** An empty declaration of `format`, for parsers to fill. */
export function emptyContent(format: DeclarationFormat): DeclarationContent {
  return {
    format, declarationClass: null, productName: null, productNumber: null, productMassMg: null, declaredAt: null,
    scipNumbers: [], statements: [], declaredListVersions: [], listAnswers: [], components: [], substances: [], warnings: [],
  };
}
