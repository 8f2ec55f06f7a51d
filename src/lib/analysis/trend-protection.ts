/**
 * Small-count suppression of the Wijken view's shared outputs (issue 23): every panel's CSV
 * and PNG, for "alle thema's" and for each theme, protected together.
 *
 * A wijk's "alle thema's" count of a month is the sum of its theme counts of that month
 * (plus records without a theme, e.g. visits, which no theme panel shows). Downloaded side
 * by side, "alle thema's" minus the shown themes would give a hidden "<5" back. So each
 * wijk × month is one margin — total: the all-themes cell, parts: the theme cells and the
 * never-published remainder — protected by analysis/suppression.ts (primary "<5",
 * complementary "x"). Margins of different wijken or months share no cell, so each is
 * protected on its own (the same result as all at once, and linear in the view's size).
 */
import { protectCells, type CellState, type Margin } from './suppression';
import type { TrendPanel } from './wijk-trends';

type PanelCounts = Pick<TrendPanel, 'key' | 'theme' | 'counts'> & { wijk: { code: string } };

/**
 * The suppression state of every month of every panel, by panel key. The remainder (records
 * without a theme) is treated as unknown to the reader only when the view has such records
 * anywhere; otherwise everyone knows it is 0 and the margin is exact.
 */
export function protectWijkTrends(panels: readonly PanelCounts[]): Map<string, CellState[]> {
  const byWijk = new Map<string, { all: PanelCounts | null; themes: PanelCounts[] }>();
  for (const panel of panels) {
    let group = byWijk.get(panel.wijk.code);
    if (!group) byWijk.set(panel.wijk.code, (group = { all: null, themes: [] }));
    if (panel.theme === null) group.all = panel;
    else group.themes.push(panel);
  }
  const remainderOf = (group: { all: PanelCounts | null; themes: PanelCounts[] }, i: number) =>
    group.all ? group.all.counts[i] - group.themes.reduce((sum, t) => sum + t.counts[i], 0) : 0;
  const groups = [...byWijk.values()];
  const hasRemainder = groups.some(
    (g) => g.all !== null && g.themes.length > 0 && g.all.counts.some((_, i) => remainderOf(g, i)),
  );

  const states = new Map<string, CellState[]>(
    panels.map((p) => [p.key, new Array<CellState>(p.counts.length)]),
  );
  for (const group of groups) {
    const members = [...(group.all ? [group.all] : []), ...group.themes];
    const months = members[0]?.counts.length ?? 0;
    for (let i = 0; i < months; i++) {
      const values = members.map((p) => p.counts[i]);
      const margins: Margin[] = [];
      const absent: number[] = [];
      if (group.all && group.themes.length > 0) {
        const parts = group.themes.map((_, t) => t + 1);
        if (hasRemainder) {
          absent.push(values.length);
          parts.push(values.length);
          values.push(remainderOf(group, i));
        }
        margins.push({ totals: [0], parts });
      }
      const cellStates = protectCells(values, margins, { absent });
      members.forEach((p, m) => (states.get(p.key)![i] = cellStates[m]));
    }
  }
  return states;
}
