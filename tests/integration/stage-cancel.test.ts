/**
 * Annuleren while a large CSV is staged (issue 27, progress with cancel): the file is read
 * in 8 MB chunks (stage-csv.ts, csv-bytes.ts), and the cancel is checked between them, so
 * a cancel during a long staging stops at the next chunk, well within a second, instead of
 * after the whole file. The stored tables stay as they were, and the same file stages fine
 * straight after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { CHUNK_BYTES } from '../../src/lib/data/import/csv-bytes';
import { prepareImport } from '../../src/lib/data/import/pipeline';
import { stageSource } from '../../src/lib/data/import/stage';
import { CancelledError, StepProgress } from '../../src/lib/data/progress';
import { PREPARE_STEPS } from '../../src/lib/data/progress-steps';
import { scaled } from '../helpers/time-scale';
import { tableHashes } from '../helpers/table-hashes';

/** A CSV of `chunks` full 8 MB chunks and a bit, in lines of one length. */
function largeCsv(chunks: number): { bytes: Uint8Array; rows: number } {
  const header = 'id;omschrijving;bedrag\r\n';
  const pad = (n: number, width: number) => String(n).padStart(width, '0');
  const line = (i: number) => `R${pad(i, 8)};melding ${pad(i % 97, 2)};${pad(i % 1000, 3)},50\r\n`;
  const rows = Math.ceil((chunks * CHUNK_BYTES) / line(0).length) + 10;
  const out = new Uint8Array(header.length + rows * line(0).length);
  const encoder = new TextEncoder();
  let offset = encoder.encodeInto(header, out).written;
  for (let i = 1; i <= rows; i++)
    offset += encoder.encodeInto(line(i), out.subarray(offset)).written;
  return { bytes: out, rows };
}

/**
 * The file as the browser has it (a Blob read in ranges), counting the chunk-sized reads;
 * `onChunk(n)` runs when the n-th one starts.
 */
function chosenFile(bytes: Uint8Array, onChunk: (n: number) => void): Blob {
  let chunks = 0;
  class ChosenFile extends Blob {
    override slice(start?: number, end?: number, type?: string): Blob {
      if ((end ?? this.size) - (start ?? 0) >= CHUNK_BYTES / 2) onChunk(++chunks);
      return super.slice(start, end, type);
    }
  }
  return new ChosenFile([bytes as Uint8Array<ArrayBuffer>]);
}

let conn: Connector;
let csv: { bytes: Uint8Array; rows: number };
beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
  csv = largeCsv(3);
});
afterAll(() => conn.close());

describe('a cancel while a large CSV is staged', () => {
  it('stops at the next chunk, within a second, and changes nothing', async () => {
    const before = await tableHashes(conn);
    const progress = new StepProgress(PREPARE_STEPS);
    let cancelledAt = 0;
    let chunksRead = 0;
    const file = chosenFile(csv.bytes, (n) => {
      chunksRead = n;
      // Annuleren while the first chunk of the scan is read.
      if (n === 1) {
        cancelledAt = performance.now();
        progress.cancel();
      }
    });
    const attempt = prepareImport(conn, 'incidents', 'groot.csv', file, { progress });
    await expect(attempt).rejects.toBeInstanceOf(CancelledError);
    const took = performance.now() - cancelledAt;
    // Only the chunk under way was read: the rest of the file was never touched.
    expect(chunksRead).toBe(1);
    expect(took).toBeLessThan(scaled(1000));
    expect(await tableHashes(conn)).toEqual(before);
  });

  it('stages the same file fully straight after', async () => {
    let chunksRead = 0;
    const staged = await stageSource(
      conn,
      'groot.csv',
      chosenFile(csv.bytes, (n) => (chunksRead = n)),
    );
    expect(chunksRead).toBeGreaterThanOrEqual(4);
    expect(staged.rowCount).toBe(csv.rows);
    expect(staged.headers).toEqual(['id', 'omschrijving', 'bedrag']);
  });
});
