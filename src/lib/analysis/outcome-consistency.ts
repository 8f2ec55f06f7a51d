/**
 * Are similar cases handled similarly everywhere? For each theme, each wijk's share of
 * incidents settled by informeren, waarschuwing and sanctie (bestuurlijke strafbeschikking
 * or proces-verbaal) is compared with the other wijken together: Fisher's exact test of the
 * 2 × 2 table (this wijk / the others) × (this outcome / another), fisher-exact.ts. Both
 * shares are estimated from the data; the earlier test against the others' median as if it
 * were known highlighted a wijk in 19 % of runs where every wijk settled cases alike
 * (issue 23).
 *
 * A wijk found deviant leaves the others' reference in a next round, so that one deviating
 * wijk does not make the others look deviant (the earlier median served that purpose).
 *
 * The table shows all its tests at once, so they are one family: the p-values of every
 * wijk × theme × outcome test are corrected together with Holm (multiple-testing.ts), and
 * when every wijk settles cases alike the table highlights nothing with probability at
 * least 1 − alpha (default 95 %). A difference is highlighted when it is significant after
 * the correction and at least `minDifference` (default 10 percentage points) in size.
 */
import { fisherExactTest } from './fisher-exact';
import { holmAdjust } from './multiple-testing';

export const OUTCOME_CLASSES = ['informeren', 'waarschuwing', 'sanctie'] as const;
export type OutcomeClass = (typeof OUTCOME_CLASSES)[number];

export const OUTCOME_CLASS_LABELS: Record<OutcomeClass, string> = {
  informeren: 'Informeren',
  waarschuwing: 'Waarschuwing',
  sanctie: 'Sanctie',
};

/** Which incident outcomes (themes.ts OUTCOMES) fall in which class; the rest is 'overig'. */
export const OUTCOME_CLASS_OF: Readonly<Record<string, OutcomeClass>> = {
  informeren: 'informeren',
  waarschuwing: 'waarschuwing',
  'bestuurlijke strafbeschikking': 'sanctie',
  'proces-verbaal': 'sanctie',
};

export interface OutcomeCountRow {
  wijkcode: string;
  theme: string;
  outcome: string;
  n: number;
}

export interface OutcomeShare {
  outcome: OutcomeClass;
  count: number;
  share: number;
  /** Share of the other wijken together (same theme); null when not tested. */
  shareElsewhere: number | null;
  /** Fisher's exact test against the other wijken together; null when not tested. */
  pValue: number | null;
  /** Holm-adjusted over every test of the table; null when not tested. */
  adjustedPValue: number | null;
  /** Significant after Holm and at least minDifference apart. */
  highlighted: boolean;
}

export interface WijkThemeOutcomes {
  wijkcode: string;
  theme: string;
  total: number;
  shares: OutcomeShare[];
  highlighted: boolean;
  /** Plain Dutch, for highlighted rows; empty otherwise. */
  explanation: string;
}

export interface ConsistencyOptions {
  /** Family-wise error rate of the whole table (Holm; default 0.05). */
  alpha?: number;
  minDifference?: number;
  /** Wijk × theme cells (and others together) with fewer incidents are shown but not
   *  tested (default 10). */
  minTotal?: number;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Outcome shares per wijk × theme, with inconsistencies across wijken highlighted. */
export function assessOutcomeConsistency(
  rows: readonly OutcomeCountRow[],
  options: ConsistencyOptions = {},
): WijkThemeOutcomes[] {
  const alpha = options.alpha ?? 0.05;
  const minDifference = options.minDifference ?? 0.1;
  const minTotal = options.minTotal ?? 10;
  type Tally = { total: number } & Record<OutcomeClass, number>;
  const tally = (): Tally => ({ total: 0, informeren: 0, waarschuwing: 0, sanctie: 0 });
  const cells = new Map<string, Tally & { wijkcode: string; theme: string }>();
  for (const row of rows) {
    const key = `${row.wijkcode}\u0000${row.theme}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { ...tally(), wijkcode: row.wijkcode, theme: row.theme }));
    const klass = OUTCOME_CLASS_OF[row.outcome];
    cell.total += row.n;
    if (klass) cell[klass] += row.n;
  }
  const list = [...cells.values()];
  const results: WijkThemeOutcomes[] = list.map((cell) => ({
    wijkcode: cell.wijkcode,
    theme: cell.theme,
    total: cell.total,
    shares: OUTCOME_CLASSES.map((outcome) => ({
      outcome,
      count: cell[outcome],
      share: cell.total > 0 ? cell[outcome] / cell.total : 0,
      shareElsewhere: null,
      pValue: null,
      adjustedPValue: null,
      highlighted: false,
    })),
    highlighted: false,
    explanation: '',
  }));
  // Rounds: per theme the most deviant wijk found leaves the other wijken's reference (and
  // keeps its own result), so that one deviating wijk does not make all the others look
  // deviant too; stop when a round finds no new one. With identical shares everywhere the first round finds
  // nothing with probability ≥ 1 − alpha, and then no round follows: the promise holds.
  const deviant = new Set<number>();
  for (let round = 0; round <= list.length; round++) {
    list.forEach((cell, i) => {
      if (deviant.has(i)) return;
      const rest = tally();
      list.forEach((other, j) => {
        if (j === i || deviant.has(j) || other.theme !== cell.theme) return;
        rest.total += other.total;
        for (const outcome of OUTCOME_CLASSES) rest[outcome] += other[outcome];
      });
      for (const s of results[i].shares) {
        if (cell.total < minTotal || rest.total < minTotal) continue;
        s.shareElsewhere = rest[s.outcome] / rest.total;
        s.pValue = fisherExactTest(
          s.count,
          cell.total - s.count,
          rest[s.outcome],
          rest.total - rest[s.outcome],
        );
      }
    });
    const tested = results.flatMap((r) => r.shares).filter((s) => s.pValue !== null);
    const adjusted = holmAdjust(tested.map((s) => s.pValue!));
    tested.forEach((s, k) => (s.adjustedPValue = adjusted[k]));
    // Per theme, the most deviant newly highlighted wijk (smallest p) becomes deviant.
    const picked = new Map<string, number>();
    const smallest = (i: number) => Math.min(...results[i].shares.map((s) => s.pValue ?? 1));
    results.forEach((result, i) => {
      if (deviant.has(i)) return;
      for (const s of result.shares) {
        s.highlighted =
          s.adjustedPValue !== null &&
          s.adjustedPValue < alpha &&
          Math.abs(s.share - s.shareElsewhere!) >= minDifference;
      }
      const best = picked.get(result.theme);
      if (
        result.shares.some((s) => s.highlighted) &&
        (best === undefined || smallest(i) < smallest(best))
      ) {
        picked.set(result.theme, i);
      }
    });
    for (const i of picked.values()) deviant.add(i);
    // The others' highlights were provisional: they are judged again without the new ones.
    results.forEach((result, i) => {
      if (!deviant.has(i)) for (const s of result.shares) s.highlighted = false;
    });
    const found = picked.size > 0;
    if (!found) break;
  }
  for (const result of results) {
    const notes = result.shares
      .filter((s) => s.highlighted)
      .map((s) => {
        const label = OUTCOME_CLASS_LABELS[s.outcome].toLowerCase();
        const more = s.share > s.shareElsewhere! ? 'vaker' : 'minder vaak';
        return `${label} ${more} (${pct(s.share)} tegen ${pct(s.shareElsewhere!)} in de andere wijken samen)`;
      });
    if (notes.length > 0) {
      result.highlighted = true;
      result.explanation = `Anders afgehandeld dan elders: ${notes.join('; ')}.`;
    }
  }
  return results.sort((a, b) =>
    a.theme === b.theme ? a.wijkcode.localeCompare(b.wijkcode) : a.theme.localeCompare(b.theme),
  );
}
