/**
 * Time precision in the browser (issue 22, item 3): a registration export whose `Tijdstip`
 * holds clock times imports with the date and time combined (also whole hours in `Uur`), and a year-only register is
 * left out of the hour × weekday matrix and the monthly trends with a Dutch note — not
 * piled on Wednesday 00:00 or January.
 */
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { chooseImportFile, launchBrowser, openPage, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
const FIXTURES = path.resolve(import.meta.dirname, '../fixtures/import');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await openPage(browser));
  await page.goto(baseUrl + '/gegevens');
  await waitForReady(page);
});
afterAll(async () => {
  await browser?.close();
});

async function readIncidents(file: string): Promise<void> {
  await chooseImportFile(page, /^Incidenten/, path.join(FIXTURES, file));
  await page.waitForSelector('[data-testid="file-summary"], [data-testid="import-error"]');
}

async function importFile(): Promise<void> {
  await page.getByRole('radio', { name: /^Overslaan/ }).check();
  await page.getByRole('button', { name: 'Inlezen', exact: true }).click();
  await page.waitForSelector('[data-testid="import-report"], [data-testid="import-error"]');
  await waitForReady(page);
}

/** The header of the column chosen for a field on the mapping screen. */
const selected = (field: string) =>
  page
    .locator(`[data-testid="mapping-table"] tr[data-field="${field}"] select`)
    .evaluate((select: HTMLSelectElement) => select.selectedOptions[0]?.textContent?.trim());

describe('time precision', () => {
  it('maps Tijdstip as the time beside Datum constatering and stores all 10 rows', async () => {
    await readIncidents('registratie-datum-tijdstip.csv');
    expect(await selected('occurred_date')).toBe('Datum constatering');
    expect(await selected('occurred_time')).toBe('Tijdstip');
    await importFile();
    expect(await page.getAttribute('[data-testid="report-accepted"]', 'data-value')).toBe('10');
    expect(await page.getAttribute('[data-testid="report-rejected"]', 'data-value')).toBe('0');
    expect(await page.getByTestId('report-precision').textContent()).toMatch(/1 registraties/);
  });

  it('stores the year-only register and says its times are not exact', async () => {
    await readIncidents('ongevallen-jaar.csv');
    await importFile();
    expect(await page.getAttribute('[data-testid="report-accepted"]', 'data-value')).toBe('12');
    expect(await page.getByTestId('report-precision').textContent()).toMatch(/12 .*jaar: 12/s);
  });

  it('Tijden leaves the year-level records out and says how many', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Tijden', exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === '/tijden');
    await waitForReady(page);
    const note = page.locator('[data-testid="chart-hour-matrix"] [data-testid="timing-share"]');
    expect(await note.getByTestId('timing-left-out').textContent()).toMatch(
      /12 registraties zonder exact tijdstip niet meegeteld/,
    );
    expect(await note.textContent()).toMatch(/1 met alleen een datum/);
  });

  it('Wijken says the year-level records are in no monthly series', async () => {
    await page
      .getByRole('navigation', { name: 'Hoofdnavigatie' })
      .getByRole('link', { name: 'Wijken', exact: true })
      .click();
    await page.waitForURL((url) => url.pathname === '/wijken');
    await waitForReady(page);
    expect(await page.getByTestId('trend-year-only').textContent()).toMatch(
      /\d+ registraties met alleen een jaartal tellen niet mee in de maandreeksen/,
    );
  });

  it('maps whole hours in Uur as the time beside Datum, sure, and stores them', async () => {
    await page.goto(baseUrl + '/gegevens');
    await waitForReady(page);
    await readIncidents('registratie-datum-uur.csv');
    expect(await selected('occurred_date')).toBe('Datum');
    expect(await selected('occurred_time')).toBe('Uur');
    expect(await selected('occurred_from')).toBe('— niet gebruiken —');
    const sureness = page.locator(
      '[data-testid="mapping-table"] tr[data-field="occurred_time"] td:nth-child(3)',
    );
    expect(await sureness.textContent()).toMatch(/^\s*Zeker/);
    await importFile();
    expect(await page.getAttribute('[data-testid="report-accepted"]', 'data-value')).toBe('11');
    expect(await page.getAttribute('[data-testid="report-rejected"]', 'data-value')).toBe('1');
  });
});
