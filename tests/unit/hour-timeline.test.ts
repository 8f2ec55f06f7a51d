/**
 * The hour timeline behind the aoristic accumulator: runs of hours added in O(1) must fold
 * into exactly the cells and months of adding every hour one by one, in any order (the
 * buffers grow both ways), and hours that got nothing must stay exactly 0.
 */
import { describe, expect, it } from 'vitest';
import { monthIndexOfDay, weekdayOfDay } from '../../src/lib/analysis/fast-local-time';
import { HourTimeline } from '../../src/lib/analysis/hour-timeline';
import { createRandom } from '../../src/lib/analysis/random';

const hourOf = (iso: string) => Date.parse(iso + 'Z') / 3_600_000;

/** The plain way: every hour added to its cell and month. */
function naive(ranges: [number, number, number][]) {
  const cells = new Float64Array(168);
  const months = new Map<number, number>();
  for (const [h0, h1, w] of ranges) {
    for (let h = h0; h < h1; h++) {
      const day = Math.floor(h / 24);
      cells[weekdayOfDay(day) * 24 + (h - day * 24)] += w;
      const m = monthIndexOfDay(day);
      months.set(m, (months.get(m) ?? 0) + w);
    }
  }
  return { cells, months };
}

describe('hour timeline', () => {
  it('a run over a month end: Monday 31-03-2025 22:00 to Tuesday 02:00', () => {
    const t = new HourTimeline();
    t.addRange(hourOf('2025-03-31T22:00'), hourOf('2025-04-01T02:00'), 0.25);
    const cells = new Float64Array(168);
    const { firstYear, values } = t.fold(cells);
    expect(cells[0 * 24 + 22]).toBe(0.25);
    expect(cells[0 * 24 + 23]).toBe(0.25);
    expect(cells[1 * 24 + 0]).toBe(0.25);
    expect(cells[1 * 24 + 1]).toBe(0.25);
    expect(cells[1 * 24 + 2]).toBe(0);
    expect(firstYear).toBe(2025);
    expect(values.length).toBe(12);
    expect(values[2]).toBe(0.5); // March
    expect(values[3]).toBe(0.5); // April
  });

  it('random runs and single hours over five years, added out of order, equal the plain sum', () => {
    const rng = createRandom(42);
    const random = () => rng.next();
    const start = hourOf('2022-01-01T00:00');
    const ranges: [number, number, number][] = [];
    const t = new HourTimeline();
    for (let i = 0; i < 2000; i++) {
      // Later years first for some, so the buffers also grow downwards.
      const h0 = start + Math.floor(random() * 5 * 8760);
      const length = random() < 0.3 ? 1 : 1 + Math.floor(random() * 72);
      const w = 1 / (1 + Math.floor(random() * 50));
      ranges.push([h0, h0 + length, w]);
      if (length === 1) t.add(h0, w);
      else t.addRange(h0, h0 + length, w);
    }
    const cells = new Float64Array(168);
    const { firstYear, values } = t.fold(cells);
    const want = naive(ranges);
    for (let i = 0; i < 168; i++) expect(cells[i]).toBeCloseTo(want.cells[i], 9);
    for (const [month, w] of want.months) expect(values[month - firstYear * 12]).toBeCloseTo(w, 9);
    const total = ranges.reduce((sum, [h0, h1, w]) => sum + (h1 - h0) * w, 0);
    expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(total, 6);
  });

  it('hours between runs stay exactly 0, without rounding residue', () => {
    const t = new HourTimeline();
    const h = hourOf('2026-06-01T00:00'); // a Monday
    t.addRange(h, h + 3, 0.1);
    t.addRange(h + 1, h + 4, 0.7);
    t.addRange(h + 10, h + 12, 1 / 3);
    const cells = new Float64Array(168);
    t.fold(cells);
    for (const k of [4, 5, 6, 7, 8, 9, 12, 13, 23]) expect(cells[k]).toBe(0);
    expect(cells[3]).toBeCloseTo(0.7, 12);
  });

  it('hours at the very edge of the buffer fold without reading past it (no NaN)', () => {
    // Issue 23: the first hour allocates one year either side; an hour exactly at the far
    // end (2026-01-02 00:00 after 2025-01-01 00:00) fits the buffer, but fold reads the whole
    // day to 23:00, past the buffer's end, and gave 22 NaN cells.
    const t = new HourTimeline();
    t.add(hourOf('2025-01-01T00:00'), 1);
    t.add(hourOf('2026-01-02T00:00'), 1);
    const cells = new Float64Array(168);
    const { values } = t.fold(cells);
    for (let i = 0; i < 168; i++) expect(Number.isFinite(cells[i])).toBe(true);
    expect(cells.reduce((a, b) => a + b, 0)).toBe(2);
    expect(cells[2 * 24]).toBe(1); // woensdag 01-01-2025 00 h
    expect(cells[4 * 24]).toBe(1); // vrijdag 02-01-2026 00 h
    expect(Array.from(values).every(Number.isFinite)).toBe(true);
    expect(values.reduce((a, b) => a + b, 0)).toBe(2);
  });

  it('edge hours in any order and at either end of the buffer stay finite', () => {
    const rng = createRandom(7);
    const base = hourOf('2025-01-01T00:00');
    for (let run = 0; run < 200; run++) {
      const t = new HourTimeline();
      const hours = [base];
      // Hours near one year (the growth chunk) away, either side, at any hour of the day.
      for (let k = 0; k < 3; k++) {
        const side = rng.next() < 0.5 ? -1 : 1;
        hours.push(base + side * (24 * 366 - 30 + Math.floor(rng.next() * 60)));
      }
      for (const h of hours) t.add(h, 1);
      const cells = new Float64Array(168);
      const { values } = t.fold(cells);
      expect(cells.every(Number.isFinite)).toBe(true);
      expect(values.every(Number.isFinite)).toBe(true);
      expect(cells.reduce((a, b) => a + b, 0)).toBe(hours.length);
    }
  });

  it('nothing added gives no months', () => {
    const { values } = new HourTimeline().fold(new Float64Array(168));
    expect(values.length).toBe(0);
  });
});
