// `npm run fixtures:sds -- DIR`: writes a varied set of generated SDS PDFs to DIR with their ground truth in
// DIR/truth.json (the format of the development corpus, which `npm run eval:sds -- DIR` scores against), and the
// files an upload must refuse to DIR/broken/, described in DIR/broken/expected.json.
//
// Two documents per SDS language plus two US (OSHA) ones. Each language's pair differs in heading style, date style,
// composition layout, pictogram style and compression, and a few documents carry one of the hard cases real SDSs
// have (a trade-secret component, a wrong CAS check digit, a duplicated row, a signal word in capitals, a revision
// date only in section 16, a product that is not classified). The set is deterministic: the same files every run.
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import {
  brokenPdfs,
  buildSdsPdf,
  defaultSpec,
  ENCRYPTED_PDF_PASSWORD,
  fixtureFileName,
  SDS_FIXTURE_LANGUAGES,
  tradeSecretSubstance,
  type CompositionLayout,
  type DateStyle,
  type HeadingStyle,
  type SampleProduct,
  type SdsSpec,
  type SdsTruth,
} from '../test/support/sds-pdf/index.js';
import type { SdsLanguage } from '../src/sds/extraction/facts.js';

const HEADING_STYLES: readonly HeadingStyle[] = ['word-colon-upper', 'word-dot', 'number-upper', 'word-dash'];
const LAYOUTS: readonly CompositionLayout[] = ['table', 'stacked', 'wrapped', 'split'];

/** The second document of each language prints its dates differently from the first (which uses the default). */
const SECOND_DATE_STYLE: Readonly<Record<SdsLanguage, DateStyle>> = {
  sv: 'long',
  da: 'iso',
  nb: 'd-mon-y',
  fi: 'long',
  en: 'long',
  de: 'long',
  fr: 'long',
  nl: 'iso',
  es: 'long',
  it: 'd-mon-y',
  pl: 'long',
  pt: 'iso',
};

/** Replaces the check digit of a CAS number with a wrong one, as a typo in the supplier's system would. */
function wrongCheckDigit(cas: string): string {
  const check = Number(cas.slice(-1));
  return `${cas.slice(0, -1)}${(check + 1) % 10}`;
}

/** The hard cases, one per document that has one; the truth notes say which. */
function hardCase(language: SdsLanguage, product: SampleProduct, spec: SdsSpec): { spec: Partial<SdsSpec>; note?: string } {
  const key = `${language}/${product}`;
  switch (key) {
    case 'da/primary':
      return {
        spec: { substances: [...spec.substances, tradeSecretSubstance(language, '< 3')] },
        note: 'A trade-secret component without CAS or EC number.',
      };
    case 'nb/primary': {
      const [first, ...rest] = spec.substances;
      if (first?.cas === undefined) return { spec: {} };
      return {
        spec: { substances: [{ ...first, cas: wrongCheckDigit(first.cas) }, ...rest] },
        note: `The first CAS number has a wrong check digit (${wrongCheckDigit(first.cas)}), kept as printed.`,
      };
    }
    case 'pl/primary': {
      const second = spec.substances[1];
      if (second === undefined) return { spec: {} };
      return {
        spec: { substances: [...spec.substances, second] },
        note: 'Section 3 prints one component twice; the truth keeps the first occurrence.',
      };
    }
    case 'sv/secondary':
      return { spec: { signalWordUpperCase: true }, note: 'Signal word printed in capitals.' };
    case 'fi/secondary':
      return { spec: { revisionDatePlacement: 'section-16' }, note: 'Revision date only in section 16; the header has the print date.' };
    case 'nl/secondary':
      return {
        spec: { signalWord: 'none', classification: [], hazardStatements: [], pictograms: [], precautionaryStatements: ['P102'] },
        note: 'Not classified: no signal word, no H codes, EUH208 only.',
      };
    default:
      return { spec: {} };
  }
}

interface Fixture {
  spec: SdsSpec;
  note?: string;
}

function fixtureSet(): Fixture[] {
  const fixtures: Fixture[] = [];
  SDS_FIXTURE_LANGUAGES.forEach((language, i) => {
    (['primary', 'secondary'] as const).forEach((product, k) => {
      const base = defaultSpec(language, {}, product);
      const variant: Partial<SdsSpec> = {
        headingStyle: HEADING_STYLES[(i + k) % HEADING_STYLES.length] ?? 'word-colon-upper',
        compositionLayout: LAYOUTS[(i + 2 * k) % LAYOUTS.length] ?? 'table',
        pictogramStyle: k === 0 ? 'codes' : 'names',
        compress: k === 0,
        fileName: fixtureFileName(language, base.productName, k + 1),
        ...(k === 1 ? { dateStyle: SECOND_DATE_STYLE[language] } : {}),
      };
      const spec = { ...base, ...variant };
      const special = hardCase(language, product, spec);
      fixtures.push({ spec: { ...spec, ...special.spec }, note: special.note });
    });
  });

  // US OSHA documents: the first in Sigma-Aldrich's style (MM/DD/YYYY, `SECTION 1 - Identification`) with a
  // withheld identity, the second in Fisher's (`15-Mar-2024`, `1. IDENTIFICATION`).
  const us = defaultSpec('en', { format: 'US-OSHA-16' });
  fixtures.push({
    spec: {
      ...us,
      substances: [...us.substances, tradeSecretSubstance('en', '1 - 5')],
      fileName: fixtureFileName('en', `us ${us.productName}`, 3),
    },
    note: 'A trade-secret component printed as "Proprietary" in the CAS column.',
  });
  fixtures.push({
    spec: {
      ...us,
      headingStyle: 'number-upper',
      dateStyle: 'd-mon-y',
      pictogramStyle: 'names',
      compress: false,
      version: '2.0',
      revisionDate: '2024-03-15',
      printDate: '2025-01-21',
      fileName: fixtureFileName('en', `us ${us.productName}`, 4),
    },
  });
  return fixtures;
}

/** Each broken file with what a reader should make of it (`reason` as in UNREADABLE_REASONS of facts.ts). */
function brokenSet(): Array<{ file: string; bytes: Uint8Array; expect: Record<string, unknown> }> {
  return [
    { file: 'empty.pdf', bytes: brokenPdfs.empty(), expect: { readable: false, reason: 'empty' } },
    { file: 'not-pdf-png.pdf', bytes: brokenPdfs.notPdf('png'), expect: { readable: false, reason: 'not-pdf' } },
    { file: 'not-pdf-zip.pdf', bytes: brokenPdfs.notPdf('zip'), expect: { readable: false, reason: 'not-pdf' } },
    { file: 'not-pdf-text.pdf', bytes: brokenPdfs.notPdf('text'), expect: { readable: false, reason: 'not-pdf' } },
    { file: 'truncated.pdf', bytes: brokenPdfs.truncated(), expect: { readable: false, reason: 'corrupt' } },
    { file: 'corrupt.pdf', bytes: brokenPdfs.corrupt(), expect: { readable: false, reason: 'corrupt' } },
    {
      file: 'encrypted.pdf',
      bytes: brokenPdfs.encrypted(),
      expect: { readable: false, reason: 'encrypted', password: ENCRYPTED_PDF_PASSWORD },
    },
    { file: 'hostile.pdf', bytes: brokenPdfs.hostile(), expect: { readable: false, reason: 'corrupt', note: 'page tree is its own child' } },
    { file: 'scanned.pdf', bytes: brokenPdfs.scanned(), expect: { readable: true, textLayer: false, pages: 2 } },
    { file: 'not-an-sds.pdf', bytes: brokenPdfs.notAnSds(), expect: { readable: true, textLayer: true, isSds: false } },
  ];
}

async function main(): Promise<void> {
  const dir = process.argv[2];
  if (dir === undefined || dir.startsWith('-')) {
    process.stderr.write('usage: npm run fixtures:sds -- DIR\n');
    process.exitCode = 2;
    return;
  }
  await mkdir(path.join(dir, 'broken'), { recursive: true });

  const truths: SdsTruth[] = [];
  for (const { spec, note } of fixtureSet()) {
    const { bytes, truth } = buildSdsPdf(spec);
    await writeFile(path.join(dir, truth.file), bytes);
    truths.push(note === undefined ? truth : { ...truth, notes: `${truth.notes} ${note}` });
  }
  const fileNames = new Set(truths.map((t) => t.file));
  if (fileNames.size !== truths.length) throw new Error('generate-sds-fixtures: two fixtures share a file name');
  await writeFile(path.join(dir, 'truth.json'), `${JSON.stringify(truths, null, 2)}\n`);

  const broken = brokenSet();
  for (const { file, bytes } of broken) await writeFile(path.join(dir, 'broken', file), bytes);
  const expected = broken.map(({ file, expect }) => ({ file, ...expect }));
  await writeFile(path.join(dir, 'broken', 'expected.json'), `${JSON.stringify(expected, null, 2)}\n`);

  process.stdout.write(`wrote ${truths.length} SDS PDFs with truth.json and ${broken.length} broken files to ${dir}\n`);
}

await main();
