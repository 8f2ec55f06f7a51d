/**
 * `npm run import:check -- <file> --kind incidents|meldingen|visits|buildings|areas
 *   [--areas <buurten.geojson> ...] [--source <naam>] [--mapping <profiel.json>]`
 *
 * Runs the app's own import pipeline in Node (same engine, same SQL) on an export and
 * prints the import report as JSON, without storing anything: for analysts checking an
 * export before loading it, and for automated checks. Area boundaries default to the demo
 * municipality; pass the municipality's own buurten (and wijken) with --areas. --mapping
 * applies a mapping file: a profile as saved and exported on the Gegevens screen (README);
 * its kind is used when --kind is left out.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { createNodeConnector } from '../src/lib/data/duckdb-node';
import { initDatabase } from '../src/lib/data/database';
import { importAreas } from '../src/lib/data/import/areas';
import type { RecordKind } from '../src/lib/data/import/column-mapping';
import { nodeParquetReader } from '../src/lib/data/import/parquet-node';
import { prepareImport, runImport } from '../src/lib/data/import/pipeline';
import { parseProfile } from '../src/lib/data/import/profiles';
import { ImportError } from '../src/lib/data/import/stage';

const KINDS: RecordKind[] = ['incidents', 'meldingen', 'visits', 'buildings', 'areas'];
const DEMO_AREAS = ['gemeente.geojson', 'wijken.geojson', 'buurten.geojson'].map((f) =>
  path.resolve(import.meta.dirname, '../data', f),
);

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      areas: { type: 'string', multiple: true },
      source: { type: 'string' },
      mapping: { type: 'string' },
    },
  });
  const file = positionals[0];
  const profile = values.mapping
    ? parseProfile(JSON.parse(await readFile(values.mapping, 'utf8')))
    : null;
  if (typeof profile === 'string') {
    print({ mapping: values.mapping, error: profile });
    return 1;
  }
  const kind = (values.kind ?? profile?.kind) as RecordKind | undefined;
  if (!file || !kind || !KINDS.includes(kind)) {
    console.error(
      `Gebruik: npm run import:check -- <bestand> --kind ${KINDS.join('|')} [--areas <geojson>] [--mapping <profiel.json>]`,
    );
    return 2;
  }
  if (profile && profile.kind !== kind) {
    print({
      mapping: values.mapping,
      error: `Het koppelbestand is voor "${profile.kind}", niet voor "${kind}".`,
    });
    return 1;
  }
  const conn = await createNodeConnector();
  try {
    await initDatabase(conn);
    const bytes = new Uint8Array(await readFile(file));
    if (kind === 'areas') {
      print(await importAreas(conn, path.basename(file), bytes, 'controle'));
      return 0;
    }
    for (const areaFile of values.areas ?? DEMO_AREAS) {
      await importAreas(
        conn,
        path.basename(areaFile),
        new Uint8Array(await readFile(areaFile)),
        'gebieden',
      );
    }
    const prepared = await prepareImport(conn, kind, path.basename(file), bytes, {
      sourceLabel: values.source ?? profile?.name ?? path.basename(file),
      parquet: nodeParquetReader,
      ...(profile
        ? {
            mapping: profile.mapping,
            duplicates: profile.duplicates,
            ids: profile.ids,
            themes: profile.themes,
          }
        : {}),
    });
    if (prepared.problems.length) {
      print({ file: prepared.fileName, kind, problems: prepared.problems, plan: prepared.plan });
      return 1;
    }
    print(await runImport(conn, prepared, { dataset: 'controle', commit: false }));
    return 0;
  } catch (error) {
    if (error instanceof ImportError) {
      print({ file, kind, error: error.message });
      return 1;
    }
    throw error;
  } finally {
    await conn.close();
  }
}

function print(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

process.exitCode = await main();
