/**
 * Take-away from Verkennen: the hotspot, emerging-hotspot and choropleth results as GeoJSON
 * (for QGIS) and CSV, and the map itself as PNG — downloads that hold what the map shows,
 * never a count of 1–4, nothing fetched from another origin, and the panel stays accessible.
 */
import { readFile } from 'node:fs/promises';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchBrowser, openPage, runAxe, waitForReady } from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;
let requests: string[];

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page, requests } = await openPage(browser));
  await page.goto(`${baseUrl}/verkennen?lagen=hotspots,gebieden&cel=200&buren=r2`);
  await page.waitForSelector('[data-testid="hotspot-count-3"]');
  await page.waitForSelector('[data-testid="legend-gebieden"]');
  await waitForReady(page);
});
afterAll(async () => {
  await browser?.close();
});

async function download(exportKey: string): Promise<Buffer> {
  const [file] = await Promise.all([
    page.waitForEvent('download'),
    page.locator(`[data-export="${exportKey}"]`).click(),
  ]);
  return readFile((await file.path())!);
}

const SMALL = new Set([1, 2, 3, 4]);

describe('Verkennen exports', () => {
  it('saves the hotspot cells as GeoJSON with the classes the legend counts', async () => {
    const fc = JSON.parse((await download('hotspots-geojson')).toString('utf8'));
    expect(fc.type).toBe('FeatureCollection');
    expect(fc.name).toBe('Hotspots (Gi*)');
    const hot99 = fc.features.filter(
      (f: { properties: { klasse: string } }) => f.properties.klasse === 'Hotspot (99%)',
    ).length;
    const legendCount = Number(
      await page.getAttribute('[data-testid="hotspot-count-3"]', 'data-value'),
    );
    expect(hot99).toBe(legendCount);
    for (const f of fc.features) {
      expect(f.geometry.type).toBe('Polygon');
      const ring = f.geometry.coordinates[0];
      expect(ring[0]).toEqual(ring[ring.length - 1]);
      expect(SMALL.has(f.properties.aantal)).toBe(false);
      expect(f.properties).not.toHaveProperty('z');
    }
    expect(
      fc.features.some(
        (f: { properties: { aantal_tekst: string } }) => f.properties.aantal_tekst === '<5',
      ),
    ).toBe(true);
  });

  it('saves the hotspot cells and the wijken as CSV without small counts', async () => {
    const hot = (await download('hotspots-csv')).toString('utf8').replace(/^\uFEFF/, '');
    const hotRows = hot.trim().split('\r\n');
    expect(hotRows[0]).toBe('Cel;Lengtegraad (midden);Breedtegraad (midden);Klasse;Aantal');
    for (const row of hotRows.slice(1)) expect(SMALL.has(Number(row.split(';')[4]))).toBe(false);
    const areas = (await download('gebieden-csv')).toString('utf8').replace(/^\uFEFF/, '');
    const areaRows = areas.trim().split('\r\n');
    expect(areaRows[0]).toBe('Code;Naam;Aantal;Inwoners;Per 1.000 inwoners;Toelichting');
    expect(areaRows.length).toBeGreaterThan(3);
    for (const row of areaRows.slice(1)) expect(SMALL.has(Number(row.split(';')[2]))).toBe(false);
  });

  it('saves the wijken as GeoJSON with names, counts and rates', async () => {
    const fc = JSON.parse((await download('gebieden-geojson')).toString('utf8'));
    expect(fc.name).toBe('Wijken');
    expect(fc.features.length).toBeGreaterThan(3);
    const first = fc.features[0].properties;
    expect(first).toHaveProperty('code');
    expect(typeof first.naam).toBe('string');
    expect(['Polygon', 'MultiPolygon']).toContain(fc.features[0].geometry.type);
  });

  it('saves the map as a PNG with the layers drawn on the base map', async () => {
    const png = await download('map-png');
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    const width = png.readUInt32BE(16);
    const height = png.readUInt32BE(20);
    const mapSize = await page.evaluate(() => {
      const c = document.querySelector('[data-testid="map"] canvas.maplibregl-canvas');
      return c ? [(c as HTMLCanvasElement).width, (c as HTMLCanvasElement).height] : [0, 0];
    });
    expect(width).toBe(mapSize[0]);
    expect(height).toBeGreaterThan(mapSize[1]); // the caption band below the map
    // A drawn map compresses far worse than an empty white image of this size.
    expect(png.length).toBeGreaterThan(20_000);
  });

  it('keeps the export panel accessible and everything on the origin', async () => {
    const violations = await runAxe(page);
    expect(violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    const origin = new URL(baseUrl).origin;
    expect(
      requests.filter(
        (url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'),
      ),
    ).toEqual([]);
  });
});
