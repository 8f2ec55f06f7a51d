/**
 * The region server's scope (server/src/scope.ts): who a request is from, and the builder
 * arguments narrowed to what that user may see — never widened by an empty intersection.
 */
import { describe, expect, it } from 'vitest';
import { parseConfig } from '../../server/src/config';
import { narrowArgs, RequestError, scopeOf, type Scope } from '../../server/src/scope';

const config = parseConfig({
  database: 'region.duckdb',
  groupsHeader: 'X-Wijkradar-Groups',
  users: { alice: { role: 'analist', gemeenten: ['GM0001'] } },
  groups: {
    regio: { role: 'regio', gemeenten: ['GM0002', 'GM0001'] },
    extra: { role: 'regio', gemeenten: ['GM0003'] },
    riec: { role: 'riec', gemeenten: ['GM0001', 'GM0002'] },
  },
});

const status = (f: () => unknown) => {
  try {
    f();
  } catch (error) {
    return error instanceof RequestError ? error.status : error;
  }
  return 200;
};

describe('scopeOf', () => {
  it('takes the user from the identity header and the grant from the configuration', () => {
    expect(scopeOf(config, { 'x-wijkradar-user': 'alice' })).toEqual({
      user: 'alice',
      role: 'analist',
      gemeenten: ['GM0001'],
      themes: null,
    });
  });

  it('joins the gemeenten of a user’s groups and limits riec to its themes', () => {
    const headers = { 'x-wijkradar-user': 'rita', 'x-wijkradar-groups': 'regio, extra' };
    expect(scopeOf(config, headers).gemeenten).toEqual(['GM0001', 'GM0002', 'GM0003']);
    const riec = scopeOf(config, { 'x-wijkradar-user': 'rick', 'x-wijkradar-groups': 'riec' });
    expect(riec.themes).toEqual(['ondermijning']);
  });

  it('answers 401 without identity and 403 without a grant or with two roles', () => {
    expect(status(() => scopeOf(config, {}))).toBe(401);
    expect(status(() => scopeOf(config, { 'x-wijkradar-user': '  ' }))).toBe(401);
    expect(status(() => scopeOf(config, { 'x-wijkradar-user': 'mallory' }))).toBe(403);
    const mixed = { 'x-wijkradar-user': 'x', 'x-wijkradar-groups': 'regio,riec' };
    expect(status(() => scopeOf(config, mixed))).toBe(403);
  });
});

describe('narrowArgs', () => {
  const alice: Scope = { user: 'alice', role: 'analist', gemeenten: ['GM0001'], themes: null };
  const rick: Scope = {
    user: 'rick',
    role: 'riec',
    gemeenten: ['GM0001', 'GM0002'],
    themes: ['ondermijning'],
  };

  it('gives a filter without gemeenten the granted ones, wherever it is among the arguments', () => {
    const args = [['incidents'], { themes: ['afval'] }, { size: 250, filter: { hours: [1] } }];
    expect(narrowArgs(args, alice)).toEqual([
      ['incidents'],
      { themes: ['afval'], gemeenten: ['GM0001'] },
      { size: 250, filter: { hours: [1], gemeenten: ['GM0001'] } },
    ]);
  });

  it('narrows the filter inside a query argument that travels as its call', () => {
    const base = {
      call: {
        builder: 'drilldown.buildDrilldownBaseQuery',
        args: [['visits'], { wijkcodes: ['WK1'] }, {}],
      },
    };
    const [narrowed] = narrowArgs([base], alice) as [typeof base];
    expect(narrowed.call.args[1]).toEqual({ wijkcodes: ['WK1'], gemeenten: ['GM0001'] });
  });

  it('refuses a gemeente or theme outside the grant instead of dropping it', () => {
    expect(status(() => narrowArgs([{ gemeenten: ['GM0002'] }], alice))).toBe(403);
    expect(status(() => narrowArgs([{ gemeenten: ['GM0001', 'GM0002'] }], alice))).toBe(403);
    expect(status(() => narrowArgs([{ themes: ['afval'] }], rick))).toBe(403);
    expect(narrowArgs([{ themes: [] }], rick)).toEqual([
      { themes: ['ondermijning'], gemeenten: ['GM0001', 'GM0002'] },
    ]);
  });

  it('leaves arguments that are no filter as they are', () => {
    expect(narrowArgs(['wijk', 3, null, { level: 'buurt', code: 'BU1' }], alice)).toEqual([
      'wijk',
      3,
      null,
      { level: 'buurt', code: 'BU1' },
    ]);
  });
});
