/**
 * Which map labels to draw so that none overlaps another: a greedy pass in screen pixels,
 * most important label first (deck.gl's TextLayer draws every label it is given, so on a
 * projected map small buurten with "<5" each piled up into one unreadable blot). A label
 * that would touch one already placed is left out; its shape keeps its colour and the
 * slide's list gives its count.
 */
export interface LabelBox {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Average glyph width of the bold sans-serif label font, as a share of its size. */
const GLYPH_WIDTH = 0.62;

/** The screen box of `text` at `size` px centred on `at`, grown by `outline` px. */
export function labelBox(at: readonly [number, number], text: string, size: number, outline = 4) {
  const halfWidth = (text.length * GLYPH_WIDTH * size) / 2 + outline;
  const halfHeight = size / 2 + outline;
  return {
    x0: at[0] - halfWidth,
    y0: at[1] - halfHeight,
    x1: at[0] + halfWidth,
    y1: at[1] + halfHeight,
  };
}

export function boxesIntersect(a: LabelBox, b: LabelBox): boolean {
  return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1;
}

export interface LabelCandidate<T> {
  item: T;
  /** Screen position of the label's centre (px). */
  at: [number, number];
  text: string;
}

/**
 * The candidates whose labels fit, in the given order of importance (callers sort first),
 * each with its box. `gap` keeps placed labels apart by a few pixels more.
 */
export function placeLabels<T>(
  candidates: readonly LabelCandidate<T>[],
  size: number,
  gap = 2,
): (LabelCandidate<T> & { box: LabelBox })[] {
  const placed: (LabelCandidate<T> & { box: LabelBox })[] = [];
  for (const candidate of candidates) {
    const box = labelBox(candidate.at, candidate.text, size, 4 + gap / 2);
    if (placed.some((p) => boxesIntersect(p.box, box))) continue;
    placed.push({ ...candidate, box });
  }
  return placed;
}
