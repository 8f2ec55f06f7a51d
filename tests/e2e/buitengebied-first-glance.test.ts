/**
 * Buitengebied at first glance (issue 26): the map colours buildings by risk class with the
 * class bounds in the legend, numbers the best-ranked ones and draws rank 1 (the planted
 * stal BG-014, score ≈ 36.8) in the class colour the legend gives for 'hoog' (read back from
 * the screen's pixels); the chosen building's actions are fully in view at 1366×768,
 * 1440×900 and 1920×1080; the Informatiecheck's map has a legend of signal kinds and the
 * 500 m search circle, and the sheet shows the address (coordinates when there is none).
 * Axe finds no violations and no request leaves the app's origin.
 */
import { distance } from '@turf/turf';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, runAxe, scaled, waitForReady } from './browser';
import { near, probeMap, type RGB } from './map-pixels';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let requests: string[];
const POLL = { timeout: scaled(30_000) };

interface Numbered {
  id: string;
  rank: number;
  label: string;
  riskClass: string;
  color: RGB;
  lon: number;
  lat: number;
}

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, requests } = await openPage(browser));
  await page.goto(baseUrl + '/buitengebied');
  await waitForReady(page);
});
afterAll(async () => {
  await browser?.close();
});

const numbered = async (): Promise<Numbered[]> =>
  JSON.parse((await page.getAttribute('[data-testid="risk-map"]', 'data-numbered')) ?? '[]');

/** The colours drawn at `offsets` (pixels) around a lon/lat on the main map. */
async function colorsAround(lon: number, lat: number, offsets: [number, number][]): Promise<RGB[]> {
  const bbox = (await page.getAttribute('[data-testid="risk-map"]', 'data-bbox'))!;
  const { points } = await probeMap(page, page.locator('[data-testid="map"]'), bbox, {
    points: offsets.map((offset) => ({ lon, lat, offset })),
  });
  return points.map(([pixel]) => pixel);
}

describe('de kaart toont risico', () => {
  it('has a legend of risk classes with their bounds and counts', async () => {
    const legend = page.locator('[data-testid="risk-legend"] li');
    expect(await legend.evaluateAll((items) => items.map((i) => i.dataset.riskClass))).toEqual([
      'hoog',
      'middel',
      'laag',
      'geen',
    ]);
    const text = await page.textContent('[data-testid="risk-legend"]');
    expect(text).toContain('Hoog: score 15 of hoger (1)');
    expect(text).toContain('Middel: score 5 tot 15');
    expect(text).toContain('Laag: score boven 0, onder 5');
  });

  it('numbers the best-ranked buildings; rank 1 is the planted stal, drawn in the hoog colour', async () => {
    const shown = await numbered();
    expect(shown.length).toBe(10); // the 10 vacant buildings of the default filter
    expect(shown.map((m) => m.rank)).toEqual([...shown.map((m) => m.rank)].sort((a, b) => a - b));
    const [first] = shown;
    expect(first).toMatchObject({ id: 'BG-014', rank: 1, label: '1', riskClass: 'hoog' });
    const hoog = (await page.getAttribute(
      '[data-testid="risk-legend"] li[data-risk-class="hoog"]',
      'data-color',
    ))!
      .split(',')
      .map(Number) as RGB;
    expect(first.color).toEqual(hoog);
    expect(
      await page.getAttribute(
        '[data-testid="risk-row"][data-building="BG-014"]',
        'data-risk-class',
      ),
    ).toBe('hoog');
    // Rank 1 is the only 'hoog': every other numbered building has a lighter class.
    expect(shown.slice(1).every((m) => m.riskClass !== 'hoog')).toBe(true);

    // The disc around the number "1" (radius 16 px) shows the class colour on screen.
    const samples = await colorsAround(first.lon, first.lat, [
      [-8, 0],
      [8, 0],
      [-7, 4],
      [7, 4],
    ]);
    expect(samples.filter((c) => near(c, hoog)).length).toBeGreaterThanOrEqual(3);
    // A middel building is drawn in its own, different colour.
    const middel = shown.find((m) => m.riskClass === 'middel')!;
    const [m] = await colorsAround(middel.lon, middel.lat, [[-6, 0]]);
    expect(near(m, middel.color)).toBe(true);
    expect(near(m, hoog)).toBe(false);
  });

  it('can colour by last schouw instead, with that legend', async () => {
    await page.getByRole('radio', { name: 'Laatste schouw' }).check();
    await expect
      .poll(() => page.getAttribute('[data-testid="risk-map"]', 'data-colouring'), POLL)
      .toBe('schouw');
    await waitForReady(page);
    expect(await page.locator('[data-testid="risk-legend"]').count()).toBe(0);
    const [first] = await numbered();
    expect(first.color).toEqual([0, 158, 115]); // niets aangetroffen (its last schouw)
    await page.getByRole('radio', { name: 'Risicoklasse' }).check();
    await waitForReady(page);
    expect((await numbered())[0].riskClass).toBe('hoog');
  });
});

describe('de knoppen in beeld', () => {
  for (const viewport of [
    { width: 1366, height: 768 },
    { width: 1440, height: 900 },
    { width: 1920, height: 1080 },
  ]) {
    it(`shows the Informatiecheck and route buttons whole at ${viewport.width}×${viewport.height}`, async () => {
      const { page: p, context } = await openPage(browser, viewport);
      try {
        await p.goto(baseUrl + '/buitengebied');
        await waitForReady(p);
        const panel = (await p.locator('[data-testid="side-panel"]').boundingBox())!;
        for (const id of ['open-sheet', 'toggle-route']) {
          const button = p.locator(`[data-testid="${id}"]`);
          const box = (await button.boundingBox())!;
          for (const area of [{ x: 0, y: 0, ...viewport }, panel]) {
            expect(box.x).toBeGreaterThanOrEqual(area.x);
            expect(box.y).toBeGreaterThanOrEqual(area.y);
            expect(box.x + box.width).toBeLessThanOrEqual(area.x + area.width);
            expect(box.y + box.height).toBeLessThanOrEqual(area.y + area.height);
          }
          // Nothing covers it: its own centre hits the button.
          expect(
            await button.evaluate((el) => {
              const r = el.getBoundingClientRect();
              return el.contains(document.elementFromPoint(r.x + r.width / 2, r.y + r.height / 2));
            }),
          ).toBe(true);
        }
        expect(await p.textContent('[data-testid="open-sheet"]')).toContain('Informatiecheck');
      } finally {
        await context.close();
      }
    });
  }
});

describe('informatiecheck', () => {
  it('has a legend of signal kinds and the 500 m circle around the building', async () => {
    await page.click('[data-testid="open-sheet"]');
    await page.locator('[data-testid="info-sheet"]').waitFor();
    const legend = page.locator('[data-testid="sheet-legend"]');
    const kinds = await legend
      .locator('li[data-type]')
      .evaluateAll((items) => items.map((i) => [i.dataset.type, i.dataset.color]));
    expect(kinds.map(([type]) => type)).toEqual([
      'ondermijning',
      'drugsafval',
      'dumping',
      'voertuigen',
      'geur',
    ]);
    expect(new Set(kinds.map(([, colour]) => colour)).size).toBe(5);
    expect(await legend.textContent()).toContain('Vermoeden ondermijning (15)');
    expect(await legend.textContent()).toContain('Zoekstraal 500 m');

    const map = page.locator('[data-testid="sheet-map"]');
    expect(await map.getAttribute('data-radius-m')).toBe('500');
    const centre = (await map.getAttribute('data-centre'))!.split(',').map(Number);
    const ring = JSON.parse((await map.getAttribute('data-ring'))!) as [number, number][];
    expect(ring.length).toBeGreaterThan(32);
    for (const vertex of ring) {
      expect(distance(centre, vertex, { units: 'meters' })).toBeCloseTo(500, 0);
    }
    await waitForReady(page);
    expect(await map.locator('canvas').count()).toBeGreaterThan(0);
  });

  it('shows the address, or the coordinates when the data has none', async () => {
    expect(await page.textContent('[data-testid="sheet-address"]')).toBe(
      'Hessenweg 33, Donderdeel',
    );
    expect(await page.textContent('[data-testid="selected-building"]')).toContain(
      'Hessenweg 33, Donderdeel',
    );
    // BG-007 (a vacant stal) has no address in the demo data.
    await page.click('[data-testid="risk-row"][data-building="BG-007"] button');
    await page.click('[data-testid="open-sheet"]');
    const address = page.locator('[data-testid="sheet-address"]');
    await expect.poll(() => address.getAttribute('data-fallback'), POLL).toBe('coordinates');
    expect(await address.textContent()).toMatch(/52,\d{5} N, 6,\d{5} O \(geen adres/);
    await waitForReady(page);
  });

  it('has no accessibility violations and asks nothing from other origins', async () => {
    expect(await runAxe(page)).toEqual([]);
    const origin = new URL(baseUrl).origin;
    const outside = requests.filter((url) => !url.startsWith(origin) && !/^(data|blob):/.test(url));
    expect(outside).toEqual([]);
  });
});
