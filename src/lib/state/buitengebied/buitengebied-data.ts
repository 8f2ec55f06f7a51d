/**
 * Loads what the Buitengebied view analyses — buildings, signals, schouw history — and
 * turns it into the analysis inputs (RD New metres, signal columns). Plain TypeScript so
 * the integration tests run exactly what the view runs.
 */
import { wgs84ToRd } from '$lib/analysis/rd';
import {
  computeRiskScores,
  explainRisk,
  rankByScore,
  toSignalColumns,
  type BuildingRisk,
  type Contribution,
  type PlanePoint,
  type RiskSettings,
  type SignalColumns,
} from '$lib/analysis/risk-score';
import type { Connector } from '$lib/data/connector';
import {
  buildBuildingsQuery,
  buildSchouwVisitsQuery,
  buildSignalsQuery,
  type BuildingRow,
  type SchouwRow,
  type SignalRow,
} from '$lib/data/queries/buitengebied';

export interface BuitengebiedData {
  buildings: BuildingRow[];
  /** Buildings in RD New metres, same order. */
  points: PlanePoint[];
  signals: SignalRow[];
  columns: SignalColumns;
  schouw: SchouwRow[];
  /** The latest signal time: "now" for age decay (a data export ends on its own day). */
  referenceTime: number;
}

/** A lon/lat position in RD New metres. */
export function planePoint(lon: number, lat: number): PlanePoint {
  const [x, y] = wgs84ToRd(lon, lat);
  return { x, y };
}

export async function loadBuitengebiedData(conn: Connector): Promise<BuitengebiedData> {
  const [buildings, signals, schouw] = await Promise.all([
    conn.query<BuildingRow>(buildBuildingsQuery()),
    conn.query<SignalRow>(buildSignalsQuery()),
    conn.query<SchouwRow>(buildSchouwVisitsQuery()),
  ]);
  const points = buildings.map((b) => planePoint(b.lon, b.lat));
  const columns = toSignalColumns(
    signals.map((s) => ({
      ...planePoint(s.lon, s.lat),
      time: s.time,
      type: s.type,
      partner: s.partner,
    })),
  );
  const referenceTime = signals.reduce((latest, s) => Math.max(latest, s.time), 0);
  return { buildings, points, signals, columns, schouw, referenceTime };
}

export interface RankedBuilding {
  building: BuildingRow;
  risk: BuildingRisk;
  rank: number;
}

/** Scores and ranks every building; highest score first. */
export function rankBuildings(data: BuitengebiedData, settings: RiskSettings): RankedBuilding[] {
  const risks = computeRiskScores(data.points, data.columns, settings, data.referenceTime);
  return rankByScore(risks).map((i, rank) => ({
    building: data.buildings[i],
    risk: risks[i],
    rank: rank + 1,
  }));
}

/** The parts of one building's score (by building id), largest first. */
export function explainBuilding(
  data: BuitengebiedData,
  settings: RiskSettings,
  buildingId: string,
): Contribution[] {
  const i = data.buildings.findIndex((b) => b.id === buildingId);
  return i < 0 ? [] : explainRisk(data.points[i], data.columns, settings, data.referenceTime);
}
