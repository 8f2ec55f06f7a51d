/** Files of a directory as a loader FileSource (Node). */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FileSource } from '../../src/lib/data/load-demo';

export function directorySource(dir: string): FileSource {
  return { read: async (name) => new Uint8Array(await readFile(path.join(dir, name))) };
}
