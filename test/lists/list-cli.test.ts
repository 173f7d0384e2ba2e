// `chemreg lists import`, run as users run it (node bin/chemreg.js): straight into a data directory, and through a
// running server's API. Each spawn costs 1–3 s (tsx, the engine), so every test makes the most of one.
import { expect } from 'chai';
import { execFile } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../src/config.js';
import { createServices } from '../../src/services.js';
import { openStorage, type Storage } from '../../src/storage/connection.js';
import { brokenListFiles, buildChemregCsv, buildEchaChemXlsx, type ListFixture } from '../support/list-files/index.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

const BIN = new URL('../../bin/chemreg.js', import.meta.url).pathname;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

// The child gets none of the variables that would send it elsewhere than the test says (a MONGODB_URI the suite
// runs against, a CHEMREG_URL in the developer's shell).
function baseEnv(): NodeJS.ProcessEnv {
  const { MONGODB_URI: _uri, CHEMREG_URL: _url, CHEMREG_TOKEN: _token, CHEMREG_ADMIN_TOKEN: _admin, DATA_DIR: _dir, ...env } = process.env;
  return { ...env, LOG_LEVEL: 'error' };
}

function chemreg(args: string[], env: NodeJS.ProcessEnv): Promise<Run> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { env: { ...baseEnv(), ...env }, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err === null ? 0 : typeof err.code === 'number' ? err.code : -1;
      resolve({ code, stdout, stderr });
    });
  });
}

const describeRun = (run: Run): string => `exit ${run.code}\n--- stdout ---\n${run.stdout}\n--- stderr ---\n${run.stderr}`;

/** Opens a data directory the CLI wrote, as the next server start would, and hands its services to `read`. */
async function inDataDir<T>(dataDir: string, read: (services: ReturnType<typeof createServices>, storage: Storage) => Promise<T>): Promise<T> {
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent' });
  const storage = await openStorage(config);
  const services = createServices(storage.connection, { config });
  try {
    await services.prepare();
    return await read(services, storage);
  } finally {
    await services.close();
    await storage.close();
  }
}

describe('chemreg lists import (CLI)', () => {
  let dir = '';
  before(async () => {
    dir = await mkdtemp(join(tmpdir(), 'chemreg-lists-cli-'));
  });
  after(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function fileOf(fixture: Pick<ListFixture, 'fileName' | 'bytes'>): Promise<string> {
    const path = join(dir, fixture.fileName);
    await writeFile(path, fixture.bytes);
    return path;
  }

  describe('straight into a data directory (no CHEMREG_URL)', () => {
    const dataDir = () => join(dir, 'db');

    it('when a custom chemreg CSV is imported with --list, then it prints version 1 with the re-screen report, and the same file again answers created:false', async () => {
      const csv = buildChemregCsv();
      const file = await fileOf(csv);

      const first = await chemreg(['lists', 'import', file, '--list', 'region-phase-out', '--name', 'Region phase-out'], { DATA_DIR: dataDir() });
      const again = await chemreg(['lists', 'import', file, '--list', 'region-phase-out'], { DATA_DIR: dataDir() });

      expect(first.code, describeRun(first)).to.equal(0);
      const created = JSON.parse(first.stdout);
      expect(created).to.include({ listId: 'region-phase-out', version: 1, created: true, entryCount: csv.expected.entryCount, listDate: null });
      expect(created.warnings).to.have.length(csv.expected.warningCount);
      expect(created.rescreenJobId).to.be.a('string');
      // The job ran before the command exited: its change report is printed.
      expect(created.rescreen).to.include({ productsScreened: 0, raised: 0 });
      expect(created.rescreen.listVersions).to.deep.include({ listId: 'region-phase-out', version: 1 });
      expect(again.code, describeRun(again)).to.equal(0);
      expect(JSON.parse(again.stdout)).to.include({ listId: 'region-phase-out', version: 1, created: false, rescreenJobId: null, rescreen: null });
    });

    it('when an ECHA CHEM Candidate List export is imported without --list, then the list is detected from the file', async () => {
      const xlsx = await buildEchaChemXlsx('candidate');
      const file = await fileOf(xlsx);

      const run = await chemreg(['lists', 'import', file], { DATA_DIR: dataDir() });

      expect(run.code, describeRun(run)).to.equal(0);
      expect(JSON.parse(run.stdout)).to.include({ listId: 'echa-candidate-list', version: 1, created: true, entryCount: xlsx.expected.entryCount, listDate: xlsx.expected.listDate });
    });

    it('when the data directory is opened afterwards, then the versions are stored and attributed to the CLI in the audit trail', async () => {
      const found = await inDataDir(dataDir(), async (services) => ({
        custom: await services.lists.get('region-phase-out'),
        candidate: await services.lists.get('echa-candidate-list'),
        audit: await services.audit.list({ entityType: 'list', action: 'list.version-imported', limit: 50, offset: 0 }),
      }));

      expect(found.custom).to.include({ name: 'Region phase-out', kind: 'custom', versionCount: 1 });
      expect(found.custom.latestVersion).to.include({ version: 1, format: 'chemreg-csv', origin: 'upload' });
      expect(found.custom.latestVersion?.importedBy).to.include({ tokenId: 'cli' });
      expect(found.custom.latestVersion?.importedBy.tokenName).to.match(/^chemreg CLI/u);
      expect(found.candidate).to.include({ versionCount: 1 });
      expect(found.audit.items.map((e) => e.entityId)).to.have.members(['region-phase-out', 'echa-candidate-list']);
      expect(found.audit.items.every((e) => e.actor.tokenId === 'cli')).to.equal(true);
    });

    it('when the file is no list chemreg knows, or a custom CSV has no --list, then it exits 1 naming the code, and nothing is stored', async () => {
      const fresh = join(dir, 'db-refused');
      const text = (await brokenListFiles()).find((f) => f.what === 'plain text')!;
      const unknown = await chemreg(['lists', 'import', await fileOf(text)], { DATA_DIR: fresh });
      const noList = await chemreg(['lists', 'import', await fileOf(buildChemregCsv())], { DATA_DIR: fresh });

      expect(unknown.code, describeRun(unknown)).to.equal(1);
      expect(unknown.stderr).to.contain('LIST_FORMAT_UNKNOWN');
      expect(unknown.stdout).to.equal('');
      expect(noList.code, describeRun(noList)).to.equal(1);
      expect(noList.stderr).to.contain('LIST_ID_REQUIRED').and.to.contain('--list');
      const stored = await inDataDir(fresh, async (services) => ({
        lists: await services.lists.list({ limit: 50, offset: 0 }),
        audit: await services.audit.list({ limit: 50, offset: 0 }),
      }));
      expect(stored.lists.total).to.equal(0);
      expect(stored.audit.total).to.equal(0);
    });

    it('when the data directory is locked by another process, then it exits 1 and says to import through the running server', async () => {
      const locked = join(dir, 'db-locked');
      const holder = await openStorage(loadConfig({ DATA_DIR: locked }));
      let run: Run;
      try {
        run = await chemreg(['lists', 'import', await fileOf(buildChemregCsv()), '--list', 'region-phase-out'], { DATA_DIR: locked });
      } finally {
        await holder.close();
      }

      expect(run.code, describeRun(run)).to.equal(1);
      expect(run.stderr).to.contain('locked').and.to.contain('server').and.to.contain('CHEMREG_URL').and.to.contain('CHEMREG_TOKEN');
      expect(run.stdout).to.equal('');
    });

    it('when the file does not exist, then it is a usage error (exit 2) naming the file', async () => {
      const missing = join(dir, 'no-such-list.csv');

      const run = await chemreg(['lists', 'import', missing, '--list', 'region-phase-out'], { DATA_DIR: join(dir, 'db-missing') });

      expect(run.code, describeRun(run)).to.equal(2);
      expect(run.stderr).to.contain(missing).and.to.contain('usage:');
    });
  });

  describe('through a running server (CHEMREG_URL)', () => {
    let t: TestApp;
    before(async () => {
      t = await startTestApp();
    });
    after(async () => {
      await t.close();
    });

    it('when CHEMREG_URL and an admin CHEMREG_TOKEN are set, then the file is posted to the API and its answer printed', async () => {
      const csv = buildChemregCsv({ delimiter: ';' });

      const run = await chemreg(['lists', 'import', await fileOf(csv), '--list', 'region-sv-phase-out', '--name', 'Regionens utfasningslista'], {
        CHEMREG_URL: t.baseUrl, CHEMREG_TOKEN: t.adminToken,
      });

      expect(run.code, describeRun(run)).to.equal(0);
      const printed = JSON.parse(run.stdout);
      expect(printed).to.include({ listId: 'region-sv-phase-out', version: 1, created: true, entryCount: csv.expected.entryCount, rescreen: null });
      expect(printed.rescreenJobId).to.be.a('string');
      await t.services.jobs.whenIdle();
      const list = await t.services.lists.get('region-sv-phase-out');
      expect(list).to.include({ name: 'Regionens utfasningslista', versionCount: 1 });
      expect(list.latestVersion?.source.fileName).to.equal(csv.fileName);
      expect((await t.services.jobs.get(printed.rescreenJobId)).status).to.equal('succeeded');
    });

    it('when the token is not valid, then it exits 1 with the API\'s INVALID_TOKEN code, and nothing is stored', async () => {
      const run = await chemreg(['lists', 'import', await fileOf(buildChemregCsv()), '--list', 'region-other'], {
        CHEMREG_URL: t.baseUrl, CHEMREG_TOKEN: 'chemreg_not-a-real-token-000000000000000000',
      });

      expect(run.code, describeRun(run)).to.equal(1);
      expect(run.stderr).to.contain('INVALID_TOKEN');
      expect(run.stdout).to.equal('');
      expect((await t.as(t.adminToken).get('/api/v1/lists/region-other')).status).to.equal(404);
    });

    it('when CHEMREG_URL is set without CHEMREG_TOKEN, then it is a usage error (exit 2) asking for the token', async () => {
      const run = await chemreg(['lists', 'import', await fileOf(buildChemregCsv()), '--list', 'region-other'], { CHEMREG_URL: t.baseUrl });

      expect(run.code, describeRun(run)).to.equal(2);
      expect(run.stderr).to.contain('CHEMREG_TOKEN');
    });
  });
});
