// The `chemreg parse` contract used to measure accuracy: field names, one object or an array, errors as data.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { brokenPdfs, buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';

const run = promisify(execFile);
const BIN = new URL('../../bin/chemreg.js', import.meta.url).pathname;

describe('chemreg parse (CLI)', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chemreg-parse-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('when given one SDS, then it prints one object with the contract fields and per-field confidence/evidence', async () => {
    const { bytes, truth } = buildSdsPdf(defaultSpec('de'));
    const file = join(dir, 'de.pdf');
    await writeFile(file, bytes);
    const { stdout } = await run(process.execPath, [BIN, 'parse', file]);
    const report = JSON.parse(stdout) as Record<string, unknown>;
    for (const key of ['file', 'language', 'format', 'textLayer', 'productName', 'supplierName', 'revisionDate', 'signalWord', 'hazardStatements', 'euhStatements', 'pictograms', 'substances', 'needsReview', 'reasons', 'confidence', 'evidence']) {
      expect(report, key).to.have.property(key);
    }
    expect(report).to.include({ file: 'de.pdf', language: 'de', format: 'EU-REACH-16', textLayer: true, productName: truth.productName, revisionDate: truth.revisionDate });
    expect((report['confidence'] as Record<string, number>)['productName']).to.be.within(0, 1);
  });

  it('when given several files and one cannot be read, then it prints an array with an error object for that one and exits 0', async () => {
    const good = join(dir, 'sv.pdf');
    const bad = join(dir, 'locked.pdf');
    await writeFile(good, buildSdsPdf(defaultSpec('sv')).bytes);
    await writeFile(bad, brokenPdfs.encrypted());
    const { stdout } = await run(process.execPath, [BIN, 'parse', good, bad, join(dir, 'missing.pdf')]);
    const reports = JSON.parse(stdout) as Array<Record<string, unknown>>;
    expect(reports.map((r) => r['file'])).to.deep.equal(['sv.pdf', 'locked.pdf', 'missing.pdf']);
    expect(reports[0]).to.not.have.property('error');
    expect(reports[1]).to.include({ reason: 'encrypted' });
    expect(reports[2]).to.have.property('error');
  });
});
