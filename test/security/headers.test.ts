// Security headers and cross-origin access (issue 9 "Tokens"): helmet's headers on the API, the web interface and
// errors alike, and CORS closed by default, so that no other site's scripts can read chemreg's answers.
import { expect } from 'chai';
import { startTestApp, type TestApp } from '../support/test-app.js';

describe('security headers and CORS', function () {
  this.timeout(30_000);

  let t: TestApp;

  before(async () => {
    t = await startTestApp();
  });

  after(async () => {
    await t.close();
  });

  it('when anything is answered (API, error, page, docs), then it carries the security headers', async () => {
    // Act
    const answers = await Promise.all([
      t.as(t.adminToken).raw('GET', '/api/v1/suppliers'),
      t.as(undefined).raw('GET', '/api/v1/suppliers'),
      t.as(undefined).raw('GET', '/'),
      t.as(undefined).raw('GET', '/docs/'),
    ]);

    // Assert
    for (const res of answers) {
      expect(res.headers.get('content-security-policy')).to.include("default-src 'self'").and.include("frame-ancestors 'self'");
      expect(res.headers.get('x-content-type-options')).to.equal('nosniff');
      expect(res.headers.get('strict-transport-security')).to.include('max-age=');
      expect(res.headers.get('referrer-policy')).to.equal('no-referrer');
      expect(res.headers.get('cross-origin-resource-policy')).to.equal('same-origin');
      expect(res.headers.get('x-powered-by')).to.equal(null);
    }
  });

  it('when another site asks, by preflight or directly, then no answer allows it to read chemreg\'s data', async () => {
    // Act
    const preflight = await t.as(undefined).raw('OPTIONS', '/api/v1/suppliers', {
      headers: { origin: 'https://evil.example', 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' },
    });
    const direct = await t.as(t.adminToken).raw('GET', '/api/v1/suppliers', { headers: { origin: 'https://evil.example' } });

    // Assert
    for (const res of [preflight, direct]) {
      expect(res.headers.get('access-control-allow-origin')).to.equal(null);
      expect(res.headers.get('access-control-allow-credentials')).to.equal(null);
      expect(res.headers.get('access-control-allow-headers')).to.equal(null);
    }
  });
});
