/**
 * The preview on the Gegevens screen: the first rows of the read file as the confirmed
 * mapping would store them, or a note why there is none. A later refresh overtakes an
 * earlier one (the analyst edits faster than the engine answers).
 */
import { tick } from 'svelte';
import type { Row } from '$lib/data/connector';
import { previewImport, type PreparedImport } from '$lib/data/import/pipeline';
import { planProblems } from '$lib/data/import/plan';
import { appData } from '../app/app-data.svelte';
import { exclusive } from '../shared/db-queue';
import { errorMessage } from './import-view';
import { readiness } from '../shared/readiness.svelte';
import { Latest } from '../shared/latest';

const PREVIEW_ROWS = 10;

export class ImportPreview {
  rows = $state.raw<Row[] | null>(null);
  note = $state<string | null>(null);
  readonly #latest = new Latest(readiness);
  #run = 0;

  clear(): void {
    this.#latest.forget();
    this.rows = null;
  }

  /** `confirmed`: the read file with the plan as confirmed on screen; null: nothing read. */
  async refresh(confirmed: PreparedImport | null): Promise<void> {
    this.#latest.forget(); // overtakes a preview still being made
    if (!confirmed) return;
    if (planProblems(confirmed.plan, confirmed.staged.headers).length > 0) {
      this.rows = null;
      this.note = 'Het voorbeeld verschijnt zodra de verplichte velden gekoppeld zijn.';
      return;
    }
    await this.#latest.run(
      ++this.#run,
      async (current) => {
        const rows = await exclusive(() =>
          previewImport(appData.connector, confirmed, PREVIEW_ROWS),
        );
        if (!current()) return;
        this.rows = rows;
        this.note = null;
        await tick();
      },
      (note) => {
        this.rows = null;
        this.note = note;
      },
      (error) => errorMessage(error, 'Het voorbeeld kon niet worden gemaakt.'),
    );
  }
}
