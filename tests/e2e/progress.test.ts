/**
 * Steps and Annuleren on Gegevens, in real Chromium: a record import shows its steps, a
 * cancel during it leaves the earlier data as it was (also after a reload, from the saved
 * workspace), and the same file imports fine afterwards; a cancel at the final step is
 * refused. A workspace restore and making a publication show their steps and cancel too.
 *
 * Deterministic: the page holds an operation when it starts a named step
 * (src/lib/state/shared/step-hold.ts); the test cancels or releases it there.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  chooseImportFile,
  launchBrowser,
  openPage,
  runAxe,
  waitForReady,
  type RecordedPage,
} from './browser';

const baseUrl = inject('baseUrl');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const MELDINGEN = path.join(FIXTURES, 'meldingen-xy-verwisseld.csv');

let browser: Browser;
let session: RecordedPage;

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openPage(browser);
  await session.page.goto(`${baseUrl}/gegevens`);
  await waitForReady(session.page);
});
afterAll(async () => {
  await browser?.close();
});

/** Holds the next operation that starts step `at` (until cancelled or released). */
const holdAt = (page: Page, at: string) =>
  page.evaluate((step) => {
    (window as unknown as { __wijkradarHold: unknown }).__wijkradarHold = { at: step };
  }, at);

const held = (page: Page) =>
  page.waitForFunction(
    () =>
      (window as unknown as { __wijkradarHold?: { reached?: boolean } }).__wijkradarHold?.reached,
  );

const release = (page: Page) =>
  page.evaluate(() =>
    (window as unknown as { __wijkradarHold: { release: () => void } }).__wijkradarHold.release(),
  );

const stepStates = (page: Page, testid: string) =>
  page
    .locator(`[data-testid="${testid}-progress"] li`)
    .evaluateAll((items) =>
      Object.fromEntries(
        items.map((li) => [li.getAttribute('data-step'), li.getAttribute('data-state')]),
      ),
    );

const counts = (page: Page) =>
  page.evaluate(
    `window.__wijkradar.query({ sql: "SELECT (SELECT count(*) FROM incidents)::INTEGER AS incidents, (SELECT count(*) FROM meldingen)::INTEGER AS meldingen, (SELECT count(*) FROM areas)::INTEGER AS areas" }).then((r) => ({ ...r[0] }))`,
  ) as Promise<Record<string, number>>;

async function startImport(page: Page): Promise<void> {
  await page.getByRole('radio', { name: /^Overslaan/ }).check();
  await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
}

describe('a record import with steps and Annuleren', () => {
  let before: Record<string, number>;

  it('imports a first file, saved in this browser', async () => {
    const { page } = session;
    await chooseImportFile(page, /^Incidenten/, path.join(FIXTURES, 'incidenten-rd-1252.csv'));
    await startImport(page);
    await page.getByTestId('import-report').waitFor();
    await waitForReady(page);
    before = await counts(page);
  });

  it('shows the steps of the import and cancels at one, by keyboard: nothing changes', async () => {
    const { page } = session;
    await chooseImportFile(page, /^Meldingen/, MELDINGEN);
    await holdAt(page, 'locate');
    await startImport(page);
    await held(page);
    expect(await stepStates(page, 'import')).toEqual({
      personal_data: 'klaar',
      convert: 'klaar',
      locate: 'bezig',
      finalize: 'wacht',
      save: 'wacht',
    });
    const bar = page.getByRole('progressbar', { name: 'Voortgang' });
    expect(await bar.getAttribute('aria-valuetext')).toBe('Stap 3 van 5: Gebieden toekennen');
    expect(await page.getByTestId('import-status').textContent()).toContain('Gebieden toekennen');
    expect(await page.getByTestId('import-status').getAttribute('role')).toBe('status');
    expect(await runAxe(page)).toEqual([]);

    await page.getByRole('button', { name: 'Annuleren' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="import-status"]:has-text("geannuleerd")');
    await waitForReady(page);
    expect(await page.getByTestId('import-status').textContent()).toBe(
      'Het inlezen is geannuleerd; er is niets gewijzigd: de opgeslagen gegevens zijn zoals ze waren.',
    );
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    expect(await page.getByTestId('import-error').count()).toBe(0);
    expect(await page.getByTestId('import-report').count()).toBe(0);
    expect(await counts(page)).toEqual(before);
  });

  it('keeps the earlier data after a reload (the saved workspace is unchanged)', async () => {
    const { page } = session;
    await page.reload();
    await waitForReady(page);
    expect(await counts(page)).toEqual(before);
  });

  it('imports the same file afterwards; a cancel at the save is refused and the import ends', async () => {
    const { page } = session;
    await chooseImportFile(page, /^Meldingen/, MELDINGEN);
    await holdAt(page, 'save');
    await startImport(page);
    await held(page);
    // Marked unavailable (aria-disabled) but still focusable: pressing it says why.
    const cancel = page.getByRole('button', { name: 'Annuleren' });
    expect(await cancel.getAttribute('aria-disabled')).toBe('true');
    await cancel.focus();
    await page.keyboard.press('Enter');
    await page.getByTestId('import-finishing').waitFor();
    expect(await page.getByTestId('import-finishing').textContent()).toContain(
      'annuleren kan nu niet meer',
    );
    await release(page);
    await page.getByTestId('import-report').waitFor();
    await waitForReady(page);
    expect(Number(await page.getByTestId('report-accepted').getAttribute('data-value'))).toBe(6);
    expect(await counts(page)).toEqual({ ...before, meldingen: before.meldingen + 6 });
    before = await counts(page);
  });
});

describe('a workspace restore and a publication with steps', () => {
  it('shows the restore’s steps; cancelled, nothing changes; then it restores', async () => {
    const { page } = session;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Werkruimte exporteren' }).click(),
    ]);
    const file = (await download.path())!;
    await waitForReady(page);
    const current = await counts(page);

    await holdAt(page, 'tables');
    await page.getByLabel('Werkruimte herstellen').setInputFiles(file);
    await held(page);
    expect(await stepStates(page, 'workspace')).toEqual({
      read: 'klaar',
      check: 'klaar',
      tables: 'bezig',
      personal_data: 'wacht',
      save: 'wacht',
    });
    await page.getByTestId('workspace-cancel').click();
    await page.waitForSelector('[data-testid="workspace-status"]:has-text("geannuleerd")');
    await waitForReady(page);
    expect(await page.getByTestId('workspace-status').textContent()).toMatch(
      /^Het herstellen van ‘.+’ is geannuleerd; er is niets gewijzigd\.$/,
    );
    expect(await counts(page)).toEqual(current);

    await page.getByLabel('Werkruimte herstellen').setInputFiles(file);
    await page.waitForSelector('[data-testid="workspace-status"]:has-text("is hersteld")');
    await waitForReady(page);
    expect(await counts(page)).toEqual(current);
  });

  it('shows the publication’s steps and cancels it before anything is downloaded', async () => {
    const { page } = session;
    let downloads = 0;
    page.on('download', () => downloads++);
    await holdAt(page, 'zip');
    await page.getByRole('button', { name: 'Publicatie maken' }).click();
    await held(page);
    expect(await stepStates(page, 'publish')).toEqual({
      records: 'klaar',
      reference: 'klaar',
      zip: 'bezig',
      download: 'wacht',
    });
    await page.getByTestId('publish-cancel').click();
    await page.waitForSelector('[data-testid="publish-status"]:has-text("geannuleerd")');
    await waitForReady(page);
    expect(downloads).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });
});
