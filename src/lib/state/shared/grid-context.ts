/**
 * What every hexagon and density layer needs once per data version: the lon/lat → RD
 * polynomial fitted over the municipality (queries/hotspots.ts) and its outline polygons.
 */
import type { MultiPolygonCoords } from '$lib/analysis/area-index';
import type { Connector } from '$lib/data/connector';
import { fitRdPolynomial, type RdPolynomial } from '$lib/data/queries/hotspots';
import { buildAreaBoundsQuery, buildAreaGeometriesQuery } from '$lib/data/queries/map';
import { perDataVersion } from './per-data-version';

export interface GridContext {
  rd: RdPolynomial;
  outline: MultiPolygonCoords[];
  bounds: { minLon: number; minLat: number; maxLon: number; maxLat: number };
}

async function build(conn: Connector): Promise<GridContext> {
  const [box] = await conn.query<Record<string, number>>(buildAreaBoundsQuery());
  const bounds = {
    minLon: box.min_lon,
    minLat: box.min_lat,
    maxLon: box.max_lon,
    maxLat: box.max_lat,
  };
  // The municipality's outline; from its buurten when only those were imported.
  let rows = await conn.query<{ geometry: string }>(buildAreaGeometriesQuery('gemeente'));
  if (rows.length === 0) rows = await conn.query(buildAreaGeometriesQuery('buurt'));
  const outline = rows.map((row) => {
    const geometry = JSON.parse(row.geometry) as { type: string; coordinates: unknown };
    return (
      geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
    ) as MultiPolygonCoords;
  });
  return { rd: fitRdPolynomial(bounds), outline, bounds };
}

/** The grid context of the data version (built on first use, shared after). */
export const getGridContext = perDataVersion(build);
