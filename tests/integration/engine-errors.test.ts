/**
 * An engine that runs out of memory (10 million records in a browser tab can do it) gives
 * the user a Dutch explanation and what to do, not DuckDB's English error. The error is
 * provoked for real, with a low memory limit.
 */
import { afterAll, beforeAll, expect, it, vi } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { DatasetError } from '../../src/lib/data/dataset-files';
import {
  errorReason,
  errorText,
  isOutOfMemory,
  OUT_OF_MEMORY_MESSAGE,
  STORAGE_FULL_MESSAGE,
} from '../../src/lib/data/engine-errors';
import { ImportError } from '../../src/lib/data/import/stage';
import { errorMessage } from '../../src/lib/state/import/import-view';

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
});
afterAll(() => conn.close());

async function failure(sql: string): Promise<unknown> {
  try {
    await conn.exec(sql);
  } catch (error) {
    return error;
  }
  throw new Error(`no error from: ${sql}`);
}

it('explains running out of memory in Dutch, in the views and in the import', async () => {
  await conn.exec("SET memory_limit = '16MB'");
  const error = await failure(
    "CREATE TABLE big AS SELECT range::VARCHAR || repeat('x', 40) AS s FROM range(3000000)",
  );
  await conn.exec('RESET memory_limit');
  expect(String(error)).toMatch(/Out of Memory/);
  expect(isOutOfMemory(error)).toBe(true);
  expect(errorText(error)).toBe(OUT_OF_MEMORY_MESSAGE);
  expect(errorText(error)).toMatch(/geheugen van de rekenmodule .* vol/);
  expect(errorMessage(error, 'Het inlezen is mislukt.')).toBe(OUT_OF_MEMORY_MESSAGE);
});

it("never shows the engine's English text: a Dutch sentence, the detail in the console", async () => {
  const error = await failure('SELECT * FROM no_such_table');
  expect(isOutOfMemory(error)).toBe(false);
  const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    const view = errorText(error);
    expect(view).toMatch(/^Er trad een onverwachte fout op\. Kies een andere selectie/);
    const imported = errorMessage(error, 'Het inlezen is mislukt.');
    expect(imported).toMatch(/^Het inlezen is mislukt\. Er is niets gewijzigd\./);
    expect(errorReason(new TypeError('t is not iterable'))).toMatch(/onverwachte fout/);
    for (const text of [view, imported]) expect(text).not.toMatch(/no_such_table|Catalog|Error/);
    expect(String(logged.mock.calls[0])).toMatch(/no_such_table/);
  } finally {
    logged.mockRestore();
  }
});

it("shows the app's own Dutch errors as they are, and explains storage and file faults", () => {
  const own = new ImportError('Het bestand is leeg.');
  expect(errorMessage(own, 'Het inlezen is mislukt.')).toBe('Het bestand is leeg.');
  expect(errorText(new DatasetError('Het manifest is onleesbaar.'))).toBe(
    'Het manifest is onleesbaar.',
  );
  const quota = new DOMException('The quota has been exceeded.', 'QuotaExceededError');
  expect(errorMessage(quota, 'Opslaan is mislukt.')).toBe(STORAGE_FULL_MESSAGE);
  const unreadable = new DOMException('The requested file could not be read', 'NotReadableError');
  expect(errorReason(unreadable)).toMatch(/^De browser kon het bestand niet lezen/);
});
