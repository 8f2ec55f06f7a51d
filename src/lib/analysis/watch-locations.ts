/**
 * Aandachtslocaties (watch locations): places that should get a visit a set number of times
 * a week. Here: their centre (for "records around the location") and their visit frequency
 * against the target — over the last weeks of the data and per month, so a location that
 * is slipping shows before the quarter ends.
 */
import type { MonthRange } from './wijk-trends';
import { boundingBox } from './bounding-box';

const DAY = 86_400_000;

type Position = readonly number[];
interface Geometry {
  type: string;
  coordinates: unknown;
}

function collectPositions(value: unknown, into: Position[]): void {
  if (!Array.isArray(value)) return;
  if (typeof value[0] === 'number') {
    into.push(value as number[]);
    return;
  }
  for (const part of value) collectPositions(part, into);
}

/** Centre of a GeoJSON geometry: the middle of its bounding box ([lon, lat]). */
export function geometryCentre(geometry: Geometry): [number, number] {
  const positions: Position[] = [];
  collectPositions(geometry.coordinates, positions);
  if (positions.length === 0) throw new RangeError('geometry without coordinates');
  const [minLon, minLat, maxLon, maxLat] = boundingBox(positions);
  return [(minLon + maxLon) / 2, (minLat + maxLat) / 2];
}

export interface VisitDay {
  /** Local epoch ms of the day's midnight. */
  day: number;
  n: number;
}

export interface VisitFrequency {
  /** First day of the window (local epoch ms, inclusive). */
  from: number;
  /** Day after the last (exclusive). */
  to: number;
  weeks: number;
  visits: number;
  perWeek: number;
  /** Target visits per week; null when the location has none. */
  target: number | null;
  /** perWeek below target; null without a target. */
  belowTarget: boolean | null;
}

/** Visits per week over the `weeks` whole weeks that end at `endExclusive` (a midnight). */
export function computeVisitFrequency(
  days: readonly VisitDay[],
  endExclusive: number,
  target: number | null,
  weeks = 13,
): VisitFrequency {
  if (!(Number.isInteger(weeks) && weeks >= 1)) throw new RangeError('weeks must be ≥ 1');
  const from = endExclusive - weeks * 7 * DAY;
  let visits = 0;
  for (const d of days) if (d.day >= from && d.day < endExclusive) visits += d.n;
  const perWeek = visits / weeks;
  const goal = target !== null && target > 0 ? target : null;
  return {
    from,
    to: endExclusive,
    weeks,
    visits,
    perWeek,
    target: goal,
    belowTarget: goal === null ? null : perWeek < goal,
  };
}

/** Visits per week in each month of the range (visits in the month ÷ its days × 7). */
export function monthlyVisitsPerWeek(days: readonly VisitDay[], range: MonthRange): number[] {
  const first = range.first.year * 12 + range.first.month - 1;
  const last = range.last.year * 12 + range.last.month - 1;
  const counts = new Array<number>(Math.max(0, last - first + 1)).fill(0);
  for (const d of days) {
    const date = new Date(d.day);
    const i = date.getUTCFullYear() * 12 + date.getUTCMonth() - first;
    if (i >= 0 && i < counts.length) counts[i] += d.n;
  }
  return counts.map((n, i) => {
    const m = first + i;
    const daysInMonth = new Date(Date.UTC(Math.floor(m / 12), (m % 12) + 1, 0)).getUTCDate();
    return (n / daysInMonth) * 7;
  });
}
