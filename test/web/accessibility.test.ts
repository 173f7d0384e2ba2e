// Every main page of the web interface, checked with axe-core against WCAG 2.1 A and AA once it shows real data:
// labels and accessible names, contrast, ARIA, landmarks. A serious or critical violation fails the page.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { accessibilityViolations, closeWebSuite, openApp, signIn, startWebSuite } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';
import { seedWebRegistry, type WebRegistry } from '../support/web-registry.js';

describe('web interface: accessibility (axe-core, WCAG 2.1 AA)', function () {
  this.timeout(90_000);

  let t: TestApp;
  let browser: Browser;
  let registry: WebRegistry;
  let findingId: string;

  before(async () => {
    ({ t, browser } = await startWebSuite());
    registry = await seedWebRegistry(t);
    const findings = await t.as(t.adminToken).get<{ items: Array<{ id: string }> }>(`/api/v1/findings?productId=${registry.products.floor}`);
    findingId = findings.body.items[0]!.id;
  });

  after(async () => {
    await closeWebSuite({ t, browser });
  });

  /** Opens `path` signed in as `token` and waits until `ready` is visible: the page with its data, not a spinner. */
  async function check(token: string, path: string, ready: (page: Page) => ReturnType<Page['getByText']>) {
    const { page, errors } = await signIn(browser, t, token, path);
    await ready(page).first().waitFor();
    const violations = await accessibilityViolations(page);
    await page.context().close();
    return { violations, errors };
  }

  it('when the sign-in page is shown, then it has no serious or critical violations', async () => {
    // Arrange
    const { page } = await openApp(browser, t);
    await page.getByLabel('API-token').waitFor();

    // Act
    const violations = await accessibilityViolations(page);

    // Assert
    expect(violations, JSON.stringify(violations, null, 2)).to.deep.equal([]);
    await page.context().close();
  });

  const pages: Array<{ name: string; token: () => string; path: () => string; ready: (page: Page) => ReturnType<Page['getByText']> }> = [
    { name: 'search', token: () => registry.tokens.procurement, path: () => '/search?q=golvrent', ready: (p) => p.getByRole('link', { name: 'Golvrent Neutral' }) },
    { name: 'product', token: () => registry.tokens.procurement, path: () => `/products/${registry.products.floor}`, ready: (p) => p.getByText('H314') },
    { name: 'review queue', token: () => registry.tokens.expert, path: () => '/review', ready: (p) => p.getByRole('link', { name: 'Golvrent Neutral' }) },
    { name: 'finding', token: () => registry.tokens.expert, path: () => `/findings/${findingId}`, ready: (p) => p.locator('canvas') },
    { name: 'lists', token: () => registry.tokens.expert, path: () => '/lists', ready: (p) => p.getByText('Region Stockholms utfasningslista') },
    { name: 'my products', token: () => registry.tokens.supplierCleaning, path: () => '/my/products', ready: (p) => p.getByRole('link', { name: 'Allrent Plus' }) },
    { name: 'upload', token: () => registry.tokens.supplierCleaning, path: () => `/my/products/${registry.products.allPurpose}/upload`, ready: (p) => p.locator('input[type=file]') },
    { name: 'my findings', token: () => registry.tokens.supplierCleaning, path: () => '/my/findings', ready: (p) => p.getByRole('cell').getByText('Golvrent Neutral') },
    { name: 'contracts', token: () => registry.tokens.procurement, path: () => '/contracts', ready: (p) => p.getByText('RS-2026-0107') },
    { name: 'follow-up', token: () => registry.tokens.procurement, path: () => `/contracts/${registry.contract.id}`, ready: (p) => p.getByRole('link', { name: 'Golvrent Neutral' }) },
    { name: 'dashboard', token: () => registry.tokens.procurement, path: () => '/dashboard', ready: (p) => p.locator('svg[role=img]') },
  ];
  for (const { name, token, path, ready } of pages) {
    it(`when the ${name} page shows its data, then it has no serious or critical violations and no errors`, async () => {
      // Act
      const { violations, errors } = await check(token(), path(), ready);

      // Assert
      expect(violations, JSON.stringify(violations, null, 2)).to.deep.equal([]);
      expect(errors).to.deep.equal([]);
    });
  }
});
