/**
 * Complementary suppression for the briefing (analysis/suppression.ts). The "verwacht" and
 * "focus" slides show one history three ways — per hour, per theme, per place — next to its
 * total; the "recent" slide shows the last hours per theme and per buurt next to theirs. So
 * each history is protected as one set of margins across its slides: no "<5" comes back from
 * a total minus the shown rows of any slide. The totals are context only, so they are the
 * first to be kept back ("x") when something must go.
 */
import { formatCount, protectCells, renderCell, type CellState, type Margin } from './suppression';

export interface HistoryCounts {
  total: number;
  /** Per hour of the dagdeel: together all records. */
  hours: readonly number[];
  /** The themes on the focus slide; other themes are not shown. */
  themes: readonly number[];
  /** The expected hotspots listed; other places are not shown. */
  areas: readonly number[];
}

export interface HistoryStates {
  total: CellState;
  hours: CellState[];
  themes: CellState[];
  areas: CellState[];
}

/** Cells laid out as [total, hours…, themes…, rest of themes, areas…, rest of places]. */
export function protectHistory(c: HistoryCounts): HistoryStates {
  const h0 = 1;
  const t0 = h0 + c.hours.length;
  const themeRest = t0 + c.themes.length;
  const a0 = themeRest + 1;
  const areaRest = a0 + c.areas.length;
  const range = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
  const sum = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0);
  const values = [
    c.total,
    ...c.hours,
    ...c.themes,
    Math.max(0, c.total - sum(c.themes)),
    ...c.areas,
    Math.max(0, c.total - sum(c.areas)),
  ];
  const margins: Margin[] = [
    { totals: [0], parts: range(h0, c.hours.length) },
    { totals: [0], parts: [...range(t0, c.themes.length), themeRest] },
    { totals: [0], parts: [...range(a0, c.areas.length), areaRest] },
  ];
  const states = protectCells(values, margins, {
    absent: [themeRest, areaRest],
    preferred: [0],
  });
  return {
    total: states[0],
    hours: states.slice(h0, t0),
    themes: states.slice(t0, themeRest),
    areas: states.slice(a0, areaRest),
  };
}

export interface RecentStates {
  total: CellState;
  themes: CellState[];
  buurten: CellState[];
}

/**
 * The recent slide: total, the listed themes (`moreThemes`: some did not fit) and the
 * buurten on the map (records outside any buurt are not shown).
 */
export function protectRecent(
  total: number,
  themes: readonly number[],
  moreThemes: boolean,
  buurten: readonly number[],
): RecentStates {
  const b0 = 1 + themes.length + 1;
  const values = [total, ...themes, 0, ...buurten, 0];
  const themeParts = themes.map((_, i) => 1 + i);
  const margins: Margin[] = [
    { totals: [0], parts: moreThemes ? [...themeParts, 1 + themes.length] : themeParts },
    { totals: [0], parts: [...buurten.map((_, i) => b0 + i), b0 + buurten.length] },
  ];
  const states = protectCells(values, margins, {
    absent: [1 + themes.length, b0 + buurten.length],
    preferred: [0],
  });
  return {
    total: states[0],
    themes: states.slice(1, 1 + themes.length),
    buurten: states.slice(b0, b0 + buurten.length),
  };
}

/** A protected count as the slides print it. */
export const slideCount = (n: number, state: CellState) => renderCell(n, state, formatCount);
