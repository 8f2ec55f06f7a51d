/**
 * Verkennen in the browser: every layer draws on the map with its legend, the shared
 * filter changes the map and both charts, brushing the histogram and clicking a theme bar
 * filter the map, clicking a wijk filters the charts, a click opens the records behind it,
 * the view (filter, layers, map position) round-trips through the URL, the page stays
 * accessible, and with the PDOK base map off nothing leaves the app's origin (the PDOK
 * base map itself, its consent and its fallback: pdok-consent.test.ts).
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasHasContent, launchBrowser, openPage, runAxe, scaled, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let requests: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, requests } = await openPage(browser));
  // These tests draw the demo's points one by one, as a browser with a GPU does (this
  // browser renders in software, where the limit is lower: verkennen-points.test.ts).
  await page.addInitScript(`localStorage.setItem('wijkradar.puntlimiet', '100000')`); // POINT_LIMIT
  await page.goto(baseUrl + '/verkennen');
  await waitForReady(page);
});
afterAll(async () => {
  await browser?.close();
});

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

const value = async (p: Page, testid: string) =>
  Number(await p.getAttribute(`[data-testid="${testid}"]`, 'data-value'));
const total = async (p: Page, testid: string) =>
  Number(await p.getAttribute(`[data-testid="${testid}"]`, 'data-total'));

/** Waits until an attribute differs from `before`, then for the ready signal. */
async function changed(p: Page, selector: string, attribute: string, before: string | null) {
  await p.waitForFunction(
    ([sel, attr, old]) => {
      const v = document.querySelector(sel!)?.getAttribute(attr!);
      return v != null && v !== old;
    },
    [selector, attribute, before],
    { timeout: scaled(60_000) },
  );
  await waitForReady(p);
}

describe('kaart, filters en grafieken', () => {
  it('shows points, the filter panel and both charts on first open', async () => {
    expect(await value(page, 'points-count')).toBeGreaterThan(10_000);
    expect(await page.isVisible('[data-testid="filter-panel"]')).toBe(true);
    expect(await total(page, 'time-histogram')).toBeGreaterThan(10_000);
    expect(await total(page, 'theme-bars')).toBeGreaterThan(10_000);
    expect(await canvasHasContent(page, '[data-testid="time-histogram"]')).toBe(true);
    expect(await canvasHasContent(page, '[data-testid="theme-bars"]')).toBe(true);
    expect(await deckPixels(page)).toBeGreaterThan(100);
  });

  it('a filter changes the map and the charts', async () => {
    const points = await page.getAttribute('[data-testid="points-count"]', 'data-value');
    const histogram = await total(page, 'time-histogram');
    const themes = await total(page, 'theme-bars');
    await page.check('input[data-filter="dagdeel"][value="avond"]');
    await changed(page, '[data-testid="points-count"]', 'data-value', points);
    expect(await value(page, 'points-count')).toBeLessThan(Number(points));
    await changed(page, '[data-testid="time-histogram"]', 'data-total', String(histogram));
    expect(await total(page, 'time-histogram')).toBeLessThan(histogram);
    expect(await total(page, 'theme-bars')).toBeLessThan(themes);
    // The URL follows once the views have drawn (filters.svelte.ts).
    await page.waitForURL((u) => u.searchParams.get('dagdeel') === 'avond');
    await page.click('[data-chip="dagdelen:avond"]');
    await changed(page, '[data-testid="points-count"]', 'data-value', null);
    await page.waitForFunction(
      (n) =>
        document.querySelector('[data-testid="points-count"]')?.getAttribute('data-value') === n,
      points,
    );
  });

  it('brushing the time histogram filters the map', async () => {
    const before = await page.getAttribute('[data-testid="points-count"]', 'data-value');
    const box = (await page.locator('[data-testid="time-histogram"] canvas').boundingBox())!;
    const y = box.y + box.height * 0.6;
    await page.mouse.move(box.x + box.width * 0.45, y);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.6, y, { steps: 5 });
    await page.mouse.up();
    await changed(page, '[data-testid="points-count"]', 'data-value', before);
    await page.waitForURL((u) => u.searchParams.has('van') && u.searchParams.has('tot'));
    const url = new URL(page.url());
    expect(url.searchParams.get('van')).toMatch(/^\d{4}-\d{2}-01$/);
    expect(url.searchParams.get('tot')).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(await value(page, 'points-count')).toBeLessThan(Number(before));
    expect(await page.textContent('[data-testid="active-filters"]')).toContain('Periode');
  });

  it('clicking a theme bar filters the map to that theme', async () => {
    const before = await page.getAttribute('[data-testid="points-count"]', 'data-value');
    await page.click('[data-testid="theme-bars"] summary');
    await page.click('[data-testid="theme-bars"] tbody tr:first-child button');
    await changed(page, '[data-testid="points-count"]', 'data-value', before);
    await page.waitForURL((u) => Boolean(u.searchParams.get('thema')));
    expect(await value(page, 'points-count')).toBeLessThan(Number(before));
  });

  it('restores filter, layers and map position after reload, back and from a link', async () => {
    const url = page.url();
    await page.goto(
      baseUrl + '/verkennen?thema=jeugd&lagen=punten,gebieden&kaart=6.22000,52.07000,13.00',
    );
    await waitForReady(page);
    const jeugd = await value(page, 'points-count');
    expect(await page.isChecked('input[data-filter="thema"][value="jeugd"]')).toBe(true);
    expect(await page.isChecked('input[data-layer="gebieden"]')).toBe(true);
    await page.reload();
    await waitForReady(page);
    expect(await value(page, 'points-count')).toBe(jeugd);
    const centre = await page.evaluate(() => new URL(location.href).searchParams.get('kaart'));
    expect(centre).toBe('6.22000,52.07000,13.00');
    await page.goBack();
    await page.waitForURL((u) => u.href === url);
    await waitForReady(page);
    expect(await page.isChecked('input[data-layer="gebieden"]')).toBe(false);
  });
});

describe('lagen', () => {
  const layers: [string, string][] = [
    ['zeshoeken', 'legend-zeshoeken'],
    ['dichtheid', 'legend-dichtheid'],
    ['gebieden', 'legend-gebieden'],
    ['hotspots', 'hotspot-legend'],
    ['opkomend', 'emerging-legend'],
    ['aandacht', 'legend-aandacht'],
    ['interventies', 'legend-interventies'],
    ['panden', 'legend-panden'],
  ];
  it('draws every layer with its legend (toggled one at a time)', async () => {
    await page.goto(`${baseUrl}/verkennen`);
    await waitForReady(page);
    await page.uncheck('input[data-layer="punten"]');
    await page.waitForFunction(() => !document.querySelector('[data-testid="legend-punten"]'));
    await waitForReady(page);
    expect(await deckPixels(page)).toBe(0);
    for (const [layer, legend] of layers) {
      await page.check(`input[data-layer="${layer}"]`);
      await page.waitForSelector(`[data-testid="${legend}"]`, { timeout: scaled(60_000) });
      await waitForReady(page);
      // Even the three small aandachtslocaties cover more than a few sampled pixels.
      expect(await deckPixels(page), layer).toBeGreaterThan(5);
      await page.uncheck(`input[data-layer="${layer}"]`);
      await page.waitForSelector(`[data-testid="${legend}"]`, { state: 'detached' });
      await waitForReady(page);
    }
    expect(new URL(page.url()).searchParams.get('lagen')).toBe('');
  });

  it('finds significant hot spots and names the classes in words', async () => {
    await page.goto(`${baseUrl}/verkennen?lagen=hotspots&cel=200&buren=r2`);
    await page.waitForSelector('[data-testid="hotspot-count-3"]');
    await waitForReady(page);
    expect(await value(page, 'hotspot-count-3')).toBeGreaterThan(0);
    const legend = await page.textContent('[data-testid="hotspot-legend"]');
    expect(legend).toContain('Hotspot (99%)');
    expect(legend).toContain('200 m (cel en 2 ringen buren)');
  });

  it('shows the planted new horeca hot spot as nieuw', async () => {
    await page.goto(`${baseUrl}/verkennen?lagen=opkomend&thema=horeca&bron=incidenten`);
    await page.waitForSelector('[data-testid="emerging-count-nieuw-hotspot"]');
    await waitForReady(page);
    expect(await value(page, 'emerging-count-nieuw-hotspot')).toBeGreaterThan(0);
  });

  it('choropleth per 1,000 inhabitants; clicking a wijk filters the charts and opens its records', async () => {
    await page.goto(`${baseUrl}/verkennen?lagen=gebieden&maat=per1000`);
    await page.waitForSelector('[data-testid="legend-gebieden"]');
    await waitForReady(page);
    expect(await page.textContent('[data-testid="legend-gebieden"]')).toContain(
      'per 1.000 inwoners',
    );
    const themes = await total(page, 'theme-bars');
    const map = (await page.locator('[data-testid="map"]').boundingBox())!;
    await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
    await page.waitForSelector('[data-testid="drilldown"]', { timeout: scaled(60_000) });
    await changed(page, '[data-testid="theme-bars"]', 'data-total', String(themes));
    expect(await total(page, 'theme-bars')).toBeLessThan(themes);
    await page.waitForURL((u) => Boolean(u.searchParams.get('wijk')));
    const drill = await total(page, 'drilldown');
    expect(drill).toBe(await total(page, 'theme-bars'));
    expect(await page.locator('[data-testid="drilldown-records"] tbody tr').count()).toBe(25);
    await page.click('[data-testid="drilldown"] button:has-text("Volgende")');
    await page.waitForSelector('[data-testid="drilldown-records"] caption:has-text("pagina 2")');
  });

  it('opens the records behind a hexagon', async () => {
    await page.goto(`${baseUrl}/verkennen?lagen=zeshoeken&cel=500`);
    await page.waitForSelector('[data-testid="legend-zeshoeken"]');
    await waitForReady(page);
    const map = (await page.locator('[data-testid="map"]').boundingBox())!;
    await page.mouse.click(map.x + map.width / 2, map.y + map.height / 2);
    await page.waitForSelector('[data-testid="drilldown"]', { timeout: scaled(60_000) });
    expect(await page.textContent('[data-testid="drilldown"] h2')).toContain('Zeshoek met');
    expect(await total(page, 'drilldown')).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="drilldown-dagdelen"]')).toContain('Avond');
  });
});

describe('punten op de kaart', () => {
  it('shows the fields of a record in Dutch when hovering a point', async () => {
    await page.goto(`${baseUrl}/verkennen?kaart=6.22500,52.06500,14.00`);
    await waitForReady(page);
    const map = (await page.locator('[data-testid="map"]').boundingBox())!;
    let text: string | null = null;
    for (let i = 0; i < 40 && !text; i++) {
      const x = map.x + map.width * (0.3 + (0.4 * ((i * 7) % 40)) / 40);
      const y = map.y + map.height * (0.3 + (0.4 * ((i * 11) % 40)) / 40);
      await page.mouse.move(x, y, { steps: 3 });
      // The record is fetched from the database on hover.
      text = await page
        .waitForSelector('[data-testid="map-tooltip"]', { timeout: scaled(1500) })
        .then((el) => el.textContent())
        .catch(() => null);
    }
    expect(text).toMatch(/Tijdstip: \d{4}-\d{2}-\d{2} \d{2}:\d{2}/);
    expect(text).toContain('Thema:');
    expect(text).toContain('Wijk:');
  });
});

describe('geheugen vol', () => {
  it('still maps and charts when the projection does not fit, and says why it is slower', async () => {
    const { page: full, context } = await openPage(browser);
    await full.goto(baseUrl + '/');
    await waitForReady(full);
    const query = (sql: string) =>
      full.evaluate(
        (q) =>
          (
            window as unknown as { __wijkradar: { query(q: object): Promise<unknown[]> } }
          ).__wijkradar.query(q),
        { sql, params: [] },
      ) as Promise<Record<string, unknown>[]>;
    const [{ limit, used }] = await query(
      `SELECT current_setting('memory_limit') AS limit,
        (sum(memory_usage_bytes) / 1e6)::DOUBLE AS used FROM duckdb_memory()`,
    );
    // Room for the page's queries, not for the projection of Donderdeel's records.
    await query(`SET memory_limit = '${Math.ceil(Number(used) + 9)}MB'`);
    await full.click('nav a[href^="/verkennen"]');
    await full.waitForSelector('[data-testid="facts-notice"]', { timeout: scaled(60_000) });
    await waitForReady(full);
    expect(await full.textContent('[data-testid="facts-notice"]')).toMatch(/geheugen .* trager/);
    expect(await full.locator('[role="alert"]').count()).toBe(0);
    expect(await value(full, 'points-count')).toBeGreaterThan(10_000);
    expect(await deckPixels(full)).toBeGreaterThan(100);
    const violations = await runAxe(full);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    await query(`SET memory_limit = '${String(limit)}'`);
    await context.close();
  });
});

describe('toegankelijkheid en privacy', () => {
  it('has no serious accessibility violations with several layers shown', async () => {
    await page.goto(`${baseUrl}/verkennen?lagen=punten,gebieden,hotspots`);
    await page.waitForSelector('[data-testid="hotspot-legend"]');
    await waitForReady(page);
    const violations = await runAxe(page);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
  });

  it('makes no request outside the app with the PDOK base map off', async () => {
    const origin = new URL(baseUrl).origin;
    expect(
      requests.filter(
        (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
      ),
    ).toEqual([]);
  });
});
