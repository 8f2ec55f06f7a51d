/**
 * Snapshots of the whole database as Arrow IPC per table plus a manifest: what persistence
 * (IndexedDB in the browser) and the workspace file store. Restoring replaces every table
 * in one transaction, so a bad snapshot leaves the current data as it was; that includes a
 * snapshot holding personal data (issue 27, item 6), checked after the insert.
 */
import { toIpcStream } from './arrow-build';
import { dictionarySelectList } from './arrow-dictionary';
import type { Connector } from './connector';
import { inTransaction, initDatabase } from './database';
import { isOutOfMemory } from './engine-errors';
import { fillGemeente } from './gemeente';
import { IpcStreamError } from './ipc-stream';
import { insertIpcFilling } from './ipc-insert';
import type { StepProgress } from './progress';
import { SCHEMA_VERSION, TABLE_NAMES, type TableName } from './schema';
import { describeStoredFinding, findStoredPersonalData } from './stored-personal-data';
import { UserError } from './user-error';

export interface SnapshotManifest {
  format: 'wijkradar-snapshot';
  schema_version: number;
  saved_at: string;
  tables: Record<string, number>;
  /** Free-form JSON settings saved with the data (mapping profiles, preferences). */
  settings: Record<string, unknown>;
}

export interface Snapshot {
  manifest: SnapshotManifest;
  tables: Map<TableName, Uint8Array>;
}

export class SnapshotError extends UserError {}

export async function takeSnapshot(
  conn: Connector,
  settings: Record<string, unknown> = {},
  now: Date = new Date(),
): Promise<Snapshot> {
  const tables = new Map<TableName, Uint8Array>();
  const counts: Record<string, number> = {};
  for (const table of TABLE_NAMES) {
    // Stored in the stream format the engine ingests, so a reload skips the conversion;
    // repeated texts as dictionaries (a third of the bytes for a million incidents).
    const select = await dictionarySelectList(conn, table);
    tables.set(table, toIpcStream(await conn.queryIpc(`SELECT ${select} FROM ${table}`)));
    const [{ n }] = await conn.query<{ n: number }>({ sql: `SELECT count(*) AS n FROM ${table}` });
    counts[table] = n;
  }
  return {
    manifest: {
      format: 'wijkradar-snapshot',
      schema_version: SCHEMA_VERSION,
      saved_at: now.toISOString(),
      tables: counts,
      settings,
    },
    tables,
  };
}

/** Checks a snapshot before anything is replaced; throws a Dutch message when unusable. */
export function validateSnapshot(snapshot: Snapshot): void {
  const { manifest } = snapshot;
  if (manifest?.format !== 'wijkradar-snapshot') {
    throw new SnapshotError('Dit is geen werkruimte van wijkradar.');
  }
  if (manifest.schema_version > SCHEMA_VERSION) {
    throw new SnapshotError(
      `Deze werkruimte is gemaakt met een nieuwere versie van wijkradar (schema ${manifest.schema_version}); werk de app bij.`,
    );
  }
  for (const table of TABLE_NAMES) {
    if (!snapshot.tables.has(table)) {
      throw new SnapshotError(`De werkruimte is onvolledig: de tabel ${table} ontbreekt.`);
    }
  }
}

/**
 * Inserts one table's Arrow bytes; bytes that are incomplete or that the engine cannot
 * decode are named by their table (running out of memory keeps its own explanation).
 */
async function insertTable(conn: Connector, table: TableName, bytes: Uint8Array): Promise<void> {
  try {
    await insertIpcFilling(conn, bytes, table);
  } catch (error) {
    if (isOutOfMemory(error)) throw error;
    const reason = error instanceof IpcStreamError ? error.reason : 'onleesbaar';
    throw new SnapshotError(`De werkruimte is beschadigd: tabel ${table} is ${reason}.`);
  }
}

export interface RestoreOptions {
  /**
   * The snapshot is this app's own save of data it checked when it came in (this browser's
   * store, another tab's save, the build-time demo, the cached publication): the
   * personal-data scan is skipped, so a start-up with a million rows does not pay for it.
   * Anything from outside (a workspace file) leaves this unset.
   */
  ownSave?: boolean;
  /**
   * Steps (progress-steps RESTORE_STEPS 'tables', 'personal_data', 'save') and cancel: the
   * replacement is one transaction, so a cancel rolls it back; its last statement is the
   * point of no return (progress.finish).
   */
  progress?: StepProgress;
}

/**
 * Replaces every table with the snapshot's contents, atomically; verifies row counts and,
 * unless it is the app's own save, refuses personal data in any stored text column as the
 * import does.
 */
export async function restoreSnapshot(
  conn: Connector,
  snapshot: Snapshot,
  options: RestoreOptions = {},
): Promise<void> {
  validateSnapshot(snapshot);
  const { progress } = options;
  await progress?.step('tables');
  await initDatabase(conn);
  await inTransaction(conn, async () => {
    for (const [done, table] of TABLE_NAMES.entries()) {
      progress?.advance(done, TABLE_NAMES.length);
      await conn.exec(`DELETE FROM ${table}`);
      const bytes = snapshot.tables.get(table)!;
      if (snapshot.manifest.tables[table] > 0) await insertTable(conn, table, bytes);
      const [{ n }] = await conn.query<{ n: number }>({
        sql: `SELECT count(*) AS n FROM ${table}`,
      });
      if (n !== snapshot.manifest.tables[table]) {
        throw new SnapshotError(
          `De werkruimte is beschadigd: tabel ${table} bevat ${n} rijen in plaats van ${snapshot.manifest.tables[table]}.`,
        );
      }
    }
    // Data of schema 1 gets its gemeente (gemeente.ts); the name set up is in the settings.
    const { municipality } = snapshot.manifest.settings ?? {};
    await fillGemeente(conn, {
      municipality: typeof municipality === 'string' ? municipality : null,
    });
    if (!options.ownSave) await progress?.step('personal_data');
    const found = options.ownSave
      ? null
      : await findStoredPersonalData(conn, TABLE_NAMES, undefined, progress);
    if (found) throw new SnapshotError(describeStoredFinding('De werkruimte', found));
    await progress?.finish();
  });
}
