/**
 * Aoristic weighting (Ratcliffe & McCullagh 1998; Ratcliffe 2000, 2002): a record known only
 * to lie in [from, to) gives each hour the share of the window that overlaps it, so the
 * weights of one record sum to 1; an exact record (from = to) gives its hour weight 1.
 *
 * Times come in as local wall-clock readings ("local epoch ms", see local-time.ts) and are
 * converted to real instants, so a window over the spring change covers one hour less and
 * one over the autumn change one hour more; the duplicated 02:00 hour collects the weight of
 * both real hours. Because Amsterdam's offset is always a whole number of hours, every real
 * (UTC) hour is exactly one local hour unit, labelled with its local hour, ISO weekday
 * (0 = maandag … 6 = zondag) and month.
 *
 * Speed: no allocation per record, and O(1) work per record: inside a stretch of constant
 * UTC offset local time runs linearly, so the whole hours of a window are added as one run on
 * a timeline of local hours (hour-timeline.ts), folded into the matrix and months at the end.
 */
import { localToUtcFast, utcOffsetAndNextChange } from './fast-local-time';
import { HourTimeline } from './hour-timeline';
import { localToUtc, utcToLocal } from './local-time';

const HOUR = 3_600_000;

export interface Dagdeel {
  name: string;
  /** First local hour (0–23). */
  startHour: number;
  /** Hour after the last (1–24); smaller than startHour for a dagdeel over midnight. */
  endHour: number;
}

export const DEFAULT_DAGDELEN: readonly Dagdeel[] = [
  { name: 'nacht', startHour: 0, endHour: 6 },
  { name: 'ochtend', startHour: 6, endHour: 12 },
  { name: 'middag', startHour: 12, endHour: 18 },
  { name: 'avond', startHour: 18, endHour: 24 },
];

export const DEFAULT_MAX_WINDOW_HOURS = 72;

export interface AoristicOptions {
  /** Longest window (real hours) still spread; longer ones count as "tijdstip onbekend". */
  maxWindowHours?: number;
  /** A partition of the 24 local hours (default nacht/ochtend/middag/avond). */
  dagdelen?: readonly Dagdeel[];
}

export type RecordTiming = 'exact' | 'spread' | 'missing' | 'tooLong' | 'reversed';

export interface AoristicSummary {
  /** 7 × 24 weights, index weekday * 24 + hour (weekday 0 = maandag … 6 = zondag). */
  weekdayHour: Float64Array;
  dagdelen: readonly Dagdeel[];
  /** Weight per dagdeel (same order as `dagdelen`). */
  dagdeelTotals: Float64Array;
  /** 7 × dagdelen.length weights, index weekday * dagdelen.length + dagdeel. */
  weekdayDagdeel: Float64Array;
  /** Weight per month: values[(year − firstYear) * 12 + month − 1]; firstYear null if empty. */
  monthYear: { firstYear: number | null; years: number; values: Float64Array };
  /** Records with a known time; equals the sum of all weights. */
  knownCount: number;
  exactCount: number;
  spreadCount: number;
  /** "Tijdstip onbekend": no start, window longer than the maximum, or end before start. */
  unknown: { missing: number; tooLong: number; reversed: number; total: number };
  /**
   * Records without an exact time (schema time_precision), where the source says so:
   * `leftOut` known to the month or year only (in no weight above, never as midnight),
   * `dayOnly` known to the day, spread over it (among spreadCount).
   */
  imprecise?: { leftOut: number; dayOnly: number };
}

function validateDagdelen(dagdelen: readonly Dagdeel[]): Int32Array {
  const hourToDagdeel = new Int32Array(24).fill(-1);
  dagdelen.forEach((dagdeel, index) => {
    const { startHour: start, endHour: end } = dagdeel;
    const valid = Number.isInteger(start) && Number.isInteger(end) && start >= 0 && start < 24;
    if (!valid || !(end >= 1 && end <= 24) || start === end) {
      throw new RangeError(
        `dagdeel ${dagdeel.name}: hours must be whole, 0 ≤ start < 24, 1 ≤ end ≤ 24`,
      );
    }
    const length = (end - start + 24) % 24 || 24;
    for (let k = 0; k < length; k++) {
      const h = (start + k) % 24;
      if (hourToDagdeel[h] !== -1) throw new RangeError(`dagdelen overlap at hour ${h}`);
      hourToDagdeel[h] = index;
    }
  });
  const gap = hourToDagdeel.indexOf(-1);
  if (gap !== -1) throw new RangeError(`dagdelen leave hour ${gap} uncovered`);
  return hourToDagdeel;
}

/** Accumulates aoristic weights record by record (or column by column) without allocating. */
export class AoristicAccumulator {
  private readonly maxWindowMs: number;
  private readonly dagdelen: readonly Dagdeel[];
  private readonly hourToDagdeel: Int32Array;
  /** The local-hour timeline, from local hour `origin` (hours since the local epoch). */
  private readonly timeline = new HourTimeline();
  private counts = { exact: 0, spread: 0, missing: 0, tooLong: 0, reversed: 0 };

  constructor(options: AoristicOptions = {}) {
    const maxHours = options.maxWindowHours ?? DEFAULT_MAX_WINDOW_HOURS;
    if (!(maxHours >= 0)) throw new RangeError(`maxWindowHours must be ≥ 0, got ${maxHours}`);
    this.maxWindowMs = maxHours * HOUR;
    this.dagdelen = options.dagdelen ?? DEFAULT_DAGDELEN;
    this.hourToDagdeel = validateDagdelen(this.dagdelen);
  }

  /** Adds one record; `to` null/undefined/NaN means exact. Returns how it was counted. */
  add(fromLocal: number | null | undefined, toLocal?: number | null): RecordTiming {
    if (fromLocal == null || !Number.isFinite(fromLocal)) {
      this.counts.missing++;
      return 'missing';
    }
    const start = localToUtcFast(fromLocal);
    const end = toLocal == null || Number.isNaN(toLocal) ? start : localToUtcFast(toLocal);
    const duration = end - start;
    if (duration < 0) {
      this.counts.reversed++;
      return 'reversed';
    }
    if (!(duration <= this.maxWindowMs)) {
      // Also an end at +Infinity (an open window), which makes the duration NaN or Infinity.
      this.counts.tooLong++;
      return 'tooLong';
    }
    if (duration === 0) {
      this.counts.exact++;
      this.addHour(Math.floor((start + utcOffsetAndNextChange(start)[0]) / HOUR), 1);
      return 'exact';
    }
    this.counts.spread++;
    let t = start;
    while (t < end) {
      const [offset, nextChange] = utcOffsetAndNextChange(t);
      const stop = Math.min(end, nextChange);
      this.addLocalSpan(t + offset, stop + offset, duration);
      t = stop;
    }
    return 'spread';
  }

  /**
   * Adds `count` exact records at one local time — the same as `count` calls of
   * add(fromLocal), for counts grouped by hour in the database (an hour truncated in SQL
   * lands in the same cell: the spring gap's 02:00 is read as 03:00 either way).
   */
  addExact(fromLocal: number | null | undefined, count: number): void {
    if (!(count > 0)) return;
    if (fromLocal == null || !Number.isFinite(fromLocal)) {
      this.counts.missing += count;
      return;
    }
    const start = localToUtcFast(fromLocal);
    this.counts.exact += count;
    this.addHour(Math.floor((start + utcOffsetAndNextChange(start)[0]) / HOUR), count);
  }

  /**
   * Adds weight spread elsewhere (aoristic-events.ts: windows given as UTC instants) to a
   * local hour (hours since the local epoch). The records it came from are counted with
   * addTimings.
   */
  addLocalHourWeight(localHour: number, w: number): void {
    this.addHour(localHour, w);
  }

  /** Counts records whose weight arrives through addLocalHourWeight. */
  addTimings(counts: Readonly<Record<RecordTiming, number>>): void {
    for (const timing of Object.keys(this.counts) as RecordTiming[]) {
      this.counts[timing] += counts[timing];
    }
  }

  /** Adds columns of local epoch ms (e.g. from an Arrow batch); `to` null = all exact. */
  addColumns(from: ArrayLike<number>, to: ArrayLike<number> | null = null): void {
    for (let i = 0; i < from.length; i++) this.add(from[i], to === null ? null : to[i]);
  }

  /** [startLocal, endLocal) with one UTC offset throughout, so local time runs linearly. */
  private addLocalSpan(startLocal: number, endLocal: number, duration: number): void {
    let t = startLocal;
    const firstHourEnd = Math.ceil(startLocal / HOUR) * HOUR;
    if (firstHourEnd !== startLocal) {
      const stop = Math.min(endLocal, firstHourEnd);
      this.addHour(Math.floor(startLocal / HOUR), (stop - startLocal) / duration);
      t = stop;
      if (t >= endLocal) return;
    }
    const wholeEnd = Math.floor(endLocal / HOUR) * HOUR;
    if (wholeEnd > t) this.addWholeHours(t / HOUR, wholeEnd / HOUR, HOUR / duration);
    if (endLocal > wholeEnd) this.addHour(wholeEnd / HOUR, (endLocal - wholeEnd) / duration);
  }

  /** Local hours [h0, h1) (hours since the local epoch), each with weight w. */
  private addWholeHours(h0: number, h1: number, w: number): void {
    this.timeline.addRange(h0, h1, w);
  }

  private addHour(localHour: number, w: number): void {
    this.timeline.add(localHour, w);
  }

  summarize(): AoristicSummary {
    const weekdayHour = new Float64Array(168);
    const nDagdelen = this.dagdelen.length;
    const dagdeelTotals = new Float64Array(nDagdelen);
    const weekdayDagdeel = new Float64Array(7 * nDagdelen);
    const months = this.timeline.fold(weekdayHour);
    for (let wd = 0; wd < 7; wd++) {
      for (let h = 0; h < 24; h++) {
        const value = weekdayHour[wd * 24 + h];
        const d = this.hourToDagdeel[h];
        dagdeelTotals[d] += value;
        weekdayDagdeel[wd * nDagdelen + d] += value;
      }
    }
    const { exact, spread, missing, tooLong, reversed } = this.counts;
    const empty = months.values.length === 0;
    return {
      weekdayHour,
      dagdelen: this.dagdelen,
      dagdeelTotals,
      weekdayDagdeel,
      monthYear: {
        firstYear: empty ? null : months.firstYear,
        years: months.values.length / 12,
        values: months.values,
      },
      knownCount: exact + spread,
      exactCount: exact,
      spreadCount: spread,
      unknown: { missing, tooLong, reversed, total: missing + tooLong + reversed },
    };
  }
}

/** Aoristic summary of columns of local epoch ms (`to` null: all records exact). */
export function accumulateAoristic(
  from: ArrayLike<number>,
  to: ArrayLike<number> | null,
  options: AoristicOptions = {},
): AoristicSummary {
  const accumulator = new AoristicAccumulator(options);
  accumulator.addColumns(from, to);
  return accumulator.summarize();
}

export interface HourWeight {
  /** Local epoch ms of the start of the local hour (the label; 02:00 twice in autumn). */
  localHour: number;
  weight: number;
}

/**
 * The weights of a single record, one entry per real hour it overlaps (for display and for
 * checking the accumulator). Empty when the time is unknown.
 */
export function computeAoristicWeights(
  fromLocal: number | null,
  toLocal: number | null,
  options: Pick<AoristicOptions, 'maxWindowHours'> = {},
): { timing: RecordTiming; weights: HourWeight[] } {
  if (fromLocal == null || !Number.isFinite(fromLocal)) return { timing: 'missing', weights: [] };
  const start = localToUtc(fromLocal);
  const end = toLocal == null || Number.isNaN(toLocal) ? start : localToUtc(toLocal);
  const maxMs = (options.maxWindowHours ?? DEFAULT_MAX_WINDOW_HOURS) * HOUR;
  if (end < start) return { timing: 'reversed', weights: [] };
  if (!(end - start <= maxMs)) return { timing: 'tooLong', weights: [] };
  const floorHour = (ms: number) => Math.floor(ms / HOUR) * HOUR;
  if (end === start) {
    return { timing: 'exact', weights: [{ localHour: floorHour(utcToLocal(start)), weight: 1 }] };
  }
  const weights: HourWeight[] = [];
  for (let hour = floorHour(start); hour < end; hour += HOUR) {
    const overlap = Math.min(end, hour + HOUR) - Math.max(start, hour);
    weights.push({ localHour: utcToLocal(hour), weight: overlap / (end - start) });
  }
  return { timing: 'spread', weights };
}
