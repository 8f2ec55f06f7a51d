/**
 * The briefing's words for dates, hours, themes and places (Dutch, local wall-clock time at
 * hour precision), shared by every slide.
 */
import type { BriefingMoment } from '$lib/analysis/briefing';
import { THEME_LABELS, type Theme } from '$lib/data/themes';
import { weekdayOfJsDay } from '$lib/format/nl';

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
export const weekdayName = (localMs: number) => weekdayOfJsDay(new Date(localMs).getUTCDay());
/** Hour precision on purpose: a minute-exact time narrows a record down too far. */
export const formatHourOf = (localMs: number) =>
  `${dateShort.format(new Date(localMs))}, ${new Date(localMs).getUTCHours()} uur`;
export const formatHours = (from: number, to: number) => `${from}–${to} uur`;

export type Names = ReadonlyMap<string, string>;
export const place = (names: Names, code: string | null) =>
  (code && names.get(code)) ?? 'buiten de buurten';

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

/** A dagdeel in the plural: "avonden"; a configured one "dagdelen ‘spits’". */
export const dagdeelPlural = (dagdeel: BriefingMoment['dagdeel']) =>
  PLURAL[dagdeel.id] ?? `dagdelen ‘${dagdeel.label}’`;

/** The history a briefing looks at in words: "vrijdagavonden". */
export function describePeriod(moment: BriefingMoment, dateMs: number): string {
  const plural = PLURAL[moment.dagdeel.id];
  const day = weekdayName(dateMs);
  return plural ? `${day}${plural}` : `${day}en (${moment.dagdeel.label})`;
}
