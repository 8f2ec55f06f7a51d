/**
 * Turns the briefing's query rows into what the slides show: Dutch labels, places at buurt
 * level, counts suppressed below 5, at most seven items per slide. Plain TypeScript (no
 * runes), so it can be tested without a page. This module: the recent and schouw slides;
 * focus and verwacht in briefing-history-slides.ts, the wording in briefing-format.ts.
 */
import { fitSlide, selectSchouwDue, type BuildingSchouwRow } from '$lib/analysis/briefing';
import { protectRecent, slideCount } from '$lib/analysis/briefing-suppression';
import { formatDay, formatHourOf, place, themeLabel, type Names } from './briefing-format';

export * from './briefing-format';
export * from './briefing-history-slides';

export interface RecentGroupRow {
  theme: string;
  buurtcode: string | null;
  n: number;
  first: number;
  last: number;
}

export interface RecentSlide {
  hours: number;
  total: string;
  /** Per theme, busiest first: count, the buurten with most of it, the latest hour. */
  items: { theme: string; count: string; places: string; last: string }[];
  more: number;
  /** Buurten of the listed themes' places (for zooming the map). */
  listedBuurten: string[];
  /** Per buurt for the map: code, count as shown, and `n` for its colour (null: hidden). */
  buurten: { code: string; n: number | null; count: string }[];
}

export function composeRecent(
  groups: readonly RecentGroupRow[],
  hours: number,
  names: Names,
): RecentSlide {
  const perBuurt = new Map<string, number>();
  const perTheme = new Map<string, { n: number; last: number; buurten: Map<string, number> }>();
  for (const g of groups) {
    if (g.buurtcode) perBuurt.set(g.buurtcode, (perBuurt.get(g.buurtcode) ?? 0) + g.n);
    let theme = perTheme.get(g.theme);
    if (!theme) perTheme.set(g.theme, (theme = { n: 0, last: g.last, buurten: new Map() }));
    theme.n += g.n;
    theme.last = Math.max(theme.last, g.last);
    const key = g.buurtcode ?? '';
    theme.buurten.set(key, (theme.buurten.get(key) ?? 0) + g.n);
  }
  const themes = [...perTheme.entries()]
    .map(([theme, t]) => ({
      theme,
      ...t,
      top: [...t.buurten.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, 2)
        .map(([code]) => code),
    }))
    .sort((a, b) => b.n - a.n || b.last - a.last || a.theme.localeCompare(b.theme));
  const list = fitSlide(themes, 7);
  const total = groups.reduce((s, g) => s + g.n, 0);
  const buurten = [...perBuurt];
  const states = protectRecent(
    total,
    list.shown.map((t) => t.n),
    list.more > 0,
    buurten.map(([, n]) => n),
  );
  return {
    hours,
    total: slideCount(total, states.total),
    items: list.shown.map((t, i) => ({
      theme: themeLabel(t.theme),
      count: slideCount(t.n, states.themes[i]),
      places: t.top.map((code) => place(names, code || null)).join(', '),
      last: formatHourOf(t.last),
    })),
    more: list.more,
    listedBuurten: [...new Set(list.shown.flatMap((t) => t.top).filter(Boolean))],
    buurten: buurten.map(([code, n], i) => ({
      code,
      n: states.buurten[i] === 'shown' ? n : null,
      count: slideCount(n, states.buurten[i]),
    })),
  };
}

export interface SchouwSlide {
  days: number;
  vacant: number;
  items: { id: string; kind: string; place: string; last: string; outcome: string | null }[];
  more: number;
}

export function composeSchouw(
  rows: readonly BuildingSchouwRow[],
  atLocalMs: number,
  days: number,
  names: Names,
): SchouwSlide {
  const due = fitSlide(selectSchouwDue(rows, atLocalMs, days), 6);
  return {
    days,
    vacant: rows.length,
    items: due.shown.map((row) => ({
      id: row.id,
      kind: row.kind ?? 'gebouw',
      place: place(names, row.buurtcode),
      last: row.last_schouw === null ? 'nog nooit geschouwd' : formatDay(row.last_schouw),
      outcome: row.last_outcome,
    })),
    more: due.more,
  };
}
