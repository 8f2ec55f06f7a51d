/**
 * `npm run import:check -- <file> --kind incidents|meldingen|visits|buildings|areas
 *   [--areas <grenzen> ...] [--level gemeente|wijk|buurt] [--mapping <koppeling.json>]
 *   [--source <naam>]`
 *
 * Runs the app's own import pipeline in Node (same engine, same SQL) on an export and
 * prints the import report as JSON, without storing anything: for analysts checking an
 * export before loading it, and for automated checks. Area boundaries default to the demo
 * municipality; pass the municipality's own boundaries (GeoJSON, GeoPackage or zipped
 * Shapefile; gemeente, wijken and/or buurten) with --areas. --level applies to boundary
 * files. --mapping is a mapping file: a profile as saved and exported on the Gegevens
 * screen (README). A profile of a record kind maps the export's columns (its kind is used
 * when --kind is left out); a boundary mapping (kind 'areas', or a plain object field →
 * property: code, name, inhabitants, level, parent) applies to the boundary files.
 *
 * Exit codes: 0 checked; 1 the export needs a column mapping first (problems listed);
 * 2 unusable input — a Dutch message under the file that caused it, never a stack trace.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { Connector } from '../src/lib/data/connector';
import { createNodeConnector } from '../src/lib/data/duckdb-node';
import { initDatabase } from '../src/lib/data/database';
import type { AreaLevel } from '../src/lib/data/geojson-areas';
import { AREA_FIELDS, type AreaMapping } from '../src/lib/data/import/area-fields';
import { countAreas, importAreas, type AreaImportOptions } from '../src/lib/data/import/areas';
import type { RecordKind } from '../src/lib/data/import/column-mapping';
import { nodeParquetReader } from '../src/lib/data/import/parquet-node';
import { prepareImport, runImport } from '../src/lib/data/import/pipeline';
import { parseProfile, type MappingProfile } from '../src/lib/data/import/profiles';
import { nodeSqlite } from '../src/lib/data/import/sqlite-node';
import { knownReason } from '../src/lib/data/engine-errors';
import { ImportError } from '../src/lib/data/import/stage';

const KINDS: RecordKind[] = ['incidents', 'meldingen', 'visits', 'buildings', 'areas'];
const LEVELS: AreaLevel[] = ['gemeente', 'wijk', 'buurt'];
const DEMO_AREAS = ['gemeente.geojson', 'wijken.geojson', 'buurten.geojson'].map((f) =>
  path.resolve(import.meta.dirname, '../data', f),
);
const USAGE = `Gebruik: npm run import:check -- <bestand> --kind ${KINDS.join('|')} [--areas <grenzen> …] [--level ${LEVELS.join('|')}] [--mapping <koppeling.json>]`;

/** Unusable input: reported under `file`, exit code 2. */
class Refusal extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(message);
  }
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file));
  } catch {
    throw new Refusal(file, `Het bestand ${file} bestaat niet of kan niet worden gelezen.`);
  }
}

interface MappingFile {
  /** A saved profile of a record kind: the export's column mapping. */
  records?: MappingProfile;
  /** A boundary mapping: field → property. */
  areas?: AreaMapping;
}

/** Reads --mapping: a record profile, or a boundary mapping (profile of kind 'areas' or plain). */
async function readMapping(file: string | undefined): Promise<MappingFile> {
  if (!file) return {};
  let parsed: unknown;
  try {
    parsed = JSON.parse(new TextDecoder().decode(await readInput(file)));
  } catch (error) {
    if (error instanceof Refusal) throw error;
    throw new Refusal(file, 'De koppeling is geen leesbare JSON.');
  }
  const raw = parsed as { kind?: unknown; mapping?: unknown; areas?: unknown };
  if (typeof raw?.kind === 'string' && raw.kind !== 'areas') {
    const profile = parseProfile(parsed);
    if (typeof profile === 'string') throw new Refusal(file, profile);
    return { records: profile };
  }
  const mapping = (raw?.mapping ?? raw?.areas ?? raw) as Record<string, unknown>;
  const entries = Object.entries(mapping ?? {});
  const unknown = entries.filter(
    ([field, column]) => !AREA_FIELDS.includes(field as never) || typeof column !== 'string',
  );
  if (typeof mapping !== 'object' || unknown.length) {
    throw new Refusal(
      file,
      `De koppeling kent alleen de velden ${AREA_FIELDS.join(', ')}, elk met de naam van een kolom (tekst)${unknown.length ? `; niet bruikbaar: ${unknown.map(([f]) => f).join(', ')}` : ''}.`,
    );
  }
  return { areas: mapping as AreaMapping };
}

/** Imports one boundary file; its refusal is reported under its own name. */
async function importAreaFile(conn: Connector, file: string, options: AreaImportOptions) {
  const bytes = await readInput(file);
  try {
    return await importAreas(conn, path.basename(file), bytes, 'controle', options);
  } catch (error) {
    if (error instanceof ImportError) throw new Refusal(file, error.message);
    throw error;
  }
}

async function main(): Promise<number> {
  let values: Record<string, string | string[] | undefined>;
  let positionals: string[];
  try {
    ({ values, positionals } = parseArgs({
      allowPositionals: true,
      options: {
        kind: { type: 'string' },
        areas: { type: 'string', multiple: true },
        level: { type: 'string' },
        mapping: { type: 'string' },
        source: { type: 'string' },
      },
    }));
  } catch {
    console.error(USAGE);
    return 2;
  }
  const file = positionals[0];
  let mappingFile: MappingFile;
  try {
    mappingFile = await readMapping(values.mapping as string | undefined);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    print({ file: error.file, error: error.message });
    return 2;
  }
  const profile = mappingFile.records;
  const kind = ((values.kind as string | undefined) ?? profile?.kind) as RecordKind | undefined;
  const level = values.level as AreaLevel | undefined;
  if (!file || !kind || !KINDS.includes(kind) || (level && !LEVELS.includes(level))) {
    console.error(USAGE);
    return 2;
  }
  if (profile && profile.kind !== kind) {
    print({
      file: values.mapping,
      error: `Het koppelbestand is voor "${profile.kind}", niet voor "${kind}".`,
    });
    return 2;
  }
  const conn = await createNodeConnector();
  try {
    await initDatabase(conn);
    const areaOptions: AreaImportOptions = {
      level: level ?? null,
      mapping: mappingFile.areas,
      readers: { sqlite: nodeSqlite },
    };
    if (kind === 'areas') {
      print(await importAreaFile(conn, file, areaOptions));
      return 0;
    }
    for (const areaFile of (values.areas as string[] | undefined) ?? DEMO_AREAS) {
      await importAreaFile(conn, areaFile, areaOptions);
    }
    const bytes = await readInput(file);
    let prepared;
    try {
      prepared = await prepareImport(conn, kind, path.basename(file), bytes, {
        sourceLabel: (values.source as string | undefined) ?? profile?.name ?? path.basename(file),
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
      const areas = await countAreas(conn);
      if (prepared.problems.length) {
        print({
          file: prepared.fileName,
          kind,
          problems: prepared.problems,
          plan: prepared.plan,
          areas,
        });
        return 1;
      }
      print({
        ...(await runImport(conn, prepared, { dataset: 'controle', commit: false })),
        areas,
      });
      return 0;
    } catch (error) {
      if (error instanceof ImportError) throw new Refusal(file, error.message);
      throw error;
    }
  } catch (error) {
    if (error instanceof Refusal) {
      print({ file: error.file, kind, error: error.message });
      return 2;
    }
    // Never English or a stack trace: the Dutch reason, the detail only when asked for.
    if (process.env.WIJKRADAR_DEBUG) console.error(error);
    print({ file, kind, error: knownReason(error) ?? UNEXPECTED_CHECK });
    return 2;
  } finally {
    await conn.close();
  }
}

const UNEXPECTED_CHECK =
  'Het bestand kon niet worden verwerkt door een onverwachte fout; er is niets opgeslagen. ' +
  'Meld het bij de beheerder van wijkradar, met het bestand als dat mag; ' +
  'met WIJKRADAR_DEBUG=1 voor het commando staan de technische details erbij.';

function print(value: unknown): void {
  process.stdout.write(JSON.stringify(value, null, 2) + '\n');
}

process.exitCode = await main();
