/**
 * Queries for the Buitengebied view (issue 6): the buildings, the signals that may point to
 * drug production or waste around them, and the schouw visits (kind 'schouw', target =
 * building id). Which categories count as which signal type is data, kept here in one
 * table and passed as parameters; identifiers come from this module only.
 */
import type { SignalType } from '../../analysis/risk-score';
import type { Query, QueryParam } from '../connector';
import { registerAll } from './register';

/**
 * Category → signal type. Meldingen use the Signalen sub-categories
 * (shared/reference/meldingen-categories.md), incidents the BOA registration categories.
 * Anything else with theme ondermijning is an 'ondermijning' signal.
 */
export const SIGNAL_CATEGORIES: readonly { category: string; type: SignalType }[] = [
  { category: 'lozing-dumping-bodemverontreiniging', type: 'dumping' },
  { category: 'overig-afval', type: 'dumping' },
  { category: 'puin-sloopafval', type: 'dumping' },
  { category: 'asbest-accu', type: 'dumping' },
  { category: 'afvaldumping', type: 'dumping' },
  { category: 'drugsafval-aangetroffen', type: 'drugsafval' },
  { category: 'verdachte-voertuigen', type: 'voertuigen' },
  { category: 'hennepgeur', type: 'geur' },
  { category: 'stank-geluidsoverlast', type: 'geur' },
];

/** Sources that are partners rather than the municipality's own channels (lower case). */
export const PARTNER_SOURCES = [
  'waterschap',
  'boswachter',
  'jager',
  'energiebedrijf',
  'politie',
] as const;

export const PARTNER_LABELS: Record<(typeof PARTNER_SOURCES)[number], string> = {
  waterschap: 'Waterschap',
  boswachter: 'Boswachter',
  jager: 'Jager',
  energiebedrijf: 'Energiebedrijf',
  politie: 'Politie',
};

export interface BuildingRow {
  id: string;
  kind: string | null;
  status: string | null;
  /** Epoch ms of the date, or null. */
  vacant_since: number | null;
  source: string | null;
  lon: number;
  lat: number;
  wijkcode: string | null;
  wijk_name: string | null;
  buurtcode: string | null;
  buurt_name: string | null;
  /** The address, when the imported data has one. */
  adres: string | null;
}

function buildingsQuery(): Query {
  return {
    sql: `SELECT b.id, b.kind, b.status, b.vacant_since, b.source, b.lon, b.lat, b.wijkcode,
            w.name AS wijk_name, b.buurtcode, u.name AS buurt_name, b.adres
          FROM buildings b
          LEFT JOIN (SELECT code, any_value(name) AS name FROM areas WHERE level = 'wijk'
                     GROUP BY code) w ON w.code = b.wijkcode
          LEFT JOIN (SELECT code, any_value(name) AS name FROM areas WHERE level = 'buurt'
                     GROUP BY code) u ON u.code = b.buurtcode
          WHERE b.lon IS NOT NULL AND b.lat IS NOT NULL
          ORDER BY b.id`,
  };
}

export interface SignalRow {
  id: string;
  /** 'meldingen' or 'incidents'. */
  origin: string;
  /** Local wall-clock epoch ms. */
  time: number;
  category: string | null;
  source: string | null;
  type: SignalType;
  partner: boolean;
  lon: number;
  lat: number;
}

function mappingValues(params: QueryParam[]): string {
  return SIGNAL_CATEGORIES.map((m) => {
    params.push(m.category, m.type);
    return 'SELECT ? AS category, ? AS type';
  }).join(' UNION ALL ');
}

/**
 * Every signal record (meldingen by report time, incidents by start time) with its type
 * and whether a partner reported it. `partner` compares the source case-insensitively.
 */
function signalsQuery(): Query {
  const params: QueryParam[] = [];
  const mapping = mappingValues(params);
  const partners = PARTNER_SOURCES.map(() => '?').join(', ');
  params.push(...PARTNER_SOURCES);
  return {
    sql: `WITH mapping AS (${mapping}),
          records AS (
            SELECT id, 'meldingen' AS origin, reported_at AS time, sub_category AS category,
              source, theme, lon, lat FROM meldingen
            UNION ALL
            SELECT id, 'incidents', occurred_from, category, source, theme, lon, lat
            FROM incidents
          )
          SELECT r.id, r.origin, r.time, r.category, r.source,
            coalesce(m.type, 'ondermijning') AS type,
            CAST(lower(coalesce(r.source, '')) IN (${partners}) AS BOOLEAN) AS partner,
            r.lon, r.lat
          FROM records r LEFT JOIN mapping m ON m.category = r.category
          WHERE r.lon IS NOT NULL AND r.lat IS NOT NULL
            AND (m.type IS NOT NULL OR r.theme = 'ondermijning')
          ORDER BY r.time, r.id`,
    params,
  };
}

export interface SchouwRow {
  id: string;
  /** Local wall-clock epoch ms. */
  started_at: number;
  target: string;
  outcome: string | null;
  dataset: string;
}

/** All schouw visits with a target, oldest first (the history per building). */
function schouwVisitsQuery(): Query {
  return {
    sql: `SELECT id, started_at, target, outcome, dataset FROM visits
          WHERE kind = 'schouw' AND target IS NOT NULL
          ORDER BY started_at, id`,
  };
}

/** Outcomes of a schouw, mildest first (the demo's values plus the usual follow-ups). */
export const SCHOUW_OUTCOMES = [
  'niets aangetroffen',
  'aandachtspunt',
  'gesprek met eigenaar',
  'doorgezet naar politie',
  'doorgezet naar RIEC',
] as const;

export const SCHOUW_DATASET = 'schouw';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/;

export interface NewSchouw {
  id: string;
  buildingId: string;
  /** Local wall-clock 'YYYY-MM-DD HH:MM:SS'. */
  startedAt: string;
  outcome: string;
}

/**
 * Records a schouw as a visit at the building's location (with its wijk and buurt), in
 * its own dataset so it can be told apart from imported visits.
 */
export function buildInsertSchouwQuery(visit: NewSchouw): Query {
  if (!TIMESTAMP.test(visit.startedAt)) {
    throw new RangeError("startedAt must be 'YYYY-MM-DD HH:MM:SS'");
  }
  return {
    sql: `INSERT INTO visits (id, started_at, ended_at, kind, theme, target, outcome, lon, lat,
            buurtcode, wijkcode, dataset)
          SELECT ?, CAST(? AS TIMESTAMP), NULL, 'schouw', 'ondermijning', id, ?, lon, lat,
            buurtcode, wijkcode, ?
          FROM buildings WHERE id = ? LIMIT 1`,
    params: [visit.id, visit.startedAt, visit.outcome, SCHOUW_DATASET, visit.buildingId],
  };
}

export const { buildBuildingsQuery, buildSignalsQuery, buildSchouwVisitsQuery } = registerAll(
  'buitengebied',
  {
    buildBuildingsQuery: buildingsQuery,
    buildSignalsQuery: signalsQuery,
    buildSchouwVisitsQuery: schouwVisitsQuery,
  },
);
