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
import { formatCount } from '$lib/format/nl';
import { ActionStatus } from './action-status.svelte';
import { appData } from './app-data.svelte';
import { exclusive } from './db-queue';
import { saveFile } from './download';

export class PublishModel {
  version = $state(defaultVersion());
  readonly action = new ActionStatus<'publiceren'>();

  async publish(): Promise<void> {
    await this.action.run(
      'publiceren',
      'De publicatie wordt samengesteld…',
      async () => {
        const version = this.version.trim() || defaultVersion();
        const publication = await exclusive(() => buildPublication(appData.connector, { version }));
        const name = publicationFileName(version);
        saveFile(publicationZip(publication), name, 'application/zip');
        const { manifest } = publication;
        const records =
          manifest.tables.incidents + manifest.tables.meldingen + manifest.tables.visits;
        this.action.status = `‘${name}’ is gedownload: versie ${manifest.version}, ${formatCount(records)} registraties${manifest.data_until ? `, gegevens t/m ${manifest.data_until.split('-').reverse().join('-')}` : ''}. Pak het uit in de map van de app op de webserver (de map dataset/ vervangen).`;
      },
      'De publicatie kon niet worden gemaakt.',
    );
  }
}
