/**
 * The date and time fields of a suggested mapping, checked against what the columns hold.
 * Header names mislead: a registration export's `Tijdstip` holds '14:05' (a clock time,
 * not a moment), a national register's `Datum` holds '2023' (a year). Here the values
 * decide: a column of clock times feeds a time field, a column of dates a date or
 * timestamp field, and a date column and a time column are combined. A date or time
 * field is 'zeker' only when its column's values confirm it.
 *
 * Whole hours ('Uur' = 14, 9, 23) are the one case the values cannot settle alone: a count
 * or a number of rooms is also 0–23. Such a column is a time column when its header says
 * so (isHourHeader: uur, tijd, tijdstip, aanvang, hour, time, but not a duration or an
 * amount), and then its values confirm it; otherwise it is taken, as 'waarschijnlijk', only
 * as the clock time of a date column that has none and only when no column of real clock
 * times is free. Hours with a unit ('14u', '14 uur', '14h') are clock times by value.
 */
import { tokens } from './column-names';
import { classifyTemporalValues } from './sniff-dates';

export type ValueClass = ReturnType<typeof classifyTemporalValues>;

export interface Chosen {
  index: number;
  confidence: 'zeker' | 'waarschijnlijk';
}

/** A field's date part, time part and combined timestamp (column-mapping's DATE_TIME_PAIRS). */
export type DateTimePair = [date: string, time: string, timestamp: string];

const DATES = new Set<ValueClass>(['day', 'month', 'year']);

/** A header word that names a clock time: 'Uur', 'Aanvangsuur', 'Tijdstip', 'Start time'. */
const HOUR_WORD = /^(?:uur|.*[^bdhv]uur|.*tijd.*|aanvang.*|hours?|.*time)$/;
/** Words of durations and amounts: 'Tijdsduur', 'Aantal uur', 'Reistijd', 'Response time'. */
const NOT_HOUR_WORD =
  /duur|aantal|count|doorloop|wacht|reis|verblijf|behandel|duration|response|elapsed|leeftijd/;

/** True for a header that names the hour or time of day (not its duration). */
export function isHourHeader(header: string): boolean {
  const words = tokens(header);
  return words.some((w) => HOUR_WORD.test(w)) && !words.some((w) => NOT_HOUR_WORD.test(w));
}

/**
 * The value class of every column, from its sample (null: not a date or time). Whole
 * numbers 0–23 under a header that names a time are clock times; elsewhere they stay
 * 'hour', a time only beside a date (applyValueClasses).
 */
export function classifyColumns(
  samples: readonly (readonly string[])[],
  headers: readonly string[] = [],
): ValueClass[] {
  return samples.map((values, index) => {
    const value = classifyTemporalValues(values);
    return value === 'hour' && isHourHeader(String(headers[index] ?? '')) ? 'time' : value;
  });
}

/** Which value classes confirm a field. */
function confirms(role: 'date' | 'time' | 'timestamp', value: ValueClass): boolean {
  if (role === 'time') return value === 'time';
  // A date column may carry a clock time too ('23-11-2026 00:00'); only its day is read.
  if (role === 'date') return value === 'datetime' || DATES.has(value);
  return value === 'datetime' || DATES.has(value);
}

/**
 * Corrects the date and time fields of `chosen` (field → column) in place by the columns'
 * value classes; `used` holds the columns given to any field. `pairs[0]` is the record's
 * main time: only there is a free column looked for when a part is missing.
 */
export function applyValueClasses(
  pairs: readonly DateTimePair[],
  chosen: Map<string, Chosen>,
  used: Set<number>,
  classes: readonly ValueClass[],
): void {
  const classOf = (field: string): ValueClass | undefined => {
    const hit = chosen.get(field);
    return hit ? classes[hit.index] : undefined;
  };
  const move = (from: string, to: string): void => {
    const hit = chosen.get(from)!;
    chosen.delete(from);
    if (chosen.has(to)) used.delete(hit.index);
    else chosen.set(to, { index: hit.index, confidence: 'zeker' });
  };
  const free = (wanted: (c: ValueClass) => boolean): number =>
    classes.findIndex((c, index) => !used.has(index) && wanted(c));
  const claim = (field: string, index: number): void => {
    chosen.set(field, { index, confidence: 'waarschijnlijk' });
    used.add(index);
  };

  pairs.forEach(([date, time, timestamp], order) => {
    // Clock times under a date or timestamp name ('Tijdstip' = '14:05') are the time part.
    for (const field of [timestamp, date]) if (classOf(field) === 'time') move(field, time);
    // Dates under a time name are the date or the whole timestamp.
    const timeClass = classOf(time);
    if (timeClass === 'datetime') move(time, timestamp);
    else if (DATES.has(timeClass ?? null)) move(time, date);
    // A date column with full timestamps and nothing else to combine: it is the timestamp.
    if (classOf(date) === 'datetime' && !chosen.has(time) && !chosen.has(timestamp)) {
      move(date, timestamp);
    }
    // A timestamp field with dates only, beside a time column: it is the date part.
    if (chosen.has(time) && !chosen.has(date) && DATES.has(classOf(timestamp) ?? null)) {
      move(timestamp, date);
    }
    if (order > 0) return;
    if (chosen.has(time) && !chosen.has(date) && !chosen.has(timestamp)) {
      const index = free((c) => c === 'day');
      if (index >= 0) claim(date, index);
    }
    // A day without a clock time, and a free column of clock times: combine the two.
    const dayInTimestamp = !chosen.has(date) && classOf(timestamp) === 'day';
    if (!chosen.has(time) && (classOf(date) === 'day' || dayInTimestamp)) {
      // Real clock times first; bare numbers 0–23 only when none is free.
      let index = free((c) => c === 'time');
      if (index < 0) index = free((c) => c === 'hour');
      if (index >= 0) {
        if (dayInTimestamp) move(timestamp, date);
        claim(time, index);
      }
    }
    if (!chosen.has(date) && !chosen.has(timestamp)) {
      const index = free((c) => c === 'datetime');
      if (index >= 0) claim(timestamp, index);
      else {
        const coarse = free((c) => DATES.has(c));
        if (coarse >= 0) claim(timestamp, coarse);
      }
    }
  });

  for (const [date, time, timestamp] of pairs) {
    const roles = [
      [date, 'date'],
      [time, 'time'],
      [timestamp, 'timestamp'],
    ] as const;
    for (const [field, role] of roles) {
      const hit = chosen.get(field);
      if (hit && hit.confidence === 'zeker' && !confirms(role, classes[hit.index])) {
        chosen.set(field, { ...hit, confidence: 'waarschijnlijk' });
      }
    }
  }
}
