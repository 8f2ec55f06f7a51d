/**
 * Web Worker counting the study cells of a hexagon grid (study-cells.ts): the clipping of
 * the edge cells with Turf takes a few hundred milliseconds, off the main thread here.
 */
import { listStudyCells } from '$lib/analysis/cell-area-share';
import type { StudyCellsJob } from './study-cells';

self.onmessage = (event: MessageEvent<StudyCellsJob>) => {
  const { outline, size } = event.data;
  self.postMessage(listStudyCells(outline, size).q.length);
};
