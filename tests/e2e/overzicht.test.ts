/**
 * The Overzicht as the start of the day (issue 26): per role what needs attention, with the
 * demo's planted truth (data/truth.json) — afval rising in Oost, Isseldreef under-visited,
 * stal BG-014 due a schouw — each item's link opening a view that shows it; the empty state
 * leading to Gegevens; the layout at common screen sizes. And Dutch everywhere: charts and
 * map buttons in an English browser, the 404 page; the period presets and Link kopiëren.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  dayInZone,
  presetPeriod,
  presetReference,
} from '../../src/lib/state/shared/period-presets';
import { readTruth, type Truth } from '../helpers/demo-node';
import {
  launchBrowser,
  navigate,
  openPage,
  queryDatabase,
  runAxe,
  waitForReady,
  type RecordedPage,
} from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let truth: Truth;
let session: RecordedPage;

const pattern = (id: string) => truth.patterns.find((p) => p.id === id) as Record<string, unknown>;
const item = (page: Page, key: string) =>
  page.locator(`[data-testid="attention-item"][data-key="${key}"]`);

async function openOverzicht(page: Page): Promise<void> {
  await waitForReady(page);
  await page.waitForSelector('[data-testid="attention-count"]');
}

beforeAll(async () => {
  truth = await readTruth();
  browser = await launchBrowser();
  session = await openPage(browser);
  await session.page.goto(baseUrl + '/');
  await openOverzicht(session.page);
});

afterAll(async () => {
  await browser?.close();
});

describe('Overzicht: what needs attention, per role', () => {
  it('starts without a console error (no published dataset next to the app)', () => {
    expect(session.consoleErrors).toEqual([]);
  });

  it('shows the planted problems with their values', async () => {
    const { page } = session;
    const isseldreef = pattern('isseldreef-onderbezocht');
    const watch = item(page, `watch:${isseldreef.watch_location_id}`);
    expect(await watch.getAttribute('data-tone')).toBe('attention');
    expect(Number(await watch.getAttribute('data-value'))).toBeLessThan(0.6);
    expect(await watch.textContent()).toContain('doel 2');
    // Only Isseldreef is behind: Perenpad and Eikenstraat are visited as planned.
    expect(await page.locator('[data-key^="watch:"]').count()).toBe(1);

    const stal = pattern('stal-signalen-leegstand');
    const schouw = item(page, 'schouw');
    expect(Number(await schouw.getAttribute('data-value'))).toBeGreaterThanOrEqual(1);
    expect(Number(await schouw.getAttribute('data-value'))).toBeLessThanOrEqual(
      truth.counts.buildings_vacant,
    );
    expect(await schouw.textContent()).toContain(String(stal.building_id));

    const rising = pattern('afval-stijging-oost');
    const trend = item(page, `trend:${rising.wijkcode}|afval`);
    expect(await trend.textContent()).toContain('Oost, afval: stijging');
    const control = pattern('afval-stabiel-stationskwartier');
    expect(await item(page, `trend:${control.wijkcode}|afval`).count()).toBe(0);

    // Open meldingen past the 14-day norm on the data's last day (31 October 2026).
    const [direct] = await queryDatabase(
      page,
      `SELECT count(*)::INTEGER AS n FROM meldingen WHERE closed_at IS NULL
        AND status IN ('gemeld', 'in behandeling') AND reported_at < TIMESTAMP '2026-10-18 00:00:00'`,
    );
    expect(Number(await item(page, 'meldingen').getAttribute('data-value'))).toBe(direct.n);

    // Freshness: every record table ends on the truth's last day, so one item says so.
    expect(await item(page, 'vers:incidents,meldingen,visits').textContent()).toContain(
      'Incidenten, meldingen en bezoeken tot en met 31 okt 2026',
    );
    const count = Number(await page.getAttribute('[data-testid="attention-count"]', 'data-value'));
    expect(count).toBe(
      await page
        .locator('[data-testid="attention-item"][data-tone="attention"]:not([data-key$=":meer"])')
        .count(),
    );
  });

  it('keeps the table counts, below the attention items', async () => {
    const { page } = session;
    expect(Number(await page.getAttribute('[data-testid="count-incidents"]', 'data-value'))).toBe(
      truth.counts.incidents,
    );
    const roles = (await page.getByTestId('attention').boundingBox())!;
    const counts = (await page.getByTestId('table-counts').boundingBox())!;
    expect(counts.y).toBeGreaterThan(roles.y + roles.height);
  });

  it('has no accessibility violations', async () => {
    expect(await runAxe(session.page)).toEqual([]);
  });

  it.each([
    [1366, 768],
    [1440, 900],
    [1920, 1080],
  ])('lays out at %i×%i without overlap or cut-off text', async (width, height) => {
    const { page } = session;
    await page.setViewportSize({ width, height });
    const layout = await page.evaluate(() => {
      const box = (el: Element) => {
        const r = el.getBoundingClientRect();
        return { left: r.left, right: r.right, top: r.top, bottom: r.bottom };
      };
      const cards = [...document.querySelectorAll('[data-testid^="role-"]')];
      const blocks = ['h1', '[data-testid="overzicht-headline"]', '[data-testid="attention"]']
        .map((s) => document.querySelector(s)!)
        .concat(document.querySelector('[data-testid="table-counts"]')!);
      const clipped = [
        ...document.querySelectorAll(
          '[data-testid="attention-item"], [data-testid^="role-"], .app-header *',
        ),
      ]
        .filter(
          (el) =>
            el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflowX !== 'visible',
        )
        .map((el) => el.outerHTML.slice(0, 80));
      return {
        pageWidth: document.documentElement.scrollWidth,
        cards: cards.map(box),
        blocks: blocks.map(box),
        header: [...document.querySelectorAll('.app-header a, .app-header button')].map(box),
        clipped,
      };
    });
    expect(layout.pageWidth).toBeLessThanOrEqual(width);
    expect(layout.cards).toHaveLength(3);
    const overlaps = (a: (typeof layout.cards)[0], b: (typeof layout.cards)[0]) =>
      a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1;
    for (const group of [layout.cards, layout.blocks, layout.header]) {
      for (const [i, a] of group.entries()) {
        expect(a.left).toBeGreaterThanOrEqual(0);
        expect(a.right).toBeLessThanOrEqual(width);
        for (const b of group.slice(i + 1)) expect(overlaps(a, b)).toBe(false);
      }
    }
    // The three roles side by side on these screens, the first row in view.
    expect(new Set(layout.cards.map((c) => Math.round(c.top))).size).toBe(1);
    expect(layout.cards[0].top).toBeLessThan(height);
    expect(layout.clipped).toEqual([]);
    await page.setViewportSize({ width: 1440, height: 900 });
  });
});

describe('Overzicht: every item leads to a view that shows it', () => {
  async function follow(key: string): Promise<Page> {
    const { page } = session;
    await page.goto(baseUrl + '/');
    await openOverzicht(page);
    await item(page, key).getByTestId('attention-link').click();
    await page.waitForURL((url) => url.pathname !== '/');
    await waitForReady(page);
    return page;
  }

  it('a trend: Wijken with that wijk, theme and three months, flagged', async () => {
    const wijk = String(pattern('afval-stijging-oost').wijkcode);
    const page = await follow(`trend:${wijk}|afval`);
    const url = new URL(page.url());
    expect(url.pathname).toBe('/wijken');
    expect(Object.fromEntries(url.searchParams)).toMatchObject({
      wijk,
      thema: 'afval',
      periode: '3',
    });
    await page.waitForSelector(
      `[data-testid="trend-flags"] li[data-key="${wijk}|afval"][data-flag="stijging"]`,
    );
  });

  it('an aandachtslocatie: Wijken with its visits below target', async () => {
    const id = String(pattern('isseldreef-onderbezocht').watch_location_id);
    const page = await follow(`watch:${id}`);
    expect(new URL(page.url()).pathname).toBe('/wijken');
    await page.waitForSelector(`[data-testid="watch-${id}"] [data-below="true"]`);
  });

  it('the schouw: Buitengebied listing the building with its last schouw', async () => {
    const id = String(pattern('stal-signalen-leegstand').building_id);
    const page = await follow('schouw');
    expect(new URL(page.url()).pathname).toBe('/buitengebied');
    await page.waitForSelector(`[data-testid="risk-list"] tr:has-text("${id}")`);
  });

  it('open meldingen: Management at its section on them, with the same number', async () => {
    const page = await follow('meldingen');
    expect(new URL(page.url()).pathname).toBe('/management');
    const over = page.locator('[data-testid="handling-kpis"] [data-kpi="over"]');
    await over.waitFor();
    const [direct] = await queryDatabase(
      page,
      `SELECT count(*)::INTEGER AS n FROM meldingen WHERE closed_at IS NULL
        AND status IN ('gemeld', 'in behandeling') AND reported_at < TIMESTAMP '2026-10-18 00:00:00'`,
    );
    expect(Number(await over.getAttribute('data-value'))).toBe(direct.n);
    // The section is drawn after its figures: the page moves there, focus on its heading.
    await page.waitForFunction(() => document.activeElement?.id === 'afhandeling-meldingen-kop');
    const top = await page
      .locator('#afhandeling-meldingen-kop')
      .evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeGreaterThanOrEqual(0);
    expect(top).toBeLessThan(page.viewportSize()!.height / 2);
  });

  it('freshness: Gegevens', async () => {
    const page = await follow('vers:incidents,meldingen,visits');
    expect(new URL(page.url()).pathname).toBe('/gegevens');
  });
});

describe('Overzicht without data', () => {
  it('leads to Gegevens', async () => {
    const fresh = await openPage(browser);
    const { page } = fresh;
    await page.goto(baseUrl + '/gegevens');
    await waitForReady(page);
    await page.getByRole('button', { name: 'Demogemeente Donderdeel verwijderen' }).click();
    await page.getByRole('button', { name: 'Ja, verwijderen' }).click();
    await page.waitForSelector('[data-testid="datasets-status"]:has-text("is verwijderd")');
    await waitForReady(page);
    await navigate(page, 'Overzicht', '/');
    const empty = page.getByTestId('overzicht-empty');
    await empty.waitFor();
    expect(await page.getByTestId('attention').count()).toBe(0);
    const link = empty.getByRole('link', { name: 'Gegevens inlezen' });
    await link.click();
    await page.waitForURL((url) => url.pathname === '/gegevens');
    expect(await runAxe(page)).toEqual([]);
    expect(fresh.consoleErrors).toEqual([]);
    await fresh.context.close();
  });
});

describe('Dutch in an English browser', () => {
  it('charts use Dutch numbers and the map’s buttons Dutch titles', async () => {
    const english = await openPage(browser, undefined, { locale: 'en-US' });
    const { page } = english;
    await page.goto(baseUrl + '/verkennen');
    await waitForReady(page);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    await page.waitForSelector('.maplibregl-ctrl-zoom-in');
    expect(await page.getAttribute('.maplibregl-ctrl-zoom-in', 'title')).toBe('Inzoomen');
    expect(await page.getAttribute('.maplibregl-ctrl-zoom-out', 'title')).toBe('Uitzoomen');
    const ticks = (
      await page.evaluate(() =>
        (
          globalThis as unknown as { __wijkradarChartTicks: () => string[][] }
        ).__wijkradarChartTicks(),
      )
    ).flat();
    // The theme bars reach thousands: grouped with a dot, never with a comma.
    expect(ticks.some((t) => /^\d{1,3}(\.\d{3})+$/.test(t))).toBe(true);
    expect(ticks.filter((t) => /\d,\d{3}/.test(t))).toEqual([]);
    await english.context.close();
  });

  it('answers an unknown address with a Dutch 404 page', async () => {
    const { page } = session;
    await page.goto(baseUrl + '/bestaat-niet');
    const error = page.getByTestId('error-page');
    await error.waitFor();
    expect(await error.getAttribute('data-status')).toBe('404');
    expect(await page.locator('h1').textContent()).toBe('Deze pagina bestaat niet');
    expect(await page.title()).toBe('Pagina niet gevonden — wijkradar');
    await error.getByRole('link', { name: 'Overzicht' }).click();
    await openOverzicht(page);
  });
});

describe('Take-away', () => {
  it('period presets set van and tot in the filter and the URL', async () => {
    const { page } = session;
    await page.goto(baseUrl + '/wijken');
    await waitForReady(page);
    const reference = presetReference(dayInZone(new Date()), truth.period.to);
    for (const id of ['vorig-jaar', 'laatste-4-weken'] as const) {
      const expected = presetPeriod(id, reference);
      const button = page.locator(`[data-testid="period-presets"] [data-preset="${id}"]`);
      await button.click();
      await page.waitForURL(
        (url) =>
          url.searchParams.get('van') === expected.from &&
          url.searchParams.get('tot') === expected.to,
      );
      await waitForReady(page);
      expect(await button.getAttribute('aria-pressed')).toBe('true');
      expect(await page.inputValue('input[data-filter="van"]')).toBe(expected.from);
      expect(await page.inputValue('input[data-filter="tot"]')).toBe(expected.to);
    }
  });

  it('Link kopiëren puts the current address on the clipboard and says so', async () => {
    const copying = await openPage(browser, undefined, {
      permissions: ['clipboard-read', 'clipboard-write'],
    });
    const { page } = copying;
    await page.goto(baseUrl + '/tijden?bron=meldingen&thema=afval');
    await waitForReady(page);
    await page.getByRole('button', { name: 'Link kopiëren' }).click();
    const status = page.getByTestId('copy-link-status');
    await expect.poll(() => status.textContent()).toContain('Link gekopieerd');
    expect(await status.getAttribute('aria-live')).toBe('polite');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(page.url());
    expect(page.url()).toContain('thema=afval');
    await copying.context.close();
  });
});
