/**
 * The shared filter against a TypeScript oracle on Donderdeel: the SQL selects exactly the
 * records a plain reading of the filter's definition selects.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import {
  buildFilteredRecordsQuery,
  type FilteredRecordRow,
} from '../../src/lib/data/queries/record-filter';
import {
  buildDataPeriodQuery,
  buildFilterValuesQuery,
} from '../../src/lib/data/queries/filter-options';
import { parseFilterSelection, toRecordFilter } from '../../src/lib/state/shared/filter-url';
import { loadDemoInNode, readTruth } from '../helpers/demo-node';

let conn: Connector;
let all: (FilteredRecordRow & { ms: number })[];
beforeAll(async () => {
  conn = await loadDemoInNode();
  const q = buildFilteredRecordsQuery(['incidents', 'meldingen', 'visits'], {}, { located: false });
  const rows = await conn.query<FilteredRecordRow & { ms: number }>({
    sql: `SELECT *, epoch_ms(t)::DOUBLE AS ms FROM (${q.sql})`,
    params: q.params,
  });
  all = rows;
});
afterAll(() => conn.close());

async function selected(query: string, located = false): Promise<Set<string>> {
  const { tables, filter } = toRecordFilter(parseFilterSelection(new URLSearchParams(query)));
  const q = buildFilteredRecordsQuery(tables, filter, { located });
  const rows = await conn.query<{ key: string }>({
    sql: `SELECT src || ':' || id AS key FROM (${q.sql})`,
    params: q.params,
  });
  return new Set(rows.map((r) => r.key));
}

const keys = (rows: typeof all) => new Set(rows.map((r) => `${r.src}:${r.id}`));

describe('shared record filter on Donderdeel', () => {
  it('selects every record of the demo without a filter', async () => {
    const truth = await readTruth();
    expect(all.length).toBe(truth.counts.incidents + truth.counts.meldingen + truth.counts.visits);
    expect((await selected('')).size).toBe(all.length);
  });

  it('selects summer Friday and Saturday evenings of youth meldingen exactly', async () => {
    const got = await selected(
      'van=2026-06-01&tot=2026-08-31&bron=meldingen&thema=jeugd&dagdeel=avond&dag=vr,za',
    );
    const want = all.filter((r) => {
      const d = new Date(r.ms);
      const day = d.toISOString().slice(0, 10);
      const isoDay = ((d.getUTCDay() + 6) % 7) + 1;
      return (
        r.src === 'meldingen' &&
        r.theme === 'jeugd' &&
        day >= '2026-06-01' &&
        day <= '2026-08-31' &&
        d.getUTCHours() >= 18 &&
        (isoDay === 5 || isoDay === 6)
      );
    });
    expect(want.length).toBeGreaterThan(50);
    expect(got).toEqual(keys(want));
  });

  it('filters outcome on incidents and visits and leaves meldingen out (they have none)', async () => {
    const got = await selected('uitkomst=waarschuwing gegeven,informeren');
    const want = all.filter(
      (r) => r.outcome === 'waarschuwing gegeven' || r.outcome === 'informeren',
    );
    expect(want.some((r) => r.src === 'visits') && want.some((r) => r.src === 'incidents')).toBe(
      true,
    );
    expect(got).toEqual(keys(want));
  });

  it('filters on wijk, buurt and a drawn rectangle', async () => {
    const wijk = all.find((r) => r.wijkcode)!.wijkcode!;
    expect(await selected(`wijk=${wijk}`)).toEqual(keys(all.filter((r) => r.wijkcode === wijk)));
    const buurt = all.find((r) => r.buurtcode)!.buurtcode!;
    expect(await selected(`buurt=${buurt}`)).toEqual(
      keys(all.filter((r) => r.buurtcode === buurt)),
    );
    const box = [6.18, 52.04, 6.22, 52.06];
    const inside = all.filter(
      (r) =>
        r.lon !== null &&
        r.lat !== null &&
        r.lon >= box[0] &&
        r.lon <= box[2] &&
        r.lat >= box[1] &&
        r.lat <= box[3],
    );
    expect(inside.length).toBeGreaterThan(100);
    expect(await selected(`gebied=${box.join(',')}`)).toEqual(keys(inside));
  });

  it('matches a melding category on its sub- or main category', async () => {
    const sub = all.find((r) => r.src === 'meldingen' && r.category)!.category!;
    const got = await selected(`bron=meldingen&categorie=${sub}`);
    expect(got).toEqual(keys(all.filter((r) => r.src === 'meldingen' && r.category === sub)));
    const [main] = await conn.query<{ m: string; n: number }>({
      sql: `SELECT main_category AS m, count(*)::INTEGER AS n FROM meldingen GROUP BY 1 ORDER BY 2 DESC LIMIT 1`,
    });
    expect((await selected(`bron=meldingen&categorie=${main.m}`)).size).toBe(main.n);
  });

  it('offers the values present in the data and the period it covers', async () => {
    const values = await conn.query<{ field: string; value: string; n: number }>(
      buildFilterValuesQuery(),
    );
    const themes = values.filter((v) => v.field === 'theme');
    expect(themes.reduce((s, v) => s + v.n, 0)).toBe(all.filter((r) => r.theme !== null).length);
    expect(
      values.some((v) => v.field === 'outcome' && v.value === 'proces-verbaal opgemaakt'),
    ).toBe(true);
    const [period] = await conn.query<{ first: string; last: string }>(buildDataPeriodQuery());
    expect(period.first).toBe('2023-11-01');
    expect(period.last).toBe('2026-10-31');
  });
});
