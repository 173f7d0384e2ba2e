import { expect } from 'chai';
import { diffSdsFacts } from '../../src/sds/sds-diff.js';
import { SdsDiff, SdsRevision, SdsRevisionPage } from '../../src/sds/sds.schema.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { brokenPdfs, buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';

const MISSING_ID = '0123456789abcdef01234567';

/** A multipart body with the file in field `file`, as a browser or `curl -F file=@…` sends it. */
function form(bytes: Uint8Array, fileName = 'säkerhetsdatablad.pdf', field = 'file'): FormData {
  const body = new FormData();
  body.append(field, new Blob([bytes], { type: 'application/pdf' }), fileName);
  return body;
}

const show = (res: Response): string => `${res.status} ${JSON.stringify(res.body)}`;

function expectError(res: Response, status: number, code: string): void {
  expect(res.status, show(res)).to.equal(status);
  expect(res.body.code, show(res)).to.equal(code);
  expect(res.body.statusCode).to.equal(status);
}

describe('SDS revisions API', function () {
  // Extraction workers start on the first upload (tsx, pdf.js): allow for it.
  this.timeout(60_000);

  let t: TestApp;
  let admin: Client;
  let supplierA: string;
  let supplierB: string;
  let asSupplierA: Client;
  let asSupplierB: Client;
  const sv = buildSdsPdf(defaultSpec('sv'));
  const en = buildSdsPdf(defaultSpec('en'));

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    supplierA = await createSupplier('Städ & Hygien AB');
    supplierB = await createSupplier('Konkurrent AB');
    asSupplierA = t.as((await t.issueToken('supplier', supplierA)).token);
    asSupplierB = t.as((await t.issueToken('supplier', supplierB)).token);
  });
  after(async () => {
    await t?.close();
  });

  async function createSupplier(name: string): Promise<string> {
    const res = await admin.post<{ id: string }>('/api/v1/suppliers', { name, orgNumber: swedishOrgNumber() });
    expect(res.status, show(res)).to.equal(201);
    return res.body.id;
  }

  async function createProduct(supplierId = supplierA): Promise<string> {
    const res = await admin.post<{ id: string }>('/api/v1/products', { supplierId, name: 'Golvrent Neutral', kind: 'mixture' });
    expect(res.status, show(res)).to.equal(201);
    return res.body.id;
  }

  const upload = (productId: string, body: FormData, as: Client = admin) => as.post(`/api/v1/products/${productId}/sds`, body);

  async function uploaded(productId: string, bytes: Uint8Array, as: Client = admin): Promise<any> {
    const res = await upload(productId, form(bytes), as);
    expect(res.status, show(res)).to.equal(201);
    return res.body;
  }

  /** What is stored for a product: revisions, GridFS files and chunks, audit entries about revisions. */
  async function stored(productId: string) {
    const db = t.storage.connection.db!;
    const files = await db.collection('sdsFiles.files').find({ 'metadata.productId': productId }).toArray();
    return {
      revisions: await db.collection('sdsRevisions').countDocuments({ productId }),
      files: files.length,
      chunks: await db.collection('sdsFiles.chunks').countDocuments({ files_id: { $in: files.map((f) => f._id) } }),
      audit: await db.collection('audit').countDocuments({ entityType: 'sds-revision', 'after.productId': productId }),
    };
  }

  /** Every GridFS file has a revision, and every revision its file: nothing half-stored anywhere. */
  async function expectNoOrphans(): Promise<void> {
    const db = t.storage.connection.db!;
    const fileIds = (await db.collection('sdsFiles.files').find().toArray()).map((f) => f._id.toHexString()).sort();
    const referenced = (await db.collection('sdsRevisions').find().toArray()).map((r) => (r.fileId as { toHexString(): string }).toHexString()).sort();
    expect(fileIds).to.deep.equal(referenced);
    const chunkOwners = new Set((await db.collection('sdsFiles.chunks').find().toArray()).map((c) => (c.files_id as { toHexString(): string }).toHexString()));
    expect([...chunkOwners].every((id) => fileIds.includes(id)), 'chunks without a file').to.equal(true);
  }

  describe('uploading', () => {
    it('when a product\'s SDS is uploaded, then 201 answers revision 1 with the facts read from it, and the file, revision and audit entry are stored', async () => {
      // Arrange
      const productId = await createProduct();

      // Act
      const res = await upload(productId, form(sv.bytes, 'Golvrent SDB v1.pdf'));

      // Assert
      expect(res.status, show(res)).to.equal(201);
      const parsed = SdsRevision.safeParse(res.body);
      expect(parsed.success, parsed.error?.message).to.equal(true);
      expect(res.body).to.include({ productId, supplierId: supplierA, revisionNumber: 1, fileName: 'Golvrent SDB v1.pdf', size: sv.bytes.byteLength });
      expect(res.body.status).to.be.oneOf(['extracted', 'needs-review']);
      expect(res.body.uploadedBy).to.deep.include({ role: 'admin' });
      expect(res.body.sha256).to.match(/^[0-9a-f]{64}$/);
      expect(res.body.facts.textLayer).to.equal(true);
      expect(res.body.facts.isSds).to.equal(true);
      expect(res.body.facts.productName.value).to.equal(sv.truth.productName);
      expect(res.body.summary.productName).to.equal(sv.truth.productName);
      expect(res.headers.get('location')).to.equal(`/api/v1/sds/${res.body.id}`);
      expect(await stored(productId)).to.deep.equal({ revisions: 1, files: 1, chunks: 1, audit: 1 });

      const trail = await admin.get(`/api/v1/audit?entityType=sds-revision&entityId=${res.body.id}`);
      expect(trail.body.items).to.have.length(1);
      expect(trail.body.items[0]).to.deep.include({ action: 'sds-revision.created', supplierId: supplierA, before: null });
      expect(trail.body.items[0].after).to.include({ id: res.body.id, revisionNumber: 1, sha256: res.body.sha256 });
      expect(trail.body.items[0].after, 'the trail keeps the revision without its bulky facts').to.not.have.property('facts');
    });

    it('when the product\'s own supplier uploads, then the revision records the supplier\'s token as uploader', async () => {
      // Arrange
      const productId = await createProduct();

      // Act
      const revision = await uploaded(productId, sv.bytes, asSupplierA);

      // Assert
      expect(revision.uploadedBy).to.deep.include({ role: 'supplier', tokenName: 'test supplier' });
    });

    it('when the same bytes are uploaded again for the same product, then 200 answers the existing revision and nothing more is stored', async () => {
      // Arrange
      const productId = await createProduct();
      const first = await uploaded(productId, sv.bytes);

      // Act
      const again = await upload(productId, form(sv.bytes, 'another name.pdf'), asSupplierA);

      // Assert
      expect(again.status, show(again)).to.equal(200);
      expect(again.body).to.deep.equal(first);
      expect(await stored(productId)).to.deep.equal({ revisions: 1, files: 1, chunks: 1, audit: 1 });
    });

    it('when the same bytes are uploaded twice at the same moment, then one revision is created and both answers name it, with one stored file', async () => {
      // Arrange
      const productId = await createProduct();

      // Act
      const answers = await Promise.all([upload(productId, form(sv.bytes)), upload(productId, form(sv.bytes))]);

      // Assert
      expect(answers.map((a) => a.status).sort()).to.deep.equal([200, 201]);
      expect(answers[0].body.id).to.equal(answers[1].body.id);
      expect(await stored(productId)).to.deep.equal({ revisions: 1, files: 1, chunks: 1, audit: 1 });
      await expectNoOrphans();
    });

    it('when the same bytes are uploaded for another product, then that product gets its own revision 1', async () => {
      // Arrange
      const first = await createProduct();
      const second = await createProduct();
      const a = await uploaded(first, sv.bytes);

      // Act
      const b = await uploaded(second, sv.bytes);

      // Assert
      expect(b.id).to.not.equal(a.id);
      expect(b).to.include({ productId: second, revisionNumber: 1, sha256: a.sha256 });
    });

    it('when a different SDS is uploaded for the same product, then it becomes revision 2', async () => {
      // Arrange
      const productId = await createProduct();
      await uploaded(productId, sv.bytes);

      // Act
      const second = await uploaded(productId, en.bytes);

      // Assert
      expect(second.revisionNumber).to.equal(2);
      expect(await stored(productId)).to.deep.equal({ revisions: 2, files: 2, chunks: 2, audit: 2 });
    });

    it('when a supplier uploads to another supplier\'s product, then 404 as for a product that does not exist, and nothing is stored', async () => {
      // Arrange
      const productOfB = await createProduct(supplierB);

      // Act
      const res = await upload(productOfB, form(sv.bytes), asSupplierA);
      const unknown = await upload(MISSING_ID, form(sv.bytes), asSupplierA);

      // Assert
      expectError(res, 404, 'NOT_FOUND');
      expectError(unknown, 404, 'NOT_FOUND');
      expect(res.body.message.replace(productOfB, '<id>')).to.equal(unknown.body.message.replace(MISSING_ID, '<id>'));
      expect(await stored(productOfB)).to.deep.equal({ revisions: 0, files: 0, chunks: 0, audit: 0 });
    });

    it('when procurement uploads, then 403: procurement only reads', async () => {
      // Arrange
      const productId = await createProduct();
      const procurement = t.as((await t.issueToken('procurement')).token);

      // Act
      const res = await upload(productId, form(sv.bytes), procurement);

      // Assert
      expectError(res, 403, 'FORBIDDEN');
      expect((await stored(productId)).revisions).to.equal(0);
    });

    it('when a product has SDS revisions, then it cannot be deleted (409 IN_USE) and keeps them', async () => {
      // Arrange
      const productId = await createProduct();
      await uploaded(productId, sv.bytes);

      // Act
      const res = await admin.delete(`/api/v1/products/${productId}`);

      // Assert
      expectError(res, 409, 'IN_USE');
      expect((await admin.get(`/api/v1/products/${productId}`)).status).to.equal(200);
      expect((await stored(productId)).revisions).to.equal(1);
    });
  });

  describe('refusing bad input, with nothing stored', () => {
    const cases: { when: string; file: () => Uint8Array; fileName?: string; status: number; code: string; message?: RegExp }[] = [
      { when: 'the file is empty', file: () => brokenPdfs.empty(), status: 400, code: 'PDF_EMPTY' },
      { when: 'the file is not a PDF although it is named .pdf', file: () => brokenPdfs.notPdf(), fileName: 'sds.pdf', status: 415, code: 'NOT_A_PDF' },
      { when: 'the PDF is truncated', file: () => brokenPdfs.truncated(), status: 422, code: 'PDF_CORRUPT' },
      { when: 'the PDF is corrupt', file: () => brokenPdfs.corrupt(), status: 422, code: 'PDF_CORRUPT' },
      { when: 'the PDF is encrypted', file: () => brokenPdfs.encrypted(), status: 422, code: 'PDF_ENCRYPTED' },
      { when: 'the PDF has text but is not a safety data sheet', file: () => brokenPdfs.notAnSds(), status: 422, code: 'NOT_AN_SDS' },
    ];
    for (const c of cases) {
      it(`when ${c.when}, then ${c.status} ${c.code} and no revision, file or audit entry is stored`, async () => {
        // Arrange
        const productId = await createProduct();

        // Act
        const res = await upload(productId, form(c.file(), c.fileName), asSupplierA);

        // Assert
        expectError(res, c.status, c.code);
        expect(await stored(productId)).to.deep.equal({ revisions: 0, files: 0, chunks: 0, audit: 0 });
        await expectNoOrphans();
      });
    }

    it('when a scanned PDF without text layer is uploaded, then it is stored (201) as needs-ocr with no facts invented', async () => {
      // Arrange
      const productId = await createProduct();

      // Act
      const res = await upload(productId, form(brokenPdfs.scanned(), 'scan.pdf'));

      // Assert
      expect(res.status, show(res)).to.equal(201);
      expect(res.body.status).to.equal('needs-ocr');
      const { facts } = res.body;
      expect(facts.textLayer).to.equal(false);
      for (const field of ['productName', 'supplierName', 'supplierCountry', 'revisionDate', 'version']) expect(facts[field].value, field).to.equal(null);
      expect(facts.signalWord.value).to.equal(null);
      expect([...facts.hazardStatements, ...facts.euhStatements, ...facts.pictograms, ...facts.substances]).to.deep.equal([]);
      expect(await stored(productId)).to.deep.equal({ revisions: 1, files: 1, chunks: 1, audit: 1 });
    });

    it('when the request has no file, then 400 VALIDATION_FAILED naming body.file', async () => {
      // Arrange
      const productId = await createProduct();
      const empty = new FormData();
      empty.append('note', 'no file here');

      // Act
      const res = await upload(productId, empty);

      // Assert
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.issues).to.deep.include.members([
        { path: 'body.file', message: 'required: the file, as form field "file" with a file name (a name that is empty, "." or "..", or ends in "/", is not one)' },
        { path: 'body.note', message: 'unknown field' },
      ]);
    });

    it('when field "file" holds text instead of a file, then 400 VALIDATION_FAILED saying it must be a file', async () => {
      // Arrange
      const productId = await createProduct();
      const text = new FormData();
      text.append('file', '%PDF-1.7 pasted as text');

      // Act
      const res = await upload(productId, text);

      // Assert
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(res.body.issues).to.deep.equal([{ path: 'body.file', message: 'must be a file (a form part with a filename), not a text value' }]);
    });

    it('when the file comes in another field, or two files come, then 400 VALIDATION_FAILED and nothing is stored', async () => {
      // Arrange
      const productId = await createProduct();
      const twice = form(sv.bytes);
      twice.append('file', new Blob([en.bytes]), 'second.pdf');

      // Act
      const wrongField = await upload(productId, form(sv.bytes, 'sds.pdf', 'document'));
      const twoFiles = await upload(productId, twice);

      // Assert
      expectError(wrongField, 400, 'VALIDATION_FAILED');
      expect(wrongField.body.issues[0].path).to.equal('body.document');
      expectError(twoFiles, 400, 'VALIDATION_FAILED');
      expect((await stored(productId)).revisions).to.equal(0);
    });

    it('when the body is JSON rather than multipart, then 415 UNSUPPORTED_MEDIA_TYPE', async () => {
      // Arrange
      const productId = await createProduct();

      // Act
      const res = await admin.post(`/api/v1/products/${productId}/sds`, { file: 'JVBERi0xLjQ=' });

      // Assert
      expectError(res, 415, 'UNSUPPORTED_MEDIA_TYPE');
      expect(res.body.message).to.match(/multipart\/form-data/);
    });

    it('when the multipart body is cut off before its closing boundary, then 400 MALFORMED_MULTIPART', async () => {
      // Arrange
      const productId = await createProduct();
      const body = '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.4 and then nothing';

      // Act
      const res = await admin.raw('POST', `/api/v1/products/${productId}/sds`, { body, headers: { 'content-type': 'multipart/form-data; boundary=xyz' } });

      // Assert
      expectError(res, 400, 'MALFORMED_MULTIPART');
      expect((await stored(productId)).revisions).to.equal(0);
    });

    it('when a file name carries a path and invisible format characters (a right-to-left override), then only its clean base name is kept', async () => {
      // Arrange
      const productId = await createProduct();

      // Act
      const revision = await uploaded(productId, sv.bytes);
      const named = await upload(await createProduct(), form(sv.bytes, 'C:\\fakepath\\Golv\u202Erent.pdf'));

      // Assert
      expect(revision.fileName).to.equal('säkerhetsdatablad.pdf');
      expect(named.body.fileName, show(named)).to.equal('Golvrent.pdf');
    });
  });

  describe('limits', () => {
    it('when the file is larger than UPLOAD_MAX_BYTES, then 413 PAYLOAD_TOO_LARGE naming the limit, and nothing is stored', async () => {
      // Arrange
      const small = await startTestApp({ UPLOAD_MAX_BYTES: '2048' });
      try {
        const asAdmin = small.as(small.adminToken);
        const supplier = await asAdmin.post('/api/v1/suppliers', { name: 'Liten AB', orgNumber: swedishOrgNumber() });
        const product = await asAdmin.post('/api/v1/products', { supplierId: supplier.body.id, name: 'P', kind: 'mixture' });
        expect(sv.bytes.byteLength).to.be.above(2048);

        // Act
        const res = await asAdmin.post(`/api/v1/products/${product.body.id}/sds`, form(sv.bytes));

        // Assert
        expectError(res, 413, 'PAYLOAD_TOO_LARGE');
        expect(res.body.message).to.include('2048 bytes');
        expect(await small.storage.connection.db!.collection('sdsRevisions').countDocuments()).to.equal(0);
        expect(await small.storage.connection.db!.collection('sdsFiles.files').countDocuments()).to.equal(0);
        expect((await asAdmin.get('/health')).status, 'the server still answers').to.equal(200);
      } finally {
        await small.close();
      }
    });

    it('when reading a PDF goes over the time budget, then its worker is stopped, 422 PDF_TOO_COMPLEX, nothing stored, and the server keeps answering', async () => {
      // Arrange: 5 ms is far less than reading any PDF takes
      const strict = await startTestApp({ SDS_EXTRACT_TIMEOUT_MS: '5' });
      try {
        const asAdmin = strict.as(strict.adminToken);
        const supplier = await asAdmin.post('/api/v1/suppliers', { name: 'Strikt AB', orgNumber: swedishOrgNumber() });
        const product = await asAdmin.post('/api/v1/products', { supplierId: supplier.body.id, name: 'P', kind: 'mixture' });

        // Act
        const first = await asAdmin.post(`/api/v1/products/${product.body.id}/sds`, form(sv.bytes));
        const second = await asAdmin.post(`/api/v1/products/${product.body.id}/sds`, form(en.bytes));
        const health = await asAdmin.get('/health');
        const list = await asAdmin.get(`/api/v1/products/${product.body.id}/sds`);

        // Assert
        expectError(first, 422, 'PDF_TOO_COMPLEX');
        expect(first.body.message).to.include('5 ms');
        expectError(second, 422, 'PDF_TOO_COMPLEX');
        expect(health.status).to.equal(200);
        expect(list.body.total).to.equal(0);
        expect(await strict.storage.connection.db!.collection('sdsFiles.files').countDocuments()).to.equal(0);
        expect(strict.logs.some((line) => line.includes('over its time budget'))).to.equal(true);
      } finally {
        await strict.close();
      }
    });
  });

  describe('reading', () => {
    let productId: string;
    let first: any;
    let second: any;

    before(async () => {
      productId = await createProduct();
      first = await uploaded(productId, sv.bytes);
      second = await uploaded(productId, en.bytes);
    });

    it('when a product\'s revisions are listed, then they come newest first, paginated, with a summary instead of the facts', async () => {
      // Act
      const all = await asSupplierA.get(`/api/v1/products/${productId}/sds`);
      const page = await admin.get(`/api/v1/products/${productId}/sds?limit=1&offset=1`);

      // Assert
      expect(all.status, show(all)).to.equal(200);
      expect(SdsRevisionPage.safeParse(all.body).success).to.equal(true);
      expect(all.body.items.map((r: { revisionNumber: number }) => r.revisionNumber)).to.deep.equal([2, 1]);
      expect(all.body.items[0]).to.not.have.property('facts');
      const { facts: _facts, ...withoutFacts } = second;
      expect(all.body.items[0]).to.deep.equal(withoutFacts);
      expect(page.body).to.deep.include({ total: 2, limit: 1, offset: 1 });
      expect(page.body.items.map((r: { id: string }) => r.id)).to.deep.equal([first.id]);
    });

    it('when a revision is read, then it is the one the upload answered, facts included', async () => {
      // Act
      const res = await t.as((await t.issueToken('procurement')).token).get(`/api/v1/sds/${first.id}`);

      // Assert
      expect(res.status, show(res)).to.equal(200);
      expect(res.body).to.deep.equal(first);
    });

    it('when the original is downloaded, then the bytes are identical to the upload, as a PDF attachment that is never sniffed', async () => {
      // Act
      const res = await asSupplierA.bytes(`/api/v1/sds/${first.id}/file`);

      // Assert
      expect(res.status).to.equal(200);
      expect(res.body.equals(Buffer.from(sv.bytes))).to.equal(true);
      expect(res.headers.get('content-type')).to.equal('application/pdf');
      expect(res.headers.get('content-length')).to.equal(String(sv.bytes.byteLength));
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('content-disposition')).to.equal(`attachment; filename="s?kerhetsdatablad.pdf"; filename*=UTF-8''s%C3%A4kerhetsdatablad.pdf`);
    });

    it('when a file name has quotes and non-Latin characters, then Content-Disposition carries it safely encoded', async () => {
      // Arrange
      const other = await createProduct();
      const res = await upload(other, form(sv.bytes, 'SDB "Golvrent" 安全.pdf'));

      // Act
      const download = await admin.bytes(`/api/v1/sds/${res.body.id}/file`);

      // Assert
      const disposition = download.headers.get('content-disposition') ?? '';
      expect(disposition).to.match(/^attachment; filename="[\x20-\x7e]*"; filename\*=UTF-8''[A-Za-z0-9%!#$&+.^_`|~-]+$/);
      expect(decodeURIComponent(disposition.split("''")[1]!)).to.equal('SDB "Golvrent" 安全.pdf');
    });

    it('when two revisions are compared, then the diff is the one computed from their facts, from the first to the second', async () => {
      // Act
      const res = await admin.get(`/api/v1/sds/${first.id}/diff/${second.id}`);

      // Assert
      expect(res.status, show(res)).to.equal(200);
      expect(SdsDiff.safeParse(res.body).success).to.equal(true);
      expect(res.body.from).to.deep.equal({ id: first.id, productId, revisionNumber: 1, status: first.status, revisionDate: first.facts.revisionDate.value });
      expect(res.body.to).to.include({ id: second.id, revisionNumber: 2 });
      const { from: _from, to: _to, ...diff } = res.body;
      expect(diff).to.deep.equal(diffSdsFacts(first.facts, second.facts));
    });

    it('when a product\'s SDS is revised (new date and version, a component\'s range raised, one replaced, a hazard added), then the diff of the two uploads says exactly that', async () => {
      // Arrange
      const base = defaultSpec('sv');
      const [naoh, glycolEther] = base.substances;
      const revised = defaultSpec('sv', {
        revisionDate: '2024-05-17',
        printDate: '2024-06-20',
        version: '2.0',
        classification: [...base.classification, { hazardClass: 'STOT SE 3', code: 'H335' }],
        hazardStatements: [...base.hazardStatements, { code: 'H335', text: 'Kan orsaka irritation i luftvägarna.' }],
        pictograms: ['GHS05', 'GHS07'],
        substances: [
          { ...naoh!, concentration: '5 - 10 %' },
          glycolEther!,
          { name: 'etanol', cas: '64-17-5', ec: '200-578-6', concentration: '< 1 %', classification: 'Flam. Liq. 2, H225' },
        ],
      });
      const productId = await createProduct();
      const v1 = await uploaded(productId, buildSdsPdf(base).bytes);
      const v2 = await uploaded(productId, buildSdsPdf(revised).bytes);

      // Act
      const res = await admin.get(`/api/v1/sds/${v1.id}/diff/${v2.id}`);

      // Assert
      expect(res.status, show(res)).to.equal(200);
      expect(res.body.changed).to.equal(true);
      expect(res.body.identity).to.deep.equal({ revisionDate: { from: base.revisionDate, to: '2024-05-17' }, version: { from: '1.0', to: '2.0' } });
      expect(res.body.hazardStatements).to.deep.equal({ added: ['H335'], removed: [] });
      expect(res.body.euhStatements).to.deep.equal({ added: [], removed: [] });
      expect(res.body.pictograms).to.deep.equal({ added: ['GHS07'], removed: [] });
      const { substances } = res.body;
      expect(substances.unchanged, JSON.stringify(substances)).to.equal(1);
      expect(substances.added.map((x: { cas: string }) => x.cas)).to.deep.equal(['64-17-5']);
      expect(substances.removed.map((x: { cas: string }) => x.cas)).to.deep.equal(['68439-46-3']);
      expect(substances.changed).to.have.length(1);
      expect(substances.changed[0]).to.deep.include({ matchedBy: 'cas' });
      expect(substances.changed[0].substance).to.include({ cas: '1310-73-2' });
      expect(substances.changed[0].concentration.from).to.include({ min: 1, max: 5 });
      expect(substances.changed[0].concentration.to).to.include({ min: 5, max: 10 });
      expect(res.body.warnings).to.deep.equal([]);
    });

    it('when an unknown revision is read, downloaded or compared, then 404 NOT_FOUND', async () => {
      // Act
      const answers = await Promise.all([
        admin.get(`/api/v1/sds/${MISSING_ID}`),
        admin.get(`/api/v1/sds/${MISSING_ID}/file`),
        admin.get(`/api/v1/sds/${first.id}/diff/${MISSING_ID}`),
        admin.get(`/api/v1/sds/${MISSING_ID}/diff/${first.id}`),
        admin.get(`/api/v1/products/${MISSING_ID}/sds`),
      ]);

      // Assert
      for (const res of answers) expectError(res, 404, 'NOT_FOUND');
    });

    it('when another supplier reads, downloads, lists or compares these revisions, even against its own, then 404 with nothing of them in the answer', async () => {
      // Arrange
      const ownProduct = await createProduct(supplierB);
      const own = await uploaded(ownProduct, en.bytes, asSupplierB);

      // Act
      const answers = await Promise.all([
        asSupplierB.get(`/api/v1/sds/${first.id}`),
        asSupplierB.get(`/api/v1/sds/${first.id}/file`),
        asSupplierB.get(`/api/v1/products/${productId}/sds`),
        asSupplierB.get(`/api/v1/sds/${own.id}/diff/${first.id}`),
        asSupplierB.get(`/api/v1/sds/${first.id}/diff/${own.id}`),
      ]);
      const ownDiff = await asSupplierB.get(`/api/v1/sds/${own.id}/diff/${own.id}`);

      // Assert
      for (const res of answers) {
        expectError(res, 404, 'NOT_FOUND');
        const text = JSON.stringify(res.body);
        for (const marker of [first.sha256, first.fileName, sv.truth.productName]) expect(text).to.not.include(marker);
      }
      expect(ownDiff.status).to.equal(200);
      expect(ownDiff.body.changed).to.equal(false);
    });
  });
});
