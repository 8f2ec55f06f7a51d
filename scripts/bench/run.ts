/**
 * `npm run bench [-- <prefix>...]`: runs the benchmark suites whose metrics start with a
 * given prefix (all when none) and prints one JSON object per line on stdout. Progress and
 * errors go to stderr, so stdout stays machine-readable.
 */
import { launchBrowser } from '../lib/chromium';
import { startPreviewServer } from '../lib/preview-server';
import { benchAppStart } from './app-start';
import { printFigure, type Figure } from './report';

interface Suite {
  /** Metric names this suite produces (for prefix selection). */
  metrics: string[];
  run(ctx: { baseUrl: string; runs: number }): Promise<Figure[]>;
}

const SUITES: Suite[] = [
  {
    metrics: ['duckdb.instantiate_ms', 'app.demo_load_ms', 'app.cold_start_ms', 'app.peak_heap_mb'],
    async run({ baseUrl, runs }) {
      const browser = await launchBrowser();
      try {
        return await benchAppStart(browser, baseUrl, runs);
      } finally {
        await browser.close();
      }
    },
  },
];

async function main(): Promise<void> {
  const prefixes = process.argv.slice(2).filter((a) => !a.startsWith('--'));
  const runs = Number(process.env.BENCH_RUNS ?? 5);
  const wanted = (metric: string) =>
    prefixes.length === 0 || prefixes.some((p) => metric.startsWith(p));
  const suites = SUITES.filter((s) => s.metrics.some(wanted));
  if (suites.length === 0) {
    console.error(`Geen benchmark met prefix ${prefixes.join(', ')}.`);
    process.exitCode = 1;
    return;
  }
  const server = await startPreviewServer();
  try {
    for (const suite of suites) {
      console.error(`bench: ${suite.metrics.filter(wanted).join(', ')}`);
      for (const figure of await suite.run({ baseUrl: server.url, runs })) {
        if (wanted(figure.metric)) printFigure(figure);
      }
    }
  } finally {
    server.stop();
  }
}

await main();
