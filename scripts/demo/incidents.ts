/**
 * Incidents as handhavers register them (BOA-registratie): category, outcome on the ladder
 * informeren → waarschuwen → sanctioneren, mostly an exact time, a window when something was
 * found afterwards. The same generator writes the demo's 15,000 rows and the benchmark's
 * millions.
 */
import type { Random } from '../../src/lib/analysis/random';
import type { Outcome, Theme } from '../../src/lib/data/themes';
import { INCIDENT_SOURCE, SANCTIONS, type WindowKind } from './catalog';
import {
  incidentCategory,
  incidentTheme,
  pickIncidentCategory,
  pickOutcome,
} from './catalog-index';
import { buildRecordComponents, type RecordPayload } from './components';
import type { Model } from './model';
import { HONDEN_SANCTION_CHANCE } from './patterns-special';
import { projectRecord } from './rd-grid';
import { createStampFormatter } from './timestamps';
import { generateByDay, pickIndex, type Draw } from './sampler';
import { windowStart } from './windows';

export const INCIDENT_HEADER = 'id,occurred_from,occurred_to,theme,category,outcome,source,lon,lat';
/** The wijk where honden incidents are sanctioned much more often (planted inconsistency). */
const STRICT_WIJK = 'WK990102';

export interface IncidentRecord {
  fromUtc: number;
  /** Registration time; equals fromUtc when exact. */
  toUtc: number;
  theme: Theme;
  category: string;
  outcome: Outcome;
  x: number;
  y: number;
  buurt: number;
  patternId: string | null;
  /** True when the planted inconsistency turned the outcome into a sanction. */
  altered: boolean;
}

function outcomeFor(model: Model, theme: Theme, buurt: number, rng: Random): [Outcome, boolean] {
  const outcome = pickOutcome(rng, theme);
  const wijk = model.g.buurten[buurt].wijk;
  if (theme !== 'honden' || wijk !== STRICT_WIJK || SANCTIONS.includes(outcome))
    return [outcome, false];
  return rng.chance(HONDEN_SANCTION_CHANCE)
    ? ['bestuurlijke strafbeschikking', true]
    : [outcome, false];
}

export function buildIncident(
  model: Model,
  draw: Draw<RecordPayload>,
  rng: Random,
): IncidentRecord {
  const { payload } = draw.comp;
  const category = payload.categories
    ? incidentCategory(
        payload.categories[
          pickIndex(
            rng,
            payload.categories.map((c) => c.weight),
          )
        ].slug,
      )
    : pickIncidentCategory(rng, payload.theme);
  const theme = incidentTheme(category.slug);
  let kind: WindowKind | null = payload.window === 'overnight' ? 'overnight' : null;
  if (payload.window === 'catalog' && category.windowShare && rng.chance(category.windowShare)) {
    kind = category.windowKind ?? null;
  }
  const from = kind ? windowStart(rng, kind, draw.utc, model.cal) : null;
  const [outcome, altered] = outcomeFor(model, theme, draw.loc.buurt, rng);
  return {
    fromUtc: from ?? draw.utc,
    toUtc: draw.utc,
    theme,
    category: category.slug,
    outcome,
    x: draw.loc.x,
    y: draw.loc.y,
    buurt: draw.loc.buurt,
    patternId: payload.patternId,
    altered,
  };
}

/** Incidents day by day, each day sorted by registration time. */
export function* incidentDays(
  model: Model,
  rows: number,
  rng: Random,
): Generator<IncidentRecord[]> {
  const comps = buildRecordComponents(model, 'incidents', rows);
  yield* generateByDay(
    comps,
    model.cal,
    rng,
    (draw, r) => buildIncident(model, draw, r),
    (rec) => rec.toUtc,
  );
}

export function idWidth(rows: number): number {
  return Math.max(6, String(rows).length);
}

export function formatId(prefix: string, n: number, width: number): string {
  return prefix + String(n).padStart(width, '0');
}

const stamp = createStampFormatter();

/** One CSV line (with its newline); catalogue values are checked CSV-safe at start-up. */
export function incidentLine(r: IncidentRecord, id: string): string {
  const from = stamp(r.fromUtc);
  const to = r.toUtc === r.fromUtc ? from : stamp(r.toUtc);
  const [lon, lat] = projectRecord(r.x, r.y);
  return `${id},${from},${to},${r.theme},${r.category},${r.outcome},${INCIDENT_SOURCE},${lon.toFixed(6)},${lat.toFixed(6)}\n`;
}
