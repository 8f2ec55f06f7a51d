/**
 * The app's data session: starts DuckDB-WASM once, loads the demo municipality on first
 * run, and holds the start page's overview. Components read this; they never query.
 */
import type { Connector } from '$lib/data/connector';
import { getBrowserConnector } from '$lib/data/duckdb-browser';
import { initDatabase } from '$lib/data/database';
import { EMPTY_SETTINGS, readSettings, type WorkspaceSettings } from '$lib/data/import/profiles';
import { loadDemoFiles, readDemoFiles } from '$lib/data/load-demo';
import { restoreSnapshot, takeSnapshot, type Snapshot } from '$lib/data/snapshot';
import { decodeWorkspace } from '$lib/data/workspace-file';
import { createIndexedDbSnapshotStore, type SnapshotStore } from '$lib/data/snapshot-store';
import { buildPeriodQuery, buildTableCountsQuery } from '$lib/data/queries/overview';
import type { TableName } from '$lib/data/schema';
import { invalidateBaseMap } from './base-map.svelte';
import { installDebugHandle } from './debug-handle';
import { demoSource, readDemoSnapshot } from './demo-source';

export type DataStatus = 'starten' | 'laden' | 'gereed' | 'fout';
/** Where the data in this tab came from. */
export type DataOrigin = 'demo' | 'opgeslagen';

export interface TableCount {
  table: TableName;
  n: number;
}

class AppData {
  status = $state<DataStatus>('starten');
  error = $state<string | null>(null);
  counts = $state<TableCount[]>([]);
  period = $state<{ first: number; last: number } | null>(null);
  origin = $state<DataOrigin>('demo');
  /** Mapping profiles and other workspace settings (saved with the data). */
  settings = $state<WorkspaceSettings>(EMPTY_SETTINGS);
  /** Bumped after every change of the stored data, so views reload. */
  dataVersion = $state(0);
  /** A non-fatal problem to show, e.g. stored data that could not be restored. */
  warning = $state<string | null>(null);
  #store: SnapshotStore = createIndexedDbSnapshotStore();
  #connector: Connector | null = null;
  #starting: Promise<void> | null = null;

  get connector(): Connector {
    if (!this.#connector) throw new Error('De database is nog niet gestart.');
    return this.#connector;
  }

  /** Idempotent: every page calls it; the work happens once per tab. */
  start(): Promise<void> {
    this.#starting ??= this.#run().catch((error: unknown) => {
      this.#starting = null;
      this.status = 'fout';
      this.error = error instanceof Error ? error.message : String(error);
    });
    return this.#starting;
  }

  async #run(): Promise<void> {
    performance.mark('app.start');
    this.status = 'starten';
    // Start everything that does not depend on the database while it instantiates: the
    // saved snapshot (IndexedDB) and the demo prepared at build time.
    const saved = this.#store.load().catch(() => null);
    const demoSnapshot = readDemoSnapshot().catch(() => null);
    const conn = await getBrowserConnector();
    this.status = 'laden';
    await initDatabase(conn);
    if (!(await this.#restoreSaved(conn, await saved))) {
      performance.mark('app.demo_load.start');
      await this.#loadDemo(conn, await demoSnapshot);
      performance.measure('app.demo_load', 'app.demo_load.start');
      this.origin = 'demo';
    }
    this.#connector = conn;
    installDebugHandle(conn, () => this.commitChange());
    await this.refreshOverview();
    this.status = 'gereed';
    performance.measure('app.to_data_ready', 'app.start');
  }

  /** Donderdeel from the build-time snapshot, or from its CSV and GeoJSON files. */
  async #loadDemo(conn: Connector, snapshot: Uint8Array | null): Promise<void> {
    if (snapshot) {
      try {
        await restoreSnapshot(conn, await decodeWorkspace(snapshot));
        return;
      } catch {
        // A damaged snapshot: the files below give the same data, only slower.
      }
    }
    await loadDemoFiles(conn, await readDemoFiles(demoSource));
  }

  /** Restores what this browser saved before; false when there is nothing (usable). */
  async #restoreSaved(conn: Connector, saved: Snapshot | null): Promise<boolean> {
    try {
      if (!saved) return false;
      performance.mark('app.restore.start');
      await restoreSnapshot(conn, saved);
      performance.measure('app.restore', 'app.restore.start');
      this.settings = readSettings(saved.manifest.settings);
      this.origin = 'opgeslagen';
      return true;
    } catch (error) {
      this.warning =
        'De opgeslagen gegevens in deze browser konden niet worden hersteld; de demogemeente is geladen. ' +
        (error instanceof Error ? error.message : '');
      return false;
    }
  }

  /**
   * After the data or settings changed: saves everything in this browser (it survives
   * reloads and restarts) and refreshes the overview and the views.
   */
  async commitChange(): Promise<void> {
    const settings = $state.snapshot(this.settings) as unknown as Record<string, unknown>;
    await this.#store.save(await takeSnapshot(this.connector, settings));
    this.origin = 'opgeslagen';
    invalidateBaseMap();
    await this.refreshOverview();
    this.dataVersion++;
  }

  /** Forgets what this browser saved; the next start shows the demo again. */
  async forgetSaved(): Promise<void> {
    await this.#store.clear();
  }

  async refreshOverview(): Promise<void> {
    const counts = await this.connector.query<{ table_name: TableName; n: number }>(
      buildTableCountsQuery(),
    );
    this.counts = counts.map((row) => ({ table: row.table_name, n: row.n }));
    const [period] = await this.connector.query<{ first: number | null; last: number | null }>(
      buildPeriodQuery(),
    );
    this.period =
      period && period.first !== null && period.last !== null
        ? { first: period.first, last: period.last }
        : null;
  }
}

export const appData = new AppData();
