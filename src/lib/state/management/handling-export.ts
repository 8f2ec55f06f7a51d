/**
 * The three tables of "Afhandeling van meldingen" as CSV (per category with its norm, per
 * wijk, per month), small counts suppressed (analysis/melding-handling-csv.ts). Their lines
 * are the printed report's too (report-handling.ts).
 */
import { buildHandlingCsv, type HandlingCsvLine } from '$lib/analysis/melding-handling-csv';
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

export function categoryCsv(figures: HandlingFigures, norms: HandlingNorms): string {
  return buildHandlingCsv(categoryLines(figures, norms), totalLine(figures.total), {
    labelHeader: 'Categorie',
    detailHeader: 'Hoofdcategorie',
    norm: true,
    p90: true,
    openSums: true,
  });
}

export function wijkCsv(figures: HandlingFigures, wijkName: (code: string) => string): string {
  return buildHandlingCsv(wijkLines(figures, wijkName), totalLine(figures.total), {
    labelHeader: 'Wijk',
    p90: true,
    openSums: true,
  });
}

export function monthCsv(figures: HandlingFigures): string {
  return buildHandlingCsv(
    figures.months.map((m) => ({ label: formatMonthKey(m.month), figures: m })),
    totalLine(figures.total),
    { labelHeader: 'Maand', openSums: false },
  );
}
