/**
 * Small-count suppression for every shared output (PRODUCT.md, Privacy): the one place that
 * decides which counts a CSV, a printed report, a chart export or a projected slide may show.
 *
 * Primary suppression: a count of 1 … threshold−1 (default 1–4) reads "<5". Zero stays "0":
 * on its own it points to nobody, and where a zero together with a total would give a
 * hidden cell away, the margin audit below finds that and suppresses more.
 *
 * Complementary (secondary) suppression: a hidden cell must not come back by differencing
 * (a shown total minus the shown cells of its row, column or of another output of the same
 * view). Every table is described as cells and margins (Σ totals = Σ parts); `protectCells`
 * audits each margin — what an attacker can conclude about each hidden cell from the shown
 * values, knowing that a "<5" lies in [1, 4] and a complement at or above the threshold — and
 * while some hidden cell is narrowed to less than one whole count, it suppresses the smallest
 * shown non-zero part of that margin (else its total), until stable. This is the hypercube
 * heuristic of "at least two hidden cells per margin" (Hundepool et al., Statistical
 * Disclosure Control, Wiley 2012, §4.4; the same rule as CBS/τ-ARGUS "singleton" protection),
 * made exact per margin with the attacker's bounds, so "two hidden cells that add up to 2"
 * and "one '<5' beside a hidden 5" are caught too. Complements show as "x" (CBS: geheim).
 * Combinations of several margins are not audited here; the tests check them by rank on
 * planted data.
 *
 * Statistics derived from a hidden count (p-value, WDQ, share, bar height, map colour) are
 * not shown: `WITHHELD` instead.
 */

export const SUPPRESSION_THRESHOLD = 5;
/** What a complementary-suppressed cell shows (CBS's sign for a figure kept back). */
export const COMPLEMENT_MARK = 'x';
/** A statistic derived from a hidden count, in a table cell. */
export const WITHHELD = '—';
/** The same in running text. */
export const WITHHELD_TEXT = 'niet getoond (kleine aantallen)';
/** Footnote for outputs that can carry complements. */
export const SUPPRESSION_NOTE =
  'Aantallen onder de 5 staan als “<5”. “x”: weggelaten zodat een klein aantal niet uit een ' +
  'totaal terug te rekenen is. “—”: niet getoond omdat het uit een klein aantal volgt.';

/** Marks of hidden cells on any shared output. */
export const smallMark = (threshold = SUPPRESSION_THRESHOLD) => `<${threshold}`;

/** True when a count must not be shown: more than zero and below the threshold. */
export function isSmallCount(n: number, threshold = SUPPRESSION_THRESHOLD): boolean {
  return n > 0 && n < threshold;
}

/** A whole count as it may be shown: "<5" for 1–4, else the Dutch number ("0", "1.234"). */
export function formatCount(n: number, threshold = SUPPRESSION_THRESHOLD): string {
  if (!Number.isFinite(n) || n < 0) throw new RangeError(`not a count: ${n}`);
  if (isSmallCount(n, threshold)) return smallMark(threshold);
  return new Intl.NumberFormat('nl-NL').format(Math.round(n));
}

/** Shown, primary-suppressed ("<5"), complement ("x"), or never published (a remainder). */
export type CellState = 'shown' | 'small' | 'complement' | 'absent';

/** Σ values[totals] = Σ values[parts]: a row, a column, or a link between two outputs. */
export interface Margin {
  totals: readonly number[];
  parts: readonly number[];
}

export interface ProtectOptions {
  threshold?: number;
  /** Half the rounding step of the shown value (0.05 for one decimal); default 0 (whole). */
  rounding?: number;
  /** Cells that are in margins but never published (the rest of a top-N list). */
  absent?: Iterable<number>;
  /** Cells to sacrifice before any part (e.g. a total that is only context). */
  preferred?: Iterable<number>;
}

/** A disclosure found by the audit: the cell and the range it was narrowed to. */
export interface Disclosure {
  cell: number;
  margin: number;
  range: [number, number];
}

type Interval = [number, number];

function domainOf(
  value: number,
  state: CellState,
  threshold: number,
  rounding: number,
  whole: boolean,
): Interval {
  if (state === 'shown') return [value - rounding, value + rounding];
  if (state === 'small') return whole ? [1, threshold - 1] : [0, threshold];
  if (state === 'complement') return [threshold, Infinity];
  return [0, Infinity];
}

/**
 * What each hidden cell of one margin can be narrowed to from the others' ranges
 * (x_i = Σ others with signs, intersected with its own range).
 */
export function auditMargin(
  margin: Margin,
  domains: readonly Interval[],
  hidden: (cell: number) => boolean,
  whole: boolean,
): { cell: number; range: Interval }[] {
  const terms = [
    ...margin.parts.map((cell) => ({ cell, sign: 1 })),
    ...margin.totals.map((cell) => ({ cell, sign: -1 })),
  ];
  const out: { cell: number; range: Interval }[] = [];
  for (const term of terms) {
    if (!hidden(term.cell)) continue;
    // sign·x = −Σ other sign_j·x_j
    let lo = 0;
    let hi = 0;
    for (const other of terms) {
      if (other === term) continue;
      const [a, b] = domains[other.cell];
      const s = -other.sign * term.sign;
      lo += s > 0 ? a : -b;
      hi += s > 0 ? b : -a;
    }
    const own = domains[term.cell];
    let from = Math.max(lo, own[0]);
    let to = Math.min(hi, own[1]);
    if (whole) [from, to] = [Math.ceil(from - 1e-9), Math.floor(to + 1e-9)];
    out.push({ cell: term.cell, range: [from, to] });
  }
  return out;
}

/** True when a hidden cell's range is narrower than one whole count. */
export const isDisclosed = (range: Interval) => range[1] - range[0] < 1;

/** The audit over every margin for given states: the hidden cells that come back. */
export function findMarginDisclosures(
  values: readonly number[],
  states: readonly CellState[],
  margins: readonly Margin[],
  options: ProtectOptions = {},
): Disclosure[] {
  const threshold = options.threshold ?? SUPPRESSION_THRESHOLD;
  const rounding = options.rounding ?? 0;
  const whole = rounding === 0;
  const domains = values.map((v, i) => domainOf(v, states[i], threshold, rounding, whole));
  const found: Disclosure[] = [];
  margins.forEach((margin, m) => {
    const hidden = (cell: number) => states[cell] !== 'shown';
    for (const { cell, range } of auditMargin(margin, domains, hidden, whole)) {
      if (states[cell] !== 'absent' && isDisclosed(range)) found.push({ cell, margin: m, range });
    }
  });
  return found;
}

/** The cell to suppress next in a margin that gives something away, or null if none is left. */
function chooseComplement(
  margin: Margin,
  values: readonly number[],
  states: readonly CellState[],
  preferred: ReadonlySet<number>,
): number | null {
  const open = (cell: number) => states[cell] === 'shown' && values[cell] > 0;
  const pick = (cells: readonly number[]) =>
    cells.filter(open).reduce<number | null>((best, cell) => {
      return best === null || values[cell] < values[best] ? cell : best;
    }, null);
  const cells = [...margin.parts, ...margin.totals];
  return pick(cells.filter((c) => preferred.has(c))) ?? pick(margin.parts) ?? pick(margin.totals);
}

/**
 * Primary and complementary suppression of cells linked by margins. Returns each cell's
 * state; callers render "shown" cells as numbers, "small" as "<5", "complement" as "x".
 */
export function protectCells(
  values: readonly number[],
  margins: readonly Margin[],
  options: ProtectOptions = {},
): CellState[] {
  const threshold = options.threshold ?? SUPPRESSION_THRESHOLD;
  const absent = new Set(options.absent ?? []);
  const preferred = new Set(options.preferred ?? []);
  const states: CellState[] = values.map((v, i) =>
    absent.has(i) ? 'absent' : isSmallCount(v, threshold) ? 'small' : 'shown',
  );
  for (let round = 0; round <= values.length; round++) {
    const disclosures = findMarginDisclosures(values, states, margins, options);
    let changed = false;
    for (const margin of new Set(disclosures.map((d) => d.margin))) {
      const cell = chooseComplement(margins[margin], values, states, preferred);
      if (cell !== null) {
        states[cell] = 'complement';
        changed = true;
        break; // re-audit: one complement can settle several margins
      }
    }
    if (!changed) break;
  }
  return states;
}

/** A protected cell as text: `format` for shown values, the marks otherwise. */
export function renderCell(
  value: number,
  state: CellState,
  format: (value: number) => string,
  threshold = SUPPRESSION_THRESHOLD,
): string {
  if (state === 'small') return smallMark(threshold);
  if (state === 'complement') return COMPLEMENT_MARK;
  return format(value);
}
