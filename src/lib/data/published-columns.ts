/**
 * A published dataset's files read column by column without the database engine
 * (data/published-briefing.ts): DuckDB's Arrow output as typed arrays in the units the
 * connector's rows use (local epoch ms, numbers), and the GeoJSON layers as the rows
 * `SELECT * FROM <table>` gives once data/published.ts has inserted them.
 */
import { DataType, TimeUnit, tableFromIPC, type Vector } from 'apache-arrow';
import type { Feature, FeatureCollection } from 'geojson';
import { GEOJSON_TABLES, type GeoJsonTable } from './publish';
import { TABLES } from './schema';

const DAY = 86_400_000;
const HOUR = 3_600_000;
const TIMESTAMP = /^(\d{4})-(\d{2})-(\d{2})(?:[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d+))?)?$/;

/** 'YYYY-MM-DD[ HH:MM:SS[.fff]]' as local epoch ms (how DuckDB casts such a string). */
export function parseLocalTimestamp(value: string): number {
  const m = TIMESTAMP.exec(value);
  if (!m) throw new RangeError(`not a timestamp: ${value}`);
  const fraction = m[7] ? Math.floor(Number(`0.${m[7]}`) * 1000) : 0;
  return (
    Date.UTC(
      Number(m[1]),
      Number(m[2]) - 1,
      Number(m[3]),
      Number(m[4] ?? 0),
      Number(m[5] ?? 0),
      Number(m[6] ?? 0),
    ) + fraction
  );
}

/** ISO weekday (1 = Monday) and hour of a local epoch ms, as DuckDB's isodow() and hour(). */
export function isoWeekday(ms: number): number {
  return ((((Math.floor(ms / DAY) + 3) % 7) + 7) % 7) + 1;
}
export function hourOf(ms: number): number {
  return Math.floor((((ms % DAY) + DAY) % DAY) / HOUR);
}

const MS_PER_UNIT: Record<number, number> = {
  [TimeUnit.SECOND]: 1000,
  [TimeUnit.MILLISECOND]: 1,
  [TimeUnit.MICROSECOND]: 1 / 1000,
  [TimeUnit.NANOSECOND]: 1 / 1_000_000,
};

/**
 * A time or number column as a Float64Array, NaN where the value is NULL. Timestamps and
 * dates become local epoch ms (what the connector's rows hold); numbers stay numbers.
 */
function numberColumn(vector: Vector | null, length: number): Float64Array {
  const out = new Float64Array(length).fill(NaN);
  if (!vector) return out;
  const type = vector.type;
  const scale = DataType.isTimestamp(type)
    ? MS_PER_UNIT[type.unit]
    : DataType.isDate(type)
      ? type.unit === 0 /* DateUnit.DAY */
        ? DAY
        : 1
      : 1;
  let o = 0;
  for (const data of vector.data) {
    const values = data.values as ArrayLike<number | bigint>;
    for (let i = 0; i < data.length; i++, o++) {
      if (data.getValid(i)) out[o] = Number(values[data.offset + i]) * scale;
    }
  }
  return out;
}

/** A text column, read only where asked (most rows fall outside every window). */
export type TextAt = (row: number) => string | null;
function textColumn(vector: Vector | null): TextAt {
  if (!vector) return () => null;
  return (row) => (vector.get(row) as string | null) ?? null;
}

/** The columns of incidents or meldingen the briefing reads. */
export interface RecordColumns {
  length: number;
  /** When it happened: incidents occurred_from; meldingen happened_from, else reported_at. */
  t: Float64Array;
  /**
   * 1 where `t` is exact (record-filter precisionSql: time_precision 'exact', or a melding's
   * own incident window; files from before the column: all exact), 0 where only its day,
   * month or year is known.
   */
  exact: Uint8Array;
  lon: Float64Array;
  lat: Float64Array;
  theme: TextAt;
  buurtcode: TextAt;
}

export interface VisitColumns {
  length: number;
  started: Float64Array;
  target: TextAt;
  kind: TextAt;
  outcome: TextAt;
}

export function recordColumns(table: 'incidents' | 'meldingen', bytes: Uint8Array): RecordColumns {
  const arrow = tableFromIPC(bytes);
  const n = arrow.numRows;
  const column = (name: string) => arrow.getChild(name);
  let t: Float64Array;
  const precision = textColumn(column('time_precision'));
  const exact = new Uint8Array(n);
  for (let i = 0; i < n; i++) exact[i] = (precision(i) ?? 'exact') === 'exact' ? 1 : 0;
  if (table === 'incidents') {
    t = numberColumn(column('occurred_from'), n);
  } else {
    t = numberColumn(column('happened_from'), n);
    const reported = numberColumn(column('reported_at'), n);
    for (let i = 0; i < n; i++) {
      if (Number.isNaN(t[i])) t[i] = reported[i];
      else exact[i] = 1;
    }
  }
  return {
    length: n,
    t,
    exact,
    lon: numberColumn(column('lon'), n),
    lat: numberColumn(column('lat'), n),
    theme: textColumn(column('theme')),
    buurtcode: textColumn(column('buurtcode')),
  };
}

export function visitColumns(bytes: Uint8Array): VisitColumns {
  const arrow = tableFromIPC(bytes);
  return {
    length: arrow.numRows,
    started: numberColumn(arrow.getChild('started_at'), arrow.numRows),
    target: textColumn(arrow.getChild('target')),
    kind: textColumn(arrow.getChild('kind')),
    outcome: textColumn(arrow.getChild('outcome')),
  };
}

export type Row = Record<string, unknown>;

/** A GeoJSON layer's features as the rows `SELECT * FROM <table>` gives after publishing. */
export function geoJsonRows(table: GeoJsonTable, bytes: Uint8Array): Row[] {
  const collection = JSON.parse(new TextDecoder().decode(bytes)) as FeatureCollection;
  const whole = GEOJSON_TABLES[table] === 'geometry';
  return collection.features.map((feature: Feature) => {
    const row: Row = {};
    for (const column of TABLES[table]) {
      if (whole && column.name === 'geometry') {
        row.geometry = JSON.stringify(feature.geometry);
        continue;
      }
      const value = (feature.properties ?? {})[column.name] as unknown;
      row[column.name] = value === null || value === undefined ? null : typed(column.type, value);
    }
    return row;
  });
}

function typed(type: string, value: unknown): unknown {
  switch (type) {
    case 'DOUBLE':
    case 'INTEGER':
      return Number(value);
    case 'BOOLEAN':
      return String(value).toLowerCase() === 'true';
    case 'DATE':
    case 'TIMESTAMP':
      return parseLocalTimestamp(String(value));
    default:
      return String(value);
  }
}
