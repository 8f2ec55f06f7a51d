/**
 * Buitengebied in the browser: the buildings layer renders on the map, the planted vacant
 * stal with rising signals (truth `stal-signalen-leegstand`, BG-014) heads the ranked list,
 * its explanation adds up to its score, a weight change reorders the list, the
 * Informatiecheck opens with signals and previous visits, a route is planned over a
 * selection (start from the list or a map click), a recorded schouw and saved weights
 * survive a reload, and axe finds no violations.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasHasContent, launchBrowser, openPage, runAxe, scaled, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let consoleErrors: string[];
/** The page saves to IndexedDB and recomputes; on a busy machine that takes seconds. */
const POLL = { timeout: scaled(30_000) };

const rowIds = () =>
  page.$$eval('[data-testid="risk-row"]', (rows) =>
    rows.map((r) => r.getAttribute('data-building')),
  );

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, consoleErrors } = await openPage(browser));
  await page.goto(baseUrl + '/buitengebied');
  await waitForReady(page);
});
afterAll(async () => {
  await browser?.close();
});

describe('kaart en lijst', () => {
  it('draws the buildings layer on the map', async () => {
    await page.waitForSelector('[data-testid="map"] canvas');
    expect(await canvasHasContent(page, '[data-testid="map"]')).toBe(true);
    expect(await page.textContent('[data-testid="building-legend"]')).toContain('Aandachtspunt');
  });

  it('ranks the vacant stal with rising signals first and explains its score', async () => {
    const ids = await rowIds();
    expect(ids[0]).toBe('BG-014');
    expect(ids.length).toBe(10); // the vacant buildings (default filter)
    const explanation = page.locator('[data-testid="explanation"]');
    await expect.poll(() => explanation.textContent(), POLL).toContain('BG-014');
    const parts = await page.$$eval(
      '[data-testid="explanation-types"] tbody td[data-value]',
      (cells) => cells.map((c) => Number(c.getAttribute('data-value'))),
    );
    const total = Number(
      await page.getAttribute('[data-testid="explanation-total"]', 'data-value'),
    );
    expect(parts.length).toBeGreaterThan(2);
    expect(parts.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
  });

  it('filters by status and by buurt', async () => {
    await page.selectOption('[data-testid="filter-status"]', '');
    expect((await rowIds()).length).toBe(48);
    // The buurt of the planted stal (truth: BU99010602) holds it and fewer buildings.
    await page.selectOption('[data-testid="filter-area"]', 'BU99010602');
    const inBuurt = await rowIds();
    expect(inBuurt[0]).toBe('BG-014');
    expect(inBuurt.length).toBeLessThan(48);
    await page.selectOption('[data-testid="filter-area"]', '');
    await page.selectOption('[data-testid="filter-status"]', 'leegstaand');
    expect((await rowIds()).length).toBe(10);
  });

  it('a higher weight for dumping moves the most dumping-heavy building up, the least down', async () => {
    const before = await rowIds();
    // Each building's share of dumping points, read from its explanation.
    const share: Record<string, number> = {};
    for (const id of before) {
      await page.click(`[data-testid="risk-row"][data-building="${id}"] button`);
      await expect
        .poll(() => page.textContent('[data-testid="explanation"] h2'), POLL)
        .toContain(`${id} `);
      const total = Number(
        await page.getAttribute('[data-testid="explanation-total"]', 'data-value'),
      );
      const dumping = page.locator(
        '[data-testid="explanation-types"] tr[data-type="dumping"] td[data-value]',
      );
      share[id!] = (await dumping.count())
        ? Number(await dumping.getAttribute('data-value')) / total
        : 0;
    }
    const byShare = before.slice(1).sort((a, b) => share[b!] - share[a!]);
    const [most, least] = [byShare[0]!, byShare.at(-1)!];
    expect(share[most]).toBeGreaterThan(share[least]);

    await page.getByText('Gewichten en afstanden aanpassen').click();
    await page.fill('[data-testid="weight-dumping"]', '20');
    await expect.poll(rowIds, POLL).not.toEqual(before);
    const after = await rowIds();
    expect(after.indexOf(most)).toBeLessThan(before.indexOf(most));
    expect(after.indexOf(least)).toBeGreaterThanOrEqual(before.indexOf(least));
    await page.fill('[data-testid="weight-dumping"]', '2');
    await expect.poll(rowIds, POLL).toEqual(before);
    await page.click('[data-testid="risk-row"][data-building="BG-014"] button');
  });
});

describe('informatiecheck, schouw en route', () => {
  it('opens the sheet with the signals nearby and previous visits', async () => {
    await page.click('[data-testid="open-sheet"]');
    const sheet = page.locator('[data-testid="info-sheet"]');
    await sheet.waitFor();
    expect(await sheet.locator('h2').textContent()).toContain('BG-014');
    expect(await page.locator('[data-testid="sheet-signals"] tbody tr').count()).toBeGreaterThan(
      20,
    );
    expect(await sheet.textContent()).toContain('Waterschap (partner)');
    await waitForReady(page);
  });

  it('plans a route over a selection from a start point', async () => {
    for (const id of ['BG-014', 'BG-020', 'BG-006', 'BG-031']) {
      await page.getByLabel(`${id} in de route`).check();
    }
    await page.selectOption('[data-testid="route-start"]', 'BG-001');
    const stops = await page.$$eval('[data-testid="route-list"] li[data-building]', (items) =>
      items.map((i) => i.getAttribute('data-building')),
    );
    expect([...stops].sort()).toEqual(['BG-006', 'BG-014', 'BG-020', 'BG-031']);
    expect(
      Number(await page.getAttribute('[data-testid="route-length"]', 'data-value')),
    ).toBeGreaterThan(0);
    await waitForReady(page);
    expect(await canvasHasContent(page, '[data-testid="map"]')).toBe(true);
    const before = await page.getAttribute('[data-testid="route-length"]', 'data-value');

    // A click on the map moves the start point there; the same stops, another length.
    const map = page.locator('[data-testid="map"]').first();
    const box = (await map.boundingBox())!;
    await map.click({ position: { x: box.width * 0.5, y: box.height * 0.8 } });
    await expect
      .poll(() => page.textContent('[data-testid="route-panel"]'), POLL)
      .toContain('Start op de kaart gekozen punt');
    expect(await page.getAttribute('[data-testid="route-length"]', 'data-value')).not.toBe(before);
    expect(await page.locator('[data-testid="route-list"] li').count()).toBe(4);
  });

  it('has no accessibility violations with sheet and route shown', async () => {
    expect(await runAxe(page)).toEqual([]);
  });

  it('records a schouw and saved weights; both are still there after a reload', async () => {
    await page.fill('[data-testid="weight-geur"]', '4.5');
    await page.click('[data-testid="save-weights"]');
    await expect
      .poll(() => page.textContent('[data-testid="weight-editor"]'), POLL)
      .toContain('Gewichten opgeslagen');
    const form = page.locator('[data-testid="schouw-form"]');
    await form.locator('input[type="date"]').fill('2026-11-20');
    await page.selectOption('[data-testid="schouw-role"]', 'Wijkagent');
    await page.selectOption('[data-testid="schouw-outcome"]', 'doorgezet naar politie');
    await form.getByRole('button', { name: 'Vastleggen' }).click();
    await expect.poll(() => form.textContent(), POLL).toContain('vastgelegd');
    await page.waitForFunction(() =>
      document.querySelector('[data-testid="sheet-visits"]')?.textContent?.includes('Wijkagent'),
    );

    await page.reload();
    await waitForReady(page);
    const row = page.locator('[data-testid="risk-row"][data-building="BG-014"]');
    await expect
      .poll(() => row.textContent(), POLL)
      .toContain('doorgezet naar politie (20-11-2026)');
    await page.click('[data-testid="open-sheet"]');
    const visits = page.locator('[data-testid="sheet-visits"]');
    await expect.poll(() => visits.textContent(), POLL).toContain('Wijkagent');
    expect(await visits.textContent()).toContain('20-11-2026');
    expect(await page.inputValue('[data-testid="weight-geur"]')).toBe('4.5');
    expect(consoleErrors.filter((e) => !/favicon|luma|WebGL/i.test(e))).toEqual([]);
  });
});
