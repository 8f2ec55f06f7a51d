/**
 * Runs hot spot permutations in a Web Worker (hotspot-worker.ts) and cancels stale jobs: a
 * new job while one is running ends that worker (its result would be thrown away anyway)
 * and starts a fresh one, so a quick series of filter changes costs one computation, not a
 * queue of them. Without Worker (Node tests, server rendering) it computes in place.
 */
import { computeEmergingHotspots, type EmergingResult } from '$lib/analysis/emerging';
import type { NeighbourIndex } from '$lib/analysis/gistar';
import {
  computePermutationHotspots,
  type PermutationHotspots,
} from '$lib/analysis/gistar-permutation';

export interface HotspotJob {
  id: number;
  kind: 'hotspots' | 'emerging';
  /** One array of values (hotspots) or one per period (emerging). */
  values: Float64Array[];
  n: number;
  offsets: Int32Array;
  neighbours: Int32Array;
}

export type HotspotJobResult =
  { kind: 'hotspots'; result: PermutationHotspots } | { kind: 'emerging'; result: EmergingResult };

/** Thrown to the caller of a job that a newer job replaced. */
export class SupersededError extends Error {
  constructor() {
    super('vervangen door een nieuwere berekening');
  }
}

export class HotspotRunner {
  #worker: Worker | null = null;
  #pending: { id: number; reject: (error: Error) => void } | null = null;
  #next = 0;

  hotspots(values: Float64Array, index: NeighbourIndex): Promise<PermutationHotspots> {
    return this.#run('hotspots', [values], index).then(
      (r) => (r as Extract<HotspotJobResult, { kind: 'hotspots' }>).result,
    );
  }

  emerging(values: Float64Array[], index: NeighbourIndex): Promise<EmergingResult> {
    return this.#run('emerging', values, index).then(
      (r) => (r as Extract<HotspotJobResult, { kind: 'emerging' }>).result,
    );
  }

  #run(kind: HotspotJob['kind'], values: Float64Array[], index: NeighbourIndex) {
    if (typeof Worker === 'undefined') {
      return Promise.resolve<HotspotJobResult>(
        kind === 'hotspots'
          ? { kind, result: computePermutationHotspots(values[0], index) }
          : { kind, result: computeEmergingHotspots(values, index) },
      );
    }
    if (this.#pending) {
      this.#pending.reject(new SupersededError());
      this.#worker?.terminate();
      this.#worker = null;
    }
    const worker = (this.#worker ??= new Worker(new URL('./hotspot-worker.ts', import.meta.url), {
      type: 'module',
    }));
    const id = ++this.#next;
    const job: HotspotJob = { id, kind, values, ...index };
    return new Promise<HotspotJobResult>((resolve, reject) => {
      this.#pending = { id, reject };
      worker.onmessage = (event: MessageEvent<HotspotJobResult & { id: number; ms: number }>) => {
        if (event.data.id !== id) return;
        this.#pending = null;
        const now = performance.now();
        performance.measure(`hotspots.${kind}.worker`, { start: now - event.data.ms, end: now });
        resolve(event.data);
      };
      worker.onerror = (event) => {
        this.#pending = null;
        this.#worker = null;
        worker.terminate();
        reject(new Error(event.message || 'hotspotberekening mislukt'));
      };
      worker.postMessage(job);
    });
  }
}
