// What changed between two declaration revisions: substances added, removed or with another concentration, SCIP
// numbers, statements and class C answers. Substances are compared by the part they sit in (component and material
// names, not positions, which shift when a supplier inserts a row) and by CAS RN, else name.
import type { DeclarationContent, DeclaredSubstance } from './declaration-content.js';
import type { DeclarationDiff } from './declaration.schema.js';

interface Located {
  where: string;
  substance: DeclaredSubstance;
}

/** Every substance with the part it sits in, in words: "product", "Cable", "Cable / PVC sheath". */
export function locatedSubstances(content: DeclarationContent): Located[] {
  const out: Located[] = content.substances.map((substance) => ({ where: 'product', substance }));
  for (const component of content.components) {
    for (const substance of component.substances) out.push({ where: component.name, substance });
    for (const material of component.materials) {
      for (const substance of material.substances) out.push({ where: `${component.name} / ${material.name}`, substance });
    }
  }
  return out;
}

const identity = (s: DeclaredSubstance): string => (s.cas ? `cas:${s.cas.value}` : s.ec ? `ec:${s.ec.value}` : `name:${(s.name ?? '').trim().toLowerCase()}`);
const refOf = ({ substance: s }: Located) => ({ path: s.path, name: s.name, cas: s.cas?.value ?? null, concentration: s.concentration?.text ?? null });

function keyed(content: DeclarationContent): Map<string, Located> {
  const map = new Map<string, Located>();
  for (const located of locatedSubstances(content)) {
    const key = `${located.where.toLowerCase()}|${identity(located.substance)}`;
    if (!map.has(key)) map.set(key, located);
  }
  return map;
}

const setDiff = (before: readonly string[], after: readonly string[]) => ({
  added: after.filter((x) => !before.includes(x)),
  removed: before.filter((x) => !after.includes(x)),
});

export function diffDeclarations(from: DeclarationContent, to: DeclarationContent): Omit<DeclarationDiff, 'from' | 'to'> {
  const before = keyed(from);
  const after = keyed(to);
  const added = [...after].filter(([k]) => !before.has(k)).map(([, v]) => refOf(v));
  const removed = [...before].filter(([k]) => !after.has(k)).map(([, v]) => refOf(v));
  const changed = [...after]
    .filter(([k, v]) => before.has(k) && (before.get(k)!.substance.concentration?.text ?? null) !== (v.substance.concentration?.text ?? null))
    .map(([k, v]) => ({
      where: v.where, name: v.substance.name, cas: v.substance.cas?.value ?? null,
      before: before.get(k)!.substance.concentration?.text ?? null, after: v.substance.concentration?.text ?? null,
    }));
  // One answer per category of a list: "Lead: no" and "Cadmium: yes" are two answers, not one.
  const answers = (c: DeclarationContent) => new Map(c.listAnswers.map((a) => [a.category === null ? a.listId ?? a.list : `${a.listId ?? a.list} / ${a.category}`, a.answer]));
  const a = answers(from);
  const b = answers(to);
  const lists = [...new Set([...a.keys(), ...b.keys()])].filter((l) => a.get(l) !== b.get(l));
  return {
    substances: { added, removed, changed },
    scipNumbers: setDiff(from.scipNumbers, to.scipNumbers),
    statements: setDiff(from.statements.map((s) => s.code), to.statements.map((s) => s.code)),
    listAnswers: { changed: lists.map((list) => ({ list, before: a.get(list) ?? null, after: b.get(list) ?? null })) },
  };
}
