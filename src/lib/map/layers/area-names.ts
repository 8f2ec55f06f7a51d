/**
 * Wijk and buurt names on the offline base map (the PDOK map brings its own): which names,
 * where. MapLibre would need a glyph server for text; the names are drawn on a canvas of
 * their own in the page's font instead (area-names-canvas.ts), so nothing is fetched from
 * anywhere. Wijk names below zoom 14, buurt names from there on (where the file has
 * buurten); names that would overlap another are left out, larger areas first.
 */
import { area as turfArea, booleanPointInPolygon, centerOfMass, pointOnFeature } from '@turf/turf';
import type { Feature, FeatureCollection, MultiPolygon, Polygon } from 'geojson';
import type { StyleSpecification } from 'maplibre-gl';
import { placeLabels } from '../label-placement';

export interface AreaName {
  position: [number, number];
  name: string;
  /** m², for the order of importance. */
  area: number;
}

export interface AreaNames {
  wijk: AreaName[];
  buurt: AreaName[];
}

/** From this zoom on buurt names replace wijk names. */
export const BUURT_NAMES_ZOOM = 14;
/** Font size of the names (px). */
export const NAME_SIZE = 12;

function isPolygonal(f: Feature): f is Feature<Polygon | MultiPolygon> {
  return f.geometry?.type === 'Polygon' || f.geometry?.type === 'MultiPolygon';
}

/** A point inside the area for its label: the centre of mass, or a point on it when that falls outside (a U-shaped wijk). */
function labelPoint(feature: Feature<Polygon | MultiPolygon>): [number, number] {
  const centre = centerOfMass(feature);
  const inside = booleanPointInPolygon(centre, feature)
    ? centre
    : pointOnFeature(feature as Feature<Polygon>);
  const [lon, lat] = inside.geometry.coordinates;
  return [lon, lat];
}

function namesOf(collection: FeatureCollection | undefined): AreaName[] {
  if (!collection) return [];
  return collection.features
    .filter(isPolygonal)
    .filter((f) => typeof f.properties?.name === 'string' && f.properties.name.trim() !== '')
    .filter((f) => f.properties?.water !== true)
    .map((f) => ({
      position: labelPoint(f),
      name: String(f.properties!.name).trim(),
      area: turfArea(f),
    }))
    .sort((a, b) => b.area - a.area);
}

const cache = new WeakMap<object, AreaNames>();

/** The names of the wijken and buurten held by the offline style's GeoJSON sources. */
export function areaNamesOfStyle(style: StyleSpecification | string): AreaNames | null {
  if (typeof style === 'string') return null;
  let names = cache.get(style);
  if (!names) {
    const data = (id: string) => {
      const source = style.sources[id];
      return source?.type === 'geojson' && typeof source.data === 'object'
        ? (source.data as FeatureCollection)
        : undefined;
    };
    names = { wijk: namesOf(data('wijken')), buurt: namesOf(data('buurten')) };
    cache.set(style, names);
  }
  return names;
}

/**
 * The names to draw at this zoom, without overlaps; `project` gives screen pixels.
 */
export function placeAreaNames(
  names: AreaNames,
  zoom: number,
  project: (position: [number, number]) => [number, number],
): AreaName[] {
  const level = zoom >= BUURT_NAMES_ZOOM && names.buurt.length > 0 ? names.buurt : names.wijk;
  return placeLabels(
    level.map((item) => ({ item, at: project(item.position), text: item.name })),
    NAME_SIZE,
    6,
  ).map((p) => p.item);
}
