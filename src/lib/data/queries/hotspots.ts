/**
 * Queries for the hot spot views (issue 4): record counts per hexagon cell, and per cell per
 * time step for emerging hot spots. Pure builders returning { sql, params } (STYLE.md §1):
 * table and column names come from the schema module, every user-chosen value (period,
 * themes, categories, months, hours, weekdays, wijken) is a `?` parameter.
 *
 * RD metres in SQL. Records hold WGS84 lon/lat only, and DuckDB-WASM has no projection
 * functions offline (the spatial extension cannot be loaded). The hexagon grid lives in RD
 * New metres (hex-grid.ts), so the SQL evaluates a **local cubic polynomial** lon/lat → RD,
 * fitted by least squares against proj4 (`wgs84ToRd`, rd.ts) over the study extent
 * (`fitRdPolynomial`). Measured over the Donderdeel extent (≈ 14 × 12 km) the largest error
 * on a dense check grid is about 2 µm (a plane would be off by ~10 m, a quadratic by ~3 mm),
 * i.e. a hundred million times smaller than a 150–250 m cell and far below the metre
 * accuracy of the RD transformation itself, so SQL binning equals `cellOf(wgs84ToRd(…))`
 * for practically every record (tests/integration/hotspots.test.ts checks all demo records).
 * The error grows with the fourth power of the extent: for the whole country it would be a
 * few decimetres; `fitRdPolynomial` measures and returns it, so callers can show or check it.
 * Binning in lon/lat-derived local metres was rejected: the grid would then depend on the
 * chosen centre, while RD cells are the same for every dataset and session.
 */
import { buildHexBinSql } from '../../analysis/hex-grid';
import {
  approximateRd,
  fitRdPolynomial,
  type LonLatExtent,
  type RdPolynomial,
} from '../../analysis/rd-polynomial';
import type { Query, QueryParam } from '../connector';

export { approximateRd, fitRdPolynomial, type LonLatExtent, type RdPolynomial };
import type { RecordTable } from '../schema';
import { dialect } from '../sql/dialect';
import { checkTimestamp, polynomialSql, sqlDouble } from '../sql/literals';
import { compileRecordFilter, type RecordFilter } from '../sql/record-filter';
import { column, precisionIn, recordSource, timeSql } from '../sql/record-time';
import { registerAll } from './register';

/** Which records count (the shared filter, record-filter.ts). */
export type HotspotFilter = RecordFilter;

export type HotspotSource = RecordTable | readonly RecordTable[];

export interface HexCountOptions {
  /** Hexagon circumradius in metres (hex-grid.ts). */
  size: number;
  rd: RdPolynomial;
  filter?: HotspotFilter;
}

/** Time steps for emerging hot spots: calendar months (3 = quarters) or weeks, counted
 * from the filter's `from`. */
export type TimeStep = { months: number } | { weeks: number };

function checkStep(step: TimeStep): void {
  const n = 'months' in step ? step.months : step.weeks;
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`time step must be an integer ≥ 1`);
}

/** Period number (0 = the step starting at `from`) as SQL; one `?` for from. */
function periodSql(table: RecordTable, step: TimeStep): string {
  const t = timeSql(table);
  return 'months' in step
    ? dialect.intDiv(dialect.dateDiff('month', 'CAST(? AS TIMESTAMP)', t), String(step.months))
    : dialect.intDiv(dialect.dateDiff('day', 'CAST(? AS TIMESTAMP)', t), String(7 * step.weeks));
}

/**
 * Filtered records of all source tables with their RD x/y (columns id, src, lon, lat, rd_x,
 * rd_y and, with a step, period t), as a subquery.
 */
function pointsSql(
  source: HotspotSource,
  options: HexCountOptions,
  step?: TimeStep,
): { sql: string; params: QueryParam[] } {
  const tables = typeof source === 'string' ? [source] : [...source];
  if (tables.length === 0) throw new Error('no source table');
  const p = options.rd;
  const params: QueryParam[] = [];
  const parts = tables.map((table) => {
    const lon = column(table, 'lon');
    const lat = column(table, 'lat');
    const u = `(${lon} - ${sqlDouble(p.lon0)}) / ${sqlDouble(p.halfLon)}`;
    const v = `(${lat} - ${sqlDouble(p.lat0)}) / ${sqlDouble(p.halfLat)}`;
    const where = compileRecordFilter(options.filter ?? {}, recordSource(table));
    let period = '';
    if (step) {
      if (options.filter?.from === undefined || options.filter.to === undefined) {
        // Both ends fix the number of steps (listTimeSteps) the study expects.
        throw new Error('time steps need filter.from and filter.to');
      }
      period = `, ${periodSql(table, step)} AS t`;
      params.push(options.filter.from);
    }
    // A time step counts only records whose time lies within one step: a year-level
    // record is in no month, a month-level one in no week (no spike in its first step).
    const steps = step ? ` AND ${precisionIn(table, 'months' in step ? 'month' : 'weekday')}` : '';
    params.push(...where.params);
    return `SELECT ${column(table, 'id')} AS id, '${table}' AS src, ${lon} AS lon, ${lat} AS lat,
        ${u} AS u, ${v} AS v${period}
      FROM ${table} WHERE ${where.sql}${steps}`;
  });
  const sql = `SELECT id, src, lon, lat${step ? ', t' : ''},
      ${polynomialSql(p.cx)} AS rd_x,
      ${polynomialSql(p.cy)} AS rd_y
    FROM (${parts.join('\n      UNION ALL\n      ')})`;
  return { sql, params };
}

function cellsSql(source: HotspotSource, options: HexCountOptions, step?: TimeStep) {
  const points = pointsSql(source, options, step);
  const bin = buildHexBinSql({ x: 'rd_x', y: 'rd_y' }, options.size);
  return {
    sql: `SELECT id, src, lon, lat${step ? ', t' : ''}, rd_x, rd_y, ${bin.q} AS q, ${bin.r} AS r
      FROM (${points.sql})`,
    params: points.params,
  };
}

/** Records per hexagon cell: rows (q, r, n), ordered by q, r. Cells without records are
 * absent; the study area (hotspot-study.ts) adds them. */
function hexCellCountsQuery(source: HotspotSource, options: HexCountOptions): Query {
  const cells = cellsSql(source, options);
  return {
    sql: `SELECT q, r, count(*)::INTEGER AS n FROM (${cells.sql}) GROUP BY q, r ORDER BY q, r`,
    params: cells.params,
  };
}

/**
 * Records per hexagon cell per time step: rows (q, r, t, n), t = 0 for the step starting at
 * `filter.from` (required, as is `filter.to`). Month steps follow calendar months from the month of `from`, so
 * start `from` on the first of a month; see listTimeSteps for the step boundaries.
 */
function hexCellPeriodCountsQuery(
  source: HotspotSource,
  options: HexCountOptions & { step: TimeStep },
): Query {
  checkStep(options.step);
  const cells = cellsSql(source, options, options.step);
  return {
    sql: `SELECT q, r, t::INTEGER AS t, count(*)::INTEGER AS n FROM (${cells.sql})
      GROUP BY q, r, t ORDER BY t, q, r`,
    params: cells.params,
  };
}

/** Every filtered record with its RD x/y and cell: rows (id, src, lon, lat, rd_x, rd_y, q, r) — for
 * the records behind a cell and for checking the binning. */
export function buildRecordCellsQuery(source: HotspotSource, options: HexCountOptions): Query {
  const cells = cellsSql(source, options);
  return { sql: `${cells.sql} ORDER BY src, id`, params: cells.params };
}

function parseTimestamp(value: string): Date {
  checkTimestamp(value, 'timestamp');
  return new Date(`${value.replace(' ', 'T')}Z`);
}

const pad = (n: number) => String(n).padStart(2, '0');
const formatDay = (d: Date) =>
  `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} 00:00:00`;

/**
 * The time steps of [from, to) as buildHexCellPeriodCountsQuery numbers them: start and
 * (exclusive) end of each, as local wall-clock strings. The first and last may be partial
 * when from/to do not fall on step boundaries — choose them so they do for emerging hot spots.
 */
export function listTimeSteps(
  from: string,
  to: string,
  step: TimeStep,
): { start: string; end: string }[] {
  checkStep(step);
  const start = parseTimestamp(from);
  const end = parseTimestamp(to);
  const steps: { start: string; end: string }[] = [];
  // Day-based steps count midnights from `from` (DuckDB date_diff('day')); month steps count
  // month boundaries from its month.
  let at =
    'months' in step
      ? new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), 1))
      : new Date(Date.UTC(start.getUTCFullYear(), start.getUTCMonth(), start.getUTCDate()));
  while (at < end) {
    const next =
      'months' in step
        ? new Date(Date.UTC(at.getUTCFullYear(), at.getUTCMonth() + step.months, 1))
        : new Date(at.getTime() + step.weeks * 7 * 86_400_000);
    steps.push({
      start: steps.length === 0 ? from : formatDay(at),
      end: next < end ? formatDay(next) : to,
    });
    at = next;
  }
  return steps;
}

export const { buildHexCellCountsQuery, buildHexCellPeriodCountsQuery } = registerAll('hotspots', {
  buildHexCellCountsQuery: hexCellCountsQuery,
  buildHexCellPeriodCountsQuery: hexCellPeriodCountsQuery,
});
