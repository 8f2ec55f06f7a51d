/**
 * Personal-data detection at import, in Node (the same pure module the browser runs): 50
 * columns of 1,000 sampled values, as an export with many columns is checked before its
 * mapping is shown. The columns mix what exports hold: times, categories, free text,
 * numbers, decimal-comma coordinates, ids, streets, licence plates, phone numbers, e-mail.
 */
import { readFile } from 'node:fs/promises';
import { createRandom } from '../../src/lib/analysis/random';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { IMPORT_FIELDS } from '../../src/lib/data/import/column-mapping';
import { columnsToScan, scanPersonalData } from '../../src/lib/data/import/personal-data-scan';
import { proposePlan, sampleColumns } from '../../src/lib/data/import/plan';
import { stageSource } from '../../src/lib/data/import/stage';
import { detectPersonalData } from '../../src/lib/data/import/personal-data';
import { summarise, type Figure } from './report';

const rnd = createRandom(20260601);
const pick = <T>(values: readonly T[]): T => values[rnd.int(0, values.length - 1)];
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const WORDS = [
  'bewoner',
  'meldt',
  'overlast',
  'bij',
  'de',
  'portiek',
  'sinds',
  'gisteren',
  'jongeren',
];
const LETTERS = 'BDFGHJKLNPRSTVXZ';

const MAKERS: ((i: number) => string)[] = [
  () =>
    `2025-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))} ${pad(rnd.int(0, 23))}:${pad(rnd.int(0, 59))}`,
  () => pick(['afval', 'geluidsoverlast-woning', 'parkeren', 'jongerenoverlast']),
  () => Array.from({ length: rnd.int(6, 14) }, () => pick(WORDS)).join(' ') + '.',
  () => String(rnd.int(1, 1e6)),
  () => `52,${rnd.int(1000, 9999)}`,
  (i) => `I${pad(i, 6)}`,
  () => pick(['Kerkstraat', 'Dorpsweg', 'Stationsplein', 'Molenlaan']),
  () => `${pick([...LETTERS])}${pick([...LETTERS])}-${rnd.int(100, 999)}-${pick([...LETTERS])}`,
  () => `06-${rnd.int(10000000, 99999999)}`,
  () => `${pick(['jan', 'anna', 'kees'])}${rnd.int(1, 999)}@voorbeeld.nl`,
];

export function benchPersonalData(runs: number): Figure[] {
  const columns = Array.from({ length: 50 }, (_, c) =>
    Array.from({ length: 1000 }, (_, i) => MAKERS[c % MAKERS.length](i)),
  );
  const options = { referenceDate: new Date('2026-06-01T12:00:00') };
  const run = () => columns.map((values, c) => detectPersonalData(`kolom_${c}`, values, options));
  for (let i = 0; i < 3; i++) run(); // JIT and regular expressions compiled, as after a page's start
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const started = performance.now();
    run();
    samples.push(performance.now() - started);
  }
  return [
    summarise('import.personal_data_50x1000_ms', samples, 'ms', {
      columns: 50,
      values_per_column: 1000,
      engine: `node ${process.version}`,
      target: 50,
    }),
  ];
}

/**
 * The content check over all rows of the 1M-incident CSV (issue 27, item 2), in Node with
 * the engine the browser runs: the scan `prepareImport` makes over the columns an import
 * could store as text (id, theme, category, outcome, source), after the file is staged.
 */
export async function benchPersonalDataScan(csvPath: string, runs: number): Promise<Figure[]> {
  const conn = await createNodeConnector();
  try {
    await initDatabase(conn);
    const bytes = new Uint8Array(await readFile(csvPath));
    const staged = await stageSource(conn, 'incidents.csv', bytes);
    const samples = await sampleColumns(conn, staged);
    const plan = proposePlan('incidents', staged, samples, { sourceLabel: 'bench' });
    const type = (field: string) => IMPORT_FIELDS.incidents.find((f) => f.field === field)?.type;
    const columns = columnsToScan(plan, samples, type);
    const times: number[] = [];
    for (let i = 0; i < runs + 1; i++) {
      const started = performance.now();
      const found = await scanPersonalData(conn, 'import_raw', columns, { judgedRows: 1000 });
      if (found.length > 0)
        throw new Error(`personal data found in the bench file: ${found[0].reason}`);
      if (i > 0) times.push(performance.now() - started); // the first run warms the engine
    }
    return [
      summarise('import.personal_data_1m_ms', times, 'ms', {
        rows: staged.rowCount,
        columns_scanned: columns.map((c) => c.header).join(','),
        engine: `duckdb-wasm in node ${process.version}`,
        target: 1000,
      }),
    ];
  } finally {
    await conn.close();
  }
}
