/**
 * Every route at the three screen sizes the teams use (1366×768 office laptops, 1440×900,
 * 1920×1080 projectors): nothing overlaps (the map covered the chart headings at 1366×768
 * once), nothing is cut off or pushes the page sideways, axe finds nothing, the console
 * stays clean and nothing leaves the origin. Charts are compared with reference images
 * (tests/e2e/screenshots/, made with UPDATE_SCREENSHOTS=1) within a tolerance, so a chart
 * drawn wrong — bars of the wrong height, an empty matrix — fails here.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, runAxe, scaled, waitForReady } from './browser';
import { findLayoutProblems } from './layout-checks';

const baseUrl = inject('baseUrl');
const SCREENSHOTS = path.join(import.meta.dirname, 'screenshots');
const UPDATE = process.env.UPDATE_SCREENSHOTS === '1';

const VIEWPORTS = [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
  { width: 1920, height: 1080 },
];

/** Route → the charts on it compared with a reference image (at 1440×900). */
const ROUTES: Record<string, string[]> = {
  '/': [],
  '/verkennen': ['time-histogram', 'theme-bars'],
  '/tijden': ['chart-hour-matrix', 'chart-dagdelen', 'chart-season'],
  '/wijken': ['panel-WK990105'],
  '/buitengebied': [],
  '/briefing': [],
  '/management': ['kpi-chart', 'handling-chart'],
  '/management/rapport': [],
  '/gegevens': [],
};

let browser: Browser;
let page: Page;
let requests: string[];
const consoleErrors: string[] = [];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, requests } = await openPage(browser));
  page.on('console', (message) => {
    if (message.type() === 'error') consoleErrors.push(`${page.url()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => consoleErrors.push(`${page.url()}: ${error.message}`));
});
afterAll(async () => {
  await browser?.close();
});

/** After a resize: the maps and charts have followed (ResizeObserver) and drawn. */
async function settle(p: Page): Promise<void> {
  await p.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 300))),
      ),
  );
  await waitForReady(p);
}

/**
 * Share of pixels that differ between two PNGs of the same size (a channel more than 48
 * apart), decoded in the page; sizes differing by more than 2 px count as all different.
 */
async function pixelDifference(p: Page, a: Buffer, b: Buffer): Promise<number> {
  return p.evaluate(
    async ([one, two]) => {
      const decode = async (base64: string) => {
        const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
        const ctx = canvas.getContext('2d')!;
        ctx.drawImage(bitmap, 0, 0);
        return ctx.getImageData(0, 0, bitmap.width, bitmap.height);
      };
      const [x, y] = await Promise.all([decode(one), decode(two)]);
      if (Math.abs(x.width - y.width) > 2 || Math.abs(x.height - y.height) > 2) return 1;
      const width = Math.min(x.width, y.width);
      const height = Math.min(x.height, y.height);
      let differ = 0;
      for (let row = 0; row < height; row++) {
        for (let col = 0; col < width; col++) {
          const i = (row * x.width + col) * 4;
          const j = (row * y.width + col) * 4;
          const d = Math.max(
            Math.abs(x.data[i] - y.data[j]),
            Math.abs(x.data[i + 1] - y.data[j + 1]),
            Math.abs(x.data[i + 2] - y.data[j + 2]),
          );
          if (d > 48) differ++;
        }
      }
      return differ / (width * height);
    },
    [a.toString('base64'), b.toString('base64')] as const,
  );
}

describe.each(Object.entries(ROUTES))('%s', (route, charts) => {
  it('lays out at every screen size without overlap, cut-off text or sideways scrolling', async () => {
    await page.setViewportSize(VIEWPORTS[1]);
    await page.goto(baseUrl + route);
    await waitForReady(page, scaled(90_000));
    for (const viewport of VIEWPORTS) {
      await page.setViewportSize(viewport);
      await settle(page);
      const problems = await findLayoutProblems(page);
      expect(problems, `${route} at ${viewport.width}×${viewport.height}`).toEqual([]);
    }
  });

  it('is accessible (axe) at 1440×900', async () => {
    await page.setViewportSize(VIEWPORTS[1]);
    await settle(page);
    const violations = await runAxe(page);
    expect(violations.map((v) => `${v.id}: ${v.help} (${v.nodes[0]?.target})`)).toEqual([]);
  });

  it.each(charts)('draws %s as in its reference image', async (testid) => {
    if (new URL(page.url()).pathname !== route) {
      await page.goto(baseUrl + route);
      await waitForReady(page, scaled(90_000));
    }
    await page.setViewportSize(VIEWPORTS[1]);
    await settle(page);
    const shot = await page.getByTestId(testid).first().screenshot();
    const file = path.join(SCREENSHOTS, `${testid}.png`);
    if (UPDATE || !existsSync(file)) {
      if (!UPDATE)
        throw new Error(`Geen referentiebeeld ${file}: maak het met UPDATE_SCREENSHOTS=1`);
      await mkdir(SCREENSHOTS, { recursive: true });
      await writeFile(file, shot);
      return;
    }
    const difference = await pixelDifference(page, shot, await readFile(file));
    expect(difference, `${testid}: share of pixels that differ`).toBeLessThan(0.02);
  });
});

describe('over all routes', () => {
  it('logged no console error and made no request outside the origin', () => {
    expect(consoleErrors).toEqual([]);
    const origin = new URL(baseUrl).origin;
    expect(
      requests.filter(
        (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
      ),
    ).toEqual([]);
  });
});
