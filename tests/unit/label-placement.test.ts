/** Map labels never overlap: a greedy pass keeps the most important and drops the rest. */
import { describe, expect, it } from 'vitest';
import { boxesIntersect, labelBox, placeLabels } from '../../src/lib/map/label-placement';

describe('placeLabels', () => {
  it('keeps the first of two labels that would overlap, and both when apart', () => {
    const near = placeLabels(
      [
        { item: 'a', at: [100, 100], text: '12' },
        { item: 'b', at: [110, 104], text: '<5' },
        { item: 'c', at: [300, 100], text: '<5' },
      ],
      30,
    );
    expect(near.map((p) => p.item)).toEqual(['a', 'c']);
  });

  it('leaves no two placed boxes intersecting in a crowded field', () => {
    // 200 labels on a 40 px lattice with jitter: many would touch at 30 px.
    let seed = 7;
    const random = () => ((seed = (seed * 16807) % 2147483647) / 2147483647) * 40;
    const candidates = Array.from({ length: 200 }, (_, i) => ({
      item: i,
      at: [(i % 20) * 40 + random(), Math.floor(i / 20) * 40 + random()] as [number, number],
      text: i % 3 === 0 ? '<5' : String(i),
    }));
    const placed = placeLabels(candidates, 30);
    expect(placed.length).toBeGreaterThan(20);
    expect(placed.length).toBeLessThan(200);
    for (const [i, a] of placed.entries()) {
      for (const b of placed.slice(i + 1)) expect(boxesIntersect(a.box, b.box)).toBe(false);
      // The box covers the drawn text: at 30 px each glyph is more than 15 px wide.
      expect(a.box.x1 - a.box.x0).toBeGreaterThan(a.text.length * 15);
    }
  });

  it('measures boxes around the label centre', () => {
    expect(labelBox([50, 50], '<5', 30, 0)).toEqual({ x0: 31.4, y0: 35, x1: 68.6, y1: 65 });
  });
});
