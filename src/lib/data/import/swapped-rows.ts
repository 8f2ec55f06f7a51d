/**
 * Single rows with X and Y swapped. The file's coordinate system and a swap of the whole
 * file are detected from a sample (sniff-values); a few rows typed the other way round
 * were then reported as "buiten de gemeente". Per row, as one SQL expression over the
 * converted coordinates: a row whose (x, y) lies outside the municipality's box while
 * (y, x) lies inside is swapped; locate reads it the other way round and the report counts
 * it. Without boundaries the box is the Netherlands.
 */
import { wgs84ToRd } from '../../analysis/rd';
import type { BuurtLookup } from '../area-assignment';
import type { CoordinatePlan } from './sniff-values';

/** [minEast, minNorth, maxEast, maxNorth] in the file's own system. */
type Box = [number, number, number, number];

const NETHERLANDS: Record<'rd' | 'wgs84', Box> = {
  rd: [0, 289_000, 300_000, 629_000],
  wgs84: [3.2, 50.7, 7.3, 53.6],
};
/** The locate margin (250 m), in each system's units. */
const MARGIN = { rd: 250, wgs84: 0.004 };

/** The municipality's box with the margin, in the plan's system; null when unknown. */
export function municipalityBox(plan: CoordinatePlan, lookup: BuurtLookup | null): Box | null {
  if (plan.crs !== 'rd' && plan.crs !== 'wgs84') return null;
  const hasAreas = lookup !== null && lookup.buurtcodes.length > 0;
  if (!hasAreas) return NETHERLANDS[plan.crs];
  const [minLon, minLat, maxLon, maxLat] = lookup.bbox;
  const corners: [number, number][] = [
    [minLon, minLat],
    [minLon, maxLat],
    [maxLon, minLat],
    [maxLon, maxLat],
  ];
  const points = plan.crs === 'rd' ? corners.map(([lon, lat]) => wgs84ToRd(lon, lat)) : corners;
  const m = MARGIN[plan.crs];
  return [
    Math.min(...points.map((p) => p[0])) - m,
    Math.min(...points.map((p) => p[1])) - m,
    Math.max(...points.map((p) => p[0])) + m,
    Math.max(...points.map((p) => p[1])) + m,
  ];
}

/**
 * The per-row test: true when the converted row (x, y) is swapped against the plan; null
 * when nothing can be swapped (no box). The plan's own swap (the whole file) is applied
 * first: (east, north) is what the plan reads. Tested in JavaScript inside locate's loop,
 * which already holds both coordinates: as a SQL column it cost ~80 ms per 1M rows.
 */
export function swappedRowTest(
  plan: CoordinatePlan,
  box: Box | null,
): ((x: number, y: number) => boolean) | null {
  if (box === null) return null;
  const [minE, minN, maxE, maxN] = box;
  const inBox = (e: number, n: number) => e >= minE && e <= maxE && n >= minN && n <= maxN;
  return plan.swapped
    ? (x, y) => !inBox(y, x) && inBox(x, y)
    : (x, y) => !inBox(x, y) && inBox(y, x);
}
