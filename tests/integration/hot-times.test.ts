/**
 * Hot times on Donderdeel against the planted truth (data/truth.json): the aoristic hour ×
 * weekday matrix, fed by the same query the Tijden view will use, puts the summer-evening
 * youth pattern and the weekend-night horeca pattern in their planted cells.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { accumulateAoristic, type AoristicSummary } from '../../src/lib/analysis/aoristic';
import { ensureFacts } from '../../src/lib/data/analysis-facts';
import type { Connector } from '../../src/lib/data/connector';
import { queryFactsHotTimes } from '../../src/lib/data/facts-hot-times';
import { buildRecordWindowsQuery, type TimeFilter } from '../helpers/oracles/base-table-queries';
import type { RecordTable } from '../../src/lib/data/schema';
import { loadDemoInNode, readTruth, type Truth } from '../helpers/demo-node';

interface TimePattern {
  id: string;
  tables: RecordTable[];
  theme: string;
  months: number[];
  weekdays: number[];
  hours: number[];
}

let conn: Connector;
let truth: Truth;
beforeAll(async () => {
  conn = await loadDemoInNode();
  truth = await readTruth();
});
afterAll(() => conn.close());

const pattern = (id: string) => truth.patterns.find((p) => p.id === id) as unknown as TimePattern;

async function matrix(
  tables: readonly RecordTable[],
  filter: TimeFilter,
): Promise<AoristicSummary> {
  const arrow = await conn.queryArrow(buildRecordWindowsQuery(tables, filter));
  const from = Float64Array.from(arrow.getChild('t_from')!.toArray() as ArrayLike<number>);
  const toColumn = arrow.getChild('t_to')!;
  const to = Float64Array.from({ length: arrow.numRows }, (_, i) => toColumn.get(i) ?? NaN);
  return accumulateAoristic(from, to);
}

/** Share of the matrix weight in the given ISO weekdays (1 = ma) and hours. */
function share(summary: AoristicSummary, weekdays: number[], hours: number[]): number {
  let inside = 0;
  let total = 0;
  for (let d = 0; d < 7; d++) {
    for (let h = 0; h < 24; h++) {
      const w = summary.weekdayHour[d * 24 + h];
      total += w;
      if (weekdays.includes(d + 1) && hours.includes(h)) inside += w;
    }
  }
  return inside / total;
}

function hottestCell(summary: AoristicSummary): { weekday: number; hour: number } {
  let best = 0;
  for (let i = 1; i < 168; i++) if (summary.weekdayHour[i] > summary.weekdayHour[best]) best = i;
  return { weekday: Math.floor(best / 24) + 1, hour: best % 24 };
}

describe('hot times on Donderdeel', () => {
  it('finds the summer-evening youth pattern in its hours, strongest on Friday and Saturday', async () => {
    const p = pattern('jeugd-zomeravond-donderpark');
    const summary = await matrix(p.tables, { themes: [p.theme], months: p.months });
    const evening = share(summary, [1, 2, 3, 4, 5, 6, 7], p.hours);
    const hoursShare = p.hours.length / 24;
    expect(evening).toBeGreaterThan(2 * hoursShare); // far above an even spread
    const hottest = hottestCell(summary);
    expect(p.hours).toContain(hottest.hour);
    expect([5, 6]).toContain(hottest.weekday); // planted weekday weights 2.5 on vr/za
    expect(summary.knownCount).toBeCloseTo(
      summary.weekdayHour.reduce((a, b) => a + b, 0),
      6,
    );
  });

  it('finds the weekend-night horeca pattern in Friday to Sunday nights', async () => {
    const p = pattern('horeca-weekendnacht-markt');
    const summary = await matrix(p.tables, { themes: [p.theme] });
    const hottest = hottestCell(summary);
    expect(p.hours).toContain(hottest.hour);
    expect(p.weekdays).toContain(hottest.weekday);
    // Weekday nights (ma–do) at the same hours carry far less than the weekend nights.
    const weekend = share(summary, p.weekdays, p.hours);
    const weekdayNights = share(summary, [1, 2, 3, 4], p.hours);
    expect(weekend).toBeGreaterThan(2 * weekdayNights);
  });

  it('a two-year period gives finite cells, dagdelen and months (issue 23)', async () => {
    // The Tijden view's path: exact records as hour counts from the analysis facts.
    await ensureFacts(conn, 1);
    const summary = await queryFactsHotTimes(conn, {
      tables: ['incidents', 'meldingen', 'visits'],
      // 2024-01-01 … 2025-12-30 in the view: gave 14 NaN cells before the fix.
      filter: { from: '2024-01-01 00:00:00', to: '2025-12-31 00:00:00' },
      maxWindowHours: 72,
    });
    expect(summary.weekdayHour.every(Number.isFinite)).toBe(true);
    expect(summary.dagdeelTotals.every(Number.isFinite)).toBe(true);
    expect(summary.monthYear.values.every(Number.isFinite)).toBe(true);
    const total = summary.weekdayHour.reduce((a, b) => a + b, 0);
    expect(total).toBeCloseTo(summary.knownCount, 6);
  });

  it('spreads meldingen with a time window over it instead of piling them on the report hour', async () => {
    const p = pattern('afval-bijplaatsing-containers');
    const spread = await matrix(['meldingen'], { themes: [p.theme] });
    expect(spread.spreadCount).toBeGreaterThan(0);
    // Dumping happens overnight but is reported in the morning: the aoristic matrix puts
    // more weight in the night hours than the report times would.
    const [reports] = await conn.query<{ night: number; total: number }>({
      sql: `SELECT count(*) FILTER (WHERE hour(reported_at) < 6) AS night, count(*) AS total
            FROM meldingen WHERE theme = ?`,
      params: [p.theme],
    });
    const nightAoristic = share(spread, [1, 2, 3, 4, 5, 6, 7], [0, 1, 2, 3, 4, 5]);
    expect(nightAoristic).toBeGreaterThan(reports.night / reports.total);
  });
});
