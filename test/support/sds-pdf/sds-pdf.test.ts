// The SDS fixtures are what they claim: read back with pdf-parse (pdf.js), as the application reads uploads, the
// generated PDFs carry the official headings, the non-ASCII characters, the header and footer on every page and
// every value of their truth; the broken files fail the way their names say.
import { expect } from 'chai';
import { InvalidPDFException, PasswordException, PDFParse, type TextResult } from 'pdf-parse';
import { parseCas, parseEc, parseIndexNumber, parseReachRegistration } from '../../../src/chemistry/identifiers.js';
import { HEADINGS } from '../../../src/sds/extraction/headings.js';
import { encodeText, PdfDocument } from './pdf-writer.js';
import {
  brokenPdfs,
  buildSdsPdf,
  defaultSpec,
  ENCRYPTED_PDF_PASSWORD,
  formatDate,
  SDS_FIXTURE_LANGUAGES,
  type CompositionLayout,
  type HeadingStyle,
  type SdsSpec,
} from './index.js';

/** Text of every page. pdf.js takes over the buffer it is given, hence the copy. */
async function extract(bytes: Uint8Array, password?: string): Promise<TextResult> {
  const parser = new PDFParse({ data: bytes.slice(), password });
  try {
    return await parser.getText();
  } finally {
    await parser.destroy();
  }
}

/** The error pdf-parse throws for `bytes`; fails the test if it reads them. */
async function refusal(bytes: Uint8Array): Promise<Error> {
  try {
    await extract(bytes);
  } catch (error) {
    return error as Error;
  }
  return expect.fail('pdf-parse read the file without complaint');
}

/** Whitespace-free, so titles that wrap inside a section bar still compare equal. */
const squeeze = (text: string): string => text.replace(/\s+/gu, '');

const HEADING_STYLES: readonly HeadingStyle[] = ['word-colon-upper', 'word-dot', 'number-upper', 'word-dash'];
const LAYOUTS: readonly CompositionLayout[] = ['table', 'stacked', 'wrapped', 'split'];

describe('SDS PDF fixtures', function () {
  // pdf.js starts a worker on first use.
  this.timeout(30_000);

  describe(buildSdsPdf.name, () => {
    SDS_FIXTURE_LANGUAGES.forEach((language, i) => {
      const headingStyle = HEADING_STYLES[i % HEADING_STYLES.length] ?? 'word-colon-upper';
      it(`when the ${language} SDS with ${headingStyle} headings is extracted, then its title, 16 section titles and subsections 1.1–3.2 are those of headings.ts`, async () => {
        const { bytes } = buildSdsPdf(defaultSpec(language, { headingStyle }));

        const text = squeeze((await extract(bytes)).text).toLocaleUpperCase();

        const headings = HEADINGS[language];
        const expected = [headings.documentTitle, ...Object.values(headings.sections), ...Object.values(headings.subsections)];
        const missing = expected.filter((title) => !text.includes(squeeze(title).toLocaleUpperCase()));
        expect(missing).to.deep.equal([]);
      });
    });

    it('when Nordic, German, French and Polish text and range symbols are printed, then pdf.js extracts the same Unicode', async () => {
      const samples = [
        'Svenska: åäö ÅÄÖ',
        'Dansk og norsk: æøå ÆØÅ',
        'Deutsch: ß ü Ü',
        'Français : é è ç œ',
        'Polski: ą ę ł ś ż ź ć ń ó Ą Ę Ł Ś Ż Ź Ć Ń',
        'Čeština: č ď ě ň ř ť ů',
        'Symbole: ≥10 – <25 ≤ ± 0,1-1',
      ];
      const doc = new PdfDocument({ compress: true });
      const page = doc.addPage();
      samples.forEach((sample, i) => page.text(50, 780 - i * 20, sample, { font: i % 2 === 0 ? 'Helvetica' : 'Helvetica-Bold' }));

      const lines = (await extract(doc.toBytes())).pages[0]?.text.split('\n');

      expect(lines?.slice(0, samples.length)).to.deep.equal(samples);
    });

    it('when a Polish SDS is extracted, then the Polish letters of its headings, names and statements survive', async () => {
      const { bytes } = buildSdsPdf(defaultSpec('pl'));

      const { text } = await extract(bytes);

      expect(text).to.include('Wiślana Rozcieńczalnik Uniwersalny R-40');
      expect(text).to.include('ŚRODKI PIERWSZEJ POMOCY');
      expect(text).to.include('Hasło ostrzegawcze: Niebezpieczeństwo');
      expect(text).to.include('H226 Łatwopalna ciecz i pary.');
      expect(text).to.include('≥1 – <3');
    });

    it('when a document spans several pages, then every page has the header (title, product, dates, version) and the footer (supplier, "Page n of m" in the language)', async () => {
      const spec = defaultSpec('pl', { compositionLayout: 'split' });
      const { bytes } = buildSdsPdf(spec);

      const { pages, total } = await extract(bytes);

      expect(total).to.be.at.least(3);
      const printDate = `Data wydruku: ${formatDate(spec.printDate, spec.dateStyle, 'pl')}`;
      const revised = `Data aktualizacji: ${formatDate(spec.revisionDate, spec.dateStyle, 'pl')}`;
      for (const page of pages) {
        expect(page.text, `page ${page.num}`).to.include('Karta charakterystyki');
        expect(page.text, `page ${page.num}`).to.include(spec.productName);
        expect(page.text, `page ${page.num}`).to.include(printDate);
        expect(page.text, `page ${page.num}`).to.include(revised);
        expect(page.text, `page ${page.num}`).to.include(`Wersja: ${spec.version}`);
        expect(page.text, `page ${page.num}`).to.include(spec.supplier.name);
        expect(page.text, `page ${page.num}`).to.include(`Strona ${page.num} z ${total}`);
      }
    });

    it('when the composition layout is split, then the table continues on the next page under a repeated header row', async () => {
      const spec = defaultSpec('sv', { compositionLayout: 'split' });
      const { bytes } = buildSdsPdf(spec);

      const { pages } = await extract(bytes);

      const start = pages.findIndex((p) => p.text.includes('3.2 Blandningar'));
      const [before, after] = [pages[start]?.text ?? '', pages[start + 1]?.text ?? ''];
      const lastName = spec.substances[spec.substances.length - 1]?.name ?? '';
      expect(before).to.include('Kemiskt namn');
      expect(before).not.to.include(lastName);
      expect(after).to.include('Kemiskt namn');
      expect(after).to.include(lastName);
      expect(after.indexOf('Kemiskt namn')).to.be.below(after.indexOf(lastName));
    });

    it('when the composition is stacked, then each identifier label and value are on their own lines under the name', async () => {
      const { bytes } = buildSdsPdf(defaultSpec('en', { compositionLayout: 'stacked' }));

      const lines = (await extract(bytes)).text.split('\n').map((l) => l.trim());

      // The classification column continues on the same text lines, so only the start of each line is compared.
      const expected = ['ethanol', 'CAS No', '64-17-5', 'EC No', '200-578-6'];
      const at = lines.findIndex((l) => l.startsWith('ethanol '));
      expect(at).to.be.above(0);
      expect(lines.slice(at, at + expected.length).map((l, i) => l.slice(0, expected[i]?.length))).to.deep.equal(expected);
    });

    // Every default document in every layout: the truth is printed in it.
    SDS_FIXTURE_LANGUAGES.forEach((language, i) => {
      (['primary', 'secondary'] as const).forEach((product, k) => {
        const layout = LAYOUTS[(i + k) % LAYOUTS.length] ?? 'table';
        it(`when the ${product} ${language} SDS (${layout}) is extracted, then every value of its truth is in the text`, async () => {
          const spec = defaultSpec(language, { compositionLayout: layout, dateStyle: k === 0 ? 'long' : 'iso' }, product);
          const { bytes, truth } = buildSdsPdf(spec);

          const { text } = await extract(bytes);

          const flat = squeeze(text);
          expect(text).to.include(truth.productName);
          expect(text).to.include(truth.supplierName);
          expect(text).to.include(formatDate(truth.revisionDate, spec.dateStyle, language));
          expect(text).to.include(formatDate(truth.printDate, spec.dateStyle, language));
          if (truth.signalWord !== null) expect(text).to.include(truth.signalWord);
          for (const code of [...truth.hazardStatements, ...truth.euhStatements, ...truth.pictograms]) expect(text).to.include(code);
          for (const s of truth.substances) {
            for (const value of [s.cas, s.ec, s.concentration]) if (value !== null) expect(flat).to.include(squeeze(value));
            // A wrapped name interleaves with its neighbours' lines, so its characters are checked in order.
            const section3 = flat.slice(flat.indexOf(squeeze(HEADINGS[language].subsections['3.2'] ?? '')));
            let from = 0;
            for (const char of squeeze(s.name)) {
              from = section3.indexOf(char, from) + 1;
              expect(from, `${s.name} in section 3`).to.be.above(0);
            }
          }
        });
      });
    });

    it('when the label prints a combined statement, then the truth splits it and keeps the codes of 2.1', async () => {
      const { bytes, truth } = buildSdsPdf(defaultSpec('nb', {}, 'secondary'));

      const { text } = await extract(bytes);

      expect(text).to.include('H301+H311+H331 Giftig ved svelging, hudkontakt eller innånding.');
      expect(truth.hazardStatements).to.deep.equal(['H225', 'H301', 'H311', 'H331', 'H370']);
    });

    it('when a code is classified in 2.1 but left off the label, then the truth still lists it', () => {
      const { truth } = buildSdsPdf(defaultSpec('de'));

      expect(truth.hazardStatements).to.deep.equal(['H290', 'H314', 'H318', 'H411']);
      expect(truth.euhStatements).to.deep.equal(['EUH031']);
    });

    it('when a row is printed twice, then the truth keeps the first occurrence only', () => {
      const base = defaultSpec('pl');
      const duplicate = base.substances[1];
      if (duplicate === undefined) return expect.fail('the sample has fewer than two substances');

      const { truth } = buildSdsPdf({ ...base, substances: [...base.substances, duplicate] });

      expect(truth.substances.map((s) => s.cas)).to.deep.equal(base.substances.map((s) => s.cas ?? null));
    });

    it('when the format is US-OSHA-16, then OSHA titles and 29 CFR 1910.1200 are printed and no EC number reaches the truth', async () => {
      const { bytes, truth } = buildSdsPdf(defaultSpec('en', { format: 'US-OSHA-16' }));

      const { text } = await extract(bytes);

      expect(text).to.include('SECTION 1 - Identification');
      expect(text).to.include('SECTION 2 - Hazard(s) identification');
      expect(text).to.include('29 CFR 1910.1200');
      expect(text).not.to.include('1907/2006');
      expect(text).not.to.include('200-578-6');
      expect(truth.format).to.equal('US-OSHA-16');
      expect(truth.supplierCountry).to.equal('US');
      expect(truth.substances.every((s) => s.ec === null)).to.equal(true);
      expect(truth.revisionDate).to.match(/^\d{4}-\d{2}-\d{2}$/u);
    });

    it('when a US-OSHA-16 document is asked for in another language, then it is refused', () => {
      expect(() => buildSdsPdf(defaultSpec('sv', { format: 'US-OSHA-16' }))).to.throw(/English only/u);
    });

    it('when the sample specs are read, then every CAS, EC, index and REACH number is well formed with a correct check digit', () => {
      const specs: SdsSpec[] = [
        ...SDS_FIXTURE_LANGUAGES.flatMap((l) => [defaultSpec(l), defaultSpec(l, {}, 'secondary')]),
        defaultSpec('en', { format: 'US-OSHA-16' }),
      ];
      const problems = specs.flatMap((spec) =>
        spec.substances.flatMap((s) =>
          [
            s.cas === undefined ? undefined : parseCas(s.cas),
            s.ec === undefined ? undefined : parseEc(s.ec),
            s.index === undefined ? undefined : parseIndexNumber(s.index),
            s.reach === undefined ? undefined : parseReachRegistration(s.reach),
          ].flatMap((parsed) => (parsed === undefined || parsed.valid ? [] : [`${spec.language} ${s.name}: ${parsed.original} ${parsed.reason ?? ''}`])),
        ),
      );
      expect(problems).to.deep.equal([]);
    });

    it('when the same spec is built twice, then the bytes are identical', () => {
      const spec = defaultSpec('fr', { compositionLayout: 'wrapped' });

      expect(Buffer.from(buildSdsPdf(spec).bytes).equals(Buffer.from(buildSdsPdf(spec).bytes))).to.equal(true);
    });

    it('when text holds a character the standard fonts cannot show, then the writer throws instead of substituting it', () => {
      expect(() => encodeText('Ethanol → Ethen')).to.throw(/U\+2192/u);
    });
  });

  describe('brokenPdfs', () => {
    it('when the file is empty, then it has no bytes and pdf.js refuses it', async () => {
      const bytes = brokenPdfs.empty();

      const error = await refusal(bytes);

      expect(bytes.byteLength).to.equal(0);
      expect(error).to.be.instanceOf(InvalidPDFException);
    });

    for (const kind of ['png', 'zip', 'text'] as const) {
      it(`when a ${kind} file is named .pdf, then it does not start with %PDF and pdf.js refuses it`, async () => {
        const bytes = brokenPdfs.notPdf(kind);

        const error = await refusal(bytes);

        expect(Buffer.from(bytes.subarray(0, 5)).toString('latin1')).not.to.equal('%PDF-');
        expect(error).to.be.instanceOf(InvalidPDFException);
      });
    }

    it('when the PDF is truncated, then it starts like a PDF but pdf.js cannot load it', async () => {
      const bytes = brokenPdfs.truncated();

      const error = await refusal(bytes);

      expect(Buffer.from(bytes.subarray(0, 8)).toString('latin1')).to.equal('%PDF-1.4');
      expect(error).to.be.instanceOf(InvalidPDFException);
    });

    it('when the PDF is corrupt, then pdf.js cannot load it', async () => {
      const error = await refusal(brokenPdfs.corrupt());

      expect(error).to.be.instanceOf(InvalidPDFException);
    });

    it('when the PDF is encrypted with a user password, then pdf.js asks for it, and opens the SDS when given it', async () => {
      const bytes = brokenPdfs.encrypted();

      const error = await refusal(bytes);
      const opened = await extract(bytes, ENCRYPTED_PDF_PASSWORD);

      expect(error).to.be.instanceOf(PasswordException);
      expect(opened.text).to.include('Säkerhetsdatablad');
    });

    it('when the PDF is scanned, then it has two pages and no text at all', async () => {
      const { pages, total } = await extract(brokenPdfs.scanned());

      expect(total).to.equal(2);
      expect(pages.map((p) => p.text.trim())).to.deep.equal(['', '']);
    });

    it('when the PDF is an invoice, then it has text but none of the SDS headings', async () => {
      const { text } = await extract(brokenPdfs.notAnSds());

      expect(text).to.include('FAKTURA');
      expect(text).to.include('Att betala: 6 400,00 kr');
      const sdsWords = SDS_FIXTURE_LANGUAGES.flatMap((l) => [HEADINGS[l].documentTitle, `${HEADINGS[l].sectionWord} 1`]);
      expect(sdsWords.filter((word) => text.toLowerCase().includes(word.toLowerCase()))).to.deep.equal([]);
    });

    it('when the page tree contains itself, then pdf.js stops with an error instead of looping', async () => {
      const error = await refusal(brokenPdfs.hostile());

      expect(error.message).to.match(/circular/iu);
    });
  });
});
