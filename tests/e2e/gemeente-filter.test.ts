/**
 * The region filter (issue 25): the filter panel offers "Gemeente" only when the data holds
 * more than one gemeente — not on the demo (one), but on a region's publication (two), where
 * it is worked with the keyboard, names each gemeente and narrows every count.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { SERVER_SECURITY_HEADERS } from '../../scripts/lib/csp.js';
import { startStaticServer, type StaticServer } from '../../scripts/lib/static-server';
import { RECORD_TABLES } from '../../src/lib/data/schema';
import { launchBrowser, openPage, runAxe, scaled, waitForReady } from './browser';
import { writePublishedSite } from './published-site';

const baseUrl = inject('baseUrl');
let browser: Browser;
let work: string;
let server: StaticServer;

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'wijkradar-gemeente-'));
  const site = path.join(work, 'site');
  // A region of two: the wijk Zuid and its records become the gemeente "Tweedeel".
  await writePublishedSite(site, 'regio', async (conn) => {
    await conn.exec(`INSERT INTO areas SELECT 'GM9902', 'Tweedeel', 'gemeente', NULL, NULL, FALSE,
        NULL, geometry, min_lon, min_lat, max_lon, max_lat, 'regio', 'GM9902'
      FROM areas WHERE code = 'WK990103'`);
    for (const table of [...RECORD_TABLES, 'areas']) {
      await conn.exec(`UPDATE ${table} SET gemeente = 'GM9902'
        WHERE ${table === 'areas' ? "code = 'WK990103' OR parent = 'WK990103'" : "wijkcode = 'WK990103'"}`);
    }
  });
  server = await startStaticServer(site, '/wijkradar', SERVER_SECURITY_HEADERS);
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  if (work) await rm(work, { recursive: true, force: true });
});

const gemeenteBoxes = '[data-filter="gemeente"]';

describe('the Gemeente filter', () => {
  it('is not offered on the data of one gemeente', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${baseUrl}/tijden`);
    await waitForReady(page);
    // The panel's options are in (the themes of the data), and no Gemeente among them.
    await page.locator('[data-filter="thema"]').first().waitFor();
    expect(await page.locator(gemeenteBoxes).count()).toBe(0);
    await page.close();
  });

  it('is offered on a region of two, by name, with the keyboard, and narrows the counts', async () => {
    const { page } = await openPage(browser);
    await page.goto(`${server.url}/tijden`);
    await waitForReady(page, scaled(120_000));
    const panel = page.getByTestId('filter-panel');
    await expect.poll(() => page.locator(gemeenteBoxes).count()).toBe(2);
    const group = panel.getByRole('group', { name: 'Gemeente' });
    const labels = (await group.locator('label').allTextContents()).map((t) => t.trim());
    expect(labels).toEqual(['Donderdeel (GM9901)', 'Tweedeel (GM9902)']);
    const known = () => page.getAttribute('[data-testid="times-summary"]', 'data-known');
    const before = Number(await known());
    const tweedeel = group.getByRole('checkbox', { name: 'Tweedeel (GM9902)' });
    await tweedeel.focus();
    await page.keyboard.press('Space');
    await page.waitForURL((url) => url.searchParams.get('gemeente') === 'GM9902', {
      timeout: scaled(10_000),
    });
    await waitForReady(page);
    await expect.poll(async () => Number(await known())).toBeLessThan(before);
    expect(await panel.getByText('Gemeente: Tweedeel').count()).toBeGreaterThan(0);
    expect(await runAxe(page)).toEqual([]);
    await page.close();
  });
});
