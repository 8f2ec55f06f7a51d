/**
 * Pure helpers for what is stored in this browser: the dataset list as the Gegevens screen
 * shows it, and the checks on the editable theme table.
 */
import type { DatasetSummary } from '$lib/data/datasets';
import type { ThemeMappingRow } from '$lib/data/themes';
import { TABLE_LABELS } from '$lib/format/nl';
import { DATASET_DEMO, datasetLabel } from '../import/import-view';

export interface DatasetGroup {
  dataset: string;
  label: string;
  tables: { table: string; label: string; rows: number }[];
  total: number;
}

/** One entry per dataset, the demo first, tables in the order of the schema's listing. */
export function groupDatasets(rows: readonly DatasetSummary[]): DatasetGroup[] {
  const groups = new Map<string, DatasetGroup>();
  for (const row of rows) {
    if (row.rows === 0) continue;
    const group = groups.get(row.dataset) ?? {
      dataset: row.dataset,
      label: datasetLabel(row.dataset),
      tables: [],
      total: 0,
    };
    group.tables.push({
      table: row.table,
      label: TABLE_LABELS[row.table] ?? row.table,
      rows: row.rows,
    });
    group.total += row.rows;
    groups.set(row.dataset, group);
  }
  return [...groups.values()].sort(
    (a, b) =>
      Number(b.dataset === DATASET_DEMO) - Number(a.dataset === DATASET_DEMO) ||
      a.dataset.localeCompare(b.dataset, 'nl'),
  );
}

/** Dutch messages for rows that cannot be saved; empty when the table is fine. */
export function themeRowProblems(rows: readonly ThemeMappingRow[]): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  rows.forEach((row, i) => {
    if (!row.main.trim()) problems.push(`Regel ${i + 1}: vul de hoofdcategorie in.`);
    if (!row.sub.trim()) problems.push(`Regel ${i + 1}: vul de subcategorie in (of * voor alle).`);
    const key = `${row.main.trim()}\u0000${row.sub.trim()}`;
    if (row.main.trim() && seen.has(key)) {
      problems.push(`Regel ${i + 1}: ${row.main.trim()} / ${row.sub.trim()} staat er al in.`);
    }
    seen.add(key);
  });
  return problems;
}
