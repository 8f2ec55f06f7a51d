/**
 * The handling of meldingen as CSV, a shared output (PRODUCT.md, Privacy): counts of 1–4
 * read "<5"; every table carries its total, so a count that could be worked back from the
 * total and the other rows is kept back too ("x", suppression.ts protectCells); a median, a
 * percentile or a share beside a hidden count is not written ("—"), nor a share whose
 * handled-within or handled-late part is a small count (the share times the shown count
 * would give it back). Tables that share a total (the view's CSVs and its report) are
 * protected together (`protectHandlingTables`), so none shows what another keeps back.
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
export type HandlingStates = Record<Counted, CellState>;

export interface ProtectedHandlingLine {
  line: HandlingCsvLine;
  states: HandlingStates;
}
type Protected = ProtectedHandlingLine;

/**
 * How a table's open counts meet the total's: they add up to it ('sum': categories,
 * wijken), its last line is counted at the same moment ('last': months, each open at its
 * end), or not at all ('none').
 */
export type OpenLink = 'sum' | 'last' | 'none';

export interface HandlingTableCounts {
  rows: readonly HandlingFiguresLike[];
  open: OpenLink;
}

/**
 * The suppression states of tables that share one total — the outputs of one view, read
 * together: every table's handled counts add up to the total, and its open counts as
 * `open` says. Decided in one go (suppression.ts protectCells over all margins), so a count
 * kept back in one table is kept back in every other one, and no table gives back what
 * another one hides. Per table: its rows' states, then the total's.
 */
export function protectHandlingTables(
  tables: readonly HandlingTableCounts[],
  total: HandlingFiguresLike,
): HandlingStates[][] {
  const figures = [...tables.flatMap((t) => t.rows), total];
  const totalCell = figures.length - 1;
  const offsets = tables.map((_, i) => tables.slice(0, i).reduce((n, t) => n + t.rows.length, 0));
  const cells = (i: number) => tables[i].rows.map((_, j) => offsets[i] + j);
  const statesOf = (field: Counted) => {
    const margins = tables.flatMap((table, i) => {
      const link = field === 'closed' ? 'sum' : table.open;
      if (link === 'none' || table.rows.length === 0) return [];
      const parts = link === 'sum' ? cells(i) : [offsets[i] + table.rows.length - 1];
      return [{ totals: [totalCell], parts }];
    });
    return protectCells(
      figures.map((f) => f[field]),
      margins,
    );
  };
  const [closed, open, overNorm] = (['closed', 'open', 'overNorm'] as const).map(statesOf);
  const stateAt = (cell: number) => ({
    closed: closed[cell],
    open: open[cell],
    overNorm: overNorm[cell],
  });
  return tables.map((_, i) => [...cells(i), totalCell].map(stateAt));
}

/** Lines and their total (last) with the states protectHandlingTables gave their counts. */
export function withStates(
  lines: readonly HandlingCsvLine[],
  total: HandlingCsvLine,
  states: readonly HandlingStates[],
): Protected[] {
  if (states.length !== lines.length + 1) throw new RangeError('one state per line and total');
  return [...lines, total].map((line, i) => ({ line, states: states[i] }));
}

/**
 * Each line's counts (and the total's, last) with their suppression state, for a table on
 * its own: what any shared output of it (a CSV, a printed report) may show.
 */
export function protectHandlingLines(
  lines: readonly HandlingCsvLine[],
  total: HandlingCsvLine,
  openSums: boolean,
): Protected[] {
  const [states] = protectHandlingTables(
    [{ rows: lines.map((l) => l.figures), open: openSums ? 'sum' : 'none' }],
    total.figures,
  );
  return withStates(lines, total, states);
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
  return writeHandlingCsv(protectHandlingLines(lines, total, options.openSums), options);
}

/** Protected lines, the total last, as CSV text (states from protectHandlingTables). */
export function writeHandlingCsv(all: readonly Protected[], options: HandlingCsvOptions): string {
  const total = all.at(-1)?.line;
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
  return buildCsv(columns, all);
}
