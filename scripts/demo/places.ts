/**
 * Named places of Donderdeel in RD New metres: the market square, the station square and
 * its intervention, the park with a skate area, schools, container spots, the
 * aandachtslocaties, and the two vacant stallen of the planted truth.
 */
import { rectangle, type Pt, type Ring } from './geometry';

export interface Spot {
  id: string;
  name: string;
  at: Pt;
}

export const MARKET_SQUARE: Spot = { id: 'markt', name: 'Markt', at: [212000, 452150] };
export const SKATE_PARK: Spot = {
  id: 'donderpark',
  name: 'Donderpark (skatebaan)',
  at: [210300, 453650],
};
export const STATION: Spot = { id: 'station', name: 'Station Donderdeel', at: [212750, 453380] };

export const SCHOOLS: readonly Spot[] = [
  { id: 'school-donderberg', name: 'Basisschool De Donderberg', at: [210900, 450750] },
  { id: 'school-beekje', name: 'Kindcentrum Het Beekje', at: [211450, 450400] },
];

export const CONTAINER_SPOTS: readonly Spot[] = [
  { id: 'containers-kerkplein', name: 'Ondergrondse containers Kerkplein', at: [211900, 451500] },
  { id: 'containers-noorderhof', name: 'Containers Noorderhof', at: [211500, 453100] },
  { id: 'containers-zuiderveld', name: 'Containers Zuiderveld', at: [210000, 450600] },
  { id: 'containers-westerpark', name: 'Containers Westerpark', at: [210500, 452400] },
];

/** A new shisha lounge on the edge of Oost: the planted new hotspot. */
export const SHISHA_LOUNGE: Spot = {
  id: 'shishalounge-oostrand',
  name: 'Shishalounge Oostrand',
  at: [214150, 452400],
};

export interface WatchLocationSpec {
  id: string;
  name: string;
  reason: string;
  visitsPerWeek: number;
  ring: Ring;
  at: Pt;
}

const watch = (
  id: string,
  name: string,
  reason: string,
  visitsPerWeek: number,
  at: Pt,
  halfW: number,
  halfH: number,
): WatchLocationSpec => ({
  id,
  name,
  reason,
  visitsPerWeek,
  at,
  ring: rectangle(at[0] - halfW, at[1] - halfH, at[0] + halfW, at[1] + halfH),
});

export const WATCH_LOCATIONS: readonly WatchLocationSpec[] = [
  watch('AL-PERENPAD', 'Perenpad', 'woonwagenlocatie', 3, [209750, 451650], 45, 30),
  watch('AL-ISSELDREEF', 'Isseldreef', 'huisvesting arbeidsmigranten', 2, [214900, 450700], 50, 25),
  watch(
    'AL-EIKENSTRAAT',
    'Eikenstraat',
    'woonoverlast en vermoedelijke drugshandel',
    2,
    [213400, 452000],
    60,
    18,
  ),
];

export const INTERVENTION = {
  id: 'IV-001',
  name: 'Cameratoezicht en extra surveillance Stationsplein',
  start: '2025-11-01',
  end: '2026-10-31',
  theme: 'jeugd',
  ring: rectangle(212600, 453100, 212900, 453360),
  bufferM: 400,
} as const;

/** Where the station-square problem goes once the cameras are up: inside the buffer ring. */
export const DISPLACEMENT_SPOTS: readonly Spot[] = [
  { id: 'busstation', name: 'Busstation', at: [213150, 453250] },
  { id: 'spoortunnel', name: 'Spoortunnel', at: [212450, 452950] },
];

/** The vacant stal with rising signals, and the vacant decoy with only old signals. */
export const RISKY_STAL: Pt = [206400, 455300];
export const DECOY_STAL: Pt = [217600, 454000];
