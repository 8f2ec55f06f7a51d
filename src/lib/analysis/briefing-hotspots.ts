/**
 * Which places the briefing may call a hotspot (issue 23): the cells that are significant
 * hot spots at 95 % (Gi* with permutation p-values and BH-FDR, as on the map) in the
 * dagdeel's history — not merely the busiest cells, which on sparse data are noise ("five
 * places with '<5' each").
 */
import type { HistoryRecord } from './briefing';
import type { ConfidenceClass } from './gistar';
import { cellOf } from './hex-grid';
import { computeHotspotStudy, type CellCount, type HexStudy } from './hotspot-study';
import { wgs84ToRd } from './rd';

/** Lowest class the briefing names: 95 %. */
export const BRIEFING_MIN_CONFIDENCE = 2;

/**
 * Keys "q,r" of the study cells that are hot spots at BRIEFING_MIN_CONFIDENCE or more, with
 * their confidence class (2: 95 %, 3: 99 %).
 */
export function findHotCells(
  records: readonly HistoryRecord[],
  study: HexStudy,
): Map<string, ConfidenceClass> {
  const counts = new Map<string, CellCount>();
  for (const record of records) {
    const { q, r } = cellOf(...wgs84ToRd(record.lon, record.lat), study.size);
    const cell = counts.get(`${q},${r}`);
    if (cell) cell.n++;
    else counts.set(`${q},${r}`, { q, r, n: 1 });
  }
  const result = computeHotspotStudy(study, [...counts.values()]);
  const hot = new Map<string, ConfidenceClass>();
  if (result.tooFew) return hot;
  for (const cell of result.cells) {
    if (cell.confidence >= BRIEFING_MIN_CONFIDENCE) hot.set(`${cell.q},${cell.r}`, cell.confidence);
  }
  return hot;
}
