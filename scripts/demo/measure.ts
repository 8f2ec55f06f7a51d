/**
 * Measures the planted patterns in the generated records, the way an analyst (or a test)
 * would from the files: counts inside a radius and a time filter, rates per hour or per km²,
 * before/after counts around the intervention. These numbers go into truth.json.
 */
import { utcToLocal } from '../../src/lib/analysis/local-time';
import type { Theme } from '../../src/lib/data/themes';
import { distanceToPolygon, pointInRings, type Pt } from './geometry';
import type { IncidentRecord } from './incidents';
import type { MeldingRecord } from './meldingen';
import type { Model } from './model';
import { exposureHours, localMatches, type PatternDef, type TimeFilter } from './pattern-types';
import { INTERVENTION } from './places';

/** One incident or melding, reduced to what the pattern filters look at. */
export interface Ev {
  table: 'incidents' | 'meldingen';
  /** Event time as written: occurred_from, or happened_from falling back to reported_at. */
  local: number;
  category: string;
  theme: Theme;
  x: number;
  y: number;
  buurt: number;
  patternId: string | null;
}

export function toEvents(
  incidents: readonly IncidentRecord[],
  meldingen: readonly MeldingRecord[],
): Ev[] {
  const out: Ev[] = [];
  for (const r of incidents) {
    out.push({
      table: 'incidents',
      local: utcToLocal(r.fromUtc),
      category: r.category,
      theme: r.theme,
      x: r.x,
      y: r.y,
      buurt: r.buurt,
      patternId: r.patternId,
    });
  }
  for (const r of meldingen) {
    out.push({
      table: 'meldingen',
      local: utcToLocal(r.fromUtc ?? r.reportedUtc),
      category: r.sub,
      theme: r.theme,
      x: r.x,
      y: r.y,
      buurt: r.buurt,
      patternId: r.patternId,
    });
  }
  return out;
}

export function matchesCategories(p: PatternDef, e: Ev): boolean {
  if (!p.tables.includes(e.table)) return false;
  return p.categories.length > 0 ? p.categories.includes(e.category) : e.theme === p.theme;
}

export function centersOf(p: PatternDef): Pt[] {
  return p.spots ? p.spots.map((s) => s.at) : [p.center];
}

const nearest = (p: PatternDef, e: Ev): number =>
  Math.min(...centersOf(p).map((c) => Math.hypot(e.x - c[0], e.y - c[1])));

export interface TimeMeasure {
  in_pattern_time: number;
  outside_pattern_time: number;
  hours_in: number;
  hours_out: number;
  strength: number;
}

/** Same place, pattern time versus other times (records per hour; at least one outside). */
export function measureTime(model: Model, p: PatternDef, events: readonly Ev[]): TimeMeasure {
  let inside = 0;
  let outside = 0;
  for (const e of events) {
    if (!matchesCategories(p, e) || nearest(p, e) > p.radiusM!) continue;
    if (localMatches(e.local, p.filter)) inside++;
    else outside++;
  }
  const hours = exposureHours(model.cal, p.filter);
  const strength = inside / hours.inside / (Math.max(outside, 1) / hours.outside);
  return {
    in_pattern_time: inside,
    outside_pattern_time: outside,
    hours_in: hours.inside,
    hours_out: hours.outside,
    strength,
  };
}

export interface AreaMeasure {
  within_radius: number;
  in_ring: number;
  km2_within: number;
  km2_ring: number;
  strength: number;
}

/** Same time, pattern place versus the ring around it (records per km²). */
export function measureArea(p: PatternDef, events: readonly Ev[]): AreaMeasure {
  let within = 0;
  let ring = 0;
  for (const e of events) {
    if (!matchesCategories(p, e) || !localMatches(e.local, p.filter)) continue;
    const d = nearest(p, e);
    if (d <= p.radiusM!) within++;
    else if (d <= p.ringRadiusM!) ring++;
  }
  const n = centersOf(p).length;
  const km2Within = (n * Math.PI * p.radiusM! ** 2) / 1e6;
  const km2Ring = (n * Math.PI * (p.ringRadiusM! ** 2 - p.radiusM! ** 2)) / 1e6;
  const strength = within / km2Within / (Math.max(ring, 1) / km2Ring);
  return {
    within_radius: within,
    in_ring: ring,
    km2_within: km2Within,
    km2_ring: km2Ring,
    strength,
  };
}

/** Theme-wide records of a wijk inside a period. */
export function countInWijk(
  model: Model,
  theme: Theme,
  wijk: string,
  f: TimeFilter,
  events: readonly Ev[],
): number {
  let n = 0;
  for (const e of events) {
    if (e.theme === theme && model.g.buurten[e.buurt].wijk === wijk && localMatches(e.local, f))
      n++;
  }
  return n;
}

export type Zone = 'target' | 'buffer' | 'control';

export function interventionZone(x: number, y: number): Zone {
  if (pointInRings(x, y, [INTERVENTION.ring])) return 'target';
  return distanceToPolygon(x, y, [INTERVENTION.ring]) <= INTERVENTION.bufferM
    ? 'buffer'
    : 'control';
}

export interface InterventionCounts {
  target: { before: number; after: number };
  buffer: { before: number; after: number };
  control: { before: number; after: number };
}

export function measureIntervention(
  p: PatternDef,
  events: readonly Ev[],
  before: TimeFilter,
  after: TimeFilter,
): InterventionCounts {
  const counts: InterventionCounts = {
    target: { before: 0, after: 0 },
    buffer: { before: 0, after: 0 },
    control: { before: 0, after: 0 },
  };
  for (const e of events) {
    if (!matchesCategories(p, e)) continue;
    const zone = interventionZone(e.x, e.y);
    if (localMatches(e.local, before)) counts[zone].before++;
    else if (localMatches(e.local, after)) counts[zone].after++;
  }
  return counts;
}

/** Weighted displacement quotient (Bowers & Johnson 2003), null when not computable. */
export function wdq(c: InterventionCounts): {
  sm: number | null;
  bdm: number | null;
  wdq: number | null;
} {
  if (c.control.before === 0 || c.control.after === 0) return { sm: null, bdm: null, wdq: null };
  const sm = c.target.after / c.control.after - c.target.before / c.control.before;
  const bdm = c.buffer.after / c.control.after - c.buffer.before / c.control.before;
  return { sm, bdm, wdq: sm === 0 ? null : bdm / sm };
}
