/**
 * The Verkennen projection (queries/explore-facts.ts) gives the same answers as the
 * base-table queries it replaces on the filter path, on Donderdeel and for filters that
 * touch every field: map points, hexagon counts, time histogram (month, week, day), theme
 * bars, counts per wijk/buurt, and the point counts inside a map view. Both forms: the
 * table, and the view that stands in for it when the engine's memory is full.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import {
  buildAreaCountsQuery,
  buildExplorePointsQuery,
  buildThemeCountsQuery,
  buildTimeHistogramQuery,
} from '../helpers/oracles/base-table-queries';
import {
  buildFactsAreaCountsQuery,
  buildFactsGridCountsQuery,
  buildFactsHexCountsQuery,
  buildFactsPointCountQuery,
  buildFactsPointsQuery,
  buildFactsThemeCountsQuery,
  buildFactsTimeHistogramQuery,
} from '../../src/lib/data/queries/explore-facts';
import {
  buildFactsTableSql,
  buildDropFactsSql,
  FACTS_FORM_QUERY,
  type FactsForm,
} from '../../src/lib/data/queries/explore-facts-table';
import { buildHexCellCountsQuery, fitRdPolynomial } from '../../src/lib/data/queries/hotspots';
import { buildAreaBoundsQuery } from '../../src/lib/data/queries/map';
import type { RecordFilter } from '../../src/lib/data/queries/record-filter';
import { RECORD_TABLES, type RecordTable } from '../../src/lib/data/schema';
import type { RdPolynomial } from '../../src/lib/analysis/rd-polynomial';
import { loadDemoInNode } from '../helpers/demo-node';

let conn: Connector;
let rd: RdPolynomial;
const all: RecordTable[] = [...RECORD_TABLES];

const cases: [string, RecordTable[], RecordFilter][] = [
  ['no filter', all, {}],
  [
    'period, themes and evening hours',
    all,
    {
      from: '2025-01-01 00:00:00',
      to: '2026-07-01 00:00:00',
      themes: ['jeugd', 'horeca'],
      hours: [18, 19, 20, 21, 22, 23],
    },
  ],
  ['incidents only, weekend, a few months', ['incidents'], { weekdays: [6, 7], months: [6, 7, 8] }],
  [
    'meldingen and visits, categories',
    ['meldingen', 'visits'],
    { categories: ['afval', 'controle', 'jongerenoverlast'] },
  ],
  ['outcomes (meldingen have none)', all, { outcomes: ['waarschuwing', 'proces-verbaal'] }],
  ['one wijk and a box', all, { wijkcodes: ['WK990100'], bbox: [6.18, 52.0, 6.3, 52.1] }],
  // The projection stores these fields as ENUMs of the values present: a value that is
  // not among them (or has a quote) must match nothing rather than fail.
  [
    'values not in the data beside ones that are',
    all,
    {
      themes: ['jeugd', 'afval', 'geen thema'],
      categories: ["niet 'bestaand'", 'afval', 'jongerenoverlast'],
      buurtcodes: ['BU99010001', 'BU99010002', 'BU00000000'],
    },
  ],
  ['only values not in the data', all, { outcomes: ['onbekende afloop'] }],
];

beforeAll(async () => {
  conn = await loadDemoInNode();
  const [box] = await conn.query<Record<string, number>>(buildAreaBoundsQuery());
  rd = fitRdPolynomial({
    minLon: box.min_lon,
    minLat: box.min_lat,
    maxLon: box.max_lon,
    maxLat: box.max_lat,
  });
}, 60_000);
afterAll(() => conn.close());

describe.each(['table', 'view'] as FactsForm[])('the projection as a %s', (form) => {
  beforeAll(async () => {
    for (const { form: old } of await conn.query<{ form: FactsForm }>(FACTS_FORM_QUERY)) {
      await conn.exec(buildDropFactsSql(old));
    }
    for (const sql of buildFactsTableSql(rd, 150, form)) await conn.exec(sql);
    expect(await conn.query(FACTS_FORM_QUERY)).toEqual([{ form }]);
  }, 60_000);

  describe.each(cases)('%s', (_name, tables, filter) => {
    it('selects the same map points', async () => {
      const base = await conn.queryArrow(buildExplorePointsQuery(tables, filter));
      const facts = await conn.queryArrow(buildFactsPointsQuery(tables, filter));
      const key = (t: typeof base) => {
        const out: string[] = [];
        for (let i = 0; i < t.numRows; i++) {
          out.push(
            `${t.getChild('src')!.get(i)}:${t.getChild('rid')!.get(i)}:${t.getChild('th')!.get(i)}`,
          );
        }
        return out.sort();
      };
      expect(facts.numRows).toBe(base.numRows);
      expect(key(facts)).toEqual(key(base));
      const [count] = await conn.query<{ total: number; in_view: number | null }>(
        buildFactsPointCountQuery(tables, filter, null),
      );
      expect(count).toEqual({ total: base.numRows, in_view: null });
    });

    it('counts the same records per hexagon, time bin, theme and area', async () => {
      const hex = await conn.query(buildHexCellCountsQuery(tables, { size: 150, rd, filter }));
      expect(await conn.query(buildFactsHexCountsQuery(tables, filter))).toEqual(hex);
      for (const bin of ['month', 'week', 'day'] as const) {
        expect(await conn.query(buildFactsTimeHistogramQuery(tables, filter, bin))).toEqual(
          await conn.query(buildTimeHistogramQuery(tables, filter, bin)),
        );
      }
      expect(await conn.query(buildFactsThemeCountsQuery(tables, filter))).toEqual(
        await conn.query(buildThemeCountsQuery(tables, filter)),
      );
      for (const level of ['wijk', 'buurt'] as const) {
        expect(await conn.query(buildFactsAreaCountsQuery(tables, filter, level))).toEqual(
          await conn.query(buildAreaCountsQuery(tables, filter, level)),
        );
      }
    });
  });

  describe('counts inside a map view', () => {
    it('counts the located records inside the box, and the grid squares add up', async () => {
      const box = [6.2, 52.04, 6.24, 52.07] as const;
      const [count] = await conn.query<{ total: number; in_view: number }>(
        buildFactsPointCountQuery(all, {}, box),
      );
      const inside = await conn.queryArrow(buildExplorePointsQuery(all, { bbox: box }));
      const everything = await conn.queryArrow(buildExplorePointsQuery(all, {}));
      expect(count.in_view).toBe(inside.numRows);
      expect(count.total).toBe(everything.numRows);
      expect(count.in_view).toBeGreaterThan(0);
      expect(count.in_view).toBeLessThan(count.total);
      const viewPoints = await conn.queryArrow(buildFactsPointsQuery(all, {}, box));
      expect(viewPoints.numRows).toBe(inside.numRows);
      const squares = await conn.query<{ i: number; j: number; n: number }>(
        buildFactsGridCountsQuery(all, {}, [6.1, 52.0], [0.001, 0.0006]),
      );
      expect(squares.reduce((s, r) => s + r.n, 0)).toBe(count.total);
    });
  });
});
