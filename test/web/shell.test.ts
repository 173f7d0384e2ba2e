// The web interface's shell in a real browser: signing in per role, what the navigation offers each role, pages a
// role may not open, the language switch, and signing out.
import { expect } from 'chai';
import type { Browser } from 'playwright-core';
import { closeWebSuite, openApp, signIn, startWebSuite } from '../support/browser.js';
import { swedishOrgNumber } from '../support/fixtures.js';
import type { TestApp } from '../support/test-app.js';

describe('web interface: sign-in and navigation', function () {
  this.timeout(60_000);

  let t: TestApp;
  let browser: Browser;
  let supplierId: string;

  before(async () => {
    ({ t, browser } = await startWebSuite());
    const created = await t.as(t.adminToken).post<{ id: string }>('/api/v1/suppliers', { name: 'Städ & Hygien AB', orgNumber: swedishOrgNumber() });
    supplierId = created.body.id;
  });

  after(async () => {
    await closeWebSuite({ t, browser });
  });

  const navOf = async (page: import('playwright-core').Page): Promise<string[]> =>
    page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link').allTextContents();

  const roles = [
    { role: 'admin', nav: ['Sök produkter', 'Granska fynd', 'Listor', 'Avtal', 'Översikt'], home: 'Sök produkter' },
    { role: 'expert', nav: ['Sök produkter', 'Granska fynd', 'Listor', 'Avtal', 'Översikt'], home: 'Granska fynd' },
    { role: 'procurement', nav: ['Sök produkter', 'Avtal', 'Översikt'], home: 'Sök produkter' },
    { role: 'supplier', nav: ['Mina produkter', 'Mina fynd och förfrågningar'], home: 'Mina produkter' },
  ] as const;
  for (const { role, nav, home } of roles) {
    it(`when a user with the ${role} role signs in with a token, then the navigation offers exactly what the role may do, and the role's start page opens`, async () => {
      // Arrange
      const token = role === 'admin' ? t.adminToken : (await t.issueToken(role, role === 'supplier' ? supplierId : undefined)).token;

      // Act
      const { page, errors } = await signIn(browser, t, token);

      // Assert
      expect(await navOf(page)).to.deep.equal(nav);
      expect(await page.getByRole('link', { name: home }).getAttribute('aria-current')).to.equal('page');
      expect(await page.getByText(`(${{ admin: 'administratör', expert: 'kemiexpert', procurement: 'upphandlare', supplier: 'leverantör' }[role]})`).count()).to.equal(1);
      expect(errors).to.deep.equal([]);
      await page.context().close();
    });
  }

  it('when the token is wrong, then the sign-in form says so with the API\'s code, and nothing is kept', async () => {
    // Arrange
    const { page } = await openApp(browser, t);

    // Act
    await page.getByLabel('API-token').fill('chemreg_not_a_real_token_0000000000000000');
    await page.getByRole('button', { name: 'Logga in' }).click();

    // Assert
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).to.include('INVALID_TOKEN');
    expect(await page.evaluate('sessionStorage.getItem("chemreg.token")')).to.equal(null);
    await page.context().close();
  });

  it('when a role opens a page it may not use, then it is told so instead of seeing the page', async () => {
    // Arrange
    const { page } = await signIn(browser, t, (await t.issueToken('procurement')).token);

    // Act
    await page.goto(`${t.baseUrl}/#/review`);

    // Assert
    expect(await page.getByRole('alert').textContent()).to.equal('Din roll har inte tillgång till den här sidan.');
    await page.context().close();
  });

  it('when the user switches to English and reloads, then the interface stays English and signed in; signing out forgets the token', async () => {
    // Arrange
    const { page, errors } = await signIn(browser, t, (await t.issueToken('procurement')).token);

    // Act
    await page.getByLabel('Språk').selectOption('en');
    await page.reload();
    await page.getByRole('button', { name: 'Sign out' }).waitFor();
    const englishNav = await page.getByRole('navigation', { name: 'Main menu' }).getByRole('link').allTextContents();
    const htmlLang = await page.evaluate('document.documentElement.lang');
    await page.getByRole('button', { name: 'Sign out' }).click();

    // Assert
    expect(englishNav).to.deep.equal(['Search products', 'Contracts', 'Dashboard']);
    expect(htmlLang).to.equal('en');
    await page.getByLabel('API token').waitFor();
    expect(await page.evaluate('sessionStorage.getItem("chemreg.token")')).to.equal(null);
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the token is revoked while a page is open, then the next request sends the user back to sign-in', async () => {
    // Arrange
    const issued = await t.issueToken('procurement');
    const { page } = await signIn(browser, t, issued.token);

    // Act
    await t.as(t.adminToken).delete(`/api/v1/tokens/${issued.id}`);
    await page.reload();

    // Assert
    await page.getByLabel('API-token').waitFor();
    expect(await page.getByRole('alert').textContent()).to.include('INVALID_TOKEN');
    await page.context().close();
  });

  it('when the token is revoked and a page then asks the API for data, then the user is signed out and told why, also after a reload', async () => {
    // Arrange
    const issued = await t.issueToken('procurement');
    const { page } = await signIn(browser, t, issued.token);

    // Act: the contracts page asks for data with the revoked token (unless a request the open page was still making
    // got there first: either way the next answer is a 401).
    await t.as(t.adminToken).delete(`/api/v1/tokens/${issued.id}`);
    await page.evaluate("location.hash = '#/contracts'");
    await page.getByLabel('API-token').waitFor();
    const told = await page.getByRole('alert').first().textContent();
    await page.reload();
    await page.getByLabel('API-token').waitFor();
    const toldAfterReload = await page.getByRole('alert').first().textContent();

    // Assert
    expect(told).to.include('INVALID_TOKEN');
    expect(toldAfterReload).to.include('INVALID_TOKEN');
    expect(await page.evaluate('sessionStorage.getItem("chemreg.token")')).to.equal(null);
    await page.context().close();
  });
});
