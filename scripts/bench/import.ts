/**
 * Import at scale in headless Chromium: a 1M-row incidents CSV and the same rows as
 * Parquet through the real pipeline (area assignment included), the same CSV read by
 * native DuckDB (@duckdb/node-api, v1.5 — a baseline, not the browser's engine), and the
 * reload of the persisted 1M rows to ready.
 */
import type { Browser, Page } from 'playwright-core';
import { withBrowser } from '../lib/chromium';
import type { ImportBenchFiles } from './import-data';
import { nativeReadCsvMs } from './native-duckdb';
import { summarise, type Figure } from './report';

interface BrowserImportSample {
  importMs: number;
  accepted: number;
  peakHeapMb: number;
  /** Milliseconds per pipeline stage (performance measures named import.*). */
  stages: Record<string, number>;
}

async function sampleHeap(page: Page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  let peak = 0;
  const timer = setInterval(() => {
    cdp
      .send('Performance.getMetrics')
      .then(({ metrics }) => {
        peak = Math.max(peak, metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? 0);
      })
      .catch(() => {});
  }, 100);
  return () => {
    clearInterval(timer);
    return peak / 1024 / 1024;
  };
}

async function openApp(browser: Browser, baseUrl: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
  const page = await context.newPage();
  await page.goto(baseUrl + '/');
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
  return page;
}

async function importInPage(page: Page, url: string): Promise<BrowserImportSample> {
  const stop = await sampleHeap(page);
  const result = (await page.evaluate(
    `window.__wijkradar.importUrl(${JSON.stringify(url)}, 'incidents')`,
  )) as { importMs: number; report: { rows: { accepted: number } } };
  const marks = (await page.evaluate('window.__wijkradar.marks()')) as Record<string, number>;
  const stages = Object.fromEntries(
    Object.entries(marks)
      .filter(([name]) => name.startsWith('import.'))
      .map(([name, ms]) => [name, Math.round(ms)]),
  );
  return {
    importMs: result.importMs,
    accepted: result.report.rows.accepted,
    peakHeapMb: stop(),
    stages,
  };
}

/** Persists, reloads the page and times navigation start → data-ready. */
async function reloadToReady(page: Page): Promise<number> {
  await page.evaluate('window.__wijkradar.persist()');
  await page.reload();
  await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
  return (await page.evaluate(
    `performance.getEntriesByName('app.to_data_ready', 'measure')[0].startTime +
     performance.getEntriesByName('app.to_data_ready', 'measure')[0].duration`,
  )) as number;
}

/**
 * Each page in a browser of its own (withBrowser): after the CSV sample the browser process goes on
 * writing the persisted snapshot (100+ MB in IndexedDB) for a while, and a Parquet sample in
 * the same browser measured 0.5 s more (3.3 s against 2.7–2.9 s on its own).
 */
export async function benchImport(
  baseUrl: string,
  files: ImportBenchFiles,
  runs: number,
): Promise<Figure[]> {
  const csvSamples: BrowserImportSample[] = [];
  const parquetSamples: BrowserImportSample[] = [];
  const reloads: number[] = [];
  const native: number[] = [];
  // BENCH_IMPORT_ONLY=parquet skips the CSV import, the reload and the native baseline.
  const parquetOnly = process.env.BENCH_IMPORT_ONLY === 'parquet';
  for (let i = 0; i < runs; i++) {
    if (!parquetOnly) {
      await withBrowser(async (browser) => {
        const page = await openApp(browser, baseUrl);
        csvSamples.push(await importInPage(page, files.csvUrl));
        reloads.push(await reloadToReady(page));
      });
    }
    await withBrowser(async (browser) => {
      const parquetPage = await openApp(browser, baseUrl);
      parquetSamples.push(await importInPage(parquetPage, files.parquetUrl));
    });
    if (!parquetOnly) native.push(await nativeReadCsvMs(files.csv));
  }
  const rows = files.rows;
  // Where the time goes, per sample (stderr: the figures on stdout stay machine-readable).
  for (const [format, samples] of [
    ['csv', csvSamples],
    ['parquet', parquetSamples],
  ] as const) {
    if (samples.length) {
      console.error(`bench: ${format} stages ${JSON.stringify(samples.map((s) => s.stages))}`);
    }
  }
  const conditions = { rows, browser: 'chromium-headless', engine: 'duckdb-wasm 1.32 (eh)' };
  const csvMedian = summarise(
    'x',
    csvSamples.map((s) => s.importMs),
    'ms',
  ).median as number;
  const nativeMedian = summarise('x', native, 'ms').median as number;
  return [
    summarise(
      'import.csv_1m_ms',
      csvSamples.map((s) => s.importMs),
      'ms',
      {
        ...conditions,
        accepted: csvSamples[0]?.accepted,
        includes: 'sniff, stage, convert, RD/WGS84, area assignment, commit',
        target: 8000,
      },
    ),
    {
      metric: 'import.csv_1m_vs_native',
      value: Math.round((csvMedian / nativeMedian) * 10) / 10,
      unit: 'ratio',
      runs,
      browser_median_ms: csvMedian,
      native_median_ms: Math.round(nativeMedian),
      native: '@duckdb/node-api 1.5.6, 2 threads, read_csv into a table',
      rows,
    },
    summarise(
      'import.parquet_1m_ms',
      parquetSamples.map((s) => s.importMs),
      'ms',
      {
        ...conditions,
        accepted: parquetSamples[0]?.accepted,
        reader: 'parquet-wasm 0.8',
        target: 3000,
      },
    ),
    summarise('import.reload_1m_ms', reloads, 'ms', {
      ...conditions,
      from: 'IndexedDB snapshot',
      target: 3000,
    }),
    summarise(
      'import.peak_heap_mb',
      csvSamples.map((s) => s.peakHeapMb),
      'MB',
      {
        ...conditions,
        scope: 'main thread JS heap during the CSV import',
      },
    ),
  ];
}
