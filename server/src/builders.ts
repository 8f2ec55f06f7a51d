/**
 * The builders the server may run: the registry of data/queries (issue 25). Stand-in with
 * two builders until data/queries/registry.ts lands on this branch.
 */
import type { Query } from '../../src/lib/data/connector';
import { buildTableCountsQuery } from '../../src/lib/data/queries/overview';
import { buildWijkMonthlyCountsQuery } from '../../src/lib/data/queries/trends';
import type { RecordFilter } from '../../src/lib/data/sql/record-filter';

export class BuilderCallError extends Error {}

const BUILDERS: Record<string, (args: unknown[]) => Query> = {
  'overview.buildTableCountsQuery': () => buildTableCountsQuery(),
  'trends.buildWijkMonthlyCountsQuery': (args) =>
    buildWijkMonthlyCountsQuery(args[0] as ['incidents'], (args[1] ?? {}) as RecordFilter),
};

export function buildCall(call: unknown): Query {
  const { builder, args } = (call ?? {}) as { builder?: unknown; args?: unknown };
  if (typeof builder !== 'string' || !Array.isArray(args)) {
    throw new BuilderCallError('aanroep: builder en args ontbreken');
  }
  const build = Object.hasOwn(BUILDERS, builder) ? BUILDERS[builder] : undefined;
  if (!build) throw new BuilderCallError(`onbekende bouwsteen '${builder.slice(0, 80)}'`);
  try {
    return build(args);
  } catch (error) {
    throw new BuilderCallError(`${builder}: ongeldige argumenten (${(error as Error).message})`);
  }
}
