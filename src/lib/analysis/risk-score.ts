/**
 * Risk score of a (vacant) building from the signals around it (Veilig Buitengebied):
 * every signal within the radius and period adds
 *
 *   points = weight(type) × partnerFactor (when a partner reported it)
 *            × 0.5^(distance / halfDistance) × 0.5^(age / halfLife)
 *
 * so the score is exactly the sum of its parts, and each part can be shown to the user
 * ("which signals, how much each adds"). Halving distances keep the model explainable in
 * one sentence ("at 250 m a signal counts half, after 180 days half again").
 *
 * Coordinates are metres in a plane (RD New); times are epoch milliseconds. Signals are
 * columnar so 100,000 of them need no per-object work; a uniform grid with cells of the
 * radius limits each building to the signals in its 3 × 3 cells.
 */

export const SIGNAL_TYPES = [
  'ondermijning',
  'drugsafval',
  'dumping',
  'voertuigen',
  'geur',
] as const;
export type SignalType = (typeof SIGNAL_TYPES)[number];

export const SIGNAL_TYPE_LABELS: Record<SignalType, string> = {
  ondermijning: 'Vermoeden ondermijning',
  drugsafval: 'Drugsafval aangetroffen',
  dumping: 'Dumping en lozing',
  voertuigen: 'Verdachte voertuigen',
  geur: 'Hennep- of stanklucht',
};

export interface RiskSettings {
  /** Signals farther away do not count. */
  radiusM: number;
  /** Signals older than this (before the reference time) do not count. */
  periodDays: number;
  /** Distance at which a signal counts half. */
  halfDistanceM: number;
  /** Age at which a signal counts half; Infinity switches age decay off. */
  halfLifeDays: number;
  weights: Record<SignalType, number>;
  /** Multiplier for signals reported by a partner (waterschap, boswachter, …). */
  partnerFactor: number;
}

export const DEFAULT_RISK_SETTINGS: RiskSettings = {
  radiusM: 500,
  periodDays: 730,
  halfDistanceM: 250,
  halfLifeDays: 180,
  weights: { ondermijning: 3, drugsafval: 5, dumping: 2, voertuigen: 3, geur: 4 },
  partnerFactor: 1.5,
};

/** Signals as columns; `type` indexes SIGNAL_TYPES, `partner` is 1 for partner sources. */
export interface SignalColumns {
  length: number;
  x: Float64Array;
  y: Float64Array;
  time: Float64Array;
  type: Uint8Array;
  partner: Uint8Array;
}

export interface SignalInput {
  x: number;
  y: number;
  time: number;
  type: SignalType;
  partner: boolean;
}

export function toSignalColumns(signals: readonly SignalInput[]): SignalColumns {
  const n = signals.length;
  const columns: SignalColumns = {
    length: n,
    x: new Float64Array(n),
    y: new Float64Array(n),
    time: new Float64Array(n),
    type: new Uint8Array(n),
    partner: new Uint8Array(n),
  };
  signals.forEach((s, i) => {
    columns.x[i] = s.x;
    columns.y[i] = s.y;
    columns.time[i] = s.time;
    columns.type[i] = SIGNAL_TYPES.indexOf(s.type);
    columns.partner[i] = s.partner ? 1 : 0;
  });
  return columns;
}

export interface PlanePoint {
  x: number;
  y: number;
}

/** One signal's share of a building's score. */
export interface Contribution {
  /** Index into the signal columns. */
  signal: number;
  distanceM: number;
  ageDays: number;
  points: number;
}

export interface BuildingRisk {
  /** Index into the buildings passed in. */
  building: number;
  score: number;
  /** Number of signals that count (within radius and period). */
  signals: number;
}

const DAY_MS = 86_400_000;

interface SignalGrid {
  minX: number;
  minY: number;
  cell: number;
  cols: number;
  rows: number;
  /** CSR layout: signals of cell c are order[start[c] .. start[c + 1]). */
  start: Int32Array;
  order: Int32Array;
}

function buildGrid(signals: SignalColumns, radius: number, keep: Uint8Array): SignalGrid {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (let i = 0; i < signals.length; i++) {
    if (!keep[i]) continue;
    const x = signals.x[i];
    const y = signals.y[i];
    if (x < minX) minX = x;
    if (x > maxX) maxX = x;
    if (y < minY) minY = y;
    if (y > maxY) maxY = y;
  }
  if (minX > maxX) {
    minX = maxX = minY = maxY = 0;
  }
  let cell = Math.max(radius, 1);
  // A tiny radius over a large extent would need millions of cells: coarsen instead.
  while (((maxX - minX) / cell + 1) * ((maxY - minY) / cell + 1) > 4_000_000) cell *= 2;
  const cols = Math.floor((maxX - minX) / cell) + 1;
  const rows = Math.floor((maxY - minY) / cell) + 1;
  const start = new Int32Array(cols * rows + 1);
  const cellOf = new Int32Array(signals.length);
  for (let i = 0; i < signals.length; i++) {
    if (!keep[i]) {
      cellOf[i] = -1;
      continue;
    }
    const c =
      Math.floor((signals.y[i] - minY) / cell) * cols + Math.floor((signals.x[i] - minX) / cell);
    cellOf[i] = c;
    start[c + 1]++;
  }
  for (let c = 0; c < cols * rows; c++) start[c + 1] += start[c];
  const fill = start.slice(0, cols * rows);
  const order = new Int32Array(start[cols * rows]);
  for (let i = 0; i < signals.length; i++) {
    if (cellOf[i] >= 0) order[fill[cellOf[i]]++] = i;
  }
  return { minX, minY, cell, cols, rows, start, order };
}

/** The settings turned into what the inner loops need; shared so scores and
 * explanations use one formula. */
function prepare(signals: SignalColumns, settings: RiskSettings, referenceTime: number) {
  const earliest = referenceTime - settings.periodDays * DAY_MS;
  const weights = SIGNAL_TYPES.map((t) => settings.weights[t]);
  const keep = new Uint8Array(signals.length);
  for (let i = 0; i < signals.length; i++) {
    const t = signals.time[i];
    keep[i] = t >= earliest && t <= referenceTime && weights[signals.type[i]] !== 0 ? 1 : 0;
  }
  const { halfDistanceM, halfLifeDays } = settings;
  const distanceRate = halfDistanceM > 0 ? Math.LN2 / halfDistanceM : 0;
  const ageRate = Number.isFinite(halfLifeDays) && halfLifeDays > 0 ? Math.LN2 / halfLifeDays : 0;
  const points = (i: number, distanceM: number, ageDays: number) =>
    weights[signals.type[i]] *
    (signals.partner[i] ? settings.partnerFactor : 1) *
    Math.exp(-distanceRate * distanceM - ageRate * ageDays);
  return { keep, points, radius2: settings.radiusM * settings.radiusM };
}

/**
 * Scores every building against the signals in [referenceTime − period, referenceTime].
 * Returns one entry per building, in input order. Only the sums: `explainRisk` lists the
 * parts of one building (the view explains one at a time; 2,000 × 100 objects would cost
 * more than the scores themselves).
 */
export function computeRiskScores(
  buildings: readonly PlanePoint[],
  signals: SignalColumns,
  settings: RiskSettings,
  referenceTime: number,
): BuildingRisk[] {
  const { keep, points, radius2 } = prepare(signals, settings, referenceTime);
  const grid = buildGrid(signals, settings.radiusM, keep);
  const reach = Math.ceil(settings.radiusM / grid.cell);
  const { x: sx, y: sy, time } = signals;

  return buildings.map((b, building) => {
    let score = 0;
    let count = 0;
    const cx = Math.floor((b.x - grid.minX) / grid.cell);
    const cy = Math.floor((b.y - grid.minY) / grid.cell);
    for (let gy = Math.max(0, cy - reach); gy <= Math.min(grid.rows - 1, cy + reach); gy++) {
      for (let gx = Math.max(0, cx - reach); gx <= Math.min(grid.cols - 1, cx + reach); gx++) {
        const c = gy * grid.cols + gx;
        for (let k = grid.start[c]; k < grid.start[c + 1]; k++) {
          const i = grid.order[k];
          const dx = sx[i] - b.x;
          const dy = sy[i] - b.y;
          const d2 = dx * dx + dy * dy;
          if (d2 > radius2) continue;
          score += points(i, Math.sqrt(d2), (referenceTime - time[i]) / DAY_MS);
          count++;
        }
      }
    }
    return { building, score, signals: count };
  });
}

/** The parts of one building's score, largest first; they sum to its score. */
export function explainRisk(
  building: PlanePoint,
  signals: SignalColumns,
  settings: RiskSettings,
  referenceTime: number,
): Contribution[] {
  const { keep, points, radius2 } = prepare(signals, settings, referenceTime);
  const out: Contribution[] = [];
  for (let i = 0; i < signals.length; i++) {
    if (!keep[i]) continue;
    const dx = signals.x[i] - building.x;
    const dy = signals.y[i] - building.y;
    const d2 = dx * dx + dy * dy;
    if (d2 > radius2) continue;
    const distanceM = Math.sqrt(d2);
    const ageDays = (referenceTime - signals.time[i]) / DAY_MS;
    out.push({ signal: i, distanceM, ageDays, points: points(i, distanceM, ageDays) });
  }
  return out.sort((a, b) => b.points - a.points || a.signal - b.signal);
}

/** Building indices by descending score (ties: input order, i.e. stable). */
export function rankByScore(risks: readonly BuildingRisk[]): number[] {
  return risks.map((r) => r.building).sort((a, b) => risks[b].score - risks[a].score || a - b);
}

/** Points per signal type (the explanation's summary). */
export function pointsByType(
  contributions: readonly Contribution[],
  signals: SignalColumns,
): Record<SignalType, { count: number; points: number }> {
  const out = Object.fromEntries(SIGNAL_TYPES.map((t) => [t, { count: 0, points: 0 }])) as Record<
    SignalType,
    { count: number; points: number }
  >;
  for (const c of contributions) {
    const entry = out[SIGNAL_TYPES[signals.type[c.signal]]];
    entry.count++;
    entry.points += c.points;
  }
  return out;
}
