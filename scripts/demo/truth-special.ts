/**
 * Truth for the patterns that are not a place-and-time hot spot: the intervention's
 * before/after counts and WDQ, the rising and stable wijk, presence versus demand,
 * sanction shares per wijk, and the visit frequency of an aandachtslocatie.
 */
import { utcToLocal } from '../../src/lib/analysis/local-time';
import { HOUR_MS, type Calendar } from './calendar';
import { SANCTIONS } from './catalog';
import { countInWijk, measureIntervention, wdq, type Ev } from './measure';
import type { Model } from './model';
import { localMatches, type PatternDef, type TimeFilter } from './pattern-types';
import {
  INTERVENTION_AFTER,
  INTERVENTION_BEFORE,
  RISE_CURRENT,
  RISE_PREVIOUS,
} from './patterns-special';
import type { GeneratedData } from './truth';
import type { VisitRecord } from './visit-kinds';

export interface SpecialMeasure {
  planted?: number;
  strength: number;
  fields: Record<string, unknown>;
}

const r4 = (v: number | null): number | null => (v === null ? null : Number(v.toFixed(4)));
const span = (f: TimeFilter) => ({ from: f.from, to: f.to });

function intervention(p: PatternDef, events: readonly Ev[]): SpecialMeasure {
  const counts = measureIntervention(p, events, INTERVENTION_BEFORE, INTERVENTION_AFTER);
  const q = wdq(counts);
  return {
    strength: counts.buffer.after / Math.max(counts.buffer.before, 1),
    fields: {
      periods: { before: span(INTERVENTION_BEFORE), after: span(INTERVENTION_AFTER) },
      zones: {
        target: 'binnen het interventiegebied',
        buffer: 'buiten het gebied, binnen buffer_m meter ervan',
        control: 'de rest van de gemeente',
      },
      counts,
      success_measure: r4(q.sm),
      buffer_displacement_measure: r4(q.bdm),
      wdq: r4(q.wdq),
      expected_wdq_sign: 'negatief',
      interpretation: 'verplaatsing',
    },
  };
}

function period(model: Model, p: PatternDef, events: readonly Ev[]): SpecialMeasure {
  const current = countInWijk(model, p.theme!, p.wijkcode!, RISE_CURRENT, events);
  const previous = countInWijk(model, p.theme!, p.wijkcode!, RISE_PREVIOUS, events);
  const ratio = current / Math.max(previous, 1);
  return {
    strength: ratio,
    fields: {
      periods: { current: span(RISE_CURRENT), previous: span(RISE_PREVIOUS) },
      counts: { current, previous },
      change_pct: Number(((ratio - 1) * 100).toFixed(1)),
    },
  };
}

const hoursOf = (v: VisitRecord): number => (v.endUtc - v.startUtc) / HOUR_MS;

function presence(
  model: Model,
  p: PatternDef,
  events: readonly Ev[],
  visits: readonly VisitRecord[],
): SpecialMeasure {
  const perWijk = model.g.wijken.map((w) => ({
    wijkcode: w.code,
    demand: 0,
    visit_hours: 0,
    rural: w.rural,
  }));
  const index = new Map(perWijk.map((w, i) => [w.wijkcode, i]));
  for (const e of events) perWijk[index.get(model.g.buurten[e.buurt].wijk)!].demand++;
  for (const v of visits)
    perWijk[index.get(model.g.buurten[v.buurt].wijk)!].visit_hours += hoursOf(v);
  const rows = perWijk.map((w) => ({
    wijkcode: w.wijkcode,
    demand: w.demand,
    visit_hours: Number(w.visit_hours.toFixed(2)),
    hours_per_100_demand: Number(((100 * w.visit_hours) / w.demand).toFixed(2)),
  }));
  const others = perWijk
    .filter((w) => !w.rural && w.wijkcode !== p.wijkcode)
    .map((w) => w.visit_hours / w.demand)
    .sort((a, b) => a - b);
  const median = (others[(others.length - 1) >> 1] + others[others.length >> 1]) / 2;
  const own = perWijk[index.get(p.wijkcode!)!];
  return {
    strength: own.visit_hours / own.demand / median,
    fields: {
      demand: 'incidenten + meldingen in de wijk, hele periode',
      compared_with: 'mediaan van de andere wijken in de kern (buitengebied niet meegeteld)',
      per_wijk: rows,
    },
  };
}

function outcomes(model: Model, p: PatternDef, data: GeneratedData): SpecialMeasure {
  const tally = { wijk: [0, 0], elsewhere: [0, 0] };
  let altered = 0;
  for (const r of data.incidents) {
    if (r.theme !== p.theme) continue;
    const side = model.g.buurten[r.buurt].wijk === p.wijkcode ? tally.wijk : tally.elsewhere;
    side[1]++;
    if (SANCTIONS.includes(r.outcome)) side[0]++;
    if (r.altered) altered++;
  }
  const shareWijk = tally.wijk[0] / tally.wijk[1];
  const shareElsewhere = tally.elsewhere[0] / tally.elsewhere[1];
  return {
    planted: altered,
    strength: shareWijk / shareElsewhere,
    fields: {
      planted_meaning: 'aantal incidenten waarvan de afdoening in een sanctie is veranderd',
      counts: {
        wijk: { sanctions: tally.wijk[0], total: tally.wijk[1] },
        elsewhere: { sanctions: tally.elsewhere[0], total: tally.elsewhere[1] },
      },
      sanction_share_wijk: r4(shareWijk),
      sanction_share_elsewhere: r4(shareElsewhere),
    },
  };
}

function daysIn(cal: Calendar, f: TimeFilter): number {
  return cal.dayKey.filter((d) => d >= f.from && d <= f.to).length;
}

function watchVisits(model: Model, p: PatternDef, visits: readonly VisitRecord[]): SpecialMeasure {
  const id = p.extra!.watch_location_id as string;
  const target = p.extra!.visits_per_week_target as number;
  const dayBefore = model.cal.dayKey[model.cal.dayKey.indexOf(p.filter.from) - 1];
  const before: TimeFilter = { ...p.filter, from: model.cal.dayKey[0], to: dayBefore };
  let inside = 0;
  let earlier = 0;
  for (const v of visits) {
    if (v.target !== id) continue;
    const local = utcToLocal(v.startUtc);
    if (localMatches(local, p.filter)) inside++;
    else if (localMatches(local, before)) earlier++;
  }
  const perWeekIn = (7 * inside) / daysIn(model.cal, p.filter);
  const perWeekBefore = (7 * earlier) / daysIn(model.cal, before);
  return {
    strength: perWeekIn / target,
    fields: {
      counts: { in_period: inside, before: earlier },
      visits_per_week_actual: r4(perWeekIn),
      visits_per_week_before: r4(perWeekBefore),
    },
  };
}

export function measureSpecial(
  model: Model,
  p: PatternDef,
  events: readonly Ev[],
  data: GeneratedData,
): SpecialMeasure {
  switch (p.strengthBasis) {
    case 'intervention':
      return intervention(p, events);
    case 'period':
      return period(model, p, events);
    case 'presence':
      return presence(model, p, events, data.visits);
    case 'outcomes':
      return outcomes(model, p, data);
    case 'watch-visits':
      return watchVisits(model, p, data.visits);
    default:
      throw new Error(`no measure for ${p.strengthBasis}`);
  }
}
