/**
 * Verkennen's map read at first glance (issue 26): the default density's colour classes
 * separate what is there (no one class covers the map) and say how they were made.
 * This browser draws in software, so the demo's records open as a density (SOFTWARE_POINT_LIMIT).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, scaled, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await openPage(browser));
  await page.goto(`${baseUrl}/verkennen`);
  await page.waitForSelector('[data-testid="legend-punten-dichtheid"]', {
    timeout: scaled(60_000),
  });
  await waitForReady(page);
});
afterAll(async () => {
  await browser?.close();
});

describe('de standaardkaart', () => {
  it('has density classes that no single class dominates, with the method named', async () => {
    const classes = page.locator('[data-testid="legend-punten-dichtheid"] li');
    const sizes = (await classes.evaluateAll((items) =>
      items.map((li) => Number(li.getAttribute('data-cells'))),
    )) as number[];
    const labels = (await classes.allTextContents()).map((t) => t.trim());
    expect(sizes.length).toBeGreaterThanOrEqual(4);
    const cells = sizes.reduce((a, b) => a + b, 0);
    expect(cells).toBeGreaterThan(100);
    for (const size of sizes) expect(size / cells, labels.join(' | ')).toBeLessThanOrEqual(0.6);
    // The busy centre is split, not one block: quantiles gave a top class "5 – 683" of a
    // fifth of the cells; here the top class starts far above the edge's few records.
    expect(Number(labels.at(-1)!.split('–')[0]), labels.join(' | ')).toBeGreaterThan(50);
    expect(sizes.at(-1)! / cells).toBeLessThan(0.15);
    // Distinct, rounded bounds: no label repeats, and each ends in a whole number.
    expect(new Set(labels).size).toBe(labels.length);
    for (const label of labels) expect(label).toMatch(/^\d+(–\d+)?$/);
    expect(await page.textContent('[data-testid="legend-punten-methode"]')).toContain(
      'klassen: natuurlijke grenzen (Jenks',
    );
  });
});

describe('een klik op de kaart', () => {
  it('scrolls the records into view and gives them the focus', async () => {
    await page.evaluate(() => window.scrollTo(0, 0));
    const map = (await page.locator('[data-testid="map"]').boundingBox())!;
    await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
    await page.waitForSelector('[data-testid="drilldown"]', { timeout: scaled(60_000) });
    await waitForReady(page);
    // Smooth scrolling takes a moment; the panel's top ends up inside the window.
    await page.waitForFunction(
      () => {
        const box = document.querySelector('[data-testid="drilldown"]')!.getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight && box.bottom > 0;
      },
      undefined,
      { timeout: scaled(10_000) },
    );
    expect(
      await page.evaluate(() =>
        Boolean(document.activeElement?.closest('[data-testid="drilldown"]')),
      ),
    ).toBe(true);
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H2');
  });

  it('takes the focus again when reopened, and Tab goes on inside the panel', async () => {
    await page.click('[data-testid="drilldown"] button:has-text("Sluiten")');
    await page.waitForSelector('[data-testid="drilldown"]', { state: 'detached' });
    await page.evaluate(() => window.scrollTo(0, 0));
    const map = (await page.locator('[data-testid="map"]').boundingBox())!;
    await page.mouse.click(map.x + map.width / 2 + 20, map.y + map.height / 2);
    await page.waitForSelector('[data-testid="drilldown"]', { timeout: scaled(60_000) });
    await page.waitForFunction(() =>
      Boolean(document.activeElement?.closest('[data-testid="drilldown"]')),
    );
    // Tab from the heading reaches the panel's own controls first.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe('Sluiten');
  });
});

describe('woorden in plaats van codes', () => {
  it('shows the records’ categories in Dutch words, not as slugs', async () => {
    const categories = await page
      .locator('[data-testid="drilldown-records"] tbody tr td:nth-child(5)')
      .allTextContents();
    expect(categories.length).toBeGreaterThan(0);
    for (const c of categories) expect(c).not.toMatch(/^[a-z0-9]+(-[a-z0-9]+)+$/);
  });

  it('labels every bar of “Registraties per thema”', async () => {
    const canvas = page.locator('[data-testid="theme-bars"] canvas');
    const bars = await page.locator('[data-testid="theme-bars"] tbody tr').count();
    expect(bars).toBe(8);
    expect(Number(await canvas.getAttribute('data-labels'))).toBe(bars);
  });
});
