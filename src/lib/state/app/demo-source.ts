/**
 * The demo municipality's files, bundled as assets of the app itself (hashed URLs on the
 * app's own origin), so the demo works offline and on any static host or sub-path.
 */
import buildings from '../../../../data/buildings.geojson?url';
import buurten from '../../../../data/buurten.geojson?url';
import gemeente from '../../../../data/gemeente.geojson?url';
import incidents from '../../../../data/incidents.csv?url';
import interventions from '../../../../data/interventions.geojson?url';
import meldingen from '../../../../data/meldingen.csv?url';
import visits from '../../../../data/visits.csv?url';
import watchLocations from '../../../../data/watch_locations.geojson?url';
import wijken from '../../../../data/wijken.geojson?url';
import basemap from '../../../../data/basemap.geojson?url';
import { base } from '$app/paths';
import type { FileSource } from '$lib/data/load-demo';
import { UserError } from '$lib/data/user-error';

const URLS: Record<string, string> = {
  'gemeente.geojson': gemeente,
  'wijken.geojson': wijken,
  'buurten.geojson': buurten,
  'incidents.csv': incidents,
  'meldingen.csv': meldingen,
  'visits.csv': visits,
  'buildings.geojson': buildings,
  'watch_locations.geojson': watchLocations,
  'interventions.geojson': interventions,
  'basemap.geojson': basemap,
};

export const demoSource: FileSource = {
  async read(name) {
    const url = URLS[name];
    if (!url) throw new UserError(`Onbekend demobestand: ${name}.`);
    const response = await fetch(url);
    if (!response.ok)
      throw new UserError(
        `Het demobestand ${name} kon niet van de server worden geladen (HTTP ${response.status}). Laad de pagina opnieuw.`,
      );
    return new Uint8Array(await response.arrayBuffer());
  },
};

/**
 * The demo prepared at build time as a workspace file (scripts/lib/demo-snapshot.ts), or
 * null when this build has none.
 */
export async function readDemoSnapshot(): Promise<Uint8Array | null> {
  const response = await fetch(`${base}/demo/donderdeel.wijkradar`);
  const type = response.headers.get('content-type') ?? '';
  // A static host answers a missing file with the SPA page: that is not a snapshot.
  if (!response.ok || type.startsWith('text/html')) return null;
  return new Uint8Array(await response.arrayBuffer());
}
