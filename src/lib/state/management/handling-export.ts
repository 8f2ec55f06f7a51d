/**
 * The three tables of "Afhandeling van meldingen" as CSV (per category with its norm, per
 * wijk, per month), small counts suppressed (analysis/melding-handling-csv.ts). Their lines
 * and states are the printed report's too (report-handling.ts). The tables share their
 * total, so their suppression is decided together (`handlingStates`): a count one of them
 * keeps back is kept back in all, and none gives back what another hides.
 */
import {
  protectHandlingTables,
  withStates,
  writeHandlingCsv,
  type HandlingCsvLine,
  type HandlingStates,
} from '$lib/analysis/melding-handling-csv';
import { normDaysFor, type HandlingNorms, type HandlingRow } from '$lib/analysis/melding-handling';
import { categoryLabel } from '$lib/data/category-labels';
import { formatMonthKey } from '$lib/format/nl';
import type { HandlingFigures } from './handling-data';

const TOTAL = 'Totaal';
export const totalLine = (total: HandlingRow): HandlingCsvLine => ({
  label: TOTAL,
  figures: total,
});

/** Per category: its label, main category and norm. */
export function categoryLines(figures: HandlingFigures, norms: HandlingNorms): HandlingCsvLine[] {
  return figures.byCategory.map((row) => ({
    label: categoryLabel(row.key),
    detail: categoryLabel(row.main),
    normDays: normDaysFor(norms, row.key),
    figures: row,
  }));
}

/** Per wijk (its code as `key`), meldingen outside every wijk as "Zonder wijk". */
export function wijkLines(
  figures: HandlingFigures,
  wijkName: (code: string) => string,
): (HandlingCsvLine & { key: string | null })[] {
  return figures.byWijk.map((row) => ({
    key: row.key,
    label: row.key === null ? 'Zonder wijk' : wijkName(row.key),
    figures: row,
  }));
}

export interface HandlingTableStates {
  categories: HandlingStates[];
  wijken: HandlingStates[];
  months: HandlingStates[];
}

/**
 * Per table its lines' states, then the total's. The months' open counts are not summed,
 * but the last month is counted at the moment of the total (handling-data.ts).
 */
export function handlingStates(figures: HandlingFigures): HandlingTableStates {
  const [categories, wijken, months] = protectHandlingTables(
    [
      { rows: figures.byCategory, open: 'sum' },
      { rows: figures.byWijk, open: 'sum' },
      { rows: figures.months, open: 'last' },
    ],
    figures.total,
  );
  return { categories, wijken, months };
}

export function categoryCsv(figures: HandlingFigures, norms: HandlingNorms): string {
  const lines = categoryLines(figures, norms);
  const states = handlingStates(figures).categories;
  return writeHandlingCsv(withStates(lines, totalLine(figures.total), states), {
    labelHeader: 'Categorie',
    detailHeader: 'Hoofdcategorie',
    norm: true,
    p90: true,
    openSums: true,
  });
}

export function wijkCsv(figures: HandlingFigures, wijkName: (code: string) => string): string {
  const lines = wijkLines(figures, wijkName);
  const states = handlingStates(figures).wijken;
  return writeHandlingCsv(withStates(lines, totalLine(figures.total), states), {
    labelHeader: 'Wijk',
    p90: true,
    openSums: true,
  });
}

export function monthCsv(figures: HandlingFigures): string {
  const lines = figures.months.map((m) => ({ label: formatMonthKey(m.month), figures: m }));
  const states = handlingStates(figures).months;
  return writeHandlingCsv(withStates(lines, totalLine(figures.total), states), {
    labelHeader: 'Maand',
    openSums: false,
  });
}
