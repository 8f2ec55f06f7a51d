/**
 * A value built once per data version and engine (the grid context, a projection): the
 * first caller builds it, later callers of the same version share the promise, a new
 * version or engine builds again, and a failed build is forgotten so the next call retries.
 */
import type { Connector } from '$lib/data/connector';

export interface PerDataVersion<T> {
  (conn: Connector, dataVersion: number): Promise<T>;
  /** Forgets the value (the next call builds it again). */
  clear(): void;
}

export function perDataVersion<T>(build: (conn: Connector) => Promise<T>): PerDataVersion<T> {
  let cached: { version: number; conn: Connector; value: Promise<T> } | null = null;
  const get = (conn: Connector, dataVersion: number): Promise<T> => {
    if (!cached || cached.version !== dataVersion || cached.conn !== conn) {
      const entry = { version: dataVersion, conn, value: build(conn) };
      entry.value = entry.value.catch((error: unknown) => {
        if (cached === entry) cached = null;
        throw error;
      });
      cached = entry;
    }
    return cached.value;
  };
  return Object.assign(get, { clear: () => void (cached = null) });
}
