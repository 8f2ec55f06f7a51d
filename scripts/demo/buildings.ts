/**
 * Farm buildings in the buitengebied (stallen, schuren, maneges, loodsen, woningen), about a
 * fifth vacant: the Veilig Buitengebied list. The risky stal and the decoy are placed by
 * hand (places.ts) and kept apart from the others, so the signals around the risky one
 * belong to it alone.
 */
import { formatLocalDate } from '../../src/lib/analysis/local-time';
import type { Random } from '../../src/lib/analysis/random';
import { DAY_MS, localDateMs } from './calendar';
import { isRuralBuurt, type Geography } from './geography';
import { distanceToRings, type Pt } from './geometry';
import { DECOY_STAL, RISKY_STAL } from './places';
import { pickIndex } from './sampler';

export const BUILDING_KINDS = ['stal', 'schuur', 'manege', 'loods', 'woning'] as const;
const KIND_WEIGHTS = [45, 25, 8, 12, 10];
const BUILDING_COUNT = 48;
const EXTRA_VACANT = 8;
const MIN_SPACING_M = 450;
const RISKY_CLEARANCE_M = 1300;
const TOWN_CLEARANCE_M = 800;
const EDGE_CLEARANCE_M = 200;

export interface Building {
  id: string;
  kind: (typeof BUILDING_KINDS)[number];
  status: 'in gebruik' | 'leegstaand';
  vacantSince: string | null;
  source: string;
  at: Pt;
  buurt: number;
  role: 'risky' | 'decoy' | null;
  /** A fictional address; null for a few, as in real lists where some have none. */
  address: string | null;
}

function randomDate(rng: Random, from: string, to: string): string {
  const days = Math.round((localDateMs(to) - localDateMs(from)) / DAY_MS);
  return formatLocalDate(localDateMs(from) + rng.int(0, days) * DAY_MS);
}

function farEnough(at: Pt, placed: readonly Pt[], risky: Pt): boolean {
  if (Math.hypot(at[0] - risky[0], at[1] - risky[1]) < RISKY_CLEARANCE_M) return false;
  return placed.every((p) => Math.hypot(at[0] - p[0], at[1] - p[1]) >= MIN_SPACING_M);
}

function drawPositions(g: Geography, rng: Random, count: number): Pt[] {
  const outer = g.gemeente.polygons[0][0];
  const water = g.buurten.filter((b) => b.water).map((b) => b.shape);
  const box = { x0: 205000, x1: 219000, y0: 446000, y1: 458000 };
  const placed: Pt[] = [RISKY_STAL, DECOY_STAL];
  const out: Pt[] = [];
  for (let tries = 0; out.length < count; tries++) {
    if (tries > 200_000) throw new Error('buildings: no room');
    const at: Pt = [
      Math.round(rng.uniform(box.x0, box.x1)),
      Math.round(rng.uniform(box.y0, box.y1)),
    ];
    const buurt = g.buurtAt(at[0], at[1]);
    if (buurt < 0 || !isRuralBuurt(g, buurt) || g.buurten[buurt].water) continue;
    if (distanceToRings(at[0], at[1], [g.townRing]) < TOWN_CLEARANCE_M) continue;
    if (distanceToRings(at[0], at[1], [outer]) < EDGE_CLEARANCE_M) continue;
    if (water.some((w) => distanceToRings(at[0], at[1], [w]) < EDGE_CLEARANCE_M)) continue;
    if (!farEnough(at, placed, RISKY_STAL)) continue;
    placed.push(at);
    out.push(at);
  }
  return out;
}

export function generateBuildings(g: Geography, rng: Random): Building[] {
  const positions = drawPositions(g, rng, BUILDING_COUNT - 2);
  const buildings: Building[] = positions.map((at) => ({
    id: '',
    kind: BUILDING_KINDS[pickIndex(rng, KIND_WEIGHTS)],
    status: 'in gebruik',
    vacantSince: null,
    source: rng.chance(0.85) ? 'BAG' : 'gemeentelijke inventarisatie',
    at,
    buurt: g.buurtAt(at[0], at[1]),
    role: null,
    address: null,
  }));
  const candidates = buildings.filter((b) => b.kind !== 'woning');
  for (let i = 0; i < EXTRA_VACANT; i++) {
    const b = candidates.splice(rng.int(0, candidates.length - 1), 1)[0];
    b.status = 'leegstaand';
    b.vacantSince = randomDate(rng, '2017-01-01', '2026-06-30');
    b.source = rng.pick(['melding boer', 'gemeentelijke inventarisatie', 'BAG']);
  }
  const fixed = (at: Pt, since: string, source: string, role: 'risky' | 'decoy'): Building => ({
    id: '',
    kind: 'stal',
    status: 'leegstaand',
    vacantSince: since,
    source,
    at,
    buurt: g.buurtAt(at[0], at[1]),
    role,
    address: null,
  });
  buildings.push(fixed(RISKY_STAL, '2025-08-18', 'melding boer', 'risky'));
  buildings.push(fixed(DECOY_STAL, '2022-03-15', 'gemeentelijke inventarisatie', 'decoy'));
  buildings.sort((a, b) => b.at[1] - a.at[1] || a.at[0] - b.at[0]);
  buildings.forEach((b, i) => {
    b.id = `BG-${String(i + 1).padStart(3, '0')}`;
    b.address = fictionalAddress(b, i);
  });
  return buildings;
}

/** Rural roads of Donderdeel (fictional), one per buurt in turn. */
const ROADS = ['Hessenweg', 'Broekdijk', 'Veldweg', 'Molenweg', 'Kampweg', 'Heideweg', 'Beekdijk'];

/**
 * A deterministic, fictional address (no random draws, so the rest of the demo stays the
 * same): a road chosen by buurt, a house number by position. Every seventh building has
 * none, so the app's fallback to coordinates shows too; the planted stallen have one.
 */
function fictionalAddress(b: Building, index: number): string | null {
  if (index % 7 === 6 && !b.role) return null;
  const road = ROADS[Math.max(0, b.buurt) % ROADS.length];
  return `${road} ${2 + ((index * 7) % 60)}, Donderdeel`;
}

export function buildingByRole(buildings: readonly Building[], role: 'risky' | 'decoy'): Building {
  return buildings.find((b) => b.role === role)!;
}
