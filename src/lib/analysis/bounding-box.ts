/** The bounding box of planar or lon/lat points. */

/** [minX, minY, maxX, maxY] of the points; Infinity and −Infinity when there are none. */
export function boundingBox(points: Iterable<readonly number[]>): [number, number, number, number] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}
