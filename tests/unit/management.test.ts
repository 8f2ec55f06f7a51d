/**
 * Pure parts of the Management view on hand-made cases; every expected value is worked
 * out in the comment next to it. Presence versus demand (median of the other wijken),
 * outcome consistency (exact binomial test against the median other wijk, BH-corrected),
 * intervention zones in RD metres (buffer is a true distance, corners included), periods
 * and "<5" suppression.
 */
import { describe, expect, it } from 'vitest';
import {
  countZones,
  previousPeriod,
  type AreaGeometry,
  type ZoneRecord,
} from '../../src/lib/analysis/intervention-zones';
import {
  monthlyTotals,
  monthsIn,
  periodDates,
  shiftMonth,
  suppressCount,
} from '../../src/lib/analysis/management-kpis';
import { buildReportOutcomeRow } from '../../src/lib/analysis/management-report';
import { assessOutcomeConsistency } from '../../src/lib/analysis/outcome-consistency';
import { assessPresence } from '../../src/lib/analysis/presence-demand';
import { rdToWgs84 } from '../../src/lib/analysis/rd';
import {
  managementQuery,
  parseManagementView,
} from '../../src/lib/state/management/management-url';

describe('assessPresence', () => {
  // Hours per 100 demand: A 60, B 50, C 70, D 10, F 10; E has too little demand.
  const results = assessPresence([
    { wijkcode: 'A', demand: 100, visitHours: 60 },
    { wijkcode: 'B', demand: 100, visitHours: 50 },
    { wijkcode: 'C', demand: 100, visitHours: 70 },
    { wijkcode: 'D', demand: 200, visitHours: 20 },
    { wijkcode: 'E', demand: 10, visitHours: 1 },
    { wijkcode: 'F', demand: 40, visitHours: 4 },
  ]);
  const of = (code: string) => results.find((r) => r.wijkcode === code)!;

  it('flags high demand with low presence as onderbezet', () => {
    // Others of D: 60, 50, 70, 10 → median (50 + 60) / 2 = 55; ratio 10 / 55 = 0.1818.
    // Median demand of the judged wijken (100, 100, 100, 200, 40) = 100 ≤ 200.
    expect(of('D').ratioToOthers).toBeCloseTo(10 / 55, 12);
    expect(of('D').flag).toBe('onderbezet');
    expect(of('D').explanation).toContain('10,0 bezoekuren per 100');
  });

  it('tells low presence with low demand apart', () => {
    // F: ratio 10 / 55 as D, but demand 40 < 100.
    expect(of('F').flag).toBe('weinig aanwezigheid');
  });

  it('uses the ratio bounds as stated', () => {
    // A: others 50, 70, 10, 10 → median 30; 60 / 30 = 2.0 is not more than 2.
    expect(of('A').ratioToOthers).toBeCloseTo(2, 12);
    expect(of('A').flag).toBe('in lijn');
    // C: others 60, 50, 10, 10 → median 30; 70 / 30 = 2.33.
    expect(of('C').flag).toBe('ruim bezet');
  });

  it('does not judge a wijk with too little demand', () => {
    expect(of('E')).toMatchObject({ flag: 'te weinig gegevens', ratioToOthers: null });
  });
});

describe('assessOutcomeConsistency', () => {
  const wijk = (code: string, sanctions: number, total = 20) => [
    { wijkcode: code, theme: 'honden', outcome: 'proces-verbaal', n: sanctions },
    { wijkcode: code, theme: 'honden', outcome: 'informeren', n: total - sanctions },
  ];
  const results = assessOutcomeConsistency([
    ...wijk('X', 15),
    ...wijk('Y', 2),
    ...wijk('Z', 3),
    ...wijk('W', 4),
    ...wijk('S', 1, 4),
  ]);
  const of = (code: string) => results.find((r) => r.wijkcode === code)!;

  it('highlights the wijk that sanctions far more often than the other wijken together', () => {
    // The others of X together: 2 + 3 + 4 + 1 = 10 sanctions of 64 (15.6 %). Fisher's exact
    // test of [[15, 5], [10, 54]] gives p = 1.6e-6 (hand-computed from the hypergeometric law),
    // significant after Holm; 75% − 16% ≥ 10 points.
    const sanctie = of('X').shares.find((s) => s.outcome === 'sanctie')!;
    expect(sanctie.shareElsewhere).toBeCloseTo(10 / 64, 12);
    expect(sanctie.pValue!).toBeCloseTo(1.61424e-6, 10);
    expect(sanctie.adjustedPValue!).toBeLessThan(0.05);
    expect(sanctie.highlighted).toBe(true);
    expect(of('X').explanation).toContain('sanctie vaker (75% tegen 16% in de andere wijken samen');
  });

  it('does not let the deviating wijk make the others look deviant', () => {
    // Y: 2 of 20 against the others' 23 of 64 is p ≈ 0.03 alone (Fisher), far from
    // significant after Holm over the table's tests.
    for (const code of ['Y', 'Z', 'W']) expect(of(code).highlighted).toBe(false);
  });

  it('keeps percentages that would give away a count below 5 out of the report', () => {
    // A highlighted wijk with 2 of 40 informeren: "5%" would reveal the 2.
    const cells = assessOutcomeConsistency([
      { wijkcode: 'Q', theme: 'afval', outcome: 'proces-verbaal', n: 38 },
      { wijkcode: 'Q', theme: 'afval', outcome: 'informeren', n: 2 },
      ...['R', 'T', 'U'].flatMap((code) => [
        { wijkcode: code, theme: 'afval', outcome: 'proces-verbaal', n: 4 },
        { wijkcode: code, theme: 'afval', outcome: 'informeren', n: 36 },
      ]),
    ]);
    const q = cells.find((c) => c.wijkcode === 'Q')!;
    expect(q.explanation).toContain('informeren minder vaak (5% tegen 90%');
    const row = buildReportOutcomeRow('Q — Afval', q);
    expect(row.shares[0]).toBe('<5 zaken');
    expect(row.explanation).toBe(
      'Anders afgehandeld dan elders: informeren minder vaak; sanctie vaker.',
    );
  });

  it('shows but does not test a wijk with fewer than 10 incidents', () => {
    expect(of('S').total).toBe(4);
    expect(of('S').shares.every((s) => s.pValue === null && !s.highlighted)).toBe(true);
  });
});

describe('countZones', () => {
  // Target: a 300 × 260 m rectangle in RD (the demo's Stationsplein), as WGS84 GeoJSON.
  const [x0, y0, x1, y1] = [212600, 453100, 212900, 453360];
  const ring = [
    [x0, y0],
    [x1, y0],
    [x1, y1],
    [x0, y1],
    [x0, y0],
  ].map(([x, y]) => rdToWgs84(x, y));
  const target: AreaGeometry = { type: 'Polygon', coordinates: [ring] };
  const at = (x: number, y: number, day: string, wijkcode: string | null = 'WK1'): ZoneRecord => {
    const [lon, lat] = rdToWgs84(x, y);
    return { lon, lat, wijkcode, day };
  };
  const periods = {
    before: { from: '2025-01-01', to: '2025-01-31' },
    after: { from: '2025-02-01', to: '2025-02-28' },
  };
  const records = [
    at(212750, 453200, '2025-01-10'), // centre: target, before
    at(212750, 453200, '2025-02-10'), // target, after
    at(x1 + 100, 453200, '2025-02-11'), // 100 m east of the edge: buffer, after
    at(x1 + 500, 453200, '2025-01-11'), // 500 m east: control, before
    // 300 m east and 300 m north of the corner: √(300² + 300²) = 424 m > 400: control.
    at(x1 + 300, y1 + 300, '2025-02-12'),
    at(x1 + 500, 453200, '2025-04-01', 'WK2'), // control, outside both periods
  ];

  it('sorts records by true distance to the edge, corners included', () => {
    const zones = countZones(records, { target, bufferM: 400 }, periods);
    expect(zones.counts).toEqual({
      target: { before: 1, after: 1 },
      buffer: { before: 0, after: 1 },
      control: { before: 1, after: 1 },
    });
    // January to April, zero-filled March.
    expect(zones.months.map((m) => [m.month, m.target, m.buffer, m.control])).toEqual([
      ['2025-01', 1, 0, 1],
      ['2025-02', 1, 1, 1],
      ['2025-03', 0, 0, 0],
      ['2025-04', 0, 0, 1],
    ]);
  });

  it('limits the control area to the chosen wijken', () => {
    const zones = countZones(records, { target, bufferM: 400, controlWijken: ['WK2'] }, periods);
    expect(zones.counts.control).toEqual({ before: 0, after: 0 });
    expect(zones.outside).toBe(2);
  });

  it('puts everything outside the target in control without a buffer', () => {
    const zones = countZones(records, { target, bufferM: 0 }, periods);
    expect(zones.counts.buffer).toEqual({ before: 0, after: 0 });
    expect(zones.counts.control).toEqual({ before: 1, after: 2 });
  });

  it('refuses a negative buffer', () => {
    expect(() => countZones(records, { target, bufferM: -1 }, periods)).toThrow(RangeError);
  });
});

describe('periods and suppression', () => {
  it('gives the period of equal length before', () => {
    // Whole months: twelve months back.
    expect(previousPeriod({ from: '2025-11-01', to: '2026-10-31' })).toEqual({
      from: '2024-11-01',
      to: '2025-10-31',
    });
    // Ten days (10–19 March 2026): the ten days before, 28 Feb – 9 Mar (2026 is no leap year).
    expect(previousPeriod({ from: '2026-03-10', to: '2026-03-19' })).toEqual({
      from: '2026-02-28',
      to: '2026-03-09',
    });
  });

  it('counts, shifts and spells out month periods', () => {
    expect(monthsIn({ from: '2025-11', to: '2026-10' })).toBe(12);
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(periodDates({ from: '2024-01', to: '2024-02' })).toEqual({
      from: '2024-01-01',
      to: '2024-02-29',
    });
  });

  it('sums monthly KPIs over wijken, zero-filling empty months', () => {
    const row = (wijkcode: string, theme: string, month: number, n: number) => ({
      wijkcode,
      theme,
      year: 2026,
      month,
      meldingen: n,
      incidents: 1,
      visits: 2,
      visit_hours: 1.5,
    });
    const rows = [row('A', 'afval', 1, 3), row('B', 'afval', 1, 4), row('A', 'honden', 3, 9)];
    const all = monthlyTotals(rows, { from: '2026-01', to: '2026-03' }, null, 'afval');
    expect(all.map((m) => [m.month, m.meldingen, m.incidents, m.visitHours])).toEqual([
      ['2026-01', 7, 2, 3],
      ['2026-02', 0, 0, 0],
      ['2026-03', 0, 0, 0],
    ]);
    const a = monthlyTotals(rows, { from: '2026-01', to: '2026-03' }, 'A', null);
    expect(a.map((m) => m.meldingen)).toEqual([3, 0, 9]);
  });

  it('leaves records known to the year only out of the monthly chart (no January spike)', () => {
    // A register that gives the year only: its 40 incidents are stored on 1 January.
    const rows = [
      {
        wijkcode: 'A',
        theme: 'verkeer',
        year: 2026,
        month: 1,
        meldingen: 5,
        incidents: 43,
        visits: 0,
        visit_hours: 0,
        year_level: 42,
        year_level_meldingen: 2,
        year_level_incidents: 40,
      },
    ];
    const months = monthlyTotals(rows, { from: '2026-01', to: '2026-02' }, null, null);
    expect(months.map((m) => [m.month, m.meldingen, m.incidents])).toEqual([
      ['2026-01', 3, 3],
      ['2026-02', 0, 0],
    ]);
  });

  // 0 reads "0" since issue 23 (one suppression module): a zero points to nobody, and where it
  // would help difference a hidden cell out of a total, the margin audit suppresses more.
  it('shows counts below 5 as "<5", and 0 as "0"', () => {
    expect([0, 1, 4, 5, 1234].map((n) => suppressCount(n))).toEqual([
      '0',
      '<5',
      '<5',
      '5',
      '1.234',
    ]);
  });
});

describe('management view in the URL', () => {
  it('round-trips a full view', () => {
    const view = {
      period: { from: '2025-11', to: '2026-10' },
      theme: 'honden',
      area: { kind: 'interventie' as const, id: 'IV-001' },
      evaluationTheme: 'jeugd',
      categories: ['drugsoverlast', 'jongerenoverlast'],
      bufferM: 250,
      controlWijk: 'WK990100',
      before: { from: '2024-11-01', to: '2025-10-31' },
      after: { from: '2025-11-01', to: '2026-10-31' },
    };
    const query = managementQuery(view);
    expect(parseManagementView(new URLSearchParams(query))).toEqual(view);
  });

  it('drops tampered values', () => {
    const params = new URLSearchParams(
      'van=2026-13&tot=2026-10&thema=bestaatniet&gebied=wijk:<script>&buffer=-5' +
        '&controle=x%27;drop&voor=2026-01-01_2025-01-01&na=2025-11-01_2026-10-31' +
        '&categorieen=DROP TABLE,ok-slug',
    );
    expect(parseManagementView(params)).toEqual({ categories: ['ok-slug'] });
  });
});
