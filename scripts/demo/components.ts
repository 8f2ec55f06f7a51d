/**
 * Turns the model into the components of one record table: the planted patterns first, then
 * partner signals (meldingen), then the background of every theme, spread over the town in
 * proportion to inhabitants with the theme's daily, weekly and seasonal rhythm. Counts add
 * up exactly to the requested number of rows; planted counts scale with it.
 */
import { THEMES, type Theme } from '../../src/lib/data/themes';
import { CATALOG } from './catalog';
import { isRuralBuurt } from './geography';
import { patternThemes, type Model } from './model';
import { TWELVE_MONTH_PARTS } from './patterns-special';
import {
  slotMatches,
  type CategoryPick,
  type PatternDef,
  type PlaceSpec,
  type PlantSpec,
  type RecordTable,
} from './pattern-types';
import { buurtPlace, discPlace, ringPlace } from './placement';
import { themeBuurtWeights } from './place-weights';
import { boaDutyWeight, rhythmWeight } from './rhythms';
import { apportion, slotWeights, type Component, type PlaceFn } from './sampler';

/** Row counts of the demo; planted counts in the pattern files are given at this size. */
export const DEMO_ROWS = { incidents: 15_000, meldingen: 30_000 } as const;
const PARTNER_SIGNALS = 900;
const PARTNER_NEAR_FARMS = 0.4;

export interface RecordPayload {
  table: RecordTable;
  theme: Theme;
  patternId: string | null;
  categories: readonly CategoryPick[] | null;
  window: 'exact' | 'overnight' | 'catalog';
  partner: boolean;
}

export type RecordComponent = Component<RecordPayload>;

function placeOf(model: Model, spec: PlaceSpec, theme: Theme, anyTheme = false): PlaceFn {
  const accept = model.accept(anyTheme ? 'any' : theme);
  if (spec.kind === 'disc') return discPlace(model.g, spec.at, spec.rMax, accept, spec.rMin ?? 0);
  if (spec.kind === 'ring') return ringPlace(model.g, spec.ring, accept);
  return buurtPlace(model.g, themeBuurtWeights(model.g, theme, spec.wijken), accept);
}

function backgroundWeights(model: Model, table: RecordTable, theme: Theme): Float64Array {
  const { cal } = model;
  return slotWeights(cal, (s) =>
    table === 'incidents'
      ? rhythmWeight(theme, cal, s) * boaDutyWeight(cal, s)
      : rhythmWeight(theme, cal, s),
  );
}

function plantComponent(
  model: Model,
  p: PatternDef,
  plant: PlantSpec,
  count: number,
): RecordComponent {
  const theme = p.theme!;
  const filter = plant.filter ?? p.filter;
  const { cal } = model;
  return {
    key: `${p.id}:${plant.label}`,
    count,
    weights: slotWeights(cal, (s) => (slotMatches(cal, s, filter) ? plant.shape(cal, s) : 0)),
    minuteSpan: plant.minuteSpan ?? 60,
    place: placeOf(model, plant.place, theme, patternThemes(p).length > 1),
    payload: {
      table: plant.table,
      theme,
      patternId: p.id,
      categories: plant.categories,
      window: plant.window ?? 'exact',
      partner: false,
    },
  };
}

/** Expected background records of a theme inside some wijken and a filter. */
function expectedBackground(
  model: Model,
  table: RecordTable,
  theme: Theme,
  total: number,
  plant: PlantSpec,
  p: PatternDef,
): number {
  const w = backgroundWeights(model, table, theme);
  const filter = plant.filter ?? p.filter;
  let inside = 0;
  let all = 0;
  for (let s = 0; s < w.length; s++) {
    all += w[s];
    if (slotMatches(model.cal, s, filter)) inside += w[s];
  }
  const wijken = plant.place.kind === 'wijken' ? plant.place.wijken : undefined;
  const part = themeBuurtWeights(model.g, theme, wijken).reduce((s, v) => s + v, 0);
  const whole = themeBuurtWeights(model.g, theme).reduce((s, v) => s + v, 0);
  return (total * inside * part) / (all * whole);
}

function partnerComponents(model: Model, count: number): RecordComponent[] {
  const { g, cal } = model;
  const accept = model.accept('any');
  const areaWeights = g.buurten.map((b) => {
    if (b.water) return 0;
    if (b.wijk === 'WK990105') return 300;
    return isRuralBuurt(g, b.index) ? (b.area / 1e6) * 100 : Math.max(0, b.inhabitants) * 0.02;
  });
  const nearFarm = (rng: Parameters<PlaceFn>[0]) => {
    const farm = model.buildings[rng.int(0, model.buildings.length - 1)];
    return discPlace(g, farm.at, 400, accept, 50)(rng);
  };
  const weights = slotWeights(cal, (s) => rhythmWeight('ondermijning', cal, s));
  const [farms, area] = apportion(count, [PARTNER_NEAR_FARMS, 1 - PARTNER_NEAR_FARMS]);
  const payload: RecordPayload = {
    table: 'meldingen',
    theme: 'ondermijning',
    patternId: null,
    categories: null,
    window: 'catalog',
    partner: true,
  };
  return [
    { key: 'partner:farms', count: farms, weights, minuteSpan: 60, place: nearFarm, payload },
    {
      key: 'partner:area',
      count: area,
      weights,
      minuteSpan: 60,
      place: buurtPlace(g, areaWeights, accept),
      payload,
    },
  ];
}

export function buildRecordComponents(
  model: Model,
  table: RecordTable,
  rows: number,
): RecordComponent[] {
  const scale = rows / DEMO_ROWS[table];
  const planted: RecordComponent[] = [];
  const rises: [PatternDef, PlantSpec][] = [];
  for (const p of model.patterns) {
    for (const plant of p.plants) {
      if (plant.table !== table) continue;
      if (plant.riseFactor) rises.push([p, plant]);
      else planted.push(plantComponent(model, p, plant, Math.round(plant.count * scale)));
    }
  }
  const partners =
    table === 'meldingen' ? partnerComponents(model, Math.round(PARTNER_SIGNALS * scale)) : [];
  const fixed = [...planted, ...partners].reduce((s, c) => s + c.count, 0);
  const shares = THEMES.map((t) =>
    table === 'incidents' ? CATALOG[t].incidentShare : CATALOG[t].meldingShare,
  );
  const preliminary = apportion(rows - fixed, shares);
  for (const [p, plant] of rises) {
    const theme = p.theme!;
    const base = preliminary[THEMES.indexOf(theme)];
    const count = Math.round(
      plant.riseFactor! * expectedBackground(model, table, theme, base, plant, p),
    );
    planted.push(plantComponent(model, p, plant, count));
  }
  const allPlanted = [...planted, ...partners].reduce((s, c) => s + c.count, 0);
  if (allPlanted > rows) throw new Error(`${rows} ${table} rows cannot hold the planted patterns`);
  const background = apportion(rows - allPlanted, shares).flatMap((count, i) =>
    backgroundComponents(model, table, THEMES[i], count),
  );
  return [...planted, ...partners, ...background];
}

/**
 * The background of one theme. A steady wijk (the control of a rising one) gets its share
 * as three equal twelve-month parts, so its year-on-year change is zero by construction.
 */
function backgroundComponents(
  model: Model,
  table: RecordTable,
  theme: Theme,
  count: number,
): RecordComponent[] {
  const { g, cal } = model;
  const steady = model.patterns
    .filter((p) => p.steady && p.theme === theme)
    .map((p) => p.wijkcode!);
  const weights = themeBuurtWeights(g, theme);
  const isSteady = (b: number) => steady.includes(g.buurten[b].wijk);
  const inSteady = weights.map((w, b) => (isSteady(b) ? w : 0));
  const share = inSteady.reduce((s, v) => s + v, 0) / weights.reduce((s, v) => s + v, 0);
  const perPart = Math.round((count * share) / TWELVE_MONTH_PARTS.length);
  const timeWeights = backgroundWeights(model, table, theme);
  const payload: RecordPayload = {
    table,
    theme,
    patternId: null,
    categories: null,
    window: 'catalog',
    partner: false,
  };
  const accept = model.accept(theme);
  const rest: RecordComponent = {
    key: `background:${theme}`,
    count: count - perPart * TWELVE_MONTH_PARTS.length,
    weights: timeWeights,
    minuteSpan: 60,
    place: buurtPlace(
      g,
      weights.map((w, b) => (isSteady(b) ? 0 : w)),
      accept,
    ),
    payload,
  };
  if (steady.length === 0) return [rest];
  const parts = TWELVE_MONTH_PARTS.map((part): RecordComponent => ({
    key: `background:${theme}:steady:${part.from}`,
    count: perPart,
    weights: timeWeights.map((w, s) => (slotMatches(cal, s, part) ? w : 0)),
    minuteSpan: 60,
    place: buurtPlace(g, inSteady, accept),
    payload,
  }));
  return [rest, ...parts];
}
