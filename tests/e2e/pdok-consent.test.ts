/**
 * The online PDOK basemap takes the user's consent (display/pdok.ts, shared/PRODUCT.md
 * Privacy): a shared link with `?achtergrond=pdok` opens on the offline map with an
 * accessible question, and nothing leaves the app's origin until the user confirms; the
 * consent is remembered in this browser and can be withdrawn beside the checkbox.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { canvasHasContent, launchBrowser, openPage, runAxe, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
const origin = new URL(baseUrl).origin;
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Requests that left the app's origin. */
const offOrigin = (requests: string[]) =>
  requests.filter(
    (url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'),
  );

const QUESTION = '[data-testid="pdok-consent"]';

/** Opens a Verkennen link in a fresh profile; PDOK's answers are refused (tests never use it). */
async function openLink(query: string) {
  const opened = await openPage(browser);
  await opened.context.route('https://api.pdok.nl/**', (route) => route.abort());
  await opened.page.goto(`${baseUrl}/verkennen${query}`);
  await waitForReady(opened.page);
  return opened;
}

const pointsShown = async (page: Page) =>
  Number(await page.getAttribute('[data-testid="points-count"]', 'data-value'));

describe('online achtergrondkaart uit een link', () => {
  it('asks first, accessibly, and requests nothing outside the app before or without an answer', async () => {
    const { page, context, requests } = await openLink('?achtergrond=pdok');
    await page.waitForSelector(QUESTION);
    const question = await page.textContent(QUESTION);
    expect(question).toContain('Deze link vraagt om de online achtergrondkaart van PDOK.');
    expect(question).toContain('api.pdok.nl');
    expect(await page.getByRole('button', { name: 'Online kaart aanzetten' }).count()).toBe(1);
    expect(await page.getByRole('button', { name: 'Offline blijven' }).count()).toBe(1);
    expect(await page.getByRole('region', { name: 'Online achtergrondkaart?' }).count()).toBe(1);
    // The offline map with the data, and no PDOK attribution (nothing of PDOK is shown).
    expect(await pointsShown(page)).toBeGreaterThan(10_000);
    expect(await canvasHasContent(page, '[data-testid="map"]')).toBe(true);
    expect(await page.locator('[data-testid="pdok-attribution"]').count()).toBe(0);
    const violations = await runAxe(page);
    expect(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical')).toEqual([]);
    // Time for a style request that should not come.
    await page.waitForTimeout(1000);
    expect(offOrigin(requests)).toEqual([]);

    await page.getByRole('button', { name: 'Offline blijven' }).click();
    await page.waitForSelector(QUESTION, { state: 'detached' });
    await page.waitForURL((url) => !url.searchParams.has('achtergrond'));
    expect(await page.isChecked('[data-testid="basemap-pdok"]')).toBe(false);
    expect(await page.evaluate(() => localStorage.getItem('wijkradar.pdok-toestemming'))).toBe(
      null,
    );
    expect(offOrigin(requests)).toEqual([]);
    await context.close();
  });

  it('requests PDOK only after the user confirms, remembers it, and forgets it when withdrawn', async () => {
    const { page, context, requests } = await openLink('?achtergrond=pdok');
    await page.waitForSelector(QUESTION);
    expect(offOrigin(requests)).toEqual([]);
    await page.getByRole('button', { name: 'Online kaart aanzetten' }).click();
    await page.waitForSelector('[data-testid="pdok-attribution"]:has-text("niet bereikbaar")');
    expect(offOrigin(requests).every((url) => url.startsWith('https://api.pdok.nl/'))).toBe(true);
    expect(offOrigin(requests).length).toBeGreaterThan(0);
    expect(await page.locator(QUESTION).count()).toBe(0);
    expect(await page.isChecked('[data-testid="basemap-pdok"]')).toBe(true);
    // PDOK unreachable: the offline map stays, with the data layers.
    expect(await pointsShown(page)).toBeGreaterThan(10_000);
    expect(await canvasHasContent(page, '[data-testid="map"]')).toBe(true);

    // Remembered in this browser: the next link opens PDOK without asking.
    await page.reload();
    await waitForReady(page);
    await page.waitForSelector('[data-testid="pdok-attribution"]');
    expect(await page.locator(QUESTION).count()).toBe(0);

    // Withdrawn beside the checkbox: the offline map, and a link asks again.
    await page.click('[data-testid="basemap-consent-revoke"]');
    await page.waitForURL((url) => !url.searchParams.has('achtergrond'));
    expect(await page.isChecked('[data-testid="basemap-pdok"]')).toBe(false);
    expect(await page.locator('[data-testid="basemap-consent"]').count()).toBe(0);
    requests.length = 0;
    await page.goto(`${baseUrl}/verkennen?achtergrond=pdok`);
    await waitForReady(page);
    await page.waitForSelector(QUESTION);
    await page.waitForTimeout(1000);
    expect(offOrigin(requests)).toEqual([]);
    await context.close();
  });

  it('asks too when the user ticks the PDOK checkbox, before anything is requested', async () => {
    const { page, context, requests } = await openLink('');
    await page.click('[data-testid="basemap-pdok"]');
    await page.waitForSelector(QUESTION);
    expect(await page.textContent(QUESTION)).toContain(
      'U kiest de online achtergrondkaart van PDOK.',
    );
    await page.waitForTimeout(1000);
    expect(offOrigin(requests)).toEqual([]);
    await context.close();
  });
});
