/**
 * Opening the briefing in headless Chromium: from the click on a link to it (the app
 * already started, data loaded) until every slide is computed and on the page (the deck
 * with all five slides in the DOM). Until both maps have also drawn (`<html
 * data-ready="true">`) is reported beside it: MapLibre and deck.gl draw on the CPU here
 * (SwiftShader), which the Verkennen map pays just the same. On Donderdeel
 * (`briefing.open_ms`) and after importing 1M scaled incidents through the real pipeline
 * (`briefing.open_1m_ms`). The briefing is a summer Friday evening inside the data.
 *
 * `briefing.dagdeel_switch_ms` (issue 26, ≤ 1000 ms at 1M records): on the open briefing
 * with the 1M records, from choosing another dagdeel in the control until the frame that
 * paints that dagdeel's slides; until both maps have drawn them and the line on the
 * forecasts of the weeks before is in (`data-ready`) is reported beside it.
 */
import type { Browser, Page } from 'playwright-core';
import type { ImportBenchFiles } from './import-data';
import { PAUSE_BETWEEN_CLICKS_MS, summarise, type Figure } from './report';

const BRIEFING = '/briefing?datum=2026-07-17&dagdeel=avond';

/**
 * Clicks an in-app link (client-side navigation, as a user would) and resolves with the
 * milliseconds until the briefing is ready, plus the model's own compute measure. A string:
 * tsx would wrap a function with a helper the page does not have.
 */
const OPEN_BRIEFING = `new Promise((resolve) => {
  performance.clearMeasures('briefing.compute');
  const link = document.createElement('a');
  link.href = ${JSON.stringify(BRIEFING)};
  link.textContent = 'briefing';
  document.body.append(link);
  const started = performance.now();
  let sawNotReady = false;
  let openMs = NaN;
  const timer = setInterval(() => {
    const ready = document.documentElement.dataset.ready === 'true';
    if (!ready) sawNotReady = true;
    const slides = document.querySelectorAll('[data-testid="briefing-deck"] section[data-testid^="slide-"]');
    if (Number.isNaN(openMs) && slides.length === 5) openMs = performance.now() - started;
    if (performance.now() - started > 120000) {
      clearInterval(timer);
      resolve({ openMs, readyMs: NaN, computeMs: NaN }); // never ready: shows as NaN
    } else if (ready && sawNotReady && slides.length === 5) {
      clearInterval(timer);
      const compute = performance.getEntriesByName('briefing.compute', 'measure').at(-1);
      resolve({ openMs, readyMs: performance.now() - started, computeMs: compute ? compute.duration : NaN });
    }
  }, 2);
  link.click();
  link.remove();
})`;

/**
 * Chooses dagdeel `id` in the briefing's control and resolves with the milliseconds until
 * the deck's title names it (`label`) in the frame that paints it (a MutationObserver sees
 * the new title, the next animation frame is its paint), and until the page is ready again.
 */
const switchDagdeel = (id: string, label: string) => `new Promise((resolve) => {
  performance.clearMeasures('briefing.compute');
  performance.clearMeasures('briefing.track');
  const select = document.querySelector('[data-testid="briefing-dagdeel"]');
  const title = document.querySelector('[data-testid="briefing-deck"] .title');
  const wanted = ${JSON.stringify(`, ${label} (`)};
  const started = performance.now();
  let shownMs = NaN;
  const observer = new MutationObserver(() => {
    if (!title.textContent.includes(wanted)) return;
    observer.disconnect();
    requestAnimationFrame(() => (shownMs = performance.now() - started));
  });
  observer.observe(title, { childList: true, subtree: true, characterData: true });
  let sawNotReady = false;
  const last = (name) => performance.getEntriesByName(name, 'measure').at(-1)?.duration ?? NaN;
  const timer = setInterval(() => {
    const ready = document.documentElement.dataset.ready === 'true';
    if (!ready) sawNotReady = true;
    if (performance.now() - started > 120000) {
      clearInterval(timer);
      resolve({ shownMs, readyMs: NaN, computeMs: NaN, trackMs: NaN });
    } else if (ready && sawNotReady && !Number.isNaN(shownMs)) {
      clearInterval(timer);
      resolve({
        shownMs,
        readyMs: performance.now() - started,
        computeMs: last('briefing.compute'),
        trackMs: last('briefing.track'),
      });
    }
  }, 2);
  select.value = ${JSON.stringify(id)};
  select.dispatchEvent(new Event('change', { bubbles: true }));
})`;

const SWITCHES = [
  ['nacht', 'nacht'],
  ['ochtend', 'ochtend'],
  ['middag', 'middag'],
  ['avond', 'avond'],
] as const;

/** Opens the briefing, then switches its dagdeel `runs` times (each to another one). */
async function sampleSwitches(page: Page, runs: number) {
  await page.evaluate(OPEN_BRIEFING);
  const shown: number[] = [];
  const ready: number[] = [];
  const compute: number[] = [];
  const track: number[] = [];
  for (let i = 0; i < runs; i++) {
    await page.waitForTimeout(PAUSE_BETWEEN_CLICKS_MS);
    const [id, label] = SWITCHES[i % SWITCHES.length];
    const result = (await page.evaluate(switchDagdeel(id, label))) as Record<string, number>;
    shown.push(result.shownMs);
    ready.push(result.readyMs);
    compute.push(result.computeMs);
    track.push(result.trackMs);
  }
  return { shown, ready, compute, track };
}

async function openApp(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1920, height: 1080 },
    timezoneId: 'Europe/Amsterdam',
  });
  const page = await context.newPage();
  await page.goto(baseUrl + '/');
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
  return page;
}

/** Opens the briefing `runs` times from the start page; the first open is included. */
async function sampleOpens(page: Page, runs: number) {
  const open: number[] = [];
  const ready: number[] = [];
  const compute: number[] = [];
  for (let i = 0; i < runs; i++) {
    const result = (await page.evaluate(OPEN_BRIEFING)) as {
      openMs: number;
      readyMs: number;
      computeMs: number;
    };
    open.push(result.openMs);
    ready.push(result.readyMs);
    compute.push(result.computeMs);
    await page.goBack();
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
  }
  return { open, ready, compute };
}

export async function benchBriefing(
  browser: Browser,
  baseUrl: string,
  runs: number,
  files: ImportBenchFiles,
  wanted: (metric: string) => boolean = () => true,
): Promise<Figure[]> {
  const conditions = {
    browser: 'chromium-headless 1920x1080',
    engine: 'duckdb-wasm 1.32 (eh)',
    briefing: BRIEFING,
    includes: 'route, 6 queries, slide composition, slides in the DOM',
  };
  const figures: Figure[] = [];
  if (wanted('briefing.open_ms')) {
    const demo = await openApp(browser, baseUrl);
    const small = await sampleOpens(demo, runs);
    await demo.context().close();
    figures.push(
      summarise('briefing.open_ms', small.open, 'ms', {
        ...conditions,
        data: 'Donderdeel (15k incidents, 30k meldingen)',
        compute_median_ms: summarise('x', small.compute, 'ms').median,
        maps_drawn_median_ms: summarise('x', small.ready, 'ms').median,
        maps_drawn_p95_ms: summarise('x', small.ready, 'ms').p95,
        target: 1000,
      }),
    );
  }
  if (!wanted('briefing.open_1m_ms') && !wanted('briefing.dagdeel_switch_ms')) return figures;

  const big = await openApp(browser, baseUrl);
  const imported = (await big.evaluate(
    `window.__wijkradar.importUrl(${JSON.stringify(files.parquetUrl)}, 'incidents')`,
  )) as { report: { rows: { accepted: number } } };
  const [{ n }] = (await big.evaluate(
    `window.__wijkradar.query({ sql: 'SELECT (SELECT count(*) FROM incidents) + (SELECT count(*) FROM meldingen) AS n' })`,
  )) as { n: number }[];
  const data = `Donderdeel + ${imported.report.rows.accepted} scaled incidents (${n} records)`;
  if (wanted('briefing.open_1m_ms')) {
    const large = await sampleOpens(big, runs);
    figures.push(
      summarise('briefing.open_1m_ms', large.open, 'ms', {
        ...conditions,
        data,
        compute_median_ms: summarise('x', large.compute, 'ms').median,
        maps_drawn_median_ms: summarise('x', large.ready, 'ms').median,
        maps_drawn_p95_ms: summarise('x', large.ready, 'ms').p95,
        target: 3000,
      }),
    );
  }
  if (wanted('briefing.dagdeel_switch_ms')) {
    const switched = await sampleSwitches(big, runs);
    figures.push(
      summarise('briefing.dagdeel_switch_ms', switched.shown, 'ms', {
        ...conditions,
        includes: 'URL, 6 queries, slide composition, the frame that paints the new slides',
        switches: SWITCHES.map(([id]) => id).join(' → '),
        data,
        compute_median_ms: summarise('x', switched.compute, 'ms').median,
        forecast_line_median_ms: summarise('x', switched.track, 'ms').median,
        ready_median_ms: summarise('x', switched.ready, 'ms').median,
        ready_p95_ms: summarise('x', switched.ready, 'ms').p95,
        ready_includes: 'both maps drawn and the forecast line (data-ready)',
        target: 1000,
      }),
    );
  }
  await big.context().close();
  return figures;
}
