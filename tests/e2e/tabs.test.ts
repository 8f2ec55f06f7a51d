/**
 * Several tabs of one browser profile (issue 27, items 4 and 11), in real Chromium: tab A
 * imports incidents, tab B — opened before that import and deaf to the other tabs' news,
 * as a tab that missed the message — imports meldingen, tab C only listens. No row of either import is lost after a reload, B says it read A's data in
 * before it saved, C reads every save in, and "opgeslagen" appears only once the stored
 * snapshot holds the import.
 */
import path from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, scaled, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');

let browser: Browser;
let context: BrowserContext;
let tabA: Page;
let tabB: Page;
let tabC: Page;
let demo: Counts;

type Counts = { incidents: number; meldingen: number };

/**
 * In tab A: the moment the import's status says "opgeslagen", read what IndexedDB holds
 * (the stored incident count), before the app can do anything else.
 */
function recordStoredAtMessage(): void {
  const w = window as unknown as { __storedAtMessage?: number | null | 'pending' };
  const readStored = () =>
    new Promise<number | null>((resolve) => {
      const open = indexedDB.open('wijkradar');
      // Never create the app's database here (it would lack its object store).
      open.onupgradeneeded = () => open.transaction?.abort();
      open.onerror = () => resolve(null);
      open.onsuccess = () => {
        const db = open.result;
        const get = db.transaction('snapshot', 'readonly').objectStore('snapshot').get('manifest');
        get.onsuccess = () => {
          db.close();
          resolve(get.result?.tables?.incidents ?? null);
        };
        get.onerror = () => resolve(null);
      };
    });
  new MutationObserver(() => {
    const text = document.querySelector('[data-testid="import-status"]')?.textContent ?? '';
    if (w.__storedAtMessage === undefined && /opgeslagen/i.test(text) && /rijen/.test(text)) {
      w.__storedAtMessage = 'pending';
      void readStored().then((n) => (w.__storedAtMessage = n));
    }
  }).observe(document, { subtree: true, childList: true, characterData: true });
}

async function counts(page: Page): Promise<Counts> {
  return page.evaluate(async () => {
    const handle = (window as unknown as { __wijkradar: { query(q: unknown): Promise<[Counts]> } })
      .__wijkradar;
    const [row] = await handle.query({
      sql: 'SELECT (SELECT count(*) FROM incidents) AS incidents, (SELECT count(*) FROM meldingen) AS meldingen',
    });
    return { incidents: Number(row.incidents), meldingen: Number(row.meldingen) };
  });
}

/** Reads a fixture as `kind` and imports it, skipping duplicates; resolves once saved. */
async function importFixture(page: Page, kind: RegExp, file: string): Promise<void> {
  await page.getByRole('radio', { name: kind }).check();
  await waitForReady(page);
  await page.locator('#import-bestand').setInputFiles(path.join(FIXTURES, file));
  await page.waitForSelector('[data-testid="file-summary"]', { timeout: scaled(60_000) });
  await waitForReady(page);
  await page.getByRole('radio', { name: /^Overslaan/ }).check();
  await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await page.waitForSelector('[data-testid="import-report"], [data-testid="import-error"]', {
    timeout: scaled(60_000),
  });
  await waitForReady(page);
}

const status = (page: Page) => page.getByTestId('import-status').textContent();
const notice = (page: Page) =>
  page
    .waitForSelector('[data-testid="tab-notice"]', { timeout: scaled(60_000) })
    .then((n) => n.textContent());

beforeAll(async () => {
  browser = await launchBrowser();
  ({ context, page: tabA } = await openPage(browser));
  await tabA.addInitScript(recordStoredAtMessage);
  tabB = await context.newPage();
  // B tells the other tabs of its saves but hears none of theirs (a missed message).
  await tabB.addInitScript(() =>
    Object.defineProperty(BroadcastChannel.prototype, 'onmessage', {
      get: () => null,
      set: () => undefined,
    }),
  );
  tabC = await context.newPage();
  // One after another: three engines starting at once would only slow each other down.
  for (const page of [tabA, tabB, tabC]) {
    await page.goto(baseUrl + '/gegevens');
    await waitForReady(page);
  }
  demo = await counts(tabA);
});

afterAll(async () => {
  await browser?.close();
});

describe('two tabs importing one after the other', () => {
  it('tab A says "opgeslagen" only once the stored snapshot holds its rows', async () => {
    await importFixture(tabA, /^Incidenten/, 'incidenten-rd-1252.csv');
    await tabA.waitForFunction(
      () => typeof (window as { __storedAtMessage?: unknown }).__storedAtMessage !== 'string',
    );
    const stored = await tabA.evaluate(
      () => (window as { __storedAtMessage?: number | null }).__storedAtMessage,
    );
    expect(stored).toBe(demo.incidents + 6);
    expect(await status(tabA)).toMatch(/^Opgeslagen: 6 rijen ingelezen, 3 afgewezen\./);
  });

  it('a listening tab reads the saved import in and says so', async () => {
    expect(await notice(tabC)).toContain('Een ander tabblad heeft gegevens opgeslagen');
    await waitForReady(tabC);
    expect(await counts(tabC)).toEqual({ ...demo, incidents: demo.incidents + 6 });
  });

  it('tab B, stale, reads A’s import in before it saves its own, and says so', async () => {
    expect(await counts(tabB)).toEqual(demo);
    await importFixture(tabB, /^Meldingen/, 'signalen-meldingen.csv');
    const said = await status(tabB);
    expect(said).toContain('Opgeslagen: 6 rijen ingelezen');
    expect(said).toContain('ander tabblad intussen had opgeslagen, is eerst ingelezen');
    expect(await notice(tabB)).toContain('Een ander tabblad had intussen gegevens opgeslagen');
    expect(await counts(tabB)).toEqual({
      incidents: demo.incidents + 6,
      meldingen: demo.meldingen + 6,
    });
  });

  it('keeps the rows of both imports after a reload: none lost', async () => {
    await tabA.reload();
    await waitForReady(tabA);
    const expected = { incidents: demo.incidents + 6, meldingen: demo.meldingen + 6 };
    expect(await counts(tabA)).toEqual(expected);
    // The listening tab read B's save in as well.
    await expect.poll(() => counts(tabC), { timeout: scaled(60_000) }).toEqual(expected);
  });
});
