/**
 * Reference data for the map: aandachtslocaties (watch locations), interventions and
 * buildings. Small tables, read whole.
 */
import type { Query } from '../connector';

export interface WatchLocationRow {
  id: string;
  name: string;
  reason: string | null;
  visits_per_week: number | null;
  geometry: string;
}

export function buildWatchLocationsQuery(): Query {
  return {
    sql: `SELECT id, name, reason, visits_per_week, geometry FROM watch_locations ORDER BY id`,
  };
}

export interface InterventionRow {
  id: string;
  name: string;
  theme: string | null;
  start_date: string;
  end_date: string | null;
  geometry: string;
}

export function buildInterventionsQuery(): Query {
  return {
    sql: `SELECT id, name, theme, strftime(start_date, '%Y-%m-%d') AS start_date,
            strftime(end_date, '%Y-%m-%d') AS end_date, geometry FROM interventions ORDER BY id`,
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

export function buildBuildingsQuery(): Query {
  return {
    sql: `SELECT id, kind, status, strftime(vacant_since, '%Y-%m-%d') AS vacant_since, lon, lat
          FROM buildings WHERE lon IS NOT NULL AND lat IS NOT NULL ORDER BY id`,
  };
}
