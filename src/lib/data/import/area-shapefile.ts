/**
 * A zipped Shapefile (.shp geometry, .dbf attributes, .prj coordinate system, optional
 * .cpg encoding) as boundary features. shpjs parses the .shp and .dbf; the .prj decides
 * RD New or WGS84 — RD is converted with the project's own definition (with the datum
 * shift), which an ESRI .prj lacks.
 */
import { iter } from 'but-unzip';
import { parseDbf, parseShp } from 'shpjs';
import { detectCrs, type AreaSource, type RawAreaFeature } from './area-sources';
import { ImportError } from './stage';

const WANTED = /\.(shp|dbf|prj|cpg)$/i;
const RD_PRJ = /28992|amersfoort|rd_new/i;

async function unzipParts(bytes: Uint8Array): Promise<Map<string, Uint8Array>> {
  const parts = new Map<string, Uint8Array>();
  try {
    for (const entry of iter(bytes)) {
      if (entry.filename.includes('__MACOSX') || !WANTED.test(entry.filename)) continue;
      parts.set(entry.filename, await entry.read());
    }
  } catch {
    throw new ImportError(
      'Het zip-bestand is beschadigd of versleuteld en kan niet worden gelezen.',
    );
  }
  return parts;
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
