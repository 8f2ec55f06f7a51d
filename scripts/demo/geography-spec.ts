/**
 * The fictional municipality Donderdeel (GM9901), drawn in RD New metres around
 * x 212000, y 452000: a town of about 6 x 4 km inside a buitengebied of about 14 x 12 km.
 * Buurten are given as simple rings on a 100 m lattice; geography.ts subdivides, joins
 * and bends them so they tile their wijk and the gemeente exactly.
 */
import { rectangle, type Ring } from './geometry';

export const GEMEENTE = { code: 'GM9901', name: 'Donderdeel' } as const;
export const AREA_YEAR = 2024;
/** CBS sentinel for a suppressed (small) number of inhabitants. */
export const SUPPRESSED = -99997;

export interface WijkSpec {
  code: string;
  name: string;
  /** True for the buitengebied: farms, partner signals, no dense housing. */
  rural: boolean;
}

export interface BuurtSpec {
  code: string;
  name: string;
  wijk: string;
  /** CBS aantal_inwoners; SUPPRESSED when hidden. */
  inhabitants: number;
  water: boolean;
  ring: Ring;
}

export const WIJKEN: readonly WijkSpec[] = [
  { code: 'WK990100', name: 'Centrum', rural: false },
  { code: 'WK990101', name: 'Stationskwartier', rural: false },
  { code: 'WK990102', name: 'Noord', rural: false },
  { code: 'WK990103', name: 'Zuid', rural: false },
  { code: 'WK990104', name: 'Oost', rural: false },
  { code: 'WK990105', name: 'Bedrijventerrein De Donk', rural: false },
  { code: 'WK990106', name: 'Buitengebied', rural: true },
  { code: 'WK9901AB', name: 'West', rural: false },
];

const town = (
  code: string,
  name: string,
  wijk: string,
  inhabitants: number,
  ring: Ring,
): BuurtSpec => ({ code, name, wijk, inhabitants, water: false, ring });

export const BUURTEN: readonly BuurtSpec[] = [
  town('BU99010001', 'Markt', 'WK990100', 1300, rectangle(211500, 451700, 212500, 452700)),
  town('BU99010002', 'Centrum-West', 'WK990100', 1650, rectangle(211000, 451300, 211500, 452700)),
  town('BU99010003', 'Centrum-Oost', 'WK990100', 1550, rectangle(212500, 451300, 213000, 452700)),
  town('BU99010004', 'Kerkbuurt', 'WK990100', 1100, rectangle(211500, 451300, 212500, 451700)),
  town('BU99010101', 'Stationsplein', 'WK990101', 1000, rectangle(212000, 452700, 213400, 453500)),
  town('BU99010102', 'Spoorzone', 'WK990101', 1450, rectangle(213400, 452700, 214500, 453500)),
  town(
    'BU99010103',
    'Stationskwartier-Noord',
    'WK990101',
    1950,
    rectangle(212000, 453500, 214500, 454000),
  ),
  town('BU99010201', 'Parkwijk', 'WK990102', 2000, rectangle(209500, 452700, 211000, 454000)),
  town('BU99010202', 'Noorderhof', 'WK990102', 1850, rectangle(211000, 452700, 212000, 453500)),
  town('BU99010203', 'Molenakker', 'WK990102', 1650, rectangle(211000, 453500, 212000, 454000)),
  town('BU99010301', 'Zuiderveld', 'WK990103', 2000, rectangle(209500, 450000, 210500, 451300)),
  town('BU99010302', 'Schoolbuurt', 'WK990103', 2100, rectangle(210500, 450000, 211800, 451300)),
  town('BU99010303', 'Beekdal', 'WK990103', 1800, rectangle(211800, 450000, 213000, 451300)),
  town('BU99010401', 'Eikenbuurt', 'WK990104', 1650, rectangle(213000, 451300, 213800, 452700)),
  town('BU99010402', 'Oosterhof', 'WK990104', 1450, rectangle(213800, 451300, 214500, 452000)),
  town('BU99010403', 'Oostrand', 'WK990104', 1250, rectangle(213800, 452000, 214500, 452700)),
  town(
    'BU99010501',
    'De Donk-West',
    'WK990105',
    SUPPRESSED,
    rectangle(213000, 450000, 214200, 451300),
  ),
  town('BU99010502', 'De Donk-Oost', 'WK990105', 95, rectangle(214200, 450000, 215500, 451300)),
  town('BU9901AB01', 'Perenhof', 'WK9901AB', 1050, rectangle(209500, 451300, 210300, 452700)),
  town('BU9901AB02', 'Westerpark', 'WK9901AB', 1250, rectangle(210300, 451300, 211000, 452700)),
  {
    code: 'BU99010601',
    name: 'Donderveld',
    wijk: 'WK990106',
    inhabitants: 420,
    water: false,
    ring: rectangle(209500, 454000, 214500, 458000),
  },
  {
    code: 'BU99010602',
    name: 'Westerbroek-Noord',
    wijk: 'WK990106',
    inhabitants: 380,
    water: false,
    ring: [
      [205000, 452000],
      [209500, 452000],
      [209500, 454000],
      [209500, 458000],
      [207000, 458000],
      [205000, 456500],
    ],
  },
  {
    code: 'BU99010603',
    name: 'Westerbroek-Zuid',
    wijk: 'WK990106',
    inhabitants: 510,
    water: false,
    ring: [
      [205000, 447000],
      [205500, 446000],
      [209500, 446000],
      [209500, 450000],
      [209500, 452000],
      [205000, 452000],
    ],
  },
  {
    code: 'BU99010604',
    name: 'Zuiderbroek',
    wijk: 'WK990106',
    inhabitants: 460,
    water: false,
    ring: rectangle(209500, 446000, 215500, 450000),
  },
  {
    code: 'BU99010605',
    name: 'Oosterveld',
    wijk: 'WK990106',
    inhabitants: 560,
    water: false,
    ring: [
      [215500, 446000],
      [216500, 446000],
      [219000, 447500],
      [219000, 448000],
      [217600, 448000],
      [217600, 449400],
      [219000, 449400],
      [219000, 456000],
      [217000, 458000],
      [214500, 458000],
      [214500, 454000],
      [214500, 451300],
      [215500, 451300],
      [215500, 450000],
    ],
  },
  {
    code: 'BU99010606',
    name: 'Donderplas',
    wijk: 'WK990106',
    inhabitants: 0,
    water: true,
    ring: rectangle(217600, 448000, 219000, 449400),
  },
];

/** Vertices inside this box belong to the town and bend less than the outer boundary. */
export const TOWN_BOX = { minX: 209400, minY: 449900, maxX: 215600, maxY: 454100 } as const;
export const WOBBLE_TOWN_M = 70;
export const WOBBLE_RURAL_M = 260;
export const SUBDIVIDE_M = 250;
