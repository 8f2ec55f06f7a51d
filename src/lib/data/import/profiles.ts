/**
 * Saved mapping profiles per source system, so next month's export of the same system
 * imports with one click. Kept with the workspace settings (persisted and exported).
 */
import { THEMES, type Theme } from '../themes';
import type { RecordKind } from './column-mapping';
import type { DuplicatePolicy, IdPolicy } from './plan';

/**
 * A saved profile; also the file `npm run import:check -- --mapping` reads (README), and
 * what the screen exports.
 */
export interface MappingProfile {
  name: string;
  kind: RecordKind;
  /** Import field → column header in the export. */
  mapping: Record<string, string>;
  duplicates: DuplicatePolicy;
  /** 'generated': the id column is not unique, every row is a registration. */
  ids?: IdPolicy;
  /** The theme per category that no rule maps, as chosen before the import. */
  themes?: Record<string, Theme>;
  savedAt: string;
}

const KINDS: readonly string[] = ['incidents', 'meldingen', 'visits', 'buildings', 'areas'];

/**
 * A profile read from a file, or a Dutch message saying what is wrong with it. Unknown
 * themes and policies are refused rather than dropped: a mapping file is written by hand.
 */
export function parseProfile(raw: unknown): MappingProfile | string {
  if (typeof raw !== 'object' || raw === null) return 'Het koppelbestand is geen JSON-object.';
  const p = raw as Record<string, unknown>;
  if (typeof p.kind !== 'string' || !KINDS.includes(p.kind))
    return `"kind" moet een van ${KINDS.join(', ')} zijn.`;
  const mapping = p.mapping as Record<string, unknown> | undefined;
  if (typeof mapping !== 'object' || mapping === null || Array.isArray(mapping))
    return '"mapping" moet een object zijn: veld → kolomnaam.';
  if (Object.values(mapping).some((v) => typeof v !== 'string'))
    return 'Elke kolomnaam in "mapping" moet tekst zijn.';
  const duplicates = p.duplicates ?? 'skip';
  if (duplicates !== 'skip' && duplicates !== 'replace')
    return '"duplicates" moet "skip" of "replace" zijn.';
  const ids = p.ids ?? 'unique';
  if (ids !== 'unique' && ids !== 'generated') return '"ids" moet "unique" of "generated" zijn.';
  const themes = (p.themes ?? {}) as Record<string, unknown>;
  const badTheme = Object.entries(themes).find(([, t]) => !THEMES.includes(t as Theme));
  if (badTheme)
    return `Onbekend thema "${String(badTheme[1])}" bij "${badTheme[0]}"; kies uit ${THEMES.join(', ')}.`;
  return {
    name: typeof p.name === 'string' ? p.name : 'koppelbestand',
    kind: p.kind as RecordKind,
    mapping: mapping as Record<string, string>,
    duplicates,
    ids,
    themes: themes as Record<string, Theme>,
    savedAt: typeof p.savedAt === 'string' ? p.savedAt : '',
  };
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
