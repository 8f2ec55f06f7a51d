/**
 * Trends per wijk on Donderdeel against the planted truth (data/truth.json), through the
 * queries and analysis the Wijken view uses: afval in Oost (WK990104) rises and is flagged;
 * afval in Stationskwartier (WK990101), with similar counts, is not. The aandachtslocatie
 * Isseldreef is visited far below its target since July 2026; the others are not.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { computeVisitFrequency, geometryCentre } from '../../src/lib/analysis/watch-locations';
import {
  computeWijkTrends,
  wholeMonthsBetween,
  type WijkInfo,
  type WijkMonthRow,
} from '../../src/lib/analysis/wijk-trends';
import type { Connector } from '../../src/lib/data/connector';
import { buildDataPeriodQuery } from '../../src/lib/data/queries/filter-options';
import { buildNearbyMonthlyCountsQuery } from '../helpers/oracles/base-table-queries';
import {
  buildWatchLocationsQuery,
  buildWatchVisitsQuery,
  buildWijkenQuery,
  buildWijkMonthlyCountsQuery,
} from '../../src/lib/data/queries/trends';
import { loadDemoInNode, readTruth, type Truth } from '../helpers/demo-node';

let conn: Connector;
let truth: Truth;
beforeAll(async () => {
  conn = await loadDemoInNode();
  truth = await readTruth();
});
afterAll(() => conn.close());

const pattern = (id: string) =>
  truth.patterns.find((p) => p.id === id) as unknown as {
    wijkcode: string;
    theme: string;
    counts: { current: number; previous: number };
  };

async function range() {
  const [period] = await conn.query<{ first: string; last: string }>(buildDataPeriodQuery());
  return wholeMonthsBetween(period.first, period.last)!;
}

describe('trends per wijk on Donderdeel', () => {
  it('flags the rising wijk and not the stable one with similar counts', async () => {
    const rise = pattern('afval-stijging-oost');
    const stable = pattern('afval-stabiel-stationskwartier');
    const rows = await conn.query<WijkMonthRow>(
      buildWijkMonthlyCountsQuery(['incidents', 'meldingen'], { themes: ['afval'] }),
    );
    const wijken = await conn.query<WijkInfo>(buildWijkenQuery());
    const trends = computeWijkTrends(rows, wijken, await range(), { periodMonths: 12 });
    const panel = (code: string) => trends.panels.find((p) => p.key === `${code}|afval`)!;

    const oost = panel(rise.wijkcode);
    const station = panel(stable.wijkcode);
    const lastYear = (p: typeof oost) => {
      const c = p.assessment.samePeriodLastYear;
      if (!c.available) throw new Error(c.reason);
      return c;
    };
    // The counts the generator measured for these periods.
    expect(lastYear(oost).currentCount).toBe(rise.counts.current);
    expect(lastYear(oost).referenceCount).toBe(rise.counts.previous);
    expect(lastYear(station).currentCount).toBe(stable.counts.current);
    expect(oost.flag).toBe('stijging');
    expect(lastYear(oost).pValue).toBeLessThan(0.001);
    expect(station.flag).toBe('geen significante verandering');
    expect(lastYear(station).pValue).toBeGreaterThan(0.05);
    // Both have known populations: rates per 1,000 inhabitants are given.
    expect(oost.per1000).not.toBeNull();
  });

  it('does the same by quarter: the last three months of Oost rise, Stationskwartier not', async () => {
    const rows = await conn.query<WijkMonthRow>(
      buildWijkMonthlyCountsQuery(['incidents', 'meldingen'], { themes: ['afval'] }),
    );
    const wijken = await conn.query<WijkInfo>(buildWijkenQuery());
    const trends = computeWijkTrends(rows, wijken, await range(), { periodMonths: 3 });
    const flag = (code: string) => trends.panels.find((p) => p.key === `${code}|afval`)!.flag;
    expect(flag('WK990104')).toBe('stijging');
    expect(flag('WK990101')).toBe('geen significante verandering');
  });
});

describe('aandachtslocaties on Donderdeel', () => {
  it('finds Isseldreef under its visit target since July 2026 and the others on target', async () => {
    const locations = await conn.query<{
      id: string;
      name: string;
      visits_per_week: number | null;
      geometry: string;
    }>(buildWatchLocationsQuery());
    expect(locations.map((l) => l.id)).toContain('AL-ISSELDREEF');
    const visits = await conn.query<{ target: string; day: number; n: number }>(
      buildWatchVisitsQuery({}),
    );
    const end = Date.parse('2026-11-01T00:00:00Z');
    const below = locations.filter((l) => {
      const days = visits.filter((v) => v.target === l.id);
      return computeVisitFrequency(days, end, l.visits_per_week, 13).belowTarget;
    });
    expect(below.map((l) => l.id)).toEqual(['AL-ISSELDREEF']);
    const isseldreef = computeVisitFrequency(
      visits.filter((v) => v.target === 'AL-ISSELDREEF'),
      end,
      2,
      13,
    );
    expect(isseldreef.perWeek).toBeLessThan(1);

    // Records around each location, per month: the query runs and counts something.
    const points = locations.map((l) => {
      const [lon, lat] = geometryCentre(JSON.parse(l.geometry));
      return { id: l.id, lon, lat };
    });
    const nearby = await conn.query<WijkMonthRow>(
      buildNearbyMonthlyCountsQuery(['incidents', 'meldingen'], {}, points, 250),
    );
    expect(new Set(nearby.map((r) => r.wijkcode)).size).toBeGreaterThan(0);
    const total = nearby.reduce((sum, r) => sum + r.n, 0);
    const [check] = await conn.query<{ n: number }>({
      sql: `SELECT count(*)::INTEGER AS n FROM (
              SELECT lon, lat FROM incidents UNION ALL SELECT lon, lat FROM meldingen) r,
            (VALUES ${points.map(() => '(?, ?)').join(', ')}) loc(lon0, lat0)
            WHERE r.lon IS NOT NULL AND
              6371008.8 * 2 * asin(sqrt(pow(sin(radians(r.lat - lat0) / 2), 2) +
              cos(radians(lat0)) * cos(radians(r.lat)) * pow(sin(radians(r.lon - lon0) / 2), 2)))
              <= 250`,
      params: points.flatMap((p) => [p.lon, p.lat]),
    });
    // Haversine and the equirectangular distance agree except right on the 250 m circle.
    expect(Math.abs(total - check.n)).toBeLessThanOrEqual(2);
  });
});
