/**
 * Areas and places (buildings, aandachtslocaties, interventions) from parsed GeoJSON into
 * the canonical tables, through Arrow staging tables so that SQL does the type casts. The
 * gemeente is the caller's: one code for every place when it is known (gemeente.ts
 * fillAreasFirst), else NULL, filled once everything is in (fillGemeente).
 */
import type { Feature, FeatureCollection, Geometry, Point } from 'geojson';
import { buildArrowTable, type StagingColumn } from './arrow-build';
import { locatePoints, type BuurtLookup } from './area-assignment';
import type { Connector } from './connector';
import type { AreaRow } from './geojson-areas';

type Props = Record<string, unknown>;

/** Where inserted places come from: their dataset, and their gemeente when one code fits all. */
export interface PlaceOrigin {
  dataset: string;
  gemeente: string | null;
}
const text = (v: unknown): string | null =>
  v === undefined || v === null || v === '' ? null : String(v);

async function stageAndInsert(
  conn: Connector,
  columns: StagingColumn[],
  insertSql: string,
  { dataset, gemeente }: PlaceOrigin,
): Promise<void> {
  await conn.exec('DROP TABLE IF EXISTS stage_places');
  await conn.insertArrow(buildArrowTable(columns), 'stage_places', { create: true });
  try {
    await conn.query({ sql: insertSql, params: [dataset, gemeente] });
  } finally {
    await conn.exec('DROP TABLE IF EXISTS stage_places');
  }
}

export async function insertAreas(
  conn: Connector,
  areas: AreaRow[],
  dataset: string,
): Promise<void> {
  if (areas.length === 0) return;
  await stageAndInsert(
    conn,
    [
      { name: 'code', kind: 'text', values: areas.map((a) => a.code) },
      { name: 'name', kind: 'text', values: areas.map((a) => a.name) },
      { name: 'level', kind: 'text', values: areas.map((a) => a.level) },
      { name: 'parent', kind: 'text', values: areas.map((a) => a.parent) },
      { name: 'inhabitants', kind: 'int', values: areas.map((a) => a.inhabitants) },
      { name: 'water', kind: 'int', values: areas.map((a) => (a.water ? 1 : 0)) },
      { name: 'year', kind: 'int', values: areas.map((a) => a.year) },
      { name: 'geometry', kind: 'text', values: areas.map((a) => JSON.stringify(a.geometry)) },
      ...(['min_lon', 'min_lat', 'max_lon', 'max_lat'] as const).map((name, i): StagingColumn => ({
        name,
        kind: 'float',
        values: areas.map((a) => a.bbox[i]),
      })),
    ],
    `INSERT INTO areas SELECT code, name, level, parent, inhabitants, water = 1, year, geometry,
       min_lon, min_lat, max_lon, max_lat, ?, ? FROM stage_places`,
    // Areas get theirs from their parents, once all are in (gemeente.ts).
    { dataset, gemeente: null },
  );
}

function pointsOf(collection: FeatureCollection): { props: Props; lon: number; lat: number }[] {
  return collection.features
    .filter((f) => f.geometry?.type === 'Point')
    .map((f) => {
      const [lon, lat] = (f.geometry as Point).coordinates;
      return { props: (f.properties ?? {}) as Props, lon, lat };
    });
}

/** A representative point of a (multi)polygon: the mean of its outer ring's vertices. */
export function representativePoint(geometry: Geometry): [number, number] {
  const ring =
    geometry.type === 'Polygon'
      ? geometry.coordinates[0]
      : geometry.type === 'MultiPolygon'
        ? geometry.coordinates[0][0]
        : geometry.type === 'Point'
          ? [geometry.coordinates]
          : [];
  const unique = ring.length > 1 ? ring.slice(0, -1) : ring;
  const sum = unique.reduce((acc, [x, y]) => [acc[0] + x, acc[1] + y], [0, 0]);
  return [sum[0] / unique.length, sum[1] / unique.length];
}

function areaColumns(lookup: BuurtLookup, lon: number[], lat: number[]): StagingColumn[] {
  const located = locatePoints(lookup, lon, lat);
  return [
    { name: 'lon', kind: 'float', values: lon },
    { name: 'lat', kind: 'float', values: lat },
    {
      name: 'buurtcode',
      kind: 'text',
      values: Array.from(located, (a) => (a < 0 ? null : lookup.buurtcodes[a])),
    },
    {
      name: 'wijkcode',
      kind: 'text',
      values: Array.from(located, (a) => (a < 0 ? null : lookup.wijkcodes[a])),
    },
  ];
}

export async function insertBuildings(
  conn: Connector,
  collection: FeatureCollection,
  lookup: BuurtLookup,
  origin: PlaceOrigin,
): Promise<void> {
  const points = pointsOf(collection);
  if (points.length === 0) return;
  await stageAndInsert(
    conn,
    [
      { name: 'id', kind: 'text', values: points.map((p) => text(p.props.id)) },
      { name: 'kind', kind: 'text', values: points.map((p) => text(p.props.kind)) },
      { name: 'vacant_since', kind: 'text', values: points.map((p) => text(p.props.vacant_since)) },
      { name: 'source', kind: 'text', values: points.map((p) => text(p.props.source)) },
      { name: 'status', kind: 'text', values: points.map((p) => text(p.props.status)) },
      { name: 'adres', kind: 'text', values: points.map((p) => text(p.props.adres)) },
      ...areaColumns(
        lookup,
        points.map((p) => p.lon),
        points.map((p) => p.lat),
      ),
    ],
    `INSERT INTO buildings SELECT id, kind, CAST(vacant_since AS DATE), source, status,
       lon, lat, buurtcode, wijkcode, ?, adres, ? FROM stage_places`,
    origin,
  );
}

/** A table of outlined places: its columns from the features' properties, and the insert. */
interface ShapeTable {
  columns: (props: Props[], features: Feature[]) => StagingColumn[];
  insertSql: string;
}

/**
 * Stages the features that have a geometry — id, name, geometry and the table's own
 * columns — and inserts them.
 */
async function insertShapes(
  conn: Connector,
  collection: FeatureCollection,
  origin: PlaceOrigin,
  table: ShapeTable,
): Promise<void> {
  const features = collection.features.filter((f) => f.geometry);
  if (features.length === 0) return;
  const props = features.map((f) => (f.properties ?? {}) as Props);
  await stageAndInsert(
    conn,
    [
      { name: 'id', kind: 'text', values: props.map((p) => text(p.id)) },
      { name: 'name', kind: 'text', values: props.map((p) => text(p.name)) },
      { name: 'geometry', kind: 'text', values: features.map((f) => JSON.stringify(f.geometry)) },
      ...table.columns(props, features),
    ],
    table.insertSql,
    origin,
  );
}

/** Aandachtslocaties, placed in a wijk and buurt by their representative point. */
const watchLocations = (lookup: BuurtLookup): ShapeTable => ({
  columns: (props, features) => {
    const centres = features.map((f) => representativePoint(f.geometry));
    return [
      { name: 'reason', kind: 'text', values: props.map((p) => text(p.reason)) },
      {
        name: 'visits_per_week',
        kind: 'float',
        values: props.map((p) => Number(p.visits_per_week ?? NaN) || null),
      },
      ...areaColumns(
        lookup,
        centres.map((c) => c[0]),
        centres.map((c) => c[1]),
      ),
    ];
  },
  insertSql: `INSERT INTO watch_locations SELECT id, name, reason, visits_per_week, geometry,
       lon, lat, buurtcode, wijkcode, ?, ? FROM stage_places`,
});

const INTERVENTIONS: ShapeTable = {
  columns: (props) => [
    { name: 'theme', kind: 'text', values: props.map((p) => text(p.theme)) },
    { name: 'start_date', kind: 'text', values: props.map((p) => text(p.start)) },
    { name: 'end_date', kind: 'text', values: props.map((p) => text(p.end)) },
  ],
  insertSql: `INSERT INTO interventions SELECT id, name, theme, CAST(start_date AS DATE),
       CAST(end_date AS DATE), geometry, ?, ? FROM stage_places`,
};

export function insertWatchLocations(
  conn: Connector,
  collection: FeatureCollection,
  lookup: BuurtLookup,
  origin: PlaceOrigin,
): Promise<void> {
  return insertShapes(conn, collection, origin, watchLocations(lookup));
}

export function insertInterventions(
  conn: Connector,
  collection: FeatureCollection,
  origin: PlaceOrigin,
): Promise<void> {
  return insertShapes(conn, collection, origin, INTERVENTIONS);
}
