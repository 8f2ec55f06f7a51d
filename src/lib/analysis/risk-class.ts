/**
 * Risk classes of a building's risk score (risk-score.ts), for the map's colours, the list
 * and the legend. The bounds are fixed score values, not quantiles: a class must mean the
 * same thing today and next month, and for every municipality. With the default weights a
 * fresh signal right next to a building counts 2 to 5 points, so
 *
 *   hoog   score ≥ 15   several fresh, close signals (a pattern worth a visit now)
 *   middel score ≥ 5    about one or two fresh, close signals, or many old or distant ones
 *   laag   score > 0    a few old or distant signals
 *   geen   score = 0    no signal within the radius and period
 *
 * Raising weights raises scores, and with them the class: that is what a weight says.
 */

export const RISK_CLASSES = ['hoog', 'middel', 'laag', 'geen'] as const;
export type RiskClass = (typeof RISK_CLASSES)[number];

/** Lowest score of each class (inclusive); 'laag' is every score above 0. */
export const RISK_CLASS_BOUNDS = { hoog: 15, middel: 5 } as const;

export const RISK_CLASS_LABELS: Record<RiskClass, string> = {
  hoog: 'Hoog',
  middel: 'Middel',
  laag: 'Laag',
  geen: 'Geen signalen',
};

export function classifyRisk(score: number): RiskClass {
  if (!(score > 0)) return 'geen';
  if (score >= RISK_CLASS_BOUNDS.hoog) return 'hoog';
  if (score >= RISK_CLASS_BOUNDS.middel) return 'middel';
  return 'laag';
}

const number = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1 });

/** The bounds of a class in Dutch words, as the legend states them. */
export function describeRiskClass(cls: RiskClass): string {
  const { hoog, middel } = RISK_CLASS_BOUNDS;
  switch (cls) {
    case 'hoog':
      return `score ${number.format(hoog)} of hoger`;
    case 'middel':
      return `score ${number.format(middel)} tot ${number.format(hoog)}`;
    case 'laag':
      return `score boven 0, onder ${number.format(middel)}`;
    case 'geen':
      return 'score 0';
  }
}

export interface RiskLegendEntry {
  cls: RiskClass;
  label: string;
  bounds: string;
  /** How many of the given scores fall in the class. */
  count: number;
}

/** One legend row per class, highest first, with how many of `scores` it holds. */
export function buildRiskLegend(scores: readonly number[]): RiskLegendEntry[] {
  const counts = Object.fromEntries(RISK_CLASSES.map((c) => [c, 0])) as Record<RiskClass, number>;
  for (const s of scores) counts[classifyRisk(s)]++;
  return RISK_CLASSES.map((cls) => ({
    cls,
    label: RISK_CLASS_LABELS[cls],
    bounds: describeRiskClass(cls),
    count: counts[cls],
  }));
}

/**
 * The ranks that get a number on the map: the `count` best-ranked of the shown buildings
 * (ranks are over all buildings, as in the list), best first.
 */
export function labelledRanks(ranks: readonly number[], count: number): number[] {
  return [...ranks].sort((a, b) => a - b).slice(0, Math.max(0, count));
}
