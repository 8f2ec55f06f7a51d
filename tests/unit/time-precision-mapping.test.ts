/**
 * Date and time columns recognised by their values, whatever their names (issue 22,
 * item 3): clock times go to the time field and are combined with the date column; year
 * and month columns are read as coarse dates; a date or time field is 'zeker' only when
 * the values confirm it.
 */
import { describe, expect, it } from 'vitest';
import {
  suggestColumnMapping,
  type MappingSuggestion,
} from '../../src/lib/data/import/column-mapping';
import {
  classifyTemporalValues,
  detectDateFormat,
  formatPrecision,
} from '../../src/lib/data/import/sniff-dates';
import { formatCell, previewColumns } from '../../src/lib/state/import/import-view';

const field = (mapping: MappingSuggestion[], name: string) =>
  mapping.find((m) => m.field === name)!;

const DATES = ['03-02-2026', '14-02-2026', '21-02-2026', '01-03-2026'];
const TIMES = ['14:05', '23:40', '08:15', '9:30'];
const IDS = ['1', '2', '3', '4'];
const XS = ['211987,51', '210221,16', '211172,76', '214062,07'];

describe('classifyTemporalValues', () => {
  it('tells clock times, dates, months, years and timestamps apart by value', () => {
    expect(classifyTemporalValues(TIMES)).toBe('time');
    expect(classifyTemporalValues(['0830', '1415', '2359', '0005'])).toBe('time');
    expect(classifyTemporalValues(DATES)).toBe('day');
    expect(classifyTemporalValues(['2023-01', '2023-02', '2024-11'])).toBe('month');
    expect(classifyTemporalValues(['03-2023', '11-2024'])).toBe('month');
    expect(classifyTemporalValues(['2022', '2023', '2024', '2023'])).toBe('year');
    expect(classifyTemporalValues(['23-11-2026 14:05', '24-11-2026 02:30'])).toBe('datetime');
    expect(classifyTemporalValues(['horeca', 'afval'])).toBeNull();
    expect(classifyTemporalValues(XS)).toBeNull();
  });

  it('reads years and months with DuckDB formats of the matching precision', () => {
    expect(detectDateFormat(['2022', '2023'])).toMatchObject({ formats: ['%Y'] });
    expect(detectDateFormat(['2023-01', '2023-12'])).toMatchObject({ formats: ['%Y-%m'] });
    expect(formatPrecision('%Y')).toBe('year');
    expect(formatPrecision('%m-%Y')).toBe('month');
    expect(formatPrecision('%d-%m-%Y')).toBe('day');
    expect(formatPrecision('%d-%m-%Y %H:%M')).toBe('exact');
    expect(formatPrecision('%H:%M')).toBe('time');
  });

  it('does not take a year outside 1900–2100 or month 13 as a date', () => {
    expect(classifyTemporalValues(['1415', '0830'])).toBe('time');
    expect(classifyTemporalValues(['13-2023', '14-2023'])).toBeNull();
  });
});

describe('suggestColumnMapping with the values', () => {
  it('moves a Tijdstip of clock times from the timestamp to the time field', () => {
    const headers = ['Zaaknummer', 'Datum constatering', 'Tijdstip', 'Feit', 'X', 'Y'];
    const byName = suggestColumnMapping('incidents', headers);
    expect(field(byName, 'occurred_from').column).toBe('Tijdstip');
    const byValue = suggestColumnMapping('incidents', headers, [
      IDS,
      DATES,
      TIMES,
      ['a', 'b', 'c', 'd'],
      XS,
      XS,
    ]);
    expect(field(byValue, 'occurred_date')).toMatchObject({
      column: 'Datum constatering',
      confidence: 'zeker',
    });
    expect(field(byValue, 'occurred_time')).toMatchObject({
      column: 'Tijdstip',
      confidence: 'zeker',
    });
    expect(field(byValue, 'occurred_from').column).toBeNull();
  });

  for (const name of ['Tijd', 'Uur', 'Aanvangstijd', 'Kolom 7']) {
    it(`combines a date column with a clock-time column named ${name}`, () => {
      const headers = ['Registratienummer', 'Datum', name, 'Thema', 'X', 'Y'];
      const mapping = suggestColumnMapping('incidents', headers, [
        IDS,
        DATES,
        TIMES,
        ['afval', 'afval', 'jeugd', 'jeugd'],
        XS,
        XS,
      ]);
      expect(field(mapping, 'occurred_date').column).toBe('Datum');
      expect(field(mapping, 'occurred_time').column).toBe(name);
      expect(field(mapping, 'occurred_from').column).toBeNull();
    });
  }

  it('takes a year column as the time when no name says so', () => {
    const headers = ['VKL_NUMMER', 'JAAR_VKL', 'Soort ongeval', 'X_COORD', 'Y_COORD'];
    const mapping = suggestColumnMapping('incidents', headers, [
      IDS,
      ['2022', '2023', '2024', '2022'],
      ['a', 'b', 'c', 'd'],
      XS,
      XS,
    ]);
    expect(field(mapping, 'occurred_from')).toMatchObject({
      column: 'JAAR_VKL',
      confidence: 'waarschijnlijk',
    });
  });

  it('is sure of a date or time field only when the values confirm it', () => {
    const headers = ['Registratienummer', 'Datum', 'Tijd', 'Thema', 'X', 'Y'];
    const mapping = suggestColumnMapping('incidents', headers, [
      IDS,
      DATES,
      ['ochtend', 'middag', 'avond', 'nacht'],
      ['afval', 'afval', 'jeugd', 'jeugd'],
      XS,
      XS,
    ]);
    expect(field(mapping, 'occurred_date')).toMatchObject({ column: 'Datum', confidence: 'zeker' });
    expect(field(mapping, 'occurred_time')).toMatchObject({
      column: 'Tijd',
      confidence: 'waarschijnlijk',
    });
  });

  it('keeps a Datum column of full timestamps as the timestamp, sure', () => {
    const mapping = suggestColumnMapping(
      'incidents',
      ['Registratienummer', 'Datum', 'Thema', 'X', 'Y'],
      [
        IDS,
        ['23-11-2026 14:05', '24-11-2026 02:30', '25-11-2026 10:00', '26-11-2026 11:11'],
        ['a', 'b', 'c', 'd'],
        XS,
        XS,
      ],
    );
    expect(field(mapping, 'occurred_from')).toMatchObject({ column: 'Datum', confidence: 'zeker' });
    expect(field(mapping, 'occurred_time').column).toBeNull();
  });
});

describe('whole hours (Uur = 14, 9, 23)', () => {
  const HOURS = ['14', '9', '23', '0'];
  const incidents = (headers: string[], column: readonly string[]) =>
    suggestColumnMapping(
      'incidents',
      ['Registratienummer', 'Datum', ...headers, 'Thema', 'X', 'Y'],
      [IDS, DATES, ...headers.map(() => column), ['afval', 'afval', 'jeugd', 'jeugd'], XS, XS],
    );

  it('reads hours with and without a unit as clock times DuckDB can parse', () => {
    expect(detectDateFormat(HOURS)).toMatchObject({ kind: 'strptime', formats: ['%H'] });
    expect(detectDateFormat(['14u', '9u', '23u'])).toMatchObject({ formats: ['%Hu'] });
    expect(detectDateFormat(['14 uur', '9 uur'])).toMatchObject({ formats: ['%H uur'] });
    expect(detectDateFormat(['14h', '9h'])).toMatchObject({ formats: ['%Hh'] });
    expect(detectDateFormat(['24', '25', '30'])).toMatchObject({ kind: 'unknown' });
    expect(formatPrecision('%H')).toBe('time');
    // A unit makes them clock times by value; a bare 0–23 may be a count.
    expect(classifyTemporalValues(['14u', '9 uur', '23h'])).toBe('time');
    expect(classifyTemporalValues(HOURS)).toBe('hour');
  });

  for (const name of ['Uur', 'uur', 'Tijdstip', 'Tijd', 'Aanvangsuur', 'Start time']) {
    it(`combines Datum with whole hours under ${name}, sure because the values fit`, () => {
      const mapping = incidents([name], HOURS);
      expect(field(mapping, 'occurred_date')).toMatchObject({
        column: 'Datum',
        confidence: 'zeker',
      });
      expect(field(mapping, 'occurred_time')).toMatchObject({ column: name });
      expect(field(mapping, 'occurred_from').column).toBeNull();
    });
  }

  it('is sure of Uur only when its values are hours', () => {
    expect(field(incidents(['Uur'], HOURS), 'occurred_time').confidence).toBe('zeker');
    expect(field(incidents(['Uur'], ['14u', '9u', '23u']), 'occurred_time').confidence).toBe(
      'zeker',
    );
    const notHours = incidents(['Uur'], ['ochtend', 'middag', 'avond', 'nacht']);
    expect(field(notHours, 'occurred_time')).toMatchObject({
      column: 'Uur',
      confidence: 'waarschijnlijk',
    });
  });

  it('takes bare numbers under another name as the hour of a date-only column, unsure', () => {
    expect(field(incidents(['Kolom 7'], HOURS), 'occurred_time')).toMatchObject({
      column: 'Kolom 7',
      confidence: 'waarschijnlijk',
    });
  });

  it('does not take an amount or a duration as the hour', () => {
    for (const name of ['Aantal slachtoffers', 'Tijdsduur', 'Leeftijd', 'Buurtnummer']) {
      expect(field(incidents([name, 'Uur'], HOURS), 'occurred_time').column).toBe('Uur');
    }
    // Without a date column numbers 0–23 are no time at all.
    const noDate = suggestColumnMapping(
      'incidents',
      ['Registratienummer', 'Jaar', 'Kolom 7', 'Thema', 'X', 'Y'],
      [IDS, ['2022', '2023', '2024', '2022'], HOURS, ['a', 'b', 'c', 'd'], XS, XS],
    );
    expect(field(noDate, 'occurred_time').column).toBeNull();
  });

  it('keeps real clock times before bare numbers', () => {
    const mapping = incidents(['Aantal', 'Kolom 8'], HOURS);
    expect(field(mapping, 'count').column).toBe('Aantal');
    expect(field(mapping, 'occurred_time').column).toBe('Kolom 8');
    const both = suggestColumnMapping(
      'incidents',
      ['Registratienummer', 'Datum', 'Kolom 7', 'Kolom 8', 'Thema', 'X', 'Y'],
      [IDS, DATES, HOURS, TIMES, ['a', 'b', 'c', 'd'], XS, XS],
    );
    expect(field(both, 'occurred_time').column).toBe('Kolom 8');
  });
});

describe('import preview', () => {
  it('labels the time precision in Dutch', () => {
    const [column] = previewColumns('incidents', ['time_precision']);
    expect(column).toEqual({ key: 'time_precision', label: 'Tijd bekend', type: 'precision' });
    expect(['exact', 'day', 'month', 'year'].map((p) => formatCell(p, 'precision'))).toEqual([
      'exact',
      'alleen datum',
      'alleen maand',
      'alleen jaar',
    ]);
  });
});
