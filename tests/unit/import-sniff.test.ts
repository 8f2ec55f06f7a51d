/**
 * Sniffing an export: encoding, delimiter, CSV sample, date/number formats, coordinate
 * system. Date plans are checked twice: the formats the detector returns, and what the
 * real engine (DuckDB-WASM v1.4.3, the browser's) makes of them, against values checked
 * by hand. Coordinates use real places: Amersfoort's Onze Lieve Vrouwetoren is the RD
 * origin (155000, 463000) and the Dom in Utrecht is at about (136700, 455800).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRandom } from '../../src/lib/analysis/random';
import { rdToWgs84 } from '../../src/lib/analysis/rd';
import { formatLocalTimestamp, utcToLocal } from '../../src/lib/analysis/local-time';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import {
  decodeText,
  detectDelimiter,
  detectEncoding,
  isUtf16,
  readCsvSample,
  readExcelSepLine,
} from '../../src/lib/data/import/sniff-text';
import {
  detectCoordinateSystem,
  detectDateFormat,
  detectNumberFormat,
  excelSerialToLocalMs,
  parseNumber,
  type DatePlan,
} from '../../src/lib/data/import/sniff-values';

const CAFE = 'Café ’t Hoekje € 5';
const bytes = (...parts: (string | number)[]): Uint8Array =>
  Uint8Array.from(
    parts.flatMap((p) => (typeof p === 'number' ? [p] : [...p].map((c) => c.charCodeAt(0)))),
  );

describe('encoding', () => {
  it('recognises UTF-8 without a BOM', () => {
    const utf8 = new TextEncoder().encode(CAFE);
    expect(detectEncoding(utf8)).toBe('utf-8');
    expect(decodeText(utf8)).toEqual({ text: CAFE, encoding: 'utf-8' });
  });

  it('recognises UTF-8 with a BOM and strips it', () => {
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(CAFE)]);
    expect(detectEncoding(withBom)).toBe('utf-8-bom');
    const { text, encoding } = decodeText(withBom);
    expect(encoding).toBe('utf-8-bom');
    expect(text).toBe(CAFE);
    expect(text.charCodeAt(0)).not.toBe(0xfeff);
  });

  it('falls back to Windows-1252 for Excel bytes (é = E9, ’ = 92, € = 80)', () => {
    const cp1252 = bytes('Caf', 0xe9, ' ', 0x92, 't Hoekje ', 0x80, ' 5');
    expect(detectEncoding(cp1252)).toBe('windows-1252');
    expect(decodeText(cp1252)).toEqual({ text: CAFE, encoding: 'windows-1252' });
  });

  it('decodes Windows-1252 by the WHATWG index, which Node 20 gets wrong', () => {
    // Node 20's TextDecoder('windows-1252') decodes as Latin-1 (0x80 → U+0080), so the
    // table is written by hand. Spot checks from https://encoding.spec.whatwg.org/index-windows-1252.txt
    const high: [number, string][] = [
      [0x80, '€'],
      [0x81, '\u0081'],
      [0x82, '‚'],
      [0x85, '…'],
      [0x8a, 'Š'],
      [0x8c, 'Œ'],
      [0x8e, 'Ž'],
      [0x91, '‘'],
      [0x92, '’'],
      [0x93, '“'],
      [0x94, '”'],
      [0x96, '–'],
      [0x97, '—'],
      [0x99, '™'],
      [0x9c, 'œ'],
      [0x9d, '\u009d'],
      [0x9f, 'Ÿ'],
    ];
    for (const [byte, char] of high)
      expect(decodeText(bytes(byte), 'windows-1252').text).toBe(char);
    const rest = Array.from({ length: 256 }, (_, i) => i).filter((i) => i < 0x80 || i > 0x9f);
    expect(decodeText(Uint8Array.from(rest), 'windows-1252').text).toBe(
      String.fromCharCode(...rest),
    );
    // Where the platform decoder is right (browsers), it must agree on every byte.
    const reference = new TextDecoder('windows-1252');
    if (reference.decode(bytes(0x80)) === '€') {
      const all = Uint8Array.from({ length: 256 }, (_, i) => i);
      expect(decodeText(all, 'windows-1252').text).toBe(reference.decode(all));
    }
  });

  it('treats plain ASCII and a prefix cut inside a character as UTF-8', () => {
    expect(detectEncoding(bytes('id;x;y\n1;2;3\n'))).toBe('utf-8');
    const full = new TextEncoder().encode('naam;prijs\nCafé;€ 5');
    expect(detectEncoding(full.subarray(0, full.length - 4))).toBe('utf-8'); // cut inside '€'
  });

  it('honours an explicit encoding', () => {
    const utf8 = new TextEncoder().encode('é');
    expect(decodeText(utf8, 'windows-1252').text).toBe('Ã©');
  });

  it('spots UTF-16 (Excel "Unicode-tekst"), which is not supported', () => {
    expect(isUtf16(new Uint8Array([0xff, 0xfe, 0x69, 0x00]))).toBe(true);
    const le = Uint8Array.from([...'id\tx\n1\t2\n'].flatMap((c) => [c.charCodeAt(0), 0]));
    expect(isUtf16(le)).toBe(true);
    expect(isUtf16(new TextEncoder().encode('id;x;y\n1;2;3\n'))).toBe(false);
  });
});

describe('detectDelimiter', () => {
  it('finds a comma', () => {
    expect(detectDelimiter('id,datum,thema\n1,23-11-2026,afval\n2,24-11-2026,horeca\n')).toBe(',');
  });

  it('finds a semicolon between decimal commas (Dutch Excel)', () => {
    expect(detectDelimiter('1,5;2,5\n3,5;4,5\n')).toBe(';');
    expect(detectDelimiter('id;x;y\n1;155000,5;463000,25\n2;136700,1;455800,9\n')).toBe(';');
  });

  it('finds a tab', () => {
    expect(detectDelimiter('id\tx\ty\n1\t5,1\t52,1\n2\t5,2\t52,2\n')).toBe('\t');
  });

  it('ignores delimiters and newlines inside quoted fields', () => {
    // Split naively, ';' would give two fields on every line as well, and win the tie.
    expect(detectDelimiter('"a;b",c\n"d;e",f\n"g;h",i\n')).toBe(',');
    const multiline = 'id,tekst,thema\n1,"regel een\nregel twee; drie",afval\n2,"x;y",horeca\n';
    expect(detectDelimiter(multiline)).toBe(',');
    expect(detectDelimiter('id;omschrijving\n1;"a, b, c"\n2;"d,\ne"\n')).toBe(';');
  });

  it('keeps a single-column file whole', () => {
    const text = 'waarde\n1,5\n2,5\n';
    const delimiter = detectDelimiter(text);
    expect(delimiter).not.toBe(',');
    expect(readCsvSample(text, delimiter, 10)).toEqual({
      header: ['waarde'],
      rows: [['1,5'], ['2,5']],
      truncated: false,
    });
    expect(detectDelimiter('id\n1\n2\n')).toBe(',');
  });

  it("follows Excel's sep= line", () => {
    const text = 'sep=;\nid;x\n1;2\n';
    expect(readExcelSepLine(text)).toBe(';');
    expect(detectDelimiter(text)).toBe(';');
    expect(readCsvSample(text, ';', 5)).toEqual({
      header: ['id', 'x'],
      rows: [['1', '2']],
      truncated: false,
    });
    expect(readExcelSepLine('id;x\n')).toBeNull();
  });
});

describe('readCsvSample', () => {
  it('unescapes doubled quotes inside quoted fields', () => {
    const sample = readCsvSample('id,tekst\n1,"zei ""hoi"", toen"\n2,""\n', ',', 10);
    expect(sample.rows).toEqual([
      ['1', 'zei "hoi", toen'],
      ['2', ''],
    ]);
  });

  it('reads CRLF line ends, and keeps a CRLF inside quotes', () => {
    const sample = readCsvSample('a;b\r\n1;"x\r\ny"\r\n3;4\r\n', ';', 10);
    expect(sample).toEqual({
      header: ['a', 'b'],
      rows: [
        ['1', 'x\r\ny'],
        ['3', '4'],
      ],
      truncated: false,
    });
  });

  it('keeps ragged rows as they are', () => {
    expect(readCsvSample('a,b,c\n1,2\n3,4,5,6\n', ',', 10).rows).toEqual([
      ['1', '2'],
      ['3', '4', '5', '6'],
    ]);
  });

  it('ignores empty trailing lines and trims header names only', () => {
    const sample = readCsvSample(' id , naam \n 1 , a \n\n\n', ',', 10);
    expect(sample).toEqual({ header: ['id', 'naam'], rows: [[' 1 ', ' a ']], truncated: false });
  });

  it('says when there were more rows than asked for', () => {
    const text = 'n\n1\n2\n3\n';
    expect(readCsvSample(text, ',', 2)).toEqual({
      header: ['n'],
      rows: [['1'], ['2']],
      truncated: true,
    });
    expect(readCsvSample(text, ',', 3).truncated).toBe(false);
    expect(readCsvSample(text + '\n\n', ',', 3).truncated).toBe(false);
  });

  it('skips a BOM character left in the text', () => {
    expect(readCsvSample('\uFEFFid;x\n1;2', ';', 5).header).toEqual(['id', 'x']);
  });

  it('never throws on garbage', () => {
    const rng = createRandom(20261123);
    const odd = ['', '"', '""""', '\r', '\n\n\n', '"a\n', ';;;', ',"', '\uFEFF', 'a,"b"c,d'];
    for (const text of odd) {
      expect(() => readCsvSample(text, detectDelimiter(text), 10)).not.toThrow();
    }
    expect(readCsvSample('a,b\n1,"open\n2,3', ',', 10).rows).toEqual([['1', 'open\n2,3']]);
    for (let run = 0; run < 200; run++) {
      const random = Uint8Array.from({ length: rng.int(0, 2000) }, () =>
        rng.chance(0.2) ? rng.pick([0x22, 0x2c, 0x3b, 0x09, 0x0a, 0x0d]) : rng.int(0, 255),
      );
      const { text } = decodeText(random);
      const sample = readCsvSample(text, detectDelimiter(text), rng.int(0, 20));
      expect(Array.isArray(sample.header)).toBe(true);
      expect(sample.rows.every((r) => r.every((v) => typeof v === 'string'))).toBe(true);
    }
  });
});

// ---------------------------------------------------------------------------------------

const strptime = (values: string[]) => {
  const plan = detectDateFormat(values);
  if (plan.kind !== 'strptime') throw new Error(`expected strptime, got ${JSON.stringify(plan)}`);
  return plan;
};

describe('detectDateFormat', () => {
  const cases: [string, string[]][] = [
    ['2026-11-23', ['%Y-%m-%d']],
    ['2026-11-23 14:05', ['%Y-%m-%d %H:%M']],
    ['2026-11-23T14:05', ['%Y-%m-%dT%H:%M']],
    ['2026-11-23T14:05:00', ['%Y-%m-%dT%H:%M:%S']],
    ['2026-11-23 14:05:00.250', ['%Y-%m-%d %H:%M:%S.%f']],
    ['2026-11-23T14:05:00.1234567', ['%Y-%m-%dT%H:%M:%S.%n']],
    ['23-11-2026', ['%d-%m-%Y']],
    ['23-11-2026 14:05', ['%d-%m-%Y %H:%M']],
    ['23-11-2026 14:05:30', ['%d-%m-%Y %H:%M:%S']],
    ['3-4-2025 9:05', ['%d-%m-%Y %H:%M']],
    ['23/11/2026 14:05', ['%d/%m/%Y %H:%M']],
    ['23.11.2026', ['%d.%m.%Y']],
    ['23-11-26', ['%d-%m-%y']],
    ['20261123', ['%Y%m%d']],
    ['20261123 1405', ['%Y%m%d %H%M']],
    ['14:05', ['%H:%M']],
    ['14:05:30', ['%H:%M:%S']],
    ['1405', ['%H%M']],
  ];
  it.each(cases)('%s → %j', (value, formats) => {
    const plan = strptime([value, value]);
    expect(plan.formats).toEqual(formats);
    expect(plan.utc).toBeUndefined();
    expect(plan.share).toBe(1);
  });

  it('marks values with Z or an offset as UTC instants', () => {
    expect(strptime(['2026-11-23T13:05:00Z'])).toEqual({
      kind: 'strptime',
      formats: ['%Y-%m-%dT%H:%M:%SZ'],
      utc: true,
      share: 1,
    });
    const offsets = strptime([
      '2026-11-23T14:05:00+01:00',
      '2026-07-01T14:05:00+0200',
      '2026-11-23T13:05:00Z',
    ]);
    expect(offsets.utc).toBe(true);
    expect(offsets.formats.sort()).toEqual(['%Y-%m-%dT%H:%M:%S%z', '%Y-%m-%dT%H:%M:%SZ']);
  });

  it('never mixes offset and wall-clock values in one plan', () => {
    const plan = strptime([
      '2026-11-23T14:05:00+01:00',
      '2026-11-24T14:05:00+01:00',
      '2026-11-25T14:05:00+01:00',
      '2026-11-26T14:05:00',
    ]);
    expect(plan).toEqual({
      kind: 'strptime',
      formats: ['%Y-%m-%dT%H:%M:%S%z'],
      utc: true,
      share: 0.75,
    });
  });

  it('is day-first: 03-04-2025 is 3 April, and 13-04 / 04-13 are not swapped', () => {
    expect(strptime(['03-04-2025', '04-03-2025']).formats).toEqual(['%d-%m-%Y']);
    // A month-first value cannot be parsed: it is rejected, not silently swapped.
    expect(strptime(['13-04-2025', '04-13-2025']).share).toBe(0.5);
  });

  it('returns every format of a column mixed with and without seconds, most specific first', () => {
    const plan = strptime([
      '23-11-2026 14:05',
      '23-11-2026 14:05:30',
      '24-11-2026 08:00',
      '24-11-2026',
    ]);
    expect(plan.formats).toEqual(['%d-%m-%Y %H:%M:%S', '%d-%m-%Y %H:%M', '%d-%m-%Y']);
    expect(plan.share).toBe(1);
  });

  it('puts two-digit years before four-digit ones', () => {
    expect(strptime(['03-04-2025', '03-04-2025', '03-04-25']).formats).toEqual([
      '%d-%m-%y',
      '%d-%m-%Y',
    ]);
  });

  it('ignores empty values and reports the share it parses', () => {
    const values = [...Array(19).fill('23-11-2026 14:05'), 'onbekend', '', '  '];
    expect(strptime(values).share).toBe(0.95);
  });

  it('recognises Excel serial numbers, with a decimal point or comma', () => {
    expect(detectDateFormat(['46349.5868', '46350.25', '46351'])).toEqual({
      kind: 'excel-serial',
      decimal: '.',
      share: 1,
    });
    expect(detectDateFormat(['46349,5868', '46351'])).toMatchObject({
      kind: 'excel-serial',
      decimal: ',',
    });
    // Outside ~1954-2119 a five-digit number is not taken for a date.
    expect(detectDateFormat(['12345', '99999']).kind).toBe('unknown');
  });

  it('gives up on garbage and impossible dates', () => {
    expect(detectDateFormat(['hallo', 'x', '12:99', '31-02-2025', '2025-13-01', '24:00'])).toEqual({
      kind: 'unknown',
      share: 0,
    });
    expect(detectDateFormat([])).toEqual({ kind: 'unknown', share: 0 });
    expect(detectDateFormat(['23-11-2026', 'a', 'b', 'c']).kind).toBe('unknown');
  });
});

describe('excelSerialToLocalMs', () => {
  it('follows the 1900 date system with its leap-year bug', () => {
    expect(excelSerialToLocalMs(25569)).toBe(Date.UTC(1970, 0, 1)); // 1970-01-01 00:00
    expect(excelSerialToLocalMs(1)).toBe(Date.UTC(1900, 0, 1));
    expect(excelSerialToLocalMs(59)).toBe(Date.UTC(1900, 1, 28));
    expect(excelSerialToLocalMs(60)).toBeNaN(); // 29-02-1900 never existed
    expect(excelSerialToLocalMs(61)).toBe(Date.UTC(1900, 2, 1));
    expect(excelSerialToLocalMs(0.5)).toBeNaN();
    expect(excelSerialToLocalMs(Number.NaN)).toBeNaN();
  });

  it('reads 46349.5 as 23-11-2026 12:00', () => {
    // By hand: 46349 - 25569 = 20780 days after 1970-01-01. 1970..2025 are 56 years with 14
    // leap days: 56 * 365 + 14 = 20454 days to 2026-01-01; 20780 - 20454 = 326 days into
    // 2026; Jan-Oct hold 304 days, so day 326 (from 0) is 22 days into November: the 23rd.
    // .5 of a day is 12:00.
    expect(formatLocalTimestamp(excelSerialToLocalMs(46349.5))).toBe('2026-11-23 12:00:00');
    // 14:05 is 845/1440 = 0.58680555… of a day; the 4 decimals Excel shows read as 14:04:59.52,
    // rounded to the second.
    expect(formatLocalTimestamp(excelSerialToLocalMs(46349.5868))).toBe('2026-11-23 14:05:00');
  });
});

describe('DuckDB reads the date plans as intended', () => {
  let db: Connector;
  beforeAll(async () => {
    db = await createNodeConnector();
  });
  afterAll(() => db.close());

  /** Runs the plan in DuckDB; UTC plans come back as the UTC wall-clock. */
  async function parse(plan: DatePlan, value: string): Promise<string | null> {
    if (plan.kind !== 'strptime') throw new Error('not a strptime plan');
    const list = plan.formats.map((f) => `'${f.replaceAll("'", "''")}'`).join(', ');
    const [row] = await db.query<{ t: string | null }>({
      sql: `SELECT CAST(make_timestamp(epoch_us(try_strptime(?, [${list}]))) AS VARCHAR) AS t`,
      params: [value],
    });
    return row.t;
  }

  it.each([
    ['2026-11-23', '2026-11-23 00:00:00'],
    ['2026-11-23 14:05', '2026-11-23 14:05:00'],
    ['2026-11-23T14:05:00', '2026-11-23 14:05:00'],
    ['2026-11-23T14:05:00.250', '2026-11-23 14:05:00.25'],
    ['2026-11-23T14:05:00.1234567', '2026-11-23 14:05:00.123456'],
    ['03-04-2025', '2025-04-03 00:00:00'],
    ['23-11-2026 14:05', '2026-11-23 14:05:00'],
    ['23-11-2026 14:05:30', '2026-11-23 14:05:30'],
    ['3-4-2025 9:05', '2025-04-03 09:05:00'],
    ['23/11/2026 14:05', '2026-11-23 14:05:00'],
    ['23.11.2026', '2026-11-23 00:00:00'],
    ['23-11-26', '2026-11-23 00:00:00'],
    ['20261123', '2026-11-23 00:00:00'],
    ['20261123 1405', '2026-11-23 14:05:00'],
    ['14:05', '1900-01-01 14:05:00'],
    ['1405', '1900-01-01 14:05:00'],
  ])('%s → %s', async (value, expected) => {
    expect(await parse(detectDateFormat([value]), value)).toBe(expected);
  });

  it('parses a column mixed with and without seconds, and two- and four-digit years', async () => {
    const mixed = ['23-11-2026 14:05', '23-11-2026 14:05:30'];
    const plan = detectDateFormat(mixed);
    expect(await Promise.all(mixed.map((v) => parse(plan, v)))).toEqual([
      '2026-11-23 14:05:00',
      '2026-11-23 14:05:30',
    ]);
    const years = ['03-04-2025', '03-04-25'];
    const yearPlan = detectDateFormat(years);
    expect(await Promise.all(years.map((v) => parse(yearPlan, v)))).toEqual([
      '2025-04-03 00:00:00',
      '2025-04-03 00:00:00', // not the year 25
    ]);
  });

  it('turns offsets into the UTC instant, which the pipeline shows as Dutch time', async () => {
    const values = [
      '2026-11-23T14:05:00+01:00',
      '2026-07-01T14:05:00+0200',
      '2026-11-23T13:05:00Z',
      '2026-11-23 13:05:00.5Z',
      '2026-11-23 15:05+02',
    ];
    const plan = detectDateFormat(values);
    expect(plan).toMatchObject({ utc: true, share: 1 });
    const utc = await Promise.all(values.map((v) => parse(plan, v)));
    expect(utc).toEqual([
      '2026-11-23 13:05:00',
      '2026-07-01 12:05:00',
      '2026-11-23 13:05:00',
      '2026-11-23 13:05:00.5',
      '2026-11-23 13:05:00',
    ]);
    // The pipeline's step: UTC instant → Dutch wall clock (CET in November, CEST in July).
    const local = utc.map((t) =>
      formatLocalTimestamp(utcToLocal(Date.parse(`${t!.replace(' ', 'T')}Z`))),
    );
    expect(local).toEqual([
      '2026-11-23 14:05:00',
      '2026-07-01 14:05:00',
      '2026-11-23 14:05:00',
      '2026-11-23 14:05:00',
      '2026-11-23 14:05:00',
    ]);
  });

  it('rejects what the detector rejects', async () => {
    const plan = detectDateFormat(['23-11-2026']);
    expect(await parse(plan, '31-02-2026')).toBeNull();
    expect(await parse(plan, '2026-11-23')).toBeNull();
  });
});

// ---------------------------------------------------------------------------------------

describe('detectNumberFormat and parseNumber', () => {
  it('reads decimal commas (RD from Dutch Excel)', () => {
    const plan = detectNumberFormat(['155000,5', '463000,25', '5,987654']);
    expect(plan).toEqual({ decimal: ',', thousands: null });
    expect(parseNumber('155000,5', plan)).toBe(155000.5);
    expect(parseNumber('-5,25', plan)).toBe(-5.25);
    expect(parseNumber('\u22125,25', plan)).toBe(-5.25);
    expect(parseNumber('1,5E+05', plan)).toBe(150000);
    expect(parseNumber('52.1', plan)).toBeNull();
  });

  it('reads decimal points', () => {
    const plan = detectNumberFormat(['52.123456', '5.1', '463000']);
    expect(plan).toEqual({ decimal: '.', thousands: null });
    expect(parseNumber(' 52.123456 ', plan)).toBe(52.123456);
    expect(parseNumber('.5', plan)).toBe(0.5);
    expect(parseNumber('5,1', plan)).toBeNull();
  });

  it('reads thousands separators', () => {
    const dutch = detectNumberFormat(['1.234,5', '12,5', '1.234']);
    expect(dutch).toEqual({ decimal: ',', thousands: '.' });
    expect(parseNumber('1.234,5', dutch)).toBe(1234.5);
    expect(parseNumber('1.234', dutch)).toBe(1234);
    expect(parseNumber('1.234.567', dutch)).toBe(1234567);
    expect(parseNumber('12,5', dutch)).toBe(12.5);
    expect(parseNumber('0.123', dutch)).toBeNull(); // a thousands group never follows a 0
    expect(parseNumber('1.23', dutch)).toBeNull();

    const english = detectNumberFormat(['1,234,567.89', '2.5']);
    expect(english).toEqual({ decimal: '.', thousands: ',' });
    expect(parseNumber('1,234,567.89', english)).toBe(1234567.89);

    const spaced = detectNumberFormat(['1 234,5', '12 345']);
    expect(spaced).toEqual({ decimal: ',', thousands: ' ' });
    expect(parseNumber('12\u00a0345', spaced)).toBe(12345);
  });

  it('takes a lone ambiguous separator as the decimal one unless the column says otherwise', () => {
    expect(detectNumberFormat(['5,987'])).toEqual({ decimal: ',', thousands: null });
    expect(detectNumberFormat(['52.123'])).toEqual({ decimal: '.', thousands: null });
    expect(detectNumberFormat(['1,234', '2.5'])).toEqual({ decimal: '.', thousands: ',' });
    expect(detectNumberFormat(['0,123'])).toEqual({ decimal: ',', thousands: null });
    expect(detectNumberFormat(['12', '463000', ''])).toEqual({ decimal: '.', thousands: null });
  });

  it('gives null for empty and non-numbers', () => {
    const plan = { decimal: ',', thousands: '.' } as const;
    for (const value of ['', '  ', 'abc', '1,2,3', '--5', 'NaN', 'Infinity', '5 km']) {
      expect(parseNumber(value, plan)).toBeNull();
    }
  });
});

describe('detectCoordinateSystem', () => {
  const rdX = [155000, 136700];
  const rdY = [463000, 455800];
  const lon = [5.387, 5.1214];
  const lat = [52.155, 52.0907];

  it('uses real points: the RD origin and the Dom are where the brief says', () => {
    const [aLon, aLat] = rdToWgs84(155000, 463000);
    expect(aLon).toBeCloseTo(5.3876, 3);
    expect(aLat).toBeCloseTo(52.1552, 3);
    const [dLon, dLat] = rdToWgs84(136700, 455800);
    expect(dLon).toBeCloseTo(5.1214, 2);
    expect(dLat).toBeCloseTo(52.0907, 2);
  });

  it('recognises RD New', () => {
    expect(detectCoordinateSystem(rdX, rdY)).toEqual({
      crs: 'rd',
      swapped: false,
      share: 1,
      message: 'Coördinaten in RD New (EPSG:28992) herkend.',
    });
  });

  it('recognises WGS84', () => {
    expect(detectCoordinateSystem(lon, lat)).toMatchObject({
      crs: 'wgs84',
      swapped: false,
      share: 1,
    });
  });

  it('catches swapped latitude and longitude', () => {
    const plan = detectCoordinateSystem(lat, lon);
    expect(plan).toMatchObject({ crs: 'wgs84', swapped: true, share: 1 });
    expect(plan.message).toContain(
      'Lengte- en breedtegraad lijken verwisseld; ze worden omgedraaid.',
    );
  });

  it('catches swapped RD x and y', () => {
    const plan = detectCoordinateSystem(rdY, rdX);
    expect(plan).toMatchObject({ crs: 'rd', swapped: true, share: 1 });
    expect(plan.message).toContain('verwisseld');
  });

  it('reports the share that fits, and leaves out missing values', () => {
    const plan = detectCoordinateSystem([...rdX, 155000, 1, NaN], [...rdY, 463000, 2, 463000]);
    expect(plan).toMatchObject({ crs: 'rd', swapped: false, share: 0.75 });
    expect(plan.message).toContain('75% van de punten');
  });

  it('does not decide on mixed garbage', () => {
    const plan = detectCoordinateSystem([1, 2, 1e7, -5, 155000], [1, 3, 4, 5, 463000]);
    expect(plan.crs).toBe('unknown');
    expect(plan.share).toBeCloseTo(0.2);
    expect(plan.message).toMatch(/^Coördinatenstelsel niet herkend/);
    expect(detectCoordinateSystem([], [])).toMatchObject({ crs: 'unknown', share: 0 });
  });
});
