/**
 * What is stored in this browser, on the Gegevens screen: the datasets (the demo and every
 * import) with removal, and the workspace file to export and restore elsewhere.
 */
import { tick } from 'svelte';
import type { Connector } from '$lib/data/connector';
import { listDatasets, removeDataset } from '$lib/data/datasets';
import {
  ALL_FORECAST_DATES,
  createIndexedDbForecastStore,
  mergeForecasts,
  type ForecastStore,
  type StoredForecast,
} from '$lib/data/forecast-store';
import { readSettings } from '$lib/data/import/profiles';
import { RESTORE_STEPS } from '$lib/data/progress-steps';
import { restoreSnapshot, takeSnapshot } from '$lib/data/snapshot';
import { decodeWorkspace, encodeWorkspace } from '$lib/data/workspace-file';
import { ActionStatus, keepChange } from '../shared/action-status.svelte';
import { exclusive } from '../shared/db-queue';
import { readChosenFile, saveFile } from '../shared/download';
import { datasetLabel, errorMessage, workspaceFileName } from './import-view';
import { Latest } from '../shared/latest';
import type { WorkspaceDeps, WorkspaceStore } from '../shared/page-deps';
import { groupDatasets, type DatasetGroup } from '../app/stored-data-view';

export class WorkspaceModel {
  datasets = $state.raw<DatasetGroup[] | null>(null);
  /** The dataset whose removal waits for confirmation. */
  confirming = $state<string | null>(null);
  /** Listing and removing datasets. */
  readonly removal = new ActionStatus<'verwijderen'>();
  /** Exporting and restoring the workspace file. */
  readonly file = new ActionStatus<'exporteren' | 'herstellen'>();
  readonly #listing: Latest;

  readonly #data: WorkspaceStore;
  /** The briefings' forecasts: they travel with the workspace file (workspace-file.ts). */
  readonly #forecasts: ForecastStore;

  constructor(deps: WorkspaceDeps, forecasts: ForecastStore = createIndexedDbForecastStore()) {
    this.#data = deps.data;
    this.#forecasts = forecasts;
    this.#listing = new Latest(deps.readiness);
  }

  get busy(): boolean {
    return this.removal.busy !== null || this.file.busy !== null;
  }

  /** Lists what is stored in `dataVersion` (once per version; the newest wins). */
  loadDatasets(conn: Connector, dataVersion: number): Promise<void> {
    return this.#listing.run(
      dataVersion,
      async (current) => {
        const datasets = groupDatasets(await exclusive(() => listDatasets(conn)));
        if (!current()) return;
        this.datasets = datasets;
        await tick();
      },
      (message) => (this.removal.error = message),
      (error) => errorMessage(error, 'De lijst met datasets kon niet worden geladen.'),
    );
  }

  askRemove(dataset: string): void {
    this.confirming = dataset;
    this.removal.startOver();
  }

  cancelRemove(): void {
    this.confirming = null;
  }

  async remove(dataset: string): Promise<void> {
    const label = datasetLabel(dataset);
    await this.removal.run(
      'verwijderen',
      `‘${label}’ wordt verwijderd…`,
      async () => {
        const { problem } = await keepChange(() => removeDataset(this.#data.connector, dataset));
        this.confirming = null;
        this.removal.status = `‘${label}’ is verwijderd.`;
        this.removal.error = problem;
      },
      'Verwijderen is mislukt; de gegevens zijn niet gewijzigd.',
    );
  }

  async exportWorkspace(): Promise<void> {
    await this.file.run(
      'exporteren',
      'De werkruimte wordt samengesteld…',
      async () => {
        const settings = $state.snapshot(this.#data.settings) as unknown as Record<string, unknown>;
        const snapshot = await exclusive(() => takeSnapshot(this.#data.connector, settings));
        const name = workspaceFileName();
        const forecasts = await this.#forecasts.list(...ALL_FORECAST_DATES);
        saveFile(await encodeWorkspace(snapshot, forecasts), name, 'application/octet-stream');
        this.file.status = `De werkruimte is gedownload als ‘${name}’.`;
      },
      'De werkruimte kon niet worden geëxporteerd.',
    );
  }

  /** Adds the file's forecasts to this browser's; a problem in words, or null. */
  async #keepForecasts(forecasts: readonly StoredForecast[]): Promise<string | null> {
    try {
      await mergeForecasts(this.#forecasts, forecasts);
      return null;
    } catch {
      return 'De gegevens zijn hersteld, maar de eerdere verwachtingen van de briefing uit dit bestand konden in deze browser niet worden bewaard.';
    }
  }

  /**
   * Replaces all data and settings with a workspace file; atomic, so a bad file changes
   * nothing, and so does Annuleren before the final step (RESTORE_STEPS).
   */
  async restoreWorkspace(file: File): Promise<void> {
    await this.file.runSteps(
      'herstellen',
      RESTORE_STEPS,
      async (progress) => {
        await progress.step('read');
        const snapshot = await decodeWorkspace(await readChosenFile(file), progress);
        const { problem } = await keepChange(async () => {
          await restoreSnapshot(this.#data.connector, snapshot, { progress });
          this.#data.settings = readSettings(snapshot.manifest.settings);
        });
        this.file.status = `De werkruimte uit ‘${file.name}’ is hersteld.`;
        this.file.error = problem ?? (await this.#keepForecasts(snapshot.forecasts));
      },
      {
        failure: 'De werkruimte kon niet worden hersteld; de gegevens zijn niet gewijzigd.',
        cancelled: `Het herstellen van ‘${file.name}’ is geannuleerd; er is niets gewijzigd.`,
      },
    );
  }
}
