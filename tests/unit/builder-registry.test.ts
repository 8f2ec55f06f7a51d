/**
 * The builder registry (data/queries/registry.ts): what a server accepts instead of SQL.
 * Every builder a view calls is registered and tags its query with its call; the call
 * survives JSON and builds the same SQL again; arguments are checked strictly, with Dutch
 * messages, before any builder sees them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  buildDrilldownBaseQuery,
  buildDrilldownPageQuery,
} from '../../src/lib/data/queries/drilldown';
import { buildFactsHexCountsQuery } from '../../src/lib/data/queries/explore-facts';
import { builderNameOf } from '../../src/lib/data/queries/register';
import { BUILDERS, BuilderCallError, buildCall } from '../../src/lib/data/queries/registry';

const SRC = path.resolve(import.meta.dirname, '../../src/lib');
const json = <T>(value: T): T => JSON.parse(JSON.stringify(value)) as T;

function files(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const file = path.join(dir, e.name);
    if (e.isDirectory()) return files(file);
    return /\.(ts|svelte)$/.test(e.name) ? [file] : [];
  });
}

/** Builder names (build…Query) that code outside data/queries imports from a query module. */
function importedBuilders(): { module: string; name: string }[] {
  const found: { module: string; name: string }[] = [];
  const importRe = /import\s*{([^}]*)}\s*from\s*'(?:\$lib\/data|\.)\/queries\/([\w-]+)'/g;
  for (const file of [...files(path.join(SRC, 'state')), ...files(path.join(SRC, 'data'))]) {
    if (file.includes(`${path.sep}queries${path.sep}`)) continue;
    for (const m of readFileSync(file, 'utf8').matchAll(importRe)) {
      for (const part of m[1].split(',')) {
        const name = part.trim().split(/\s+as\s+/)[0];
        if (/^build\w+Query$/.test(name)) found.push({ module: m[2], name });
      }
    }
  }
  return found;
}

describe('the builder registry', () => {
  it('registers every builder that state models and data loaders call (writes aside)', async () => {
    const used = importedBuilders();
    expect(used.length).toBeGreaterThan(40);
    const missing: string[] = [];
    for (const { module, name } of used) {
      if (name === 'buildInsertSchouwQuery') continue; // a write, never sent to a server
      const mod = (await import(`../../src/lib/data/queries/${module}.ts`)) as Record<
        string,
        unknown
      >;
      const registered = builderNameOf(mod[name]);
      if (!registered || !(registered in BUILDERS)) missing.push(`${module}.${name}`);
    }
    expect(missing).toEqual([]);
  });

  it('tags a query with its call, which builds the same SQL again after JSON', () => {
    const filter = { themes: ['jeugd'], hours: [22, 23] };
    const query = buildFactsHexCountsQuery(['incidents', 'meldingen'], filter);
    expect(query.call).toEqual({
      builder: 'explore-facts.buildFactsHexCountsQuery',
      args: [['incidents', 'meldingen'], filter],
    });
    const again = buildCall(json(query.call));
    expect(again.sql).toBe(query.sql);
    expect(again.params).toEqual(query.params);
  });

  it('sends a query argument as its own call, never as SQL', () => {
    const base = buildDrilldownBaseQuery(
      ['visits'],
      {},
      { kind: 'area', level: 'wijk', code: 'WK990100' },
    );
    const page = buildDrilldownPageQuery(base, 2, 25);
    expect(JSON.stringify(page.call)).not.toContain('SELECT');
    expect(page.call?.args[0]).toEqual({ call: base.call });
    expect(buildCall(json(page.call)).sql).toBe(page.sql);
  });

  it.each(Object.entries(BUILDERS))(
    '%s: its examples are valid and survive JSON',
    (name, entry) => {
      expect(entry.examples.length).toBeGreaterThan(0);
      for (const args of entry.examples) {
        expect(entry.validate(json(args))).toBeNull();
        const query = buildCall({ builder: name, args: json(args) });
        expect(query.call?.builder).toBe(name);
        expect(buildCall(json(query.call)).sql).toBe(query.sql);
      }
    },
  );

  it('refuses what a builder must never see, saying what is wrong in Dutch', () => {
    const wrong: [unknown, RegExp][] = [
      [{ builder: 'DROP TABLE incidents', args: [] }, /onbekende bouwsteen/],
      [{ builder: 'overview.buildPeriodQuery', args: [1] }, /hoogstens 0/],
      [
        { builder: 'explore-facts.buildFactsHexCountsQuery', args: [['incidents'], { sql: 'x' }] },
        /onbekend veld 'sql'/,
      ],
      [
        { builder: 'explore-facts.buildFactsHexCountsQuery', args: [['incidenten'], {}] },
        /argument 1\[0\]: verwacht een van/,
      ],
      [
        { builder: 'explore-facts.buildFactsHexCountsQuery', args: [['visits', 'visits'], {}] },
        /dubbel/,
      ],
      [
        { builder: 'explore-facts.buildFactsHexCountsQuery', args: [['visits'], { hours: [24] }] },
        /argument 2\.hours\[0\]: verwacht een geheel getal van 0 tot en met 23/,
      ],
      [
        {
          builder: 'explore-facts.buildFactsHexCountsQuery',
          args: [['visits'], { from: '2024-01-01' }],
        },
        /tijdstip/,
      ],
      [
        {
          builder: 'explore-facts.buildFactsHexCountsQuery',
          args: [['visits'], { themes: ['x'.repeat(201)] }],
        },
        /hoogstens 200 tekens/,
      ],
      [
        {
          builder: 'explore-facts.buildFactsHexCountsQuery',
          args: [['visits'], { bbox: [1, 2, 3, Infinity] }],
        },
        /eindig getal/,
      ],
      [
        { builder: 'drilldown.buildDrilldownPageQuery', args: [{ sql: 'SELECT 1' }, 0, 10] },
        /onbekend veld 'sql'/,
      ],
      [
        {
          builder: 'drilldown.buildDrilldownPageQuery',
          args: [{ call: { builder: 'overview.buildPeriodQuery', args: [] } }, 0, 10],
        },
        /verwacht een van drilldown/,
      ],
      [
        {
          builder: 'hotspots.buildHexCellPeriodCountsQuery',
          args: [
            ['visits'],
            {
              size: 200,
              rd:
                BUILDERS['hotspots.buildHexCellCountsQuery'].examples[0][1] &&
                (BUILDERS['hotspots.buildHexCellCountsQuery'].examples[0][1] as { rd: unknown }).rd,
              filter: {},
              step: { months: 1 },
            },
          ],
        },
        /ongeldige argumenten/,
      ],
      ['SELECT 1', /aanroep: verwacht een object/],
    ];
    for (const [call, message] of wrong) {
      expect(() => buildCall(call), JSON.stringify(call).slice(0, 80)).toThrow(BuilderCallError);
      expect(() => buildCall(call)).toThrow(message);
    }
  });
});
