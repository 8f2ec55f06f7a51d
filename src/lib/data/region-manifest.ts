/**
 * Which engine a publication needs (issue 25). A region's publication (publish:region)
 * names its server in the manifest (`server`: absolute, or relative to the manifest); the
 * app then queries that server (remote-connector.ts). A publication without a server is
 * loaded into the browser, which has room for about ten million records: DuckDB-WASM
 * addresses at most 4 GB, of which 3.1 GB for data; 10M records of the canonical tables take
 * about 2.1 GB, and each projection of a view another GB (STACK.md; explore-projection.ts).
 * Beyond that the tab would run out of memory after minutes of downloading, so the app says
 * so before it downloads anything.
 *
 * No request leaves the page's origin unless the user switched on the online base map: the
 * region server belongs under the app's own origin (a reverse proxy path, README). A manifest
 * naming a server on another origin is refused here, before any request, unless the build
 * allows that origin (WIJKRADAR_REGION_ORIGINS, which also adds it to the page policy's
 * connect-src: scripts/lib/csp.js).
 */
import { DatasetError } from './dataset-files';
import type { DatasetManifest } from './publish';
import { RECORD_TABLES } from './schema';
import { serverUrl } from './remote-connector';

/** The most records (incidents, meldingen and visits together) a browser tab loads. */
export const BROWSER_RECORD_LIMIT = 10_000_000;

export type RegionManifest = DatasetManifest & { server?: unknown };

/** The records of the publication, from the manifest's row counts per table. */
export function recordRows(manifest: DatasetManifest): number {
  return RECORD_TABLES.reduce((sum, table) => sum + (Number(manifest.tables?.[table]) || 0), 0);
}

export function tooLargeMessage(rows: number): string {
  const n = (v: number) => v.toLocaleString('nl-NL');
  return (
    `Deze publicatie heeft ${n(rows)} records; een browser kan er ongeveer ${n(BROWSER_RECORD_LIMIT)} aan. ` +
    'Zulke gegevens horen op een regioserver (publish:region en serve:region): vraag de beheerder ' +
    'de publicatie met een server te publiceren, of publiceer per gemeente of een kortere periode.'
  );
}

/** Throws a DatasetError (Dutch) when the publication is too large for the browser. */
export function checkFitsBrowser(manifest: DatasetManifest): void {
  const rows = recordRows(manifest);
  if (rows > BROWSER_RECORD_LIMIT) throw new DatasetError(tooLargeMessage(rows));
}

/** The region server origins this build allows beside its own (vite.config.ts `define`). */
export const ALLOWED_SERVER_ORIGINS: readonly string[] =
  typeof __REGION_SERVER_ORIGINS__ === 'undefined' ? [] : __REGION_SERVER_ORIGINS__;

export function crossOriginMessage(server: string, app: string): string {
  return (
    `Deze publicatie noemt een regioserver op een ander adres (${server}) dan dat van de app ` +
    `(${app}). De app vraagt alleen gegevens op bij haar eigen adres; er is niets opgevraagd of ` +
    'gewijzigd. Vraag de beheerder de regioserver onder het adres van de app te plaatsen (een pad ' +
    'in de reverse proxy, zoals …/dataset/query) of, als dat andere adres bewust gebruikt wordt, ' +
    `de app te bouwen met WIJKRADAR_REGION_ORIGINS=${server}.`
  );
}

/**
 * The query address of the manifest's server, or null when it names none. A server on
 * another origin than the manifest's (the page's) throws a DatasetError (Dutch) unless
 * `allowed` names that origin.
 */
export function manifestServer(
  manifest: RegionManifest,
  manifestUrl: string,
  allowed: readonly string[] = ALLOWED_SERVER_ORIGINS,
): string | null {
  const url = serverUrl(manifest.server, manifestUrl);
  if (!url) return null;
  const server = new URL(url).origin;
  const app = new URL(manifestUrl).origin;
  if (server !== app && !allowed.includes(server)) {
    throw new DatasetError(crossOriginMessage(server, app));
  }
  return url;
}
