// Compares two V8 heap snapshots (npm run heap:diff -- BEFORE.heapsnapshot AFTER.heapsnapshot): objects counted and
// their own sizes summed per constructor (per node type for strings, code, arrays and the like), and the classes that
// grew most between the two, by bytes. bench:load writes such a pair around its load with LOAD_HEAP_SNAPSHOTS=DIR,
// to tell what a heap that grew during the load holds more of.
import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

interface ClassTotal {
  count: number;
  bytes: number;
}

/** Count and own bytes per class: an object's constructor name, else its node type in parentheses. */
function classTotals(path: string): Map<string, ClassTotal> {
  const heap = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const fields = heap.snapshot.meta.node_fields;
  const types = heap.snapshot.meta.node_types[0];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const totals = new Map<string, ClassTotal>();
  for (let i = 0; i < heap.nodes.length; i += width) {
    const type = types[heap.nodes[i + typeAt]!]!;
    const key = type === 'object' || type === 'native' ? heap.strings[heap.nodes[i + nameAt]!]! : `(${type})`;
    const total = totals.get(key) ?? { count: 0, bytes: 0 };
    total.count++;
    total.bytes += heap.nodes[i + sizeAt]!;
    totals.set(key, total);
  }
  return totals;
}

function main(): void {
  const [beforePath, afterPath, shown = '25'] = process.argv.slice(2);
  if (!beforePath || !afterPath) {
    console.error('usage: npm run heap:diff -- BEFORE.heapsnapshot AFTER.heapsnapshot [ROWS]');
    process.exit(2);
  }
  const before = classTotals(beforePath);
  const after = classTotals(afterPath);
  const sum = (totals: Map<string, ClassTotal>): number => [...totals.values()].reduce((s, t) => s + t.bytes, 0);
  const KiB = (bytes: number): string => `${bytes >= 0 ? '+' : ''}${(bytes / 1024).toFixed(0)} KiB`;
  console.log(`heap in objects: ${(sum(before) / 2 ** 20).toFixed(1)} MiB before, ${(sum(after) / 2 ** 20).toFixed(1)} MiB after (${KiB(sum(after) - sum(before))})`);
  const rows = [...new Set([...before.keys(), ...after.keys()])].map((key) => {
    const b = before.get(key) ?? { count: 0, bytes: 0 };
    const a = after.get(key) ?? { count: 0, bytes: 0 };
    return { key, count: a.count - b.count, bytes: a.bytes - b.bytes, after: a };
  });
  rows.sort((x, y) => Math.abs(y.bytes) - Math.abs(x.bytes));
  console.log(`${'class'.padEnd(48)}${'objects Δ'.padStart(12)}${'bytes Δ'.padStart(14)}${'objects after'.padStart(15)}${'bytes after'.padStart(14)}`);
  for (const row of rows.slice(0, Number(shown))) {
    console.log(`${row.key.slice(0, 47).padEnd(48)}${String(row.count).padStart(12)}${KiB(row.bytes).padStart(14)}${String(row.after.count).padStart(15)}${KiB(row.after.bytes).slice(1).padStart(14)}`);
  }
}

main();
