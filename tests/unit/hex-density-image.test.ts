/**
 * Picking the records' density by position: the clicked lon/lat lands in the same hexagon
 * as the SQL binning (RD New via proj4, hex-grid cellOf), with that cell's count; where no
 * records are, nothing is picked.
 */
import { describe, expect, it } from 'vitest';
import { cellOf, cellPolygon } from '../../src/lib/analysis/hex-grid';
import { wgs84ToRd } from '../../src/lib/analysis/rd';
import { fitRdPolynomial } from '../../src/lib/analysis/rd-polynomial';
import { hexCellAt } from '../../src/lib/display/map-cells';

const rd = fitRdPolynomial({ minLon: 6.1, minLat: 52.0, maxLon: 6.3, maxLat: 52.12 });

describe('hexCellAt', () => {
  it('finds the cell proj4 puts the position in, with its count', () => {
    const size = 150;
    const places: [number, number][] = [
      [6.2251, 52.0652],
      [6.1504, 52.0311],
      [6.2877, 52.1103],
    ];
    const cells = places.map(([lon, lat], i) => {
      const { q, r } = cellOf(...wgs84ToRd(lon, lat), size);
      return { q, r, count: 10 + i, polygon: cellPolygon(q, r, size) };
    });
    const data = { cells, breaks: [10, 11, 12], size, rd };
    places.forEach(([lon, lat], i) => {
      expect(hexCellAt(data, lon, lat)).toEqual({ q: cells[i].q, r: cells[i].r, count: 10 + i });
    });
    // 2 km further east: no records there.
    expect(hexCellAt(data, 6.2551, 52.0652)).toBeNull();
  });
});
