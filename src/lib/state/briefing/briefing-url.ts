/**
 * The briefing's settings in the URL (PRODUCT.md: every view's state is in the URL):
 * ?datum=2026-07-17&dagdeel=avond&weken=6&terug=24&schouw=90. Missing or invalid values fall
 * back to the defaults (the next dagdeel from now). Keys and their meaning: url-keys.ts.
 */
import type { BriefingMoment } from '$lib/analysis/briefing';
import {
  RECENT_CHOICES,
  SCHOUW_CHOICES,
  WEEK_CHOICES,
  type BriefingSettings,
} from './briefing.svelte';
import { readKey, writeKey, type PageUrlCodec } from '../shared/url-keys';

const DEFAULTS = { weeks: 6, recentHours: 24, schouwDays: 90 };

function choice(value: number | null, allowed: readonly number[], fallback: number): number {
  return value !== null && allowed.includes(value) ? value : fallback;
}

export function parseBriefingView(
  params: URLSearchParams,
  fallback: BriefingMoment,
  dagdeelIds: readonly string[] = ['nacht', 'ochtend', 'middag', 'avond'],
): BriefingSettings {
  const date = readKey(params, 'datum');
  // `dagdeel` is a list of dagdelen on every page; the briefing is for exactly one.
  const dagdelen = readKey(params, 'dagdeel') ?? [];
  const dagdeel = dagdelen.length === 1 && dagdeelIds.includes(dagdelen[0]) ? dagdelen[0] : null;
  return {
    date: date !== null && !Number.isNaN(Date.parse(date)) ? date : fallback.date,
    dagdeel: dagdeel ?? fallback.dagdeel.id,
    weeks: choice(readKey(params, 'weken'), WEEK_CHOICES, DEFAULTS.weeks),
    recentHours: choice(readKey(params, 'terug'), RECENT_CHOICES, DEFAULTS.recentHours),
    schouwDays: choice(readKey(params, 'schouw'), SCHOUW_CHOICES, DEFAULTS.schouwDays),
  };
}

/** Writes the settings (only what differs from the defaults besides date/dagdeel). */
export function writeBriefingView(params: URLSearchParams, s: BriefingSettings): URLSearchParams {
  const next = new URLSearchParams(params);
  writeKey(next, 'datum', s.date);
  writeKey(next, 'dagdeel', [s.dagdeel]);
  writeKey(next, 'weken', s.weeks === DEFAULTS.weeks ? null : s.weeks);
  writeKey(next, 'terug', s.recentHours === DEFAULTS.recentHours ? null : s.recentHours);
  writeKey(next, 'schouw', s.schouwDays === DEFAULTS.schouwDays ? null : s.schouwDays);
  return next;
}

/** Query string for the settings. */
export function briefingQuery(s: BriefingSettings): string {
  return `?${writeBriefingView(new URLSearchParams(), s)}`;
}

/** The briefing's settings as a page codec; `fallback` is the moment without a date. */
export function briefingUrlCodec(fallback: BriefingMoment): PageUrlCodec<BriefingSettings> {
  return {
    keys: ['datum', 'dagdeel', 'weken', 'terug', 'schouw'],
    parse: (params) => parseBriefingView(params, fallback),
    write: writeBriefingView,
  };
}
