/**
 * The population of an area (issue 23): unknown stays unknown (never 0), Dutch thousands
 * separators are read as such, a real fraction is refused with its reason, and no rate per
 * 1,000 inhabitants is given under MIN_INHABITANTS_FOR_RATE people.
 */
import { describe, expect, it } from 'vitest';
import { computeAreaRates, MIN_INHABITANTS_FOR_RATE } from '../../src/lib/analysis/area-rates';
import { computeWijkTrends } from '../../src/lib/analysis/wijk-trends';
import { parseAreaCollection } from '../../src/lib/data/geojson-areas';
import { parseInhabitants } from '../../src/lib/data/import/inhabitants';

describe('parseInhabitants', () => {
  it.each([
    [1234, 1234],
    ['1234', 1234],
    [' 1234 ', 1234],
    ['1.234', 1234],
    ['1.234,0', 1234],
    ['12.345.678', 12_345_678],
    ['1234,0', 1234],
    ['1234.0', 1234],
    ['1 234', 1234],
    [0, 0],
    ['0', 0],
  ])('%j is %d people', (value, want) => {
    expect(parseInhabitants(value)).toEqual({ inhabitants: want, note: null });
  });

  it.each([null, undefined, '', '   ', Number.NaN, -99997, '-99997'])(
    '%j is unknown, silently (missing or CBS: geheim)',
    (value) => {
      expect(parseInhabitants(value)).toEqual({ inhabitants: null, note: null });
    },
  );

  it.each([
    ['12,5', 'is geen heel getal'],
    ['1.234,5', 'is geen heel getal'],
    ['1234.5', 'is geen heel getal'],
    ['1,234', 'is geen heel getal'],
    [12.5, 'is geen heel getal'],
    ['veel', 'is onleesbaar'],
    ['-5', 'is onleesbaar'],
  ])('%j is unknown, with the reason', (value, why) => {
    const parsed = parseInhabitants(value);
    expect(parsed.inhabitants).toBeNull();
    expect(parsed.note).toBe(`aantal inwoners ‘${String(value)}’ ${why}: onbekend gelaten`);
  });
});

describe('CBS/PDOK boundaries (the demo loader)', () => {
  const square = [
    [
      [6.1, 52],
      [6.2, 52],
      [6.2, 52.1],
      [6.1, 52],
    ],
  ];
  const buurt = (code: string, extra: Record<string, unknown>) => ({
    type: 'Feature' as const,
    properties: { buurtcode: code, ...extra },
    geometry: { type: 'Polygon' as const, coordinates: square },
  });

  it('reads a missing, null or empty population as unknown and "1.234" as 1234', () => {
    const rows = parseAreaCollection(
      {
        type: 'FeatureCollection',
        features: [
          buurt('BU1', {}),
          buurt('BU2', { aantal_inwoners: null }),
          buurt('BU3', { aantal_inwoners: '' }),
          buurt('BU4', { aantal_inwoners: '1.234' }),
          buurt('BU5', { aantal_inwoners: -99997 }),
          buurt('BU6', { aantal_inwoners: 0 }),
        ],
      },
      'buurt',
    );
    expect(rows.map((r) => r.inhabitants)).toEqual([null, null, null, 1234, null, 0]);
    const rates = computeAreaRates(
      rows.map((r) => ({ ...r, water: false })),
      new Map(rows.map((r) => [r.code, 7])),
    );
    expect(rates.map((r) => r.status)).toEqual([
      'onbekend',
      'onbekend',
      'onbekend',
      'ok',
      'onbekend',
      'geen-inwoners',
    ]);
  });
});

describe('minimum population for a rate', () => {
  it(`gives no rate under ${MIN_INHABITANTS_FOR_RATE} inhabitants (7 records in a buurt of 35)`, () => {
    const [small, edge] = computeAreaRates(
      [
        { code: 'BU1', name: 'Klein', inhabitants: 35, water: false },
        { code: 'BU2', name: 'Rand', inhabitants: MIN_INHABITANTS_FOR_RATE, water: false },
      ],
      new Map([
        ['BU1', 7],
        ['BU2', 7],
      ]),
    );
    expect(small).toMatchObject({ count: 7, rate: null, status: 'te-weinig-inwoners' });
    expect(edge).toMatchObject({ count: 7, rate: 70, status: 'ok' }); // 7 / 100 × 1,000
  });

  it('gives a wijk of 35 inhabitants counts but no rate in the trends', () => {
    const wijken = [
      { code: 'WK1', name: 'Klein', inhabitants: 35 },
      { code: 'WK2', name: 'Groot', inhabitants: 4000 },
    ];
    const rows = wijken.map((w) => ({
      wijkcode: w.code,
      theme: 'afval',
      year: 2026,
      month: 1,
      n: 7,
    }));
    const month = { year: 2026, month: 1 };
    const trends = computeWijkTrends(
      rows,
      wijken,
      { first: month, last: month },
      { periodMonths: 1 },
    );
    const panel = (code: string) => trends.panels.find((p) => p.key === `${code}|*`)!;
    expect(panel('WK1').counts).toEqual([7]);
    expect(panel('WK1').per1000).toBeNull();
    expect(panel('WK2').per1000).toEqual([1.75]);
  });
});
