/**
 * The themes of a large file come from one grouping pass: the personal-data scan groups
 * the columns that look like categories once, and the theme lookup counts its category
 * combinations from that grouping instead of grouping the million rows again. What the
 * analyst sees — the categories that would become 'overig' with their row counts before
 * the import, and the theme of every stored row — must be the same as when every row is
 * grouped (a theme column that does not look like categories in its sample).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Connector } from '../../src/lib/data/connector';
import { initDatabase } from '../../src/lib/data/database';
import { createNodeConnector } from '../../src/lib/data/duckdb-node';
import { prepareImport, runImport } from '../../src/lib/data/import/pipeline';

const CATEGORIES = ['Jeugdoverlast', 'Horeca / Alcoholwet', 'Overlast café', 'Foutparkeren'];

/**
 * 3,000 rows: categories repeat in the first 1,000 (so the scan groups them), with 600
 * rows of an unknown category after row 1,500, and 'afval' in the theme column of every
 * fifth row; `wideTheme` writes a theme column with a
 * distinct note in every sampled row, so that column is grouped row by row instead.
 */
function csv(wideTheme: boolean): Uint8Array {
  const lines = ['id;datum;categorie;thema;afdoening;x;y'];
  for (let i = 0; i < 3000; i++) {
    const category = i >= 1500 && i < 2100 ? 'Onbekende soort' : CATEGORIES[i % 4];
    const theme = wideTheme ? (i < 1000 ? `t${i}` : '') : i % 5 === 0 ? 'afval' : '';
    const outcome = ['waarschuwing', 'proces-verbaal', 'geen'][i % 3];
    lines.push(
      `${wideTheme ? 'W' : 'R'}${100000 + i};2026-03-0${1 + (i % 9)} 10:00;${category};${theme};${outcome};150000;450000`,
    );
  }
  return new TextEncoder().encode(lines.join('\n'));
}

let conn: Connector;
beforeAll(async () => {
  conn = await createNodeConnector();
  await initDatabase(conn);
});
afterAll(() => conn.close());

async function importCsv(wideTheme: boolean, dataset: string) {
  const prepared = await prepareImport(conn, 'incidents', 'registraties.csv', csv(wideTheme));
  const report = await runImport(conn, prepared, { dataset });
  const themes = await conn.query<{ category: string; theme: string; n: number }>({
    sql: `SELECT category, theme, count(*)::INTEGER AS n FROM incidents WHERE dataset = ?
          GROUP BY ALL ORDER BY category, theme`,
    params: [dataset],
  });
  return { prepared, report, themes };
}

describe('themes of a large file from the scan’s grouping of its categories', () => {
  it('lists the unknown category with its 600 rows before the import and files it as overig', async () => {
    const { prepared, report, themes } = await importCsv(false, 'grouped');
    expect(prepared.plan.columns.category).toBe(2);
    // A fifth of the rows has the theme column filled ('afval'): those keep their theme.
    expect(prepared.unmapped).toEqual([{ category: 'Onbekende soort', count: 480 }]);
    expect(report.rows).toMatchObject({ total: 3000, accepted: 3000 });
    const overig = themes.filter((t) => t.theme === 'overig');
    expect(overig).toEqual([{ category: 'Onbekende soort', theme: 'overig', n: 480 }]);
    // The Dutch labels find their themes; the theme column wins where it is filled.
    const jeugd = themes.filter((t) => t.category === 'Jeugdoverlast');
    expect(jeugd.reduce((sum, t) => sum + t.n, 0)).toBe(600);
    expect(jeugd.find((t) => t.theme === 'afval')?.n).toBe(120);
  });

  it('gives the same themes when the theme column is grouped over every row', async () => {
    const grouped = await conn.query<{ category: string; theme: string }>({
      sql: `SELECT DISTINCT category, theme FROM incidents
            WHERE dataset = 'grouped' AND theme <> 'afval' ORDER BY category`,
    });
    const { prepared, themes } = await importCsv(true, 'per-row');
    expect(prepared.unmapped).toEqual([{ category: 'Onbekende soort', count: 600 }]);
    expect(themes.map(({ category, theme }) => ({ category, theme }))).toEqual(grouped);
    expect(themes.map((t) => t.n)).toEqual([600, 600, 600, 600, 600]);
  });
});

describe('a theme column that names the app’s themes', () => {
  /** 2,000 rows with a theme column; `written(i)` is row i's theme as the file writes it. */
  async function importThemes(written: (i: number) => string, dataset: string) {
    const lines = ['id;datum;categorie;thema;x;y'];
    for (let i = 0; i < 2000; i++) {
      lines.push(
        `${dataset}${100000 + i};2026-03-0${1 + (i % 9)} 10:00;soort ${i % 7};${written(i)};150000;450000`,
      );
    }
    const bytes = new TextEncoder().encode(lines.join('\n'));
    const prepared = await prepareImport(conn, 'incidents', 'thema.csv', bytes);
    await runImport(conn, prepared, { dataset });
    return conn.query<{ theme: string; n: number }>({
      sql: `SELECT theme, count(*)::INTEGER AS n FROM incidents WHERE dataset = ? GROUP BY ALL ORDER BY theme`,
      params: [dataset],
    });
  }

  it('stores each row with the theme it names', async () => {
    const themes = await importThemes((i) => ['jeugd', 'afval', 'parkeren'][i % 3], 'S');
    expect(themes).toEqual([
      { theme: 'afval', n: 667 },
      { theme: 'jeugd', n: 667 },
      { theme: 'parkeren', n: 666 },
    ]);
  });

  it('still resolves labels, padded slugs and unknown values among the slugs', async () => {
    const written = (i: number) => ['jeugd', 'Jeugdoverlast', ' afval ', 'onbekend'][i % 4];
    const themes = await importThemes(written, 'M');
    expect(themes).toEqual([
      { theme: 'afval', n: 500 },
      { theme: 'jeugd', n: 1000 },
      { theme: 'overig', n: 500 },
    ]);
  });
});

describe('category columns read as written when no value needs trimming', () => {
  /** 2,000 rows; rows 1,500 on (beyond the sample) take `late(i)` as category and source. */
  async function importLate(late: (i: number) => string, dataset: string) {
    const lines = ['id;datum;categorie;afdoening;bron;x;y'];
    for (let i = 0; i < 2000; i++) {
      const category = i < 1500 ? ['vernieling', 'drugsoverlast'][i % 2] : late(i);
      const source = i < 1500 ? 'BOA' : late(i);
      lines.push(
        `${dataset}${100000 + i};2026-03-02 10:00;${category};waarschuwing;${source};150000;450000`,
      );
    }
    const prepared = await prepareImport(
      conn,
      'incidents',
      'bron.csv',
      new TextEncoder().encode(lines.join('\n')),
    );
    expect(prepared.plan.columns).toMatchObject({ category: 2, source: 4 });
    await runImport(conn, prepared, { dataset });
    return conn.query<{ category: string | null; source: string; n: number }>({
      sql: `SELECT category, source, count(*)::INTEGER AS n FROM incidents WHERE dataset = ?
            GROUP BY ALL ORDER BY ALL`,
      params: [dataset],
    });
  }

  it('stores clean values as they are', async () => {
    const rows = await importLate(() => 'vernieling', 'C');
    expect(rows).toEqual([
      { category: 'drugsoverlast', source: 'BOA', n: 750 },
      { category: 'vernieling', source: 'BOA', n: 750 },
      { category: 'vernieling', source: 'vernieling', n: 500 },
    ]);
  });

  it('still trims padded values and files empty ones under the fallback, beyond the sample', async () => {
    const rows = await importLate((i) => (i % 2 ? ' vernieling ' : ''), 'P');
    expect(rows).toEqual([
      { category: 'drugsoverlast', source: 'BOA', n: 750 },
      { category: 'vernieling', source: 'BOA', n: 750 },
      { category: 'vernieling', source: 'vernieling', n: 250 },
      { category: null, source: 'bron.csv', n: 250 },
    ]);
  });
});
