// The contract pages in a real browser (issue 8): the contract list, a contract's follow-up with its downloads and its
// "changed since" window, and the dashboard's figures and findings-per-month chart, checked against the API's answers.
import { readFile } from 'node:fs/promises';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { closeWebSuite, screenshot, signIn, startWebSuite } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';
import { seedWebRegistry, type WebRegistry } from '../support/web-registry.js';

describe('web interface: contracts, follow-up and dashboard', function () {
  this.timeout(60_000);

  let t: TestApp;
  let browser: Browser;
  let registry: WebRegistry;

  before(async () => {
    ({ t, browser } = await startWebSuite());
    registry = await seedWebRegistry(t);
  });

  after(async () => {
    await closeWebSuite({ t, browser });
  });

  const followUpPath = (): string => `/contracts/${registry.contract.id}`;
  const openFollowUp = async (path = followUpPath()): Promise<{ page: Page; errors: string[] }> => {
    const opened = await signIn(browser, t, registry.tokens.procurement, path);
    await opened.page.getByRole('heading', { level: 1, name: `Avtalsuppföljning: ${registry.contract.number}` }).waitFor();
    return opened;
  };
  const productRow = (page: Page, name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader').filter({ hasText: name }) });

  it('when a procurement officer opens the contracts page, then RS-2026-0107 is listed with its buyer, validity and suppliers, and its number opens the follow-up', async () => {
    // Arrange
    const { page, errors } = await signIn(browser, t, registry.tokens.procurement, '/contracts');
    const row = page.getByRole('row').filter({ hasText: registry.contract.number });
    await row.waitFor();

    // Act
    const cells = await row.getByRole('cell').allTextContents();
    await row.getByRole('link', { name: registry.contract.number }).click();

    // Assert
    expect(cells[0]).to.equal(registry.contract.title);
    expect(cells[1]).to.equal('Region Stockholm');
    expect(cells[2]).to.include('2026-01-01 – 2029-12-31');
    expect(cells[3]).to.equal('2');
    await page.getByRole('heading', { level: 1, name: `Avtalsuppföljning: ${registry.contract.number}` }).waitFor();
    expect(page.url()).to.match(new RegExp(`#/contracts/${registry.contract.id}$`));
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the follow-up opens, then it shows both suppliers, the products with orange findings and the state of Golvrent Neutral\'s safety data sheet', async () => {
    // Arrange
    const report = (await t.as(registry.tokens.procurement).get(`/api/v1/contracts/${registry.contract.id}/follow-up`)).body;

    // Act
    const { page, errors } = await openFollowUp();

    // Assert
    expect(await page.getByRole('heading', { level: 2, name: registry.suppliers.cleaning.name }).count()).to.equal(1);
    expect(await page.getByRole('heading', { level: 2, name: registry.suppliers.gloves.name }).count()).to.equal(1);
    const findings = page.getByRole('group', { name: 'Öppna fynd' }).first();
    expect(await findings.textContent()).to.include(String(report.totals.openFindings.total)).and.include('Orange: 2');
    for (const name of ['Golvrent Neutral', 'Vinylhandske']) {
      const cells = await productRow(page, name).getByRole('cell').allTextContents();
      expect(cells[0], name).to.include('Orange: 1').and.include('Öppna: 1');
    }
    const floor = await productRow(page, 'Golvrent Neutral').getByRole('cell').allTextContents();
    expect(floor[1]).to.include('Äldre än 36 månader').and.include(`Revision 1, daterad ${registry.sds.truth.revisionDate}`);
    expect(await productRow(page, 'Allrent Plus').getByRole('cell').nth(1).textContent()).to.include('Saknas');
    expect(await productRow(page, 'Vinylhandske').getByRole('cell').nth(2).textContent()).to.include('Deklarerad');
    expect(await productRow(page, 'Golvrent Neutral').getByRole('link', { name: 'Golvrent Neutral' }).getAttribute('href')).to.equal(`#/products/${registry.products.floor}`);
    expect(errors).to.deep.equal([]);
    await screenshot(page, 'follow-up');
    await page.context().close();
  });

  it('when the buyer clicks "Ladda ner CSV", then a UTF-8 CSV with a byte order mark, the header row and a Golvrent Neutral row is downloaded', async () => {
    // Arrange
    const { page, errors } = await openFollowUp();

    // Act
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner CSV' }).click()]);
    const bytes = await readFile(await file.path());

    // Assert
    expect(file.suggestedFilename()).to.match(/^follow-up-RS-2026-0107-\d{4}-\d{2}-\d{2}\.csv$/);
    expect([...bytes.subarray(0, 3)]).to.deep.equal([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    expect(lines[0]).to.match(/^Supplier,Org\. number,Contracts,Product,Product id,/);
    const floor = lines.find((line) => line.includes('Golvrent Neutral'));
    expect(floor).to.include(registry.suppliers.cleaning.name).and.include(registry.products.floor).and.include(',stale,');
    await page.getByRole('status').filter({ hasText: 'CSV-filen är nedladdad.' }).waitFor();
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the buyer clicks "Ladda ner Excel (XLSX)", then an XLSX workbook (a ZIP file) is downloaded', async () => {
    // Arrange
    const { page, errors } = await openFollowUp();

    // Act
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Ladda ner Excel (XLSX)' }).click()]);
    const bytes = await readFile(await file.path());

    // Assert
    expect(file.suggestedFilename()).to.match(/^follow-up-RS-2026-0107-\d{4}-\d{2}-\d{2}\.xlsx$/);
    expect(bytes.subarray(0, 2).toString('latin1')).to.equal('PK');
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when a download fails because the contract was removed meanwhile, then the page says so with the API\'s error code', async () => {
    // Arrange
    const admin = t.as(t.adminToken);
    const created = await admin.post<{ id: string }>('/api/v1/contracts', {
      number: 'RS-2026-0999', title: 'Tillfälligt avtal', buyer: 'Region Stockholm', supplierIds: [], validFrom: '2026-01-01', validTo: '2026-12-31', category: 'cleaning chemicals',
    });
    expect(created.status).to.equal(201);
    const { page } = await signIn(browser, t, registry.tokens.procurement, `/contracts/${created.body.id}`);
    await page.getByRole('heading', { level: 1, name: 'Avtalsuppföljning: RS-2026-0999' }).waitFor();
    expect((await admin.delete(`/api/v1/contracts/${created.body.id}`)).status).to.equal(204);

    // Act
    await page.getByRole('button', { name: 'Ladda ner CSV' }).click();

    // Assert
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).to.include('Filen kunde inte laddas ner.').and.include('NOT_FOUND');
    expect(await page.getByRole('button', { name: 'Ladda ner CSV' }).isEnabled()).to.equal(true);
    await page.context().close();
  });

  it('when the buyer picks a day to show changes since, then the address carries it and the changes part counts from that day; clearing it returns to the last list update', async () => {
    // Arrange
    const report = (await t.as(registry.tokens.procurement).get(`/api/v1/contracts/${registry.contract.id}/follow-up`)).body;
    const tomorrow = new Date(Date.parse(`${report.today}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
    const { page, errors } = await openFollowUp();
    const changes = page.getByRole('region', { name: /^Ändringar sedan/ });
    await changes.getByRole('table', { name: 'Händelser i fynden' }).waitFor();
    const before = await changes.textContent();

    // Act
    await page.getByLabel('Visa ändringar sedan').fill(tomorrow);
    await page.getByRole('heading', { level: 2, name: `Ändringar sedan ${tomorrow}` }).waitFor();
    const after = await changes.textContent();
    const urlAfter = page.url();
    await page.getByRole('button', { name: 'Sedan senaste listuppdateringen' }).click();
    await page.getByText('Ändringar räknas från den senaste listuppdateringen').waitFor();

    // Assert
    expect(before).to.include('Ändringar räknas från den senaste listuppdateringen').and.include('Fynd upptäckt').and.include('Golvrent Neutral');
    expect(urlAfter).to.include(`#/contracts/${registry.contract.id}?since=${tomorrow}`);
    expect(after).to.include(`Ändringar räknas från början av ${tomorrow}, det datum du valt.`).and.include('Inget har ändrats sedan dess.');
    expect(await page.getByLabel('Visa ändringar sedan').inputValue()).to.equal('');
    expect(page.url()).to.match(new RegExp(`#/contracts/${registry.contract.id}$`));
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when a procurement officer opens the dashboard, then it shows the findings total, a bar group per month in the chart, and a table with the same counts as GET /stats', async () => {
    // Arrange
    const stats = (await t.as(registry.tokens.procurement).get('/api/v1/stats?months=12')).body;
    const months: Array<{ month: string; raised: Record<string, number> }> = stats.findings.perMonth;

    // Act
    const { page, errors } = await signIn(browser, t, registry.tokens.procurement, '/dashboard');
    const findings = page.getByRole('group', { name: 'Fynd', exact: true });
    await findings.waitFor();
    const chart = page.getByRole('img', { name: /^Stapeldiagram: nya fynd per månad/ });
    const tooltips = await chart.locator('title').allTextContents();
    await page.getByText('Visa siffrorna som tabell').click();
    const table = page.getByRole('table', { name: 'Nya fynd per månad' });
    const rows = table.getByRole('row');
    await rows.nth(1).waitFor();
    const body = await Promise.all((await rows.all()).slice(1).map(async (row) => ({
      month: await row.getByRole('rowheader').locator('time').getAttribute('datetime'),
      counts: (await row.getByRole('cell').allTextContents()).map((text) => Number(text.replace(/\s/g, ''))),
    })));

    // Assert
    expect(await findings.textContent()).to.include(String(stats.findings.total)).and.include(`varav ${stats.findings.open} öppna`);
    expect(stats.findings.total).to.equal(2);
    expect(await chart.getAttribute('aria-label')).to.include(`totalt ${stats.findings.total}`);
    expect(tooltips).to.have.length(months.length).and.to.have.length(12);
    tooltips.forEach((tip, i) => expect(tip).to.include(`Orange ${months[i]!.raised.orange}`).and.include(months[i]!.month.slice(0, 4)));
    expect(body).to.deep.equal(months.map((m) => ({
      month: m.month,
      counts: [m.raised.red!, m.raised.orange!, m.raised.yellow!, m.raised.info!, m.raised.red! + m.raised.orange! + m.raised.yellow! + m.raised.info!],
    })));
    const share = page.getByRole('group', { name: 'Produkter utan röda eller orange fynd' });
    expect(await share.textContent()).to.include(`${stats.screening.clean} av ${stats.screening.screened} granskade produkter`);
    expect(errors).to.deep.equal([]);
    await screenshot(page, 'dashboard');
    await page.context().close();
  });
});
