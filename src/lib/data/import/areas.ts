/**
 * Importing area boundaries (CBS/PDOK or a municipality's own GIS; GeoJSON, GeoPackage or
 * zipped Shapefile; RD New or WGS84; any field spelling; any single level or several).
 * Each level in the file replaces that level's areas; what the file leaves out is derived
 * (a buurt's wijk by containment, the gemeente outline by dissolving); every record is
 * assigned its buurt and wijk again — all in one transaction.
 */
import {
  buildBuurtLookup,
  loadBuurtLookup,
  locateRows,
  type BuurtLookup,
} from '../area-assignment';
import type { Connector } from '../connector';
import { inTransaction, initDatabase } from '../database';
import { fillGemeente } from '../gemeente';
import type { AreaLevel } from '../geojson-areas';
import { insertAreas } from '../places';
import type { StepProgress } from '../progress';
import { RECORD_TABLES } from '../schema';
import type { AreaMapping } from './area-fields';
import { deriveParents, type HierarchyArea } from './area-hierarchy';
import { parseAreaSource, type ParsedAreas } from './area-parse';
import {
  readAreaSource,
  type AreaCrs,
  type AreaFormat,
  type AreaReaders,
  type AreaSource,
} from './area-sources';
import {
  DERIVED_DATASET_PREFIX,
  loadLevel,
  storeDerivedGemeente,
  updateParents,
} from './area-store';

export { DERIVED_DATASET_PREFIX } from './area-store';

export interface AreaImportOptions {
  level?: AreaLevel | null;
  mapping?: AreaMapping;
  readers?: AreaReaders;
  /**
   * Steps (progress-steps AREA_STEPS) and cancel: everything runs in one transaction, so a
   * cancel rolls it back; its last statement is the point of no return (progress.finish).
   */
  progress?: StepProgress;
}

export interface AreaImportReport {
  file: string;
  format: AreaFormat;
  /** The levels the file brought (each replaced the stored areas of that level). */
  levels: AreaLevel[];
  /** The first of `levels` (most specific), for short messages. */
  level: AreaLevel;
  crs: AreaCrs;
  features: number;
  accepted: number;
  rejected: { feature: number; reason: string }[];
  repaired: { feature: number; repairs: string[] }[];
  /** Areas known by name only that got a generated code. */
  generatedCodes: number;
  derived: { gemeente: boolean; parents: number };
  /** Areas stored per level after the import. */
  areas: Record<AreaLevel, number>;
  waterOnly: number;
  /** The level records are placed in: buurten, else wijken, else none. */
  assignedTo: 'buurt' | 'wijk' | null;
  /** Records (all tables) with coordinates that now lie in no area. */
  unassignedRecords: number;
}

const LEVEL_ORDER: AreaLevel[] = ['buurt', 'wijk', 'gemeente'];

export async function importAreas(
  conn: Connector,
  fileName: string,
  bytes: Uint8Array,
  dataset: string,
  options: AreaImportOptions = {},
): Promise<AreaImportReport> {
  const source = await readAreaSource(fileName, bytes, options.readers);
  return importAreaSource(conn, fileName, source, dataset, options);
}

/** The same for a file already read (the screen reads it once to offer the mapping). */
export async function importAreaSource(
  conn: Connector,
  fileName: string,
  source: AreaSource,
  dataset: string,
  options: AreaImportOptions = {},
): Promise<AreaImportReport> {
  const { progress } = options;
  await progress?.step('parse');
  const parsed = parseAreaSource(source, options);
  const levels = LEVEL_ORDER.filter((l) => parsed.rows.some((r) => r.level === l));
  await initDatabase(conn);
  let derived = { gemeente: false, parents: 0 };
  let unassignedRecords = 0;
  let assignedTo: AreaImportReport['assignedTo'] = null;
  await inTransaction(conn, async () => {
    await progress?.step('replace');
    for (const level of levels) {
      await conn.query({ sql: 'DELETE FROM areas WHERE level = ?', params: [level] });
    }
    await insertAreas(conn, parsed.rows, dataset);
    await progress?.step('hierarchy');
    const hierarchy = await completeHierarchy(conn, parsed, dataset);
    derived = hierarchy.derived;
    // Records go to buurten; without buurten to wijken (buurtcode NULL).
    const placing = hierarchy.buurten.length ? hierarchy.buurten : hierarchy.wijken;
    assignedTo = hierarchy.buurten.length ? 'buurt' : hierarchy.wijken.length ? 'wijk' : null;
    if (levels.some((l) => l !== 'gemeente') || derived.parents > 0) {
      const lookup = buildBuurtLookup(
        assignedTo,
        placing.map((a) => ({
          code: a.code,
          parent: a.parent,
          coordinates: a.geometry.coordinates,
        })),
      );
      await progress?.step('assign');
      unassignedRecords = await reassignRecords(conn, lookup, progress);
    }
    // Every row's gemeente again: its area may now lie in another (gemeente.ts).
    await fillGemeente(conn, { all: true });
    // The last checkpoint: a cancel up to here rolls everything back.
    await progress?.finish();
  });
  return {
    file: fileName,
    format: source.format,
    levels,
    level: levels[0],
    crs: source.crs,
    features: source.features.length,
    accepted: parsed.rows.length,
    rejected: parsed.rejected,
    repaired: parsed.repaired,
    generatedCodes: parsed.generatedCodes,
    derived,
    areas: await countAreas(conn),
    waterOnly: parsed.rows.filter((r) => r.water).length,
    assignedTo,
    unassignedRecords,
  };
}

export async function countAreas(conn: Connector): Promise<Record<AreaLevel, number>> {
  const rows = await conn.query<{ level: AreaLevel; n: number }>({
    sql: 'SELECT level, CAST(count(*) AS INTEGER) AS n FROM areas GROUP BY level',
  });
  const counts = { gemeente: 0, wijk: 0, buurt: 0 };
  for (const r of rows) if (r.level in counts) counts[r.level] = Number(r.n);
  return counts;
}

/**
 * Parents by containment where the files leave them out, and a gemeente outline when no
 * gemeente was imported (renewed when the wijken or buurten it came from change).
 */
async function completeHierarchy(
  conn: Connector,
  parsed: ParsedAreas,
  dataset: string,
): Promise<{
  derived: { gemeente: boolean; parents: number };
  wijken: HierarchyArea[];
  buurten: HierarchyArea[];
}> {
  // Levels in this file are in memory already; only the others are read back.
  const level = async (l: AreaLevel) => {
    if (!parsed.rows.some((r) => r.level === l)) return loadLevel(conn, l);
    return parsed.rows
      .filter((r) => r.level === l)
      .map((r) => ({ code: r.code, parent: r.parent, geometry: r.geometry, dataset }))
      .sort((a, b) => (a.code < b.code ? -1 : a.code > b.code ? 1 : 0));
  };
  let gemeenten = await level('gemeente');
  const wijken = await level('wijk');
  const buurten = await level('buurt');
  let derivedGemeente = false;
  const onlyDerived = gemeenten.every((g) => g.dataset.startsWith(DERIVED_DATASET_PREFIX));
  const importedFiner = parsed.rows.some((r) => r.level !== 'gemeente');
  if (onlyDerived && importedFiner && (wijken.length || buurten.length)) {
    const base = wijken.length ? wijken : buurten;
    gemeenten = [await storeDerivedGemeente(conn, base, parsed.gemeente, dataset)];
    derivedGemeente = true;
  }
  const buurtParents = deriveParents(buurten, wijken);
  const wijkParents = deriveParents(wijken, gemeenten);
  await updateParents(conn, 'buurt', buurtParents);
  await updateParents(conn, 'wijk', wijkParents);
  const withParents = (areas: HierarchyArea[], changes: Map<string, string | null>) =>
    areas.map((a) => (changes.has(a.code) ? { ...a, parent: changes.get(a.code)! } : a));
  return {
    derived: { gemeente: derivedGemeente, parents: buurtParents.size + wijkParents.size },
    wijken: withParents(wijken, wijkParents),
    buurten: withParents(buurten, buurtParents),
  };
}

/**
 * After areas were removed: every record with coordinates placed again in the areas that
 * remain (in wijken when no buurten remain; in none when no areas remain), so that no
 * record keeps the code of a buurt or wijk that is gone. Returns the records left outside.
 */
export async function reassignToStoredAreas(conn: Connector): Promise<number> {
  return reassignRecords(conn, await loadBuurtLookup(conn));
}

/**
 * Assigns buurt and wijk again for every stored record with coordinates (in wijken when
 * there are no buurten); records located only by an area code keep it.
 */
async function reassignRecords(
  conn: Connector,
  lookup: BuurtLookup,
  progress?: StepProgress,
): Promise<number> {
  let outside = 0;
  for (const [done, table] of RECORD_TABLES.entries()) {
    progress?.advance(done, RECORD_TABLES.length);
    // The row id is the key (tables hold far fewer than 2^31 rows; no column is named
    // rowid). Located straight from the table, and updated in one statement that joins the
    // codes: no staged copy of a million coordinates, no sort.
    outside += await locateRows(
      conn,
      `SELECT CAST(rowid AS INTEGER) AS rn, lon, lat FROM ${table}
       WHERE lon IS NOT NULL AND lat IS NOT NULL`,
      'stage_reassign',
      lookup,
    );
    await conn.exec(`UPDATE ${table} SET buurtcode = c.buurtcode, wijkcode = c.wijkcode
      FROM stage_reassign p LEFT JOIN stage_reassign_codes c USING (area)
      WHERE ${table}.rowid = p.rn;
      DROP TABLE stage_reassign; DROP TABLE stage_reassign_codes`);
  }
  return outside;
}
