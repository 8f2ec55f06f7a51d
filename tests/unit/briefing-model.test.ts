/**
 * The briefing's model without a browser: the clock, the notes store, the readiness signal
 * and the data source are passed in. The slides are computed once per data and settings,
 * a failed computation is tried again, and notes are kept per briefing.
 */
import { describe, expect, it } from 'vitest';
import type { BriefingPrep, BriefingPrepStore } from '../../src/lib/data/briefing-notes-store';
import { createMemoryForecastStore } from '../../src/lib/data/forecast-store';
import { BriefingModel } from '../../src/lib/state/briefing/briefing.svelte';
import type {
  BriefingData,
  BriefingRequest,
  BriefingSource,
} from '../../src/lib/state/briefing/briefing-sources';
import type { BaseMap } from '../../src/lib/state/shared/base-map.svelte';

function memoryStore(): BriefingPrepStore & { saved: Map<string, BriefingPrep> } {
  const saved = new Map<string, BriefingPrep>();
  return {
    saved,
    load: async (key) => saved.get(key) ?? null,
    save: async (key, prep) => void saved.set(key, prep),
  };
}

function countingReadiness() {
  const signal = {
    pending: 0,
    begin() {
      signal.pending++;
      return () => signal.pending--;
    },
  };
  return signal;
}

const EMPTY: BriefingData = {
  history: [],
  groups: [],
  watch: [],
  schouw: [],
  names: [],
  last: null,
  baseMap: {} as BaseMap,
  buurten: [],
};

function source(key: string, fail = false): BriefingSource & { requests: BriefingRequest[] } {
  const requests: BriefingRequest[] = [];
  return {
    key,
    requests,
    async read(request) {
      requests.push(request);
      if (fail) throw new Error('De database is gestopt.');
      return EMPTY;
    },
  };
}

const SETTINGS = {
  date: '2026-07-17',
  dagdeel: 'avond',
  weeks: 6,
  recentHours: 24,
  schouwDays: 90,
};

// Friday 17 July 2026, 15:30 local time: the next dagdeel is that evening.
const now = () => new Date(2026, 6, 17, 15, 30);

describe('briefing model', () => {
  it('is for the next dagdeel from now by default', () => {
    const model = new BriefingModel({ now, store: memoryStore(), readiness: countingReadiness() });
    const moment = model.defaultMoment();
    expect([moment.date, moment.dagdeel.id]).toEqual(['2026-07-17', 'avond']);
  });

  it('computes the slides once per data and settings, holding the readiness signal meanwhile', async () => {
    const readiness = countingReadiness();
    const model = new BriefingModel({ now, store: memoryStore(), readiness });
    model.settings = { ...SETTINGS };
    const data = source('demo');
    const computing = model.compute(data);
    expect(readiness.pending).toBe(1);
    await computing;
    expect(readiness.pending).toBe(0);
    expect(model.error).toBeNull();
    expect(model.slides?.title).toContain('17 juli');
    await model.compute(data);
    expect(data.requests).toHaveLength(1); // same data, same settings: nothing recomputed
    await model.compute(source('eigen-import'));
    expect(model.slides).not.toBeNull();
  });

  it('shows a failure and tries again on the next call', async () => {
    const model = new BriefingModel({ now, store: memoryStore(), readiness: countingReadiness() });
    model.settings = { ...SETTINGS };
    const broken = source('demo', true);
    await model.compute(broken);
    expect(model.error).toContain('onverwachte fout'); // engine-errors.ts: an unknown error in Dutch
    await model.compute(broken);
    expect(broken.requests).toHaveLength(2);
  });

  it('stores the expected hotspots of a briefing shown for a dagdeel still to come', async () => {
    const forecasts = createMemoryForecastStore();
    const model = new BriefingModel({
      now,
      store: memoryStore(),
      forecasts,
      dataLabel: () => 'Demogemeente Donderdeel (fictief)',
      readiness: countingReadiness(),
    });
    model.settings = { ...SETTINGS };
    await model.compute(source('demo'));
    // Yesterday evening, shown at 15:30 today: a look back, not a forecast.
    model.settings = { ...SETTINGS, date: '2026-07-16' };
    await model.compute(source('demo'));
    await model.whenStored();
    const stored = await forecasts.list('2026-07-01', '2026-07-31');
    expect(stored).toEqual([
      {
        date: '2026-07-17',
        dagdeel: 'avond',
        size: 250,
        cells: [],
        data: 'Demogemeente Donderdeel (fictief)',
        weeks: 6,
        storedAt: now().toISOString(),
      },
    ]);
  });

  it("keeps the coordinator's notes with the briefing they were written for", async () => {
    const store = memoryStore();
    store.saved.set('2026-07-17|avond', {
      notes: 'Let op de kermis',
      focusThemes: ['jeugd'],
      savedAt: '',
    });
    const model = new BriefingModel({ now, store, readiness: countingReadiness() });
    model.settings = { ...SETTINGS };
    await model.compute(source('demo'));
    expect([model.notes, model.focusThemes]).toEqual(['Let op de kermis', ['jeugd']]);
    model.notes = 'Let op de kermis en het stadion';
    await model.savePrep();
    expect(store.saved.get('2026-07-17|avond')?.notes).toBe('Let op de kermis en het stadion');
  });
});
