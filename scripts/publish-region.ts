/**
 * `npm run publish:region -- --out DIR [--gemeente GMnnnn]… INPUT…`
 *
 * Merges municipalities' publications (folders with manifest.json) or workspace exports
 * into a region: DIR/parquet/<table>/gemeente=…/year=…/data.parquet, DIR/region.duckdb for
 * `npm run serve:region`, and DIR/dataset/manifest.json, the app's publication that names
 * the server (README, "Regioserver"). `--gemeente` gives each input's CBS code, in the
 * order of the inputs; without it the code comes from the data's gemeente column.
 */
import { parseArgs } from 'node:util';
import { publishRegion, RegionPublishError } from './lib/region-publish';
import { UserError } from '../src/lib/data/user-error';

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      gemeente: { type: 'string', multiple: true },
    },
  });
  const codes = values.gemeente ?? [];
  if (
    !values.out ||
    positionals.length === 0 ||
    (codes.length && codes.length !== positionals.length)
  ) {
    console.error(
      'Gebruik: npm run publish:region -- --out <map> [--gemeente GMnnnn]… <publicatiemap of werkruimte>…\n' +
        '(--gemeente per invoer, in dezelfde volgorde; zonder: de gemeentecode in de gegevens)',
    );
    return 2;
  }
  try {
    const summary = await publishRegion(
      positionals.map((p, i) => ({ path: p, gemeente: codes[i] })),
      values.out,
    );
    console.log(JSON.stringify(summary));
    return 0;
  } catch (error) {
    if (error instanceof RegionPublishError || error instanceof UserError) {
      console.error(error.message);
      return 1;
    }
    throw error;
  }
}

process.exitCode = await main();
