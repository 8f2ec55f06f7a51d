/**
 * Planted truths beyond simple hot spots: the vacant stallen (patterns-buitengebied.ts),
 * the intervention whose problem moves into its buffer, a rising and a stable wijk, an
 * under-served wijk, inconsistent sanctioning, and an aandachtslocatie visited too little.
 */
import type { Theme } from '../../src/lib/data/themes';
import { PERIOD, type Calendar } from './calendar';
import { wijkByCode, type Geography } from './geography';
import { centroidOfRing, type Pt } from './geometry';
import {
  dateFilter,
  type CategoryPick,
  type PatternDef,
  type PlaceSpec,
  type PlantSpec,
  type TimeFilter,
} from './pattern-types';
import { DISPLACEMENT_SPOTS, INTERVENTION, WATCH_LOCATIONS } from './places';
import { decoyStalPattern, riskyStalPattern } from './patterns-buitengebied';
import { rhythmWeight } from './rhythms';

const rhythmOf = (theme: Theme) => (cal: Calendar, slot: number) => rhythmWeight(theme, cal, slot);
const pick = (slug: string, weight: number, source?: string): CategoryPick =>
  source ? { slug, weight, source } : { slug, weight };

export const INTERVENTION_BEFORE = dateFilter('2024-11-01', '2025-10-31');
export const INTERVENTION_AFTER = dateFilter(INTERVENTION.start, PERIOD.to);
export const RISE_CURRENT = dateFilter('2025-11-01', PERIOD.to);
export const RISE_PREVIOUS = dateFilter('2024-11-01', '2025-10-31');
/** The period as three twelve-month parts (for the stable control wijk). */
export const TWELVE_MONTH_PARTS = [
  dateFilter(PERIOD.from, '2024-10-31'),
  RISE_PREVIOUS,
  RISE_CURRENT,
];
export const UNDER_VISITED_FROM = '2026-07-01';
export const HONDEN_SANCTION_CHANCE = 0.5;
export const UNDER_SERVED_FACTOR = 0.35;

/** Incidents and meldingen of the station-square problem in one place and period. */
function interventionPlants(
  label: string,
  place: PlaceSpec,
  filter: TimeFilter,
  counts: [number, number],
): PlantSpec[] {
  const shape = rhythmOf('jeugd');
  const inc = [pick('drugsoverlast', 45), pick('jongerenoverlast', 55)];
  const mel = [pick('drank-en-drugsoverlast', 45), pick('jongerenoverlast', 55)];
  return [
    {
      label: `${label}-incidents`,
      table: 'incidents',
      count: counts[0],
      categories: inc,
      place,
      filter,
      shape,
    },
    {
      label: `${label}-meldingen`,
      table: 'meldingen',
      count: counts[1],
      categories: mel,
      place,
      filter,
      shape,
    },
  ];
}

function interventionPattern(): PatternDef {
  const target = { kind: 'ring', ring: INTERVENTION.ring } as const;
  const plants: PlantSpec[] = [
    ...interventionPlants(
      'target-before',
      target,
      dateFilter(PERIOD.from, '2025-10-31'),
      [110, 90],
    ),
    ...interventionPlants('target-after', target, INTERVENTION_AFTER, [14, 10]),
    ...DISPLACEMENT_SPOTS.flatMap((spot) =>
      interventionPlants(
        spot.id,
        { kind: 'disc', at: spot.at, rMax: 80 },
        INTERVENTION_AFTER,
        [25, 20],
      ),
    ),
  ];
  return {
    id: 'interventie-stationsplein',
    kind: 'intervention-displacement',
    description:
      'Na de start van cameratoezicht en extra surveillance op het Stationsplein daalt de drugs- en jongerenoverlast daar, en stijgt die in de zone tot 400 meter eromheen (verplaatsing).',
    tables: ['incidents', 'meldingen'],
    theme: 'jeugd',
    categories: ['drugsoverlast', 'jongerenoverlast', 'drank-en-drugsoverlast'],
    center: centroidOfRing(INTERVENTION.ring),
    radiusM: null,
    filter: dateFilter(PERIOD.from, PERIOD.to),
    strengthBasis: 'intervention',
    plants,
    extra: {
      intervention_id: INTERVENTION.id,
      buffer_m: INTERVENTION.bufferM,
      displacement_spots: DISPLACEMENT_SPOTS.map((s) => s.name),
    },
  };
}

function wijkCenter(g: Geography, code: string): Pt {
  return centroidOfRing(wijkByCode(g, code).polygons[0][0]);
}

function risingWijkPattern(g: Geography): PatternDef {
  const plant = (table: 'incidents' | 'meldingen'): PlantSpec => ({
    label: table,
    table,
    count: 0,
    categories: null,
    place: { kind: 'wijken', wijken: ['WK990104'] },
    filter: RISE_CURRENT,
    shape: rhythmOf('afval'),
    riseFactor: 0.8,
  });
  return {
    id: 'afval-stijging-oost',
    kind: 'rising-wijk',
    description:
      'In Oost stijgt de afvaloverlast in de laatste twaalf maanden met ruim 60% ten opzichte van de twaalf maanden ervoor.',
    tables: ['incidents', 'meldingen'],
    theme: 'afval',
    categories: [],
    center: wijkCenter(g, 'WK990104'),
    radiusM: null,
    wijkcode: 'WK990104',
    filter: RISE_CURRENT,
    strengthBasis: 'period',
    plants: [plant('incidents'), plant('meldingen')],
    extra: { control_pattern: 'afval-stabiel-stationskwartier' },
    steady: true,
  };
}

function stableWijkPattern(g: Geography): PatternDef {
  return {
    id: 'afval-stabiel-stationskwartier',
    kind: 'stable-wijk',
    description:
      'In Stationskwartier blijft de afvaloverlast gelijk, met ongeveer evenveel meldingen als Oost: de controle bij de stijging in Oost.',
    tables: ['incidents', 'meldingen'],
    theme: 'afval',
    categories: [],
    center: wijkCenter(g, 'WK990101'),
    radiusM: null,
    wijkcode: 'WK990101',
    filter: RISE_CURRENT,
    strengthBasis: 'period',
    plants: [],
    steady: true,
  };
}

function underServedPattern(g: Geography): PatternDef {
  return {
    id: 'onderbezetting-zuid',
    kind: 'under-served-wijk',
    description:
      'Zuid heeft veel meldingen en incidenten maar krijgt maar ongeveer een derde van de bezoekuren die bij die vraag passen.',
    tables: ['visits', 'incidents', 'meldingen'],
    theme: null,
    categories: [],
    center: wijkCenter(g, 'WK990103'),
    radiusM: null,
    wijkcode: 'WK990103',
    filter: dateFilter(PERIOD.from, PERIOD.to),
    strengthBasis: 'presence',
    plants: [],
    extra: { service_factor: UNDER_SERVED_FACTOR },
  };
}

function houndSanctionPattern(g: Geography): PatternDef {
  return {
    id: 'honden-sancties-noord',
    kind: 'outcome-inconsistency',
    description:
      'In Noord eindigen hondenincidenten veel vaker in een bestuurlijke strafbeschikking dan in de andere wijken: ongelijke afhandeling van vergelijkbare zaken.',
    tables: ['incidents'],
    theme: 'honden',
    categories: [],
    center: wijkCenter(g, 'WK990102'),
    radiusM: null,
    wijkcode: 'WK990102',
    filter: dateFilter(PERIOD.from, PERIOD.to),
    strengthBasis: 'outcomes',
    plants: [],
    extra: { sanction_outcomes: ['bestuurlijke strafbeschikking', 'proces-verbaal'] },
  };
}

function underVisitedPattern(): PatternDef {
  const w = WATCH_LOCATIONS.find((l) => l.id === 'AL-ISSELDREEF')!;
  return {
    id: 'isseldreef-onderbezocht',
    kind: 'watch-location-under-visited',
    description:
      'De aandachtslocatie Isseldreef hoort twee keer per week bezocht te worden, maar krijgt sinds juli 2026 nog maar ongeveer één bezoek per twee weken.',
    tables: ['visits'],
    theme: 'woonoverlast',
    categories: [],
    center: w.at,
    radiusM: null,
    filter: dateFilter(UNDER_VISITED_FROM, PERIOD.to),
    strengthBasis: 'watch-visits',
    plants: [],
    extra: { watch_location_id: w.id, visits_per_week_target: w.visitsPerWeek },
  };
}

export function specialPatterns(g: Geography): PatternDef[] {
  return [
    riskyStalPattern(),
    decoyStalPattern(),
    interventionPattern(),
    risingWijkPattern(g),
    stableWijkPattern(g),
    underServedPattern(g),
    houndSanctionPattern(g),
    underVisitedPattern(),
  ];
}
