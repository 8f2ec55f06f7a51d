/**
 * The demo municipality loaded into DuckDB in Node from the committed data/ files, through
 * the same loader the browser uses.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { loadDemo } from '../../src/lib/data/load-demo';
import { directorySource } from '../../scripts/lib/directory-source';

export const DATA_DIR = path.resolve(import.meta.dirname, '../../data');

export { directorySource };

export async function loadDemoInNode(dir = DATA_DIR): Promise<Connector> {
  const conn = await createNodeConnector();
  await loadDemo(conn, directorySource(dir));
  return conn;
}

export interface Truth {
  seed: number;
  period: { from: string; to: string };
  counts: Record<string, number>;
  patterns: Record<string, unknown>[];
}

export async function readTruth(dir = DATA_DIR): Promise<Truth> {
  return JSON.parse(await readFile(path.join(dir, 'truth.json'), 'utf8')) as Truth;
}
