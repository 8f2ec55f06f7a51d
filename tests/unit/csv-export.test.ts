/**
 * CSV exports of charts: counts below 5 are written as "<5" (PRODUCT.md, Privacy), figures
 * derived from a suppressed count too; Dutch spreadsheet format (semicolon, decimal comma).
 */
import { describe, expect, it } from 'vitest';
import { buildCsv, csvField, type CsvColumn } from '../../src/lib/analysis/csv-export';
import { isSmallCount } from '../../src/lib/analysis/suppression';

interface Row {
  wijk: string;
  n: number;
  rate: number | null;
}

const columns: CsvColumn<Row>[] = [
  { label: 'Wijk', kind: 'text', value: (r) => r.wijk },
  { label: 'Aantal', kind: 'count', value: (r) => r.n },
  {
    label: 'Per 1.000 inwoners',
    kind: 'number',
    value: (r) => r.rate,
    derivedFrom: (r) => r.n,
    decimals: 2,
  },
];

const lines = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trimEnd()
    .split('\r\n');

describe('buildCsv', () => {
  it('writes counts 1–4 as "<5", keeps 0 and counts from 5 on, and hides rates of hidden counts', () => {
    const csv = buildCsv(columns, [
      { wijk: 'Centrum', n: 0, rate: 0 },
      { wijk: 'Oost', n: 1, rate: 0.25 },
      { wijk: 'West', n: 4, rate: 1.5 },
      { wijk: 'Noord', n: 5, rate: 1.234 },
      { wijk: 'Zuid', n: 1234, rate: null },
    ]);
    expect(lines(csv)).toEqual([
      'Wijk;Aantal;Per 1.000 inwoners',
      'Centrum;0;0,00',
      'Oost;<5;<5',
      'West;<5;<5',
      'Noord;5;1,23',
      'Zuid;1234;',
    ]);
  });

  it('hides a rate with its count when the count is kept back as a complement ("x")', () => {
    const states = ['complement', 'shown', 'small'] as const;
    const protectedColumns = columns.map((c, k) =>
      k === 0 ? c : { ...c, state: (r: Row) => states[['Oost', 'West', 'Zuid'].indexOf(r.wijk)] },
    );
    const csv = buildCsv(protectedColumns, [
      { wijk: 'Oost', n: 9, rate: 4.5 },
      { wijk: 'West', n: 12, rate: 6 },
      { wijk: 'Zuid', n: 3, rate: null },
    ]);
    expect(lines(csv).slice(1)).toEqual(['Oost;x;x', 'West;12;6,00', 'Zuid;<5;']);
  });

  it('suppresses weighted (aoristic) counts below 5 as well and rounds the others', () => {
    const weighted: CsvColumn<{ w: number }>[] = [
      { label: 'Gewogen aantal', kind: 'count', value: (r) => r.w },
    ];
    expect(lines(buildCsv(weighted, [{ w: 4.99 }, { w: 5.04 }, { w: 0.2 }]))).toEqual([
      'Gewogen aantal',
      '<5',
      '5,0',
      '<5',
    ]);
  });

  it('starts with a byte-order mark, quotes separators and quotes, and takes another threshold', () => {
    const csv = buildCsv(columns, [{ wijk: 'Oost; "kern"', n: 9, rate: 2 }], { threshold: 10 });
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(lines(csv)[1]).toBe('"Oost; ""kern""";<10;<10');
    expect(isSmallCount(9, 10)).toBe(true);
    expect(isSmallCount(10, 10)).toBe(false);
    expect(isSmallCount(0)).toBe(false);
  });
});

describe('formulas in downloaded CSV (issue 27, item 5)', () => {
  // The probes of the hardening review: Dutch Excel opens a semicolon CSV with a BOM and
  // would evaluate each of these.
  const HOSTILE = [
    '=HYPERLINK("http://voorbeeld.invalid","klik")',
    '=1+1',
    "+cmd|' /C calc'!A0",
    '-1+1',
    '@SUM(A1:A2)',
    '\t=1+1',
    '＝1+1',
  ];

  it('writes every formula as text with a leading apostrophe', () => {
    for (const text of HOSTILE) {
      const field = csvField(text);
      const unquoted = field.startsWith('"') ? field.slice(1, -1).replace(/""/g, '"') : field;
      expect(unquoted, text).toBe(`'${text}`);
    }
  });

  it('keeps numbers numbers: negative, signed, decimal comma, thousands', () => {
    for (const number of ['-1', '-1,5', '+31', '-0.25', '1.234,5', '-2e3', '0']) {
      expect(csvField(number), number).toBe(number);
    }
  });

  it('neutralises a table cell too, and the rejected-rows writer shares the field writer', () => {
    const csv = buildCsv(
      [{ label: 'Wijk', kind: 'text', value: (r: { w: string }) => r.w }],
      [{ w: '=1+1' }, { w: 'Centrum' }],
    );
    expect(csv).toBe("\uFEFFWijk\r\n'=1+1\r\nCentrum\r\n");
  });
});
