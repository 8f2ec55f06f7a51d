/**
 * Legend labels of coloured classes (upper bounds from analysis/natural-breaks.ts or
 * area-rates.ts quantileBreaks) and the line that says how the classes were made.
 */
import { formatDecimal } from '$lib/format/nl';

export type ClassMethod = 'jenks' | 'kwantielen';

export const CLASS_METHOD_TEXT: Record<ClassMethod, string> = {
  jenks: 'klassen: natuurlijke grenzen (Jenks, op logaritmische schaal)',
  kwantielen: 'klassen: kwantielen (elke kleur ongeveer evenveel gebieden)',
};

/**
 * "van – tot" per class. Whole counts get ranges that do not touch ("1", "2–3", "4–14"),
 * starting at `min`; other values "t/m 2,3", "2,3 – 4,5" (the lower bound belongs to the
 * class before).
 */
export function classLabels(
  breaks: readonly number[],
  options: { digits: number; min?: number },
): string[] {
  const whole = options.digits === 0 && breaks.every(Number.isInteger);
  return breaks.map((b, i) => {
    const hi = formatDecimal(b, options.digits);
    if (whole) {
      const lo = i === 0 ? (options.min ?? 0) : breaks[i - 1] + 1;
      return lo >= b ? hi : `${formatDecimal(lo, 0)}–${hi}`;
    }
    return i === 0 ? `t/m ${hi}` : `${formatDecimal(breaks[i - 1], options.digits)} – ${hi}`;
  });
}

/** How many of `values` fall in each class (classOf's rule: up to and including a bound). */
export function classSizes(values: readonly number[], breaks: readonly number[]): number[] {
  const sizes = breaks.map(() => 0);
  for (const v of values) {
    const i = breaks.findIndex((b) => v <= b);
    sizes[i === -1 ? breaks.length - 1 : i]++;
  }
  return sizes;
}
