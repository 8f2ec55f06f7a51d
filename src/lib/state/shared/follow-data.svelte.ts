/**
 * Runs `load` once the data is ready and again after every change of it (an import, a
 * removal, a restore, another tab's save): the wiring of every view that reads the stored
 * data without the shared filter. Call during component initialisation.
 */
import { untrack } from 'svelte';
import type { Connector } from '$lib/data/connector';
import type { DataSource } from './shared-filter.svelte';

export function followData(
  data: DataSource,
  load: (conn: Connector, dataVersion: number) => void,
): void {
  $effect(() => {
    if (data.status !== 'gereed') return;
    const dataVersion = data.dataVersion;
    untrack(() => load(data.connector, dataVersion));
  });
}
