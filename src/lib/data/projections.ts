/**
 * The views' projections are TEMP tables derived from the records, each built on the view's
 * first use and kept for the next filter change: Verkennen's `explore_facts`, and the
 * analysis facts of Tijden and Wijken. With millions of records the engine's memory (about
 * 3.1 GB) holds the records and one projection, not two: 10M incidents take about 2.1 GB,
 * each projection over 1 GB. A projection that does not fit therefore asks the others to
 * let go of theirs (they are built again on their view's next use) and tries once more.
 */
import type { Connector } from './connector';
import { isOutOfMemory } from './engine-errors';

type Release = (conn: Connector) => Promise<void>;

const releases = new Map<string, Release>();

/** `release` drops the projection `name` and forgets it, so that it is rebuilt when needed. */
export function registerProjection(name: string, release: Release): void {
  releases.set(name, release);
}

/**
 * Runs `build` (the statements that create projection `name`); when the engine runs out of
 * memory, releases every other projection and runs it once more. Another failure is thrown.
 */
export async function buildWithRoom<T>(
  conn: Connector,
  name: string,
  build: () => Promise<T>,
): Promise<T> {
  try {
    return await build();
  } catch (error) {
    if (!isOutOfMemory(error)) throw error;
  }
  for (const [other, release] of releases) {
    if (other !== name) await release(conn);
  }
  return build();
}
