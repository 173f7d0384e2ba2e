import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('suppliers API', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(async () => {
    await t.close();
  });

  it('when an admin registers a supplier with a Swedish organisation number, then it is stored normalised and can be read back', async () => {
    const admin = t.as(t.adminToken);
    const created = await admin.post('/api/v1/suppliers', { name: 'Acme AB', orgNumber: '5560360793' });
    expect(created.status).to.equal(201);
    expect(created.body).to.include({ name: 'Acme AB', orgNumber: '556036-0793', country: 'SE' });
    const read = await admin.get(`/api/v1/suppliers/${created.body.id}`);
    expect(read.status).to.equal(200);
    expect(read.body).to.deep.equal(created.body);
  });
});
