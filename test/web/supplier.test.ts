// The supplier's pages in a real browser: my products (only the supplier's own), uploading an SDS or a declaration
// with progress and the facts read from it, upload errors with the API's code, my findings with the answer to a
// substitution request, and declaration requests answered by an upload.
import { expect } from 'chai';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { closeWebSuite, screenshot, signIn, startWebSuite, type WebSuite } from '../support/browser.js';
import { buildSdsPdf, defaultSpec } from '../support/sds-pdf/index.js';
import type { TestApp } from '../support/test-app.js';
import { BUTOXYETHOXYETHANOL, seedWebRegistry, type WebRegistry } from '../support/web-registry.js';

describe('web interface: the supplier\'s products, uploads, findings and requests', function () {
  this.timeout(60_000);

  let t: TestApp;
  let browser: Browser;
  let registry: WebRegistry;
  let files: string;

  before(async () => {
    let suite: WebSuite;
    [suite, files] = await Promise.all([startWebSuite(), mkdtemp(join(tmpdir(), 'chemreg-supplier-web-'))]);
    ({ t, browser } = suite);
    registry = await seedWebRegistry(t);
  });

  after(async () => {
    await closeWebSuite({ t, browser });
    if (files) await rm(files, { recursive: true, force: true });
  });

  const asSupplier = (path: string) => signIn(browser, t, registry.tokens.supplierCleaning, path);

  async function floorFindingId(): Promise<string> {
    const res = await t.as(registry.tokens.expert).get<{ total: number; items: Array<{ id: string }> }>(`/api/v1/findings?productId=${registry.products.floor}`);
    expect(res.body.total).to.equal(1);
    return res.body.items[0]!.id;
  }

  it('when the cleaning supplier opens my products, then only its own two products are listed, each with its SDS, open findings and an upload link', async () => {
    // Arrange
    const { page, errors } = await asSupplier('/my/products');
    const table = page.getByRole('table', { name: /Produkter/ });

    // Act
    await table.getByText('1 öppet fynd').waitFor();
    await table.getByText('Saknas').waitFor();
    const names = await table.getByRole('rowheader').getByRole('link').allTextContents();

    // Assert
    expect(names.sort()).to.deep.equal(['Allrent Plus', 'Golvrent Neutral']);
    expect(await page.getByText('Vinylhandske').count()).to.equal(0);
    expect(await page.getByText('Nitrilhandske Blå').count()).to.equal(0);
    const floor = table.getByRole('row', { name: /Golvrent Neutral/ });
    expect(await floor.textContent()).to.match(/Revision 1, daterad \d{4}-\d{2}-\d{2}/);
    expect(await floor.getByRole('link', { name: 'Golvrent Neutral', exact: true }).getAttribute('href')).to.equal(`#/products/${registry.products.floor}`);
    expect(await table.getByRole('row', { name: /Allrent Plus/ }).textContent()).to.include('Saknas');
    expect(await page.getByRole('link', { name: 'Ladda upp säkerhetsdatablad eller deklaration för Allrent Plus' }).getAttribute('href')).to.equal(
      `#/my/products/${registry.products.allPurpose}/upload`,
    );
    await screenshot(page, 'my-products');
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the supplier searches its products by name, then only the matching product remains', async () => {
    // Arrange
    const { page, errors } = await asSupplier('/my/products');
    await page.getByRole('link', { name: 'Allrent Plus', exact: true }).waitFor();

    // Act
    await page.getByLabel('Produktnamn eller artikelnummer').fill('golv');
    await page.getByRole('button', { name: 'Sök' }).click();
    await page.getByRole('link', { name: 'Allrent Plus', exact: true }).waitFor({ state: 'detached' });

    // Assert
    expect(await page.getByRole('rowheader').getByRole('link').allTextContents()).to.deep.equal(['Golvrent Neutral']);
    expect(page.url()).to.include('#/my/products?q=golv');
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the supplier switches to English, then my products reads in English', async () => {
    // Arrange
    const { page, errors } = await asSupplier('/my/products');
    await page.getByText('1 öppet fynd').waitFor();

    // Act
    await page.getByLabel('Språk').selectOption('en');

    // Assert
    await page.getByRole('heading', { level: 1, name: 'My products' }).waitFor();
    await page.getByText('1 open finding').waitFor();
    expect(await page.getByRole('row', { name: /Allrent Plus/ }).textContent()).to.include('Missing');
    expect(await page.getByRole('link', { name: 'Upload a safety data sheet or declaration for Allrent Plus' }).count()).to.equal(1);
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the supplier opens the upload page of another supplier\'s product, then it is told the product is not found and sees no upload form', async () => {
    // Arrange
    const path = `/my/products/${registry.products.vinyl}/upload`;

    // Act
    const { page } = await asSupplier(path);
    const alert = page.getByRole('alert');
    await alert.waitFor();

    // Assert
    expect(await alert.textContent()).to.include('NOT_FOUND');
    expect(await page.getByRole('button', { name: 'Ladda upp' }).count()).to.equal(0);
    await page.context().close();
  });

  it('when the supplier uploads an SDS for Allrent Plus, then the progress reaches 100 % and it sees the facts read from the PDF and the finding screening raised', async () => {
    // Arrange
    const pdf = join(files, 'sdb-allrent.pdf');
    await writeFile(pdf, buildSdsPdf(defaultSpec('sv')).bytes);
    const { page, errors } = await asSupplier('/my/products');
    await page.getByRole('link', { name: 'Ladda upp säkerhetsdatablad eller deklaration för Allrent Plus' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ladda upp dokument för Allrent Plus' }).waitFor();

    // Act
    expect(await page.getByRole('radio', { name: 'Säkerhetsdatablad (PDF)' }).isChecked()).to.equal(true);
    await page.getByLabel('PDF-fil med säkerhetsdatabladet').setInputFiles(pdf);
    await page.getByRole('button', { name: 'Ladda upp' }).click();
    const facts = page.getByRole('region', { name: 'Uppgifter ur säkerhetsdatabladet' });
    await facts.waitFor();

    // Assert
    expect(await page.getByRole('status').filter({ hasText: 'Klart' }).textContent()).to.match(/^Klart: 100\s%/u);
    expect(await page.getByRole('progressbar', { name: 'Uppladdning' }).getAttribute('value')).to.equal('100');
    const factText = await facts.textContent();
    expect(factText).to.include(registry.sds.truth.productName);
    expect(factText).to.include('H314');
    expect(factText).to.include('Fara');
    expect(await facts.getByRole('row', { name: new RegExp(BUTOXYETHOXYETHANOL) }).textContent()).to.include('5 - 10 %');
    // The PDF is another product's data sheet: the page points out that the printed name differs.
    expect(factText).to.include(`Namnet i databladet, ”${registry.sds.truth.productName}”, är inte produktens namn i chemreg, ”Allrent Plus”`);
    const screening = page.getByRole('region', { name: 'Vad granskningen hittade för produkten' });
    const finding = screening.getByRole('row', { name: /Region Stockholms utfasningslista/ });
    expect(await finding.textContent()).to.include('den här filen');
    expect(await finding.getByText('Orange').count()).to.equal(1);
    await screenshot(page, 'upload');
    await page.getByRole('button', { name: 'Ja, uppgifterna stämmer' }).click();
    await page.getByText('Tack för att du kontrollerade uppgifterna.').waitFor();
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the supplier uploads a file that is not a PDF as an SDS, then the API\'s error code is shown and no revision is stored', async () => {
    // Arrange
    const text = join(files, 'sdb.pdf.txt');
    await writeFile(text, 'Säkerhetsdatablad som vanlig text, ingen PDF');
    const { page } = await asSupplier(`/my/products/${registry.products.floor}/upload`);

    // Act
    await page.getByLabel('PDF-fil med säkerhetsdatabladet').setInputFiles(text);
    await page.getByRole('button', { name: 'Ladda upp' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();

    // Assert
    expect(await alert.textContent()).to.include('NOT_A_PDF');
    expect(await page.getByRole('status').filter({ hasText: 'misslyckades' }).textContent()).to.equal('Uppladdningen misslyckades. Inget sparades.');
    const revisions = await t.as(registry.tokens.supplierCleaning).get(`/api/v1/products/${registry.products.floor}/sds`);
    expect(revisions.body.total).to.equal(1);
    await page.context().close();
  });

  it('when the supplier opens my findings, then the Golvrent finding is listed with severity, product, substance, list, status and a link to it', async () => {
    // Arrange
    const findingId = await floorFindingId();

    // Act
    const { page, errors } = await asSupplier('/my/findings');
    const row = page.getByRole('row', { name: /Golvrent Neutral/ });
    await row.waitFor();

    // Assert
    const text = await row.textContent();
    expect(text).to.include('Orange');
    expect(text).to.include('2-(2-butoxietoxi)etanol');
    expect(text).to.include('Region Stockholms utfasningslista');
    expect(text).to.include('Öppet');
    expect(await row.getByRole('link', { name: /^Visa fynd/ }).getAttribute('href')).to.equal(`#/findings/${findingId}`);
    // The gloves supplier's Candidate List finding is not this supplier's.
    expect(await page.getByText('Vinylhandske').count()).to.equal(0);
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when a buyer asks for a declaration, then the supplier sees the request and answers it by uploading a declaration whose substances it is shown', async () => {
    // Arrange
    const due = new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);
    const asked = await t.as(registry.tokens.procurement).post('/api/v1/declaration-requests', {
      productId: registry.products.allPurpose, dueDate: due, message: 'Avtalet kräver en innehållsdeklaration.',
    });
    expect(asked.status, JSON.stringify(asked.body)).to.equal(201);
    const declaration = join(files, 'deklaration-allrent.json');
    await writeFile(declaration, JSON.stringify({
      chemreg: 'declaration', version: 1,
      substances: [{ name: 'Etanol', cas: '64-17-5', concentration: { value: 4, unit: '%' } }],
    }));
    const { page, errors } = await asSupplier('/my/findings');
    const requests = page.getByRole('region', { name: 'Förfrågningar om deklaration' });
    await requests.getByText('Avtalet kräver en innehållsdeklaration.').waitFor();
    expect(await requests.getByRole('row', { name: /Allrent Plus/ }).textContent()).to.include('inte deklarerad');

    // Act
    await requests.getByRole('link', { name: 'Ladda upp deklaration för Allrent Plus' }).click();
    await page.getByRole('heading', { level: 1, name: 'Ladda upp dokument för Allrent Plus' }).waitFor();
    expect(await page.getByRole('radio', { name: /Innehållsdeklaration/ }).isChecked()).to.equal(true);
    await page.getByLabel('Deklarationsfil (.json eller .xml)').setInputFiles(declaration);
    await page.getByRole('button', { name: 'Ladda upp' }).click();
    const facts = page.getByRole('region', { name: 'Uppgifter ur deklarationen' });
    await facts.waitFor();

    // Assert
    const substance = await facts.getByRole('row', { name: /64-17-5/ }).textContent();
    expect(substance).to.include('Etanol');
    expect(substance).to.include('Hela produkten');
    await page.getByRole('button', { name: 'Ja, uppgifterna stämmer' }).click();
    await page.getByRole('link', { name: 'Till mina fynd och förfrågningar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Mina fynd och förfrågningar' }).waitFor();
    await requests.getByRole('row', { name: /Allrent Plus/ }).getByText('Besvarad').waitFor();
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when an expert requests substitution, then the supplier sees the request, answers it with its SDS revision, and sees the finding answered', async () => {
    // Arrange
    const findingId = await floorFindingId();
    const requested = await t.as(registry.tokens.expert).post(`/api/v1/findings/${findingId}/decisions`, {
      action: 'request-substitution',
      comment: 'Ämnet står på regionens utfasningslista. Byt ut det eller redovisa en plan.',
    });
    expect(requested.status, JSON.stringify(requested.body)).to.equal(200);
    const { page, errors } = await asSupplier('/my/findings');
    const row = page.getByRole('row', { name: /Golvrent Neutral/ });
    await row.waitFor();
    expect(await row.textContent()).to.include('Utbyte begärt');
    await page.getByText('Byt ut det eller redovisa en plan.').waitFor();
    const revisionOption = page.getByLabel('Nytt säkerhetsdatablad (valfritt)').getByRole('option', { name: /^Revision 1/ });
    await revisionOption.waitFor({ state: 'attached' });
    await screenshot(page, 'my-findings');

    // Act
    await page.getByLabel('Ditt svar till kemiexperten').fill('Vi ersätter ämnet med en alkoholetoxilat från och med nästa batch.');
    await page.getByLabel('Nytt säkerhetsdatablad (valfritt)').selectOption(registry.sds.revisionId);
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    await page.getByRole('status').filter({ hasText: 'Ditt svar är skickat till kemiexperten.' }).waitFor();

    // Assert
    await row.getByText(/besvarat \d{4}-\d{2}-\d{2}/).waitFor();
    expect(await row.textContent()).to.include('Utbyte begärt');
    await page.getByRole('group', { name: /Svara på begäran/ }).waitFor({ state: 'hidden' });
    expect(await page.getByText('Vi ersätter ämnet med en alkoholetoxilat från och med nästa batch.').count()).to.equal(1);
    const finding = await t.as(registry.tokens.expert).get(`/api/v1/findings/${findingId}`);
    expect(finding.body.history.at(-1)).to.include({ action: 'answer', documentId: registry.sds.revisionId, to: 'substitution-requested' });
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the supplier sends a further answer without a comment, then the API\'s error naming the comment field is shown', async () => {
    // Arrange
    const { page } = await asSupplier('/my/findings?status=substitution-requested');
    await page.getByText('Skicka ett kompletterande svar').click();

    // Act
    await page.getByRole('button', { name: 'Skicka svar' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();

    // Assert
    const text = await alert.textContent();
    expect(text).to.include('VALIDATION_FAILED');
    expect(text).to.include('body.comment');
    await page.context().close();
  });
});
