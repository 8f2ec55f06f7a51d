/**
 * Issue 22, item 1: a new user sets up their own municipality from a fresh profile — the
 * first-start choice, one confirmation that removes the demo entirely, boundaries, then
 * records — and every view shows only that municipality, with its name in the header.
 * Fixtures: tests/fixtures/import/eigen-gemeente (README there).
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  chooseImportFile,
  launchBrowser,
  openPage,
  type RecordedPage,
  runAxe,
  scaled,
  waitForReady,
} from './browser';

const baseUrl = inject('baseUrl');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import/eigen-gemeente');

let browser: Browser;
let session: RecordedPage;
const pageErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  session = await openPage(browser);
  session.page.on('pageerror', (error) => pageErrors.push(error.message));
});
afterAll(async () => {
  await browser?.close();
});

async function importFile(page: Page, kind: RegExp, file: string): Promise<void> {
  await chooseImportFile(page, kind, path.join(FIXTURES, file));
  if (!kind.test('Gebiedsgrenzen')) await page.getByRole('radio', { name: /^Overslaan/ }).check();
  const problems = page.getByTestId('import-problems');
  if ((await problems.count()) > 0)
    throw new Error(`Niet in te lezen: ${await problems.textContent()}`);
  await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await page.waitForSelector(
    '[data-testid="area-report"], [data-testid="import-report"], [data-testid="import-error"]',
  );
  await waitForReady(page);
}

async function goTo(page: Page, label: string): Promise<void> {
  await page
    .getByRole('navigation', { name: 'Hoofdnavigatie' })
    .getByRole('link', { name: label, exact: true })
    .click();
  await waitForReady(page, scaled(120_000));
}

describe('eigen gemeente inrichten vanuit een leeg profiel', () => {
  it('offers the choice on first start and removes the demo after one confirmation', async () => {
    const { page } = session;
    await page.goto(baseUrl + '/');
    await waitForReady(page, scaled(120_000));
    const welcome = page.getByTestId('welcome');
    expect(await welcome.getByRole('button', { name: 'Demogemeente bekijken' }).count()).toBe(1);
    expect(await runAxe(page)).toEqual([]);
    await page.getByTestId('welcome-setup').click();
    await waitForReady(page, scaled(120_000));
    expect(page.url()).toContain('#eigen-gemeente');
    await page.getByTestId('own-start').click();
    // Cancel leaves everything as it was.
    await page.getByRole('button', { name: 'Annuleren', exact: true }).click();
    expect(await page.getByTestId('own-start').count()).toBe(1);
    await page.getByTestId('own-start').click();
    expect(await runAxe(page)).toEqual([]);
    await page.getByTestId('own-confirm-button').click();
    await page.waitForSelector(
      '[data-testid="own-status"]:has-text("De demogemeente is verwijderd")',
    );
    await waitForReady(page);
    expect(await page.getByTestId('own-steps').count()).toBe(1);
    expect(await page.getByTestId('datasets-empty').count()).toBe(1);
  });

  it('takes boundaries, then records, and shows the name in the header', async () => {
    const { page } = session;
    await importFile(page, /^Gebiedsgrenzen/, 'testdorp-gemeente.geojson');
    await importFile(page, /^Gebiedsgrenzen/, 'testdorp-wijken.geojson');
    await importFile(page, /^Gebiedsgrenzen/, 'testdorp-buurten.geojson');
    await importFile(page, /^Incidenten/, 'testdorp-incidenten.csv');
    expect(await page.locator('[data-testid="import-error"]').count()).toBe(0);
    expect(await page.getByTestId('import-report').textContent()).toMatch(/60/);
    expect(await page.getByTestId('dataset-badge').textContent()).toContain('Gemeente Testdorp');
    expect(await page.locator('[data-testid="own-steps"] li[data-done="true"]').count()).toBe(2);
  });

  it('says so in plain Dutch when a file lies mostly outside the municipality', async () => {
    const { page } = session;
    // Donderdeel's meldingen (tests/fixtures/import): every located row is outside Testdorp.
    await importFile(page, /^Meldingen/, '../signalen-meldingen.csv');
    expect(await page.getByTestId('import-error').textContent()).toMatch(
      /Dit bestand ligt grotendeels buiten de gemeente Testdorp.*Laad eerst de grenzen van uw gemeente/,
    );
  });

  it('every view shows only Testdorp after a reload', async () => {
    const { page } = session;
    await page.goto(baseUrl + '/');
    await waitForReady(page, scaled(120_000));
    expect(await page.getByTestId('welcome').count()).toBe(0);
    expect(await page.getByTestId('count-incidents').getAttribute('data-value')).toBe('60');
    expect(await page.getByTestId('count-meldingen').getAttribute('data-value')).toBe('0');
    expect(await page.getByTestId('count-areas').getAttribute('data-value')).toBe('7');
    for (const view of [
      'Verkennen',
      'Tijden',
      'Wijken',
      'Buitengebied',
      'Briefing',
      'Management',
    ]) {
      await goTo(page, view);
      const header = await page.getByTestId('dataset-badge').textContent();
      expect(header, view).toContain('Gemeente Testdorp');
      const text = (await page.locator('body').textContent()) ?? '';
      expect(text, view).not.toContain('Donderdeel');
    }
    await goTo(page, 'Wijken');
    const panels = (await page.getByTestId('wijk-panels').textContent()) ?? '';
    expect(panels).toContain('Oud-West');
    expect(panels).toContain('Nieuw-Oost');
    expect(pageErrors).toEqual([]);
    const offOrigin = session.requests.filter(
      (url) => !url.startsWith(baseUrl) && !url.startsWith('blob:') && !url.startsWith('data:'),
    );
    expect(offOrigin).toEqual([]);
  });

  it('stores a register with a count column as its count of records (issue 22, item 4)', async () => {
    const { page } = session;
    await goTo(page, 'Gegevens');
    await importFile(page, /^Incidenten/, 'ongevallen-per-locatie.csv');
    const records = page.getByTestId('report-records');
    expect(await records.textContent()).toContain('10 rijen → 33 registraties (kolom count)');
    expect(await page.getByTestId('report-rejected').getAttribute('data-value')).toBe('6');
    await page.goto(baseUrl + '/');
    await waitForReady(page, 120_000);
    expect(await page.getByTestId('count-incidents').getAttribute('data-value')).toBe('93');
  });
});
