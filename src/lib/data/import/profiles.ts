/**
 * Saved mapping profiles per source system, so next month's export of the same system
 * imports with one click. Kept with the workspace settings (persisted and exported).
 */
import type { RecordKind } from './column-mapping';
import type { DuplicatePolicy } from './plan';

export interface MappingProfile {
  name: string;
  kind: RecordKind;
  /** Import field → column header in the export. */
  mapping: Record<string, string>;
  duplicates: DuplicatePolicy;
  savedAt: string;
}

export interface WorkspaceSettings {
  profiles: MappingProfile[];
  /** Per-view preferences by view name, each validated by its own view on reading. */
  views?: Record<string, unknown>;
  /** The municipality's name as typed when it was set up (the areas' own name wins). */
  municipality?: string;
}

export const EMPTY_SETTINGS: WorkspaceSettings = { profiles: [] };

/** Reads settings from a snapshot manifest, tolerating older or foreign shapes. */
export function readSettings(raw: Record<string, unknown> | undefined): WorkspaceSettings {
  const profiles = Array.isArray(raw?.profiles) ? (raw.profiles as MappingProfile[]) : [];
  const views =
    raw?.views && typeof raw.views === 'object' && !Array.isArray(raw.views)
      ? { views: raw.views as Record<string, unknown> }
      : {};
  const municipality =
    typeof raw?.municipality === 'string' && raw.municipality.trim() !== ''
      ? { municipality: raw.municipality.trim().slice(0, 80) }
      : {};
  return {
    ...views,
    ...municipality,
    profiles: profiles.filter(
      (p) =>
        typeof p?.name === 'string' &&
        typeof p?.kind === 'string' &&
        typeof p?.mapping === 'object',
    ),
  };
}

/** Adds or replaces (by name and kind) a profile. */
export function upsertProfile(
  profiles: readonly MappingProfile[],
  profile: MappingProfile,
): MappingProfile[] {
  return [
    ...profiles.filter((p) => !(p.name === profile.name && p.kind === profile.kind)),
    profile,
  ].sort((a, b) => a.name.localeCompare(b.name, 'nl'));
}

/**
 * The saved profile that fits a new export best: same kind, and every column it maps is
 * present in the file; among those, the one mapping the most fields.
 */
export function findMatchingProfile(
  profiles: readonly MappingProfile[],
  kind: RecordKind,
  headers: readonly string[],
): MappingProfile | null {
  const present = new Set(headers);
  const fitting = profiles.filter(
    (p) => p.kind === kind && Object.values(p.mapping).every((column) => present.has(column)),
  );
  fitting.sort((a, b) => Object.keys(b.mapping).length - Object.keys(a.mapping).length);
  return fitting[0] ?? null;
}

/** The profiles without the one with this name and kind (others are kept in their order). */
export function removeProfile(
  profiles: readonly MappingProfile[],
  name: string,
  kind: RecordKind,
): MappingProfile[] {
  return profiles.filter((p) => !(p.name === name && p.kind === kind));
}
