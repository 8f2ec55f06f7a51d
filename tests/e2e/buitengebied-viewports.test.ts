/**
 * Buitengebied at first glance on office screens (issue 26): at 1366×768 and 1440×900 the
 * map is in view with rank 1 (the planted stal BG-014) inside it and the risk legend whole
 * beside it; the Informatiecheck's map draws the 500 m circle where the search radius lies
 * (read back from the screen's pixels) and its signals in the kinds' legend colours, with
 * the legend whole beside it; and the address shows wherever a building is named — the
 * chosen building's card, the sheet, the ranked list and the route list — with the
 * coordinates only where the data has no address. Axe finds no violations.
 */
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  launchBrowser,
  openPage,
  type RecordedPage,
  runAxe,
  scaled,
  waitForReady,
} from './browser';
import { near, pagePoint, probeMap, type RGB } from './map-pixels';

const baseUrl = inject('baseUrl');
const POLL = { timeout: scaled(30_000) };
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

type Box = { x: number; y: number; width: number; height: number };

/** `inner` lies whole inside `outer`. */
function expectInside(inner: Box, outer: Box, what: string) {
  expect(inner.x, what).toBeGreaterThanOrEqual(outer.x - 0.5);
  expect(inner.y, what).toBeGreaterThanOrEqual(outer.y - 0.5);
  expect(inner.x + inner.width, what).toBeLessThanOrEqual(outer.x + outer.width + 0.5);
  expect(inner.y + inner.height, what).toBeLessThanOrEqual(outer.y + outer.height + 0.5);
}

/** Every item of `list` shows whole inside the viewport (scrolled to it) and its list. */
async function expectWholeList(page: Page, list: Locator, viewport: Box) {
  await list.scrollIntoViewIfNeeded();
  const outer = (await list.boundingBox())!;
  expectInside(outer, viewport, 'list');
  const items = list.locator('li');
  for (let i = 0; i < (await items.count()); i++) {
    const item = items.nth(i);
    expectInside((await item.boundingBox())!, outer, (await item.textContent()) ?? '');
    // Not clipped: the text fits its own box.
    expect(await item.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
  }
}

const rgb = (text: string | null) => text!.split(',').map(Number) as RGB;

for (const viewport of [
  { width: 1366, height: 768 },
  { width: 1440, height: 900 },
]) {
  const screen = { x: 0, y: 0, ...viewport };
  describe(`Buitengebied at ${viewport.width}×${viewport.height}`, () => {
    let session: RecordedPage;
    let page: Page;

    beforeAll(async () => {
      session = await openPage(browser, viewport);
      page = session.page;
      await page.goto(baseUrl + '/buitengebied');
      await waitForReady(page);
    });
    afterAll(async () => {
      await session?.context.close();
    });

    it('shows the risk map in view, rank 1 inside it, and the risk legend whole', async () => {
      const map = (await page.locator('[data-testid="risk-map"]').boundingBox())!;
      expectInside(map, screen, 'map');
      const [first] = JSON.parse(
        (await page.getAttribute('[data-testid="risk-map"]', 'data-numbered'))!,
      );
      expect(first).toMatchObject({ id: 'BG-014', rank: 1, label: '1', riskClass: 'hoog' });
      const [west, south, east, north] = (await page.getAttribute(
        '[data-testid="risk-map"]',
        'data-bbox',
      ))!
        .split(',')
        .map(Number);
      expect(first.lon).toBeGreaterThan(west);
      expect(first.lon).toBeLessThan(east);
      expect(first.lat).toBeGreaterThan(south);
      expect(first.lat).toBeLessThan(north);
      const legend = page.locator('[data-testid="risk-legend"]');
      await expectWholeList(page, legend, screen);
      expect(await legend.textContent()).toContain('Hoog: score 15 of hoger (1)');
    });

    it('names the address in the map tooltip of a building', async () => {
      const bbox = (await page.getAttribute('[data-testid="risk-map"]', 'data-bbox'))!;
      const [first] = JSON.parse(
        (await page.getAttribute('[data-testid="risk-map"]', 'data-numbered'))!,
      );
      await page.mouse.move(
        ...(await pagePoint(page.getByTestId('map'), bbox, first.lon, first.lat)),
      );
      const tooltip = page.locator('.deck-tooltip');
      await expect
        .poll(() => tooltip.textContent(), POLL)
        .toContain('BG-014, Hessenweg 33, Donderdeel (stal, leegstaand)');
      expect(await tooltip.textContent()).toContain('Risico hoog: score 36,8, plaats 1');
      await page.mouse.move(0, 0);
    });

    it('shows the address of the chosen building, in its card and in the ranked list', async () => {
      expect(await page.textContent('[data-testid="selected-building"]')).toContain(
        'Hessenweg 33, Donderdeel',
      );
      const row = page.locator('[data-testid="risk-row"][data-building="BG-014"]');
      expect(await row.getByTestId('risk-row-address').textContent()).toBe(
        'Hessenweg 33, Donderdeel',
      );
      // BG-007 has no address in the demo data: its row names none.
      const bare = page.locator('[data-testid="risk-row"][data-building="BG-007"]');
      expect(await bare.getByTestId('risk-row-address').count()).toBe(0);
    });

    it('draws the Informatiecheck map with the 500 m circle and the signals in the legend colours', async () => {
      await page.click('[data-testid="open-sheet"]');
      const sheetMap = page.locator('[data-testid="sheet-map"]');
      await sheetMap.scrollIntoViewIfNeeded();
      expectInside((await sheetMap.boundingBox())!, screen, 'sheet map');
      const legend = page.locator('[data-testid="sheet-legend"]');
      await expectWholeList(page, legend.locator('ul'), screen);
      const kinds = await legend.locator('li[data-type]').evaluateAll((items) =>
        items.map((li) => ({
          colour: li.dataset.color!,
          count: Number(/\((\d+)\)/.exec(li.textContent ?? '')?.[1]),
        })),
      );
      const shownKinds = kinds.filter((k) => k.count > 0);
      expect(shownKinds.length).toBeGreaterThanOrEqual(3);
      const radius = rgb(
        await legend
          .locator('[data-testid="legend-radius"] .ring')
          .evaluate((el) =>
            getComputedStyle(el).borderTopColor.match(/\d+/g)!.slice(0, 3).join(','),
          ),
      );
      const ring = JSON.parse((await sheetMap.getAttribute('data-ring'))!) as [number, number][];
      const vertices = ring.slice(0, -1).filter((_, i) => i % 8 === 0);
      await waitForReady(page);
      await expect
        .poll(async () => {
          const bbox = await sheetMap.getAttribute('data-bbox');
          if (!bbox) return 'no box yet';
          const { points, counts } = await probeMap(page, sheetMap.getByTestId('map'), bbox, {
            points: vertices.map(([lon, lat]) => ({ lon, lat })),
            spread: 2,
            // The circle's colour is listed too, so its line counts for no kind.
            count: [...shownKinds.map((k) => rgb(k.colour)), radius],
          });
          return {
            // The circle's line lies where the ring's vertices are (most are not under a signal).
            ringDrawn:
              points.filter((square) => square.some((c) => near(c, radius, 30))).length >= 6,
            // Each kind with signals shows in its own legend colour on the map: at least a
            // quarter of one 6 px disc (the discs are drawn over the circle, slightly see-through).
            kindsDrawn: counts.slice(0, -1).every((n) => n >= 30),
          };
        }, POLL)
        .toEqual({ ringDrawn: true, kindsDrawn: true });
    });

    it('shows the address in the sheet and in the route list, coordinates only without one', async () => {
      expect(await page.textContent('[data-testid="sheet-address"]')).toBe(
        'Hessenweg 33, Donderdeel',
      );
      for (const id of ['BG-014', 'BG-007']) {
        const box = page.locator(`[data-testid="risk-row"][data-building="${id}"] input`);
        if (!(await box.isChecked())) await box.check();
      }
      await page.selectOption('[data-testid="route-start"]', 'BG-001');
      // The start list names addresses too, and stays within its panel.
      expectInside(
        (await page.getByTestId('route-start').boundingBox())!,
        (await page.getByTestId('route-panel').boundingBox())!,
        'start list',
      );
      const stops = page.locator('[data-testid="route-list"] li[data-building]');
      await expect.poll(() => stops.count(), POLL).toBe(2);
      expect(await page.textContent('[data-testid="route-panel"]')).toContain(
        'Start bij BG-001, Beekdijk 2, Donderdeel',
      );
      const text = Object.fromEntries(
        await stops.evaluateAll((items) =>
          items.map((li) => [li.dataset.building, li.textContent]),
        ),
      );
      expect(text['BG-014']).toMatch(/^\s*BG-014, Hessenweg 33, Donderdeel \(stal, leegstaand\)/);
      expect(text['BG-007']).toMatch(/^\s*BG-007 \(/);
      await waitForReady(page);
      expect(await runAxe(page)).toEqual([]);
    });
  });
}
