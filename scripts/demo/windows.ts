/**
 * Time windows: a record known only to have happened somewhere between two moments, drawn
 * back from the moment it was found or reported. "Overnight" is the classic one: rubbish
 * found in the morning, put there the evening before.
 */
import { localToUtc, utcToLocal } from '../../src/lib/analysis/local-time';
import type { Random } from '../../src/lib/analysis/random';
import { DAY_MS, HOUR_MS, type Calendar } from './calendar';
import type { WindowKind } from './catalog';

/** The longest window written: three days. */
export const MAX_WINDOW_MS = 72 * HOUR_MS;

const seconds = (rng: Random, minHours: number, maxHours: number): number =>
  Math.floor(rng.uniform(minHours * 3600, maxHours * 3600)) * 1000;

/**
 * Start of a window that ends at `endUtc`, or null when it would begin before the period
 * (the record is then written as exact).
 */
export function windowStart(
  rng: Random,
  kind: WindowKind,
  endUtc: number,
  cal: Calendar,
): number | null {
  let from: number;
  if (kind === 'hours') {
    from = endUtc - seconds(rng, 1, 8);
  } else if (kind === 'days') {
    from = endUtc - seconds(rng, 12, 72);
  } else {
    const local = utcToLocal(endUtc);
    const hour = Math.floor((local % DAY_MS) / HOUR_MS);
    if (hour < 12) {
      // 19:00-23:59 the evening before: never inside a DST change (those are at 02:00-03:00).
      const eveningBefore = local - (local % DAY_MS) - DAY_MS + seconds(rng, 19, 24);
      from = localToUtc(eveningBefore);
    } else {
      from = endUtc - seconds(rng, 2, 10);
    }
    if (from >= endUtc) from = endUtc - seconds(rng, 1, 6);
  }
  return from >= cal.startUtc ? from : null;
}
