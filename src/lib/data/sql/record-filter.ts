/**
 * The shared filter of every view (Verkennen, Tijden, Wijken, Management, the briefing):
 * which records of incidents, meldingen and visits count — and its one compiler to SQL,
 * compileRecordFilter. Each place the filter runs on (a base table, a projection) is a
 * FilterSource: the SQL of each logical field there (filter-sources.ts). One compiler, so
 * that the map, the charts, the hot times and the evaluations always agree on what "the
 * current selection" is; tests/integration/filter-sources.test.ts holds every source to
 * the same records.
 */
import type { Query, QueryParam } from '../connector';
import { bboxSql, checkTimestamp, sqlIntegers } from './literals';

/** Which records count. Lists: empty or absent = no restriction. */
export interface RecordFilter {
  /** Inclusive start, local wall-clock 'YYYY-MM-DD HH:MM:SS'. */
  from?: string;
  /** Exclusive end, local wall-clock 'YYYY-MM-DD HH:MM:SS'. */
  to?: string;
  themes?: readonly string[];
  /** Incident category, melding sub- or main category, visit kind (record-time.ts). */
  categories?: readonly string[];
  outcomes?: readonly string[];
  /** 1 = januari … 12 = december. */
  months?: readonly number[];
  /** Local hour of day, 0–23 (dagdelen are translated to hours, see dagdelen.ts). */
  hours?: readonly number[];
  /** ISO weekday, 1 = maandag … 7 = zondag. */
  weekdays?: readonly number[];
  wijkcodes?: readonly string[];
  buurtcodes?: readonly string[];
  /** Municipalities, CBS codes `GMnnnn` (schema 2, data/gemeente.ts): a region's data. */
  gemeenten?: readonly string[];
  /** A drawn rectangle [minLon, minLat, maxLon, maxLat] (WGS84). */
  bbox?: readonly [number, number, number, number];
}

type TimePart = 'month' | 'hour' | 'weekday';

/** Where the filter runs: the SQL of each logical field on one table or projection. */
export interface FilterSource {
  /** Conditions that always apply (which source tables; records with a place). */
  scope: readonly string[];
  /** When the record happened (TIMESTAMP). */
  time: string;
  /** Local month, hour and ISO weekday of the time. */
  parts: Record<TimePart, string>;
  /**
   * Per part, the condition for records whose time gives it (a coarse time stored at
   * midnight or on 1 January must not pass for that hour or day); absent where the part's
   * expression is NULL for such records already.
   */
  known?: Partial<Record<TimePart, string>>;
  theme: string;
  /** Columns a category filter matches (any of them). */
  categories: readonly string[];
  /** NULL: the source has no outcome, so an outcome filter leaves nothing. */
  outcome: string | null;
  wijkcode: string;
  buurtcode: string;
  /** The record's gemeente code (every source carries it, schema 2). */
  gemeente: string;
  /** The SQL the gemeente is compared with, around `?` (default: as `text`). */
  gemeenteText?: (placeholder: string) => string;
  lon: string;
  lat: string;
  /** The SQL a text column is compared with, around the parameter `?` (default: itself). */
  text?: (placeholder: string) => string;
}

const PART_RANGES: [TimePart, keyof RecordFilter, number, number][] = [
  ['month', 'months', 1, 12],
  ['hour', 'hours', 0, 23],
  ['weekday', 'weekdays', 1, 7],
];

/**
 * WHERE conditions and their parameters for the filter on one source. Texts and
 * timestamps are parameters; only checked integers and exactly written doubles go into the
 * SQL text.
 */
export function compileRecordFilter(
  filter: RecordFilter,
  source: FilterSource,
): { sql: string; params: QueryParam[] } {
  const conditions = [...source.scope];
  const params: QueryParam[] = [];
  const text = source.text ?? ((p: string) => p);
  const texts = (values: readonly string[], sql = text) => {
    params.push(...values);
    return values.map(() => sql('?')).join(', ');
  };
  const inTexts = (
    columns: readonly string[],
    values: readonly string[] | undefined,
    sql = text,
  ) => {
    if (!values?.length) return;
    const list = columns.map((c) => `${c} IN (${texts(values, sql)})`);
    conditions.push(list.length > 1 ? `(${list.join(' OR ')})` : list[0]);
  };
  if (filter.from !== undefined) {
    conditions.push(`${source.time} >= CAST(? AS TIMESTAMP)`);
    params.push(checkTimestamp(filter.from, 'from'));
  }
  if (filter.to !== undefined) {
    conditions.push(`${source.time} < CAST(? AS TIMESTAMP)`);
    params.push(checkTimestamp(filter.to, 'to'));
  }
  for (const [part, field, min, max] of PART_RANGES) {
    const values = (filter[field] as readonly number[] | undefined) ?? [];
    const list = sqlIntegers(values, min, max, field);
    if (values.length === 0) continue;
    conditions.push(`${source.parts[part]} IN (${list})`);
    const known = source.known?.[part];
    if (known) conditions.push(known);
  }
  inTexts([source.theme], filter.themes);
  inTexts(source.categories, filter.categories);
  if (filter.outcomes?.length) {
    if (source.outcome) inTexts([source.outcome], filter.outcomes);
    else conditions.push('FALSE');
  }
  inTexts([source.wijkcode], filter.wijkcodes);
  inTexts([source.buurtcode], filter.buurtcodes);
  inTexts([source.gemeente], filter.gemeenten, source.gemeenteText);
  if (filter.bbox) conditions.push(bboxSql(filter.bbox, source.lon, source.lat));
  return { sql: conditions.length ? conditions.join(' AND ') : 'TRUE', params };
}

/** A query under the filter on `source`: `sql` writes it around the WHERE conditions. */
export function filteredQuery(
  filter: RecordFilter,
  source: FilterSource,
  sql: (where: string) => string,
): Query {
  const where = compileRecordFilter(filter, source);
  return { sql: sql(where.sql), params: where.params };
}
