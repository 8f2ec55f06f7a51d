/**
 * Buitengebied on Donderdeel with the real engine: the planted vacant stal with rising
 * signals (truth pattern `stal-signalen-leegstand`) ranks first with the default weights;
 * the decoy with only old signals (`stal-oude-signalen`) ranks lower because of age decay;
 * weights move the ranking in the expected direction; the explanation adds up to the
 * score; a recorded schouw is a visit row at the building.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { distanceMetres } from '../../src/lib/analysis/geo-distance';
import { wgs84ToRd } from '../../src/lib/analysis/rd';
import { DEFAULT_RISK_SETTINGS, SIGNAL_TYPES } from '../../src/lib/analysis/risk-score';
import { planRoute } from '../../src/lib/analysis/route';
import type { Connector } from '../../src/lib/data/connector';
import {
  buildInsertSchouwQuery,
  buildSchouwVisitsQuery,
  type SchouwRow,
} from '../../src/lib/data/queries/buitengebied';
import {
  explainBuilding,
  loadBuitengebiedData,
  rankBuildings,
  type BuitengebiedData,
} from '../../src/lib/state/buitengebied/buitengebied-data';
import { loadDemoInNode, readTruth } from '../helpers/demo-node';

interface StalPattern {
  id: string;
  building_id: string;
  center: { lon: number; lat: number };
  radius_m: number;
  wijkcode: string;
  from: string;
  to: string;
  categories: string[];
}

let conn: Connector;
let data: BuitengebiedData;
let rising: StalPattern;
let decoy: StalPattern;

beforeAll(async () => {
  conn = await loadDemoInNode();
  data = await loadBuitengebiedData(conn);
  const truth = await readTruth();
  const find = (id: string) => truth.patterns.find((p) => p.id === id) as unknown as StalPattern;
  rising = find('stal-signalen-leegstand');
  decoy = find('stal-oude-signalen');
});
afterAll(async () => {
  await conn?.close();
});

const rankOf = (ranked: ReturnType<typeof rankBuildings>, id: string) =>
  ranked.find((r) => r.building.id === id)!.rank;

describe('risk ranking on Donderdeel', () => {
  it('loads every building and the signals of the planted categories', () => {
    expect(data.buildings.length).toBe(48);
    const building = data.buildings.find((b) => b.id === rising.building_id)!;
    expect(building).toMatchObject({ kind: 'stal', status: 'leegstaand' });
    expect(distanceMetres(building.lon, building.lat, rising.center.lon, rising.center.lat)).toBe(
      0,
    );
    const types = new Set(data.signals.map((s) => s.type));
    expect([...types].sort()).toEqual([...SIGNAL_TYPES].sort());
    expect(data.signals.some((s) => s.partner && s.source === 'waterschap')).toBe(true);
  });

  it('ranks the vacant stal with rising signals first', () => {
    const ranked = rankBuildings(data, DEFAULT_RISK_SETTINGS);
    expect(ranked[0].building.id).toBe(rising.building_id);
    // Most of its score comes from the planted window's signals.
    const from = Date.parse(rising.from + 'T00:00:00Z');
    const planted = explainBuilding(data, DEFAULT_RISK_SETTINGS, rising.building_id)
      .filter((c) => data.signals[c.signal].time >= from)
      .reduce((s, c) => s + c.points, 0);
    expect(planted / ranked[0].risk.score).toBeGreaterThan(0.7);
    expect(ranked[0].risk.score).toBeGreaterThan(2 * ranked[1].risk.score);
  });

  it('ranks the decoy with old signals lower thanks to age decay', () => {
    const vacantRank = (ranked: ReturnType<typeof rankBuildings>) =>
      ranked.filter((r) => r.building.status === 'leegstaand').map((r) => r.building.id);
    // Three years without age decay: the decoy's 2024 signals count in full and it is
    // among the top three vacant buildings and the top ten overall.
    const flat = rankBuildings(data, {
      ...DEFAULT_RISK_SETTINGS,
      periodDays: 3 * 365,
      halfLifeDays: Infinity,
    });
    expect(vacantRank(flat).indexOf(decoy.building_id)).toBeLessThan(3);
    expect(rankOf(flat, decoy.building_id)).toBeLessThanOrEqual(10);
    // Same three years with the default half-life of 180 days: it drops far down.
    const decayed = rankBuildings(data, { ...DEFAULT_RISK_SETTINGS, periodDays: 3 * 365 });
    expect(rankOf(decayed, decoy.building_id)).toBeGreaterThanOrEqual(
      rankOf(flat, decoy.building_id) + 10,
    );
    expect(vacantRank(decayed).indexOf(decoy.building_id)).toBeGreaterThan(3);
    expect(decayed[0].building.id).toBe(rising.building_id);
  });

  it('the explanation of every building sums to its score', () => {
    for (const { risk, building } of rankBuildings(data, DEFAULT_RISK_SETTINGS)) {
      const parts = explainBuilding(data, DEFAULT_RISK_SETTINGS, building.id);
      expect(parts.length).toBe(risk.signals);
      const sum = parts.reduce((s, c) => s + c.points, 0);
      expect(sum).toBeCloseTo(risk.score, 9);
      for (const c of parts) {
        expect(c.distanceM).toBeLessThanOrEqual(DEFAULT_RISK_SETTINGS.radiusM);
      }
    }
  });

  it('raising the weight of a signal type moves buildings with that type up', () => {
    const base = rankBuildings(data, DEFAULT_RISK_SETTINGS);
    // The building (other than the top one) whose score leans most on dumping signals.
    const share = (r: (typeof base)[number]) =>
      explainBuilding(data, DEFAULT_RISK_SETTINGS, r.building.id)
        .filter((c) => data.signals[c.signal].type === 'dumping')
        .reduce((s, c) => s + c.points, 0) / (r.risk.score || 1);
    const candidate = base
      .filter((r) => r.rank > 1 && r.risk.score > 0)
      .sort((a, b) => share(b) - share(a))[0];
    expect(share(candidate)).toBeGreaterThan(0.5);
    const raised = rankBuildings(data, {
      ...DEFAULT_RISK_SETTINGS,
      weights: { ...DEFAULT_RISK_SETTINGS.weights, dumping: 20 },
    });
    expect(rankOf(raised, candidate.building.id)).toBeLessThan(candidate.rank);
    // And lowering it to zero drops every dumping signal from every explanation.
    const dropped = rankBuildings(data, {
      ...DEFAULT_RISK_SETTINGS,
      weights: { ...DEFAULT_RISK_SETTINGS.weights, dumping: 0 },
    });
    for (const r of dropped) {
      const parts = explainBuilding(
        data,
        { ...DEFAULT_RISK_SETTINGS, weights: { ...DEFAULT_RISK_SETTINGS.weights, dumping: 0 } },
        r.building.id,
      );
      expect(parts.every((c) => data.signals[c.signal].type !== 'dumping')).toBe(true);
    }
  });
});

describe('schouw and route', () => {
  it('records a schouw as a visit at the building, kept in its own dataset', async () => {
    const before = await conn.query<SchouwRow>(buildSchouwVisitsQuery());
    expect(before.length).toBeGreaterThan(0);
    await conn.query(
      buildInsertSchouwQuery({
        id: 'SCHOUW-TEST-1',
        buildingId: rising.building_id,
        startedAt: '2026-11-02 10:30:00',
        outcome: 'doorgezet naar politie',
      }),
    );
    const after = await conn.query<SchouwRow>(buildSchouwVisitsQuery());
    expect(after.length).toBe(before.length + 1);
    expect(after.at(-1)).toMatchObject({
      id: 'SCHOUW-TEST-1',
      target: rising.building_id,
      outcome: 'doorgezet naar politie',
      dataset: 'schouw',
      started_at: Date.UTC(2026, 10, 2, 10, 30),
    });
    const [row] = await conn.query<{ wijkcode: string; lon: number }>({
      sql: `SELECT wijkcode, lon FROM visits WHERE id = 'SCHOUW-TEST-1'`,
    });
    expect(row).toEqual({ wijkcode: rising.wijkcode, lon: rising.center.lon });
  });

  it('plans a route over the vacant buildings: each once, not longer than nearest neighbour', () => {
    const vacant = data.buildings
      .map((b, i) => ({ b, p: data.points[i] }))
      .filter(({ b }) => b.status === 'leegstaand');
    expect(vacant.length).toBeGreaterThanOrEqual(8);
    const start = (() => {
      const [x, y] = wgs84ToRd(6.2, 52.05);
      return { x, y };
    })();
    const plan = planRoute(
      start,
      vacant.map((v) => v.p),
    );
    expect([...plan.order].sort((a, b) => a - b)).toEqual(vacant.map((_, i) => i));
    expect(plan.lengthM).toBeLessThanOrEqual(plan.nearestNeighbourM);
  });
});
