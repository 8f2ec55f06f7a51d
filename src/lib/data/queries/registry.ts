/**
 * The registered builders (issue 25): every builder whose data the views show, by the
 * name it tags its queries with (register.ts), with a strict check of its arguments and
 * example arguments. A server runs `buildCall({ builder, args })` on what a browser sends,
 * never SQL; `npm run engines:parity` runs every builder with its examples on each engine.
 * Node only (server, scripts, tests): the browser needs only register.ts.
 */
import type { BuilderCall, Query } from '../connector';
import * as A from './builder-args';
import type { Check } from './builder-args';
import * as briefing from './briefing';
import * as buitengebied from './buitengebied';
import * as drilldown from './drilldown';
import * as exploreFacts from './explore-facts';
import * as facts from './facts';
import { buildFactsNearMonthInlineQuery, buildFactsNearMonthQuery } from './facts-near';
import * as factsWindows from './facts-windows';
import * as filterOptions from './filter-options';
import * as hotspots from './hotspots';
import * as management from './management';
import * as map from './map';
import * as handling from './melding-handling';
import * as overview from './overview';
import * as reference from './reference';
import { builderNameOf } from './register';
import * as X from './registry-examples';
import * as trends from './trends';

export { register } from './register';

export interface RegisteredBuilder {
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each builder its own
  build: (...args: any[]) => Query;
  /** Example argument lists, in their JSON form (a Query argument as `{ call }`). */
  examples: readonly unknown[][];
  /** A Dutch message saying what is wrong with the arguments, or null. */
  validate(args: unknown): string | null;
}

/** A call that cannot be run: unknown builder or wrong arguments (message in Dutch). */
export class BuilderCallError extends Error {}

/** A Query argument: the `{ call }` of one of `builders`. */
const queryOf =
  (...builders: string[]): Check =>
  (v, at) => {
    const call = (v as { call?: unknown } | null)?.call;
    const error = A.record({ call: A.record({ builder: A.oneOf(builders), args: () => null }) })(
      v,
      at,
    );
    return error ?? BUILDERS[(call as BuilderCall).builder].validate((call as BuilderCall).args);
  };

const tf = [A.tables, A.filter];
const hex = A.record({ size: A.hexSize, rd: A.rd, filter: A.optional(A.filter) });
const timeStep: Check = (v, at) =>
  typeof v === 'object' && v !== null && 'months' in v
    ? A.record({ months: A.int(1, 120) })(v, at)
    : A.record({ weeks: A.int(1, 520) })(v, at);
const target = A.tagged('kind', {
  cell: A.record({
    kind: A.text(),
    q: A.int(-50_000, 50_000),
    r: A.int(-50_000, 50_000),
    size: A.hexSize,
    rd: A.rd,
  }),
  area: A.record({ kind: A.text(), level: A.oneOf(['wijk', 'buurt']), code: A.text() }),
  location: A.record({ kind: A.text(), lon: A.num, lat: A.num }),
});
const location = A.record({ id: A.text(), lon: A.num, lat: A.num });
const radius: Check = (v, at) =>
  typeof v === 'number' && v > 0 && v <= 50_000 ? null : `${at}: verwacht een straal in meters`;
const window = A.record({ from: A.timestamp, to: A.timestamp });
const group = ['total', 'category', 'wijk', 'status'];
const base = queryOf('drilldown.buildDrilldownBaseQuery');
const baseCalls = X.TARGETS.map((t) => ({
  call: { builder: 'drilldown.buildDrilldownBaseQuery', args: [X.TABLE_SETS[0], X.FILTERS[1], t] },
}));
const stepFilter = { ...X.FILTERS[1], from: '2024-01-01 00:00:00', to: '2025-07-01 00:00:00' };

/** name-less entries: [builder, argument checks, example argument lists]. */
const ENTRIES: [RegisteredBuilder['build'], Check[], unknown[][]][] = [
  [overview.buildTableCountsQuery, [], [[]]],
  [overview.buildPeriodQuery, [], [[]]],
  [overview.buildMunicipalityNameQuery, [], [[]]],
  [overview.buildFreshnessQuery, [], [[]]],
  [filterOptions.buildFilterValuesQuery, [], [[]]],
  [filterOptions.buildDataPeriodQuery, [], [[]]],
  [filterOptions.buildAreaListQuery, [], [[]]],
  [filterOptions.buildGemeenteListQuery, [], [[]]],
  [
    map.buildAreaGeometriesQuery,
    [A.oneOf(['gemeente', 'wijk', 'buurt'])],
    [['wijk'], ['buurt'], ['gemeente']],
  ],
  [map.buildAreaBoundsQuery, [], [[]]],
  [reference.buildWatchLocationsQuery, [A.optional(A.oneOf(['id', 'name']))], [[], ['name']]],
  [reference.buildInterventionsQuery, [A.optional(A.oneOf(['id', 'start']))], [[], ['start']]],
  [reference.buildBuildingsQuery, [], [[]]],
  [trends.buildWijkMonthlyCountsQuery, tf, X.TABLES_FILTERS],
  [trends.buildWijkenQuery, [], [[]]],
  [trends.buildWatchLocationsQuery, [], [[]]],
  [trends.buildWatchVisitsQuery, [A.filter], X.FILTERS.map((f) => [f])],
  [
    briefing.buildHistoryRecordsQuery,
    [
      A.record({
        ...windowFields(),
        weekday: A.int(1, 7),
        hours: A.list(A.int(0, 23), { min: 1, max: 24 }),
        // analysis/briefing-time.ts's HistoryWindow carries it; the builder reads the dates.
        weeks: A.optional(A.int(1, 520)),
      }),
    ],
    [
      [{ ...X.WINDOW, weekday: 6, hours: [22, 23, 0, 1], weeks: 4 }],
      [{ ...X.WINDOW, weekday: 2, hours: [9, 10, 11] }],
    ],
  ],
  [briefing.buildRecentGroupsQuery, [window], [[X.WINDOW]]],
  [briefing.buildWatchVisitsQuery, [window], [[X.WINDOW]]],
  [
    briefing.buildSchouwStatusQuery,
    [A.timestamp],
    [['2025-06-01 00:00:00'], ['2026-11-01 00:00:00']],
  ],
  [briefing.buildBuurtNamesQuery, [], [[]]],
  [briefing.buildLastRecordQuery, [], [[]]],
  [
    briefing.buildForecastRecordsQuery,
    [A.record({ ...windowFields(), hours: A.optional(A.list(A.int(0, 23), { min: 1, max: 24 })) })],
    [[X.WINDOW], [{ ...X.WINDOW, hours: [7, 8, 9] }]],
  ],
  [buitengebied.buildBuildingsQuery, [], [[]]],
  [buitengebied.buildSignalsQuery, [], [[]]],
  [buitengebied.buildSchouwVisitsQuery, [], [[]]],
  [
    management.buildMonthlyKpiQuery,
    [A.datePeriod],
    [[X.DATE_PERIOD], [{ from: '2025-03-30', to: '2025-10-26' }]],
  ],
  [management.buildOutcomeCountsQuery, [A.datePeriod], [[X.DATE_PERIOD]]],
  [management.buildWijkenQuery, [], [[]]],
  [management.buildInterventionsQuery, [], [[]]],
  [management.buildEventRangeQuery, [], [[]]],
  [
    management.buildEvaluationRecordsQuery,
    [
      A.record({
        theme: A.nullable(A.text()),
        categories: A.optional(A.list(A.text())),
        period: A.datePeriod,
      }),
    ],
    [
      [{ theme: null, period: X.DATE_PERIOD }],
      [
        {
          theme: 'afval',
          categories: ['afvaldumping', 'container-bijplaatsing'],
          period: X.DATE_PERIOD,
        },
      ],
    ],
  ],
  [
    handling.buildClosedHandlingQuery,
    [A.filter, A.norms, A.oneOf([...group, 'month'])],
    [...group, 'month'].map((g, i) => [X.FILTERS[i % 2], X.NORMS, g]),
  ],
  [
    handling.buildOpenHandlingQuery,
    [A.filter, A.norms, A.list(A.timestamp, { min: 1, max: 400 }), A.oneOf(group)],
    group.map((g, i) => [X.FILTERS[(i % 2) * 3], X.NORMS, X.MOMENTS, g]),
  ],
  [
    hotspots.buildHexCellCountsQuery,
    [A.tables, hex],
    X.TABLES_FILTERS.map(([t, filter]) => [t, { size: X.CELL_SIZE, rd: X.RD, filter }]),
  ],
  [
    hotspots.buildHexCellPeriodCountsQuery,
    [A.tables, A.record({ size: A.hexSize, rd: A.rd, filter: A.filter, step: timeStep })],
    [
      [X.TABLE_SETS[0], { size: X.CELL_SIZE, rd: X.RD, filter: stepFilter, step: { months: 3 } }],
      [X.TABLE_SETS[1], { size: 400, rd: X.RD, filter: stepFilter, step: { weeks: 2 } }],
    ],
  ],
  [
    drilldown.buildDrilldownBaseQuery,
    [A.tables, A.filter, target],
    X.TARGETS.flatMap((t) => [
      [X.TABLE_SETS[0], {}, t],
      [X.TABLE_SETS[2], X.FILTERS[2], t],
    ]),
  ],
  [
    drilldown.buildDrilldownPageQuery,
    [base, A.int(0, 1_000_000), A.int(1, 1000)],
    baseCalls.map((b, i) => [b, i % 2, 25]),
  ],
  [drilldown.buildDrilldownSummaryQuery, [base], baseCalls.map((b) => [b])],
  [
    drilldown.buildPointRecordQuery,
    [A.oneOf(['incidents', 'meldingen', 'visits']), A.int(0, 2 ** 31 - 1)],
    [
      ['incidents', 0],
      ['meldingen', 12_345],
      ['visits', 19_999],
    ],
  ],
  [
    exploreFacts.buildFactsPointCountQuery,
    [...tf, A.box],
    X.TABLES_FILTERS.map(([t, f], i) => [t, f, i % 2 ? null : [6.19, 52.03, 6.24, 52.06]]),
  ],
  [
    exploreFacts.buildFactsPointsQuery,
    [...tf, A.optional(A.box)],
    X.TABLES_FILTERS.map(([t, f], i) => (i % 2 ? [t, f] : [t, f, [6.19, 52.03, 6.24, 52.06]])),
  ],
  [exploreFacts.buildFactsHexCountsQuery, tf, X.TABLES_FILTERS],
  [
    exploreFacts.buildFactsGridCountsQuery,
    [...tf, A.list(A.num, { min: 2, max: 2 }), A.list(A.num, { min: 2, max: 2 })],
    X.TABLES_FILTERS.map(([t, f]) => [t, f, [6.05, 51.98], [0.01, 0.00625]]),
  ],
  [
    exploreFacts.buildFactsTimeHistogramQuery,
    [...tf, A.oneOf(['month', 'week', 'day'])],
    X.TABLES_FILTERS.map(([t, f], i) => [t, f, ['month', 'week', 'day'][i % 3]]),
  ],
  [exploreFacts.buildFactsThemeCountsQuery, tf, X.TABLES_FILTERS],
  [
    exploreFacts.buildFactsAreaCountsQuery,
    [...tf, A.oneOf(['wijk', 'buurt'])],
    X.TABLES_FILTERS.map(([t, f], i) => [t, f, i % 2 ? 'wijk' : 'buurt']),
  ],
  [facts.buildFactsCodeValuesQuery, [], [[]]],
  [facts.buildFactsFingerprintQuery, [], [[]]],
  [facts.buildFactsWijkMonthQuery, tf, X.TABLES_FILTERS],
  [facts.buildFactsYearOnlyCountQuery, tf, X.TABLES_FILTERS],
  [buildFactsNearMonthQuery, tf, X.TABLES_FILTERS],
  [
    buildFactsNearMonthInlineQuery,
    [A.list(location, { min: 1, max: 500 }), radius, ...tf],
    X.TABLES_FILTERS.map(([t, f], i) => [X.LOCATIONS, [50, 250][i % 2], t, f]),
  ],
  [factsWindows.buildFactsExactHoursQuery, tf, X.TABLES_FILTERS],
  [factsWindows.buildFactsWindowsQuery, tf, X.TABLES_FILTERS],
  [factsWindows.buildFactsImpreciseQuery, tf, X.TABLES_FILTERS],
];

function windowFields() {
  return { from: A.timestamp, to: A.timestamp };
}

export const BUILDERS: Readonly<Record<string, RegisteredBuilder>> = Object.fromEntries(
  ENTRIES.map(([build, checks, examples]) => {
    const name = builderNameOf(build);
    if (!name) throw new Error(`builder ${build.name} is not registered`);
    return [name, { build, examples, validate: A.argsOf(...checks) }];
  }),
);

/** The builder of a call (arguments checked, a Query argument built from its own call). */
export function buildCall(call: unknown): Query {
  const shape = A.record({ builder: A.text(), args: () => null })(call, 'aanroep');
  if (shape) throw new BuilderCallError(shape);
  const { builder, args } = call as BuilderCall;
  const entry = Object.hasOwn(BUILDERS, builder) ? BUILDERS[builder] : undefined;
  if (!entry) throw new BuilderCallError(`onbekende bouwsteen '${builder.slice(0, 80)}'`);
  const error = entry.validate(args);
  if (error) throw new BuilderCallError(`${builder}: ${error}`);
  const revived = args.map((a: unknown) =>
    typeof a === 'object' && a !== null && 'call' in a ? buildCall(a.call) : a,
  );
  try {
    return entry.build(...revived);
  } catch (e) {
    // A builder's own checks (a period it needs, a shape it expects): still the caller's.
    throw new BuilderCallError(`${builder}: ongeldige argumenten (${(e as Error).message})`);
  }
}
