/**
 * Strict checks of builder arguments that arrive from outside (a server gets a builder
 * name and its arguments as JSON; data/queries/registry.ts): every type, length and key
 * checked before a builder sees them, with a Dutch message naming the wrong argument.
 * A check returns that message, or null when the value is fine.
 */
import { MAX_NORM_DAYS } from '../../analysis/melding-handling';
import { RECORD_TABLES } from '../schema';

export type Check = (value: unknown, at: string) => string | null;

/** Longest text and longest list an argument may hold. */
const MAX_TEXT = 200;
const MAX_LIST = 1000;

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

export const text =
  (max = MAX_TEXT): Check =>
  (v, at) =>
    typeof v === 'string' && v.length <= max
      ? null
      : `${at}: verwacht een tekst van hoogstens ${max} tekens`;

export const oneOf =
  (values: readonly (string | number | boolean)[]): Check =>
  (v, at) =>
    values.includes(v as string) ? null : `${at}: verwacht een van ${values.join(', ')}`;

export const int =
  (min: number, max: number): Check =>
  (v, at) =>
    Number.isInteger(v) && (v as number) >= min && (v as number) <= max
      ? null
      : `${at}: verwacht een geheel getal van ${min} tot en met ${max}`;

export const num: Check = (v, at) =>
  typeof v === 'number' && Number.isFinite(v) ? null : `${at}: verwacht een eindig getal`;

const pattern =
  (re: RegExp, what: string): Check =>
  (v, at) =>
    typeof v === 'string' && re.test(v) ? null : `${at}: verwacht ${what}`;

/** Local wall-clock 'YYYY-MM-DD HH:MM:SS'. */
export const timestamp = pattern(
  /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/,
  "een tijdstip 'JJJJ-MM-DD UU:MM:SS'",
);
/** A local date 'YYYY-MM-DD'. */
export const date = pattern(/^\d{4}-\d{2}-\d{2}$/, "een datum 'JJJJ-MM-DD'");

/** Absent (undefined) or the check. */
export const optional =
  (check: Check): Check =>
  (v, at) =>
    v === undefined ? null : check(v, at);

/** null or the check. */
export const nullable =
  (check: Check): Check =>
  (v, at) =>
    v === null ? null : check(v, at);

export const list =
  (item: Check, { min = 0, max = MAX_LIST }: { min?: number; max?: number } = {}): Check =>
  (v, at) => {
    if (!Array.isArray(v) || v.length < min || v.length > max) {
      return `${at}: verwacht een lijst van ${min} tot ${max} waarden`;
    }
    for (const [i, x] of v.entries()) {
      const error = item(x, `${at}[${i}]`);
      if (error) return error;
    }
    return null;
  };

/** An object with exactly these keys (those given as optional(…) may be absent). */
export const record =
  (fields: Record<string, Check>): Check =>
  (v, at) => {
    if (!isObject(v)) return `${at}: verwacht een object`;
    for (const key of Object.keys(v)) {
      if (!Object.hasOwn(fields, key)) return `${at}: onbekend veld '${key.slice(0, 40)}'`;
    }
    for (const [key, check] of Object.entries(fields)) {
      const error = check(v[key], `${at}.${key}`);
      if (error) return error;
    }
    return null;
  };

/** An object of text keys (at most MAX_LIST) with values of one check. */
export const dictionary =
  (value: Check): Check =>
  (v, at) => {
    if (!isObject(v)) return `${at}: verwacht een object`;
    const entries = Object.entries(v);
    if (entries.length > MAX_LIST) return `${at}: meer dan ${MAX_LIST} velden`;
    for (const [key, x] of entries) {
      const error = text()(key, `${at} (sleutel)`) ?? value(x, `${at}.${key.slice(0, 40)}`);
      if (error) return error;
    }
    return null;
  };

/** One of several object shapes, told apart by the value of `tag`. */
export const tagged =
  (tag: string, shapes: Record<string, Check>): Check =>
  (v, at) => {
    if (!isObject(v) || typeof v[tag] !== 'string' || !Object.hasOwn(shapes, v[tag])) {
      return `${at}.${tag}: verwacht een van ${Object.keys(shapes).join(', ')}`;
    }
    return shapes[v[tag]](v, at);
  };

/** The arguments of a builder: an array of at most `checks.length` values. */
export function argsOf(...checks: Check[]): (args: unknown) => string | null {
  return (args) => {
    if (!Array.isArray(args)) return 'argumenten: verwacht een lijst';
    if (args.length > checks.length) {
      return `argumenten: verwacht hoogstens ${checks.length}, niet ${args.length}`;
    }
    for (const [i, check] of checks.entries()) {
      const error = check(args[i], `argument ${i + 1}`);
      if (error) return error;
    }
    return null;
  };
}

const texts = list(text());

/** The source tables: one to all of RECORD_TABLES, each once. */
export const tables: Check = (v, at) =>
  list(oneOf(RECORD_TABLES), { min: 1, max: RECORD_TABLES.length })(v, at) ??
  (new Set(v as string[]).size === (v as string[]).length
    ? null
    : `${at}: een tabel staat er dubbel in`);

/** The shared filter (data/sql/record-filter.ts RecordFilter). */
export const filter: Check = record({
  from: optional(timestamp),
  to: optional(timestamp),
  themes: optional(texts),
  categories: optional(texts),
  outcomes: optional(texts),
  months: optional(list(int(1, 12))),
  hours: optional(list(int(0, 23))),
  weekdays: optional(list(int(1, 7))),
  wijkcodes: optional(texts),
  buurtcodes: optional(texts),
  gemeenten: optional(texts),
  bbox: optional(list(num, { min: 4, max: 4 })),
});

/** The lon/lat → RD polynomial (analysis/rd-polynomial.ts). */
export const rd: Check = record({
  lon0: num,
  lat0: num,
  halfLon: num,
  halfLat: num,
  cx: list(num, { min: 10, max: 10 }),
  cy: list(num, { min: 10, max: 10 }),
  maxErrorM: num,
});

/** A hexagon circumradius in metres (hex-grid.ts): 25 m to 50 km. */
export const hexSize = int(25, 50_000);

/** A period of local dates, both inclusive (management.ts DatePeriod). */
export const datePeriod = record({ from: date, to: date });

/** The melding handling norms (analysis/melding-handling.ts HandlingNorms). */
export const norms = record({
  defaultDays: int(1, MAX_NORM_DAYS),
  byCategory: dictionary(int(1, MAX_NORM_DAYS)),
});

export const box = nullable(list(num, { min: 4, max: 4 }));
