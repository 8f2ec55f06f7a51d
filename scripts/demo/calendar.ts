/**
 * The demo period as a sequence of real elapsed hours (UTC) labelled with their Dutch
 * wall-clock reading. Every record time is drawn from these hourly slots, so no time in the
 * spring-forward gap can occur and the autumn fall-back hour occurs twice, as in reality.
 */
import { formatLocalDate, localToUtc, utcToLocal } from '../../src/lib/analysis/local-time';

export const HOUR_MS = 3_600_000;
export const DAY_MS = 86_400_000;

/** Local dates, inclusive. */
export const PERIOD = { from: '2023-11-01', to: '2026-10-31' } as const;

/** Local date 'YYYY-MM-DD' → local epoch ms of its midnight. */
export function localDateMs(date: string): number {
  const [y, m, d] = date.split('-').map(Number);
  return Date.UTC(y, m - 1, d);
}

/**
 * School-free weekdays (approximate school holidays for region midden plus public
 * holidays), used to keep the school-time parking pattern out of the holidays.
 */
export const SCHOOL_HOLIDAYS: readonly { from: string; to: string; name: string }[] = [
  { from: '2023-12-23', to: '2024-01-07', name: 'kerstvakantie' },
  { from: '2024-02-17', to: '2024-02-25', name: 'voorjaarsvakantie' },
  { from: '2024-03-29', to: '2024-04-01', name: 'Pasen' },
  { from: '2024-04-27', to: '2024-05-05', name: 'meivakantie' },
  { from: '2024-05-09', to: '2024-05-10', name: 'Hemelvaart' },
  { from: '2024-05-20', to: '2024-05-20', name: 'Pinksteren' },
  { from: '2024-07-20', to: '2024-09-01', name: 'zomervakantie' },
  { from: '2024-10-19', to: '2024-10-27', name: 'herfstvakantie' },
  { from: '2024-12-21', to: '2025-01-05', name: 'kerstvakantie' },
  { from: '2025-02-15', to: '2025-02-23', name: 'voorjaarsvakantie' },
  { from: '2025-04-18', to: '2025-04-21', name: 'Pasen' },
  { from: '2025-04-26', to: '2025-05-04', name: 'meivakantie' },
  { from: '2025-05-29', to: '2025-05-30', name: 'Hemelvaart' },
  { from: '2025-06-09', to: '2025-06-09', name: 'Pinksteren' },
  { from: '2025-07-19', to: '2025-08-31', name: 'zomervakantie' },
  { from: '2025-10-18', to: '2025-10-26', name: 'herfstvakantie' },
  { from: '2025-12-20', to: '2026-01-04', name: 'kerstvakantie' },
  { from: '2026-02-14', to: '2026-02-22', name: 'voorjaarsvakantie' },
  { from: '2026-04-03', to: '2026-04-06', name: 'Pasen' },
  { from: '2026-04-25', to: '2026-05-03', name: 'meivakantie' },
  { from: '2026-05-14', to: '2026-05-15', name: 'Hemelvaart' },
  { from: '2026-05-25', to: '2026-05-25', name: 'Pinksteren' },
  { from: '2026-07-04', to: '2026-08-16', name: 'zomervakantie' },
  { from: '2026-10-17', to: '2026-10-25', name: 'herfstvakantie' },
];

export interface Calendar {
  startUtc: number;
  /** Exclusive. */
  endUtc: number;
  slotCount: number;
  /** Per slot: local hour 0-23, ISO weekday 1-7, month 1-12, local day index. */
  hour: Uint8Array;
  weekday: Uint8Array;
  month: Uint8Array;
  day: Uint16Array;
  dayCount: number;
  /** First slot of each day; dayFirstSlot[dayCount] = slotCount. */
  dayFirstSlot: Int32Array;
  /** Per day: 'YYYY-MM-DD', local midnight (local epoch ms), school-free flag. */
  dayKey: string[];
  dayLocalMs: number[];
  schoolFree: Uint8Array;
}

let cached: Calendar | null = null;

export function buildCalendar(): Calendar {
  if (cached) return cached;
  const firstLocal = localDateMs(PERIOD.from);
  const startUtc = localToUtc(firstLocal);
  const endUtc = localToUtc(localDateMs(PERIOD.to) + DAY_MS);
  const slotCount = Math.round((endUtc - startUtc) / HOUR_MS);
  const dayCount = Math.round((localDateMs(PERIOD.to) - firstLocal) / DAY_MS) + 1;
  const cal: Calendar = {
    startUtc,
    endUtc,
    slotCount,
    hour: new Uint8Array(slotCount),
    weekday: new Uint8Array(slotCount),
    month: new Uint8Array(slotCount),
    day: new Uint16Array(slotCount),
    dayCount,
    dayFirstSlot: new Int32Array(dayCount + 1),
    dayKey: [],
    dayLocalMs: [],
    schoolFree: new Uint8Array(dayCount),
  };
  let lastDay = -1;
  for (let s = 0; s < slotCount; s++) {
    const local = utcToLocal(startUtc + s * HOUR_MS);
    const day = Math.floor((local - firstLocal) / DAY_MS);
    const date = new Date(local);
    cal.hour[s] = date.getUTCHours();
    cal.weekday[s] = ((date.getUTCDay() + 6) % 7) + 1;
    cal.month[s] = date.getUTCMonth() + 1;
    cal.day[s] = day;
    if (day !== lastDay) {
      cal.dayFirstSlot[day] = s;
      cal.dayKey[day] = formatLocalDate(local);
      cal.dayLocalMs[day] = firstLocal + day * DAY_MS;
      lastDay = day;
    }
  }
  cal.dayFirstSlot[dayCount] = slotCount;
  for (const h of SCHOOL_HOLIDAYS) {
    for (let d = 0; d < dayCount; d++) {
      if (cal.dayKey[d] >= h.from && cal.dayKey[d] <= h.to) cal.schoolFree[d] = 1;
    }
  }
  cached = cal;
  return cal;
}

/** Index of the day holding a local date, or -1 outside the period. */
export function dayIndexOf(cal: Calendar, date: string): number {
  const d = Math.round((localDateMs(date) - cal.dayLocalMs[0]) / DAY_MS);
  return d >= 0 && d < cal.dayCount ? d : -1;
}

/** UTC instant of a local wall-clock time on a day of the period (never in a DST gap here). */
export function utcAtLocal(cal: Calendar, day: number, hour: number, minute: number): number {
  return localToUtc(cal.dayLocalMs[day] + hour * HOUR_MS + minute * 60_000);
}
