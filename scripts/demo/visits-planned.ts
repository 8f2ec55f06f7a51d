/**
 * Planned visits: the aandachtslocaties at their weekly frequency (Isseldreef falling behind
 * from July 2026), the schouw of vacant buildings every few months (the risky stal last seen
 * in October 2025, so it is due), and extra surveillance at the intervention after its start.
 */
import type { Random } from '../../src/lib/analysis/random';
import type { Theme, VisitKind } from '../../src/lib/data/themes';
import type { Building } from './buildings';
import { dayIndexOf, utcAtLocal } from './calendar';
import type { Model } from './model';
import { UNDER_VISITED_FROM } from './patterns-special';
import { INTERVENTION, WATCH_LOCATIONS, type WatchLocationSpec } from './places';
import { discPlace, ringPlace } from './placement';
import { pickKind, visitOutcome, visitSpan, type VisitRecord } from './visit-kinds';

const WATCH_PROFILE: Record<
  string,
  { kinds: Partial<Record<VisitKind, number>>; themes: Theme[] }
> = {
  'AL-PERENPAD': {
    kinds: { huisbezoek: 40, surveillance: 40, koffiegesprek: 20 },
    themes: ['woonoverlast', 'afval'],
  },
  'AL-ISSELDREEF': {
    kinds: { huisbezoek: 50, controle: 30, koffiegesprek: 20 },
    themes: ['woonoverlast'],
  },
  'AL-EIKENSTRAAT': {
    kinds: { surveillance: 50, huisbezoek: 30, koffiegesprek: 20 },
    themes: ['woonoverlast', 'ondermijning'],
  },
};
/** Under-visited Isseldreef: one visit per two weeks instead of two a week. */
const UNDER_VISITED_RATE = 0.5;

/** Days of the period grouped into ISO weeks (Monday first). */
function weeksOf(model: Model): number[][] {
  const { cal } = model;
  const weeks: number[][] = [];
  for (let d = 0; d < cal.dayCount; d++) {
    const weekday = cal.weekday[cal.dayFirstSlot[d]];
    if (weekday === 1 || weeks.length === 0) weeks.push([]);
    weeks[weeks.length - 1].push(d);
  }
  return weeks;
}

function weekdayOf(model: Model, day: number): number {
  return model.cal.weekday[model.cal.dayFirstSlot[day]];
}

function visitsThisWeek(model: Model, loc: WatchLocationSpec, week: number[], rng: Random): number {
  const workdays = week.filter((d) => weekdayOf(model, d) <= 6).length;
  if (loc.id === 'AL-ISSELDREEF' && model.cal.dayKey[week[0]] >= UNDER_VISITED_FROM) {
    return rng.chance(UNDER_VISITED_RATE) ? 1 : 0;
  }
  return workdays >= 6 ? loc.visitsPerWeek : Math.round((loc.visitsPerWeek * workdays) / 6);
}

function watchVisits(model: Model, rng: Random): VisitRecord[] {
  const out: VisitRecord[] = [];
  for (const week of weeksOf(model)) {
    for (const loc of WATCH_LOCATIONS) {
      const profile = WATCH_PROFILE[loc.id];
      const place = ringPlace(model.g, loc.ring, model.acceptVisit);
      const days = week.filter((d) => weekdayOf(model, d) <= 6);
      for (let n = visitsThisWeek(model, loc, week, rng); n > 0 && days.length > 0; n--) {
        const day = days.splice(rng.int(0, days.length - 1), 1)[0];
        const start = utcAtLocal(model.cal, day, rng.int(9, 20), rng.int(0, 59));
        const kind = pickKind(rng, profile.kinds);
        const [startUtc, endUtc] = visitSpan(model, rng, kind, start);
        const { x, y, buurt } = place(rng);
        const theme = rng.pick(profile.themes);
        out.push({
          startUtc,
          endUtc,
          kind,
          theme,
          target: loc.id,
          outcome: visitOutcome(rng, kind),
          x,
          y,
          buurt,
        });
      }
    }
  }
  return out;
}

function schouwDays(model: Model, b: Building, rng: Random): number[] {
  const { cal } = model;
  if (b.role === 'risky') return [dayIndexOf(cal, '2025-10-14')];
  if (b.status !== 'leegstaand') return rng.chance(0.25) ? [rng.int(0, cal.dayCount - 1)] : [];
  const since = dayIndexOf(cal, b.vacantSince!);
  const days: number[] = [];
  let day = since >= 0 ? since + rng.int(30, 90) : rng.int(0, 120);
  for (; day < cal.dayCount; day += rng.int(120, 200)) days.push(day);
  return days;
}

function schouwVisits(model: Model, rng: Random): VisitRecord[] {
  const out: VisitRecord[] = [];
  for (const b of model.buildings) {
    const place = discPlace(model.g, b.at, 20, model.acceptVisit);
    for (const day of schouwDays(model, b, rng)) {
      const weekday = weekdayOf(model, day);
      const workday = weekday >= 6 ? Math.max(0, day - (weekday - 5)) : day;
      const start = utcAtLocal(model.cal, workday, rng.int(9, 15), rng.int(0, 59));
      const [startUtc, endUtc] = visitSpan(model, rng, 'schouw', start);
      let outcome = visitOutcome(rng, 'schouw');
      if (b.role === 'risky') outcome = 'niets aangetroffen';
      if (b.role === 'decoy' && model.cal.dayKey[workday].startsWith('2024'))
        outcome = 'aandachtspunt';
      const { x, y, buurt } = place(rng);
      out.push({
        startUtc,
        endUtc,
        kind: 'schouw',
        theme: 'ondermijning',
        target: b.id,
        outcome,
        x,
        y,
        buurt,
      });
    }
  }
  return out;
}

function interventionVisits(model: Model, rng: Random): VisitRecord[] {
  const out: VisitRecord[] = [];
  const place = ringPlace(model.g, INTERVENTION.ring, model.acceptVisit);
  for (const week of weeksOf(model)) {
    if (model.cal.dayKey[week[0]] < INTERVENTION.start) continue;
    const days = [...week];
    for (let n = 0; n < 2 && days.length > 0; n++) {
      const day = days.splice(rng.int(0, days.length - 1), 1)[0];
      const start = utcAtLocal(model.cal, day, rng.int(14, 22), rng.int(0, 59));
      const [startUtc, endUtc] = visitSpan(model, rng, 'surveillance', start);
      const { x, y, buurt } = place(rng);
      out.push({
        startUtc,
        endUtc,
        kind: 'surveillance',
        theme: 'jeugd',
        target: '',
        outcome: visitOutcome(rng, 'surveillance'),
        x,
        y,
        buurt,
      });
    }
  }
  return out;
}

export function plannedVisits(model: Model, rng: Random): VisitRecord[] {
  return [
    ...watchVisits(model, rng),
    ...schouwVisits(model, rng),
    ...interventionVisits(model, rng),
  ];
}
