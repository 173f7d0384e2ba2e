// `npm run lists:snapshot -- DIR [--out data/lists]`: converts the public list exports in DIR (laid out as
// shared/data/lists: echa/, rohs/; see its README) with chemreg's own importers into chemreg's JSON list format,
// one file per list in data/lists/<listId>.json, the lists a fresh install starts with (src/lists/shipped.ts).
//
// What goes in, and why:
// - echa-candidate-list: the ECHA CHEM export (#1) for the entries (current names, dates, reasons after the
//   duplicate-row fold), with the group members of the split legacy export (#2) folded in by name: the two exports
//   share no decision URLs, but every split group has exactly one row named as the ECHA CHEM entry (or, failing that,
//   shares the entry's own EC/CAS). Unmatched groups are printed.
// - reach-annex-xiv, eu-pops: the ECHA CHEM exports (#4, #7).
// - reach-annex-xvii: the ECHA CHEM export (#5) for the entries — it alone has the date of every amending act and the
//   EUR-Lex conditions link — with the members of the split legacy export (#6, 1,763 distinct CAS against 34 in #5)
//   folded in by entry number, which both key on, so the fold is exact.
// - clp-annex-vi-cmr: ECHA's official Annex VI Excel (#9, preferred by the README: it has the SCLs and the upcoming
//   ATP22/ATP23 rows), reduced to the Carc./Muta./Repr. 1A/1B entries. The full table is not shipped.
// - rohs-annex-ii: the RoHS CSV (#11).
// Not the ChemSec SIN List: its terms of use restrict redistribution (domain.md "Lists"); users import their own copy.
//
// Each file names the source files (name and sha256) and the time it was generated. The entry counts are compared
// with the counts the README states, and every written file is re-imported to prove it round-trips.
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual } from 'node:util';
import type { ImportedList, ListFormat } from '../src/lists/list-entry.js';
import { cmrSubset, foldGroupMembers, importListFile, toChemregJson, type GeneratedHeader } from '../src/lists/importers/index.js';

interface Source {
  fileName: string;
  bytes: Uint8Array;
  sha256: string;
  list: ImportedList;
}

// Counts stated in shared/data/lists/README.md for the files it describes.
const README_COUNTS: Readonly<Record<string, number>> = {
  'echa-candidate-list': 253,
  'reach-annex-xiv': 59,
  'reach-annex-xvii': 78,
  'eu-pops': 34,
  'clp-annex-vi': 4441,
  'clp-annex-vi-cmr': 1150,
  'rohs-annex-ii': 10,
};

async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full)));
    else out.push(full);
  }
  return out.sort();
}

/** The newest file whose name matches (names carry dates or ATP numbers, which sort). */
function pick(files: readonly string[], pattern: RegExp, what: string): string {
  const found = files.filter((f) => pattern.test(path.basename(f))).sort();
  const last = found[found.length - 1];
  if (last === undefined) throw new Error(`no ${what} in the input directory (file name like ${String(pattern)})`);
  return last;
}

async function load(file: string, expected: { listId: string; format: ListFormat }): Promise<Source> {
  const bytes = new Uint8Array(await readFile(file));
  const fileName = path.basename(file);
  const list = await importListFile(bytes, fileName);
  if (list.listId !== expected.listId || list.format !== expected.format) {
    throw new Error(`${fileName} was read as ${list.listId} (${list.format}), expected ${expected.listId} (${expected.format})`);
  }
  return { fileName, bytes, sha256: createHash('sha256').update(bytes).digest('hex'), list };
}

function header(sources: readonly Source[], at: string): GeneratedHeader {
  return {
    by: "chemreg's list importer (src/lists/importers) via npm run lists:snapshot",
    at,
    sources: sources.map((s) => ({ fileName: s.fileName, sha256: s.sha256, format: s.list.format })),
  };
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const outIndex = args.indexOf('--out');
  const repoRoot = fileURLToPath(new URL('..', import.meta.url));
  const outDir = outIndex >= 0 ? path.resolve(args[outIndex + 1] ?? '') : path.join(repoRoot, 'data', 'lists');
  const inDir = args.find((a, i) => !a.startsWith('--') && (outIndex < 0 || i !== outIndex + 1));
  if (inDir === undefined) {
    console.error('usage: npm run lists:snapshot -- DIR [--out OUTDIR]   (DIR laid out like shared/data/lists)');
    process.exitCode = 2;
    return;
  }
  const files = await listFiles(path.resolve(inDir));
  const at = new Date().toISOString();

  const candidate = await load(pick(files, /^candidate_list_full(?:-\d{4}-\d{2}-\d{2})?\.xlsx$/u, 'ECHA CHEM Candidate List export'), { listId: 'echa-candidate-list', format: 'echa-chem-xlsx' });
  const candidateSplit = await load(pick(files, /^candidate-list-of-svhc-for-authorisation-export.*\.xlsx$/u, 'legacy Candidate List export'), { listId: 'echa-candidate-list', format: 'echa-legacy-xlsx' });
  const annexXiv = await load(pick(files, /^authorisation_list_full.*\.xlsx$/u, 'ECHA CHEM authorisation list export'), { listId: 'reach-annex-xiv', format: 'echa-chem-xlsx' });
  const annexXvii = await load(pick(files, /^restriction_list_full.*\.xlsx$/u, 'ECHA CHEM restriction list export'), { listId: 'reach-annex-xvii', format: 'echa-chem-xlsx' });
  const annexXviiSplit = await load(pick(files, /^restriction-list-export.*\.xlsx$/u, 'legacy restriction list export'), { listId: 'reach-annex-xvii', format: 'echa-legacy-xlsx' });
  const pops = await load(pick(files, /^pops_list_full.*\.xlsx$/u, 'ECHA CHEM POPs list export'), { listId: 'eu-pops', format: 'echa-chem-xlsx' });
  const annexVi = await load(pick(files, /^annex_vi_clp_table_atp\d+_en\.xlsx$/u, 'CLP Annex VI Excel'), { listId: 'clp-annex-vi', format: 'clp-annex-vi-xlsx' });
  const rohs = await load(pick(files, /^rohs_annex_ii.*\.csv$/u, 'RoHS Annex II CSV'), { listId: 'rohs-annex-ii', format: 'rohs-csv' });

  const candidateFold = foldGroupMembers(candidate.list, candidateSplit.list, 'name');
  const xviiFold = foldGroupMembers(annexXvii.list, annexXviiSplit.list, 'key');
  const cmr = cmrSubset(annexVi.list);

  const outputs: Array<{ list: ImportedList; sources: Source[]; note?: string }> = [
    { list: candidateFold.list, sources: [candidate, candidateSplit], note: `members of ${candidateFold.folded} split groups folded in; identifiers added to ${candidateFold.identified} entries without any; unmatched: ${candidateFold.unmatched.length === 0 ? 'none' : candidateFold.unmatched.join(' | ')}` },
    { list: annexXiv.list, sources: [annexXiv] },
    { list: xviiFold.list, sources: [annexXvii, annexXviiSplit], note: `members of ${xviiFold.folded} split entries folded in; unmatched: ${xviiFold.unmatched.length === 0 ? 'none' : xviiFold.unmatched.join(' | ')}` },
    { list: pops.list, sources: [pops] },
    { list: cmr, sources: [annexVi], note: `${annexVi.list.entries.length} Annex VI entries (README: ${README_COUNTS['clp-annex-vi']}), ${cmr.entries.filter((e) => e.upcoming).length} CMR entries upcoming` },
    { list: rohs.list, sources: [rohs] },
  ];
  if (annexVi.list.entries.length !== README_COUNTS['clp-annex-vi']) {
    console.warn(`WARNING clp-annex-vi: ${annexVi.list.entries.length} entries, the README states ${README_COUNTS['clp-annex-vi']}`);
  }

  await mkdir(outDir, { recursive: true });
  console.log(`list snapshot → ${outDir}`);
  for (const { list, sources, note } of outputs) {
    const json = toChemregJson(list, header(sources, at));
    const fileName = `${list.listId}.json`;
    const bytes = new TextEncoder().encode(json);
    await writeFile(path.join(outDir, fileName), bytes);
    // The shipped file must read back as exactly this list (src/lists/shipped.ts imports it with the same importer).
    const back = await importListFile(bytes, fileName);
    if (!isDeepStrictEqual(back.entries, list.entries) || back.listDate !== list.listDate || back.listId !== list.listId) {
      throw new Error(`${fileName} does not read back as the list that was written`);
    }
    const expected = README_COUNTS[list.listId];
    const count = list.entries.length;
    const cas = new Set(list.entries.flatMap((e) => e.cas)).size;
    const verdict = expected === undefined ? '' : count === expected ? ` (README: ${expected}, same)` : ` (README: ${expected}) WARNING: differs by ${count - expected}`;
    console.log(`${list.listId.padEnd(20)} ${String(count).padStart(5)} entries${verdict}; ${cas} distinct CAS; listDate ${list.listDate ?? '-'}; ${list.warnings.length} warnings; from ${sources.map((s) => s.fileName).join(' + ')}`);
    if (note !== undefined) console.log(`${''.padEnd(20)} ${note}`);
    if (expected !== undefined && count !== expected) console.warn(`WARNING ${list.listId}: ${count} entries, the README states ${expected}`);
  }
}

await main();
