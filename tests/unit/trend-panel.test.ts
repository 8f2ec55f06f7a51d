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
    axisTitle: 'registraties per maand',
  });
  const [series, judged, judgedPoints, expected] = config.data.datasets;

  it('names the unit on the y-axis and fits its own data unless given a shared maximum', () => {
    const y = config.options?.scales?.y as { title: { display: boolean; text: string } };
    expect(y.title).toEqual({ display: true, text: 'registraties per maand' });
    expect((y as { suggestedMax?: number }).suggestedMax).toBeUndefined();
    expect(config.data.datasets).toHaveLength(4);
    expect(config.options?.plugins?.legend?.display).toBe(false);
  });

  it('puts counts on whole-number ticks when asked', () => {
    const y = (whole: boolean) =>
      buildTrendPanelConfig({
        months,
        values: [0, 1, 0, 1, 0, 0],
        periodMonths: 2,
        expectedPerMonth: null,
        flag: null,
        explanation: [],
        unit: 'Aantal',
        axisTitle: 'registraties per maand',
        wholeTicks: whole,
      }).options?.scales?.y as { ticks: { precision?: number } };
    expect(y(true).ticks.precision).toBe(0);
    expect(y(false).ticks.precision).toBeUndefined();
  });

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

describe('trend panel as exported', () => {
  const config = buildTrendPanelConfig({
    months,
    values: [100, 150, null, 90, 120, 130],
    periodMonths: 2,
    expectedPerMonth: null,
    flag: null,
    explanation: [],
    yMax: 180,
    unit: 'Index',
    axisTitle: ['index', '(basisperiode = 100)'],
    reference: 100,
    notes: ['Onderbroken waar een klein aantal (<5) is weggelaten.', 'Tweede regel.'],
  });

  it('leaves a hidden month out of every line (a gap, not a zero)', () => {
    expect(config.data.datasets[0].data).toEqual([100, 150, null, 90, 120, 130]);
    expect(config.data.datasets[1].data).toEqual([null, null, null, 90, 120, 130]);
    expect(config.data.datasets[3].data).toEqual([null, null, null, null, null, null]);
  });

  it('writes a long axis title in lines', () => {
    const y = config.options?.scales?.y as { title: { text: string[] } };
    expect(y.title.text).toEqual(['index', '(basisperiode = 100)']);
  });

  it('draws the index base as a line at 100 and the shared maximum on the axis', () => {
    const reference = config.data.datasets[4];
    expect(reference.label).toBe('Basisniveau (100)');
    expect(reference.data).toEqual([100, 100, 100, 100, 100, 100]);
    expect((config.options?.scales?.y as { suggestedMax?: number }).suggestedMax).toBe(180);
  });

  it('writes the notes in the legend, one item each', () => {
    const legend = config.options?.plugins?.legend as {
      display: boolean;
      labels: { generateLabels: () => { text: string }[] };
    };
    expect(legend.display).toBe(true);
    expect(legend.labels.generateLabels().map((l) => l.text)).toEqual([
      'Onderbroken waar een klein aantal (<5) is weggelaten.',
      'Tweede regel.',
    ]);
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
