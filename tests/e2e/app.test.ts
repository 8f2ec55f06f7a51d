/**
 * The first run, as a user meets it: a fresh browser profile opens the app, Donderdeel is
 * loaded into DuckDB-WASM, the start page shows the exact counts of the truth file, every
 * view is reachable, accessible, and nothing is requested from any other origin.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { NAV_ITEMS } from '../../src/lib/components/nav-items';
import type { Connector, Row } from '../../src/lib/data/connector';
import { ENGINE_LOAD_FAILED } from '../../src/lib/data/engine-errors';
import { loadDemoInNode, readTruth, type Truth } from '../helpers/demo-node';
import { PARITY_QUERIES } from '../helpers/parity-queries';
import {
  canvasHasContent,
  launchBrowser,
  openPage,
  type RecordedPage,
  runAxe,
  scaled,
  waitForReady,
} from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let truth: Truth;
let first: RecordedPage;

beforeAll(async () => {
  truth = await readTruth();
  browser = await launchBrowser();
  first = await openPage(browser);
  await first.page.goto(baseUrl + '/');
  await waitForReady(first.page);
});

afterAll(async () => {
  await browser?.close();
});

describe('eerste start met Donderdeel', () => {
  it('shows the exact record counts of the truth file', async () => {
    const count = async (table: string) =>
      Number(await first.page.getAttribute(`[data-testid="count-${table}"]`, 'data-value'));
    expect(await count('incidents')).toBe(truth.counts.incidents);
    expect(await count('meldingen')).toBe(truth.counts.meldingen);
    expect(await count('visits')).toBe(truth.counts.visits);
    expect(await count('buildings')).toBe(truth.counts.buildings);
    expect(await count('watch_locations')).toBe(truth.counts.watch_locations);
    expect(await count('interventions')).toBe(truth.counts.interventions);
    expect(await count('areas')).toBe(1 + truth.counts.wijken + truth.counts.buurten);
    // Dutch number formatting, as the user reads it.
    const shown = await first.page.textContent('[data-testid="count-meldingen"]');
    expect(shown).toBe(new Intl.NumberFormat('nl-NL').format(truth.counts.meldingen));
  });

  it('shows the period the records cover, in Dutch', async () => {
    const text = await first.page.textContent('[data-testid="period"]');
    const fmt = (iso: string) =>
      new Intl.DateTimeFormat('nl-NL', {
        day: 'numeric',
        month: 'long',
        year: 'numeric',
        timeZone: 'UTC',
      }).format(new Date(iso + 'T00:00:00Z'));
    expect(text).toContain(fmt(truth.period.from));
    expect(text).toContain(fmt(truth.period.to));
  });

  it('is in Dutch and requested nothing outside its own origin', async () => {
    expect(await first.page.getAttribute('html', 'lang')).toBe('nl');
    const origin = new URL(baseUrl).origin;
    const foreign = first.requests.filter(
      (url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'),
    );
    expect(foreign).toEqual([]);
    expect(first.requests.some((url) => url.endsWith('.wasm'))).toBe(true);
    expect(first.consoleErrors).toEqual([]);
  });
});

/** The number of incidents the start page shows once ready. */
const shownIncidents = async (page: Page) =>
  Number(await page.getAttribute('[data-testid="count-incidents"]', 'data-value'));
const ENGINE_WASM = /\/duckdb-eh\.[\w-]+\.wasm$/;

describe('de rekenmodule', () => {
  it('still opens when the engine the page started cannot load its WebAssembly', async () => {
    const flaky = await openPage(browser);
    try {
      let requests = 0;
      await flaky.context.route(ENGINE_WASM, (route) =>
        requests++ === 0 ? route.abort() : route.continue(),
      );
      await flaky.page.goto(baseUrl + '/');
      await waitForReady(flaky.page);
      expect(requests).toBe(2);
      expect(await shownIncidents(flaky.page)).toBe(truth.counts.incidents);
    } finally {
      await flaky.context.close();
    }
  });

  it('says in Dutch when it cannot load at all, and starts on "Opnieuw proberen"', async () => {
    const offline = await openPage(browser);
    try {
      await offline.context.route(ENGINE_WASM, (route) => route.abort());
      await offline.page.goto(baseUrl + '/');
      const alert = offline.page.getByRole('alert');
      await expect
        .poll(() => alert.textContent(), { timeout: scaled(30_000) })
        .toContain(ENGINE_LOAD_FAILED);
      await offline.context.unroute(ENGINE_WASM);
      await offline.page.getByRole('button', { name: 'Opnieuw proberen' }).click();
      await waitForReady(offline.page);
      expect(await shownIncidents(offline.page)).toBe(truth.counts.incidents);
    } finally {
      await offline.context.close();
    }
  });
});

describe('navigatie en toegankelijkheid', () => {
  for (const item of NAV_ITEMS) {
    it(`${item.label}: reachable from the navigation, ready, axe clean`, async () => {
      const { page } = first;
      await page
        .getByRole('navigation', { name: 'Hoofdnavigatie' })
        .getByRole('link', { name: item.label, exact: true })
        .click();
      await page.waitForURL((url) => url.pathname === item.path);
      await waitForReady(page);
      const navLink = page
        .getByRole('navigation', { name: 'Hoofdnavigatie' })
        .getByRole('link', { name: item.label, exact: true });
      expect(await navLink.getAttribute('aria-current')).toBe('page');
      await expect(page.locator('h1').textContent()).resolves.toBe(item.label);
      const violations = await runAxe(page);
      expect(violations).toEqual([]);
    });
  }

  it('works with the keyboard: skip link first, then the navigation', async () => {
    const { page } = first;
    await page.goto(baseUrl + '/');
    await waitForReady(page);
    const focusOrder: string[] = [];
    for (let i = 0; i < 4; i++) {
      await page.keyboard.press('Tab');
      focusOrder.push(await page.evaluate(() => document.activeElement?.textContent?.trim() ?? ''));
    }
    expect(focusOrder).toEqual(['Naar de inhoud', 'wijkradar', 'Overzicht', 'Verkennen']);
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => url.pathname === '/verkennen');
    await waitForReady(page);
    expect(await page.locator('h1').textContent()).toBe('Verkennen');
  });
});

describe('offline basiskaart', () => {
  it('draws the base map and the incident points without any tile server', async () => {
    const { page, requests } = await openPage(browser);
    // Verkennen shows all sources by default; the shared filter narrows it to incidents.
    await page.goto(baseUrl + '/verkennen?bron=incidenten');
    await waitForReady(page);
    const shown = await page.getAttribute('[data-testid="points-count"]', 'data-value');
    expect(Number(shown)).toBe(truth.counts.incidents);
    expect(await canvasHasContent(page, '[data-testid="map"] .maplibregl-canvas-container')).toBe(
      true,
    );
    expect(await canvasHasContent(page, '[data-testid="map"]')).toBe(true);
    expect(requests.some((url) => url.includes('maplibre-gl-worker'))).toBe(true);
    const origin = new URL(baseUrl).origin;
    expect(
      requests.filter(
        (url) => !url.startsWith(origin) && !url.startsWith('blob:') && !url.startsWith('data:'),
      ),
    ).toEqual([]);
    await page.context().close();
  });
});

describe('connector: browser en Node geven hetzelfde antwoord', () => {
  let node: Connector;
  beforeAll(async () => {
    node = await loadDemoInNode();
  });
  afterAll(async () => {
    await node?.close();
  });

  for (const [name, query] of Object.entries(PARITY_QUERIES)) {
    it(name, async () => {
      const inBrowser = await first.page.evaluate(
        (q) =>
          (
            globalThis as unknown as { __wijkradar: { query: (q: unknown) => Promise<Row[]> } }
          ).__wijkradar.query(q),
        query,
      );
      const inNode = await node.query(query);
      expect(inNode.length).toBeGreaterThan(0);
      expect(inBrowser).toEqual(inNode);
    });
  }
});
