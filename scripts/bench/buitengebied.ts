/**
 * buitengebied.risk_ms: risk scores of 2,000 buildings against 100,000 signals, in headless
 * Chromium — the pure module the view runs (analysis/risk-score.ts, with the generator of
 * analysis/risk-benchmark.ts), bundled for the page
 * with esbuild (already installed as tsx's engine). Synthetic data: buildings and signals
 * uniform over 20 × 20 km (about Donderdeel's extent), three years of signals, default
 * settings (500 m radius, two years). Includes the spatial grid and every contribution;
 * the explanation of one building (explainRisk) is computed on demand, not measured here.
 */
import { build } from 'esbuild';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { summarise, type Figure } from './report';

const ENTRY = path.resolve(import.meta.dirname, '../../src/lib/analysis/risk-benchmark.ts');
const BUILDINGS = 2_000;
const SIGNALS = 100_000;

async function bundleRiskModule(): Promise<string> {
  const result = await build({
    entryPoints: [ENTRY],
    bundle: true,
    format: 'iife',
    globalName: '__risk',
    write: false,
    target: 'es2022',
  });
  return result.outputFiles[0].text;
}

/** Runs in the page (a string: tsx would add helpers the page does not have). */
const MEASURE = (runs: number) => `(() => {
  const r = window.__risk;
  const data = r.createRiskBenchmarkData(${BUILDINGS}, ${SIGNALS}, 20000, 7);
  const samples = [];
  let contributions = 0;
  for (let i = 0; i < ${runs} + 3; i++) {
    const started = performance.now();
    const risks = r.computeRiskScores(data.buildings, data.signals, r.DEFAULT_RISK_SETTINGS, data.referenceTime);
    const ms = performance.now() - started;
    if (i >= 3) samples.push(ms); // the first runs warm up the JIT, as a page that ranked before
    contributions = risks.reduce((s, x) => s + x.signals, 0);
  }
  return { samples, contributions };
})()`;

export async function benchBuitengebied(
  browser: Browser,
  baseUrl: string,
  runs: number,
): Promise<Figure[]> {
  const script = await bundleRiskModule();
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await page.goto(baseUrl + '/');
    // Evaluated through the DevTools protocol: the page's Content-Security-Policy refuses a
    // script element the build did not ship (addScriptTag). `void 0`: run as a script.
    await page.evaluate(`${script}\n;window.__risk = __risk;void 0`);
    const { samples, contributions } = (await page.evaluate(MEASURE(Math.max(10, runs)))) as {
      samples: number[];
      contributions: number;
    };
    return [
      summarise('buitengebied.risk_ms', samples, 'ms', {
        buildings: BUILDINGS,
        signals: SIGNALS,
        contributions,
        area: '20 x 20 km, 500 m radius, 730 days',
        engine: 'chromium (headless)',
        target: 200,
      }),
    ];
  } finally {
    await context.close();
  }
}
