/**
 * The Management view's KPI model: monthly rows per wijk × theme (loaded once per data
 * version), outcome counts for the chosen period, and the derived tables — totals per
 * wijk, demand trends (rate test of the Wijken view), presence versus demand, and outcome
 * consistency across wijken.
 */
import { errorText } from '$lib/data/engine-errors';
import {
  assessDemandTrends,
  coversWholeYears,
  demandSeries,
  monthlyTotals,
  shiftMonth,
  sumKpis,
  periodDates,
  type DemandTrend,
  type KpiMonth,
  type KpiMonthRow,
  type KpiTotals,
  type MonthPeriod,
} from '$lib/analysis/management-kpis';
import {
  assessOutcomeConsistency,
  type OutcomeCountRow,
  type WijkThemeOutcomes,
} from '$lib/analysis/outcome-consistency';
import { assessPresence, type PresenceResult } from '$lib/analysis/presence-demand';
import type { Connector } from '$lib/data/connector';
import {
  buildMonthlyKpiQuery,
  buildOutcomeCountsQuery,
  buildWijkenQuery,
} from '$lib/data/queries/management';

export interface Wijk {
  code: string;
  name: string;
  inhabitants: number | null;
  geometry: string;
}

export interface WijkKpis extends KpiTotals {
  wijk: Wijk;
  trend: DemandTrend | null;
  presence: PresenceResult | null;
}

const ALL_TIME = { from: '1900-01-01', to: '2999-12-31' };
const monthOf = (row: KpiMonthRow) => `${row.year}-${String(row.month).padStart(2, '0')}`;

export class ManagementModel {
  wijken = $state.raw<Wijk[]>([]);
  rows = $state.raw<KpiMonthRow[]>([]);
  outcomeRows = $state.raw<OutcomeCountRow[]>([]);
  /** First and last month with data ('YYYY-MM'). */
  coverage = $state.raw<MonthPeriod | null>(null);
  period = $state.raw<MonthPeriod | null>(null);
  /** '' = all themes. */
  theme = $state('');
  /** Wijk of the chart over time; '' = the whole municipality. */
  chartWijk = $state('');
  error = $state<string | null>(null);
  loaded = $state(false);

  /** The wijken (code, name, inhabitants, outline); `load` waits for them too. */
  loadWijken(conn: Connector): Promise<Wijk[]> {
    return conn.query<Wijk>(buildWijkenQuery());
  }

  /**
   * Loads wijken and monthly KPIs; sets the period to the last 12 months unless given.
   * `wijken`: the wijken already asked for (loadWijken), so other sections can use them
   * before the KPIs are in.
   */
  async load(
    conn: Connector,
    period?: MonthPeriod,
    wijkenLoading: Promise<Wijk[]> = this.loadWijken(conn),
  ): Promise<void> {
    try {
      const [wijken, rows] = await Promise.all([
        wijkenLoading,
        conn.query<KpiMonthRow>(buildMonthlyKpiQuery(ALL_TIME)),
      ]);
      const months = rows.map(monthOf).sort();
      this.coverage = months.length > 0 ? { from: months[0], to: months.at(-1)! } : null;
      this.wijken = wijken;
      this.rows = rows;
      const last = this.coverage?.to;
      this.period = period ?? (last ? { from: shiftMonth(last, -11), to: last } : null);
      await this.loadOutcomes(conn);
      this.error = null;
    } catch (error) {
      this.error = errorText(error);
    } finally {
      this.loaded = true;
    }
  }

  async loadOutcomes(conn: Connector): Promise<void> {
    if (!this.period) return;
    this.outcomeRows = await conn.query<OutcomeCountRow>(
      buildOutcomeCountsQuery(periodDates(this.period)),
    );
  }

  get themeOrNull(): string | null {
    return this.theme === '' ? null : this.theme;
  }

  wijkName(code: string): string {
    return this.wijken.find((w) => w.code === code)?.name ?? code;
  }

  /** KPIs, demand trend and presence per wijk for the period and theme. */
  perWijk = $derived.by((): WijkKpis[] => {
    const period = this.period;
    if (!period || !this.coverage) return [];
    const theme = this.themeOrNull;
    const totals = sumKpis(this.rows, period, (r) => r.wijkcode, theme);
    const trends = Object.fromEntries(
      assessDemandTrends(
        demandSeries(this.rows, (r) => r.wijkcode, theme, coversWholeYears(period)),
        period,
        this.coverage.from,
      ).map((t) => [t.key, t]),
    );
    const zero = { meldingen: 0, incidents: 0, visits: 0, visitHours: 0 };
    const presence = Object.fromEntries(
      assessPresence(
        this.wijken.map((w) => {
          const t = totals.get(w.code) ?? zero;
          return { wijkcode: w.code, demand: t.meldingen + t.incidents, visitHours: t.visitHours };
        }),
      ).map((p) => [p.wijkcode, p]),
    );
    return this.wijken.map((wijk) => ({
      wijk,
      ...(totals.get(wijk.code) ?? zero),
      trend: trends[wijk.code] ?? null,
      presence: presence[wijk.code] ?? null,
    }));
  });

  /** Monthly KPIs over all data months, for the chart over time. */
  monthly = $derived.by((): KpiMonth[] =>
    this.coverage
      ? monthlyTotals(this.rows, this.coverage, this.chartWijk || null, this.themeOrNull)
      : [],
  );

  /** Demand trend per wijk × theme (key 'wijkcode|theme'). */
  wijkThemeTrends = $derived.by((): DemandTrend[] => {
    if (!this.period || !this.coverage) return [];
    return assessDemandTrends(
      demandSeries(
        this.rows,
        (r) => `${r.wijkcode}|${r.theme}`,
        null,
        coversWholeYears(this.period),
      ),
      this.period,
      this.coverage.from,
    );
  });

  /** Outcome shares per wijk × theme, inconsistencies highlighted (period's incidents). */
  consistency = $derived.by((): WijkThemeOutcomes[] => {
    return assessOutcomeConsistency(this.outcomeRows);
  });
}
