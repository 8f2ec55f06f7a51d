/**
 * Issue 22, item 1: the words a new municipality's analyst reads while setting up — the
 * header's name, the warning for records outside the boundaries, the set-up steps — and the
 * typed name kept with the workspace settings.
 */
import { describe, expect, it } from 'vitest';
import { readSettings } from '../../src/lib/data/import/profiles';
import { datasetLabel, municipalityTitle } from '../../src/lib/state/shared/dataset-label';
import { outsideWarning } from '../../src/lib/state/import/import-view';
import { setupProgress } from '../../src/lib/state/app/own-municipality.svelte';

const report = (total: number, outside: number) => ({
  rows: { total },
  reasons: outside ? [{ reason: 'Locatie buiten de gemeente', count: outside }] : [],
});

describe('the header names the municipality of an own workspace', () => {
  it('says "Gemeente X" for a typed or stored name, once', () => {
    expect(datasetLabel('opgeslagen', null, 'Zwolle')).toBe(
      'Gemeente Zwolle · eigen werkruimte in deze browser',
    );
    expect(municipalityTitle('Gemeente Súdwest-Fryslân')).toBe('Gemeente Súdwest-Fryslân');
    expect(datasetLabel('opgeslagen', null, null)).toBe('Eigen werkruimte in deze browser');
    expect(datasetLabel('demo', null, 'Donderdeel')).toBe('Demogemeente Donderdeel (fictief)');
  });

  it('keeps the typed name in the settings and drops an empty one', () => {
    expect(readSettings({ profiles: [], municipality: '  Testdorp ' }).municipality).toBe(
      'Testdorp',
    );
    expect('municipality' in readSettings({ profiles: [], municipality: '   ' })).toBe(false);
    expect('municipality' in readSettings({ profiles: [], municipality: 42 })).toBe(false);
  });
});

describe('records mostly outside the loaded boundaries', () => {
  it('warns above half the rows, naming the municipality and what to do', () => {
    expect(outsideWarning(report(11, 6), 'Testdorp')).toBe(
      'Dit bestand ligt grotendeels buiten de gemeente Testdorp: 6 van de 11 rijen vallen buiten de grenzen en zijn niet opgeslagen. Laad eerst de grenzen van uw gemeente (soort ‘Gebiedsgrenzen’; zie ‘Eigen gemeente’) en lees het bestand daarna opnieuw in.',
    );
    expect(outsideWarning(report(10, 6), null)).toMatch(/buiten de geladen gemeente/);
  });

  it('stays silent at half or less: a few border cases are normal', () => {
    expect(outsideWarning(report(10, 5), 'Testdorp')).toBeNull();
    expect(outsideWarning(report(10, 0), 'Testdorp')).toBeNull();
  });
});

describe('set-up steps read off what is stored', () => {
  it('counts areas and the three record tables', () => {
    const counts = [
      { table: 'incidents', n: 60 },
      { table: 'meldingen', n: 5 },
      { table: 'visits', n: 0 },
      { table: 'areas', n: 7 },
      { table: 'buildings', n: 3 },
    ];
    expect(setupProgress(counts)).toEqual({ areas: 7, records: 65 });
    expect(setupProgress([])).toEqual({ areas: 0, records: 0 });
  });
});
