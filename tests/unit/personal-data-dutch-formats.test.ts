/**
 * Issue 27, items 7 and 11: the Dutch formats the content check missed, short notes and bare
 * names decided for the column, and vacancy dates taken for dates of birth. BSNs pass the
 * 11-proef by hand (123456782: 9+16+21+24+25+24+21+16 − 2 = 154 = 14·11); the same values
 * are in tests/fixtures/import/hostile/persoonsgegevens-nederlandse-vormen.csv.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/lib/analysis/random';
import {
  detectPersonalData,
  isValidBsn,
  looksLikeDutchPhone,
  looksLikePersonName,
} from '../../src/lib/data/import/personal-data';
import { couldCount } from '../../src/lib/data/import/personal-data-content';

const TODAY = { referenceDate: new Date('2026-06-01T12:00:00') };
const detect = (header: string, values: readonly string[], placeNames?: boolean) =>
  detectPersonalData(header, values, { ...TODAY, placeNames });
const repeat = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i));
const rnd = createRandom(20261206);
const pad = (n: number, width = 2) => String(n).padStart(width, '0');

describe('BSN as printed: dots, spaces, dashes', () => {
  it.each(['123.456.782', '123 456 782', '123-456-782', '1234-56-782', '1234 56 782'])(
    'accepts %s',
    (value) => expect(isValidBsn(value)).toBe(true),
  );
  it.each(['123.456.789', '123.456-782', '12.345.6782', '123.45.6782'])('refuses %s', (value) =>
    expect(isValidBsn(value)).toBe(false),
  );
  it('refuses a column of them under an innocent header', () => {
    const forms = ['123.456.782', '123 456 782', '123-456-782', '111.222.333'];
    expect(
      detect(
        'kenmerk',
        repeat(200, (i) => forms[i % 4]),
      )?.kind,
    ).toBe('bsn');
  });
});

describe('phone numbers with dots', () => {
  it.each(['06.12.34.56.78', '020.123.45.67', '+31.6.12345678'])('accepts %s', (value) =>
    expect(looksLikeDutchPhone(value)).toBe(true),
  );
  it.each(['0.123456789', '06.12345678', '01.02.2023'])('refuses %s', (value) =>
    expect(looksLikeDutchPhone(value)).toBe(false),
  );
  it('refuses a column of them', () => {
    const phones = repeat(200, (i) => `06.${pad((i % 90) + 10)}.34.56.${pad(i % 100)}`);
    expect(detect('bereikbaar', phones)?.kind).toBe('telefoonnummer');
  });
});

describe('names without tussenvoegsel in their clear shapes', () => {
  it.each(['Dhr. Jansen', 'Mevr. de Vries', 'Mw. P. Smit', 'De heer Bakker', 'JANSEN, P.', 'DE VRIES, J.', 'Jansen, P.'])(
    'accepts %s',
    (value) => expect(looksLikePersonName(value)).toBe(true),
  ); // prettier-ignore
  it.each(['Overlast Bedrijven', 'HORECA', 'Jan van Galenstraat', 'Dhr.', 'OVERLAST, HORECA'])(
    'refuses %s',
    (value) => expect(looksLikePersonName(value)).toBe(false),
  );
});

const FIRST = ['Piet', 'Anna', 'Kees', 'Fatima', 'Mohamed', 'Sanne', 'Daan', 'Lotte', 'Joost'];
const LAST = [
  'Jansen',
  'Bakker',
  'Visser',
  'Smit',
  'Meijer',
  'Mulder',
  'Bos',
  'Peters',
  'Hendriks',
];
const NOTES = [
  (l: string) => `gesproken met ${l}`,
  (l: string) => `${l} niet thuis`,
  (l: string) => `bewoner ${l} aangesproken`,
  () => `buurman klaagt weer`,
  (l: string) => `mevrouw ${l} belt terug`,
];

describe('short free text, decided for the column (SHORT_TEXT)', () => {
  it('refuses a column of short notes', () => {
    const notes = repeat(300, (i) => NOTES[i % NOTES.length](rnd.pick(LAST)));
    expect(detect('verslag', notes)).toMatchObject({ kind: 'vrije tekst', evidence: 'inhoud' });
  });
  it('refuses a column of first names and surnames (Piet Jansen)', () => {
    const names = repeat(300, () => `${rnd.pick(FIRST)} ${rnd.pick(LAST)}`);
    expect(detect('wie', names)?.kind).toBe('vrije tekst');
  });
  it('accepts a category column, labels outside the vocabulary included', () => {
    const labels = [
      'Overlast Bedrijven', 'Overlast Bedrijven en Horeca', 'Geluidsoverlast muziek',
      'Container is vol', 'Overlast van dieren', 'Loslopende of agressieve honden',
      'Wegen, verkeer, straatmeubilair', 'Overlast op het water', 'Drank- en drugsoverlast',
      'Overlast van en door personen of groepen', 'Openbaar groen en water', 'Fietswrak',
    ]; // prettier-ignore
    expect(
      detect(
        'categorie',
        repeat(1000, () => rnd.pick(labels)),
      ),
    ).toBeNull();
    // Few rows, all distinct: fewer than twenty distinct notes decide nothing.
    expect(detect('categorie', labels.slice(0, 9))).toBeNull();
  });
  it('accepts the demo outcomes and a column of place names marked as such', () => {
    const outcomes = ['geen actie', 'waarschuwing gegeven', 'geen bijzonderheden', 'informeren'];
    expect(
      detect(
        'uitkomst',
        repeat(1000, () => rnd.pick(outcomes)),
      ),
    ).toBeNull();
    const streets = repeat(
      200,
      (i) => `${rnd.pick(['Jan', 'Willem', 'Piet'])} ${rnd.pick(LAST)} ${i}`,
    );
    expect(detect('naam_locatie', streets, true)).toBeNull();
    expect(detect('kolom', streets)?.kind).toBe('vrije tekst');
  });
  it('counts every note as a candidate of the full scan', () => {
    for (const v of ['gesproken met Jansen', 'Piet Jansen', 'bewoner niet thuis'])
      expect(couldCount(v)).toBe(true);
  });
});

describe('vacancy, start and end dates are not dates of birth (item 11)', () => {
  const vacant = repeat(300, () => {
    const y = rnd.int(1988, 2007);
    return `${y}-${pad(rnd.int(1, 12))}-${pad(rnd.int(1, 28))}`;
  });
  it.each([
    'leeg_sinds',
    'leegstand',
    'sinds',
    'begin',
    'startdatum',
    'eind',
    'einde',
    'Leeg sinds',
  ])('keeps vacancy dates 1988–2007 under %s', (header) =>
    expect(detect(header, vacant)).toBeNull(),
  );
  it('still refuses them as birth dates under a neutral header', () => {
    expect(detect('kolom', vacant)?.kind).toBe('geboortedatum');
  });
});
