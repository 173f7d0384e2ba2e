// The chemical expert's pages in a real browser: the review queue and its filters, a finding with its SDS evidence
// drawn and highlighted beside the list entry, decisions (refused and accepted), a supplier's view of its finding,
// and importing a new list version with its re-screen and diff.
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'chai';
import type { Browser, Page } from 'playwright-core';
import { blankEntry } from '../../src/lists/list-entry.js';
import { closeWebSuite, screenshot, signIn, startWebSuite } from '../support/browser.js';
import { chemregListForm } from '../support/list-files/index.js';
import type { TestApp } from '../support/test-app.js';
import { BUTOXYETHOXYETHANOL, REGION_LIST, seedWebRegistry, type WebRegistry } from '../support/web-registry.js';
import { runsMatching } from '../../web/src/pages/expert/highlight.js';

const SODIUM_HYDROXIDE = '1310-73-2';

interface FindingRow {
  id: string;
  status: string;
  substance: { cas: string | null };
}

describe('web interface: the chemical expert', function () {
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

  const expertApi = () => t.as(registry.tokens.expert);
  const openTotal = async (filter = ''): Promise<number> => (await expertApi().get<{ total: number }>(`/api/v1/findings?status=open${filter}`)).body.total;
  /** Golvrent Neutral's finding on the region's list: 2-(2-butoxietoxi)etanol from its SDS. */
  const floorFinding = async (): Promise<FindingRow> => {
    const res = await expertApi().get<{ items: FindingRow[] }>(`/api/v1/findings?productId=${registry.products.floor}&listId=${REGION_LIST}`);
    const found = res.body.items.find((f) => f.substance.cas === BUTOXYETHOXYETHANOL);
    if (!found) throw new Error(`no finding for ${BUTOXYETHOXYETHANOL} on Golvrent Neutral: ${JSON.stringify(res.body)}`);
    return found;
  };
  const historyRows = (page: Page) => page.getByRole('region', { name: 'Historik' }).getByRole('row');

  it('when an expert signs in, then the review queue lists both open findings with product, substance, list entry, severity and status', async () => {
    // Arrange
    const total = await openTotal();

    // Act
    const { page, errors } = await signIn(browser, t, registry.tokens.expert);

    // Assert
    await page.getByRole('heading', { name: `${total} fynd matchar filtret` }).waitFor();
    const table = page.getByRole('table');
    for (const text of ['Golvrent Neutral', 'Vinylhandske', 'Städ & Hygien AB', 'Plastprodukter Norden AB', 'CAS 112-34-5', '2-(2-Butoxietoxi)etanol', 'Region Stockholms utfasningslista', 'Bis(2-ethylhexyl) phthalate']) {
      expect(await table.getByText(text, { exact: false }).count(), text).to.be.greaterThan(0);
    }
    expect(await table.getByRole('row').count()).to.equal(total + 1);
    expect(await table.getByText('Öppet').count()).to.equal(total);
    expect(await page.getByLabel('Status').inputValue()).to.equal('open');
    await screenshot(page, 'review');
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the expert filters by contract and then by severity, then the queue narrows and the address keeps the filters', async () => {
    // Arrange
    const onContract = await openTotal(`&contractId=${registry.contract.id}`);
    const { page, errors } = await signIn(browser, t, registry.tokens.expert);

    // Act
    await page.getByLabel('Avtal').selectOption({ label: `${registry.contract.number} – ${registry.contract.title}` });
    await page.getByRole('heading', { name: `${onContract} fynd matchar filtret` }).waitFor();
    const vinylOnContract = await page.getByRole('link', { name: 'Vinylhandske' }).count();
    const floorOnContract = await page.getByRole('link', { name: 'Golvrent Neutral' }).count();
    await page.getByLabel('Allvarlighetsgrad').selectOption({ label: 'Röd' });

    // Assert
    await page.getByText('Inga fynd matchar filtret.').waitFor();
    expect(vinylOnContract, 'the Candidate List finding applies by law, not through the contract').to.equal(0);
    expect(floorOnContract).to.be.greaterThan(0);
    expect(page.url()).to.include(`contractId=${registry.contract.id}`).and.include('severity=red');
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the expert opens the Golvrent Neutral finding, then its SDS page is drawn with the quote highlighted beside the list entry', async () => {
    // Arrange
    const { page, errors } = await signIn(browser, t, registry.tokens.expert);

    // Act
    await page.getByRole('link', { name: 'Öppna fyndet: 2-(2-butoxietoxi)etanol – Golvrent Neutral' }).click();

    // Assert
    await page.getByRole('heading', { name: 'Fynd: 2-(2-butoxietoxi)etanol' }).waitFor();
    const evidence = page.getByRole('region', { name: 'Belägg' });
    await evidence.getByText(/Citatet är markerat på sidan \(\d+ textavsnitt\)/u).waitFor();
    const canvas = evidence.getByRole('img', { name: 'Sida 1 i säkerhetsdatabladet, där citatet är markerat' });
    const box = await canvas.boundingBox();
    expect(box?.width).to.be.greaterThan(300);
    expect(box?.height).to.be.greaterThan(300);
    const inked = await canvas.evaluate((c: any) => {
      const pixels = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let dark = 0;
      for (let i = 0; i < pixels.length; i += 4) if (pixels[i] < 128) dark++;
      return dark;
    });
    expect(inked, 'dark pixels drawn on the canvas').to.be.greaterThan(1000);
    expect(await evidence.locator('figure svg rect').count()).to.be.greaterThan(0);
    expect(await evidence.locator('blockquote').textContent()).to.include('112-34-5').and.include('2-(2-butoxietoxi)etanol');
    const entry = page.getByRole('region', { name: 'Listpost' });
    expect(await entry.textContent()).to.include('2-(2-Butoxietoxi)etanol').and.include('Region Stockholms utfasningslista').and.include('Region Stockholms utfasningsämne');
    const summary = page.getByRole('region', { name: 'Sammanfattning' });
    expect(await summary.textContent()).to.include('Städ & Hygien AB').and.include('RS-2026-0107').and.include('5 - 10 %').and.include('Ingen gräns – förekomst räcker');
    await screenshot(page, 'finding');
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the expert dismisses a finding without a reason, then the API\'s refusal names the comment field and the finding stays open', async () => {
    // Arrange
    const finding = await floorFinding();
    const { page } = await signIn(browser, t, registry.tokens.expert, `/findings/${finding.id}`);
    await page.getByRole('heading', { name: 'Beslut' }).waitFor();

    // Act
    await page.getByLabel('Avfärda (felaktigt fynd) – motivering krävs').check();
    await page.getByRole('button', { name: 'Spara beslut' }).click();

    // Assert
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).to.include('VALIDATION_FAILED').and.include('body.comment');
    expect(await page.getByLabel('Kommentar').getAttribute('aria-invalid')).to.equal('true');
    expect(await historyRows(page).count()).to.equal(2);
    expect((await floorFinding()).status).to.equal('open');
    await page.context().close();
  });

  it('when the expert confirms a finding with a comment, then the page shows the new status and the decision in the history', async () => {
    // Arrange
    const finding = await floorFinding();
    const { page, errors } = await signIn(browser, t, registry.tokens.expert, `/findings/${finding.id}`);
    await page.getByRole('heading', { name: 'Beslut' }).waitFor();

    // Act
    await page.getByLabel('Bekräfta fyndet').check();
    await page.getByLabel('Kommentar').fill('Kontrollerat mot avsnitt 3 i säkerhetsdatabladet.');
    await page.getByRole('button', { name: 'Spara beslut' }).click();

    // Assert
    await page.getByRole('status').filter({ hasText: 'Beslutet sparades. Fyndets status är nu: Bekräftat.' }).waitFor();
    await historyRows(page).nth(2).waitFor();
    const last = await historyRows(page).nth(2).textContent();
    expect(last).to.include('Bekräftat').and.include('Öppet → Bekräftat').and.include('Kontrollerat mot avsnitt 3 i säkerhetsdatabladet.');
    expect(await page.getByRole('region', { name: 'Sammanfattning' }).getByText('Bekräftat', { exact: true }).count()).to.equal(1);
    expect(await page.getByLabel('Bekräfta fyndet').count(), 'a confirmed finding cannot be confirmed again').to.equal(0);
    expect(await page.getByLabel('Markera som åtgärdat').count()).to.equal(1);
    expect((await floorFinding()).status).to.equal('confirmed');
    expect(errors).to.deep.equal([]);
    await page.context().close();
    // Leave the finding open again for the other tests.
    await expertApi().post(`/api/v1/findings/${finding.id}/decisions`, { action: 'reopen', comment: 'test: back to the seeded state' });
  });

  it('when the supplier opens its own finding, then it sees the evidence and the history but no decision form', async () => {
    // Arrange
    const finding = await floorFinding();

    // Act
    const { page, errors } = await signIn(browser, t, registry.tokens.supplierCleaning, `/findings/${finding.id}`);

    // Assert
    await page.getByRole('heading', { name: 'Fynd: 2-(2-butoxietoxi)etanol' }).waitFor();
    await page.getByRole('region', { name: 'Belägg' }).getByText(/Citatet är markerat på sidan/u).waitFor();
    expect(await page.getByRole('region', { name: 'Listpost' }).textContent()).to.include('2-(2-Butoxietoxi)etanol');
    expect(await historyRows(page).count()).to.be.greaterThan(1);
    expect(await page.getByRole('heading', { name: 'Beslut' }).count()).to.equal(0);
    expect(await page.getByRole('button', { name: 'Spara beslut' }).count()).to.equal(0);
    expect(errors).to.deep.equal([]);
    await page.context().close();
  });

  it('when the expert imports a new version of the region\'s list, then the re-screen is followed to the end and the diff shows the added entry', async () => {
    // Arrange
    const entries = [
      { ...blankEntry(BUTOXYETHOXYETHANOL, '2-(2-Butoxietoxi)etanol'), cas: [BUTOXYETHOXYETHANOL], ec: ['203-961-6'], reasons: ['Region Stockholms utfasningsämne'] },
      { ...blankEntry(SODIUM_HYDROXIDE, 'Natriumhydroxid'), cas: [SODIUM_HYDROXIDE], ec: ['215-185-5'], reasons: ['Region Stockholms utfasningsämne'] },
    ];
    const form = chemregListForm(REGION_LIST, entries, '2026-05-04', { kind: 'custom', name: 'Region Stockholms utfasningslista' });
    const dir = await mkdtemp(join(tmpdir(), 'chemreg-expert-'));
    const file = join(dir, `${REGION_LIST}-2026-05.json`);
    await writeFile(file, new Uint8Array(await (form.get('file') as Blob).arrayBuffer()));
    const { page, errors } = await signIn(browser, t, registry.tokens.expert, '/lists');
    await page.getByRole('link', { name: 'Region Stockholms utfasningslista' }).waitFor();

    // Act
    await page.getByLabel('Listfil', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Importera' }).click();
    const done = page.getByRole('status').filter({ hasText: 'Screeningen är klar' });
    await done.waitFor();
    const report = await done.textContent();
    const imported = await page.getByRole('status').filter({ hasText: 'Version 2 av' }).textContent();
    await screenshot(page, 'lists');
    await page.getByRole('link', { name: 'Visa ändringarna från version 1 till 2' }).click();

    // Assert
    expect(imported).to.equal('Version 2 av Region Stockholms utfasningslista importerades: 2 poster ur 2 rader.');
    expect(report).to.include('Nya fynd: 1');
    await page.getByRole('heading', { name: 'Lista: Region Stockholms utfasningslista' }).waitFor();
    const added = page.getByRole('region', { name: 'Tillagda poster (1)' });
    await added.waitFor();
    expect(await added.textContent()).to.include('Natriumhydroxid').and.include(SODIUM_HYDROXIDE);
    expect(await page.getByRole('region', { name: 'Borttagna poster (0)' }).count()).to.equal(1);
    expect(await page.getByRole('region', { name: 'Versioner' }).getByRole('row').count()).to.equal(3);
    await page.getByRole('table', { name: 'Poster i version 2 (2 st)' }).waitFor();
    expect(errors).to.deep.equal([]);
    await page.context().close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when the expert imports a file that is not a list, then the API\'s refusal is shown with its code and the lists are unchanged', async () => {
    // Arrange
    const dir = await mkdtemp(join(tmpdir(), 'chemreg-expert-'));
    const file = join(dir, 'anteckningar.txt');
    await writeFile(file, 'Beställ handskar.\nOch munskydd.\n');
    const versionsBefore = (await expertApi().get<{ total: number }>(`/api/v1/lists/${REGION_LIST}/versions`)).body.total;
    const { page } = await signIn(browser, t, registry.tokens.expert, '/lists');
    await page.getByRole('link', { name: 'Region Stockholms utfasningslista' }).waitFor();

    // Act
    await page.getByLabel('Listfil', { exact: true }).setInputFiles(file);
    await page.getByRole('button', { name: 'Importera' }).click();

    // Assert
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).to.include('LIST_FORMAT_UNKNOWN').and.include('body.file');
    expect((await expertApi().get<{ total: number }>(`/api/v1/lists/${REGION_LIST}/versions`)).body.total).to.equal(versionsBefore);
    await page.context().close();
    await rm(dir, { recursive: true, force: true });
  });

  it('when a quote is matched against a page\'s text runs, then its words are found in place even as a normalised excerpt, and stray words are not', () => {
    // Arrange
    const runs = ['Kemiskt namn', 'CAS-nr', 'natriumhydroxid', '1310-73-2', 'Corr. 1A, H314', '2-(2-butoxietoxi)etanol', '112-34-5', '203-961-6', '5 - 10 %', 'Eye Irrit. 2, H319', 'AVSNITT 4'];

    // Act
    const found = runsMatching(runs, 'Corr. 1A, H314 / 2-(2-butoxietoxi)etanol 112-34-5 203-961-6 5 - 10 % Eye Irrit. 2, H319');
    const stray = runsMatching(runs, 'H314 appears here with nothing else of the page');

    // Assert
    expect(found.map((i) => runs[i])).to.deep.equal(['Corr. 1A, H314', '2-(2-butoxietoxi)etanol', '112-34-5', '203-961-6', '5 - 10 %', 'Eye Irrit. 2, H319']);
    expect(stray).to.deep.equal([]);
  });
});
