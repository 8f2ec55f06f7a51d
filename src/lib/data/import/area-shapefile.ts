/**
 * A zipped Shapefile (.shp geometry, .dbf attributes, .prj coordinate system, optional
 * .cpg encoding) as boundary features. shpjs parses the .shp and .dbf; the .prj decides
 * RD New or WGS84 — RD is converted with the project's own definition (with the datum
 * shift), which an ESRI .prj lacks.
 */
import { parseDbf, parseShp } from 'shpjs';
import { readZipDirectory, readZipEntries, ZipError } from '../zip-reader';
import { detectCrs, type AreaSource, type RawAreaFeature } from './area-sources';
import { ImportError, MAX_IMPORT_BYTES } from './stage';

const WANTED = /\.(shp|dbf|prj|cpg)$/i;
const RD_PRJ = /28992|amersfoort|rd_new/i;

/**
 * The Shapefile parts of the zip, unpacked up to the import limit: a zip bomb is refused
 * from its declared sizes, or stopped where it inflates past them (issue 27, item 11).
 */
async function unzipParts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  try {
    const wanted = readZipDirectory(bytes).filter(
      (e) => !e.name.includes('__MACOSX') && WANTED.test(e.name),
    );
    return await readZipEntries(bytes, wanted, MAX_IMPORT_BYTES);
  } catch (error) {
    if (error instanceof ZipError) throw new ImportError(error.message);
    throw error;
  }
}

export async function readShapefileZip(bytes: Uint8Array): Promise<AreaSource> {
  const parts = await unzipParts(bytes);
  const shps = [...parts.keys()].filter((n) => /\.shp$/i.test(n));
  if (shps.length === 0) {
    throw new ImportError(
      'Het zip-bestand bevat geen Shapefile (.shp). Pak de .shp, .dbf en .prj van de grenzen samen in.',
    );
  }
  if (shps.length > 1) {
    throw new ImportError(
      `Het zip-bestand bevat ${shps.length} Shapefiles (${shps.join(', ')}); zet elk niveau (wijken, buurten) in een eigen zip.`,
    );
  }
  const base = shps[0].slice(0, -4);
  const part = (ext: string) =>
    [...parts].find(
      ([name]) => name.slice(0, -4) === base && name.slice(-3).toLowerCase() === ext,
    )?.[1];
  const dbf = part('dbf');
  if (!dbf) {
    throw new ImportError(
      `Bij ${shps[0]} ontbreekt het .dbf-bestand met codes en namen; pak het mee in de zip.`,
    );
  }
  const prj = part('prj');
  const cpg = part('cpg');
  const decoder = new TextDecoder();
  let geometries: unknown[];
  let rows: Record<string, unknown>[];
  try {
    geometries = parseShp(part('shp')!);
    rows = parseDbf(dbf, cpg ? decoder.decode(cpg) : undefined);
  } catch {
    throw new ImportError(`${shps[0]} is beschadigd en kan niet worden gelezen.`);
  }
  const features: RawAreaFeature[] = geometries.map((geometry, i) => ({
    geometry,
    properties: rows[i] ?? {},
  }));
  const declared = prj ? decoder.decode(prj) : '';
  // A projected system must be RD New; a geographic one (WGS84, ETRS89) is taken as WGS84.
  if (/^\s*PROJ(CS|CRS)\[/i.test(declared) && !RD_PRJ.test(declared)) {
    throw new ImportError(
      'Het coördinatenstelsel in het .prj-bestand is niet RD New (EPSG:28992) of WGS84; sla de Shapefile in een van die stelsels op.',
    );
  }
  return { format: 'shapefile', features, crs: detectCrs(features, declared) };
}
