import { expect } from 'chai';
import { detectListFormat, importListFile, KNOWN_FORMATS_TEXT, ListImportError } from '../../../src/lists/importers/index.js';
import {
  brokenListFiles, buildChemregCsv, buildChemregJson, buildClpAnnexViXlsx, buildEchaChemXlsx, buildLegacyExport, buildRohsCsv,
  buildSinListXlsx, type ListFixture,
} from '../../support/list-files/index.js';

async function rejection(promise: Promise<unknown>): Promise<ListImportError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ListImportError) return err;
    throw err;
  }
  throw new Error('the import succeeded');
}

describe('lists/importers detection (importListFile, detectListFormat)', () => {
  let fixtures: ListFixture[];
  before(async () => {
    fixtures = [
      ...(await Promise.all((['candidate', 'authorisation', 'restriction', 'pops', 'harmonised'] as const).map((list) => buildEchaChemXlsx(list)))),
      await buildLegacyExport({ list: 'candidate', container: 'xlsx' }),
      await buildLegacyExport({ list: 'candidate', container: 'csv', language: 'nl' }),
      await buildLegacyExport({ list: 'restriction', container: 'xlsx' }),
      await buildLegacyExport({ list: 'restriction', container: 'csv' }),
      await buildClpAnnexViXlsx(),
      await buildSinListXlsx(),
      buildRohsCsv(),
      buildChemregCsv(),
      buildChemregCsv({ delimiter: ';' }),
      buildChemregJson(),
    ];
  });

  it('when each kind of list file is given, then its format and list are detected from the content', async () => {
    for (const fixture of fixtures) {
      const detected = await detectListFormat(fixture.bytes, fixture.fileName);
      expect(detected, fixture.fileName).to.deep.equal({ format: fixture.expected.format, listId: fixture.expected.listId });
    }
  });

  it('when each kind of list file is imported, then the entry count, row count, list date and warnings are as built', async () => {
    for (const fixture of fixtures) {
      const options = fixture.expected.listId === null ? { listId: 'custom-list' } : {};
      const result = await importListFile(fixture.bytes, fixture.fileName, options);
      expect(
        { entries: result.entries.length, rows: result.rowCount, listDate: result.listDate, warnings: result.warnings.length, keys: result.entries.map((e) => e.key) },
        fixture.fileName,
      ).to.deep.equal({ entries: fixture.expected.entryCount, rows: fixture.expected.rowCount, listDate: fixture.expected.listDate, warnings: fixture.expected.warningCount, keys: fixture.expected.keys });
    }
  });

  it('when a file is renamed, then detection still goes by its content', async () => {
    const fixture = await buildEchaChemXlsx('pops');

    expect(await detectListFormat(fixture.bytes, 'download (3).xlsx')).to.deep.equal({ format: 'echa-chem-xlsx', listId: 'eu-pops' });
  });

  it('when a file is not a list, then the import is refused with a message naming every expected format', async () => {
    for (const broken of await brokenListFiles()) {
      const err = await rejection(importListFile(broken.bytes, broken.fileName));
      expect(err.code, broken.what).to.equal(broken.code);
      expect(err.message, broken.what).to.contain(broken.fileName);
      if (broken.code === 'LIST_FORMAT_UNKNOWN') {
        expect(err.message, broken.what).to.contain(KNOWN_FORMATS_TEXT);
        expect(err.expected).to.equal(KNOWN_FORMATS_TEXT);
      }
    }
  });

  it('when detection is asked about a file that is not a list, then it refuses the same way', async () => {
    const err = await rejection(detectListFormat(new TextEncoder().encode('hello'), 'hello.txt'));

    expect(err.code).to.equal('LIST_FORMAT_UNKNOWN');
  });

  it('when an ECHA file is imported under another well-known list id, then it is refused naming listId', async () => {
    const fixture = await buildEchaChemXlsx('authorisation');

    const err = await rejection(importListFile(fixture.bytes, fixture.fileName, { listId: 'echa-candidate-list' }));

    expect(err).to.deep.include({ code: 'LIST_FILE_INVALID', field: 'listId' });
    expect(err.message).to.contain('reach-annex-xiv');
  });

  it('when an ECHA file is imported under its own list id, then the id is accepted', async () => {
    const fixture = await buildEchaChemXlsx('pops');

    const result = await importListFile(fixture.bytes, fixture.fileName, { listId: 'eu-pops' });

    expect(result.listId).to.equal('eu-pops');
  });
});
