/**
 * The hot-times charts' data as tables and CSV (for the "toon als tabel" alternative and the
 * export), and the share of records whose time is unknown or spread, in words.
 *
 * The dagdeel table (total column, one column per weekday) and the hour × weekday matrix
 * add up: a row's weekdays to its total, and a weekday's hours within a dagdeel to that
 * dagdeel's cell. Both exports are therefore protected together (`protectTimes`), so that no
 * small weight comes back from "total minus the shown weekdays" nor from "dagdeel cell minus
 * the shown hours" (analysis/suppression.ts).
 */
import { MONTH_NAMES, WEEKDAY_NAMES } from '$lib/format/nl';
import type { AoristicSummary, Dagdeel } from './aoristic';
import { buildCsv, type CsvColumn } from './csv-export';
import { protectCells, type CellState, type Margin } from './suppression';

/** Re-exported for the views that name weekdays and months beside these tables. */
export { MONTH_NAMES as MONTHS, WEEKDAY_NAMES as WEEKDAYS };

export interface TimingShare {
  total: number;
  known: number;
  exact: number;
  spread: number;
  unknown: number;
  missing: number;
  tooLong: number;
  reversed: number;
  /** Known to the month or year only: no hour or weekday, not counted (in `unknown`). */
  leftOut: number;
  /** Known to the day only: spread over that day (in `spread`). */
  dayOnly: number;
  /** 0–100; 0 when there are no records. */
  unknownPercent: number;
  spreadPercent: number;
}

export function timingShare(summary: AoristicSummary): TimingShare {
  const leftOut = summary.imprecise?.leftOut ?? 0;
  const unknown = summary.unknown.total + leftOut;
  const total = summary.knownCount + unknown;
  const pct = (n: number) => (total === 0 ? 0 : (n / total) * 100);
  return {
    total,
    known: summary.knownCount,
    exact: summary.exactCount,
    spread: summary.spreadCount,
    unknown,
    missing: summary.unknown.missing,
    tooLong: summary.unknown.tooLong,
    reversed: summary.unknown.reversed,
    leftOut,
    dayOnly: summary.imprecise?.dayOnly ?? 0,
    unknownPercent: pct(unknown),
    spreadPercent: pct(summary.spreadCount),
  };
}

const weightColumn = <R>(
  label: string,
  value: (r: R) => number,
  state?: (r: R) => CellState,
): CsvColumn<R> => ({ label, kind: 'count', value, decimals: 1, state });

/** States of the Tijden tables' cells after primary and complementary suppression. */
export interface TimesProtection {
  /** 7 × 24, index weekday × 24 + hour. */
  weekdayHour: CellState[];
  /** 7 × dagdelen, index weekday × dagdelen + dagdeel. */
  weekdayDagdeel: CellState[];
  dagdeelTotals: CellState[];
}

/** Which hour a dagdeel index covers: the one the summary assigned it to. */
function dagdeelOfHour(dagdelen: readonly Dagdeel[], hour: number): number {
  return dagdelen.findIndex((d) =>
    d.startHour < d.endHour
      ? hour >= d.startHour && hour < d.endHour
      : hour >= d.startHour || hour < d.endHour,
  );
}

/** Suppression of the hour matrix and the dagdeel table together (shown to one decimal). */
export function protectTimes(summary: AoristicSummary): TimesProtection {
  const k = summary.dagdelen.length;
  const values = [...summary.weekdayHour, ...summary.weekdayDagdeel, ...summary.dagdeelTotals];
  const cellOf = (d: number, i: number) => 168 + d * k + i;
  const margins: Margin[] = summary.dagdelen.map((_, i) => ({
    totals: [168 + 7 * k + i],
    parts: WEEKDAY_NAMES.map((_, d) => cellOf(d, i)),
  }));
  for (let d = 0; d < 7; d++) {
    const blocks = summary.dagdelen.map((): number[] => []);
    for (let h = 0; h < 24; h++) blocks[dagdeelOfHour(summary.dagdelen, h)]?.push(d * 24 + h);
    blocks.forEach((parts, i) => margins.push({ totals: [cellOf(d, i)], parts }));
  }
  const states = protectCells(values, margins, { rounding: 0.05 });
  return {
    weekdayHour: states.slice(0, 168),
    weekdayDagdeel: states.slice(168, 168 + 7 * k),
    dagdeelTotals: states.slice(168 + 7 * k),
  };
}

/** Rows weekday × hour: one line per weekday, a column per hour. */
export function hourMatrixCsv(
  summary: AoristicSummary,
  protection = protectTimes(summary),
): string {
  const rows = WEEKDAY_NAMES.map((name, d) => ({ name, d }));
  const columns: CsvColumn<{ name: string; d: number }>[] = [
    { label: 'Weekdag', kind: 'text', value: (r) => r.name },
    ...Array.from({ length: 24 }, (_, h) =>
      weightColumn<{ name: string; d: number }>(
        `${String(h).padStart(2, '0')}:00`,
        (r) => summary.weekdayHour[r.d * 24 + h],
        (r) => protection.weekdayHour[r.d * 24 + h],
      ),
    ),
  ];
  return buildCsv(columns, rows);
}

export function dagdeelCsv(
  summary: AoristicSummary,
  labels: readonly string[],
  protection = protectTimes(summary),
): string {
  type DagdeelRow = { label: string; i: number };
  const rows: DagdeelRow[] = summary.dagdelen.map((d: Dagdeel, i) => ({
    label: labels[i] ?? d.name,
    i,
  }));
  const k = summary.dagdelen.length;
  return buildCsv<DagdeelRow>(
    [
      { label: 'Dagdeel', kind: 'text', value: (r) => r.label },
      weightColumn(
        'Gewogen aantal',
        (r) => summary.dagdeelTotals[r.i],
        (r) => protection.dagdeelTotals[r.i],
      ),
      ...WEEKDAY_NAMES.map((name, d) =>
        weightColumn<DagdeelRow>(
          name,
          (r) => summary.weekdayDagdeel[d * k + r.i],
          (r) => protection.weekdayDagdeel[d * k + r.i],
        ),
      ),
    ],
    rows,
  );
}

/** A month as year × 12 + month − 1, from 'YYYY-MM-DD'. */
const monthOf = (day: string) => Number(day.slice(0, 4)) * 12 + Number(day.slice(5, 7)) - 1;

/**
 * Per year the twelve monthly weights; null for months outside `period` (the days the data
 * covers, 'YYYY-MM-DD'), so "no data" is not drawn as "nothing happened".
 */
export function seasonSeries(
  summary: AoristicSummary,
  period?: { first: string | null; last: string | null } | null,
): { year: number; values: (number | null)[] }[] {
  const { firstYear, years, values } = summary.monthYear;
  if (firstYear === null) return [];
  const lo = period?.first ? monthOf(period.first) : -Infinity;
  const hi = period?.last ? monthOf(period.last) : Infinity;
  return Array.from({ length: years }, (_, y) => ({
    year: firstYear + y,
    values: Array.from({ length: 12 }, (_, m) => {
      const index = (firstYear + y) * 12 + m;
      return index < lo || index > hi ? null : values[y * 12 + m];
    }),
  }));
}

export function seasonCsv(
  summary: AoristicSummary,
  period?: { first: string | null; last: string | null } | null,
): string {
  const series = seasonSeries(summary, period);
  return buildCsv(
    [
      { label: 'Maand', kind: 'text', value: (m: number) => MONTH_NAMES[m] },
      ...series.map((s) => weightColumn<number>(String(s.year), (m) => s.values[m] ?? NaN)),
    ],
    Array.from({ length: 12 }, (_, m) => m),
  );
}
