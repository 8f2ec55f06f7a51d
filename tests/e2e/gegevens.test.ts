/**
 * The Gegevens screen as an analyst uses it, in real Chromium against the built app:
 * exports read through the file input, the mapping and preview, the import report and the
 * rejected-rows download, persistence across reloads, workspace export → restore in a
 * fresh profile, removing the demo, and bad files that must end in a Dutch alert without
 * changing anything. The tests of one describe share a browser context, in order.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { Table as WasmTable, writeParquet } from 'parquet-wasm/node';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { readTruth, type Truth } from '../helpers/demo-node';
import {
  launchBrowser,
  navigate,
  openPage,
  runAxe,
  waitForReady,
  type RecordedPage,
} from './browser';

const baseUrl = inject('baseUrl');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
const COUNTED = [
  'incidents',
  'meldingen',
  'visits',
  'areas',
  'buildings',
  'watch_locations',
  'interventions',
];

let browser: Browser;
let truth: Truth;
let demoCounts: Record<string, number>;
let downloads: string;

beforeAll(async () => {
  truth = await readTruth();
  browser = await launchBrowser();
  downloads = await mkdtemp(path.join(tmpdir(), 'wijkradar-gegevens-'));
});

afterAll(async () => {
  await browser?.close();
  if (downloads) await rm(downloads, { recursive: true, force: true });
});

/** A fresh profile on the given path, ready; page errors (uncaught exceptions) recorded. */
async function open(pathname: string): Promise<RecordedPage & { pageErrors: string[] }> {
  const opened = await openPage(browser);
  const pageErrors: string[] = [];
  opened.page.on('pageerror', (error) => pageErrors.push(error.message));
  await opened.page.goto(baseUrl + pathname);
  await waitForReady(opened.page);
  return { ...opened, pageErrors };
}

/** The record counts as the start page shows them (through the navigation, no reload). */
async function overviewCounts(page: Page): Promise<Record<string, number>> {
  if (new URL(page.url()).pathname !== '/') await navigate(page, 'Overzicht', '/');
  const counts: Record<string, number> = {};
  for (const table of COUNTED) {
    counts[table] = Number(await page.getAttribute(`[data-testid="count-${table}"]`, 'data-value'));
  }
  return counts;
}

const plus = (counts: Record<string, number>, add: Record<string, number>) =>
  Object.fromEntries(Object.entries(counts).map(([t, n]) => [t, n + (add[t] ?? 0)]));

/** Chooses the kind and a file; resolves when it is read (summary or alert shown, ready). */
async function readFileAs(
  page: Page,
  kind: RegExp,
  file: string | { name: string; mimeType: string; buffer: Buffer },
): Promise<void> {
  await page.getByRole('radio', { name: kind }).check();
  // A new kind reads the chosen file again: wait until that is done.
  await page.waitForFunction(
    () =>
      document.documentElement.dataset.ready === 'true' &&
      !(document.querySelector('#import-bestand') as HTMLInputElement).disabled,
  );
  await page
    .locator('#import-bestand')
    .setInputFiles(typeof file === 'string' ? path.join(FIXTURES, file) : file);
  await page.waitForFunction(
    (name) =>
      document.querySelector('[data-testid="import-file-name"]')?.textContent === name &&
      document.documentElement.dataset.ready === 'true' &&
      document.querySelector('[data-testid="file-summary"], [data-testid="import-error"]') !== null,
    typeof file === 'string' ? file : file.name,
  );
}

async function importWith(page: Page, duplicates: 'Overslaan' | 'Vervangen'): Promise<void> {
  await page.getByRole('radio', { name: new RegExp(`^${duplicates}`) }).check();
  await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await page.waitForSelector('[data-testid="import-report"], [data-testid="import-error"]');
  await waitForReady(page);
}

const reportValue = async (page: Page, id: string) =>
  Number(await page.getAttribute(`[data-testid="${id}"]`, 'data-value'));

describe('inlezen, bewaren en herstellen', () => {
  let session: Awaited<ReturnType<typeof open>>;
  let afterImports: Record<string, number>;
  let workspaceFile: string;

  beforeAll(async () => {
    session = await open('/');
    demoCounts = await overviewCounts(session.page);
    await navigate(session.page, 'Gegevens', '/gegevens');
  });

  it('shows the Donderdeel counts of the truth file before any import', () => {
    expect(demoCounts.incidents).toBe(truth.counts.incidents);
    expect(demoCounts.meldingen).toBe(truth.counts.meldingen);
    expect(demoCounts.visits).toBe(truth.counts.visits);
  });

  it('imports a Signalen export: refused columns named, 6 stored, 5 rejected with reasons', async () => {
    const { page } = session;
    await readFileAs(page, /^Meldingen/, 'signalen-meldingen.csv');
    const refused = page.getByTestId('refused-columns');
    await expect(refused.locator('li[data-column="text"]').textContent()).resolves.toContain(
      'vrije tekst',
    );
    await expect(
      refused.locator('li[data-column="reporter_email"]').textContent(),
    ).resolves.toContain('e-mailadres');
    // A refused column cannot be chosen in the mapping.
    const option = page.locator('#koppeling-status option', { hasText: 'reporter_email' });
    expect(await option.isDisabled()).toBe(true);
    // The preview shows the first ten rows as stored, with the reason of a rejected row.
    const preview = page.getByTestId('preview-table');
    expect(await preview.locator('tbody tr').count()).toBe(10);
    await expect(preview.locator('tbody tr').nth(3).textContent()).resolves.toContain(
      'Registratienummer ontbreekt',
    );
    expect(await preview.textContent()).not.toContain('@example');
    expect(await runAxe(page)).toEqual([]);

    // The duplicate policy is an explicit choice: no import before it is made.
    const button = page.getByRole('button', { name: 'Inlezen', exact: true });
    expect(await button.isDisabled()).toBe(true);
    await page.getByLabel('Bronsysteem', { exact: true }).fill('Signalen');
    await page.getByRole('radio', { name: /^Overslaan/ }).check();
    await page.getByRole('button', { name: 'Opslaan als profiel' }).click();
    await page.waitForSelector(
      '[data-testid="import-status"]:has-text("Profiel ‘Signalen’ opgeslagen")',
    );
    await waitForReady(page);
    await importWith(page, 'Overslaan');

    expect(await reportValue(page, 'report-accepted')).toBe(6);
    expect(await reportValue(page, 'report-rejected')).toBe(5);
    const reasons = await page.getByTestId('report-reasons').locator('tbody tr').allTextContents();
    for (const reason of [
      'Registratienummer ontbreekt',
      'Voorval tot ligt vóór voorval vanaf',
      'Dubbel registratienummer in dit bestand',
      'Locatie buiten de gemeente',
      'Coördinaten onleesbaar',
    ]) {
      expect(reasons.some((row) => row.includes(reason) && row.trim().endsWith('1'))).toBe(true);
    }
    const report = page.getByTestId('import-report');
    expect(await report.textContent()).toContain('nieuwe-hoofdcategorie / onbekend-onderwerp');
    expect(await report.locator('[data-testid="refused-columns"] li').count()).toBe(2);
  });

  it('downloads every rejected row with its reason and without the e-mail addresses', async () => {
    const { page } = session;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Afgewezen rijen downloaden (CSV)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('afgewezen-signalen-meldingen.csv');
    const csv = (await readFile((await download.path())!, 'utf8')).replace(/^\ufeff/, '');
    const lines = csv.trim().split('\r\n');
    expect(lines).toHaveLength(6);
    expect(lines[0]).toMatch(/^rij;reden;/);
    expect(csv).toContain('Registratienummer ontbreekt');
    expect(csv).toContain('SIG-1011');
    expect(csv).toContain('SIG-1008');
    expect(csv).not.toMatch(/@/);
  });

  it('is accessible with the report shown', async () => {
    expect(await runAxe(session.page)).toEqual([]);
  });

  it('raises the meldingen count on the start page by 6', async () => {
    const counts = await overviewCounts(session.page);
    expect(counts).toEqual(plus(demoCounts, { meldingen: 6 }));
    await navigate(session.page, 'Gegevens', '/gegevens');
  });

  it('imports the BOA export: Windows-1252 and RD New detected, 6 stored', async () => {
    const { page } = session;
    await readFileAs(page, /^Incidenten/, 'incidenten-rd-1252.csv');
    expect(await page.getByTestId('file-encoding').textContent()).toContain('Windows-1252');
    expect(await page.getByTestId('file-delimiter').textContent()).toContain('puntkomma');
    expect(await page.getByTestId('file-crs').textContent()).toContain('RD New (EPSG:28992)');
    expect(
      await page.getByTestId('refused-columns').locator('li[data-column="Opmerking"]').count(),
    ).toBe(1);
    await importWith(page, 'Overslaan');
    expect(await reportValue(page, 'report-accepted')).toBe(6);
    expect(await reportValue(page, 'report-rejected')).toBe(3);
    expect(await page.getByTestId('report-dst').textContent()).toContain('1 tijdstip');
    const listed = await page.getByTestId('datasets').locator('tbody tr').allTextContents();
    expect(listed.some((row) => row.startsWith('incidenten-rd-1252.csv'))).toBe(true);
    expect(listed.some((row) => row.startsWith('signalen-meldingen.csv'))).toBe(true);
  });

  it('keeps the imports after a reload', async () => {
    const { page } = session;
    await page.reload();
    await waitForReady(page);
    afterImports = await overviewCounts(page);
    expect(afterImports).toEqual(plus(demoCounts, { meldingen: 6, incidents: 6 }));
    await navigate(page, 'Gegevens', '/gegevens');
  });

  it('shows only the demo in a fresh profile', async () => {
    const fresh = await open('/');
    expect(await overviewCounts(fresh.page)).toEqual(demoCounts);
    await fresh.context.close();
  });

  it('exports the workspace and restores it in a fresh profile, profiles included', async () => {
    const { page } = session;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Werkruimte exporteren' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(
      /^wijkradar-werkruimte-\d{4}-\d{2}-\d{2}\.wijkradar$/,
    );
    workspaceFile = path.join(downloads, download.suggestedFilename());
    await download.saveAs(workspaceFile);
    await waitForReady(page);

    const other = await open('/gegevens');
    await other.page.getByLabel('Werkruimte herstellen').setInputFiles(workspaceFile);
    await other.page.waitForSelector('[data-testid="workspace-status"]:has-text("is hersteld")');
    await waitForReady(other.page);
    // The saved profile came along: the same export is mapped with it at once.
    await readFileAs(other.page, /^Meldingen/, 'signalen-meldingen.csv');
    expect(await other.page.getByTestId('import-status').textContent()).toContain(
      'profiel ‘Signalen’ toegepast',
    );
    expect(await other.page.getByLabel('Profiel', { exact: true }).inputValue()).toBe('Signalen');
    expect(await overviewCounts(other.page)).toEqual(afterImports);
    expect(other.pageErrors).toEqual([]);
    await other.context.close();
  });

  it('deletes a saved mapping profile after confirmation, by keyboard, and it stays deleted', async () => {
    const { page } = session;
    const row = page.locator('[data-testid="profiles"] tr[data-profile="Signalen"]');
    expect(await row.count()).toBe(1);
    // Keyboard only: the delete button asks first, with the focus on the safe answer.
    await page.getByRole('button', { name: 'Profiel Signalen verwijderen' }).focus();
    await page.keyboard.press('Enter');
    const question = page.getByRole('group', {
      name: 'Verwijderen van profiel Signalen bevestigen',
    });
    expect(await question.textContent()).toContain('Profiel ‘Signalen’ verwijderen?');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Annuleren',
    );
    expect(await runAxe(page)).toEqual([]);
    await page.keyboard.press('Enter');
    expect(await row.count()).toBe(1);

    await page.getByRole('button', { name: 'Profiel Signalen verwijderen' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Ja, verwijderen',
    );
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid="profiles-status"]:has-text("is verwijderd")');
    await waitForReady(page);
    expect(await page.getByTestId('profiles-empty').count()).toBe(1);

    // Saved in this browser: after a reload the profile is still gone, the data still there.
    await page.reload();
    await waitForReady(page);
    expect(await page.getByTestId('profiles-empty').count()).toBe(1);
    expect(await overviewCounts(page)).toEqual(afterImports);
    await navigate(page, 'Gegevens', '/gegevens');
  });

  it('removes the demo dataset after confirmation and keeps the imports', async () => {
    const { page } = session;
    await page.getByRole('button', { name: 'Demogemeente Donderdeel verwijderen' }).click();
    // The question takes the focus, on the safe answer.
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe(
      'Annuleren',
    );
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.waitForSelector('[data-testid="datasets-status"]:has-text("is verwijderd")');
    await waitForReady(page);
    expect(await page.locator('[data-testid="datasets"] tr[data-dataset="demo"]').count()).toBe(0);
    const counts = await overviewCounts(page);
    expect(counts).toEqual({
      incidents: 6,
      meldingen: 6,
      visits: 0,
      areas: 0,
      buildings: 0,
      watch_locations: 0,
      interventions: 0,
    });
    expect(session.pageErrors).toEqual([]);
    await session.context.close();
  });
});

describe('slechte bestanden', () => {
  it('answers an empty, a random and a truncated file with a Dutch alert and changes nothing', async () => {
    const { page, context, pageErrors } = await open('/');
    const before = await overviewCounts(page);
    await navigate(page, 'Gegevens', '/gegevens');
    const alert = page.getByTestId('import-error');

    await readFileAs(page, /^Incidenten/, {
      name: 'leeg.csv',
      mimeType: 'text/csv',
      buffer: Buffer.alloc(0),
    });
    expect(await alert.getAttribute('role')).toBe('alert');
    expect(await alert.textContent()).toContain('Het bestand is leeg.');

    let seed = 20261123;
    const random = Buffer.from(
      Array.from({ length: 4096 }, () => {
        seed = (seed * 1103515245 + 12345) & 0x7fffffff;
        return seed >> 16;
      }),
    );
    await readFileAs(page, /^Meldingen/, {
      name: 'export.csv',
      mimeType: 'text/csv',
      buffer: random,
    });
    expect(await alert.textContent()).toContain('Dit is geen tekstbestand');
    expect(await page.getByTestId('file-summary').count()).toBe(0);
    expect(await page.getByTestId('import-report').count()).toBe(0);

    // A workspace cut off halfway: refused before anything is replaced.
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Werkruimte exporteren' }).click(),
    ]);
    const whole = await readFile((await download.path())!);
    const truncated = path.join(downloads, 'afgebroken.wijkradar');
    await writeFile(truncated, whole.subarray(0, Math.floor(whole.length / 2)));
    await waitForReady(page);
    await page.getByLabel('Werkruimte herstellen').setInputFiles(truncated);
    const workspaceAlert = page.getByTestId('workspace-error');
    await workspaceAlert.waitFor();
    await waitForReady(page);
    expect(await workspaceAlert.getAttribute('role')).toBe('alert');
    expect(await workspaceAlert.textContent()).toMatch(/werkruimte/i);

    expect(await overviewCounts(page)).toEqual(before);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('Parquet en gebiedsgrenzen', () => {
  it('imports visits from Parquet and wijken from a CBS GeoJSON in RD', async () => {
    const { page, context, pageErrors, requests } = await open('/gegevens');
    // Three visits as another tool writes them; the third has an unreadable start.
    const table = tableFromArrays({
      bezoeknummer: ['B-1', 'B-2', 'B-3'],
      begin: ['2026-05-01 21:00:00', '2026-05-02 22:15:00', 'gisteren'],
      soort: ['surveillance', 'controle', 'surveillance'],
      lon: Float64Array.from([6.19251, 6.21808, 6.2284]),
      lat: Float64Array.from([52.06491, 52.05468, 52.06249]),
    });
    const parquet = writeParquet(WasmTable.fromIPCStream(tableToIPC(table, 'stream')));
    await readFileAs(page, /^Bezoeken/, {
      name: 'bezoeken.parquet',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from(parquet),
    });
    expect(await page.getByTestId('file-format').textContent()).toBe('Parquet');
    await importWith(page, 'Overslaan');
    expect(await reportValue(page, 'report-accepted')).toBe(2);
    expect(await page.getByTestId('report-reasons').textContent()).toContain(
      'Begin bezoek onleesbaar',
    );

    await page.getByRole('radio', { name: /^Gebiedsgrenzen/ }).check();
    await page
      .locator('#import-bestand')
      .setInputFiles(path.join(FIXTURES, 'wijken-rd-oud-cbs.geojson'));
    await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
    await page.waitForSelector('[data-testid="area-report"], [data-testid="import-error"]');
    await waitForReady(page);
    const report = page.getByTestId('area-report');
    expect(await reportValue(page, 'area-accepted')).toBe(3);
    expect(await report.textContent()).toContain('RD New (EPSG:28992)');
    expect(await report.textContent()).toContain('Gebiedscode ontbreekt');
    const origin = new URL(baseUrl).origin;
    expect(requests.filter((url) => !/^(blob|data):/.test(url) && !url.startsWith(origin))).toEqual(
      [],
    );
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('thema-indeling', () => {
  it('saves an added row, keeps it after a reload and applies it to the next import', async () => {
    const { page, context, pageErrors } = await open('/gegevens');
    const table = page.getByTestId('theme-mapping');
    const n = (await table.locator('tbody tr').count()) + 1;
    await page.getByRole('button', { name: 'Regel toevoegen' }).click();
    await page.getByRole('button', { name: 'Thema-indeling opslaan' }).click();
    expect(await page.getByTestId('themes-error').textContent()).toContain(
      `Regel ${n}: vul de hoofdcategorie in.`,
    );
    await page
      .getByLabel(`Hoofdcategorie, regel ${n}`, { exact: true })
      .fill('nieuwe-hoofdcategorie');
    await page.getByLabel(`Thema, regel ${n}`, { exact: true }).selectOption('afval');
    await page.getByRole('button', { name: 'Thema-indeling opslaan' }).click();
    await page.waitForSelector('[data-testid="themes-status"]:has-text("is opgeslagen")');
    await waitForReady(page);

    await page.reload();
    await waitForReady(page);
    expect(await table.locator('tbody tr').count()).toBe(n);
    const mains = await table
      .locator('input[aria-label^="Hoofdcategorie"]')
      .evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
    expect(mains).toContain('nieuwe-hoofdcategorie');

    // The category the Signalen export had no theme for is now covered.
    await readFileAs(page, /^Meldingen/, 'signalen-meldingen.csv');
    await importWith(page, 'Overslaan');
    expect(await reportValue(page, 'report-accepted')).toBe(6);
    expect(await page.getByTestId('report-unmapped').count()).toBe(0);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('exports zoals ze echt zijn', () => {
  it('maps the categories without a theme before the import, and imports them so', async () => {
    const { page, context, pageErrors } = await open('/gegevens');
    await readFileAs(page, /^Incidenten/, 'incidenten-nederlandse-labels.csv');
    const unmapped = page.getByTestId('unmapped-categories');
    const listed = await unmapped
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => row.getAttribute('data-category')));
    expect(listed).toEqual(['Graffiti', 'Wildplassen']);
    expect(await reportValue(page, 'unmapped-open')).toBe(3);
    await unmapped.getByLabel('Wildplassen', { exact: true }).selectOption('woonoverlast');
    await page.waitForSelector('[data-testid="unmapped-open"][data-value="2"]');
    expect(await runAxe(page)).toEqual([]);
    await importWith(page, 'Overslaan');
    expect(await reportValue(page, 'report-accepted')).toBe(12);
    const left = await page.getByTestId('report-unmapped').textContent();
    expect(left).toContain('Graffiti');
    expect(left).not.toContain('Wildplassen');
    expect(pageErrors).toEqual([]);
    await context.close();
  });

  it('proposes "niet uniek" for a location number and counts swapped coordinates', async () => {
    const { page, context, pageErrors } = await open('/gegevens');
    await readFileAs(page, /^Incidenten/, 'incidenten-locatienummer.csv');
    const policy = page.getByTestId('id-policy');
    const generated = policy.getByRole('radio', { name: /^Niet uniek/ });
    expect(await generated.isChecked()).toBe(true);
    // The preview shows the ids as they will be stored, for either choice.
    const firstId = page
      .getByTestId('preview-table')
      .locator('tbody tr')
      .first()
      .locator('td')
      .first();
    expect(await firstId.textContent()).toMatch(/^[0-9a-f]{8}-1$/);
    await policy.getByRole('radio', { name: /^Uniek/ }).check();
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="preview-table"] tbody td')?.textContent === 'L-0001',
    );
    await generated.check();
    await page.waitForFunction(() =>
      /-1$/.test(
        document.querySelector('[data-testid="preview-table"] tbody td')?.textContent ?? '',
      ),
    );
    await waitForReady(page);
    await importWith(page, 'Overslaan');
    expect(await reportValue(page, 'report-accepted')).toBe(11);
    expect(await page.getByTestId('report-reasons').textContent()).toContain('Dubbele rij');
    expect(await page.getByTestId('report-ids').count()).toBe(1);

    await readFileAs(page, /^Meldingen/, 'meldingen-xy-verwisseld.csv');
    await importWith(page, 'Overslaan');
    expect(await reportValue(page, 'report-accepted')).toBe(6);
    expect(await page.getByTestId('report-swapped').textContent()).toMatch(/^\s*2 opgeslagen/);
    expect(pageErrors).toEqual([]);
    await context.close();
  });
});

describe('toegankelijkheid', () => {
  it('has no axe violations in the initial state', async () => {
    const { page, context } = await open('/gegevens');
    expect(await page.locator('h1').textContent()).toBe('Gegevens');
    expect(await runAxe(page)).toEqual([]);
    await context.close();
  });
});
