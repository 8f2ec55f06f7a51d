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

/** One build of a projection: for this connection, data version and key. */
export interface ProjectionBuild<T> {
  conn: Connector;
  version: number;
  /** What else the build depends on (the analysis facts: the tables' row counts). */
  key: string;
  ready: Promise<T>;
  /** The build's result once it is ready. */
  value?: T;
}

/**
 * The lifecycle every projection shares: built on first use after a data change, reused
 * by every filter change until the data changes, forgotten when the build fails (the next
 * use tries again) or when another projection needs the memory (`drop` then removes its
 * tables; the next use builds it again).
 */
export class Projection<T> {
  #current: ProjectionBuild<T> | null = null;

  constructor(name: string, drop: (conn: Connector) => Promise<void>) {
    registerProjection(name, async (conn) => {
      if (this.#current?.conn === conn) this.#current = null;
      await drop(conn);
    });
  }

  /** The latest build started (ready or not), if any. */
  get current(): ProjectionBuild<T> | null {
    return this.#current;
  }

  /** The build for this connection, version and key: the existing one or a new `build()`. */
  ensure(conn: Connector, version: number, build: () => Promise<T>, key = ''): Promise<T> {
    const existing = this.#current;
    if (existing?.conn === conn && existing.version === version && existing.key === key) {
      return existing.ready;
    }
    const entry: ProjectionBuild<T> = {
      conn,
      version,
      key,
      ready: Promise.resolve() as Promise<T>,
    };
    entry.ready = build().then(
      (value) => {
        entry.value = value;
        return value;
      },
      (error: unknown) => {
        if (this.#current === entry) this.#current = null;
        throw error;
      },
    );
    this.#current = entry;
    return entry.ready;
  }
}
