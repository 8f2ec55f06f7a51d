/**
 * Stored area levels as the hierarchy needs them: read a level back, set parents, and keep
 * the derived gemeente outline in step with the areas it was derived from. A derived outline
 * (the dissolved union of the wijken, else the buurten, when no gemeente was imported) is
 * stored under the dataset 'afgeleid:<dataset of its areas>': an import of wijken or
 * buurten renews it (areas.ts), and removing areas removes it or derives it again from what
 * remains (renewDerivedGemeente), so no outline of removed areas is left on the map.
 */
import { buildArrowTable } from '../arrow-build';
import type { Connector } from '../connector';
import { bboxOf, type AreaLevel, type AreaRow } from '../geojson-areas';
import { insertAreas } from '../places';
import {
  deriveGemeenteCode,
  deriveParents,
  dissolveOutline,
  type HierarchyArea,
} from './area-hierarchy';

/** Derived gemeente outlines carry this dataset prefix, so a later change can renew them. */
export const DERIVED_DATASET_PREFIX = 'afgeleid:';

export type StoredArea = HierarchyArea & { dataset: string };

export async function loadLevel(conn: Connector, level: AreaLevel): Promise<StoredArea[]> {
  const rows = await conn.query<{
    code: string;
    parent: string | null;
    geometry: string;
    dataset: string;
  }>({
    sql: 'SELECT code, parent, geometry, dataset FROM areas WHERE level = ? ORDER BY code',
    params: [level],
  });
  return rows.map((r) => ({ ...r, geometry: JSON.parse(r.geometry) }));
}

export async function updateParents(
  conn: Connector,
  level: AreaLevel,
  changes: Map<string, string | null>,
): Promise<void> {
  if (changes.size === 0) return;
  await conn.exec('DROP TABLE IF EXISTS stage_area_parents');
  await conn.insertArrow(
    buildArrowTable([
      { name: 'code', kind: 'text', values: [...changes.keys()] },
      { name: 'parent', kind: 'text', values: [...changes.values()] },
    ]),
    'stage_area_parents',
    { create: true },
  );
  await conn.query({
    sql: `UPDATE areas SET parent = s.parent FROM stage_area_parents s
          WHERE areas.level = ? AND areas.code = s.code`,
    params: [level],
  });
  await conn.exec('DROP TABLE stage_area_parents');
}

/**
 * Replaces every stored gemeente with the outline of `base` (wijken or buurten) under the
 * dataset 'afgeleid:' + `dataset`. `named` is the gemeente's code when known; else it is
 * derived from the areas' codes (deriveGemeenteCode).
 */
export async function storeDerivedGemeente(
  conn: Connector,
  base: readonly HierarchyArea[],
  gemeente: { code: string | null; name: string | null },
  dataset: string,
): Promise<StoredArea> {
  const outline = dissolveOutline(base);
  const code = deriveGemeenteCode(
    gemeente.code ?? base.map((a) => a.parent).find((p) => p?.startsWith('GM')) ?? null,
    base.map((a) => a.code),
  );
  const row: AreaRow = {
    code,
    name: gemeente.name,
    level: 'gemeente',
    parent: null,
    inhabitants: null,
    water: false,
    year: null,
    geometry: outline,
    bbox: bboxOf(outline),
  };
  await conn.query({ sql: "DELETE FROM areas WHERE level = 'gemeente'" });
  await insertAreas(conn, [row], DERIVED_DATASET_PREFIX + dataset);
  return { code, parent: null, geometry: outline, dataset };
}

/**
 * After areas were removed: a gemeente boundary that was imported stays as it is; a derived
 * outline (or none, when the imported gemeente went) is derived again from the wijken, else
 * the buurten, that remain — keeping its code and name, so wijken still belong to it — and
 * removed when none remain. Call inside the removal's transaction.
 */
export async function renewDerivedGemeente(conn: Connector): Promise<void> {
  const gemeenten = await conn.query<{ code: string; name: string | null; dataset: string }>({
    sql: "SELECT code, name, dataset FROM areas WHERE level = 'gemeente' ORDER BY code",
  });
  if (gemeenten.some((g) => !g.dataset.startsWith(DERIVED_DATASET_PREFIX))) return;
  const wijken = await loadLevel(conn, 'wijk');
  const base = wijken.length ? wijken : await loadLevel(conn, 'buurt');
  if (base.length === 0) {
    await conn.query({ sql: "DELETE FROM areas WHERE level = 'gemeente'" });
    return;
  }
  const previous = gemeenten[0] ?? { code: null, name: null };
  const gemeente = await storeDerivedGemeente(conn, base, previous, base[0].dataset);
  if (wijken.length) await updateParents(conn, 'wijk', deriveParents(wijken, [gemeente]));
}
