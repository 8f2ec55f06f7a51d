/**
 * What the Buitengebied view keeps in the workspace settings (saved with the data, so it
 * survives reloads and travels in a workspace file): the risk weights the team settled on,
 * and the role (never a name) of whoever did each schouw, by visit id — the visits table
 * has no role column.
 */
import { DEFAULT_RISK_SETTINGS, SIGNAL_TYPES, type RiskSettings } from '$lib/analysis/risk-score';
import type { SchouwRow } from '$lib/data/queries/buitengebied';

export const SCHOUW_ROLES = [
  'BOA',
  'Toezichthouder',
  'Wijkagent',
  'Medewerker ondermijning',
  'Milieu-inspecteur',
] as const;

export interface BuitengebiedPrefs {
  risk: RiskSettings;
  roles: Record<string, string>;
}

const positive = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) && v > 0 ? v : fallback;
const nonNegative = (v: unknown, fallback: number) =>
  typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : fallback;

/** Reads stored preferences, falling back to the defaults for anything missing or odd. */
export function readBuitengebiedPrefs(raw: unknown): BuitengebiedPrefs {
  const value = (raw && typeof raw === 'object' ? raw : {}) as Record<string, unknown>;
  const risk = (value.risk && typeof value.risk === 'object' ? value.risk : {}) as Record<
    string,
    unknown
  >;
  const weights = (risk.weights && typeof risk.weights === 'object' ? risk.weights : {}) as Record<
    string,
    unknown
  >;
  const d = DEFAULT_RISK_SETTINGS;
  const roles: Record<string, string> = {};
  if (value.roles && typeof value.roles === 'object') {
    for (const [id, role] of Object.entries(value.roles as Record<string, unknown>)) {
      if ((SCHOUW_ROLES as readonly unknown[]).includes(role)) roles[id] = role as string;
    }
  }
  return {
    risk: {
      radiusM: positive(risk.radiusM, d.radiusM),
      periodDays: positive(risk.periodDays, d.periodDays),
      halfDistanceM: positive(risk.halfDistanceM, d.halfDistanceM),
      halfLifeDays: positive(risk.halfLifeDays, d.halfLifeDays),
      partnerFactor: nonNegative(risk.partnerFactor, d.partnerFactor),
      weights: Object.fromEntries(
        SIGNAL_TYPES.map((t) => [t, nonNegative(weights[t], d.weights[t])]),
      ) as RiskSettings['weights'],
    },
    roles,
  };
}

/** Schouw visits per building, newest first: the first one is the building's status. */
export function latestSchouwByBuilding(rows: readonly SchouwRow[]): Map<string, SchouwRow[]> {
  const byBuilding = new Map<string, SchouwRow[]>();
  for (const row of rows) {
    const list = byBuilding.get(row.target) ?? [];
    list.push(row);
    byBuilding.set(row.target, list);
  }
  for (const list of byBuilding.values()) list.sort((a, b) => b.started_at - a.started_at);
  return byBuilding;
}
