/**
 * Europe/Amsterdam local time without ICU. Reference: the EU summer-time rule (Directive
 * 2000/84/EC) and, independently, the IANA tz database as shipped in Node's ICU (Intl).
 */
import { describe, expect, it } from 'vitest';
import {
  formatLocalTimestamp,
  isInAutumnOverlap,
  isInSpringGap,
  localToUtc,
  utcToLocal,
} from '../../src/lib/analysis/local-time';

const HOUR = 3_600_000;
const intlParts = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});
function intlLocal(utcMs: number): string {
  const p = Object.fromEntries(
    intlParts.formatToParts(new Date(utcMs)).map((x) => [x.type, x.value]),
  );
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}
const local = (text: string) => Date.parse(text.replace(' ', 'T') + 'Z');

describe('utcToLocal', () => {
  it('agrees with the IANA tz database for every hour from 2022 to 2028', () => {
    const start = Date.UTC(2022, 0, 1);
    const end = Date.UTC(2028, 0, 1);
    let mismatches = 0;
    for (let t = start; t < end; t += HOUR) {
      if (formatLocalTimestamp(utcToLocal(t)) !== intlLocal(t)) mismatches++;
    }
    expect(mismatches).toBe(0);
  });
});

describe('spring forward (29 March 2026)', () => {
  it('02:30 does not exist and is read as 03:30 summer time', () => {
    const reading = local('2026-03-29 02:30:00');
    expect(isInSpringGap(reading)).toBe(true);
    expect(new Date(localToUtc(reading)).toISOString()).toBe('2026-03-29T01:30:00.000Z');
    expect(formatLocalTimestamp(utcToLocal(localToUtc(reading)))).toBe('2026-03-29 03:30:00');
  });

  it('the day has 23 hours', () => {
    const hours =
      (localToUtc(local('2026-03-30 00:00:00')) - localToUtc(local('2026-03-29 00:00:00'))) / HOUR;
    expect(hours).toBe(23);
  });

  it('01:59 and 03:00 are ordinary readings', () => {
    expect(isInSpringGap(local('2026-03-29 01:59:00'))).toBe(false);
    expect(isInSpringGap(local('2026-03-29 03:00:00'))).toBe(false);
  });
});

describe('fall back (25 October 2026)', () => {
  it('02:30 occurs twice; the earlier (summer-time) instant is chosen', () => {
    const reading = local('2026-10-25 02:30:00');
    expect(isInAutumnOverlap(reading)).toBe(true);
    expect(new Date(localToUtc(reading)).toISOString()).toBe('2026-10-25T00:30:00.000Z');
    // Both instants show the same wall-clock reading.
    expect(formatLocalTimestamp(utcToLocal(Date.UTC(2026, 9, 25, 0, 30)))).toBe(
      '2026-10-25 02:30:00',
    );
    expect(formatLocalTimestamp(utcToLocal(Date.UTC(2026, 9, 25, 1, 30)))).toBe(
      '2026-10-25 02:30:00',
    );
  });

  it('the day has 25 hours', () => {
    const hours =
      (localToUtc(local('2026-10-26 00:00:00')) - localToUtc(local('2026-10-25 00:00:00'))) / HOUR;
    expect(hours).toBe(25);
  });

  it('readings outside the transitions round-trip exactly', () => {
    for (const text of ['2025-01-15 08:00:00', '2025-07-01 23:59:59', '2024-12-31 23:00:00']) {
      const reading = local(text);
      expect(isInAutumnOverlap(reading)).toBe(false);
      expect(formatLocalTimestamp(utcToLocal(localToUtc(reading)))).toBe(text);
    }
  });
});
