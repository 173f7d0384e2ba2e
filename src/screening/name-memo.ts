// A memo from substance names to what the name rules made of them (matcher.ts). Every substance of every product
// has a name and most names repeat across products, so this lookup runs 800,000 times per full re-screening. A
// Map<string, …> has to hash the fresh string the database driver handed over and then compare it with the stored
// key, and that comparison reads a string elsewhere in the heap: a cache miss per substance. This memo keys on two
// independent 32-bit hashes of the name (FNV-1a and a multiply–xorshift hash, computed in one pass) held in typed
// arrays, and never compares strings.
//
// The price is that two different names whose 64-bit hash pairs coincide would share a result. With at most
// `limit` names held (100,000), the chance that any two collide is about limit² / 2^65 ≈ 3·10^-10 per memo
// generation; a collision could at worst hide or misattribute a *possible* match, never an identifier match.

const EMPTY = -1;

export class NameMemo<T> {
  private mask: number;
  private first: Int32Array;
  private second: Int32Array;
  private slots: Int32Array;
  private values: T[] = [];

  constructor(private readonly limit: number, initialCapacity = 1 << 12) {
    const capacity = 1 << Math.ceil(Math.log2(Math.max(initialCapacity, 16)));
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.slots = new Int32Array(capacity).fill(EMPTY);
  }

  get size(): number {
    return this.values.length;
  }

  get(name: string): T | undefined {
    hash(name);
    const slot = this.slotOf(h1, h2);
    const index = this.slots[slot] ?? EMPTY;
    return index === EMPTY ? undefined : this.values[index];
  }

  set(name: string, value: T): void {
    hash(name);
    const [a, b] = [h1, h2];
    const found = this.slotOf(a, b);
    const existing = this.slots[found] ?? EMPTY;
    if (existing !== EMPTY) {
      this.values[existing] = value;
      return;
    }
    if (this.values.length >= this.limit) {
      // Full: start a new generation rather than hold every name ever seen.
      this.values = [];
      this.slots.fill(EMPTY);
    } else if ((this.values.length + 1) * 2 > this.mask + 1) {
      this.grow();
    }
    const slot = this.slotOf(a, b);
    this.first[slot] = a;
    this.second[slot] = b;
    this.slots[slot] = this.values.length;
    this.values.push(value);
  }

  /** The slot holding this hash pair, or the empty slot where it would go (linear probing). */
  private slotOf(a: number, b: number): number {
    let slot = (a ^ Math.imul(b, 0x9e3779b1)) & this.mask;
    for (;;) {
      const index = this.slots[slot] ?? EMPTY;
      if (index === EMPTY || (this.first[slot] === a && this.second[slot] === b)) return slot;
      slot = (slot + 1) & this.mask;
    }
  }

  private grow(): void {
    const { first, second, slots } = this;
    const capacity = (this.mask + 1) * 2;
    this.mask = capacity - 1;
    this.first = new Int32Array(capacity);
    this.second = new Int32Array(capacity);
    this.slots = new Int32Array(capacity).fill(EMPTY);
    for (let old = 0; old < slots.length; old++) {
      const index = slots[old] ?? EMPTY;
      if (index === EMPTY) continue;
      const a = first[old] ?? 0;
      const b = second[old] ?? 0;
      const slot = this.slotOf(a, b);
      this.first[slot] = a;
      this.second[slot] = b;
      this.slots[slot] = index;
    }
  }
}

// The hash of the last name hashed: two results without allocating a pair for each of 800,000 lookups.
let h1 = 0;
let h2 = 0;

function hash(text: string): void {
  let a = 0x811c9dc5 | 0;
  let b = 0x2545f491 ^ text.length;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    a = Math.imul(a ^ c, 0x01000193);
    b = Math.imul(b ^ c, 0x5bd1e995);
    b ^= b >>> 13;
  }
  // Final avalanche (murmur3 fmix32) so that nearby names spread over the table.
  a ^= a >>> 16;
  a = Math.imul(a, 0x85ebca6b);
  a ^= a >>> 13;
  b = Math.imul(b ^ (b >>> 16), 0xc2b2ae35);
  b ^= b >>> 16;
  h1 = a;
  h2 = b;
}
