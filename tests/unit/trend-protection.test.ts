/**
 * Issue 23 on Wijken: the "alle thema's" panel's CSV minus the theme panels' CSVs must not
 * give a hidden count back. Small planted cases, protected by trend-protection.ts, written
 * by the real CSV code, read back as printed and attacked by tests/helpers/disclosure.ts.
 */
import { describe, expect, it } from 'vitest';
import { protectWijkTrends } from '../../src/lib/analysis/trend-protection';
import { trendPanelCsv } from '../../src/lib/analysis/trend-tables';
import type { TrendPanel } from '../../src/lib/analysis/wijk-trends';
import { findRecoveries, readCsv, type Published } from '../helpers/disclosure';

const months = [
  { year: 2026, month: 1 },
  { year: 2026, month: 2 },
  { year: 2026, month: 3 },
];

/** Just what the CSV and the protection read of a panel. */
function panel(code: string, theme: string | null, counts: number[]): TrendPanel {
  return {
    key: `${code}|${theme ?? '*'}`,
    wijk: { code, name: code, inhabitants: 2000 },
    theme,
    counts,
    per1000: counts.map((n) => n / 2),
    total: counts.reduce((a, b) => a + b, 0),
  } as unknown as TrendPanel;
}

/**
 * Every panel's CSV as the attacker gets it, and the margins everyone knows: per wijk and
 * month, all themes = Σ themes (+ an unpublished remainder where the view has records
 * without a theme).
 */
function publish(
  panels: TrendPanel[],
  protect: boolean,
  remainder = false,
): { published: Published; csvs: Map<string, string[][]> } {
  const states = protect ? protectWijkTrends(panels) : undefined;
  const cells = new Map<string, string>();
  const csvs = new Map<string, string[][]>();
  for (const p of panels) {
    const rows = readCsv(trendPanelCsv(p, months, states?.get(p.key))).slice(1);
    csvs.set(p.key, rows);
    rows.forEach((row, i) => cells.set(`${p.key}|${i}`, row[3]));
  }
  const margins: { totals: string[]; parts: string[] }[] = [];
  for (const code of new Set(panels.map((p) => p.wijk.code))) {
    const themes = panels.filter((p) => p.wijk.code === code && p.theme !== null);
    months.forEach((_, i) =>
      margins.push({
        totals: [`${code}|*|${i}`],
        parts: [
          ...themes.map((t) => `${t.key}|${i}`),
          ...(remainder ? [`${code}|zonder-thema|${i}`] : []),
        ],
      }),
    );
  }
  return { published: { cells, margins }, csvs };
}

describe('protectWijkTrends', () => {
  // Oost: afval 3 (hidden) and jeugd 9 add up to all themes 12, in January.
  const oost = [
    panel('WK1', null, [12, 20, 0]),
    panel('WK1', 'afval', [3, 10, 0]),
    panel('WK1', 'jeugd', [9, 10, 0]),
  ];

  it('is needed: without it, all themes minus jeugd gives afval = 3 back', () => {
    const { published } = publish(oost, false);
    expect(findRecoveries(published)).toEqual([
      'WK1|afval|0 = 3…3 from margin WK1|*|0 = Σ WK1|afval|0,WK1|jeugd|0',
      'WK1|afval|0 fixed by combining margins',
    ]);
  });

  it('hides the smallest other part of the margin ("x") and nothing else', () => {
    const states = protectWijkTrends(oost);
    expect(states.get('WK1|*')).toEqual(['shown', 'shown', 'shown']);
    expect(states.get('WK1|afval')).toEqual(['small', 'shown', 'shown']);
    expect(states.get('WK1|jeugd')).toEqual(['complement', 'shown', 'shown']);
    const { published, csvs } = publish(oost, true);
    expect(findRecoveries(published)).toEqual([]);
    // As printed: the rate beside a hidden count is hidden with it.
    expect(csvs.get('WK1|jeugd')![0].slice(3)).toEqual(['x', 'x']);
    expect(csvs.get('WK1|afval')![0].slice(3)).toEqual(['<5', '<5']);
    expect(csvs.get('WK1|jeugd')![1].slice(3)).toEqual(['10', '5,00']);
  });

  it('hides the total too when one theme holds all of a small month', () => {
    // 2 in all themes, all of it afval: both "<5"; nothing else to protect.
    const panels = [panel('WK1', null, [2, 0, 0]), panel('WK1', 'afval', [2, 0, 0])];
    const states = protectWijkTrends(panels);
    expect(states.get('WK1|*')![0]).toBe('small');
    expect(states.get('WK1|afval')![0]).toBe('small');
    expect(findRecoveries(publish(panels, true).published)).toEqual([]);
  });

  it('protects "two hidden themes adding up to 2" by hiding a third cell', () => {
    // 15 = 1 + 1 + 13: with 13 shown, the two "<5" must both be 1.
    const panels = [
      panel('WK1', null, [15, 0, 0]),
      panel('WK1', 'afval', [1, 0, 0]),
      panel('WK1', 'honden', [1, 0, 0]),
      panel('WK1', 'jeugd', [13, 0, 0]),
    ];
    expect(findRecoveries(publish(panels, false).published)).not.toEqual([]);
    const states = protectWijkTrends(panels);
    expect(states.get('WK1|jeugd')![0]).not.toBe('shown');
    expect(findRecoveries(publish(panels, true).published)).toEqual([]);
  });

  it('counts on records without a theme only where the view has them', () => {
    // All themes 12 = afval 3 + jeugd 8 + 1 visit without a theme. The reader does not know
    // that 1, so all minus jeugd (4) only bounds afval to 1–4: nothing extra to hide.
    const withVisits = [
      panel('WK1', null, [12, 0, 0]),
      panel('WK1', 'afval', [3, 0, 0]),
      panel('WK1', 'jeugd', [8, 0, 0]),
    ];
    const states = protectWijkTrends(withVisits);
    expect(states.get('WK1|jeugd')![0]).toBe('shown');
    expect(findRecoveries(publish(withVisits, true, true).published)).toEqual([]);
    // February: all themes 4 = jeugd 3 + 1 without a theme, afval 0: both counts hidden,
    // and the zero beside them gives neither back.
    const february = [
      panel('WK1', null, [12, 4, 0]),
      panel('WK1', 'afval', [3, 0, 0]),
      panel('WK1', 'jeugd', [8, 3, 0]),
    ];
    expect(protectWijkTrends(february).get('WK1|*')).toEqual(['shown', 'small', 'shown']);
    expect(findRecoveries(publish(february, true, true).published)).toEqual([]);
    // Without records without a theme the same margin is exact: 12 − 8 would give 4 back, so
    // jeugd is hidden too.
    const exact = [
      panel('WK1', null, [12, 0, 0]),
      panel('WK1', 'afval', [4, 0, 0]),
      panel('WK1', 'jeugd', [8, 0, 0]),
    ];
    expect(protectWijkTrends(exact).get('WK1|jeugd')![0]).toBe('complement');
    expect(findRecoveries(publish(exact, true).published)).toEqual([]);
  });

  it('leaves wijken and months apart: each margin on its own', () => {
    const two = [...oost, ...oost.map((p) => panel('WK2', p.theme, [...p.counts].reverse()))];
    const states = protectWijkTrends(two);
    expect(states.get('WK2|jeugd')).toEqual(['shown', 'shown', 'complement']);
    expect(findRecoveries(publish(two, true).published)).toEqual([]);
  });
});
