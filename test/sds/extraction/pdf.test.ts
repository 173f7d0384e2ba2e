// The whole extraction on PDFs the project generates: every supported language, EU and US formats, several
// layouts, and each kind of unreadable file. Pages come from pdf-parse exactly as in production.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { extractSds } from '../../../src/sds/extraction/index.js';
import { buildSdsPdf, brokenPdfs, defaultSpec, SDS_FIXTURE_LANGUAGES } from '../../support/sds-pdf/index.js';

const run = promisify(execFile);
const set = (xs: Array<string | null>) => [...new Set(xs.filter((x): x is string => x !== null))].sort();

describe('sds/extraction on generated PDFs', () => {
  for (const language of SDS_FIXTURE_LANGUAGES) {
    for (const product of ['primary', 'secondary'] as const) {
      it(`when a ${language} sheet (${product} sample) is uploaded, then its identity, section 2 and section 3 facts match what is printed`, async () => {
        const { bytes, truth } = buildSdsPdf(defaultSpec(language, {}, product));
        const result = await extractSds(bytes);
        if (!result.ok) throw new Error(result.message);
        const { facts } = result;
        expect(facts.language).to.equal(language);
        expect(facts.format).to.equal(truth.format);
        expect(facts.productName.value).to.equal(truth.productName);
        expect(facts.supplierName.value).to.equal(truth.supplierName);
        expect(facts.revisionDate.value).to.equal(truth.revisionDate);
        expect(facts.signalWord.printed?.toLowerCase() ?? null).to.equal(truth.signalWord?.toLowerCase() ?? null);
        expect(set(facts.hazardStatements.map((c) => c.code))).to.deep.equal(set(truth.hazardStatements));
        expect(set(facts.euhStatements.map((c) => c.code))).to.deep.equal(set(truth.euhStatements));
        expect(set(facts.substances.map((s) => s.cas?.value ?? null))).to.deep.equal(set(truth.substances.map((s) => s.cas)));
        expect(set(facts.substances.map((s) => s.ec?.value ?? null))).to.deep.equal(set(truth.substances.map((s) => s.ec)));
        expect(facts.substances.every((s) => s.evidence?.page !== null && s.evidence?.page !== undefined)).to.equal(true);
      });
    }
  }

  it('when PDFs have been read, then Array.prototype.push and JSON.parse are the engine\'s own again, not pdf.js\'s bundled polyfills', async () => {
    // In a fresh process, so the natives can be captured before pdf.js is ever loaded (core-js disguises its
    // polyfills as native code, so only identity tells them apart). Two documents: the first one loads pdf.js's
    // worker module, which installs the polyfills a second time.
    const extraction = new URL('../../../src/sds/extraction/index.ts', import.meta.url).href;
    const fixtures = new URL('../../support/sds-pdf/index.ts', import.meta.url).href;
    const script = `
      const push = Array.prototype.push, parse = JSON.parse;
      const { extractSds } = await import(${JSON.stringify(extraction)});
      const { buildSdsPdf, defaultSpec } = await import(${JSON.stringify(fixtures)});
      for (let i = 0; i < 2; i++) await extractSds(buildSdsPdf(defaultSpec('en')).bytes);
      console.log(JSON.stringify({ push: Array.prototype.push === push, parse: JSON.parse === parse, withResolvers: typeof Promise.withResolvers }));`;
    const { stdout } = await run(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script]);
    // The polyfills that add what Node 20 lacks stay: pdf.js needs them.
    expect(JSON.parse(stdout)).to.deep.equal({ push: true, parse: true, withResolvers: 'function' });
  });

  it('when a US OSHA sheet prints dates month first, then the revision date is read month first', async () => {
    const { bytes, truth } = buildSdsPdf(defaultSpec('en', { format: 'US-OSHA-16', dateStyle: 'mdy-slash' }));
    const result = await extractSds(bytes);
    if (!result.ok) throw new Error(result.message);
    expect(result.facts.format).to.equal('US-OSHA-16');
    expect(result.facts.revisionDate.value).to.equal(truth.revisionDate);
  });

  const unreadable = [
    ['empty', brokenPdfs.empty(), 'empty'],
    ['a PNG named .pdf', brokenPdfs.notPdf('png'), 'not-pdf'],
    ['truncated', brokenPdfs.truncated(), 'corrupt'],
    ['corrupt', brokenPdfs.corrupt(), 'corrupt'],
    ['password-protected', brokenPdfs.encrypted(), 'encrypted'],
  ] as const;
  for (const [what, bytes, reason] of unreadable) {
    it(`when the file is ${what}, then extraction answers '${reason}' instead of throwing`, async () => {
      const result = await extractSds(bytes);
      expect(result.ok).to.equal(false);
      if (!result.ok) expect(result.reason).to.equal(reason);
    });
  }

  it('when the PDF is a scan (images only), then it is read with textLayer false and no facts', async () => {
    const result = await extractSds(brokenPdfs.scanned());
    if (!result.ok) throw new Error(result.message);
    expect(result.facts).to.include({ textLayer: false, needsReview: true });
    expect(result.facts.substances).to.deep.equal([]);
  });

  it('when the PDF is an invoice, then it is read but is not an SDS', async () => {
    const result = await extractSds(brokenPdfs.notAnSds());
    if (!result.ok) throw new Error(result.message);
    expect(result.facts).to.include({ textLayer: true, isSds: false });
  });
});
