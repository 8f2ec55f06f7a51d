/**
 * Verkennen with more records than the map draws point by point: these browsers render
 * WebGL in software (SwiftShader), where the limit is 20,000 — below the demo's ~60,000
 * located records, as 100,000 is for a million on a machine with a GPU. The map
 * shows their density per hexagon and says so in Dutch with the exact count, a clicked
 * hexagon opens its records, a narrow filter brings the points back (hoverable), and
 * zoomed in far enough only the points around the view are drawn.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, scaled, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
/** SOFTWARE_POINT_LIMIT of src/lib/state/explore/explore-points.ts. */
const LIMIT = 20_000;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await openPage(browser));
});
afterAll(async () => {
  await browser?.close();
});

const nl = (n: number) => new Intl.NumberFormat('nl-NL').format(n);

/** Non-transparent pixels on deck.gl's canvas (the layers, without the base map). */
const deckPixels = (p: Page) =>
  p.evaluate(() => {
    const canvas = Array.from(document.querySelectorAll('[data-testid="map"] canvas')).find(
      (c) => !c.classList.contains('maplibregl-canvas'),
    ) as HTMLCanvasElement | undefined;
    if (!canvas) return 0;
    const probe = document.createElement('canvas');
    probe.width = canvas.width;
    probe.height = canvas.height;
    const ctx = probe.getContext('2d')!;
    ctx.drawImage(canvas, 0, 0);
    const data = ctx.getImageData(0, 0, probe.width, probe.height).data;
    let n = 0;
    for (let i = 3; i < data.length; i += 4 * 7) if (data[i] > 0) n++;
    return n;
  });

/** Located records under a theme filter, counted by the database itself. */
async function locatedCount(p: Page, theme?: string): Promise<number> {
  const where = `lon IS NOT NULL AND lat IS NOT NULL${theme ? ' AND theme = ?' : ''}`;
  const tables = ['incidents', 'meldingen', 'visits'];
  const query = {
    sql: `SELECT (${tables.map((t) => `(SELECT count(*) FROM ${t} WHERE ${where})`).join(' + ')})::INTEGER AS n`,
    params: theme ? tables.map(() => theme) : [],
  };
  const rows = (await p.evaluate(`window.__wijkradar.query(${JSON.stringify(query)})`)) as {
    n: number;
  }[];
  return rows[0].n;
}

const attr = (p: Page, testid: string, name: string) =>
  p.getAttribute(`[data-testid="${testid}"]`, name);

describe('te veel punten', () => {
  it('shows the density with a Dutch notice and the exact count', async () => {
    await page.goto(`${baseUrl}/verkennen`);
    await page.waitForSelector('[data-testid="points-notice"]', { timeout: scaled(60_000) });
    await waitForReady(page);
    const count = await locatedCount(page);
    expect(count).toBeGreaterThan(LIMIT);
    expect(await attr(page, 'points-notice', 'data-mode')).toBe('dichtheid');
    expect(Number(await attr(page, 'points-notice', 'data-total'))).toBe(count);
    // One plain line in the legend, not bold, and nothing laid over the map (issue 26).
    const text = `Veel punten (${nl(count)}): getoond als dichtheid. Zoom in of filter voor losse punten.`;
    expect((await page.textContent('[data-testid="points-notice"]'))?.trim()).toBe(text);
    const weight = await page.$eval('[data-testid="points-notice"]', (el) =>
      Number(getComputedStyle(el).fontWeight),
    );
    expect(weight).toBeLessThan(600);
    expect(await page.locator('.map-box', { hasText: /dichtheid|GPU/ }).count()).toBe(0);
    expect(Number(await attr(page, 'points-count', 'data-value'))).toBe(count);
    expect(Number(await attr(page, 'points-count', 'data-drawn'))).toBe(0);
    expect(await page.isVisible('[data-testid="legend-punten-dichtheid"]')).toBe(true);
    expect(await deckPixels(page)).toBeGreaterThan(100);
  });

  it('opens the records behind a clicked density hexagon', async () => {
    const map = (await page.locator('[data-testid="map"]').boundingBox())!;
    await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
    await page.waitForSelector('[data-testid="drilldown"]', { timeout: scaled(60_000) });
    const title = (await page.textContent('[data-testid="drilldown"] h2')) ?? '';
    expect(title).toMatch(/Zeshoek met [\d.]+ registraties/);
    // The cell found from the clicked position holds exactly the records the drill-down lists.
    const shown = Number(/Zeshoek met ([\d.]+)/.exec(title)![1].replaceAll('.', ''));
    expect(Number(await page.getAttribute('[data-testid="drilldown"]', 'data-total'))).toBe(shown);
    expect(shown).toBeGreaterThan(0);
  });

  it('draws the points again under a narrow filter, and they can be hovered', async () => {
    await page.goto(`${baseUrl}/verkennen?thema=horeca&kaart=6.22500,52.06500,14.00`);
    await page.waitForSelector('[data-testid="points-count"][data-mode="alle"]', {
      timeout: scaled(60_000),
    });
    await waitForReady(page);
    const count = await locatedCount(page, 'horeca');
    expect(count).toBeLessThanOrEqual(LIMIT);
    expect(Number(await attr(page, 'points-count', 'data-value'))).toBe(count);
    expect(Number(await attr(page, 'points-count', 'data-drawn'))).toBe(count);
    expect(await page.$('[data-testid="points-notice"]')).toBeNull();
    const map = (await page.locator('[data-testid="map"]').boundingBox())!;
    let text: string | null = null;
    for (let i = 0; i < 40 && !text; i++) {
      const x = map.x + map.width * (0.3 + (0.4 * ((i * 7) % 40)) / 40);
      const y = map.y + map.height * (0.3 + (0.4 * ((i * 11) % 40)) / 40);
      await page.mouse.move(x, y, { steps: 3 });
      text = await page
        .waitForSelector('[data-testid="map-tooltip"]', { timeout: scaled(1500) })
        .then((el) => el.textContent())
        .catch(() => null);
    }
    expect(text).toContain('Thema: Horeca');
  });

  it('zoomed in, draws only the points around the view and says so', async () => {
    await page.goto(`${baseUrl}/verkennen?kaart=6.22500,52.06500,15.50`);
    await page.waitForSelector('[data-testid="points-notice"][data-mode="beeld"]', {
      timeout: scaled(60_000),
    });
    await waitForReady(page);
    const total = Number(await attr(page, 'points-count', 'data-value'));
    const drawn = Number(await attr(page, 'points-count', 'data-drawn'));
    expect(total).toBe(await locatedCount(page));
    expect(drawn).toBeGreaterThan(0);
    expect(drawn).toBeLessThanOrEqual(LIMIT);
    expect(await page.textContent('[data-testid="points-notice"]')).toContain(
      `(${nl(drawn)} van ${nl(total)})`,
    );
    expect(await deckPixels(page)).toBeGreaterThan(100);
  });
});
