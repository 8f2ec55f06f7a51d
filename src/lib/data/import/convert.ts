/**
 * Builds `import_conv`: one row per staged row with typed canonical values, the numeric
 * coordinates, and the first reason (Dutch) why the row cannot be stored plus the value
 * that caused it. Later stages add location, theme and duplicate checks.
 */
import type { Connector } from '../connector';
import type { RecordKind } from './column-mapping';
import { countConvertSql } from './count-column';
import {
  columnSql,
  isInSpringGapSql,
  numberSql,
  parseDateSql,
  rawSql,
  sqlLiteral,
  untrimmedTextSql,
} from './convert-sql';
import { constantPrecision, timeExpression, TIME_SPECS } from './convert-time-sql';
import { generatedIdSql, rowKeySql } from './id-check';
import type { ImportPlan } from './plan';
import { valuesKeptByTrim } from './personal-data-categories';
import { stagedColumn } from './staged-source';
import { THEME_KEYS } from './theme-lookup';

export type RecordImportKind = Exclude<RecordKind, 'areas'>;

/** Dutch names of the canonical time columns, for reasons in the report. */
export const TIME_LABELS: Record<string, string> = {
  occurred_from: 'Datum/tijd',
  occurred_to: 'Einddatum/-tijd',
  reported_at: 'Meldingsdatum',
  happened_from: 'Voorval vanaf',
  happened_to: 'Voorval tot',
  closed_at: 'Afgehandeld op',
  started_at: 'Begin bezoek',
  ended_at: 'Einde bezoek',
  vacant_since: 'Leeg sinds',
};

/** Text columns per kind: canonical name → import field. */
export const TEXT_FIELDS: Record<RecordImportKind, string[]> = {
  incidents: ['theme', 'category', 'outcome', 'source'],
  meldingen: ['main_category', 'sub_category', 'theme', 'status', 'source'],
  visits: ['kind', 'theme', 'target', 'outcome', 'buurtcode', 'wijkcode'],
  buildings: ['kind', 'source', 'status', 'adres'],
};

/** Pairs (from, to) that must not be reversed. */
const WINDOWS: Record<RecordImportKind, [string, string][]> = {
  incidents: [['occurred_from', 'occurred_to']],
  meldingen: [['happened_from', 'happened_to']],
  visits: [['started_at', 'ended_at']],
  buildings: [],
};

interface Check {
  when: string;
  reason: string;
  detail: string;
}

export const EARLIEST_YEAR = 1990;

/**
 * Three levels, so that each value is parsed and tested once: the inner query `p` turns
 * text into raw and parsed columns, `g` flags readings in the spring DST gap, and the
 * outer one applies the shift and picks the first reason.
 */
export function buildConvertSql(
  plan: ImportPlan,
  now: Date = new Date(),
  source = stagedRowsSource(plan),
  target = 'import_conv',
  /** Leave the id and text columns out of the result (convertStaged adds them in a view). */
  valuesOnly = false,
): string {
  const kind = plan.kind as RecordImportKind;
  const inner: string[] = ['r.rn', ...textColumnsSql(plan)];
  const outer: string[] = ['rn'];
  if (!valuesOnly) outer.push('id', ...TEXT_FIELDS[kind]);
  const checks: Check[] = [];
  checks.push({ when: 'id IS NULL', reason: 'Registratienummer ontbreekt', detail: 'NULL' });

  const latestYear = now.getFullYear() + 1;
  const gapChecks: string[] = [];
  const gapFlags: string[] = [];
  const present = new Set<string>();
  for (const spec of TIME_SPECS[kind]) {
    const label = TIME_LABELS[spec.target];
    const expr = timeExpression(plan, spec);
    if (!expr) {
      if (spec.required) {
        checks.push({ when: 'TRUE', reason: `${label} ontbreekt`, detail: 'NULL' });
        if (!valuesOnly) outer.push(`'exact' AS time_precision`);
      }
      outer.push(`CAST(NULL AS TIMESTAMP) AS ${spec.target}`);
      continue;
    }
    // The record's main time says how precisely it is known (stored as time_precision);
    // one precision for every row is left to convertStaged's view, not stored per row.
    if (spec.required && !(valuesOnly && constantPrecision(plan))) {
      inner.push(`${expr.precision} AS time_precision`);
      outer.push('time_precision');
    }
    present.add(spec.target);
    const raw = `${spec.target}_raw`;
    const parsed = `${spec.target}_parsed`;
    inner.push(`${expr.raw} AS ${raw}`, `${expr.parsed} AS ${parsed}`);
    // The gap test runs once per value, in the middle level `g`; the shift reads its flag.
    gapFlags.push(`${isInSpringGapSql(parsed)} AS ${spec.target}_gap`);
    outer.push(`${shifted(spec.target)} AS ${spec.target}`);
    gapChecks.push(`CASE WHEN ${spec.target}_gap THEN 1 ELSE 0 END`);
    if (spec.required) {
      checks.push({ when: `${raw} IS NULL`, reason: `${label} ontbreekt`, detail: 'NULL' });
    }
    checks.push({
      when: `${raw} IS NOT NULL AND ${parsed} IS NULL`,
      reason: `${label} onleesbaar`,
      detail: raw,
    });
    const earliest = spec.earliestYear ?? EARLIEST_YEAR;
    checks.push({
      when: `year(${parsed}) NOT BETWEEN ${earliest} AND ${latestYear}`,
      reason: `${label} buiten ${earliest}–${latestYear}`,
      detail: raw,
    });
  }
  outer.push(`${gapChecks.length ? gapChecks.join(' + ') : '0'} AS gap_shifted`);
  for (const [from, to] of WINDOWS[kind]) {
    if (present.has(from) && present.has(to)) {
      const f = shifted(from);
      const t = shifted(to);
      checks.push({
        when: `${t} < ${f}`,
        reason: `${TIME_LABELS[to]} ligt vóór ${TIME_LABELS[from].toLowerCase()}`,
        detail: `CAST(${t} AS VARCHAR)`,
      });
    }
  }

  if (kind === 'visits') {
    checks.push({ when: 'kind IS NULL', reason: 'Soort bezoek ontbreekt', detail: 'NULL' });
  }

  const [xField, yField] = plan.columns.lon !== undefined ? ['lon', 'lat'] : ['x', 'y'];
  const x = rawSql(plan, xField);
  const y = rawSql(plan, yField);
  inner.push(
    `${x ?? 'CAST(NULL AS VARCHAR)'} AS x_raw`,
    `${y ?? 'CAST(NULL AS VARCHAR)'} AS y_raw`,
  );
  inner.push(`${numberSql(plan, xField) ?? 'CAST(NULL AS DOUBLE)'} AS x_num`);
  inner.push(`${numberSql(plan, yField) ?? 'CAST(NULL AS DOUBLE)'} AS y_num`);
  outer.push('x_num', 'y_num');
  const areaCode = kind === 'visits' ? 'coalesce(buurtcode, wijkcode)' : 'NULL';
  if (x && y) {
    checks.push({
      when: `x_raw IS NULL AND y_raw IS NULL AND ${areaCode} IS NULL`,
      reason: 'Locatie ontbreekt',
      detail: 'NULL',
    });
    // 'NaN', 'Infinity' and '1e999' cast to DOUBLE without error; they are no place, and
    // must not reach the location check as a point "outside the municipality" (issue 27).
    checks.push({
      when: `(x_raw IS NOT NULL OR y_raw IS NOT NULL) AND (x_num IS NULL OR y_num IS NULL
        OR NOT isfinite(x_num) OR NOT isfinite(y_num))`,
      reason: 'Coördinaten onleesbaar',
      detail: "concat_ws(' ', CAST(x_raw AS VARCHAR), CAST(y_raw AS VARCHAR))",
    });
  } else if (kind !== 'visits') {
    checks.push({ when: 'TRUE', reason: 'Locatie ontbreekt', detail: 'NULL' });
  }

  const count = countConvertSql(plan);
  if (count) {
    inner.push(...count.inner);
    outer.push(...count.outer);
    checks.push(...count.checks);
  }

  const reason = `CASE ${checks.map((c) => `WHEN ${c.when} THEN ${sqlLiteral(c.reason)}`).join(' ')} END`;
  const detail = `CASE ${checks.map((c) => `WHEN ${c.when} THEN CAST(${c.detail} AS VARCHAR)`).join(' ')} END`;
  const flagged = `SELECT p.*${gapFlags.map((f) => `, ${f}`).join('')}
  FROM (SELECT ${inner.join(',\n  ')} FROM ${source} r) p`;
  return `CREATE OR REPLACE TABLE ${target} AS
SELECT ${outer.join(', ')}, ${reason} AS reason, ${detail} AS detail
FROM (${flagged}) g`;
}

/** A time column moved out of the spring DST gap, by its flag from the level `g`. */
const shifted = (target: string) =>
  `(CASE WHEN ${target}_gap THEN ${target}_parsed + INTERVAL 1 HOUR ELSE ${target}_parsed END)`;

/**
 * The id and text columns (`expression AS name`), read from the staged row `r`. A column in
 * `asWritten` (see textColumnsAsWritten) is read as it is, without trimming.
 */
function textColumnsSql(plan: ImportPlan, asWritten: ReadonlySet<number> = new Set()): string[] {
  const id = generatedIds(plan)
    ? generatedIdSql(plan.generated!.fileKey)
    : (columnSql(plan, 'id') ?? 'CAST(NULL AS VARCHAR)');
  const columns = [`${id} AS id`];
  for (const field of TEXT_FIELDS[plan.kind as RecordImportKind]) {
    const index = plan.columns[field];
    const value =
      index !== undefined && asWritten.has(index)
        ? `r.${stagedColumn(index)}`
        : columnSql(plan, field);
    const fallback = field === 'source' ? sqlLiteral(plan.sourceLabel) : 'CAST(NULL AS VARCHAR)';
    columns.push(`${value ? `coalesce(${value}, ${fallback})` : fallback} AS ${field}`);
  }
  return columns;
}

/**
 * The mapped text columns whose values trimming would keep as they are, known from the
 * personal-data scan's grouping (see valuesKeptByTrim): a million rows then skip three
 * tests per value (1M rows, three category columns: about 70 ms of the commit).
 */
function textColumnsAsWritten(conn: Connector, plan: ImportPlan): Promise<Set<number>> {
  const text = TEXT_FIELDS[plan.kind as RecordImportKind].flatMap((field) => {
    const index = plan.columns[field];
    const type = index === undefined ? undefined : plan.columnTypes?.[index]?.toUpperCase();
    return index !== undefined && (type === undefined || type === 'VARCHAR') ? [index] : [];
  });
  return valuesKeptByTrim(conn, text);
}

/** The staged rows with their own types: the typed view for Arrow/Parquet, else the text table. */
export function stagedRowsSource(plan: ImportPlan): string {
  return plan.columnTypes ? 'import_rows' : 'import_raw';
}

/**
 * True when `import_conv_values` holds the staged rows' rn in the staged rows' order. The
 * typed view numbers its rows by position (`rowid + 1`, stage.ts), so there the converted
 * table is checked on its own, one narrow column, instead of joined back to the million
 * wide staged rows (1M rows in Chromium: about 10 against 80 ms).
 */
async function alignedWithStaged(conn: Connector, source: string): Promise<boolean> {
  const [{ n }] = await conn.query<{ n: number }>({
    sql:
      source === 'import_rows'
        ? `SELECT count(*) FILTER (rn IS DISTINCT FROM rowid + 1)
              + abs(count(*) - (SELECT count(*) FROM import_typed)) AS n FROM import_conv_values`
        : `SELECT count(*) AS n FROM import_conv_values c POSITIONAL JOIN ${source} r
              WHERE c.rn IS DISTINCT FROM r.rn`,
  });
  return n === 0;
}

/**
 * Creates `import_conv`: the parsed values and reasons are materialised in
 * `import_conv_values`; the id and text columns are not copied but read from the staged
 * rows through a view, matched by position (checked; by rn otherwise). A million ids and
 * categories are then copied once, into the canonical table at commit.
 */
export async function convertStaged(conn: Connector, plan: ImportPlan, now?: Date): Promise<void> {
  const source = stagedRowsSource(plan);
  // Their kinds are fixed here (prepareImport cleared whatever an older version left).
  await conn.exec('DROP VIEW IF EXISTS import_conv; DROP TABLE IF EXISTS import_conv_values');
  await conn.exec(buildConvertSql(plan, now, source, 'import_conv_values', true));
  const join = (await alignedWithStaged(conn, source))
    ? `POSITIONAL JOIN ${source} r`
    : `JOIN ${source} r ON r.rn = c.rn`;
  const precision = constantPrecision(plan);
  const constant = precision ? [`'${precision}' AS time_precision`] : [];
  await conn.exec(`CREATE VIEW import_conv AS
    SELECT c.*, ${[...textColumnsSql(plan, await textColumnsAsWritten(conn, plan)), ...themeKeysSql(plan), ...rowKeyColumn(plan), ...constant].join(', ')}
    FROM import_conv_values c ${join}`);
}

/** True when the plan generates ids (the id column is not unique). */
export function generatedIds(plan: ImportPlan): boolean {
  return plan.ids === 'generated' && plan.generated !== undefined;
}

/** With generated ids, `row_key`: exact copies of a row share it (finalize's duplicates). */
function rowKeyColumn(plan: ImportPlan): string[] {
  return generatedIds(plan) ? [`${rowKeySql(plan.generated!.columns)} AS row_key`] : [];
}

/**
 * The theme's keys as staged, untrimmed (`key_<field>`): the theme lookup groups the
 * million rows by these, and trims only the few distinct values.
 */
function themeKeysSql(plan: ImportPlan): string[] {
  return (THEME_KEYS[plan.kind as RecordImportKind] ?? []).map(
    (field) => `${untrimmedTextSql(plan, field) ?? 'CAST(NULL AS VARCHAR)'} AS key_${field}`,
  );
}

export { parseDateSql };
