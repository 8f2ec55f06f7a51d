/**
 * Boundary features → `areas` rows: per feature its level, code (or a generated one for
 * names only), name, parent, inhabitants and a checked geometry; per rejected feature a
 * Dutch reason. Pure: no database.
 */
import { bboxOf, type AreaLevel, type AreaRow } from '../geojson-areas';
import {
  generatedAreaCode,
  readAreaAttributes,
  recogniseAreaFields,
  type AreaFieldNames,
  type AreaMapping,
} from './area-fields';
import { checkAreaGeometry } from './area-geometry';
import { parseInhabitants } from './inhabitants';
import type { AreaSource } from './area-sources';
import { ImportError } from './stage';

export interface AreaParseOptions {
  /** The level for files that do not say (names only). */
  level?: AreaLevel | null;
  mapping?: AreaMapping;
}

export interface ParsedAreas {
  rows: AreaRow[];
  rejected: { feature: number; reason: string }[];
  repaired: { feature: number; repairs: string[] }[];
  generatedCodes: number;
  /** The gemeente the features name, for a derived outline. */
  gemeente: { code: string | null; name: string | null };
  propertyNames: string[];
}

const SAMPLE = 200;

/** Every property name of the first features of a layer (files rarely vary further down). */
export function areaPropertyNames(source: AreaSource, layer?: string): string[] {
  const names = new Set<string>();
  const features = source.features.filter((f) => layer === undefined || f.layer === layer);
  for (const f of features.slice(0, SAMPLE)) {
    Object.keys(f.properties).forEach((k) => names.add(k));
  }
  return [...names];
}

/** Recognised fields per layer (a GeoPackage has a table per level; other files one layer). */
function fieldsPerLayer(
  source: AreaSource,
  mapping: AreaMapping | undefined,
): Map<string | undefined, AreaFieldNames> {
  const layers = new Map<string | undefined, AreaFieldNames>();
  for (const layer of new Set(source.features.map((f) => f.layer))) {
    layers.set(layer, recogniseAreaFields(areaPropertyNames(source, layer), mapping));
  }
  return layers;
}

function toWater(value: unknown): boolean {
  if (value === true || value === 1) return true;
  return ['JA', 'J', 'TRUE', 'WATER'].includes(
    String(value ?? '')
      .trim()
      .toUpperCase(),
  );
}

function toYear(value: unknown): number | null {
  const n = Number(String(value ?? '').slice(0, 4));
  return Number.isInteger(n) && n > 1800 && n < 3000 ? n : null;
}

const LEVEL_HELP =
  'Kies het niveau (gemeente, wijk of buurt) bij ‘Niveau’ (of met --level), of koppel de kolom met de gebiedscode.';

export function parseAreaSource(source: AreaSource, options: AreaParseOptions = {}): ParsedAreas {
  const propertyNames = areaPropertyNames(source);
  const layerFields = fieldsPerLayer(source, options.mapping);
  const fallbackLevel = options.level ?? null;
  const rows: AreaRow[] = [];
  const rejected: ParsedAreas['rejected'] = [];
  const repaired: ParsedAreas['repaired'] = [];
  const seenCodes = new Set<string>();
  const nameCount = new Map<string, number>();
  const gemeente = { code: null as string | null, name: null as string | null };
  let generatedCodes = 0;
  let withoutLevel = 0;
  source.features.forEach((feature, index) => {
    const number = index + 1;
    const a = readAreaAttributes(
      feature.properties,
      layerFields.get(feature.layer)!,
      fallbackLevel,
    );
    gemeente.code ??= a.gemeenteCode;
    gemeente.name ??= a.gemeenteName;
    if (!a.level) {
      withoutLevel++;
      rejected.push({ feature: number, reason: 'Niveau onbekend (gemeente, wijk of buurt)' });
      return;
    }
    let code = a.code;
    if (!code && a.name && !a.hasCodeColumn) {
      const key = `${a.level}:${a.name.toLowerCase()}`;
      const occurrence = nameCount.get(key) ?? 0;
      nameCount.set(key, occurrence + 1);
      code = generatedAreaCode(a.level, a.name, occurrence);
      generatedCodes++;
    }
    if (!code) {
      rejected.push({
        feature: number,
        reason: a.hasCodeColumn ? 'Gebiedscode ontbreekt' : 'Gebiedscode en naam ontbreken',
      });
      return;
    }
    if (seenCodes.has(code)) {
      rejected.push({ feature: number, reason: `Code ${code} komt al eerder in het bestand voor` });
      return;
    }
    const checked = checkAreaGeometry(feature.geometry, feature.crs ?? source.crs, {
      reportWinding: source.format === 'geojson',
    });
    if (!checked.ok) {
      rejected.push({ feature: number, reason: checked.reason });
      return;
    }
    // A population that cannot be read stays unknown, and the report says so.
    const people = parseInhabitants(a.inhabitants);
    const repairs = people.note ? [...checked.repairs, people.note] : checked.repairs;
    if (repairs.length) repaired.push({ feature: number, repairs });
    seenCodes.add(code);
    rows.push({
      code,
      name: a.name,
      level: a.level,
      parent: a.parent,
      inhabitants: people.inhabitants,
      water: toWater(a.water),
      year: toYear(a.year),
      geometry: checked.geometry,
      bbox: bboxOf(checked.geometry),
    });
  });
  if (source.features.length === 0) {
    throw new ImportError('Het bestand bevat geen gebieden (geen enkele feature).');
  }
  if (withoutLevel === source.features.length) {
    const names = propertyNames.length ? propertyNames.join(', ') : 'geen';
    throw new ImportError(
      `Niet herkend als gemeenten, wijken of buurten (velden in het bestand: ${names}). ${LEVEL_HELP}`,
    );
  }
  if (rows.length === 0) {
    const reasons = [...new Set(rejected.map((r) => r.reason))].slice(0, 3).join('; ');
    throw new ImportError(
      `Geen enkel gebied in het bestand is bruikbaar (${reasons}). Controleer de grenzen in een GIS en sla ze opnieuw op als GeoJSON, GeoPackage of gezipte Shapefile.`,
    );
  }
  return { rows, rejected, repaired, generatedCodes, gemeente, propertyNames };
}

export interface AreaSummary {
  features: number;
  /** Features per recognised level. */
  levels: Record<AreaLevel, number>;
  /** Features whose level is unknown (names only, no level chosen). */
  unknown: number;
}

/** What the import would recognise, cheaply (no geometry): shown before Inlezen. */
export function summariseAreaSource(
  source: AreaSource,
  options: AreaParseOptions = {},
): AreaSummary {
  const layerFields = fieldsPerLayer(source, options.mapping);
  const levels = { gemeente: 0, wijk: 0, buurt: 0 };
  let unknown = 0;
  for (const feature of source.features) {
    const fields = layerFields.get(feature.layer)!;
    const level = readAreaAttributes(feature.properties, fields, options.level ?? null).level;
    if (level) levels[level]++;
    else unknown++;
  }
  return { features: source.features.length, levels, unknown };
}
