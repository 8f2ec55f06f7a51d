/**
 * The long operations of the import on the Gegevens screen, with their steps and
 * Annuleren (data/progress.ts): reading a chosen file, and importing it (records or area
 * boundaries) with the save in this browser. ImportSession holds the choices in between
 * (kind, mapping, preview) and calls these.
 *
 * A cancel before the final step leaves the stored tables and the saved workspace as they
 * were: reading only fills work tables, and an import changes the stored tables only in its
 * final step (a transaction), which together with the save cannot be cancelled.
 */
import type { AreaImportReport } from '$lib/data/import/areas';
import type { RecordKind } from '$lib/data/import/column-mapping';
import { browserParquetReader, warmParquetReader } from '$lib/data/import/parquet-browser';
import { prepareImport, runImport, type PreparedImport } from '$lib/data/import/pipeline';
import type { ImportPlan } from '$lib/data/import/plan';
import { rejectedRowsCsv } from '$lib/data/import/rejected-rows';
import type { ImportReport } from '$lib/data/import/report';
import { AREA_READ_STEPS, AREA_STEPS, IMPORT_STEPS, PREPARE_STEPS } from '$lib/data/progress-steps';
import { keepChange, type ActionStatus } from '../shared/action-status.svelte';
import { appData } from '../app/app-data.svelte';
import type { AreaImport } from './area-import.svelte';
import { exclusive } from '../shared/db-queue';
import { readChosenFile, saveFile } from '../shared/download';
import {
  errorMessage,
  importDatasetId,
  IMPORT_MESSAGES,
  outsideWarning,
  rejectedFileName,
} from './import-view';

export const CANCELLED = {
  READ: (name: string) => `Het lezen van ‘${name}’ is geannuleerd; er is niets gewijzigd.`,
  IMPORT:
    'Het inlezen is geannuleerd; er is niets gewijzigd: de opgeslagen gegevens zijn zoals ze waren.',
} as const;
const FAILED = 'Het inlezen is mislukt; de opgeslagen gegevens zijn niet gewijzigd.';
const UNREADABLE = 'Het bestand kon niet worden gelezen.';

/** What the runner reads of, and hands back to, the import session. */
export interface RunnerSession {
  readonly kind: RecordKind;
  readonly prepared: PreparedImport | null;
  readonly areas: AreaImport;
  /** The plan as confirmed on screen (source name, duplicate choice). */
  confirmedPlan(): ImportPlan;
  /** A file was read: propose or apply the mapping, show the preview. */
  adoptPrepared(prepared: PreparedImport, file: File): Promise<void>;
  /** The import is done: the mapping and preview of the file go. */
  clearPrepared(): void;
}

export type ImportBusy = 'lezen' | 'inlezen' | 'opslaan';

export class ImportRunner {
  report = $state.raw<ImportReport | null>(null);
  areaReport = $state.raw<AreaImportReport | null>(null);
  #reported: PreparedImport | null = null;
  readonly #session: RunnerSession;
  readonly #action: ActionStatus<ImportBusy>;

  constructor(session: RunnerSession, action: ActionStatus<ImportBusy>) {
    this.#session = session;
    this.#action = action;
  }

  reset(): void {
    this.report = null;
    this.areaReport = null;
    this.#reported = null;
  }

  /** Reads a chosen file of the session's kind (nothing is stored). */
  async read(file: File): Promise<void> {
    if (this.#session.kind === 'areas') return this.#readAreas(file);
    const kind = this.#session.kind;
    await this.#action.runSteps(
      'lezen',
      PREPARE_STEPS,
      async (progress, current) => {
        warmParquetReader(file.name);
        // The File itself: a CSV is read in chunks and by the engine, never whole (issue 27).
        const prepared = await exclusive(() =>
          prepareImport(appData.connector, kind, file.name, file, {
            parquet: browserParquetReader,
            progress,
          }),
        );
        if (current()) await this.#session.adoptPrepared(prepared, file);
      },
      { failure: UNREADABLE, cancelled: CANCELLED.READ(file.name) },
    );
  }

  /** Reads a boundary file, with steps and Annuleren (nothing is stored). */
  async #readAreas(file: File): Promise<void> {
    await this.#action.runSteps(
      'lezen',
      AREA_READ_STEPS,
      async (progress, current) => {
        await progress.step('read');
        const bytes = await readChosenFile(file);
        const areas = this.#session.areas;
        await areas.read(file.name, bytes, progress);
        if (!current()) return;
        const profile = areas.profileName;
        this.#action.status = `‘${file.name}’ gelezen: ${areas.source?.features.length ?? 0} gebieden${profile ? `, profiel ‘${profile}’ toegepast` : ''}. Controleer niveau en koppeling en kies Inlezen om de gebiedsgrenzen te vervangen.`;
      },
      { failure: UNREADABLE, cancelled: CANCELLED.READ(file.name) },
    );
  }

  /** Imports the read file and saves the result in this browser. */
  async run(file: File): Promise<void> {
    const dataset = importDatasetId(file.name);
    if (this.#session.kind === 'areas') return this.#runAreas(dataset);
    const confirmed = { ...this.#session.prepared!, plan: this.#session.confirmedPlan() };
    await this.#action.runSteps(
      'inlezen',
      IMPORT_STEPS,
      async (progress) => {
        const kept = await keepChange(async () => {
          const report = await runImport(appData.connector, confirmed, {
            dataset,
            progress,
            municipality: appData.settings.municipality,
          });
          this.#action.status = IMPORT_MESSAGES.SAVING;
          return report;
        });
        const { rows } = kept.value;
        this.report = kept.value;
        this.#reported = confirmed;
        this.#session.clearPrepared();
        this.#action.finishSave(
          kept,
          `${rows.accepted} rijen ingelezen, ${rows.rejected} afgewezen`,
        );
        this.#action.error ??= outsideWarning(kept.value, appData.municipality);
      },
      { failure: FAILED, cancelled: CANCELLED.IMPORT },
    );
  }

  async #runAreas(dataset: string): Promise<void> {
    await this.#action.runSteps(
      'inlezen',
      AREA_STEPS,
      async (progress) => {
        const kept = await keepChange(async () => {
          const report = await this.#session.areas.run(dataset, progress);
          this.#action.status = IMPORT_MESSAGES.SAVING;
          return report;
        });
        this.areaReport = kept.value;
        this.#action.finishSave(kept, `gebiedsgrenzen ingelezen: ${kept.value.accepted} gebieden`);
      },
      { failure: FAILED, cancelled: CANCELLED.IMPORT },
    );
  }

  async downloadRejected(): Promise<void> {
    const reported = this.#reported;
    if (!reported) return;
    try {
      const csv = await exclusive(() =>
        rejectedRowsCsv(appData.connector, reported.staged, reported.plan),
      );
      saveFile(csv, rejectedFileName(reported.fileName), 'text/csv;charset=utf-8');
      this.#action.status = 'De afgewezen rijen zijn gedownload.';
    } catch (error) {
      this.#action.error = errorMessage(error, 'De afgewezen rijen konden niet worden gedownload.');
    }
  }
}
