/**
 * Rijksdriehoeksstelsel (RD New, EPSG:28992) ↔ WGS84 (EPSG:4326).
 * Definition string from STACK.md (Bessel ellipsoid with the 7-parameter datum shift);
 * accurate to about a metre, which is enough for enforcement records.
 */
import proj4 from 'proj4';

export const RD_NEW =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 ' +
  '+x_0=155000 +y_0=463000 +ellps=bessel ' +
  '+towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';

const converter = proj4(RD_NEW, 'EPSG:4326');

/** RD x/y in metres → [lon, lat]. */
export function rdToWgs84(x: number, y: number): [number, number] {
  const [lon, lat] = converter.forward([x, y]);
  return [lon, lat];
}

/** [lon, lat] → RD x/y in metres. */
export function wgs84ToRd(lon: number, lat: number): [number, number] {
  const [x, y] = converter.inverse([lon, lat]);
  return [x, y];
}

/** Plausible RD New coordinates inside the Netherlands (STACK.md). */
export function looksLikeRd(x: number, y: number): boolean {
  return x >= 0 && x <= 300_000 && y >= 289_000 && y <= 629_000;
}
