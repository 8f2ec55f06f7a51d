/**
 * Verkennen in the browser: the hotspot layer (Gi* with FDR on hexagons) renders, its
 * legend names every class in words with the number of cells, a theme filter changes the
 * result, and the page stays accessible.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasHasContent, launchBrowser, openPage, runAxe, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await openPage(browser));
  await page.goto(baseUrl + '/verkennen');
  await waitForReady(page);
});
afterAll(async () => {
  await browser?.close();
});

const cells = async (klass: number) =>
  Number(await page.getAttribute(`[data-testid="hotspot-count-${klass}"]`, 'data-value'));

describe('hotspotlaag', () => {
  it('shows significant hot spots with a legend in words', async () => {
    await page.getByLabel('Hotspots (Getis-Ord Gi*)').check();
    await page.waitForSelector('[data-testid="hotspot-count-3"]');
    await waitForReady(page);
    expect(await cells(3)).toBeGreaterThan(0);
    expect(await page.textContent('[data-testid="hotspot-legend"]')).toContain('Hotspot (99%)');
    expect(await canvasHasContent(page, '[data-testid="map"]')).toBe(true);
  });

  it('follows the theme filter', async () => {
    const all = await cells(3);
    await page.selectOption('[data-testid="hotspot-theme"]', 'jeugd');
    await page.waitForFunction(
      (before) =>
        document.querySelector('[data-testid="hotspot-count-3"]')?.getAttribute('data-value') !==
        String(before),
      all,
    );
    await waitForReady(page);
    const jeugd = await cells(3);
    expect(jeugd).toBeGreaterThan(0);
    expect(jeugd).not.toBe(all);
  });

  it('has no accessibility violations with the hotspot legend shown', async () => {
    expect(await runAxe(page)).toEqual([]);
  });
});

describe('weergave in de URL', () => {
  it('puts layer and theme in the URL; reload and back restore them', async () => {
    // State from the previous tests: hotspots, theme jeugd.
    expect(new URL(page.url()).search).toBe('?laag=hotspots&thema=jeugd');
    await page.reload();
    await waitForReady(page);
    expect(await page.inputValue('[data-testid="hotspot-theme"]')).toBe('jeugd');
    expect(await page.getByLabel('Hotspots (Getis-Ord Gi*)').isChecked()).toBe(true);
    const afterReload = await cells(3);
    expect(afterReload).toBeGreaterThan(0);

    await page.goBack(); // to "alle thema's"
    await page.waitForURL((url) => url.search === '?laag=hotspots');
    await waitForReady(page);
    expect(await page.inputValue('[data-testid="hotspot-theme"]')).toBe('');
    expect(await cells(3)).not.toBe(afterReload);

    await page.goBack(); // to the points layer
    await page.waitForURL((url) => url.search === '');
    await waitForReady(page);
    expect(await page.getAttribute('[data-testid="points-count"]', 'data-value')).not.toBeNull();
  });

  it('opens a shared link in the same view', async () => {
    const { page: colleague, context } = await openPage(browser);
    await colleague.goto(baseUrl + '/verkennen?laag=hotspots&thema=horeca');
    await waitForReady(colleague);
    expect(await colleague.inputValue('[data-testid="hotspot-theme"]')).toBe('horeca');
    await colleague.waitForSelector('[data-testid="hotspot-count-3"]');
    await context.close();
  });
});
