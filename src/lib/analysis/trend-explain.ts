/**
 * The trend comparisons of trend-flags.ts in plain Dutch: numbers with Dutch separators,
 * p-values, and the verdict — with the p-value after correction for the family of
 * comparisons shown together (multiple-testing.ts) when there is more than one.
 */
import type { TrendComparison } from './trend-flags';

/** Dutch number: thousands with '.', decimals with ','. */
export function formatDutchNumber(value: number, decimals = 0): string {
  const [whole, fraction] = Math.abs(value).toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  const sign = value < 0 && Number(whole + '.' + (fraction ?? '0')) !== 0 ? '−' : '';
  return sign + grouped + (fraction ? ',' + fraction : '');
}

const formatCount = (n: number): string => formatDutchNumber(n, Number.isInteger(n) ? 0 : 1);

/**
 * "p = 0,51", "p = 0,032", "p < 0,001" — with extra decimals when rounding would put the
 * shown value on the other side of alpha than the real one.
 */
export function formatPValue(p: number, alpha = 0.05): string {
  if (p < 0.001) return 'p < 0,001';
  if (p > 0.995) return 'p = 1';
  let decimals = p < 0.1 ? 3 : 2;
  while (decimals < 6 && Number(p.toFixed(decimals)) < alpha !== p < alpha) decimals++;
  return `p = ${formatDutchNumber(p, decimals)}`;
}

/** "p = 0,003" or "p = 0,003; na correctie voor 144 vergelijkingen p = 0,41". */
export function formatCorrectedP(c: TrendComparison, alpha = 0.05): string {
  const raw = formatPValue(c.pValue, alpha);
  if (c.familySize <= 1) return raw;
  return `${raw}; na correctie voor ${c.familySize} vergelijkingen ${formatPValue(c.adjustedPValue, alpha)}`;
}

/** "…: dat kan toeval zijn (p = 0,51)" and the like. */
function verdict(c: TrendComparison, alpha: number): string {
  const onlyByChance =
    c.familySize > 1 && c.pValue < alpha
      ? 'dat kan toeval zijn bij zoveel vergelijkingen tegelijk'
      : 'dat kan toeval zijn';
  const text =
    c.currentCount === 0 && c.referenceCount === 0
      ? 'geen verandering'
      : c.flag === 'geen significante verandering'
        ? onlyByChance
        : `een ${c.flag} die waarschijnlijk geen toeval is`;
  return `${text} (${formatCorrectedP(c, alpha)})`;
}

function describeRates(c: TrendComparison): string {
  if (c.currentPer1000 === null || c.referencePer1000 === null) return '';
  const before = formatDutchNumber(c.referencePer1000, 1);
  return ` (${before} → ${formatDutchNumber(c.currentPer1000, 1)} per 1.000 inwoners)`;
}

/** The comparison's explanation, e.g. "Van 3 naar 6: dat kan toeval zijn (p = 0,51)". */
export function explainComparison(c: TrendComparison, alpha: number): string {
  if (c.kind === 'samePeriodLastYear') {
    const change = `Van ${formatCount(c.referenceCount)} naar ${formatCount(c.currentCount)}`;
    return `${change}${describeRates(c)}: ${verdict(c, alpha)}`;
  }
  const expected = formatDutchNumber(c.expectedCount, 1);
  const intro = `Verwacht ${expected} op basis van de ${c.referenceMonths} maanden ervoor`;
  return `${intro}, nu ${formatCount(c.currentCount)}${describeRates(c)}: ${verdict(c, alpha)}`;
}
