/**
 * Which property of a boundary file holds the code, name, inhabitants, level and parent
 * wijk of an area. CBS/PDOK spell the same field many ways — `buurtcode` (PDOK 2024),
 * `buurtCode` (PDOK OGC API, camelCase), `BU_CODE` (older CBS), `statcode` (simplified
 * national files) — so names are compared without case, underscores or spaces. An
 * analyst's column mapping (saved as a profile) overrides the recognition.
 */
import type { AreaLevel } from '../geojson-areas';

/** The fields an analyst can map; `parent` is the wijk of a buurt (or gemeente of a wijk). */
export const AREA_FIELDS = ['code', 'name', 'inhabitants', 'level', 'parent'] as const;
export type AreaField = (typeof AREA_FIELDS)[number];
/** Field → property name in the file. */
export type AreaMapping = Partial<Record<AreaField, string>>;

export const AREA_FIELD_LABELS: Record<AreaField, string> = {
  code: 'Gebiedscode',
  name: 'Naam',
  inhabitants: 'Aantal inwoners',
  level: 'Niveau (gemeente, wijk of buurt)',
  parent: 'Code van de wijk (bij buurten) of gemeente (bij wijken)',
};

/** A property name compared without case and separators: `WK_CODE` → `wkcode`. */
export function fieldKey(name: string): string {
  return name.toLowerCase().replace(/[^a-z0-9]/g, '');
}

const CODE_KEYS: Record<AreaLevel, string[]> = {
  buurt: ['buurtcode', 'bucode', 'codebuurt'],
  wijk: ['wijkcode', 'wkcode', 'codewijk'],
  gemeente: ['gemeentecode', 'gmcode', 'codegemeente'],
};
const NAME_KEYS: Record<AreaLevel, string[]> = {
  buurt: ['buurtnaam', 'bunaam', 'naambuurt'],
  wijk: ['wijknaam', 'wknaam', 'naamwijk'],
  gemeente: ['gemeentenaam', 'gmnaam', 'naamgemeente'],
};
const GENERIC_CODE_KEYS = ['statcode', 'code', 'gebiedscode', 'areacode'];
const GENERIC_NAME_KEYS = ['statnaam', 'naam', 'name', 'gebiedsnaam', 'omschrijving'];
const INHABITANT_KEYS = ['aantalinwoners', 'aantinw', 'inwoners', 'aantalinw', 'bevolking'];
const LEVEL_KEYS = ['niveau', 'level', 'gebiedsniveau', 'soortgebied', 'typegebied'];
const WATER_KEYS = ['water'];
const YEAR_KEYS = ['jaar', 'jaarcode', 'year'];
const PARENT_LEVEL: Record<AreaLevel, AreaLevel | null> = {
  buurt: 'wijk',
  wijk: 'gemeente',
  gemeente: null,
};
const LEVEL_PREFIX: Record<string, AreaLevel> = { BU: 'buurt', WK: 'wijk', GM: 'gemeente' };

/** The properties found by recognition (or mapping) in one file. */
export interface AreaFieldNames {
  /** Level → its code property (the most specific present decides a feature's level). */
  levelCodes: Partial<Record<AreaLevel, string>>;
  levelNames: Partial<Record<AreaLevel, string>>;
  genericCode: string | null;
  genericName: string | null;
  inhabitants: string | null;
  level: string | null;
  water: string | null;
  year: string | null;
  /** Mapped by the analyst: these win over recognition. */
  mapped: AreaMapping;
}

function findKey(names: readonly string[], keys: readonly string[]): string | null {
  for (const key of keys) {
    const hit = names.find((n) => fieldKey(n) === key);
    if (hit !== undefined) return hit;
  }
  return null;
}

export function recogniseAreaFields(
  propertyNames: readonly string[],
  mapping: AreaMapping = {},
): AreaFieldNames {
  const levelCodes: AreaFieldNames['levelCodes'] = {};
  const levelNames: AreaFieldNames['levelNames'] = {};
  for (const level of ['buurt', 'wijk', 'gemeente'] as const) {
    const code = findKey(propertyNames, CODE_KEYS[level]);
    const name = findKey(propertyNames, NAME_KEYS[level]);
    if (code) levelCodes[level] = code;
    if (name) levelNames[level] = name;
  }
  const present = new Set(propertyNames);
  const mapped = Object.fromEntries(
    Object.entries(mapping).filter(([, column]) => column && present.has(column)),
  ) as AreaMapping;
  return {
    levelCodes,
    levelNames,
    genericCode: findKey(propertyNames, GENERIC_CODE_KEYS),
    genericName: findKey(propertyNames, GENERIC_NAME_KEYS),
    inhabitants: findKey(propertyNames, INHABITANT_KEYS),
    level: findKey(propertyNames, LEVEL_KEYS),
    water: findKey(propertyNames, WATER_KEYS),
    year: findKey(propertyNames, YEAR_KEYS),
    mapped,
  };
}

/** The suggested mapping for the screen: what recognition found, per mappable field. */
export function suggestAreaMapping(
  propertyNames: readonly string[],
  level: AreaLevel | null,
): AreaMapping {
  const f = recogniseAreaFields(propertyNames);
  const lvl = level ?? (['buurt', 'wijk', 'gemeente'] as const).find((l) => f.levelCodes[l]);
  const parentLevel = lvl ? PARENT_LEVEL[lvl] : null;
  const suggestion: AreaMapping = {
    code: (lvl && f.levelCodes[lvl]) ?? f.genericCode ?? undefined,
    name: (lvl && f.levelNames[lvl]) ?? f.genericName ?? undefined,
    inhabitants: f.inhabitants ?? undefined,
    level: f.level ?? undefined,
    parent: (parentLevel && f.levelCodes[parentLevel]) ?? undefined,
  };
  return Object.fromEntries(
    Object.entries(suggestion).filter(([, v]) => v !== undefined),
  ) as AreaMapping;
}

/** A level word or code prefix (`buurt`, `Wijken`, `GM`, `BU0363AD07`) → level. */
export function parseLevelValue(value: unknown): AreaLevel | null {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().toLowerCase();
  if (text.startsWith('buurt')) return 'buurt';
  if (text.startsWith('wijk')) return 'wijk';
  if (text.startsWith('gemeente')) return 'gemeente';
  return LEVEL_PREFIX[text.slice(0, 2).toUpperCase()] ?? null;
}

type Props = Record<string, unknown>;
const present = (v: unknown) => v !== undefined && v !== null && String(v).trim() !== '';
const textOf = (v: unknown): string | null => (present(v) ? String(v).trim() : null);

/** What one feature says about itself, before geometry. */
export interface AreaAttributes {
  level: AreaLevel | null;
  /** False for a names-only file: then codes are generated. */
  hasCodeColumn: boolean;
  code: string | null;
  name: string | null;
  parent: string | null;
  inhabitants: unknown;
  water: unknown;
  year: unknown;
  /** The gemeente named in the feature (code, name), for a derived outline. */
  gemeenteCode: string | null;
  gemeenteName: string | null;
}

/**
 * The level of a feature: a mapped or recognised level column, the most specific code
 * property of the file, the prefix of a generic code (`statcode`), else the level the
 * analyst chose for files that do not say (names only).
 */
function featureLevel(
  props: Props,
  f: AreaFieldNames,
  fallback: AreaLevel | null,
): AreaLevel | null {
  const levelColumn = f.mapped.level ?? f.level;
  const fromColumn = levelColumn ? parseLevelValue(props[levelColumn]) : null;
  if (fromColumn) return fromColumn;
  const fromCode = f.mapped.code ? parseLevelValue(props[f.mapped.code]) : null;
  if (fromCode) return fromCode;
  // The most specific code column of the file: a buurt row also names its wijk and gemeente.
  for (const level of ['buurt', 'wijk', 'gemeente'] as const) if (f.levelCodes[level]) return level;
  return (f.genericCode ? parseLevelValue(props[f.genericCode]) : null) ?? fallback;
}

export function readAreaAttributes(
  props: Props,
  f: AreaFieldNames,
  fallbackLevel: AreaLevel | null,
): AreaAttributes {
  const level = featureLevel(props, f, fallbackLevel);
  const own = (table: AreaFieldNames['levelCodes']) => (level ? table[level] : undefined);
  const parentLevel = level ? PARENT_LEVEL[level] : null;
  const codeColumn = f.mapped.code ?? own(f.levelCodes) ?? f.genericCode;
  const nameColumn = f.mapped.name ?? own(f.levelNames) ?? f.genericName;
  const parentColumn = f.mapped.parent ?? (parentLevel ? f.levelCodes[parentLevel] : undefined);
  const inhabitantsColumn = f.mapped.inhabitants ?? f.inhabitants;
  return {
    level,
    hasCodeColumn: codeColumn !== undefined && codeColumn !== null,
    code: codeColumn ? textOf(props[codeColumn]) : null,
    name: nameColumn ? textOf(props[nameColumn]) : null,
    parent: parentColumn ? textOf(props[parentColumn]) : null,
    inhabitants: inhabitantsColumn ? props[inhabitantsColumn] : null,
    water: f.water ? props[f.water] : null,
    year: f.year ? props[f.year] : null,
    gemeenteCode: f.levelCodes.gemeente ? textOf(props[f.levelCodes.gemeente]) : null,
    gemeenteName: f.levelNames.gemeente ? textOf(props[f.levelNames.gemeente]) : null,
  };
}

/** The code prefix CBS uses per level; generated codes keep it so the level stays visible. */
export const LEVEL_CODE_PREFIX: Record<AreaLevel, string> = {
  buurt: 'BU',
  wijk: 'WK',
  gemeente: 'GM',
};

/**
 * A stable code for an area known by name only: the CBS prefix, `X` (no CBS code has it
 * there) and a hash of the name, so the same file gives the same codes next year and
 * records keep their area. Equal names get a running number in the hash.
 */
export function generatedAreaCode(level: AreaLevel, name: string, occurrence: number): string {
  const text = `${level}\u0000${name.trim().toLowerCase()}\u0000${occurrence}`;
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${LEVEL_CODE_PREFIX[level]}X${hash.toString(16).toUpperCase().padStart(8, '0')}`;
}
