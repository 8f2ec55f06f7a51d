/**
 * Benchmark data: only incidents.csv, with exactly `rows` rows, the same columns and the
 * same planted patterns scaled up, streamed to disk day by day (one day's rows in memory at
 * a time), so 10 million rows fit comfortably.
 */
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import { finished } from 'node:stream/promises';
import { checkCatalogue } from './generate';
import { formatId, idWidth, INCIDENT_HEADER, incidentDays, incidentLine } from './incidents';
import { buildModel, DEFAULT_SEED, streamFor } from './model';

export function defaultScaledDir(rows: number): string {
  return path.join('bench-data', String(rows));
}

/** Writes `dir`/incidents.csv and returns its path. */
export async function writeScaledIncidents(
  rows: number,
  seed: number = DEFAULT_SEED,
  dir: string = defaultScaledDir(rows),
): Promise<string> {
  if (!Number.isInteger(rows) || rows < 1)
    throw new Error(`rows must be a positive integer, got ${rows}`);
  checkCatalogue();
  const model = buildModel(seed);
  await mkdir(dir, { recursive: true });
  const file = path.join(dir, 'incidents.csv');
  const out = createWriteStream(file, { encoding: 'utf8' });
  out.write(INCIDENT_HEADER + '\n');
  const width = idWidth(rows);
  let n = 0;
  for (const day of incidentDays(model, rows, streamFor(seed, 'incidents'))) {
    let chunk = '';
    for (const record of day) chunk += incidentLine(record, formatId('I', ++n, width));
    if (!out.write(chunk)) await once(out, 'drain');
  }
  out.end();
  await finished(out);
  if (n !== rows) throw new Error(`wrote ${n} rows instead of ${rows}`);
  return file;
}
