/**
 * The norms of the handling of meldingen (analysis/melding-handling.ts): how they are read,
 * changed, kept in this browser and written in the URL; the month ends the chart counts open
 * meldingen at; and the CSV, a shared output, checked by the attacker of
 * tests/helpers/disclosure.ts (no hidden count comes back from a total, a median or a share).
 */
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_NORMS,
  monthEndMoments,
  normDaysFor,
  readNorms,
  withCategoryNorm,
  withDefaultNorm,
  type HandlingRow,
} from '../../src/lib/analysis/melding-handling';
import { buildHandlingCsv } from '../../src/lib/analysis/melding-handling-csv';
import {
  managementUrlCodec,
  parseManagementView,
} from '../../src/lib/state/management/management-url';
import { NORMS_KEY, storedNorms } from '../../src/lib/state/management/handling-norms';
import { MeldingHandlingModel } from '../../src/lib/state/management/melding-handling.svelte';
import { findRecoveries, readCsv, type Published } from '../helpers/disclosure';

const noReadiness = { begin: () => () => undefined };
function memoryStorage(initial: Record<string, string> = {}) {
  const store = new Map(Object.entries(initial));
  return { store, getItem: (k: string) => store.get(k) ?? null, setItem: store.set.bind(store) };
}

describe('norms', () => {
  it('default to 14 kalenderdagen; a category may have its own', () => {
    expect(DEFAULT_NORMS).toEqual({ defaultDays: 14, byCategory: {} });
    const norms = withCategoryNorm(DEFAULT_NORMS, 'grofvuil', 21);
    expect(normDaysFor(norms, 'grofvuil')).toBe(21);
    expect(normDaysFor(norms, 'container-is-vol')).toBe(14);
    expect(normDaysFor(norms, null)).toBe(14);
    // Back to the default: by clearing it, or by setting the default's value.
    expect(withCategoryNorm(norms, 'grofvuil', null)).toEqual(DEFAULT_NORMS);
    expect(withCategoryNorm(norms, 'grofvuil', 14)).toEqual(DEFAULT_NORMS);
    // Not a norm: nothing changes.
    for (const bad of [0, -3, 2.5, 366, Number.NaN]) {
      expect(withCategoryNorm(norms, 'grofvuil', bad)).toBe(norms);
      expect(withDefaultNorm(norms, bad)).toBe(norms);
    }
    // A new default keeps the own norms, except one that now equals it.
    expect(withDefaultNorm(norms, 7)).toEqual({ defaultDays: 7, byCategory: { grofvuil: 21 } });
    expect(withDefaultNorm(norms, 21)).toEqual({ defaultDays: 21, byCategory: {} });
  });

  it('read from storage or a link, anything odd falling back to the default', () => {
    expect(readNorms(null)).toEqual(DEFAULT_NORMS);
    expect(
      readNorms({ defaultDays: 'x', byCategory: { a: 3, b: 0, '': 5, c: '7', d: 14 } }),
    ).toEqual({ defaultDays: 14, byCategory: { a: 3 } });
  });

  it('are kept in this browser; norms from a link are used but not kept', () => {
    const storage = memoryStorage();
    const model = new MeldingHandlingModel(noReadiness, storage);
    expect(model.norms).toEqual(DEFAULT_NORMS);
    model.setDefaultNorm(10);
    model.setCategoryNorm('grofvuil', 21);
    expect(storedNorms(storage)).toEqual({ defaultDays: 10, byCategory: { grofvuil: 21 } });
    const reloaded = new MeldingHandlingModel(noReadiness, storage);
    expect(reloaded.norms).toEqual({ defaultDays: 10, byCategory: { grofvuil: 21 } });
    reloaded.openNorms({ defaultDays: 5, byCategory: {} });
    expect(reloaded.norms.defaultDays).toBe(5);
    expect(storedNorms(storage).defaultDays).toBe(10);
    // Unreadable or absent storage: the defaults, and the view goes on.
    expect(storedNorms(memoryStorage({ [NORMS_KEY]: '{kapot' }))).toEqual(DEFAULT_NORMS);
    const blocked = {
      getItem: () => null,
      setItem: () => {
        throw new Error('QuotaExceededError');
      },
    };
    const unkept = new MeldingHandlingModel(noReadiness, blocked);
    unkept.setDefaultNorm(9);
    expect(unkept.norms.defaultDays).toBe(9);
    expect(new MeldingHandlingModel(noReadiness, null).norms).toEqual(DEFAULT_NORMS);
  });

  it('are in the URL as ?norm=default,category:days, tampered parts dropped', () => {
    const view = parseManagementView(new URLSearchParams('norm=10,grofvuil:21,container-is-vol:3'));
    expect(view.norms).toEqual({
      defaultDays: 10,
      byCategory: { grofvuil: 21, 'container-is-vol': 3 },
    });
    const written = managementUrlCodec.write(new URLSearchParams('dag=vr'), view);
    expect(written.toString()).toBe('dag=vr&norm=10%2Ccontainer-is-vol%3A3%2Cgrofvuil%3A21');
    const tampered = parseManagementView(
      new URLSearchParams('norm=14,a:0,b:400,c,d:x,e:14,<script>:3,f:2'),
    );
    expect(tampered.norms).toEqual({ defaultDays: 14, byCategory: { f: 2 } });
    for (const bad of ['0', '366', 'x', '', '1.5,a:3']) {
      expect(parseManagementView(new URLSearchParams({ norm: bad })).norms).toBeUndefined();
    }
  });
});

describe('month ends', () => {
  it('count each month at the midnight it ends, the last one at the end of the data', () => {
    expect(monthEndMoments({ from: '2025-10', to: '2026-01' }, '2025-12-15 00:00:00')).toEqual([
      { month: '2025-10', moment: '2025-11-01 00:00:00' },
      { month: '2025-11', moment: '2025-12-01 00:00:00' },
      { month: '2025-12', moment: '2025-12-15 00:00:00' },
    ]);
    expect(monthEndMoments({ from: '2025-12', to: '2025-12' }, '2026-01-01 00:00:00')).toEqual([
      { month: '2025-12', moment: '2026-01-01 00:00:00' },
    ]);
  });
});

const row = (key: string, closed: number, withinNorm: number, open: number, overNorm: number) =>
  ({
    key,
    main: 'afval',
    closed,
    medianDays: closed > 0 ? 3.5 : null,
    p90Days: closed > 0 ? 12.25 : null,
    withinNorm,
    open,
    overNorm,
    oldestDays: null,
  }) satisfies HandlingRow;

function sum(rows: HandlingRow[]): HandlingRow {
  const total = row('Totaal', 0, 0, 0, 0);
  for (const r of rows) {
    total.closed += r.closed;
    total.withinNorm += r.withinNorm;
    total.open += r.open;
    total.overNorm += r.overNorm;
  }
  return { ...total, medianDays: 4, p90Days: 11 };
}

/** The CSV as the attacker reads it: counts per column with the total, and what follows from them. */
function published(text: string): Published {
  const [header, ...lines] = readCsv(text);
  const col = (name: string) => header.indexOf(name);
  const cells = new Map<string, string>();
  const margins: { totals: string[]; parts: string[] }[] = [];
  const derived: { label: string; text: string; from: string[] }[] = [];
  for (const name of ['Afgehandeld', 'Open', 'Open over de norm']) {
    const ids = lines.map((_, i) => `${name}:${i}`);
    lines.forEach((line, i) => cells.set(ids[i], line[col(name)]));
    margins.push({ totals: [ids.at(-1)!], parts: ids.slice(0, -1) });
  }
  lines.forEach((line, i) => {
    for (const name of ['Mediane doorlooptijd (dagen)', 'Binnen de norm (%)']) {
      derived.push({ label: `${name} ${i}`, text: line[col(name)], from: [`Afgehandeld:${i}`] });
    }
  });
  return { cells, margins, derived };
}

describe('CSV of the handling', () => {
  const options = { labelHeader: 'Categorie', norm: true, p90: true, openSums: true };

  it('writes "<5" for small counts and no median or share beside them', () => {
    const rows = [
      row('grofvuil', 3, 2, 12, 3),
      row('container-is-vol', 40, 30, 9, 6),
      row('x', 30, 29, 7, 5),
      row('y', 50, 48, 10, 0),
    ];
    const lines = readCsv(
      buildHandlingCsv(
        rows.map((r) => ({ label: r.key!, normDays: 14, figures: r })),
        { label: 'Totaal', figures: sum(rows) },
        options,
      ),
    );
    expect(lines[0]).toEqual([
      'Categorie',
      'Norm (dagen)',
      'Afgehandeld',
      'Mediane doorlooptijd (dagen)',
      'Doorlooptijd 90e percentiel (dagen)',
      'Binnen de norm (%)',
      'Open',
      'Open over de norm',
    ]);
    expect(lines[1]).toEqual(['grofvuil', '14', '<5', '—', '—', '—', '12', '<5']);
    expect(lines[2]).toEqual(['container-is-vol', '14', '40', '3,5', '12,3', '75,0', '9', '6']);
    // Kept back ("x") so that grofvuil's 3 and 3 do not follow from the totals: the smallest
    // other part of each column; nothing derived from it beside it.
    expect(lines[3]).toEqual(['x', '14', 'x', '—', '—', '—', '7', 'x']);
    // 48 of 50 within: the 2 late ones are a small count, so no share.
    expect(lines[4]).toEqual(['y', '14', '50', '3,5', '12,3', '—', '10', '0']);
    expect(lines[5]).toEqual(['Totaal', '', '123', '4,0', '11,0', '88,6', '38', '14']);
  });

  it('gives no hidden count back, on random tables', () => {
    let seed = 11;
    const random = () => (seed = (seed * 16807) % 2147483647) / 2147483647;
    const small = () => (random() < 0.5 ? Math.floor(random() * 5) : Math.floor(random() * 40));
    for (let run = 0; run < 200; run++) {
      const rows = Array.from({ length: 2 + Math.floor(random() * 12) }, (_, i) => {
        const closed = small();
        const open = small();
        return row(
          `c${i}`,
          closed,
          Math.floor(closed * random()),
          open,
          Math.floor(open * random()),
        );
      });
      const total = sum(rows);
      if ([total.closed, total.open, total.overNorm].some((n) => n > 0 && n < 5)) continue;
      const text = buildHandlingCsv(
        rows.map((r) => ({ label: r.key!, figures: r })),
        { label: 'Totaal', figures: total },
        options,
      );
      expect(findRecoveries(published(text)), JSON.stringify(rows)).toEqual([]);
    }
  });

  it('per month: the open ones are not summed, so the total leaves them empty', () => {
    const months = [row('jan 2025', 10, 9, 6, 0), row('feb 2025', 8, 8, 7, 1)];
    const lines = readCsv(
      buildHandlingCsv(
        months.map((m) => ({ label: m.key!, figures: m })),
        { label: 'Totaal', figures: sum(months) },
        { labelHeader: 'Maand', openSums: false },
      ),
    );
    expect(lines[0]).toEqual([
      'Maand',
      'Afgehandeld',
      'Mediane doorlooptijd (dagen)',
      'Binnen de norm (%)',
      'Open',
      'Open over de norm',
    ]);
    expect(lines[1]).toEqual(['jan 2025', '10', '3,5', '—', '6', '0']);
    expect(lines[2]).toEqual(['feb 2025', '8', '3,5', '100,0', '7', '<5']);
    expect(lines[3]).toEqual(['Totaal', '18', '4,0', '—', '', '']);
  });
});
