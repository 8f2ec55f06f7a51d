/**
 * Assigns buurt and wijk codes to staged records: lon/lat are read column-wise from
 * DuckDB, located in TypeScript with the grid-indexed point-in-polygon of analysis/, and
 * the resulting area numbers go back as a small Arrow table that SQL joins on.
 */
import { buildAreaIndex, type AreaIndex, type MultiPolygonCoords } from '../analysis/area-index';
import { buildArrowTable } from './arrow-build';
import type { Connector } from './connector';

export interface BuurtLookup {
  index: AreaIndex;
  /** The level the index holds: buurten, or wijken where there are no buurten. */
  level: 'buurt' | 'wijk' | null;
  /** Null for every area when the index holds wijken. */
  buurtcodes: (string | null)[];
  wijkcodes: (string | null)[];
  /** The buurt polygons, in the order of the codes. */
  polygons: MultiPolygonCoords[];
  /** Bounding box of all buurten: [minLon, minLat, maxLon, maxLat]. */
  bbox: [number, number, number, number];
}

/**
 * Loads all buurten of the database (water-only included: a record on a lake is valid);
 * without buurten the wijken, so that records still get their wijk (buurtcode NULL).
 */
export async function loadBuurtLookup(conn: Connector): Promise<BuurtLookup> {
  const rows = await conn.query<{
    level: 'buurt' | 'wijk';
    code: string;
    parent: string | null;
    geometry: string;
  }>({
    sql: `SELECT level, code, parent, geometry FROM areas
          WHERE level = (SELECT CASE WHEN count(*) FILTER (level = 'buurt') > 0 THEN 'buurt' ELSE 'wijk' END FROM areas)
          ORDER BY code`,
  });
  return buildBuurtLookup(
    rows[0]?.level ?? null,
    rows.map((r) => ({
      code: r.code,
      parent: r.parent,
      coordinates: (JSON.parse(r.geometry) as { coordinates: MultiPolygonCoords }).coordinates,
    })),
  );
}

/** The lookup over areas already in memory (ordered by code, as loadBuurtLookup reads them). */
export function buildBuurtLookup(
  level: 'buurt' | 'wijk' | null,
  areas: readonly { code: string; parent: string | null; coordinates: MultiPolygonCoords }[],
): BuurtLookup {
  const polygons = areas.map((a) => a.coordinates);
  const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const multi of polygons) {
    for (const polygon of multi) {
      for (const [x, y] of polygon[0] ?? []) {
        if (x < bbox[0]) bbox[0] = x;
        if (y < bbox[1]) bbox[1] = y;
        if (x > bbox[2]) bbox[2] = x;
        if (y > bbox[3]) bbox[3] = y;
      }
    }
  }
  return {
    index: buildAreaIndex(polygons),
    level,
    buurtcodes: areas.map((a) => (level === 'buurt' ? a.code : null)),
    wijkcodes: areas.map((a) => (level === 'buurt' ? a.parent : a.code)),
    polygons,
    bbox,
  };
}

/** Area number per point (-1 outside every buurt). */
export function locatePoints(
  lookup: BuurtLookup,
  lon: ArrayLike<number | null>,
  lat: ArrayLike<number | null>,
): Int32Array {
  const result = new Int32Array(lon.length);
  for (let i = 0; i < lon.length; i++) {
    const x = lon[i];
    const y = lat[i];
    result[i] = x === null || y === null ? -1 : lookup.index.locate(x, y);
  }
  return result;
}

/**
 * Locates the rows that `coordinatesSql` returns (columns rn, lon, lat, any order) and
 * creates `<target>` (rn, area) and `<target>_codes` (area, buurtcode, wijkcode) to join
 * on. Returns the number of rows outside every buurt.
 */
export async function locateRows(
  conn: Connector,
  coordinatesSql: string,
  target: string,
  lookup: BuurtLookup,
): Promise<number> {
  const coords = await conn.queryArrow({ sql: coordinatesSql });
  const rn = coords.getChild('rn')!.toArray() as ArrayLike<number>;
  const lon = coords.getChild('lon')!.toArray() as ArrayLike<number | null>;
  const lat = coords.getChild('lat')!.toArray() as ArrayLike<number | null>;
  const located = locatePoints(lookup, lon, lat);
  let outside = 0;
  for (let i = 0; i < located.length; i++) if (located[i] < 0) outside++;
  // Area numbers travel (4 bytes a row); the codes join in SQL from a small lookup table,
  // rather than a million strings built and encoded in JavaScript.
  await conn.exec(`DROP TABLE IF EXISTS ${target}; DROP TABLE IF EXISTS ${target}_codes`);
  await conn.insertArrow(
    buildArrowTable([
      { name: 'rn', kind: 'int', values: Int32Array.from(rn as ArrayLike<number>, Number) },
      { name: 'area', kind: 'int', values: located },
    ]),
    target,
    { create: true },
  );
  await conn.insertArrow(
    buildArrowTable([
      { name: 'area', kind: 'int', values: Int32Array.from(lookup.buurtcodes, (_, i) => i) },
      { name: 'buurtcode', kind: 'text', values: lookup.buurtcodes },
      { name: 'wijkcode', kind: 'text', values: lookup.wijkcodes },
    ]),
    `${target}_codes`,
    { create: true },
  );
  return outside;
}

/**
 * Creates `<stage>_area` (rn, buurtcode, wijkcode) for the staged table `<stage>`, which
 * must have columns rn, lon and lat. Returns the number of rows outside every buurt.
 */
export async function stageAreaAssignment(
  conn: Connector,
  stage: string,
  lookup: BuurtLookup,
): Promise<number> {
  const outside = await locateRows(
    conn,
    `SELECT rn, lon, lat FROM ${stage}`,
    `${stage}_located`,
    lookup,
  );
  await conn.exec(`DROP TABLE IF EXISTS ${stage}_area;
    CREATE TABLE ${stage}_area AS
    SELECT p.rn, c.buurtcode, c.wijkcode FROM ${stage}_located p LEFT JOIN ${stage}_located_codes c USING (area);
    DROP TABLE ${stage}_located; DROP TABLE ${stage}_located_codes`);
  return outside;
}
