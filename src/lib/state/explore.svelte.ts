/**
 * The Verkennen view's model: base map plus record points. Filters, density layers and
 * hotspots (issue "Verkennen") grow here; the page stays a thin composition.
 */
import type { Connector } from '$lib/data/connector';
import { buildRecordPointsQuery } from '$lib/data/queries/map';
import type { RecordTable } from '$lib/data/schema';
import { buildPointColumns, type PointColumns } from '$lib/map/layers/record-points';
import { getBaseMap, type BaseMap } from './base-map.svelte';

export class ExploreModel {
  baseMap = $state.raw<BaseMap | null>(null);
  points = $state.raw<PointColumns | null>(null);
  table = $state<RecordTable>('incidents');
  error = $state<string | null>(null);

  async load(conn: Connector): Promise<void> {
    try {
      const [baseMap, arrow] = await Promise.all([
        getBaseMap(conn),
        conn.queryArrow(buildRecordPointsQuery(this.table)),
      ]);
      this.points = buildPointColumns(arrow);
      this.baseMap = baseMap;
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }
}
