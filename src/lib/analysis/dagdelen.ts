/**
 * Dagdelen: the parts of the day enforcement plans and briefings speak in. Configurable;
 * the default is nacht 0–6, ochtend 6–12, middag 12–18, avond 18–24. A dagdeel may wrap
 * past midnight (e.g. a nachtdienst 22–6: from 22, to 6).
 */
export interface Dagdeel {
  id: string;
  label: string;
  /** First hour (0–23). */
  from: number;
  /** Hour after the last (1–24); smaller than `from` when the dagdeel wraps midnight. */
  to: number;
}

export const DEFAULT_DAGDELEN: readonly Dagdeel[] = [
  { id: 'nacht', label: 'Nacht (0–6 uur)', from: 0, to: 6 },
  { id: 'ochtend', label: 'Ochtend (6–12 uur)', from: 6, to: 12 },
  { id: 'middag', label: 'Middag (12–18 uur)', from: 12, to: 18 },
  { id: 'avond', label: 'Avond (18–24 uur)', from: 18, to: 24 },
];

/** The hours (0–23) a dagdeel covers. */
export function dagdeelHours(dagdeel: Dagdeel): number[] {
  const length = (dagdeel.to - dagdeel.from + 24) % 24 || 24;
  return Array.from({ length }, (_, i) => (dagdeel.from + i) % 24);
}

/** The hours of several dagdelen, sorted, without repeats; unknown ids are ignored. */
export function hoursOfDagdelen(ids: readonly string[], dagdelen = DEFAULT_DAGDELEN): number[] {
  const hours = new Set<number>();
  for (const d of dagdelen) if (ids.includes(d.id)) for (const h of dagdeelHours(d)) hours.add(h);
  return [...hours].sort((a, b) => a - b);
}

/** The dagdeel an hour (0–23) falls in, or null when the configuration leaves it out. */
export function dagdeelOf(hour: number, dagdelen = DEFAULT_DAGDELEN): Dagdeel | null {
  return dagdelen.find((d) => dagdeelHours(d).includes(hour)) ?? null;
}

/**
 * Checks a configuration: every dagdeel names hours 0–24, ids are unique and no hour is in
 * two dagdelen. Returns Dutch messages (empty = valid).
 */
export function validateDagdelen(dagdelen: readonly Dagdeel[]): string[] {
  const errors: string[] = [];
  const seen = new Map<number, string>();
  const ids = new Set<string>();
  for (const d of dagdelen) {
    if (ids.has(d.id)) errors.push(`Dagdeel "${d.label}" komt twee keer voor.`);
    ids.add(d.id);
    const valid = Number.isInteger(d.from) && Number.isInteger(d.to) && d.from >= 0 && d.from <= 23;
    if (!valid || d.to < 1 || d.to > 24 || d.from === d.to) {
      errors.push(`Dagdeel "${d.label}": begin 0–23 en einde 1–24 uur, niet gelijk.`);
      continue;
    }
    for (const h of dagdeelHours(d)) {
      const other = seen.get(h);
      if (other) errors.push(`Uur ${h} valt in "${other}" en in "${d.label}".`);
      seen.set(h, d.label);
    }
  }
  return errors;
}
