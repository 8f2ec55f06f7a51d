/**
 * What a visit is: its kind, how long it lasts (15 minutes to 3 hours) and how it ends.
 */
import type { Random } from '../../src/lib/analysis/random';
import { VISIT_KINDS, type Theme, type VisitKind } from '../../src/lib/data/themes';
import type { Model } from './model';
import { pickIndex } from './sampler';

export interface VisitRecord {
  startUtc: number;
  endUtc: number;
  kind: VisitKind;
  theme: Theme;
  target: string;
  outcome: string;
  x: number;
  y: number;
  buurt: number;
}

/** Minutes, per kind: every visit lasts between 15 minutes and 3 hours. */
export const VISIT_MINUTES: Record<VisitKind, [number, number]> = {
  surveillance: [45, 180],
  controle: [15, 75],
  huisbezoek: [20, 60],
  bedrijfsbezoek: [30, 90],
  schouw: [30, 120],
  koffiegesprek: [30, 90],
};

export const VISIT_OUTCOMES = [
  'geen bijzonderheden',
  'aangesproken',
  'waarschuwing gegeven',
  'proces-verbaal opgemaakt',
  'doorverwezen',
];
const VISIT_OUTCOME_WEIGHTS = [62, 22, 11, 3, 2];
export const SCHOUW_OUTCOMES = ['niets aangetroffen', 'aandachtspunt', 'doorgezet naar politie'];
const SCHOUW_OUTCOME_WEIGHTS = [75, 20, 5];

export function pickKind(rng: Random, weights: Partial<Record<VisitKind, number>>): VisitKind {
  const kinds = VISIT_KINDS.filter((k) => weights[k]);
  return kinds[
    pickIndex(
      rng,
      kinds.map((k) => weights[k]!),
    )
  ];
}

export function visitOutcome(rng: Random, kind: VisitKind): string {
  return kind === 'schouw'
    ? SCHOUW_OUTCOMES[pickIndex(rng, SCHOUW_OUTCOME_WEIGHTS)]
    : VISIT_OUTCOMES[pickIndex(rng, VISIT_OUTCOME_WEIGHTS)];
}

/** End of a visit starting at `start`; moved earlier when it would run past the period. */
export function visitSpan(
  model: Model,
  rng: Random,
  kind: VisitKind,
  start: number,
): [number, number] {
  const [min, max] = VISIT_MINUTES[kind];
  const duration = rng.int(min, max) * 60_000;
  const end = model.cal.endUtc - 60_000;
  const from = start + duration > end ? end - duration : start;
  return [from, from + duration];
}
