/**
 * Dutch (nl-NL) display formatting. Timestamps are local wall-clock epoch milliseconds
 * (DuckDB TIMESTAMP), so they are formatted as UTC to show the reading unchanged.
 */
const numberFormat = new Intl.NumberFormat('nl-NL');
const dateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'long',
  year: 'numeric',
  timeZone: 'UTC',
});

export function formatCount(n: number): string {
  return numberFormat.format(n);
}

export function formatDate(localMs: number): string {
  return dateFormat.format(new Date(localMs));
}

export const TABLE_LABELS: Record<string, string> = {
  incidents: 'Incidenten',
  meldingen: 'Meldingen',
  visits: 'Bezoeken',
  areas: 'Gebieden (gemeente, wijken, buurten)',
  buildings: 'Gebouwen buitengebied',
  watch_locations: 'Aandachtslocaties',
  interventions: 'Interventies',
};

const shortDateFormat = new Intl.DateTimeFormat('nl-NL', {
  day: 'numeric',
  month: 'short',
  year: 'numeric',
  timeZone: 'UTC',
});

/** 'YYYY-MM-DD' → '1 jun 2026'. */
export function formatDay(day: string): string {
  return shortDateFormat.format(new Date(`${day}T00:00:00Z`));
}
