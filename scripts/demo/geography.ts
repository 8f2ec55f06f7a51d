/**
 * Builds Donderdeel's areas from geography-spec.ts: buurten that tile their wijk exactly,
 * wijken as the union of their buurten (the buitengebied a polygon with the town as a
 * hole), the gemeente as the union of everything, plus lookups used by the generators.
 */
import {
  AREA_YEAR,
  BUURTEN,
  GEMEENTE,
  SUBDIVIDE_M,
  TOWN_BOX,
  WIJKEN,
  WOBBLE_RURAL_M,
  WOBBLE_TOWN_M,
  type BuurtSpec,
  type WijkSpec,
} from './geography-spec';
import {
  bboxOf,
  ccw,
  flatten,
  insertTJunctions,
  nearFlatEdge,
  pointInFlat,
  polygonArea,
  subdivideRing,
  unionCells,
  wobble,
  type BBox,
  type FlatRing,
  type Polygon,
  type Pt,
  type Ring,
} from './geometry';

export interface Buurt extends BuurtSpec {
  index: number;
  wijkIndex: number;
  /** Final ring: subdivided, with shared vertices, bent. */
  shape: Ring;
  flat: FlatRing;
  bbox: BBox;
  area: number;
}

export interface Wijk extends WijkSpec {
  index: number;
  buurten: number[];
  polygons: Polygon[];
  inhabitants: number;
  area: number;
}

export interface Geography {
  gemeente: { code: string; name: string; polygons: Polygon[]; inhabitants: number; area: number };
  wijken: Wijk[];
  buurten: Buurt[];
  /** The town outline (the buitengebied's hole). */
  townRing: Ring;
  year: number;
  /** Index of the buurt containing the point, or -1. */
  buurtAt(x: number, y: number): number;
}

function bend(p: Pt): Pt {
  const inTown =
    p[0] >= TOWN_BOX.minX &&
    p[0] <= TOWN_BOX.maxX &&
    p[1] >= TOWN_BOX.minY &&
    p[1] <= TOWN_BOX.maxY;
  return wobble(p, inTown ? WOBBLE_TOWN_M : WOBBLE_RURAL_M);
}

/** Known inhabitants only: CBS sentinels (negative) count as unknown, not as zero people. */
export function knownInhabitants(value: number): number {
  return value >= 0 ? value : 0;
}

function buildShapes(): Ring[] {
  const rings = BUURTEN.map((b) => subdivideRing(ccw(b.ring), SUBDIVIDE_M));
  return insertTJunctions(rings);
}

let cached: Geography | null = null;

function buildBuurten(shapes: readonly Ring[]): Buurt[] {
  return BUURTEN.map((spec, index) => ({
    ...spec,
    index,
    wijkIndex: WIJKEN.findIndex((w) => w.code === spec.wijk),
    shape: shapes[index],
    flat: flatten(shapes[index]),
    bbox: bboxOf([shapes[index]]),
    area: polygonArea([shapes[index]]),
  }));
}

export function buildGeography(): Geography {
  if (cached) return cached;
  const shapes = buildShapes().map((ring) => ring.map(bend));
  const buurten = buildBuurten(shapes);
  const wijken: Wijk[] = WIJKEN.map((spec, index) => {
    const members = buurten.filter((b) => b.wijkIndex === index);
    const polygons = unionCells(members.map((b) => b.shape));
    return {
      ...spec,
      index,
      buurten: members.map((b) => b.index),
      polygons,
      inhabitants: members.reduce((s, b) => s + knownInhabitants(b.inhabitants), 0),
      area: polygons.reduce((s, p) => s + polygonArea(p), 0),
    };
  });
  const gemeentePolygons = unionCells(shapes);
  const rural = wijken.find((w) => w.rural)!;
  const geography: Geography = {
    gemeente: {
      ...GEMEENTE,
      polygons: gemeentePolygons,
      inhabitants: wijken.reduce((s, w) => s + w.inhabitants, 0),
      area: gemeentePolygons.reduce((s, p) => s + polygonArea(p), 0),
    },
    wijken,
    buurten,
    townRing: rural.polygons[0][1],
    year: AREA_YEAR,
    buurtAt: (x, y) => {
      for (const b of buurten) {
        const box = b.bbox;
        if (x < box.minX || x > box.maxX || y < box.minY || y > box.maxY) continue;
        if (pointInFlat(x, y, b.flat)) return b.index;
      }
      return -1;
    },
  };
  checkTiling(geography);
  cached = geography;
  return geography;
}

/** The construction guarantees exact tiling; this guards against a broken spec edit. */
function checkTiling(g: Geography): void {
  const sum = g.buurten.reduce((s, b) => s + b.area, 0);
  if (
    Math.abs(sum - g.gemeente.area) > 1e-6 * g.gemeente.area ||
    g.gemeente.polygons.length !== 1
  ) {
    throw new Error('Donderdeel: buurten do not tile the gemeente');
  }
  for (const b of g.buurten) {
    if (b.wijkIndex < 0) throw new Error(`Donderdeel: buurt ${b.code} has an unknown wijk`);
  }
}

export function wijkOfBuurt(g: Geography, buurtIndex: number): Wijk {
  return g.wijken[g.buurten[buurtIndex].wijkIndex];
}

/** True when the point lies closer than `d` to the boundary of the buurt it is in. */
export function nearBuurtEdge(
  g: Geography,
  buurtIndex: number,
  x: number,
  y: number,
  d: number,
): boolean {
  return nearFlatEdge(x, y, g.buurten[buurtIndex].flat, d);
}

export function isRuralBuurt(g: Geography, buurtIndex: number): boolean {
  return g.wijken[g.buurten[buurtIndex].wijkIndex].rural;
}

export function wijkByCode(g: Geography, code: string): Wijk {
  const wijk = g.wijken.find((w) => w.code === code);
  if (!wijk) throw new Error(`unknown wijk ${code}`);
  return wijk;
}
