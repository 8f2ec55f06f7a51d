/**
 * Windows summed per hour in DuckDB (queries/facts-windows.ts, folded by
 * analysis/aoristic-events.ts) must give exactly what AoristicAccumulator.add gives record
 * by record — over both clock changes, midnight, the new year, hour boundaries, seconds,
 * zero-length, reversed and too-long windows — and hand-computed weights.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AoristicAccumulator, type AoristicSummary } from '../../src/lib/analysis/aoristic';
import { ensureFacts } from '../../src/lib/data/analysis-facts';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { queryFactsHotTimes } from '../../src/lib/data/facts-hot-times';
import type { RecordTable } from '../../src/lib/data/schema';

/** [theme, from, to] as local wall-clock readings (Europe/Amsterdam). */
const WINDOWS: [string, string, string][] = [
  ['lente', '2025-03-29 22:15:00', '2025-03-30 04:45:00'],
  ['herfst', '2025-10-26 01:30:00', '2025-10-26 03:30:00'],
  ['overlap', '2025-10-26 02:30:00', '2025-10-26 02:45:00'],
  ['overlap-uit', '2025-10-26 02:30:00', '2025-10-26 04:00:00'],
  ['gat', '2025-03-30 02:30:00', '2025-03-30 03:30:00'],
  ['middernacht', '2025-06-01 23:00:00', '2025-06-02 01:00:00'],
  ['binnen-uur', '2025-06-03 10:20:00', '2025-06-03 10:40:00'],
  ['week', '2025-07-01 08:00:00', '2025-07-08 07:59:59'],
  ['omgekeerd', '2025-07-10 12:00:00', '2025-07-10 11:00:00'],
  ['jaarwisseling', '2025-12-31 22:30:00', '2026-01-01 01:15:00'],
  ['seconden', '2025-08-01 10:00:07', '2025-08-01 13:59:53'],
  ['herfst-lang', '2025-10-25 20:00:00', '2025-10-27 06:00:00'],
  ['lente-lang', '2026-03-28 07:10:00', '2026-03-30 19:50:00'],
];
/** Melding windows of length zero count as exact records at their hour. */
const ZERO_LENGTH: [string, string][] = [
  ['nul', '2025-05-05 14:25:00'],
  ['nul-gat', '2025-03-30 02:10:00'],
];

/** Incidents with one time (from = to): exact records, one in the spring gap and one on
 * either side of it. */
const EXACT: [string, string][] = [
  ['exact', '2025-05-06 09:10:00'],
  ['exact-gat', '2025-03-30 02:20:00'],
  ['exact-voor-gat', '2025-03-30 01:40:00'],
  ['exact-na-gat', '2025-03-30 03:10:00'],
];

const localMs = (text: string) => Date.parse(text.replace(' ', 'T') + 'Z');

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
  const incidents = WINDOWS.map(
    ([theme, from, to], i) =>
      `('i${i}', TIMESTAMP '${from}', TIMESTAMP '${to}', '${theme}', 'test')`,
  );
  await conn.exec(`INSERT INTO incidents (id, occurred_from, occurred_to, theme, dataset)
    VALUES ${incidents.join(', ')}, ${EXACT.map(
      ([theme, at], i) => `('e${i}', TIMESTAMP '${at}', TIMESTAMP '${at}', '${theme}', 'test')`,
    ).join(', ')}`);
  const meldingen = ZERO_LENGTH.map(
    ([theme, at], i) =>
      `('m${i}', TIMESTAMP '${at}', TIMESTAMP '${at}', TIMESTAMP '${at}', '${theme}', 'test')`,
  );
  await conn.exec(`INSERT INTO meldingen (id, reported_at, happened_from, happened_to, theme,
      dataset) VALUES ${meldingen.join(', ')}`);
  await ensureFacts(conn, 1);
});
afterAll(() => conn.close());

const TABLES: RecordTable[] = ['incidents', 'meldingen', 'visits'];

function oneByOne(themes: string[] | null, maxWindowHours: number): AoristicSummary {
  const acc = new AoristicAccumulator({ maxWindowHours });
  for (const [theme, from, to] of WINDOWS) {
    if (!themes || themes.includes(theme)) acc.add(localMs(from), localMs(to));
  }
  for (const [theme, at] of ZERO_LENGTH) {
    if (!themes || themes.includes(theme)) acc.add(localMs(at), localMs(at));
  }
  for (const [theme, at] of EXACT) {
    if (!themes || themes.includes(theme)) acc.add(localMs(at), null);
  }
  return acc.summarize();
}

const inDatabase = (themes: string[] | null, maxWindowHours: number) =>
  queryFactsHotTimes(conn, {
    tables: TABLES,
    filter: themes ? { themes } : {},
    maxWindowHours,
  });

function expectSame(got: AoristicSummary, want: AoristicSummary, label: string): void {
  expect(got.exactCount, label).toBe(want.exactCount);
  expect(got.spreadCount, label).toBe(want.spreadCount);
  expect(got.unknown, label).toEqual(want.unknown);
  for (let i = 0; i < 168; i++) {
    expect(got.weekdayHour[i], `${label} cell ${i}`).toBeCloseTo(want.weekdayHour[i], 12);
    // Hours without weight stay exactly 0 (no rounding residue from the runs).
    if (want.weekdayHour[i] === 0) expect(got.weekdayHour[i], `${label} cell ${i}`).toBe(0);
  }
  expect(got.monthYear.firstYear, label).toBe(want.monthYear.firstYear);
  expect(got.monthYear.values.length, label).toBe(want.monthYear.values.length);
  got.monthYear.values.forEach((v, i) =>
    expect(v, `${label} month ${i}`).toBeCloseTo(want.monthYear.values[i], 12),
  );
}

describe('aoristic windows summed in the database', () => {
  it('equal the record-by-record accumulator, all windows and each alone', async () => {
    for (const max of [24, 72, 200]) {
      expectSame(await inDatabase(null, max), oneByOne(null, max), `all, max ${max}`);
      for (const [theme] of [...WINDOWS, ...ZERO_LENGTH, ...EXACT]) {
        expectSame(await inDatabase([theme], max), oneByOne([theme], max), `${theme}, ${max}`);
      }
    }
  });

  it('count the timings: too long by the maximum, reversed, zero length as exact', async () => {
    const short = await inDatabase(null, 24);
    // exact: four incidents, two zero-length meldingen, and the spring-gap window whose
    // 02:30 reads as 01:30 UTC, the same instant as 03:30 summer time.
    expect(short.exactCount).toBe(7);
    // Too long for 24 h: the week (168 h), herfst-lang (35 h) and lente-lang (59 h 40).
    expect(short.unknown).toEqual({ missing: 0, tooLong: 3, reversed: 1, total: 4 });
    expect(short.spreadCount).toBe(8);
    const long = await inDatabase(null, 200);
    expect(long.unknown).toEqual({ missing: 0, tooLong: 0, reversed: 1, total: 1 });
    expect(long.spreadCount).toBe(11);
    expect(long.knownCount).toBe(18);
  });

  it('count a time in the spring gap in the hour after it', async () => {
    // 02:20 on the last Sunday of March does not exist: read as 03:20 summer time.
    const { weekdayHour, exactCount } = await inDatabase(['exact-gat'], 72);
    expect(exactCount).toBe(1);
    expect(weekdayHour[6 * 24 + 3]).toBe(1);
  });

  it('give the hand-computed weights over the autumn change', async () => {
    // 01:30 summer time → 03:30 winter time is 3 real hours: local 01:00 gets ½ h, the
    // doubled 02:00 both its real hours (2 h), 03:00 ½ h — of 3 h. Sunday is weekday 6.
    const { weekdayHour, knownCount } = await inDatabase(['herfst'], 72);
    expect(knownCount).toBe(1);
    expect(weekdayHour[6 * 24 + 1]).toBeCloseTo(1 / 6, 12);
    expect(weekdayHour[6 * 24 + 2]).toBeCloseTo(2 / 3, 12);
    expect(weekdayHour[6 * 24 + 3]).toBeCloseTo(1 / 6, 12);
    expect(weekdayHour.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
  });

  it('give the hand-computed weights over the spring change', async () => {
    // Saturday 22:15 → Sunday 04:45 summer time is 5.5 real hours: 22:00 gets ¾ h, 23:00,
    // 00:00, 01:00 and 03:00 a whole hour each, 02:00 does not exist, 04:00 ¾ h.
    const { weekdayHour } = await inDatabase(['lente'], 72);
    const d = 5.5;
    expect(weekdayHour[5 * 24 + 22]).toBeCloseTo(0.75 / d, 12);
    expect(weekdayHour[5 * 24 + 23]).toBeCloseTo(1 / d, 12);
    for (const h of [0, 1, 3]) expect(weekdayHour[6 * 24 + h]).toBeCloseTo(1 / d, 12);
    expect(weekdayHour[6 * 24 + 2]).toBe(0);
    expect(weekdayHour[6 * 24 + 4]).toBeCloseTo(0.75 / d, 12);
  });
});
