/**
 * The summary above a drill-down table: how many records, from which sources, in which
 * themes, months and dagdelen. Built from counts per theme, month, hour and source, so the
 * dagdeel configuration stays in TypeScript (dagdelen.ts).
 */
import { dagdeelOf, DEFAULT_DAGDELEN, type Dagdeel } from './dagdelen';

export interface SummaryCountRow {
  kind: 'thema' | 'maand' | 'uur' | 'bron';
  key: string;
  n: number;
}

export interface Count {
  key: string;
  label: string;
  n: number;
}

export interface DrilldownSummary {
  total: number;
  sources: Count[];
  themes: Count[];
  /** Months 'YYYY-MM', oldest first. */
  months: Count[];
  dagdelen: Count[];
  first: string | null;
  last: string | null;
}

export function summarizeDrilldown(
  rows: readonly SummaryCountRow[],
  labels: { theme?: (key: string) => string; source?: (key: string) => string } = {},
  dagdelen: readonly Dagdeel[] = DEFAULT_DAGDELEN,
): DrilldownSummary {
  const of = (kind: SummaryCountRow['kind']) => rows.filter((row) => row.kind === kind);
  const byCount = (a: Count, b: Count) => b.n - a.n || a.key.localeCompare(b.key);
  const themes = of('thema')
    .map((row) => ({ key: row.key, label: labels.theme?.(row.key) ?? row.key, n: row.n }))
    .sort(byCount);
  const sources = of('bron')
    .map((row) => ({ key: row.key, label: labels.source?.(row.key) ?? row.key, n: row.n }))
    .sort(byCount);
  const months = of('maand')
    .map((row) => ({ key: row.key, label: row.key, n: row.n }))
    .sort((a, b) => a.key.localeCompare(b.key));
  const perDagdeel = new Map<string, number>(dagdelen.map((d) => [d.id, 0]));
  let outside = 0;
  for (const row of of('uur')) {
    const dagdeel = dagdeelOf(Number(row.key), dagdelen);
    if (dagdeel) perDagdeel.set(dagdeel.id, (perDagdeel.get(dagdeel.id) ?? 0) + row.n);
    else outside += row.n;
  }
  const dagdeelCounts = dagdelen.map((d) => ({
    key: d.id,
    label: d.label,
    n: perDagdeel.get(d.id)!,
  }));
  if (outside > 0) dagdeelCounts.push({ key: 'overig', label: 'Buiten de dagdelen', n: outside });
  return {
    total: themes.reduce((sum, t) => sum + t.n, 0),
    sources,
    themes,
    months,
    dagdelen: dagdeelCounts,
    first: months[0]?.key ?? null,
    last: months[months.length - 1]?.key ?? null,
  };
}
