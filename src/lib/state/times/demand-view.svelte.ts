/**
 * What Tijden and Wijken share: not ready before their first picture, the shared filter
 * followed from the URL, and a new computation for every change of the filter, the data
 * or the view's own settings (read in `request`).
 */
import { untrack } from 'svelte';
import type { Connector } from '$lib/data/connector';
import type { RecordFilter } from '$lib/data/queries/record-filter';
import type { RecordTable } from '$lib/data/schema';
import type { FilterSelection } from '../shared/filter-url';
import type { PageDeps } from '../shared/page-deps';
import { holdUntil } from '../shared/readiness.svelte';
import { demandTables } from './times-url';

export interface DemandInput {
  tables: RecordTable[];
  filter: RecordFilter;
  selection: FilterSelection;
  dataVersion: number;
}

export function followDemandFilter<R>(
  deps: PageDeps,
  drawn: () => boolean,
  request: (input: DemandInput) => R,
  compute: (conn: Connector, request: R, dataVersion: number) => void,
): void {
  const { filter, data, readiness } = deps;
  holdUntil(readiness, () => drawn() || data.status === 'fout');
  filter.connect();
  $effect(() => {
    if (data.status !== 'gereed') return;
    const { tables, filter: recordFilter } = filter.query;
    const selection = filter.selection;
    const dataVersion = data.dataVersion;
    const next = request({
      tables: demandTables(selection, tables),
      filter: recordFilter,
      selection,
      dataVersion,
    });
    untrack(() => compute(data.connector, next, dataVersion));
  });
}
