/**
 * The focus and verwacht slides: one dagdeel's history, protected together
 * (analysis/briefing-suppression.ts), so both take the same inputs. Only cells that are
 * significant hot spots are named (analysis/briefing-hotspots.ts).
 */
import {
  fitSlide,
  hourProfile,
  rankExpectedAreas,
  rankThemes,
  rankWatchDue,
  type HistoryRecord,
  type HistoryWindow,
  type WatchVisitRow,
} from '$lib/analysis/briefing';
import { findHotCells } from '$lib/analysis/briefing-hotspots';
import { protectHistory, slideCount, type HistoryStates } from '$lib/analysis/briefing-suppression';
import { cellCentre, cellPolygon } from '$lib/analysis/hex-grid';
import type { HexStudy } from '$lib/analysis/hotspot-study';
import { WITHHELD } from '$lib/analysis/suppression';
import { rdToWgs84 } from '$lib/analysis/rd';
import { formatHourOf, formatHours, place, themeLabel, type Names } from './briefing-format';

/** Hexagon circumradius (m): cells about 430 m across, a few streets — a place to be. */
export const CELL_SIZE = 250;

export interface FocusSlide {
  themes: { theme: string; label: string; count: string; chosen: boolean }[];
  watch: {
    id: string;
    name: string;
    reason: string | null;
    visits: number;
    target: number;
    due: boolean;
    lastVisit: string | null;
  }[];
  watchMore: number;
}

/**
 * The permutation test is the costliest step of a briefing, and the focus and verwacht
 * slides ask for it on the same history: computed once per (history, study).
 */
const hotCache = new WeakMap<readonly HistoryRecord[], { study: HexStudy; hot: HotCells }>();
type HotCells = ReturnType<typeof findHotCells>;
function hotCellsOf(history: readonly HistoryRecord[], study: HexStudy): HotCells {
  const cached = hotCache.get(history);
  if (cached?.study === study) return cached.hot;
  const hot = findHotCells(history, study);
  hotCache.set(history, { study, hot });
  return hot;
}

/** The places to list: the busiest cells, or with a `study` only significant hot spots. */
function expectedAreas(
  history: readonly HistoryRecord[],
  window: HistoryWindow,
  study: HexStudy | null | undefined,
) {
  const ranked = rankExpectedAreas(history, {
    window,
    size: CELL_SIZE,
    top: study === undefined ? 5 : Infinity,
  });
  const hot = study ? hotCellsOf(history, study) : new Map<string, number>();
  return (study === undefined ? ranked : ranked.filter((a) => hot.has(a.key)))
    .slice(0, 5)
    .map((area, i) => ({ ...area, rank: i + 1, confidence: hot.get(area.key) ?? null }));
}

function countHistory(
  history: readonly HistoryRecord[],
  window: HistoryWindow,
  chosen: readonly string[],
  study?: HexStudy | null,
) {
  const ranked = rankThemes(history);
  const counts = new Map(ranked.map((t) => [t.theme, t.n]));
  const themes = (chosen.length > 0 ? [...chosen] : ranked.slice(0, 3).map((t) => t.theme))
    .slice(0, 3)
    .map((theme) => ({ theme, n: counts.get(theme) ?? 0 }));
  const top = expectedAreas(history, window, study);
  const profile = hourProfile(history, window.hours);
  const states: HistoryStates = protectHistory({
    total: history.length,
    hours: profile.map((h) => h.count),
    themes: themes.map((t) => t.n),
    areas: top.map((a) => a.total),
  });
  return { themes, top, profile, states };
}

/** Focus: the chosen themes (or else the busiest in this dagdeel) and the aandachtslocaties. */
export function composeFocus(
  history: readonly HistoryRecord[],
  chosen: readonly string[],
  watchRows: readonly WatchVisitRow[],
  window: HistoryWindow,
  study?: HexStudy | null,
): FocusSlide {
  const counted = countHistory(history, window, chosen, study);
  const themes = counted.themes.map(({ theme, n }, i) => ({
    theme,
    label: themeLabel(theme),
    count: slideCount(n, counted.states.themes[i]),
    chosen: chosen.includes(theme),
  }));
  const watch = fitSlide(rankWatchDue(watchRows), 7 - themes.length);
  return {
    themes,
    // The team's own visits are not about residents: shown exactly, never suppressed.
    watch: watch.shown.map((w) => ({
      id: w.id,
      name: w.name,
      reason: w.reason,
      visits: w.visits,
      target: w.target,
      due: w.due,
      lastVisit: w.last_visit === null ? null : formatHourOf(w.last_visit),
    })),
    watchMore: watch.more,
  };
}

export interface ExpectedArea {
  rank: number;
  /** Where: the buurt's name. */
  place: string;
  /** What: the theme's label. */
  theme: string;
  /** How many, with its unit: "12 registraties", "<5 registraties". */
  count: string;
  /** When: "piek 15–17 uur". */
  peak: string;
  /** Weeks with a record: "in 4 van 6 weken", or WITHHELD beside a hidden count. */
  weeks: string;
  /** How sure: "hotspot, 95 % betrouwbaar"; null when not tested (no study given). */
  confidence: string | null;
  polygon: [number, number][];
  centre: [number, number];
  /** The hexagon (axial coordinates at CELL_SIZE): what a stored forecast keeps. */
  cell: { q: number; r: number };
}

/** "hotspot, 95 % betrouwbaar" for the confidence classes the briefing names. */
export function describeConfidence(confidence: number): string {
  return `hotspot, ${confidence >= 3 ? 99 : confidence >= 2 ? 95 : 90} % betrouwbaar`;
}

export interface ExpectedSlide {
  areas: ExpectedArea[];
  /** Records, but no place is a significant hot spot: "Geen duidelijke hotspot". */
  noHotspot: boolean;
  /** `share`: bar height against the busiest hour; null where the count is hidden. */
  hours: { hour: number; label: string; count: string; share: number | null }[];
  total: string;
  weeks: number;
}

/**
 * The expected hotspots slide. `chosen`: the focus themes, shown with the same history on
 * the focus slide. With a `study` (the municipality's cells at CELL_SIZE) only cells that
 * are significant hot spots at 95 % are listed (briefing-hotspots.ts), busiest first; none
 * (also without area boundaries: `null`) gives "Geen duidelijke hotspot". Without it the
 * busiest cells are listed unconditionally (kept for callers that only test the wording).
 */
export function composeExpected(
  history: readonly HistoryRecord[],
  window: HistoryWindow,
  names: Names,
  chosen: readonly string[] = [],
  study?: HexStudy | null,
): ExpectedSlide {
  const { top, profile, states } = countHistory(history, window, chosen, study);
  const shown = profile.filter((_, i) => states.hours[i] === 'shown');
  const max = Math.max(1, ...shown.map((h) => h.count));
  return {
    areas: top.map((area, i) => ({
      rank: area.rank,
      place: place(names, area.buurtcode),
      theme: themeLabel(area.theme),
      count: `${slideCount(area.total, states.areas[i])} registraties`,
      peak: `piek ${formatHours(area.peak.from, area.peak.to)}`,
      // Weeks with a record bound the count from below: not beside a hidden one.
      weeks:
        states.areas[i] === 'shown' ? `in ${area.weeksActive} van ${window.weeks} weken` : WITHHELD,
      confidence: area.confidence === null ? null : describeConfidence(area.confidence),
      polygon: cellPolygon(area.q, area.r, CELL_SIZE),
      centre: rdToWgs84(...cellCentre(area.q, area.r, CELL_SIZE)),
      cell: { q: area.q, r: area.r },
    })),
    hours: profile.map((h, i) => ({
      hour: h.hour,
      label: `${h.hour}–${h.hour + 1}`,
      count: slideCount(h.count, states.hours[i]),
      share: states.hours[i] === 'shown' ? h.count / max : null,
    })),
    total: slideCount(history.length, states.total),
    weeks: window.weeks,
    noHotspot: history.length > 0 && top.length === 0,
  };
}
