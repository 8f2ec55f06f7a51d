/**
 * Filter changes at 1M rows in headless Chromium: the scaled demo incidents (1M, Parquet)
 * are imported next to the demo through the real pipeline, then the Tijden view (hour ×
 * weekday matrix, dagdelen, seasonality) and the Wijken view (small multiples per wijk,
 * aandachtslocaties) are opened by client-side navigation, and a theme in the filter panel
 * is switched on and off. Each sample is click → `<html data-ready>` back to true with the
 * new charts drawn (the views release readiness only after their charts were updated).
 * Between clicks the bench pauses as a user would (PAUSE_BETWEEN_CLICKS_MS, report.ts).
 */
import type { Browser, Page } from 'playwright-core';
import type { ImportBenchFiles } from './import-data';
import { PAUSE_BETWEEN_CLICKS_MS, summarise, type Figure } from './report';

const THEMES = ['afval', 'jeugd', 'horeca', 'parkeren', 'honden', 'woonoverlast', 'overig'];

/** Clicks the element, then resolves with the ms until data-ready went false → true. */
const TIMED_CLICK = (selector: string) => `new Promise((resolve, reject) => {
  const root = document.documentElement;
  const element = document.querySelector(${JSON.stringify(selector)});
  if (!element) return reject(new Error('no ' + ${JSON.stringify(selector)}));
  let busy = false;
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (root.dataset.ready === 'false') busy = true;
    if (busy && root.dataset.ready === 'true') {
      observer.disconnect();
      resolve(performance.now() - started);
    }
  });
  observer.observe(root, { attributes: true, attributeFilter: ['data-ready'] });
  element.click();
  setTimeout(() => { observer.disconnect(); reject(new Error('timeout')); }, 60000);
})`;

async function waitReady(page: Page): Promise<void> {
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 180_000 });
}

interface ViewSamples {
  total: number[];
  /** Per step of the view's model (performance.measure names without the prefix). */
  steps: Record<string, number[]>;
}

async function sampleView(page: Page, prefix: string, runs: number): Promise<ViewSamples> {
  const result: ViewSamples = { total: [], steps: {} };
  for (let i = 0; result.total.length < runs; i++) {
    const selector = `[data-filter="thema"][value="${THEMES[Math.floor(i / 2) % THEMES.length]}"]`;
    await page.evaluate('performance.clearMeasures()');
    const ms = (await page.evaluate(TIMED_CLICK(selector))) as number;
    await waitReady(page);
    await page.waitForTimeout(PAUSE_BETWEEN_CLICKS_MS);
    if (i < 2) continue; // the first on/off pair warms the JIT and caches
    result.total.push(ms);
    const steps = (await page.evaluate(
      `performance.getEntriesByType('measure').filter((e) => e.name.startsWith('${prefix}.'))
        .map((e) => [e.name.slice(${prefix.length + 1}), e.duration])`,
    )) as [string, number][];
    for (const [name, duration] of steps) (result.steps[name] ??= []).push(duration);
  }
  return result;
}

const medians = (steps: Record<string, number[]>) =>
  Object.fromEntries(
    Object.entries(steps).map(([name, values]) => [
      `${name}_median_ms`,
      summarise(name, values, 'ms').median,
    ]),
  );

export async function benchTimes(
  browser: Browser,
  baseUrl: string,
  files: ImportBenchFiles,
  runs: number,
): Promise<Figure[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(baseUrl + '/');
  await waitReady(page);
  const imported = (await page.evaluate(
    `window.__wijkradar.importUrl(${JSON.stringify(files.parquetUrl)}, 'incidents')`,
  )) as { report: { rows: { accepted: number } } };
  const [{ n: rows }] = (await page.evaluate(
    `window.__wijkradar.query({ sql: 'SELECT (SELECT count(*) FROM incidents) + (SELECT count(*) FROM meldingen) + (SELECT count(*) FROM visits) AS n' })`,
  )) as { n: number }[];

  await page.getByRole('link', { name: 'Tijden', exact: true }).click();
  await page.waitForURL(/\/tijden/);
  await waitReady(page);
  const tijden = await sampleView(page, 'times', runs);

  await page.getByRole('link', { name: 'Wijken', exact: true }).click();
  await page.waitForURL(/\/wijken/);
  await waitReady(page);
  const wijken = await sampleView(page, 'wijken', runs);
  await context.close();

  const conditions = {
    rows,
    imported: imported.report.rows.accepted,
    browser: 'chromium-headless',
    engine: 'duckdb-wasm 1.32 (eh)',
    change: 'one theme on or off in the filter panel',
    pause_between_clicks_ms: PAUSE_BETWEEN_CLICKS_MS,
    target: 150,
  };
  const tijdenFigure = summarise('times.filter_p95_ms', tijden.total, 'ms', {
    ...conditions,
    ...medians(tijden.steps),
    view: 'Tijden: hour × weekday matrix, dagdelen, seasonality (aoristic)',
  });
  const wijkenFigure = summarise('times.wijken_filter_p95_ms', wijken.total, 'ms', {
    ...conditions,
    ...medians(wijken.steps),
    view: 'Wijken: small multiples per wijk × theme with tests, aandachtslocaties',
  });
  // The metric is the p95 itself.
  return [
    { ...tijdenFigure, value: tijdenFigure.p95 as number },
    { ...wijkenFigure, value: wijkenFigure.p95 as number },
  ];
}
