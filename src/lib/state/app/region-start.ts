/**
 * The start on a region's publication (issue 25): a manifest that names a region server
 * opens the app on that server (data/remote-connector.ts) instead of loading data into the
 * browser. Everything the views ask then travels as builder calls; the database engine in
 * the browser is not started.
 */
import { base } from '$app/paths';
import type { DatasetManifest } from '$lib/data/publish';
import { DATASET_DIR, MANIFEST_FILE } from '$lib/data/publish';
import { parseManifest } from '$lib/data/published';
import { manifestServer, type RegionManifest } from '$lib/data/region-manifest';
import { RemoteConnector } from '$lib/data/remote-connector';

export interface RegionStart {
  conn: RemoteConnector;
  manifest: DatasetManifest;
}

/**
 * The region server the published manifest names, or null (the app loads data itself).
 * Throws a DatasetError (Dutch) for a server on another origin that the build does not
 * allow: the app then stops before any request (data/region-manifest.ts).
 */
export function regionServerOf(bytes: Uint8Array | null): RegionStart | null {
  if (!bytes) return null;
  let manifest: RegionManifest;
  try {
    manifest = parseManifest(bytes) as RegionManifest;
  } catch {
    // An unreadable manifest: the published start reports it in Dutch.
    return null;
  }
  const manifestUrl = new URL(`${base}/${DATASET_DIR}/${MANIFEST_FILE}`, location.href).href;
  const url = manifestServer(manifest, manifestUrl);
  return url ? { conn: new RemoteConnector(url), manifest } : null;
}

/** Why Gegevens offers nothing to import or edit on a region server. */
export { REMOTE_READ_ONLY } from '$lib/data/remote-connector';
