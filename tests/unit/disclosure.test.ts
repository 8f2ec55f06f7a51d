/**
 * Issue 23, item 2: every hidden count of a shared output stays hidden. Each output is built
 * by the real code from planted small counts, read back as printed, and attacked by
 * tests/helpers/disclosure.ts (differencing over margins — also across outputs of one view —
 * and derived statistics shown beside a hidden count). The first five cases reproduce the
 * issue's reports; each was a finding before complementary suppression.
 */
import { describe, expect, it } from 'vitest';
import { computeDisplacement, type DisplacementInput } from '../../src/lib/analysis/displacement';
import { ZONES } from '../../src/lib/analysis/intervention-zones';
import { assessDemandTrends } from '../../src/lib/analysis/management-kpis';
import {
  buildReportEvaluation,
  buildReportTrendRow,
} from '../../src/lib/analysis/management-report';
import { DEFAULT_DAGDELEN, type AoristicSummary } from '../../src/lib/analysis/aoristic';
import { dagdeelCsv, hourMatrixCsv, WEEKDAYS } from '../../src/lib/analysis/times-tables';
import {
  DEFAULT_DAGDELEN as BRIEFING_DAGDELEN,
  historyWindow,
} from '../../src/lib/analysis/briefing';
import {
  composeExpected,
  composeFocus,
  composeRecent,
} from '../../src/lib/state/briefing/briefing-slides';
import { buildHourMatrixConfig, HIDDEN_COLOUR } from '../../src/lib/charts/hour-matrix';
import { protectTimes } from '../../src/lib/analysis/times-tables';
import { briefingHistoryOutput } from '../helpers/briefing-output';
import { findRecoveries, readCsv, type Derived } from '../helpers/disclosure';

describe('management report: intervention evaluation', () => {
  const planted: DisplacementInput = {
    target: { before: 14, after: 3 },
    buffer: { before: 30, after: 26 },
    control: { before: 400, after: 420 },
  };
  const publish = (counts: DisplacementInput) => {
    const table = buildReportEvaluation(counts, computeDisplacement(counts));
    return table;
  };
  it('gives no zone count back through the success measure, the WDQ or the text', () => {
    const table = publish(planted);
    const cells = new Map<string, string>();
    ZONES.forEach((zone, i) => {
      cells.set(`${zone}.before`, table.rows[i].before);
      cells.set(`${zone}.after`, table.rows[i].after);
    });
    const from = [...cells.keys()];
    const countsOf = (v: ReadonlyMap<string, number>): DisplacementInput =>
      Object.fromEntries(
        ZONES.map((z) => [z, { before: v.get(`${z}.before`)!, after: v.get(`${z}.after`)! }]),
      ) as unknown as DisplacementInput;
    const derived: Derived[] = [
      {
        label: 'succesmaat',
        text: table.successMeasure,
        from,
        compute: (v) => publish(countsOf(v)).successMeasure,
      },
      { label: 'WDQ', text: table.wdq, from, compute: (v) => publish(countsOf(v)).wdq },
      {
        label: 'toelichting',
        text: /\d/.test(table.interpretation) ? table.interpretation : '—',
        from,
      },
    ];
    expect(findRecoveries({ cells, margins: [], derived })).toEqual([]);
    expect(table.rows[0].after).toBe('<5');
  });
});

describe('management report: trend rows', () => {
  const period = { from: '2026-01', to: '2026-03' };
  const trendOf = (previous: number, current: number) => {
    const series = [
      { year: 2025, month: 1, count: previous },
      { year: 2025, month: 2, count: 0 },
      { year: 2025, month: 3, count: 0 },
      { year: 2026, month: 1, count: current },
      { year: 2026, month: 2, count: 0 },
      { year: 2026, month: 3, count: 0 },
    ];
    return assessDemandTrends(new Map([['WK01|afval', series]]), period, '2025-01')[0];
  };
  it.each([
    [12, 3],
    [20, 1],
    [2, 15],
    [4, 30],
  ])('a p-value never sits beside "<5" (jaar eerder %i, nu %i)', (previous, current) => {
    const row = buildReportTrendRow('Noord — Afval', trendOf(previous, current));
    const cells = new Map([
      ['previous', row.previous],
      ['current', row.current],
    ]);
    const compute = (v: ReadonlyMap<string, number>) =>
      buildReportTrendRow('x', trendOf(v.get('previous')!, v.get('current')!)).pValue;
    const derived = [{ label: 'p', text: row.pValue, from: ['previous', 'current'], compute }];
    expect(findRecoveries({ cells, margins: [], derived })).toEqual([]);
  });
});

/** A Tijden summary whose weekday × hour weights are `hourValue(weekday, hour)`. */
function summaryOf(hourValue: (d: number, h: number) => number): AoristicSummary {
  const dagdelen = DEFAULT_DAGDELEN;
  const weekdayHour = new Float64Array(168);
  const dagdeelTotals = new Float64Array(dagdelen.length);
  const weekdayDagdeel = new Float64Array(7 * dagdelen.length);
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      const v = hourValue(d, h);
      const k = dagdelen.findIndex((x) => h >= x.startHour && h < x.endHour);
      weekdayHour[d * 24 + h] = v;
      dagdeelTotals[k] += v;
      weekdayDagdeel[d * dagdelen.length + k] += v;
    }
  }
  const known = dagdeelTotals.reduce((a, b) => a + b, 0);
  return {
    weekdayHour,
    dagdelen,
    dagdeelTotals,
    weekdayDagdeel,
    monthYear: { firstYear: null, years: 0, values: new Float64Array(0) },
    knownCount: known,
    exactCount: known,
    spreadCount: 0,
    unknown: { missing: 0, tooLong: 0, reversed: 0, total: 0 },
  };
}

describe('Tijden: the dagdeel and hour × weekday CSVs', () => {
  // nacht: maandag 3, then 6, 7, 8, 9, 6, 7 (the row: total 46,0);
  // ochtend dinsdag: five busy hours and one of 2 (comes back from the dagdeel CSV).
  const nacht = [3, 6, 7, 8, 9, 6, 7];
  const summary = summaryOf((d, h) => {
    if (h < 6) return nacht[d] / 6;
    if (d === 1 && h >= 6 && h < 12) return h === 11 ? 2 : 20;
    return 12;
  });
  const labels = DEFAULT_DAGDELEN.map((d) => d.name);

  it('no weekday comes back from the total column, nor an hour from a dagdeel cell', () => {
    const cells = new Map<string, string>();
    const margins: { totals: string[]; parts: string[] }[] = [];
    const dagdeelRows = readCsv(dagdeelCsv(summary, labels)).slice(1);
    dagdeelRows.forEach(([, total, ...days], k) => {
      cells.set(`${k}.total`, total);
      days.forEach((v, d) => cells.set(`${k}.${d}`, v));
      margins.push({ totals: [`${k}.total`], parts: days.map((_, d) => `${k}.${d}`) });
    });
    const hourRows = readCsv(hourMatrixCsv(summary)).slice(1);
    hourRows.forEach(([, ...hours], d) => hours.forEach((v, h) => cells.set(`h.${d}.${h}`, v)));
    DEFAULT_DAGDELEN.forEach((dd, k) =>
      WEEKDAYS.forEach((_, d) => {
        const parts = [];
        for (let h = dd.startHour; h < dd.endHour; h++) parts.push(`h.${d}.${h}`);
        margins.push({ totals: [`${k}.${d}`], parts });
      }),
    );
    expect(dagdeelRows[0].slice(0, 3)).toEqual(['nacht', '46,0', '<5']);
    expect(findRecoveries({ cells, margins, whole: false })).toEqual([]);
  });

  it('the PNG of the matrix colours no hidden cell by its weight', () => {
    const protection = protectTimes(summary);
    const colours = buildHourMatrixConfig(summary.weekdayHour, protection.weekdayHour).data
      .datasets[0].backgroundColor as string[];
    const csv = readCsv(hourMatrixCsv(summary, protection)).slice(1);
    const cells = new Map<string, string>();
    csv.forEach(([, ...hours], d) => hours.forEach((v, h) => cells.set(`h.${d}.${h}`, v)));
    const derived = colours.map((colour, i) => ({
      label: `kleur ${i}`,
      text: colour === HIDDEN_COLOUR ? '—' : colour.replace(/\D+/g, ''),
      from: [`h.${Math.floor(i / 24)}.${i % 24}`],
    }));
    expect(findRecoveries({ cells, margins: [], derived, whole: false })).toEqual([]);
    expect(colours.filter((c) => c === HIDDEN_COLOUR).length).toBeGreaterThan(0);
  });
});

describe('briefing: the verwacht and focus slides (one history)', () => {
  const avond = BRIEFING_DAGDELEN.find((d) => d.id === 'avond')!;
  const window = historyWindow({ date: '2026-07-17', dagdeel: avond }, 4);
  const perHour: Record<number, number> = { 18: 3, 19: 10, 20: 12, 21: 20, 22: 1, 23: 8 };
  const themes = ['jeugd', 'afval', 'honden'];
  const spots = [
    [6.1937, 52.0684],
    [6.2037, 52.0784],
    [6.2137, 52.0884],
  ];
  let i = 0;
  const history = Object.entries(perHour).flatMap(([hour, n]) =>
    Array.from({ length: n }, () => {
      i++;
      const theme = i === 7 ? 'honden' : i % 4 === 0 ? 'afval' : 'jeugd';
      const [lon, lat] = i === 9 ? spots[2] : i % 5 === 0 ? spots[1] : spots[0];
      const day = [19, 26, 3, 10][i % 4];
      return {
        lon,
        lat,
        t: Date.UTC(2026, day < 19 ? 6 : 5, day, Number(hour)),
        theme,
        buurtcode: 'BU1',
      };
    }),
  );
  const names = new Map([['BU1', 'Parkwijk']]);

  it('no hour, theme or place comes back from the total, a bar height or a week count', () => {
    const expected = composeExpected(history, window, names);
    const focus = composeFocus(history, [], [], window);
    expect(focus.themes.map((t) => t.theme).sort()).toEqual([...themes].sort());
    const top = expected.hours.reduce((a, b) => (perHour[a.hour] >= perHour[b.hour] ? a : b));
    expect(findRecoveries(briefingHistoryOutput(expected, focus, top.hour))).toEqual([]);
  });
});

describe('briefing: the recent slide and its map', () => {
  const t = Date.UTC(2026, 6, 17, 21);
  const groups = [
    { theme: 'jeugd', buurtcode: 'BU1', n: 20, first: t, last: t },
    { theme: 'jeugd', buurtcode: 'BU3', n: 2, first: t, last: t },
    { theme: 'afval', buurtcode: 'BU2', n: 9, first: t, last: t },
    { theme: 'honden', buurtcode: 'BU1', n: 3, first: t, last: t },
  ];
  const names = new Map([
    ['BU1', 'Parkwijk'],
    ['BU2', 'Markt'],
    ['BU3', 'Haven'],
  ]);

  it('no theme comes back from the total, no buurt from its colour', () => {
    const slide = composeRecent(groups, 24, names);
    const cells = new Map<string, string>([['total', slide.total]]);
    slide.items.forEach((item) => cells.set(`t.${item.theme}`, item.count));
    slide.buurten.forEach((b) => cells.set(`b.${b.code}`, b.count));
    const themeParts = slide.items.map((item) => `t.${item.theme}`);
    const margins = [
      { totals: ['total'], parts: slide.more > 0 ? [...themeParts, 't.rest'] : themeParts },
      { totals: ['total'], parts: [...slide.buurten.map((b) => `b.${b.code}`), 'b.none'] },
    ];
    const derived = slide.buurten.map((b) => ({
      label: `kleur ${b.code}`,
      text: b.n === null ? '—' : String(b.n),
      from: [`b.${b.code}`],
    }));
    expect(findRecoveries({ cells, margins, derived })).toEqual([]);
  });
});
