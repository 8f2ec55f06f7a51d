/**
 * The buitengebied's planted truth: a vacant stal whose surroundings fill up with signals
 * over its last nine months (vehicles coming and going, drug waste found by the water board,
 * odd energy use), and a second vacant stal with only a few old signals, as a decoy.
 */
import { formatLocalDate } from '../../src/lib/analysis/local-time';
import type { Theme } from '../../src/lib/data/themes';
import { DAY_MS, PERIOD, type Calendar } from './calendar';
import { dateFilter, type CategoryPick, type PatternDef, type PlantSpec } from './pattern-types';
import { DECOY_STAL, RISKY_STAL } from './places';
import { rhythmWeight } from './rhythms';

const rhythmOf = (theme: Theme) => (cal: Calendar, slot: number) => rhythmWeight(theme, cal, slot);
const pick = (slug: string, weight: number, source?: string): CategoryPick =>
  source ? { slug, weight, source } : { slug, weight };

const STAL_MONTHS = [
  '2026-02',
  '2026-03',
  '2026-04',
  '2026-05',
  '2026-06',
  '2026-07',
  '2026-08',
  '2026-09',
  '2026-10',
];
const STAL_MONTHLY = [1, 1, 2, 3, 3, 4, 5, 6, 8];
const STAL_MELDINGEN = [
  pick('vermoeden', 25, 'Signalen'),
  pick('vermoeden', 10, 'energiebedrijf'),
  pick('vermoeden', 15, 'jager'),
  pick('vermoeden', 10, 'boswachter'),
  pick('vermoeden', 10, 'politie'),
  pick('lozing-dumping-bodemverontreiniging', 25, 'waterschap'),
  pick('overig-afval', 5, 'boswachter'),
];
const STAL_INCIDENTS = [
  pick('drugsafval-aangetroffen', 30),
  pick('verdachte-voertuigen', 40),
  pick('hennepgeur', 30),
];
const STAL_CATEGORIES = [
  'vermoeden',
  'lozing-dumping-bodemverontreiniging',
  'overig-afval',
  'drugsafval-aangetroffen',
  'verdachte-voertuigen',
  'hennepgeur',
];

function monthEnd(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return formatLocalDate(Date.UTC(y, m, 1) - DAY_MS);
}

export function riskyStalPattern(): PatternDef {
  const place = { kind: 'disc', at: RISKY_STAL, rMin: 40, rMax: 450 } as const;
  const shape = rhythmOf('ondermijning');
  const plants: PlantSpec[] = STAL_MONTHS.flatMap((month, i) => {
    const filter = dateFilter(`${month}-01`, monthEnd(month));
    const incidents = Math.floor(STAL_MONTHLY[i] / 3);
    return [
      {
        label: `${month}-meldingen`,
        table: 'meldingen',
        count: STAL_MONTHLY[i] - incidents,
        categories: STAL_MELDINGEN,
        place,
        filter,
        shape,
      },
      {
        label: `${month}-incidents`,
        table: 'incidents',
        count: incidents,
        categories: STAL_INCIDENTS,
        place,
        filter,
        shape,
      },
    ] satisfies PlantSpec[];
  });
  return {
    id: 'stal-signalen-leegstand',
    kind: 'vacant-building-rising-signals',
    description:
      'Rond een leegstaande stal in Westerbroek-Noord nemen de signalen (vreemde voertuigen, drugsafval, afwijkend stroomverbruik) in de laatste negen maanden steeds verder toe.',
    tables: ['incidents', 'meldingen'],
    theme: 'ondermijning',
    categories: STAL_CATEGORIES,
    center: RISKY_STAL,
    radiusM: 500,
    filter: dateFilter('2026-02-01', PERIOD.to),
    strengthBasis: 'time',
    plants,
    extra: {
      building_role: 'risky',
      monthly_planted: STAL_MONTHS.map((month, i) => ({ month, count: STAL_MONTHLY[i] })),
    },
  };
}

export function decoyStalPattern(): PatternDef {
  const place = { kind: 'disc', at: DECOY_STAL, rMin: 40, rMax: 450 } as const;
  const shape = rhythmOf('ondermijning');
  const mel = [pick('vermoeden', 50, 'jager'), pick('vermoeden', 50, 'Signalen')];
  const inc = [pick('verdachte-voertuigen', 1)];
  return {
    id: 'stal-oude-signalen',
    kind: 'vacant-building-decoy',
    description:
      'Een andere leegstaande stal in Oosterveld had in 2024 enkele signalen, daarna niet meer: oud en dus laag risico.',
    tables: ['incidents', 'meldingen'],
    theme: 'ondermijning',
    categories: ['vermoeden', 'verdachte-voertuigen'],
    center: DECOY_STAL,
    radiusM: 500,
    filter: dateFilter('2024-03-01', '2024-09-30'),
    strengthBasis: 'time',
    plants: [
      { label: 'meldingen', table: 'meldingen', count: 4, categories: mel, place, shape },
      { label: 'incidents', table: 'incidents', count: 2, categories: inc, place, shape },
    ],
    extra: { building_role: 'decoy' },
  };
}
