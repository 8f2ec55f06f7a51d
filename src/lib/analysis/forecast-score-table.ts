/**
 * The briefing's forecast scores as Management shows them (one row per dagdeel), with the
 * small-count rule of every shared output (PRODUCT.md, Privacy; analysis/suppression.ts):
 * registrations in the expected hotspots, and all of them, read "<5" for 1–4, and nothing
 * derived from such a count stands beside it — not the PAI, and not the hits either: every
 * briefing with a hit and every hotspot with a hit holds at least one of those
 * registrations, so "4 van 20 verwachte hotspots" beside "<5" would give the 4 back.
 */
import { formatCount } from '$lib/format/nl';
import type { SourcedScore } from './forecast-score';
import { formatCount as registrations, isSmallCount, WITHHELD } from './suppression';

/** The cells of one row as text; "–": nothing to show (no briefing scored). */
export interface ForecastScoreCells {
  briefings: string;
  /** Briefings with a registration in an expected hotspot: "12 (43%)". */
  withHit: string;
  /** Expected hotspots with a registration: "30 van 140 (21%)". */
  hotspotsWithHit: string;
  /** "<5 van 37". */
  events: string;
  pai: string;
  /** The PAI where it is shown, for the page's data attribute; null otherwise. */
  paiValue: number | null;
}

const NOTHING = '–';
const pct = (share: number) => `${Math.round(share * 100)}%`;

/** True when a count the score's hits and PAI follow from is hidden (1–4). */
export function scoreCountsHidden(
  score: Pick<SourcedScore, 'eventsInHotspots' | 'totalEvents'>,
): boolean {
  return isSmallCount(score.eventsInHotspots) || isSmallCount(score.totalEvents);
}

export function forecastScoreCells(score: SourcedScore): ForecastScoreCells {
  const hidden = scoreCountsHidden(score);
  const derived = (shown: () => string) => (hidden ? WITHHELD : shown());
  const paiShown = score.pai.computable && !hidden;
  return {
    briefings: formatCount(score.briefings),
    withHit: score.briefings
      ? derived(() => `${formatCount(score.withHit)} (${pct(score.withHit / score.briefings)})`)
      : NOTHING,
    hotspotsWithHit: score.hotspots
      ? derived(
          () =>
            `${formatCount(score.hotspotsWithHit)} van ${formatCount(score.hotspots)} ` +
            `(${pct(score.hotspotsWithHit / score.hotspots)})`,
        )
      : NOTHING,
    events: `${registrations(score.eventsInHotspots)} van ${registrations(score.totalEvents)}`,
    pai: !score.pai.computable
      ? NOTHING
      : paiShown
        ? score.pai.pai.toFixed(1).replace('.', ',')
        : WITHHELD,
    paiValue: paiShown && score.pai.computable ? score.pai.pai : null,
  };
}
