/**
 * Meldingen as a Signalen export has them: residents' reports (source Signalen) and partner
 * signals (waterschap, boswachter, jager, energiebedrijf, politie), main and sub category
 * slugs, about a third known only as a time window before the report, and a status with a
 * closing time when handled or cancelled.
 */
import { formatLocalTimestamp, utcToLocal } from '../../src/lib/analysis/local-time';
import type { Random } from '../../src/lib/analysis/random';
import type { Theme } from '../../src/lib/data/themes';
import {
  CATALOG,
  PARTNERS,
  RESIDENT_SOURCE,
  type MeldingCategory,
  type WindowKind,
} from './catalog';
import { meldingCategory, meldingTheme, pickMeldingCategory } from './catalog-index';
import { buildRecordComponents, type RecordPayload } from './components';
import type { Model } from './model';
import { projectRecord } from './rd-grid';
import { generateByDay, pickIndex, type Draw } from './sampler';
import { windowStart } from './windows';

export const MELDING_HEADER =
  'id,reported_at,happened_from,happened_to,main_category,sub_category,status,closed_at,source,lon,lat';
export const MELDING_STATUSES = ['gemeld', 'in behandeling', 'afgehandeld', 'geannuleerd'] as const;
type Status = (typeof MELDING_STATUSES)[number];

export interface MeldingRecord {
  reportedUtc: number;
  fromUtc: number | null;
  toUtc: number | null;
  theme: Theme;
  main: string;
  sub: string;
  status: Status;
  closedUtc: number | null;
  source: string;
  x: number;
  y: number;
  buurt: number;
  patternId: string | null;
}

const PARTNER_WEIGHTS = PARTNERS.map((p) => p.weight);

function categoryAndSource(payload: RecordPayload, rng: Random): [MeldingCategory, string] {
  if (payload.partner) {
    const partner = PARTNERS[pickIndex(rng, PARTNER_WEIGHTS)];
    const category =
      partner.categories[
        pickIndex(
          rng,
          partner.categories.map((c) => c.weight),
        )
      ];
    return [category, partner.source];
  }
  if (payload.categories) {
    const pick =
      payload.categories[
        pickIndex(
          rng,
          payload.categories.map((c) => c.weight),
        )
      ];
    return [meldingCategory(pick.slug), pick.source ?? RESIDENT_SOURCE];
  }
  return [pickMeldingCategory(rng, payload.theme), RESIDENT_SOURCE];
}

function statusFor(
  model: Model,
  theme: Theme,
  reported: number,
  rng: Random,
): [Status, number | null] {
  const end = model.cal.endUtc;
  const hours = Math.min(
    1440,
    Math.max(0.25, CATALOG[theme].closeHours * Math.exp(rng.normal(0, 0.9))),
  );
  const closed = reported + Math.floor(hours * 3600) * 1000;
  if (closed >= end) {
    const fresh = end - reported < 2 * 86_400_000;
    return [fresh && rng.chance(0.5) ? 'gemeld' : 'in behandeling', null];
  }
  const u = rng.next();
  if (u < 0.012) return ['in behandeling', null];
  if (u < 0.017) return ['gemeld', null];
  if (u < 0.077) return ['geannuleerd', closed];
  return ['afgehandeld', closed];
}

export function buildMelding(model: Model, draw: Draw<RecordPayload>, rng: Random): MeldingRecord {
  const { payload } = draw.comp;
  const [category, source] = categoryAndSource(payload, rng);
  const theme = meldingTheme(category.main, category.sub);
  let kind: WindowKind | null = payload.window === 'overnight' ? 'overnight' : null;
  if (payload.window === 'catalog' && category.windowShare && rng.chance(category.windowShare)) {
    kind = category.windowKind ?? null;
  }
  let fromUtc: number | null = null;
  let toUtc: number | null = null;
  if (kind) {
    const delayMinutes = kind === 'overnight' ? rng.uniform(5, 90) : rng.uniform(5, 180);
    toUtc = draw.utc - Math.floor(delayMinutes * 60) * 1000;
    fromUtc = toUtc > model.cal.startUtc ? windowStart(rng, kind, toUtc, model.cal) : null;
    if (fromUtc === null) toUtc = null;
  }
  const [status, closedUtc] = statusFor(model, theme, draw.utc, rng);
  return {
    reportedUtc: draw.utc,
    fromUtc,
    toUtc,
    theme,
    main: category.main,
    sub: category.sub,
    status,
    closedUtc,
    source,
    x: draw.loc.x,
    y: draw.loc.y,
    buurt: draw.loc.buurt,
    patternId: payload.patternId,
  };
}

export function* meldingDays(model: Model, rows: number, rng: Random): Generator<MeldingRecord[]> {
  const comps = buildRecordComponents(model, 'meldingen', rows);
  yield* generateByDay(
    comps,
    model.cal,
    rng,
    (draw, r) => buildMelding(model, draw, r),
    (rec) => rec.reportedUtc,
  );
}

const stamp = (utc: number | null): string =>
  utc === null ? '' : formatLocalTimestamp(utcToLocal(utc));

export function meldingLine(r: MeldingRecord, id: string): string {
  const [lon, lat] = projectRecord(r.x, r.y);
  return (
    `${id},${stamp(r.reportedUtc)},${stamp(r.fromUtc)},${stamp(r.toUtc)},${r.main},${r.sub},` +
    `${r.status},${stamp(r.closedUtc)},${r.source},${lon.toFixed(6)},${lat.toFixed(6)}\n`
  );
}
