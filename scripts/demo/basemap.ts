/**
 * Context for the offline base map: main roads, town streets, the railway, the river Donder
 * and the Donderplas. Drawn in RD metres by hand; no randomness, so it is the same for
 * every seed.
 */
import type { Geography } from './geography';
import { rectangle, type Pt } from './geometry';
import { ringPositions, toPosition, type Feature } from './geojson';

type Kind = 'hoofdweg' | 'weg' | 'spoor' | 'water';

/** Kind, name and RD points 'x y, x y, …' of every line. */
const LINES: readonly [Kind, string, string][] = [
  [
    'spoor',
    'Spoorlijn Arnhem–Zutphen',
    '205300 453600, 209000 453420, 212750 453380, 216000 453300, 218700 453000',
  ],
  [
    'hoofdweg',
    'N831',
    '215900 446300, 215800 448000, 216000 450000, 215800 452000, 215300 454500, 214800 457700',
  ],
  [
    'hoofdweg',
    'Donderdeelseweg',
    '205300 451900, 207500 451700, 209500 451560, 211000 451300, 213000 451300, 214500 451250, 216000 451000',
  ],
  [
    'hoofdweg',
    'Rondweg Noord',
    '209400 454100, 212000 454150, 214600 454100, 215400 452800, 215800 452000',
  ],
  ['weg', 'Marktstraat', '211500 452150, 212500 452150'],
  ['weg', 'Stationsstraat', '212750 452150, 212750 453380'],
  ['weg', 'Kerkstraat', '211900 451300, 211900 452150'],
  ['weg', 'Parklaan', '209600 453650, 211000 453650'],
  ['weg', 'Noorderweg', '211500 452700, 211500 454000'],
  ['weg', 'Schoolstraat', '210500 450750, 211800 450750'],
  ['weg', 'Zuiderweg', '209600 450500, 213000 450500'],
  ['weg', 'Eikenstraat', '213200 452000, 213600 452000'],
  ['weg', 'Oosterweg', '213000 452400, 214500 452400'],
  ['weg', 'Perenpad', '209650 451650, 209850 451650, 209850 451900'],
  ['weg', 'Westerparklaan', '210300 452400, 211000 452400'],
  ['weg', 'Isseldreef', '214700 450700, 215100 450700'],
  ['weg', 'De Donk', '213200 450300, 215300 450300, 215300 451100, 213200 451100, 213200 450300'],
  ['weg', 'Spoorstraat', '213000 453300, 214400 453300'],
  ['weg', 'Molenweg', '211000 453800, 212000 453800, 214400 453800'],
  ['weg', 'Westerbroekseweg', '209500 452500, 208000 453500, 206400 455200, 205800 456400'],
  ['weg', 'Oosterveldweg', '214600 453000, 216500 453800, 217600 454050, 218600 455500'],
  ['weg', 'Zuiderbroekweg', '211000 450000, 211200 448200, 211500 446300'],
  ['weg', 'Donderveldweg', '212000 454100, 212200 456000, 212500 457800'],
  ['weg', 'Broekweg', '209400 450800, 207000 450200, 205400 449500'],
  ['water', 'Donderbeek', '212900 449200, 212600 450000, 212200 450700, 211900 451250'],
];

const DONDER =
  '205100 455200, 206500 454400, 207600 453000, 208200 451000, 208700 449200, 209800 448100, 212000 447700, 214200 447900, 216300 448400, 217600 448700';

function parsePoints(points: string): Pt[] {
  return points.split(', ').map((pair) => pair.split(' ').map(Number) as Pt);
}

/** A meandering river: points every 100 m, bent sideways by a slow sine. */
function meander(points: readonly Pt[], amplitude: number): Pt[] {
  const out: Pt[] = [points[0]];
  let travelled = 0;
  for (let i = 1; i < points.length; i++) {
    const [ax, ay] = points[i - 1];
    const [bx, by] = points[i];
    const length = Math.hypot(bx - ax, by - ay);
    const steps = Math.max(1, Math.round(length / 100));
    for (let k = 1; k <= steps; k++) {
      const t = k / steps;
      const along = travelled + t * length;
      const side = i === points.length - 1 && k === steps ? 0 : amplitude * Math.sin(along / 450);
      out.push([
        ax + t * (bx - ax) - (side * (by - ay)) / length,
        ay + t * (by - ay) + (side * (bx - ax)) / length,
      ]);
    }
    travelled += length;
  }
  return out;
}

export function basemapFeatures(g: Geography): Feature[] {
  const line = (kind: Kind, name: string, points: Pt[]): Feature => ({
    type: 'Feature',
    properties: { kind, name },
    geometry: { type: 'LineString', coordinates: points.map(toPosition) },
  });
  const lake = g.buurten.find((b) => b.water)!;
  return [
    ...LINES.map(([kind, name, points]) => line(kind, name, parsePoints(points))),
    line('water', 'Donder', meander(parsePoints(DONDER), 60)),
    {
      type: 'Feature',
      properties: { kind: 'water', name: lake.name },
      geometry: { type: 'Polygon', coordinates: [ringPositions(lake.shape)] },
    },
    {
      type: 'Feature',
      properties: { kind: 'water', name: 'Vijver Donderpark' },
      geometry: {
        type: 'Polygon',
        coordinates: [ringPositions(rectangle(210450, 453250, 210650, 453350))],
      },
    },
  ];
}
