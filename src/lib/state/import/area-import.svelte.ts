/**
 * The boundary import on the Gegevens screen: the file read once, the level for files
 * that do not name one, the column mapping (suggested from the field names, or a saved
 * profile) and what the import would recognise with them. ImportSession owns the actions
 * (busy, messages); this model holds the choices and runs the import.
 */
import type { AreaLevel } from '$lib/data/geojson-areas';
import { suggestAreaMapping, type AreaField, type AreaMapping } from '$lib/data/import/area-fields';
import { areaPropertyNames, summariseAreaSource } from '$lib/data/import/area-parse';
import { readAreaSource, type AreaSource } from '$lib/data/import/area-sources';
import { importAreaSource, type AreaImportReport } from '$lib/data/import/areas';
import { findMatchingProfile, upsertProfile, type MappingProfile } from '$lib/data/import/profiles';
import { browserSqlite } from '$lib/data/import/sqlite-browser';
import type { StepProgress } from '$lib/data/progress';
import { appData } from '../app/app-data.svelte';
import { buildAreaProfile } from './import-view';
import { UserError } from '$lib/data/user-error';

export class AreaImport {
  source = $state.raw<AreaSource | null>(null);
  fileName = $state('');
  propertyNames = $state.raw<string[]>([]);
  /** '' = recognised from the file. */
  level = $state<AreaLevel | ''>('');
  mapping = $state.raw<AreaMapping>({});
  profileName = $state('');

  summary = $derived(
    this.source
      ? summariseAreaSource(this.source, { level: this.level || null, mapping: this.mapping })
      : null,
  );
  /** Something to import: at least one feature with a known level. */
  ready = $derived(this.summary !== null && this.summary.unknown < this.summary.features);
  profiles = $derived(appData.settings.profiles.filter((p) => p.kind === 'areas'));

  reset(): void {
    this.source = null;
    this.fileName = '';
    this.propertyNames = [];
    this.level = '';
    this.mapping = {};
    this.profileName = '';
  }

  /**
   * Reads the file (the GeoPackage reader only for a .gpkg) and proposes the mapping, with
   * steps (progress-steps AREA_READ_STEPS 'areas', 'fields'): a cancel at one keeps nothing
   * of the file, and nothing is stored either way.
   */
  async read(fileName: string, bytes: Uint8Array, progress?: StepProgress): Promise<void> {
    await progress?.step('areas');
    const source = await readAreaSource(fileName, bytes, { sqlite: browserSqlite });
    await progress?.step('fields');
    const propertyNames = areaPropertyNames(source);
    this.source = source;
    this.fileName = fileName;
    this.propertyNames = propertyNames;
    const profile = findMatchingProfile(appData.settings.profiles, 'areas', this.propertyNames);
    if (profile) this.applyProfile(profile);
    else this.mapping = suggestAreaMapping(this.propertyNames, null);
  }

  applyProfile(profile: MappingProfile | null): void {
    this.profileName = profile?.name ?? '';
    this.mapping = profile
      ? { ...profile.mapping }
      : suggestAreaMapping(this.propertyNames, this.level || null);
  }

  setField(field: AreaField, column: string): void {
    const mapping = { ...this.mapping };
    if (column) mapping[field] = column;
    else delete mapping[field];
    this.mapping = mapping;
  }

  /** The mapping kept as a profile: next year's file of the same source maps itself. */
  saveProfile(name: string): void {
    const profile = buildAreaProfile(name, this.mapping);
    appData.settings = {
      ...appData.settings,
      profiles: upsertProfile(appData.settings.profiles, profile),
    };
    this.profileName = name;
  }

  /** Imports the chosen boundaries; runs inside keepChange, which holds the database queue. */
  async run(dataset: string, progress?: StepProgress): Promise<AreaImportReport> {
    const source = this.source;
    if (!source) throw new UserError('Er is geen bestand gekozen.');
    return importAreaSource(appData.connector, this.fileName, source, dataset, {
      level: this.level || null,
      mapping: this.mapping,
      progress,
    });
  }
}
