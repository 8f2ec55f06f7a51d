/**
 * Aoristic weights (Ratcliffe 2002): hand-computed cases — every expected value is worked
 * out in the comment next to it — plus totals and an independent per-hour reference.
 * Calendar facts used: 2026-06-08 and 2026-06-15 are Mondays, 2026-06-12 a Friday;
 * summer time 2026 runs from Sunday 29 March 01:00 UTC to Sunday 25 October 01:00 UTC
 * (EU Directive 2000/84/EC).
 */
import { describe, expect, it } from 'vitest';
import {
  AoristicAccumulator,
  accumulateAoristic,
  computeAoristicWeights,
  type AoristicSummary,
} from '../../src/lib/analysis/aoristic';
import {
  localToUtcFast,
  monthIndexOfDay,
  utcOffsetAndNextChange,
  weekdayOfDay,
} from '../../src/lib/analysis/fast-local-time';
import {
  amsterdamOffsetMs,
  formatLocalTimestamp,
  localToUtc,
} from '../../src/lib/analysis/local-time';
import { createRandom } from '../../src/lib/analysis/random';

const HOUR = 3_600_000;
const local = (text: string) => Date.parse(text.replace(' ', 'T') + 'Z');
const MON = 0;
const FRI = 4;
const SAT = 5;
const SUN = 6;
const cell = (s: AoristicSummary, weekday: number, hour: number) =>
  s.weekdayHour[weekday * 24 + hour];
const sum = (values: ArrayLike<number>) => Array.from(values).reduce((a, b) => a + b, 0);
const one = (from: string, to: string | null, maxWindowHours = 72) =>
  accumulateAoristic([local(from)], to === null ? null : [local(to)], { maxWindowHours });

/** Non-zero cells as "weekday hour" → weight, for exact comparisons. */
function nonZero(s: AoristicSummary): Record<string, number> {
  const out: Record<string, number> = {};
  s.weekdayHour.forEach((value, i) => {
    if (value !== 0) out[`${Math.floor(i / 24)} ${i % 24}`] = value;
  });
  return out;
}

describe('window crossing midnight', () => {
  it('22:30–01:30 spreads 0.5 h, 1 h, 1 h, 0.5 h of 3 h: 1/6, 1/3, 1/3, 1/6', () => {
    const { timing, weights } = computeAoristicWeights(
      local('2026-06-12 22:30'),
      local('2026-06-13 01:30'),
    );
    expect(timing).toBe('spread');
    expect(weights.map((w) => formatLocalTimestamp(w.localHour).slice(0, 16))).toEqual([
      '2026-06-12 22:00',
      '2026-06-12 23:00',
      '2026-06-13 00:00',
      '2026-06-13 01:00',
    ]);
    expect(weights.map((w) => w.weight)).toEqual([1 / 6, 1 / 3, 1 / 3, 1 / 6]);

    const s = one('2026-06-12 22:30', '2026-06-13 01:30'); // Friday night into Saturday
    expect(Object.keys(nonZero(s))).toHaveLength(4);
    expect(cell(s, FRI, 22)).toBeCloseTo(1 / 6, 15);
    expect(cell(s, FRI, 23)).toBeCloseTo(1 / 3, 15);
    expect(cell(s, SAT, 0)).toBeCloseTo(1 / 3, 15);
    expect(cell(s, SAT, 1)).toBeCloseTo(1 / 6, 15);
  });

  it('Sunday 23:00 – Monday 01:00 wraps from weekday 6 to weekday 0: 1/2 each', () => {
    const s = one('2026-06-14 23:00', '2026-06-15 01:00');
    expect(nonZero(s)).toEqual({ [`${SUN} 23`]: 0.5, [`${MON} 0`]: 0.5 });
  });
});

describe('long windows', () => {
  it('Monday 00:00 to Monday 00:00 gives every one of the 168 cells 1/168', () => {
    const s = one('2026-06-08 00:00', '2026-06-15 00:00', 168);
    for (const value of s.weekdayHour) expect(value).toBeCloseTo(1 / 168, 15);
    expect(s.spreadCount).toBe(1);
  });

  it('a week starting at 14:15 also gives 1/168 everywhere (0.75 + 0.25 hour at 14:00)', () => {
    const s = one('2026-06-10 14:15', '2026-06-17 14:15', 168);
    for (const value of s.weekdayHour) expect(value).toBeCloseTo(1 / 168, 15);
  });

  it('a week over the spring change has 167 real hours; Sunday 02:00 gets nothing', () => {
    // Wed 25-03 12:00 CET = 11:00 UTC; Wed 01-04 12:00 CEST = 10:00 UTC → 167 h.
    const s = one('2026-03-25 12:00', '2026-04-01 12:00', 168);
    for (let i = 0; i < 168; i++) {
      expect(s.weekdayHour[i]).toBeCloseTo(i === SUN * 24 + 2 ? 0 : 1 / 167, 15);
    }
  });

  it('whole days are split correctly between months: 31-05 22:00 – 01-06 02:00', () => {
    const s = one('2026-05-31 22:00', '2026-06-01 02:00');
    const { firstYear, values } = s.monthYear;
    expect(firstYear).toBe(2026);
    expect(values[4]).toBeCloseTo(0.5, 15); // May: 22:00–24:00 of 4 hours
    expect(values[5]).toBeCloseTo(0.5, 15); // June: 00:00–02:00
  });

  it('a 60-hour window over three months and two years lands in the right months', () => {
    // 30-12-2025 12:00 → 01-01-2026 24:00 local (CET throughout): 60 h.
    const s = one('2025-12-30 12:00', '2026-01-02 00:00');
    expect(s.monthYear.firstYear).toBe(2025);
    expect(s.monthYear.years).toBe(2);
    expect(s.monthYear.values[11]).toBeCloseTo(36 / 60, 15); // Dec 30 12:00 – Jan 1 00:00
    expect(s.monthYear.values[12]).toBeCloseTo(24 / 60, 15); // Jan 1
  });
});

describe('summer and winter time', () => {
  it('spring: 29-03-2026 01:00–04:00 local has only 2 real hours (02:00 does not exist)', () => {
    // 01:00 CET = 00:00 UTC; 04:00 CEST = 02:00 UTC. Hours 01:00 and 03:00, 1/2 each.
    const { weights } = computeAoristicWeights(
      local('2026-03-29 01:00'),
      local('2026-03-29 04:00'),
    );
    expect(weights.map((w) => [formatLocalTimestamp(w.localHour).slice(11, 16), w.weight])).toEqual(
      [
        ['01:00', 0.5],
        ['03:00', 0.5],
      ],
    );
    const s = one('2026-03-29 01:00', '2026-03-29 04:00');
    expect(nonZero(s)).toEqual({ [`${SUN} 1`]: 0.5, [`${SUN} 3`]: 0.5 });
  });

  it('autumn: 25-10-2026 01:00–04:00 local has 4 real hours; 02:00 collects two of them', () => {
    // 01:00 CEST = 23:00 UTC (24-10); 04:00 CET = 03:00 UTC → 4 h: 01:00, 02:00 CEST,
    // 02:00 CET, 03:00 — 1/4 each, so the 02:00 cell gets 1/2.
    const { weights } = computeAoristicWeights(
      local('2026-10-25 01:00'),
      local('2026-10-25 04:00'),
    );
    expect(weights.map((w) => formatLocalTimestamp(w.localHour).slice(11, 16))).toEqual([
      '01:00',
      '02:00',
      '02:00',
      '03:00',
    ]);
    expect(weights.map((w) => w.weight)).toEqual([0.25, 0.25, 0.25, 0.25]);
    const s = one('2026-10-25 01:00', '2026-10-25 04:00');
    expect(nonZero(s)).toEqual({ [`${SUN} 1`]: 0.25, [`${SUN} 2`]: 0.5, [`${SUN} 3`]: 0.25 });
  });

  it('autumn: 02:30–03:00 (read as the first 02:30) covers 1.5 real hours, all at 02:00', () => {
    // 02:30 CEST = 00:30 UTC; 03:00 CET = 02:00 UTC: 0.5 h of the first 02:00 hour and the
    // whole second one.
    const s = one('2026-10-25 02:30', '2026-10-25 03:00');
    expect(nonZero(s)).toEqual({ [`${SUN} 2`]: 1 });
  });

  it('an exact time in the spring gap (02:30) is read as 03:30 summer time', () => {
    const s = one('2026-03-29 02:30', null);
    expect(nonZero(s)).toEqual({ [`${SUN} 3`]: 1 });
  });
});

describe('exact, unknown and invalid records', () => {
  it('an exact record (from = to, or no end) gives weight 1 to its hour', () => {
    const s = accumulateAoristic(
      [local('2026-06-12 14:37'), local('2026-06-12 14:59')],
      [local('2026-06-12 14:37'), NaN],
    );
    expect(nonZero(s)).toEqual({ [`${FRI} 14`]: 2 });
    expect(s.exactCount).toBe(2);
    expect(computeAoristicWeights(local('2026-06-12 14:37'), null).weights).toEqual([
      { localHour: local('2026-06-12 14:00'), weight: 1 },
    ]);
  });

  it('a window longer than the maximum is "tijdstip onbekend"; exactly the maximum is spread', () => {
    const acc = new AoristicAccumulator({ maxWindowHours: 72 });
    expect(acc.add(local('2026-06-01 00:00'), local('2026-06-04 00:01'))).toBe('tooLong');
    expect(acc.add(local('2026-06-01 00:00'), local('2026-06-04 00:00'))).toBe('spread');
    expect(acc.add(local('2026-06-02 00:00'), local('2026-06-01 00:00'))).toBe('reversed');
    expect(acc.add(NaN, local('2026-06-01 00:00'))).toBe('missing');
    expect(acc.add(null)).toBe('missing');
    expect(acc.add(local('2026-06-01 00:00'), Infinity)).toBe('tooLong');
    const s = acc.summarize();
    expect(s.unknown).toEqual({ missing: 2, tooLong: 2, reversed: 1, total: 5 });
    expect(s.knownCount).toBe(1);
    expect(sum(s.weekdayHour)).toBeCloseTo(1, 12);
    const w = computeAoristicWeights(local('2026-06-01 00:00'), local('2026-06-04 00:01'));
    expect(w).toEqual({ timing: 'tooLong', weights: [] });
  });
});

describe('dagdelen', () => {
  it('default split: 04:00–08:00 is half nacht, half ochtend', () => {
    const s = one('2026-06-12 04:00', '2026-06-12 08:00');
    expect(s.dagdelen.map((d) => d.name)).toEqual(['nacht', 'ochtend', 'middag', 'avond']);
    expect(Array.from(s.dagdeelTotals)).toEqual([0.5, 0.5, 0, 0]);
    expect(s.weekdayDagdeel[FRI * 4 + 0]).toBe(0.5);
  });

  it('configurable dagdelen, also over midnight', () => {
    const dagdelen = [
      { name: 'uitgaansnacht', startHour: 22, endHour: 6 },
      { name: 'dag', startHour: 6, endHour: 22 },
    ];
    const s = accumulateAoristic([local('2026-06-12 20:00')], [local('2026-06-13 00:00')], {
      dagdelen,
    });
    expect(Array.from(s.dagdeelTotals)).toEqual([0.5, 0.5]);
  });

  it('rejects dagdelen that overlap or leave hours uncovered', () => {
    const overlap = [
      { name: 'a', startHour: 0, endHour: 13 },
      { name: 'b', startHour: 12, endHour: 24 },
    ];
    const gap = [{ name: 'a', startHour: 0, endHour: 23 }];
    expect(() => new AoristicAccumulator({ dagdelen: overlap })).toThrow(/overlap/);
    expect(() => new AoristicAccumulator({ dagdelen: gap })).toThrow(/uncovered/);
  });
});

/** Random records, many near the DST changes, windows from exact to 4 days. */
function randomRecords(seed: number, n: number): { from: Float64Array; to: Float64Array } {
  const rng = createRandom(seed);
  const from = new Float64Array(n);
  const to = new Float64Array(n);
  const dstDays = [local('2025-03-30 00:00'), local('2025-10-26 00:00'), local('2026-03-29 00:00')];
  for (let i = 0; i < n; i++) {
    const start = rng.chance(0.3)
      ? rng.pick(dstDays) + rng.int(-48 * 60, 48 * 60) * 60_000
      : local('2024-01-01 00:00') + rng.int(0, 3 * 365 * 24 * 60) * 60_000;
    from[i] = start;
    const r = rng.next();
    to[i] = r < 0.4 ? start : start + rng.int(0, r < 0.9 ? 16 * 60 : 96 * 60) * 60_000;
  }
  return { from, to };
}

describe('totals and an independent reference', () => {
  it('10,000 random records: weights sum to the number of records with a known time', () => {
    const { from, to } = randomRecords(20260329, 10_000);
    const s = accumulateAoristic(from, to, { maxWindowHours: 72 });
    expect(s.knownCount + s.unknown.total).toBe(10_000);
    expect(s.unknown.tooLong).toBeGreaterThan(0);
    expect(s.knownCount).toBe(s.exactCount + s.spreadCount);
    expect(Math.abs(sum(s.weekdayHour) - s.knownCount)).toBeLessThan(1e-9);
    expect(Math.abs(sum(s.dagdeelTotals) - s.knownCount)).toBeLessThan(1e-9);
    expect(Math.abs(sum(s.weekdayDagdeel) - s.knownCount)).toBeLessThan(1e-9);
    expect(Math.abs(sum(s.monthYear.values) - s.knownCount)).toBeLessThan(1e-9);
  });

  it('matches an hour-by-hour computation with local-time.ts for every cell and month', () => {
    const { from, to } = randomRecords(7, 10_000);
    const s = accumulateAoristic(from, to, { maxWindowHours: 72 });
    const cells = new Float64Array(168);
    const months = new Map<number, number>();
    for (let i = 0; i < from.length; i++) {
      for (const { localHour, weight } of computeAoristicWeights(from[i], to[i]).weights) {
        const d = new Date(localHour);
        cells[((d.getUTCDay() + 6) % 7) * 24 + d.getUTCHours()] += weight;
        const month = d.getUTCFullYear() * 12 + d.getUTCMonth();
        months.set(month, (months.get(month) ?? 0) + weight);
      }
    }
    for (let i = 0; i < 168; i++) expect(Math.abs(s.weekdayHour[i] - cells[i])).toBeLessThan(1e-10);
    for (const [month, weight] of months) {
      const slot = month - (s.monthYear.firstYear ?? 0) * 12;
      expect(Math.abs(s.monthYear.values[slot] - weight)).toBeLessThan(1e-10);
    }
  });
});

describe('fast-local-time agrees with local-time.ts', () => {
  it('localToUtcFast = localToUtc for every quarter hour from 2022 to 2028', () => {
    let mismatches = 0;
    for (let t = local('2022-01-01 00:00'); t < local('2028-01-01 00:00'); t += HOUR / 4) {
      if (localToUtcFast(t) !== localToUtc(t)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('utcOffsetAndNextChange gives the offset and the next change for every hour', () => {
    let mismatches = 0;
    for (let t = Date.UTC(2022, 0, 1); t < Date.UTC(2028, 0, 1); t += HOUR) {
      const [offset, next] = utcOffsetAndNextChange(t);
      const ok =
        offset === amsterdamOffsetMs(t) &&
        next > t &&
        amsterdamOffsetMs(next) !== offset &&
        amsterdamOffsetMs(next - HOUR) === offset;
      if (!ok) mismatches++;
    }
    expect(mismatches).toBe(0);
  });

  it('month index and ISO weekday agree with Date for 1900–2100', () => {
    for (let day = -25_567; day < 47_482; day += 1) {
      const d = new Date(day * 86_400_000);
      expect(monthIndexOfDay(day)).toBe(d.getUTCFullYear() * 12 + d.getUTCMonth());
      expect(weekdayOfDay(day)).toBe((d.getUTCDay() + 6) % 7);
    }
  });
});

describe('hour counts from the database (addExact)', () => {
  it('adding n exact records at once equals n single records, also in the spring gap', () => {
    const times = ['2026-03-29 02:00', '2026-10-25 02:00', '2026-06-05 21:00', '2026-06-05 21:59'];
    const one = new AoristicAccumulator();
    const many = new AoristicAccumulator();
    times.forEach((t, i) => {
      for (let k = 0; k <= i; k++) one.add(local(t));
      many.addExact(local(t), i + 1);
    });
    one.add(null);
    one.add(null);
    many.addExact(null, 2);
    many.addExact(local('2026-01-01 00:00'), 0); // nothing
    const a = one.summarize();
    const b = many.summarize();
    expect(Array.from(b.weekdayHour)).toEqual(Array.from(a.weekdayHour));
    expect(Array.from(b.monthYear.values)).toEqual(Array.from(a.monthYear.values));
    expect([b.exactCount, b.unknown.missing]).toEqual([10, 2]);
    // Both are Sundays (weekday 6): the spring gap's 02:00 is read as 03:00 summer time,
    // the autumn 02:00 stays at 02:00.
    expect(b.weekdayHour[6 * 24 + 3]).toBe(1);
    expect(b.weekdayHour[6 * 24 + 2]).toBe(2);
  });
});
