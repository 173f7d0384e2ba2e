// Limits on failed authentication (issue 9 "Tokens"): per client address and per presented token, counting only
// requests that end in 401, answered with 429 RATE_LIMITED and Retry-After. The test app trusts one proxy hop, so
// that X-Forwarded-For stands for different client addresses.
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../../support/test-app.js';

describe('authentication failure limits', function () {
  this.timeout(30_000);

  let t: TestApp;

  beforeEach(async () => {
    t = await startTestApp({ AUTH_FAILURES_PER_IP: '5', AUTH_FAILURES_PER_TOKEN: '3', AUTH_FAILURE_WINDOW_S: '60', TRUST_PROXY: '1' });
  });

  afterEach(async () => {
    await t.close();
  });

  const from = (ip: string, token?: string) =>
    t.as(undefined).raw('GET', '/api/v1/suppliers', { headers: { 'x-forwarded-for': ip, ...(token !== undefined ? { authorization: `Bearer ${token}` } : {}) } });
  const guess = (i: number) => `chemreg_guess_${String(i).padStart(40, '0')}`;

  it('when one address fails to authenticate more often than allowed, then its requests answer 429 with Retry-After, even with a valid token, and other addresses are unaffected', async () => {
    // Arrange: five different wrong tokens (so the per-token limit is not what trips).
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.7', guess(i))).status).to.equal(401);

    // Act
    const sixth = await from('203.0.113.7', guess(99));
    const validFromThere = await from('203.0.113.7', t.adminToken);
    const validElsewhere = await from('198.51.100.20', t.adminToken);

    // Assert
    expect(sixth.status).to.equal(429);
    expect(sixth.body.code).to.equal('RATE_LIMITED');
    expect(Number(sixth.headers.get('retry-after'))).to.be.within(1, 60);
    expect(validFromThere.status, 'the address is limited, whatever it sends').to.equal(429);
    expect(validElsewhere.status).to.equal(200);
  });

  it('when one token keeps failing from many addresses, then that token answers 429, and other tokens from those addresses still work', async () => {
    // Arrange: a token revoked, then retried from three addresses (a misconfigured integration, or a leaked token).
    const issued = await t.issueToken('procurement');
    await t.as(t.adminToken).delete(`/api/v1/tokens/${issued.id}`);
    for (let i = 0; i < 3; i++) expect((await from(`192.0.2.${i + 1}`, issued.token)).status).to.equal(401);

    // Act
    const fourth = await from('192.0.2.99', issued.token);
    const other = await from('192.0.2.1', t.adminToken);

    // Assert
    expect(fourth.status).to.equal(429);
    expect(fourth.body.code).to.equal('RATE_LIMITED');
    expect(other.status).to.equal(200);
  });

  it('when requests succeed or fail for other reasons than authentication, then they never count toward the limits', async () => {
    // Arrange
    const supplierToken = (await t.issueToken('procurement')).token;

    // Act: many successes, and many 403s and 400s with a valid token, from one address.
    for (let i = 0; i < 8; i++) {
      expect((await from('203.0.113.50', t.adminToken)).status).to.equal(200);
      expect((await t.as(undefined).raw('POST', '/api/v1/suppliers', { headers: { 'x-forwarded-for': '203.0.113.50', authorization: `Bearer ${supplierToken}` } })).status).to.equal(403);
    }
    const afterwards = await from('203.0.113.50', t.adminToken);

    // Assert
    expect(afterwards.status).to.equal(200);
  });

  it('when a valid token has many more requests in flight at once than the limits, then none of them is refused', async () => {
    // Act: 40 at once from one address with one token; the limits are 5 per address and 3 per token.
    const answers = await Promise.all(Array.from({ length: 40 }, () => from('203.0.113.60', t.adminToken)));

    // Assert
    expect(answers.map((res) => res.status)).to.deep.equal(Array.from({ length: 40 }, () => 200));
  });

  it('when a request has no token at all, then it is refused as unauthenticated and counts toward its address\'s limit', async () => {
    // Arrange
    for (let i = 0; i < 5; i++) expect((await from('203.0.113.80')).status).to.equal(401);

    // Act
    const next = await from('203.0.113.80');

    // Assert
    expect(next.status).to.equal(429);
  });
});
