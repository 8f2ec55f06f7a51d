/**
 * Writes the demo municipality Donderdeel into a folder: areas, records, places, base map
 * and the planted truth. Same seed, same bytes.
 */
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { OUTCOMES, THEMES, VISIT_KINDS } from '../../src/lib/data/themes';
import { basemapFeatures } from './basemap';
import { CATALOG, INCIDENT_SOURCE, PARTNERS, RESIDENT_SOURCE } from './catalog';
import { assertCsvSafe } from './catalog-index';
import { DEMO_ROWS } from './components';
import {
  buildingFeatures,
  buurtFeatures,
  featureCollection,
  gemeenteFeatures,
  interventionFeatures,
  watchLocationFeatures,
  wijkFeatures,
} from './geojson';
import {
  formatId,
  idWidth,
  INCIDENT_HEADER,
  incidentDays,
  incidentLine,
  type IncidentRecord,
} from './incidents';
import {
  MELDING_HEADER,
  MELDING_STATUSES,
  meldingDays,
  meldingLine,
  type MeldingRecord,
} from './meldingen';
import { buildModel, DEFAULT_SEED, streamFor, type Model } from './model';
import { WATCH_LOCATIONS } from './places';
import { buildTruth, type GeneratedData } from './truth';
import { SCHOUW_OUTCOMES, VISIT_OUTCOMES } from './visit-kinds';
import { demandOf, generateVisits, VISIT_HEADER, visitLine } from './visits';
import { DEMO_FILES as LOADED_DEMO_FILES } from '../../src/lib/data/load-demo';

export interface GenerateOptions {
  seed?: number;
  outDir?: string;
}

/** Everything the generator writes: what the app loads, plus its context and the truth. */
export const DEMO_FILES = [...LOADED_DEMO_FILES, 'basemap.geojson', 'truth.json'] as const;

/** Every catalogue value is written bare: make sure none needs CSV quoting. */
export function checkCatalogue(): void {
  for (const theme of THEMES) {
    assertCsvSafe(CATALOG[theme].incidents.map((c) => c.slug));
    assertCsvSafe(CATALOG[theme].meldingen.flatMap((c) => [c.main, c.sub]));
  }
  assertCsvSafe([...THEMES, ...OUTCOMES, ...VISIT_KINDS, ...MELDING_STATUSES, ...VISIT_OUTCOMES]);
  assertCsvSafe([
    ...SCHOUW_OUTCOMES,
    INCIDENT_SOURCE,
    RESIDENT_SOURCE,
    ...PARTNERS.map((p) => p.source),
  ]);
  assertCsvSafe(WATCH_LOCATIONS.map((w) => w.id));
}

export function generateRecords(model: Model): GeneratedData {
  const incidents: IncidentRecord[] = [];
  for (const day of incidentDays(model, DEMO_ROWS.incidents, streamFor(model.seed, 'incidents'))) {
    incidents.push(...day);
  }
  const meldingen: MeldingRecord[] = [];
  for (const day of meldingDays(model, DEMO_ROWS.meldingen, streamFor(model.seed, 'meldingen'))) {
    meldingen.push(...day);
  }
  const demand = demandOf(model, [...incidents, ...meldingen]);
  const visits = generateVisits(model, demand, streamFor(model.seed, 'visits'));
  return { incidents, meldingen, visits };
}

function csv<T>(
  header: string,
  rows: readonly T[],
  prefix: string,
  line: (r: T, id: string) => string,
): string {
  const width = idWidth(rows.length);
  const parts = [header + '\n'];
  rows.forEach((r, i) => parts.push(line(r, formatId(prefix, i + 1, width))));
  return parts.join('');
}

export async function generateDemo(
  options: GenerateOptions = {},
): Promise<Record<string, unknown>> {
  const seed = options.seed ?? DEFAULT_SEED;
  const outDir = options.outDir ?? 'data';
  checkCatalogue();
  const model = buildModel(seed);
  const data = generateRecords(model);
  const truth = buildTruth(model, data);
  const files: Record<(typeof DEMO_FILES)[number], string> = {
    'gemeente.geojson': featureCollection(gemeenteFeatures(model.g)),
    'wijken.geojson': featureCollection(wijkFeatures(model.g)),
    'buurten.geojson': featureCollection(buurtFeatures(model.g)),
    'incidents.csv': csv(INCIDENT_HEADER, data.incidents, 'I', (r, id) => incidentLine(r, id)),
    'meldingen.csv': csv(MELDING_HEADER, data.meldingen, 'M', meldingLine),
    'visits.csv': csv(VISIT_HEADER, data.visits, 'V', visitLine),
    'buildings.geojson': featureCollection(buildingFeatures(model.buildings)),
    'watch_locations.geojson': featureCollection(watchLocationFeatures()),
    'interventions.geojson': featureCollection(interventionFeatures()),
    'basemap.geojson': featureCollection(basemapFeatures(model.g)),
    'truth.json': JSON.stringify(truth, null, 2) + '\n',
  };
  await mkdir(outDir, { recursive: true });
  for (const name of DEMO_FILES) await writeFile(path.join(outDir, name), files[name], 'utf8');
  return truth;
}
