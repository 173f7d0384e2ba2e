import { expect } from 'chai';
import { ListImportError, importListFile, toChemregJson } from '../../../src/lists/importers/index.js';
import type { ImportedList, ListEntry } from '../../../src/lists/list-entry.js';
import { buildChemregCsv, buildChemregJson, buildClpAnnexViXlsx, buildLegacyExport } from '../../support/list-files/index.js';

function entry(list: ImportedList, key: string): ListEntry {
  const found = list.entries.find((e) => e.key === key);
  if (found === undefined) throw new Error(`no entry ${key} in ${list.entries.map((e) => e.key).join(', ')}`);
  return found;
}

async function rejection(promise: Promise<unknown>): Promise<ListImportError> {
  try {
    await promise;
  } catch (err) {
    if (err instanceof ListImportError) return err;
    throw err;
  }
  throw new Error('the import succeeded');
}

describe('lists/importers/chemreg', () => {
  describe('CSV', () => {
    it('when a custom CSV is imported with a list id, then every row becomes an entry of that list', async () => {
      const fixture = buildChemregCsv();

      const result = await importListFile(fixture.bytes, fixture.fileName, { listId: 'region-stockholm-phase-out', name: 'Region Stockholm phase-out list' });

      expect(result).to.deep.include({ listId: 'region-stockholm-phase-out', name: 'Region Stockholm phase-out list', kind: 'custom', format: 'chemreg-csv', rowCount: 5, listDate: null });
      expect(result.entries.map((e) => e.key)).to.deep.equal(fixture.expected.keys);
    });

    it('when columns give identifiers, a limit, reasons and hazard codes, then they land in the entry', async () => {
      const fixture = buildChemregCsv();

      const result = await importListFile(fixture.bytes, fixture.fileName, { listId: 'region-stockholm-phase-out' });

      expect(entry(result, '201-245-8')).to.deep.include({ cas: ['80-05-7'], ec: ['201-245-8'], indexNumbers: ['604-030-00-0'], reasons: ['Phase-out list 2024'] });
      expect(entry(result, '201-245-8').limit).to.deep.equal({ percent: 0.1, basis: 'homogeneous-material', scope: 'as stated in the list', source: 'list' });
      expect(entry(result, '117-81-7')).to.deep.include({ cas: ['117-81-7', '84-74-2'], reasons: ['Phase-out list 2024', 'Contract clause 4.2'] });
      expect(entry(result, 'cmr 1a/1b')).to.deep.include({ ruleHazardCodes: ['H340', 'H350', 'H360'], group: false });
      expect(entry(result, 'pvc').group).to.equal(true);
    });

    it('when the CSV is semicolon-separated with decimal commas and a BOM, then it reads the same', async () => {
      const comma = buildChemregCsv();
      const semicolon = buildChemregCsv({ delimiter: ';' });

      const a = await importListFile(comma.bytes, comma.fileName, { listId: 'region-x' });
      const b = await importListFile(semicolon.bytes, semicolon.fileName, { listId: 'region-x' });

      expect(b.entries).to.deep.equal(a.entries);
    });

    it('when a CAS check digit is wrong, then the entry keeps its EC key and the CAS is reported', async () => {
      const fixture = buildChemregCsv();

      const result = await importListFile(fixture.bytes, fixture.fileName, { listId: 'region-x' });

      expect(entry(result, '222-182-2').cas).to.deep.equal([]);
      expect(result.warnings).to.deep.equal([{ row: 5, field: 'cas', message: 'CAS "3380-34-6" left out: CAS check digit is 6, the digits before it require 5' }]);
    });

    it('when a custom CSV comes without a list id, then LIST_ID_REQUIRED names the listId field', async () => {
      const fixture = buildChemregCsv();

      const err = await rejection(importListFile(fixture.bytes, fixture.fileName));

      expect(err).to.deep.include({ code: 'LIST_ID_REQUIRED', field: 'listId' });
      expect(err.expected).to.match(/list id/u);
    });

    it('when the list id is not a valid id, then the file is refused naming listId', async () => {
      const fixture = buildChemregCsv();

      const err = await rejection(importListFile(fixture.bytes, fixture.fileName, { listId: 'Not An Id' }));

      expect(err).to.deep.include({ code: 'LIST_FILE_INVALID', field: 'listId' });
    });
  });

  describe('JSON', () => {
    it('when a chemreg JSON list is imported, then its id, name, kind, date and entries are taken from the file', async () => {
      const fixture = buildChemregJson();

      const result = await importListFile(fixture.bytes, fixture.fileName);

      expect(result).to.deep.include({ listId: 'region-stockholm-phase-out', name: 'Region Stockholm phase-out list', kind: 'custom', format: 'chemreg-json', listDate: '2024-01-15', rowCount: 2 });
      expect(result.entries.map((e) => e.key)).to.deep.equal(fixture.expected.keys);
    });

    it('when an imported list is written as chemreg JSON and read back, then it is the same list', async () => {
      const source = await buildClpAnnexViXlsx();
      const list = await importListFile(source.bytes, source.fileName);
      const generated = { by: 'test', at: '2026-03-11T10:00:00.000Z', sources: [{ fileName: source.fileName, sha256: 'a'.repeat(64), format: 'clp-annex-vi-xlsx' }] };

      const back = await importListFile(new TextEncoder().encode(toChemregJson(list, generated)), 'clp-annex-vi.json');

      expect(back).to.deep.equal({ ...list, format: 'chemreg-json', rowCount: list.entries.length });
    });

    it('when a list with group members is written and read back, then members survive too', async () => {
      const source = await buildLegacyExport({ list: 'restriction', container: 'xlsx' });
      const list = await importListFile(source.bytes, source.fileName);

      const back = await importListFile(new TextEncoder().encode(toChemregJson(list)), 'reach-annex-xvii.json');

      expect(back.entries).to.deep.equal(list.entries);
    });

    it('when an entry does not fit the ListEntry schema, then the file is refused naming the entry field', async () => {
      const fixture = buildChemregJson({ entries: [{ key: 'x', name: 'X' }] });

      const err = await rejection(importListFile(fixture.bytes, fixture.fileName));

      expect(err.code).to.equal('LIST_FILE_INVALID');
      expect(err.field).to.match(/^\$\.entries\[0\]\./u);
    });

    it('when two entries share a key, then the file is refused', async () => {
      const one = JSON.parse(new TextDecoder().decode(buildChemregJson().bytes)) as { entries: unknown[] };
      const fixture = buildChemregJson({ entries: [one.entries[0], one.entries[0]] });

      const err = await rejection(importListFile(fixture.bytes, fixture.fileName));

      expect(err).to.deep.include({ code: 'LIST_FILE_INVALID', field: '$.entries[1].key' });
    });

    it('when the document has a field the format does not define, then it is refused', async () => {
      const fixture = buildChemregJson({ extra: { colour: 'red' } });

      const err = await rejection(importListFile(fixture.bytes, fixture.fileName));

      expect(err.code).to.equal('LIST_FILE_INVALID');
    });
  });
});
