/**
 * The briefing's forecast in both directions: what it stores when shown (the expected
 * hotspots of a dagdeel still to come), and the line in Dutch on how the forecasts of the
 * weeks before came out ("Voorspelling vorige weken: …").
 */
import {
  dateToLocalMs,
  formatDate,
  type BriefingMoment,
  type Dagdeel,
} from '$lib/analysis/briefing';
import type { SourcedScore } from '$lib/analysis/forecast-score';
import { scoreCountsHidden } from '$lib/analysis/forecast-score-table';
import { WITHHELD_TEXT } from '$lib/analysis/suppression';
import type { StoredForecast } from '$lib/data/forecast-store';
import { formatDay, formatDecimal } from '$lib/format/nl';
import { dagdeelPlural } from './briefing-format';
import { BACKTEST } from './forecast-scoring';

const DAY = 86_400_000;
const HOUR = 3_600_000;

/** Days scored on a briefing's line: the four weeks before its date. */
export const TRACK_DAYS = 28;

/**
 * The forecast a briefing stores when shown: only for a dagdeel that has not ended yet at
 * `nowLocalMs` (a briefing opened afterwards looks back; it was not a forecast).
 */
export function forecastToStore(
  moment: BriefingMoment,
  cells: readonly { q: number; r: number }[],
  context: { nowLocalMs: number; size: number; weeks: number; data: string; storedAt: string },
): StoredForecast | null {
  const end = dateToLocalMs(moment.date) + moment.dagdeel.endHour * HOUR;
  if (context.nowLocalMs >= end) return null;
  return {
    date: moment.date,
    dagdeel: moment.dagdeel.id,
    size: context.size,
    cells: cells.map(({ q, r }) => ({ q, r })),
    data: context.data,
    weeks: context.weeks,
    storedAt: context.storedAt,
  };
}

/**
 * The days a briefing's line scores: the TRACK_DAYS before its date, up to the last day
 * whose dagdeel the data cover (`lastRecord`, local epoch ms); null when there is none.
 */
export function trackPeriod(
  moment: BriefingMoment,
  lastRecord: number | null,
): { firstDay: string; lastDay: string } | null {
  if (lastRecord === null) return null;
  const day = dateToLocalMs(moment.date);
  // The data's last day counts once they reach into the dagdeel's last hour.
  const lastDataDay = Math.floor(lastRecord / DAY) * DAY;
  const complete = lastRecord >= lastDataDay + (moment.dagdeel.endHour - 1) * HOUR;
  const firstDay = formatDate(day - TRACK_DAYS * DAY);
  const lastDay = formatDate(Math.min(day - DAY, complete ? lastDataDay : lastDataDay - DAY));
  return lastDay < firstDay ? null : { firstDay, lastDay };
}

export interface ForecastTrack {
  /** "Voorspelling vorige weken: 3 van 5 verwachte hotspots hadden registraties (…)". */
  headline: string;
  /** Which forecasts were scored: stored by briefings, or recomputed. */
  basis: string;
  source: SourcedScore['source'] | null;
}

const percent = (share: number) => `${formatDecimal(share * 100, 0)} %`;

/** PAI as shown: not beside a count below the threshold it is computed from. */
function describePai(score: SourcedScore): string {
  if (!score.pai.computable) return 'PAI niet te berekenen';
  if (scoreCountsHidden(score)) return `PAI ${WITHHELD_TEXT}`;
  return `PAI ${formatDecimal(score.pai.pai, 1)}`;
}

const LEAD = 'Voorspelling vorige weken';

/** The line for one dagdeel's score over `period`; `score` null: no day with data. */
export function describeForecastTrack(
  dagdeel: Dagdeel,
  score: SourcedScore | null,
  period: { firstDay: string; lastDay: string } | null,
  weeks: number,
): ForecastTrack {
  if (!score || !period) {
    return {
      headline: `${LEAD}: nog geen gegevens van de afgelopen weken om aan te toetsen.`,
      basis: '',
      source: null,
    };
  }
  const days = `${formatDay(period.firstDay)} t/m ${formatDay(period.lastDay)}`;
  const plural = dagdeelPlural(dagdeel);
  const stored =
    score.forecasts === 1
      ? '1 briefing die in deze browser is opgeslagen'
      : `${score.forecasts} briefings die in deze browser zijn opgeslagen`;
  const basis =
    score.source === 'stored'
      ? `Uit ${stored}, ${plural} van ${days}. ` + 'PAI 1 is toeval, hoger is beter.'
      : `Teruggerekend, want nog geen opgeslagen briefings: de ${BACKTEST.top} drukste plekken ` +
        `van de ${weeks} weken ervoor, ${plural} van ${days}. PAI 1 is toeval, hoger is beter.`;
  if (score.briefings === 0) {
    const headline =
      score.source === 'stored'
        ? `${LEAD}: de opgeslagen briefings noemden geen duidelijke hotspot.`
        : `${LEAD}: te weinig registraties voor een verwachting.`;
    return { headline, basis, source: score.source };
  }
  const { hotspotsWithHit: x, hotspots: y } = score;
  const headline =
    `${LEAD}: ${x} van ${y} verwachte hotspots hadden registraties ` +
    `(trefkans ${percent(x / y)}, ${describePai(score)}).`;
  return { headline, basis, source: score.source };
}
