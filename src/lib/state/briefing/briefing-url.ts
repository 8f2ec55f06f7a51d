/**
 * The briefing's settings in the URL (PRODUCT.md: every view's state is in the URL):
 * ?datum=2026-07-17&dagdeel=avond&weken=6&terug=24&schouw=90. Missing or invalid values fall
 * back to the defaults (the next dagdeel from now).
 */
import type { BriefingMoment } from '$lib/analysis/briefing';
import {
  RECENT_CHOICES,
  SCHOUW_CHOICES,
  WEEK_CHOICES,
  type BriefingSettings,
} from './briefing.svelte';

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const DEFAULTS = { weeks: 6, recentHours: 24, schouwDays: 90 };

function choice(raw: string | null, allowed: readonly number[], fallback: number): number {
  const n = Number(raw);
  return allowed.includes(n) ? n : fallback;
}

export function parseBriefingView(
  params: URLSearchParams,
  fallback: BriefingMoment,
  dagdeelIds: readonly string[] = ['nacht', 'ochtend', 'middag', 'avond'],
): BriefingSettings {
  const date = params.get('datum');
  const dagdeel = params.get('dagdeel');
  const validDate = date !== null && DATE.test(date) && !Number.isNaN(Date.parse(date));
  return {
    date: validDate ? date : fallback.date,
    dagdeel: dagdeel !== null && dagdeelIds.includes(dagdeel) ? dagdeel : fallback.dagdeel.id,
    weeks: choice(params.get('weken'), WEEK_CHOICES, DEFAULTS.weeks),
    recentHours: choice(params.get('terug'), RECENT_CHOICES, DEFAULTS.recentHours),
    schouwDays: choice(params.get('schouw'), SCHOUW_CHOICES, DEFAULTS.schouwDays),
  };
}

/** Query string for the settings (only what differs from the defaults besides date/dagdeel). */
export function briefingQuery(s: BriefingSettings): string {
  const params = new URLSearchParams({ datum: s.date, dagdeel: s.dagdeel });
  if (s.weeks !== DEFAULTS.weeks) params.set('weken', String(s.weeks));
  if (s.recentHours !== DEFAULTS.recentHours) params.set('terug', String(s.recentHours));
  if (s.schouwDays !== DEFAULTS.schouwDays) params.set('schouw', String(s.schouwDays));
  return `?${params}`;
}
