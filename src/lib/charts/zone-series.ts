/**
 * Chart config for an intervention evaluation: monthly counts in the target area, the
 * buffer and the control area. The control area is usually far larger, so it gets its own
 * axis on the right; without that the two small lines would lie flat on the bottom.
 */
import type { ChartConfiguration } from 'chart.js';
import { ZONE_LABELS, type ZoneMonth } from '$lib/analysis/intervention-zones';
import { formatMonthKey } from '$lib/format/nl';
import { buildTwoAxisLinesConfig } from './two-axis-lines';

// Okabe-Ito colours: distinguishable with colour-vision deficiencies; lines also differ
// in dash pattern so they can be told apart without colour.
const STYLES = {
  target: { color: '#D55E00', dash: [] },
  buffer: { color: '#0072B2', dash: [6, 3] },
  control: { color: '#555555', dash: [2, 2] },
} as const;

export function buildZoneChartConfig(months: readonly ZoneMonth[]): ChartConfiguration<'line'> {
  const line = (zone: keyof typeof STYLES, axis: 'y' | 'y2') => ({
    label: zone === 'control' ? `${ZONE_LABELS[zone]} (rechteras)` : ZONE_LABELS[zone],
    data: months.map((m) => m[zone]),
    color: STYLES[zone].color,
    dash: STYLES[zone].dash,
    axis,
  });
  return buildTwoAxisLinesConfig(
    months.map((m) => formatMonthKey(m.month)),
    [line('target', 'y'), line('buffer', 'y'), line('control', 'y2')],
    { left: 'Doelgebied en buffer (per maand)', right: 'Controlegebied (per maand)' },
  );
}
