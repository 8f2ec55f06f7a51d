/**
 * An attacker for the shared outputs' tests: given what an output shows (cells as printed
 * text) and how its numbers add up (margins, also across outputs of one view), it tries to
 * get every hidden count back
 *   1. per margin: a shown total minus the shown cells, with the bounds everyone knows
 *      ("<5" is 1–4, "x" is at least 5, an unlisted remainder at least 0, a shown "46,0" is
 *      46 ± 0,05), narrowed to less than one whole count;
 *   2. by combining margins: a hidden cell whose unit vector lies in the row space of the
 *      margins' equations is fixed by them (Gaussian elimination);
 *   3. from a derived statistic shown beside it (p-value, WDQ, share, colour class): shown
 *      at all is a finding; where `compute` is given, every value the hidden counts could
 *      take is tried and a count that alone reproduces the printed text is reported.
 * Written apart from src/lib/analysis/suppression.ts on purpose: it must not share its bugs.
 */

export interface Published {
  /** Cell id → text as printed. Ids in margins but missing here were never published. */
  cells: ReadonlyMap<string, string>;
  margins: readonly { totals: readonly string[]; parts: readonly string[] }[];
  derived?: readonly Derived[];
  /** Counts are whole numbers (default) or weights with decimals. */
  whole?: boolean;
}

export interface Derived {
  label: string;
  text: string;
  from: readonly string[];
  /** The statistic as printed, for given counts of its inputs. */
  compute?: (counts: ReadonlyMap<string, number>) => string;
}

const WITHHELD = new Set(['—', '–', '', 'niet getoond (kleine aantallen)']);

type Parsed = { kind: 'shown'; lo: number; hi: number } | { kind: 'small' | 'x' | 'unknown' };

function parseCell(text: string | undefined): Parsed {
  // A count may carry its unit, as the briefing's hotspot items do ("12 registraties").
  const t = (text ?? '').trim().replace(/\s+registraties?$/, '');
  if (text === undefined || WITHHELD.has(t)) return { kind: 'unknown' };
  if (/^<\d+/.test(t)) return { kind: 'small' };
  if (t === 'x') return { kind: 'x' };
  const m = /^-?[\d.]+(,(\d+))?$/.exec(t);
  if (!m) throw new Error(`cannot read cell text "${text}"`);
  const value = Number(t.replace(/\./g, '').replace(',', '.'));
  const half = m[2] ? 0.5 * 10 ** -m[2].length : 0;
  return { kind: 'shown', lo: value - half, hi: value + half };
}

function range(p: Parsed, whole: boolean): [number, number] {
  if (p.kind === 'shown') return [p.lo, p.hi];
  if (p.kind === 'small') return whole ? [1, 4] : [0, 5];
  if (p.kind === 'x') return [5, Infinity];
  return [0, Infinity];
}

function marginFindings(out: Published, parsed: Map<string, Parsed>, whole: boolean): string[] {
  const found: string[] = [];
  for (const margin of out.margins) {
    const terms = [
      ...margin.parts.map((id) => ({ id, sign: 1 })),
      ...margin.totals.map((id) => ({ id, sign: -1 })),
    ];
    for (const term of terms) {
      if (parsed.get(term.id)!.kind !== 'small') continue;
      let lo = 0;
      let hi = 0;
      for (const other of terms) {
        if (other === term) continue;
        const [a, b] = range(parsed.get(other.id)!, whole);
        const s = -other.sign * term.sign;
        lo += s > 0 ? a : -b;
        hi += s > 0 ? b : -a;
      }
      const [a, b] = range(parsed.get(term.id)!, whole);
      let from = Math.max(lo, a);
      let to = Math.min(hi, b);
      if (whole) [from, to] = [Math.ceil(from - 1e-9), Math.floor(to + 1e-9)];
      if (to - from < 1) {
        found.push(`${term.id} = ${from}…${to} from margin ${margin.totals} = Σ ${margin.parts}`);
      }
    }
  }
  return found;
}

/** Hidden small cells fixed by the margins together (linear algebra, no bounds). */
function rankFindings(out: Published, parsed: Map<string, Parsed>): string[] {
  const unknowns = [...parsed.keys()].filter((id) => parsed.get(id)!.kind !== 'shown');
  const index = new Map(unknowns.map((id, i) => [id, i]));
  const rows = out.margins.map((margin) => {
    const row = new Array<number>(unknowns.length).fill(0);
    for (const id of margin.parts) if (index.has(id)) row[index.get(id)!] += 1;
    for (const id of margin.totals) if (index.has(id)) row[index.get(id)!] -= 1;
    return row;
  });
  const basis: { pivot: number; row: number[] }[] = [];
  const reduce = (v: number[]) => {
    const r = [...v];
    for (const b of basis) {
      const f = r[b.pivot];
      if (Math.abs(f) > 1e-9) for (let j = 0; j < r.length; j++) r[j] -= f * b.row[j];
    }
    return r;
  };
  for (const row of rows) {
    const r = reduce(row);
    const pivot = r.findIndex((x) => Math.abs(x) > 1e-9);
    if (pivot < 0) continue;
    const scaled = r.map((x) => x / r[pivot]);
    for (const b of basis) {
      const f = b.row[pivot];
      if (Math.abs(f) > 1e-9) for (let j = 0; j < scaled.length; j++) b.row[j] -= f * scaled[j];
    }
    basis.push({ pivot, row: scaled });
  }
  return unknowns
    .filter((id) => parsed.get(id)!.kind === 'small')
    .filter((id) => {
      const e = new Array<number>(unknowns.length).fill(0);
      e[index.get(id)!] = 1;
      return reduce(e).every((x) => Math.abs(x) < 1e-9);
    })
    .map((id) => `${id} fixed by combining margins`);
}

function derivedFindings(d: Derived, parsed: Map<string, Parsed>, whole: boolean): string[] {
  if (WITHHELD.has(d.text.trim())) return [];
  const hidden = d.from.filter((id) => (parsed.get(id)?.kind ?? 'unknown') !== 'shown');
  if (hidden.length === 0) return [];
  const found = [`${d.label} "${d.text}" shown beside hidden ${hidden.join(', ')}`];
  if (!d.compute || !whole) return found;
  // Try every value the hidden counts could take; keep those that print the same text.
  const options = hidden.map((id) => {
    const kind = parsed.get(id)?.kind;
    const top = kind === 'small' ? 4 : 400;
    const from = kind === 'small' ? 1 : kind === 'x' ? 5 : 0;
    return Array.from({ length: top - from + 1 }, (_, i) => from + i);
  });
  const fixed = new Map<string, number>();
  for (const id of d.from) {
    const p = parsed.get(id);
    if (p?.kind === 'shown') fixed.set(id, (p.lo + p.hi) / 2);
  }
  const seen = hidden.map(() => new Set<number>());
  const combos = options.reduce((n, o) => n * o.length, 1);
  if (combos > 200_000) return found;
  for (let k = 0; k < combos; k++) {
    const counts = new Map(fixed);
    let rest = k;
    hidden.forEach((id, i) => {
      counts.set(id, options[i][rest % options[i].length]);
      rest = Math.floor(rest / options[i].length);
    });
    if (d.compute(counts) === d.text) hidden.forEach((id, i) => seen[i].add(counts.get(id)!));
  }
  hidden.forEach((id, i) => {
    if (parsed.get(id)?.kind === 'small' && seen[i].size === 1) {
      found.push(`${id} = ${[...seen[i]][0]} recovered from ${d.label} "${d.text}"`);
    }
  });
  return found;
}

/** Every way this output gives a hidden count back; empty when none does. */
export function findRecoveries(out: Published): string[] {
  const whole = out.whole ?? true;
  const parsed = new Map<string, Parsed>();
  const ids = new Set([
    ...out.cells.keys(),
    ...out.margins.flatMap((m) => [...m.totals, ...m.parts]),
  ]);
  for (const id of ids) parsed.set(id, parseCell(out.cells.get(id)));
  return [
    ...marginFindings(out, parsed, whole),
    ...rankFindings(out, parsed),
    ...(out.derived ?? []).flatMap((d) => derivedFindings(d, parsed, whole)),
  ];
}

/** A semicolon CSV (with BOM and header) as rows of fields; no quoted separators expected. */
export function readCsv(text: string): string[][] {
  return text
    .replace(/^\uFEFF/, '')
    .trim()
    .split(/\r\n/)
    .map((line) => line.split(';'));
}
