/**
 * The printable management report: KPIs, demand trends, presence, outcome differences and
 * the interventions' evaluations for a period and a selection of wijken, all as display
 * strings with counts below 5 shown as "<5" (analysis/management-report.ts).
 */
import { errorText } from '$lib/data/engine-errors';
import { computeDisplacement } from '$lib/analysis/displacement';
import {
  countZones,
  previousPeriod,
  type AreaGeometry,
  type Period,
  type ZoneRecord,
} from '$lib/analysis/intervention-zones';
import {
  buildReportEvaluation,
  buildReportKpiRow,
  buildReportOutcomeRow,
  buildReportTrendRow,
  type ReportEvaluation,
  type ReportKpiRow,
  type ReportOutcomeRow,
  type ReportTrendRow,
} from '$lib/analysis/management-report';
import { periodDates } from '$lib/analysis/management-kpis';
import type { Connector } from '$lib/data/connector';
import {
  buildEvaluationRecordsQuery,
  buildInterventionsQuery,
  type InterventionRow,
} from '$lib/data/queries/management';
import { THEME_LABELS, type Theme } from '$lib/data/themes';
import { ManagementModel } from './management.svelte';
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

export class ReportModel {
  readonly kpis = new ManagementModel();
  /** Selected wijkcodes; empty: all. */
  selection = $state.raw<string[]>([]);
  evaluations = $state.raw<ReportInterventionEvaluation[]>([]);
  error = $state<string | null>(null);

  async load(conn: Connector, view: ManagementView = {}): Promise<void> {
    await this.kpis.load(conn, view.period);
    try {
      this.evaluations = await this.#evaluate(conn, view);
    } catch (error) {
      this.error = errorText(error);
    }
  }

  /** Every intervention with default settings, or the settings chosen in the view. */
  async #evaluate(conn: Connector, view: ManagementView): Promise<ReportInterventionEvaluation[]> {
    const interventions = await conn.query<InterventionRow>(buildInterventionsQuery());
    const last = this.kpis.coverage?.to;
    const lastDay = last ? periodDates({ from: last, to: last }).to : null;
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
      };
      return view.area?.kind === 'interventie' && view.area.id === i.id
        ? withView(area, view)
        : area;
    });
    const wijk = this.kpis.wijken.find(
      (w) => view.area?.kind === 'wijk' && w.code === view.area.id,
    );
    if (wijk && view.before && view.after) {
      areas.push(
        withView(
          {
            id: wijk.code,
            name: `Wijk ${wijk.name}`,
            geometry: JSON.parse(wijk.geometry) as AreaGeometry,
            theme: null,
            categories: [],
            bufferM: REPORT_BUFFER_M,
            controlWijk: '',
            before: view.before,
            after: view.after,
          },
          view,
        ),
      );
    }
    const out: ReportInterventionEvaluation[] = [];
    for (const a of areas) {
      const records = await conn.query<ZoneRecord>(
        buildEvaluationRecordsQuery({
          theme: a.theme,
          categories: a.categories,
          period: { from: a.before.from, to: a.after.to },
        }),
      );
      const zones = countZones(
        records,
        {
          target: a.geometry,
          bufferM: a.bufferM,
          controlWijken: a.controlWijk ? [a.controlWijk] : [],
        },
        { before: a.before, after: a.after },
      );
      const control = a.controlWijk
        ? `wijk ${this.kpis.wijkName(a.controlWijk)}`
        : 'de rest van de gemeente';
      const categories = a.categories.length > 0 ? `, categorieën ${a.categories.join(', ')}` : '';
      out.push({
        id: a.id,
        name: a.name,
        theme: a.theme ? themeLabel(a.theme) : "alle thema's",
        settings: `Buffer ${a.bufferM} m, controlegebied ${control}${categories}.`,
        before: a.before,
        after: a.after,
        table: buildReportEvaluation(zones.counts, computeDisplacement(zones.counts)),
      });
    }
    return out;
  }

  selected = $derived(
    this.kpis.wijken.filter((w) => this.selection.length === 0 || this.selection.includes(w.code)),
  );
  selectedCodes = $derived(this.selected.map((w) => w.code));

  kpiRows = $derived.by((): ReportKpiRow[] => {
    const codes = this.selectedCodes;
    return this.kpis.perWijk
      .filter((row) => codes.includes(row.wijk.code))
      .map((row) => buildReportKpiRow(row.wijk.name, row, row.presence));
  });

  presenceNotes = $derived.by((): string[] => {
    const codes = this.selectedCodes;
    return this.kpis.perWijk
      .filter((row) => codes.includes(row.wijk.code) && row.presence?.flag === 'onderbezet')
      .map((row) => `${row.wijk.name}: ${row.presence!.explanation}`);
  });

  trendRows = $derived.by((): ReportTrendRow[] => {
    const codes = this.selectedCodes;
    return this.kpis.wijkThemeTrends
      .filter((t) => codes.includes(t.key.split('|')[0]))
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((t) => {
        const [wijk, theme] = t.key.split('|');
        return buildReportTrendRow(`${this.kpis.wijkName(wijk)} — ${themeLabel(theme)}`, t);
      });
  });

  outcomeRows = $derived.by((): ReportOutcomeRow[] => {
    const codes = this.selectedCodes;
    return this.kpis.consistency
      .filter((c) => c.highlighted && codes.includes(c.wijkcode))
      .map((c) =>
        buildReportOutcomeRow(`${this.kpis.wijkName(c.wijkcode)} — ${themeLabel(c.theme)}`, c),
      );
  });
}
