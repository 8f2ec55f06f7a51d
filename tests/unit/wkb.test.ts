/**
 * GeoPackage blobs and WKB written by hand from the specifications (OGC 12-128r18 §2.1.3,
 * OGC 06-103r4 §8.2.7/8.2.8, ISO Z type codes): byte order, envelope, Z values, empty flag.
 */
import { describe, expect, it } from 'vitest';
import { decodeGeoPackageGeometry, decodeWkb } from '../../src/lib/data/import/wkb';

function writer(little: boolean) {
  const bytes: number[] = [];
  const view = new DataView(new ArrayBuffer(8));
  return {
    bytes,
    u8: (v: number) => bytes.push(v),
    u32: (v: number) => {
      view.setUint32(0, v, little);
      bytes.push(...new Uint8Array(view.buffer.slice(0, 4)));
    },
    f64: (v: number) => {
      view.setFloat64(0, v, little);
      bytes.push(...new Uint8Array(view.buffer.slice(0, 8)));
    },
  };
}

const SQUARE = [
  [0, 0],
  [1, 0],
  [1, 1],
  [0, 0],
];

function polygonWkb(little: boolean, z = false) {
  const w = writer(little);
  w.u8(little ? 1 : 0);
  w.u32(z ? 1003 : 3);
  w.u32(1);
  w.u32(SQUARE.length);
  for (const [x, y] of SQUARE) {
    w.f64(x);
    w.f64(y);
    if (z) w.f64(12.5);
  }
  return w.bytes;
}

describe('WKB and GeoPackage geometry', () => {
  it.each([true, false])('polygon, little-endian %s', (little) => {
    expect(decodeWkb(new Uint8Array(polygonWkb(little)))).toEqual({
      type: 'Polygon',
      coordinates: [SQUARE],
    });
  });

  it('a MultiPolygon Z (ISO 1006) drops the heights; parts may differ in byte order', () => {
    const w = writer(false);
    w.u8(0);
    w.u32(1006);
    w.u32(2);
    const bytes = [...w.bytes, ...polygonWkb(true, true), ...polygonWkb(false, true)];
    expect(decodeWkb(new Uint8Array(bytes))).toEqual({
      type: 'MultiPolygon',
      coordinates: [[SQUARE], [SQUARE]],
    });
  });

  it('a GeoPackage blob with an xy envelope (indicator 1, 32 bytes)', () => {
    const header = [0x47, 0x50, 0, 0b00000011, 0x40, 0x71, 0, 0]; // little-endian, srs 28992
    const envelope = new Array(32).fill(0);
    const blob = new Uint8Array([...header, ...envelope, ...polygonWkb(true)]);
    expect(decodeGeoPackageGeometry(blob)).toEqual({ type: 'Polygon', coordinates: [SQUARE] });
  });

  it('the empty flag gives null; a line gives its type name only', () => {
    expect(
      decodeGeoPackageGeometry(new Uint8Array([0x47, 0x50, 0, 0b00010001, 0, 0, 0, 0])),
    ).toBeNull();
    const w = writer(true);
    w.u8(1);
    w.u32(2);
    expect(decodeWkb(new Uint8Array(w.bytes))).toEqual({ type: 'LineString' });
  });

  it('refuses what is not a GeoPackage blob', () => {
    expect(() => decodeGeoPackageGeometry(new Uint8Array([1, 2, 3, 4]))).toThrow();
  });
});
