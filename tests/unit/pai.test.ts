/**
 * Prediction Accuracy Index, PAI = (n/N) / (a/A) (Chainey, Tompson & Uhlig 2008). The
 * example is hand-made and computed in the comments.
 */
import { describe, expect, it } from 'vitest';
import { computePai } from '../../src/lib/analysis/pai';

describe('computePai', () => {
  it('50 of 200 events in hotspots covering 2 of 40 km²: PAI = 0.25 / 0.05 = 5', () => {
    const r = computePai({ eventsInHotspots: 50, totalEvents: 200, hotspotArea: 2, totalArea: 40 });
    expect(r).toMatchObject({ computable: true, hitRate: 0.25, areaShare: 0.05 });
    if (!r.computable) return;
    expect(r.pai).toBeCloseTo(5, 12);
    expect(r.explanation).toBe(
      '25% van de gebeurtenissen viel in de voorspelde hotspots, die 5,0% van het gebied beslaan: 5,0 keer zoveel als bij toeval (PAI).',
    );
  });

  it('hotspots that catch only their share of the area score 1', () => {
    // 30 of 300 events (10%) in 10% of the area (3 of 30 km²)
    const r = computePai({ eventsInHotspots: 30, totalEvents: 300, hotspotArea: 3, totalArea: 30 });
    expect(r.computable && r.pai).toBeCloseTo(1, 12);
  });

  it('zero events, zero hotspot area or zero study area: niet te berekenen', () => {
    const cases = [
      [
        { eventsInHotspots: 0, totalEvents: 0, hotspotArea: 2, totalArea: 40 },
        /geen gebeurtenissen/,
      ],
      [{ eventsInHotspots: 0, totalEvents: 10, hotspotArea: 0, totalArea: 40 }, /geen hotspots/],
      [{ eventsInHotspots: 0, totalEvents: 10, hotspotArea: 0, totalArea: 0 }, /geen oppervlakte/],
      [
        { eventsInHotspots: 11, totalEvents: 10, hotspotArea: 1, totalArea: 40 },
        /meer gebeurtenissen/,
      ],
      [
        { eventsInHotspots: 1, totalEvents: 10, hotspotArea: 50, totalArea: 40 },
        /groter dan het hele/,
      ],
      [{ eventsInHotspots: NaN, totalEvents: 10, hotspotArea: 1, totalArea: 40 }, /0 of groter/],
    ] as const;
    for (const [input, reason] of cases) {
      const r = computePai(input);
      expect(r.computable).toBe(false);
      if (!r.computable) expect(r.reason).toMatch(reason);
    }
  });

  it('a hit rate of 0 is a valid PAI of 0', () => {
    const r = computePai({ eventsInHotspots: 0, totalEvents: 10, hotspotArea: 1, totalArea: 40 });
    expect(r).toMatchObject({ computable: true, pai: 0 });
  });
});
