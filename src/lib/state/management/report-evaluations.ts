/**
 * The report's intervention evaluations: every intervention with default settings (or the
 * settings chosen in the Management view), and a wijk chosen there, each counted into
 * target, buffer and control, judged (displacement.ts, net-effect.ts) and binned for the
 * report's chart (report-series.ts).
 */
import { computeDisplacement, type DisplacementInput } from '$lib/analysis/displacement';
import type { DisplacementNotComputable, DisplacementResult } from '$lib/analysis/displacement';
import {
  buildZoneClassifier,
  countZones,
  previousPeriod,
  type AreaGeometry,
  type Period,
  type ZoneRecord,
} from '$lib/analysis/intervention-zones';
import { buildReportEvaluation, type ReportEvaluation } from '$lib/analysis/management-report';
import { buildReportZoneChart, type ZoneBin } from '$lib/analysis/report-series';
import type { Connector } from '$lib/data/connector';
import {
  buildEvaluationRecordsQuery,
  buildInterventionsQuery,
  type InterventionRow,
} from '$lib/data/queries/management';
import { THEME_LABELS, type Theme } from '$lib/data/themes';
import type { Wijk } from './management.svelte';
import type { ManagementView } from './management-url';

/** Default buffer of the report's evaluations, in metres. */
export const REPORT_BUFFER_M = 400;

export interface ReportInterventionEvaluation {
  id: string;
  name: string;
  theme: string;
  /** Plain Dutch: buffer, control area, categories. */
  settings: string;
  before: Period;
  after: Period;
  table: ReportEvaluation;
  counts: DisplacementInput;
  result: DisplacementResult | DisplacementNotComputable;
  /** The chart's points: blocks of `monthsPerPoint` months, small counts left out (null). */
  bins: ZoneBin[];
  monthsPerPoint: number;
  /** The chart's marker: the intervention's start, or the start of the period after. */
  start: { date: string; label: string };
}

const themeLabel = (theme: string) => THEME_LABELS[theme as Theme] ?? theme;

interface EvaluationArea {
  id: string;
  name: string;
  geometry: AreaGeometry;
  theme: string | null;
  categories: readonly string[];
  bufferM: number;
  controlWijk: string;
  before: Period;
  after: Period;
  start: { date: string; label: string };
}

/** The area with the evaluation settings chosen in the Management view. */
function withView(area: EvaluationArea, view: ManagementView): EvaluationArea {
  const next = { ...area };
  if (view.evaluationTheme !== undefined) next.theme = view.evaluationTheme || null;
  if (view.categories) next.categories = view.categories;
  if (view.bufferM !== undefined) next.bufferM = view.bufferM;
  if (view.controlWijk) next.controlWijk = view.controlWijk;
  if (view.before && view.after) [next.before, next.after] = [view.before, view.after];
  return next;
}

/** The areas to evaluate: each intervention, and the wijk chosen in the view. */
function areasOf(
  interventions: readonly InterventionRow[],
  wijken: readonly Wijk[],
  view: ManagementView,
  lastDay: string | null,
): EvaluationArea[] {
  const areas: EvaluationArea[] = interventions.map((i) => {
    const after = { from: i.start_date, to: i.end_date ?? lastDay ?? i.start_date };
    const area: EvaluationArea = {
      id: i.id,
      name: i.name,
      geometry: JSON.parse(i.geometry) as AreaGeometry,
      theme: i.theme,
      categories: [],
      bufferM: REPORT_BUFFER_M,
      controlWijk: '',
      before: previousPeriod(after),
      after,
      start: { date: i.start_date, label: 'start interventie' },
    };
    return view.area?.kind === 'interventie' && view.area.id === i.id ? withView(area, view) : area;
  });
  const wijk = wijken.find((w) => view.area?.kind === 'wijk' && w.code === view.area.id);
  if (wijk && view.before && view.after) {
    const area: EvaluationArea = {
      id: wijk.code,
      name: `Wijk ${wijk.name}`,
      geometry: JSON.parse(wijk.geometry) as AreaGeometry,
      theme: null,
      categories: [],
      bufferM: REPORT_BUFFER_M,
      controlWijk: '',
      before: view.before,
      after: view.after,
      start: { date: view.after.from, label: 'begin periode erna' },
    };
    areas.push(withView(area, view));
  }
  return areas;
}

export async function evaluateForReport(
  conn: Connector,
  wijken: readonly Wijk[],
  wijkName: (code: string) => string,
  view: ManagementView,
  lastDay: string | null,
): Promise<ReportInterventionEvaluation[]> {
  const interventions = await conn.query<InterventionRow>(buildInterventionsQuery());
  const out: ReportInterventionEvaluation[] = [];
  for (const a of areasOf(interventions, wijken, view, lastDay)) {
    const records = await conn.query<ZoneRecord>(
      buildEvaluationRecordsQuery({
        theme: a.theme,
        categories: a.categories,
        period: { from: a.before.from, to: a.after.to },
      }),
    );
    const setup = {
      target: a.geometry,
      bufferM: a.bufferM,
      controlWijken: a.controlWijk ? [a.controlWijk] : [],
    };
    const periods = { before: a.before, after: a.after };
    const { counts } = countZones(records, setup, periods);
    const result = computeDisplacement(counts);
    const control = a.controlWijk ? `wijk ${wijkName(a.controlWijk)}` : 'de rest van de gemeente';
    const categories = a.categories.length > 0 ? `, categorieën ${a.categories.join(', ')}` : '';
    out.push({
      id: a.id,
      name: a.name,
      theme: a.theme ? themeLabel(a.theme) : "alle thema's",
      settings: `Buffer ${a.bufferM} m, controlegebied ${control}${categories}.`,
      before: a.before,
      after: a.after,
      table: buildReportEvaluation(counts, result),
      counts,
      result,
      ...buildReportZoneChart(records, buildZoneClassifier(setup), periods),
      start: a.start,
    });
  }
  return out;
}
