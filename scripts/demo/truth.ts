/**
 * truth.json: what was planted, where, when and how strong, measured in the generated
 * records exactly as a test would from the files. Key order is fixed by construction.
 */
import { rdToWgs84 } from '../../src/lib/analysis/rd';
import { buildingByRole, type Building } from './buildings';
import { PERIOD } from './calendar';
import type { IncidentRecord } from './incidents';
import { measureArea, measureTime, toEvents, type Ev } from './measure';
import type { MeldingRecord } from './meldingen';
import { GENERATOR_VERSION, type Model } from './model';
import type { PatternDef } from './pattern-types';
import { WATCH_LOCATIONS } from './places';
import { measureSpecial } from './truth-special';
import type { VisitRecord } from './visit-kinds';

export interface GeneratedData {
  incidents: IncidentRecord[];
  meldingen: MeldingRecord[];
  visits: VisitRecord[];
}

export const round = (v: number, digits = 3): number => Number(v.toFixed(digits));

export function lonLat(p: readonly [number, number]): { lon: number; lat: number } {
  const [lon, lat] = rdToWgs84(p[0], p[1]);
  return { lon: round(lon, 6), lat: round(lat, 6) };
}

function areaCodes(
  model: Model,
  p: PatternDef,
): { wijkcode: string | null; buurtcode: string | null } {
  if (p.wijkcode) return { wijkcode: p.wijkcode, buurtcode: null };
  const points = p.spots ? p.spots.map((s) => s.at) : [p.center];
  const buurten = points.map((pt) => model.g.buurten[model.g.buurtAt(pt[0], pt[1])]);
  const same = <T>(values: T[]): T | null =>
    values.every((v) => v === values[0]) ? values[0] : null;
  return {
    wijkcode: same(buurten.map((b) => b.wijk)),
    buurtcode: same(buurten.map((b) => b.code)),
  };
}

function spotsOf(model: Model, p: PatternDef, events: readonly Ev[]): unknown[] | undefined {
  return p.spots?.map((s) => {
    const b = model.g.buurten[model.g.buurtAt(s.at[0], s.at[1])];
    const planted = events.filter(
      (e) => e.patternId === p.id && Math.hypot(e.x - s.at[0], e.y - s.at[1]) <= p.radiusM!,
    ).length;
    return {
      id: s.id,
      name: s.name,
      ...lonLat(s.at),
      buurtcode: b.code,
      wijkcode: b.wijk,
      planted_count: planted,
    };
  });
}

function basics(
  model: Model,
  p: PatternDef,
  planted: number,
  strength: number,
): Record<string, unknown> {
  return {
    id: p.id,
    kind: p.kind,
    description: p.description,
    tables: p.tables,
    theme: p.theme,
    categories: p.categories,
    center: lonLat(p.center),
    radius_m: p.radiusM,
    ...areaCodes(model, p),
    from: p.filter.from,
    to: p.filter.to,
    months: p.filter.months,
    weekdays: p.filter.weekdays,
    hours: p.filter.hours,
    excluded_dates: p.filter.excluded,
    planted_count: planted,
    strength: round(strength),
    strength_basis: p.strengthBasis,
  };
}

function patternEntry(
  model: Model,
  p: PatternDef,
  events: readonly Ev[],
  data: GeneratedData,
): Record<string, unknown> {
  const planted = events.filter((e) => e.patternId === p.id).length;
  if (p.strengthBasis === 'time' || p.strengthBasis === 'area') {
    const measured =
      p.strengthBasis === 'time' ? measureTime(model, p, events) : measureArea(p, events);
    const { strength, ...rest } = measured;
    const extra = { ...p.extra };
    const role = extra.building_role as 'risky' | 'decoy' | undefined;
    if (role) {
      delete extra.building_role;
      extra.building_id = buildingByRole(model.buildings, role).id;
    }
    return {
      ...basics(model, p, planted, strength),
      ...(p.spots ? { spots: spotsOf(model, p, events) } : {}),
      ...(p.ringRadiusM ? { ring_radius_m: p.ringRadiusM } : {}),
      ...extra,
      ...(role === 'risky'
        ? { signals_last_6_months: buildingSignals(model.buildings, events) }
        : {}),
      measured: roundAll(rest),
    };
  }
  const special = measureSpecial(model, p, events, data);
  return {
    ...basics(model, p, special.planted ?? planted, special.strength),
    ...p.extra,
    ...special.fields,
  };
}

const roundAll = (o: Record<string, number>): Record<string, number> =>
  Object.fromEntries(Object.entries(o).map(([k, v]) => [k, round(v, 4)]));

export const LAST_6_MONTHS = { from: '2026-05-01', to: PERIOD.to } as const;
export const SIGNAL_RADIUS_M = 500;

/** Incidents and meldingen within 500 m of every building in the last six months. */
export function buildingSignals(buildings: readonly Building[], events: readonly Ev[]) {
  const from = Date.parse(`${LAST_6_MONTHS.from}T00:00:00Z`);
  const counts = buildings.map((b) => {
    let n = 0;
    for (const e of events) {
      if (e.local >= from && Math.hypot(e.x - b.at[0], e.y - b.at[1]) <= SIGNAL_RADIUS_M) n++;
    }
    return { id: b.id, n };
  });
  const risky = buildingByRole(buildings, 'risky');
  const others = counts
    .filter((c) => c.id !== risky.id)
    .sort((a, b) => b.n - a.n || a.id.localeCompare(b.id));
  return {
    from: LAST_6_MONTHS.from,
    to: LAST_6_MONTHS.to,
    radius_m: SIGNAL_RADIUS_M,
    building: counts.find((c) => c.id === risky.id)!.n,
    runner_up_id: others[0].id,
    runner_up: others[0].n,
  };
}

/** How to read a pattern: the rules the measured numbers were computed with. */
const DEFINITIONS = {
  time_fields: {
    incidents: 'occurred_from',
    meldingen: 'happened_from, else reported_at',
    visits: 'started_at',
  },
  matching:
    'A record matches when its table is in tables and its category (incidents) or sub_category (meldingen) is in categories; an empty list means every category of theme.',
  place: 'Within radius_m metres (RD New) of center, or of any of spots when given.',
  time_filter:
    'Local date from..to inclusive, month in months, ISO weekday (1 = maandag) in weekdays, local hour in hours, date not in excluded_dates.',
  exposure:
    'Hours are real elapsed hours (UTC) labelled with their local reading, so DST days have 23 or 25.',
  planted_count:
    'Records the pattern added; for outcome-inconsistency the incidents whose outcome it changed; 0 for patterns that only withhold visits or keep a wijk stable.',
  strength_basis: {
    time: 'Records in place and time filter per hour, divided by records in the same place outside the filter per hour (at least one assumed).',
    area: 'Records within radius_m per km², divided by records between radius_m and ring_radius_m per km² (at least one assumed), inside the time filter.',
    period: 'Records of the theme in the wijk in periods.current divided by periods.previous.',
    intervention:
      'Buffer count after divided by before (at least one assumed); see counts and wdq.',
    presence: 'Visit hours per demand in the wijk divided by the median of the other town wijken.',
    outcomes: 'Share of sanctions (sanction_outcomes) in the wijk divided by the share elsewhere.',
    'watch-visits': 'Visits per week from..to divided by visits_per_week_target.',
  },
};

export function buildTruth(model: Model, data: GeneratedData): Record<string, unknown> {
  const events = toEvents(data.incidents, data.meldingen);
  const vacant = model.buildings.filter((b) => b.status === 'leegstaand').length;
  return {
    seed: model.seed,
    generator_version: GENERATOR_VERSION,
    period: { from: PERIOD.from, to: PERIOD.to },
    counts: {
      incidents: data.incidents.length,
      meldingen: data.meldingen.length,
      visits: data.visits.length,
      buildings: model.buildings.length,
      buildings_vacant: vacant,
      watch_locations: WATCH_LOCATIONS.length,
      interventions: 1,
      wijken: model.g.wijken.length,
      buurten: model.g.buurten.length,
    },
    definitions: DEFINITIONS,
    patterns: model.patterns.map((p) => patternEntry(model, p, events, data)),
  };
}
