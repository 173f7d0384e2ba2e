// Browser tests (issue 8): Debian's Chromium driven headless by playwright-core, against a test app that serves the
// web interface built from the current sources. Chromium must be installed (.ci/run installs it with apt-get);
// CHROMIUM_PATH points elsewhere when it is not at /usr/bin/chromium.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { mkdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from 'playwright-core';
import { startTestApp, type TestApp } from './test-app.js';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SCREENSHOTS = fileURLToPath(new URL('../../docs/screenshots/', import.meta.url));

let built: Promise<void> | undefined;

/**
 * Builds the web interface into web/dist, once per test run, as `npm run build:web` does. In a child process: the
 * TypeScript loader the tests run under would otherwise also resolve the bundler's own imports.
 */
function buildWebInterface(): Promise<void> {
  built ??= new Promise((resolve, reject) => {
    execFile('npm', ['run', '--silent', 'build:web'], { cwd: ROOT }, (err, _stdout, stderr) => (err ? reject(new Error(`npm run build:web failed: ${stderr}`)) : resolve()));
  });
  return built;
}

/** What every browser test file starts with: the web interface built, a test app serving it, and a browser. */
export interface WebSuite {
  t: TestApp;
  browser: Browser;
}

export async function startWebSuite(): Promise<WebSuite> {
  await buildWebInterface();
  const [t, browser] = await Promise.all([startTestApp(), launchBrowser()]);
  return { t, browser };
}

/** For after-hooks: closes what startWebSuite started, also when it failed half-way. */
export async function closeWebSuite({ t, browser }: Partial<WebSuite>): Promise<void> {
  await browser?.close();
  await t?.close();
}

async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`the browser tests need Chromium at ${CHROMIUM}: apt-get install chromium, or set CHROMIUM_PATH`);
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

export interface BrowserPage {
  page: Page;
  /** Uncaught exceptions and console errors in the page so far: a test expects none. */
  errors: string[];
}

/** A fresh browser context (its own session storage) on the app, not signed in. */
export async function openApp(browser: Browser, t: TestApp, path = '/'): Promise<BrowserPage> {
  const context = await browser.newContext({ locale: 'sv-SE', acceptDownloads: true, viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(`pageerror: ${err.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`console: ${message.text()}`);
  });
  await page.goto(`${t.baseUrl}/#${path}`);
  return { page, errors };
}

/** Opens the app and signs in with `token` through the sign-in form (in Swedish, the default language). */
export async function signIn(browser: Browser, t: TestApp, token: string, path = '/'): Promise<BrowserPage> {
  const opened = await openApp(browser, t, path);
  await opened.page.getByLabel('API-token').fill(token);
  await opened.page.getByRole('button', { name: 'Logga in' }).click();
  await opened.page.getByRole('button', { name: 'Logga ut' }).waitFor();
  return opened;
}

/** With SCREENSHOTS=1 (npm run screenshots), saves the page as docs/screenshots/<name>.png for the README. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  await mkdir(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: `${SCREENSHOTS}${name}.png`, fullPage: true });
}

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js');
let axeSource: string | undefined;

export interface AccessibilityViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * The WCAG 2.1 A/AA rules axe-core finds broken on the page as it is now, serious and critical ones only: missing
 * labels and names, contrast, invalid ARIA, keyboard traps.
 */
export async function accessibilityViolations(page: Page): Promise<AccessibilityViolation[]> {
  // Evaluated through the DevTools protocol: the app's Content Security Policy (rightly) refuses injected script tags.
  axeSource ??= await readFile(AXE, 'utf8');
  await page.evaluate(axeSource);
  const result = await page.evaluate<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }>(
    `axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })`,
  );
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.join(' ')) }));
}
