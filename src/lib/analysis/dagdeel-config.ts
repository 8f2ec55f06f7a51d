/**
 * Configurable dagdelen for the hot-times breakdown, written as the hours at which a new
 * dagdeel starts: "0,6,12,18" is the default nacht/ochtend/middag/avond, "7,15,23" three
 * shifts (the last one, 23–7, runs over midnight). Always a partition of the 24 hours, so
 * the breakdown adds up to the same total as the matrix.
 */
import { DEFAULT_DAGDELEN, type Dagdeel } from './aoristic';

export const DEFAULT_BOUNDARIES = [0, 6, 12, 18] as const;

/** Sorted, unique whole hours 0–23, at least two; null when the text is not that. */
export function parseBoundaries(text: string): number[] | null {
  const parts = text
    .split(/[,;\s]+/)
    .map((p) => p.trim())
    .filter((p) => p !== '');
  if (parts.length < 2 || parts.length > 24) return null;
  const hours = parts.map(Number);
  if (!hours.every((h) => Number.isInteger(h) && h >= 0 && h <= 23)) return null;
  const sorted = [...new Set(hours)].sort((a, b) => a - b);
  return sorted.length === hours.length ? sorted : null;
}

const pad = (h: number) => String(h).padStart(2, '0');

/** Dagdelen from start hours; the default boundaries keep the familiar names. */
export function dagdelenFromBoundaries(boundaries: readonly number[]): Dagdeel[] {
  if (boundaries.join(',') === DEFAULT_BOUNDARIES.join(',')) return [...DEFAULT_DAGDELEN];
  return boundaries.map((start, i) => {
    const end = boundaries[(i + 1) % boundaries.length];
    return {
      name: `${pad(start)}–${pad(end)} uur`,
      startHour: start,
      endHour: end === 0 ? 24 : end,
    };
  });
}

/** Label of a dagdeel for charts and tables: 'nacht (00–06 uur)'. */
export function dagdeelLabel(d: Dagdeel): string {
  return /uur$/.test(d.name) ? d.name : `${d.name} (${pad(d.startHour)}–${pad(d.endHour)} uur)`;
}
