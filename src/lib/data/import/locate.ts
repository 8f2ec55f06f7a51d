/**
 * Stage 4 of an import: coordinates in the detected system (RD New or WGS84, swapped or
 * not) → WGS84, then the buurt and wijk by point-in-polygon. A point outside the
 * municipality by more than the margin is rejected, never clamped; a point within the
 * margin but in no buurt is kept and reported as unassigned.
 */
import { distanceToBoundaryMetres } from '../../analysis/geo-distance';
import { rdToWgs84 } from '../../analysis/rd';
import { buildArrowTable } from '../arrow-build';
import type { BuurtLookup } from '../area-assignment';
import type { Connector } from '../connector';
import type { CoordinatePlan } from './sniff-values';
import { municipalityBox, swappedRowTest } from './swapped-rows';

/** How far outside the outermost buurt boundary a record may lie (border roads, rounding). */
export const OUTSIDE_MARGIN_M = 250;
/** Roughly 250 m in degrees at Dutch latitudes, for the cheap bounding-box pre-check. */
const MARGIN_DEG = 0.004;

export interface LocateResult {
  outside: number;
  unassigned: number;
}

export function toWgs84(x: number, y: number, plan: CoordinatePlan): [number, number] {
  const [a, b] = plan.swapped ? [y, x] : [x, y];
  return plan.crs === 'rd' ? rdToWgs84(a, b) : [a, b];
}

/**
 * Locates every row of `import_conv_values` (the rows of `import_conv`) that is still accepted and has both coordinates, and
 * writes `import_located_points` (rn, lon, lat, area, outside, swapped) with one row per row of
 * import_conv in the same order, so that finalize can join the two by position instead of
 * by a hash join on rn (finalize checks the order and falls back if it ever differs).
 * Rows not located get NaN coordinates, area -1 and outside 0. `import_area_lookup` maps
 * area numbers to buurt and wijk codes.
 */
export async function locateRecords(
  conn: Connector,
  plan: CoordinatePlan,
  lookup: BuurtLookup | null,
): Promise<LocateResult> {
  const { n, rn, xs, ys } = await readCoordinates(conn);
  const swapped = new Int32Array(n);
  const isSwapped = swappedRowTest(plan, municipalityBox(plan, lookup));
  const keep = coordinatesKept(plan);
  const lon = keep ? new Float64Array(0) : new Float64Array(n).fill(NaN);
  const lat = keep ? new Float64Array(0) : new Float64Array(n).fill(NaN);
  const area = new Int32Array(n).fill(-1);
  const outsideFlags = new Int32Array(n);
  let outside = 0;
  let unassigned = 0;
  const hasAreas = lookup !== null && lookup.buurtcodes.length > 0;
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(xs[i])) continue;
    // A single row typed the other way round is read the other way round.
    if (isSwapped !== null && isSwapped(xs[i], ys[i])) swapped[i] = 1;
    const [x, y] = swapped[i] ? toWgs84(ys[i], xs[i], plan) : toWgs84(xs[i], ys[i], plan);
    if (!keep) {
      lon[i] = x;
      lat[i] = y;
    }
    if (!hasAreas) {
      unassigned++;
      continue;
    }
    area[i] = lookup.index.locate(x, y);
    if (area[i] >= 0) continue;
    if (isWithinMargin(x, y, lookup)) {
      unassigned++;
    } else {
      outsideFlags[i] = 1;
      outside++;
    }
  }
  // Numbers travel back (area index), the codes join in SQL from a small lookup table.
  await conn.exec(
    'DROP TABLE IF EXISTS import_located_points; DROP TABLE IF EXISTS import_area_lookup',
  );
  await conn.insertArrow(
    buildArrowTable([
      { name: 'rn', kind: 'int', values: rn },
      ...(keep
        ? []
        : [
            { name: 'lon', kind: 'float' as const, values: lon },
            { name: 'lat', kind: 'float' as const, values: lat },
          ]),
      { name: 'area', kind: 'int', values: area },
      { name: 'outside', kind: 'int', values: outsideFlags },
      { name: 'swapped', kind: 'int', values: swapped },
    ]),
    'import_located_points',
    { create: true },
  );
  await conn.insertArrow(
    buildArrowTable([
      { name: 'area', kind: 'int', values: Int32Array.from(lookup?.buurtcodes ?? [], (_, i) => i) },
      { name: 'buurtcode', kind: 'text', values: lookup?.buurtcodes ?? [] },
      { name: 'wijkcode', kind: 'text', values: lookup?.wijkcodes ?? [] },
    ]),
    'import_area_lookup',
    { create: true },
  );
  return { outside, unassigned };
}

/**
 * The rows to locate, in `import_conv_values`' order (no ORDER BY: the scan keeps the
 * table's order, and sorting a million rows costs ~0.2 s): x is NaN where a row is not to be
 * located (rejected already, or a coordinate missing; a non-finite one is rejected). When
 * the table numbers its rows by position (rn = rowid + 1, as convert writes a typed file
 * and most text files) rn is not read back but counted: two of four columns less to send.
 */
async function readCoordinates(
  conn: Connector,
): Promise<{ n: number; rn: Int32Array; xs: Float64Array; ys: Float64Array }> {
  const [{ gaps }] = await conn.query<{ gaps: number }>({
    sql: 'SELECT count(*) FILTER (rn IS DISTINCT FROM rowid + 1) AS gaps FROM import_conv_values',
  });
  const coords = await conn.queryArrow({
    sql: `SELECT ${gaps === 0 ? '' : 'rn, '}
            CASE WHEN reason IS NULL AND y_num IS NOT NULL THEN coalesce(x_num, 'NaN'::DOUBLE)
              ELSE 'NaN'::DOUBLE END AS x,
            y_num AS y
          FROM import_conv_values`,
  });
  const n = coords.numRows;
  let rn: Int32Array;
  if (gaps === 0) {
    rn = new Int32Array(n);
    for (let i = 0; i < n; i++) rn[i] = i + 1;
  } else rn = coords.getChild('rn')!.toArray() as Int32Array;
  const xs = coords.getChild('x')!.toArray() as Float64Array;
  const ys = coords.getChild('y')!.toArray() as Float64Array;
  return { n, rn, xs, ys };
}

/** True when the file's coordinates are stored as they are (WGS84 lon/lat, not swapped). */
export function coordinatesKept(plan: CoordinatePlan): boolean {
  return plan.crs === 'wgs84' && !plan.swapped;
}

/**
 * The stored lon and lat as SQL, given the converted row `c` and its located point `p`:
 * converted coordinates come from `p` (NaN: not located); WGS84 coordinates stay in `c`
 * and do not travel to JavaScript and back, only for rows that were located.
 */
export function lonLatSql(plan: CoordinatePlan | null): [string, string] {
  if (plan === null) return ['CAST(NULL AS DOUBLE)', 'CAST(NULL AS DOUBLE)'];
  if (coordinatesKept(plan)) {
    const located = 'c.reason IS NULL AND c.x_num IS NOT NULL AND c.y_num IS NOT NULL';
    const kept = (v: string) => `CASE WHEN ${located} AND NOT isnan(${v}) THEN ${v} END`;
    const swap = (a: string, b: string) => `(CASE WHEN p.swapped = 1 THEN ${b} ELSE ${a} END)`;
    return [kept(swap('c.x_num', 'c.y_num')), kept(swap('c.y_num', 'c.x_num'))];
  }
  return [
    'CASE WHEN isnan(p.lon) THEN NULL ELSE p.lon END',
    'CASE WHEN isnan(p.lat) THEN NULL ELSE p.lat END',
  ];
}

function isWithinMargin(lon: number, lat: number, lookup: BuurtLookup): boolean {
  const [minX, minY, maxX, maxY] = lookup.bbox;
  if (
    lon < minX - MARGIN_DEG ||
    lon > maxX + MARGIN_DEG ||
    lat < minY - MARGIN_DEG ||
    lat > maxY + MARGIN_DEG
  ) {
    return false;
  }
  return lookup.polygons.some(
    (polygon) => distanceToBoundaryMetres(lon, lat, polygon) <= OUTSIDE_MARGIN_M,
  );
}
