/**
 * The app's data session: starts DuckDB-WASM once, loads the demo municipality on first
 * run, and holds the start page's overview. Components read this; they never query.
 */
import { errorReason, userMessage } from '$lib/data/engine-errors';
import type { Connector } from '$lib/data/connector';
import { EMPTY_SETTINGS, readSettings, type WorkspaceSettings } from '$lib/data/import/profiles';
import type { StepProgress } from '$lib/data/progress';
import { PUBLISHED_LOAD_STEPS } from '$lib/data/progress-steps';
import type { DatasetFile, DatasetManifest } from '$lib/data/publish';
import { appendFiles, readVerified } from '$lib/data/published';
import type { SavedChange } from '$lib/data/workspace-writer';
import {
  createIndexedDbSnapshotStore,
  type SnapshotStore,
  type StoredSnapshot,
} from '$lib/data/snapshot-store';
import { invalidateBaseMap } from '../shared/base-map.svelte';
import { installDebugHandle } from '../shared/debug-handle';
import { readDemoSnapshot } from './demo-source';
import type { DataOrigin, DataStatus, StartOptions, TableCount } from './start-options';
import { cachePublished, loadDemo, peekManifest, readOverview, restoreSaved } from './data-loaders';
import { rememberOwnWorkspace, takeEarlyEngine } from '../shared/early-downloads';
import { OperationProgress } from '../shared/operation-progress.svelte';
import { openPublished } from './published-fallback';
import { regionServerOf } from './region-start';
import { publishedReader, readPublishedManifest } from './published-source';
import { readiness } from '../shared/readiness.svelte';
import { TabSync } from './tab-sync.svelte';
import type { BriefingSource } from '../briefing/briefing-sources';
import {
  datasetInfo,
  downloadPublished,
  earlyBriefing,
  EngineGate,
  publishedIdentity,
  type DatasetInfo,
  type DownloadedDataset,
} from './published-start';

export type { DatasetInfo };
export { startOptionsFor } from './start-options';
export type { DataOrigin, DataStatus, StartOptions, TableCount } from './start-options';

/** The longest the briefing holds the engine back while it draws (see #briefingFirst). */
const ENGINE_HOLD_MS = 5000;

/** DuckDB-WASM's script, loaded when the engine starts (see #run). */
const loadEngine = () => import('$lib/data/duckdb-browser');

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
  /** The loaded municipality's name: as typed at its set-up, else its gemeente area's. */
  municipality = $state<string | null>(null);
  /** A non-fatal problem to show, e.g. stored data that could not be restored. */
  warning = $state<string | null>(null);
  /** The published dataset that is open (origin 'gepubliceerd'). */
  dataset = $state<DatasetInfo | null>(null);
  /** A published dataset exists while the user's own workspace is open. */
  publishedAvailable = $state<DatasetInfo | null>(null);
  /** Record files of the published dataset not loaded yet (recentOnly start). */
  pendingFiles = $state.raw<DatasetFile[]>([]);
  /**
   * The briefing from the published files while the engine starts (recentOnly starts on a
   * published dataset); null once the database has the data or when there is none.
   */
  earlyBriefing = $state.raw<BriefingSource | null>(null);
  /** The steps of opening the published dataset at the start (shown while it loads). */
  readonly loading = new OperationProgress();
  #loadSteps: StepProgress | null = null;
  /** Which data the database holds; every change of the data gives a new key. */
  #identity = $state(`start:${Date.now()}`);
  #store: SnapshotStore = createIndexedDbSnapshotStore();
  /** Saves one tab at a time and reads in what other tabs saved (notice: what was read). */
  tabs = new TabSync(this.#store, {
    connector: () => this.connector,
    settings: () => $state.snapshot(this.settings) as unknown as Record<string, unknown>,
    adopted: (snapshot) => {
      // Another tab's workspace replaced this tab's data, whatever it came from.
      this.settings = readSettings(snapshot.manifest.settings);
      this.origin = 'opgeslagen';
      this.dataset = null;
      this.pendingFiles = [];
    },
    changed: async () => {
      invalidateBaseMap();
      await this.refreshOverview();
      this.dataVersion++;
    },
  });
  /** The last published dataset that loaded correctly: the fallback for a damaged one. */
  #publishedCache: SnapshotStore = createIndexedDbSnapshotStore('published:');
  #manifest: DatasetManifest | null = null;
  #completing: Promise<void> | null = null;
  #connector: Connector | null = null;
  #starting: Promise<void> | null = null;
  #engineGate = new EngineGate();

  /** The data is a region's, read-only on the server its manifest names (region-start.ts). */
  get remote(): boolean {
    return this.#identity.startsWith('regio:');
  }
  /** Names the data now in the database (see BriefingSource.key). */
  get dataKey(): string {
    return `${this.#identity}#${this.dataVersion}`;
  }

  get connector(): Connector {
    if (!this.#connector) throw new Error('De database is nog niet gestart.');
    return this.#connector;
  }

  /** Idempotent: every page calls it; the work happens once per tab. */
  start(options: StartOptions = {}): Promise<void> {
    this.#starting ??= this.#run(options).catch((error: unknown) => {
      this.#starting = null;
      this.status = 'fout';
      this.error = userMessage(error, 'wijkradar kon niet worden gestart.');
    });
    return this.#starting;
  }

  async #run(options: StartOptions): Promise<void> {
    performance.mark('app.start');
    this.status = 'starten';
    this.tabs.listen();
    // Start everything that does not depend on the database while it instantiates: the
    // saved snapshot (IndexedDB), the published dataset's manifest and, only when there is
    // none, the demo prepared at build time.
    const saved = this.#store.load().catch(() => null);
    const manifestBytes = readPublishedManifest();
    const region = manifestBytes.then(regionServerOf);
    const demoSnapshot = manifestBytes.then((bytes) =>
      bytes ? null : readDemoSnapshot().catch(() => null),
    );
    // The published files download while the engine starts, unless a workspace or server wins.
    const refused = region.catch(() => true); // a server the app refuses (thrown below) too
    const download = Promise.all([manifestBytes, saved, refused]).then(([bytes, own, remote]) => {
      if (!bytes || own || remote) return null;
      this.#loadSteps = this.loading.start(PUBLISHED_LOAD_STEPS);
      return downloadPublished(bytes, Boolean(options.recentOnly), this.#loadSteps);
    });
    // The engine's script (DuckDB-WASM's JavaScript, ~0.5 MB) loads with the start, except
    // on the briefing, which is drawn from the files first and holds the engine back.
    const engine = options.recentOnly ? null : loadEngine();
    if (options.recentOnly) await this.#briefingFirst(download);
    const remote = await region; // a region's server: no engine in the browser then
    const conn =
      remote?.conn ?? (await (await (engine ?? loadEngine())).getBrowserConnector(takeEarlyEngine));
    this.status = 'laden';
    // Each loader below (restoreSnapshot, replaceWithPublication, loadDemoFiles) creates the
    // schema itself before it writes.
    const published = await manifestBytes;
    if (remote) {
      [this.origin, this.dataset] = ['gepubliceerd', datasetInfo(remote.manifest)];
      this.#identity = `regio:${publishedIdentity(remote.manifest, [])}`;
    } else if (await this.#restoreSaved(conn, await saved)) {
      if (published) this.publishedAvailable = peekManifest(published);
    } else if (!published || !(await this.#openPublished(conn, await download))) {
      performance.mark('app.demo_load.start');
      // Only fetched here when a published dataset was expected but could not be opened:
      // the demo's files are no substitute, the deployment's CSP refuses those Vite inlined.
      const snapshot = (await demoSnapshot) ?? (await readDemoSnapshot().catch(() => null));
      await loadDemo(conn, snapshot);
      performance.measure('app.demo_load', 'app.demo_load.start');
      this.origin = 'demo';
    }
    this.#connector = conn;
    this.earlyBriefing = null;
    installDebugHandle(conn, async () => {
      const { saveError } = await this.commitChange(async () => undefined);
      if (saveError) throw saveError;
    });
    await this.refreshOverview();
    this.status = 'gereed';
    this.tabs.ready((await saved)?.generation ?? 0);
    performance.measure('app.to_data_ready', 'app.start');
    if (this.origin === 'gepubliceerd' && !this.pendingFiles.length) this.#keepPublished();
  }

  /**
   * The briefing's start on a published dataset: it is shown from the downloaded files, and
   * the engine waits until it has drawn (releaseEngine) or ENGINE_HOLD_MS have passed.
   */
  async #briefingFirst(download: Promise<DownloadedDataset | null>): Promise<void> {
    const early = earlyBriefing(await download);
    if (!early || this.status === 'gereed') return;
    this.earlyBriefing = early.source;
    this.dataset = early.info;
    this.origin = 'gepubliceerd';
    await this.#engineGate.hold(ENGINE_HOLD_MS);
  }

  /** Keeps the fully loaded published dataset as this browser's fallback (in the background). */
  #keepPublished = () =>
    this.#manifest && cachePublished(this.connector, this.#manifest, this.#publishedCache);

  /** Lets an engine held back for the briefing start now; harmless otherwise. */
  releaseEngine(): void {
    this.#engineGate.release();
  }

  /**
   * Opens the published dataset; on a missing or damaged file the last one that loaded
   * correctly in this browser. False when neither works (the caller loads the demo).
   */
  async #openPublished(conn: Connector, download: DownloadedDataset | null): Promise<boolean> {
    performance.mark('app.published_load.start');
    const steps = this.#loadSteps ?? undefined;
    const ended = () => steps && this.loading.end(steps);
    const opening = await openPublished(conn, download, this.#publishedCache, steps, ended);
    ended();
    if (opening.opened === 'published') {
      const { manifest, files } = opening;
      this.#manifest = manifest;
      this.pendingFiles = manifest.files.filter((f) => !files.includes(f));
      this.dataset = datasetInfo(manifest);
      this.origin = 'gepubliceerd';
      this.#identity = publishedIdentity(manifest, files);
      performance.measure('app.published_load', 'app.published_load.start');
      return true;
    }
    // What the briefing showed from the files does not hold: the data below replaces it.
    this.earlyBriefing = null;
    this.warning = opening.warning;
    this.dataset = opening.opened === 'cached' ? opening.info : null;
    this.origin = opening.opened === 'cached' ? 'gepubliceerd' : 'demo';
    return opening.opened === 'cached';
  }

  /** Loads the years a recentOnly start left out (every view but the briefing needs them). */
  completeData(): Promise<void> {
    if (this.pendingFiles.length === 0) return Promise.resolve();
    this.#completing ??= (async () => {
      const done = readiness.begin();
      try {
        const files = this.pendingFiles;
        await appendFiles(this.connector, files, await readVerified(publishedReader, files));
        this.pendingFiles = [];
        await this.refreshOverview();
        this.dataVersion++;
        this.#keepPublished();
      } catch (error) {
        this.warning = `De oudere jaren konden niet worden geladen. ${errorReason(error)}`;
      } finally {
        this.#completing = null;
        done();
      }
    })();
    return this.#completing;
  }

  /** Restores what this browser saved before; false when there is nothing (usable). */
  async #restoreSaved(conn: Connector, saved: StoredSnapshot | null): Promise<boolean> {
    const restored = await restoreSaved(conn, saved);
    if ('warning' in restored) this.warning = restored.warning;
    if (!('settings' in restored)) return false;
    [this.settings, this.origin] = [restored.settings, 'opgeslagen'];
    return true;
  }

  /**
   * Changes the data or settings and saves everything in this browser (it survives reloads
   * and restarts), one tab at a time: when another tab saved since this one read its data,
   * that is read in before `apply` runs (tabs.notice says so). `apply` works on the data as
   * it is then, must not use the db-queue itself (the save holds it), and may run twice
   * after a lost race without Web Locks. Its error is thrown; the save's is returned.
   * Afterwards the overview and the views refresh.
   */
  async commitChange<T>(apply: () => Promise<T>): Promise<SavedChange<T>> {
    const saved = await this.tabs.commit(apply);
    if (saved.saveError === null) {
      rememberOwnWorkspace(true);
      this.origin = 'opgeslagen';
    }
    return saved;
  }

  /** Forgets what this browser saved; the next start shows the demo again. */
  async forgetSaved(): Promise<void> {
    await this.#store.clear();
    rememberOwnWorkspace(false);
  }

  async refreshOverview(): Promise<void> {
    const overview = await readOverview(this.connector);
    this.counts = overview.counts;
    this.period = overview.period;
    this.municipality = this.settings.municipality ?? overview.municipality;
  }
}
export const appData = new AppData();
