/**
 * Trend comparisons judged as one family: every comparison a view shows at once (each wijk
 * and theme against the same period last year and against its own baseline) is corrected
 * together with Holm (multiple-testing.ts), so that when nothing changed anywhere the view
 * flags nothing with probability at least 1 − alpha. Without it, 72 panels each wrong 4–5 %
 * of the time flagged something in 96 % of no-change runs (issue 23).
 *
 * Comparisons that are the same test (a wijk's all-themes series when the filter holds one
 * theme equals that theme's series) count once.
 */
import { holmAdjust } from './multiple-testing';
import { explainComparison } from './trend-explain';
import { flagFor, type TrendAssessment, type TrendComparison } from './trend-flags';

/** The comparison with its flag and explanation judged on the adjusted p-value. */
export function rejudgeInFamily<C extends TrendComparison>(
  c: C,
  adjustedPValue: number,
  familySize: number,
  alpha: number,
): C {
  const next: C = { ...c, adjustedPValue, familySize };
  next.flag = flagFor(c, adjustedPValue, alpha);
  next.explanation = explainComparison(next, alpha);
  return next;
}

/**
 * Holm over the comparisons (null: none to judge); entries with equal `same` keys are one
 * hypothesis. Returns the rejudged comparisons in the order given.
 */
export function correctComparisons<C extends TrendComparison>(
  items: readonly { comparison: C | null; same: string }[],
  alpha: number,
): (C | null)[] {
  const distinct = new Map<string, number>();
  const pValues: number[] = [];
  for (const { comparison, same } of items) {
    if (comparison === null || distinct.has(same)) continue;
    distinct.set(same, pValues.length);
    pValues.push(comparison.pValue);
  }
  const adjusted = holmAdjust(pValues);
  return items.map(({ comparison, same }) =>
    comparison === null
      ? null
      : rejudgeInFamily(comparison, adjusted[distinct.get(same)!], pValues.length, alpha),
  );
}

/** Assessments of one family (e.g. every panel of the Wijken view), corrected together. */
export function correctAssessments(
  assessments: readonly { assessment: TrendAssessment; same: string }[],
  alpha: number,
): TrendAssessment[] {
  const items = assessments.flatMap(({ assessment, same }) => [
    {
      comparison: assessment.samePeriodLastYear.available ? assessment.samePeriodLastYear : null,
      same: `${same}|samePeriodLastYear`,
    },
    {
      comparison: assessment.baseline.available ? assessment.baseline : null,
      same: `${same}|baseline`,
    },
  ]);
  const corrected = correctComparisons(items, alpha);
  return assessments.map(({ assessment }, i) => ({
    ...assessment,
    samePeriodLastYear: corrected[2 * i] ?? assessment.samePeriodLastYear,
    baseline: (corrected[2 * i + 1] as TrendAssessment['baseline'] | null) ?? assessment.baseline,
  }));
}
