/**
 * Steps and Annuleren on Gegevens, in real Chromium: a record import shows its steps, a
 * cancel during it leaves the earlier data as it was (also after a reload, from the saved
 * workspace), and the same file imports fine afterwards; a cancel at the final step is
 * refused. Reading and importing a boundary file, a workspace restore and making a
 * publication show their steps and cancel too.
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

/** The hold is reached before the screen has drawn the step it holds: waits for both. */
async function heldAndDrawn(page: Page, testid: string, at: string): Promise<void> {
  await held(page);
  await page.waitForSelector(
    `[data-testid="${testid}-progress"] li[data-step="${at}"][data-state="bezig"]`,
    { state: 'attached' },
  );
}

/** Starts an operation with `start`, held at step `at`; then the states of its steps. */
async function startHeld(page: Page, testid: string, at: string, start: () => Promise<unknown>) {
  await holdAt(page, at);
  await start();
  await heldAndDrawn(page, testid, at);
  return stepStates(page, testid);
}

/** Presses the screen's Annuleren and waits until the page says so and is ready again. */
async function cancelHeld(page: Page, testid: string): Promise<string | null> {
  await page.getByTestId(`${testid}-cancel`).click();
  await page.waitForSelector(`[data-testid="${testid}-status"]:has-text("geannuleerd")`);
  await waitForReady(page);
  return page.getByTestId(`${testid}-status`).textContent();
}

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
    await heldAndDrawn(page, 'import', 'locate');
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
    await heldAndDrawn(page, 'import', 'save');
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

/** The stored boundaries and where every record is placed, as counts and hashes. */
const boundaries = (page: Page) =>
  page.evaluate(
    `window.__wijkradar.query({ sql: "SELECT (SELECT count(*) FROM areas)::INTEGER AS areas, (SELECT sum(hash(code, level, name, parent, geometry))::VARCHAR FROM areas) AS area_hash, (SELECT sum(hash(id, buurtcode, wijkcode))::VARCHAR FROM incidents) AS placed, (SELECT count(*) FROM incidents WHERE wijkcode IS NOT NULL)::INTEGER AS in_wijk" }).then((r) => ({ ...r[0] }))`,
  ) as Promise<Record<string, unknown>>;

describe('a boundary file with steps and Annuleren', () => {
  const WIJKEN = path.join(FIXTURES, 'wijken-rd-oud-cbs.geojson');

  it('shows the steps of reading the file and cancels there: nothing is read', async () => {
    const { page } = session;
    await page.getByRole('radio', { name: /^Gebiedsgrenzen/ }).check();
    // Choosing the kind reads the file still chosen (the meldingen) again, as boundaries:
    // that read must be over before the boundary file is chosen and held.
    await waitForReady(page);
    const states = await startHeld(page, 'import', 'areas', () =>
      page.locator('#import-bestand').setInputFiles(WIJKEN),
    );
    expect(states).toEqual({
      read: 'klaar',
      areas: 'bezig',
      fields: 'wacht',
    });
    expect(
      await page.getByRole('progressbar', { name: 'Voortgang' }).getAttribute('aria-valuetext'),
    ).toBe('Stap 2 van 3: Gebieden herkennen');
    expect(await cancelHeld(page, 'import')).toBe(
      'Het lezen van ‘wijken-rd-oud-cbs.geojson’ is geannuleerd; er is niets gewijzigd.',
    );
    expect(await page.getByTestId('import-progress').count()).toBe(0);
    // Nothing of the file was kept: there is nothing to import.
    expect(await page.getByRole('button', { name: 'Inlezen', exact: true }).count()).toBe(0);
  });

  it('cancels the import while records are placed anew: boundaries and places stay', async () => {
    const { page } = session;
    const before = await boundaries(page);
    expect(before.in_wijk).toBeGreaterThan(0);
    await page.locator('#import-bestand').setInputFiles([]);
    await page.locator('#import-bestand').setInputFiles(WIJKEN);
    await page.waitForSelector('[data-testid="import-status"]:has-text("gelezen:")');
    await waitForReady(page);
    const states = await startHeld(page, 'import', 'assign', () =>
      page.getByRole('button', { name: 'Inlezen', exact: true }).click(),
    );
    expect(states).toEqual({
      parse: 'klaar',
      replace: 'klaar',
      hierarchy: 'klaar',
      assign: 'bezig',
      save: 'wacht',
    });
    expect(await page.getByTestId('import-progress').textContent()).toContain(
      'Registraties opnieuw indelen',
    );
    expect(await cancelHeld(page, 'import')).toBe(
      'Het inlezen is geannuleerd; er is niets gewijzigd: de opgeslagen gegevens zijn zoals ze waren.',
    );
    expect(await page.getByTestId('area-report').count()).toBe(0);
    expect(await boundaries(page)).toEqual(before);
    await page.reload();
    await waitForReady(page);
    expect(await boundaries(page)).toEqual(before);
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

    const states = await startHeld(page, 'workspace', 'tables', () =>
      page.getByLabel('Werkruimte herstellen').setInputFiles(file),
    );
    expect(states).toEqual({
      read: 'klaar',
      check: 'klaar',
      tables: 'bezig',
      personal_data: 'wacht',
      save: 'wacht',
    });
    expect(await cancelHeld(page, 'workspace')).toMatch(
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
    const states = await startHeld(page, 'publish', 'zip', () =>
      page.getByRole('button', { name: 'Publicatie maken' }).click(),
    );
    expect(states).toEqual({
      records: 'klaar',
      reference: 'klaar',
      zip: 'bezig',
      download: 'wacht',
    });
    expect(await cancelHeld(page, 'publish')).toContain('geannuleerd');
    expect(downloads).toBe(0);
    expect(session.consoleErrors).toEqual([]);
  });
});
