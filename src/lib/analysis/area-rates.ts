/**
 * Counts and rates per 1,000 inhabitants per wijk or buurt, for the choropleth. Areas that
 * are water only, whose population is unknown (not given, or suppressed by CBS: NULL or a
 * negative sentinel ≤ −99990), that have no inhabitants, or fewer than
 * MIN_INHABITANTS_FOR_RATE, get no rate: a rate there would be meaningless or a division by
 * (almost) zero, and the legend says why such an area is grey.
 */

/**
 * No rate per 1,000 inhabitants below this population. A rate over a few dozen people is
 * set by a handful of records (7 records in a buurt of 35 is "200 per 1.000") and would
 * top the colour scale by chance; from 100 people on, one record moves the rate by at
 * most 10 per 1,000. Buurten in the buitengebied usually have a few hundred inhabitants,
 * so they keep their rate.
 */
export const MIN_INHABITANTS_FOR_RATE = 100;

export interface AreaInput {
  code: string;
  name: string | null;
  inhabitants: number | null;
  water: boolean | null;
}

export type AreaRateStatus = 'ok' | 'water' | 'onbekend' | 'geen-inwoners' | 'te-weinig-inwoners';

export interface AreaRate {
  code: string;
  name: string;
  count: number;
  inhabitants: number | null;
  /** Records per 1,000 inhabitants, null when status is not 'ok'. */
  rate: number | null;
  status: AreaRateStatus;
}

export const AREA_STATUS_LABELS: Record<Exclude<AreaRateStatus, 'ok'>, string> = {
  water: 'alleen water',
  onbekend: 'aantal inwoners onbekend (niet opgegeven of CBS: geheim)',
  'geen-inwoners': 'geen inwoners',
  'te-weinig-inwoners': `minder dan ${MIN_INHABITANTS_FOR_RATE} inwoners`,
};

/** Unknown: NULL, or CBS's large negative sentinels for suppressed values (−99997, …). */
export function isSuppressed(value: number | null): boolean {
  return value === null || !Number.isFinite(value) || value <= -99990;
}

export function computeAreaRates(
  areas: readonly AreaInput[],
  counts: ReadonlyMap<string, number>,
): AreaRate[] {
  return areas.map((area) => {
    const count = counts.get(area.code) ?? 0;
    const inhabitants = isSuppressed(area.inhabitants) ? null : area.inhabitants;
    let status: AreaRateStatus = 'ok';
    if (area.water === true) status = 'water';
    else if (inhabitants === null) status = 'onbekend';
    else if (inhabitants <= 0) status = 'geen-inwoners';
    else if (inhabitants < MIN_INHABITANTS_FOR_RATE) status = 'te-weinig-inwoners';
    return {
      code: area.code,
      name: area.name ?? area.code,
      count,
      inhabitants,
      rate: status === 'ok' ? (count / inhabitants!) * 1000 : null,
      status,
    };
  });
}

/**
 * Upper bounds of `classes` quantile classes of the values (ascending, the last = max), so
 * each colour holds about as many areas. Repeated bounds are merged.
 */
export function quantileBreaks(values: readonly number[], classes: number): number[] {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0 || classes < 1) return [];
  const breaks: number[] = [];
  for (let k = 1; k <= classes; k++) {
    const value = sorted[Math.min(sorted.length - 1, Math.ceil((k * sorted.length) / classes) - 1)];
    if (breaks.length === 0 || value > breaks[breaks.length - 1]) breaks.push(value);
  }
  return breaks;
}

/** Index of the class of `value` for breaks from quantileBreaks. */
export function classOf(value: number, breaks: readonly number[]): number {
  for (let i = 0; i < breaks.length; i++) if (value <= breaks[i]) return i;
  return breaks.length - 1;
}
