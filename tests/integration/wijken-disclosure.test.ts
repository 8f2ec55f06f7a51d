/**
 * Issue 23 on Wijken, on Donderdeel through the view's own path (analysis facts → monthly
 * counts → computeWijkTrends → protectWijkTrends → each panel's CSV and PNG drawing): an
 * attacker holding every panel's download — "alle thema's" and every theme, every wijk —
 * tries to get each hidden count back by differencing (all themes minus the shown themes,
 * alone and combined, tests/helpers/disclosure.ts) and finds none. Without the joint
 * protection the same attack succeeds on this data, so the test can fail.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { protectWijkTrends } from '../../src/lib/analysis/trend-protection';
import { trendPanelCsv } from '../../src/lib/analysis/trend-tables';
import {
  computeWijkTrends,
  wholeMonthsBetween,
  type MonthRange,
  type WijkInfo,
  type WijkTrends,
} from '../../src/lib/analysis/wijk-trends';
import { queryFactsMonthlyCounts, withFacts } from '../../src/lib/data/analysis-facts';
import type { Connector } from '../../src/lib/data/connector';
import { buildDataPeriodQuery } from '../../src/lib/data/queries/filter-options';
import { buildWijkenQuery } from '../../src/lib/data/queries/trends';
import type { RecordFilter } from '../../src/lib/data/queries/record-filter';
import type { RecordTable } from '../../src/lib/data/schema';
import { buildPanelViews } from '../../src/lib/state/trends/panel-views';
import { loadDemoInNode } from '../helpers/demo-node';
import { findRecoveries, readCsv, type Published } from '../helpers/disclosure';

let conn: Connector;
let range: MonthRange;
let wijken: WijkInfo[];
beforeAll(async () => {
  conn = await loadDemoInNode();
  const [period] = await conn.query<{ first: string; last: string }>(buildDataPeriodQuery());
  range = wholeMonthsBetween(period.first, period.last)!;
  wijken = await conn.query<WijkInfo>(buildWijkenQuery());
});
afterAll(() => conn.close());

async function trendsOf(
  tables: RecordTable[],
  filter: RecordFilter,
  version = 1,
): Promise<WijkTrends> {
  const { rows } = await withFacts(conn, version, (codes) =>
    queryFactsMonthlyCounts(conn, { tables, filter, locations: [], radiusM: 250 }, codes),
  );
  return computeWijkTrends(rows, wijken, range, { periodMonths: 12 });
}

/**
 * Every panel's CSV as printed, and what the attacker knows of how they add up: per wijk and
 * month, all themes = Σ themes (+ the records without a theme, never published, where the
 * view counts such records).
 */
function attack(trends: WijkTrends, protect: boolean, withoutTheme: boolean): Published {
  const states = protect ? protectWijkTrends(trends.panels) : undefined;
  const cells = new Map<string, string>();
  for (const panel of trends.panels) {
    const rows = readCsv(trendPanelCsv(panel, trends.months, states?.get(panel.key))).slice(1);
    rows.forEach((row, i) => cells.set(`${panel.key}|${i}`, row[3]));
  }
  const margins: { totals: string[]; parts: string[] }[] = [];
  for (const wijk of wijken) {
    const themes = trends.panels.filter((p) => p.wijk.code === wijk.code && p.theme !== null);
    trends.months.forEach((_, i) =>
      margins.push({
        totals: [`${wijk.code}|*|${i}`],
        parts: [
          ...themes.map((t) => `${t.key}|${i}`),
          ...(withoutTheme ? [`${wijk.code}|zonder-thema|${i}`] : []),
        ],
      }),
    );
  }
  return { cells, margins };
}

const hiddenCount = (published: Published) =>
  [...published.cells.values()].filter((t) => t === '<5' || t === 'x').length;

describe('Wijken downloads on Donderdeel', () => {
  it('give no hidden count back across all panels (incidenten en meldingen, all themes)', async () => {
    const trends = await trendsOf(['incidents', 'meldingen'], {});
    // The attack works on unprotected downloads of this very data.
    expect(findRecoveries(attack(trends, false, false)).length).toBeGreaterThan(0);
    const published = attack(trends, true, false);
    expect(hiddenCount(published)).toBeGreaterThan(20);
    expect(findRecoveries(published)).toEqual([]);
  });

  it('give none back when visits, some without a theme, are counted too', async () => {
    // Patrols need not have a theme: a quarter of the demo's visits lose theirs (the data's
    // new version rebuilds the facts).
    await conn.exec(`UPDATE visits SET theme = NULL WHERE hash(id) % 4 = 0`);
    const trends = await trendsOf(['incidents', 'meldingen', 'visits'], {}, 2);
    const all = trends.panels.filter((p) => p.theme === null);
    const themed = trends.panels.filter((p) => p.theme !== null);
    const sum = (ps: typeof all) => ps.reduce((s, p) => s + p.total, 0);
    // Records without a theme: in "alle thema's", in no theme panel.
    expect(sum(all)).toBeGreaterThan(sum(themed));
    expect(findRecoveries(attack(trends, true, true))).toEqual([]);
  });

  it('give none back for a sparse selection (two themes, avond only)', async () => {
    const trends = await trendsOf(['incidents', 'meldingen'], {
      themes: ['honden', 'horeca'],
      hours: [18, 19, 20, 21, 22, 23],
    });
    const published = attack(trends, true, false);
    expect(hiddenCount(published)).toBeGreaterThan(50);
    expect(findRecoveries(published)).toEqual([]);
  });

  it('draw in each PNG only the months the CSVs show, with the same counts', async () => {
    const trends = await trendsOf(['incidents', 'meldingen'], {});
    const protection = protectWijkTrends(trends.panels);
    for (const scale of ['eigen', 'zelfde'] as const) {
      const views = buildPanelViews(trends.panels, protection, {
        measure: 'aantal',
        scale,
        periodMonths: 12,
      });
      for (const view of views) {
        const shown = readCsv(trendPanelCsv(view.panel, trends.months, view.states))
          .slice(1)
          .map((row) =>
            row[3] === '<5' || row[3] === 'x' ? null : Number(row[3].replace('.', '')),
          );
        expect(view.export.values, view.panel.key).toEqual(shown);
      }
    }
  });
});
