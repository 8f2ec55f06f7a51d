/**
 * The one rule for file names in a published dataset's manifest (publish.ts): a plain name
 * of a file in the dataset folder, as publish.ts writes them (`incidents-2025.arrow`,
 * `areas.geojson`, `theme_mapping.json`). No slash, no `..`, no scheme, no query: a
 * manifest on the intranet decides what the browser fetches, and a path such as
 * `../../secret.txt` or `https://…` would make it fetch something else. Every code path
 * that reads a manifest's files checks it (published.ts, state/published-source.ts, the
 * page head's early downloads, published-briefing.ts).
 */
import { UserError } from './user-error';
export class DatasetError extends UserError {}

export const DATASET_FILE_NAME = /^[a-z0-9_-]{1,64}\.(arrow|geojson|json)$/;

export function isDatasetFileName(path: unknown): path is string {
  return typeof path === 'string' && DATASET_FILE_NAME.test(path);
}

/** Throws a DatasetError naming `path` unless it is a plain file name of the dataset folder. */
export function checkDatasetFileName(path: unknown): string {
  if (!isDatasetFileName(path)) {
    throw new DatasetError(
      `Het manifest noemt een ongeldige bestandsnaam: ${String(path)}. Alleen namen van bestanden in de map van de gepubliceerde gegevens zijn toegestaan; de gegevens worden niet geopend.`,
    );
  }
  return path;
}
