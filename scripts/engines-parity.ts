/**
 * `npm run -s engines:parity`: every registered builder with its example arguments on
 * DuckDB-WASM (the reference), native DuckDB and ClickHouse (chDB), on Donderdeel and on a
 * synthetic region of PARITY_RECORDS records (default 1,000,000; 0 skips it). Prints one
 * JSON object: {"builders": N, "identical": {"duckdb-native": N, "clickhouse": N},
 * "failed": [...]}; exits 1 when any builder differs. Native DuckDB and chDB are installed
 * on first use into the cache folder (src/lib/data/clickhouse/install-on-demand.ts).
 * `--clickhouse-url http[s]://user:password@host:8123/database` compares a ClickHouse
 * server (through @clickhouse/client, server/node_modules) instead of chDB; its database
 * must be empty and is emptied again afterwards.
 */
import { parityOn, report, type ParityFailure } from './lib/engines-parity';

/** The value of `--clickhouse-url URL` (or `--clickhouse-url=URL`), if given. */
function clickhouseUrl(args: string[]): string | undefined {
  const at = args.findIndex((a) => a === '--clickhouse-url' || a.startsWith('--clickhouse-url='));
  if (at < 0) return undefined;
  const value = args[at].includes('=') ? args[at].split('=').slice(1).join('=') : args[at + 1];
  if (!value || !/^https?:\/\//.test(value)) {
    throw new Error('--clickhouse-url verwacht http[s]://gebruiker:wachtwoord@host:8123/database');
  }
  return value;
}

async function main(): Promise<number> {
  const server = clickhouseUrl(process.argv.slice(2));
  const records = Number(process.env.PARITY_RECORDS ?? 1_000_000);
  if (!Number.isInteger(records) || records < 0) {
    console.error('PARITY_RECORDS moet een geheel getal ≥ 0 zijn');
    return 2;
  }
  const failures: ParityFailure[] = [];
  for (const size of records > 0 ? [0, records] : [0]) {
    const run = await parityOn(size, server);
    failures.push(...run.failures);
    // Examples without rows prove nothing: said on stderr, stdout keeps the one object.
    if (run.empty.length)
      console.error(`zonder rijen (${size || 'donderdeel'}): ${run.empty.join(', ')}`);
  }
  const result = report(failures);
  console.log(JSON.stringify(result));
  return result.failed.length === 0 ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
