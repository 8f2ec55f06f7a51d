/**
 * The published dataset next to the deployed app (`<app>/dataset/`, see data/publish.ts),
 * fetched from the app's own origin. A static host answers a missing file with the SPA
 * page (or 404): both read as "not there".
 */
import { base } from '$app/paths';
import { checkDatasetFileName } from '$lib/data/dataset-files';
import type { DatasetReader } from '$lib/data/published';
import { DATASET_DIR, MANIFEST_FILE } from '$lib/data/publish';
import { takeEarly } from '../shared/early-downloads';

/**
 * A file of the dataset: the page's early download when it started one (the manifest as
 * it came; a data file fetched again when that download failed), else fetched now. Only a
 * plain file name of the dataset folder is fetched (dataset-files.ts); another path throws.
 */
async function fetchFile(name: string, cache: RequestCache): Promise<Uint8Array | null> {
  checkDatasetFileName(name);
  const url = `${base}/${DATASET_DIR}/${name}`;
  const early = takeEarly(url);
  if (early) {
    const bytes = await early;
    if (bytes) return new Uint8Array(bytes);
    if (name === MANIFEST_FILE) return null; // the same request, answered "not there"
  }
  const response = await fetch(url, { cache });
  const type = response.headers.get('content-type') ?? '';
  if (!response.ok || type.startsWith('text/html')) return null;
  return new Uint8Array(await response.arrayBuffer());
}

/** The manifest, always fresh (a new publication must show up on the next open). */
export function readPublishedManifest(): Promise<Uint8Array | null> {
  return fetchFile(MANIFEST_FILE, 'no-store').catch(() => null);
}

/** Data files: revalidated with the server; their checksums are verified anyway. */
export const publishedReader: DatasetReader = {
  read: (name) => fetchFile(name, 'no-cache'),
};
