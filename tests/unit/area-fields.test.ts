import { describe, expect, it } from 'vitest';
import {
  fieldKey,
  generatedAreaCode,
  parseLevelValue,
  readAreaAttributes,
  recogniseAreaFields,
  suggestAreaMapping,
} from '../../src/lib/data/import/area-fields';
import { findMatchingProfile } from '../../src/lib/data/import/profiles';
import { buildAreaProfile } from '../../src/lib/state/import/import-view';

describe('area field names in every spelling', () => {
  it.each([
    ['WK_CODE', 'wkcode'],
    ['wijkCode', 'wijkcode'],
    ['aantal_inwoners', 'aantalinwoners'],
    ['AANT_INW', 'aantinw'],
    ['Gemeente Naam', 'gemeentenaam'],
  ])('%s → %s', (name, key) => expect(fieldKey(name)).toBe(key));

  it.each([
    [{ buurtcode: 'BU1', buurtnaam: 'A', wijkcode: 'WK1', aantal_inwoners: 5 }],
    [{ buurtCode: 'BU1', buurtNaam: 'A', wijkCode: 'WK1', aantalInwoners: 5 }],
    [{ BU_CODE: 'BU1', BU_NAAM: 'A', WK_CODE: 'WK1', AANT_INW: 5 }],
  ])('buurt attributes from %o', (props) => {
    const fields = recogniseAreaFields(Object.keys(props));
    expect(readAreaAttributes(props, fields, null)).toMatchObject({
      level: 'buurt',
      code: 'BU1',
      name: 'A',
      parent: 'WK1',
      inhabitants: 5,
    });
  });

  it('statcode: the level from the code prefix, per feature', () => {
    const fields = recogniseAreaFields(['statcode', 'statnaam']);
    expect(readAreaAttributes({ statcode: 'WK036301', statnaam: 'X' }, fields, null).level).toBe(
      'wijk',
    );
    expect(readAreaAttributes({ statcode: 'GM0363' }, fields, null).level).toBe('gemeente');
  });

  it('a mapping wins over recognition and names a level column', () => {
    const fields = recogniseAreaFields(['id', 'naam', 'soort', 'code'], {
      code: 'id',
      level: 'soort',
    });
    expect(
      readAreaAttributes({ id: 7, naam: 'Noord', soort: 'Wijken', code: 'x' }, fields, null),
    ).toMatchObject({ level: 'wijk', code: '7', name: 'Noord', hasCodeColumn: true });
  });

  it('suggests a mapping for the screen', () => {
    expect(
      suggestAreaMapping(['wijkCode', 'wijkNaam', 'gemeenteCode', 'aantalInwoners'], null),
    ).toEqual({
      code: 'wijkCode',
      name: 'wijkNaam',
      inhabitants: 'aantalInwoners',
      parent: 'gemeenteCode',
    });
  });

  it.each([
    ['Buurt', 'buurt'],
    ['wijken', 'wijk'],
    ['GM', 'gemeente'],
    ['BU0363AD07', 'buurt'],
    ['straat', null],
  ])('level value %s → %s', (value, level) => expect(parseLevelValue(value)).toBe(level));

  it('generated codes are stable, per level, distinct for equal names', () => {
    const a = generatedAreaCode('buurt', 'Centrum', 0);
    expect(a).toMatch(/^BUX[0-9A-F]{8}$/);
    expect(generatedAreaCode('buurt', ' centrum ', 0)).toBe(a);
    expect(generatedAreaCode('buurt', 'Centrum', 1)).not.toBe(a);
    expect(generatedAreaCode('wijk', 'Centrum', 0)).toMatch(/^WKX/);
  });
});

describe('area mapping profiles', () => {
  it('a saved boundary mapping is found again for a file with the same fields', () => {
    const profile = buildAreaProfile(
      'Eigen GIS',
      { code: 'GEBIED_ID', name: 'OMSCHR', parent: undefined },
      new Date('2026-12-01T10:00:00Z'),
    );
    expect(profile).toEqual({
      name: 'Eigen GIS',
      kind: 'areas',
      mapping: { code: 'GEBIED_ID', name: 'OMSCHR' },
      duplicates: 'skip',
      savedAt: '2026-12-01T10:00:00.000Z',
    });
    const headers = ['OMSCHR', 'GEBIED_ID', 'OPP'];
    const found = findMatchingProfile([profile], 'areas', headers);
    expect(found?.name).toBe('Eigen GIS');
    expect(findMatchingProfile([profile], 'incidents', headers)).toBeNull();
    const fields = recogniseAreaFields(headers, found!.mapping);
    expect(readAreaAttributes({ GEBIED_ID: 'A1', OMSCHR: 'Dorp' }, fields, 'wijk')).toMatchObject({
      level: 'wijk',
      code: 'A1',
      name: 'Dorp',
    });
  });
});
