// Seeded randomness for the benchmarks (mulberry32): the same seed builds the same synthetic registry every run, so
// figures from different runs and machines measure the same data.
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
