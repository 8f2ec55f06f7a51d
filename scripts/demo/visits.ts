/**
 * Visits by handhavers: planned ones (aandachtslocaties, schouw of vacant buildings, extra
 * surveillance at the intervention) and the rest spread over the wijken in proportion to
 * demand (meldingen and incidents per theme and buurt), except the planted under-served
 * wijk, which gets only a fraction of its share.
 */
import { formatLocalTimestamp, utcToLocal } from '../../src/lib/analysis/local-time';
import type { Random } from '../../src/lib/analysis/random';
import { THEMES, type Theme, type VisitKind } from '../../src/lib/data/themes';
import type { Model } from './model';
import { UNDER_SERVED_FACTOR } from './patterns-special';
import { buurtPlace } from './placement';
import { projectRecord } from './rd-grid';
import { rhythmWeight, visitDutyWeight } from './rhythms';
import { apportion, generateByDay, slotWeights, type Component } from './sampler';
import { pickKind, visitOutcome, visitSpan, type VisitRecord } from './visit-kinds';
import { plannedVisits } from './visits-planned';

export const VISIT_HEADER = 'id,started_at,ended_at,kind,theme,target,outcome,lon,lat';
export const DEMO_VISITS = 20_000;
const UNDER_SERVED_WIJK = 'WK990103';

const KINDS_BY_THEME: Record<Theme, Partial<Record<VisitKind, number>>> = {
  afval: { surveillance: 50, controle: 35, huisbezoek: 15 },
  horeca: { controle: 45, bedrijfsbezoek: 35, surveillance: 20 },
  jeugd: { surveillance: 70, koffiegesprek: 10, huisbezoek: 10, controle: 10 },
  ondermijning: { bedrijfsbezoek: 45, controle: 25, surveillance: 20, huisbezoek: 10 },
  parkeren: { controle: 70, surveillance: 30 },
  honden: { surveillance: 70, controle: 30 },
  woonoverlast: { huisbezoek: 50, koffiegesprek: 25, surveillance: 25 },
  overig: { surveillance: 75, controle: 25 },
};

/** Records per theme and buurt: the demand visits should follow. */
export type Demand = number[][];

export function demandOf(model: Model, records: Iterable<{ theme: Theme; buurt: number }>): Demand {
  const demand = THEMES.map(() => model.g.buurten.map(() => 0));
  for (const r of records) demand[THEMES.indexOf(r.theme)][r.buurt]++;
  return demand;
}

function generalComponents(model: Model, demand: Demand, total: number): Component<Theme>[] {
  const { g, cal } = model;
  const factor = g.buurten.map((b) => (b.wijk === UNDER_SERVED_WIJK ? UNDER_SERVED_FACTOR : 1));
  const weighted = demand.map((row) => row.map((v, b) => v * factor[b]));
  const counts = apportion(
    total,
    weighted.map((row) => row.reduce((s, v) => s + v, 0)),
  );
  return THEMES.map((theme, i) => ({
    key: `visits:${theme}`,
    count: counts[i],
    weights: slotWeights(cal, (s) => rhythmWeight(theme, cal, s) * visitDutyWeight(cal, s)),
    minuteSpan: 60,
    place: buurtPlace(g, weighted[i], model.acceptVisit),
    payload: theme,
  }));
}

export function generateVisits(model: Model, demand: Demand, rng: Random): VisitRecord[] {
  const planned = plannedVisits(model, rng);
  const comps = generalComponents(model, demand, DEMO_VISITS - planned.length);
  const general: VisitRecord[] = [];
  const days = generateByDay(
    comps,
    model.cal,
    rng,
    (draw, r): VisitRecord => {
      const kind = pickKind(r, KINDS_BY_THEME[draw.comp.payload]);
      const [startUtc, endUtc] = visitSpan(model, r, kind, draw.utc);
      const { x, y, buurt } = draw.loc;
      return {
        startUtc,
        endUtc,
        kind,
        theme: draw.comp.payload,
        target: '',
        outcome: visitOutcome(r, kind),
        x,
        y,
        buurt,
      };
    },
    (v) => v.startUtc,
  );
  for (const day of days) general.push(...day);
  return [...planned, ...general].sort((a, b) => a.startUtc - b.startUtc);
}

const stamp = (utc: number): string => formatLocalTimestamp(utcToLocal(utc));

export function visitLine(v: VisitRecord, id: string): string {
  const [lon, lat] = projectRecord(v.x, v.y);
  return `${id},${stamp(v.startUtc)},${stamp(v.endUtc)},${v.kind},${v.theme},${v.target},${v.outcome},${lon.toFixed(6)},${lat.toFixed(6)}\n`;
}
