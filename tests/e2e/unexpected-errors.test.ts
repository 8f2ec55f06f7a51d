/**
 * No English or technical text reaches the user (issue 22, item 6): an error nobody
 * foresaw — here provoked for real by making the engine's next request of a given kind
 * throw the TypeError a real file once caused ("t is not iterable") — becomes a Dutch
 * explanation of what failed and what to do, and nothing is changed.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  chooseImportFile,
  launchBrowser,
  navigate,
  openPage,
  waitForReady,
  type RecordedPage,
} from './browser';

const baseUrl = inject('baseUrl');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const TECHNICAL = /iterable|TypeError|Error\b|undefined|Technische melding|stack/i;

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(() => browser?.close());

interface Failure {
  /** Message types (DuckDB-WASM's WorkerRequestType) that fail. */
  pattern: string;
  /** Only the first such message fails. */
  once: boolean;
}

/**
 * Arms the page (before any page script runs): a message to the DuckDB worker whose type
 * matches `window.__failEngine` throws.
 */
const ARM_FAILURE = () => {
  const post = Worker.prototype.postMessage;
  Worker.prototype.postMessage = function (this: Worker, message: unknown, ...rest: unknown[]) {
    const w = window as unknown as { __failEngine?: Failure };
    const type = (message as { type?: unknown } | null)?.type;
    const failure = w.__failEngine;
    if (failure && typeof type === 'string' && new RegExp(failure.pattern).test(type)) {
      if (failure.once) w.__failEngine = undefined;
      throw new TypeError('t is not iterable');
    }
    return (post as (...args: unknown[]) => void).call(this, message, ...rest);
  } as typeof Worker.prototype.postMessage;
};

async function open(pathname: string): Promise<RecordedPage> {
  const opened = await openPage(browser);
  await opened.context.addInitScript(ARM_FAILURE);
  await opened.page.goto(baseUrl + pathname);
  await waitForReady(opened.page);
  return opened;
}

const failEngine = (page: Page, failure: Failure | null) =>
  page.evaluate(
    (f) => ((window as unknown as { __failEngine?: Failure | null }).__failEngine = f),
    failure,
  );

async function meldingenCount(page: Page): Promise<number> {
  await navigate(page, 'Overzicht', '/');
  return Number(await page.getAttribute('[data-testid="count-meldingen"]', 'data-value'));
}

async function chooseSignalenExport(page: Page): Promise<void> {
  await navigate(page, 'Gegevens', '/gegevens');
  await chooseImportFile(page, /^Meldingen/, path.join(FIXTURES, 'signalen-meldingen.csv'));
}

describe('een onverwachte fout', () => {
  it('while a file is read: a Dutch explanation, nothing changed, and the next try works', async () => {
    const { page, context, consoleErrors } = await open('/');
    const before = await meldingenCount(page);

    await failEngine(page, { pattern: '^REGISTER_FILE_(BUFFER|HANDLE)$', once: true });
    await chooseSignalenExport(page);
    const alert = page.getByTestId('import-error');
    const text = (await alert.textContent()) ?? '';
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(text).toMatch(/Er is niets gewijzigd/);
    expect(text).toMatch(/opnieuw/);
    expect(text).not.toMatch(TECHNICAL);
    // The technical detail is kept for whoever investigates: in the console.
    expect(consoleErrors.join('\n')).toMatch(/t is not iterable/);
    expect(await meldingenCount(page)).toBe(before);

    // The engine is unharmed: the same file is read and imported straight after.
    await chooseSignalenExport(page);
    expect(await page.getByTestId('import-error').count()).toBe(0);
    await page.getByRole('radio', { name: /^Overslaan/ }).check();
    await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    await page.waitForSelector('[data-testid="import-report"], [data-testid="import-error"]');
    await waitForReady(page);
    expect(await page.getByTestId('import-report').count()).toBe(1);
    expect(await meldingenCount(page)).toBeGreaterThan(before);
    await context.close();
  });

  it('while a view computes: the view says so in Dutch, without the English text', async () => {
    const { page, context } = await open('/');
    // Every query fails while the view computes: whichever it runs first.
    await failEngine(page, { pattern: 'QUERY|PREPARED', once: false });
    await navigate(page, 'Tijden', '/tijden');
    const alerts = (await page.getByRole('alert').allTextContents()).join('\n');
    expect(alerts).toMatch(/onverwachte fout/);
    expect(alerts).not.toMatch(TECHNICAL);
    await failEngine(page, null);
    await context.close();
  });
});
