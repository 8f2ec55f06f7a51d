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

const fixedFormats = new Map<number, Intl.NumberFormat>();

/** A number with exactly `digits` decimals, Dutch style (2,0 and 2,7 line up in a column). */
export function formatFixed(n: number, digits = 1): string {
  let format = fixedFormats.get(digits);
  if (!format) {
    format = new Intl.NumberFormat('nl-NL', {
      minimumFractionDigits: digits,
      maximumFractionDigits: digits,
    });
    fixedFormats.set(digits, format);
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

/** Dutch weekday names, Monday first (ISO: isodow 1 is index 0). The one list in the app. */
export const WEEKDAY_NAMES = [
  'maandag',
  'dinsdag',
  'woensdag',
  'donderdag',
  'vrijdag',
  'zaterdag',
  'zondag',
] as const;

/** Dutch month names, January first. The one list in the app. */
export const MONTH_NAMES = [
  'januari',
  'februari',
  'maart',
  'april',
  'mei',
  'juni',
  'juli',
  'augustus',
  'september',
  'oktober',
  'november',
  'december',
] as const;

/** Short Dutch month names ('mrt'), January first. */
export const MONTH_SHORT = [
  'jan',
  'feb',
  'mrt',
  'apr',
  'mei',
  'jun',
  'jul',
  'aug',
  'sep',
  'okt',
  'nov',
  'dec',
] as const;

/** The weekday of a date, from JavaScript's getUTCDay() (0 = Sunday). */
export function weekdayOfJsDay(jsDay: number): (typeof WEEKDAY_NAMES)[number] {
  return WEEKDAY_NAMES[(jsDay + 6) % 7];
}

/** 'YYYY-MM' → 'nov 2025'. */
export function formatMonthKey(key: string): string {
  const [year, month] = key.split('-').map(Number);
  return `${MONTH_SHORT[month - 1]} ${year}`;
}

/** { year: 2025, month: 11 } → 'nov 25': the short axis label of the trend charts. */
export function formatMonthShortYear(m: { year: number; month: number }): string {
  return `${MONTH_SHORT[m.month - 1]} ${String(m.year).slice(2)}`;
}
