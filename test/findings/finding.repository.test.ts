// The findings digests screening keeps per product (finding.service.ts, reconcileMany), against decisions made while a
// screening is under way.
import { expect } from 'chai';
import { createFindingRepository, type FindingRepository } from '../../src/findings/index.js';
import { transactionRunner } from '../../src/storage/transaction.js';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('finding repository: screening digests', function () {
  this.timeout(30_000);
  let t: TestApp;
  let repo: FindingRepository;

  before(async () => {
    t = await startTestApp();
    repo = createFindingRepository(t.storage.connection);
  });
  after(async () => {
    await t?.close();
  });

  const forget = (productId: string) => transactionRunner(t.storage.connection)((session) => repo.forgetDigest(productId, session));

  it('when screening saves a digest for a product without one, then it is read back; a later save replaces it only if it is still the one read', async () => {
    await repo.saveDigests([{ productId: 'p-1', digest: 'aaaa', previous: undefined }]);
    expect(await repo.digestsFor(['p-1', 'p-none'])).to.deep.equal(new Map([['p-1', 'aaaa']]));
    await repo.saveDigests([{ productId: 'p-1', digest: 'bbbb', previous: 'aaaa' }]);
    await repo.saveDigests([{ productId: 'p-1', digest: 'cccc', previous: 'aaaa' }]);
    expect((await repo.digestsFor(['p-1'])).get('p-1')).to.equal('bbbb');
  });

  it('when a decision marks the digest stale after screening read it, then screening saving its own leaves the stale mark', async () => {
    await repo.saveDigests([{ productId: 'p-2', digest: 'aaaa', previous: undefined }]);
    const read = (await repo.digestsFor(['p-2'])).get('p-2');
    await forget('p-2');
    await repo.saveDigests([{ productId: 'p-2', digest: 'dddd', previous: read }]);
    const after = (await repo.digestsFor(['p-2'])).get('p-2');
    expect(after).to.not.equal('dddd').and.to.not.equal('aaaa');
  });

  it('when a decision is made on a product that had no digest while screening computed its first, then the stale mark wins and the others are still saved', async () => {
    await forget('p-3');
    await repo.saveDigests([
      { productId: 'p-3', digest: 'eeee', previous: undefined },
      { productId: 'p-4', digest: 'ffff', previous: undefined },
    ]);
    const digests = await repo.digestsFor(['p-3', 'p-4']);
    expect(digests.get('p-3')).to.not.equal('eeee');
    expect(digests.get('p-4')).to.equal('ffff');
  });
});
