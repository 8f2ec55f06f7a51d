/**
 * Verkennen at scale in headless Chromium: 1M generated incidents (plus the demo) imported
 * through the real pipeline, then filter changes made as a user makes them (a click in the
 * filter panel). One sample = click → the map's layers and both charts redrawn with the
 * new data (`<html data-ready>` false and back to true; the page raises it only after the
 * map and the charts have drawn). Default view: points layer, time histogram, theme bars.
 */
import type { Browser, Page } from 'playwright-core';
import type { ImportBenchFiles } from './import-data';
import { summarise, type Figure } from './report';

/** Clicks `selector` inside the page and resolves with the ms until data-ready is true
 * again after having gone false. A page script string (see app-start.ts). */
const timeClick = (selector: string) => `new Promise((resolve, reject) => {
  const html = document.documentElement;
  let left = false;
  const started = performance.now();
  const observer = new MutationObserver(() => {
    if (html.dataset.ready === 'false') left = true;
    else if (left && html.dataset.ready === 'true') {
      observer.disconnect();
      resolve(performance.now() - started);
    }
  });
  observer.observe(html, { attributes: true, attributeFilter: ['data-ready'] });
  setTimeout(() => { observer.disconnect(); reject(new Error('no redraw after ' + ${JSON.stringify(selector)})); }, 180000);
  document.querySelector(${JSON.stringify(selector)}).click();
})`;

const CLICKS = [
  'input[data-filter="thema"][value="jeugd"]',
  'input[data-filter="dagdeel"][value="avond"]',
  'input[data-filter="thema"][value="jeugd"]',
  'input[data-filter="bron"][value="incidents"]',
  'input[data-filter="dagdeel"][value="avond"]',
  'input[data-filter="bron"][value="incidents"]',
];

async function openExplore(
  browser: Browser,
  baseUrl: string,
  files: ImportBenchFiles,
  query: string,
) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(baseUrl + '/');
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
  await page.evaluate(
    `window.__wijkradar.importUrl(${JSON.stringify(files.parquetUrl)}, 'incidents')`,
  );
  await page.evaluate('window.__wijkradar.persist()');
  await page.goto(baseUrl + '/verkennen' + query);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 300_000 });
  return page;
}

async function sample(page: Page, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const selector of CLICKS)
      samples.push((await page.evaluate(timeClick(selector))) as number);
  }
  return samples;
}

const VIEWS = [
  {
    metric: 'explore.filter_p95_ms',
    query: '',
    view: 'default: points layer (all filtered records) + time histogram + theme bars',
    rounds: 2,
  },
  {
    metric: 'explore.filter_hex_p95_ms',
    query: '?lagen=zeshoeken',
    view: '150 m hexagon counts (DuckDB) + time histogram + theme bars',
    rounds: 4,
  },
];

export async function benchExplore(
  browser: Browser,
  baseUrl: string,
  files: ImportBenchFiles,
  runs: number,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  for (const view of VIEWS) {
    const page = await openExplore(browser, baseUrl, files, view.query);
    try {
      await sample(page, 1); // warm-up: first use of each query shape
      const samples = await sample(page, Math.min(view.rounds, Math.max(1, runs)));
      const figure = summarise(view.metric, samples, 'ms', {
        rows: files.rows,
        browser: 'chromium-headless, WebGL on SwiftShader (CPU), 2 shared cores',
        engine: 'duckdb-wasm 1.32 (eh)',
        view: view.view,
        includes: 'click → queries → layer and chart update → deck.gl frame',
        target: 150,
      });
      // The metric is the p95.
      figures.push({ ...figure, value: figure.p95 as number });
    } finally {
      await page.context().close();
    }
  }
  return figures;
}
