/**
 * Reference data for the map: aandachtslocaties (watch locations), interventions and
 * buildings. Small tables, read whole.
 */
import type { Query } from '../connector';
import { dialect } from '../sql/dialect';
import { registerAll } from './register';

const day = (column: string) => dialect.strftime(column, '%Y-%m-%d');

export interface WatchLocationRow {
  id: string;
  name: string;
  reason: string | null;
  visits_per_week: number | null;
  geometry: string;
}

/** The aandachtslocaties, by id or (for a list) by name. */
function watchLocationsQuery(order: 'id' | 'name' = 'id'): Query {
  return {
    sql: `SELECT id, name, reason, visits_per_week, geometry FROM watch_locations ORDER BY ${order}`,
  };
}

export interface InterventionRow {
  id: string;
  name: string;
  theme: string | null;
  /** 'YYYY-MM-DD' */
  start_date: string;
  end_date: string | null;
  geometry: string;
}

/** The interventions, by id or (for a timeline) by start date. */
function interventionsQuery(order: 'id' | 'start' = 'id'): Query {
  return {
    sql: `SELECT id, name, theme, ${day('start_date')} AS start_date,
            ${day('end_date')} AS end_date, geometry FROM interventions
          ORDER BY ${order === 'id' ? 'id' : 'start_date, id'}`,
  };
}

export interface BuildingRow {
  id: string;
  kind: string | null;
  status: string | null;
  vacant_since: string | null;
  lon: number;
  lat: number;
}

function buildingsQuery(): Query {
  return {
    sql: `SELECT id, kind, status, ${day('vacant_since')} AS vacant_since, lon, lat
          FROM buildings WHERE lon IS NOT NULL AND lat IS NOT NULL ORDER BY id`,
  };
}

export const { buildWatchLocationsQuery, buildInterventionsQuery, buildBuildingsQuery } =
  registerAll('reference', {
    buildWatchLocationsQuery: watchLocationsQuery,
    buildInterventionsQuery: interventionsQuery,
    buildBuildingsQuery: buildingsQuery,
  });
