/**
 * Publiceren on the Gegevens screen: the current data as a published dataset (one ZIP with
 * a `dataset/` folder) that the analyst places next to the deployed app, so the whole team
 * opens the same data (data/publish.ts).
 */
import {
  buildPublication,
  defaultVersion,
  publicationFileName,
  publicationZip,
} from '$lib/data/publish';
import { PUBLISH_STEPS } from '$lib/data/progress-steps';
import { formatCount } from '$lib/format/nl';
import { ActionStatus } from '../shared/action-status.svelte';
import { appData } from '../app/app-data.svelte';
import { exclusive } from '../shared/db-queue';
import { saveFile } from '../shared/download';

export class PublishModel {
  version = $state(defaultVersion());
  readonly action = new ActionStatus<'publiceren'>();

  /** Builds and downloads the publication; Annuleren stops it before the download. */
  async publish(): Promise<void> {
    await this.action.runSteps(
      'publiceren',
      PUBLISH_STEPS,
      async (progress) => {
        const version = this.version.trim() || defaultVersion();
        const publication = await exclusive(() =>
          buildPublication(appData.connector, { version, progress }),
        );
        const name = publicationFileName(version);
        await progress.step('zip');
        const zip = publicationZip(publication);
        await progress.finish();
        saveFile(zip, name, 'application/zip');
        const { manifest } = publication;
        const records =
          manifest.tables.incidents + manifest.tables.meldingen + manifest.tables.visits;
        this.action.status = `‘${name}’ is gedownload: versie ${manifest.version}, ${formatCount(records)} registraties${manifest.data_until ? `, gegevens t/m ${manifest.data_until.split('-').reverse().join('-')}` : ''}. Pak het uit in de map van de app op de webserver (de map dataset/ vervangen).`;
      },
      {
        failure: 'De publicatie kon niet worden gemaakt.',
        cancelled:
          'Het maken van de publicatie is geannuleerd; er is niets gewijzigd en niets gedownload.',
      },
    );
  }
}
