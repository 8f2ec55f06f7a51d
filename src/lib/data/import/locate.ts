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
 * Reads (rn, x_num, y_num) of rows still accepted in `import_conv`, and writes
 * `import_located` (rn, lon, lat, buurtcode, wijkcode, outside).
 */
export async function locateRecords(
  conn: Connector,
  plan: CoordinatePlan,
  lookup: BuurtLookup | null,
): Promise<LocateResult> {
  const coords = await conn.queryArrow({
    sql: 'SELECT rn, x_num, y_num FROM import_conv WHERE reason IS NULL AND x_num IS NOT NULL AND y_num IS NOT NULL ORDER BY rn',
  });
  const n = coords.numRows;
  const rn = coords.getChild('rn')!.toArray() as Int32Array;
  const xs = coords.getChild('x_num')!.toArray() as Float64Array;
  const ys = coords.getChild('y_num')!.toArray() as Float64Array;
  const lon = new Float64Array(n);
  const lat = new Float64Array(n);
  const buurt: (string | null)[] = new Array(n).fill(null);
  const wijk: (string | null)[] = new Array(n).fill(null);
  const outsideFlags = new Int32Array(n);
  let outside = 0;
  let unassigned = 0;
  for (let i = 0; i < n; i++) {
    const [x, y] = toWgs84(xs[i], ys[i], plan);
    lon[i] = x;
    lat[i] = y;
    if (!lookup || lookup.buurtcodes.length === 0) {
      unassigned++;
      continue;
    }
    const area = lookup.index.locate(x, y);
    if (area >= 0) {
      buurt[i] = lookup.buurtcodes[area];
      wijk[i] = lookup.wijkcodes[area];
    } else if (isWithinMargin(x, y, lookup)) {
      unassigned++;
    } else {
      outsideFlags[i] = 1;
      outside++;
    }
  }
  await conn.exec('DROP TABLE IF EXISTS import_located');
  await conn.insertArrow(
    buildArrowTable([
      { name: 'rn', kind: 'int', values: rn },
      { name: 'lon', kind: 'float', values: lon },
      { name: 'lat', kind: 'float', values: lat },
      { name: 'buurtcode', kind: 'text', values: buurt },
      { name: 'wijkcode', kind: 'text', values: wijk },
      { name: 'outside', kind: 'int', values: outsideFlags },
    ]),
    'import_located',
    { create: true },
  );
  return { outside, unassigned };
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
