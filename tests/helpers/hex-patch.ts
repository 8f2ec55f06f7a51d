/** Cells of a compact hex patch (offset rows → axial), like a rectangular study area. */
export function hexPatch(columns: number, rows: number): { q: number[]; r: number[] } {
  const q: number[] = [];
  const r: number[] = [];
  for (let row = 0; row < rows; row++) {
    for (let col = 0; col < columns; col++) {
      q.push(col - Math.floor(row / 2));
      r.push(row);
    }
  }
  return { q, r };
}
