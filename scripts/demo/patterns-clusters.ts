/**
 * Steady clusters around the aandachtslocaties (Eikenstraat, Perenpad, Isseldreef): not a
 * sudden hot spot but the year-round problem that put them on the list, so their trend can
 * be watched.
 */
import type { Theme } from '../../src/lib/data/themes';
import { PERIOD, type Calendar } from './calendar';
import { dateFilter, type CategoryPick, type PatternDef } from './pattern-types';
import { WATCH_LOCATIONS } from './places';
import { rhythmWeight } from './rhythms';

const picks = (...pairs: [string, number][]): CategoryPick[] =>
  pairs.map(([slug, weight]) => ({ slug, weight }));
const slugs = (...lists: CategoryPick[][]): string[] => [
  ...new Set(lists.flat().map((c) => c.slug)),
];

function watchCluster(
  watchId: string,
  theme: Theme,
  inc: CategoryPick[],
  mel: CategoryPick[],
  counts: [number, number],
  description: string,
): PatternDef {
  const w = WATCH_LOCATIONS.find((l) => l.id === watchId)!;
  const place = { kind: 'disc', at: w.at, rMax: 90 } as const;
  const shape = (cal: Calendar, slot: number) => rhythmWeight(theme, cal, slot);
  return {
    id: `cluster-${w.name.toLowerCase()}`,
    kind: 'background-cluster',
    description,
    tables: ['incidents', 'meldingen'],
    theme,
    categories: slugs(inc, mel),
    center: w.at,
    radiusM: 100,
    ringRadiusM: 500,
    filter: dateFilter(PERIOD.from, PERIOD.to),
    strengthBasis: 'area',
    plants: [
      {
        label: 'incidents',
        table: 'incidents',
        count: counts[0],
        categories: inc,
        place,
        shape,
        window: 'catalog',
      },
      {
        label: 'meldingen',
        table: 'meldingen',
        count: counts[1],
        categories: mel,
        place,
        shape,
        window: 'catalog',
      },
    ],
    extra: { watch_location_id: w.id },
  };
}

export function watchClusters(): PatternDef[] {
  return [
    watchCluster(
      'AL-EIKENSTRAAT',
      'woonoverlast',
      picks(['geluidsoverlast-woning', 55], ['burenoverlast', 45]),
      picks(['overige-overlast-door-personen', 60], ['stank-geluidsoverlast', 40]),
      [40, 90],
      'Aanhoudende woonoverlast rond de aandachtslocatie Eikenstraat, het hele jaar door.',
    ),
    watchCluster(
      'AL-PERENPAD',
      'afval',
      picks(['huisvuil-verkeerd-aangeboden', 60], ['afvaldumping', 40]),
      picks(['huisafval', 40], ['grofvuil', 40], ['overig-afval', 20]),
      [25, 60],
      'Afvalproblemen rond de woonwagenlocatie Perenpad, het hele jaar door.',
    ),
    watchCluster(
      'AL-ISSELDREEF',
      'woonoverlast',
      picks(['burenoverlast', 50], ['geluidsoverlast-woning', 50]),
      picks(['overige-overlast-door-personen', 100]),
      [20, 50],
      'Woonoverlast rond de huisvesting van arbeidsmigranten aan de Isseldreef, het hele jaar door.',
    ),
  ];
}
