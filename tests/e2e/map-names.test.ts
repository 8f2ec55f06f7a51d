/**
 * Wijk and buurt names on the offline map: drawn in the page (no glyph server, nothing
 * from another origin), wijk names zoomed out, buurt names zoomed in, on every map that
 * uses the offline base map.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let requests: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, requests } = await openPage(browser));
});
afterAll(async () => {
  await browser?.close();
});

const names = async () =>
  ((await page.getAttribute('canvas.area-names', 'data-names')) ?? '').split('|');

/** Dark text pixels on the names canvas (its halo is white, the rest transparent). */
const textPixels = () =>
  page.evaluate(() => {
    const canvas = document.querySelector('canvas.area-names') as HTMLCanvasElement | null;
    if (!canvas) return 0;
    const data = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height).data;
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if (data[i + 3] > 200 && data[i] < 100) n++;
    return n;
  });

describe('names on the offline map', () => {
  it('shows the wijk names on Verkennen, drawn in the page', async () => {
    await page.goto(`${baseUrl}/verkennen`);
    await waitForReady(page);
    await page.waitForSelector('canvas.area-names[data-names]', { state: 'attached' });
    const shown = await names();
    expect(shown).toContain('Centrum');
    expect(shown.length).toBeGreaterThanOrEqual(5); // of 8; a name that would overlap waits
    expect(shown).not.toContain('Markt'); // a buurt
    expect(await textPixels()).toBeGreaterThan(200);
  });

  it('shows buurt names instead when zoomed in', async () => {
    await page.goto(`${baseUrl}/verkennen?kaart=6.2150,52.0530,15`);
    await waitForReady(page);
    await page.waitForFunction(() =>
      (document.querySelector('canvas.area-names')?.getAttribute('data-names') ?? '').includes(
        'Markt',
      ),
    );
    expect(await names()).not.toContain('Stationskwartier');
  });

  it('names the wijken on the Buitengebied map too, and fetched nothing for it', async () => {
    await page.goto(`${baseUrl}/buitengebied`);
    await waitForReady(page);
    await page.waitForSelector('canvas.area-names[data-names]', { state: 'attached' });
    expect(await names()).toContain('Buitengebied');
    const origin = new URL(baseUrl).origin;
    expect(
      requests.filter(
        (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
      ),
    ).toEqual([]);
  });
});
