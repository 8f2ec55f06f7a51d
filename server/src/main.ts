/**
 * `npm run serve:region -- [--config server/config.json]`: the region server (README,
 * "Regioserver"). Stops cleanly on SIGINT/SIGTERM so the audit log is complete.
 */
import { parseArgs } from 'node:util';
import { ConfigError, loadConfig } from './config';
import { startRegionServer } from './server';

const { values } = parseArgs({
  options: { config: { type: 'string', default: 'server/config.json' } },
});
try {
  const config = await loadConfig(values.config!);
  const running = await startRegionServer(config);
  console.log(
    `wijkradar-regioserver luistert op ${running.url}/query (database ${config.database}, ${running.database.tableNames.length} tabellen; auditlog ${config.auditLog})`,
  );
  const stop = () => void running.close().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
} catch (error) {
  if (error instanceof ConfigError) {
    console.error(`Configuratie: ${error.message}`);
    process.exit(2);
  }
  throw error;
}
