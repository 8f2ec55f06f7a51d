import { readFile } from 'node:fs/promises';
import { loadDemoInNode } from './tests/helpers/demo-node';
import { nodeParquetReader } from './src/lib/data/import/parquet-node';
import { prepareImport } from './src/lib/data/import/pipeline';
import { convertStaged } from './src/lib/data/import/convert';
import { locateRecords } from './src/lib/data/import/locate';
import { loadBuurtLookup } from './src/lib/data/area-assignment';
const conn: any = await loadDemoInNode();
const bytes = new Uint8Array(await readFile('bench-data/1000000/incidents.parquet'));
const prepared = await prepareImport(conn, 'incidents', 'x.parquet', bytes, { parquet: nodeParquetReader, duplicates: 'replace' });
await convertStaged(conn, prepared.plan);
await locateRecords(conn, prepared.plan.coordinates!, await loadBuurtLookup(conn));
const t = async (label: string, sql: string) => {
  const times = [];
  for (let i = 0; i < 2; i++) { const s = performance.now(); await conn.exec(sql); times.push(performance.now() - s); }
  console.log(label.padEnd(30), times.map(x => x.toFixed(0)).join(' '));
};
console.log((await conn.query({sql:'select count(*) n from incidents'}))[0]);
await t('copy conv', 'CREATE OR REPLACE TABLE x AS SELECT * FROM import_conv');
await t('copy conv no ids', 'CREATE OR REPLACE TABLE x AS SELECT * EXCLUDE (id) FROM import_conv');
await t('join located view', 'CREATE OR REPLACE TABLE x AS SELECT c.*, l.lon, l.lat, l.buurtcode, l.wijkcode, l.outside FROM import_conv c LEFT JOIN import_located l USING (rn)');
await t('join points', 'CREATE OR REPLACE TABLE x AS SELECT c.*, l.lon, l.lat, l.area, l.outside FROM import_conv c LEFT JOIN import_located_points l USING (rn)');
await t('repeated agg', 'CREATE OR REPLACE TABLE x AS SELECT id, min(rn) AS first_rn FROM import_conv WHERE reason IS NULL GROUP BY id HAVING count(*) > 1');
await t('in incidents', 'CREATE OR REPLACE TABLE x AS SELECT rn, id IN (SELECT id FROM incidents) e FROM import_conv');
await t('window dup', 'CREATE OR REPLACE TABLE x AS SELECT rn, min(rn) OVER (PARTITION BY id) f FROM import_conv');
await t('theme', `CREATE OR REPLACE TABLE x AS SELECT k.category, any_value(m.theme) AS theme
    FROM (SELECT DISTINCT category FROM import_conv) k
    LEFT JOIN theme_mapping m ON m.sub_category = k.category
      OR (m.main_category = k.category AND m.sub_category = '*')
    GROUP BY k.category`);
await conn.close();
