/** The two parsers of shpjs 6 that the Shapefile import uses (the package ships no types). */
declare module 'shpjs' {
  /** Geometries (GeoJSON, coordinates untransformed without a projection) of a .shp. */
  export function parseShp(shp: ArrayBuffer | ArrayBufferView): import('geojson').Geometry[];
  /** Attribute rows of a .dbf; `cpg` names the text encoding (e.g. 'UTF-8'). */
  export function parseDbf(
    dbf: ArrayBuffer | ArrayBufferView,
    cpg?: string,
  ): Record<string, unknown>[];
}
