/**
 * Where the briefing's rows come from: the database (any data: demo, own imports, a
 * published dataset) or, while the engine is still starting, the published dataset's files
 * themselves (data/published-briefing.ts). Both give the same rows for the same data, so
 * the slides do not change when the engine takes over; `key` names the data, and equal
 * keys mean equal rows.
 */
import type {
  BuildingSchouwRow,
  HistoryRecord,
  HistoryWindow,
  WatchVisitRow,
} from '$lib/analysis/briefing';
import type { MultiPolygonCoords } from '$lib/analysis/area-index';
import type { Connector } from '$lib/data/connector';
import type { PublishedBriefingTables } from '$lib/data/published-briefing';
import {
  buildBuurtNamesQuery,
  buildHistoryRecordsQuery,
  buildLastRecordQuery,
  buildRecentGroupsQuery,
  buildSchouwStatusQuery,
  buildWatchVisitsQuery,
} from '$lib/data/queries/briefing';
import { buildAreaGeometriesQuery, type AreaGeometryRow } from '$lib/data/queries/map';
import { baseMapFromAreas, getBaseMap, type BaseMap } from '../shared/base-map.svelte';
import type { RecentGroupRow } from './briefing-slides';

export interface BuurtShape {
  code: string;
  name: string;
  polygons: MultiPolygonCoords;
}

/** The windows one briefing reads (analysis/briefing-time.ts computes them). */
export interface BriefingRequest {
  history: HistoryWindow;
  recent: { from: string; to: string };
  watch: { from: string; to: string };
  /** Start of the dagdeel: the schouw status is as of then. */
  at: string;
}

export interface BriefingData {
  history: HistoryRecord[];
  groups: RecentGroupRow[];
  watch: WatchVisitRow[];
  schouw: BuildingSchouwRow[];
  names: { code: string; name: string | null }[];
  /** Latest incident or melding (local epoch ms), null without records. */
  last: number | null;
  baseMap: BaseMap;
  buurten: BuurtShape[];
}

export interface BriefingSource {
  readonly key: string;
  read(request: BriefingRequest): Promise<BriefingData>;
}

/** Buurt rows (code, name, GeoJSON geometry text) as the briefing maps draw them. */
export function buurtShapes(rows: readonly AreaGeometryRow[]): BuurtShape[] {
  return rows.map((row) => {
    const geometry = JSON.parse(row.geometry) as {
      type: string;
      coordinates: MultiPolygonCoords | MultiPolygonCoords[number];
    };
    const polygons = (
      geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates
    ) as MultiPolygonCoords;
    return { code: row.code, name: row.name ?? row.code, polygons };
  });
}

/** The briefing from the database; `key` must change whenever the data does. */
export function connectorBriefingSource(conn: Connector, key: string): BriefingSource {
  let buurten: Promise<BuurtShape[]> | null = null;
  return {
    key,
    async read(request) {
      buurten ??= conn
        .query<AreaGeometryRow>(buildAreaGeometriesQuery('buurt'))
        .then(buurtShapes)
        .catch((error: unknown) => {
          buurten = null;
          throw error;
        });
      const [history, groups, watch, schouw, names, last, baseMap, shapes] = await Promise.all([
        conn.query<HistoryRecord>(buildHistoryRecordsQuery(request.history)),
        conn.query<RecentGroupRow>(buildRecentGroupsQuery(request.recent)),
        conn.query<WatchVisitRow>(buildWatchVisitsQuery(request.watch)),
        conn.query<BuildingSchouwRow>(buildSchouwStatusQuery(request.at)),
        conn.query<{ code: string; name: string | null }>(buildBuurtNamesQuery()),
        conn.query<{ last: number | null }>(buildLastRecordQuery()),
        getBaseMap(conn),
        buurten,
      ]);
      return {
        history,
        groups,
        watch,
        schouw,
        names,
        last: last[0]?.last ?? null,
        baseMap,
        buurten: shapes,
      };
    },
  };
}

/** The briefing from a published dataset's files, before (or without) the engine. */
export function publishedBriefingSource(
  tables: PublishedBriefingTables,
  key: string,
): BriefingSource {
  let baseMap: Promise<BaseMap> | null = null;
  let buurten: BuurtShape[] | null = null;
  return {
    key,
    async read(request) {
      baseMap ??= baseMapFromAreas((level) => tables.areaGeometries(level), tables.areaBounds());
      buurten ??= buurtShapes(tables.areaGeometries('buurt'));
      return {
        history: tables.history(request.history),
        groups: tables.recentGroups(request.recent),
        watch: tables.watchVisits(request.watch),
        schouw: tables.schouwStatus(request.at),
        names: tables.buurtNames(),
        last: tables.lastRecord(),
        baseMap: await baseMap,
        buurten,
      };
    },
  };
}
