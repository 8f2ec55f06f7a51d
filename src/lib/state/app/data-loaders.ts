/**
 * The app's data session's loaders that need none of its state (app-data.svelte.ts): the
 * demo municipality, the published dataset's fallback copy and the start page's overview.
 */
import type { Connector } from '$lib/data/connector';
import { errorReason } from '$lib/data/engine-errors';
import { readSettings, type WorkspaceSettings } from '$lib/data/import/profiles';
import { loadDemoFiles, readDemoFiles } from '$lib/data/load-demo';
import type { DatasetManifest } from '$lib/data/publish';
import { parseManifest } from '$lib/data/published';
import {
  buildMunicipalityNameQuery,
  buildPeriodQuery,
  buildTableCountsQuery,
} from '$lib/data/queries/overview';
import type { TableName } from '$lib/data/schema';
import { restoreSnapshot, takeSnapshot } from '$lib/data/snapshot';
import type { SnapshotStore, StoredSnapshot } from '$lib/data/snapshot-store';
import { rememberOwnWorkspace } from '../shared/early-downloads';
import { decodeWorkspace } from '$lib/data/workspace-file';
import { demoSource } from './demo-source';
import { PUBLISHED_SETTING } from './published-fallback';
import { datasetInfo, type DatasetInfo } from './published-start';

/** Donderdeel from the build-time snapshot, or from its CSV and GeoJSON files. */
export async function loadDemo(conn: Connector, snapshot: Uint8Array | null): Promise<void> {
  if (snapshot) {
    try {
      await restoreSnapshot(conn, await decodeWorkspace(snapshot), { ownSave: true });
      return;
    } catch {
      // A damaged snapshot: the files below give the same data, only slower.
    }
  }
  await loadDemoFiles(conn, await readDemoFiles(demoSource));
}

/** The published dataset's description from its manifest; null when it is unreadable. */
export function peekManifest(bytes: Uint8Array): DatasetInfo | null {
  try {
    return datasetInfo(parseManifest(bytes));
  } catch {
    return null;
  }
}

/** Keeps the fully loaded published dataset as this browser's fallback (in the background). */
export function cachePublished(
  conn: Connector,
  manifest: DatasetManifest,
  cache: SnapshotStore,
): void {
  const key = `${manifest.version}|${manifest.published_at}`;
  if (localStorage.getItem('wijkradar.published') === key) return;
  void takeSnapshot(conn, { [PUBLISHED_SETTING]: datasetInfo(manifest) })
    .then((snapshot) => cache.save(snapshot))
    .then(() => localStorage.setItem('wijkradar.published', key))
    .catch(() => undefined);
}

export interface Overview {
  counts: { table: TableName; n: number }[];
  period: { first: number; last: number } | null;
  /** The gemeente area's name (the set-up's name, when typed, takes precedence). */
  municipality: string | null;
}

/** The start page's overview: records per table, the data's period, the municipality. */
export async function readOverview(conn: Connector): Promise<Overview> {
  const counts = await conn.query<{ table_name: TableName; n: number }>(buildTableCountsQuery());
  const [period] = await conn.query<{ first: number | null; last: number | null }>(
    buildPeriodQuery(),
  );
  const [named] = await conn.query<{ name: string }>(buildMunicipalityNameQuery());
  return {
    counts: counts.map((row) => ({ table: row.table_name, n: row.n })),
    period:
      period && period.first !== null && period.last !== null
        ? { first: period.first, last: period.last }
        : null,
    municipality: named?.name ?? null,
  };
}

/**
 * Restores what this browser saved before: its settings; `{}` when there is nothing, a
 * Dutch warning when it could not be restored (the caller loads the demo then).
 */
export async function restoreSaved(
  conn: Connector,
  saved: StoredSnapshot | null,
): Promise<{ settings: WorkspaceSettings } | { warning: string } | Record<string, never>> {
  try {
    rememberOwnWorkspace(saved !== null);
    if (!saved) return {};
    performance.mark('app.restore.start');
    await restoreSnapshot(conn, saved, { ownSave: true });
    performance.measure('app.restore', 'app.restore.start');
    return { settings: readSettings(saved.manifest.settings) };
  } catch (error) {
    return {
      warning:
        'De opgeslagen gegevens in deze browser konden niet worden hersteld; de demogemeente is geladen. ' +
        errorReason(error),
    };
  }
}
