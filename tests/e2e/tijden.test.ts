/**
 * Tijden in the browser: the hour × weekday matrix, the dagdeel breakdown and the
 * seasonality render from the demo data, follow the shared filter and the view's own
 * settings (maximum window, dagdelen), show the share of unknown times, export PNG and CSV
 * (small counts suppressed) and stay accessible.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasHasContent, launchBrowser, openPage, runAxe, scaled, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await openPage(browser));
  await page.goto(baseUrl + '/tijden');
  await waitForReady(page);
});
afterAll(async () => {
  await browser?.close();
});

const summary = async (attribute: string) =>
  page.getAttribute('[data-testid="times-summary"]', attribute);

async function waitForChange(attribute: string, before: string | null) {
  await page.waitForFunction(
    ([attr, prev]) =>
      document.querySelector('[data-testid="times-summary"]')?.getAttribute(attr!) !== prev,
    [attribute, before],
  );
  await waitForReady(page);
}

describe('Tijden', () => {
  it('draws the three charts with the share of unknown times next to the matrix', async () => {
    for (const id of ['chart-hour-matrix', 'chart-dagdelen', 'chart-season']) {
      expect(await canvasHasContent(page, `[data-testid="${id}"]`), id).toBe(true);
    }
    expect(Number(await summary('data-known'))).toBeGreaterThan(1000);
    const note = page.locator('[data-testid="chart-hour-matrix"] [data-testid="timing-share"]');
    expect(await note.textContent()).toMatch(/Tijdstip onbekend: [\d,]+%/);
    expect(await note.textContent()).toContain('langer dan 72 uur');
  });

  it('follows the shared filter: theme jeugd puts the hottest hour in the evening', async () => {
    const before = await summary('data-known');
    await page.locator('[data-filter="thema"][value="jeugd"]').check();
    await waitForChange('data-known', before);
    // The URL follows once the views have drawn (filters.svelte.ts).
    await page.waitForURL((url) => url.searchParams.get('thema') === 'jeugd', {
      timeout: scaled(5000),
    });
    expect(Number(await summary('data-known'))).toBeLessThan(Number(before));
    const [, hour] = (await summary('data-hottest'))!.split('-').map(Number);
    expect([19, 20, 21, 22, 23]).toContain(hour);
    expect(await canvasHasContent(page, '[data-testid="chart-hour-matrix"]')).toBe(true);
  });

  it('counts longer windows as "tijdstip onbekend" when the maximum is lowered', async () => {
    const before = await summary('data-unknown');
    await page.selectOption('[data-testid="max-window"]', '6');
    await waitForChange('data-unknown', before);
    expect(Number(await summary('data-unknown'))).toBeGreaterThan(Number(before));
    expect(await page.textContent('[data-testid="timing-share"]')).toContain('langer dan 6 uur');
    expect(new URL(page.url()).searchParams.get('maxvenster')).toBe('6');
  });

  it('takes other dagdelen (three shifts) and draws one bar per shift', async () => {
    await page.fill('[data-testid="dagdeel-boundaries"]', '7, 15, 23');
    await page.getByRole('button', { name: 'Toepassen' }).click();
    await page.waitForURL((url) => url.searchParams.get('indeling') === '7,15,23');
    await waitForReady(page);
    const card = page.getByTestId('chart-dagdelen');
    await card.locator('summary').click();
    await card.locator('tbody th').first().waitFor();
    expect(await card.locator('tbody th').allTextContents()).toEqual([
      '07–15 uur',
      '15–23 uur',
      '23–07 uur',
    ]);
  });

  it('exports the matrix as PNG and as CSV with small counts suppressed', async () => {
    const card = page.getByTestId('chart-hour-matrix');
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      card.locator('[data-export="png"]').click(),
    ]);
    expect(png.suggestedFilename()).toMatch(/^wijkradar-uur-weekdag-\d{4}-\d{2}-\d{2}\.png$/);
    const bytes = await readFile((await png.path())!);
    expect(bytes.subarray(1, 4).toString('ascii')).toBe('PNG');
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      card.locator('[data-export="csv"]').click(),
    ]);
    const text = (await readFile((await csv.path())!, 'utf8')).replace(/^\ufeff/, '');
    const lines = text.trim().split('\r\n');
    expect(lines[0]).toMatch(/^Weekdag;00:00;01:00;/);
    expect(lines).toHaveLength(8);
    // Jeugd in the early morning: weighted counts below 5 are not shown.
    expect(text).toContain('<5');
    expect(text).not.toMatch(/;[1-4],\d;/);
  });

  it('keeps a filter clicked just before a view setting (the URL is written after drawing)', async () => {
    // Both in one task: the theme's URL update is still pending when the setting's link is
    // followed; the setting must carry the new theme instead of restoring the old URL's.
    await page.evaluate(() => {
      const theme = document.querySelector<HTMLInputElement>(
        '[data-filter="thema"][value="horeca"]',
      )!;
      theme.click();
      const select = document.querySelector<HTMLSelectElement>('[data-testid="max-window"]')!;
      select.value = '24';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await page.waitForURL((url) => url.searchParams.get('maxvenster') === '24');
    await waitForReady(page);
    expect(new URL(page.url()).searchParams.get('thema')?.split(',')).toContain('horeca');
    expect(await page.isChecked('[data-filter="thema"][value="horeca"]')).toBe(true);
    expect(await page.textContent('[data-testid="timing-share"]')).toContain('langer dan 24 uur');
  });

  it('has no accessibility violations', async () => {
    expect(await runAxe(page)).toEqual([]);
  });
});
