import { expect } from 'chai';
import { SYSTEM_ACTOR, type AuditService } from '../../src/audit/index.js';
import type { PoolOutcome } from '../../src/sds/extraction-pool.js';
import { createSdsRepository, createSdsService, type SdsService } from '../../src/sds/index.js';
import { cleanFileName } from '../../src/sds/sds.service.js';
import { ClientError } from '../../src/shared/errors.js';
import { transactionRunner } from '../../src/storage/transaction.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { facts, type FactsSpec } from '../support/sds-facts.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

/** Bytes that pass the PDF header check; the stand-in extractor below decides what they "contain". */
const pdf = (tag: string): Uint8Array => new Uint8Array(Buffer.from(`%PDF-1.7\n% ${tag}\n%%EOF\n`, 'latin1'));

describe(createSdsService.name, () => {
  let t: TestApp;
  let productId: string;

  before(async () => {
    t = await startTestApp();
    const admin = t.as(t.adminToken);
    const supplier = await admin.post('/api/v1/suppliers', { name: 'Enhet AB', orgNumber: swedishOrgNumber() });
    productId = (await admin.post('/api/v1/products', { supplierId: supplier.body.id, name: 'Produkt', kind: 'mixture' })).body.id as string;
  });
  after(async () => {
    await t?.close();
  });

  /** The real repository, product rule and transactions; a stand-in extractor, and optionally a failing audit. */
  function service(extract: (bytes: Uint8Array) => Promise<PoolOutcome>, audit: AuditService = t.services.audit): SdsService {
    return createSdsService({
      revisions: createSdsRepository(t.storage.connection),
      visibleProduct: (actor, id, session) => t.services.products.get(actor, id, session),
      audit,
      inTransaction: transactionRunner(t.storage.connection),
      extract,
    });
  }

  const read = (spec: FactsSpec = {}) => (): Promise<PoolOutcome> => Promise.resolve({ ok: true, facts: facts(spec), pages: [], extractorVersion: 'test-1' });

  async function storedCount(): Promise<{ revisions: number; files: number; chunks: number }> {
    const db = t.storage.connection.db!;
    return {
      revisions: await db.collection('sdsRevisions').countDocuments({ productId }),
      files: await db.collection('sdsFiles.files').countDocuments({ 'metadata.productId': productId }),
      chunks: await db.collection('sdsFiles.chunks').countDocuments(),
    };
  }

  it('when the audit entry cannot be written, then the revision is rolled back and the stored file deleted again: nothing half-stored', async () => {
    // Arrange
    const before = await storedCount();
    const failingAudit: AuditService = { ...t.services.audit, record: () => Promise.reject(new Error('audit store down')) };
    const sds = service(read(), failingAudit);

    // Act
    let error: unknown;
    try {
      await sds.upload(SYSTEM_ACTOR, productId, { bytes: pdf('audit fails'), fileName: 'a.pdf' });
    } catch (err) {
      error = err;
    }

    // Assert
    expect((error as Error | undefined)?.message).to.equal('audit store down');
    expect(await storedCount()).to.deep.equal(before);
  });

  it('when the facts say the text is not an SDS, then NOT_AN_SDS and nothing is stored; when they say there is no text layer, then it is stored as needs-ocr', async () => {
    // Arrange
    const before = await storedCount();

    // Act
    let error: unknown;
    try {
      await service(read({ isSds: false }))
        .upload(SYSTEM_ACTOR, productId, { bytes: pdf('invoice'), fileName: 'faktura.pdf' });
    } catch (err) {
      error = err;
    }
    const scan = await service(read({ textLayer: false, isSds: false })).upload(SYSTEM_ACTOR, productId, { bytes: pdf('scan'), fileName: 'scan.pdf' });

    // Assert
    expect(error).to.be.instanceOf(ClientError);
    expect((error as ClientError).code).to.equal('NOT_AN_SDS');
    expect(scan.created).to.equal(true);
    expect(scan.revision.status).to.equal('needs-ocr');
    expect((await storedCount()).revisions).to.equal(before.revisions + 1);
  });

  it('when the facts need review, then the revision is needs-review; otherwise extracted; and the extractor version is kept', async () => {
    // Act
    const unsure = await service(read({ needsReview: true })).upload(SYSTEM_ACTOR, productId, { bytes: pdf('unsure'), fileName: 'x.pdf' });
    const sure = await service(read({ needsReview: false })).upload(SYSTEM_ACTOR, productId, { bytes: pdf('sure'), fileName: 'x.pdf' });

    // Assert
    expect(unsure.revision.status).to.equal('needs-review');
    expect(sure.revision.status).to.equal('extracted');
    expect(sure.revision.extractorVersion).to.equal('test-1');
    expect(sure.revision.summary).to.deep.include({ productName: 'Golvrent Neutral', substanceCount: 2, hazardStatements: ['H315', 'H319'], needsReview: false });
  });

  it('when a revision is stored, then screening reads the same section 3 from its compact form as a revision stored without one (before it existed) from its facts', async () => {
    // Arrange
    const admin = t.as(t.adminToken);
    const supplier = await admin.post('/api/v1/suppliers', { name: 'Kompakt AB', orgNumber: swedishOrgNumber() });
    const ownProduct = (await admin.post('/api/v1/products', { supplierId: supplier.body.id, name: 'Produkt K', kind: 'mixture' })).body.id as string;
    const stored = await service(read()).upload(SYSTEM_ACTOR, ownProduct, { bytes: pdf('compact'), fileName: 'k.pdf' });
    const repository = createSdsRepository(t.storage.connection);
    const revisions = t.storage.connection.db!.collection('sdsRevisions');

    // Act
    const fromCompact = (await repository.latestSubstancesForProducts([ownProduct])).get(ownProduct)!;
    await revisions.updateOne({ productId: ownProduct }, { $unset: { screening: '' } });
    const fromFacts = (await repository.latestSubstancesForProducts([ownProduct])).get(ownProduct)!;

    // Assert
    expect(fromCompact.id).to.equal(stored.revision.id);
    expect(fromCompact.substances).to.have.length(2);
    expect(fromCompact.substances).to.deep.equal(fromFacts.substances);
    const listed = await admin.get(`/api/v1/sds/${stored.revision.id}`);
    expect(listed.status).to.equal(200);
    expect(listed.body.facts.substances).to.have.length(2);
    expect(listed.body).to.not.have.property('screening');
  });

  it('when several different SDSs of one product are saved at the same moment, then each gets its own revision number', async () => {
    // Arrange
    const sds = service(read());

    // Act
    const results = await Promise.all(['a', 'b', 'c', 'd'].map((tag) => sds.upload(SYSTEM_ACTOR, productId, { bytes: pdf(`parallel ${tag}`), fileName: `${tag}.pdf` })));

    // Assert
    const numbers = results.map((r) => r.revision.revisionNumber);
    expect(new Set(numbers).size).to.equal(4);
    expect(results.every((r) => r.created)).to.equal(true);
    const list = await sds.list(SYSTEM_ACTOR, productId, { limit: 200, offset: 0 });
    expect(list.items.map((r) => r.revisionNumber)).to.deep.equal([...Array(list.total).keys()].map((i) => list.total - i));
  });

  for (const [reason, code] of [
    ['empty', 'PDF_EMPTY'],
    ['not-pdf', 'NOT_A_PDF'],
    ['corrupt', 'PDF_CORRUPT'],
    ['encrypted', 'PDF_ENCRYPTED'],
    ['too-complex', 'PDF_TOO_COMPLEX'],
    ['time-budget', 'PDF_TOO_COMPLEX'],
    ['memory-budget', 'PDF_TOO_COMPLEX'],
    ['worker-crashed', 'PDF_TOO_COMPLEX'],
    ['extractor-threw', 'PDF_CORRUPT'],
  ] as const) {
    it(`when extraction answers ${reason}, then ${code} and nothing is stored`, async () => {
      // Arrange
      const before = await storedCount();
      const sds = service(() => Promise.resolve({ ok: false, reason, message: 'stand-in' }));

      // Act
      let error: unknown;
      try {
        await sds.upload(SYSTEM_ACTOR, productId, { bytes: pdf(reason), fileName: 'x.pdf' });
      } catch (err) {
        error = err;
      }

      // Assert
      expect(error).to.be.instanceOf(ClientError);
      expect((error as ClientError).code).to.equal(code);
      expect(await storedCount()).to.deep.equal(before);
    });
  }
});

describe(cleanFileName.name, () => {
  it('when a name has directories, control or format characters or nothing usable, then only a clean base name (or sds.pdf) is kept', () => {
    expect(cleanFileName('C:\\Users\\eva\\Desktop\\SDB Golvrent.pdf')).to.equal('SDB Golvrent.pdf');
    expect(cleanFileName('../../etc/passwd')).to.equal('passwd');
    expect(cleanFileName('fdp.\u202Eftp.exe')).to.equal('fdp.ftp.exe');
    expect(cleanFileName('  a\tb  .pdf ')).to.equal('a b .pdf');
    expect(cleanFileName('')).to.equal('sds.pdf');
    expect(cleanFileName('..')).to.equal('sds.pdf');
    expect([...cleanFileName(`${'å'.repeat(300)}.pdf`)]).to.have.length(255);
  });
});
