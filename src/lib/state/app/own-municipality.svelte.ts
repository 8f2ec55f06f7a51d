/**
 * Setting up an own municipality on the Gegevens screen (issue 22, item 1): after one
 * confirmation the demo is removed entirely (with anything imported beside it), the name
 * typed is kept with the workspace, and the steps that follow — boundaries, then records —
 * are read off what is stored.
 */
import { removeAllData } from '$lib/data/datasets';
import { RECORD_TABLES } from '$lib/data/schema';
import { ActionStatus, keepChange } from '../shared/action-status.svelte';
import { appData } from './app-data.svelte';

export interface SetupProgress {
  areas: number;
  records: number;
}

/** Stored areas and records, from the overview's counts. */
export function setupProgress(counts: readonly { table: string; n: number }[]): SetupProgress {
  const n = (table: string) => counts.find((c) => c.table === table)?.n ?? 0;
  return {
    areas: n('areas'),
    records: RECORD_TABLES.reduce((sum, table) => sum + n(table), 0),
  };
}

export class OwnMunicipalityModel {
  /** The confirmation is open. */
  confirming = $state(false);
  /** The municipality's name as typed (optional: the boundaries usually carry it). */
  name = $state('');
  readonly action = new ActionStatus<'inrichten'>();

  get progress(): SetupProgress {
    return setupProgress(appData.counts);
  }

  ask(): void {
    this.confirming = true;
    this.action.startOver();
  }

  cancel(): void {
    this.confirming = false;
  }

  /** Removes every stored row and keeps the typed name; the boundaries are next. */
  async setUp(): Promise<void> {
    const name = this.name.trim().slice(0, 80);
    await this.action.run(
      'inrichten',
      'De demogemeente wordt verwijderd…',
      async () => {
        const { problem } = await keepChange(async () => {
          await removeAllData(appData.connector);
          const settings = { ...appData.settings };
          delete settings.municipality;
          appData.settings = name ? { ...settings, municipality: name } : settings;
        });
        this.confirming = false;
        this.action.status =
          'De demogemeente is verwijderd. Lees nu de grenzen van uw gemeente in (stap 1).';
        this.action.error = problem;
      },
      'Inrichten is mislukt; de gegevens zijn niet gewijzigd.',
    );
  }
}
