/**
 * The Wijken view's data as CSV (monthly series per wijk, visits per week per
 * aandachtslocatie) with small counts suppressed, and the test results in words.
 */
import { buildCsv } from './csv-export';
import type { CellState } from './suppression';
import type { TrendComparison, UnavailableComparison, YearMonth } from './trend-flags';
import { formatDutchNumber } from './trend-flags';
import type { TrendPanel } from './wijk-trends';

const monthText = (m: YearMonth) => `${m.year}-${String(m.month).padStart(2, '0')}`;

/**
 * One line per month: count and (where the population is known) rate per 1,000. `states`:
 * each month's suppression from the whole view (trend-protection.ts), so that no "<5" comes
 * back from this file and another panel's; without it each count on its own.
 */
export function trendPanelCsv(
  panel: TrendPanel,
  months: readonly YearMonth[],
  states?: readonly CellState[],
): string {
  const rows = months.map((m, i) => ({ m, i }));
  const state = states ? (r: { i: number }) => states[r.i] : undefined;
  return buildCsv(
    [
      { label: 'Maand', kind: 'text', value: (r) => monthText(r.m) },
      { label: 'Wijk', kind: 'text', value: () => panel.wijk.name },
      { label: 'Thema', kind: 'text', value: () => panel.theme ?? 'alle thema’s' },
      { label: 'Aantal', kind: 'count', value: (r) => panel.counts[r.i], state },
      {
        label: 'Per 1.000 inwoners',
        kind: 'number',
        decimals: 2,
        value: (r) => panel.per1000?.[r.i] ?? null,
        derivedFrom: (r) => panel.counts[r.i],
        state,
      },
    ],
    rows,
  );
}

/** Visits per week per month against the target (visits are the team's own, not people). */
export function visitsCsv(
  name: string,
  months: readonly YearMonth[],
  perWeek: readonly number[],
  target: number | null,
): string {
  return buildCsv(
    [
      { label: 'Maand', kind: 'text', value: (i: number) => monthText(months[i]) },
      { label: 'Aandachtslocatie', kind: 'text', value: () => name },
      { label: 'Bezoeken per week', kind: 'number', value: (i) => perWeek[i], decimals: 2 },
      { label: 'Doel per week', kind: 'number', value: () => target, decimals: 1 },
    ],
    months.map((_, i) => i),
  );
}

/** The explanation of a comparison, or why it cannot be made. */
export function comparisonText(c: TrendComparison | UnavailableComparison): string {
  return c.available ? c.explanation : c.reason;
}

/** "Grenzen 310–390 (3σ) voor deze periode": the baseline's control limits in words. */
export function controlLimitText(c: { controlLimits: { lower: number; upper: number } }): string {
  const { lower, upper } = c.controlLimits;
  return `Controlegrenzen (3σ) voor deze periode: ${formatDutchNumber(lower, 1)} tot ${formatDutchNumber(upper, 1)}`;
}
