/**
 * Aoristic windows given as real instants (UTC epoch ms, converted once in the database,
 * see data/queries/facts-windows.ts), spread over UTC hours and folded into an
 * AoristicAccumulator — the same weights as AoristicAccumulator.add on local readings, with
 * no time-zone work per record.
 *
 * A window [s, e) of duration d gives, exactly as AoristicAccumulator.add does:
 * - its first, partial hour floor(s / 1h) the weight (min(e, ceil(s / 1h) · 1h) − s) / d;
 * - every whole hour in [ceil(s / 1h), floor(e / 1h)) the weight 1h / d, as one run on an
 *   hour timeline (O(1) per record);
 * - its last, partial hour floor(e / 1h) the weight (e − floor(e / 1h) · 1h) / d;
 * and a zero-length window its hour the weight 1 (an exact record).
 *
 * Folding runs over the UTC hours and labels each with its local hour: Amsterdam's offset
 * is a whole number of hours, so every UTC hour is one local hour; in autumn two UTC hours
 * share the local 02:00, in spring no UTC hour is 02:00 — as in the record-by-record
 * accumulator.
 */
import type { AoristicAccumulator } from './aoristic';
import { utcOffsetAndNextChange } from './fast-local-time';
import { HourTimeline } from './hour-timeline';

const HOUR = 3_600_000;

export class UtcWindowSpreader {
  private readonly timeline = new HourTimeline();
  // Plain fields, not a record keyed by timing: this runs for every window.
  private exact = 0;
  private spread = 0;
  private missing = 0;
  private tooLong = 0;
  private reversed = 0;

  /** @param maxWindowMs longest window still spread; longer ones are "tijdstip onbekend". */
  constructor(private readonly maxWindowMs: number) {}

  /** Adds one window [s, e) in UTC epoch ms (s null: no time known). */
  add(s: number | null, e: number): void {
    if (s === null || !Number.isFinite(s)) {
      this.missing++;
      return;
    }
    const d = e - s;
    if (d < 0) {
      this.reversed++;
      return;
    }
    if (!(d <= this.maxWindowMs)) {
      this.tooLong++;
      return;
    }
    const first = Math.floor(s / HOUR);
    if (d === 0) {
      this.timeline.add(first, 1);
      this.exact++;
      return;
    }
    const wholeStart = Math.ceil(s / HOUR);
    const wholeEnd = Math.floor(e / HOUR);
    if (wholeStart !== first) this.timeline.add(first, (Math.min(e, wholeStart * HOUR) - s) / d);
    if (wholeEnd > wholeStart) this.timeline.addRange(wholeStart, wholeEnd, HOUR / d);
    if (wholeEnd >= wholeStart && e > wholeEnd * HOUR) {
      this.timeline.add(wholeEnd, (e - wholeEnd * HOUR) / d);
    }
    this.spread++;
  }

  /** Adds every hour's weight to the accumulator's local hour, and the windows' counts. */
  foldInto(accumulator: AoristicAccumulator): void {
    let offsetHours = 0;
    let nextChange = -Infinity;
    this.timeline.forEachHour((h, weight) => {
      if (weight === 0) return;
      const t = h * HOUR;
      if (t >= nextChange) {
        // Hours come in increasing order: the offset holds until its next change.
        const [offset, next] = utcOffsetAndNextChange(t);
        offsetHours = offset / HOUR;
        nextChange = next;
      }
      accumulator.addLocalHourWeight(h + offsetHours, weight);
    });
    const { exact, spread, missing, tooLong, reversed } = this;
    accumulator.addTimings({ exact, spread, missing, tooLong, reversed });
  }
}
