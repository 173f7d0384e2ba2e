// `npm run eval:sds -- DIR [--verbose] [--json]`: scores the SDS parser against hand-checked truth in DIR
// (truth.json or truth-text.json in the format of the development corpus: file, language, format, productName,
// supplierName, revisionDate, signalWord as printed, hazardStatements, euhStatements, substances[{name, cas, ec,
// concentration}]). Files are looked up in DIR and its subfolders. Prints precision/recall/F1 per field, overall and
// per language. Set fields (CAS, EC, H, EUH) count each code; single fields count one per document (a wrong
// value is both a false positive and a false negative; an empty answer where truth is empty counts nowhere).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { parseFile, type ParseReport } from '../src/sds/parse-report.js';
import { HEADINGS } from '../src/sds/extraction/headings.js';
import { SDS_LANGUAGES } from '../src/sds/extraction/facts.js';

interface Truth {
  file: string;
  language: string;
  format: string;
  productName: string | null;
  supplierName: string | null;
  revisionDate: string | null;
  signalWord: string | null;
  hazardStatements: string[];
  euhStatements: string[];
  substances: Array<{ name: string | null; cas: string | null; ec: string | null; concentration: string | null }>;
}

class Score {
  tp = 0;
  fp = 0;
  fn = 0;
  add(other: Score): void {
    this.tp += other.tp;
    this.fp += other.fp;
    this.fn += other.fn;
  }
  get precision(): number { return this.tp + this.fp === 0 ? 1 : this.tp / (this.tp + this.fp); }
  get recall(): number { return this.tp + this.fn === 0 ? 1 : this.tp / (this.tp + this.fn); }
  get f1(): number { const p = this.precision, r = this.recall; return p + r === 0 ? 0 : (2 * p * r) / (p + r); }
}

const FIELDS = ['cas', 'ec', 'hazardStatements', 'euhStatements', 'productName', 'supplierName', 'revisionDate', 'signalWord', 'format'] as const;
type Field = (typeof FIELDS)[number];

const norm = (s: string | null | undefined): string | null => {
  if (s === null || s === undefined) return null;
  const t = s.normalize('NFC').replace(/\s+/g, ' ').replace(/[\s.,;:]+$/, '').trim().toLowerCase();
  return t === '' ? null : t;
};

const signalOf = (printed: string | null): string | null => {
  if (printed === null) return null;
  const w = printed.trim().toLowerCase();
  for (const l of SDS_LANGUAGES) {
    if (HEADINGS[l].signalWords.danger.toLowerCase() === w) return 'Danger';
    if (HEADINGS[l].signalWords.warning.toLowerCase() === w) return 'Warning';
  }
  return printed;
};

function setScore(truth: readonly string[], found: readonly string[]): Score {
  const s = new Score();
  const t = new Set(truth);
  const f = new Set(found);
  for (const x of f) {
    if (t.has(x)) s.tp++;
    else s.fp++;
  }
  for (const x of t) if (!f.has(x)) s.fn++;
  return s;
}

function valueScore(truth: string | null, found: string | null): Score {
  const s = new Score();
  if (truth === null && found === null) return s;
  if (truth !== null && found !== null && truth === found) s.tp++;
  else {
    if (found !== null) s.fp++;
    if (truth !== null) s.fn++;
  }
  return s;
}

async function findFile(dir: string, name: string): Promise<string | null> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return path;
    if (entry.isDirectory()) {
      const found = await findFile(path, name);
      if (found) return found;
    }
  }
  return null;
}

async function loadTruth(dir: string): Promise<Truth[]> {
  const truths: Truth[] = [];
  for (const name of ['truth.json', 'truth-text.json']) {
    for (const candidate of [join(dir, name), join(dir, 'text', name)]) {
      const exists = await stat(candidate).then((s) => s.isFile(), () => false);
      if (exists) truths.push(...(JSON.parse(await readFile(candidate, 'utf8')) as Truth[]));
    }
  }
  return truths;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const dir = args.find((a) => !a.startsWith('--'));
  if (!dir) {
    process.stderr.write('usage: npm run eval:sds -- DIR [--verbose] [--json]\n');
    process.exit(2);
  }
  const verbose = args.includes('--verbose');
  const truths = await loadTruth(dir);
  if (truths.length === 0) throw new Error(`no truth.json or truth-text.json in ${dir}`);
  const overall = new Map<Field, Score>(FIELDS.map((f) => [f, new Score()]));
  const perLanguage = new Map<string, Map<Field, Score>>();
  const extra = { names: 0, namesRight: 0, conc: 0, concRight: 0, documents: 0, errors: 0 };
  for (const truth of truths) {
    const path = await findFile(dir, truth.file);
    if (!path) {
      process.stderr.write(`missing file: ${truth.file}\n`);
      continue;
    }
    const outcome = await parseFile(path);
    extra.documents++;
    const report: ParseReport | null = 'error' in outcome ? null : outcome;
    if (!report) extra.errors++;
    const subs = report?.substances ?? [];
    const scores: Record<Field, Score> = {
      cas: setScore(truth.substances.flatMap((s) => (s.cas ? [s.cas] : [])), subs.flatMap((s) => (s.cas ? [s.cas] : []))),
      ec: setScore(truth.substances.flatMap((s) => (s.ec ? [s.ec] : [])), subs.flatMap((s) => (s.ec ? [s.ec] : []))),
      hazardStatements: setScore(truth.hazardStatements, report?.hazardStatements ?? []),
      euhStatements: setScore(truth.euhStatements, report?.euhStatements ?? []),
      productName: valueScore(norm(truth.productName), norm(report?.productName)),
      supplierName: valueScore(norm(truth.supplierName), norm(report?.supplierName)),
      revisionDate: valueScore(truth.revisionDate, report?.revisionDate ?? null),
      signalWord: valueScore(signalOf(truth.signalWord), report?.signalWord ?? null),
      format: valueScore(truth.format, report?.format ?? null),
    };
    const lang = perLanguage.get(truth.language) ?? new Map<Field, Score>(FIELDS.map((f) => [f, new Score()]));
    perLanguage.set(truth.language, lang);
    for (const f of FIELDS) {
      overall.get(f)?.add(scores[f]);
      lang.get(f)?.add(scores[f]);
    }
    for (const t of truth.substances) {
      const match = subs.find((s) => (t.cas && s.cas === t.cas) || (!t.cas && t.ec && s.ec === t.ec));
      if (!match) continue;
      extra.names++;
      if (norm(match.name) === norm(t.name)) extra.namesRight++;
      extra.conc++;
      if (t.concentration !== null && match.concentration && norm(match.concentration.text)?.replace(/\s/g, '') === norm(t.concentration)?.replace(/\s/g, '')) extra.concRight++;
    }
    if (verbose) {
      const wrong = FIELDS.filter((f) => scores[f].fp + scores[f].fn > 0);
      if (wrong.length > 0 || !report) {
        process.stdout.write(`\n${truth.file}${report ? '' : ` ERROR ${'error' in outcome ? outcome.error : ''}`}\n`);
        for (const f of wrong) {
          const t = f === 'cas' || f === 'ec' ? truth.substances.map((s) => s[f]) : truth[f as keyof Truth];
          const r = f === 'cas' || f === 'ec' ? subs.map((s) => s[f]) : report?.[f as keyof ParseReport];
          process.stdout.write(`  ${f}: truth ${JSON.stringify(t)} parsed ${JSON.stringify(r)}\n`);
        }
      }
    }
  }
  const pct = (x: number): string => x.toFixed(3);
  const rows = (scores: Map<Field, Score>): string =>
    FIELDS.map((f) => {
      const s = scores.get(f) ?? new Score();
      return `| ${f} | ${pct(s.precision)} | ${pct(s.recall)} | ${pct(s.f1)} | ${s.tp}/${s.fp}/${s.fn} |`;
    }).join('\n');
  if (args.includes('--json')) {
    const out = (m: Map<Field, Score>) => Object.fromEntries(FIELDS.map((f) => { const s = m.get(f) ?? new Score(); return [f, { precision: s.precision, recall: s.recall, f1: s.f1, tp: s.tp, fp: s.fp, fn: s.fn }]; }));
    process.stdout.write(`${JSON.stringify({ documents: extra.documents, overall: out(overall), perLanguage: Object.fromEntries([...perLanguage].map(([l, m]) => [l, out(m)])), extra }, null, 2)}\n`);
    return;
  }
  process.stdout.write(`\n${extra.documents} documents (${extra.errors} unreadable)\n\n| field | precision | recall | F1 | tp/fp/fn |\n|---|---|---|---|---|\n${rows(overall)}\n`);
  process.stdout.write(`\nsubstance names exact: ${extra.namesRight}/${extra.names}; concentration text exact: ${extra.concRight}/${extra.conc}\n`);
  for (const [language, scores] of perLanguage) {
    process.stdout.write(`\n${language}: ` + FIELDS.map((f) => `${f} ${pct(scores.get(f)?.f1 ?? 0)}`).join(', ') + '\n');
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
  process.exit(1);
});
