/**
 * A deployed copy of the built app without its demo, with the demo municipality published
 * next to it (built in Node, the same files the Publiceren button downloads): what a
 * colleague's browser opens on a team's intranet.
 */
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { loadDemo } from '../../src/lib/data/load-demo';
import { buildPublication, DATASET_DIR } from '../../src/lib/data/publish';
import { directorySource } from '../../scripts/lib/directory-source';
import { writePublication } from '../../scripts/lib/publish-files';
import { BUILD_DIR, ROOT } from '../../scripts/lib/preview-server';

/**
 * Writes the site into `site` (a new folder) with the publication's `version`; `prepare`
 * may change the demo's data before it is published (e.g. into a region's).
 */
export async function writePublishedSite(
  site: string,
  version: string,
  prepare?: (conn: Connector) => Promise<void>,
): Promise<void> {
  await cp(BUILD_DIR, site, { recursive: true });
  await rm(path.join(site, 'demo'), { recursive: true, force: true });
  const conn = await createNodeConnector();
  try {
    await loadDemo(conn, directorySource(path.join(ROOT, 'data')));
    await prepare?.(conn);
    await writePublication(await buildPublication(conn, { version }), path.join(site, DATASET_DIR));
  } finally {
    await conn.close();
  }
}
