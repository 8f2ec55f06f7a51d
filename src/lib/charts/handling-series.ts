/**
 * Chart config for the handling of meldingen over time: the median doorlooptijd of the
 * meldingen handled each month (days, left axis) and the share handled within the norm
 * (%, right axis, 0–100). A month with fewer than MIN_HANDLED handled meldingen has no
 * point: a median of two or three says little, and it would sit beside a small count.
 */
import type { ChartConfiguration } from 'chart.js';
import { shareWithinNorm, type HandlingMonth } from '$lib/analysis/melding-handling';
import { SUPPRESSION_THRESHOLD } from '$lib/analysis/suppression';
import { formatMonthKey } from '$lib/format/nl';
import { buildTwoAxisLinesConfig } from './two-axis-lines';

export const MIN_HANDLED = SUPPRESSION_THRESHOLD;

export function buildHandlingChartConfig(
  months: readonly HandlingMonth[],
): ChartConfiguration<'line'> {
  const shown = (m: HandlingMonth) => m.closed >= MIN_HANDLED;
  const config = buildTwoAxisLinesConfig(
    months.map((m) => formatMonthKey(m.month)),
    [
      {
        label: 'Mediane doorlooptijd (dagen)',
        data: months.map((m) => (shown(m) ? m.medianDays : null)),
        color: '#0072B2',
        dash: [],
        axis: 'y',
      },
      {
        label: 'Binnen de norm (%, rechteras)',
        data: months.map((m) => {
          const share = shown(m) ? shareWithinNorm(m) : null;
          return share === null ? null : Math.round(share * 1000) / 10;
        }),
        color: '#D55E00',
        dash: [6, 3],
        axis: 'y2',
      },
    ],
    { left: 'Mediane doorlooptijd (dagen)', right: 'Afgehandeld binnen de norm (%)' },
  );
  const y2 = config.options?.scales?.y2;
  if (y2) Object.assign(y2, { max: 100 });
  return config;
}
