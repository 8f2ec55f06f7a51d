/**
 * The Verkennen view's queries for one filter change (explore-layer-data, explore-charts):
 * the region benches time this set on the server and on ClickHouse, built in the dialect
 * in force (withDialect).
 */
import type { Query } from '../../src/lib/data/connector';
import {
  buildFactsAreaCountsQuery,
  buildFactsHexCountsQuery,
  buildFactsPointCountQuery,
  buildFactsThemeCountsQuery,
  buildFactsTimeHistogramQuery,
} from '../../src/lib/data/queries/explore-facts';
import { RECORD_TABLES } from '../../src/lib/data/schema';
import type { RecordFilter } from '../../src/lib/data/sql/record-filter';

export function filterQuerySet(filter: RecordFilter): Query[] {
  const tables = [...RECORD_TABLES];
  return [
    buildFactsPointCountQuery(tables, filter, null),
    buildFactsHexCountsQuery(tables, filter),
    buildFactsTimeHistogramQuery(tables, filter, 'month'),
    buildFactsThemeCountsQuery(tables, { ...filter, themes: undefined }),
    buildFactsAreaCountsQuery(tables, filter, 'wijk'),
  ];
}
