/**
 * The briefing names a place a hotspot only when it is one (issue 23): on Donderdeel's
 * outline, a few scattered records give "Geen duidelijke hotspot in dit dagdeel" instead of
 * five places with "<5"; a real cluster in the dagdeel's history is listed.
 */
import { describe, expect, it } from 'vitest';
import { DEFAULT_DAGDELEN, historyWindow } from '../../src/lib/analysis/briefing';
import { cellCentre } from '../../src/lib/analysis/hex-grid';
import { buildHexStudy } from '../../src/lib/analysis/hotspot-study';
import { createRandom } from '../../src/lib/analysis/random';
import { rdToWgs84 } from '../../src/lib/analysis/rd';
import { CELL_SIZE, composeExpected } from '../../src/lib/state/briefing/briefing-slides';
import { createRandomCells, readDonderdeel } from '../helpers/random-points';

const area = readDonderdeel();
const study = buildHexStudy([area], CELL_SIZE, { rings: 1 });
const avond = DEFAULT_DAGDELEN.find((d) => d.id === 'avond')!;
const window = historyWindow({ date: '2026-07-17', dagdeel: avond }, 4);
const names = new Map([['BU1', 'Parkwijk']]);
const at = (lon: number, lat: number, week: number) => ({
  lon,
  lat,
  t: Date.UTC(2026, 5, 19 + 7 * (week % 4), 21),
  theme: 'jeugd',
  buurtcode: 'BU1',
});

/** Records spread at random over the municipality (one per cell drawn, at its centre). */
function scattered(count: number, seed: number) {
  return createRandomCells(area, CELL_SIZE)(count, createRandom(seed)).flatMap((cell) =>
    Array.from({ length: cell.n }, (_, k) =>
      at(...rdToWgs84(...cellCentre(cell.q, cell.r, CELL_SIZE)), k),
    ),
  );
}

describe('expected hotspots on the briefing', () => {
  it('says there is no clear hotspot when the records are scattered at random', () => {
    const slide = composeExpected(scattered(40, 3), window, names, [], study);
    expect(slide.areas).toEqual([]);
    expect(slide.noHotspot).toBe(true);
    // Without the test the old ranking would have listed five places.
    expect(composeExpected(scattered(40, 3), window, names).areas).toHaveLength(5);
  });

  it('lists a real cluster (adjacent busy cells), busiest cell first', () => {
    const i = Math.floor(study.q.length / 2);
    const cells = [
      [0, 0],
      [1, 0],
      [0, 1],
      [-1, 1],
      [-1, 0],
      [0, -1],
      [1, -1],
    ];
    const cluster = cells.flatMap(([dq, dr], c) => {
      const [lon, lat] = rdToWgs84(...cellCentre(study.q[i] + dq, study.r[i] + dr, CELL_SIZE));
      return Array.from({ length: c === 0 ? 8 : 5 }, (_, k) => at(lon, lat, k));
    });
    const slide = composeExpected([...scattered(40, 3), ...cluster], window, names, [], study);
    expect(slide.noHotspot).toBe(false);
    expect(slide.areas.length).toBeGreaterThan(0);
    const centre = rdToWgs84(...cellCentre(study.q[i], study.r[i], CELL_SIZE));
    expect(slide.areas[0].centre[0]).toBeCloseTo(centre[0], 6);
  });

  it('says no clear hotspot without area boundaries to test against', () => {
    const slide = composeExpected(scattered(10, 4), window, names, [], null);
    expect(slide).toMatchObject({ areas: [], noHotspot: true });
  });
});
