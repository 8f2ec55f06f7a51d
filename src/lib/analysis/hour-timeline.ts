/**
 * Weights on a timeline of local hours (hours since the local epoch), for aoristic
 * accumulation: a single hour is added in place, a run of whole hours in O(1) as a
 * difference (+w where it starts, −w where it ends) that is summed once at the end. Folding
 * the timeline into the weekday × hour matrix and the months then costs one step per hour of
 * the data's span (some 26,000 for three years), however many records there were.
 *
 * A running sum of differences leaves rounding residue (1e-17) where the runs cancel; a
 * count of open runs resets it to exactly 0 wherever no run is open, so hours without any
 * weight stay exactly 0.
 */
import { monthIndexOfDay, weekdayOfDay } from './fast-local-time';

const CHUNK = 24 * 366;

export class HourTimeline {
  private origin = 0;
  private hourly = new Float64Array(0);
  /** Difference of the weight of runs of whole hours: index i changes hour origin + i. */
  private diff = new Float64Array(0);
  /** Difference of the number of open runs, to know where the running sum must be 0. */
  private open = new Int32Array(0);
  private minHour = Infinity;
  private maxHour = -Infinity;

  /** Adds weight w to local hour h. */
  add(h: number, w: number): void {
    this.reserve(h, h + 1);
    this.hourly[h - this.origin] += w;
  }

  /** Adds weight w to every local hour in [h0, h1). */
  addRange(h0: number, h1: number, w: number): void {
    if (!(h1 > h0)) return;
    this.reserve(h0, h1);
    const a = h0 - this.origin;
    const b = h1 - this.origin;
    this.diff[a] += w;
    this.diff[b] -= w;
    this.open[a]++;
    this.open[b]--;
  }

  /**
   * Calls `visit(h, weight)` for every hour from the first to the last one added, in order
   * (the running sum of the runs reset to exactly 0 wherever no run is open, as in fold).
   */
  forEachHour(visit: (h: number, weight: number) => void): void {
    let running = 0;
    let openRuns = 0;
    for (let h = this.minHour; h <= this.maxHour; h++) {
      const i = h - this.origin;
      running += this.diff[i];
      openRuns += this.open[i];
      if (openRuns === 0) running = 0;
      visit(h, this.hourly[i] + running);
    }
  }

  /**
   * Keeps hours [h0, h1), the end marker at h1 and the rest of their days inside the buffers:
   * fold reads whole days, from the first day's 00 h to the last day's 23 h, so reserving
   * only up to the latest hour let it read past the end (NaN cells, issue 23).
   */
  private reserve(h0: number, h1: number): void {
    if (h0 < this.minHour) this.minHour = h0;
    if (h1 - 1 > this.maxHour) this.maxHour = h1 - 1;
    const dayStart = Math.floor(h0 / 24) * 24;
    // Exclusive end: past the end marker at h1 and past the last day that fold reads.
    const dayEnd = Math.floor(h1 / 24) * 24 + 24;
    const length = this.hourly.length;
    if (length > 0 && dayStart >= this.origin && dayEnd <= this.origin + length) return;
    const low = length === 0 ? dayStart - CHUNK : Math.min(this.origin, dayStart - CHUNK);
    const high = length === 0 ? dayEnd + CHUNK : Math.max(this.origin + length, dayEnd + CHUNK);
    const shift = length === 0 ? 0 : this.origin - low;
    const grow = <T extends Float64Array | Int32Array>(old: T, make: (n: number) => T): T => {
      const next = make(high - low + 1);
      next.set(old, shift);
      return next;
    };
    this.hourly = grow(this.hourly, (n) => new Float64Array(n));
    this.diff = grow(this.diff, (n) => new Float64Array(n));
    this.open = grow(this.open, (n) => new Int32Array(n));
    this.origin = low;
  }

  /**
   * Adds every hour's weight to `weekdayHour` (index weekday * 24 + hour, 0 = maandag) and
   * returns the weight per month: values[(year − firstYear) * 12 + month − 1] over the whole
   * years from the first to the last hour with weight (empty when nothing was added).
   */
  fold(weekdayHour: Float64Array): { firstYear: number; values: Float64Array } {
    if (this.minHour > this.maxHour) return { firstYear: 0, values: new Float64Array(0) };
    const firstDay = Math.floor(this.minHour / 24);
    const lastDay = Math.floor(this.maxHour / 24);
    const firstMonth = monthIndexOfDay(firstDay);
    const firstYear = Math.floor(firstMonth / 12);
    const lastYear = Math.floor(monthIndexOfDay(lastDay) / 12);
    const values = new Float64Array((lastYear - firstYear + 1) * 12);
    let running = 0;
    let openRuns = 0;
    // Runs cannot start before minHour, so the sums start at 0 there.
    for (let day = firstDay; day <= lastDay; day++) {
      const base = weekdayOfDay(day) * 24;
      const slot = monthIndexOfDay(day) - firstYear * 12;
      let dayTotal = 0;
      const i0 = day * 24 - this.origin;
      for (let k = 0; k < 24; k++) {
        const i = i0 + k;
        running += this.diff[i];
        openRuns += this.open[i];
        if (openRuns === 0) running = 0;
        const value = this.hourly[i] + running;
        weekdayHour[base + k] += value;
        dayTotal += value;
      }
      values[slot] += dayTotal;
    }
    return { firstYear, values };
  }
}
