/**
 * Management in the browser on Donderdeel: the KPI table flags the planted under-served
 * wijk Zuid, the honden sanctions in Noord are highlighted, the Stationsplein evaluation
 * shows the planted displacement (truth: buffer 32 → 111) with a chart of the three areas
 * (its start marked on the day) and a map of them with a legend, and reacts to the buffer
 * width; the handling of meldingen counts open ones and the doorlooptijd against a norm
 * typed with the keyboard (and kept); the printed report opens with a summary of what
 * changed, then charts, then the tables with the real changes first, says the WDQ once,
 * prints the handling of meldingen with the norm of its link and the CSV's suppression,
 * hides the navigation, suppresses small counts and renders to PDF. axe finds no violations.
 * The sections below the evaluation, and its map, load after the view with their own signal.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import {
  DEFAULT_DAGDELEN,
  dateToLocalMs,
  formatDate,
  formatTimestamp,
  type HistoryRecord,
} from '../../src/lib/analysis/briefing';
import { scoreForecasts, type Forecast } from '../../src/lib/analysis/forecast-score';
import { cellOf } from '../../src/lib/analysis/hex-grid';
import { wgs84ToRd } from '../../src/lib/analysis/rd';
import type { Query } from '../../src/lib/data/connector';
import { buildForecastRecordsQuery } from '../../src/lib/data/queries/briefing';
import { buildDataPeriodQuery } from '../../src/lib/data/queries/filter-options';
import { findRecoveries, type Published } from '../helpers/disclosure';
import {
  canvasHasContent,
  launchBrowser,
  openPage,
  queryDatabase,
  runAxe,
  waitForReady,
} from './browser';

const baseUrl = inject('baseUrl');
let browser: Browser;
let page: Page;

beforeAll(async () => {
  browser = await launchBrowser();
  ({ page } = await openPage(browser));
  await page.goto(baseUrl + '/management');
  await waitForReady(page);
});
afterAll(async () => {
  await browser?.close();
});

interface DrawnMarker {
  date: string;
  label: string;
  x: number;
  top: number;
  bottom: number;
  left: number;
  right: number;
}

const markersOf = async (p: Page, chart: string): Promise<DrawnMarker[]> =>
  JSON.parse((await p.getAttribute(`[data-testid="${chart}"] canvas`, 'data-markers')) ?? '[]');

/** Share of the rows from `top` to `bottom` that are near-black at x (±1 px) on the canvas. */
const darkShare = (p: Page, chart: string, x: number, top: number, bottom: number) =>
  p.evaluate(
    ({ chart, x, top, bottom }) => {
      const canvas = document.querySelector(`[data-testid="${chart}"] canvas`) as HTMLCanvasElement;
      const scale = canvas.width / canvas.clientWidth;
      const ctx = canvas.getContext('2d')!;
      const [x0, y0] = [Math.round((x - 1) * scale), Math.round(top * scale)];
      const h = Math.round((bottom - top) * scale);
      const data = ctx.getImageData(x0, y0, Math.round(2 * scale) + 1, h).data;
      const width = Math.round(2 * scale) + 1;
      let dark = 0;
      for (let row = 0; row < h; row++) {
        let darkest = 255;
        for (let col = 0; col < width; col++) {
          const i = 4 * (row * width + col);
          darkest = Math.min(darkest, Math.max(data[i], data[i + 1], data[i + 2]));
        }
        if (darkest < 70) dark++;
      }
      return dark / h;
    },
    { chart, x, top, bottom },
  );

const [DAY, HOUR] = [86_400_000, 3_600_000];

/**
 * A forecast for one day and dagdeel of the four scored weeks (ending on `last`) that names
 * four hexagons of the briefing's size with exactly one registration each then; `total`:
 * all registrations of that dagdeel that day.
 */
async function plantFourHits(
  p: Page,
  last: string,
): Promise<{ forecast: Forecast; total: number }> {
  const lastMs = dateToLocalMs(last);
  const query = buildForecastRecordsQuery({
    from: formatTimestamp(lastMs - 27 * DAY),
    to: formatTimestamp(lastMs + DAY),
  });
  const records = (await p.evaluate(
    (q: Query) =>
      (
        globalThis as unknown as { __wijkradar: { query: (q: Query) => Promise<unknown> } }
      ).__wijkradar.query(q),
    query,
  )) as HistoryRecord[];
  for (let day = lastMs; day > lastMs - 28 * DAY; day -= DAY) {
    for (const dagdeel of DEFAULT_DAGDELEN) {
      const then = records.filter(
        (r) => r.t >= day + dagdeel.startHour * HOUR && r.t < day + dagdeel.endHour * HOUR,
      );
      const perCell = new Map<string, { q: number; r: number; n: number }>();
      for (const record of then) {
        const { q, r } = cellOf(...wgs84ToRd(record.lon, record.lat), 250);
        const cell = perCell.get(`${q},${r}`) ?? { q, r, n: 0 };
        perCell.set(`${q},${r}`, { ...cell, n: cell.n + 1 });
      }
      const single = [...perCell.values()].filter((c) => c.n === 1).slice(0, 4);
      if (single.length < 4 || then.length < 5) continue;
      const forecast: Forecast = {
        date: formatDate(day),
        dagdeel: dagdeel.id,
        size: 250,
        cells: single.map(({ q, r }) => ({ q, r })),
      };
      const [score] = scoreForecasts(records, [forecast], { dagdelen: [dagdeel], studyCells: 1 });
      expect(score).toMatchObject({ eventsInHotspots: 4, hotspotsWithHit: 4 });
      return { forecast, total: score.totalEvents };
    }
  }
  throw new Error('geen dagdeel met vier plekken met elk één registratie');
}

const zoneCount = async (zone: string, when: 'before' | 'after') =>
  Number(
    await page.getAttribute(
      `[data-testid="evaluation-counts"] tr[data-zone="${zone}"] td:nth-of-type(${when === 'before' ? 1 : 2})`,
      'data-value',
    ),
  );

describe('kengetallen', () => {
  it('shows a row per wijk and flags Zuid as under-served', async () => {
    expect(await page.locator('[data-testid="kpi-table"] tbody tr').count()).toBe(8);
    const flagged = await page
      .locator('[data-testid="kpi-table"] tr[data-presence="onderbezet"]')
      .evaluateAll((rows) => rows.map((r) => r.getAttribute('data-wijk')));
    expect(flagged).toEqual(['WK990103']);
    expect(await page.textContent('[data-testid="kpi-table"] tr[data-wijk="WK990103"]')).toContain(
      'Zuid',
    );
    expect(await canvasHasContent(page, '[data-testid="kpi-chart"]')).toBe(true);
  });

  it('highlights how Noord settles honden incidents', async () => {
    await page.selectOption('[data-testid="kpi-theme"]', 'honden');
    const row = page.locator('[data-testid="outcome-table"] tr[data-wijk="WK990102"]');
    await row.waitFor();
    expect(await row.getAttribute('data-highlighted')).toBe('true');
    expect(await row.textContent()).toContain('sanctie vaker');
    // Afval: Oost's rise over the last twelve months is judged real.
    await page.selectOption('[data-testid="kpi-theme"]', 'afval');
    await page.waitForSelector(
      '[data-testid="kpi-table"] tr[data-wijk="WK990104"] [data-trend="stijging"]',
    );
  });
});

describe('afhandeling van meldingen', () => {
  // The theme is afval (chosen above); the period the last 12 months, November 2025 to
  // October 2026; open meldingen are counted at the end of 31 October 2026.
  const AFVAL = `FROM meldingen WHERE theme = 'afval'`;
  const HANDLED = `${AFVAL} AND status = 'afgehandeld'
    AND closed_at >= TIMESTAMP '2025-11-01 00:00:00' AND closed_at < TIMESTAMP '2026-11-01 00:00:00'`;
  const kpi = (name: string) => page.locator(`[data-testid="handling-kpis"] [data-kpi="${name}"]`);
  const kpiValue = async (name: string) => Number(await kpi(name).getAttribute('data-value'));
  /** Open afval meldingen, and those reported before `before` (over the norm). */
  const openCounts = async (before: string) =>
    (
      await queryDatabase(
        page,
        `SELECT count(*)::INTEGER AS open,
          count(*) FILTER (WHERE reported_at < TIMESTAMP '${before} 00:00:00')::INTEGER AS over
        ${AFVAL} AND closed_at IS NULL AND status IN ('gemeld', 'in behandeling')`,
      )
    )[0] as { open: number; over: number };
  const setNorm = async (field: ReturnType<Page['getByTestId']>, text: string, key: string) => {
    await field.focus();
    await page.keyboard.press('Control+A');
    await page.keyboard.press('Backspace');
    await page.keyboard.type(text);
    await page.keyboard.press(key);
  };
  const normInUrl = (value: string | null) =>
    page.waitForFunction((v) => new URLSearchParams(location.search).get('norm') === v, value);

  it('shows open meldingen, the doorlooptijd per categorie and per wijk, and a chart', async () => {
    await waitForReady(page);
    await kpi('open').waitFor();
    const direct = await openCounts('2026-10-18');
    expect(await kpiValue('open')).toBe(direct.open);
    expect(await kpiValue('over')).toBe(direct.over);
    expect(direct.over).toBeGreaterThan(0);
    const [median] = await queryDatabase(
      page,
      `SELECT quantile_cont((epoch_ms(closed_at) - epoch_ms(reported_at)) / 86400000.0, 0.5) AS m
        ${HANDLED}`,
    );
    expect(await kpiValue('median')).toBeCloseTo(Number(median.m), 6);
    const categories = page.locator('[data-testid="handling-categories"] tbody tr');
    expect(await categories.count()).toBeGreaterThanOrEqual(5);
    expect(
      await page.locator('[data-testid="handling-wijken"] tbody tr').count(),
    ).toBeGreaterThanOrEqual(8);
    expect(await canvasHasContent(page, '[data-testid="handling-chart"]')).toBe(true);
    expect(await page.locator('[data-testid="handling-months"] tbody tr').count()).toBe(12);
  });

  it('lists the first 15 categories of all themes, the rest on request', async () => {
    await page.selectOption('[data-testid="kpi-theme"]', '');
    await waitForReady(page);
    const [all] = await queryDatabase(
      page,
      `SELECT count(DISTINCT coalesce(sub_category, main_category))::INTEGER AS n FROM meldingen
        WHERE (status = 'afgehandeld' AND closed_at >= TIMESTAMP '2025-11-01 00:00:00'
            AND closed_at < TIMESTAMP '2026-11-01 00:00:00')
          OR (closed_at IS NULL AND status IN ('gemeld', 'in behandeling'))`,
    );
    const rows = page.locator('[data-testid="handling-categories"] tbody tr');
    expect(Number(all.n)).toBeGreaterThan(15);
    await page.waitForFunction(
      () => document.querySelectorAll('[data-testid="handling-categories"] tbody tr').length === 15,
    );
    await page.getByTestId('show-all').press('Enter');
    expect(await rows.count()).toBe(Number(all.n));
    expect(await page.getByTestId('show-all').getAttribute('aria-expanded')).toBe('true');
    await page.selectOption('[data-testid="kpi-theme"]', 'afval');
    await waitForReady(page);
  });

  it('takes a norm typed with the keyboard, per category too, and keeps it', async () => {
    const before = await kpiValue('over');
    await setNorm(page.getByTestId('norm-default'), '7', 'Enter');
    await normInUrl('7');
    await waitForReady(page);
    const seven = await openCounts('2026-10-25');
    expect(await kpiValue('over')).toBe(seven.over);
    expect(seven.over).toBeGreaterThanOrEqual(before);

    const row = page.locator(
      '[data-testid="handling-categories"] tr[data-key="container-bijplaatsing"]',
    );
    await setNorm(row.getByTestId('norm-category'), '30', 'Tab');
    await normInUrl('7,container-bijplaatsing:30');
    await waitForReady(page);
    expect(await row.textContent()).toContain('eigen');
    const [own] = await queryDatabase(
      page,
      `SELECT count(*) FILTER (WHERE closed_at <= reported_at + INTERVAL 30 DAY)::INTEGER AS within,
          count(*)::INTEGER AS n
        ${HANDLED} AND sub_category = 'container-bijplaatsing'`,
    );
    const share = ((100 * Number(own.within)) / Number(own.n)).toFixed(1).replace('.', ',');
    expect(await row.locator('[data-col="share"]').textContent()).toBe(`${share}%`);

    // Not a norm: said so, and the norm in force stays.
    await setNorm(page.getByTestId('norm-default'), '0', 'Enter');
    await page
      .getByRole('alert')
      .filter({ hasText: 'Een norm is een heel aantal dagen' })
      .waitFor();
    expect(await page.getByTestId('norm-default').inputValue()).toBe('7');
    expect(await runAxe(page)).toEqual([]);

    // Kept in this browser: the view opened again without the norms in its link.
    const again = await page.context().newPage();
    await again.goto(baseUrl + '/management');
    await waitForReady(again);
    expect(await again.getByTestId('norm-default').inputValue()).toBe('7');
    expect(
      await again
        .locator('[data-testid="handling-categories"] tr[data-key="container-bijplaatsing"]')
        .getByTestId('norm-category')
        .inputValue(),
    ).toBe('30');
    await again.close();

    // Back to the default: the category's field emptied, the default typed again.
    await setNorm(row.getByTestId('norm-category'), '', 'Enter');
    await normInUrl('7');
    await setNorm(page.getByTestId('norm-default'), '14', 'Enter');
    await normInUrl('14');
    await waitForReady(page);
    expect(await kpiValue('over')).toBe(before);
  });
});

describe('terugblik op de briefing', () => {
  it('scores the expected hotspots per dagdeel with a PAI above chance', async () => {
    const rows = page.locator('[data-testid="forecast-scores"] tbody tr');
    expect(await rows.count()).toBe(4);
    const pais = await rows.evaluateAll((trs) =>
      trs.map((tr) => Number(tr.querySelector('[data-pai]')?.getAttribute('data-pai'))),
    );
    for (const pai of pais) expect(pai).toBeGreaterThan(1);
    expect(await page.textContent('[data-testid="forecast-method"]')).toContain('PAI');
    // A fresh browser has no briefing stored: every dagdeel is the back-test, and says so.
    const sources = await rows.evaluateAll((trs) =>
      trs.map((tr) => tr.getAttribute('data-source')),
    );
    expect(sources).toEqual(['backtest', 'backtest', 'backtest', 'backtest']);
    expect(await rows.first().textContent()).toContain('teruggerekend');
  });

  it('gives no "<5" back through the hits beside it', async () => {
    // A briefing stored for one dagdeel of the scored weeks named four places that had one
    // registration each that dagdeel: 4 registrations in 4 hotspots with a hit.
    const { page: own, context } = await openPage(browser);
    await own.goto(baseUrl + '/management');
    await waitForReady(own);
    const [{ last }] = (await queryDatabase(own, buildDataPeriodQuery().sql)) as { last: string }[];
    const planted = await plantFourHits(own, last);
    await own.evaluate(
      (forecast) =>
        new Promise<void>((resolve, reject) => {
          const open = indexedDB.open('wijkradar-forecasts', 1);
          open.onupgradeneeded = () => open.result.createObjectStore('forecasts');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction('forecasts', 'readwrite');
            tx.objectStore('forecasts').put(forecast, `${forecast.date}|${forecast.dagdeel}`);
            tx.oncomplete = () => (open.result.close(), resolve());
            tx.onerror = () => reject(tx.error);
          };
        }),
      { ...planted.forecast, data: 'test', weeks: 6, storedAt: '' },
    );
    await own.reload();
    await waitForReady(own);
    const row = own.locator(
      `[data-testid="forecast-scores"] tr[data-dagdeel="${planted.forecast.dagdeel}"]`,
    );
    expect(await row.getAttribute('data-source')).toBe('stored');
    const columns = { 'with-hit': 3, 'hotspots-with-hit': 4, events: 5 };
    const text = (col: keyof typeof columns) =>
      row.locator(`td:nth-of-type(${columns[col]})`).innerText();
    const events = await text('events');
    expect(events).toBe(`<5 van ${planted.total}`);
    // The attacker knows: each hotspot with a hit holds at least one of those registrations,
    // each briefing with a hit at least one such hotspot.
    const count = (t: string) => t.split(/ van | \(/)[0];
    const out: Published = {
      cells: new Map([
        ['events', events.split(' van ')[0]],
        ['hotspotsWithHit', count(await text('hotspots-with-hit'))],
        ['withHit', count(await text('with-hit'))],
      ]),
      margins: [
        { totals: ['events'], parts: ['hotspotsWithHit', 'more per hotspot'] },
        { totals: ['hotspotsWithHit'], parts: ['withHit', 'more per briefing'] },
      ],
      derived: [
        {
          label: 'PAI',
          text: await row.locator('td[data-pai]').innerText(),
          from: ['events'],
        },
      ],
    };
    expect(findRecoveries(out)).toEqual([]);
    await context.close();
  });
});

describe('secties onder de evaluatie', () => {
  it('are there from the start, and say themselves when their figures are in', async () => {
    const { page: own, context } = await openPage(browser);
    await own.goto(baseUrl + '/management');
    await own.waitForSelector('html[data-ready="true"]', { state: 'attached' });
    // The view is ready: the sections below it are on the page with their headings
    // (reachable by keyboard and screen reader), busy until their own signal says done.
    for (const name of ['Afhandeling van meldingen', 'Hoe goed voorspelt de briefing?']) {
      expect(await own.getByRole('heading', { level: 2, name }).count()).toBe(1);
    }
    const sections = own.locator('section[data-section-ready]');
    expect(await sections.count()).toBe(2);
    await own.waitForSelector('[data-section-ready="false"]', { state: 'detached' });
    expect(
      await sections.evaluateAll((list) => list.map((s) => s.getAttribute('aria-busy'))),
    ).toEqual(['false', 'false']);
    expect(await own.locator('[data-testid="handling-kpis"] li').count()).toBe(3);
    expect(await own.locator('[data-testid="forecast-scores"] tbody tr').count()).toBe(4);
    // The evaluation's map loads the same way, in its own slot.
    expect(await own.locator('[data-testid="zone-map"]').count()).toBe(1);
    await context.close();
  });
});

describe('evaluatie van de interventie', () => {
  it('shows displacement into the buffer with a chart of the three areas', async () => {
    expect(await page.inputValue('[data-testid="evaluation-theme"]')).toBe('jeugd');
    expect(await zoneCount('target', 'after')).toBeLessThan(await zoneCount('target', 'before'));
    expect(await zoneCount('buffer', 'after')).toBeGreaterThan(
      2 * (await zoneCount('buffer', 'before')),
    );
    // The net effect is the verdict: the target's fall moved into the buffer (issue 23).
    expect(await page.textContent('[data-testid="evaluation-verdict"]')).toBe(
      'Geen aantoonbaar netto-effect',
    );
    expect(await page.textContent('[data-testid="evaluation-explanation"]')).toContain(
      'de daling in het doelgebied is verplaatst naar de buffer',
    );
    expect(await page.textContent('[data-testid="evaluation-wdq"]')).toMatch(/^−/);
    expect(await canvasHasContent(page, '[data-testid="zone-chart"]')).toBe(true);
    expect(
      await page.locator('[data-testid="zone-table"] tbody tr').count(),
    ).toBeGreaterThanOrEqual(36);
  });

  it('marks the start of the intervention on the zone chart, on its day', async () => {
    const markers = await markersOf(page, 'zone-chart');
    expect(markers.map((m) => [m.date, m.label])).toEqual([['2025-11-01', 'start interventie']]);
    // Where 1 November 2025 lies, from the chart's months (its table) and the axis, which
    // puts one point per month from the plot's left edge to its right edge.
    const months = await page.locator('[data-testid="zone-table"] tbody th').allTextContents();
    const index = months.indexOf('nov 2025');
    expect(index).toBeGreaterThan(0);
    const [m] = markers;
    const expected = m.left + (index / (months.length - 1)) * (m.right - m.left);
    expect(Math.abs(m.x - expected)).toBeLessThan(0.5);
    // Drawn there: a dashed dark line down the plot (below its label), nothing beside it.
    expect(await darkShare(page, 'zone-chart', m.x, m.top + 24, m.bottom)).toBeGreaterThan(0.4);
    expect(await darkShare(page, 'zone-chart', m.x + 15, m.top + 24, m.bottom)).toBeLessThan(0.05);
    expect(await page.textContent('figure:has([data-testid="zone-chart"]) figcaption')).toContain(
      '(stippellijn: start interventie, 1 nov 2025)',
    );
  });

  it('shows target, buffer and control area on a map with a legend in Dutch', async () => {
    const map = page.locator('[data-testid="zone-map"]');
    expect(await map.getAttribute('data-zones')).toBe('control,buffer,target');
    await page.waitForSelector('[data-testid="zone-map"][data-rendered="true"]');
    expect(await canvasHasContent(page, '[data-testid="zone-map"]')).toBe(true);
    const items = page.locator('[data-testid="zone-legend"] li');
    const zones = await items.evaluateAll((li) => li.map((l) => (l as HTMLElement).dataset.zone));
    expect(zones).toEqual(['target', 'buffer', 'control']);
    const colours = await items.evaluateAll((li) =>
      li.map((l) => (l as HTMLElement).dataset.color),
    );
    expect(new Set(colours).size).toBe(3);
    const legend = await page.textContent('[data-testid="zone-legend"]');
    expect(legend).toContain('Doelgebied: Cameratoezicht en extra surveillance Stationsplein');
    expect(legend).toContain('Buffer: tot 400 m rond het doelgebied');
    expect(legend).toContain('Controlegebied: de rest van de gemeente');
    expect(await runAxe(page)).toEqual([]);
  });

  it('explains a zero buffer instead of dividing by zero', async () => {
    await page.fill('[data-testid="evaluation-buffer"]', '0');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="evaluation-verdict"]')?.textContent ===
        'Netto minder registraties',
    );
    expect(await zoneCount('buffer', 'before')).toBe(0);
    // Without a buffer the map shows target and control only.
    await page.waitForSelector('[data-testid="zone-map"][data-zones="control,target"]');
    await page.fill('[data-testid="evaluation-buffer"]', '400');
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="evaluation-verdict"]')?.textContent ===
        'Geen aantoonbaar netto-effect',
    );
  });

  it('reproduces the planted counts with the categories of the intervention', async () => {
    // data/truth.json, interventie-stationsplein: categories and counts per zone.
    for (const category of ['drugsoverlast', 'jongerenoverlast', 'drank-en-drugsoverlast']) {
      await page.check(`[data-testid="evaluation-categories"] input[value="${category}"]`);
    }
    await page.waitForFunction(
      () => document.querySelector('[data-testid="evaluation-wdq"]')?.textContent === '−1,05',
    );
    const counts = [];
    for (const zone of ['target', 'buffer', 'control']) {
      counts.push([await zoneCount(zone, 'before'), await zoneCount(zone, 'after')]);
    }
    expect(counts).toEqual([
      [100, 27],
      [32, 111],
      [904, 921],
    ]);
    expect(new URL(page.url()).searchParams.get('categorieen')).toBe(
      'drugsoverlast,jongerenoverlast,drank-en-drugsoverlast',
    );
  });

  it('explains why a wijk whose problem grew has no WDQ, and gives its net rise', async () => {
    // Afval in Oost rose ~74% in the last year (truth: afval-stijging-oost), so the success
    // measure is not below 0 and the WDQ has no meaning; the net effect is a rise.
    await page.selectOption('[data-testid="evaluation-area"]', 'wijk:WK990104');
    await page.selectOption('[data-testid="evaluation-theme"]', 'afval');
    // Both choices applied and computed (a loaded machine may still show the previous verdict).
    await page.waitForFunction(
      () =>
        new URLSearchParams(location.search).get('thema') === 'afval' &&
        new URLSearchParams(location.search).get('gebied') === 'wijk:WK990104',
    );
    await waitForReady(page);
    await page.waitForFunction(
      () =>
        document.querySelector('[data-testid="evaluation-verdict"]')?.textContent ===
        'Netto meer registraties',
    );
    expect(await page.textContent('[data-testid="evaluation-explanation"]')).toContain(
      'niet op vooruit',
    );
    expect(await zoneCount('target', 'after')).toBeGreaterThan(await zoneCount('target', 'before'));
    await page.selectOption('[data-testid="evaluation-area"]', 'interventie:IV-001');
    await page.waitForFunction(
      () => new URLSearchParams(location.search).get('gebied') === 'interventie:IV-001',
    );
    await waitForReady(page);
    await page.waitForFunction(
      () => document.querySelector('[data-testid="evaluation-wdq"]')?.textContent !== '–',
    );
  });

  it('has no accessibility violations', async () => {
    expect(await runAxe(page)).toEqual([]);
  });

  it('keeps the view in the URL, so a shared link opens the same figures', async () => {
    await page.fill('[data-testid="evaluation-buffer"]', '250');
    await page.waitForFunction(() => location.search.includes('buffer=250'));
    await waitForReady(page);
    const url = new URL(page.url());
    expect(url.searchParams.get('thema')).toBe('afval');
    expect(url.searchParams.get('gebied')).toBe('interventie:IV-001');
    expect(url.searchParams.get('na')).toBe('2025-11-01_2026-10-31');
    const bufferAfter = await zoneCount('buffer', 'after');

    const { page: colleague, context } = await openPage(browser);
    await colleague.goto(page.url());
    await waitForReady(colleague);
    expect(await colleague.inputValue('[data-testid="kpi-theme"]')).toBe('afval');
    expect(await colleague.inputValue('[data-testid="evaluation-buffer"]')).toBe('250');
    const shared = await colleague.getAttribute(
      '[data-testid="evaluation-counts"] tr[data-zone="buffer"] td:nth-of-type(2)',
      'data-value',
    );
    expect(Number(shared)).toBe(bufferAfter);
    await context.close();
  });
});

describe('rapport', () => {
  let report: Page;
  beforeAll(async () => {
    ({ page: report } = await openPage(browser));
    // As opened from the view with the intervention's own categories chosen, and norms set.
    await report.goto(
      baseUrl +
        '/management/rapport?van=2025-11&tot=2026-10&gebied=interventie:IV-001&ethema=jeugd' +
        '&categorieen=drugsoverlast,jongerenoverlast,drank-en-drugsoverlast&buffer=400' +
        '&norm=7,container-bijplaatsing:30',
    );
    await waitForReady(report);
    await report.emulateMedia({ media: 'print' });
  });

  it('prints every section without the navigation', async () => {
    for (const section of [
      'report-kpis',
      'report-trends',
      'report-outcomes',
      'report-evaluations',
      'report-handling',
    ]) {
      expect(await report.isVisible(`[data-testid="${section}"]`)).toBe(true);
    }
    expect(await report.isVisible('nav')).toBe(false);
    expect(await report.isVisible('[data-testid="print"]')).toBe(false);
    expect(await report.textContent('[data-testid="report-period"]')).toBe('2025-11 t/m 2026-10');
    const evaluations = await report.textContent('[data-testid="report-evaluations"]');
    expect(evaluations).toContain('Cameratoezicht en extra surveillance Stationsplein');
    expect(evaluations).toContain('verplaatsing');
    expect(evaluations).toContain('WDQ: −1,05'); // data/truth.json: −1.047
    expect(evaluations).toContain('Buffer 400 m, controlegebied de rest van de gemeente');
    expect(await report.textContent('[data-testid="report-outcomes"]')).toContain('Noord — Honden');
  });

  it('opens with a summary of what changed, then the charts, then the tables', async () => {
    const sections = await report
      .locator('[data-testid="report"] > section')
      .evaluateAll((list) => list.map((s) => (s as HTMLElement).dataset.testid));
    expect(sections).toEqual([
      'report-summary',
      'report-charts',
      'report-kpis',
      'report-trends',
      'report-outcomes',
      'report-evaluations',
      'report-handling',
    ]);
    const summary = report.locator('[data-testid="report-summary"]');
    expect(await summary.locator('[data-testid="report-summary-headline"]').textContent()).toMatch(
      /Opvallend in deze periode: \d+ echte stijging/,
    );
    // The real changes first, then presence, outcomes and the intervention.
    const kinds = await summary
      .locator('li')
      .evaluateAll((list) => list.map((li) => (li as HTMLElement).dataset.kind!));
    const rank = ['stijging', 'daling', 'aanwezigheid', 'afhandeling', 'interventie'];
    expect(kinds.map((k) => rank.indexOf(k))).toEqual(
      kinds.map((k) => rank.indexOf(k)).sort((a, b) => a - b),
    );
    expect(kinds).toEqual(expect.arrayContaining(rank.filter((k) => k !== 'daling')));
    const text = (await summary.textContent())!;
    expect(text).toContain('Afval in Oost.'); // data/truth.json: afval-stijging-oost
    expect(text).toContain('Zuid onderbezet.');
    expect(text).toContain('Honden in Noord anders afgehandeld.');
    expect(text).toContain('de daling in het doelgebied is verplaatst naar de buffer');
    expect(text).toContain('niet opgelost');
    expect(text).not.toContain('WDQ');
    // No count of 1–4 printed, and no percentage beside a "<5".
    expect(text).not.toMatch(/(^|[^\d.,])[1-4] (meldingen|in dezelfde)/);
    expect(text).not.toMatch(/<5 in dezelfde periode een jaar eerder \(/);

    // The trend table: the real changes first, as a group of their own.
    const groups = report.locator('[data-testid="report-trend-group"]');
    expect(
      await groups.evaluateAll((g) => g.map((x) => (x as HTMLElement).dataset.significant)),
    ).toEqual(['true', 'false']);
    const flags = await groups
      .first()
      .locator('tr:not(.group) td:nth-of-type(3)')
      .allTextContents();
    expect(flags.length).toBeGreaterThan(0);
    expect(flags.filter((f) => f !== 'stijging' && f !== 'daling')).toEqual([]);
  });

  it('says the WDQ once', async () => {
    const whole = (await report.textContent('[data-testid="report"]'))!;
    expect(whole.match(/WDQ/g)).toHaveLength(1);
    expect(whole.match(/−1,05/g)).toHaveLength(1);
    expect(await report.textContent('[data-testid="report-evaluation-wdq"]')).toMatch(
      /^WDQ: −1,05; succesmaat −0,\d{3}\. De buffer ging erop achteruit/,
    );
  });

  it('draws the charts, with the start of the intervention marked', async () => {
    expect(await canvasHasContent(report, '[data-testid="report-demand-chart"]')).toBe(true);
    expect(await canvasHasContent(report, '[data-testid="report-zone-chart"]')).toBe(true);
    const [m] = await markersOf(report, 'report-zone-chart');
    expect([m.date, m.label]).toEqual(['2025-11-01', 'start interventie']);
    // A year before and a year after in blocks of the months the caption names: the start
    // is the first point of the second year.
    const caption = await report.textContent(
      'figure:has([data-testid="report-zone-chart"]) figcaption',
    );
    const months = { 'per drie maanden': 3, 'per half jaar': 6, 'per jaar': 12 };
    const per = Object.entries(months).find(([text]) => caption!.includes(text))![1];
    const [index, points] = [12 / per, 24 / per];
    expect(Math.abs(m.x - (m.left + (index / (points - 1)) * (m.right - m.left)))).toBeLessThan(
      0.5,
    );
  });

  it('shows small counts as "<5"', async () => {
    const cells = await report
      .locator('[data-testid="report-trends"] td.num')
      .evaluateAll((tds) => tds.map((td) => td.textContent?.trim() ?? ''));
    expect(cells).toContain('<5');
    expect(cells.filter((c) => /^[0-4]$/.test(c))).toEqual([]);
  });

  it('prints the handling of meldingen with its norm, hiding what the CSV hides', async () => {
    // On the first page: open, over the norm, the median doorlooptijd and the norm.
    const line = (await report.textContent('[data-testid="report-handling-summary"]'))!;
    const [open] = await queryDatabase(
      report,
      `SELECT count(*)::INTEGER AS n FROM meldingen
        WHERE closed_at IS NULL AND status IN ('gemeld', 'in behandeling')`,
    );
    const openText = new Intl.NumberFormat('nl-NL').format(Number(open.n));
    expect(line).toContain(`Op 31 okt 2026 stonden ${openText} meldingen open, waarvan `);
    expect(line).toMatch(/Mediane doorlooptijd \d+,\d dagen/);
    const norm =
      'Norm: 7 kalenderdagen na de melding; eigen norm: Container bijplaatsing 30 kalenderdagen';
    expect(line).toContain(norm);
    expect(await report.textContent('[data-testid="report-handling-norm"]')).toContain(norm);
    const bijplaatsing = report.locator(
      '[data-testid="report-handling-categories"] tbody tr:has-text("Container bijplaatsing")',
    );
    expect(await bijplaatsing.locator('td').first().textContent()).toBe('30');

    // Each table as the attacker reads it: counts adding up to the total, medians and
    // shares beside the handled count.
    const printed = (table: string) =>
      report
        .locator(`[data-testid="${table}"] tbody tr, [data-testid="${table}"] tfoot tr`)
        .evaluateAll((trs) =>
          trs.map((tr) =>
            Object.fromEntries(
              [...tr.querySelectorAll<HTMLElement>('td[data-col]')].map((td) => [
                td.dataset.col!,
                td.textContent!.trim(),
              ]),
            ),
          ),
        );
    let small = 0;
    for (const table of ['report-handling-categories', 'report-handling-wijken']) {
      const rows = await printed(table);
      const out: Published = { cells: new Map(), margins: [], derived: [] };
      const id = (col: string, i: number) => `${col}:${i === rows.length - 1 ? 'total' : i}`;
      for (const col of ['closed', 'open', 'over']) {
        rows.forEach((r, i) => (out.cells as Map<string, string>).set(id(col, i), r[col]));
        const parts = rows.slice(0, -1).map((_, i) => id(col, i));
        (out.margins as Published['margins'][number][]).push({ totals: [`${col}:total`], parts });
      }
      rows.forEach((r, i) => {
        for (const col of ['median', 'share']) {
          (out.derived as { label: string; text: string; from: string[] }[]).push({
            label: `${table} ${col} ${i}`,
            text: r[col],
            from: [id('closed', i)],
          });
        }
      });
      expect(findRecoveries(out), table).toEqual([]);
      const cells = rows.flatMap((r) => Object.values(r));
      expect(cells.filter((c) => /^[1-4]$/.test(c))).toEqual([]);
      small += cells.filter((c) => c === '<5').length;
    }
    expect(small).toBeGreaterThan(0);
  });

  it('fits A4: the summary on the first page, nothing wider than the page', async () => {
    // A4 less 1 cm margins on every side (a browser's default print margins), at 96 dpi.
    const page = { width: Math.floor((190 / 25.4) * 96), height: Math.floor((277 / 25.4) * 96) };
    const screen = report.viewportSize()!;
    await report.setViewportSize(page);
    try {
      const fit = await report.evaluate(() => {
        const summary = document.querySelector('[data-testid="report-summary"]')!;
        const widest = [...document.querySelectorAll('[data-testid="report"] *')].reduce(
          (right, el) => Math.max(right, el.getBoundingClientRect().right),
          0,
        );
        return {
          summaryBottom: summary.getBoundingClientRect().bottom + window.scrollY,
          breakAfter: getComputedStyle(summary).breakAfter,
          widest,
          scrollWidth: document.documentElement.scrollWidth,
        };
      });
      expect(fit.summaryBottom).toBeLessThanOrEqual(page.height);
      expect(fit.breakAfter).toBe('page');
      expect(fit.widest).toBeLessThanOrEqual(page.width);
      expect(fit.scrollWidth).toBeLessThanOrEqual(page.width);
    } finally {
      await report.setViewportSize(screen);
    }
  });

  it('renders to a PDF', async () => {
    const pdf = await report.pdf({ format: 'A4' });
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    expect(pdf.length).toBeGreaterThan(20_000);
  });

  it('follows a selection of wijken in the URL and stays accessible', async () => {
    await report.emulateMedia({ media: 'screen' });
    await report.goto(baseUrl + '/management/rapport?van=2025-11&tot=2026-10&wijken=WK990103');
    await waitForReady(report);
    const rows = await report.locator('[data-testid="report-kpis"] tbody tr').count();
    expect(rows).toBe(1);
    expect(await report.textContent('[data-testid="report-kpis"]')).toContain('onderbezet');
    const handlingWijken = report.locator('[data-testid="report-handling-wijken"] tbody tr');
    expect(await handlingWijken.allTextContents()).toEqual([expect.stringContaining('Zuid')]);
    expect(await runAxe(report)).toEqual([]);
  });
});
