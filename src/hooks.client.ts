/**
 * Starts the database engine and the data download as soon as the app's entry code runs,
 * before the first view's code has loaded: compiling DuckDB's WebAssembly is the longest
 * step of opening the app, and it runs on other threads while the view's code downloads.
 * The layout calls the same idempotent start with the same options.
 */
import type { ClientInit } from '@sveltejs/kit';
import { appData, startOptionsFor } from '$lib/state/app/app-data.svelte';

export const init: ClientInit = () => {
  void appData.start(startOptionsFor(location.pathname));
};
