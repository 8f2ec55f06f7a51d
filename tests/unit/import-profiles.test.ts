/**
 * Saved mapping profiles: removing one takes exactly that profile (name and kind) out of
 * the workspace settings, so next month's export is no longer mapped with it, and the
 * settings as stored read back the same.
 */
import { describe, expect, it } from 'vitest';
import {
  findMatchingProfile,
  parseProfile,
  readSettings,
  removeProfile,
  upsertProfile,
  type MappingProfile,
} from '../../src/lib/data/import/profiles';
import type { ImportPlan } from '../../src/lib/data/import/plan';
import { buildProfile, profileFileName } from '../../src/lib/state/import/import-view';

const profile = (name: string, kind: MappingProfile['kind']): MappingProfile => ({
  name,
  kind,
  mapping: { id: 'nummer', reported_at: 'datum' },
  duplicates: 'skip',
  savedAt: '2026-05-01T10:00:00.000Z',
});

describe('removeProfile', () => {
  const saved = [
    profile('Signalen', 'meldingen'),
    profile('Signalen', 'incidents'),
    profile('BOA-app', 'meldingen'),
  ].reduce<MappingProfile[]>((all, p) => upsertProfile(all, p), []);

  it('removes only the profile with that name and kind', () => {
    const left = removeProfile(saved, 'Signalen', 'meldingen');
    expect(left.map((p) => [p.name, p.kind])).toEqual([
      ['BOA-app', 'meldingen'],
      ['Signalen', 'incidents'],
    ]);
    // The input is not changed (settings are replaced, not mutated).
    expect(saved).toHaveLength(3);
  });

  it('no longer proposes the removed profile for an export with its columns', () => {
    const headers = ['nummer', 'datum'];
    expect(findMatchingProfile(saved, 'incidents', headers)?.name).toBe('Signalen');
    const left = removeProfile(saved, 'Signalen', 'incidents');
    expect(findMatchingProfile(left, 'incidents', headers)).toBeNull();
  });

  it('keeps the list unchanged for an unknown profile, and survives a save and read back', () => {
    expect(removeProfile(saved, 'Onbekend', 'meldingen')).toEqual(saved);
    const left = removeProfile(saved, 'BOA-app', 'meldingen');
    const stored = JSON.parse(JSON.stringify({ profiles: left })) as Record<string, unknown>;
    expect(readSettings(stored).profiles).toEqual(left);
  });
});

describe('parseProfile (a mapping file, as saved and exported)', () => {
  it('reads a profile with its id policy and themes', () => {
    const parsed = parseProfile({
      name: 'BOA-app',
      kind: 'incidents',
      mapping: { id: 'nummer' },
      ids: 'generated',
      themes: { Graffiti: 'overig' },
    });
    expect(parsed).toMatchObject({
      name: 'BOA-app',
      duplicates: 'skip',
      ids: 'generated',
      themes: { Graffiti: 'overig' },
    });
  });

  it('refuses what it cannot use, in Dutch', () => {
    expect(parseProfile([])).toMatch(/kind/);
    expect(parseProfile({ kind: 'incidents', mapping: { id: 3 } })).toMatch(/tekst/);
    expect(parseProfile({ kind: 'incidents', mapping: {}, ids: 'maybe' })).toMatch(/"ids"/);
    expect(parseProfile({ kind: 'incidents', mapping: {}, themes: { X: 'graffiti' } })).toMatch(
      /Onbekend thema "graffiti"/,
    );
  });
});

describe('buildProfile → the exported mapping file → parseProfile', () => {
  it('keeps the id policy and the theme choices', () => {
    const plan = {
      kind: 'incidents',
      columns: { id: 0, occurred_from: 1, theme: 2 },
      dates: {},
      numbers: { decimal: ',', thousands: null },
      coordinates: null,
      refused: [],
      duplicates: 'skip',
      ids: 'generated',
      sourceLabel: 'BOA-app',
      themes: { Graffiti: 'overig' },
    } satisfies ImportPlan;
    const saved = buildProfile('BOA-app', plan, ['nummer', 'Datum en tijd', 'Thema'], 'replace');
    const file = JSON.parse(JSON.stringify(saved)) as unknown;
    expect(parseProfile(file)).toEqual(saved);
    expect(saved).toMatchObject({
      mapping: { id: 'nummer', occurred_from: 'Datum en tijd', theme: 'Thema' },
      duplicates: 'replace',
      ids: 'generated',
      themes: { Graffiti: 'overig' },
    });
    expect(profileFileName('BOA-app / Signalen')).toBe('koppeling-BOA-app-Signalen.json');
  });
});
