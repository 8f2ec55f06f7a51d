/**
 * CSV for the exports of charts and tables (PRODUCT.md, Privacy): small counts can point to
 * people, so every count between 0 and the threshold (default 5) is written as "<5"; a zero
 * identifies nobody and stays 0 (analysis/suppression.ts decides). Figures derived from a
 * count (a rate per 1,000 inhabitants, a share) are suppressed together with it. Weighted
 * (aoristic) counts are suppressed the same way. A table whose cells add up to a total that
 * is shown too gives the column a `state` from suppression.ts's `protectCells`, so cells
 * kept back to protect a small one (complementary suppression) are written as "x".
 *
 * Format: semicolon-separated with a decimal comma — what Dutch spreadsheet programs open
 * without an import dialog — UTF-8 with a byte-order mark so Excel reads the accents.
 */

import { isSmallCount, renderCell, SUPPRESSION_THRESHOLD, type CellState } from './suppression';

export type CsvColumnKind = 'count' | 'number' | 'text';

export interface CsvColumn<Row> {
  label: string;
  kind: CsvColumnKind;
  value: (row: Row) => string | number | null | undefined;
  /** Decimals for numbers and weighted counts (default: 0 for counts, 1 for numbers). */
  decimals?: number;
  /** For a derived number: the count it comes from; suppressed when that count is. */
  derivedFrom?: (row: Row) => number | null | undefined;
  /**
   * For a count in a table with shown totals: its state after complementary suppression.
   * For a derived number: the state of the count it comes from (hidden with it).
   */
  state?: (row: Row) => CellState;
}

export interface CsvOptions {
  /** Counts above 0 and below this are written as "<threshold" (default 5). */
  threshold?: number;
  separator?: string;
  /** Prepend a UTF-8 byte-order mark (default true). */
  bom?: boolean;
}

export const DEFAULT_SUPPRESSION_THRESHOLD = SUPPRESSION_THRESHOLD;

function formatNumber(value: number, decimals: number): string {
  const rounded = Number(value.toFixed(decimals));
  return (Object.is(rounded, -0) ? 0 : rounded).toFixed(decimals).replace('.', ',');
}

/** A number as spreadsheets read it (`-1,5`, `+31`, `1.234,5`, `2e3`): never a formula. */
const PLAIN_NUMBER = /^[+-]?(?:\d{1,3}(?:[.\s]\d{3})+|\d+)(?:[.,]\d+)?(?:[eE][+-]?\d+)?$/;
/** First characters that make Excel and LibreOffice read a cell as a formula or command. */
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * One CSV field: quoted when it holds the separator, a quote, a line break or edge blanks.
 * A text that a spreadsheet would run (`=HYPERLINK(…)`, `+cmd|…`, `-1+1`, `@SUM(…)`) gets a
 * leading apostrophe, so Excel shows it as text (OWASP, "CSV Injection"); a number stays a
 * number. The one field writer of every CSV download.
 */
export function csvField(value: unknown, separator = ';'): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text) && !PLAIN_NUMBER.test(text)) text = `'${text}`;
  return /["\r\n]/.test(text) || text.includes(separator) || /^\s|\s$/.test(text)
    ? `"${text.replace(/"/g, '""')}"`
    : text;
}

function cell<Row>(column: CsvColumn<Row>, row: Row, threshold: number): string {
  const raw = column.value(row);
  if (raw === null || raw === undefined || (typeof raw === 'number' && Number.isNaN(raw))) {
    return '';
  }
  if (typeof raw === 'string') return raw;
  const hidden = `<${threshold}`;
  if (column.kind === 'count') {
    const decimals = column.decimals ?? (Number.isInteger(raw) ? 0 : 1);
    const state = column.state?.(row) ?? (isSmallCount(raw, threshold) ? 'small' : 'shown');
    return renderCell(raw, state, (v) => formatNumber(v, decimals), threshold);
  }
  if (column.kind === 'number') {
    const state = column.state?.(row) ?? 'shown';
    if (state !== 'shown') return renderCell(raw, state, String, threshold);
    const source = column.derivedFrom?.(row);
    if (source != null && isSmallCount(source, threshold)) return hidden;
    return formatNumber(raw, column.decimals ?? 1);
  }
  return String(raw);
}

/** The rows as CSV text with a header line; suppression as described above. */
export function buildCsv<Row>(
  columns: readonly CsvColumn<Row>[],
  rows: Iterable<Row>,
  options: CsvOptions = {},
): string {
  const threshold = options.threshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
  const separator = options.separator ?? ';';
  if (!(threshold >= 1)) throw new RangeError(`threshold must be ≥ 1, got ${threshold}`);
  const lines = [columns.map((c) => csvField(c.label, separator)).join(separator)];
  for (const row of rows) {
    lines.push(columns.map((c) => csvField(cell(c, row, threshold), separator)).join(separator));
  }
  return (options.bom === false ? '' : '\uFEFF') + lines.join('\r\n') + '\r\n';
}
