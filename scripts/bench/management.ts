/**
 * Management: the monthly KPI query and an intervention evaluation (records query, zone
 * classification in RD metres, WDQ) on the demo municipality in Node (same DuckDB-WASM
 * engine as the browser); zone classification of 100,000 points; and in the browser the
 * time from clicking "Management" in the navigation to the view's ready signal, and to the
 * ready signals of the sections that load after it.
 */
import type { Browser } from 'playwright-core';
import { computeDisplacement } from '../../src/lib/analysis/displacement';
import {
  countZones,
  previousPeriod,
  type ZoneRecord,
} from '../../src/lib/analysis/intervention-zones';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { loadDemo } from '../../src/lib/data/load-demo';
import {
  buildEvaluationRecordsQuery,
  buildInterventionsQuery,
  buildMonthlyKpiQuery,
  type InterventionRow,
} from '../../src/lib/data/queries/management';
import { directorySource } from '../lib/directory-source';
import { readClickTiming, recordClickTiming } from './click-timing';
import { ROOT } from '../lib/preview-server';
import { summarise, type Figure } from './report';

async function time(runs: number, work: () => Promise<unknown> | unknown): Promise<number[]> {
  await work(); // warm-up
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    await work();
    samples.push(performance.now() - started);
  }
  return samples;
}

export async function benchManagementNode(runs: number): Promise<Figure[]> {
  const conn = await createNodeConnector();
  try {
    await loadDemo(conn, directorySource(`${ROOT}/data`));
    const engine = `duckdb-wasm in node ${process.version}`;
    const kpi = await time(runs, () =>
      conn.query(buildMonthlyKpiQuery({ from: '1900-01-01', to: '2999-12-31' })),
    );
    const [iv] = await conn.query<InterventionRow>(buildInterventionsQuery());
    const after = { from: iv.start_date, to: iv.end_date! };
    const setup = { target: JSON.parse(iv.geometry), bufferM: 400 };
    const evaluation = await time(runs, async () => {
      const records = await conn.query<ZoneRecord>(
        buildEvaluationRecordsQuery({
          theme: iv.theme,
          period: { from: '1900-01-01', to: '2999-12-31' },
        }),
      );
      return computeDisplacement(
        countZones(records, setup, { before: previousPeriod(after), after }).counts,
      );
    });
    // 100k points spread over the municipality around the intervention.
    const points: ZoneRecord[] = Array.from({ length: 100_000 }, (_, i) => ({
      lon: 6.12 + ((i * 7919) % 1000) / 7000,
      lat: 52.03 + ((i * 104729) % 1000) / 20000,
      wijkcode: null,
      day: `2026-0${1 + (i % 9)}-15`,
    }));
    const classify = await time(runs, () =>
      countZones(points, setup, { before: previousPeriod(after), after }),
    );
    return [
      summarise('management.kpi_query_ms', kpi, 'ms', {
        rows: '65k demo records',
        engine,
        target: 200,
      }),
      summarise('management.evaluation_ms', evaluation, 'ms', {
        includes: 'records query (jeugd, ~4k), zones in RD, WDQ',
        engine,
        target: 200,
      }),
      summarise('management.zones_100k_ms', classify, 'ms', {
        points: 100_000,
        engine: `node ${process.version}`,
      }),
    ];
  } finally {
    await conn.close();
  }
}

export async function benchManagementView(
  browser: Browser,
  baseUrl: string,
  runs: number,
): Promise<Figure[]> {
  const samples: number[] = [];
  const sections: number[] = [];
  for (let i = 0; i < runs; i++) {
    const context = await browser.newContext({ timezoneId: 'Europe/Amsterdam', locale: 'nl-NL' });
    await recordClickTiming(context);
    const page = await context.newPage();
    await page.goto(baseUrl + '/');
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 120_000 });
    await page.click('nav >> text=Management');
    await page.waitForSelector('[data-testid="evaluation-verdict"]', { timeout: 60_000 });
    await page.waitForSelector('html[data-ready="true"]', { state: 'attached', timeout: 60_000 });
    // The sections below the evaluation load after the view and say when they are done.
    await page.waitForSelector('[data-section-ready="false"]', {
      state: 'detached',
      timeout: 60_000,
    });
    const timing = await readClickTiming(page);
    samples.push(timing.ready);
    sections.push(timing.sections);
    await context.close();
  }
  return [
    summarise('management.view_ready_ms', samples, 'ms', {
      from: 'click on Management, demo already loaded',
      clock: 'the page’s own (click event → data-ready)',
      engine: 'chromium, duckdb-wasm eh',
      target: 1000,
    }),
    summarise('management.sections_ready_ms', sections, 'ms', {
      from: 'click on Management, demo already loaded',
      until: 'also the sections loaded after the view (afhandeling, voorspelling)',
      engine: 'chromium, duckdb-wasm eh',
    }),
  ];
}
