/**
 * What hovering and clicking the Verkennen map does: a tooltip in Dutch for every layer
 * (a point's record is fetched by its table and rowid) and a drill-down into the records
 * behind a clicked point, cell or area. Clicking an area also selects it (the page puts it
 * in the shared filter), so the charts follow.
 */
import type { PickingInfo } from '@deck.gl/core';
import type { Dagdeel } from '$lib/analysis/dagdelen';
import type { Connector } from '$lib/data/connector';
import { buildPointRecordQuery, type PointRecordRow } from '$lib/data/queries/drilldown';
import { POINT_SOURCES } from '$lib/data/queries/explore';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import type { RecordTable } from '$lib/data/schema';
import { formatCount } from '$lib/format/nl';
import { objectTooltip, recordTooltip } from '$lib/display/explore-tooltip';
import { hexCellAt, type HexImageData } from '$lib/display/map-cells';
import type { PointColumns } from '$lib/display/point-columns';
import type { AreaRate } from '$lib/analysis/area-rates';
import type { DrilldownModel } from './drilldown.svelte';
import { POINT_DENSITY_LAYER } from './explore-points';
import { getGridContext } from '../shared/grid-context';

export interface ClickScope {
  /** The records as a density per hexagon (picked by position), or null. */
  density: HexImageData | null;
  tables: readonly RecordTable[];
  hotspotTables: readonly RecordTable[];
  filter: RecordFilter;
  dagdelen: readonly Dagdeel[];
  cell: number;
  points: PointColumns | null;
  dataVersion: number;
  areaLevel: 'wijk' | 'buurt';
}

export class ExploreInteraction {
  tooltip = $state<{ x: number; y: number; text: string } | null>(null);
  #hovered = -1;
  #drilldown: DrilldownModel;

  constructor(drilldown: DrilldownModel) {
    this.#drilldown = drilldown;
  }

  hover(
    conn: Connector,
    info: PickingInfo,
    points: PointColumns | null,
    measure: 'aantal' | 'per1000',
    density: HexImageData | null = null,
  ): void {
    if (info.layer?.id === 'punten' && points && info.index >= 0 && info.index < points.length) {
      const index = info.index;
      const { x, y } = info;
      if (this.#hovered === index) {
        if (this.tooltip) this.tooltip = { ...this.tooltip, x, y };
        return;
      }
      this.#hovered = index;
      const table = POINT_SOURCES[points.src[index]];
      conn
        .query<PointRecordRow>(buildPointRecordQuery(table, points.rid[index]))
        .then(([row]) => {
          if (this.#hovered === index && row)
            this.tooltip = { x, y, text: recordTooltip(table, row) };
        })
        .catch(() => undefined);
      return;
    }
    this.#hovered = -1;
    if (info.layer?.id === POINT_DENSITY_LAYER) {
      const cell =
        density && info.coordinate
          ? hexCellAt(density, info.coordinate[0], info.coordinate[1])
          : null;
      this.tooltip = cell
        ? {
            x: info.x,
            y: info.y,
            text: `${formatCount(cell.count)} registraties in deze zeshoek\nKlik voor de registraties`,
          }
        : null;
      return;
    }
    const text = objectTooltip(info, measure);
    this.tooltip = text ? { x: info.x, y: info.y, text } : null;
  }

  /** Opens the drill-down for the clicked object; returns a clicked wijk/buurt to select. */
  click(
    conn: Connector,
    info: PickingInfo,
    scope: ClickScope,
  ): { level: 'wijk' | 'buurt'; code: string } | null {
    const id = info.layer?.id;
    const filterScope = { tables: scope.tables, filter: scope.filter, dagdelen: scope.dagdelen };
    if (id === 'punten' && scope.points && info.index >= 0 && info.index < scope.points.length) {
      // The exact place comes from the record (the map holds float32 offsets).
      const table = POINT_SOURCES[scope.points.src[info.index]];
      void conn
        .query<PointRecordRow>(buildPointRecordQuery(table, scope.points.rid[info.index]))
        .then(([row]) => {
          if (row?.lon == null || row.lat == null) return;
          const target = { kind: 'location' as const, lon: row.lon, lat: row.lat };
          return this.#drilldown.open(conn, 'Registraties op deze plek', target, filterScope);
        });
      return null;
    }
    if (id === POINT_DENSITY_LAYER && scope.density && info.coordinate) {
      const density = scope.density;
      const cell = hexCellAt(density, info.coordinate[0], info.coordinate[1]);
      if (cell) {
        void this.#drilldown.open(
          conn,
          `Zeshoek met ${formatCount(cell.count)} registraties`,
          { kind: 'cell', q: cell.q, r: cell.r, size: density.size, rd: density.rd },
          filterScope,
        );
      }
      return null;
    }
    if ((id === 'zeshoeken' || id === 'hotspots' || id === 'opkomend') && info.object) {
      const cell = info.object as { q: number; r: number; count: number };
      const tables = id === 'zeshoeken' ? scope.tables : scope.hotspotTables;
      void getGridContext(conn, scope.dataVersion).then((grid) =>
        this.#drilldown.open(
          conn,
          `Zeshoek met ${formatCount(cell.count)} registraties`,
          { kind: 'cell', q: cell.q, r: cell.r, size: scope.cell, rd: grid.rd },
          { ...filterScope, tables },
        ),
      );
      return null;
    }
    if (id === 'gebieden' && info.object) {
      const area = (info.object as { properties: { area?: AreaRate; code: string } }).properties;
      const code = String(area.code);
      const name = area.area?.name ?? code;
      const level = scope.areaLevel;
      void this.#drilldown.open(
        conn,
        `${level === 'wijk' ? 'Wijk' : 'Buurt'} ${name}`,
        { kind: 'area', level, code },
        filterScope,
      );
      return { level, code };
    }
    return null;
  }
}
