/**
 * "Afhandeling van meldingen" in the printed management report, a shared output (PRODUCT.md,
 * Privacy): the same suppression as its CSV (melding-handling-csv.ts) — counts of 1–4 as
 * "<5", counts that a total would give back as "x", and no median or share beside a hidden
 * count ("—") — as display strings in Dutch notation. "–": nothing to show (none handled).
 */
import { formatCount, formatDay, formatFixed } from '$lib/format/nl';
import type { HandlingNorms } from './melding-handling';
import {
  handledStatistic,
  protectHandlingLines,
  withinNormPercent,
  type HandlingCsvLine,
  type ProtectedHandlingLine,
} from './melding-handling-csv';
import { renderCell, WITHHELD, WITHHELD_TEXT } from './suppression';

/** One printed line of a handling table. */
export interface ReportHandlingRow {
  label: string;
  detail?: string;
  /** The norm in kalenderdagen (category tables). */
  norm?: string;
  closed: string;
  median: string;
  share: string;
  open: string;
  overNorm: string;
}

export interface ReportHandlingTable {
  rows: ReportHandlingRow[];
  total: ReportHandlingRow;
}

const NOTHING = '–';

const printed = (value: number | string | null, format: (n: number) => string) =>
  value === null ? NOTHING : typeof value === 'string' ? value : format(value);

function printLine(p: ProtectedHandlingLine): ReportHandlingRow {
  const f = p.line.figures;
  const count = (field: 'closed' | 'open' | 'overNorm') =>
    renderCell(f[field], p.states[field], formatCount);
  return {
    label: p.line.label,
    ...(p.line.detail !== undefined ? { detail: p.line.detail } : {}),
    ...(p.line.normDays != null ? { norm: formatCount(p.line.normDays) } : {}),
    closed: count('closed'),
    median: printed(handledStatistic(p, f.medianDays), (v) => formatFixed(v)),
    share: printed(withinNormPercent(p), (v) => `${formatFixed(v)}%`),
    open: count('open'),
    overNorm: count('overNorm'),
  };
}

/**
 * A table (per category or per wijk) and its total as printed. Suppression is decided on all
 * lines, whose open counts add up to the total's; `shown` picks the lines printed (a
 * selection of wijken): leaving protected lines out gives nothing more away.
 */
export function buildReportHandlingTable<Line extends HandlingCsvLine>(
  lines: readonly Line[],
  total: HandlingCsvLine,
  shown: (line: Line) => boolean = () => true,
): ReportHandlingTable {
  return printHandlingTable(protectHandlingLines(lines, total, true), shown);
}

/** Lines protected together with other tables (protectHandlingTables), the total last. */
export function printHandlingTable<Line extends HandlingCsvLine>(
  all: readonly ProtectedHandlingLine[],
  shown: (line: Line) => boolean = () => true,
): ReportHandlingTable {
  const lines = all.slice(0, -1);
  return {
    rows: lines.filter((p) => shown(p.line as Line)).map(printLine),
    total: printLine(all.at(-1)!),
  };
}

const days = (n: number) => `${formatCount(n)} ${n === 1 ? 'kalenderdag' : 'kalenderdagen'}`;

/** The norms in words: "14 kalenderdagen na de melding; eigen norm: Grofvuil 21 kalenderdagen". */
export function describeNorms(norms: HandlingNorms, label: (category: string) => string): string {
  const own = Object.entries(norms.byCategory)
    .map(([category, n]) => ({ name: label(category), n }))
    .sort((a, b) => a.name.localeCompare(b.name, 'nl'))
    .map(({ name, n }) => `${name} ${days(n)}`);
  const base = `${days(norms.defaultDays)} na de melding`;
  return own.length === 0 ? base : `${base}; eigen norm: ${own.join(', ')}`;
}

/**
 * The section's summary line from the printed total (so it says nothing the table hides):
 * open at the end of `lastDay`, over the norm, the median doorlooptijd, and the norm.
 */
export function buildHandlingSummaryText(
  total: ReportHandlingRow,
  lastDay: string,
  normText: string,
): string {
  const open =
    total.open === '0'
      ? `Op ${formatDay(lastDay)} stonden geen meldingen open.`
      : `Op ${formatDay(lastDay)} stonden ${total.open} meldingen open, waarvan ${total.overNorm} over de norm.`;
  let handled: string;
  if (total.closed === '0') handled = 'In de periode is geen melding afgehandeld.';
  else if (total.median === WITHHELD || total.median === NOTHING) {
    handled = `Afgehandeld in de periode: ${total.closed}; mediane doorlooptijd ${WITHHELD_TEXT}.`;
  } else {
    const share =
      total.share === NOTHING || total.share === WITHHELD ? '' : `, ${total.share} binnen de norm`;
    handled = `Mediane doorlooptijd ${total.median} dagen (${total.closed} afgehandeld in de periode${share}).`;
  }
  return `${open} ${handled} Norm: ${normText}.`;
}
