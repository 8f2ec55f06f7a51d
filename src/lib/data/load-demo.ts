/**
 * Loads the demo municipality Donderdeel (files in data/, the same formats users import)
 * into the canonical schema, atomically: the previous demo rows are replaced in one
 * transaction, and a user's own imports (other `dataset` values) are never touched.
 */
import type { FeatureCollection } from 'geojson';
import { loadBuurtLookup, stageAreaAssignment } from './area-assignment';
import type { Connector } from './connector';
import { inTransaction, initDatabase } from './database';
import { fillAreasFirst, fillGemeente } from './gemeente';
import { parseAreaCollection, type AreaLevel } from './geojson-areas';
import { insertAreas, insertBuildings, insertInterventions, insertWatchLocations } from './places';
import { TABLE_NAMES } from './schema';

export const DEMO_DATASET = 'demo';

/** Where the demo files come from: fetch in the browser, the file system in Node. */
export interface FileSource {
  read(name: string): Promise<Uint8Array>;
}

export const DEMO_FILES = [
  'gemeente.geojson',
  'wijken.geojson',
  'buurten.geojson',
  'incidents.csv',
  'meldingen.csv',
  'visits.csv',
  'buildings.geojson',
  'watch_locations.geojson',
  'interventions.geojson',
] as const;

const TS = 'TIMESTAMP';
/** Column types of the demo CSVs, in file order (the generator's documented headers). */
const CSV_COLUMNS: Record<'incidents' | 'meldingen' | 'visits', [string, string][]> = {
  incidents: [
    ['id', 'VARCHAR'],
    ['occurred_from', TS],
    ['occurred_to', TS],
    ['theme', 'VARCHAR'],
    ['category', 'VARCHAR'],
    ['outcome', 'VARCHAR'],
    ['source', 'VARCHAR'],
    ['lon', 'DOUBLE'],
    ['lat', 'DOUBLE'],
  ],
  meldingen: [
    ['id', 'VARCHAR'],
    ['reported_at', TS],
    ['happened_from', TS],
    ['happened_to', TS],
    ['main_category', 'VARCHAR'],
    ['sub_category', 'VARCHAR'],
    ['status', 'VARCHAR'],
    ['closed_at', TS],
    ['source', 'VARCHAR'],
    ['lon', 'DOUBLE'],
    ['lat', 'DOUBLE'],
  ],
  visits: [
    ['id', 'VARCHAR'],
    ['started_at', TS],
    ['ended_at', TS],
    ['kind', 'VARCHAR'],
    ['theme', 'VARCHAR'],
    ['target', 'VARCHAR'],
    ['outcome', 'VARCHAR'],
    ['lon', 'DOUBLE'],
    ['lat', 'DOUBLE'],
  ],
};

/** SELECT list per table from the staged CSV `s` and its area assignment `a`. */
const INSERT_SELECT: Record<'incidents' | 'meldingen' | 'visits', string> = {
  incidents: `s.id, s.occurred_from, coalesce(s.occurred_to, s.occurred_from), s.theme, s.category,
    s.outcome, s.source, s.lon, s.lat, a.buurtcode, a.wijkcode, ?, 'exact', ? FROM stage_incidents s
    JOIN stage_incidents_area a USING (rn)`,
  meldingen: `s.id, s.reported_at, s.happened_from, s.happened_to, s.main_category, s.sub_category,
    coalesce(exact.theme, anysub.theme, 'overig'), s.status, s.closed_at, s.source, s.lon, s.lat,
    a.buurtcode, a.wijkcode, ?, 'exact', ? FROM stage_meldingen s
    JOIN stage_meldingen_area a USING (rn)
    LEFT JOIN theme_mapping exact
      ON exact.main_category = s.main_category AND exact.sub_category = s.sub_category
    LEFT JOIN theme_mapping anysub
      ON anysub.main_category = s.main_category AND anysub.sub_category = '*'`,
  visits: `s.id, s.started_at, s.ended_at, s.kind, s.theme, s.target, s.outcome, s.lon, s.lat,
    a.buurtcode, a.wijkcode, ?, 'exact', ? FROM stage_visits s JOIN stage_visits_area a USING (rn)`,
};

function decodeJson<T>(bytes: Uint8Array): T {
  return JSON.parse(new TextDecoder().decode(bytes)) as T;
}

async function loadRecordCsv(
  conn: Connector,
  table: 'incidents' | 'meldingen' | 'visits',
  bytes: Uint8Array,
  lookup: Awaited<ReturnType<typeof loadBuurtLookup>>,
  /** Every row's gemeente, or null: each row's is filled from its area afterwards. */
  gemeente: string | null,
): Promise<void> {
  const file = `demo_${table}.csv`;
  const stage = `stage_${table}`;
  const columns = CSV_COLUMNS[table].map(([n, t]) => `'${n}': '${t}'`).join(', ');
  await conn.registerFile(file, bytes);
  try {
    await conn.exec(`CREATE OR REPLACE TEMP TABLE ${stage} AS
      SELECT row_number() OVER () AS rn, * FROM read_csv('${file}', header = true, delim = ',',
        quote = '"', columns = {${columns}}, timestampformat = '%Y-%m-%d %H:%M:%S')`);
    await stageAreaAssignment(conn, stage, lookup);
    await conn.query({
      sql: `INSERT INTO ${table} SELECT ${INSERT_SELECT[table]}`,
      params: [DEMO_DATASET, gemeente],
    });
  } finally {
    await conn.exec(`DROP TABLE IF EXISTS ${stage}; DROP TABLE IF EXISTS ${stage}_area`);
    await conn.dropFile(file);
  }
}

export type DemoFiles = Map<string, Uint8Array>;

/** Reads every demo file (can run while the database is still starting). */
export async function readDemoFiles(source: FileSource): Promise<DemoFiles> {
  const files: DemoFiles = new Map();
  await Promise.all(DEMO_FILES.map(async (name) => files.set(name, await source.read(name))));
  return files;
}

/** Replaces the demo dataset in the database with the files from `source`. */
export async function loadDemo(conn: Connector, source: FileSource): Promise<void> {
  await loadDemoFiles(conn, await readDemoFiles(source));
}

/** Replaces the demo dataset in the database with already read demo files. */
export async function loadDemoFiles(conn: Connector, files: DemoFiles): Promise<void> {
  await initDatabase(conn);
  const file = (name: (typeof DEMO_FILES)[number]) => files.get(name)!;

  await inTransaction(conn, async () => {
    for (const table of TABLE_NAMES) {
      if (table !== 'theme_mapping') {
        await conn.query({ sql: `DELETE FROM ${table} WHERE dataset = ?`, params: [DEMO_DATASET] });
      }
    }
    const levels: [AreaLevel, (typeof DEMO_FILES)[number]][] = [
      ['gemeente', 'gemeente.geojson'],
      ['wijk', 'wijken.geojson'],
      ['buurt', 'buurten.geojson'],
    ];
    const areas = levels.flatMap(([level, name]) =>
      parseAreaCollection(decodeJson<FeatureCollection>(file(name)), level),
    );
    await insertAreas(conn, areas, DEMO_DATASET);
    // Donderdeel's boundary is GM9901 (data/gemeente.geojson): every row is written with
    // that code, not updated afterwards (null if the areas ever span several gemeenten).
    const gemeente = await fillAreasFirst(conn);
    const lookup = await loadBuurtLookup(conn);
    for (const table of ['incidents', 'meldingen', 'visits'] as const) {
      await loadRecordCsv(conn, table, file(`${table}.csv`), lookup, gemeente);
    }
    const json = (name: (typeof DEMO_FILES)[number]) => decodeJson<FeatureCollection>(file(name));
    const origin = { dataset: DEMO_DATASET, gemeente };
    await insertBuildings(conn, json('buildings.geojson'), lookup, origin);
    await insertWatchLocations(conn, json('watch_locations.geojson'), lookup, origin);
    await insertInterventions(conn, json('interventions.geojson'), origin);
    if (gemeente === null) await fillGemeente(conn);
  });
}
