// Substitution suggestions end to end through the API: a product with a finding, and products of its category with
// and without that finding, on and off its contract.
import { expect } from 'chai';
import { blankEntry, type ListEntry } from '../../src/lists/list-entry.js';
import { chemregListForm } from '../support/list-files/index.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';
import { declarationForm } from '../support/forms.js';

const show = (res: Response): string => `${res.status} ${JSON.stringify(res.body)}`;

const DEHP = '117-81-7';
const BBP = '85-68-7';

interface Alternatives {
  product: { id: string; openFindings: Record<string, number> };
  avoided: Array<{ list: { id: string }; entryKey: string; substance: string; severity: string }>;
  items: Array<{ product: { id: string; name: string }; sharesContract: boolean; worstOpenSeverity: string | null; openFindings: Record<string, number>; reason: string }>;
  total: number;
}

describe('alternatives API', function () {
  this.timeout(60_000);

  let t: TestApp;
  let admin: Client;
  let procurement: Client;
  let supplierId: string;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    procurement = t.as((await t.issueToken('procurement')).token);
    const created = async (path: string, body: unknown): Promise<string> => {
      const res = await admin.post<{ id: string }>(path, body);
      expect(res.status, show(res)).to.equal(201);
      return res.body.id;
    };
    supplierId = await created('/api/v1/suppliers', { name: 'Handskar i Norr AB', orgNumber: swedishOrgNumber() });
    const other = await created('/api/v1/suppliers', { name: 'Skydd Syd AB', orgNumber: swedishOrgNumber() });
    const contract = await created('/api/v1/contracts', {
      number: 'RS-2026-0200', title: 'Engångshandskar', buyer: 'Region Stockholm', supplierIds: [supplierId, other],
      validFrom: '2026-01-01', validTo: '2029-12-31', category: 'disposable gloves', requirementProfile: { lists: [], clauses: [] },
    });
    const glove = (supplier: string, name: string, onContract: boolean, category = 'disposable gloves') =>
      created('/api/v1/products', { supplierId: supplier, name, kind: 'article', category, contractIds: onContract ? [contract] : [] });
    ids.vinyl = await glove(supplierId, 'Vinylhandske Standard', true);
    ids.nitrileOnContract = await glove(other, 'Nitrilhandske Blå', true);
    ids.nitrileElsewhere = await glove(other, 'Nitrilhandske Vit', false);
    ids.latexSameFinding = await glove(other, 'Latexhandske', true);
    ids.polyMilder = await glove(supplierId, 'Polyetenhandske', true);
    ids.otherCategory = await glove(other, 'Golvrent', true, 'cleaning chemicals');

    const candidate: ListEntry[] = [
      { ...blankEntry(DEHP, 'Bis(2-ethylhexyl) phthalate'), cas: [DEHP] },
      { ...blankEntry(BBP, 'Benzyl butyl phthalate'), cas: [BBP] },
    ];
    const imported = await admin.post('/api/v1/lists/import', chemregListForm('echa-candidate-list', candidate));
    expect(imported.status, show(imported)).to.equal(201);
    await t.services.jobs.whenIdle();
    const declare = async (productId: string, substances: Array<{ name: string; cas: string; percent: number }>) => {
      const res = await admin.post(`/api/v1/products/${productId}/declarations`, declarationForm(substances));
      expect(res.status, show(res)).to.equal(201);
    };
    await declare(ids.vinyl, [{ name: 'DEHP', cas: DEHP, percent: 20 }]);
    // Both below the Candidate List's 0.1 %: milder findings than the vinyl glove's, the latex glove's on the same entry.
    await declare(ids.latexSameFinding, [{ name: 'DEHP', cas: DEHP, percent: 0.05 }]);
    await declare(ids.polyMilder, [{ name: 'Bensylbutylftalat', cas: BBP, percent: 0.05 }]);
  });
  after(async () => {
    await t?.close();
  });

  it('when a product has an open finding, then products of its category without that finding are suggested, same contract first, then fewest and mildest findings, each with its reason', async () => {
    // Act
    const res = await procurement.get<Alternatives>(`/api/v1/products/${ids.vinyl}/alternatives`);

    // Assert
    expect(res.status, show(res)).to.equal(200);
    expect(res.body.avoided).to.have.length(1);
    expect(res.body.avoided[0]).to.include({ entryKey: DEHP, substance: `DEHP (CAS ${DEHP})` });
    expect(res.body.items.map((i) => i.product.id), 'not the latex glove (a milder finding, but on the same entry) nor the floor cleaner (other category)').to.deep.equal([
      ids.nitrileOnContract, ids.polyMilder, ids.nitrileElsewhere,
    ]);
    expect(res.body.total).to.equal(3);
    const [onContract, milder, elsewhere] = res.body.items;
    expect(onContract!.sharesContract).to.equal(true);
    expect(onContract!.reason).to.equal(`Same category (disposable gloves), on the same contract (RS-2026-0200); none of this product's open findings (DEHP (CAS ${DEHP}) on REACH Candidate List of SVHC (Art. 59)); no open findings.`);
    expect(milder!.worstOpenSeverity).to.not.equal(null);
    expect(milder!.reason).to.include('open finding').and.include('against');
    expect(elsewhere!.sharesContract).to.equal(false);
    expect(elsewhere!.reason).to.not.include('same contract');
  });

  it('when a product has no open finding, then nothing is suggested', async () => {
    // Act
    const res = await procurement.get<Alternatives>(`/api/v1/products/${ids.nitrileElsewhere}/alternatives`);

    // Assert
    expect(res.status, show(res)).to.equal(200);
    expect(res.body.avoided).to.deep.equal([]);
    expect(res.body.items).to.deep.equal([]);
  });

  it('when a supplier asks, the product does not exist, or the limit is out of range, then 403, 404 and 400 name the problem', async () => {
    // Arrange
    const supplier = t.as((await t.issueToken('supplier', supplierId)).token);

    // Act
    const asSupplier = await supplier.get(`/api/v1/products/${ids.vinyl}/alternatives`);
    const missing = await procurement.get('/api/v1/products/0123456789abcdef01234567/alternatives');
    const badLimit = await procurement.get(`/api/v1/products/${ids.vinyl}/alternatives?limit=0`);

    // Assert
    expect(asSupplier.status).to.equal(403);
    expect(missing.status).to.equal(404);
    expect(missing.body.code).to.equal('NOT_FOUND');
    expect(badLimit.status).to.equal(400);
    expect(badLimit.body.issues[0].path).to.equal('query.limit');
  });

  it('when limit is given, then only that many are returned and total still counts them all', async () => {
    // Act
    const res = await procurement.get<Alternatives>(`/api/v1/products/${ids.vinyl}/alternatives?limit=1`);

    // Assert
    expect(res.body.items.map((i) => i.product.id)).to.deep.equal([ids.nitrileOnContract]);
    expect(res.body.total).to.equal(3);
  });
});
