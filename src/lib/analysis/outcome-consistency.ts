/**
 * Are similar cases handled similarly everywhere? For each theme, each wijk's share of
 * incidents settled by informeren, waarschuwing and sanctie (bestuurlijke strafbeschikking
 * or proces-verbaal) is compared with the typical wijk: the median share of the other
 * wijken with at least `minTotal` incidents of that theme. The median, not the pooled
 * share of the rest, so that one deviating wijk does not make all the others look deviant
 * too. Test: exact binomial test of the wijk's k of n against that share (H0: k ~
 * Binomial(n, p_ref); two-sided as R's binom.test, see binomial.ts). The p-values of all
 * wijk × theme × outcome tests are corrected together with Benjamini-Hochberg (1995) at
 * q = 0.05, so with 8 wijken × 8 themes × 3 outcomes a few chance differences are not
 * shown as inconsistencies. A difference is highlighted when it is significant after the
 * correction and at least `minDifference` (default 10 percentage points) in size.
 */
import { binomialTest } from './binomial';
import { benjaminiHochberg } from './gistar';
import { median } from './presence-demand';

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
  /** Median share of the other wijken (same theme, enough incidents); null without them. */
  shareElsewhere: number | null;
  pValue: number | null;
  /** Significant after BH and at least minDifference apart. */
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
  q?: number;
  minDifference?: number;
  /** Wijk × theme cells with fewer incidents are shown but not tested (default 10). */
  minTotal?: number;
}

const pct = (share: number) => `${Math.round(share * 100)}%`;

/** Outcome shares per wijk × theme, with inconsistencies across wijken highlighted. */
export function assessOutcomeConsistency(
  rows: readonly OutcomeCountRow[],
  options: ConsistencyOptions = {},
): WijkThemeOutcomes[] {
  const q = options.q ?? 0.05;
  const minDifference = options.minDifference ?? 0.1;
  const minTotal = options.minTotal ?? 10;
  type Tally = { total: number } & Record<OutcomeClass, number>;
  const tally = () => ({ total: 0, informeren: 0, waarschuwing: 0, sanctie: 0 });
  const cells = new Map<string, Tally & { wijkcode: string; theme: string }>();
  for (const row of rows) {
    const key = `${row.wijkcode}\u0000${row.theme}`;
    let cell = cells.get(key);
    if (!cell) cells.set(key, (cell = { ...tally(), wijkcode: row.wijkcode, theme: row.theme }));
    const klass = OUTCOME_CLASS_OF[row.outcome];
    cell.total += row.n;
    if (klass) cell[klass] += row.n;
  }
  const results: WijkThemeOutcomes[] = [];
  const pValues: number[] = [];
  const all = [...cells.values()];
  for (const cell of all) {
    const others = all.filter((c) => c.theme === cell.theme && c !== cell && c.total >= minTotal);
    const shares = OUTCOME_CLASSES.map((outcome): OutcomeShare => {
      const count = cell[outcome];
      const shareElsewhere = median(others.map((c) => c[outcome] / c.total));
      let pValue: number | null = null;
      if (shareElsewhere !== null && cell.total >= minTotal) {
        pValue = binomialTest(count, cell.total, shareElsewhere, { confidenceLevel: null }).pValue;
        pValues.push(pValue);
      }
      const share = cell.total > 0 ? count / cell.total : 0;
      return { outcome, count, share, shareElsewhere, pValue, highlighted: false };
    });
    results.push({
      wijkcode: cell.wijkcode,
      theme: cell.theme,
      total: cell.total,
      shares,
      highlighted: false,
      explanation: '',
    });
  }
  const { cutoff } = benjaminiHochberg(pValues, q);
  for (const result of results) {
    const notes: string[] = [];
    for (const s of result.shares) {
      if (s.pValue === null || s.shareElsewhere === null) continue;
      if (s.pValue <= cutoff && Math.abs(s.share - s.shareElsewhere) >= minDifference) {
        s.highlighted = true;
        const label = OUTCOME_CLASS_LABELS[s.outcome].toLowerCase();
        const more = s.share > s.shareElsewhere ? 'vaker' : 'minder vaak';
        notes.push(
          `${label} ${more} (${pct(s.share)} tegen ${pct(s.shareElsewhere)} in een doorsnee andere wijk)`,
        );
      }
    }
    if (notes.length > 0) {
      result.highlighted = true;
      result.explanation = `Anders afgehandeld dan elders: ${notes.join('; ')}.`;
    }
  }
  return results.sort((a, b) =>
    a.theme === b.theme ? a.wijkcode.localeCompare(b.wijkcode) : a.theme.localeCompare(b.theme),
  );
}
