/**
 * How many cells of circumradius `size` the municipality's hexagon grid has (those with at
 * least half their area inside, analysis/cell-area-share.ts): the study area A of the
 * forecast's PAI. Counted in a Web Worker (study-cells-worker.ts), so the clipping of the
 * edge cells does not block the page it is counted for; without Worker (Node tests) in
 * place. Once per grid (data version) and size.
 */
import type { MultiPolygonCoords } from '$lib/analysis/area-index';
import type { GridContext } from './grid-context';

export interface StudyCellsJob {
  outline: MultiPolygonCoords[];
  size: number;
}

const counted = new WeakMap<GridContext, Map<number, Promise<number>>>();

function countInWorker(job: StudyCellsJob): Promise<number> {
  const worker = new Worker(new URL('./study-cells-worker.ts', import.meta.url), {
    type: 'module',
  });
  return new Promise<number>((resolve, reject) => {
    worker.onmessage = (event: MessageEvent<number>) => resolve(event.data);
    worker.onerror = (event) => reject(new Error(event.message || 'zeshoeken tellen mislukt'));
    worker.postMessage(job);
  }).finally(() => worker.terminate());
}

async function count(job: StudyCellsJob): Promise<number> {
  if (typeof Worker !== 'undefined') return countInWorker(job);
  const { listStudyCells } = await import('$lib/analysis/cell-area-share');
  return listStudyCells(job.outline, job.size).q.length;
}

/** The number of study cells of `grid` at `size` metres. */
export function countStudyCells(grid: GridContext, size: number): Promise<number> {
  const bySize = counted.get(grid) ?? new Map<number, Promise<number>>();
  counted.set(grid, bySize);
  let cells = bySize.get(size);
  if (!cells) {
    cells = count({ outline: grid.outline, size });
    // A failed count is tried again next time.
    cells.catch(() => bySize.delete(size));
    bySize.set(size, cells);
  }
  return cells;
}
