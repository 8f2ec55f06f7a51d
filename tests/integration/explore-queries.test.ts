/**
 * The Verkennen queries on Donderdeel against TypeScript oracles computed from the same
 * filtered records: map points, hexagon counts (binned in TS with proj4 RD), counts per
 * wijk and the rates per 1,000 inhabitants, the chart counts, and the drill-down (page and
 * summary) behind a wijk, a cell and a location.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeAreaRates } from '../../src/lib/analysis/area-rates';
import { summarizeDrilldown } from '../../src/lib/analysis/drilldown-summary';
import { cellOf } from '../../src/lib/analysis/hex-grid';
import { wgs84ToRd } from '../../src/lib/analysis/rd';
import type { Connector } from '../../src/lib/data/connector';
import {
  buildDrilldownBaseQuery,
  buildDrilldownPageQuery,
  buildDrilldownSummaryQuery,
  buildPointRecordQuery,
  type DrilldownRecordRow,
  type DrilldownSummaryRow,
  type PointRecordRow,
} from '../../src/lib/data/queries/drilldown';
import {
  buildAreaCountsQuery,
  buildExplorePointsQuery,
  buildThemeCountsQuery,
  buildTimeHistogramQuery,
} from '../helpers/oracles/base-table-queries';
import { POINT_SOURCES } from '../../src/lib/data/queries/explore';
import { buildHexCellCountsQuery, fitRdPolynomial } from '../../src/lib/data/queries/hotspots';
import { buildAreaBoundsQuery, buildAreaGeometriesQuery } from '../../src/lib/data/queries/map';
import {
  buildFilteredRecordsQuery,
  type FilteredRecordRow,
  type RecordFilter,
} from '../../src/lib/data/queries/record-filter';
import { RECORD_TABLES, type RecordTable } from '../../src/lib/data/schema';
import { THEMES } from '../../src/lib/data/themes';
import { loadDemoInNode } from '../helpers/demo-node';

let conn: Connector;
const tables: RecordTable[] = [...RECORD_TABLES];
/** Evening youth and horeca problems in 2025–2026: a filter touching several fields. */
const filter: RecordFilter = {
  from: '2025-01-01 00:00:00',
  to: '2026-07-01 00:00:00',
  themes: ['jeugd', 'horeca'],
  hours: [18, 19, 20, 21, 22, 23],
};
let records: FilteredRecordRow[];

beforeAll(async () => {
  conn = await loadDemoInNode();
  const q = buildFilteredRecordsQuery(tables, filter, { located: false });
  records = await conn.query<FilteredRecordRow>(q);
}, 60_000);
afterAll(() => conn.close());

const located = () => records.filter((r) => r.lon !== null && r.lat !== null);

describe('map points', () => {
  it('returns every located filtered record with its theme, table and rowid', async () => {
    const arrow = await conn.queryArrow(buildExplorePointsQuery(tables, filter));
    expect(arrow.numRows).toBe(located().length);
    const th = arrow.getChild('th')!;
    const src = arrow.getChild('src')!;
    const rid = arrow.getChild('rid')!;
    const themes = new Map<string, number>();
    for (let i = 0; i < arrow.numRows; i++) {
      const theme = THEMES[th.get(i) as number];
      themes.set(theme, (themes.get(theme) ?? 0) + 1);
    }
    const want = new Map<string, number>();
    for (const r of located()) want.set(r.theme!, (want.get(r.theme!) ?? 0) + 1);
    expect(themes).toEqual(want);
    // The rowid leads back to the same record (the tooltip's lookup).
    for (const i of [0, Math.floor(arrow.numRows / 2), arrow.numRows - 1]) {
      const table = POINT_SOURCES[src.get(i) as number];
      const [row] = await conn.query<PointRecordRow>(buildPointRecordQuery(table, rid.get(i)));
      const lon = arrow.getChild('lon')!.get(i) as number;
      expect(located().some((r) => r.src === table && r.id === row.id && r.lon === lon)).toBe(true);
      expect(row.wijk).toBeTruthy();
    }
  });
});

describe('hexagon counts', () => {
  it('equal binning each record in TypeScript (proj4 RD, cellOf)', async () => {
    const [box] = await conn.query<Record<string, number>>(buildAreaBoundsQuery());
    const rd = fitRdPolynomial({
      minLon: box.min_lon,
      minLat: box.min_lat,
      maxLon: box.max_lon,
      maxLat: box.max_lat,
    });
    const size = 250;
    const rows = await conn.query<{ q: number; r: number; n: number }>(
      buildHexCellCountsQuery(tables, { size, rd, filter }),
    );
    const oracle = new Map<string, number>();
    for (const r of located()) {
      const cell = cellOf(...wgs84ToRd(r.lon!, r.lat!), size);
      const key = `${cell.q},${cell.r}`;
      oracle.set(key, (oracle.get(key) ?? 0) + 1);
    }
    expect(new Map(rows.map((row) => [`${row.q},${row.r}`, row.n]))).toEqual(oracle);

    // The records behind the fullest cell (drill-down) are exactly its count.
    const top = rows.reduce((a, b) => (b.n > a.n ? b : a));
    const base = buildDrilldownBaseQuery(tables, filter, {
      kind: 'cell',
      q: top.q,
      r: top.r,
      size,
      rd,
    });
    const summary = summarizeDrilldown(
      await conn.query<DrilldownSummaryRow>(buildDrilldownSummaryQuery(base)),
    );
    expect(summary.total).toBe(top.n);
  });
});

describe('wijken', () => {
  it('counts per wijk and rates per 1,000 inhabitants match the records and the areas', async () => {
    const counts = await conn.query<{ code: string; n: number }>(
      buildAreaCountsQuery(tables, filter, 'wijk'),
    );
    const oracle = new Map<string, number>();
    for (const r of records)
      if (r.wijkcode) oracle.set(r.wijkcode, (oracle.get(r.wijkcode) ?? 0) + 1);
    expect(new Map(counts.map((c) => [c.code, c.n]))).toEqual(oracle);

    const areas = await conn.query<{
      code: string;
      name: string;
      inhabitants: number | null;
      water: boolean | null;
    }>(buildAreaGeometriesQuery('wijk'));
    const rates = computeAreaRates(areas, oracle);
    expect(rates).toHaveLength(8);
    for (const rate of rates) {
      const area = areas.find((a) => a.code === rate.code)!;
      if (rate.status === 'ok') {
        expect(rate.rate).toBeCloseTo((oracle.get(rate.code) ?? 0) / (area.inhabitants! / 1000), 9);
      } else {
        expect(rate.rate).toBeNull();
      }
    }
  });
});

describe('charts', () => {
  it('histogram bins and theme bars add up to the filtered records', async () => {
    const bins = await conn.query<{ bin: string; n: number }>(
      buildTimeHistogramQuery(tables, filter, 'month'),
    );
    expect(bins.reduce((s, b) => s + b.n, 0)).toBe(records.length);
    expect(bins[0].bin).toBe('2025-01-01');
    expect(bins.every((b) => b.bin.endsWith('-01'))).toBe(true);
    const themes = await conn.query<{ theme: string; n: number }>(
      buildThemeCountsQuery(tables, filter),
    );
    expect(themes.map((t) => t.theme).sort()).toEqual(['horeca', 'jeugd']);
    expect(themes.reduce((s, t) => s + t.n, 0)).toBe(records.length);
  });
});

describe('drill-down', () => {
  it('behind a wijk: pages of 25, newest first, and a summary per theme, month and dagdeel', async () => {
    const wijk = records.find((r) => r.wijkcode)!.wijkcode!;
    const mine = records.filter((r) => r.wijkcode === wijk);
    const base = buildDrilldownBaseQuery(tables, filter, {
      kind: 'area',
      level: 'wijk',
      code: wijk,
    });
    const summary = summarizeDrilldown(
      await conn.query<DrilldownSummaryRow>(buildDrilldownSummaryQuery(base)),
    );
    expect(summary.total).toBe(mine.length);
    expect(summary.dagdelen.find((d) => d.key === 'avond')!.n).toBe(mine.length);
    expect(summary.themes.reduce((s, t) => s + t.n, 0)).toBe(mine.length);
    expect(summary.sources.reduce((s, t) => s + t.n, 0)).toBe(mine.length);
    const first = await conn.query<DrilldownRecordRow>(buildDrilldownPageQuery(base, 0, 25));
    const second = await conn.query<DrilldownRecordRow>(buildDrilldownPageQuery(base, 1, 25));
    expect(first).toHaveLength(25);
    expect(first[0].t).toBeGreaterThanOrEqual(first[24].t);
    expect(first[24].t).toBeGreaterThanOrEqual(second[0].t);
    expect(first.every((r) => r.wijk && r.wijk !== wijk)).toBe(true); // names, not codes
  });

  it('behind a location: the records at exactly that point', async () => {
    const r = located()[0];
    const base = buildDrilldownBaseQuery(tables, filter, {
      kind: 'location',
      lon: r.lon!,
      lat: r.lat!,
    });
    const rows = await conn.query<DrilldownRecordRow>(buildDrilldownPageQuery(base, 0, 100));
    const want = located().filter((x) => x.lon === r.lon && x.lat === r.lat);
    expect(rows.map((x) => `${x.src}:${x.id}`).sort()).toEqual(
      want.map((x) => `${x.src}:${x.id}`).sort(),
    );
  });
});
