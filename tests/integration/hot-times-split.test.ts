/**
 * The Tijden view reads exact records as counts per hour and only windowed records one by
 * one, in one query (queries/hot-times.ts). On Donderdeel that must give exactly the summary of the
 * record-by-record query (queries/times.ts): same cells, dagdelen, months and counts —
 * DST days included, since three years of data cross six clock changes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AoristicAccumulator, type AoristicSummary } from '../../src/lib/analysis/aoristic';
import type { Connector } from '../../src/lib/data/connector';
import {
  buildHotTimeInputQuery,
  buildRecordWindowsQuery,
} from '../helpers/oracles/base-table-queries';
import type { RecordFilter } from '../../src/lib/data/queries/record-filter';
import type { RecordTable } from '../../src/lib/data/schema';
import { loadDemoInNode } from '../helpers/demo-node';

let conn: Connector;
beforeAll(async () => {
  conn = await loadDemoInNode();
});
afterAll(() => conn.close());

type Windows = { t_from: number | null; t_to: number | null };

async function oneByOne(tables: RecordTable[], filter: RecordFilter): Promise<AoristicSummary> {
  const acc = new AoristicAccumulator({ maxWindowHours: 24 });
  for (const r of await conn.query<Windows>(buildRecordWindowsQuery(tables, filter))) {
    acc.add(r.t_from, r.t_to);
  }
  return acc.summarize();
}

async function split(tables: RecordTable[], filter: RecordFilter): Promise<AoristicSummary> {
  const acc = new AoristicAccumulator({ maxWindowHours: 24 });
  const rows = await conn.query<Windows & { n: number }>(buildHotTimeInputQuery(tables, filter));
  for (const r of rows) {
    if (r.t_to === null) acc.addExact(r.t_from, r.n);
    else for (let k = 0; k < r.n; k++) acc.add(r.t_from, r.t_to);
  }
  return acc.summarize();
}

describe('hot times from hour counts plus windows', () => {
  it.each([
    { tables: ['incidents', 'meldingen', 'visits'] as RecordTable[], filter: {} },
    { tables: ['meldingen'] as RecordTable[], filter: { themes: ['afval'] } },
    { tables: ['incidents', 'meldingen'] as RecordTable[], filter: { weekdays: [6, 7] } },
  ])('equals the record-by-record summary ($tables.length tables)', async ({ tables, filter }) => {
    const a = await oneByOne(tables, filter);
    const b = await split(tables, filter);
    expect(b.knownCount).toBe(a.knownCount);
    expect(b.exactCount).toBe(a.exactCount);
    expect(b.spreadCount).toBe(a.spreadCount);
    expect(b.unknown).toEqual(a.unknown);
    expect(b.spreadCount).toBeGreaterThan(0);
    for (let i = 0; i < 168; i++) expect(b.weekdayHour[i]).toBeCloseTo(a.weekdayHour[i], 9);
    expect(b.monthYear.firstYear).toBe(a.monthYear.firstYear);
    b.monthYear.values.forEach((v, i) => expect(v).toBeCloseTo(a.monthYear.values[i], 9));
  });
});
