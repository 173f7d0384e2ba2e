// Seeded randomness for the benchmarks (mulberry32): the same seed builds the same synthetic registry every run, so
// figures from different runs and machines measure the same data.
import { casCheckDigit } from '../src/chemistry/identifiers.js';
export interface SeededRandom {
  /** A float in [0, 1). */
  random: () => number;
  /** An integer in [0, n). */
  int: (n: number) => number;
  pick: <T>(items: readonly T[]) => T;
  chance: (p: number) => boolean;
}

export function seededRandom(seed: number): SeededRandom {
  let state = seed;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number): number => Math.floor(random() * n);
  return { random, int, pick: <T>(items: readonly T[]): T => items[int(items.length)] as T, chance: (p: number): boolean => random() < p };
}

/** Distinct CAS RNs with a valid check digit, drawn with `int`: synthetic substances for the benchmarks' registries. */
export function casNumbers(int: (n: number) => number): () => string {
  const used = new Set<string>();
  return () => {
    for (;;) {
      const body = `${1 + int(9)}${String(int(10 ** (3 + int(4)))).padStart(3, '0')}`;
      const cas = `${body.slice(0, -2)}-${body.slice(-2)}-${casCheckDigit(body)}`;
      if (!used.has(cas)) {
        used.add(cas);
        return cas;
      }
    }
  };
}
