/**
 * Verkennen at scale in headless Chromium: 1M generated incidents (plus the demo) imported
 * through the real pipeline, then filter changes made as a user makes them (a click in the
 * filter panel). One sample = click → the map's layers and both charts redrawn with the
 * new data (`<html data-ready>` false and back to true; the page raises it only after the
 * map and the charts have drawn). Default view: records layer, time histogram, theme bars;
 * above 100,000 located records the records layer is their density per 150 m hexagon.
 *
 * explore.filter_10m_p95_ms: the same clicks after the 1M incidents were replicated nine
 * times in the page's DuckDB (each copy moved by up to ±100 m), 10M incidents in all.
 * map.pan_frame_p95_ms: frame intervals (requestAnimationFrame) while the map is dragged
 * with the mouse, 1M records in view as the capped layer (density);
 * map.pan_frame_1m_points_p95_ms: the same with the limit raised so that all 1M points are
 * drawn, what the map did before the cap. WebGL runs on SwiftShader (no GPU here).
 */
import type { Browser, Page } from 'playwright-core';
import type { ImportBenchFiles } from './import-data';
import { PAUSE_BETWEEN_CLICKS_MS, summarise, type Figure } from './report';

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

const READY = 'html[data-ready="true"]';

async function importBench(page: Page, baseUrl: string, files: ImportBenchFiles) {
  await page.goto(baseUrl + '/');
  await page.waitForSelector(READY, { state: 'attached', timeout: 120_000 });
  await page.evaluate(
    `window.__wijkradar.importUrl(${JSON.stringify(files.parquetUrl)}, 'incidents')`,
  );
  await page.evaluate('window.__wijkradar.persist()');
}

async function openExplore(
  browser: Browser,
  baseUrl: string,
  files: ImportBenchFiles,
  query: string,
  pointLimit?: number,
) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  if (pointLimit) {
    await page.addInitScript(`localStorage.setItem('wijkradar.puntlimiet', '${pointLimit}')`);
  }
  await importBench(page, baseUrl, files);
  await page.goto(baseUrl + '/verkennen' + query);
  await page.waitForSelector(READY, { state: 'attached', timeout: 300_000 });
  return page;
}

/** 1M incidents imported and persisted, then replicated to 10M in the page's database
 * (not persisted) and Verkennen opened by client-side navigation, so it reads the 10M. */
async function openExplore10m(browser: Browser, baseUrl: string, files: ImportBenchFiles) {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await importBench(page, baseUrl, files);
  await page.goto(baseUrl + '/');
  await page.waitForSelector(READY, { state: 'attached', timeout: 300_000 });
  const replicate = {
    sql: `INSERT INTO incidents SELECT * EXCLUDE (k) REPLACE (
        id || '-' || k AS id,
        lon + (random() - 0.5) * 0.003 AS lon,
        lat + (random() - 0.5) * 0.0018 AS lat)
      FROM incidents, range(1, 10) AS copies(k) WHERE dataset LIKE 'bench-%'`,
    params: [],
  };
  const started = Date.now();
  await page.evaluate(`window.__wijkradar.query(${JSON.stringify(replicate)})`);
  const [row] = (await page.evaluate(
    `window.__wijkradar.query({ sql: 'SELECT count(*)::INTEGER AS n FROM incidents', params: [] })`,
  )) as { n: number }[];
  console.error(`bench: ${row.n} incidents after ${Date.now() - started} ms`);
  const opened = Date.now();
  await page.click('nav a[href^="/verkennen"]');
  await page.waitForURL(/\/verkennen/);
  // The view either draws or says why not (e.g. the engine's memory is full): stop then.
  const outcome = await Promise.race([
    page.waitForSelector('[data-testid="points-count"]', { timeout: 600_000 }).then(() => null),
    page.waitForSelector('[role="alert"]:not(.app-warning)', { timeout: 600_000 }),
  ]);
  if (outcome) throw new Error(`Verkennen op 10M: ${(await outcome.textContent())?.trim()}`);
  await page.waitForSelector(READY, { state: 'attached', timeout: 600_000 });
  const heap = (await page.evaluate(
    '(performance.memory && performance.memory.usedJSHeapSize) || 0',
  )) as number;
  const [engine] = (await page.evaluate(
    `window.__wijkradar.query({ sql: "SELECT (sum(memory_usage_bytes) / 1e6)::INTEGER AS mb, current_setting('memory_limit') AS limit FROM duckdb_memory()", params: [] })`,
  )) as { mb: number; limit: string }[];
  console.error(
    `bench: Verkennen on 10M ready after ${Date.now() - opened} ms (JS heap ${Math.round(heap / 1e6)} MB, engine ${engine.mb} MB of ${engine.limit})`,
  );
  return { page, rows: row.n };
}

async function sample(page: Page, rounds: number): Promise<number[]> {
  const samples: number[] = [];
  for (let round = 0; round < rounds; round++) {
    for (const selector of CLICKS) {
      samples.push((await page.evaluate(timeClick(selector))) as number);
      await page.waitForTimeout(PAUSE_BETWEEN_CLICKS_MS);
    }
  }
  return samples;
}

/** Frame intervals (ms) while the mouse drags the map left and right. */
async function panFrames(page: Page): Promise<number[]> {
  const box = (await page.locator('[data-testid="map"]').boundingBox())!;
  const cx = box.x + box.width / 2;
  const cy = box.y + box.height / 2;
  await page.evaluate(`(() => {
    window.__frames = [];
    let last = performance.now();
    const tick = (now) => {
      window.__frames.push(now - last);
      last = now;
      if (!window.__stopFrames) requestAnimationFrame(tick);
    };
    window.__stopFrames = false;
    requestAnimationFrame(tick);
  })()`);
  for (const dx of [250, -250, 250, -250]) {
    await page.mouse.move(cx - dx / 2, cy);
    await page.mouse.down();
    for (let i = 1; i <= 30; i++) {
      await page.mouse.move(cx - dx / 2 + (dx * i) / 30, cy + 20 * Math.sin(i / 5));
    }
    await page.mouse.up();
  }
  const frames = (await page.evaluate(
    '(() => { window.__stopFrames = true; return window.__frames.slice(1); })()',
  )) as number[];
  return frames;
}

async function bench10m(
  browser: Browser,
  baseUrl: string,
  files: ImportBenchFiles,
  runs: number,
): Promise<Figure> {
  const { page, rows } = await openExplore10m(browser, baseUrl, files);
  try {
    await sample(page, 1);
    const samples = await sample(page, Math.min(2, Math.max(1, runs)));
    // Whether the projection fitted in memory as a table or stands in as a view.
    const projection = (await page.locator('[data-testid="facts-notice"]').count())
      ? 'view (memory full: computed from the records per query)'
      : 'table';
    const figure = summarise('explore.filter_10m_p95_ms', samples, 'ms', {
      rows,
      projection,
      ...CONDITIONS,
      view: VIEWS[0].view,
      includes: 'click → queries → layer and chart update → deck.gl frame',
      pause_between_clicks_ms: PAUSE_BETWEEN_CLICKS_MS,
      target: 600,
    });
    return { ...figure, value: figure.p95 as number };
  } finally {
    await page.context().close();
  }
}

const CONDITIONS = {
  browser: 'chromium-headless, WebGL on SwiftShader (CPU), 2 shared cores',
  engine: 'duckdb-wasm 1.32 (eh)',
};

const VIEWS = [
  {
    metric: 'explore.filter_p95_ms',
    query: '',
    view: 'default: records layer (density per 150 m hexagon above 20,000 located records on this software renderer — 100,000 with a GPU — else points) + time histogram + theme bars',
    rounds: 4,
    target: 150,
  },
  {
    metric: 'explore.filter_hex_p95_ms',
    query: '?lagen=zeshoeken',
    view: '150 m hexagon counts (DuckDB) + time histogram + theme bars',
    rounds: 4,
    target: 150,
  },
];

export async function benchExplore(
  browser: Browser,
  baseUrl: string,
  files: ImportBenchFiles,
  runs: number,
  wanted: (metric: string) => boolean = () => true,
): Promise<Figure[]> {
  const figures: Figure[] = [];
  const p95 = (figure: Figure) => {
    // On stderr at once as well: a later failure then loses nothing.
    console.error(`bench: ${JSON.stringify(figure)}`);
    return { ...figure, value: figure.p95 as number };
  };
  for (const view of VIEWS) {
    if (!wanted(view.metric) && !(view.query === '' && wanted('map.pan_frame_p95_ms'))) continue;
    const page = await openExplore(browser, baseUrl, files, view.query);
    try {
      if (wanted(view.metric)) {
        await sample(page, 1); // warm-up: first use of each query shape
        const samples = await sample(page, Math.min(view.rounds, Math.max(1, runs)));
        figures.push(
          p95(
            summarise(view.metric, samples, 'ms', {
              rows: files.rows,
              ...CONDITIONS,
              view: view.view,
              includes: 'click → queries → layer and chart update → deck.gl frame',
              pause_between_clicks_ms: PAUSE_BETWEEN_CLICKS_MS,
              target: view.target,
            }),
          ),
        );
      }
      if (view.query === '' && wanted('map.pan_frame_p95_ms')) {
        const mode = await page.getAttribute('[data-testid="points-count"]', 'data-mode');
        figures.push(
          p95(
            summarise('map.pan_frame_p95_ms', await panFrames(page), 'ms', {
              rows: files.rows,
              ...CONDITIONS,
              drawn: `records layer as '${mode}' (${mode === 'dichtheid' ? 'density per 150 m hexagon' : 'points'}), offline base map, 1440×900`,
            }),
          ),
        );
      }
    } finally {
      await page.context().close();
    }
  }
  if (wanted('map.pan_frame_1m_points_p95_ms')) {
    const page = await openExplore(browser, baseUrl, files, '', 2_000_000);
    try {
      const drawn = await page.getAttribute('[data-testid="points-count"]', 'data-drawn');
      figures.push(
        p95(
          summarise('map.pan_frame_1m_points_p95_ms', await panFrames(page), 'ms', {
            rows: files.rows,
            ...CONDITIONS,
            drawn: `${drawn} points (limit raised), offline base map, 1440×900`,
          }),
        ),
      );
    } finally {
      await page.context().close();
    }
  }
  if (wanted('explore.filter_10m_p95_ms')) {
    // 10M rows may not fit in the tab's WebAssembly memory: report why instead of losing
    // the figures above.
    try {
      figures.push(await bench10m(browser, baseUrl, files, runs));
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      console.error(`bench: explore.filter_10m_p95_ms failed: ${message}`);
      figures.push({ metric: 'explore.filter_10m_p95_ms', value: NaN, unit: 'ms', error: message });
    }
  }
  return figures;
}
