/**
 * `npm run bench [-- <prefix>...]`: runs the benchmark suites whose metrics start with a
 * given prefix (all when none) and prints one JSON object per line on stdout. Progress and
 * errors go to stderr, so stdout stays machine-readable.
 */
import { withBrowser } from '../lib/chromium';
import { startPreviewServer } from '../lib/preview-server';
import { benchAppStart } from './app-start';
import { benchAreaImport } from './areas';
import { benchBuitengebied } from './buitengebied';
import { benchBriefing } from './briefing';
import { benchLargeCsv } from './csv-large';
import { benchExplore } from './explore';
import { benchGiStar, benchGiStarPermutation } from './hotspots';
import { benchImport } from './import';
import { benchPersonalData, benchPersonalDataScan } from './personal-data';
import { prepareImportBenchFiles, type ImportBenchFiles } from './import-data';
import { benchPublish, preparePublishBench } from './publish';
import { benchManagementNode, benchManagementView } from './management';
import { benchOverzicht } from './overzicht';
import { printFigure, type Figure } from './report';
import { benchTimes } from './times';

interface Suite {
  /** Metric names this suite produces (for prefix selection). */
  metrics: string[];
  /** Work before the server starts (it serves the build folder as it is then). */
  prepare?(): Promise<void>;
  run(ctx: {
    baseUrl: string;
    runs: number;
    wanted: (metric: string) => boolean;
  }): Promise<Figure[]>;
}

let importFiles: ImportBenchFiles | null = null;

/**
 * The region server's benches need native DuckDB, installed in server/ only
 * (`npm ci --prefix server`): loaded when asked for, so that the other figures run without it.
 */
async function regionServerBench(): Promise<typeof import('./region-server')> {
  try {
    return await import('./region-server');
  } catch (error) {
    throw new Error(
      'De regioserver-benchmarks hebben native DuckDB nodig: voer eerst `npm ci --prefix server` uit.',
      { cause: error },
    );
  }
}

const SUITES: Suite[] = [
  {
    metrics: ['buitengebied.risk_ms'],
    run: ({ baseUrl, runs }) => withBrowser((browser) => benchBuitengebied(browser, baseUrl, runs)),
  },
  {
    metrics: ['import.personal_data_50x1000_ms'],
    run: async ({ runs }) => benchPersonalData(Math.max(20, runs)),
  },
  {
    metrics: ['import.personal_data_1m_ms'],
    run: async ({ runs }) => {
      importFiles ??= await prepareImportBenchFiles(1_000_000);
      return benchPersonalDataScan(importFiles.csv, runs);
    },
  },
  {
    metrics: ['import.csv_1gb_peak_heap_mb'],
    run: async () => benchLargeCsv(Number(process.env.BENCH_CSV_LARGE_RUNS ?? 1)),
  },
  {
    metrics: ['import.areas_500_reassign_1m_ms'],
    run: async () => benchAreaImport(Number(process.env.BENCH_AREAS_RUNS ?? 3)),
  },
  {
    metrics: ['hotspots.gistar_10k_ms'],
    run: async ({ runs }) => benchGiStar(Math.max(20, runs)),
  },
  {
    metrics: ['hotspots.gistar_perm_10k_ms', 'hotspots.false_alarm_share_1000'],
    run: async ({ runs }) => benchGiStarPermutation(Math.max(20, runs)),
  },
  {
    metrics: [
      'duckdb.instantiate_ms',
      'duckdb.instantiate_warm_ms',
      'app.demo_load_ms',
      'app.cold_start_ms',
      'app.peak_heap_mb',
    ],
    run: ({ baseUrl, runs }) => withBrowser((browser) => benchAppStart(browser, baseUrl, runs)),
  },
  {
    metrics: ['app.overzicht_ready_ms', 'app.overzicht_compute_ms'],
    run: ({ baseUrl, runs }) => withBrowser((browser) => benchOverzicht(browser, baseUrl, runs)),
  },
  {
    metrics: [
      'import.csv_1m_ms',
      'import.csv_1m_vs_native',
      'import.parquet_1m_ms',
      'import.reload_1m_ms',
      'import.peak_heap_mb',
    ],
    async prepare() {
      importFiles ??= await prepareImportBenchFiles(1_000_000);
    },
    run: ({ baseUrl }) =>
      benchImport(baseUrl, importFiles!, Number(process.env.BENCH_IMPORT_RUNS ?? 3)),
  },
  {
    metrics: ['publish.open_1m_ms', 'publish.briefing_1m_ms'],
    prepare: preparePublishBench,
    run: ({ runs }) => benchPublish(runs),
  },
  {
    metrics: [
      'management.kpi_query_ms',
      'management.evaluation_ms',
      'management.zones_100k_ms',
      'management.view_ready_ms',
      'management.sections_ready_ms',
    ],
    run: async ({ baseUrl, runs }) => [
      ...(await benchManagementNode(Math.max(10, runs))),
      ...(await withBrowser((browser) => benchManagementView(browser, baseUrl, runs))),
    ],
  },
  {
    metrics: ['briefing.open_ms', 'briefing.open_1m_ms', 'briefing.dagdeel_switch_ms'],
    async prepare() {
      importFiles ??= await prepareImportBenchFiles(1_000_000);
    },
    run: ({ baseUrl, runs, wanted }) =>
      withBrowser((browser) => benchBriefing(browser, baseUrl, runs, importFiles!, wanted)),
  },
  {
    metrics: ['region.filter_10m_p95_ms'],
    run: async () =>
      (await regionServerBench()).benchRegionFilter(Number(process.env.BENCH_REGION_RUNS ?? 3)),
  },
  {
    metrics: ['region.overhead_ms'],
    run: async () => (await regionServerBench()).benchRegionOverhead(),
  },
  {
    metrics: ['region.filter_10m_p95_ms_clickhouse'],
    run: async () =>
      (await import('./region-clickhouse')).benchRegionClickHouse(
        Number(process.env.BENCH_REGION_RUNS ?? 3),
      ),
  },
  {
    metrics: ['times.filter_p95_ms', 'times.wijken_filter_p95_ms'],
    async prepare() {
      importFiles ??= await prepareImportBenchFiles(1_000_000);
    },
    run: ({ baseUrl }) =>
      withBrowser((browser) =>
        benchTimes(browser, baseUrl, importFiles!, Number(process.env.BENCH_TIMES_RUNS ?? 20)),
      ),
  },
  {
    metrics: [
      'explore.filter_p95_ms',
      'explore.filter_hex_p95_ms',
      'explore.filter_10m_p95_ms',
      'map.pan_frame_p95_ms',
      'map.pan_frame_1m_points_p95_ms',
    ],
    async prepare() {
      importFiles ??= await prepareImportBenchFiles(1_000_000);
    },
    run: ({ baseUrl, runs, wanted }) =>
      withBrowser((browser) => benchExplore(browser, baseUrl, importFiles!, runs, wanted)),
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
  for (const suite of suites) await suite.prepare?.();
  const server = await startPreviewServer();
  try {
    for (const suite of suites) {
      console.error(`bench: ${suite.metrics.filter(wanted).join(', ')}`);
      // A suite that fails is reported and the others still run; the exit code says it.
      try {
        for (const figure of await suite.run({ baseUrl: server.url, runs, wanted })) {
          if (wanted(figure.metric)) printFigure(figure);
        }
      } catch (error) {
        console.error(`bench: ${suite.metrics.filter(wanted).join(', ')} mislukt:`, error);
        process.exitCode = 1;
      }
    }
  } finally {
    await server.stop();
  }
}

await main();
