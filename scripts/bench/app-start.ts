/**
 * App start in headless Chromium, each run in a fresh browser context (empty cache and
 * storage, like a first visit): DuckDB-WASM instantiation, demo load, page start to
 * data-ready, and the main thread's peak JS heap (sampled through the DevTools protocol).
 */
import type { Browser } from 'playwright-core';
import { summarise, type Figure } from './report';

interface StartSample {
  instantiateMs: number;
  demoLoadMs: number;
  coldStartMs: number;
  peakHeapMb: number;
}

/**
 * Records, inside the page, the moment <html data-ready> first becomes "true". Page scripts
 * are strings: tsx would wrap functions with a `__name` helper the page does not have.
 */
const READY_PROBE = `
  const timer = setInterval(() => {
    if (document.documentElement && document.documentElement.dataset.ready === 'true') {
      window.__readyAt = performance.now();
      clearInterval(timer);
    }
  }, 4);
`;

const READ_MARKS = `(() => {
  const measure = (name) => performance.getEntriesByName(name, 'measure')[0]?.duration ?? NaN;
  return {
    instantiate: measure('duckdb.instantiate'),
    demoLoad: measure('app.demo_load'),
    readyAt: window.__readyAt,
  };
})()`;

async function measureOnce(browser: Browser, url: string): Promise<StartSample> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript({ content: READY_PROBE });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  let peakHeap = 0;
  const sample = async () => {
    const { metrics } = await cdp.send('Performance.getMetrics');
    const used = metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0;
    peakHeap = Math.max(peakHeap, used);
  };
  const sampler = setInterval(() => void sample().catch(() => {}), 50);
  await page.goto(url);
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
  clearInterval(sampler);
  await sample();
  const marks = (await page.evaluate(READ_MARKS)) as {
    instantiate: number;
    demoLoad: number;
    readyAt: number;
  };
  await context.close();
  return {
    instantiateMs: marks.instantiate,
    demoLoadMs: marks.demoLoad,
    coldStartMs: marks.readyAt,
    peakHeapMb: peakHeap / 1024 / 1024,
  };
}

/** Instantiation on a returning visit: same profile, so HTTP and V8 code caches are warm. */
async function measureWarmInstantiate(
  browser: Browser,
  url: string,
  runs: number,
): Promise<number[]> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  const samples: number[] = [];
  for (let i = 0; i <= runs; i++) {
    await page.goto(url);
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
    const marks = (await page.evaluate(READ_MARKS)) as { instantiate: number };
    if (i > 0) samples.push(marks.instantiate); // the first visit fills the caches
  }
  await context.close();
  return samples;
}

export async function benchAppStart(
  browser: Browser,
  baseUrl: string,
  runs: number,
): Promise<Figure[]> {
  await measureOnce(browser, baseUrl + '/'); // warm the server and the OS file cache
  const samples: StartSample[] = [];
  for (let i = 0; i < runs; i++) samples.push(await measureOnce(browser, baseUrl + '/'));
  const conditions = {
    browser: 'chromium-headless-swiftshader',
    dataset: 'Donderdeel demo',
    cache: 'cold',
  };
  const warm = await measureWarmInstantiate(browser, baseUrl + '/', runs);
  return [
    summarise('duckdb.instantiate_warm_ms', warm, 'ms', {
      ...conditions,
      cache: 'warm (returning visit: HTTP cache and V8 WebAssembly code cache)',
    }),
    summarise(
      'duckdb.instantiate_ms',
      samples.map((s) => s.instantiateMs),
      'ms',
      { ...conditions, target: 600 },
    ),
    summarise(
      'app.demo_load_ms',
      samples.map((s) => s.demoLoadMs),
      'ms',
      conditions,
    ),
    summarise(
      'app.cold_start_ms',
      samples.map((s) => s.coldStartMs),
      'ms',
      { ...conditions, target: 3000 },
    ),
    summarise(
      'app.peak_heap_mb',
      samples.map((s) => s.peakHeapMb),
      'MB',
      { ...conditions, scope: 'main thread JS heap' },
    ),
  ];
}
