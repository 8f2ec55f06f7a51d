/**
 * Where background records fall: per theme, each buurt's weight is its inhabitants times a
 * factor for its wijk (horeca in the centre, parking in the centre and around the station,
 * ondermijning in the buitengebied). Bedrijventerrein De Donk has almost no inhabitants, so
 * its weights are given directly, as "equivalent inhabitants".
 */
import type { Theme } from '../../src/lib/data/themes';
import { knownInhabitants, type Geography } from './geography';

const WIJK_FACTORS: Record<Theme, Record<string, number>> = {
  afval: { WK990100: 1.2, WK9901AB: 1.2, WK990106: 1.8 },
  horeca: {
    WK990100: 6,
    WK990101: 1.5,
    WK990102: 0.3,
    WK990103: 0.3,
    WK990104: 0.3,
    WK9901AB: 0.3,
    WK990106: 0.3,
  },
  jeugd: { WK990100: 1.2, WK990101: 1.3, WK990102: 1.2, WK9901AB: 1.1, WK990106: 0.3 },
  ondermijning: {
    WK990100: 0.6,
    WK990102: 0.5,
    WK990103: 0.5,
    WK990104: 0.8,
    WK990106: 2.5,
  },
  parkeren: {
    WK990100: 3,
    WK990101: 2.5,
    WK990102: 0.8,
    WK990104: 0.8,
    WK9901AB: 0.8,
    WK990106: 0.1,
  },
  honden: { WK990102: 1.3, WK990106: 0.8 },
  woonoverlast: { WK990100: 1.1, WK990104: 1.3, WK9901AB: 1.3, WK990106: 0.5 },
  overig: { WK990100: 1.3, WK990106: 0.8 },
};

/** Bedrijventerrein: weight per buurt regardless of (suppressed) inhabitants. */
const BEDRIJVENTERREIN: Record<Theme, number> = {
  afval: 500,
  horeca: 40,
  jeugd: 150,
  ondermijning: 2500,
  parkeren: 400,
  honden: 30,
  woonoverlast: 20,
  overig: 300,
};
const BEDRIJVENTERREIN_WIJK = 'WK990105';

/** The market square buurt holds most terraces and cafés. */
const BUURT_FACTORS: Partial<Record<Theme, Record<string, number>>> = {
  horeca: { BU99010001: 3 },
};

export function buurtThemeWeight(g: Geography, buurtIndex: number, theme: Theme): number {
  const b = g.buurten[buurtIndex];
  if (b.water) return 0;
  if (b.wijk === BEDRIJVENTERREIN_WIJK) return BEDRIJVENTERREIN[theme];
  const wijkFactor = WIJK_FACTORS[theme][b.wijk] ?? 1;
  const buurtFactor = BUURT_FACTORS[theme]?.[b.code] ?? 1;
  return knownInhabitants(b.inhabitants) * wijkFactor * buurtFactor;
}

/** Weights of all buurten for a theme, optionally limited to some wijken. */
export function themeBuurtWeights(
  g: Geography,
  theme: Theme,
  wijken?: readonly string[],
): number[] {
  return g.buurten.map((b) =>
    !wijken || wijken.includes(b.wijk) ? buurtThemeWeight(g, b.index, theme) : 0,
  );
}
