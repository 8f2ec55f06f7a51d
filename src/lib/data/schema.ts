/**
 * The canonical schema (shared/PRODUCT.md, "Data model"), created by code. Column lists are
 * the single source of identifiers for query builders: SQL identifiers never come from
 * user input.
 *
 * Times are local Dutch wall-clock TIMESTAMPs (no TIMESTAMPTZ: that needs the icu
 * extension, which is not available offline). Area codes are strings (CBS codes may
 * contain letters). Every record table has `dataset`: where the row came from ('demo' or
 * an import id), so demo data can be removed without touching the user's own imports.
 *
 * Schema 2 added `gemeente` (the CBS code of the municipality, `GMnnnn`) as the last column
 * of every table but the theme mapping, so a region's data can be partitioned and scoped
 * per municipality (issue 25). Data of schema 1 loads with NULL there and is filled in on
 * load (gemeente.ts fillGemeente).
 */
export const SCHEMA_VERSION = 2;

export interface ColumnDef {
  name: string;
  type: 'VARCHAR' | 'TIMESTAMP' | 'DATE' | 'DOUBLE' | 'INTEGER' | 'BOOLEAN';
  notNull?: boolean;
  /** SQL literal for rows that do not give the column (older snapshots and publications). */
  default?: string;
}

const col = (name: string, type: ColumnDef['type'], notNull = false): ColumnDef => ({
  name,
  type,
  notNull,
});

/**
 * How precisely a record's time is known: 'exact', or only its 'day', 'month' or 'year'
 * (stored at the start of that period; see import/sniff-dates.ts TimePrecision). Last in
 * the table, and 'exact' for data saved before the column existed.
 */
const TIME_PRECISION = {
  name: 'time_precision',
  type: 'VARCHAR',
  notNull: true,
  default: "'exact'",
} as const satisfies ColumnDef;

/**
 * The municipality of the row, a CBS code `GMnnnn` (gemeente.ts). Last in every table that
 * has it; NULL only until fillGemeente ran over data saved before schema 2.
 */
const GEMEENTE = col('gemeente', 'VARCHAR');

const AREA_COLUMNS = [
  col('lon', 'DOUBLE'),
  col('lat', 'DOUBLE'),
  col('buurtcode', 'VARCHAR'),
  col('wijkcode', 'VARCHAR'),
];

export const TABLES = {
  incidents: [
    col('id', 'VARCHAR', true),
    col('occurred_from', 'TIMESTAMP', true),
    col('occurred_to', 'TIMESTAMP', true),
    col('theme', 'VARCHAR', true),
    col('category', 'VARCHAR'),
    col('outcome', 'VARCHAR'),
    col('source', 'VARCHAR'),
    ...AREA_COLUMNS,
    col('dataset', 'VARCHAR', true),
    TIME_PRECISION,
    GEMEENTE,
  ],
  meldingen: [
    col('id', 'VARCHAR', true),
    col('reported_at', 'TIMESTAMP', true),
    col('happened_from', 'TIMESTAMP'),
    col('happened_to', 'TIMESTAMP'),
    col('main_category', 'VARCHAR'),
    col('sub_category', 'VARCHAR'),
    col('theme', 'VARCHAR', true),
    col('status', 'VARCHAR'),
    col('closed_at', 'TIMESTAMP'),
    col('source', 'VARCHAR'),
    ...AREA_COLUMNS,
    col('dataset', 'VARCHAR', true),
    TIME_PRECISION,
    GEMEENTE,
  ],
  visits: [
    col('id', 'VARCHAR', true),
    col('started_at', 'TIMESTAMP', true),
    col('ended_at', 'TIMESTAMP'),
    col('kind', 'VARCHAR', true),
    col('theme', 'VARCHAR'),
    col('target', 'VARCHAR'),
    col('outcome', 'VARCHAR'),
    ...AREA_COLUMNS,
    col('dataset', 'VARCHAR', true),
    TIME_PRECISION,
    GEMEENTE,
  ],
  areas: [
    col('code', 'VARCHAR', true),
    col('name', 'VARCHAR'),
    col('level', 'VARCHAR', true), // 'gemeente' | 'wijk' | 'buurt'
    col('parent', 'VARCHAR'),
    col('inhabitants', 'INTEGER'), // NULL where CBS suppressed the value
    col('water', 'BOOLEAN'),
    col('year', 'INTEGER'),
    col('geometry', 'VARCHAR', true), // GeoJSON geometry in WGS84
    col('min_lon', 'DOUBLE'),
    col('min_lat', 'DOUBLE'),
    col('max_lon', 'DOUBLE'),
    col('max_lat', 'DOUBLE'),
    col('dataset', 'VARCHAR', true),
    GEMEENTE,
  ],
  buildings: [
    col('id', 'VARCHAR', true),
    col('kind', 'VARCHAR'),
    col('vacant_since', 'DATE'),
    col('source', 'VARCHAR'),
    col('status', 'VARCHAR'),
    ...AREA_COLUMNS,
    col('dataset', 'VARCHAR', true),
    // Last: data saved before the column existed loads with NULL (no address).
    col('adres', 'VARCHAR'),
    GEMEENTE,
  ],
  watch_locations: [
    col('id', 'VARCHAR', true),
    col('name', 'VARCHAR', true),
    col('reason', 'VARCHAR'),
    col('visits_per_week', 'DOUBLE'),
    col('geometry', 'VARCHAR', true),
    ...AREA_COLUMNS,
    col('dataset', 'VARCHAR', true),
    GEMEENTE,
  ],
  interventions: [
    col('id', 'VARCHAR', true),
    col('name', 'VARCHAR', true),
    col('theme', 'VARCHAR'),
    col('start_date', 'DATE', true),
    col('end_date', 'DATE'),
    col('geometry', 'VARCHAR', true),
    col('dataset', 'VARCHAR', true),
    GEMEENTE,
  ],
  theme_mapping: [
    col('main_category', 'VARCHAR', true),
    col('sub_category', 'VARCHAR', true),
    col('theme', 'VARCHAR', true),
  ],
} as const satisfies Record<string, readonly ColumnDef[]>;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];

/** Tables whose rows are records with a location and time (the analysed data). */
export const RECORD_TABLES = ['incidents', 'meldingen', 'visits'] as const;
export type RecordTable = (typeof RECORD_TABLES)[number];

/** The time column that places a record on the time axis. */
export const RECORD_TIME_COLUMN: Record<RecordTable, string> = {
  incidents: 'occurred_from',
  meldingen: 'reported_at',
  visits: 'started_at',
};

export function buildCreateTableSql(table: TableName): string {
  const columns = TABLES[table]
    .map(
      (c: ColumnDef) =>
        `  ${c.name} ${c.type}${c.notNull ? ' NOT NULL' : ''}${c.default ? ` DEFAULT ${c.default}` : ''}`,
    )
    .join(',\n');
  return `CREATE TABLE IF NOT EXISTS ${table} (\n${columns}\n)`;
}

/** All statements that create the schema and record its version. Idempotent. */
export function buildCreateSchemaSql(): string[] {
  return [
    'CREATE TABLE IF NOT EXISTS wijkradar_meta (key VARCHAR PRIMARY KEY, value VARCHAR NOT NULL)',
    ...TABLE_NAMES.map(buildCreateTableSql),
    `INSERT OR REPLACE INTO wijkradar_meta VALUES ('schema_version', '${SCHEMA_VERSION}')`,
  ];
}
