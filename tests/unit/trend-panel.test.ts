/**
 * A Wijken small multiple (charts/trend-panel.ts): the series, the judged period drawn in
 * the flag's colour from the month before it, and the baseline's expectation only over the
 * judged period — and hour-matrix cells coloured by their weight.
 */
import { describe, expect, it } from 'vitest';
import { buildHourMatrixConfig, sequentialColour } from '../../src/lib/charts/hour-matrix';
import { buildTrendPanelConfig, FLAG_COLOURS } from '../../src/lib/charts/trend-panel';

const months = Array.from({ length: 6 }, (_, i) => ({ year: 2026, month: i + 1 }));

describe('trend panel', () => {
  const config = buildTrendPanelConfig({
    months,
    values: [3, 4, 5, 6, 9, 12],
    periodMonths: 2,
    expectedPerMonth: 5,
    flag: 'stijging',
    explanation: ['p = 0,01'],
    unit: 'Aantal',
  });
  const [series, judged, judgedPoints, expected] = config.data.datasets;

  it('draws the whole series in the neutral colour without points', () => {
    expect(series.data).toEqual([3, 4, 5, 6, 9, 12]);
    expect(series.borderColor).toBe(FLAG_COLOURS.neutral);
    expect(series.pointRadius).toBe(0);
  });

  it('draws the judged period in the flag colour, with the line into it and points on it', () => {
    expect(judged.data).toEqual([null, null, null, 6, 9, 12]);
    expect(judged.borderColor).toBe(FLAG_COLOURS.stijging);
    expect(judged.pointRadius).toBe(0);
    expect(judgedPoints.data).toEqual([null, null, null, null, 9, 12]);
    expect(judgedPoints.pointRadius).toBe(2.5);
    expect(judgedPoints.borderColor).toBe(FLAG_COLOURS.stijging);
  });

  it('shows the expected level only over the judged period', () => {
    expect(expected.data).toEqual([null, null, null, null, 5, 5]);
  });

  it('lists each value once in the tooltip', () => {
    const filter = config.options?.plugins?.tooltip?.filter as (item: {
      datasetIndex: number;
    }) => boolean;
    expect([0, 1, 2, 3].filter((datasetIndex) => filter({ datasetIndex }))).toEqual([0, 3]);
  });
});

describe('hour matrix', () => {
  it('colours each cell by its share of the largest weight', () => {
    const weights = new Float64Array(168);
    weights[0] = 10;
    weights[1] = 5;
    const dataset = buildHourMatrixConfig(weights).data.datasets[0];
    const colours = dataset.backgroundColor as string[];
    expect(colours).toHaveLength(168);
    expect(colours[0]).toBe(sequentialColour(1));
    expect(colours[1]).toBe(sequentialColour(0.5));
    expect(colours[2]).toBe(sequentialColour(0));
  });
});
