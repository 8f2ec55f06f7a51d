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

/**
 * Formatters per number of decimals, made once: `toLocaleString` with options builds a new
 * formatter on every call, which shows when a view fills hundreds of table cells.
 */
const decimalFormats = new Map<number, Intl.NumberFormat>();

/** A number with at most `digits` decimals, Dutch style (1.234,5). */
export function formatDecimal(n: number, digits = 1): string {
  let format = decimalFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: digits });
    decimalFormats.set(digits, format);
  }
  return format.format(n);
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
