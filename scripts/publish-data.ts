/**
 * `npm run publish:data -- <workspace export> <out dir> [--version <text>]`
 *
 * Produces the published dataset (manifest.json, records per table and year as Arrow IPC,
 * areas and reference layers as GeoJSON) from a workspace exported in Gegevens — the same
 * files the Publiceren button downloads — for municipalities that automate the monthly
 * refresh. Place the folder next to the deployed app as `dataset/` (README, "Publiceren").
 */
import { readFile } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { createNodeConnector } from '../src/lib/data/duckdb-node';
import { buildPublication } from '../src/lib/data/publish';
import { restoreSnapshot, SnapshotError } from '../src/lib/data/snapshot';
import { decodeWorkspace } from '../src/lib/data/workspace-file';
import { writePublication } from './lib/publish-files';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { version: { type: 'string' } },
  });
  const [input, out] = positionals;
  if (!input || !out) {
    console.error(
      'Gebruik: npm run publish:data -- <werkruimte.wijkradar> <uitvoermap> [--version <tekst>]',
    );
    return 2;
  }
  const bytes = await readFile(input).catch(() => null);
  if (!bytes) {
    console.error(`Het bestand ${input} bestaat niet of is onleesbaar.`);
    return 1;
  }
  const conn = await createNodeConnector();
  try {
    await restoreSnapshot(conn, await decodeWorkspace(new Uint8Array(bytes)));
    const publication = await buildPublication(conn, { version: values.version });
    await writePublication(publication, out);
    const { manifest } = publication;
    console.log(
      JSON.stringify({
        out,
        version: manifest.version,
        data_until: manifest.data_until,
        municipality: manifest.municipality,
        tables: manifest.tables,
        files: manifest.files.length,
      }),
    );
    return 0;
  } catch (error) {
    if (error instanceof SnapshotError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  } finally {
    await conn.close();
  }
}

process.exitCode = await main();
