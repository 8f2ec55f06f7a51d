/**
 * What the projected slides show, from hand-made rows: small counts as "<5" everywhere a
 * count of residents' records appears, places at buurt level, times at hour precision, and
 * never more than seven items.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DAGDELEN, historyWindow } from '../../src/lib/analysis/briefing';
import {
  composeExpected,
  composeRecent,
  composeFocus,
  describeConfidence,
} from '../../src/lib/state/briefing/briefing-slides';

const names = new Map([
  ['BU1', 'Parkwijk'],
  ['BU2', 'Markt'],
]);
const t = (d: number, h: number, m = 0) => Date.UTC(2026, 6, d, h, m);

describe('composeRecent', () => {
  const groups = [
    { theme: 'jeugd', buurtcode: 'BU1', n: 4, first: t(17, 9), last: t(17, 21, 47) },
    { theme: 'jeugd', buurtcode: 'BU2', n: 3, first: t(17, 9), last: t(17, 20, 5) },
    { theme: 'afval', buurtcode: 'BU2', n: 2, first: t(17, 9), last: t(17, 10, 12) },
    { theme: 'honden', buurtcode: null, n: 1, first: t(16, 9), last: t(16, 23, 59) },
  ];
  const slide = composeRecent(groups, 24, names);

  it('suppresses small counts per theme and per buurt, not the sums above 4', () => {
    expect(slide.items.map((i) => [i.theme, i.count])).toEqual([
      ['Jeugdoverlast', '7'],
      ['Afval', '<5'],
      ['Honden', '<5'],
    ]);
    expect(slide.total).toBe('10');
    expect(slide.buurten).toEqual([
      // The map colours by `n`: null for a hidden count, so the colour cannot tell it.
      { code: 'BU1', n: null, count: '<5' },
      { code: 'BU2', n: 5, count: '5' },
    ]);
  });
  it('names buurten, not coordinates, and times to the hour', () => {
    expect(slide.items[0].places).toBe('Parkwijk, Markt');
    expect(slide.items[2].places).toBe('buiten de buurten');
    expect(slide.items[0].last).toBe('vr 17 jul, 21 uur');
    expect(JSON.stringify(slide.items)).not.toMatch(/\d:\d\d|6\.\d{3}|52\.\d{3}/);
  });
  it('keeps at most seven themes on the slide', () => {
    const many = Array.from({ length: 9 }, (_, i) => ({
      theme: `thema${i}`,
      buurtcode: 'BU1',
      n: 10 - i,
      first: t(17, 1),
      last: t(17, 2),
    }));
    const s = composeRecent(many, 72, names);
    expect(s.items).toHaveLength(7);
    expect(s.more).toBe(2);
  });
});

describe('composeExpected and composeFocus', () => {
  const avond = DEFAULT_DAGDELEN.find((d) => d.id === 'avond')!;
  const window = historyWindow({ date: '2026-07-17', dagdeel: avond }, 4);
  // Three records at one spot in Parkwijk on Friday evenings.
  const records = [19, 26, 33].map((d) => ({
    lon: 6.1937,
    lat: 52.0684,
    t: Date.UTC(2026, 5, d, 21),
    theme: 'jeugd',
    buurtcode: 'BU1',
  }));

  it('shows an expected hotspot with few records as "<5"', () => {
    const slide = composeExpected(records, window, names);
    expect(slide.areas).toHaveLength(1);
    expect(slide.areas[0]).toMatchObject({
      rank: 1,
      place: 'Parkwijk',
      theme: 'Jeugdoverlast',
      count: '<5 registraties',
      peak: 'piek 20–22 uur',
      // Only hot spots tested for significance say how sure they are.
      confidence: null,
      // Weeks with a record bound the hidden count from below (4 of 4 weeks: it is 4).
      weeks: '—',
    });
    expect(slide.total).toBe('<5');
    expect(slide.hours.find((h) => h.hour === 21)!.count).toBe('<5');
    expect(slide.hours.find((h) => h.hour === 18)!.count).toBe('0');
  });
  it('says how sure a hotspot is', () => {
    expect(describeConfidence(2)).toBe('hotspot, 95 % betrouwbaar');
    expect(describeConfidence(3)).toBe('hotspot, 99 % betrouwbaar');
  });
  it('takes the coordinator’s focus themes before the busiest ones', () => {
    const watch = [
      { id: 'AL-X', name: 'X', reason: null, visits_per_week: 2, visits: 0, last_visit: null },
    ];
    const chosen = composeFocus(records, ['afval'], watch, window);
    expect(chosen.themes).toEqual([{ theme: 'afval', label: 'Afval', count: '0', chosen: true }]);
    const busiest = composeFocus(records, [], watch, window);
    expect(busiest.themes.map((x) => [x.theme, x.count])).toEqual([['jeugd', '<5']]);
    expect(busiest.watch[0]).toMatchObject({ name: 'X', due: true, lastVisit: null });
  });
});
