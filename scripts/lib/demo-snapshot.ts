/**
 * The demo municipality, prepared once at build time: the CSV and GeoJSON files in data/
 * go through the app's own loader in Node (same duckdb-wasm engine, same SQL) and the
 * resulting tables ship as one workspace file (Arrow IPC per table, checksummed). A first
 * visit then restores Donderdeel in a fraction of a second instead of parsing 8 MB of CSV;
 * the browser falls back to the CSV files when the snapshot is missing or damaged.
 */
import path from 'node:path';
import type { Plugin } from 'vite';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { loadDemo } from '../../src/lib/data/load-demo';
import { takeSnapshot } from '../../src/lib/data/snapshot';
import { encodeWorkspace } from '../../src/lib/data/workspace-file';
import { directorySource } from './directory-source';

export const DEMO_SNAPSHOT_PATH = 'demo/donderdeel.wijkradar';
const DATA_DIR = path.resolve(import.meta.dirname, '../../data');

export async function buildDemoSnapshot(dataDir = DATA_DIR): Promise<Uint8Array> {
  const conn = await createNodeConnector();
  try {
    await loadDemo(conn, directorySource(dataDir));
    return await encodeWorkspace(await takeSnapshot(conn, {}));
  } finally {
    await conn.close();
  }
}

/** Vite plugin: emits the snapshot with the client build and serves it in dev. */
export function demoSnapshotPlugin(): Plugin {
  let bytes: Promise<Uint8Array> | null = null;
  const snapshot = () => (bytes ??= buildDemoSnapshot());
  return {
    name: 'wijkradar-demo-snapshot',
    applyToEnvironment: (environment) => environment.name === 'client',
    configureServer(server) {
      server.middlewares.use((request, response, next) => {
        if (!request.url?.split('?')[0].endsWith('/' + DEMO_SNAPSHOT_PATH)) return next();
        snapshot().then(
          (body) => {
            response.setHeader('content-type', 'application/octet-stream');
            response.end(body);
          },
          (error: unknown) => next(error),
        );
      });
    },
    async generateBundle() {
      this.emitFile({ type: 'asset', fileName: DEMO_SNAPSHOT_PATH, source: await snapshot() });
    },
  };
}
