/**
 * The management report's tables as display strings, with every count below 5 shown as
 * "<5" (PRODUCT.md, Privacy) — also inside sentences, so a trend line never reads
 * "van 3 naar 6". Shares are only given where the count behind them is at least 5.
 */
import {
  evaluationText,
  type DisplacementInput,
  type DisplacementNotComputable,
  type DisplacementResult,
} from './displacement';
import { ZONES, ZONE_LABELS } from './intervention-zones';
import {
  suppressCount,
  SUPPRESSION_THRESHOLD,
  type DemandTrend,
  type KpiTotals,
} from './management-kpis';
import { OUTCOME_CLASS_LABELS, type WijkThemeOutcomes } from './outcome-consistency';
import type { PresenceResult } from './presence-demand';
import { formatPValue } from './trend-flags';

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
  const demand = totals.meldingen + totals.incidents;
  const smallDemand = demand < SUPPRESSION_THRESHOLD;
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
    // After correction for the whole table (Holm), the p-value the flag rests on.
    pValue: c ? formatPValue(c.adjustedPValue) : '–',
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
  const smallShares = cell.shares.some((s) => s.count > 0 && s.count < SUPPRESSION_THRESHOLD);
  return {
    label,
    total: suppressCount(cell.total),
    shares: cell.shares.map((s) =>
      small || s.count < SUPPRESSION_THRESHOLD
        ? s.count === 0 && !small
          ? '0%'
          : '<5 zaken'
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
  interpretation: string;
}

const signed = (value: number, decimals: number) =>
  (value < 0 ? '−' : '') + Math.abs(value).toFixed(decimals).replace('.', ',');

export function buildReportEvaluation(
  counts: DisplacementInput,
  result: DisplacementResult | DisplacementNotComputable,
): ReportEvaluation {
  return {
    rows: ZONES.map((zone) => ({
      zone: ZONE_LABELS[zone],
      before: suppressCount(counts[zone].before),
      after: suppressCount(counts[zone].after),
    })),
    wdq: result.computable ? signed(result.wdq, 2) : 'niet te berekenen',
    successMeasure: result.successMeasure === null ? '–' : signed(result.successMeasure, 3),
    interpretation: evaluationText(result),
  };
}
