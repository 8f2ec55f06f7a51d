/**
 * Control of multiple testing over a family of tests shown together.
 *
 * Holm (1979), "A simple sequentially rejective multiple test procedure", Scand. J. Statist.
 * 6: 65–70. Sort the m p-values ascending p(1) ≤ … ≤ p(m); the adjusted p-values are
 *
 *     p̃(i) = max_{j ≤ i} min(1, (m − j + 1) · p(j))
 *
 * and rejecting every hypothesis with p̃ < α (equivalently: stop at the first p(i) that is
 * not below α/(m − i + 1)) keeps the family-wise error rate — the chance of at least one
 * false flag when nothing changed anywhere — at most α, under any dependence between the
 * tests. Same values as R's p.adjust(p, "holm").
 *
 * Why FWER (Holm) and not FDR (Benjamini-Hochberg) for the views that use it: a manager
 * reads one flag in a list as an alarm. The promise "when nothing changed, the list is
 * empty with probability ≥ 95 %" needs FWER; FDR only bounds the expected share of false
 * flags among the flags, which says nothing about an empty list being empty. Holm is also
 * valid for the dependent tests of these families (a wijk's all-themes series contains its
 * theme series), where BH needs an extra log m factor (Benjamini-Yekutieli).
 */

/** Holm-adjusted p-values, in the order given (NaN stays NaN and does not count in m). */
export function holmAdjust(pValues: readonly number[]): number[] {
  const order = pValues
    .map((p, i) => ({ p, i }))
    .filter(({ p }) => !Number.isNaN(p))
    .sort((a, b) => a.p - b.p);
  const m = order.length;
  const adjusted = pValues.map(() => NaN);
  let running = 0;
  order.forEach(({ p, i }, rank) => {
    if (!(p >= 0 && p <= 1)) throw new RangeError(`p-values must lie in [0, 1], got ${p}`);
    running = Math.max(running, Math.min(1, (m - rank) * p));
    adjusted[i] = running;
  });
  return adjusted;
}
