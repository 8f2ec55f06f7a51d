/**
 * "Afhandeling van meldingen" in the printed report (analysis/melding-handling-report.ts): the
 * cells hide what the CSV hides ("<5", "x", "—" for a median or share beside a hidden count),
 * a selection of lines keeps the states decided on all of them, the norm is said in
 * kalenderdagen, and the summary line repeats only what the total row shows. The attacker of
 * tests/helpers/disclosure.ts gets no hidden count back from a printed table.
 */
import { describe, expect, it } from 'vitest';
import type { HandlingRow } from '../../src/lib/analysis/melding-handling';
import { buildHandlingCsv } from '../../src/lib/analysis/melding-handling-csv';
import {
  buildHandlingSummaryText,
  buildReportHandlingTable,
  describeNorms,
  type ReportHandlingRow,
} from '../../src/lib/analysis/melding-handling-report';
import { findRecoveries, readCsv, type Published } from '../helpers/disclosure';

const row = (key: string, closed: number, withinNorm: number, open: number, overNorm: number) =>
  ({
    key,
    main: 'afval',
    closed,
    medianDays: closed > 0 ? 3.5 : null,
    p90Days: closed > 0 ? 12.25 : null,
    withinNorm,
    open,
    overNorm,
    oldestDays: null,
  }) satisfies HandlingRow;

function sum(rows: HandlingRow[]): HandlingRow {
  const total = row('Totaal', 0, 0, 0, 0);
  for (const r of rows) {
    total.closed += r.closed;
    total.withinNorm += r.withinNorm;
    total.open += r.open;
    total.overNorm += r.overNorm;
  }
  return { ...total, medianDays: 4, p90Days: 11 };
}

const lines = (rows: HandlingRow[]) => rows.map((r) => ({ label: r.key!, figures: r }));
const cellsOf = (r: ReportHandlingRow) => [r.closed, r.median, r.share, r.open, r.overNorm];

/** The printed table as the attacker reads it: each count column adds up to the total. */
function published(rows: ReportHandlingRow[], total: ReportHandlingRow): Published {
  const cells = new Map<string, string>();
  const margins: Published['margins'][number][] = [];
  for (const field of ['closed', 'open', 'overNorm'] as const) {
    rows.forEach((r, i) => cells.set(`${field}:${i}`, r[field]));
    cells.set(`${field}:total`, total[field]);
    margins.push({
      totals: [`${field}:total`],
      parts: rows.map((_, i) => `${field}:${i}`),
    });
  }
  const derived = [...rows, total].flatMap((r, i) => {
    const from = [i < rows.length ? `closed:${i}` : 'closed:total'];
    return [
      { label: `median ${i}`, text: r.median, from },
      { label: `share ${i}`, text: r.share, from },
    ];
  });
  return { cells, margins, derived };
}

describe('the report table of the handling', () => {
  const rows = [
    row('grofvuil', 3, 2, 12, 3),
    row('container-is-vol', 40, 30, 9, 6),
    row('x', 30, 29, 7, 5),
    row('y', 50, 48, 10, 0),
  ];

  it('hides what the CSV hides, in Dutch notation', () => {
    const table = buildReportHandlingTable(lines(rows), { label: 'Totaal', figures: sum(rows) });
    expect(table.rows.map(cellsOf)).toEqual([
      ['<5', '—', '—', '12', '<5'],
      ['40', '3,5', '75,0%', '9', '6'],
      // Kept back so grofvuil's 3 and 3 do not follow from the totals.
      ['x', '—', '—', '7', 'x'],
      // 48 of 50 within: the 2 late ones are a small count, so no share.
      ['50', '3,5', '—', '10', '0'],
    ]);
    expect(cellsOf(table.total)).toEqual(['123', '4,0', '88,6%', '38', '14']);
    // The same states as the CSV, cell by cell.
    const csv = readCsv(
      buildHandlingCsv(
        lines(rows),
        { label: 'Totaal', figures: sum(rows) },
        { labelHeader: 'C', openSums: true },
      ),
    ).slice(1);
    const fromCsv = (text: string) => (text === '' ? '–' : text);
    expect([...table.rows, table.total].map((r) => [r.closed, r.open, r.overNorm])).toEqual(
      csv.map((l) => [l[1], l[4], l[5]].map(fromCsv)),
    );
  });

  it('prints a selection of lines with the states decided on all of them', () => {
    const all = buildReportHandlingTable(lines(rows), { label: 'Totaal', figures: sum(rows) });
    const some = buildReportHandlingTable(
      lines(rows),
      { label: 'Totaal', figures: sum(rows) },
      (line) => line.label !== 'grofvuil',
    );
    expect(some.rows.map((r) => r.label)).toEqual(['container-is-vol', 'x', 'y']);
    expect(some.rows).toEqual(all.rows.slice(1));
    expect(some.total).toEqual(all.total);
  });

  it('gives no hidden count back, on random tables', () => {
    let seed = 7;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const small = () => (random() < 0.5 ? Math.floor(random() * 5) : Math.floor(random() * 40));
    let checked = 0;
    for (let run = 0; run < 200; run++) {
      const rs = Array.from({ length: 2 + Math.floor(random() * 12) }, (_, i) => {
        const [closed, open] = [small(), small()];
        return row(
          `c${i}`,
          closed,
          Math.floor(closed * random()),
          open,
          Math.floor(open * random()),
        );
      });
      const total = sum(rs);
      if ([total.closed, total.open, total.overNorm].some((n) => n > 0 && n < 5)) continue;
      const table = buildReportHandlingTable(lines(rs), { label: 'Totaal', figures: total });
      expect(findRecoveries(published(table.rows, table.total)), JSON.stringify(rs)).toEqual([]);
      checked++;
    }
    expect(checked).toBeGreaterThan(100);
  });
});

describe('the norm and the summary line', () => {
  const label = (slug: string) =>
    ({ grofvuil: 'Grofvuil', 'container-is-vol': 'Container is vol' })[slug] ?? slug;

  it('says the norm in kalenderdagen, own norms by name', () => {
    expect(describeNorms({ defaultDays: 14, byCategory: {} }, label)).toBe(
      '14 kalenderdagen na de melding',
    );
    expect(
      describeNorms({ defaultDays: 7, byCategory: { grofvuil: 21, 'container-is-vol': 1 } }, label),
    ).toBe(
      '7 kalenderdagen na de melding; eigen norm: Container is vol 1 kalenderdag, Grofvuil 21 kalenderdagen',
    );
  });

  it('repeats only what the total row shows', () => {
    const printed = (closed: number, within: number, open: number, over: number) => {
      const rs = [row('a', closed, within, open, over)];
      return buildReportHandlingTable(lines(rs), { label: 'Totaal', figures: sum(rs) }).total;
    };
    const norm = '14 kalenderdagen na de melding';
    expect(buildHandlingSummaryText(printed(40, 30, 9, 6), '2026-10-31', norm)).toBe(
      'Op 31 okt 2026 stonden 9 meldingen open, waarvan 6 over de norm. ' +
        'Mediane doorlooptijd 4,0 dagen (40 afgehandeld in de periode, 75,0% binnen de norm). ' +
        'Norm: 14 kalenderdagen na de melding.',
    );
    // A small count of handled meldingen: no median beside it.
    const few = buildHandlingSummaryText(printed(3, 2, 12, 3), '2026-10-31', norm);
    expect(few).toContain('stonden 12 meldingen open, waarvan <5 over de norm');
    expect(few).toContain('Afgehandeld in de periode: <5; mediane doorlooptijd niet getoond');
    expect(few).not.toMatch(/\d,\d dagen/);
    expect(buildHandlingSummaryText(printed(0, 0, 0, 0), '2026-10-31', norm)).toBe(
      'Op 31 okt 2026 stonden geen meldingen open. In de periode is geen melding afgehandeld. ' +
        'Norm: 14 kalenderdagen na de melding.',
    );
  });
});
