/**
 * Emerging hot spots: per cell, the Mann-Kendall trend of its Gi* z-scores over time periods
 * and Esri's emerging hot spot patterns (shared/reference/statistics.md).
 *
 * Mann-Kendall (Mann 1945; Kendall 1975; Gilbert 1987, ch. 16):
 *   S = Σ_{k<j} sign(x_j − x_k)
 *   Var(S) = [n(n−1)(2n+5) − Σ_g t_g(t_g−1)(2t_g+5)] / 18   (t_g: size of tie group g)
 *   Z = (S − 1)/√Var(S) if S > 0, (S + 1)/√Var(S) if S < 0, else 0; p two-sided, normal.
 *
 * Patterns: Esri, "How Emerging Hot Spot Analysis works" (ArcGIS Pro, Space Time Pattern
 * Mining). English verbatim from the ArcGIS Pro 2.8 page (pro.arcgis.com/en/pro-app/2.8/
 * tool-reference/space-time-pattern-mining/learnmoreemerging.htm); the current page (3.x)
 * changed two of them, marked [3.x], and those current rules are the ones implemented.
 * Below each, the Dutch word-for-word translation. Cold spot patterns read the same with hot
 * and cold exchanged ("clustering of low counts" for intensifying/diminishing).
 *
 * - New Hot Spot: "A location that is a statistically significant hot spot for the final
 *   time step and has never been a statistically significant hot spot before."
 *   NL: Een locatie die in de laatste tijdstap een statistisch significante hotspot is en
 *   nooit eerder een statistisch significante hotspot is geweest.
 * - Consecutive Hot Spot [3.x]: "A location with a single uninterrupted run of at least two
 *   statistically significant hot spot bins in the final time-step intervals. The location
 *   has never been a statistically significant hot spot prior to the final hot spot run and
 *   less than 90 percent of all bins are statistically significant hot spots."
 *   NL: Een locatie met één ononderbroken reeks van ten minste twee statistisch significante
 *   hotspotbins in de laatste tijdstapintervallen. De locatie is vóór de laatste hotspotreeks
 *   nooit een statistisch significante hotspot geweest en minder dan 90 procent van alle bins
 *   zijn statistisch significante hotspots.
 * - Intensifying Hot Spot: "A location that has been a statistically significant hot spot
 *   for ninety percent of the time-step intervals, including the final time step. In
 *   addition, the intensity of clustering of high counts in each time step is increasing
 *   overall and that increase is statistically significant."
 *   NL: Een locatie die gedurende negentig procent van de tijdstapintervallen, inclusief de
 *   laatste tijdstap, een statistisch significante hotspot is geweest. Bovendien neemt de
 *   intensiteit van de clustering van hoge aantallen in elke tijdstap over het geheel toe en
 *   die toename is statistisch significant.
 * - Persistent Hot Spot: "A location that has been a statistically significant hot spot for
 *   ninety percent of the time-step intervals with no discernible trend indicating an
 *   increase or decrease in the intensity of clustering over time."
 *   NL: Een locatie die gedurende negentig procent van de tijdstapintervallen een statistisch
 *   significante hotspot is geweest, zonder waarneembare trend die wijst op een toename of
 *   afname van de intensiteit van de clustering in de tijd.
 * - Diminishing Hot Spot: "A location that has been a statistically significant hot spot for
 *   ninety percent of the time-step intervals, including the final time step. In addition,
 *   the intensity of clustering in each time step is decreasing overall and that decrease is
 *   statistically significant."
 *   NL: Een locatie die gedurende negentig procent van de tijdstapintervallen, inclusief de
 *   laatste tijdstap, een statistisch significante hotspot is geweest. Bovendien neemt de
 *   intensiteit van de clustering in elke tijdstap over het geheel af en die afname is
 *   statistisch significant.
 * - Sporadic Hot Spot [3.x]: "A statistically significant hot spot for the final time-step
 *   interval with a history of also being an on-again and off-again hot spot. Less than 90
 *   percent of the time-step intervals have been statistically significant hot spots and
 *   none of the time-step intervals have been statistically significant cold spots."
 *   (2.8: "A location that is an on-again then off-again hot spot. Less than ninety percent
 *   …" — without the final-step condition.)
 *   NL: Een statistisch significante hotspot in het laatste tijdstapinterval met een
 *   geschiedenis van ook afwisselend wel en niet een hotspot zijn. Minder dan 90 procent van
 *   de tijdstapintervallen zijn statistisch significante hotspots geweest en geen van de
 *   tijdstapintervallen is een statistisch significante coldspot geweest.
 * - Oscillating Hot Spot: "A statistically significant hot spot for the final time-step
 *   interval that has a history of also being a statistically significant cold spot during a
 *   prior time step. Less than ninety percent of the time-step intervals have been
 *   statistically significant hot spots."
 *   NL: Een statistisch significante hotspot in het laatste tijdstapinterval die in een
 *   eerdere tijdstap ook een statistisch significante coldspot is geweest. Minder dan
 *   negentig procent van de tijdstapintervallen zijn statistisch significante hotspots geweest.
 * - Historical Hot Spot: "The most recent time period is not hot, but at least ninety percent
 *   of the time-step intervals have been statistically significant hot spots."
 *   NL: De meest recente periode is niet heet, maar ten minste negentig procent van de
 *   tijdstapintervallen zijn statistisch significante hotspots geweest.
 * - No Pattern Detected: "Does not fall into any of the hot or cold spot patterns defined
 *   below." NL: Valt in geen van de hieronder gedefinieerde hot- of coldspotpatronen.
 *
 * Where the definitions overlap, a location that was ever a cold spot is oscillating rather
 * than new or consecutive (as in R sfdep's classify_hotspot). "90 percent" is ≥ 90 % of the
 * periods. The hot and cold spots of each period come from permutation p-values with BH-FDR
 * per period (gistar-permutation.ts), so a sparse period does not light up by chance (issue
 * 23: ~170 random points per quarter gave ~25 "Nieuwe hotspot" cells with normal p-values).
 *
 * Space-time neighbourhood. Esri's space-time cube gives every bin a neighbourhood in space
 * and in time: "Each bin is compared to its neighbors within the neighborhood distance and
 * the neighborhood time step" — the bins of its spatial neighbours in the same time step and
 * in the preceding k steps, with k = 1 by default (Esri, ArcGIS Pro, "How Create Space Time
 * Cube works" and "How Emerging Hot Spot Analysis works", Neighborhood Time Step). The same
 * here (EmergingOptions.timeSteps, default 1): bin (i, t) sums cell i's spatial neighbours
 * in periods t − 1 and t, the first period only its own, so its neighbourhood has 2·w_i
 * bins (w_i in the first period). A bin's significance thus rests on two periods of
 * evidence: a cell whose neighbourhood hovers at the significance boundary no longer flips
 * to "Nieuwe"/"Sporadische hotspot" on one seasonally busy quarter, while a cluster that
 * really sets in stays significant (its hot quarter also lifts the next bin). The price is
 * a lag: a spot that appears only in the final quarter is tested together with the quiet
 * quarter before it, so it needs a stronger signal to show as "Nieuwe hotspot".
 *
 * The null is that of the whole space-time cube, not of each period's map. ArcGIS's Emerging
 * Hot Spot Analysis computes the Gi* of every bin against the global mean and variance of
 * the entire cube (Esri, "How Emerging Hot Spot Analysis works": each bin is compared with
 * all bins of the cube; Getis & Ord 1992 for Gi*). Likewise the permutation reference here
 * is drawn from the cell values of all periods pooled, without rescaling per period
 * (computePooledPermutationPValues): a space-time neighbourhood of W bins of period t is
 * compared with random samples of W of the n·T cube values, E S_it = W·X̄_cube. With a per-period null the
 * same neighbourhood sum is judged against that period's map, so a cell whose own counts
 * never change can turn significant only because a big cluster elsewhere shrank — a false
 * "Nieuwe hotspot". Against the pooled cube a period's p-value moves with the cell's own
 * neighbourhood sum only (Benjamini-Hochberg still runs per period, so its cut-off does
 * depend on how many cells are flagged elsewhere in that period). The cost is the other side of the same coin: a period in which the whole map is
 * busier (or quieter) than the cube average shows more hot (cold) spots, as in ArcGIS.
 * The z-scores kept for display and for the Mann-Kendall trend remain each period's own,
 * purely spatial Gi* (computeGiStar per map; ArcGIS trends the space-time Gi*, which would
 * smooth the series by sharing a period between neighbouring bins); only which bins are
 * significant uses the space-time neighbourhood. The single-period map (Verkennen) keeps its
 * purely spatial per-map null.
 */
import type { NeighbourIndex } from './gistar';
import {
  computePooledPermutationHotspots,
  type PermutationHotspots,
  type SpaceTimeOptions,
} from './gistar-permutation';
import { mannKendall, type MannKendallResult } from './mann-kendall';

export { mannKendall, type MannKendallResult } from './mann-kendall';

export type EmergingPattern =
  | 'nieuw'
  | 'opeenvolgend'
  | 'intensiverend'
  | 'aanhoudend'
  | 'afnemend'
  | 'sporadisch'
  | 'oscillerend'
  | 'historisch';

export type EmergingCategory = `${EmergingPattern}-${'hotspot' | 'coldspot'}` | 'geen-patroon';

const PATTERN_LABELS: Record<EmergingPattern, string> = {
  nieuw: 'Nieuwe',
  opeenvolgend: 'Opeenvolgende',
  intensiverend: 'Intensiverende',
  aanhoudend: 'Aanhoudende',
  afnemend: 'Afnemende',
  sporadisch: 'Sporadische',
  oscillerend: 'Oscillerende',
  historisch: 'Historische',
};

function explain(pattern: EmergingPattern, spot: string, other: string): string {
  switch (pattern) {
    case 'nieuw':
      return `Pas in de laatste periode een ${spot}, daarvoor nooit.`;
    case 'opeenvolgend':
      return `De laatste periodes onafgebroken een ${spot} (minstens twee), daarvoor nooit.`;
    case 'intensiverend':
      return `Bijna altijd een ${spot} (90% van de periodes, ook de laatste) en het cluster wordt aantoonbaar sterker.`;
    case 'aanhoudend':
      return `Bijna altijd een ${spot} (90% van de periodes), zonder duidelijke trend in sterkte.`;
    case 'afnemend':
      return `Bijna altijd een ${spot} (90% van de periodes, ook de laatste), maar het cluster wordt aantoonbaar zwakker.`;
    case 'sporadisch':
      return `Nu een ${spot}, eerder af en aan, en nooit een ${other}.`;
    case 'oscillerend':
      return `Nu een ${spot}, terwijl het in een eerdere periode een ${other} was.`;
    case 'historisch':
      return `Vroeger bijna altijd een ${spot} (90% van de periodes), nu niet meer.`;
  }
}

/** Dutch legend label and one-sentence explanation per category. */
export const EMERGING_CATEGORIES = ((): Record<
  EmergingCategory,
  { label: string; uitleg: string }
> => {
  const out = {
    'geen-patroon': {
      label: 'Geen patroon',
      uitleg: 'Over de periodes heen geen van de hot- of coldspotpatronen.',
    },
  } as Record<EmergingCategory, { label: string; uitleg: string }>;
  for (const pattern of Object.keys(PATTERN_LABELS) as EmergingPattern[]) {
    out[`${pattern}-hotspot`] = {
      label: `${PATTERN_LABELS[pattern]} hotspot`,
      uitleg: explain(pattern, 'hotspot', 'coldspot'),
    };
    out[`${pattern}-coldspot`] = {
      label: `${PATTERN_LABELS[pattern]} coldspot`,
      uitleg: explain(pattern, 'coldspot', 'hotspot'),
    };
  }
  return out;
})();

export interface EmergingOptions extends SpaceTimeOptions {
  /** Neighbourhood time step of the significance test (default 1, as ArcGIS; 0 gives purely
   * spatial neighbourhoods per period). */
  timeSteps?: number;
  /** Two-sided significance level of the Mann-Kendall trend (default 0.05). */
  trendAlpha?: number;
  /** Lowest confidence class counted as a significant hot/cold spot: 1 (90 %, default),
   * 2 (95 %) or 3 (99 %). */
  minConfidence?: 1 | 2 | 3;
}

/**
 * The emerging hot spot category of one cell from its per-period Gi* z-scores and
 * confidence classes (oldest period first; classes as computeHotspots, FDR-corrected).
 */
export function classifyEmerging(
  z: ArrayLike<number>,
  confidence: ArrayLike<number>,
  options: EmergingOptions = {},
): { category: EmergingCategory; trend: MannKendallResult } {
  const n = z.length;
  if (confidence.length !== n || n === 0) throw new RangeError('one z and class per period');
  const alpha = options.trendAlpha ?? 0.05;
  const min = options.minConfidence ?? 1;
  const trend = mannKendall(z);
  const count = (sign: number) => {
    let c = 0;
    for (let t = 0; t < n; t++) if (confidence[t] * sign >= min) c++;
    return c;
  };
  const mostly = (c: number) => c * 10 >= 9 * n; // ≥ 90 % of the periods, exact in integers
  const finalSign = confidence[n - 1] >= min ? 1 : confidence[n - 1] <= -min ? -1 : 0;

  if (finalSign === 0) {
    if (mostly(count(1))) return { category: 'historisch-hotspot', trend };
    if (mostly(count(-1))) return { category: 'historisch-coldspot', trend };
    return { category: 'geen-patroon', trend };
  }
  const spot = finalSign > 0 ? 'hotspot' : 'coldspot';
  const own = count(finalSign);
  let pattern: EmergingPattern;
  if (mostly(own)) {
    const significant = trend.p <= alpha && trend.s !== 0;
    // For a cold spot, "intensifying" is a z-score falling further below zero.
    if (significant && Math.sign(trend.s) === finalSign) pattern = 'intensiverend';
    else if (significant) pattern = 'afnemend';
    else pattern = 'aanhoudend';
  } else if (count(-finalSign) > 0) {
    pattern = 'oscillerend';
  } else if (own === 1) {
    pattern = 'nieuw';
  } else {
    let run = 0;
    while (run < n && confidence[n - 1 - run] * finalSign >= min) run++;
    pattern = run >= 2 && run === own ? 'opeenvolgend' : 'sporadisch';
  }
  return { category: `${pattern}-${spot}`, trend };
}

export interface EmergingResult {
  categories: EmergingCategory[];
  /** Mann-Kendall Z and p of each cell's z-score series. */
  trendZ: Float64Array;
  trendP: Float64Array;
  /** Gi* per period (oldest first). */
  periods: PermutationHotspots[];
  /** In no period could any cell reach significance (too few records). */
  tooFew: boolean;
}

/** Gi* with FDR per period over the same cells and space-time neighbourhoods, then the
 * emerging category per cell. `valuesPerPeriod[t][i]` is the count of cell i in period t. */
export function computeEmergingHotspots(
  valuesPerPeriod: readonly ArrayLike<number>[],
  index: NeighbourIndex,
  options: EmergingOptions = {},
): EmergingResult {
  // One reference for all periods, the pooled space-time cube, and space-time
  // neighbourhoods of one time step back (see the module header).
  const periods = computePooledPermutationHotspots(valuesPerPeriod, index, {
    ...options,
    timeSteps: options.timeSteps ?? 1,
  });
  const n = index.n;
  const categories: EmergingCategory[] = new Array(n);
  const trendZ = new Float64Array(n);
  const trendP = new Float64Array(n);
  const z = new Float64Array(periods.length);
  const confidence = new Int8Array(periods.length);
  for (let i = 0; i < n; i++) {
    for (let t = 0; t < periods.length; t++) {
      z[t] = periods[t].z[i];
      confidence[t] = periods[t].confidence[i];
    }
    const result = classifyEmerging(z, confidence, options);
    categories[i] = result.category;
    trendZ[i] = result.trend.z;
    trendP[i] = result.trend.p;
  }
  return { categories, trendZ, trendP, periods, tooFew: periods.every((p) => p.tooFew) };
}
