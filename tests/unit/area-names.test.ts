/**
 * Names on the offline map (map/layers/area-names.ts): wijk names when zoomed out, buurt
 * names from zoom 14, a label point inside its area even for a U-shaped one, larger areas
 * first, no two names overlapping, and nothing for water or a nameless area.
 */
import type { FeatureCollection, Polygon } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { booleanPointInPolygon, point } from '@turf/turf';
import { describe, expect, it } from 'vitest';
import {
  areaNamesOfStyle,
  BUURT_NAMES_ZOOM,
  placeAreaNames,
} from '../../src/lib/map/layers/area-names';

const square = (x: number, y: number, size: number): Polygon => ({
  type: 'Polygon',
  coordinates: [
    [
      [x, y],
      [x + size, y],
      [x + size, y + size],
      [x, y + size],
      [x, y],
    ],
  ],
});
/** A U open to the north: its centre of mass lies in the gap, outside the area. */
const uShape: Polygon = {
  type: 'Polygon',
  coordinates: [
    [
      [5.0, 51.0],
      [5.03, 51.0],
      [5.03, 51.03],
      [5.02, 51.03],
      [5.02, 51.005],
      [5.01, 51.005],
      [5.01, 51.03],
      [5.0, 51.03],
      [5.0, 51.0],
    ],
  ],
};

const collection = (
  items: { name: string | null; geometry: Polygon; water?: boolean }[],
): FeatureCollection => ({
  type: 'FeatureCollection',
  features: items.map((i) => ({
    type: 'Feature',
    geometry: i.geometry,
    properties: { name: i.name, water: i.water ?? false },
  })),
});

const style = (wijken: FeatureCollection, buurten?: FeatureCollection) =>
  ({
    version: 8,
    sources: {
      wijken: { type: 'geojson', data: wijken },
      ...(buurten ? { buurten: { type: 'geojson', data: buurten } } : {}),
    },
    layers: [],
  }) as unknown as StyleSpecification;

/** A plain projection: 1° = 1,000 px at zoom 10, doubling per zoom level. */
const projectAt = (zoom: number) => (p: [number, number]) =>
  [p[0] * 1000 * 2 ** (zoom - 10), -p[1] * 1000 * 2 ** (zoom - 10)] as [number, number];

describe('names on the offline map', () => {
  const wijken = collection([
    { name: 'Klein', geometry: square(5.1, 51.1, 0.01) },
    { name: 'Hoefijzer', geometry: uShape },
    { name: 'Groot', geometry: square(5.2, 51.2, 0.05) },
    { name: 'Meer', geometry: square(5.4, 51.4, 0.05), water: true },
    { name: null, geometry: square(5.5, 51.5, 0.05) },
  ]);
  const buurten = collection([
    { name: 'Markt', geometry: square(5.1, 51.1, 0.005) },
    { name: 'Kerkbuurt', geometry: square(5.105, 51.1, 0.005) },
  ]);

  it('reads the names from the offline style, larger areas first, none for water or no name', () => {
    const names = areaNamesOfStyle(style(wijken, buurten))!;
    expect(names.wijk.map((n) => n.name)).toEqual(['Groot', 'Hoefijzer', 'Klein']);
    expect(names.buurt.map((n) => n.name).sort()).toEqual(['Kerkbuurt', 'Markt']);
    expect(areaNamesOfStyle('https://example.org/style.json')).toBeNull();
  });

  it('puts a label inside a U-shaped area, not in its gap', () => {
    const names = areaNamesOfStyle(style(wijken))!;
    const u = names.wijk.find((n) => n.name === 'Hoefijzer')!;
    expect(booleanPointInPolygon(point(u.position), uShape)).toBe(true);
  });

  it('shows wijk names zoomed out and buurt names from zoom 14', () => {
    const names = areaNamesOfStyle(style(wijken, buurten))!;
    const out = placeAreaNames(names, 12, projectAt(12)).map((n) => n.name);
    expect(out).toContain('Groot');
    expect(out).not.toContain('Markt');
    const zoomed = placeAreaNames(names, BUURT_NAMES_ZOOM, projectAt(BUURT_NAMES_ZOOM));
    expect(zoomed.map((n) => n.name).sort()).toEqual(['Kerkbuurt', 'Markt']);
    // Without buurten the wijk names stay when zoomed in.
    const only = areaNamesOfStyle(style(wijken))!;
    expect(placeAreaNames(only, 16, projectAt(16)).length).toBe(3);
  });

  it('leaves out a name that would overlap a larger area’s name', () => {
    const close = collection([
      { name: 'Grote wijk', geometry: square(5.0, 51.0, 0.02) },
      { name: 'Buurman', geometry: square(5.0201, 51.0, 0.0001) },
    ]);
    const names = areaNamesOfStyle(style(close))!;
    // At zoom 8 both label points are a few pixels apart: only the larger area's name stays.
    expect(placeAreaNames(names, 8, projectAt(8)).map((n) => n.name)).toEqual(['Grote wijk']);
    expect(placeAreaNames(names, 14, projectAt(14)).map((n) => n.name)).toHaveLength(2);
  });
});
