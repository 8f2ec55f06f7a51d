/**
 * Opening the published dataset at the start (app-data.svelte.ts), with its fallback: when
 * a file is missing, damaged or unreadable, the last version that loaded correctly in this
 * browser; when that fails too, nothing (the caller loads the demo). Each load replaces
 * the data in one transaction and refuses an incomplete Arrow stream before the engine
 * reads it (data/ipc-stream.ts), so a failed one leaves the engine whole for the next.
 */
import type { Connector } from '$lib/data/connector';
import { errorReason } from '$lib/data/engine-errors';
import type { DatasetFile, DatasetManifest } from '$lib/data/publish';
import { isCancelled, type StepProgress } from '$lib/data/progress';
import { replaceWithPublication } from '$lib/data/published';
import { restoreSnapshot } from '$lib/data/snapshot';
import type { SnapshotStore } from '$lib/data/snapshot-store';
import type { DatasetInfo, DownloadedDataset } from './published-start';
import { UserError } from '$lib/data/user-error';

/** The setting under which a cached publication keeps what users see of it. */
export const PUBLISHED_SETTING = 'published_dataset';

export type PublishedOpening =
  | { opened: 'published'; manifest: DatasetManifest; files: DatasetFile[] }
  /** The last good version from `cache`; `warning` says why and which version. */
  | { opened: 'cached'; info: DatasetInfo; warning: string }
  /** Neither could be opened: the caller loads the demo; `warning` says so. */
  | { opened: 'none'; warning: string };

const DEMO_LOADED = 'de demogemeente Donderdeel is geladen.';
/** Annuleren while the published dataset opened: what opens instead follows this. */
export const CANCELLED_OPENING = 'Het openen van de gepubliceerde gegevens is geannuleerd.';

/**
 * With `progress` (PUBLISHED_LOAD_STEPS) the opening can be cancelled up to its final step:
 * the load rolls back and the fallback opens as after a failure. `fallingBack` hears when
 * the published dataset will not open, before the fallback loads.
 */
export async function openPublished(
  conn: Connector,
  download: DownloadedDataset | null,
  cache: SnapshotStore,
  progress?: StepProgress,
  fallingBack: () => void = () => undefined,
): Promise<PublishedOpening> {
  try {
    if (!download) throw new UserError('De gepubliceerde gegevens zijn niet gedownload.');
    if ('error' in download) throw download.error;
    await replaceWithPublication(conn, download.files, download.contents, progress);
    return { opened: 'published', manifest: download.manifest, files: download.files };
  } catch (error) {
    fallingBack();
    return openCached(conn, isCancelled(error) ? CANCELLED_OPENING : errorReason(error), cache);
  }
}

/** The last published version that loaded correctly in this browser, after `reason`. */
async function openCached(
  conn: Connector,
  reason: string,
  cache: SnapshotStore,
): Promise<PublishedOpening> {
  const cached = await cache.load().catch(() => null);
  const info = cached?.manifest.settings[PUBLISHED_SETTING] as DatasetInfo | undefined;
  if (!cached || !info) {
    return {
      opened: 'none',
      warning: `${reason} Er is in deze browser geen eerdere versie; ${DEMO_LOADED}`,
    };
  }
  try {
    await restoreSnapshot(conn, cached, { ownSave: true });
    return {
      opened: 'cached',
      info,
      warning: `${reason} De laatst goed geladen versie (${info.version}) is geopend.`,
    };
  } catch (error) {
    return {
      opened: 'none',
      warning: `${reason} De laatst goed geladen versie (${info.version}) kon ook niet worden geopend. ${errorReason(error)} De demogemeente Donderdeel is geladen.`,
    };
  }
}
