/**
 * RD New ↔ WGS84 against published reference points: the RD origin (Amersfoort, Onze Lieve
 * Vrouwetoren: x 155000, y 463000 ↔ 52.15517440 N, 5.38720621 E — Kadaster/NSGI, as quoted
 * in Schreutelkamp & Strang van Hees, "Benaderingsformules voor de transformatie tussen RD-
 * en WGS84-kaartcoördinaten", 2001). Tolerance: 1e-5 degrees (about a metre), the accuracy
 * of the 7-parameter datum shift.
 */
import { describe, expect, it } from 'vitest';
import { looksLikeRd, rdToWgs84, wgs84ToRd } from '../../src/lib/analysis/rd';

describe('RD New', () => {
  it('maps the Amersfoort origin to its published WGS84 position', () => {
    const [lon, lat] = rdToWgs84(155000, 463000);
    expect(Math.abs(lat - 52.1551744)).toBeLessThan(1e-5);
    expect(Math.abs(lon - 5.38720621)).toBeLessThan(1e-5);
  });

  it('round-trips to within a centimetre', () => {
    const [lon, lat] = rdToWgs84(211987.51, 452145.5);
    const [x, y] = wgs84ToRd(lon, lat);
    expect(Math.abs(x - 211987.51)).toBeLessThan(0.01);
    expect(Math.abs(y - 452145.5)).toBeLessThan(0.01);
  });

  it('recognises RD ranges and not WGS84 degrees', () => {
    expect(looksLikeRd(155000, 463000)).toBe(true);
    expect(looksLikeRd(5.387, 52.155)).toBe(false);
    expect(looksLikeRd(463000, 155000)).toBe(false);
  });
});
