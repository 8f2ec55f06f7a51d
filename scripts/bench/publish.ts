/**
 * Opening a published dataset of 1M records (issue "Publiceren"): the app served under a
 * sub-path with `dataset/` beside it, timed from navigation start to `data-ready` in a
 * fresh profile — the start page (all years) and the briefing (recent years only).
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, rm, symlink } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { loadDemo } from '../../src/lib/data/load-demo';
import { buildPublication } from '../../src/lib/data/publish';
import { launchBrowser } from '../lib/chromium';
import { directorySource } from '../lib/directory-source';
import { BUILD_DIR, ROOT } from '../lib/preview-server';
import { writePublication } from '../lib/publish-files';
import { startStaticServer } from '../lib/static-server';
import { prepareImportBenchFiles } from './import-data';
import { quantile, summarise, type Figure } from './report';

const median = (values: number[]) => Math.round(quantile(values, 0.5));

const SITE = path.join(ROOT, 'bench-data', 'published-site');
const DATASET = path.join(ROOT, 'bench-data', 'published-1m');

/** Donderdeel with its incidents replaced by the 1M benchmark incidents, published. */
async function preparePublishedDataset(): Promise<void> {
  if (existsSync(path.join(DATASET, 'manifest.json'))) return;
  const { csv } = await prepareImportBenchFiles(1_000_000);
  const conn = await createNodeConnector();
  try {
    await loadDemo(conn, directorySource(path.join(ROOT, 'data')));
    await conn.registerFile(
      'bench.csv',
      new Uint8Array(await (await import('node:fs/promises')).readFile(csv)),
    );
    // Columns named: those the schema adds later (time precision) take their defaults. The
    // gemeente is the demo's, as a publication carries it (no fill when it is opened).
    await conn.exec(`DELETE FROM incidents;
      INSERT INTO incidents (id, occurred_from, occurred_to, theme, category, outcome, source,
        lon, lat, buurtcode, wijkcode, dataset, gemeente)
      SELECT CAST(id AS VARCHAR), occurred_from, occurred_to, theme, category, outcome,
        source, lon, lat, 'BU09990101', 'WK099901', 'bench', 'GM9901'
      FROM read_csv('bench.csv', header = true, timestampformat = '%Y-%m-%d %H:%M:%S')`);
    await writePublication(await buildPublication(conn, { version: 'bench-1m' }), DATASET);
  } finally {
    await conn.close();
  }
}

/** The built app plus the dataset, as links (the build is not copied). */
async function prepareSite(): Promise<void> {
  await rm(SITE, { recursive: true, force: true });
  await mkdir(SITE, { recursive: true });
  for (const entry of await readdir(BUILD_DIR)) {
    if (entry === 'bench') continue;
    await symlink(path.join(BUILD_DIR, entry), path.join(SITE, entry));
  }
  await symlink(DATASET, path.join(SITE, 'dataset'));
}

// Installed before the page's own scripts; <html> may not exist yet, so the whole
// document is observed.
const READY_AT = `new MutationObserver((_, observer) => {
  if (document.documentElement?.dataset.ready === 'true') {
    window.__readyAt = performance.now();
    observer.disconnect();
  }
}).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ready'] });`;

interface OpenSample {
  /** Navigation start → the view's data-ready (drawn). */
  ready: number;
  /** Navigation start → the data loaded (app.to_data_ready). */
  data: number;
  /** Briefing only: navigation start → its slides on screen, and → its maps drawn. */
  shown: number | null;
  drawn: number | null;
}

/**
 * A browser that has just been launched spends its first second starting its own
 * processes (GPU process with SwiftShader, network service) on the same two cores. The
 * sample navigates once that is over, as a coordinator's browser is already open:
 * navigating at once measured the browser's start as well (briefing median 1625 against
 * 1224 ms, 8 alternating samples each).
 */
export const BROWSER_SETTLE_MS = 1500;

/**
 * One sample in a browser of its own: a fresh profile, and no work left over from the
 * previous sample (after opening, the app keeps the published data in IndexedDB in the
 * background, and the browser process went on writing it while the next sample started).
 */
async function openToReady(url: string): Promise<OpenSample> {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: { width: 1920, height: 1080 } });
  try {
    await context.addInitScript(READY_AT);
    const page = await context.newPage();
    await new Promise((resolve) => setTimeout(resolve, BROWSER_SETTLE_MS));
    await page.goto(url);
    await waitForReadyAt(page);
    return (await page.evaluate(`({
      ready: window.__readyAt,
      data: (() => {
        const m = performance.getEntriesByName('app.to_data_ready', 'measure')[0];
        return m.startTime + m.duration;
      })(),
      shown: performance.getEntriesByName('briefing.shown', 'mark')[0]?.startTime ?? null,
      drawn: performance.getEntriesByName('briefing.drawn', 'mark')[0]?.startTime ?? null,
    })`)) as OpenSample;
  } finally {
    await browser.close();
  }
}

/**
 * Polls for the ready mark through the DevTools protocol. `page.waitForFunction` compiles
 * its predicate with `new Function` inside the page, which the app's Content-Security-Policy
 * (no 'unsafe-eval') refuses.
 */
async function waitForReadyAt(page: Page, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await page.evaluate('window.__readyAt !== undefined'))) {
    if (Date.now() > deadline) throw new Error(`Geen ready-signaal binnen ${timeoutMs} ms.`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

export async function preparePublishBench(): Promise<void> {
  await preparePublishedDataset();
  await prepareSite();
}

export async function benchPublish(runs: number): Promise<Figure[]> {
  const server = await startStaticServer(SITE, '/wijkradar');
  try {
    const open: OpenSample[] = [];
    const briefing: OpenSample[] = [];
    for (let i = 0; i < runs; i++) {
      open.push(await openToReady(`${server.url}/`));
      briefing.push(await openToReady(`${server.url}/briefing`));
    }
    const conditions = {
      records: 1_050_000,
      served: 'static server, sub-path /wijkradar/, fresh profile, a new browser per sample',
      browser_settle_ms: BROWSER_SETTLE_MS,
      browser: 'chromium-headless',
    };
    return [
      summarise(
        'publish.open_1m_ms',
        open.map((s) => s.ready),
        'ms',
        {
          ...conditions,
          view: 'Overzicht',
          data_ready_median: median(open.map((s) => s.data)),
          target: 3000,
        },
      ),
      summarise(
        'publish.briefing_1m_ms',
        briefing.map((s) => {
          if (s.shown === null) throw new Error('the briefing did not mark its slides shown');
          return s.shown;
        }),
        'ms',
        {
          ...conditions,
          measured:
            "navigation start → the briefing's slides on screen, read from the published files (recent years) before the engine starts",
          maps_drawn_median: median(briefing.map((s) => s.drawn ?? NaN)),
          engine_data_ready_median: median(briefing.map((s) => s.data)),
          view_ready_median: median(briefing.map((s) => s.ready)),
          target: 1500,
        },
      ),
    ];
  } finally {
    await server.stop();
  }
}
