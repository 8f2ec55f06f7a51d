/** Writing and reading a published dataset folder in Node (CLI, tests, benchmarks). */
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { checkDatasetFileName } from '../../src/lib/data/dataset-files';
import type { Publication } from '../../src/lib/data/publish';
import type { DatasetReader } from '../../src/lib/data/published';

export async function writePublication(publication: Publication, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const [name, bytes] of publication.files) await writeFile(path.join(dir, name), bytes);
}

export function directoryReader(dir: string): DatasetReader {
  return {
    // Only names in the folder: path.join would follow `../` out of it.
    read: async (name) =>
      readFile(path.join(dir, checkDatasetFileName(name))).then(
        (buffer) => new Uint8Array(buffer),
        () => null,
      ),
  };
}
