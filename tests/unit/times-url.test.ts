/** Tijden and Wijken settings in the URL: round trip, defaults left out, tampering refused. */
import { describe, expect, it } from 'vitest';
import { EMPTY_SELECTION } from '../../src/lib/state/shared/filter-url';
import {
  demandTables,
  parseTimesView,
  parseWijkenView,
  writeTimesView,
  writeWijkenView,
} from '../../src/lib/state/times/times-url';

describe('Tijden settings in the URL', () => {
  it('round-trips and keeps other parameters', () => {
    const params = writeTimesView(new URLSearchParams('thema=afval'), {
      maxWindowHours: 24,
      boundaries: [7, 15, 23],
    });
    expect(params.toString()).toBe('thema=afval&maxvenster=24&indeling=7%2C15%2C23');
    expect(parseTimesView(params)).toEqual({ maxWindowHours: 24, boundaries: [7, 15, 23] });
  });

  it('falls back to the defaults for unknown values and writes nothing for them', () => {
    const view = parseTimesView(new URLSearchParams('maxvenster=5&indeling=1,1'));
    expect(view).toEqual({ maxWindowHours: 72, boundaries: [0, 6, 12, 18] });
    expect(writeTimesView(new URLSearchParams(), view).toString()).toBe('');
  });
});

describe('Wijken settings in the URL', () => {
  it('round-trips period, theme, measure and scale', () => {
    const view = {
      periodMonths: 3,
      theme: 'afval',
      measure: 'per1000' as const,
      scale: 'index' as const,
    };
    const params = writeWijkenView(new URLSearchParams(), view);
    expect(params.toString()).toBe('periode=3&reeks=afval&maat=per1000&schaal=index');
    expect(parseWijkenView(params)).toEqual(view);
    expect(parseWijkenView(new URLSearchParams('periode=7&reeks=<x>&schaal=log'))).toEqual({
      periodMonths: 12,
      theme: '',
      measure: 'aantal',
      scale: 'eigen',
    });
    // The default scale (own axis per wijk) is not written.
    expect(writeWijkenView(new URLSearchParams(), { ...view, scale: 'eigen' }).has('schaal')).toBe(
      false,
    );
  });

  it('counts demand (incidents and meldingen) unless a source is chosen', () => {
    expect(demandTables(EMPTY_SELECTION, ['incidents', 'meldingen', 'visits'])).toEqual([
      'incidents',
      'meldingen',
    ]);
    expect(demandTables({ ...EMPTY_SELECTION, sources: ['visits'] }, ['visits'])).toEqual([
      'visits',
    ]);
  });
});
