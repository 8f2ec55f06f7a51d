/**
 * Personal-data detection at import (issue 3, item 6). Oracles: the 11-proef computed by hand
 * in the comments, the ISO 13616 example IBANs (and check digits recomputed with BigInt, a
 * method independent of the implementation), the RDW kenteken sidecodes, the ACM numbering
 * plan. Samples are generated from a fixed seed; false positives are the column shapes real
 * exports contain (Signalen, registration systems, CBS codes).
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/lib/analysis/random';
import {
  detectPersonalData,
  isValidBsn,
  isValidIban,
  looksLikeDutchPhone,
  looksLikeDutchPlate,
  looksLikeEmail,
  looksLikePersonName,
  type PersonalDataKind,
} from '../../src/lib/data/import/personal-data';

const TODAY = { referenceDate: new Date('2026-06-01T12:00:00') };
const detect = (header: string, values: readonly string[], allowHeaders?: string[]) =>
  detectPersonalData(header, values, { ...TODAY, allowHeaders });
const pad = (n: number, width = 2) => String(n).padStart(width, '0');
const repeat = <T>(n: number, make: (i: number) => T): T[] =>
  Array.from({ length: n }, (_, i) => make(i));

/** A valid BSN from 8 random digits: the 9th makes the weighted sum ≡ 0 mod 11 (skip check 10). */
function makeBsn(rnd: ReturnType<typeof createRandom>): string {
  for (;;) {
    const d = repeat(8, () => rnd.int(0, 9));
    const check = d.reduce((s, x, i) => s + (9 - i) * x, 0) % 11;
    if (check < 10 && d.some((x) => x > 0)) return d.join('') + check;
  }
}
/** A valid IBAN: check digits 98 − (BBAN + country + 00 as a number mod 97), with BigInt. */
function makeIban(country: string, bban: string): string {
  const numeric = (bban + country + '00').replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return country + pad(98 - Number(BigInt(numeric) % 97n)) + bban;
}

describe('isValidBsn (11-proef)', () => {
  it('accepts numbers whose weighted sum is a multiple of 11', () => {
    // 111222333: 9+8+7+12+10+8+9+6 − 3 = 66 = 6·11
    expect(isValidBsn('111222333')).toBe(true);
    // 123456782: 9+16+21+24+25+24+21+16 − 2 = 154 = 14·11
    expect(isValidBsn('123456782')).toBe(true);
    expect(isValidBsn(' 1234.56.782 ')).toBe(true);
    // 8 digits = leading zero dropped: 012345672: 0+8+14+18+20+20+18+14 − 2 = 110 = 10·11
    expect(isValidBsn('12345672')).toBe(true);
  });
  it('refuses failed checks, zeros and other lengths', () => {
    // 123456789: 156 − 9 = 147 = 13·11 + 4
    expect(isValidBsn('123456789')).toBe(false);
    expect(isValidBsn('111222334')).toBe(false); // 65
    expect(isValidBsn('000000000')).toBe(false);
    expect(isValidBsn('1234567820')).toBe(false);
    expect(isValidBsn('1234567')).toBe(false);
    expect(isValidBsn('12345678a')).toBe(false);
    expect(isValidBsn('1234-56.782')).toBe(false);
  });
});

describe('isValidIban (ISO 13616 mod 97)', () => {
  it('accepts the standard examples, with or without spaces', () => {
    expect(isValidIban('NL91ABNA0417164300')).toBe(true);
    expect(isValidIban('NL91 ABNA 0417 1643 00')).toBe(true);
    expect(isValidIban('nl91abna0417164300')).toBe(true);
    expect(isValidIban('GB82WEST12345698765432')).toBe(true);
    expect(isValidIban('DE89370400440532013000')).toBe(true);
    expect(isValidIban('BE68539007547034')).toBe(true);
    expect(isValidIban(makeIban('NL', 'RABO0123456789'))).toBe(true);
  });
  it('refuses one changed digit, swapped digits, wrong lengths and structure', () => {
    expect(isValidIban('NL91ABNA0417164301')).toBe(false);
    expect(isValidIban('NL91ABNA0417164030')).toBe(false);
    expect(isValidIban('GB82WEST12345698765433')).toBe(false);
    expect(isValidIban('NL91ABNA041716430')).toBe(false);
    expect(isValidIban('BE6853900754703')).toBe(false);
    expect(isValidIban('NL12345678901234567')).toBe(false);
    expect(isValidIban('1234567890')).toBe(false);
  });
});

describe('looksLikeDutchPlate (RDW sidecodes 1-14)', () => {
  it.each([
    ['PB-12-34', 1], ['12-34-PB', 2], ['12-PB-34', 3], ['GB-12-DF', 4], ['GB-ZJ-78', 5],
    ['GBZJ78', 5], ['12-GB-ZJ', 6], ['12-GBZ-3', 7], ['1-KBX-23', 8], ['GB-123-D', 9],
    ['N-001-SB', 10], ['n001sb', 10], ['GBB-12-D', 11], ['G-12-BBD', 12], ['1-GB-123', 13],
    ['123-GB-1', 14], ['12 GB ZJ', 6],
  ])('accepts %s (sidecode %i)', (plate) => {
    expect(looksLikeDutchPlate(plate)).toBe(true);
  }); // prettier-ignore
  it.each([
    'WK990101', 'BU99010001', 'GM0226', 'I000123', 'M000001', 'BG-017', 'AL-PERENPAD',
    '1234 AB', '1234AB', 'GB-12-3', 'GB-12-34-56', 'jongerenoverlast', '2024-03-05',
    // Vowels and C/Q are not issued from sidecode 4 (1978) on: these are placeholders, not plates.
    'AB-12-CD', '12-ABC-3', '1-ABC-23',
  ])('refuses %s', (value) => {
    expect(looksLikeDutchPlate(value)).toBe(false);
  }); // prettier-ignore
});

describe('looksLikeDutchPhone', () => {
  it.each([
    '06-12345678', '0612345678', '+31 6 12345678', '+31612345678', '0031 6 12345678',
    '020-1234567', '(020) 123 45 67', '+31 (0)20 1234567', '010 123 4567', '0318-123456',
  ])('accepts %s', (value) => expect(looksLikeDutchPhone(value)).toBe(true)); // prettier-ignore
  it.each([
    '12345678', '0012345678', '06-1234567', '061234567890', '0.123456789', '52,1234',
    '155000,12', '+32 2 123 45 67', '2024-03-05', '1234 AB', '0000012345',
  ])('refuses %s', (value) => expect(looksLikeDutchPhone(value)).toBe(false)); // prettier-ignore
});

describe('looksLikeEmail', () => {
  it.each(['jan.devries@example.nl', 'a+b@sub.domain.com', 'info@gemeente-donderdeel.nl'])(
    'accepts %s',
    (value) => expect(looksLikeEmail(value)).toBe(true),
  );
  it.each(['jan@', '@example.nl', 'jan at example.nl', 'jan@example', 'a@b@c.nl', 'j an@x.nl'])(
    'refuses %s',
    (value) => expect(looksLikeEmail(value)).toBe(false),
  );
});

describe('looksLikePersonName', () => {
  it.each(['J. de Vries', 'J.P. van der Berg', 'A. Jansen-Bakker', 'Jan de Vries', 'Anna Maria van der Laan', "Kees van 't Hof", 'Vries, J. de', 'Jansen, P.'])(
    'accepts %s',
    (value) => expect(looksLikePersonName(value)).toBe(true),
  ); // prettier-ignore
  it.each(['Jan van Galenstraat', 'Willem de Zwijgerlaan', 'Overlast van Dieren', 'Hof van Donderdeel', 'Overlast Bedrijven en Horeca', 'Piet Jansen', 'Eikenstraat'])(
    'refuses %s',
    (value) => expect(looksLikePersonName(value)).toBe(false),
  ); // prettier-ignore
});

// ---- Column samples -------------------------------------------------------------------------

const rnd = createRandom(20260601);
const FIRST = ['Jan', 'Anna', 'Pieter', 'Fatima', 'Mohamed', 'Sanne', 'Kees', 'Lotte', 'Daan'];
const TV = ['de', 'van', 'van der', 'van den', 'ter', "van 't", 'den'];
const LAST = ['Vries', 'Dijk', 'Berg', 'Bakker', 'Jansen', 'Visser', 'Smit', 'Meer', 'Boer'];
const CATEGORIES = [
  'Overlast Bedrijven en Horeca', 'Overlast in de openbare ruimte', 'Overlast op het water',
  'Overlast van dieren', 'Overlast van en door personen of groepen', 'Openbaar groen en water',
  'Wegen, verkeer, straatmeubilair', 'Container is vol', 'Jongerenoverlast', 'Parkeeroverlast',
  'Drank- en drugsoverlast', 'Loslopende of agressieve honden', 'Geluidsoverlast muziek',
]; // prettier-ignore
const SLUGS = [
  'container-is-vol',
  'jongerenoverlast',
  'parkeeroverlast',
  'overlast-terrassen',
  'grofvuil',
];
const STREETS = [
  'Eikenstraat', 'Perenpad', 'Isseldreef', 'Jan van Galenstraat', 'Willem de Zwijgerlaan',
  'Van der Helststraat', 'Burgemeester de Withstraat', 'Prins Hendrikkade', 'Kerkstraat',
  'Stationsplein', 'Markt', 'Dorpsstraat', 'Johan de Wittlaan', 'Molenweg',
]; // prettier-ignore
const THEMES = [
  'afval',
  'horeca',
  'jeugd',
  'ondermijning',
  'parkeren',
  'honden',
  'woonoverlast',
  'overig',
];

function timestamp(year0: number, years: number, withTime = true): string {
  const day = new Date(Date.UTC(year0, 0, 1) + rnd.int(0, Math.floor(years * 365)) * 86_400_000);
  const date = day.toISOString().slice(0, 10);
  return withTime ? `${date}T${pad(rnd.int(0, 23))}:${pad(rnd.int(0, 59))}:00+01:00` : date;
}
function birthDate(i: number): string {
  const d = new Date(Date.UTC(1940, 0, 1) + rnd.int(0, 65 * 365) * 86_400_000);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return [`${y}-${pad(m)}-${pad(day)}`, `${pad(day)}-${pad(m)}-${y}`, `${day}-${m}-${y}`, `${y}${pad(m)}${pad(day)}`][i % 4];
} // prettier-ignore
function personName(i: number): string {
  const [f, t, l] = [rnd.pick(FIRST), rnd.pick(TV), rnd.pick(LAST)];
  return [`${f[0]}. ${t} ${l}`, `${f} ${t} ${l}`, `${l}, ${f[0]}. ${t}`][i % 3];
}
function sentence(): string {
  const who = rnd.pick([
    'Jongeren',
    'Een groep mannen',
    'Bezoekers van het café',
    'De buren',
    'Iemand',
  ]);
  const what = rnd.pick([
    'maken veel lawaai',
    'laten afval achter',
    'parkeren op de stoep',
    'hangen rond',
  ]);
  const where = rnd.pick(STREETS);
  return `${who} ${what} bij ${where} ${rnd.int(1, 200)}, al ${rnd.int(2, 9)} avonden achter elkaar.`;
}
const phone = () =>
  rnd.pick([
    () => `06-${rnd.int(10_000_000, 99_999_999)}`,
    () => `+31 6 ${rnd.int(10_000_000, 99_999_999)}`,
    () => `020-${rnd.int(1_000_000, 9_999_999)}`,
  ])();
const email = () =>
  `${rnd.pick(FIRST).toLowerCase()}.${rnd.int(1, 9999)}@${rnd.pick(['example.nl', 'mail.com', 'ziggo.nl'])}`;
const LETTERS = 'BDFGHJKLNPRSTVXZ';
const letters = (n: number) => repeat(n, () => LETTERS[rnd.int(0, LETTERS.length - 1)]).join('');
const plate = (i: number) =>
  [`${pad(rnd.int(1, 99))}-${letters(3)}-${rnd.int(1, 9)}`, `${rnd.int(1, 9)}-${letters(3)}-${pad(rnd.int(1, 99))}`,
   `${letters(2)}-${rnd.int(100, 999)}-${letters(1)}`, `${letters(1)}-${rnd.int(100, 999)}-${letters(2)}`,
   `${letters(3)}-${pad(rnd.int(1, 99))}-${letters(1)}`][i % 5]; // prettier-ignore

describe('detectPersonalData — content evidence', () => {
  const cases: [string, PersonalDataKind, string[]][] = [
    ['kolom1', 'e-mailadres', repeat(300, email)],
    ['kolom2', 'telefoonnummer', repeat(300, phone)],
    ['kolom3', 'bsn', repeat(300, () => makeBsn(rnd))],
    ['kolom4', 'iban', repeat(300, () => makeIban('NL', letters(4) + rnd.int(1e9, 9.99e9)))],
    ['kolom5', 'kenteken', repeat(300, plate)],
    ['kolom6', 'geboortedatum', repeat(300, birthDate)],
    ['kolom7', 'naam', repeat(300, personName)],
    ['kolom8', 'vrije tekst', repeat(300, sentence)],
  ];
  it.each(cases)('finds %s holding %s under a neutral header', (header, kind, values) => {
    const finding = detect(header, values);
    expect(finding).toMatchObject({ column: header, kind, evidence: 'inhoud' });
    expect(finding?.share).toBeGreaterThan(0.9);
  });

  it('writes the Dutch reason with the share of matching values', () => {
    const values = [...repeat(92, phone), ...repeat(8, () => 'onbekend')];
    expect(detect('telefoon', values)).toEqual({
      column: 'telefoon',
      kind: 'telefoonnummer',
      evidence: 'inhoud',
      share: 0.92,
      reason:
        'Kolom ‘telefoon’ lijkt telefoonnummers te bevatten (92% van de waarden); persoonsgegevens worden niet ingelezen.',
    });
  });

  it('applies the thresholds: e-mail and IBAN 30%, BSN, phone and kenteken 50%, names 60%', () => {
    const mix = (hit: () => string, hits: number) => [...repeat(hits, hit), ...repeat(100 - hits, () => 'onbekend')];
    const iban = () => makeIban('NL', letters(4) + rnd.int(1e9, 9.99e9));
    const kinds = (hit: () => string, hits: number) => detect('x', mix(hit, hits))?.kind ?? null;
    expect([kinds(email, 30), kinds(email, 29)]).toEqual(['e-mailadres', null]);
    expect([kinds(iban, 30), kinds(iban, 29)]).toEqual(['iban', null]);
    expect([kinds(() => makeBsn(rnd), 50), kinds(() => makeBsn(rnd), 49)]).toEqual(['bsn', null]);
    expect([kinds(phone, 50), kinds(phone, 49)]).toEqual(['telefoonnummer', null]);
    expect([kinds(() => plate(rnd.int(0, 4)), 50), kinds(() => plate(0), 49)]).toEqual(['kenteken', null]);
    // Between 50% and 60% the names are still refused, as short free text (issue 27, item 7).
    expect([kinds(() => personName(0), 60), kinds(() => personName(0), 59)]).toEqual(['naam', 'vrije tekst']);
    expect(kinds(() => personName(0), 49)).toBeNull();
  }); // prettier-ignore

  it('does not take numeric record ids for BSNs (1 in 11 passes the 11-proef)', () => {
    const ids = repeat(1000, (i) => String(100_000_000 + i * 7));
    expect(ids.filter(isValidBsn).length / ids.length).toBeCloseTo(1 / 11, 1);
    expect(detect('registratienummer', ids)).toBeNull();
  });

  it('does not take dates of recent records, or a vacancy date, for dates of birth', () => {
    const dates = (year0: number, years: number, withTime: boolean) =>
      repeat(500, () => timestamp(year0, years, withTime));
    expect(detect('created_at', dates(2023, 3.4, true))).toBeNull();
    expect(detect('datum', dates(2023, 3.4, false))).toBeNull();
    expect(
      detect(
        'datum',
        dates(2023, 3.4, false).map((d) => d.replaceAll('-', '')),
      ),
    ).toBeNull();
    expect(detect('vacant_since', dates(2008, 17, false))).toBeNull();
    // An old archive is not birth dates either: with times of day, or spanning under 15 years.
    expect(detect('melddatum', dates(1990, 20, true))).toBeNull();
    expect(detect('melddatum', dates(2000, 14, false))).toBeNull();
    expect(detect('kolom', dates(1995, 18, false))?.kind).toBe('geboortedatum');
  });

  it('needs free text to be long (median 30 characters) and wordy (5 words on average)', () => {
    // Five words of 2+ letters, 26-28 characters, all distinct: short notes are refused by
    // the short-text rule (issue 27, item 7) …
    const short = repeat(300, (i) => `Bak vol op de hoek, nr ${100 + i}`);
    expect(detect('kolom', short)).toMatchObject({ kind: 'vrije tekst', share: 1 });
    // … and the same notes a few characters longer by the free-text rule.
    expect(
      detect(
        'kolom',
        short.map((v) => `${v} vandaag`),
      )?.kind,
    ).toBe('vrije tekst');
    // Long but fewer words (street, postcode letters, place): addresses are not free text.
    const addresses = repeat(
      300,
      (i) => `${rnd.pick(STREETS)} ${i + 1}, 9901 ${letters(2)} Donderdeel`,
    );
    expect(detect('kolom', addresses)).toBeNull();
  });

  it('does not take repeated category names for free text', () => {
    // Long, wordy display names: only their repetition tells them from notes.
    const long = [
      'Overlast van en door personen of groepen',
      'Overlast door bezoekers, niet op het terras',
      'Onderhoud van stoep, straat en fietspad',
      'Overlast in de openbare ruimte, overig',
    ];
    const values = repeat(1000, () => rnd.pick(long));
    expect(detect('hoofdcategorie_naam', values)).toBeNull();
    expect(detect('kolom', values)).toBeNull();
  });

  it('does not take sequential codes of one prefix for kentekens', () => {
    expect(looksLikeDutchPlate('BG0017')).toBe(true); // a sidecode-1 shape …
    expect(
      detect(
        'object',
        repeat(500, (i) => `BG${pad(i + 1, 4)}`),
      ),
    ).toBeNull(); // … but one series
  });
});

describe('detectPersonalData — header evidence', () => {
  const headers: [string, PersonalDataKind][] = [
    ['Geboorte datum', 'geboortedatum'], ['geb_datum', 'geboortedatum'], ['GEBOORTEDATUM', 'geboortedatum'],
    ['date_of_birth', 'geboortedatum'], ['dateOfBirth', 'geboortedatum'], ['dob', 'geboortedatum'],
    ['naam', 'naam'], ['voornaam', 'naam'], ['Achternaam', 'naam'], ['tussenvoegsel', 'naam'],
    ['name', 'naam'], ['first_name', 'naam'], ['surname', 'naam'], ['melder', 'naam'],
    ['naam_melder', 'naam'], ['betrokkene', 'naam'], ['bsn', 'bsn'], ['BurgerServiceNummer', 'bsn'],
    ['sofinummer', 'bsn'], ['kenteken', 'kenteken'], ['license_plate', 'kenteken'],
    ['licence plate', 'kenteken'], ['plate', 'kenteken'], ['kenteken_voertuig', 'kenteken'],
    ['telefoon', 'telefoonnummer'], ['tel', 'telefoonnummer'], ['Telefoonnummer', 'telefoonnummer'],
    ['mobiel', 'telefoonnummer'], ['phone', 'telefoonnummer'], ['telefoon_melder', 'telefoonnummer'],
    ['email', 'e-mailadres'], ['E-mail', 'e-mailadres'], ['e-mailadres', 'e-mailadres'],
    ['mail', 'e-mailadres'], ['email_melder', 'e-mailadres'], ['iban', 'iban'],
    ['rekeningnummer', 'iban'], ['Bankrekening', 'iban'], ['omschrijving', 'vrije tekst'],
    ['toelichting', 'vrije tekst'], ['opmerking', 'vrije tekst'], ['Opmerkingen', 'vrije tekst'],
    ['notitie', 'vrije tekst'], ['memo', 'vrije tekst'], ['beschrijving', 'vrije tekst'],
    ['text', 'vrije tekst'], ['tekst', 'vrije tekst'], ['description', 'vrije tekst'],
    ['notes', 'vrije tekst'], ['comment', 'vrije tekst'], ['comments', 'vrije tekst'],
    ['vrije_tekst', 'vrije tekst'], ['text_melding', 'vrije tekst'], ['meldingtekst', 'vrije tekst'],
    ['Omschrijving melding', 'vrije tekst'], ['pand_eigenaar', 'naam'], ['voornaam_bewoner_wijk', 'naam'],
    ['straat_toelichting', 'vrije tekst'],
  ]; // prettier-ignore
  it.each(headers)('refuses %s as %s, even with no values', (header, kind) => {
    expect(detect(header, [])).toMatchObject({
      column: header,
      kind,
      evidence: 'kolomnaam',
      share: null,
    });
  });

  it('writes the Dutch reason for header evidence', () => {
    expect(detect('geb_datum', [])?.reason).toBe(
      'Kolom ‘geb_datum’ heeft een naam die wijst op geboortedata; persoonsgegevens worden niet ingelezen.',
    );
    expect(detect('opmerking', ['ok'])?.reason).toBe(
      'Kolom ‘opmerking’ heeft een naam die wijst op vrije tekst; vrije tekst kan persoonsgegevens bevatten en wordt niet ingelezen.',
    );
  });

  it.each([
    'id', 'categorie', 'sub_category', 'main_category', 'hoofdcategorie', 'status', 'bron', 'source',
    'thema', 'afhandeling', 'uitkomst', 'wijknaam', 'buurtnaam', 'gemeentenaam', 'straatnaam',
    'straat_naam', 'locatie_naam', 'location name', 'category_name', 'categorie_omschrijving',
    'status_omschrijving', 'bedrijfsnaam', 'datum', 'created_at', 'incident_date_start',
    'reported_at', 'x', 'y', 'lon', 'lat', 'kind', 'soort', 'target', 'doel', 'melder_id',
    'buurtcode', 'wijkcode', 'postcode', 'huisnummer', 'hotel', 'aantal', 'vacant_since', 'reason',
  ])('does not refuse %s by its header', (header) => {
    expect(detect(header, [])).toBeNull();
  }); // prettier-ignore

  it('lets the caller allow a canonical place-name header, but still checks its values', () => {
    const places = [
      'Woonwagenlocatie Perenpad',
      'Isseldreef 12-40',
      'Eikenstraat (arbeidsmigranten)',
    ];
    expect(detect('name', places)?.kind).toBe('naam');
    expect(detect('name', places, ['name'])).toBeNull();
    expect(detect('Name', places, ['NAME'])).toBeNull();
    expect(detect('name', repeat(20, email), ['name'])?.kind).toBe('e-mailadres');
  });
});

describe('detectPersonalData — false positives from real exports', () => {
  const columns: [string, string[]][] = [
    ['id', repeat(1000, (i) => String(i + 1))],
    ['signal_id', repeat(1000, (i) => `SIG-${pad(i + 1, 6)}`)],
    ['record_id', repeat(1000, (i) => `I${pad(i + 1, 6)}`)],
    ['melding_id', repeat(1000, (i) => `M${pad(i + 1, 6)}`)],
    ['target', repeat(1000, (i) => (i % 2 ? `BG-${pad((i % 40) + 1, 3)}` : rnd.pick(['AL-PERENPAD', 'AL-ISSELDREEF', 'AL-EIKENSTRAAT'])))],
    ['wijkcode', repeat(1000, () => `WK9901${pad(rnd.int(0, 9))}`)],
    ['buurtcode', repeat(1000, () => `BU9901${pad(rnd.int(0, 9))}${pad(rnd.int(0, 9))}`)],
    ['gemeentecode', repeat(1000, () => 'GM9901')],
    ['sub_category', repeat(1000, () => rnd.pick(SLUGS))],
    ['categorie', repeat(1000, () => rnd.pick(CATEGORIES))],
    ['thema', repeat(1000, () => rnd.pick(THEMES))],
    ['straat', repeat(1000, () => rnd.pick(STREETS))],
    ['created_at', repeat(1000, () => timestamp(2023, 3.4))],
    ['datum', repeat(1000, () => { const t = timestamp(2023, 3.4, false); return `${t.slice(8, 10)}-${t.slice(5, 7)}-${t.slice(0, 4)}`; })],
    ['aantal', repeat(1000, () => String(rnd.int(0, 5000)))],
    ['lat', repeat(1000, () => `52,${rnd.int(1000, 9999)}`)],
    ['x', repeat(1000, () => `${rnd.int(150000, 160000)},${pad(rnd.int(0, 99))}`)],
    ['lon', repeat(1000, () => (5 + rnd.next()).toFixed(6))],
    ['postcode', repeat(1000, (i) => `${rnd.int(1000, 9999)}${i % 2 ? ' ' : ''}${letters(2)}`)],
    ['status', repeat(1000, () => rnd.pick(['m', 'o', 'b', 'afgehandeld', 'in behandeling']))],
    ['uitkomst', repeat(1000, () => rnd.pick(['geen actie', 'waarschuwing', 'proces-verbaal', 'bestuurlijke strafbeschikking']))],
  ]; // prettier-ignore
  it.each(columns)('%s is not personal data', (header, values) => {
    expect(detect(header, values)).toBeNull();
  });
  it('holds under neutral headers too (content alone)', () => {
    const flagged = columns.filter(([, values]) => detect('kolom', values) !== null);
    expect(flagged.map(([h]) => h)).toEqual([]);
  });
});

describe('detectPersonalData — a Signalen-like export', () => {
  it('refuses exactly text, email_melder and telefoon, with the right kinds', () => {
    const rows = 400;
    const columns: Record<string, string[]> = {
      id: repeat(rows, (i) => String(15_000 + i)),
      created_at: repeat(rows, () => timestamp(2024, 2)),
      incident_date_start: repeat(rows, () => timestamp(2024, 2)),
      main_category: repeat(rows, () => rnd.pick(['afval', 'overlast-bedrijven-en-horeca', 'wegen-verkeer-straatmeubilair'])),
      sub_category: repeat(rows, () => rnd.pick(SLUGS)),
      text: repeat(rows, sentence),
      status: repeat(rows, () => rnd.pick(['m', 'b', 'o', 'a'])),
      lon: repeat(rows, () => (5.9 + rnd.next() / 10).toFixed(6)),
      lat: repeat(rows, () => (52.0 + rnd.next() / 10).toFixed(6)),
      email_melder: repeat(rows / 4, email),
      telefoon: repeat(rows / 5, phone),
    }; // prettier-ignore
    const findings = Object.entries(columns)
      .map(([header, values]) => detect(header, values))
      .filter((f) => f !== null)
      .map((f) => [f.column, f.kind, f.evidence]);
    expect(findings).toEqual([
      ['text', 'vrije tekst', 'inhoud'],
      ['email_melder', 'e-mailadres', 'inhoud'],
      ['telefoon', 'telefoonnummer', 'inhoud'],
    ]);
  });
});

// Its speed is a benchmark figure (import.personal_data_50x1000_ms), not a timed test.
describe('detectPersonalData — determinism', () => {
  const makers: ((i: number) => string)[] = [
    () => timestamp(2023, 3), () => rnd.pick(CATEGORIES), sentence, () => String(rnd.int(1, 1e6)),
    () => `52,${rnd.int(1000, 9999)}`, (i) => `I${pad(i, 6)}`, () => rnd.pick(STREETS), plate, phone, email,
  ]; // prettier-ignore
  const table = repeat(50, (c) => repeat(1000, (i) => makers[c % makers.length](i)));
  const run = () => table.map((values, c) => detect(`kolom_${c}`, values)?.kind ?? null);

  it('gives the same answer every time', () => {
    expect(run()).toEqual(run());
    expect(run().filter((k) => k !== null)).toHaveLength(20); // free text, plates, phones, e-mail × 5
  });
});
