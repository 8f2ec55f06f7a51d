/**
 * Planted hot spots and hot times: the summer-evening youth spot in the park, weekend
 * nights on the market square, parking at school times, dumping next to containers, a new
 * hot spot in the last three months, and the steady clusters around the aandachtslocaties.
 */
import { PERIOD, SCHOOL_HOLIDAYS, type Calendar } from './calendar';
import type { Pt } from './geometry';
import { dateFilter, type CategoryPick, type PatternDef, type PlantSpec } from './pattern-types';
import {
  CONTAINER_SPOTS,
  MARKET_SQUARE,
  SCHOOLS,
  SHISHA_LOUNGE,
  SKATE_PARK,
  type Spot,
} from './places';
import { watchClusters } from './patterns-clusters';

const picks = (...pairs: [string, number][]): CategoryPick[] =>
  pairs.map(([slug, weight]) => ({ slug, weight }));
const slugs = (...lists: CategoryPick[][]): string[] => [
  ...new Set(lists.flat().map((c) => c.slug)),
];
const midpoint = (spots: readonly Spot[]): Pt => [
  Math.round(spots.reduce((s, p) => s + p.at[0], 0) / spots.length),
  Math.round(spots.reduce((s, p) => s + p.at[1], 0) / spots.length),
];
/** Hour weights given as a map; hours not listed weigh 0. */
const byHour =
  (weights: Record<number, number>, weekday: readonly number[] = [1, 1, 1, 1, 1, 1, 1]) =>
  (cal: Calendar, slot: number): number =>
    (weights[cal.hour[slot]] ?? 0) * weekday[cal.weekday[slot] - 1];

function youthPattern(): PatternDef {
  const inc = picks(['jongerenoverlast', 60], ['alcohol-jeugd', 25], ['vernieling', 15]);
  const mel = picks(['jongerenoverlast', 75], ['drank-en-drugsoverlast', 25]);
  const weekday = [1, 1, 1, 1, 2.5, 2.5, 1.2];
  const shape = byHour({ 19: 0.6, 20: 1, 21: 1.3, 22: 1.2, 23: 0.8 }, weekday);
  const place = { kind: 'disc', at: SKATE_PARK.at, rMax: 135 } as const;
  return {
    id: 'jeugd-zomeravond-donderpark',
    kind: 'seasonal-hot-time-hotspot',
    description:
      'Jongerenoverlast bij de skatebaan in het Donderpark op zomeravonden (juni–augustus, 19–24 uur), het sterkst op vrijdag en zaterdag.',
    tables: ['incidents', 'meldingen'],
    theme: 'jeugd',
    categories: slugs(inc, mel),
    center: SKATE_PARK.at,
    radiusM: 150,
    filter: {
      ...dateFilter(PERIOD.from, PERIOD.to),
      months: [6, 7, 8],
      hours: [19, 20, 21, 22, 23],
    },
    strengthBasis: 'time',
    plants: [
      { label: 'incidents', table: 'incidents', count: 170, categories: inc, place, shape },
      { label: 'meldingen', table: 'meldingen', count: 230, categories: mel, place, shape },
    ],
    extra: { place_name: SKATE_PARK.name, weekday_weights: weekday },
  };
}

function horecaNightPattern(): PatternDef {
  const inc = picks(
    ['geluidsoverlast-horeca', 35],
    ['overlast-bezoekers', 35],
    ['sluitingstijd-overschreden', 20],
    ['alcohol-verkoop-minderjarigen', 10],
  );
  const mel = picks(
    ['geluidsoverlast-muziek', 45],
    ['overlast-door-bezoekers-niet-op-terras', 40],
    ['overlast-terrassen', 15],
  );
  const hourWeight: Record<number, number> = { 22: 1, 23: 1.5, 0: 1.8, 1: 1.6, 2: 1.2, 3: 0.6 };
  // Only the nights vr→za and za→zo: vr 22-24, za 0-4 and 22-24, zo 0-4.
  const shape = (cal: Calendar, slot: number): number => {
    const wd = cal.weekday[slot];
    const h = cal.hour[slot];
    const night = (wd === 5 && h >= 22) || (wd === 6 && (h < 4 || h >= 22)) || (wd === 7 && h < 4);
    const summer = cal.month[slot] >= 5 && cal.month[slot] <= 9 ? 1.25 : 1;
    return night ? (hourWeight[h] ?? 0) * summer : 0;
  };
  const place = { kind: 'disc', at: MARKET_SQUARE.at, rMax: 110 } as const;
  return {
    id: 'horeca-weekendnacht-markt',
    kind: 'weekend-night-hotspot',
    description:
      'Overlast van horeca en bezoekers rond de Markt in de nachten van vrijdag op zaterdag en zaterdag op zondag (22–04 uur).',
    tables: ['incidents', 'meldingen'],
    theme: 'horeca',
    categories: slugs(inc, mel),
    center: MARKET_SQUARE.at,
    radiusM: 120,
    filter: {
      ...dateFilter(PERIOD.from, PERIOD.to),
      weekdays: [5, 6, 7],
      hours: [22, 23, 0, 1, 2, 3],
    },
    strengthBasis: 'time',
    plants: [
      { label: 'incidents', table: 'incidents', count: 240, categories: inc, place, shape },
      { label: 'meldingen', table: 'meldingen', count: 300, categories: mel, place, shape },
    ],
    extra: { place_name: MARKET_SQUARE.name, nights: ['vr-za', 'za-zo'] },
  };
}

function schoolParkingPattern(): PatternDef {
  const inc = picks(['foutparkeren', 40], ['parkeren-op-stoep', 35], ['stilstaan-verboden', 25]);
  const mel = picks(['parkeeroverlast', 1]);
  const shape = byHour({ 8: 1, 14: 1 });
  const plants: PlantSpec[] = SCHOOLS.flatMap((school) => {
    const place = { kind: 'disc', at: school.at, rMax: 135 } as const;
    return [
      {
        label: `${school.id}-incidents`,
        table: 'incidents',
        count: 150,
        categories: inc,
        place,
        shape,
        minuteSpan: 45,
      },
      {
        label: `${school.id}-meldingen`,
        table: 'meldingen',
        count: 80,
        categories: mel,
        place,
        shape,
        minuteSpan: 45,
      },
    ] satisfies PlantSpec[];
  });
  return {
    id: 'parkeren-schooltijd-zuid',
    kind: 'school-time-hotspot',
    description:
      'Foutparkeren rond twee basisscholen in Zuid bij het brengen en halen (schooldagen 08:00–08:45 en 14:00–14:45), niet in de schoolvakanties.',
    tables: ['incidents', 'meldingen'],
    theme: 'parkeren',
    categories: slugs(inc, mel),
    center: midpoint(SCHOOLS),
    radiusM: 150,
    spots: SCHOOLS,
    filter: {
      ...dateFilter(PERIOD.from, PERIOD.to),
      weekdays: [1, 2, 3, 4, 5],
      hours: [8, 14],
      excluded: SCHOOL_HOLIDAYS.map(({ from, to }) => ({ from, to })),
    },
    strengthBasis: 'time',
    plants,
    extra: { time_windows: ['08:00-08:45', '14:00-14:45'] },
  };
}

function dumpingPattern(): PatternDef {
  const mondayHeavy = [1.6, 1, 1, 1, 1, 1.2, 1.3];
  const morningReport = byHour({ 6: 0.5, 7: 1.5, 8: 2, 9: 1.5, 10: 0.8 }, mondayHeavy);
  const boaRound = byHour({ 8: 1, 9: 1.2, 10: 1.2, 11: 1 }, mondayHeavy);
  const plants: PlantSpec[] = CONTAINER_SPOTS.flatMap((spot) => {
    const place = { kind: 'disc', at: spot.at, rMax: 55 } as const;
    return [
      {
        label: `${spot.id}-meldingen`,
        table: 'meldingen',
        count: 150,
        categories: picks(['container-bijplaatsing', 1]),
        place,
        shape: morningReport,
        window: 'overnight',
      },
      {
        label: `${spot.id}-incidents`,
        table: 'incidents',
        count: 50,
        categories: picks(['bijplaatsing-container', 1]),
        place,
        shape: boaRound,
        window: 'overnight',
      },
    ] satisfies PlantSpec[];
  });
  return {
    id: 'afval-bijplaatsing-containers',
    kind: 'dumping-hotspot',
    description:
      "Afval naast vier containerlocaties, 's nachts bijgeplaatst en 's ochtends gemeld (meldingen met een tijdvak over de nacht).",
    tables: ['incidents', 'meldingen'],
    theme: 'afval',
    categories: ['bijplaatsing-container', 'container-bijplaatsing'],
    center: midpoint(CONTAINER_SPOTS),
    radiusM: 60,
    ringRadiusM: 500,
    spots: CONTAINER_SPOTS,
    filter: dateFilter(PERIOD.from, PERIOD.to),
    strengthBasis: 'area',
    plants,
    extra: { window: 'overnight' },
  };
}

function newHotspotPattern(): PatternDef {
  const inc = picks(['geluidsoverlast-horeca', 50], ['overlast-bezoekers', 50]);
  const mel = picks(['geluidsoverlast-muziek', 50], ['overlast-door-bezoekers-niet-op-terras', 50]);
  const weekday = [0.6, 0.6, 0.8, 1.2, 1.6, 1.8, 1];
  const shape = byHour({ 20: 0.5, 21: 0.9, 22: 1.2, 23: 1.3, 0: 1, 1: 0.6 }, weekday);
  const place = { kind: 'disc', at: SHISHA_LOUNGE.at, rMax: 90 } as const;
  return {
    id: 'horeca-nieuw-oostrand',
    kind: 'new-hotspot',
    description:
      "Een nieuwe shishalounge aan de Oostrand geeft vanaf augustus 2026 's avonds en 's nachts overlast: een hotspot die pas in de laatste drie maanden ontstaat.",
    tables: ['incidents', 'meldingen'],
    theme: 'horeca',
    categories: slugs(inc, mel),
    center: SHISHA_LOUNGE.at,
    radiusM: 100,
    filter: {
      ...dateFilter('2026-08-01', PERIOD.to),
      months: [8, 9, 10],
      hours: [20, 21, 22, 23, 0, 1],
    },
    strengthBasis: 'time',
    plants: [
      { label: 'incidents', table: 'incidents', count: 45, categories: inc, place, shape },
      { label: 'meldingen', table: 'meldingen', count: 65, categories: mel, place, shape },
    ],
    extra: {
      place_name: SHISHA_LOUNGE.name,
      // Emerging hot spot analysis of this theme in quarters (Nov-Jan … Aug-Oct): significant
      // only in the final step. Unfiltered, every town cell is hot against the buitengebied.
      expected_class: 'nieuw',
      time_step_months: 3,
      analysis_filter: 'theme',
    },
  };
}

export function hotspotPatterns(): PatternDef[] {
  return [
    youthPattern(),
    horecaNightPattern(),
    schoolParkingPattern(),
    dumpingPattern(),
    newHotspotPattern(),
    ...watchClusters(),
  ];
}
