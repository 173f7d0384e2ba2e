// Declaration requests end to end through the API: an expert asks a supplier for one product's declaration, procurement
// asks every supplier on a contract; the supplier sees its open requests (never another's); declarations submitted one
// at a time or in bulk answer them product by product; a request past its due date shows as overdue until answered.
import { expect } from 'chai';
import { Types } from 'mongoose';
import { swedishOrgNumber } from '../support/fixtures.js';
import { bulkCsv } from '../support/declaration-files/bulk.js';
import { startTestApp, type Client, type Response, type TestApp } from '../support/test-app.js';

const show = (res: Response): string => `${res.status} ${JSON.stringify(res.body)}`;

const inDays = (days: number): string => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

function declarationForm(percent: number, name = 'declaration.json'): FormData {
  const json = JSON.stringify({ chemreg: 'declaration', version: 1, substances: [{ name: 'Sodium hydroxide', cas: '1310-73-2', concentration: { value: percent, unit: '%' } }] });
  const body = new FormData();
  body.append('file', new Blob([json]), name);
  return body;
}

function csvForm(bytes: Uint8Array): FormData {
  const body = new FormData();
  body.append('file', new Blob([bytes]), 'bulk.csv');
  return body;
}

describe('declaration requests API', function () {
  this.timeout(60_000);

  let t: TestApp;
  let admin: Client;
  let expert: Client;
  let procurement: Client;
  let supplierA: Client;
  let supplierB: Client;
  let supplierAId: string;
  let supplierBId: string;
  let contractId: string;
  /** A's two products on the contract (article numbers ), B's one (B-1), and A's product off the contract. */
  let a1: string;
  let a2: string;
  let b1: string;
  let offContract: string;

  async function product(client: Client, supplierId: string, name: string, number: string, contractIds: string[]): Promise<string> {
    const res = await client.post<{ id: string }>('/api/v1/products', { supplierId, name, kind: 'article', supplierArticleNumbers: [number], contractIds });
    expect(res.status, show(res)).to.equal(201);
    return res.body.id;
  }

  async function request(client: Client, body: Record<string, unknown>): Promise<Array<Record<string, any>>> {
    const res = await client.post('/api/v1/declaration-requests', body);
    expect(res.status, show(res)).to.equal(201);
    return res.body.items as Array<Record<string, any>>;
  }

  async function read(client: Client, id: string): Promise<Record<string, any>> {
    const res = await client.get(`/api/v1/declaration-requests/${id}`);
    expect(res.status, show(res)).to.equal(200);
    return res.body as Record<string, any>;
  }

  before(async () => {
    t = await startTestApp();
    admin = t.as(t.adminToken);
    expert = t.as((await t.issueToken('expert')).token);
    procurement = t.as((await t.issueToken('procurement')).token);
    const a = await admin.post<{ id: string }>('/api/v1/suppliers', { name: 'Sjukvårdsartiklar AB', orgNumber: swedishOrgNumber() });
    const b = await admin.post<{ id: string }>('/api/v1/suppliers', { name: 'Handskar Nord AB', orgNumber: swedishOrgNumber() });
    supplierAId = a.body.id;
    supplierBId = b.body.id;
    supplierA = t.as((await t.issueToken('supplier', supplierAId)).token);
    supplierB = t.as((await t.issueToken('supplier', supplierBId)).token);
    const contract = await admin.post<{ id: string }>('/api/v1/contracts', {
      number: 'RS-2026-0142', title: 'Förbrukningsartiklar vård', buyer: 'Region Stockholm', supplierIds: [supplierAId, supplierBId],
      validFrom: '2026-01-01', validTo: '2028-12-31', category: 'medical consumables',
    });
    expect(contract.status, show(contract)).to.equal(201);
    contractId = contract.body.id;
    a1 = await product(admin, supplierAId, 'Kompress steril', 'A-1', [contractId]);
    a2 = await product(admin, supplierAId, 'Förband 10 cm', 'A-2', [contractId]);
    b1 = await product(admin, supplierBId, 'Nitrilhandske M', 'B-1', [contractId]);
    offContract = await product(admin, supplierAId, 'Tejp', 'A-9', []);
  });
  after(async () => {
    await t?.close();
  });

  it('when an expert asks for a product\'s declaration, then its supplier sees the open request and another supplier does not', async () => {
    const [made] = (await request(expert, { productId: offContract, dueDate: inDays(30), message: 'Avtalets bilaga 4, punkt 2.1' })) as [Record<string, any>];

    expect(made).to.include({ supplierId: supplierAId, productId: offContract, contractId: null, status: 'open', overdue: false, outstanding: 1, fulfilledAt: null });
    expect(made.products).to.deep.equal([{ productId: offContract, declarationId: null, answeredAt: null }]);
    expect(made.requestedBy).to.include({ role: 'expert' });
    const mine = await supplierA.get('/api/v1/declaration-requests?status=open');
    expect((mine.body.items as Array<{ id: string }>).map((r) => r.id)).to.include(made.id);
    const theirs = await supplierB.get('/api/v1/declaration-requests');
    expect(theirs.body.items).to.deep.equal([]);
    expect((await supplierB.get(`/api/v1/declaration-requests/${made.id}`)).status).to.equal(404);
  });

  it('when the supplier submits the product\'s declaration, then the request is fulfilled with that revision', async () => {
    const [made] = (await request(expert, { productId: offContract, dueDate: inDays(10) })) as [Record<string, any>];
    const submitted = await supplierA.post(`/api/v1/products/${offContract}/declarations`, declarationForm(1));
    expect(submitted.status, show(submitted)).to.equal(201);

    const after = await read(supplierA, made.id);

    expect(after).to.include({ status: 'fulfilled', outstanding: 0, overdue: false });
    expect(after.fulfilledAt).to.be.a('string');
    expect(after.products[0]).to.include({ productId: offContract, declarationId: submitted.body.id });
  });

  it('when the supplier submits a declaration already stored, then that counts as an answer too', async () => {
    const [made] = (await request(expert, { productId: offContract, dueDate: inDays(10) })) as [Record<string, any>];

    const again = await supplierA.post(`/api/v1/products/${offContract}/declarations`, declarationForm(1));

    expect(again.status, show(again)).to.equal(200);
    expect(await read(expert, made.id)).to.include({ status: 'fulfilled' });
  });

  it('when procurement asks a whole contract, then each supplier on it gets one request for its products there', async () => {
    const made = await request(procurement, { contractId, dueDate: inDays(60) });

    const bySupplier = new Map(made.map((r) => [r.supplierId as string, r]));
    expect(bySupplier.size).to.equal(2);
    expect(bySupplier.get(supplierAId)?.products.map((p: { productId: string }) => p.productId)).to.deep.equal([a1, a2]);
    expect(bySupplier.get(supplierBId)?.products.map((p: { productId: string }) => p.productId)).to.deep.equal([b1]);
    expect(bySupplier.get(supplierAId)).to.include({ contractId, productId: null, outstanding: 2 });
  });

  it('when a bulk sheet declares one of two requested products, then the request is answered for it and stays open for the other', async () => {
    const [made] = (await request(procurement, { contractId, supplierId: supplierAId, dueDate: inDays(60) })) as [Record<string, any>];

    const bulk = await supplierA.post(`/api/v1/suppliers/${supplierAId}/declarations/bulk`, csvForm(bulkCsv([{ product_number: 'A-1', substance_name: 'Cellulose', cas: '9004-34-6', concentration: '99 %' }]).bytes));
    expect(bulk.status, show(bulk)).to.equal(200);

    const partly = await read(supplierA, made.id);
    expect(partly).to.include({ status: 'open', outstanding: 1 });
    expect(partly.products.find((p: { productId: string }) => p.productId === a1).declarationId).to.equal(bulk.body.results[0].declarationId);

    const second = await supplierA.post(`/api/v1/products/${a2}/declarations`, declarationForm(2));
    expect(second.status, show(second)).to.equal(201);
    expect(await read(supplierA, made.id)).to.include({ status: 'fulfilled', outstanding: 0 });
  });

  it('when an open request\'s due date has passed, then it is overdue and listed as overdue until it is answered', async () => {
    const [made] = (await request(expert, { productId: b1, dueDate: inDays(0) })) as [Record<string, any>];
    // Time passes: the due date is now in the past.
    await t.storage.connection.db!.collection('declarationRequests').updateOne({ _id: new Types.ObjectId(made.id as string) }, { $set: { dueDate: inDays(-3) } });

    expect(await read(supplierB, made.id)).to.include({ status: 'open', overdue: true });
    const overdue = await expert.get(`/api/v1/declaration-requests?overdue=true&supplierId=${supplierBId}`);
    expect((overdue.body.items as Array<{ id: string }>).map((r) => r.id)).to.include(made.id);

    const declared = await supplierB.post(`/api/v1/products/${b1}/declarations`, declarationForm(3));
    expect(declared.status, show(declared)).to.equal(201);
    expect(await read(supplierB, made.id)).to.include({ status: 'fulfilled', overdue: false });
    const after = await expert.get(`/api/v1/declaration-requests?overdue=true&supplierId=${supplierBId}`);
    expect((after.body.items as Array<{ id: string }>).map((r) => r.id)).to.not.include(made.id);
  });

  it('when the requester cancels an open request, then it is cancelled, later declarations leave it so, and a second cancel is 409', async () => {
    const [made] = (await request(expert, { productId: a1, dueDate: inDays(5) })) as [Record<string, any>];

    const cancelled = await expert.post(`/api/v1/declaration-requests/${made.id}/cancel`, {});
    expect(cancelled.status, show(cancelled)).to.equal(200);
    expect(cancelled.body).to.include({ status: 'cancelled', overdue: false });
    expect(cancelled.body.cancelledBy).to.include({ role: 'expert' });
    await supplierA.post(`/api/v1/products/${a1}/declarations`, declarationForm(4));

    expect(await read(expert, made.id)).to.include({ status: 'cancelled', outstanding: 1 });
    const again = await expert.post(`/api/v1/declaration-requests/${made.id}/cancel`, {});
    expect(again.status, show(again)).to.equal(409);
    expect(again.body.code).to.equal('CONFLICT');
  });

  const refusals: Array<[string, () => Record<string, unknown>, string, string]> = [
    ['neither a product nor a contract', () => ({ dueDate: inDays(5) }), 'VALIDATION_FAILED', 'body.productId'],
    ['both a product and a contract', () => ({ productId: a1, contractId, dueDate: inDays(5) }), 'VALIDATION_FAILED', 'body.productId'],
    ['a due date in the past', () => ({ productId: a1, dueDate: inDays(-1) }), 'VALIDATION_FAILED', 'body.dueDate'],
    ['a product that does not exist', () => ({ productId: new Types.ObjectId().toHexString(), dueDate: inDays(5) }), 'INVALID_REFERENCE', 'body.productId'],
    ['a supplier who is not on the contract', () => ({ contractId, supplierId: new Types.ObjectId().toHexString(), dueDate: inDays(5) }), 'INVALID_REFERENCE', 'body.supplierId'],
    ['a supplier without a contract', () => ({ productId: a1, supplierId: supplierAId, dueDate: inDays(5) }), 'VALIDATION_FAILED', 'body.supplierId'],
  ];
  for (const [what, body, code, path] of refusals) {
    it(`when a request names ${what}, then 400 ${code} at ${path} and no request is made`, async () => {
      const before = (await admin.get('/api/v1/declaration-requests')).body.total as number;

      const res = await expert.post('/api/v1/declaration-requests', body());

      expect(res.status, show(res)).to.equal(400);
      expect(res.body.code).to.equal(code);
      expect(res.body.issues.map((i: { path: string }) => i.path)).to.include(path);
      expect((await admin.get('/api/v1/declaration-requests')).body.total).to.equal(before);
    });
  }

  it('when a contract has no products of the supplier asked, then 400 INVALID_REFERENCE and no request is made', async () => {
    const empty = await admin.post<{ id: string }>('/api/v1/contracts', {
      number: 'RS-2026-0999', title: 'Tomt avtal', buyer: 'Region Stockholm', supplierIds: [supplierBId], validFrom: '2026-01-01', validTo: '2026-12-31', category: 'misc',
    });

    const res = await procurement.post('/api/v1/declaration-requests', { contractId: empty.body.id, dueDate: inDays(5) });

    expect(res.status, show(res)).to.equal(400);
    expect(res.body.code).to.equal('INVALID_REFERENCE');
    expect(res.body.issues[0].path).to.equal('body.contractId');
  });
});
