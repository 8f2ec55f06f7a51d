/**
 * A tab opening on the published dataset (app-data.svelte.ts): the manifest's files fetched
 * and verified while the engine starts, the briefing offered from those files before the
 * engine is there (data/published-briefing.ts), and the engine held back while that
 * briefing draws.
 */
import type { DatasetFile, DatasetManifest } from '$lib/data/publish';
import {
  parseManifest,
  readVerified,
  recentFromYear,
  selectFiles,
  type DatasetReader,
} from '$lib/data/published';
import { PublishedBriefingTables } from '$lib/data/published-briefing';
import { checkFitsBrowser } from '$lib/data/region-manifest';
import type { StepProgress } from '$lib/data/progress';
import { publishedBriefingSource, type BriefingSource } from '../briefing/briefing-sources';
import { publishedReader } from './published-source';

/** What users see of a published dataset (header, briefing, reports). */
export interface DatasetInfo {
  version: string;
  dataUntil: string | null;
  municipality: string | null;
  publishedAt: string;
}

export function datasetInfo(manifest: DatasetManifest): DatasetInfo {
  return {
    version: manifest.version,
    dataUntil: manifest.data_until,
    municipality: manifest.municipality,
    publishedAt: manifest.published_at,
  };
}

export type DownloadedDataset =
  | { manifest: DatasetManifest; files: DatasetFile[]; contents: Map<string, Uint8Array> }
  | { error: unknown };

/** Names a published dataset as loaded (BriefingSource.key): the same files, the same rows. */
export function publishedIdentity(
  manifest: DatasetManifest,
  files: readonly DatasetFile[],
): string {
  return `gepubliceerd:${manifest.version}|${manifest.published_at}|${files.map((f) => f.path).join(',')}`;
}

/** The manifest's files for this start, fetched and verified; the error when that fails. */
export async function downloadPublished(
  manifestBytes: Uint8Array,
  recentOnly: boolean,
  /** PUBLISHED_LOAD_STEPS: 'download' (files verified of all), then 'engine'. */
  progress?: StepProgress,
  reader: DatasetReader = publishedReader,
): Promise<DownloadedDataset> {
  try {
    await progress?.step('download');
    const manifest = parseManifest(manifestBytes);
    // Before any download: a region too large for a tab belongs on a server.
    checkFitsBrowser(manifest);
    const files = selectFiles(manifest, recentOnly ? recentFromYear(manifest) : undefined);
    const started = performance.now();
    const contents = await readVerified(reader, files, progress);
    performance.measure('app.published_download', { start: started });
    // What follows waits for the engine (it may have started already).
    await progress?.step('engine');
    return { manifest, files, contents };
  } catch (error) {
    return { error };
  }
}

/**
 * The briefing from downloaded files, keyed as the database will be once it has loaded the
 * same files (data version 0); null when the files cannot be read without the engine (it
 * reads them in a moment and reports what is wrong).
 */
export function earlyBriefing(
  download: DownloadedDataset | null,
): { source: BriefingSource; info: DatasetInfo } | null {
  if (!download || 'error' in download) return null;
  try {
    const { manifest, files, contents } = download;
    const started = performance.now();
    const tables = new PublishedBriefingTables(files, contents);
    performance.measure('briefing.read_files', { start: started });
    return {
      source: publishedBriefingSource(tables, `${publishedIdentity(manifest, files)}#0`),
      info: datasetInfo(manifest),
    };
  } catch {
    return null;
  }
}

/**
 * Holds the engine's start back until released or `maxMs` have passed. On a two-core
 * municipal desktop the engine's start (compiling 30 MB of WebAssembly) takes the CPU that
 * a briefing drawn from the files needs.
 */
export class EngineGate {
  #release: () => void = () => undefined;

  hold(maxMs: number): Promise<void> {
    return new Promise<void>((resolve) => {
      this.#release = resolve;
      setTimeout(resolve, maxMs);
    });
  }

  /** Harmless when nothing is held. */
  release(): void {
    this.#release();
  }
}
