/**
 * The series behind the management report's charts, safe to print: a line point is a count,
 * so a point of 1–4 is not drawn (a gap), and because the points of a series add up to a
 * total that the report shows in a table, one more point is left out where the gap could be
 * worked back from that total (complementary suppression, suppression.ts). A series whose
 * printed total would itself have to be hidden is not drawn at all.
 *
 * The intervention's chart is drawn per quarter, half year or year in the report, the finest
 * that leaves nothing out: per month, the target area's counts after a successful
 * intervention are mostly below 5 and its line would be all gaps.
 */
import type { BeforeAfter } from './displacement';
import { ZONES, type Period, type Zone, type ZoneRecord } from './intervention-zones';
import { protectCells, SUPPRESSION_THRESHOLD, type Margin } from './suppression';

/** A total that the report shows, and the points (indices) that add up to it. */
export interface SeriesTotal {
  total: number;
  points: readonly number[];
}

/**
 * The series with every point that must not be printed as null. `totals`: the shown totals
 * and the points that add up to each.
 */
export function protectSeries(
  values: readonly number[],
  totals: readonly SeriesTotal[],
): (number | null)[] {
  const cells = [...values, ...totals.map((t) => t.total)];
  const totalCell = (i: number) => values.length + i;
  const margins: Margin[] = totals.map((t, i) => ({ totals: [totalCell(i)], parts: t.points }));
  const states = protectCells(cells, margins);
  // A total the table prints in full may not be the one hidden: then draw nothing.
  const totalHidden = totals.some(
    (t, i) => states[totalCell(i)] === 'complement' && t.total >= SUPPRESSION_THRESHOLD,
  );
  return values.map((v, i) => (totalHidden || states[i] !== 'shown' ? null : v));
}

/** Demand per month of the period and of the same months a year earlier. */
export interface DemandComparison {
  /** 'YYYY-MM' of the period. */
  months: string[];
  current: (number | null)[];
  previous: (number | null)[];
}

/**
 * Both series protected, each against its own total (which the report's tables give:
 * the KPI table this period, the trend table a year earlier). A null month (before the
 * data begin) stays null.
 */
export function protectDemand(
  months: string[],
  current: readonly (number | null)[],
  previous: readonly (number | null)[],
): DemandComparison {
  const protect = (values: readonly (number | null)[]) => {
    const known = values.flatMap((v, i) => (v === null ? [] : [i]));
    const counts = values.map((v) => v ?? 0);
    const total = counts.reduce((a, b) => a + b, 0);
    const shown = protectSeries(counts, [{ total, points: known }]);
    return shown.map((v, i) => (values[i] === null ? null : v));
  };
  return { months, current: protect(current), previous: protect(previous) };
}

/** Counts of one block of days (both inclusive, 'YYYY-MM-DD'); null: not to be drawn. */
export type ZoneBin = { from: string; to: string; hidden: boolean } & Record<Zone, number | null>;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** `date` plus `months` calendar months (the 31st becomes the month's last day). */
function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return iso(Date.UTC(y, m - 1 + months, Math.min(d, last)));
}

/** The period in blocks of `size` months from its first day; the last may be shorter. */
function blocksOf(period: Period, size: number): Period[] {
  const out: Period[] = [];
  for (let k = 0; ; k++) {
    const from = addMonths(period.from, k * size);
    if (from > period.to) return out;
    const next = addMonths(period.from, (k + 1) * size);
    const to = iso(Date.parse(next + 'T00:00:00Z') - DAY);
    out.push({ from, to: to < period.to ? to : period.to });
  }
}

type Placed = { day: string; zone: Zone };

/**
 * The records of each zone per block of `size` months of the period before and of the
 * period after — blocks never straddle the start, so the marker lies between two points
 * and each period's blocks add up to its count in the report's table — each zone
 * protected against those two totals. Records in neither period are left out.
 */
export function buildReportZoneBins(
  records: readonly ZoneRecord[],
  classify: (record: ZoneRecord) => Zone | null,
  periods: { before: Period; after: Period },
  size = 3,
): ZoneBin[] {
  return binPlaced(place(records, classify), periods, size);
}

function place(records: readonly ZoneRecord[], classify: (r: ZoneRecord) => Zone | null) {
  return records.flatMap((r): Placed[] => {
    const zone = classify(r);
    return zone === null ? [] : [{ day: r.day, zone }];
  });
}

function binPlaced(
  placed: readonly Placed[],
  periods: { before: Period; after: Period },
  size: number,
): ZoneBin[] {
  const blocks = [...blocksOf(periods.before, size), ...blocksOf(periods.after, size)];
  const sums = blocks.map(() => ({ target: 0, buffer: 0, control: 0 }));
  const totals: Record<Zone, BeforeAfter> = {
    target: { before: 0, after: 0 },
    buffer: { before: 0, after: 0 },
    control: { before: 0, after: 0 },
  };
  for (const { day, zone } of placed) {
    const i = blocks.findIndex((b) => day >= b.from && day <= b.to);
    if (i < 0) continue;
    sums[i][zone]++;
    totals[zone][day < periods.after.from ? 'before' : 'after']++;
  }
  const split = blocks.findIndex((b) => b.from >= periods.after.from);
  const indices = blocks.map((_, i) => i);
  const shown = Object.fromEntries(
    ZONES.map((z) => [
      z,
      protectSeries(
        sums.map((s) => s[z]),
        [
          { total: totals[z].before, points: indices.slice(0, split) },
          { total: totals[z].after, points: indices.slice(split) },
        ],
      ),
    ]),
  ) as Record<Zone, (number | null)[]>;
  // A block with records but nothing to draw is marked, so a coarser block can be tried.
  return blocks.map((b, i) => ({
    ...b,
    target: shown.target[i],
    buffer: shown.buffer[i],
    control: shown.control[i],
    hidden: ZONES.some((z) => shown[z][i] === null && sums[i][z] > 0),
  }));
}

/** Block sizes the report tries, in months: a quarter, half a year, a year. */
export const REPORT_BLOCK_MONTHS = [3, 6, 12] as const;

/**
 * The finest blocks of REPORT_BLOCK_MONTHS in which no area's count has to be left out
 * (else the coarsest): per quarter, a successful intervention's target area often has
 * fewer than 5 registrations and its line would be all gaps.
 */
export function buildReportZoneChart(
  records: readonly ZoneRecord[],
  classify: (record: ZoneRecord) => Zone | null,
  periods: { before: Period; after: Period },
): { monthsPerPoint: number; bins: ZoneBin[] } {
  const placed = place(records, classify);
  let bins: ZoneBin[] = [];
  for (const size of REPORT_BLOCK_MONTHS) {
    bins = binPlaced(placed, periods, size);
    if (!bins.some((b) => b.hidden)) return { monthsPerPoint: size, bins };
  }
  return { monthsPerPoint: REPORT_BLOCK_MONTHS.at(-1)!, bins };
}
