/**
 * The app's one shared filter (shared-filter.svelte.ts), wired to the router's URL, the
 * loaded data and the readiness signal.
 */
import { appData } from '../app/app-data.svelte';
import { appUrl } from './app-url.svelte';
import { readiness } from './readiness.svelte';
import type { PageDeps, WorkspaceDeps } from './page-deps';
import { SharedFilter } from './shared-filter.svelte';

export { SharedFilter } from './shared-filter.svelte';
export type { AreaOption, DataSource, FilterOptions, GemeenteOption } from './shared-filter.svelte';

export const sharedFilter = new SharedFilter({ url: appUrl, data: appData, readiness });

/** The running app's URL, filter, data and readiness signal, for page coordinators. */
export const pageDeps: PageDeps & WorkspaceDeps = {
  url: appUrl,
  filter: sharedFilter,
  data: appData,
  readiness,
};
