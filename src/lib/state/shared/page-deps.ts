/**
 * What a page coordinator works with, passed in (filters.svelte.ts has the app's), so a
 * coordinator and its models run in a unit test without a browser or a router.
 */
import type { WorkspaceSettings } from '$lib/data/import/profiles';
import type { SavedChange } from '$lib/data/workspace-writer';
import type { DataOrigin } from '../app/start-options';
import type { DataSource, ReadinessSignal, SharedFilter } from './shared-filter.svelte';
import type { UrlAccess } from './url-access';

export interface PageDeps {
  url: UrlAccess;
  filter: SharedFilter;
  data: DataSource;
  readiness: ReadinessSignal;
}

/**
 * The loaded data with the workspace settings saved beside it (app-data.svelte.ts), for
 * the views that change them.
 */
export interface WorkspaceStore extends DataSource {
  settings: WorkspaceSettings;
  /** Where the data came from (the demo, this browser's save, a published dataset). */
  readonly origin: DataOrigin;
  /** Applies a change of the data or settings and saves both; the save's error is returned. */
  commitChange<T>(apply: () => Promise<T>): Promise<SavedChange<T>>;
}

/** What the views without the shared filter work with (Overzicht, Buitengebied, Gegevens). */
export interface WorkspaceDeps {
  data: WorkspaceStore;
  readiness: ReadinessSignal;
}
