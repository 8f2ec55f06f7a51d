/**
 * Pure helpers for the Gegevens screen: Dutch labels for what the import pipeline reports,
 * the preview's columns and cells, file names of downloads, and error messages.
 */
import { userMessage } from '$lib/data/engine-errors';
import type { RecordKind } from '$lib/data/import/column-mapping';
import { DERIVED_DATASET_PREFIX } from '$lib/data/import/area-store';
import { FORMAT_LABELS, type SourceFormat } from '$lib/data/import/formats';
import type { Delimiter, TextEncodingName } from '$lib/data/import/sniff-text';
import { TABLES, type TableName } from '$lib/data/schema';
import { IMPORT_FIELDS, type FieldSpec } from '$lib/data/import/column-mapping';
import type { ColumnSample, DuplicatePolicy, ImportPlan } from '$lib/data/import/plan';
import type { MappingProfile } from '$lib/data/import/profiles';

export const IMPORT_KINDS: readonly { kind: RecordKind; label: string; hint: string }[] = [
  { kind: 'incidents', label: 'Incidenten', hint: 'registraties van handhavers' },
  { kind: 'meldingen', label: 'Meldingen', hint: 'meldingen van bewoners en partners' },
  { kind: 'visits', label: 'Bezoeken', hint: 'surveillances, controles, schouwen' },
  { kind: 'buildings', label: 'Gebouwen buitengebied', hint: 'leegstaande stallen en schuren' },
  {
    kind: 'areas',
    label: 'Gebiedsgrenzen',
    hint: 'gemeente, wijken, buurten: GeoJSON, GeoPackage, Shapefile',
  },
];

export const KIND_TABLE: Record<Exclude<RecordKind, 'areas'>, TableName> = {
  incidents: 'incidents',
  meldingen: 'meldingen',
  visits: 'visits',
  buildings: 'buildings',
};

export function formatLabel(format: SourceFormat): string {
  return FORMAT_LABELS[format];
}

export function encodingLabel(encoding: TextEncodingName | null): string {
  if (encoding === null) return 'niet van toepassing';
  if (encoding === 'utf-8-bom') return 'UTF-8 (met BOM)';
  return encoding === 'utf-8' ? 'UTF-8' : 'Windows-1252';
}

export function delimiterLabel(delimiter: Delimiter | null): string {
  if (delimiter === null) return 'niet van toepassing';
  return { ',': 'komma (,)', ';': 'puntkomma (;)', '\t': 'tab' }[delimiter];
}

export type Confidence = 'zeker' | 'waarschijnlijk' | 'profiel' | 'handmatig';

export const CONFIDENCE_LABELS: Record<Confidence | 'geen', string> = {
  zeker: 'Zeker: kolomnaam herkend',
  waarschijnlijk: 'Waarschijnlijk: controleer',
  profiel: 'Uit het profiel',
  handmatig: 'Zelf gekozen',
  geen: 'Niet gekoppeld',
};

export interface MappingRow {
  spec: FieldSpec;
  /** Index of the file's column, or null when the field is not used. */
  column: number | null;
  confidence: Confidence | 'geen';
  /** A few values of the chosen column, to check the choice. */
  examples: string[];
}

/** One row per field of the kind: the chosen column, where the choice came from, examples. */
export function buildMappingRows(
  plan: ImportPlan,
  samples: readonly ColumnSample[],
  origin: Readonly<Record<string, Confidence>>,
): MappingRow[] {
  return IMPORT_FIELDS[plan.kind].map((spec) => {
    const column = plan.columns[spec.field] ?? null;
    return {
      spec,
      column,
      confidence: column === null ? 'geen' : (origin[spec.field] ?? 'handmatig'),
      examples: column === null ? [] : samples[column].values.slice(0, 3),
    };
  });
}

export const IMPORT_MESSAGES = {
  DUPLICATES_MISSING:
    'Kies wat er gebeurt met registratienummers die al zijn opgeslagen: overslaan of vervangen.',
  NOTHING_RECOGNISED:
    'In dit bestand is geen enkele kolom herkend voor deze soort gegevens. Controleer of u de juiste soort hebt gekozen en of het bestand een CSV-, GeoJSON-, Parquet- of Arrow-export is; u kunt de kolommen ook zelf koppelen.',
  SAVING: 'Bezig met opslaan…',
  OTHER_TAB_KEPT:
    'Wat een ander tabblad intussen had opgeslagen, is eerst ingelezen en blijft bewaard.',
  NOT_KEPT:
    'De wijziging is doorgevoerd, maar kon niet in deze browser worden bewaard: na herladen is ze weg. Exporteer de werkruimte om de gegevens te bewaren.',
} as const;

export const DATASET_DEMO = 'demo';

/** The dataset as the list names it; a derived gemeente outline says where it came from. */
export function datasetLabel(dataset: string): string {
  if (dataset.startsWith(DERIVED_DATASET_PREFIX)) {
    const source = dataset.slice(DERIVED_DATASET_PREFIX.length);
    return `Gemeentegrens, afgeleid uit ${source ? datasetLabel(source) : 'de ingelezen gebieden'}`;
  }
  return dataset === DATASET_DEMO ? 'Demogemeente Donderdeel' : dataset;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** jjjj-mm-dd in local time. */
export function localDate(now: Date): string {
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** The dataset id stored with an import's rows: readable in the dataset list. */
export function importDatasetId(fileName: string, now: Date = new Date()): string {
  const time = `${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())}`;
  return `${fileName} (${localDate(now)} ${time})`;
}

/** A saved profile of the confirmed mapping: field → the file's column name. */
export function buildProfile(
  name: string,
  plan: ImportPlan,
  headers: readonly string[],
  duplicates: DuplicatePolicy,
  now: Date = new Date(),
): MappingProfile {
  return {
    name,
    kind: plan.kind,
    mapping: Object.fromEntries(Object.entries(plan.columns).map(([f, i]) => [f, headers[i]])),
    duplicates,
    ids: plan.ids ?? 'unique',
    ...(plan.themes && Object.keys(plan.themes).length ? { themes: { ...plan.themes } } : {}),
    savedAt: now.toISOString(),
  };
}

/** The file name of an exported profile (a mapping file for import:check). */
export function profileFileName(name: string): string {
  const safe = name.replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '');
  return `koppeling-${safe || 'profiel'}.json`;
}

/** A boundary mapping (field → property name) as a profile of kind 'areas'. */
export function buildAreaProfile(
  name: string,
  mapping: Readonly<Record<string, string | undefined>>,
  now: Date = new Date(),
): MappingProfile {
  const mapped = Object.entries(mapping).filter((e): e is [string, string] => Boolean(e[1]));
  return {
    name,
    kind: 'areas',
    mapping: Object.fromEntries(mapped),
    duplicates: 'skip',
    savedAt: now.toISOString(),
  };
}

export function rejectedFileName(fileName: string): string {
  return `afgewezen-${fileName.replace(/\.[^.]+$/, '') || 'bestand'}.csv`;
}

export function workspaceFileName(now: Date = new Date()): string {
  return `wijkradar-werkruimte-${localDate(now)}.wijkradar`;
}

/** A Dutch message for any error, with the context sentence saying what failed. */
export { userMessage as errorMessage };

export interface PreviewColumn {
  key: string;
  label: string;
  type: 'text' | 'timestamp' | 'date' | 'number' | 'precision';
}

/** How precisely a record's time is known (schema time_precision), in Dutch. */
const PRECISION_LABELS: Record<string, string> = {
  exact: 'exact',
  day: 'alleen datum',
  month: 'alleen maand',
  year: 'alleen jaar',
};

const COORDINATE_LABELS: Record<string, string> = {
  x_num: 'X / lengtegraad',
  y_num: 'Y / breedtegraad',
};
const HIDDEN_PREVIEW = new Set(['rn', 'reason', 'detail']);

/** The preview's columns, in the order of the converted rows, with Dutch labels. */
export function previewColumns(kind: RecordKind, keys: readonly string[]): PreviewColumn[] {
  if (kind === 'areas') return [];
  const table = TABLES[KIND_TABLE[kind]] as readonly { name: string; type: string }[];
  const fields = IMPORT_FIELDS[kind];
  return keys
    .filter((key) => !HIDDEN_PREVIEW.has(key))
    .map((key) => {
      const type = table.find((c) => c.name === key)?.type;
      if (key === 'time_precision') return { key, label: 'Tijd bekend', type: 'precision' };
      return {
        key,
        label: COORDINATE_LABELS[key] ?? fields.find((f) => f.field === key)?.label ?? key,
        type:
          type === 'TIMESTAMP'
            ? 'timestamp'
            : type === 'DATE'
              ? 'date'
              : type === 'DOUBLE' || key in COORDINATE_LABELS
                ? 'number'
                : 'text',
      };
    });
}

const dateTimeFormat = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  timeZone: 'UTC',
});
const dayFormat = new Intl.DateTimeFormat('nl-NL', {
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  timeZone: 'UTC',
});
const numberFormat = new Intl.NumberFormat('nl-NL', { maximumFractionDigits: 6 });

/** A converted value as the analyst reads it (timestamps are local wall-clock ms). */
export function formatCell(value: unknown, type: PreviewColumn['type']): string {
  if (value === null || value === undefined || value === '') return '—';
  if (type === 'timestamp' && typeof value === 'number') return dateTimeFormat.format(value);
  if (type === 'date' && typeof value === 'number') return dayFormat.format(value);
  if (type === 'number' && typeof value === 'number') return numberFormat.format(value);
  if (type === 'precision') return PRECISION_LABELS[String(value)] ?? String(value);
  return String(value);
}

/** Share of a file's rows outside the boundaries above which the boundaries are probably wrong. */
const MOSTLY_OUTSIDE = 0.5;

/**
 * The Dutch warning for an import whose rows lie mostly outside the loaded boundaries
 * (records of another municipality, or the demo's boundaries still loaded), else null.
 */
export function outsideWarning(
  report: { rows: { total: number }; reasons: readonly { reason: string; count: number }[] },
  municipality: string | null,
): string | null {
  const outside = report.reasons.find((r) => r.reason === 'Locatie buiten de gemeente')?.count;
  if (!outside || outside <= MOSTLY_OUTSIDE * report.rows.total) return null;
  const where = municipality ? `de gemeente ${municipality}` : 'de geladen gemeente';
  return `Dit bestand ligt grotendeels buiten ${where}: ${outside} van de ${report.rows.total} rijen vallen buiten de grenzen en zijn niet opgeslagen. Laad eerst de grenzen van uw gemeente (soort ‘Gebiedsgrenzen’; zie ‘Eigen gemeente’) en lees het bestand daarna opnieuw in.`;
}
