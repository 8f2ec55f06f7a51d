/**
 * The management report's tables as display strings, with every count below 5 shown as
 * "<5" (PRODUCT.md, Privacy) — also inside sentences, so a trend line never reads
 * "van 3 naar 6". No statistic computed from a hidden count is printed beside it (p-value,
 * hours per 100, success measure, WDQ: "—"), and the outcome shares, which add up to the
 * shown total, get complementary suppression (analysis/suppression.ts).
 */
import {
  type DisplacementInput,
  type DisplacementNotComputable,
  type DisplacementResult,
} from './displacement';
import { ZONES, ZONE_LABELS } from './intervention-zones';
import type { DemandTrend, KpiTotals } from './management-kpis';
import { OUTCOME_CLASS_LABELS, type WijkThemeOutcomes } from './outcome-consistency';
import type { PresenceResult } from './presence-demand';
import { formatPValue } from './trend-flags';
import {
  COMPLEMENT_MARK,
  formatCount as suppressCount,
  isSmallCount,
  protectCells,
  SUPPRESSION_THRESHOLD,
  WITHHELD,
  WITHHELD_TEXT,
} from './suppression';

const nl1 = (value: number) =>
  new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 1, minimumFractionDigits: 1 }).format(
    value,
  );

export interface ReportKpiRow {
  wijk: string;
  meldingen: string;
  incidents: string;
  visits: string;
  visitHours: string;
  hoursPer100: string;
  presence: string;
}

export function buildReportKpiRow(
  wijk: string,
  totals: KpiTotals,
  presence: PresenceResult | null,
): ReportKpiRow {
  // Hours per 100 of demand with the hours shown give demand back, and so a hidden part of it.
  const smallDemand =
    totals.meldingen + totals.incidents < SUPPRESSION_THRESHOLD ||
    isSmallCount(totals.meldingen) ||
    isSmallCount(totals.incidents);
  return {
    wijk,
    meldingen: suppressCount(totals.meldingen),
    incidents: suppressCount(totals.incidents),
    visits: suppressCount(totals.visits),
    // Hours of fewer than 5 visits could point to one handhaver's shift.
    visitHours: totals.visits < SUPPRESSION_THRESHOLD ? '–' : nl1(totals.visitHours),
    hoursPer100:
      smallDemand || totals.visits < SUPPRESSION_THRESHOLD || presence?.hoursPer100 == null
        ? '–'
        : nl1(presence.hoursPer100),
    presence: presence?.flag ?? 'te weinig gegevens',
  };
}

export interface ReportTrendRow {
  label: string;
  previous: string;
  current: string;
  flag: string;
  pValue: string;
}

export function buildReportTrendRow(label: string, trend: DemandTrend): ReportTrendRow {
  const c = trend.comparison;
  return {
    label,
    previous: c ? suppressCount(c.referenceCount) : '–',
    current: c ? suppressCount(c.currentCount) : '–',
    flag: c ? c.flag : 'onvoldoende gegevens',
    // After correction for the whole table (Holm), the p-value the flag rests on; not
    // beside a hidden count, which it would give back with the other count.
    pValue: !c
      ? '–'
      : isSmallCount(c.referenceCount) || isSmallCount(c.currentCount)
        ? WITHHELD
        : formatPValue(c.adjustedPValue),
  };
}

export interface ReportOutcomeRow {
  label: string;
  total: string;
  shares: string[];
  highlighted: boolean;
  explanation: string;
}

export function buildReportOutcomeRow(label: string, cell: WijkThemeOutcomes): ReportOutcomeRow {
  const small = cell.total < SUPPRESSION_THRESHOLD;
  const smallShares = cell.shares.some((s) => isSmallCount(s.count));
  // A share of a shown total is a count: the shares add up to the total like a table row.
  const states = protectCells(
    [cell.total, ...cell.shares.map((s) => s.count)],
    [{ totals: [0], parts: cell.shares.map((_, i) => i + 1) }],
  );
  return {
    label,
    total: states[0] === 'complement' ? COMPLEMENT_MARK : suppressCount(cell.total),
    shares: cell.shares.map((s, i) =>
      small || states[i + 1] === 'small'
        ? s.count === 0 && !small
          ? '0%'
          : '<5 zaken'
        : states[i + 1] === 'complement'
          ? COMPLEMENT_MARK
          : `${Math.round(s.share * 100)}%`,
    ),
    highlighted: cell.highlighted,
    explanation: smallShares ? explainWithoutNumbers(cell) : cell.explanation,
  };
}

/** The explanation without percentages, which would give a count below 5 away. */
function explainWithoutNumbers(cell: WijkThemeOutcomes): string {
  const notes = cell.shares
    .filter((s) => s.highlighted && s.shareElsewhere !== null)
    .map(
      (s) =>
        `${OUTCOME_CLASS_LABELS[s.outcome].toLowerCase()} ${s.share > s.shareElsewhere! ? 'vaker' : 'minder vaak'}`,
    );
  return notes.length > 0 ? `Anders afgehandeld dan elders: ${notes.join('; ')}.` : '';
}

export const REPORT_OUTCOME_HEADERS = Object.values(OUTCOME_CLASS_LABELS);

export interface ReportEvaluationRow {
  zone: string;
  before: string;
  after: string;
}

export interface ReportEvaluation {
  rows: ReportEvaluationRow[];
  wdq: string;
  successMeasure: string;
  /** The verdict in words: the net effect of target and buffer together (net-effect.ts). */
  interpretation: string;
  /** The one sentence with the WDQ and its reading; null when it is withheld. */
  wdqText: string | null;
}

const signed = (value: number, decimals: number) =>
  (value < 0 ? '−' : '') + Math.abs(value).toFixed(decimals).replace('.', ',');

export function buildReportEvaluation(
  counts: DisplacementInput,
  result: DisplacementResult | DisplacementNotComputable,
): ReportEvaluation {
  const rows = ZONES.map((zone) => ({
    zone: ZONE_LABELS[zone],
    before: suppressCount(counts[zone].before),
    after: suppressCount(counts[zone].after),
  }));
  // The success measure (3 decimals) and the WDQ (2) give the zone counts back exactly.
  const small = ZONES.some((z) => isSmallCount(counts[z].before) || isSmallCount(counts[z].after));
  if (small) {
    return {
      rows,
      wdq: WITHHELD,
      successMeasure: WITHHELD,
      interpretation: `Netto-effect, succesmaat en WDQ ${WITHHELD_TEXT}: ze zouden een klein aantal in de tabel terug laten rekenen.`,
      wdqText: null,
    };
  }
  const wdq = result.computable ? signed(result.wdq, 2) : 'niet te berekenen';
  const successMeasure = result.successMeasure === null ? '–' : signed(result.successMeasure, 3);
  // Once: the verdict says nothing of the WDQ, the WDQ sentence says it with its reading.
  const wdqText = result.computable
    ? `WDQ: ${wdq}; succesmaat ${successMeasure}. ${result.reading}`
    : `WDQ: ${result.reason.replace(/^Niet te berekenen: /, 'niet te berekenen: ')}`;
  return { rows, wdq, successMeasure, interpretation: result.net.explanation, wdqText };
}
