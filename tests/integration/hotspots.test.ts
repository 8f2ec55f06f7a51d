/**
 * Hot spots on Donderdeel with the real engine (duckdb-wasm, Node build): the SQL lon/lat →
 * RD polynomial and hexagon binning against proj4 + cellOf for every demo record, the filter
 * parameters against a TypeScript oracle, and the planted patterns of data/truth.json found
 * by Gi* (99 %, FDR) and the emerging hot spot classes. Every place, theme and time window
 * comes from the truth file.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MultiPolygonCoords } from '../../src/lib/analysis/area-index';
import { pointInMultiPolygon } from '../../src/lib/analysis/area-index';
import { cellCentre, cellOf } from '../../src/lib/analysis/hex-grid';
import {
  buildHexStudy,
  computeEmergingStudy,
  computeHotspotStudy,
  type CellCount,
  type EmergingStudy,
  type HexStudy,
  type PeriodCellCount,
} from '../../src/lib/analysis/hotspot-study';
import { rdToWgs84, wgs84ToRd } from '../../src/lib/analysis/rd';
import type { Connector } from '../../src/lib/data/connector';
import {
  buildHexCellCountsQuery,
  buildHexCellPeriodCountsQuery,
  buildRecordCellsQuery,
  fitRdPolynomial,
  listTimeSteps,
  type HotspotFilter,
  type RdPolynomial,
} from '../../src/lib/data/queries/hotspots';
import { buildAreaBoundsQuery, buildAreaGeometriesQuery } from '../../src/lib/data/queries/map';
import type { RecordTable } from '../../src/lib/data/schema';
import { loadDemoInNode, readTruth, type Truth } from '../helpers/demo-node';

/** Hexagon circumradius (flat-to-flat 260 m) and a one-ring neighbourhood (7 cells). */
const SIZE = 150;
const NEIGHBOURHOOD = { rings: 1 };
const EMERGING = new Set(['nieuw-hotspot', 'opeenvolgend-hotspot', 'intensiverend-hotspot']);

interface Place {
  id?: string;
  lon: number;
  lat: number;
}

/** The fields of a truth.json pattern this test reads. */
interface Pattern {
  id: string;
  kind: string;
  tables: RecordTable[];
  theme: string;
  center: Place;
  spots?: Place[];
  radius_m: number | null;
  wijkcode: string | null;
  from: string;
  to: string;
  months: number[];
  weekdays: number[];
  hours: number[];
  expected_class?: string;
  time_step_months?: number;
  control_pattern?: string;
}

interface RecordCellRow {
  id: string;
  src: string;
  lon: number;
  lat: number;
  rd_x: number;
  rd_y: number;
  q: number;
  r: number;
}

let conn: Connector;
let truth: Truth;
let patterns: Pattern[];
let rd: RdPolynomial;
let gemeente: MultiPolygonCoords;
let wijken: Map<string, MultiPolygonCoords>;
let study: HexStudy;
const findings: string[] = [];

const nextDay = (date: string) =>
  new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
/** A list covering every value is no restriction. */
const restrict = (values: number[], all: number) => (values.length < all ? values : undefined);
const pattern = (test: (p: Pattern) => boolean) => {
  const found = patterns.find(test);
  if (!found) throw new Error('pattern missing from truth.json');
  return found;
};
const byId = (id: string) => pattern((p) => p.id === id);

function coordinates(geometry: string): MultiPolygonCoords {
  const g = JSON.parse(geometry) as { type: string; coordinates: unknown };
  return (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as MultiPolygonCoords;
}

/** The truth file's time filter of a pattern, on its theme (truth.json `definitions`). */
function patternFilter(p: Pattern): HotspotFilter & { from: string; to: string } {
  return {
    from: `${p.from} 00:00:00`,
    to: `${nextDay(p.to)} 00:00:00`,
    themes: [p.theme],
    months: restrict(p.months, 12),
    hours: restrict(p.hours, 24),
    weekdays: restrict(p.weekdays, 7),
  };
}

/** Study cells that contain `place` or whose centre lies within `radius` metres of it. */
function cellsAt<T extends { q: number; r: number }>(cells: T[], place: Place, radius: number) {
  const [x, y] = wgs84ToRd(place.lon, place.lat);
  const own = cellOf(x, y, SIZE);
  return cells.filter((c) => {
    const [cx, cy] = cellCentre(c.q, c.r, SIZE);
    return (c.q === own.q && c.r === own.r) || Math.hypot(cx - x, cy - y) <= radius;
  });
}

function inWijk<T extends { q: number; r: number }>(cells: T[], code: string): T[] {
  const area = wijken.get(code);
  if (!area) throw new Error(`no wijk ${code}`);
  return cells.filter((c) =>
    pointInMultiPolygon(...rdToWgs84(...cellCentre(c.q, c.r, SIZE)), area),
  );
}

async function runEmerging(theme: string, stepMonths: number): Promise<EmergingStudy> {
  const from = `${truth.period.from} 00:00:00`;
  const to = `${nextDay(truth.period.to)} 00:00:00`;
  const step = { months: stepMonths };
  const tables = byId('horeca-nieuw-oostrand').tables;
  const started = performance.now();
  const rows = await conn.query<PeriodCellCount>(
    buildHexCellPeriodCountsQuery(tables, {
      size: SIZE,
      rd,
      filter: { from, to, themes: [theme] },
      step,
    }),
  );
  const queried = performance.now();
  const result = computeEmergingStudy(study, rows, listTimeSteps(from, to, step).length);
  findings.push(
    `emerging ${theme} (${stepMonths}-month steps): query ${(queried - started).toFixed(0)} ms, ` +
      `Gi* + Mann-Kendall ${(performance.now() - queried).toFixed(0)} ms`,
  );
  return result;
}

beforeAll(async () => {
  truth = await readTruth();
  patterns = truth.patterns as unknown as Pattern[];
  conn = await loadDemoInNode();
  const [bounds] = await conn.query<Record<string, number>>(buildAreaBoundsQuery());
  rd = fitRdPolynomial({
    minLon: bounds.min_lon,
    minLat: bounds.min_lat,
    maxLon: bounds.max_lon,
    maxLat: bounds.max_lat,
  });
  const [gm] = await conn.query<{ geometry: string }>(buildAreaGeometriesQuery('gemeente'));
  gemeente = coordinates(gm.geometry);
  const wk = await conn.query<{ code: string; geometry: string }>(buildAreaGeometriesQuery('wijk'));
  wijken = new Map(wk.map((w) => [w.code, coordinates(w.geometry)]));
  const started = performance.now();
  study = buildHexStudy([gemeente], SIZE, NEIGHBOURHOOD);
  findings.push(
    `study area: ${study.q.length} cells of ${SIZE} m, built in ${(performance.now() - started).toFixed(0)} ms`,
  );
}, 60_000);

afterAll(async () => {
  console.info(`hot spot findings (Donderdeel)\n  ${findings.join('\n  ')}`);
  await conn?.close();
});

describe('RD metres and hexagon cells in SQL', () => {
  it('fits the lon/lat → RD polynomial to well under a millimetre over the municipality', () => {
    findings.push(
      `RD polynomial: max error ${(rd.maxErrorM * 1e6).toFixed(2)} µm on the check grid`,
    );
    expect(rd.maxErrorM).toBeLessThan(1e-3);
  });

  it.each([SIZE, 250])(
    'bins every demo record into the cell of cellOf(wgs84ToRd) (size %i m)',
    async (size) => {
      const rows = await conn.query<RecordCellRow>(
        buildRecordCellsQuery(['incidents', 'meldingen', 'visits'], { size, rd }),
      );
      expect(rows).toHaveLength(
        truth.counts.incidents + truth.counts.meldingen + truth.counts.visits,
      );
      let maxError = 0;
      const mismatches: string[] = [];
      for (const row of rows) {
        const [x, y] = wgs84ToRd(row.lon, row.lat);
        maxError = Math.max(maxError, Math.hypot(row.rd_x - x, row.rd_y - y));
        const cell = cellOf(x, y, size);
        if (cell.q !== row.q || cell.r !== row.r) mismatches.push(row.id);
      }
      findings.push(
        `SQL RD vs proj4 over ${rows.length} records: max ${(maxError * 1e6).toFixed(2)} µm; ` +
          `${mismatches.length} records binned differently at ${size} m`,
      );
      expect(maxError).toBeLessThan(1e-3);
      expect(mismatches).toEqual([]);
    },
  );
});

describe('hot spot query builders', () => {
  it('passes every user value as a parameter, never in the SQL text', async () => {
    const evil = "jeugd' OR 1=1 --";
    const query = buildHexCellCountsQuery(['incidents', 'meldingen'], {
      size: SIZE,
      rd,
      filter: { themes: [evil], wijkcodes: ["WK' --"], categories: ['x'] },
    });
    expect(query.sql).not.toContain(evil);
    expect(query.sql).not.toContain('WK');
    // Meldingen match the category against sub- and main category: the value twice.
    expect(query.params).toEqual([evil, 'x', "WK' --", evil, 'x', 'x', "WK' --"]);
    expect(await conn.query(query)).toEqual([]);
  });

  it.each([
    ['jeugd-zomeravond-donderpark', false],
    ['horeca-weekendnacht-markt', true],
  ])(
    'counts exactly the records the filter of %s selects (TypeScript oracle)',
    async (id, byWijk) => {
      const p = byId(id);
      const filter = { ...patternFilter(p), wijkcodes: byWijk ? [p.wijkcode!] : undefined };
      const rows = await conn.query<CellCount>(
        buildHexCellCountsQuery(p.tables, { size: SIZE, rd, filter }),
      );
      const raw = await conn.query<{ t: number; theme: string; wijkcode: string }>({
        sql: `SELECT occurred_from AS t, theme, wijkcode FROM incidents UNION ALL
            SELECT coalesce(happened_from, reported_at), theme, wijkcode FROM meldingen`,
      });
      expect(p.tables).toEqual(['incidents', 'meldingen']);
      const lo = Date.parse(`${filter.from.replace(' ', 'T')}Z`);
      const hi = Date.parse(`${filter.to.replace(' ', 'T')}Z`);
      // Timestamps arrive as local wall-clock epoch ms, so UTC getters read the local time.
      const expected = raw.filter((row) => {
        const d = new Date(row.t);
        return (
          row.t >= lo &&
          row.t < hi &&
          row.theme === p.theme &&
          (!byWijk || row.wijkcode === p.wijkcode) &&
          p.hours.includes(d.getUTCHours()) &&
          p.weekdays.includes(d.getUTCDay() || 7) &&
          p.months.includes(d.getUTCMonth() + 1)
        );
      }).length;
      expect(expected).toBeGreaterThan(100);
      expect(rows.reduce((sum, row) => sum + row.n, 0)).toBe(expected);
    },
  );

  it('numbers time steps as listTimeSteps describes them', async () => {
    const from = `${truth.period.from} 00:00:00`;
    const to = `${nextDay(truth.period.to)} 00:00:00`;
    const step = { months: byId('horeca-nieuw-oostrand').time_step_months! };
    const steps = listTimeSteps(from, to, step);
    const rows = await conn.query<PeriodCellCount>(
      buildHexCellPeriodCountsQuery('incidents', { size: SIZE, rd, filter: { from, to }, step }),
    );
    const perStep = new Array<number>(steps.length).fill(0);
    for (const row of rows) perStep[row.t] += row.n;
    const expected = await Promise.all(
      steps.map(async ({ start, end }) => {
        const [{ n }] = await conn.query<{ n: number }>({
          sql: `SELECT count(*)::INTEGER AS n FROM incidents
                WHERE occurred_from >= CAST(? AS TIMESTAMP) AND occurred_from < CAST(? AS TIMESTAMP)`,
          params: [start, end],
        });
        return n;
      }),
    );
    expect(perStep).toEqual(expected);
    expect(perStep.reduce((a, b) => a + b, 0)).toBe(truth.counts.incidents);
  });
});

describe('planted hot spots are significant at 99 % (Gi*, FDR)', () => {
  it.each([
    'jeugd-zomeravond-donderpark',
    'horeca-weekendnacht-markt',
    'afval-bijplaatsing-containers',
  ])('%s', async (id) => {
    const p = byId(id);
    const started = performance.now();
    const rows = await conn.query<CellCount>(
      buildHexCellCountsQuery(p.tables, { size: SIZE, rd, filter: patternFilter(p) }),
    );
    const queried = performance.now();
    const result = computeHotspotStudy(study, rows);
    const computed = performance.now();
    const hot99 = result.cells.filter((c) => c.confidence === 3).length;
    findings.push(
      `${id} (${p.tables.join('+')}, ${result.total} records): query ` +
        `${(queried - started).toFixed(0)} ms, Gi* ${(computed - queried).toFixed(1)} ms, ` +
        `${hot99} cells hot at 99 %`,
    );
    // Patterns with spots are planted around each spot, not at their common centre.
    for (const place of p.spots ?? [p.center]) {
      const candidates = cellsAt(result.cells, place, p.radius_m ?? 0);
      const best = candidates.reduce((a, b) => (b.z > a.z ? b : a));
      findings.push(
        `  ${place.id ?? 'centre'}: cell ${best.q},${best.r} n=${best.count} ` +
          `z=${best.z.toFixed(2)} class=${best.confidence}`,
      );
      expect(best.confidence, `${id} at ${place.id ?? 'centre'}`).toBe(3);
    }
  });
});

describe('emerging hot spots', () => {
  it('classifies the planted new hot spot as nieuw, and nothing far from it', async () => {
    const p = pattern((q) => q.expected_class === 'nieuw');
    const result = await runEmerging(p.theme, p.time_step_months!);
    const candidates = cellsAt(result.cells, p.center, p.radius_m ?? 0);
    for (const c of candidates) {
      findings.push(
        `  ${p.id} cell ${c.q},${c.r}: ${c.category}, counts ${c.counts.join(',')}, ` +
          `last z=${c.z.at(-1)!.toFixed(2)}`,
      );
    }
    expect(candidates.map((c) => c.category)).toContain(`${p.expected_class}-hotspot`);
    // Gi* spreads a cluster over its neighbourhood (one ring), not further.
    const [x, y] = wgs84ToRd(p.center.lon, p.center.lat);
    const far = result.cells.filter((c) => {
      const [cx, cy] = cellCentre(c.q, c.r, SIZE);
      return (
        c.category === 'nieuw-hotspot' &&
        Math.hypot(cx - x, cy - y) > (p.radius_m ?? 0) + 2 * Math.sqrt(3) * SIZE
      );
    });
    expect(far).toEqual([]);
  });

  it('keeps the steady Markt hot spot aanhoudend, not emerging', async () => {
    const markt = byId('horeca-weekendnacht-markt');
    const result = await runEmerging(markt.theme, byId('horeca-nieuw-oostrand').time_step_months!);
    const [cell] = cellsAt(result.cells, markt.center, 0);
    findings.push(`  Markt (all hours) cell ${cell.q},${cell.r}: ${cell.category}`);
    expect(cell.category).toBe('aanhoudend-hotspot');
  });

  it('flags no emerging pattern in the stable wijk, while the rising wijk shows one', async () => {
    const stable = pattern((p) => p.kind === 'stable-wijk');
    const rising = pattern((p) => p.control_pattern === stable.id);
    expect(rising.theme).toBe(stable.theme);
    const result = await runEmerging(stable.theme, byId('horeca-nieuw-oostrand').time_step_months!);
    const summary = (code: string) => {
      const counts: Record<string, number> = {};
      for (const c of inWijk(result.cells, code))
        counts[c.category] = (counts[c.category] ?? 0) + 1;
      return counts;
    };
    findings.push(
      `  ${stable.id} (${stable.wijkcode}): ${JSON.stringify(summary(stable.wijkcode!))}`,
    );
    findings.push(
      `  ${rising.id} (${rising.wijkcode}): ${JSON.stringify(summary(rising.wijkcode!))}`,
    );
    const emerging = (code: string) =>
      inWijk(result.cells, code).filter((c) => EMERGING.has(c.category));
    for (const c of emerging(stable.wijkcode!)) {
      findings.push(
        `    ${c.q},${c.r} ${c.category}: counts ${c.counts.join(',')}, ` +
          `classes ${c.confidence.join(',')}, z ${c.z.map((v) => v.toFixed(1)).join(',')}`,
      );
    }
    const cells = inWijk(result.cells, stable.wijkcode!);
    expect(cells.length).toBeGreaterThan(10);
    // Nothing in the stable wijk claims a change in the latest periods (nieuw, intensiverend).
    // With exact (permutation) inference and a space-time neighbourhood the wijk's mildly
    // raised cells are significant from its busier quarters on, not in the two quiet first
    // quarters: a few read as "opeenvolgend" (a run to the end, never hot before). Seasonality
    // the emerging classes do not model; allowed for at most 1 cell in 10 (issue 23 note).
    const claims = emerging(stable.wijkcode!);
    expect(claims.filter((c) => c.category !== 'opeenvolgend-hotspot')).toEqual([]);
    expect(claims.length).toBeLessThanOrEqual(cells.length / 10);
    // The control: the same check does fire where the truth file plants a rise.
    expect(emerging(rising.wijkcode!).length).toBeGreaterThan(0);
  });
});
