// The procurement pages in a real browser: a buyer searches as it types (typos, CAS numbers, the clean-only filter),
// the address keeps the search, and the product page shows the supplier, the contract, the latest SDS's facts, the
// findings and the alternatives; a supplier sees its own product without alternatives.
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { closeWebSuite, screenshot, signIn, startWebSuite } from '../support/browser.js';
import type { TestApp } from '../support/test-app.js';
import { BUTOXYETHOXYETHANOL, seedWebRegistry, type WebRegistry } from '../support/web-registry.js';

describe('web interface: procurement search and product page', function () {
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

  const searchBox = (page: Page) => page.getByLabel('Sök', { exact: true });
  const hitOf = (page: Page, name: string) => page.getByRole('listitem').filter({ has: page.getByRole('link', { name, exact: true }) });

  it('when a buyer types a product name with a typo, then Golvrent Neutral is found with its orange badge, the reason and why it matched, and a reload keeps the search', async () => {
    // Arrange
    const { page, errors } = await signIn(browser, t, registry.tokens.procurement, '/search');

    // Act
    await searchBox(page).pressSequentially('golvrnt');
    const hit = hitOf(page, 'Golvrent Neutral');
    await hit.waitFor();
    await screenshot(page, 'search');
    const status = await page.getByRole('status').filter({ hasText: 'hittades' }).textContent();
    await page.reload();
    await hitOf(page, 'Golvrent Neutral').waitFor();

    // Assert
    expect(status).to.equal('1 produkt hittades');
    expect(await hit.getByText('Orange', { exact: true }).count()).to.equal(1);
    expect(await hit.textContent()).to.include('2-(2-butoxietoxi)etanol (CAS 112-34-5) listed: Region Stockholms utfasningslista');
    expect(await hit.getByText('produktnamn: ”Golvrent Neutral”').count()).to.equal(1);
    expect(await hit.getByText('Namnträff').count()).to.equal(1);
    expect(await hit.textContent()).to.include('GR-1001').and.include('Städ & Hygien AB').and.include('RS-2026-0107');
    expect(page.url()).to.match(/#\/search\?q=golvrnt$/u);
    expect(await searchBox(page).inputValue()).to.equal('golvrnt');
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the buyer ticks "only products without open red or orange findings", then Golvrent Neutral disappears and the page says nothing matches', async () => {
    // Arrange
    const { page, errors } = await signIn(browser, t, registry.tokens.procurement, '/search?q=golvrnt');
    await hitOf(page, 'Golvrent Neutral').waitFor();

    // Act
    await page.getByLabel('Bara produkter utan öppna röda eller orange fynd').check();

    // Assert
    await page.getByText('Inga produkter matchar sökningen med de valda filtren.', { exact: false }).waitFor();
    expect(await page.getByRole('link', { name: 'Golvrent Neutral' }).count()).to.equal(0);
    expect(page.url()).to.include('clean=true');
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when a buyer searches a CAS number, then the product is an exact match and the page says the number was looked up exactly', async () => {
    // Arrange
    const { page, errors } = await signIn(browser, t, registry.tokens.procurement, '/search');

    // Act
    await searchBox(page).fill(BUTOXYETHOXYETHANOL);
    const hit = hitOf(page, 'Golvrent Neutral');
    await hit.waitFor();

    // Assert
    expect(await page.getByText('”112-34-5” lästes som ett CAS-nummer och slogs upp exakt.').count()).to.equal(1);
    expect(await hit.getByText('Exakt träff').count()).to.equal(1);
    expect(await hit.getByText('CAS-nummer: ”2-(2-butoxietoxi)etanol, CAS 112-34-5, EC 203-961-6”').count()).to.equal(1);
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the buyer opens the product from a hit, then it sees the supplier, the contract, the SDS facts (pictogram, H code, section 3), the finding and an alternative', async () => {
    // Arrange
    const { page, errors } = await signIn(browser, t, registry.tokens.procurement, '/search?q=golvrnt');
    const finding = (await t.as(registry.tokens.procurement).get(`/api/v1/findings?productId=${registry.products.floor}`)).body.items[0];

    // Act
    await page.getByRole('link', { name: 'Golvrent Neutral' }).click();
    await page.getByRole('heading', { level: 1, name: 'Golvrent Neutral' }).waitFor();
    const facts = page.getByRole('region', { name: 'Produktuppgifter' });
    const sds = page.getByRole('region', { name: 'Säkerhetsdatablad' });
    const findings = page.getByRole('region', { name: 'Fynd' });
    const alternatives = page.getByRole('region', { name: 'Alternativ' });
    await Promise.all([
      facts.getByRole('link', { name: 'RS-2026-0107' }).waitFor(),
      facts.getByText('Städ & Hygien AB').waitFor(),
      sds.getByRole('figure').waitFor(),
      findings.getByRole('table').waitFor(),
      alternatives.getByRole('link', { name: 'Allrent Plus' }).waitFor(),
    ]);
    await screenshot(page, 'product');

    // Assert
    expect(page.url()).to.match(new RegExp(`#/products/${registry.products.floor}$`, 'u'));
    expect(await facts.textContent()).to.include('Städkemikalier och engångshandskar').and.include('GR-1001').and.include('Blandning');
    expect(await sds.getByRole('figure', { name: 'GHS05 Frätande' }).count()).to.equal(1);
    expect(await sds.getByText('H314', { exact: true }).count()).to.equal(1);
    expect(await sds.getByText('Fara', { exact: true }).count()).to.equal(1);
    const substance = sds.getByRole('row').filter({ hasText: BUTOXYETHOXYETHANOL });
    expect(await substance.getByRole('cell').allTextContents()).to.deep.equal(['2-(2-butoxietoxi)etanol', '112-34-5', '203-961-6', '5 - 10 %']);
    const row = findings.getByRole('row').filter({ hasText: '2-(2-butoxietoxi)etanol' });
    expect(await row.getByText('Orange', { exact: true }).count()).to.equal(1);
    expect(await row.textContent()).to.include('Region Stockholms utfasningslista').and.include('Öppet');
    expect(await row.getByRole('link', { name: '2-(2-butoxietoxi)etanol' }).getAttribute('href')).to.equal(`#/findings/${finding.id}`);
    const alternative = alternatives.getByRole('listitem').filter({ has: page.getByRole('link', { name: 'Allrent Plus' }) });
    expect(await alternative.textContent()).to.include('Same category (cleaning chemicals), on the same contract (RS-2026-0107)').and.include('Inga öppna fynd');
    expect(await alternative.getByRole('link', { name: 'Allrent Plus' }).getAttribute('href')).to.equal(`#/products/${registry.products.allPurpose}`);
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the buyer downloads the SDS and presses back, then the PDF arrives under its uploaded name and the search is as it was', async () => {
    // Arrange
    const { page, errors } = await signIn(browser, t, registry.tokens.procurement, '/search?q=golvrnt');
    await page.getByRole('link', { name: 'Golvrent Neutral' }).click();
    const sds = page.getByRole('region', { name: 'Säkerhetsdatablad' });

    // Act
    const downloading = page.waitForEvent('download');
    await sds.getByRole('button', { name: 'Ladda ner säkerhetsdatabladet (PDF)' }).click();
    const pdf = await downloading;
    await page.goBack();
    await hitOf(page, 'Golvrent Neutral').waitFor();

    // Assert
    expect(pdf.suggestedFilename()).to.equal('sdb-golvrent.pdf');
    expect(page.url()).to.match(/#\/search\?q=golvrnt$/u);
    expect(await searchBox(page).inputValue()).to.equal('golvrnt');
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the buyer switches to English on the product page, then the pictogram and headings read in English', async () => {
    // Arrange
    const { page, errors } = await signIn(browser, t, registry.tokens.procurement, `/products/${registry.products.floor}`);
    await page.getByRole('region', { name: 'Säkerhetsdatablad' }).getByRole('figure').waitFor();

    // Act
    await page.getByLabel('Språk').selectOption('en');

    // Assert
    const sds = page.getByRole('region', { name: 'Safety data sheet' });
    expect(await sds.getByRole('figure', { name: 'GHS05 Corrosion' }).count()).to.equal(1);
    expect(await page.getByRole('heading', { level: 2, name: 'Findings' }).count()).to.equal(1);
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when a supplier opens its own product, then it sees its declaration and findings but no alternatives, which are never asked for', async () => {
    // Arrange
    const asked: string[] = [];
    const { page, errors } = await signIn(browser, t, registry.tokens.supplierGloves, '/my/products');
    page.on('request', (request) => asked.push(request.url()));

    // Act
    await page.goto(`${t.baseUrl}/#/products/${registry.products.vinyl}`);
    const declarations = page.getByRole('region', { name: 'Deklarationer' });
    const findings = page.getByRole('region', { name: 'Fynd' });
    await Promise.all([
      declarations.getByRole('table').waitFor(),
      findings.getByRole('table').waitFor(),
      page.getByRole('region', { name: 'Säkerhetsdatablad' }).getByText('Inget säkerhetsdatablad har laddats upp för produkten.').waitFor(),
    ]);

    // Assert
    expect(await page.getByRole('heading', { level: 1, name: 'Vinylhandske' }).count()).to.equal(1);
    expect(await findings.getByRole('row').filter({ hasText: 'REACH Candidate List of SVHC' }).getByText('Öppet').count()).to.equal(1);
    expect(await declarations.getByRole('row').nth(1).getByRole('cell').first().textContent()).to.equal('1');
    expect(await page.getByRole('heading', { name: 'Alternativ' }).count()).to.equal(0);
    expect(asked.filter((url) => url.includes('/alternatives'))).to.deep.equal([]);
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the address holds a filter the API refuses, then the page shows the API\'s error code and field', async () => {
    // Arrange
    const { page } = await signIn(browser, t, registry.tokens.procurement, '/search?q=golv&contractId=not-a-contract');

    // Act
    const alert = page.getByRole('alert');
    await alert.waitFor();

    // Assert
    expect(await alert.textContent()).to.include('VALIDATION_FAILED').and.include('query.contractId');
    await page.context().close();
  });
});
