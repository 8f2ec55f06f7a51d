/**
 * The zone chart's start marker and the report's charts: the marker's position on the
 * month axis (hand-computed: a start on 16 November of a 30-day month lies half-way
 * between the November and December points), the report's blocks of three months that
 * never straddle the start, and the report's series with every hidden count left out —
 * checked by tests/helpers/disclosure.ts, which tries to get each one back from the totals
 * printed in the report's tables.
 */
import { describe, expect, it } from 'vitest';
import { buildZoneClassifier, type ZoneRecord } from '../../src/lib/analysis/intervention-zones';
import {
  buildReportZoneBins,
  buildReportZoneChart,
  protectDemand,
  protectSeries,
} from '../../src/lib/analysis/report-series';
import { formatCount } from '../../src/lib/analysis/suppression';
import { blockIndexOf, monthIndexOf } from '../../src/lib/charts/marker-lines';
import {
  blockLabel,
  buildZoneBinsConfig,
  buildZoneChartConfig,
} from '../../src/lib/charts/zone-series';
import { findRecoveries } from '../helpers/disclosure';

describe('the start marker', () => {
  const months = ['2025-10', '2025-11', '2025-12'];
  it('sits at the day of the start within its month', () => {
    expect(monthIndexOf(months, '2025-11-01')).toBe(1);
    expect(monthIndexOf(months, '2025-11-16')).toBe(1.5); // 15 of 30 days passed
    expect(monthIndexOf(months, '2025-10-11')).toBeCloseTo(10 / 31, 12);
    expect(monthIndexOf(months, '2026-01-01')).toBeNull();
    expect(blockIndexOf([{ from: '2025-02-01', to: '2025-04-30' }], '2025-03-01')).toBeCloseTo(
      28 / 89,
      12,
    );
  });

  it('is asked of the chart with its label and date', () => {
    const config = buildZoneChartConfig(
      months.map((month) => ({ month, target: 1, buffer: 2, control: 3 })),
      { date: '2025-11-01', label: 'start interventie' },
    );
    expect(config.options?.plugins?.wijkradarMarkers).toEqual({
      lines: [{ index: 1, date: '2025-11-01', label: 'start interventie' }],
    });
    expect(config.data.labels).toEqual(['okt 2025', 'nov 2025', 'dec 2025']);
    // A start outside the months draws no marker.
    const outside = buildZoneChartConfig([{ month: '2025-10', target: 1, buffer: 2, control: 3 }], {
      date: '2025-11-01',
      label: 'start interventie',
    });
    expect(outside.options?.plugins?.wijkradarMarkers).toBeUndefined();
  });
});

/** A record in the target (lon 6.229, lat 52.064) or in the control area far away. */
const TARGET: ZoneRecord = { lon: 6.229, lat: 52.064, wijkcode: null, day: '' };
const CONTROL: ZoneRecord = { lon: 6.3, lat: 52.1, wijkcode: null, day: '' };
const classify = buildZoneClassifier({
  target: {
    type: 'Polygon',
    coordinates: [
      [
        [6.22717, 52.063195],
        [6.231545, 52.063164],
        [6.231589, 52.0655],
        [6.227214, 52.065532],
        [6.22717, 52.063195],
      ],
    ],
  },
  bufferM: 0,
});
const PERIODS = {
  before: { from: '2024-11-01', to: '2025-10-31' },
  after: { from: '2025-11-01', to: '2026-10-31' },
};
/** `n` records at `where` on `day`. */
const at = (where: ZoneRecord, day: string, n: number) =>
  Array.from({ length: n }, () => ({ ...where, day }));

describe('the report zone chart, per three months', () => {
  // Target: 30, 30, 20, 20 before (100); 12, 3, 6, 6 after (27); control 200 per block.
  const targetCounts = [30, 30, 20, 20, 12, 3, 6, 6];
  const starts = [
    '2024-11-01',
    '2025-02-01',
    '2025-05-01',
    '2025-08-01',
    '2025-11-01',
    '2026-02-01',
    '2026-05-01',
    '2026-08-01',
  ];
  const records = [
    ...starts.flatMap((day, i) => at(TARGET, day, targetCounts[i])),
    ...starts.flatMap((day) => at(CONTROL, day, 200)),
    ...at(TARGET, '2024-10-31', 50), // before the period before: left out
  ];
  const bins = buildReportZoneBins(records, classify, PERIODS);

  it('splits each period into blocks of three months, the start on a block boundary', () => {
    expect(bins.map((b) => [b.from, b.to])).toEqual(
      starts.map((from, i) => [
        from,
        i + 1 < starts.length ? dayBefore(starts[i + 1]) : '2026-10-31',
      ]),
    );
    expect(bins.map(blockLabel).slice(3, 5)).toEqual([
      'aug 2025 – okt 2025',
      'nov 2025 – jan 2026',
    ]);
    const config = buildZoneBinsConfig(bins, { date: '2025-11-01', label: 'start interventie' });
    expect(config.options?.plugins?.wijkradarMarkers?.lines?.[0].index).toBe(4);
  });

  it('leaves out the "<5" block and one more, so the total gives neither back', () => {
    // 3 is hidden; 27 − 12 − 6 − 6 would give it back, so one more (a 6) goes too.
    expect(bins.map((b) => b.target)).toEqual([30, 30, 20, 20, 12, null, null, 6]);
    expect(bins.map((b) => b.control)).toEqual(Array(8).fill(200));
    expect(bins.map((b) => b.buffer)).toEqual(Array(8).fill(0));
    const cells = new Map<string, string>([
      ['before', formatCount(100)],
      ['after', formatCount(27)],
    ]);
    bins.forEach((b, i) => {
      const truth = targetCounts[i];
      cells.set(`b${i}`, b.target !== null ? formatCount(b.target) : truth < 5 ? '<5' : 'x');
    });
    const margins = [
      { totals: ['before'], parts: ['b0', 'b1', 'b2', 'b3'] },
      { totals: ['after'], parts: ['b4', 'b5', 'b6', 'b7'] },
    ];
    expect(findRecoveries({ cells, margins })).toEqual([]);
  });

  it('draws half years instead, where a quarter would leave a count out', () => {
    const { monthsPerPoint, bins: half } = buildReportZoneChart(records, classify, PERIODS);
    expect(monthsPerPoint).toBe(6);
    // 30 + 30, 20 + 20 before; 12 + 3, 6 + 6 after: nothing left out.
    expect(half.map((b) => b.target)).toEqual([60, 40, 15, 12]);
    expect(half.map(blockLabel)).toEqual([
      'nov 2024 – apr 2025',
      'mei 2025 – okt 2025',
      'nov 2025 – apr 2026',
      'mei 2026 – okt 2026',
    ]);
    // Four quarters with records everywhere: quarters it is.
    const even = [...starts.flatMap((day) => at(TARGET, day, 9)), ...at(CONTROL, starts[0], 50)];
    expect(buildReportZoneChart(even, classify, PERIODS).monthsPerPoint).toBe(3);
  });
});

const dayBefore = (day: string) =>
  new Date(Date.parse(day + 'T00:00:00Z') - 86_400_000).toISOString().slice(0, 10);

describe('the report demand chart', () => {
  it('draws every month when none is small', () => {
    const demand = protectDemand(['2026-01', '2026-02'], [120, 130], [100, 90]);
    expect(demand).toEqual({
      months: ['2026-01', '2026-02'],
      current: [120, 130],
      previous: [100, 90],
    });
  });

  it('keeps months before the data begin unknown, not zero', () => {
    const demand = protectDemand(['2026-01', '2026-02'], [120, 130], [null, 90]);
    expect(demand.previous).toEqual([null, 90]);
  });

  it('hides a small month and the smallest other, against the printed total', () => {
    expect(protectSeries([2, 9, 40, 7], [{ total: 58, points: [0, 1, 2, 3] }])).toEqual([
      null,
      9,
      40,
      null,
    ]);
    // A zero points to nobody and stays.
    expect(protectSeries([0, 9, 40], [{ total: 49, points: [0, 1, 2] }])).toEqual([0, 9, 40]);
  });
});
