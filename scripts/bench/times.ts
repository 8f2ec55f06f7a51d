/**
 * Filter changes at 1M rows in headless Chromium: the scaled demo incidents (1M, Parquet)
 * are imported next to the demo through the real pipeline, then the Tijden view (hour ×
 * weekday matrix, dagdelen, seasonality) and the Wijken view (small multiples per wijk,
 * aandachtslocaties) are opened by client-side navigation, and a theme in the filter panel
 * is switched on and off. Each sample is click → `<html data-ready>` back to true with the
 * new charts drawn (the views release readiness only after their charts were updated).
 */
import type { Browser, Page } from 'playwright-core';
import type { ImportBenchFiles } from './import-data';
import { summarise, type Figure } from './report';

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

async function sampleView(page: Page, runs: number): Promise<number[]> {
  const samples: number[] = [];
  for (let i = 0; samples.length < runs; i++) {
    const selector = `[data-filter="thema"][value="${THEMES[Math.floor(i / 2) % THEMES.length]}"]`;
    const ms = (await page.evaluate(TIMED_CLICK(selector))) as number;
    if (i >= 2) samples.push(ms); // the first on/off pair warms the JIT and caches
    await waitReady(page);
  }
  return samples;
}

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
  const tijden = await sampleView(page, runs);

  await page.getByRole('link', { name: 'Wijken', exact: true }).click();
  await page.waitForURL(/\/wijken/);
  await waitReady(page);
  const wijken = await sampleView(page, runs);
  await context.close();

  const conditions = {
    rows,
    imported: imported.report.rows.accepted,
    browser: 'chromium-headless',
    engine: 'duckdb-wasm 1.32 (eh)',
    change: 'one theme on or off in the filter panel',
    target: 150,
  };
  const tijdenFigure = summarise('times.filter_p95_ms', tijden, 'ms', {
    ...conditions,
    view: 'Tijden: hour × weekday matrix, dagdelen, seasonality (aoristic)',
  });
  const wijkenFigure = summarise('times.wijken_filter_p95_ms', wijken, 'ms', {
    ...conditions,
    view: 'Wijken: small multiples per wijk × theme with tests, aandachtslocaties',
  });
  // The metric is the p95 itself.
  return [
    { ...tijdenFigure, value: tijdenFigure.p95 },
    { ...wijkenFigure, value: wijkenFigure.p95 },
  ];
}
