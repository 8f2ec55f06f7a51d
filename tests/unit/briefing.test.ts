/**
 * The briefing's pure logic: "<5" suppression, which dagdeel is next, the time windows, and
 * the ranking of expected hotspots, with hand-built cases whose answer is known.
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DAGDELEN,
  fitSlide,
  historyWindow,
  hourProfile,
  isoWeekday,
  nextDagdeel,
  peakStretch,
  rankExpectedAreas,
  rankWatchDue,
  recentWindow,
  selectSchouwDue,
  suppressCount,
  type HistoryRecord,
} from '../../src/lib/analysis/briefing';
import { cellCentre, cellOf } from '../../src/lib/analysis/hex-grid';
import { rdToWgs84, wgs84ToRd } from '../../src/lib/analysis/rd';

const local = (y: number, m: number, d: number, h = 0, min = 0) => Date.UTC(y, m - 1, d, h, min);
const dagdeel = (id: string) => DEFAULT_DAGDELEN.find((d) => d.id === id)!;

describe('suppressCount', () => {
  it('hides 1–4 as "<5" and shows 0 and 5+ as numbers', () => {
    expect([1, 2, 3, 4].map((n) => suppressCount(n))).toEqual(['<5', '<5', '<5', '<5']);
    expect(suppressCount(0)).toBe('0');
    expect(suppressCount(5)).toBe('5');
    expect(suppressCount(1234)).toBe('1.234'); // Dutch thousands separator
  });
  it('follows a configured threshold and refuses non-counts', () => {
    expect(suppressCount(9, 10)).toBe('<10');
    expect(suppressCount(10, 10)).toBe('10');
    expect(() => suppressCount(-1)).toThrow(RangeError);
    expect(() => suppressCount(Number.NaN)).toThrow(RangeError);
  });
});

describe('nextDagdeel', () => {
  it('picks the dagdeel that starts next', () => {
    expect(nextDagdeel(local(2026, 7, 17, 14, 40))).toEqual({
      date: '2026-07-17',
      dagdeel: dagdeel('avond'),
    });
    expect(nextDagdeel(local(2026, 7, 17, 8, 30)).dagdeel.id).toBe('middag');
  });
  it('keeps the current dagdeel in its first hour (briefing at the start of the shift)', () => {
    expect(nextDagdeel(local(2026, 7, 17, 18, 10)).dagdeel.id).toBe('avond');
    expect(nextDagdeel(local(2026, 7, 17, 18, 0)).dagdeel.id).toBe('avond');
    expect(nextDagdeel(local(2026, 7, 17, 19, 0)).dagdeel.id).toBe('nacht');
    expect(nextDagdeel(local(2026, 7, 17, 18, 10), DEFAULT_DAGDELEN, 0).dagdeel.id).toBe('nacht');
  });
  it('rolls over midnight, month and year ends', () => {
    expect(nextDagdeel(local(2026, 7, 17, 21, 0))).toEqual({
      date: '2026-07-18',
      dagdeel: dagdeel('nacht'),
    });
    expect(nextDagdeel(local(2026, 12, 31, 23, 59)).date).toBe('2027-01-01');
    expect(nextDagdeel(local(2026, 12, 31, 23, 59)).dagdeel.id).toBe('nacht');
  });
  it('works with other dagdelen', () => {
    const shifts = [
      { id: 'vroeg', label: 'vroege dienst', startHour: 7, endHour: 15 },
      { id: 'laat', label: 'late dienst', startHour: 15, endHour: 23 },
    ];
    expect(nextDagdeel(local(2026, 7, 17, 2, 0), shifts)).toEqual({
      date: '2026-07-17',
      dagdeel: shifts[0],
    });
    expect(nextDagdeel(local(2026, 7, 17, 23, 30), shifts).date).toBe('2026-07-18');
  });
});

describe('time windows', () => {
  it('looks back the same weekday and dagdeel for N weeks, excluding the day itself', () => {
    const w = historyWindow({ date: '2026-07-17', dagdeel: dagdeel('avond') }, 4);
    expect(w).toEqual({
      from: '2026-06-19 00:00:00',
      to: '2026-07-17 00:00:00',
      weekday: 5,
      hours: [18, 19, 20, 21, 22, 23],
      weeks: 4,
    });
    expect(isoWeekday('2026-07-19')).toBe(7);
    expect(() => historyWindow({ date: '2026-02-30', dagdeel: dagdeel('avond') }, 4)).toThrow();
  });
  it('ends the recent window where the dagdeel starts', () => {
    expect(recentWindow({ date: '2026-03-02', dagdeel: dagdeel('ochtend') }, 72)).toEqual({
      from: '2026-02-27 06:00:00',
      to: '2026-03-02 06:00:00',
    });
  });
});

describe('rankExpectedAreas', () => {
  const size = 150;
  const window = historyWindow({ date: '2026-07-17', dagdeel: dagdeel('avond') }, 4);
  // Points at the centres of two known cells, on Friday evenings of the window.
  const at = (q: number, r: number) => rdToWgs84(...cellCentre(q, r, size));
  const record = (q: number, r: number, day: number, hour: number, theme: string) => {
    const [lon, lat] = at(q, r);
    return { lon, lat, t: local(2026, 6, day, hour), theme, buurtcode: `BU${q}` };
  };
  const anchor = cellOf(...wgs84ToRd(6.19, 52.06), size);
  const a = { q: anchor.q, r: anchor.r };
  const b = { q: anchor.q + 3, r: anchor.r };
  const c = { q: anchor.q, r: anchor.r + 4 };
  // Fridays 19 and 26 June, 3 and 10 July 2026.
  const records: HistoryRecord[] = [
    record(a.q, a.r, 19, 21, 'jeugd'),
    record(a.q, a.r, 26, 22, 'jeugd'),
    record(a.q, a.r, 26, 21, 'afval'),
    record(a.q, a.r, 33, 21, 'jeugd'), // day 33 of June = 3 July (Date.UTC rolls over)
    // b: as many records as a, all on one evening
    record(b.q, b.r, 19, 18, 'horeca'),
    record(b.q, b.r, 19, 19, 'horeca'),
    record(b.q, b.r, 19, 19, 'horeca'),
    record(b.q, b.r, 19, 19, 'horeca'),
    record(c.q, c.r, 26, 20, 'honden'),
  ];

  it('ranks by total, then by weeks with records', () => {
    const top = rankExpectedAreas(records, { window, size, top: 5 });
    expect(top.map((x) => [x.q, x.r, x.total, x.weeksActive])).toEqual([
      [a.q, a.r, 4, 3],
      [b.q, b.r, 4, 1],
      [c.q, c.r, 1, 1],
    ]);
    expect(top.map((x) => x.rank)).toEqual([1, 2, 3]);
    expect(top[0].theme).toBe('jeugd');
    expect(top[0].themeCount).toBe(3);
    expect(top[0].buurtcode).toBe(`BU${a.q}`);
  });
  it('gives the busiest two hours of each place', () => {
    const top = rankExpectedAreas(records, { window, size });
    expect(top[0].peak).toEqual({ from: 21, to: 23, count: 4 });
    expect(top[1].peak).toEqual({ from: 18, to: 20, count: 4 });
    expect(rankExpectedAreas(records, { window, size, top: 1 })).toHaveLength(1);
  });
  it('counts per hour of the dagdeel, and finds peak stretches', () => {
    expect(hourProfile(records, window.hours).map((h) => h.count)).toEqual([1, 3, 1, 3, 1, 0]);
    const counts: number[] = [];
    counts[20] = 1;
    counts[22] = 5;
    counts[23] = 5;
    expect(peakStretch(counts, window.hours, 3)).toEqual({ from: 21, to: 24, count: 10 });
  });
});

describe('slides and due lists', () => {
  it('keeps at most seven items on a slide and says how many more', () => {
    expect(fitSlide([1, 2, 3, 4, 5, 6, 7, 8, 9])).toEqual({
      shown: [1, 2, 3, 4, 5, 6, 7],
      more: 2,
    });
    expect(fitSlide([1, 2])).toEqual({ shown: [1, 2], more: 0 });
  });
  it('puts aandachtslocaties that are most behind first, then the longest unvisited', () => {
    const rows = [
      { id: 'A', name: 'A', reason: null, visits_per_week: 2, visits: 2, last_visit: 10 },
      { id: 'B', name: 'B', reason: null, visits_per_week: 3, visits: 1, last_visit: 20 },
      { id: 'C', name: 'C', reason: null, visits_per_week: 2, visits: 0, last_visit: null },
    ];
    const ranked = rankWatchDue(rows);
    expect(ranked.map((r) => [r.id, r.due, r.shortfall])).toEqual([
      ['C', true, 2], // same shortfall as B, but never visited
      ['B', true, 2],
      ['A', false, 0],
    ]);
  });
  it('lists vacant buildings without a schouw in the last N days, never-visited first', () => {
    const at = local(2026, 7, 17);
    const row = (id: string, last: number | null) => ({
      id,
      kind: 'stal',
      buurtcode: null,
      vacant_since: null,
      last_schouw: last,
      last_outcome: null,
    });
    const due = selectSchouwDue(
      [row('X', local(2026, 7, 1)), row('Y', local(2026, 1, 5)), row('Z', null)],
      at,
      90,
    );
    expect(due.map((r) => r.id)).toEqual(['Z', 'Y']);
  });
});
