/**
 * The printable management report: a first page with what changed and why it matters
 * (analysis/report-summary.ts), the charts behind it, then the tables — KPIs, demand
 * trends with the real changes first, presence, outcome differences and the
 * interventions' evaluations, the handling of meldingen (report-handling.ts) — for a period
 * and a selection of wijken, all as display strings with counts below 5 shown as "<5"
 * (analysis/management-report.ts).
 */
import { errorText } from '$lib/data/engine-errors';
import {
  buildReportKpiRow,
  buildReportOutcomeRow,
  buildReportTrendRow,
  type ReportKpiRow,
  type ReportOutcomeRow,
  type ReportTrendRow,
} from '$lib/analysis/management-report';
import {
  monthlyTotals,
  periodDates,
  shiftMonth,
  type KpiMonth,
} from '$lib/analysis/management-kpis';
import { buildReportSummary, type ReportSummary } from '$lib/analysis/report-summary';
import { protectDemand, type DemandComparison } from '$lib/analysis/report-series';
import type { Connector } from '$lib/data/connector';
import { THEME_LABELS, type Theme } from '$lib/data/themes';
import { ManagementModel } from './management.svelte';
import type { ManagementView } from './management-url';
import { evaluateForReport, type ReportInterventionEvaluation } from './report-evaluations';
import {
  buildReportHandling,
  loadReportHandling,
  type ReportHandling,
  type ReportHandlingData,
} from './report-handling';

export { REPORT_BUFFER_M, type ReportInterventionEvaluation } from './report-evaluations';

const themeLabel = (theme: string) => THEME_LABELS[theme as Theme] ?? theme;

/** A trend row with whether it is a real change (those come first in the table). */
export type ReportTrendTableRow = ReportTrendRow & { significant: boolean };

export class ReportModel {
  readonly kpis = new ManagementModel();
  /** Selected wijkcodes; empty: all. */
  selection = $state.raw<string[]>([]);
  evaluations = $state.raw<ReportInterventionEvaluation[]>([]);
  error = $state<string | null>(null);
  #handlingData = $state.raw<ReportHandlingData | null>(null);
  /** The handling's own error: the rest of the report still prints. */
  handlingError = $state<string | null>(null);

  async load(conn: Connector, view: ManagementView = {}): Promise<void> {
    await this.kpis.load(conn, view.period);
    await this.#loadHandling(conn, view);
    try {
      const last = this.kpis.coverage?.to;
      const lastDay = last ? periodDates({ from: last, to: last }).to : null;
      this.evaluations = await evaluateForReport(
        conn,
        this.kpis.wijken,
        (code) => this.kpis.wijkName(code),
        view,
        lastDay,
      );
    } catch (error) {
      this.error = errorText(error);
    }
  }

  async #loadHandling(conn: Connector, view: ManagementView): Promise<void> {
    if (!this.kpis.period) return;
    try {
      this.#handlingData = await loadReportHandling(conn, this.kpis.period, view);
      this.handlingError = null;
    } catch (error) {
      this.handlingError = errorText(error);
    }
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

  /** Afhandeling van meldingen: every category, the selected wijken. */
  handling = $derived.by((): ReportHandling | null => {
    const data = this.#handlingData;
    if (!data) return null;
    const all = this.selection.length === 0;
    return buildReportHandling(data, all ? [] : this.selectedCodes, (code) =>
      this.kpis.wijkName(code),
    );
  });

  /** The selected wijken's trends per theme, by wijk and theme. */
  #trends = $derived.by(() => {
    const codes = this.selectedCodes;
    return this.kpis.wijkThemeTrends
      .filter((t) => codes.includes(t.key.split('|')[0]))
      .sort((a, b) => a.key.localeCompare(b.key))
      .map((trend) => {
        const [wijk, theme] = trend.key.split('|');
        return { wijk: this.kpis.wijkName(wijk), theme: themeLabel(theme), trend };
      });
  });

  /** Real rises, then real falls, then the rest: each group in wijk and theme order. */
  trendRows = $derived.by((): ReportTrendTableRow[] => {
    const rank = (flag: string | undefined) =>
      flag === 'stijging' ? 0 : flag === 'daling' ? 1 : 2;
    return this.#trends
      .map((t, i) => ({ t, i }))
      .sort(
        (a, b) => rank(a.t.trend.comparison?.flag) - rank(b.t.trend.comparison?.flag) || a.i - b.i,
      )
      .map(({ t }) => ({
        ...buildReportTrendRow(`${t.wijk} — ${t.theme}`, t.trend),
        significant: rank(t.trend.comparison?.flag) < 2,
      }));
  });

  #outcomes = $derived.by(() => {
    const codes = this.selectedCodes;
    return this.kpis.consistency
      .filter((c) => c.highlighted && codes.includes(c.wijkcode))
      .map((c) => ({ wijk: this.kpis.wijkName(c.wijkcode), theme: themeLabel(c.theme), c }));
  });

  outcomeRows = $derived.by((): ReportOutcomeRow[] =>
    this.#outcomes.map(({ wijk, theme, c }) => buildReportOutcomeRow(`${wijk} — ${theme}`, c)),
  );

  /** The first page: what changed and why it matters. */
  summary = $derived.by((): ReportSummary => {
    const codes = this.selectedCodes;
    const outcomeRows = this.outcomeRows;
    return buildReportSummary({
      trends: this.#trends,
      presence: this.kpis.perWijk
        .filter((row) => codes.includes(row.wijk.code))
        .map((row) => ({ wijk: row.wijk.name, flag: row.presence?.flag ?? 'te weinig gegevens' })),
      outcomes: this.#outcomes.map(({ wijk, theme }, i) => ({
        wijk,
        theme,
        explanation: outcomeRows[i].explanation,
      })),
      evaluations: this.evaluations.map((e) => ({
        name: e.name,
        theme: e.theme,
        counts: e.counts,
        result: e.result,
      })),
    });
  });

  /** Meldingen and incidents per month of the period and a year earlier, selected wijken. */
  demand = $derived.by((): DemandComparison | null => {
    const { period, coverage } = this.kpis;
    if (!period || !coverage) return null;
    const codes = this.selectedCodes;
    const rows = this.kpis.rows.filter((r) => codes.includes(r.wijkcode));
    const current = monthlyTotals(rows, period, null, null);
    const yearEarlier = { from: shiftMonth(period.from, -12), to: shiftMonth(period.to, -12) };
    const previous = monthlyTotals(rows, yearEarlier, null, null);
    const demand = (m: { meldingen: number; incidents: number }) => m.meldingen + m.incidents;
    // Months before the data begin are unknown, not zero.
    const known = (m: KpiMonth) => (m.month < coverage.from ? null : demand(m));
    return protectDemand(
      current.map((m) => m.month),
      current.map(known),
      previous.map(known),
    );
  });
}
