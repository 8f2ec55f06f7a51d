/**
 * The printable management report: KPIs, demand trends, presence, outcome differences and
 * the interventions' evaluations for a period and a selection of wijken, all as display
 * strings with counts below 5 shown as "<5" (analysis/management-report.ts).
 */
import { computeDisplacement } from '$lib/analysis/displacement';
import {
  countZones,
  previousPeriod,
  type AreaGeometry,
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
import { periodDates, type MonthPeriod } from '$lib/analysis/management-kpis';
import type { Connector } from '$lib/data/connector';
import {
  buildEvaluationRecordsQuery,
  buildInterventionsQuery,
  type InterventionRow,
} from '$lib/data/queries/management';
import { THEME_LABELS, type Theme } from '$lib/data/themes';
import { ManagementModel } from './management.svelte';

/** Default buffer of the report's evaluations, in metres. */
export const REPORT_BUFFER_M = 400;

export interface ReportInterventionEvaluation {
  id: string;
  name: string;
  theme: string;
  before: { from: string; to: string };
  after: { from: string; to: string };
  table: ReportEvaluation;
}

const themeLabel = (theme: string) => THEME_LABELS[theme as Theme] ?? theme;

export class ReportModel {
  readonly kpis = new ManagementModel();
  /** Selected wijkcodes; empty: all. */
  selection = $state.raw<string[]>([]);
  evaluations = $state.raw<ReportInterventionEvaluation[]>([]);
  error = $state<string | null>(null);

  async load(conn: Connector, period?: MonthPeriod): Promise<void> {
    await this.kpis.load(conn, period);
    try {
      this.evaluations = await this.#evaluate(conn);
    } catch (error) {
      this.error = error instanceof Error ? error.message : String(error);
    }
  }

  async #evaluate(conn: Connector): Promise<ReportInterventionEvaluation[]> {
    const interventions = await conn.query<InterventionRow>(buildInterventionsQuery());
    const last = this.kpis.coverage?.to;
    const out: ReportInterventionEvaluation[] = [];
    for (const i of interventions) {
      const end = i.end_date ?? (last ? periodDates({ from: last, to: last }).to : i.start_date);
      const after = { from: i.start_date, to: end };
      const before = previousPeriod(after);
      const records = await conn.query<ZoneRecord>(
        buildEvaluationRecordsQuery({
          theme: i.theme,
          period: { from: before.from, to: after.to },
        }),
      );
      const zones = countZones(
        records,
        { target: JSON.parse(i.geometry) as AreaGeometry, bufferM: REPORT_BUFFER_M },
        { before, after },
      );
      out.push({
        id: i.id,
        name: i.name,
        theme: i.theme ? themeLabel(i.theme) : "alle thema's",
        before,
        after,
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
