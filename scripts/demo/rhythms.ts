/**
 * When things happen in Donderdeel, per theme: hour of day, day of week and month, in
 * local time. Weights are relative; sampler.ts turns them into per-slot weights. The
 * shapes follow what enforcement teams describe: youth and horeca in the evening and on
 * weekend nights, parking during shop and school hours, dog walks at the edges of the day.
 */
import type { Theme } from '../../src/lib/data/themes';
import type { Calendar } from './calendar';

export interface Rhythm {
  hourly: readonly number[];
  /** ISO weekday order: ma, di, wo, do, vr, za, zo. */
  weekday: readonly number[];
  monthly: readonly number[];
  /** Extra factor for Friday and Saturday nights (vr 20h – zo 06h). */
  weekendNight: number;
}

const DAYTIME = [
  1, 0.6, 0.4, 0.3, 0.3, 0.5, 1.5, 3, 5, 6, 6, 6, 5.5, 5, 5, 4.5, 4, 3.5, 3, 2.5, 2, 1.8, 1.5, 1.2,
];

export const RHYTHMS: Record<Theme, Rhythm> = {
  afval: {
    hourly: DAYTIME,
    weekday: [1.3, 1.1, 1, 1, 1, 0.9, 1.1],
    monthly: [0.9, 0.85, 0.9, 1, 1.1, 1.15, 1.2, 1.15, 1.05, 1, 0.95, 1.1],
    weekendNight: 1,
  },
  horeca: {
    hourly: [
      4, 3.5, 2.5, 1.2, 0.4, 0.1, 0.1, 0.1, 0.1, 0.2, 0.3, 0.5, 0.8, 0.9, 1, 1, 1.2, 1.5, 2, 2.5, 3,
      3.5, 4, 4.5,
    ],
    weekday: [0.6, 0.6, 0.7, 0.9, 1.6, 1.9, 1],
    monthly: [0.8, 0.8, 0.9, 1, 1.1, 1.2, 1.3, 1.3, 1.1, 1, 0.9, 1.1],
    weekendNight: 1.8,
  },
  jeugd: {
    hourly: [
      1.5, 0.8, 0.4, 0.2, 0.1, 0.1, 0.1, 0.2, 0.3, 0.4, 0.5, 0.7, 1, 1.3, 1.8, 2.5, 3, 3, 3.2, 3.8,
      4.5, 4.8, 4, 2.8,
    ],
    weekday: [0.9, 0.9, 1, 1, 1.4, 1.5, 1.1],
    monthly: [0.9, 0.7, 0.8, 0.9, 1.1, 1.3, 1.4, 1.3, 1, 0.9, 0.9, 1.2],
    weekendNight: 1.5,
  },
  ondermijning: {
    hourly: [
      0.6, 0.5, 0.4, 0.3, 0.3, 0.4, 0.6, 0.9, 1.2, 1.4, 1.5, 1.5, 1.4, 1.4, 1.4, 1.4, 1.3, 1.2, 1.1,
      1.1, 1, 0.9, 0.8, 0.7,
    ],
    weekday: [1, 1, 1, 1, 1, 0.8, 0.7],
    monthly: [1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1],
    weekendNight: 1,
  },
  parkeren: {
    hourly: [
      0.1, 0.05, 0.05, 0.05, 0.05, 0.1, 0.4, 1.5, 3.5, 4, 4.2, 4.4, 4.5, 4.3, 4.2, 4.3, 4.2, 3.8, 3,
      2.2, 1.5, 1, 0.6, 0.3,
    ],
    weekday: [1.05, 1.05, 1, 1.05, 1.1, 1.2, 0.4],
    monthly: [0.95, 0.95, 1, 1, 1, 0.95, 0.85, 0.85, 1, 1, 1.05, 1.15],
    weekendNight: 1,
  },
  honden: {
    hourly: [
      0.2, 0.1, 0.1, 0.1, 0.1, 0.3, 1.5, 3.5, 4, 3, 2, 1.5, 1.5, 1.5, 1.5, 1.8, 2.5, 3.2, 3.8, 3.5,
      2.8, 2, 1, 0.5,
    ],
    weekday: [1, 1, 1, 1, 1, 1.2, 1.3],
    monthly: [0.9, 0.9, 1, 1.1, 1.1, 1.05, 1, 1, 1, 1, 0.95, 0.9],
    weekendNight: 1,
  },
  woonoverlast: {
    hourly: [
      2.5, 2, 1.2, 0.6, 0.3, 0.2, 0.3, 0.6, 0.8, 1, 1.1, 1.2, 1.3, 1.3, 1.3, 1.4, 1.6, 1.8, 2.1,
      2.5, 2.9, 3.2, 3.4, 3,
    ],
    weekday: [0.9, 0.9, 0.9, 1, 1.2, 1.4, 1.1],
    monthly: [1, 0.95, 0.95, 1, 1.05, 1.1, 1.15, 1.1, 1, 1, 1, 1.05],
    weekendNight: 1.3,
  },
  overig: {
    hourly: DAYTIME,
    weekday: [1.1, 1.05, 1, 1, 1, 0.9, 0.8],
    monthly: [0.85, 0.8, 0.95, 1.1, 1.2, 1.2, 1.1, 1.05, 1.05, 1, 0.9, 0.85],
    weekendNight: 1,
  },
};

/** Handhavers register incidents during their shifts; night shifts only on weekend nights. */
export const BOA_DUTY = [
  0.3, 0.25, 0.15, 0.05, 0.02, 0.02, 0.1, 0.6, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.9, 0.9, 0.85, 0.8,
  0.6, 0.4,
];
/** Planned visits: day and evening shifts, little at night, less on Sunday. */
export const VISIT_DUTY = [
  0.05, 0.03, 0.01, 0, 0, 0, 0.1, 0.7, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0.9, 0.9, 0.9, 0.8, 0.7, 0.5, 0.2,
];

export function isWeekendNight(weekday: number, hour: number): boolean {
  return (
    (weekday === 5 && hour >= 20) ||
    (weekday === 6 && (hour < 6 || hour >= 20)) ||
    (weekday === 7 && hour < 6)
  );
}

/** New Year's Eve fireworks: youth nuisance peaks on 31 December and the night after. */
function specialDayFactor(theme: Theme, cal: Calendar, slot: number): number {
  if (theme !== 'jeugd') return 1;
  const key = cal.dayKey[cal.day[slot]];
  if (key.endsWith('-12-31')) return cal.hour[slot] >= 16 ? 6 : 2;
  if (key.endsWith('-01-01') && cal.hour[slot] < 4) return 6;
  return 1;
}

/** Relative rate of a theme in one hourly slot. */
export function rhythmWeight(theme: Theme, cal: Calendar, slot: number): number {
  const r = RHYTHMS[theme];
  const wd = cal.weekday[slot];
  const h = cal.hour[slot];
  let w = r.hourly[h] * r.weekday[wd - 1] * r.monthly[cal.month[slot] - 1];
  if (isWeekendNight(wd, h)) w *= r.weekendNight;
  return w * specialDayFactor(theme, cal, slot);
}

/** Shift cover for registrations: weekend night shifts register more after midnight. */
export function boaDutyWeight(cal: Calendar, slot: number): number {
  const h = cal.hour[slot];
  const weekendNightShift = isWeekendNight(cal.weekday[slot], h) && h < 4;
  return BOA_DUTY[h] * (weekendNightShift ? 2.5 : 1);
}

export function visitDutyWeight(cal: Calendar, slot: number): number {
  const wd = cal.weekday[slot];
  const h = cal.hour[slot];
  const base = VISIT_DUTY[h] * (wd === 7 ? 0.4 : 1);
  return isWeekendNight(wd, h) ? base * 2 + 0.3 : base;
}
