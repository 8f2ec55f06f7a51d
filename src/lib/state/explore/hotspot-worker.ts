/**
 * Web Worker running the hot spot permutations (gistar-permutation.ts) off the main thread,
 * so filtering stays responsive while a map's p-values are drawn. One job at a time; the
 * runner (hotspot-runner.ts) ends this worker when a newer job makes the running one stale.
 */
import { computeEmergingHotspots } from '$lib/analysis/emerging';
import { computePermutationHotspots } from '$lib/analysis/gistar-permutation';
import type { HotspotJob, HotspotJobResult } from './hotspot-runner';

self.onmessage = (event: MessageEvent<HotspotJob>) => {
  const job = event.data;
  const index = { n: job.n, offsets: job.offsets, neighbours: job.neighbours };
  const started = performance.now();
  const result: HotspotJobResult =
    job.kind === 'hotspots'
      ? { kind: 'hotspots', result: computePermutationHotspots(job.values[0], index) }
      : { kind: 'emerging', result: computeEmergingHotspots(job.values, index) };
  self.postMessage({ id: job.id, ms: performance.now() - started, ...result });
};
