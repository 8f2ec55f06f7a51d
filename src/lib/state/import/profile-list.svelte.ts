/**
 * The saved mapping profiles on the Gegevens screen, with removal after confirmation.
 * Profiles live in the workspace settings, so a removal is saved in this browser (and
 * leaves the exported workspace file) like every other change.
 */
import { removeProfile, type MappingProfile } from '$lib/data/import/profiles';
import { ActionStatus, keepChange } from '../shared/action-status.svelte';
import { appData } from '../app/app-data.svelte';

/** One profile's identity: names are unique per kind of record. */
export const profileKey = (profile: Pick<MappingProfile, 'name' | 'kind'>) =>
  `${profile.kind}:${profile.name}`;

export class ProfileListModel {
  /** The key of the profile whose removal waits for confirmation. */
  confirming = $state<string | null>(null);
  readonly removal = new ActionStatus<'verwijderen'>();

  get profiles(): MappingProfile[] {
    return appData.settings.profiles;
  }

  askRemove(profile: MappingProfile): void {
    this.confirming = profileKey(profile);
    this.removal.startOver();
  }

  cancelRemove(): void {
    this.confirming = null;
  }

  async remove(profile: MappingProfile): Promise<void> {
    await this.removal.run(
      'verwijderen',
      `Profiel ‘${profile.name}’ wordt verwijderd…`,
      async () => {
        const { problem } = await keepChange(async () => {
          appData.settings = {
            ...appData.settings,
            profiles: removeProfile(appData.settings.profiles, profile.name, profile.kind),
          };
        });
        this.confirming = null;
        this.removal.status = `Profiel ‘${profile.name}’ is verwijderd.`;
        this.removal.error = problem;
      },
      'Het profiel kon niet worden verwijderd.',
    );
  }
}
