/**
 * Builds `import_conv`: one row per staged row with typed canonical values, the numeric
 * coordinates, and the first reason (Dutch) why the row cannot be stored plus the value
 * that caused it. Later stages add location, theme and duplicate checks.
 */
import type { Connector } from '../connector';
import type { RecordKind } from './column-mapping';
import {
  columnSql,
  isInSpringGapSql,
  parseDateSql,
  parseNumberSql,
  shiftSpringGapSql,
  sqlLiteral,
  timeExpression,
  TIME_SPECS,
} from './convert-sql';
import type { ImportPlan } from './plan';

export type RecordImportKind = Exclude<RecordKind, 'areas'>;

/** Dutch names of the canonical time columns, for reasons in the report. */
export const TIME_LABELS: Record<string, string> = {
  occurred_from: 'Datum/tijd',
  occurred_to: 'Einddatum/-tijd',
  reported_at: 'Meldingsdatum',
  happened_from: 'Voorval vanaf',
  happened_to: 'Voorval tot',
  closed_at: 'Afgehandeld op',
  started_at: 'Begin bezoek',
  ended_at: 'Einde bezoek',
  vacant_since: 'Leeg sinds',
};

/** Text columns per kind: canonical name → import field. */
export const TEXT_FIELDS: Record<RecordImportKind, string[]> = {
  incidents: ['theme', 'category', 'outcome', 'source'],
  meldingen: ['main_category', 'sub_category', 'theme', 'status', 'source'],
  visits: ['kind', 'theme', 'target', 'outcome', 'buurtcode', 'wijkcode'],
  buildings: ['kind', 'source', 'status'],
};

/** Pairs (from, to) that must not be reversed. */
const WINDOWS: Record<RecordImportKind, [string, string][]> = {
  incidents: [['occurred_from', 'occurred_to']],
  meldingen: [['happened_from', 'happened_to']],
  visits: [['started_at', 'ended_at']],
  buildings: [],
};

interface Check {
  when: string;
  reason: string;
  detail: string;
}

export const EARLIEST_YEAR = 1990;

export function buildConvertSql(
  plan: ImportPlan,
  now: Date = new Date(),
  source = 'import_raw',
  target = 'import_conv',
): string {
  const kind = plan.kind as RecordImportKind;
  const select: string[] = ['r.rn'];
  const checks: Check[] = [];
  const id = columnSql(plan, 'id');
  select.push(`${id ?? 'CAST(NULL AS VARCHAR)'} AS id`);
  checks.push({
    when: `${id ?? 'NULL'} IS NULL`,
    reason: 'Registratienummer ontbreekt',
    detail: 'NULL',
  });

  const latestYear = now.getFullYear() + 1;
  const gapChecks: string[] = [];
  for (const spec of TIME_SPECS[kind]) {
    const label = TIME_LABELS[spec.target];
    const expr = timeExpression(plan, spec);
    if (!expr) {
      if (spec.required)
        checks.push({ when: 'TRUE', reason: `${label} ontbreekt`, detail: 'NULL' });
      select.push(`CAST(NULL AS TIMESTAMP) AS ${spec.target}`);
      continue;
    }
    select.push(`${shiftSpringGapSql(expr.parsed)} AS ${spec.target}`);
    gapChecks.push(`CASE WHEN ${isInSpringGapSql(expr.parsed)} THEN 1 ELSE 0 END`);
    if (spec.required)
      checks.push({ when: `${expr.raw} IS NULL`, reason: `${label} ontbreekt`, detail: 'NULL' });
    checks.push({
      when: `${expr.raw} IS NOT NULL AND ${expr.parsed} IS NULL`,
      reason: `${label} onleesbaar`,
      detail: expr.raw,
    });
    checks.push({
      when: `year(${expr.parsed}) NOT BETWEEN ${EARLIEST_YEAR} AND ${latestYear}`,
      reason: `${label} buiten ${EARLIEST_YEAR}–${latestYear}`,
      detail: expr.raw,
    });
  }
  select.push(`${gapChecks.length ? gapChecks.join(' + ') : '0'} AS gap_shifted`);
  for (const [from, to] of WINDOWS[kind]) {
    if (select.some((s) => s.endsWith(` AS ${to}`) && !s.startsWith('CAST(NULL'))) {
      const [f, t] = [extract(select, from), extract(select, to)];
      checks.push({
        when: `${t} < ${f}`,
        reason: `${TIME_LABELS[to]} ligt vóór ${TIME_LABELS[from].toLowerCase()}`,
        detail: `CAST(${t} AS VARCHAR)`,
      });
    }
  }

  for (const field of TEXT_FIELDS[kind]) {
    const value = columnSql(plan, field);
    const fallback = field === 'source' ? sqlLiteral(plan.sourceLabel) : 'CAST(NULL AS VARCHAR)';
    select.push(`${value ? `coalesce(${value}, ${fallback})` : fallback} AS ${field}`);
  }
  if (kind === 'visits') {
    checks.push({
      when: `${columnSql(plan, 'kind') ?? 'NULL'} IS NULL`,
      reason: 'Soort bezoek ontbreekt',
      detail: 'NULL',
    });
  }

  const [xField, yField] = plan.columns.lon !== undefined ? ['lon', 'lat'] : ['x', 'y'];
  const x = columnSql(plan, xField);
  const y = columnSql(plan, yField);
  select.push(`${x ? parseNumberSql(x, plan.numbers) : 'CAST(NULL AS DOUBLE)'} AS x_num`);
  select.push(`${y ? parseNumberSql(y, plan.numbers) : 'CAST(NULL AS DOUBLE)'} AS y_num`);
  const areaCode =
    kind === 'visits'
      ? `coalesce(${columnSql(plan, 'buurtcode') ?? 'NULL'}, ${columnSql(plan, 'wijkcode') ?? 'NULL'})`
      : 'NULL';
  if (x && y) {
    checks.push({
      when: `${x} IS NULL AND ${y} IS NULL AND ${areaCode} IS NULL`,
      reason: 'Locatie ontbreekt',
      detail: 'NULL',
    });
    checks.push({
      when: `(${x} IS NOT NULL OR ${y} IS NOT NULL) AND (${parseNumberSql(x, plan.numbers)} IS NULL OR ${parseNumberSql(y, plan.numbers)} IS NULL)`,
      reason: 'Coördinaten onleesbaar',
      detail: `concat_ws(' ', ${x}, ${y})`,
    });
  } else if (kind !== 'visits') {
    checks.push({ when: 'TRUE', reason: 'Locatie ontbreekt', detail: 'NULL' });
  }

  const reason = `CASE ${checks.map((c) => `WHEN ${c.when} THEN ${sqlLiteral(c.reason)}`).join(' ')} END`;
  const detail = `CASE ${checks.map((c) => `WHEN ${c.when} THEN CAST(${c.detail} AS VARCHAR)`).join(' ')} END`;
  return `CREATE OR REPLACE TABLE ${target} AS SELECT ${select.join(',\n  ')},
  ${reason} AS reason,
  ${detail} AS detail
FROM ${source} r`;
}

/** The expression selected under `AS name` (for window checks on parsed values). */
function extract(select: string[], name: string): string {
  const entry = select.find((s) => s.endsWith(` AS ${name}`))!;
  return entry.slice(0, entry.length - ` AS ${name}`.length);
}

export async function convertStaged(conn: Connector, plan: ImportPlan, now?: Date): Promise<void> {
  await conn.exec(buildConvertSql(plan, now));
}

export { parseDateSql };
