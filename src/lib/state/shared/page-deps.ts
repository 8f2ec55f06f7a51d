/**
 * What a page coordinator works with, passed in (filters.svelte.ts has the app's), so a
 * coordinator and its models run in a unit test without a browser or a router.
 */
import type { DataSource, ReadinessSignal, SharedFilter } from './shared-filter.svelte';
import type { UrlAccess } from './url-access';

export interface PageDeps {
  url: UrlAccess;
  filter: SharedFilter;
  data: DataSource;
  readiness: ReadinessSignal;
}
