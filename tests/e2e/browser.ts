/**
 * Browser-test helpers: a fresh profile per context with every request recorded (worker
 * requests included), the app's ready signal, axe, a non-blank canvas check, and SQL on the
 * page's own database for expected values.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { Row } from '../../src/lib/data/connector';

import { scaled } from '../helpers/time-scale';

export { launchBrowser } from '../../scripts/lib/chromium';
export { scaled } from '../helpers/time-scale';

const require = createRequire(import.meta.url);

export interface RecordedPage {
  context: BrowserContext;
  page: Page;
  requests: string[];
  consoleErrors: string[];
}

/**
 * A new context (fresh profile: no storage, no cache) and page, recording requests. The
 * browser's language is Dutch unless `options.locale` says otherwise.
 */
export async function openPage(
  browser: Browser,
  viewport = { width: 1440, height: 900 },
  options: { locale?: string; permissions?: string[] } = {},
): Promise<RecordedPage> {
  const context = await browser.newContext({
    viewport,
    timezoneId: 'Europe/Amsterdam',
    locale: options.locale ?? 'nl-NL',
    permissions: options.permissions,
  });
  // Playwright's own limits (30 s for an action, a wait or a navigation), scaled.
  context.setDefaultTimeout(scaled(30_000));
  context.setDefaultNavigationTimeout(scaled(60_000));
  const page = await context.newPage();
  const requests: string[] = [];
  const consoleErrors: string[] = [];
  // Context-level: also sees requests from the DuckDB and MapLibre web workers.
  context.on('request', (request) => requests.push(request.url()));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(message.text());
  });
  page.on('pageerror', (error) => consoleErrors.push(error.message));
  return { context, page, requests, consoleErrors };
}

export async function waitForReady(page: Page, timeout = scaled(60_000)): Promise<void> {
  await page.waitForSelector('html[data-ready="true"]', { timeout, state: 'attached' });
  // Sections that load after their view is on screen say so themselves
  // (state/shared/section-readiness.svelte.ts).
  await page.waitForSelector('[data-section-ready="false"]', { timeout, state: 'detached' });
}

/** Follows a link of the main navigation (no reload) and waits until the page is ready. */
export async function navigate(page: Page, label: string, pathname: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: label, exact: true })
    .click();
  await page.waitForURL((url) => url.pathname === pathname);
  await waitForReady(page);
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** Runs axe-core (WCAG 2.0/2.1 A and AA rules) in the page. */
export async function runAxe(page: Page): Promise<AxeViolation[]> {
  // Evaluated through the DevTools protocol: the page's Content-Security-Policy refuses a
  // script element that the build did not ship (addScriptTag). `void 0`: run as a script.
  await page.evaluate(`${AXE_SOURCE}\n;void 0`);
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (c: unknown, o: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  });
}

/** True when the canvas has pixels that differ from its first pixel (not blank). */
export async function canvasHasContent(page: Page, selector: string): Promise<boolean> {
  return page.evaluate((sel) => {
    const canvases = Array.from(document.querySelectorAll(`${sel} canvas`)) as HTMLCanvasElement[];
    return canvases.some((canvas) => {
      const probe = document.createElement('canvas');
      probe.width = canvas.width;
      probe.height = canvas.height;
      const ctx = probe.getContext('2d')!;
      ctx.drawImage(canvas, 0, 0);
      const data = ctx.getImageData(0, 0, probe.width, probe.height).data;
      const distinct = new Set<number>();
      for (let i = 0; i < data.length; i += 4 * 97) {
        distinct.add((data[i] << 16) | (data[i + 1] << 8) | data[i + 2]);
        if (distinct.size > 3) return true;
      }
      return false;
    });
  }, selector);
}

/**
 * On Gegevens: chooses the kind and the file to import, and waits until the screen has read
 * it (the app's ready signal with the chosen name shown).
 */
export async function chooseImportFile(page: Page, kind: RegExp, file: string): Promise<void> {
  await page.getByRole('radio', { name: kind }).check();
  await page.waitForFunction(
    () =>
      document.documentElement.dataset.ready === 'true' &&
      !(document.querySelector('#import-bestand') as HTMLInputElement).disabled,
  );
  await page.locator('#import-bestand').setInputFiles(file);
  await page.waitForFunction(
    (name) =>
      document.querySelector('[data-testid="import-file-name"]')?.textContent === name &&
      document.documentElement.dataset.ready === 'true',
    file.split('/').pop(),
  );
}

/** Rows of `sql` on the page's database (the debug handle, state/shared/debug-handle.ts). */
export async function queryDatabase(page: Page, sql: string): Promise<Row[]> {
  return page.evaluate(
    (q) =>
      (
        globalThis as unknown as { __wijkradar: { query: (q: unknown) => Promise<Row[]> } }
      ).__wijkradar.query(q),
    { sql },
  );
}
