/**
 * An engine that runs out of memory (10 million records in a browser tab can do it) gives
 * the user a Dutch explanation and what to do, not DuckDB's English error. The error is
 * provoked for real, with a low memory limit.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { errorText, isOutOfMemory, OUT_OF_MEMORY_MESSAGE } from '../../src/lib/data/engine-errors';
import { errorMessage } from '../../src/lib/state/import-view';

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

it('keeps the text of other engine errors', async () => {
  const error = await failure('SELECT * FROM no_such_table');
  expect(isOutOfMemory(error)).toBe(false);
  expect(errorText(error)).toMatch(/no_such_table/);
  expect(errorMessage(error, 'Het inlezen is mislukt.')).toMatch(
    /^Het inlezen is mislukt\. \(Technische melding: .*no_such_table/,
  );
});
