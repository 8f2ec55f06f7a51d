/**
 * Saving and exporting the mapping of an import on the Gegevens screen: a profile per
 * source system (records) or per boundary source (areas), kept with the workspace, and the
 * mapping file that `npm run import:check -- --mapping` reads (README).
 */
import type { RecordKind } from '$lib/data/import/column-mapping';
import type { PreparedImport } from '$lib/data/import/pipeline';
import type { DuplicatePolicy, ImportPlan } from '$lib/data/import/plan';
import { upsertProfile, type MappingProfile } from '$lib/data/import/profiles';
import { keepChange, type ActionStatus } from '../shared/action-status.svelte';
import { appData } from '../app/app-data.svelte';
import type { AreaImport } from './area-import.svelte';
import { saveFile } from '../shared/download';
import { buildProfile, profileFileName } from './import-view';

/** What the profile actions read of the import session. */
export interface ProfileSource {
  readonly kind: RecordKind;
  readonly plan: ImportPlan | null;
  readonly prepared: PreparedImport | null;
  readonly duplicates: DuplicatePolicy | null;
  readonly sourceLabel: string;
  readonly areas: AreaImport;
  profileName: string;
}

export class ImportProfileActions {
  readonly #session: ProfileSource;
  readonly #action: ActionStatus<'lezen' | 'inlezen' | 'opslaan'>;

  constructor(session: ProfileSource, action: ActionStatus<'lezen' | 'inlezen' | 'opslaan'>) {
    this.#session = session;
    this.#action = action;
  }

  async save(): Promise<void> {
    const session = this.#session;
    const name = session.sourceLabel.trim();
    if (session.kind === 'areas') return this.#saveAreaProfile(name);
    if (!session.plan || !session.prepared) return;
    if (!name) {
      this.#action.error = 'Vul eerst de naam van het bronsysteem in; het profiel krijgt die naam.';
      return;
    }
    const profile = this.#profile(name);
    await this.#action.run(
      'opslaan',
      `Profiel ‘${name}’ wordt opgeslagen…`,
      async () => {
        // From the settings as stored: another tab may have saved profiles meanwhile.
        const kept = await keepChange(async () => {
          appData.settings = {
            ...appData.settings,
            profiles: upsertProfile(appData.settings.profiles, profile),
          };
        });
        session.profileName = name;
        if (kept.problem) this.#action.error = kept.problem;
        else
          this.#action.status = `Profiel ‘${name}’ opgeslagen; het wordt voortaan voorgesteld bij exports met dezelfde kolommen.`;
      },
      'Het profiel kon niet worden opgeslagen.',
    );
  }

  /** The confirmed mapping as a file: the format of `import:check --mapping` (README). */
  export(): void {
    const { plan, prepared, sourceLabel } = this.#session;
    if (!plan || !prepared) return;
    const name = sourceLabel.trim() || prepared.fileName;
    const json = JSON.stringify(this.#profile(name), null, 2) + '\n';
    saveFile(json, profileFileName(name), 'application/json');
    this.#action.status = `De koppeling is gedownload als ‘${profileFileName(name)}’.`;
  }

  async #saveAreaProfile(name: string): Promise<void> {
    if (!name) {
      this.#action.error = 'Vul eerst een naam voor het profiel in (bijvoorbeeld de bron).';
      return;
    }
    await this.#action.run(
      'opslaan',
      `Profiel ‘${name}’ wordt opgeslagen…`,
      async () => {
        const kept = await keepChange(async () => this.#session.areas.saveProfile(name));
        if (kept.problem) this.#action.error = kept.problem;
        else
          this.#action.status = `Profiel ‘${name}’ opgeslagen; het wordt voortaan voorgesteld bij grenzen met dezelfde velden.`;
      },
      'Het profiel kon niet worden opgeslagen.',
    );
  }

  #profile(name: string): MappingProfile {
    const { plan, prepared, duplicates } = this.#session;
    return buildProfile(name, plan!, prepared!.staged.headers, duplicates ?? 'skip');
  }
}
