/**
 * The handling of meldingen as CSV, a shared output (PRODUCT.md, Privacy): counts of 1–4
 * read "<5"; every table carries its total, so a count that could be worked back from the
 * total and the other rows is kept back too ("x", suppression.ts protectCells); a median, a
 * percentile or a share beside a hidden count is not written ("—"), nor a share whose
 * handled-within or handled-late part is a small count (the share times the shown count
 * would give it back).
 */
import { buildCsv, type CsvColumn } from './csv-export';
import { shareWithinNorm, type HandlingRow } from './melding-handling';
import { isSmallCount, protectCells, WITHHELD, type CellState } from './suppression';

export type HandlingFiguresLike = Pick<
  HandlingRow,
  'closed' | 'medianDays' | 'withinNorm' | 'open' | 'overNorm'
> & { p90Days?: number | null };

export interface HandlingCsvLine {
  /** Category, wijk or month as the reader knows it. */
  label: string;
  /** The main category of a category line. */
  detail?: string;
  normDays?: number | null;
  figures: HandlingFiguresLike;
}

export interface HandlingCsvOptions {
  labelHeader: string;
  detailHeader?: string;
  /** Write the norm column. */
  norm?: boolean;
  /** Write the 90th percentile column. */
  p90?: boolean;
  /**
   * The open counts of the lines add up to the total's (categories, wijken); not so for
   * months (open at each month's end), where the total's open cells stay empty.
   */
  openSums: boolean;
}

type Counted = 'closed' | 'open' | 'overNorm';

export interface ProtectedHandlingLine {
  line: HandlingCsvLine;
  states: Record<Counted, CellState>;
}
type Protected = ProtectedHandlingLine;

/**
 * Each line's counts (and the total's, last) with their suppression state: what any shared
 * output of these tables (this CSV, a printed report) may show.
 */
export function protectHandlingLines(
  lines: readonly HandlingCsvLine[],
  total: HandlingCsvLine,
  openSums: boolean,
): Protected[] {
  const all = [...lines, total];
  const parts = lines.map((_, i) => i);
  const statesOf = (field: Counted, sums: boolean) =>
    protectCells(
      all.map((l) => l.figures[field]),
      sums ? [{ totals: [lines.length], parts }] : [],
    );
  const closed = statesOf('closed', true);
  const open = statesOf('open', openSums);
  const overNorm = statesOf('overNorm', openSums);
  return all.map((line, i) => ({
    line,
    states: { closed: closed[i], open: open[i], overNorm: overNorm[i] },
  }));
}

/** A statistic of the handled meldingen: withheld when their count is not shown. */
export function handledStatistic(
  p: Protected,
  value: number | null | undefined,
): number | string | null {
  if (value === null || value === undefined) return null;
  return p.states.closed === 'shown' ? value : WITHHELD;
}

/**
 * The share handled within the norm in percent; withheld beside a hidden count, and where its
 * within or late part is small (the share times the shown count would give that back).
 */
export function withinNormPercent(p: Protected): number | string | null {
  const f = p.line.figures;
  const share = shareWithinNorm(f);
  if (share === null) return null;
  const hidden =
    p.states.closed !== 'shown' ||
    isSmallCount(f.withinNorm) ||
    isSmallCount(f.closed - f.withinNorm);
  return hidden ? WITHHELD : share * 100;
}

/** The lines and their total (written last, as "Totaal") as CSV text. */
export function buildHandlingCsv(
  lines: readonly HandlingCsvLine[],
  total: HandlingCsvLine,
  options: HandlingCsvOptions,
): string {
  const count = (label: string, field: Counted): CsvColumn<Protected> => ({
    label,
    kind: 'count',
    value: (p) =>
      field !== 'closed' && !options.openSums && p.line === total ? null : p.line.figures[field],
    state: (p) => p.states[field],
  });
  const columns: CsvColumn<Protected>[] = [
    { label: options.labelHeader, kind: 'text', value: (p) => p.line.label },
  ];
  if (options.detailHeader) {
    columns.push({ label: options.detailHeader, kind: 'text', value: (p) => p.line.detail ?? '' });
  }
  if (options.norm) {
    columns.push({
      label: 'Norm (dagen)',
      kind: 'number',
      decimals: 0,
      value: (p) => p.line.normDays,
    });
  }
  columns.push(count('Afgehandeld', 'closed'), {
    label: 'Mediane doorlooptijd (dagen)',
    kind: 'number',
    value: (p) => handledStatistic(p, p.line.figures.medianDays),
  });
  if (options.p90) {
    columns.push({
      label: 'Doorlooptijd 90e percentiel (dagen)',
      kind: 'number',
      value: (p) => handledStatistic(p, p.line.figures.p90Days),
    });
  }
  columns.push(
    { label: 'Binnen de norm (%)', kind: 'number', value: withinNormPercent },
    count('Open', 'open'),
    count('Open over de norm', 'overNorm'),
  );
  return buildCsv(columns, protectHandlingLines(lines, total, options.openSums));
}
