/**
 * Weekday and month names and month labels as the views show them (format/nl.ts, the one
 * place they are written), and the two-axis Management charts built on them.
 */
import { describe, expect, it } from 'vitest';
import { buildKpiChartConfig } from '../../src/lib/charts/kpi-series';
import { buildZoneChartConfig } from '../../src/lib/charts/zone-series';
import {
  formatMonthKey,
  formatMonthShortYear,
  MONTH_NAMES,
  MONTH_SHORT,
  WEEKDAY_NAMES,
  weekdayOfJsDay,
} from '../../src/lib/format/nl';

describe('Dutch weekday and month names', () => {
  it('lists weekdays from Monday and months from January', () => {
    expect(WEEKDAY_NAMES.join(' ')).toBe(
      'maandag dinsdag woensdag donderdag vrijdag zaterdag zondag',
    );
    expect(MONTH_NAMES[0]).toBe('januari');
    expect(MONTH_NAMES[2]).toBe('maart');
    expect(MONTH_NAMES[11]).toBe('december');
    expect(MONTH_SHORT).toHaveLength(12);
    expect(MONTH_SHORT[2]).toBe('mrt');
    expect(MONTH_SHORT[9]).toBe('okt');
  });

  it('names the weekday of a date (JavaScript counts from Sunday)', () => {
    // 7 December 2026 is a Monday; 6 December a Sunday.
    expect(weekdayOfJsDay(new Date('2026-12-07T12:00:00Z').getUTCDay())).toBe('maandag');
    expect(weekdayOfJsDay(new Date('2026-12-06T12:00:00Z').getUTCDay())).toBe('zondag');
  });

  it('labels a month key with its year, and a trend month with a short year', () => {
    expect(formatMonthKey('2025-11')).toBe('nov 2025');
    expect(formatMonthKey('2026-03')).toBe('mrt 2026');
    expect(formatMonthShortYear({ year: 2025, month: 11 })).toBe('nov 25');
    expect(formatMonthShortYear({ year: 2026, month: 1 })).toBe('jan 26');
  });
});

describe('Management line charts with a right-hand axis', () => {
  const kpiMonth = (month: string, n: number) => ({
    month,
    meldingen: n,
    incidents: 2 * n,
    visits: 3,
    visitHours: 4.6,
  });

  it('draws meldingen and incidents on the left, visit hours on the right', () => {
    const config = buildKpiChartConfig([kpiMonth('2025-11', 1), kpiMonth('2025-12', 5)]);
    expect(config.data.labels).toEqual(['nov 2025', 'dec 2025']);
    const lines = config.data.datasets.map((d) => [d.label, d.yAxisID, d.data]);
    expect(lines).toEqual([
      ['Meldingen', 'y', [1, 5]],
      ['Incidenten', 'y', [2, 10]],
      ['Bezoekuren (rechteras)', 'y2', [5, 5]],
    ]);
    const scales = config.options!.scales as Record<string, { title: { text: string } }>;
    expect(scales.y.title.text).toBe('Aantal per maand');
    expect(scales.y2.title.text).toBe('Bezoekuren per maand');
  });

  it('draws the control area on the right, target and buffer on the left, in other dashes', () => {
    const config = buildZoneChartConfig([{ month: '2026-01', target: 4, buffer: 2, control: 90 }]);
    expect(config.data.labels).toEqual(['jan 2026']);
    const lines = config.data.datasets.map((d) => [d.label, d.yAxisID, d.data]);
    expect(lines).toEqual([
      ['Doelgebied', 'y', [4]],
      ['Buffer', 'y', [2]],
      ['Controlegebied (rechteras)', 'y2', [90]],
    ]);
    const dashes = config.data.datasets.map((d) => JSON.stringify(d.borderDash));
    expect(new Set(dashes).size).toBe(3);
  });
});
