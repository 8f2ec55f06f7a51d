/**
 * Serves the built app (build/) on a free loopback port for the browser tests and the
 * benchmarks, with the plain static server a deployment would use.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startStaticServer } from './static-server';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BUILD_DIR = path.join(ROOT, 'build');

export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

export async function startPreviewServer(basePath = ''): Promise<PreviewServer> {
  if (!existsSync(path.join(BUILD_DIR, 'index.html'))) {
    throw new Error('build/ ontbreekt: draai eerst `npx vite build`.');
  }
  return startStaticServer(BUILD_DIR, basePath);
}
