/**
 * Period presets of the shared filter: laatste 4 weken, dit kwartaal, dit jaar, vorig jaar,
 * as first and last day ('YYYY-MM-DD', inclusive, as the filter's van/tot) from a reference
 * day. The reference is today in Europe/Amsterdam — or the data's last day when the data
 * ends earlier, so that a preset on an older export does not show an empty period.
 */
export const PERIOD_PRESETS = [
  { id: 'laatste-4-weken', label: 'Laatste 4 weken' },
  { id: 'dit-kwartaal', label: 'Dit kwartaal' },
  { id: 'dit-jaar', label: 'Dit jaar' },
  { id: 'vorig-jaar', label: 'Vorig jaar' },
] as const;

export type PeriodPresetId = (typeof PERIOD_PRESETS)[number]['id'];

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const pad = (n: number) => String(n).padStart(2, '0');
const ymd = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

/** The calendar day of `now` in a time zone (default Europe/Amsterdam), 'YYYY-MM-DD'. */
export function dayInZone(now: Date, timeZone = 'Europe/Amsterdam'): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(now);
  const part = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** Today, unless the data ends before it (then its last day). */
export function presetReference(today: string, dataLast: string | null): string {
  return dataLast && DAY.test(dataLast) && dataLast < today ? dataLast : today;
}

/** First and last day of a preset, counted back from `reference` ('YYYY-MM-DD'). */
export function presetPeriod(id: PeriodPresetId, reference: string): { from: string; to: string } {
  if (!DAY.test(reference))
    throw new RangeError(`reference must be 'YYYY-MM-DD', got ${reference}`);
  const [y, m, d] = reference.split('-').map(Number);
  switch (id) {
    case 'laatste-4-weken': {
      // 28 days including the reference day itself.
      const first = new Date(Date.UTC(y, m - 1, d - 27));
      return { from: first.toISOString().slice(0, 10), to: reference };
    }
    case 'dit-kwartaal':
      return { from: ymd(y, Math.floor((m - 1) / 3) * 3 + 1, 1), to: reference };
    case 'dit-jaar':
      return { from: ymd(y, 1, 1), to: reference };
    case 'vorig-jaar':
      return { from: ymd(y - 1, 1, 1), to: ymd(y - 1, 12, 31) };
  }
}

/** The preset whose period the selection has exactly, or null. */
export function activePreset(
  from: string | null,
  to: string | null,
  reference: string,
): PeriodPresetId | null {
  if (!from || !to) return null;
  const hit = PERIOD_PRESETS.find((p) => {
    const period = presetPeriod(p.id, reference);
    return period.from === from && period.to === to;
  });
  return hit?.id ?? null;
}
