import { describe, expect, it } from 'vitest';
import {
  DEFAULT_DAGDELEN,
  dagdeelHours,
  dagdeelOf,
  hoursOfDagdelen,
  validateDagdelen,
} from '../../src/lib/analysis/dagdelen';
import { filterChips } from '../../src/lib/state/shared/filter-chips';
import {
  EMPTY_SELECTION,
  isEmptySelection,
  parseFilterSelection,
  toRecordFilter,
  writeFilterSelection,
  type FilterSelection,
} from '../../src/lib/state/shared/filter-url';

const FULL: FilterSelection = {
  from: '2026-06-01',
  to: '2026-08-31',
  sources: ['meldingen', 'incidents'],
  themes: ['jeugd', 'horeca'],
  categories: ['overlast-van-jongeren'],
  outcomes: ['waarschuwing'],
  dagdelen: ['avond', 'nacht'],
  weekdays: [5, 6],
  wijken: ['WK990101'],
  buurten: ['BU99010101'],
  gemeenten: ['GM9901', 'GMX0A1B2C3D'],
  bbox: [6.1, 52.0, 6.2, 52.1],
};

describe('dagdelen', () => {
  it('covers the default day in four blocks of six hours without overlap', () => {
    expect(DEFAULT_DAGDELEN.map(dagdeelHours)).toEqual([
      [0, 1, 2, 3, 4, 5],
      [6, 7, 8, 9, 10, 11],
      [12, 13, 14, 15, 16, 17],
      [18, 19, 20, 21, 22, 23],
    ]);
    expect(validateDagdelen(DEFAULT_DAGDELEN)).toEqual([]);
  });

  it('wraps a dagdeel past midnight (nachtdienst 22–6)', () => {
    expect(dagdeelHours({ id: 'n', label: 'Nachtdienst', from: 22, to: 6 })).toEqual([
      22, 23, 0, 1, 2, 3, 4, 5,
    ]);
  });

  it('finds the dagdeel of an hour and merges hours of several dagdelen', () => {
    expect(dagdeelOf(19)?.id).toBe('avond');
    expect(dagdeelOf(0)?.id).toBe('nacht');
    expect(hoursOfDagdelen(['avond', 'nacht'])).toEqual([0, 1, 2, 3, 4, 5, 18, 19, 20, 21, 22, 23]);
  });

  it('rejects overlapping or impossible configurations with a Dutch reason', () => {
    const errors = validateDagdelen([
      { id: 'a', label: 'Avond', from: 18, to: 24 },
      { id: 'b', label: 'Late avond', from: 22, to: 2 },
      { id: 'c', label: 'Fout', from: 25, to: 3 },
    ]);
    expect(errors).toContain('Uur 22 valt in "Avond" en in "Late avond".');
    expect(errors.some((e) => e.startsWith('Dagdeel "Fout"'))).toBe(true);
  });
});

describe('filter selection in the URL', () => {
  it('round-trips every field through the query string, keeping the view parameters', () => {
    const params = writeFilterSelection(new URLSearchParams('laag=hotspots'), FULL);
    expect(params.get('laag')).toBe('hotspots');
    expect(params.get('bron')).toBe('meldingen,incidenten');
    expect(params.get('dag')).toBe('vr,za');
    expect(params.get('gemeente')).toBe('GM9901,GMX0A1B2C3D');
    expect(parseFilterSelection(new URLSearchParams(params.toString()))).toEqual({
      ...FULL,
      weekdays: [5, 6],
    });
  });

  it('leaves an empty selection out of the URL entirely', () => {
    expect(writeFilterSelection(new URLSearchParams(), EMPTY_SELECTION).toString()).toBe('');
    expect(isEmptySelection(EMPTY_SELECTION)).toBe(true);
    expect(isEmptySelection(FULL)).toBe(false);
  });

  it('drops tampered values instead of passing them on', () => {
    const selection = parseFilterSelection(
      new URLSearchParams(
        "van=2026-02-30&tot=gisteren&bron=incidenten,users&thema=jeugd,<script>&dagdeel=avond,spits&dag=vr,xx&gebied=1,2,3&wijk=WK' OR 1=1 --;",
      ),
    );
    expect(selection.from).toBeNull();
    expect(selection.to).toBeNull();
    expect(selection.sources).toEqual(['incidents']);
    expect(selection.themes).toEqual(['jeugd']);
    expect(selection.dagdelen).toEqual(['avond']);
    expect(selection.weekdays).toEqual([5]);
    expect(selection.bbox).toBeNull();
    expect(selection.wijken).toEqual([]);
    const region = parseFilterSelection(new URLSearchParams('gemeente=GM0363,0363,GM03,gm0363'));
    expect(region.gemeenten).toEqual(['GM0363']);
  });

  it('puts a reversed period the right way round', () => {
    const s = parseFilterSelection(new URLSearchParams('van=2026-08-31&tot=2026-06-01'));
    expect([s.from, s.to]).toEqual(['2026-06-01', '2026-08-31']);
  });

  it('translates the selection to the query filter: inclusive last day, dagdelen as hours', () => {
    const { tables, filter } = toRecordFilter(FULL);
    expect(tables).toEqual(['meldingen', 'incidents']);
    expect(filter.from).toBe('2026-06-01 00:00:00');
    expect(filter.to).toBe('2026-09-01 00:00:00');
    expect(filter.hours).toEqual([0, 1, 2, 3, 4, 5, 18, 19, 20, 21, 22, 23]);
    expect(filter.gemeenten).toEqual(['GM9901', 'GMX0A1B2C3D']);
    expect(toRecordFilter(EMPTY_SELECTION).tables).toEqual(['incidents', 'meldingen', 'visits']);
    expect(toRecordFilter({ ...EMPTY_SELECTION, to: '2024-02-28' }).filter.to).toBe(
      '2024-02-29 00:00:00',
    );
  });
});

describe('active filter chips', () => {
  it('gives one removable chip per value, in Dutch, and removing one keeps the rest', () => {
    const chips = filterChips(FULL, {
      areaNames: new Map([
        ['WK990101', 'Stationskwartier'],
        ['GM9901', 'Donderdeel'],
      ]),
    });
    const labels = chips.map((c) => c.label);
    expect(labels).toContain('Thema: Jeugdoverlast');
    expect(labels).toContain('Dag: vrijdag');
    expect(labels).toContain('Wijk: Stationskwartier');
    expect(labels).toContain('Gemeente: Donderdeel');
    expect(labels).toContain('Gemeente: GMX0A1B2C3D');
    expect(labels).toContain('Bron: Meldingen');
    expect(labels[0]).toMatch(/^Periode: 1 jun\.? 2026 t\/m 31 aug\.? 2026$/);
    const jeugd = chips.find((c) => c.key === 'themes:jeugd')!;
    expect(jeugd.without.themes).toEqual(['horeca']);
    expect(jeugd.without.weekdays).toEqual([5, 6]);
    expect(filterChips(EMPTY_SELECTION)).toEqual([]);
  });
});
