// Hostile uploads (issue 9, "Hostile input" and "Uploads"): a short seeded fuzz of SDS uploads plus targeted cases —
// compression bombs, deep nesting, huge object streams, JavaScript, content sniffing, file names that try to be paths,
// size and part limits, and zip bombs in spreadsheet imports. `npm run fuzz` (scripts/fuzz.ts) is the long version.
//
// Every upload must end in a stored revision (201) or a 4xx with a code from the catalogue, within the extraction time
// budget, with the server still answering and its memory bounded. Memory is the process's peak resident set (Linux:
// VmHWM, reset through /proc/self/clear_refs), which counts what the extraction workers and their buffers take.
// The app runs with small budgets so that hostile cases end in seconds: 256 MiB and 20 s per extraction (not less: a
// cold worker spends up to ~10 s of its first job loading pdf.js), and uploads of at most 4 MiB.
//
// Takes 12–35 s on a 2-core machine (worker start-up, the bombs and the huge object stream cost seconds by design).
import { expect } from 'chai';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { swedishOrgNumber } from '../support/fixtures.js';
import { bulkCsv, SAMPLE_ROWS } from '../support/declaration-files/bulk.js';
import { buildEchaChemXlsx } from '../support/list-files/index.js';
import {
  generatedBases,
  HEAVY_MUTATIONS,
  mutate,
  nthMutant,
  withCompressionBomb,
  xlsxBomb,
  zipArchive,
  zipWithManyEntries,
  type BasePdf,
  type MutationName,
} from '../support/pdf-mutations.js';
import { buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';

const MiB = 1024 * 1024;
const TIMEOUT_MS = 20_000;
const MEMORY_MB = 256;
const UPLOAD_MAX_BYTES = 4 * MiB;
/** An answer may wait for a worker to start (tsx, pdf.js) and for the job ahead of it, on top of its own budget. */
const ANSWER_WITHIN_MS = TIMEOUT_MS + 5_000;
/**
 * How far the process may grow while one hostile file is read: the worker's heap budget, the same again for the
 * buffers pdf.js decodes into, and room for the request itself. Without the buffer budget a 2 GiB bomb took gigabytes.
 */
const PDF_GROWTH_BOUND = 2 * MEMORY_MB * MiB + 192 * MiB;
/** A spreadsheet is read on the main thread: a bomb refused while its entries are counted (never held) costs little. */
const XLSX_GROWTH_BOUND = 96 * MiB;

/** What an unreadable SDS upload may answer (README "Safety data sheets"): code → status. */
const SDS_REFUSALS: Record<string, number> = { PDF_EMPTY: 400, NOT_A_PDF: 415, PDF_CORRUPT: 422, PDF_ENCRYPTED: 422, PDF_TOO_COMPLEX: 422, NOT_AN_SDS: 422 };
const STORED_STATUSES = ['extracted', 'needs-review', 'needs-ocr'];

const show = (res: Response): string => `${res.status} ${typeof res.body === 'string' ? res.body.slice(0, 300) : JSON.stringify(res.body).slice(0, 300)}`;

/** Peak resident memory of this process since the last reset: VmHWM where Linux offers it, else sampled every 10 ms. */
function peakMemory(): { reset(): void; growthSince(baseline: number): number; current(): number } {
  const readHwm = (): number | undefined => {
    try {
      const kb = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'latin1'))?.[1];
      return kb === undefined ? undefined : Number(kb) * 1024;
    } catch {
      return undefined;
    }
  };
  let canReset = false;
  try {
    writeFileSync('/proc/self/clear_refs', '5');
    canReset = readHwm() !== undefined;
  } catch {
    canReset = false;
  }
  let sampled = 0;
  const sampler = canReset ? undefined : setInterval(() => (sampled = Math.max(sampled, process.memoryUsage.rss())), 10);
  sampler?.unref();
  return {
    reset() {
      if (canReset) writeFileSync('/proc/self/clear_refs', '5');
      sampled = process.memoryUsage.rss();
    },
    growthSince: (baseline) => (canReset ? readHwm()! : Math.max(sampled, process.memoryUsage.rss())) - baseline,
    current: () => process.memoryUsage.rss(),
  };
}

interface Part {
  name: string;
  /** Written into the part header as raw bytes (UTF-8), quoted: control characters and all. */
  filename?: string;
  /** RFC 5987 `filename*=UTF-8''…`, already percent-encoded. */
  filenameStar?: string;
  type?: string;
  data: Uint8Array | string;
}

/** A multipart/form-data body built by hand, so that file names reach the server exactly as a hostile client sends them. */
function multipartBody(parts: readonly Part[]): { body: Uint8Array; headers: Record<string, string> } {
  const boundary = '----chemreg-hostile-7d1f';
  const chunks: Buffer[] = [];
  for (const part of parts) {
    let disposition = `Content-Disposition: form-data; name="${part.name}"`;
    if (part.filename !== undefined) disposition += `; filename="${part.filename}"`;
    if (part.filenameStar !== undefined) disposition += `; filename*=UTF-8''${part.filenameStar}`;
    const type = part.type === undefined ? '' : `\r\nContent-Type: ${part.type}`;
    chunks.push(Buffer.from(`--${boundary}\r\n${disposition}${type}\r\n\r\n`, 'utf8'), Buffer.from(part.data), Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { body: new Uint8Array(Buffer.concat(chunks)), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

describe('Hostile uploads', function () {
  this.timeout(120_000);

  let t: TestApp;
  let admin: Client;
  let supplierId: string;
  let bases: BasePdf[];
  let memory: ReturnType<typeof peakMemory>;

  before(async () => {
    memory = peakMemory();
    t = await startTestApp({
      UPLOAD_MAX_BYTES: String(UPLOAD_MAX_BYTES),
      SDS_EXTRACT_TIMEOUT_MS: String(TIMEOUT_MS),
      SDS_EXTRACT_MEMORY_MB: String(MEMORY_MB),
      SDS_EXTRACT_WORKERS: '2',
    });
    admin = t.as(t.adminToken);
    const supplier = await admin.post('/api/v1/suppliers', { name: 'Fientlig Uppladdning AB', orgNumber: swedishOrgNumber() });
    expect(supplier.status, show(supplier)).to.equal(201);
    supplierId = supplier.body.id;
    bases = generatedBases();
    // Both workers started and warm, so that what the tests measure is the hostile file, not pdf.js loading.
    const warm = await Promise.all([0, 1].map(async (i) => upload(await newProduct(), form(bases[i]!.bytes))));
    for (const { res } of warm) expect(res.status, show(res)).to.equal(201);
  });
  after(async () => {
    await t?.close();
  });

  async function newProduct(): Promise<string> {
    const res = await admin.post<{ id: string }>('/api/v1/products', { supplierId, name: 'Golvrent Neutral', kind: 'mixture' });
    expect(res.status, show(res)).to.equal(201);
    return res.body.id;
  }

  function form(bytes: Uint8Array, fileName = 'sdb.pdf', type = 'application/pdf'): FormData {
    const body = new FormData();
    body.append('file', new Blob([bytes], { type }), fileName);
    return body;
  }

  async function upload(productId: string, body: FormData | { body: Uint8Array; headers: Record<string, string> }): Promise<{ res: Response; ms: number }> {
    const started = performance.now();
    const res =
      body instanceof FormData ? await admin.post(`/api/v1/products/${productId}/sds`, body) : await admin.raw('POST', `/api/v1/products/${productId}/sds`, body);
    return { res, ms: performance.now() - started };
  }

  async function revisionsOf(productId: string): Promise<number> {
    return t.storage.connection.db!.collection('sdsRevisions').countDocuments({ productId });
  }

  async function expectUp(context: string): Promise<void> {
    const health = await t.as(undefined).get('/health');
    expect(health.status, `the server answers /health after ${context}`).to.equal(200);
  }

  /** 201 with a stored, readable revision ('stored'), or a catalogued refusal (its code) with nothing stored; within the budget. */
  async function expectStoredOrRefused(productId: string, { res, ms }: { res: Response; ms: number }, context: string): Promise<string> {
    expect(ms, `${context}: answered within the time budget`).to.be.below(ANSWER_WITHIN_MS);
    if (res.status === 201) {
      expect(STORED_STATUSES, `${context}: ${show(res)}`).to.include(res.body.status);
      const read = await admin.get(`/api/v1/sds/${res.body.id}`);
      expect(read.status, `${context}: the revision can be read back`).to.equal(200);
      expect(await revisionsOf(productId), context).to.equal(1);
      return 'stored';
    }
    expect(SDS_REFUSALS[res.body?.code], `${context}: a catalogued 4xx, got ${show(res)}`).to.equal(res.status);
    expect(res.body.statusCode).to.equal(res.status);
    expect(res.body.message, context).to.be.a('string').and.not.be.empty;
    expect(await revisionsOf(productId), `${context}: nothing stored`).to.equal(0);
    return res.body.code as string;
  }

  describe('seeded fuzz of SDS uploads', () => {
    it('when 80 mutants of generated SDSs (truncated, bit-flipped, spliced, broken xref, structural) are uploaded, then each is stored or refused with a catalogued 4xx within the budget, the server answers after each, and no file is left without its revision', async () => {
      // Arrange
      const seed = 0x5eed_0009;
      const mutants = Array.from({ length: 80 }, (_, i) => nthMutant(seed, i, bases, HEAVY_MUTATIONS));
      const outcomes = new Map<string, number>();
      const filesBefore = await t.storage.connection.db!.collection('sdsFiles.files').countDocuments();
      const revisionsBefore = await t.storage.connection.db!.collection('sdsRevisions').countDocuments();

      // Act: one product per mutant, so that each answer can be checked against what was stored for it
      const results = [];
      for (const mutant of mutants) {
        const productId = await newProduct();
        const answer = await upload(productId, form(mutant.bytes));
        const health = await t.as(undefined).get('/health');
        results.push({ context: `${mutant.mutation} of ${mutant.base} (seed ${mutant.seed})`, productId, answer, health: health.status });
      }

      // Assert: each ending is one of the two, both kinds occur (the mutants are neither all harmless nor all fatal),
      // and GridFS holds exactly one file per stored revision.
      for (const { context, productId, answer, health } of results) {
        const outcome = await expectStoredOrRefused(productId, answer, context);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
        expect(health, `/health after ${context}`).to.equal(200);
      }
      expect(outcomes.get('stored') ?? 0, JSON.stringify([...outcomes])).to.be.above(0);
      expect([...outcomes.keys()].filter((k) => k !== 'stored'), JSON.stringify([...outcomes])).to.not.be.empty;
      const stored = (await t.storage.connection.db!.collection('sdsRevisions').countDocuments()) - revisionsBefore;
      expect(stored).to.equal(outcomes.get('stored'));
      expect((await t.storage.connection.db!.collection('sdsFiles.files').countDocuments()) - filesBefore).to.equal(stored);
    });
  });

  describe('structurally hostile PDFs', () => {
    /** `expected`: 'stored' (201) or the refusal's code. */
    const cases: Array<{ mutation: MutationName; then: string; expected: string }> = [
      { mutation: 'javascript-action', then: 'it is stored like any SDS: the script is never run and the facts are read', expected: 'stored' },
      { mutation: 'launch-action', then: 'it is stored: the launch action and embedded program are inert bytes', expected: 'stored' },
      { mutation: 'encrypted-owner-only', then: 'it is stored: an owner password alone does not stop reading', expected: 'stored' },
      { mutation: 'junk-before-header', then: 'it is stored: junk before %PDF- within the first KiB is tolerated, as readers do', expected: 'stored' },
      { mutation: 'header-too-late', then: '415 NOT_A_PDF: %PDF- after the first KiB is not a PDF header', expected: 'NOT_A_PDF' },
      { mutation: 'zip-with-pdf-header', then: '422 PDF_CORRUPT: a PDF header on a zip archive does not make it a PDF', expected: 'PDF_CORRUPT' },
      { mutation: 'page-tree-cycle', then: '422 PDF_CORRUPT: the cycle is detected rather than followed', expected: 'PDF_CORRUPT' },
      { mutation: 'xref-prev-loop', then: 'it is stored: the /Prev loop is not followed for ever', expected: 'stored' },
      { mutation: 'huge-page-count', then: 'it is stored: a /Count of 2³¹−1 does not make the reader loop', expected: 'stored' },
      { mutation: 'huge-image', then: 'it is stored: a 60,000 × 60,000 image is never decoded to read text', expected: 'stored' },
    ];
    for (const c of cases) {
      it(`when a PDF with ${c.mutation} is uploaded, then ${c.then}, and the server answers`, async () => {
        // Arrange
        const productId = await newProduct();
        const mutant = mutate(c.mutation, bases[0]!, 1);

        // Act
        const answer = await upload(productId, form(mutant.bytes));

        // Assert
        const outcome = await expectStoredOrRefused(productId, answer, c.mutation);
        expect(outcome, show(answer.res)).to.equal(c.expected);
        await expectUp(c.mutation);
      });
    }

    it('when a 2 MB PDF whose content stream inflates to 2 GiB (a compression bomb) is uploaded, then 422 PDF_TOO_COMPLEX naming the memory budget, within seconds, with the process growing by less than the budgets, and the next SDS is read as usual', async () => {
      // Arrange
      const productId = await newProduct();
      const bomb = withCompressionBomb(bases[1]!.bytes, 2048 * MiB);
      expect(bomb.byteLength).to.be.below(UPLOAD_MAX_BYTES);
      const baseline = memory.current();
      memory.reset();

      // Act
      const answer = await upload(productId, form(bomb));
      const growth = memory.growthSince(baseline);
      const next = await upload(await newProduct(), form(buildSdsPdf(defaultSpec('da')).bytes));

      // Assert
      expect(growth, `grew by ${Math.round(growth / MiB)} MiB`).to.be.below(PDF_GROWTH_BOUND);
      await expectStoredOrRefused(productId, answer, 'compression bomb');
      expect(answer.res.body.code, show(answer.res)).to.equal('PDF_TOO_COMPLEX');
      expect(answer.res.body.message).to.match(/memory budget of 256 MiB/);
      expect(next.res.status, show(next.res)).to.equal(201);
      await expectUp('a compression bomb');
    });

    for (const mutation of ['deep-nesting-array', 'deep-nesting-dict', 'deep-nesting-content', 'huge-object-stream'] as const) {
      it(`when a PDF with ${mutation} is uploaded, then it is stored or refused with a catalogued 4xx within the budget, and the process grows by less than the budgets`, async () => {
        // Arrange
        const productId = await newProduct();
        const mutant = mutate(mutation, bases[0]!, 9);
        const baseline = memory.current();
        memory.reset();

        // Act
        const answer = await upload(productId, form(mutant.bytes));
        const growth = memory.growthSince(baseline);

        // Assert
        await expectStoredOrRefused(productId, answer, mutation);
        expect(growth, `grew by ${Math.round(growth / MiB)} MiB`).to.be.below(PDF_GROWTH_BOUND);
        await expectUp(mutation);
      });
    }
  });

  describe('content sniffing', () => {
    it('when an SDS is sent as image/png under a .png name, then it is still read as a PDF and stored, and downloads as application/pdf', async () => {
      // Arrange
      const productId = await newProduct();
      const pdf = bases[2]!.bytes;

      // Act
      const { res } = await upload(productId, form(pdf, 'etikett.png', 'image/png'));
      const download = await admin.bytes(`/api/v1/sds/${res.body.id}/file`);

      // Assert
      expect(res.status, show(res)).to.equal(201);
      expect(res.body.status).to.equal('extracted');
      expect(download.headers.get('content-type')).to.match(/^application\/pdf/);
      expect(download.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(Buffer.compare(download.body, Buffer.from(pdf))).to.equal(0);
    });

    const impostors: Array<{ what: string; bytes: () => Uint8Array }> = [
      { what: 'an HTML page with a script', bytes: () => new TextEncoder().encode('<!doctype html><html><body><script>fetch("/api/v1/tokens")</script>PDF-1.7</body></html>') },
      { what: 'a Windows executable', bytes: () => new Uint8Array(Buffer.concat([Buffer.from('MZ\x90\x00\x03\x00\x00\x00', 'latin1'), Buffer.alloc(2000, 0x90)])) },
      { what: 'a Word document (a zip archive)', bytes: () => zipArchive([{ name: 'word/document.xml', data: new TextEncoder().encode('<w:document/>') }]) },
    ];
    for (const impostor of impostors) {
      it(`when ${impostor.what} is sent as sdb.pdf with application/pdf, then 415 NOT_A_PDF and nothing is stored`, async () => {
        // Arrange
        const productId = await newProduct();

        // Act
        const answer = await upload(productId, form(impostor.bytes(), 'sdb.pdf', 'application/pdf'));

        // Assert
        expect(await expectStoredOrRefused(productId, answer, impostor.what)).to.equal('NOT_A_PDF');
      });
    }
  });

  describe('file names are never paths', () => {
    const names: Array<{ what: string; part: Pick<Part, 'filename' | 'filenameStar'>; stored: string }> = [
      { what: 'a relative path climbing out', part: { filename: '../../etc/passwd.pdf' }, stored: 'passwd.pdf' },
      { what: 'an absolute path', part: { filename: '/etc/cron.d/chemreg.pdf' }, stored: 'chemreg.pdf' },
      { what: 'a Windows path', part: { filename: '..\\..\\Windows\\System32\\drivers\\etc\\hosts.pdf' }, stored: 'hosts.pdf' },
      { what: 'a percent-encoded RFC 5987 path', part: { filenameStar: '..%2F..%2Fetc%2Fshadow.pdf' }, stored: 'shadow.pdf' },
      { what: 'a percent-encoded NUL byte hiding an extension', part: { filenameStar: 'sdb.pdf%00.exe' }, stored: 'sdb.pdf.exe' },
      { what: 'a 1,000-character name', part: { filename: `${'å'.repeat(996)}.pdf` }, stored: 'å'.repeat(255) },
    ];
    for (const name of names) {
      it(`when the file name is ${name.what}, then the revision is stored as "${name.stored.slice(0, 20)}", downloads under it, and nothing is written outside the data directory`, async () => {
        // Arrange
        const productId = await newProduct();
        const pdf = buildSdsPdf(defaultSpec('nb', { productName: `Namnprov ${name.what}` })).bytes;
        const dataDir = process.env.MONGODB_URI ? undefined : resolve(t.config.DATA_DIR);
        const before = dataDir ? readdirSync(dataDir, { recursive: true }).map(String).sort() : [];

        // Act
        const { res } = await upload(productId, multipartBody([{ name: 'file', ...name.part, type: 'application/pdf', data: pdf }]));
        const download = await admin.bytes(`/api/v1/sds/${res.body.id}/file`);

        // Assert
        expect(res.status, show(res)).to.equal(201);
        expect(res.body.fileName).to.equal(name.stored);
        expect(res.body.fileName).to.not.match(/[/\\\p{Cc}]/u);
        const disposition = download.headers.get('content-disposition') ?? '';
        expect(disposition).to.match(/^attachment;/);
        expect(disposition).to.not.match(/[\r\n/\\]|\.\./);
        for (const dir of [process.cwd(), ...(dataDir ? [dataDir] : [])]) {
          for (const target of ['../../etc/passwd.pdf', 'passwd.pdf', 'chemreg.pdf', 'hosts.pdf', 'shadow.pdf', 'sdb.pdf.exe']) {
            expect(existsSync(resolve(dir, target)), `${resolve(dir, target)} was not written`).to.equal(false);
          }
        }
        expect(existsSync('/etc/cron.d/chemreg.pdf')).to.equal(false);
        if (dataDir) {
          const added = readdirSync(dataDir, { recursive: true }).map(String).filter((entry) => !before.includes(entry));
          expect(added.filter((entry) => /\.pdf|\.exe|passwd|shadow|hosts|å/u.test(entry)), 'files named after the upload').to.deep.equal([]);
        }
      });
    }

    const unreadable: Array<{ what: string; part: Pick<Part, 'filename' | 'filenameStar'>; code: string; issue?: { path: string; message: RegExp } }> = [
      { what: 'a raw NUL byte in the file name', part: { filename: 'sdb.pdf\u0000.exe' }, code: 'MALFORMED_MULTIPART' },
      { what: 'a 100 KiB file name', part: { filename: `${'a'.repeat(100 * 1024)}.pdf` }, code: 'MALFORMED_MULTIPART' },
      // Names that are no names (busboy keeps only a base name, and these have none): the part is not taken for a file.
      // The message says the name was the trouble, not that no file was sent.
      { what: 'a name of only dots', part: { filename: '..' }, code: 'VALIDATION_FAILED', issue: { path: 'body.file', message: /with a file name .*"\.\."/ } },
      { what: 'a path ending in a directory', part: { filename: '../../etc/' }, code: 'VALIDATION_FAILED', issue: { path: 'body.file', message: /with a file name .*ends in "\/"/ } },
    ];
    for (const name of unreadable) {
      it(`when the part header carries ${name.what}, then 400 ${name.code} and nothing is stored`, async () => {
        // Arrange
        const productId = await newProduct();

        // Act
        const { res } = await upload(productId, multipartBody([{ name: 'file', ...name.part, type: 'application/pdf', data: bases[0]!.bytes }]));

        // Assert
        expect(res.status, show(res)).to.equal(400);
        expect(res.body.code).to.equal(name.code);
        if (name.issue) {
          expect(res.body.issues, show(res)).to.have.length(1);
          expect(res.body.issues[0].path).to.equal(name.issue.path);
          expect(res.body.issues[0].message).to.match(name.issue.message);
        }
        expect(await revisionsOf(productId)).to.equal(0);
      });
    }
  });

  describe('size and part limits', () => {
    it('when a list file or a bulk declaration sheet is larger than UPLOAD_MAX_BYTES, then 413 PAYLOAD_TOO_LARGE naming the limit, and nothing is imported', async () => {
      // Arrange
      const versionsBefore = await t.storage.connection.db!.collection('listVersions').countDocuments();
      const big = new Uint8Array(UPLOAD_MAX_BYTES + 1).fill(0x41);
      const listForm = new FormData();
      listForm.append('file', new Blob([big]), 'candidate_list_full.xlsx');
      const bulkForm = new FormData();
      bulkForm.append('file', new Blob([big]), 'deklaration.csv');

      // Act
      const list = await admin.post('/api/v1/lists/import', listForm);
      const bulk = await admin.post(`/api/v1/suppliers/${supplierId}/declarations/bulk`, bulkForm);

      // Assert
      for (const res of [list, bulk]) {
        expect(res.status, show(res)).to.equal(413);
        expect(res.body.code).to.equal('PAYLOAD_TOO_LARGE');
        expect(res.body.message).to.include('4 MiB');
      }
      expect(await t.storage.connection.db!.collection('listVersions').countDocuments()).to.equal(versionsBefore);
      expect(await t.storage.connection.db!.collection('declarations').countDocuments({ supplierId })).to.equal(0);
      await expectUp('oversized uploads');
    });

    const forms: Array<{ what: string; parts: () => Part[] }> = [
      { what: 'the file and 50 text fields', parts: () => [{ name: 'file', filename: 'sdb.pdf', data: bases[0]!.bytes }, ...Array.from({ length: 50 }, (_, i) => ({ name: `f${i}`, data: 'x' }))] },
      { what: 'three files in field "file"', parts: () => [0, 1, 2].map((i) => ({ name: 'file', filename: `sdb${i}.pdf`, data: bases[i]!.bytes })) },
      { what: 'the file and a 64 KiB text field', parts: () => [{ name: 'file', filename: 'sdb.pdf', data: bases[0]!.bytes }, { name: 'note', data: 'x'.repeat(64 * 1024) }] },
      { what: 'the file and a second file in another field', parts: () => [{ name: 'file', filename: 'sdb.pdf', data: bases[0]!.bytes }, { name: 'attachment', filename: 'a.pdf', data: bases[1]!.bytes }] },
    ];
    for (const f of forms) {
      it(`when the form holds ${f.what}, then 400 and nothing is stored`, async () => {
        // Arrange
        const productId = await newProduct();

        // Act
        const { res } = await upload(productId, multipartBody(f.parts()));

        // Assert
        expect(res.status, show(res)).to.equal(400);
        expect(res.body.code).to.be.oneOf(['VALIDATION_FAILED', 'MALFORMED_MULTIPART']);
        expect(await revisionsOf(productId)).to.equal(0);
      });
    }
  });

  describe('zip bombs in spreadsheet imports', () => {
    const bombs: Array<{ what: string; bytes: () => Uint8Array }> = [
      { what: 'a 1 MB .xlsx whose sheet inflates to 1 GiB', bytes: () => xlsxBomb(1024 * MiB) },
      { what: 'a .xlsx whose sheet inflates to 100 MiB while its headers declare 2 KiB', bytes: () => xlsxBomb(100 * MiB, { declaredSize: 2048 }) },
      { what: 'a .xlsx with 5,000 entries', bytes: () => zipWithManyEntries(5000) },
    ];
    for (const bomb of bombs) {
      it(`when ${bomb.what} is imported as a list, or sent as a bulk declaration, then 400 within a second or two, nothing is imported, and memory stays flat`, async () => {
        // Arrange
        const bytes = bomb.bytes();
        expect(bytes.byteLength).to.be.below(UPLOAD_MAX_BYTES);
        const db = t.storage.connection.db!;
        const before = { versions: await db.collection('listVersions').countDocuments(), entries: await db.collection('listEntries').countDocuments() };
        const listForm = new FormData();
        listForm.append('file', new Blob([bytes]), 'candidate_list_full.xlsx');
        const bulkForm = new FormData();
        bulkForm.append('file', new Blob([bytes]), 'deklaration.xlsx');
        const baseline = memory.current();
        memory.reset();

        // Act
        const started = performance.now();
        const list = await admin.post('/api/v1/lists/import', listForm);
        const listMs = performance.now() - started;
        const bulk = await admin.post(`/api/v1/suppliers/${supplierId}/declarations/bulk`, bulkForm);
        const ms = performance.now() - started;
        const growth = memory.growthSince(baseline);

        // Assert
        expect(growth, `grew by ${Math.round(growth / MiB)} MiB`).to.be.below(XLSX_GROWTH_BOUND);
        expect(listMs, 'the list import answered within 2 s').to.be.below(2000);
        expect(ms, 'both answered within 4 s').to.be.below(4000);
        expect(list.status, show(list)).to.equal(400);
        expect(list.body.code).to.equal('LIST_FILE_INVALID');
        expect(list.body.message).to.match(/zip archive beyond what a spreadsheet holds/);
        expect(bulk.status, show(bulk)).to.equal(400);
        expect({ versions: await db.collection('listVersions').countDocuments(), entries: await db.collection('listEntries').countDocuments() }).to.deep.equal(before);
        expect(await db.collection('declarations').countDocuments({ supplierId })).to.equal(0);
        await expectUp(bomb.what);
      });
    }

    it('when a real-size list export and a bulk sheet within the limits are imported after the bombs, then they are read as before', async () => {
      // Arrange
      const candidate = await buildEchaChemXlsx('candidate');
      const listForm = new FormData();
      listForm.append('file', new Blob([candidate.bytes]), candidate.fileName);
      const csv = bulkCsv(SAMPLE_ROWS);
      const bulkForm = new FormData();
      bulkForm.append('file', new Blob([csv.bytes]), csv.fileName);

      // Act
      const list = await admin.post('/api/v1/lists/import', listForm);
      const bulk = await admin.post(`/api/v1/suppliers/${supplierId}/declarations/bulk`, bulkForm);

      // Assert
      expect(list.status, show(list)).to.be.oneOf([200, 201]);
      expect(list.body.version.entryCount).to.equal(candidate.expected.entryCount);
      expect(bulk.status, show(bulk)).to.equal(200);
      await t.services.jobs.whenIdle();
    });
  });
});
