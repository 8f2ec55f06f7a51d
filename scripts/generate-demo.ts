/**
 * Demo data for wijkradar: the fictional municipality Donderdeel.
 *
 *   npx tsx scripts/generate-demo.ts                      all demo files into data/
 *   npx tsx scripts/generate-demo.ts --seed 7 --out /tmp/x
 *   npx tsx scripts/generate-demo.ts --scale-incidents 1000000 [--out bench-data/1000000]
 *                                                         only incidents.csv, for benchmarks
 */
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { generateDemo } from './demo/generate';
import { DEFAULT_SEED } from './demo/model';
import { defaultScaledDir, writeScaledIncidents } from './demo/scaled';

export { generateDemo } from './demo/generate';
export { writeScaledIncidents } from './demo/scaled';

function integer(name: string, value: string | undefined, fallback: number): number {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`--${name} expects a whole number, got "${value}"`);
  return Number(value);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      seed: { type: 'string' },
      out: { type: 'string' },
      'scale-incidents': { type: 'string' },
    },
  });
  const seed = integer('seed', values.seed, DEFAULT_SEED);
  const started = performance.now();
  if (values['scale-incidents'] !== undefined) {
    const rows = integer('scale-incidents', values['scale-incidents'], 0);
    const file = await writeScaledIncidents(rows, seed, values.out ?? defaultScaledDir(rows));
    console.log(
      `${rows} incidents → ${file} in ${((performance.now() - started) / 1000).toFixed(1)} s`,
    );
    return;
  }
  const outDir = values.out ?? 'data';
  const truth = (await generateDemo({ seed, outDir })) as { counts: Record<string, number> };
  const counts = Object.entries(truth.counts)
    .map(([k, v]) => `${k} ${v}`)
    .join(', ');
  console.log(
    `Donderdeel (seed ${seed}) → ${outDir}/ in ${((performance.now() - started) / 1000).toFixed(1)} s: ${counts}`,
  );
}

const invokedDirectly =
  process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href;
if (invokedDirectly) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
