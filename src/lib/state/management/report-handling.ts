/**
 * The report's "Afhandeling van meldingen": the figures the Management view shows
 * (handling-data.ts) for the report's period and the view's theme and norms (from the link,
 * else those kept in this browser), printed with the CSVs' suppression, decided for all
 * tables of the section together (handling-export.ts handlingStates,
 * analysis/melding-handling-report.ts).
 */
import type { MonthPeriod } from '$lib/analysis/management-kpis';
import type { HandlingNorms } from '$lib/analysis/melding-handling';
import { withStates } from '$lib/analysis/melding-handling-csv';
import {
  buildHandlingSummaryText,
  describeNorms,
  printHandlingTable,
  type ReportHandlingTable,
} from '$lib/analysis/melding-handling-report';
import type { Connector } from '$lib/data/connector';
import { categoryLabel } from '$lib/data/category-labels';
import { THEME_LABELS, type Theme } from '$lib/data/themes';
import { loadHandlingFigures, type HandlingFigures } from './handling-data';
import { categoryLines, handlingStates, totalLine, wijkLines } from './handling-export';
import { storedNorms } from './handling-norms';
import type { ManagementView } from './management-url';

export interface ReportHandlingData {
  figures: HandlingFigures;
  norms: HandlingNorms;
  /** The theme in words ("alle thema's" for all). */
  themeName: string;
}

export interface ReportHandling {
  themeName: string;
  /** 'YYYY-MM-DD': open at the end of this day. */
  lastDay: string;
  normText: string;
  summary: string;
  /** No handled or open melding at all. */
  empty: boolean;
  categories: ReportHandlingTable;
  wijken: ReportHandlingTable;
}

export async function loadReportHandling(
  conn: Connector,
  period: MonthPeriod,
  view: ManagementView,
): Promise<ReportHandlingData | null> {
  const theme = view.theme ? view.theme : null;
  const norms = view.norms ?? storedNorms();
  const figures = await loadHandlingFigures(conn, { period, theme }, norms);
  if (!figures) return null;
  const themeName = theme ? (THEME_LABELS[theme as Theme] ?? theme) : "alle thema's";
  return { figures, norms, themeName };
}

/**
 * What the report prints: every category, and the selected wijken (all when `selected` is
 * empty), each table with the municipality's total.
 */
export function buildReportHandling(
  data: ReportHandlingData,
  selected: readonly string[],
  wijkName: (code: string) => string,
): ReportHandling {
  const { figures, norms } = data;
  const total = totalLine(figures.total);
  // The states of the view's CSVs: the report shows nothing that one of them keeps back.
  const states = handlingStates(figures);
  const categories = printHandlingTable(
    withStates(categoryLines(figures, norms), total, states.categories),
  );
  const wijken = printHandlingTable(
    withStates(wijkLines(figures, wijkName), total, states.wijken),
    (line: ReturnType<typeof wijkLines>[number]) =>
      selected.length === 0 || (line.key !== null && selected.includes(line.key)),
  );
  const normText = describeNorms(norms, categoryLabel);
  return {
    themeName: data.themeName,
    lastDay: figures.lastDay,
    normText,
    summary: buildHandlingSummaryText(categories.total, figures.lastDay, normText),
    empty: figures.total.closed === 0 && figures.total.open === 0,
    categories,
    wijken,
  };
}
