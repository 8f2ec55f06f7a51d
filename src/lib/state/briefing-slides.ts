/**
 * Turns the briefing's query rows into what the slides show: Dutch labels, places at buurt
 * level, counts suppressed below 5, at most seven items per slide. Plain TypeScript (no
 * runes), so it can be tested without a page. The focus and verwacht slides show one history
 * and are protected together (analysis/briefing-suppression.ts): both take the same inputs.
 */
import {
  fitSlide,
  hourProfile,
  rankExpectedAreas,
  rankThemes,
  rankWatchDue,
  selectSchouwDue,
  type BriefingMoment,
  type BuildingSchouwRow,
  type HistoryRecord,
  type HistoryWindow,
  type WatchVisitRow,
} from '$lib/analysis/briefing';
import { findHotCells } from '$lib/analysis/briefing-hotspots';
import {
  protectHistory,
  protectRecent,
  slideCount,
  type HistoryStates,
} from '$lib/analysis/briefing-suppression';
import { cellCentre, cellPolygon } from '$lib/analysis/hex-grid';
import type { HexStudy } from '$lib/analysis/hotspot-study';
import { WITHHELD } from '$lib/analysis/suppression';
import { rdToWgs84 } from '$lib/analysis/rd';
import { THEME_LABELS, type Theme } from '$lib/data/themes';

/** Hexagon circumradius (m): cells about 430 m across, a few streets — a place to be. */
export const CELL_SIZE = 250;

const WEEKDAYS = ['zondag', 'maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag'];
const dateLong = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'long',
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});
const dateShort = new Intl.DateTimeFormat('nl-NL', {
  weekday: 'short',
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});
const dateOnly = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export const themeLabel = (theme: string) => THEME_LABELS[theme as Theme] ?? theme;
export const formatLongDate = (localMs: number) => dateLong.format(new Date(localMs));
export const formatDay = (localMs: number) => dateOnly.format(new Date(localMs));
export const weekdayName = (localMs: number) => WEEKDAYS[new Date(localMs).getUTCDay()];
/** Hour precision on purpose: a minute-exact time narrows a record down too far. */
export const formatHourOf = (localMs: number) =>
  `${dateShort.format(new Date(localMs))}, ${new Date(localMs).getUTCHours()} uur`;
export const formatHours = (from: number, to: number) => `${from}–${to} uur`;

type Names = ReadonlyMap<string, string>;
const place = (names: Names, code: string | null) =>
  (code && names.get(code)) ?? 'buiten de buurten';

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

/** The history as the focus and verwacht slides count it, with its suppression. */
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
  const hot = study ? findHotCells(history, study) : new Set<string>();
  return (study === undefined ? ranked : ranked.filter((a) => hot.has(a.key)))
    .slice(0, 5)
    .map((area, i) => ({ ...area, rank: i + 1 }));
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
  place: string;
  theme: string;
  count: string;
  peak: string;
  weeks: string;
  polygon: [number, number][];
  centre: [number, number];
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
      count: slideCount(area.total, states.areas[i]),
      peak: formatHours(area.peak.from, area.peak.to),
      // Weeks with a record bound the count from below: not beside a hidden one.
      weeks:
        states.areas[i] === 'shown' ? `${area.weeksActive} van ${window.weeks} weken` : WITHHELD,
      polygon: cellPolygon(area.q, area.r, CELL_SIZE),
      centre: rdToWgs84(...cellCentre(area.q, area.r, CELL_SIZE)),
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

/** The briefing title: "vrijdag 17 juli 2026, avond (18–24 uur)". */
export function describeMoment(moment: BriefingMoment, dateMs: number): string {
  const d = moment.dagdeel;
  return `${formatLongDate(dateMs)}, ${d.label} (${formatHours(d.startHour, d.endHour)})`;
}

const PLURAL: Record<string, string> = {
  nacht: 'nachten',
  ochtend: 'ochtenden',
  middag: 'middagen',
  avond: 'avonden',
};

/** The history a briefing looks at in words: "vrijdagavonden". */
export function describePeriod(moment: BriefingMoment, dateMs: number): string {
  const plural = PLURAL[moment.dagdeel.id];
  const day = weekdayName(dateMs);
  return plural ? `${day}${plural}` : `${day}en (${moment.dagdeel.label})`;
}
