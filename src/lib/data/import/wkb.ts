/**
 * GeoPackage geometry blobs (OGC 12-128r18, §2.1.3: "GP" header, flags, srs id, optional
 * envelope) and the Well-Known Binary inside them (OGC 06-103r4 §8.2, with the ISO Z/M
 * type codes 1000/2000/3000 and the EWKB flag bits) as GeoJSON geometries. Only what area
 * boundaries need is decoded as coordinates: (Multi)Polygon and collections of them; other
 * types come back with their type name only, so the geometry check can name them.
 */
import type { Geometry, Position } from 'geojson';

const TYPE_NAMES: Record<number, string> = {
  1: 'Point',
  2: 'LineString',
  3: 'Polygon',
  4: 'MultiPoint',
  5: 'MultiLineString',
  6: 'MultiPolygon',
  7: 'GeometryCollection',
};
const ENVELOPE_BYTES = [0, 32, 48, 48, 64];

class Reader {
  at: number;
  little = true;
  constructor(
    readonly view: DataView,
    start: number,
  ) {
    this.at = start;
  }
  u8(): number {
    return this.view.getUint8(this.at++);
  }
  u32(): number {
    const v = this.view.getUint32(this.at, this.little);
    this.at += 4;
    return v;
  }
  f64(): number {
    const v = this.view.getFloat64(this.at, this.little);
    this.at += 8;
    return v;
  }
}

function ring(r: Reader, dims: number): Position[] {
  const count = r.u32();
  const out: Position[] = new Array(count);
  for (let i = 0; i < count; i++) {
    const x = r.f64();
    const y = r.f64();
    for (let d = 2; d < dims; d++) r.f64();
    out[i] = [x, y];
  }
  return out;
}

function polygon(r: Reader, dims: number): Position[][] {
  const rings = r.u32();
  return Array.from({ length: rings }, () => ring(r, dims));
}

/** One WKB geometry at the reader's position (non-area types: type name only). */
function geometry(r: Reader): Geometry | { type: string } {
  r.little = r.u8() === 1;
  const raw = r.u32();
  const ewkbZ = (raw & 0x80000000) !== 0;
  const ewkbM = (raw & 0x40000000) !== 0;
  if (raw & 0x20000000) r.u32(); // EWKB srid
  const code = raw & 0x0fffffff;
  const base = code % 1000;
  const iso = Math.floor(code / 1000); // 1: Z, 2: M, 3: ZM
  const dims = 2 + (iso === 3 ? 2 : iso > 0 ? 1 : 0) + (ewkbZ ? 1 : 0) + (ewkbM ? 1 : 0);
  const name = TYPE_NAMES[base] ?? `type ${base}`;
  if (base === 3) return { type: 'Polygon', coordinates: polygon(r, dims) };
  if (base === 6) {
    const count = r.u32();
    const parts = Array.from({ length: count }, () => {
      const part = geometry(r);
      if (part.type !== 'Polygon') throw new Error('MultiPolygon with a non-polygon part');
      return (part as { coordinates: Position[][] }).coordinates;
    });
    return { type: 'MultiPolygon', coordinates: parts };
  }
  if (base === 7) {
    const count = r.u32();
    const parts = Array.from({ length: count }, () => geometry(r));
    return { type: 'GeometryCollection', geometries: parts as Geometry[] };
  }
  return { type: name };
}

export function decodeWkb(bytes: Uint8Array, offset = 0): Geometry | { type: string } {
  return geometry(
    new Reader(new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength), offset),
  );
}

/** A GeoPackage geometry blob → GeoJSON geometry; null for the empty-geometry flag. */
export function decodeGeoPackageGeometry(blob: Uint8Array): Geometry | { type: string } | null {
  if (blob[0] !== 0x47 || blob[1] !== 0x50) throw new Error('Not a GeoPackage geometry');
  const flags = blob[3];
  const envelope = ENVELOPE_BYTES[(flags >> 1) & 0x07];
  if (envelope === undefined) throw new Error('Invalid envelope indicator');
  if (flags & 0x10) return null;
  return decodeWkb(blob, 8 + envelope);
}
