// The list API end to end (issue 5 "Lists"): every shipped list format imported through POST /api/v1/lists/import
// as a new immutable version and read back through the list, version, entry and diff routes; the same file again
// answering its version; wrong or unknown files refused with a 400 that names what was expected, with nothing
// half-imported; and the re-screen job an import starts. Every file is generated (test/support/list-files).
import { createHash } from 'node:crypto';
import { expect } from 'chai';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import {
  brokenListFiles, buildChemregCsv, buildChemregJson, buildClpAnnexViXlsx, buildEchaChemXlsx, buildLegacyExport, buildRohsCsv,
  buildSinListXlsx, type ListFixture,
} from '../support/list-files/index.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';

// --- helpers ---------------------------------------------------------------------------------------------------------

const IMPORT = '/api/v1/lists/import';

const show = (res: Response): string => `${res.status} ${JSON.stringify(res.body)}`;

const sha256 = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

/** A file as the upload form sends it: multipart field `file`. */
function fileForm(file: { fileName: string; bytes: Uint8Array }): FormData {
  const body = new FormData();
  body.append('file', new Blob([file.bytes]), file.fileName);
  return body;
}

function importFile(client: Client, file: { fileName: string; bytes: Uint8Array }, query: Record<string, string> = {}): Promise<Response> {
  const search = new URLSearchParams(query).toString();
  return client.post(`${IMPORT}${search === '' ? '' : `?${search}`}`, fileForm(file));
}

/** A chemreg JSON list file built from entries (the import format a user writes by hand). */
function jsonList(listId: string, entries: ListEntry[], listDate = '2026-01-15'): { fileName: string; bytes: Uint8Array } {
  const document = { chemreg: 'list', version: 1, listId, name: `Test list ${listId}`, kind: 'custom', listDate, entries };
  return { fileName: `${listId}.json`, bytes: new TextEncoder().encode(JSON.stringify(document)) };
}

/** Every entry of one version, read page by page. */
async function allEntries(client: Client, listId: string, version: number): Promise<ListEntry[]> {
  const entries: ListEntry[] = [];
  for (let offset = 0; ; offset += 200) {
    const res = await client.get<{ items: ListEntry[]; total: number }>(`/api/v1/lists/${listId}/versions/${version}/entries?limit=200&offset=${offset}`);
    expect(res.status, show(res)).to.equal(200);
    entries.push(...res.body.items);
    if (entries.length >= res.body.total || res.body.items.length === 0) return entries;
  }
}

/** listId → version count of every stored list: what "nothing half-imported" compares before and after. */
async function listCounts(client: Client): Promise<Record<string, number>> {
  const res = await client.get<{ items: Array<{ id: string; versionCount: number }> }>('/api/v1/lists?limit=200');
  expect(res.status, show(res)).to.equal(200);
  return Object.fromEntries(res.body.items.map((l) => [l.id, l.versionCount]));
}

function entryByKey(entries: Map<string, ListEntry>, key: string): ListEntry {
  const entry = entries.get(key);
  expect(entry, `entry ${key}`).to.not.equal(undefined);
  return entry!;
}

/** A 400 from the list importer: its code, one issue naming the field with what was expected, and the same in the message. */
function expectRefusal(res: Response, code: string, path: 'body.file' | 'query.listId'): void {
  expect(res.status, show(res)).to.equal(400);
  expect(res.body.code, show(res)).to.equal(code);
  expect(res.body.issues, show(res)).to.have.length(1);
  expect(res.body.issues[0].path).to.equal(path);
  expect(res.body.issues[0].message).to.match(/^expected \S/u);
  expect(res.body.message).to.match(/expected \S/u);
}

// --- the formats ---------------------------------------------------------------------------------------------------

const BPAF_GROUP = "4,4'-[2,2,2-trifluoro-1-(trifluoromethyl)ethylidene]diphenol and its salts";

interface FormatCase {
  title: string;
  build: () => ListFixture | Promise<ListFixture>;
  /** Query of the import (chemreg CSV names no list). */
  query?: Record<string, string>;
  /** Facts of a few entries: identifiers, folded group members, parsed dates. */
  check: (entries: Map<string, ListEntry>) => void;
}

/** Legacy Candidate List exports (xlsx and csv, English and Dutch) hold the same substances. */
function checkLegacyCandidate(entries: Map<string, ListEntry>): void {
  // The BPAF group is split over three rows sharing a Decision URL: folded into one entry with two members.
  const bpaf = entryByKey(entries, BPAF_GROUP);
  expect(bpaf.members.map((m) => m.cas)).to.have.members(['1478-61-1', '75768-65-9']);
  expect(bpaf.cas).to.have.members(['1478-61-1', '75768-65-9']);
  expect(bpaf.ec).to.have.members(['216-036-7', '278-305-5']);
  expect(bpaf.dateOfInclusion).to.equal('2026-02-04');
  // Two CAS numbers in one cell, comma-separated.
  expect(entryByKey(entries, '233-331-6').cas).to.have.members(['10124-36-4', '31119-53-6']);
  expect(entryByKey(entries, '203-615-4')).to.deep.include({ name: 'Melamine', cas: ['108-78-1'], dateOfInclusion: '2023-01-17' });
  // October: "Oct" in English, "okt" in the Dutch UI.
  expect(entryByKey(entries, '201-329-4').dateOfInclusion).to.equal('2008-10-28');
  // 84-69-4 has a wrong check digit: left out (and warned about), the EC still identifies the entry.
  expect(entryByKey(entries, '201-553-2')).to.deep.include({ cas: [], ec: ['201-553-2'] });
}

/** Legacy restriction list exports: entry 63 split over five rows, entry 01 over two. */
function checkLegacyRestriction(entries: Map<string, ListEntry>): void {
  const lead = entryByKey(entries, '63');
  expect(lead).to.deep.include({ name: 'Lead and its compounds', element: 'Pb', group: true, entryNumber: '63' });
  expect(lead.members).to.have.length(4);
  // 68603-93-1 (wrong check digit) is left out.
  expect(lead.cas).to.have.members(['7439-92-1', '69029-50-1']);
  expect(lead.ec).to.deep.equal(['231-100-4']);
  expect(entryByKey(entries, '1').members).to.deep.equal([{ name: 'Terphenyl, chlorinated', cas: '61788-33-8', ec: '262-968-2' }]);
  expect(entryByKey(entries, '5')).to.deep.include({ name: 'Benzene', cas: ['71-43-2'], ec: ['200-753-7'], entryNumber: '05' });
}

function checkChemregCsv(entries: Map<string, ListEntry>): void {
  expect(entryByKey(entries, '201-245-8')).to.deep.include({
    name: 'Bisphenol A', cas: ['80-05-7'], ec: ['201-245-8'], indexNumbers: ['604-030-00-0'], reasons: ['Phase-out list 2024'],
  });
  // 0.1 whether written with a decimal point or (semicolon file) a decimal comma.
  expect(entryByKey(entries, '201-245-8').limit).to.include({ percent: 0.1, basis: 'homogeneous-material' });
  expect(entryByKey(entries, '117-81-7')).to.deep.include({ cas: ['117-81-7', '84-74-2'], reasons: ['Phase-out list 2024', 'Contract clause 4.2'] });
  expect(entryByKey(entries, '117-81-7').limit).to.include({ percent: 0.1, basis: 'article' });
  expect(entryByKey(entries, 'cmr 1a/1b').ruleHazardCodes).to.deep.equal(['H340', 'H350', 'H360']);
  expect(entryByKey(entries, '222-182-2')).to.deep.include({ cas: [], ec: ['222-182-2'] });
}

const FORMATS: FormatCase[] = [
  {
    title: 'an ECHA CHEM Candidate List export',
    build: () => buildEchaChemXlsx('candidate'),
    check(entries) {
      expect(entryByKey(entries, '203-777-6')).to.deep.include({ name: 'n-hexane', cas: ['110-54-3'], ec: ['203-777-6'], dateOfInclusion: '2026-02-04' });
      // DBP's three amendment rows are one entry, included on its first date, with the reasons of every row.
      const dbp = entryByKey(entries, '201-557-4');
      expect(dbp).to.deep.include({ cas: ['84-74-2'], dateOfInclusion: '2008-10-28' });
      expect(dbp.reasons.join('\n')).to.include('Endocrine disrupting properties (Article 57(f) - environment)');
      expect(entryByKey(entries, '233-331-6')).to.deep.include({ cas: ['10124-36-4', '31119-53-6'], ec: ['233-331-6'] });
      expect(entryByKey(entries, '201-553-2')).to.deep.include({ cas: [], ec: ['201-553-2'] });
    },
  },
  {
    title: 'an ECHA CHEM Annex XIV export',
    build: () => buildEchaChemXlsx('authorisation'),
    check(entries) {
      expect(entryByKey(entries, '231-846-0')).to.deep.include({
        name: 'Lead chromate', cas: ['7758-97-6'], dateOfInclusion: '2012-02-14', latestApplicationDate: '2013-11-21', sunsetDate: '2015-05-21',
      });
      expect(entryByKey(entries, '201-329-4')).to.deep.include({ cas: ['81-15-2'], sunsetDate: '2014-08-21' });
    },
  },
  {
    title: 'an ECHA CHEM Annex XVII export',
    build: () => buildEchaChemXlsx('restriction'),
    check(entries) {
      // One row per amending act: benzene's two rows are one entry, from its first date.
      expect(entryByKey(entries, '5')).to.deep.include({ name: 'Benzene', cas: ['71-43-2'], ec: ['200-753-7'], entryNumber: '05', dateOfInclusion: '1982-11-22' });
      expect(entryByKey(entries, '1')).to.deep.include({ entryNumber: '01', dateOfInclusion: '1976-07-27' });
      expect(entryByKey(entries, '63')).to.deep.include({ element: 'Pb', dateOfInclusion: '2012-09-18' });
    },
  },
  {
    title: 'an ECHA CHEM POPs export',
    build: () => buildEchaChemXlsx('pops'),
    check(entries) {
      expect(entryByKey(entries, '201-765-5')).to.deep.include({ name: 'Hexachlorobuta-1,3-diene', cas: ['87-68-3'], dateOfInclusion: '2012-06-19' });
      expect(entryByKey(entries, '247-384-8')).to.deep.include({ cas: ['25973-55-1'], dateOfInclusion: '2025-07-15' });
      // The export carries no limits: UV-328's comes from chemreg's curated table (src/lists/curated-limits.ts).
      expect(entryByKey(entries, '247-384-8').limit?.source).to.equal('curated');
    },
  },
  {
    title: 'an ECHA CHEM harmonised classification export',
    build: () => buildEchaChemXlsx('harmonised'),
    check(entries) {
      // One index entry split over one row per CAS: folded into one entry with both substances as members.
      const borates = entryByKey(entries, '005-011-00-4');
      expect(borates.cas).to.have.members(['12267-73-1', '1330-43-4']);
      expect(borates.ec).to.have.members(['235-541-3', '215-540-4']);
      expect(borates.members).to.have.length(2);
      expect(entryByKey(entries, '001-001-00-9')).to.deep.include({ name: 'hydrogen', cas: ['1333-74-0'], indexNumbers: ['001-001-00-9'], appliesFrom: '2010-12-01' });
      expect(entryByKey(entries, '082-001-00-6').hazardCodes).to.include('H360Df');
    },
  },
  {
    title: 'a legacy echa.europa.eu Candidate List xlsx (English)',
    build: () => buildLegacyExport({ list: 'candidate', container: 'xlsx' }),
    check: checkLegacyCandidate,
  },
  {
    title: 'a legacy echa.europa.eu Candidate List xlsx (Dutch)',
    build: () => buildLegacyExport({ list: 'candidate', container: 'xlsx', language: 'nl' }),
    check: checkLegacyCandidate,
  },
  {
    title: 'a legacy echa.europa.eu Candidate List csv (English)',
    build: () => buildLegacyExport({ list: 'candidate', container: 'csv' }),
    check: checkLegacyCandidate,
  },
  {
    title: 'a legacy echa.europa.eu Candidate List csv (Dutch)',
    build: () => buildLegacyExport({ list: 'candidate', container: 'csv', language: 'nl' }),
    check: checkLegacyCandidate,
  },
  {
    title: 'a legacy echa.europa.eu restriction list xlsx (English)',
    build: () => buildLegacyExport({ list: 'restriction', container: 'xlsx' }),
    check: checkLegacyRestriction,
  },
  {
    title: 'a legacy echa.europa.eu restriction list xlsx (unknown UI language)',
    build: () => buildLegacyExport({ list: 'restriction', container: 'xlsx', language: 'nl' }),
    check: checkLegacyRestriction,
  },
  {
    title: 'a legacy echa.europa.eu restriction list csv (English)',
    build: () => buildLegacyExport({ list: 'restriction', container: 'csv' }),
    check: checkLegacyRestriction,
  },
  {
    title: 'a legacy echa.europa.eu restriction list csv (unknown UI language)',
    build: () => buildLegacyExport({ list: 'restriction', container: 'csv', language: 'nl' }),
    check: checkLegacyRestriction,
  },
  {
    title: 'the CLP Annex VI Excel table',
    build: buildClpAnnexViXlsx,
    check(entries) {
      // `[1] [2]` markers: two substances under one index number.
      const boric = entryByKey(entries, '005-007-00-2');
      expect(boric.cas).to.have.members(['10043-35-3', '11113-50-1']);
      expect(boric.ec).to.have.members(['233-139-2', '234-343-4']);
      expect(boric).to.deep.include({ appliesFrom: '2025-02-01', upcoming: false });
      // ATP23 applies from 2027: after the list date, so upcoming.
      expect(entryByKey(entries, '008-004-00-4')).to.deep.include({ name: 'ozone', cas: ['10028-15-6'], appliesFrom: '2027-02-01', upcoming: true });
      expect(entryByKey(entries, '007-031-00-9')).to.deep.include({ cas: [], ec: ['233-032-0'] });
      // The SCL in E notation.
      expect(entryByKey(entries, '607-716-00-8').specificLimits.map((s) => s.minPercent)).to.include(0.0005);
      // The History sheet's outdated entry is not imported.
      expect(entries.has('001-002-00-4')).to.equal(false);
    },
  },
  {
    title: 'the ChemSec SIN List export',
    build: buildSinListXlsx,
    check(entries) {
      expect(entryByKey(entries, '100-02-7')).to.deep.include({ name: '4-nitrophenol', cas: ['100-02-7'], ec: ['202-811-7'], dateOfInclusion: '2011-05-01' });
      expect(entryByKey(entries, '10124-36-4 / 31119-53-6').cas).to.deep.equal(['10124-36-4', '31119-53-6']);
      // ChemSec's EC typo is left out; "EC-<number>" in the CAS column is an EC number.
      expect(entryByKey(entries, '15699-18-0')).to.deep.include({ cas: ['15699-18-0'], ec: [] });
      expect(entryByKey(entries, 'EC-402-660-9')).to.deep.include({ cas: [], ec: ['402-660-9'], dateOfInclusion: '2008-09-01' });
    },
  },
  {
    title: 'the RoHS Annex II CSV',
    build: buildRohsCsv,
    check(entries) {
      expect(entryByKey(entries, 'Pb')).to.deep.include({ name: 'Lead', cas: ['7439-92-1'], ec: ['231-100-4'], element: 'Pb', group: true });
      expect(entryByKey(entries, 'Cd').limit).to.include({ percent: 0.01, basis: 'homogeneous-material' });
      expect(entryByKey(entries, 'DEHP')).to.deep.include({ cas: ['117-81-7'], group: false, appliesFrom: '2019-07-22' });
    },
  },
  {
    title: "chemreg's CSV (comma-separated)",
    build: () => buildChemregCsv(),
    query: { listId: 'region-phase-out-csv', name: 'Region phase-out (CSV)' },
    check: checkChemregCsv,
  },
  {
    title: "chemreg's CSV (semicolons, decimal comma, byte-order mark)",
    build: () => buildChemregCsv({ delimiter: ';' }),
    query: { listId: 'region-phase-out-sv', name: 'Region phase-out (sv)' },
    check: checkChemregCsv,
  },
  {
    title: "chemreg's JSON",
    build: () => buildChemregJson(),
    check(entries) {
      expect(entryByKey(entries, '201-245-8')).to.deep.include({ name: 'Bisphenol A', cas: ['80-05-7'], dateOfInclusion: '2024-01-15' });
      expect(entryByKey(entries, '204-211-0').limit).to.deep.equal({ percent: 0.1, basis: 'article', scope: 'textiles', source: 'list' });
    },
  },
];

// --- tests -----------------------------------------------------------------------------------------------------------

describe('list API', function () {
  this.timeout(30_000);

  describe('POST /lists/import, each shipped format', () => {
    // Several formats are versions of the same list (five Candidate List exports, five Annex XVII ones): each case
    // gets a fresh app so that each is version 1 of a list nobody imported before (a start costs about 0.1 s).
    let t: TestApp;
    let expert: Client;
    beforeEach(async () => {
      t = await startTestApp();
      expert = t.as((await t.issueToken('expert')).token);
    });
    afterEach(async () => {
      await t?.services.jobs.whenIdle();
      await t?.close();
    });

    for (const format of FORMATS) {
      it(`when ${format.title} is imported, then it is version 1 of its list with the file's counts, hash and date, and its entries read back`, async () => {
        const fixture = await format.build();
        const expected = fixture.expected;
        const listId = expected.listId ?? format.query?.listId ?? '';

        const res = await importFile(expert, fixture, format.query);

        expect(res.status, show(res)).to.equal(201);
        expect(res.body.created).to.equal(true);
        expect(res.body.rescreenJobId).to.be.a('string');
        const version = res.body.version;
        expect(version).to.include({
          listId, version: 1, format: expected.format, origin: 'upload', entryCount: expected.entryCount, rowCount: expected.rowCount, listDate: expected.listDate,
        });
        expect(version.source).to.deep.equal({ fileName: fixture.fileName, sha256: sha256(fixture.bytes), size: fixture.bytes.length });
        // The importer's warnings (e.g. a wrong check digit); chemreg's curated limit table adds its own (row null,
        // field limit) for rows not yet checked against EUR-Lex.
        const fileWarnings = version.warnings.filter((w: { row: number | null; field: string | null }) => !(w.row === null && w.field === 'limit'));
        expect(fileWarnings, JSON.stringify(version.warnings)).to.have.length(expected.warningCount);
        expect(version.importedBy.role).to.equal('expert');

        const list = await expert.get(`/api/v1/lists/${listId}`);
        expect(list.status, show(list)).to.equal(200);
        expect(list.body).to.include({ id: listId, versionCount: 1 });
        expect(list.body.latestVersion).to.deep.equal(version);
        if (format.query?.name !== undefined) expect(list.body).to.include({ name: format.query.name, kind: 'custom' });

        const versions = await expert.get(`/api/v1/lists/${listId}/versions`);
        expect(versions.status, show(versions)).to.equal(200);
        expect(versions.body.total).to.equal(1);
        expect(versions.body.items).to.deep.equal([version]);

        const entries = await allEntries(expert, listId, 1);
        expect(entries.map((e) => e.key)).to.have.members(expected.keys);
        const byKey = new Map(entries.map((e) => [e.key, e]));
        for (const key of expected.groupKeys ?? []) expect(entryByKey(byKey, key).group, `${key} is a group`).to.equal(true);
        for (const [key, element] of Object.entries(expected.elements ?? {})) expect(entryByKey(byKey, key).element, `${key} element`).to.equal(element);
        for (const [key, count] of Object.entries(expected.memberCounts ?? {})) expect(entryByKey(byKey, key).members, `${key} members`).to.have.length(count);
        if (expected.upcomingKeys) expect(entries.filter((e) => e.upcoming).map((e) => e.key)).to.have.members(expected.upcomingKeys);
        format.check(byKey);
      });
    }
  });

  describe('POST /lists/import, the same file again and new versions', () => {
    let t: TestApp;
    let admin: Client;
    let v1: ListFixture;
    let v2: ListFixture;
    before(async () => {
      t = await startTestApp();
      admin = t.as(t.adminToken);
      [v1, v2] = await Promise.all([buildEchaChemXlsx('candidate'), buildEchaChemXlsx('candidate', { variant: 'v2' })]);
    });
    after(async () => {
      await t?.services.jobs.whenIdle();
      await t?.close();
    });

    it('when the same file is imported again, even under another name, then 200 answers the existing version and no job or version is added', async () => {
      const first = await importFile(admin, v1);
      expect(first.status, show(first)).to.equal(201);

      const again = await importFile(admin, v1);
      const renamed = await importFile(admin, { fileName: 'Candidate list (1).xlsx', bytes: v1.bytes });

      for (const res of [again, renamed]) {
        expect(res.status, show(res)).to.equal(200);
        expect(res.body).to.deep.equal({ version: first.body.version, created: false, rescreenJobId: null });
      }
      const versions = await admin.get('/api/v1/lists/echa-candidate-list/versions');
      expect(versions.body.total).to.equal(1);
      expect((await admin.get('/api/v1/lists/echa-candidate-list')).body.versionCount).to.equal(1);
    });

    it('when a file is imported, then the Location of the answer leads to the version it is', async () => {
      // Written against a bug: Location is /api/v1/lists/{id}/versions/{n}, a path no route serves (404 ROUTE_NOT_FOUND).
      const res = await importFile(admin, v1);
      const location = res.headers.get('location') ?? '';
      expect(location).to.equal('/api/v1/lists/echa-candidate-list/versions/1');

      const target = await admin.get(location);

      expect(target.status, show(target)).to.equal(200);
    });

    it('when a changed file is imported, then 201 makes it version 2 and the latest version of the list', async () => {
      const res = await importFile(admin, v2);

      expect(res.status, show(res)).to.equal(201);
      expect(res.body.version).to.include({ listId: 'echa-candidate-list', version: 2, entryCount: 7, rowCount: 9 });
      expect(res.body.version.source.sha256).to.equal(sha256(v2.bytes));
      const list = await admin.get('/api/v1/lists/echa-candidate-list');
      expect(list.body.versionCount).to.equal(2);
      expect(list.body.latestVersion).to.deep.equal(res.body.version);
      const versions = await admin.get('/api/v1/lists/echa-candidate-list/versions');
      expect(versions.body.items.map((v: { version: number }) => v.version), 'newest first').to.deep.equal([2, 1]);
    });

    it('when the older file is imported after the newer one, then it answers version 1 and the list keeps two versions', async () => {
      const res = await importFile(admin, v1);

      expect(res.status, show(res)).to.equal(200);
      expect(res.body.version.version).to.equal(1);
      expect((await admin.get('/api/v1/lists/echa-candidate-list')).body).to.deep.include({ versionCount: 2 });
    });

    it('when versions 1 and 2 are diffed, then the new entry is added, the corrected CAS is the one change, and ECHA\'s reordered rows change nothing', async () => {
      const res = await admin.get('/api/v1/lists/echa-candidate-list/versions/1/diff/2');

      expect(res.status, show(res)).to.equal(200);
      expect(res.body).to.deep.equal({
        listId: 'echa-candidate-list', from: 1, to: 2,
        added: [{ key: '209-136-7', name: 'Octamethylcyclotetrasiloxane' }],
        removed: [],
        // v1's CAS 84-69-4 had a wrong check digit and was left out; v2 carries the corrected 84-69-5.
        changed: [{ key: '201-553-2', name: 'Diisobutyl phthalate', fields: [{ field: 'cas', before: [], after: ['84-69-5'] }] }],
      });
      const back = await admin.get('/api/v1/lists/echa-candidate-list/versions/2/diff/1');
      expect(back.body.removed).to.deep.equal([{ key: '209-136-7', name: 'Octamethylcyclotetrasiloxane' }]);
      expect(back.body.added).to.deep.equal([]);
      expect(back.body.changed[0].fields).to.deep.equal([{ field: 'cas', before: ['84-69-5'], after: [] }]);
    });

    it('when a custom list drops, adds and changes entries, then the diff reports each, field by field', async () => {
      const bpa = { ...blankEntry('201-245-8', 'Bisphenol A'), cas: ['80-05-7'], ec: ['201-245-8'] };
      const dehp = { ...blankEntry('204-211-0', 'DEHP'), cas: ['117-81-7'], ec: ['204-211-0'] };
      const pfoa = { ...blankEntry('206-397-9', 'PFOA'), cas: ['335-67-1'], ec: ['206-397-9'] };
      const limit = { percent: 0.1, basis: 'article' as const, scope: 'all', source: 'list' as const };
      expect((await importFile(admin, jsonList('region-diff-list', [bpa, dehp]))).status).to.equal(201);
      const second = await importFile(admin, jsonList('region-diff-list', [{ ...dehp, name: 'Bis(2-ethylhexyl) phthalate', limit }, pfoa], '2026-03-01'));
      expect(second.status, show(second)).to.equal(201);

      const res = await admin.get('/api/v1/lists/region-diff-list/versions/1/diff/2');

      expect(res.status, show(res)).to.equal(200);
      expect(res.body.added).to.deep.equal([{ key: '206-397-9', name: 'PFOA' }]);
      expect(res.body.removed).to.deep.equal([{ key: '201-245-8', name: 'Bisphenol A' }]);
      expect(res.body.changed).to.deep.equal([{
        key: '204-211-0', name: 'Bis(2-ethylhexyl) phthalate',
        fields: [{ field: 'name', before: 'DEHP', after: 'Bis(2-ethylhexyl) phthalate' }, { field: 'limit', before: null, after: limit }],
      }]);
    });

    it('when one new file is posted twice at the same moment, then one answer creates version 1 and the other answers that version', async () => {
      const file = jsonList('region-double-click', [{ ...blankEntry('200-753-7', 'Benzene'), cas: ['71-43-2'], ec: ['200-753-7'] }]);

      const answers = await Promise.all([importFile(admin, file), importFile(admin, file)]);

      expect(answers.map((a) => a.status).sort(), answers.map(show).join('\n')).to.deep.equal([200, 201]);
      expect(answers[0]?.body.version).to.deep.equal(answers[1]?.body.version);
      expect((await admin.get('/api/v1/lists/region-double-click')).body.versionCount).to.equal(1);
    });
  });

  describe('POST /lists/import, wrong or unknown files', () => {
    let t: TestApp;
    let admin: Client;
    let stored: Record<string, number>;
    const existing = [{ ...blankEntry('201-245-8', 'Bisphenol A'), cas: ['80-05-7'], ec: ['201-245-8'] }];
    before(async () => {
      t = await startTestApp();
      admin = t.as(t.adminToken);
      expect((await importFile(admin, await buildEchaChemXlsx('candidate'))).status).to.equal(201);
      expect((await importFile(admin, jsonList('region-existing', existing))).status).to.equal(201);
      stored = await listCounts(admin);
    });
    after(async () => {
      await t?.services.jobs.whenIdle();
      await t?.close();
    });
    /** Nothing half-imported: no new list, no new version of an existing one. */
    const expectNothingStored = async (): Promise<void> => {
      expect(await listCounts(admin)).to.deep.equal(stored);
    };

    // The table names the cases so that each is its own `it`; the files are built inside the test (they are async).
    const brokenNames = ['an empty file', 'a PDF', 'plain text', 'JSON that is not a chemreg list', 'a workbook with other sheets', 'a List_results sheet with unknown columns', 'a damaged xlsx', 'a chemreg list cut off in transfer', 'an ECHA CHEM export without data rows'];

    it('when the broken-file generator is read, then it holds exactly the cases tested below (a new case needs a row here)', async () => {
      expect((await brokenListFiles()).map((b) => b.what)).to.deep.equal(brokenNames);
    });

    for (const what of brokenNames) {
      it(`when ${what} is imported, alone or as a version of an existing list, then 400 names the file and what was expected, and nothing is stored`, async () => {
        const broken = (await brokenListFiles()).find((b) => b.what === what)!;

        const alone = await importFile(admin, broken);
        const asVersion = await importFile(admin, broken, { listId: 'echa-candidate-list' });

        for (const res of [alone, asVersion]) expectRefusal(res, broken.code, 'body.file');
        if (broken.code === 'LIST_FORMAT_UNKNOWN') {
          // The message lists the formats chemreg knows.
          expect(alone.body.message).to.include('ECHA CHEM export').and.to.include("chemreg's CSV/JSON");
        }
        expect(alone.body.message).to.include(broken.fileName);
        await expectNothingStored();
      });
    }

    it('when a chemreg list for an existing list has one entry that does not fit, then 400 names the entry and the list keeps its version and entries', async () => {
      const file = jsonList('region-existing', [...existing, { ...blankEntry('200-753-7', 'Benzene'), cas: '71-43-2' } as unknown as ListEntry]);

      const res = await importFile(admin, file);

      expectRefusal(res, 'LIST_FILE_INVALID', 'body.file');
      expect(res.body.message).to.include('$.entries[1].cas');
      expect((await admin.get('/api/v1/lists/region-existing')).body.latestVersion.version).to.equal(1);
      expect((await allEntries(admin, 'region-existing', 1)).map((e) => e.key)).to.deep.equal(['201-245-8']);
      await expectNothingStored();
    });

    it('when a chemreg list repeats a key, then 400 names the key and nothing is stored', async () => {
      const file = jsonList('region-new-but-broken', [existing[0]!, existing[0]!]);

      const res = await importFile(admin, file);

      expectRefusal(res, 'LIST_FILE_INVALID', 'body.file');
      expect(res.body.message).to.include('201-245-8');
      expect((await admin.get('/api/v1/lists/region-new-but-broken')).status).to.equal(404);
      await expectNothingStored();
    });

    it('when the request has no file field, then 400 names body.file', async () => {
      const res = await admin.post(IMPORT, new FormData());

      expect(res.status, show(res)).to.equal(400);
      expect(res.body.code).to.equal('VALIDATION_FAILED');
      expect(res.body.issues.map((i: { path: string }) => i.path)).to.deep.equal(['body.file']);
      await expectNothingStored();
    });

    it('when the file is sent as a text field, then 400 says body.file must be a file', async () => {
      const form = new FormData();
      form.append('file', 'name,cas\nBenzene,71-43-2\n');

      const res = await admin.post(IMPORT, form);

      expect(res.status, show(res)).to.equal(400);
      expect(res.body.issues).to.deep.equal([{ path: 'body.file', message: 'must be a file (a form part with a filename), not a text value' }]);
      await expectNothingStored();
    });

    it('when procurement or a supplier imports a list, then 403', async () => {
      const supplier = await admin.post('/api/v1/suppliers', { name: 'Städ & Hygien AB', orgNumber: swedishOrgNumber() });
      expect(supplier.status, show(supplier)).to.equal(201);
      const procurement = t.as((await t.issueToken('procurement')).token);
      const asSupplier = t.as((await t.issueToken('supplier', supplier.body.id)).token);
      const file = jsonList('region-forbidden', existing);

      for (const client of [procurement, asSupplier]) {
        const res = await importFile(client, file);
        expect(res.status, show(res)).to.equal(403);
        expect(res.body.code).to.equal('FORBIDDEN');
      }
      await expectNothingStored();
    });
  });

  describe('POST /lists/import, the listId, name and kind options', () => {
    let t: TestApp;
    let admin: Client;
    const csv = buildChemregCsv();
    before(async () => {
      t = await startTestApp();
      admin = t.as(t.adminToken);
    });
    after(async () => {
      await t?.services.jobs.whenIdle();
      await t?.close();
    });

    it('when a chemreg CSV comes without listId, then 400 LIST_ID_REQUIRED names query.listId and no list is created', async () => {
      const res = await importFile(admin, csv);

      expectRefusal(res, 'LIST_ID_REQUIRED', 'query.listId');
      expect(res.body.issues[0].message).to.include('list id');
      expect(await listCounts(admin)).to.deep.equal({});
    });

    it('when a chemreg CSV comes with listId and name, then 201 stores it as a custom list under that id and name', async () => {
      const res = await importFile(admin, csv, { listId: 'region-x', name: 'Region X phase-out list' });

      expect(res.status, show(res)).to.equal(201);
      expect(res.body.version).to.include({ listId: 'region-x', version: 1, format: 'chemreg-csv', entryCount: 5, listDate: null });
      const list = await admin.get('/api/v1/lists/region-x');
      expect(list.body).to.include({ id: 'region-x', name: 'Region X phase-out list', kind: 'custom', versionCount: 1 });
    });

    it('when a chemreg CSV comes with kind watch, then the new list has that kind', async () => {
      const res = await importFile(admin, csv, { listId: 'region-watch', name: 'Region watch list', kind: 'watch' });

      expect(res.status, show(res)).to.equal(201);
      expect((await admin.get('/api/v1/lists/region-watch')).body).to.include({ kind: 'watch', name: 'Region watch list' });
    });

    it('when the listId is not a list id, then 400 names query.listId and nothing is stored', async () => {
      const stored = await listCounts(admin);

      for (const listId of ['AB', 'Region X', '-region-']) {
        const res = await importFile(admin, csv, { listId });
        expect(res.status, show(res)).to.equal(400);
        expect(res.body.issues.map((i: { path: string }) => i.path), listId).to.deep.equal(['query.listId']);
      }
      expect(await listCounts(admin)).to.deep.equal(stored);
    });

    it('when listId names another list than the file is, then 400 LIST_FILE_INVALID names query.listId and the list the file is', async () => {
      const candidate = await buildEchaChemXlsx('candidate');
      const stored = await listCounts(admin);

      const asAnnexXiv = await importFile(admin, candidate, { listId: 'reach-annex-xiv' });
      const asCustom = await importFile(admin, candidate, { listId: 'region-x' });

      expectRefusal(asAnnexXiv, 'LIST_FILE_INVALID', 'query.listId');
      expect(asAnnexXiv.body.message).to.include('echa-candidate-list').and.to.include('reach-annex-xiv');
      expect(asAnnexXiv.body.issues[0].message).to.include('echa-candidate-list');
      expectRefusal(asCustom, 'LIST_FILE_INVALID', 'query.listId');
      expect(asCustom.body.message).to.include("custom lists are imported from chemreg's CSV or JSON format");
      expect(await listCounts(admin)).to.deep.equal(stored);
    });

    it('when a chemreg JSON file is imported under another listId, then 400 names query.listId', async () => {
      const res = await importFile(admin, buildChemregJson(), { listId: 'region-x' });

      expectRefusal(res, 'LIST_FILE_INVALID', 'query.listId');
      expect(res.body.message).to.include('region-stockholm-phase-out');
      expect((await admin.get('/api/v1/lists/region-x')).body.versionCount).to.equal(1);
    });

    it('when the file\'s own list id is given, then it imports as without one', async () => {
      const fixture = await buildEchaChemXlsx('pops');

      const res = await importFile(admin, fixture, { listId: 'eu-pops' });

      expect(res.status, show(res)).to.equal(201);
      expect(res.body.version).to.include({ listId: 'eu-pops', entryCount: fixture.expected.entryCount });
    });

    it('when the file name has non-ASCII characters, then the version keeps it', async () => {
      const res = await importFile(admin, { fileName: 'förbudslista å.csv', bytes: csv.bytes }, { listId: 'region-utf8' });

      expect(res.status, show(res)).to.equal(201);
      expect(res.body.version.source.fileName).to.equal('förbudslista å.csv');
    });

    it('when a chemreg CSV was imported under a regulatory list id and the official export follows, then the list is regulatory', async () => {
      // Written against a bug: the CSV import creates reach-annex-xiv with kind custom (its default), and the
      // official export's version keeps the first version's kind, so the legal list never joins the screening
      // baseline (src/screening/screening.service.ts BASELINE_KINDS). Either refusing the CSV under a well-known id or
      // giving a well-known list its own kind makes this pass.
      await importFile(admin, csv, { listId: 'reach-annex-xiv' });
      const official = await importFile(admin, await buildEchaChemXlsx('authorisation'));
      expect(official.status, show(official)).to.equal(201);

      const list = await admin.get('/api/v1/lists/reach-annex-xiv');

      expect(list.body.latestVersion.format).to.equal('echa-chem-xlsx');
      expect(list.body).to.include({ name: 'REACH Annex XIV (Authorisation List)', kind: 'regulatory' });
    });

    it('when the CLP Annex VI table is imported as clp-annex-vi-cmr, then that list gets the CMR 1A/1B entries only', async () => {
      const fixture = await buildClpAnnexViXlsx();

      const res = await importFile(admin, fixture, { listId: 'clp-annex-vi-cmr' });

      expect(res.status, show(res)).to.equal(201);
      expect(res.body.version).to.include({ listId: 'clp-annex-vi-cmr', version: 1, entryCount: fixture.expected.cmrKeys?.length });
      expect((await allEntries(admin, 'clp-annex-vi-cmr', 1)).map((e) => e.key)).to.have.members(fixture.expected.cmrKeys ?? []);
      expect((await admin.get('/api/v1/lists/clp-annex-vi')).status, 'the full table is not stored under the subset\'s import').to.equal(404);
    });
  });

  describe('GET /lists, versions and entries', () => {
    let t: TestApp;
    let admin: Client;
    let procurement: Client;
    before(async () => {
      t = await startTestApp();
      admin = t.as(t.adminToken);
      procurement = t.as((await t.issueToken('procurement')).token);
      for (const fixture of [await buildEchaChemXlsx('candidate'), await buildClpAnnexViXlsx(), buildRohsCsv()]) {
        const res = await importFile(admin, fixture);
        expect(res.status, show(res)).to.equal(201);
      }
    });
    after(async () => {
      await t?.services.jobs.whenIdle();
      await t?.close();
    });

    it('when the lists are listed, then each has its latest version, in id order, paged', async () => {
      const res = await procurement.get('/api/v1/lists');

      expect(res.status, show(res)).to.equal(200);
      expect(res.body.total).to.equal(3);
      expect(res.body.items.map((l: { id: string }) => l.id)).to.deep.equal(['clp-annex-vi', 'echa-candidate-list', 'rohs-annex-ii']);
      expect(res.body.items[1].latestVersion).to.include({ listId: 'echa-candidate-list', version: 1 });
      const page = await procurement.get('/api/v1/lists?limit=1&offset=1');
      expect(page.body).to.deep.include({ total: 3, limit: 1, offset: 1 });
      expect(page.body.items.map((l: { id: string }) => l.id)).to.deep.equal(['echa-candidate-list']);
    });

    it('when an unknown list is asked for, then 404 NOT_FOUND for the list, its versions and its entries', async () => {
      for (const path of ['/api/v1/lists/unknown-list', '/api/v1/lists/unknown-list/versions', '/api/v1/lists/unknown-list/versions/1/entries', '/api/v1/lists/unknown-list/versions/1/diff/2']) {
        const res = await admin.get(path);
        expect(res.status, `${path}: ${show(res)}`).to.equal(404);
        expect(res.body.code, path).to.equal('NOT_FOUND');
      }
    });

    it('when a version the list does not have is asked for, then 404 NOT_FOUND', async () => {
      for (const path of ['/api/v1/lists/echa-candidate-list/versions/99/entries', '/api/v1/lists/echa-candidate-list/versions/1/diff/99']) {
        const res = await admin.get(path);
        expect(res.status, `${path}: ${show(res)}`).to.equal(404);
        expect(res.body.code, path).to.equal('NOT_FOUND');
      }
    });

    it('when the version or list id in the path is malformed, then 400 names it', async () => {
      const version = await admin.get('/api/v1/lists/echa-candidate-list/versions/0/entries');
      const id = await admin.get('/api/v1/lists/AB/versions');

      expect(version.status, show(version)).to.equal(400);
      expect(version.body.issues.map((i: { path: string }) => i.path)).to.deep.equal(['params.version']);
      expect(id.status, show(id)).to.equal(400);
      expect(id.body.issues.map((i: { path: string }) => i.path)).to.deep.equal(['params.id']);
    });

    it('when entries are searched by name text, then matches are case-insensitive and regex characters are literal', async () => {
      const phthalates = await procurement.get('/api/v1/lists/echa-candidate-list/versions/1/entries?q=PHTHALATE');
      const dbp = await procurement.get(`/api/v1/lists/echa-candidate-list/versions/1/entries?q=${encodeURIComponent('(DBP)')}`);
      const star = await procurement.get(`/api/v1/lists/echa-candidate-list/versions/1/entries?q=${encodeURIComponent('.*')}`);

      expect(phthalates.status, show(phthalates)).to.equal(200);
      expect(phthalates.body.items.map((e: ListEntry) => e.key)).to.have.members(['201-557-4', '201-553-2']);
      expect(phthalates.body.total).to.equal(2);
      expect(dbp.body.items.map((e: ListEntry) => e.key)).to.deep.equal(['201-557-4']);
      expect(star.body.total).to.equal(0);
    });

    it('when entries are searched by CAS, EC or index number, then only exact numbers match', async () => {
      const keys = async (listId: string, q: string): Promise<string[]> => {
        const res = await procurement.get<{ items: ListEntry[] }>(`/api/v1/lists/${listId}/versions/1/entries?q=${encodeURIComponent(q)}`);
        expect(res.status, show(res)).to.equal(200);
        return res.body.items.map((e) => e.key);
      };

      expect(await keys('echa-candidate-list', '84-74-2'), 'CAS').to.deep.equal(['201-557-4']);
      expect(await keys('echa-candidate-list', '31119-53-6'), 'second CAS of an entry').to.deep.equal(['233-331-6']);
      expect(await keys('echa-candidate-list', '203-777-6'), 'EC').to.deep.equal(['203-777-6']);
      expect(await keys('clp-annex-vi', '005-007-00-2'), 'index number').to.deep.equal(['005-007-00-2']);
      expect(await keys('clp-annex-vi', '11113-50-1'), 'CAS of a [2] substance').to.deep.equal(['005-007-00-2']);
      expect(await keys('echa-candidate-list', '84-74'), 'part of a CAS').to.deep.equal([]);
    });

    it('when entries are paged, then limit and offset select disjoint pages in key order and total counts all', async () => {
      const all = await allEntries(admin, 'clp-annex-vi', 1);
      const keys = all.map((e) => e.key);
      expect(keys, 'key order').to.deep.equal([...keys].sort());

      const pages: string[] = [];
      for (const offset of [0, 3, 6]) {
        const res = await procurement.get(`/api/v1/lists/clp-annex-vi/versions/1/entries?limit=3&offset=${offset}`);
        expect(res.status, show(res)).to.equal(200);
        expect(res.body).to.deep.include({ total: 8, limit: 3, offset });
        pages.push(...res.body.items.map((e: ListEntry) => e.key));
      }
      expect(pages).to.deep.equal(keys);
      const beyond = await procurement.get('/api/v1/lists/clp-annex-vi/versions/1/entries?offset=50');
      expect(beyond.body).to.deep.include({ total: 8, items: [] });
    });

    it('when a search is paged, then total counts the matches', async () => {
      const res = await procurement.get('/api/v1/lists/echa-candidate-list/versions/1/entries?q=phthalate&limit=1&offset=1');

      expect(res.status, show(res)).to.equal(200);
      expect(res.body).to.deep.include({ total: 2, limit: 1, offset: 1 });
      expect(res.body.items).to.have.length(1);
    });

    it('when the page query is out of range or unknown, then 400 names it', async () => {
      for (const [query, path] of [['limit=0', 'query.limit'], ['limit=201', 'query.limit'], ['offset=-1', 'query.offset'], ['cas=84-74-2', 'query.cas']] as const) {
        const res = await procurement.get(`/api/v1/lists/echa-candidate-list/versions/1/entries?${query}`);
        expect(res.status, `${query}: ${show(res)}`).to.equal(400);
        expect(res.body.issues.map((i: { path: string }) => i.path), query).to.deep.equal([path]);
      }
    });
  });

  describe('POST /lists/import, re-screening', () => {
    let t: TestApp;
    let admin: Client;
    let expert: Client;
    before(async () => {
      t = await startTestApp();
      admin = t.as(t.adminToken);
      expert = t.as((await t.issueToken('expert')).token);
      const created = async (path: string, body: unknown): Promise<string> => {
        const res = await admin.post<{ id: string }>(path, body);
        expect(res.status, show(res)).to.equal(201);
        return res.body.id;
      };
      const supplierId = await created('/api/v1/suppliers', { name: 'Kemleverantören AB', orgNumber: swedishOrgNumber() });
      const contractId = await created('/api/v1/contracts', {
        number: 'RS-2026-LISTS', title: 'Förbrukningsmaterial', buyer: 'Region Stockholm', supplierIds: [supplierId],
        validFrom: '2026-01-01', validTo: '2028-12-31', category: 'consumables',
        requirementProfile: { lists: [{ list: 'region-rescreen', severity: 'orange' }], clauses: [] },
      });
      await created('/api/v1/products', { supplierId, name: 'Handske Nitril', kind: 'article', contractIds: [contractId] });
    });
    after(async () => {
      await t?.services.jobs.whenIdle();
      await t?.close();
    });

    it("when a list in a contract's requirement profile is imported, then the answer names a re-screen job that succeeds", async () => {
      const res = await importFile(admin, buildChemregCsv(), { listId: 'region-rescreen', name: 'Region re-screen list' });

      expect(res.status, show(res)).to.equal(201);
      expect(res.body.rescreenJobId).to.be.a('string');
      await t.services.jobs.whenIdle();
      const job = await expert.get(`/api/v1/jobs/${res.body.rescreenJobId}`);
      expect(job.status, show(job)).to.equal(200);
      expect(job.body).to.include({ kind: 'rescreen', status: 'succeeded', error: null });
      expect(job.body.params).to.deep.equal({ listId: 'region-rescreen', version: 1 });
    });

    it('when the same file is imported again, then no re-screen is started', async () => {
      const res = await importFile(admin, buildChemregCsv(), { listId: 'region-rescreen' });

      expect(res.status, show(res)).to.equal(200);
      expect(res.body.rescreenJobId).to.equal(null);
    });
  });
});
