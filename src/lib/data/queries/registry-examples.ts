/**
 * Example arguments of the registered builders (registry.ts), in the form they travel as
 * JSON: what `npm run engines:parity` runs every builder with, on Donderdeel and on the
 * synthetic region (the same values, so some filters match only Donderdeel's copy there).
 * They cover each argument's kinds: no filter, a period, the time parts and a box with areas.
 */
import { cellOf } from '../../analysis/hex-grid';
import { fitRdPolynomial } from '../../analysis/rd-polynomial';
import { wgs84ToRd } from '../../analysis/rd';
import type { RecordFilter } from '../sql/record-filter';

/** The lon/lat → RD polynomial over Donderdeel (and the synthetic region around it). */
export const RD = fitRdPolynomial({ minLon: 6.05, minLat: 51.98, maxLon: 6.35, maxLat: 52.15 });
/** The hexagon size of the Verkennen projection the parity run builds. */
export const CELL_SIZE = 200;

const PERIOD: RecordFilter = {
  from: '2024-03-01 00:00:00',
  to: '2025-10-27 04:30:00',
  themes: ['parkeren', 'jeugd', 'afval', 'ondermijning'],
};
const TIMES: RecordFilter = {
  months: [3, 5, 10, 12],
  hours: [0, 1, 2, 3, 17, 18, 19, 20, 21, 22, 23],
  weekdays: [5, 6, 7],
  categories: [
    'foutparkeren',
    'jongerenoverlast',
    'parkeeroverlast',
    'surveillance',
    'bijplaatsing-container',
  ],
};
const PLACE: RecordFilter = {
  wijkcodes: ['WK990100', 'WK990102', 'WK990105'],
  buurtcodes: ['BU99010001', 'BU99010002', 'BU99010201', 'BU99010501'],
  bbox: [6.18, 52.02, 6.26, 52.08],
};
/** Meldingen have no outcome: an outcome filter leaves none of them. */
const OUTCOME: RecordFilter = {
  outcomes: ['waarschuwing', 'informeren', 'geen bijzonderheden', 'proces-verbaal'],
  // Donderdeel and the first copies of the synthetic region (parity-data.ts).
  gemeenten: ['GM9901', 'GM9998', 'GM9997'],
};
export const FILTERS: readonly RecordFilter[] = [{}, PERIOD, TIMES, PLACE, OUTCOME];

export const TABLE_SETS = [
  ['incidents', 'meldingen', 'visits'],
  ['meldingen'],
  ['incidents', 'visits'],
] as const;

/** Each table set with each filter, as (tables, filter) pairs (meldingen alone: no outcome). */
export const TABLES_FILTERS: [readonly string[], RecordFilter][] = TABLE_SETS.flatMap((t) =>
  FILTERS.filter((f) => (t as readonly string[]).includes('incidents') || !f.outcomes).map(
    (f): [readonly string[], RecordFilter] => [t, f],
  ),
);

const [x, y] = wgs84ToRd(6.2195, 52.0494);
const centre = cellOf(x, y, CELL_SIZE);

/** Drill-down targets: a hexagon cell, a wijk and a buurt, and one record's location. */
export const TARGETS = [
  { kind: 'cell', q: centre.q, r: centre.r, size: CELL_SIZE, rd: RD },
  { kind: 'area', level: 'wijk', code: 'WK990100' },
  { kind: 'area', level: 'buurt', code: 'BU99010002' },
  { kind: 'location', lon: 6.210829, lat: 52.063225 },
];

/** Aandachtslocaties in Donderdeel (Wijken's near counts). */
export const LOCATIONS = [
  { id: 'centrum', lon: 6.2195, lat: 52.0494 },
  { id: 'punt', lon: 6.210829, lat: 52.063225 },
];

export const WINDOW = { from: '2025-09-01 00:00:00', to: '2025-10-01 00:00:00' };
export const NORMS = {
  defaultDays: 14,
  byCategory: { parkeeroverlast: 3, 'container-is-vol': 30 },
};
export const MOMENTS = ['2025-03-30 02:30:00', '2025-10-26 02:30:00', '2026-06-01 12:00:00'];
export const DATE_PERIOD = { from: '2024-01-01', to: '2025-12-31' };
