/** Dutch labels and number formats shared by the Buitengebied components. */
import { formatLocalDate } from '$lib/analysis/local-time';
import { PARTNER_LABELS, type SignalRow } from '$lib/data/queries/buitengebied';

const oneDecimal = new Intl.NumberFormat('nl-NL', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const metres = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 0 });

export const formatScore = (n: number) => oneDecimal.format(n);
export const formatMetres = (n: number) =>
  n >= 1000 ? `${oneDecimal.format(n / 1000)} km` : `${metres.format(n)} m`;

/** Local epoch ms → '31-10-2026' (Dutch day-month-year). */
export function formatDay(localMs: number): string {
  const [y, m, d] = formatLocalDate(localMs).split('-');
  return `${d}-${m}-${y}`;
}

const degrees = new Intl.NumberFormat('nl-NL', {
  minimumFractionDigits: 5,
  maximumFractionDigits: 5,
});

/** Where a building lies when the data has no address: '52,10444 N, 6,21974 O'. */
export function formatPosition(p: { lon: number; lat: number }): string {
  return `${degrees.format(p.lat)} N, ${degrees.format(p.lon)} O`;
}

/** A building as a handhaver finds it: its id and, where the data has one, its address. */
export function buildingName(b: { id: string; adres: string | null }): string {
  return b.adres ? `${b.id}, ${b.adres}` : b.id;
}

export function sourceLabel(signal: Pick<SignalRow, 'source' | 'partner'>): string {
  const source = signal.source ?? 'onbekend';
  const partner = PARTNER_LABELS[source.toLowerCase() as keyof typeof PARTNER_LABELS];
  return partner ? `${partner} (partner)` : source;
}

export const ORIGIN_LABELS: Record<string, string> = {
  meldingen: 'Melding',
  incidents: 'Incident',
};
