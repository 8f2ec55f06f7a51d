/**
 * The gemeente (CBS code, `GMnnnn`) of every stored row (schema 2), so that a region's data
 * can be partitioned and scoped per municipality (issue 25). One workspace holds one
 * municipality; a region's publication holds several, each row with its own code.
 *
 * A row gets the gemeente of the area it lies in (its buurt, else its wijk); rows in no
 * area, and every row of a workspace without areas, get the workspace's own gemeente
 * (ownGemeenteCode): the code of the gemeente boundary that is loaded (a derived outline
 * counts with the code it was given); else the four digits CBS puts in every wijk and
 * buurt code (`WK022601` → `GM0226`); else a code made from the municipality's name as
 * typed when it was set up (issue 22), `GMX` and eight hex digits (generatedAreaCode);
 * else the same generated code for the name "gemeente" — stable, and the code a derived
 * outline without a CBS code gets. The demo municipality Donderdeel is `GM9901` (its
 * boundary's code, data/gemeente.geojson; fictional: CBS codes stop below GM2000).
 *
 * Data from before schema 2 (workspace files, this browser's saved workspace,
 * publications of schema 1) loads with NULL there and is filled in once on load
 * (fillGemeente); imports fill their new rows the same way.
 */
import type { Connector } from './connector';
import { generatedAreaCode } from './import/area-fields';
import { RECORD_TABLES, TABLE_NAMES, type TableName } from './schema';

/** Tables whose rows carry a gemeente: everything but the configuration (theme_mapping). */
export const GEMEENTE_TABLES = TABLE_NAMES.filter(
  (t): t is Exclude<TableName, 'theme_mapping'> => t !== 'theme_mapping',
);

/** Tables placed in a buurt and wijk by their own columns. */
const PLACED_TABLES = ['incidents', 'meldingen', 'visits', 'buildings', 'watch_locations'] as const;

/** `GM` and four digits: a code as CBS gives it. */
export const CBS_GEMEENTE_CODE = /^GM\d{4}$/;

/** The code a municipality known only by `name` gets (the module comment). */
export function namedGemeenteCode(name: string | null | undefined): string {
  return generatedAreaCode('gemeente', name?.trim() || 'gemeente', 0);
}

/**
 * The workspace's own gemeente (see the module comment), for rows that no area places.
 * `municipality`: the name typed when the municipality was set up, if any.
 */
export async function ownGemeenteCode(
  conn: Connector,
  municipality?: string | null,
): Promise<string> {
  const [{ boundary }] = await conn.query<{ boundary: string | null }>({
    sql: "SELECT min(code) AS boundary FROM areas WHERE level = 'gemeente'",
  });
  if (boundary) return boundary;
  const codes = RECORD_TABLES.map((t) => `SELECT DISTINCT coalesce(buurtcode, wijkcode) FROM ${t}`);
  const [{ digits }] = await conn.query<{ digits: string | null }>({
    sql: `SELECT min(d) AS digits FROM (
        SELECT regexp_extract(c, '^(?:WK|BU)(\\d{4})', 1) AS d
        FROM (SELECT code AS c FROM areas UNION ALL ${codes.join(' UNION ALL ')})
      ) WHERE d <> ''`,
  });
  return digits ? `GM${digits}` : namedGemeenteCode(municipality);
}

/** Whether any row lacks its gemeente (data of schema 1, or rows just inserted). */
async function anyWithout(conn: Connector): Promise<boolean> {
  const [{ n }] = await conn.query<{ n: number }>({
    sql: `SELECT (${GEMEENTE_TABLES.map((t) => `(SELECT count(*) FROM (SELECT 1 FROM ${t} WHERE gemeente IS NULL LIMIT 1))`).join(' + ')})::INTEGER AS n`,
  });
  return n > 0;
}

/** True when every area is in the gemeente `own` (or there are none). */
async function onlyOwn(conn: Connector, own: string): Promise<boolean> {
  const [{ other }] = await conn.query<{ other: number }>({
    sql: 'SELECT count(*)::INTEGER AS other FROM areas WHERE gemeente IS DISTINCT FROM ?',
    params: [own],
  });
  return other === 0;
}

/**
 * The gemeente new records get when every one of them gets the same (all areas are in the
 * workspace's own gemeente, or there are none), so an import writes it straight away; null
 * when the areas span several gemeenten: then insert NULL and call fillGemeente.
 */
export async function gemeenteOfNewRows(
  conn: Connector,
  municipality?: string | null,
): Promise<string | null> {
  const own = await ownGemeenteCode(conn, municipality);
  return (await onlyOwn(conn, own)) ? own : null;
}

/** The areas' gemeente (`which`: the rows to fill), the workspace's own where none is found. */
async function fillAreas(conn: Connector, own: string, which: string): Promise<void> {
  // A gemeente is its own; a wijk belongs to its parent gemeente, a buurt to its wijk's.
  await conn.query({
    sql: `UPDATE areas SET gemeente = code WHERE level = 'gemeente' AND ${which}`,
  });
  await conn.query({
    sql: `UPDATE areas SET gemeente = coalesce((SELECT min(g.code) FROM areas g
        WHERE g.level = 'gemeente' AND g.code = areas.parent), ?)
      WHERE level = 'wijk' AND ${which}`,
    params: [own],
  });
  await conn.query({
    sql: `UPDATE areas SET gemeente = coalesce((SELECT min(w.gemeente) FROM areas w
        WHERE w.level = 'wijk' AND w.code = areas.parent), ?)
      WHERE level = 'buurt' AND ${which}`,
    params: [own],
  });
  // Any other level (none is made today): the workspace's own.
  await conn.query({ sql: 'UPDATE areas SET gemeente = ? WHERE gemeente IS NULL', params: [own] });
}

/**
 * Fills the areas' gemeente before any record is in (loading the demo), and returns the
 * gemeente the new records and places get: gemeenteOfNewRows.
 */
export async function fillAreasFirst(
  conn: Connector,
  municipality?: string | null,
): Promise<string | null> {
  const own = await ownGemeenteCode(conn, municipality);
  await fillAreas(conn, own, 'gemeente IS NULL');
  return (await onlyOwn(conn, own)) ? own : null;
}

export interface FillOptions {
  /** The municipality's name as set up (issue 22), used only when the data names no code. */
  municipality?: string | null;
  /** Every row again (after the areas changed), not only those without a gemeente. */
  all?: boolean;
}

/**
 * Gives every row without a gemeente (with `all`: every row) the gemeente of its area, else
 * the workspace's own (module comment). Call inside the loading or import transaction.
 */
export async function fillGemeente(conn: Connector, options: FillOptions = {}): Promise<void> {
  const which = options.all ? 'TRUE' : 'gemeente IS NULL';
  if (!options.all && !(await anyWithout(conn))) return;
  const own = await ownGemeenteCode(conn, options.municipality);
  await fillAreas(conn, own, which);
  const single = await onlyOwn(conn, own);
  for (const table of PLACED_TABLES) {
    if (single) {
      // One municipality (the usual workspace): no lookup per row, and rows that have the
      // code already are not written again (an area import over a million records).
      await conn.query(
        options.all
          ? {
              sql: `UPDATE ${table} SET gemeente = ? WHERE gemeente IS DISTINCT FROM ?`,
              params: [own, own],
            }
          : { sql: `UPDATE ${table} SET gemeente = ? WHERE gemeente IS NULL`, params: [own] },
      );
      continue;
    }
    const of = (level: string, column: string) =>
      `(SELECT min(a.gemeente) FROM areas a WHERE a.level = '${level}' AND a.code = ${table}.${column})`;
    await conn.query({
      sql: `UPDATE ${table} SET gemeente = coalesce(${of('buurt', 'buurtcode')}, ${of('wijk', 'wijkcode')}, ?)
        WHERE ${which}`,
      params: [own],
    });
  }
  await conn.query({ sql: `UPDATE interventions SET gemeente = ? WHERE ${which}`, params: [own] });
}
