/**
 * Presence versus demand per wijk: visit hours per 100 units of demand (meldingen plus
 * incidents), compared with the median of the other wijken. A wijk is flagged
 * 'onderbezet' when it gets less than `lowRatio` (default ½) of that median while its
 * demand is at least the median demand of all wijken: high demand, low presence — the
 * wijk where a manager should look first. A low ratio with low demand is 'weinig
 * aanwezigheid'; more than `highRatio` (default 2×) is 'ruim bezet'.
 *
 * The median of the other wijken (not the mean) keeps one extreme wijk from setting the
 * norm; the same comparison defines the planted under-served wijk in data/truth.json
 * (`strength_basis.presence`).
 */

export interface PresenceInput {
  wijkcode: string;
  /** Meldingen + incidents in the period. */
  demand: number;
  visitHours: number;
}

export type PresenceFlag =
  'onderbezet' | 'weinig aanwezigheid' | 'ruim bezet' | 'in lijn' | 'te weinig gegevens';

export interface PresenceResult extends PresenceInput {
  /** Visit hours per 100 demand; null without demand. */
  hoursPer100: number | null;
  /** hoursPer100 divided by the median of the other wijken; null when undefined. */
  ratioToOthers: number | null;
  flag: PresenceFlag;
  /** Plain Dutch. */
  explanation: string;
}

export interface PresenceOptions {
  lowRatio?: number;
  highRatio?: number;
  /** Below this demand a wijk is not judged (default 20). */
  minDemand?: number;
}

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const nl = (value: number, decimals = 1) => value.toFixed(decimals).replace('.', ',');

/** Judges every wijk's presence against the others. */
export function assessPresence(
  rows: readonly PresenceInput[],
  options: PresenceOptions = {},
): PresenceResult[] {
  const lowRatio = options.lowRatio ?? 0.5;
  const highRatio = options.highRatio ?? 2;
  const minDemand = options.minDemand ?? 20;
  const judged = rows.filter((r) => r.demand >= minDemand);
  const medianDemand = median(judged.map((r) => r.demand)) ?? 0;
  const rateOf = (r: PresenceInput) => (100 * r.visitHours) / r.demand;
  return rows.map((row) => {
    const hoursPer100 = row.demand > 0 ? rateOf(row) : null;
    const base = { ...row, hoursPer100 };
    if (row.demand < minDemand || hoursPer100 === null) {
      return {
        ...base,
        ratioToOthers: null,
        flag: 'te weinig gegevens' as const,
        explanation: `Te weinig meldingen en incidenten (minder dan ${minDemand}) om de aanwezigheid te beoordelen.`,
      };
    }
    const others = median(judged.filter((r) => r !== row).map(rateOf));
    if (others === null || others === 0) {
      return {
        ...base,
        ratioToOthers: null,
        flag: 'te weinig gegevens' as const,
        explanation: 'Geen andere wijken om mee te vergelijken.',
      };
    }
    const ratio = hoursPer100 / others;
    const compared = `${nl(hoursPer100)} bezoekuren per 100 meldingen en incidenten, tegen ${nl(others)} in de andere wijken (mediaan): ${nl(ratio, 2)} keer zoveel`;
    let flag: PresenceFlag = 'in lijn';
    let verdict = 'in lijn met de andere wijken.';
    if (ratio < lowRatio && row.demand >= medianDemand) {
      flag = 'onderbezet';
      verdict = 'veel vraag maar weinig aanwezigheid: onderbezet.';
    } else if (ratio < lowRatio) {
      flag = 'weinig aanwezigheid';
      verdict = 'weinig aanwezigheid, bij een lage vraag.';
    } else if (ratio > highRatio) {
      flag = 'ruim bezet';
      verdict = 'veel aanwezigheid voor de vraag.';
    }
    return { ...base, ratioToOthers: ratio, flag, explanation: `${compared}; ${verdict}` };
  });
}
