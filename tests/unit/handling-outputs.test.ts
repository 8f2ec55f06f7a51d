/**
 * "Afhandeling van meldingen" leaves the Management view as three CSV downloads (per
 * category, per wijk, per month; state/management/handling-export.ts) and as two tables of
 * the printed report (report-handling.ts). Each carries the same total, and the month CSV's
 * last month is open at the same moment as the total: a count kept back in one output must
 * not be shown in another, or the attacker of tests/helpers/disclosure.ts, holding all of
 * them, works the hidden cells back.
 *
 * Hand-made case: 8 meldingen handled, 4 in each of two categories and all 8 in one wijk.
 * Protected one table at a time, the category CSV kept its total back ("x": both parts are
 * "<5"), the wijk CSV showed 8, and 8 = 4 + 4 gave both back.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_NORMS, type HandlingRow } from '../../src/lib/analysis/melding-handling';
import type { ReportHandlingRow } from '../../src/lib/analysis/melding-handling-report';
import type { HandlingFigures } from '../../src/lib/state/management/handling-data';
import { categoryCsv, monthCsv, wijkCsv } from '../../src/lib/state/management/handling-export';
import { buildReportHandling } from '../../src/lib/state/management/report-handling';
import { findRecoveries, readCsv, type Published } from '../helpers/disclosure';

type Field = 'closed' | 'open' | 'overNorm';
const FIELDS: Field[] = ['closed', 'open', 'overNorm'];
const CSV_COLUMN: Record<Field, string> = {
  closed: 'Afgehandeld',
  open: 'Open',
  overNorm: 'Open over de norm',
};

const row = (key: string | null, counts: Partial<HandlingRow> = {}): HandlingRow => {
  const closed = counts.closed ?? 0;
  return {
    key,
    main: key === null ? null : 'afval',
    closed,
    medianDays: closed > 0 ? 3 : null,
    p90Days: closed > 0 ? 9 : null,
    withinNorm: Math.floor(closed / 2),
    open: 0,
    overNorm: 0,
    oldestDays: null,
    ...counts,
  };
};

/** Figures of closed and open meldingen, each given as [category, wijk, month, over norm]. */
function figuresOf(
  closed: [number, number, number][],
  open: [number, number, boolean][],
  sizes: { categories: number; wijken: number; months: number },
  earlierOpen: number[] = [],
): HandlingFigures {
  const lines = (n: number, prefix: string) =>
    Array.from({ length: n }, (_, i) => row(`${prefix}${i}`));
  const byCategory = lines(sizes.categories, 'c');
  const byWijk = lines(sizes.wijken, 'WK0');
  const months = Array.from({ length: sizes.months }, (_, i) => ({
    ...row(`2025-${String(i + 1).padStart(2, '0')}`),
    month: `2025-${String(i + 1).padStart(2, '0')}`,
    open: earlierOpen[i] ?? 0,
  }));
  const total = row(null);
  const add = (target: HandlingRow | (typeof months)[number], field: Field, n = 1) => {
    target[field] += n;
    if (field === 'closed') {
      target.medianDays = 3;
      target.withinNorm = Math.floor(target.closed / 2);
    }
  };
  for (const [c, w, m] of closed) {
    for (const target of [byCategory[c], byWijk[w], months[m], total]) add(target, 'closed');
  }
  for (const [c, w, over] of open) {
    for (const target of [byCategory[c], byWijk[w], total]) {
      add(target, 'open');
      if (over) add(target, 'overNorm');
    }
  }
  // The last month is counted at the same moment as the total's open meldingen.
  Object.assign(months.at(-1)!, { open: total.open, overNorm: total.overNorm });
  return { asOf: '2026-01-01 00:00:00', lastDay: '2025-12-31', total, byCategory, byWijk, months };
}

/** How much a printed text tells: a number, "<5", "x", nothing. */
const rank = (text: string | undefined) =>
  text === undefined || text === '' ? 0 : text === 'x' ? 1 : text.startsWith('<') ? 2 : 3;

/** Every output of the section together, as the attacker reads them. */
function allOutputs(figures: HandlingFigures): Published {
  const cells = new Map<string, string>();
  const show = (id: string, text: string) => {
    if (rank(text) > rank(cells.get(id))) cells.set(id, text);
  };
  const margins: { totals: string[]; parts: string[] }[] = [];
  const derived: { label: string; text: string; from: string[] }[] = [];
  const readTable = (table: string, csv: string, fields: Field[]) => {
    const [header, ...lines] = readCsv(csv);
    const parts = lines.slice(0, -1);
    for (const field of fields) {
      const col = header.indexOf(CSV_COLUMN[field]);
      parts.forEach((line, i) => show(`${table}:${i}:${field}`, line[col]));
      show(`total:${field}`, lines.at(-1)![col]);
      margins.push({
        totals: [`total:${field}`],
        parts: parts.map((_, i) => `${table}:${i}:${field}`),
      });
    }
    const at = (name: string) => header.indexOf(name);
    lines.forEach((line, i) => {
      const from = [i < parts.length ? `${table}:${i}:closed` : 'total:closed'];
      for (const name of ['Mediane doorlooptijd (dagen)', 'Binnen de norm (%)']) {
        derived.push({ label: `${table} ${name} ${i}`, text: line[at(name)], from });
      }
    });
  };
  readTable('cat', categoryCsv(figures, DEFAULT_NORMS), FIELDS);
  readTable(
    'wijk',
    wijkCsv(figures, (code) => code),
    FIELDS,
  );
  readTable('month', monthCsv(figures), ['closed']);
  // The month CSV's open columns: not summed, but its last month is the total's moment.
  const [header, ...lines] = readCsv(monthCsv(figures));
  const last = lines.length - 2;
  for (const field of ['open', 'overNorm'] as const) {
    lines.slice(0, -1).forEach((line, i) => {
      show(`month:${i}:${field}`, line[header.indexOf(CSV_COLUMN[field])]);
    });
    margins.push({ totals: [`total:${field}`], parts: [`month:${last}:${field}`] });
  }
  // The printed report: the category and wijk tables with the same total.
  const report = buildReportHandling(
    { figures, norms: DEFAULT_NORMS, themeName: "alle thema's" },
    [],
    (code) => code,
  );
  const printed = (table: string, rows: ReportHandlingRow[], total: ReportHandlingRow) => {
    for (const field of FIELDS) {
      rows.forEach((r, i) => show(`${table}:${i}:${field}`, r[field]));
      show(`total:${field}`, total[field]);
    }
    [...rows, total].forEach((r, i) => {
      const from = [i < rows.length ? `${table}:${i}:closed` : 'total:closed'];
      derived.push({ label: `report ${table} median ${i}`, text: r.median, from });
      derived.push({ label: `report ${table} share ${i}`, text: r.share, from });
    });
  };
  printed('cat', report.categories.rows, report.categories.total);
  printed('wijk', report.wijken.rows, report.wijken.total);
  return { cells, margins, derived };
}

describe('the outputs of "Afhandeling van meldingen" together', () => {
  it('keep back what any one of them keeps back', () => {
    // 8 handled: 4 + 4 in two categories, all 8 in one wijk, in one month.
    const closed: [number, number, number][] = [
      ...Array.from({ length: 4 }, (): [number, number, number] => [0, 0, 0]),
      ...Array.from({ length: 4 }, (): [number, number, number] => [1, 0, 0]),
    ];
    const figures = figuresOf(closed, [], { categories: 2, wijken: 2, months: 1 });
    const totalOf = (csv: string) => readCsv(csv).at(-1)![readCsv(csv)[0].indexOf('Afgehandeld')];
    const shown = [
      totalOf(categoryCsv(figures, DEFAULT_NORMS)),
      totalOf(wijkCsv(figures, (code) => code)),
      totalOf(monthCsv(figures)),
    ];
    expect(shown).toEqual(['x', 'x', 'x']);
    expect(findRecoveries(allOutputs(figures))).toEqual([]);
  });

  it('give no hidden count back, on random meldingen', () => {
    let seed = 23;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const pick = (n: number) => Math.floor(random() * n);
    let small = 0;
    for (let run = 0; run < 300; run++) {
      const sizes = { categories: 2 + pick(4), wijken: 2 + pick(4), months: 1 + pick(4) };
      // Skewed: most meldingen in the first lines, so small cells and small totals occur.
      const skewed = (n: number) => Math.min(n - 1, Math.floor(random() ** 2 * n));
      const closed = Array.from({ length: pick(30) }, (): [number, number, number] => [
        skewed(sizes.categories),
        skewed(sizes.wijken),
        pick(sizes.months),
      ]);
      const open = Array.from({ length: pick(16) }, (): [number, number, boolean] => [
        skewed(sizes.categories),
        skewed(sizes.wijken),
        random() < 0.4,
      ]);
      const earlier = Array.from({ length: sizes.months }, () => pick(9));
      const figures = figuresOf(closed, open, sizes, earlier);
      // As in the tests of each table alone: a total below 5 is out of reach of
      // complementary suppression (four parts of "<5" under a total of "<5" are 1 each).
      const { total } = figures;
      if ([total.closed, total.open, total.overNorm].some((n) => n > 0 && n < 5)) continue;
      const out = allOutputs(figures);
      small += [...out.cells.values()].filter((t) => t === '<5').length;
      expect(findRecoveries(out), JSON.stringify({ closed, open, sizes })).toEqual([]);
    }
    expect(small).toBeGreaterThan(100);
  });
});
