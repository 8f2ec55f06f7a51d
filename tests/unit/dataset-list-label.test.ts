/**
 * The dataset list on Gegevens names each dataset as the analyst knows it: a gemeente
 * outline that wijkradar derived from imported wijken or buurten is stored under its own
 * dataset id ('afgeleid:<dataset>'), which the list must not show raw.
 */
import { describe, expect, it } from 'vitest';
import { DERIVED_DATASET_PREFIX } from '../../src/lib/data/import/area-store';
import { datasetLabel, importDatasetId } from '../../src/lib/state/import/import-view';

describe('dataset names in the list on Gegevens', () => {
  it('says a derived outline is the gemeentegrens and from which import it came', () => {
    const imported = importDatasetId('wijken.geojson', new Date(2026, 11, 7, 9, 30, 5));
    expect(datasetLabel(DERIVED_DATASET_PREFIX + imported)).toBe(
      'Gemeentegrens, afgeleid uit wijken.geojson (2026-12-07 09:30:05)',
    );
    expect(datasetLabel(`${DERIVED_DATASET_PREFIX}demo`)).toBe(
      'Gemeentegrens, afgeleid uit Demogemeente Donderdeel',
    );
    expect(datasetLabel(DERIVED_DATASET_PREFIX)).not.toContain(DERIVED_DATASET_PREFIX);
  });

  it('names the demo and keeps an import’s own name', () => {
    expect(datasetLabel('demo')).toBe('Demogemeente Donderdeel');
    expect(datasetLabel('meldingen.csv (2026-12-07 09:30:05)')).toBe(
      'meldingen.csv (2026-12-07 09:30:05)',
    );
  });
});
