/**
 * The analysis facts (data/queries/facts.ts) of one scope, built as the browser builds them
 * for the data it holds (data/analysis-facts.ts): the codes from the scope's own values,
 * then the gemeente lookup, the facts and the windows as TEMP tables of one connection kept
 * for the scope. So the codes the browser reads through facts.buildFactsCodeValuesQuery are
 * the server's, and Tijden's queries on the facts give what they give in the browser.
 * Queries on that connection run one at a time.
 */
import type { DuckDBConnection } from '@duckdb/node-api';
import {
  buildFactsCodeValuesQuery,
  buildFactsGemeentenStatement,
  buildFactsStatement,
  type FactCodes,
} from '../../src/lib/data/queries/facts';
import { buildFactsWindowsStatement } from '../../src/lib/data/queries/facts-windows';

/** SQL that reads the facts (and so must run on the scope's facts connection). */
export const READS_FACTS = /\b(analysis_facts|analysis_windows|analysis_gemeenten)\b/;

/** Builds the facts on `conn`, whose search path is the scope's views. */
export async function buildScopeFacts(conn: DuckDBConnection): Promise<void> {
  const reader = await conn.runAndReadAll(buildFactsCodeValuesQuery().sql);
  const values = reader.getRowObjectsJS() as { field: string; value: string }[];
  const of = (field: string) => values.filter((v) => v.field === field).map((v) => v.value);
  const codes: FactCodes = {
    themes: of('theme'),
    wijkcodes: of('wijkcode'),
    gemeenten: of('gemeente'),
  };
  const statements = [
    buildFactsGemeentenStatement(),
    buildFactsStatement(codes),
    buildFactsWindowsStatement(),
  ];
  for (const sql of statements) await conn.run(sql);
}

/** One connection whose tasks run one after the other. */
export class SerialConnection {
  #tail: Promise<unknown> = Promise.resolve();

  constructor(readonly conn: DuckDBConnection) {}

  run<T>(task: (conn: DuckDBConnection) => Promise<T>): Promise<T> {
    const result = this.#tail.then(() => task(this.conn));
    this.#tail = result.catch(() => undefined);
    return result;
  }
}
