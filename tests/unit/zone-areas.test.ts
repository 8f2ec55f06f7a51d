/**
 * The map of the three areas (analysis/zone-areas.ts) draws each place in the area where
 * the evaluation counts it (intervention-zones.ts), and the buffer ring has the area a
 * ring of width r around a convex polygon has: perimeter · r + π · r² (hand-computed for a
 * 200 m square and r = 100 m: 800 · 100 + π · 100² = 111,416 m²).
 */
import { area, bbox, booleanPointInPolygon, destination, feature, point } from '@turf/turf';
import type { Polygon } from 'geojson';
import { describe, expect, it } from 'vitest';
import { buildZoneClassifier, type AreaGeometry } from '../../src/lib/analysis/intervention-zones';
import { buildZoneAreas, unionOf, zoneMapBounds } from '../../src/lib/analysis/zone-areas';

/** A square of `side` metres with its south-west corner at (lon, lat), in WGS84. */
function square(lon: number, lat: number, side: number): Polygon {
  const sw = point([lon, lat]);
  const se = destination(sw, side, 90, { units: 'meters' });
  const ne = destination(se, side, 0, { units: 'meters' });
  const nw = destination(sw, side, 0, { units: 'meters' });
  const ring = [sw, se, ne, nw, sw].map((p) => p.geometry.coordinates);
  return { type: 'Polygon', coordinates: [ring] };
}

const TARGET = square(6.229, 52.064, 200);
const MUNICIPALITY = square(6.2, 52.05, 5000);

describe('buildZoneAreas', () => {
  const areas = buildZoneAreas(TARGET, 100, MUNICIPALITY);
  const of = (zone: string) => areas.find((a) => a.zone === zone)!.geometry;

  it('draws control, buffer and target, the target on top', () => {
    expect(areas.map((a) => a.zone)).toEqual(['control', 'buffer', 'target']);
    expect(area(feature(of('target')))).toBeCloseTo(40_000, -2);
    // Within 1%: Turf's buffer approximates the quarter circles with 16 steps.
    expect(area(feature(of('buffer'))) / 111_416).toBeCloseTo(1, 2);
    const rest = area(feature(MUNICIPALITY)) - 40_000 - area(feature(of('buffer')));
    expect(area(feature(of('control'))) / rest).toBeCloseTo(1, 3);
  });

  it('puts every place in the area that counts it', () => {
    const classify = buildZoneClassifier({ target: TARGET as AreaGeometry, bufferM: 100 });
    const [[x0, y0]] = TARGET.coordinates[0];
    let checked = 0;
    for (let dx = -0.004; dx <= 0.007; dx += 0.00037) {
      for (let dy = -0.003; dy <= 0.005; dy += 0.00029) {
        const [lon, lat] = [x0 + dx, y0 + dy];
        const counted = classify({ lon, lat, wijkcode: null, day: '' });
        const drawn = areas
          .filter((a) => booleanPointInPolygon([lon, lat], a.geometry))
          .map((a) => a.zone);
        // Right on the buffer's edge the RD distance and Turf's ring may differ by a metre.
        const edge = Math.abs(distanceToTarget(lon, lat) - 100) < 3;
        if (!edge) {
          expect(drawn).toEqual([counted]);
          checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });

  it('has no buffer at 0 m, and no control area without one', () => {
    expect(buildZoneAreas(TARGET, 0, MUNICIPALITY).map((a) => a.zone)).toEqual([
      'control',
      'target',
    ]);
    expect(buildZoneAreas(TARGET, 100, null).map((a) => a.zone)).toEqual(['buffer', 'target']);
  });

  it('frames target and buffer with as much again around them, or the control wijk too', () => {
    const [bw, bs, be, bn] = bbox(feature(of('buffer')));
    const [[w, s], [e, n]] = zoneMapBounds(areas, false);
    expect([w, s, e, n]).toEqual([bw - (be - bw), bs - (bn - bs), be + (be - bw), bn + (bn - bs)]);
    const [[ww, ws]] = zoneMapBounds(areas, true);
    // The control area's corner: the municipality's.
    const [mw, ms] = bbox(feature(MUNICIPALITY));
    expect(ww).toBeCloseTo(mw, 9);
    expect(ws).toBeCloseTo(ms, 9);
  });

  it('takes the union of the wijken as the municipality when it has no outline', () => {
    const west = square(6.2, 52.05, 1000);
    const east: Polygon = square(6.2 + 1000 / 68_600, 52.05, 1000);
    const whole = unionOf([west, east])!;
    expect(area(feature(whole as Polygon)) / 2_000_000).toBeCloseTo(1, 2);
    expect(unionOf([])).toBeNull();
  });
});

/** Metres from (lon, lat) to the target square's edge (approximate, for the edge skip). */
function distanceToTarget(lon: number, lat: number): number {
  const [[x0, y0], , [x1, y1]] = TARGET.coordinates[0];
  const mx = 111_320 * Math.cos((lat * Math.PI) / 180);
  const my = 110_574;
  const dx = Math.max(x0 - lon, 0, lon - x1) * mx;
  const dy = Math.max(y0 - lat, 0, lat - y1) * my;
  const outside = Math.hypot(dx, dy);
  if (outside > 0) return outside;
  return Math.min(lon - x0, x1 - lon) * mx < Math.min(lat - y0, y1 - lat) * my
    ? Math.min(lon - x0, x1 - lon) * mx
    : Math.min(lat - y0, y1 - lat) * my;
}
